"""Background sealing of the audit hash chain, off the request path."""

from __future__ import annotations

import procrastinate

from flightline.audit import service
from flightline.worker import runtime

blueprint = procrastinate.Blueprint()


@blueprint.periodic(cron="* * * * * */2")
@blueprint.task(name="seal", queueing_lock="audit.seal", pass_context=False)
async def seal_audit(timestamp: int) -> None:
    await service.seal_all(runtime.database())
