"""Per-request state shared by the middleware and the dependencies.

The auth dependency opens the request's one transaction and leaves it here;
the middleware finishes it (audit row, then commit or rollback) when the
response starts, so the client never sees a success that was not committed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from starlette.requests import HTTPConnection

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from flightline.auth.schemas import Principal


@dataclass(slots=True)
class RequestContext:
    request_id: str
    started: float = field(default_factory=time.perf_counter)
    session: AsyncSession | None = None
    principal: Principal | None = None
    error_code: str | None = None
    action: str | None = None
    resource_id: str | None = None
    # Undo steps outside the database (stored blobs) for when the request's
    # transaction does not commit after all.
    on_rollback: list[Callable[[], None]] = field(default_factory=list)


def request_context(conn: HTTPConnection) -> RequestContext:
    ctx = conn.scope.get("flightline.ctx")
    assert isinstance(ctx, RequestContext), "RequestMiddleware is not installed"
    return ctx
