"""All SQL on reviews, always filtered by organization and mode. RLS enforces
the same boundary underneath; the tests prove each layer on its own.

Reads return rows (not ORM objects): statements are built once with bind
parameters so a request pays neither statement construction nor ORM loading.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, bindparam, select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.db import Tenant
from flightline.core.pagination import Position
from flightline.reviews.models import Review

_T = Review.__table__
_COLUMNS = [c.label("metadata_") if c.name == "metadata" else c for c in _T.c]


def _scoped() -> Select[Any]:
    return select(*_COLUMNS).where(
        _T.c.org_id == bindparam("org_id"), _T.c.sandbox == bindparam("sandbox")
    )


_GET = _scoped().where(_T.c.id == bindparam("review_id"))


def _tenant_params(tenant: Tenant) -> dict[str, Any]:
    return {"org_id": tenant.org_id, "sandbox": tenant.sandbox}


async def get(session: AsyncSession, tenant: Tenant, review_id: uuid.UUID) -> Row[Any] | None:
    result = await session.execute(_GET, {**_tenant_params(tenant), "review_id": review_id})
    row: Row[Any] | None = result.first()
    return row


async def list_page(
    session: AsyncSession,
    tenant: Tenant,
    *,
    limit: int,
    after: Position | None,
    status: str | None,
    reference_id: str | None,
    created_after: datetime | None,
    created_before: datetime | None,
) -> list[Row[Any]]:
    stmt = _scoped().order_by(_T.c.created_at.desc(), _T.c.id.desc()).limit(limit)
    if after is not None:
        stmt = stmt.where(tuple_(_T.c.created_at, _T.c.id) < (after.at, after.id))
    if status is not None:
        stmt = stmt.where(_T.c.status == status)
    if reference_id is not None:
        stmt = stmt.where(_T.c.reference_id == reference_id)
    if created_after is not None:
        stmt = stmt.where(_T.c.created_at > created_after)
    if created_before is not None:
        stmt = stmt.where(_T.c.created_at < created_before)
    return list((await session.execute(stmt, _tenant_params(tenant))).all())


async def add(session: AsyncSession, review: Review) -> None:
    session.add(review)
    await session.flush()
