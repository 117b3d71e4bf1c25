"""The outermost application middleware (pure ASGI, no per-request task).

For every HTTP request it: assigns the request id; finishes the request's
transaction when the response starts (audit row, then commit or rollback);
turns any unhandled exception into a 500 envelope with no detail; adds
`X-Request-Id` and HSTS; and writes one JSON log line of metadata.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from flightline.audit.repository import AuditRecord, insert_audit_event
from flightline.core.context import RequestContext
from flightline.core.db import Database, bind_tenant
from flightline.core.envelope import error_body
from flightline.core.ids import request_id as new_request_id

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

log = logging.getLogger("flightline.request")
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_HSTS = (b"strict-transport-security", b"max-age=63072000; includeSubDomains")


def _route_template(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "(unmatched)"


class RequestMiddleware:
    def __init__(self, app: ASGIApp, database: Callable[[], Database | None]) -> None:
        self.app = app
        self.database = database

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        ctx = RequestContext(request_id=new_request_id())
        scope["flightline.ctx"] = ctx
        state: dict[str, Any] = {"started": False, "status": 500, "replaced": False}
        rid_header = (b"x-request-id", ctx.request_id.encode())

        async def send_wrapper(message: Message) -> None:
            if state["replaced"]:
                return
            if message["type"] == "http.response.start":
                status = int(message["status"])
                if not await self._finish(ctx, scope, status):
                    # The commit failed: the client must not see a success.
                    state["replaced"] = True
                    await self._send_500(ctx, send, rid_header, state)
                    return
                state["started"] = True
                state["status"] = status
                message["headers"] = [*message.get("headers", []), rid_header, _HSTS]
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        except Exception:
            log.exception("unhandled error", extra={"request_id": ctx.request_id})
            if not state["started"] and not state["replaced"]:
                ctx.error_code = "internal_error"
                await self._finish(ctx, scope, 500)
                await self._send_500(ctx, send, rid_header, state)
        finally:
            if ctx.session is not None:
                await ctx.session.close()
            self._log(ctx, scope, int(state["status"]))

    async def _send_500(
        self,
        ctx: RequestContext,
        send: Send,
        rid_header: tuple[bytes, bytes],
        state: dict[str, Any],
    ) -> None:
        body = error_body("internal_error", "Something went wrong on our side.", ctx.request_id)
        state["started"] = True
        state["status"] = 500
        await send(
            {
                "type": "http.response.start",
                "status": 500,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    rid_header,
                    _HSTS,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    async def _finish(self, ctx: RequestContext, scope: Scope, status: int) -> bool:
        """Audit and end the transaction. False when a write could not be committed."""
        session = ctx.session
        principal = ctx.principal
        if principal is None:
            if session is not None:
                await session.rollback()
            return True
        record = AuditRecord(
            id=uuid.uuid4(),
            org_id=principal.org_id,
            sandbox=principal.sandbox,
            key_id=principal.key_id,
            method=str(scope.get("method", "")),
            route=_route_template(scope),
            status=status,
            outcome="ok" if status < 400 else (ctx.error_code or "error"),
            request_id=ctx.request_id,
            duration_ms=int((time.perf_counter() - ctx.started) * 1000),
            action=ctx.action,
            resource_id=ctx.resource_id,
        )
        keep = status < 400 or scope.get("method") in _SAFE_METHODS
        try:
            if session is not None and keep and session.in_transaction():
                # Reads (and successful writes) commit together with their audit row.
                await insert_audit_event(session, record)
                try:
                    await session.commit()
                except Exception:
                    await self._undo(ctx)
                    raise
                return True
            if session is not None:
                await session.rollback()
            await self._undo(ctx)
            db = self.database()
            if db is None:
                return True
            async with db.sessionmaker() as audit_session, audit_session.begin():
                await bind_tenant(audit_session, principal.tenant)
                await insert_audit_event(audit_session, record)
            return True
        except Exception:
            log.exception(
                "could not finish the request transaction", extra={"request_id": ctx.request_id}
            )
            return status >= 400

    @staticmethod
    async def _undo(ctx: RequestContext) -> None:
        steps, ctx.on_rollback = ctx.on_rollback, []
        for step in steps:
            try:
                await asyncio.to_thread(step)
            except Exception:
                log.exception("could not undo a step", extra={"request_id": ctx.request_id})

    @staticmethod
    def _log(ctx: RequestContext, scope: Scope, status: int) -> None:
        principal = ctx.principal
        log.info(
            "request",
            extra={
                "request_id": ctx.request_id,
                "method": scope.get("method"),
                "route": _route_template(scope),
                "status": status,
                "outcome": "ok" if status < 400 else (ctx.error_code or "error"),
                "duration_ms": round((time.perf_counter() - ctx.started) * 1000, 2),
                "org_id": str(principal.org_id) if principal else None,
                "key_id": principal.key_id if principal else None,
            },
        )
