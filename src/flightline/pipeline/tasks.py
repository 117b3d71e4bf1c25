"""The review pipeline's job."""

from __future__ import annotations

import uuid

import procrastinate

from flightline.core.db import Tenant
from flightline.pipeline.service import process_review
from flightline.worker import runtime

blueprint = procrastinate.Blueprint()


@blueprint.task(name="process", pass_context=False)
async def process(org_id: str, sandbox: bool, review_id: str) -> None:
    await process_review(
        runtime.pipeline(), Tenant(uuid.UUID(org_id), sandbox), uuid.UUID(review_id)
    )


async def retry_stalled_jobs(app: procrastinate.App, seconds: float) -> int:
    """Requeue jobs whose worker stopped beating (kill -9, OOM, a lost host).

    A stalled job whose queueing lock is already held by a newer queued job (a
    periodic task deferred again meanwhile) is closed instead: the newer one
    does the same work.
    """
    manager = app.job_manager
    stalled = list(await manager.get_stalled_jobs(seconds_since_heartbeat=seconds))
    for job in stalled:
        try:
            await manager.retry_job(job)
        except procrastinate.exceptions.UniqueViolation:
            await manager.finish_job(job, status=procrastinate.jobs.Status.FAILED, delete_job=False)
    return len(stalled)


@blueprint.periodic(cron="* * * * * */30")
@blueprint.task(name="retry_stalled", queueing_lock="pipeline.retry_stalled", pass_context=True)
async def retry_stalled(context: procrastinate.JobContext, timestamp: int) -> None:
    await retry_stalled_jobs(context.app, runtime.stalled_job_seconds())
