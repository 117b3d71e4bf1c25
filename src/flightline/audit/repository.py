"""All SQL on audit events. Every read is filtered by organization (and mode),
independently of the RLS policy that enforces the same."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.audit.models import AuditEvent
from flightline.core.db import Tenant, driver_connection
from flightline.core.pagination import Position


@dataclass(frozen=True, slots=True)
class AuditRecord:
    id: uuid.UUID
    org_id: uuid.UUID
    sandbox: bool
    key_id: str | None
    method: str
    route: str
    status: int
    outcome: str
    request_id: str
    duration_ms: int | None = None
    action: str | None = None
    resource_id: str | None = None


_INSERT_SQL = (
    "INSERT INTO audit_events (org_id, id, sandbox, key_id, method, route, status, outcome,"
    " request_id, duration_ms, action, resource_id)"
    " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


async def insert_audit_event(session: AsyncSession, record: AuditRecord) -> None:
    """A plain insert in the caller's transaction (on the request path: see driver_connection)."""
    conn = await driver_connection(session)
    await conn.execute(
        _INSERT_SQL,
        (
            record.org_id,
            record.id,
            record.sandbox,
            record.key_id,
            record.method,
            record.route,
            record.status,
            record.outcome,
            record.request_id,
            record.duration_ms,
            record.action,
            record.resource_id,
        ),
        prepare=True,
    )


async def list_events(
    session: AsyncSession,
    tenant: Tenant,
    *,
    limit: int,
    after: Position | None,
    created_after: datetime | None,
    created_before: datetime | None,
    key_id: str | None,
) -> list[AuditEvent]:
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.org_id == tenant.org_id, AuditEvent.sandbox == tenant.sandbox)
        .order_by(AuditEvent.occurred_at.desc(), AuditEvent.id.desc())
        .limit(limit)
    )
    if after is not None:
        stmt = stmt.where(tuple_(AuditEvent.occurred_at, AuditEvent.id) < (after.at, after.id))
    if created_after is not None:
        stmt = stmt.where(AuditEvent.occurred_at > created_after)
    if created_before is not None:
        stmt = stmt.where(AuditEvent.occurred_at < created_before)
    if key_id is not None:
        stmt = stmt.where(AuditEvent.key_id == key_id)
    return list((await session.scalars(stmt)).all())


async def orgs_with_unsealed_events(session: AsyncSession) -> list[uuid.UUID]:
    """Organization ids only, through the sealer's narrow function."""
    result = await session.execute(text("SELECT * FROM flightline_private.audit_orgs_pending()"))
    return [row[0] for row in result]


async def seal_bound_org(session: AsyncSession) -> int:
    result = await session.execute(text("SELECT flightline_private.seal_audit_events()"))
    return int(result.scalar_one())


async def chain_of(session: AsyncSession, org_id: uuid.UUID) -> list[AuditEvent]:
    """Every event of one organization, sealed first in chain order (admin only)."""
    stmt = (
        select(AuditEvent)
        .where(AuditEvent.org_id == org_id)
        .order_by(AuditEvent.chain_seq.asc().nulls_last(), AuditEvent.occurred_at, AuditEvent.id)
    )
    return list((await session.scalars(stmt)).all())
