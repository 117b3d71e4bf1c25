"""Housekeeping of the queue itself."""

from __future__ import annotations

import procrastinate

blueprint = procrastinate.Blueprint()


@blueprint.periodic(cron="17 * * * *")
@blueprint.task(name="prune", queueing_lock="queue.prune", pass_context=True)
async def prune_finished_jobs(context: procrastinate.JobContext, timestamp: int) -> None:
    # Periodic jobs (audit sealing every two seconds) would otherwise pile up.
    await context.app.job_manager.delete_old_jobs(nb_hours=24, include_failed=False)
