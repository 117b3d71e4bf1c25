"""All SQL on reviews, always filtered by organization and mode. RLS enforces
the same boundary underneath; the tests prove each layer on its own.

Reads return rows (not ORM objects): statements are built once with bind
parameters so a request pays neither statement construction nor ORM loading.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Row, Select, Table, bindparam, func, select, tuple_, update
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.db import Tenant
from flightline.core.pagination import Position
from flightline.reviews.models import Review

_T: Table = Review.__table__  # type: ignore[assignment]
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


_REFERENCE = select(_T.c.id).where(
    _T.c.org_id == bindparam("org_id"),
    _T.c.sandbox == bindparam("sandbox"),
    _T.c.reference_id == bindparam("reference_id"),
)


async def reference_taken(session: AsyncSession, tenant: Tenant, reference_id: str) -> bool:
    result = await session.execute(
        _REFERENCE, {**_tenant_params(tenant), "reference_id": reference_id}
    )
    return result.first() is not None


async def lock(session: AsyncSession, tenant: Tenant, review_id: uuid.UUID) -> Row[Any] | None:
    """The review row, locked for this transaction (jobs moving its status)."""
    result = await session.execute(
        _GET.with_for_update(), {**_tenant_params(tenant), "review_id": review_id}
    )
    row: Row[Any] | None = result.first()
    return row


async def set_status(
    session: AsyncSession,
    tenant: Tenant,
    review_id: uuid.UUID,
    status: str,
    *,
    document_count: int | None = None,
    failure_code: str | None = None,
    failure_message: str | None = None,
    report_available: bool | None = None,
) -> None:
    values: dict[str, Any] = {
        "status": status,
        "updated_at": func.now(),
        "failure_code": failure_code,
        "failure_message": failure_message,
    }
    if document_count is not None:
        values["document_count"] = document_count
    if report_available is not None:
        values["report_available"] = report_available
    await session.execute(
        update(_T)
        .where(_T.c.org_id == tenant.org_id, _T.c.sandbox == tenant.sandbox, _T.c.id == review_id)
        .values(**values)
    )
