"""Deferring jobs inside the caller's transaction.

procrastinate's own defer runs on its own connection; calling its SQL
function on the request's (or job's) connection instead means the job row and
the data it refers to commit together, or neither does.
"""

from __future__ import annotations

import json

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_DEFER = text(
    "SELECT procrastinate_defer_jobs_v1(ARRAY[ROW(:queue, :task, 0, :lock, :qlock,"
    " CAST(:args AS jsonb), NULL)::procrastinate_job_to_defer_v1])"
)


async def defer_job(
    session: AsyncSession,
    task_name: str,
    args: dict[str, object],
    *,
    queue: str = "default",
    lock: str | None = None,
    queueing_lock: str | None = None,
) -> None:
    """Queue `task_name(**args)`; args must be ids and flags only, never borrower data."""
    await session.execute(
        _DEFER,
        {
            "queue": queue,
            "task": task_name,
            "lock": lock,
            "qlock": queueing_lock,
            "args": json.dumps(args, default=str),
        },
    )
