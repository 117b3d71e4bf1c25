"""The review pipeline's entry point.

PLACEHOLDER until the pipeline capability lands: the task only records that
the review was handed over (the job and the review committed together); it
reads and changes nothing else.
"""

from __future__ import annotations

import logging
import uuid

import procrastinate

from flightline.core.db import Tenant, tenant_session
from flightline.reviews import repository as reviews_repo
from flightline.worker import runtime

blueprint = procrastinate.Blueprint()
log = logging.getLogger("flightline.pipeline")


@blueprint.task(name="process", pass_context=False)
async def process_review(org_id: str, sandbox: bool, review_id: str) -> None:
    tenant = Tenant(uuid.UUID(org_id), sandbox)
    async with tenant_session(runtime.database().sessionmaker, tenant) as session:
        review = await reviews_repo.get(session, tenant, uuid.UUID(review_id))
    if review is None:
        return  # deleted since: nothing to do
    log.info("review handed to the pipeline (placeholder)", extra={"review_id": review_id})
