from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from flightline.audit import service
from flightline.audit.schemas import AuditEventList
from flightline.auth.dependencies import CurrentPrincipal, Cursors, TenantSession
from flightline.core.openapi import error_responses

router = APIRouter(prefix="/v1/audit-events", tags=["audit"])


@router.get(
    "",
    response_model=AuditEventList,
    responses=error_responses((400, "invalid_request"), (422, "invalid_request")),
    summary="List the audit trail of the caller's organization and mode, newest first",
)
async def list_audit_events(
    principal: CurrentPrincipal,
    session: TenantSession,
    cursors: Cursors,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: str | None = None,
    created_after: datetime | None = None,
    created_before: datetime | None = None,
    key_id: Annotated[str | None, Query(max_length=64)] = None,
) -> AuditEventList:
    return await service.list_events(
        session,
        principal.tenant,
        cursors,
        limit=limit,
        cursor=cursor,
        created_after=created_after,
        created_before=created_before,
        key_id=key_id,
    )
