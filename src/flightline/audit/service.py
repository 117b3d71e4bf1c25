"""Audit use cases: listing for a tenant, sealing in the background, verifying."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from flightline.audit import repository
from flightline.audit.chain import ChainReport, verify_chain
from flightline.audit.schemas import AuditEventList, AuditEventOut
from flightline.core.db import Database, Tenant, tenant_session
from flightline.core.pagination import CursorCodec, Position, split_page

log = logging.getLogger("flightline.audit")


async def list_events(
    session: AsyncSession,
    tenant: Tenant,
    codec: CursorCodec,
    *,
    limit: int,
    cursor: str | None,
    created_after: datetime | None,
    created_before: datetime | None,
    key_id: str | None,
) -> AuditEventList:
    filters: dict[str, object] = {
        "created_after": created_after,
        "created_before": created_before,
        "key_id": key_id,
    }
    after = codec.decode("audit", filters, cursor) if cursor else None
    rows = await repository.list_events(
        session,
        tenant,
        limit=limit + 1,
        after=after,
        created_after=created_after,
        created_before=created_before,
        key_id=key_id,
    )
    page, next_cursor = split_page(
        codec, "audit", filters, rows, limit, lambda e: Position(e.occurred_at, e.id)
    )
    return AuditEventList(
        data=[
            AuditEventOut(
                event_id=e.id,
                occurred_at=e.occurred_at,
                key_id=e.key_id,
                method=e.method,
                route=e.route,
                status=e.status,
                outcome=e.outcome,
                request_id=e.request_id,
                action=e.action,
                resource_id=e.resource_id,
                sealed=e.hash is not None,
            )
            for e in page
        ],
        next_cursor=next_cursor,
    )


async def seal_all(db: Database) -> int:
    """Seal every organization's pending events, one transaction per organization."""
    async with db.sessionmaker() as session:
        org_ids = await repository.orgs_with_unsealed_events(session)
        await session.rollback()
    total = 0
    for org_id in org_ids:
        # The sealer writes the chain of the bound organization only; the mode
        # binding is irrelevant to it (one chain spans both modes).
        async with tenant_session(db.sessionmaker, Tenant(org_id, sandbox=False)) as session:
            total += await repository.seal_bound_org(session)
    if total:
        log.info("audit events sealed", extra={"count": total})
    return total


async def verify(session: AsyncSession, org_id: uuid.UUID) -> ChainReport:
    """Admin (owner role) only: reads the whole chain of one organization."""
    return verify_chain(await repository.chain_of(session, org_id))
