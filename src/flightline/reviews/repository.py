"""All SQL on reviews, always filtered by organization and mode. RLS enforces
the same boundary underneath; the tests prove each layer on its own."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.db import Tenant
from flightline.core.pagination import Position
from flightline.reviews.models import Review


def _scoped(tenant: Tenant):  # type: ignore[no-untyped-def]
    return select(Review).where(Review.org_id == tenant.org_id, Review.sandbox == tenant.sandbox)


async def get(session: AsyncSession, tenant: Tenant, review_id: uuid.UUID) -> Review | None:
    stmt = _scoped(tenant).where(Review.id == review_id)
    return (await session.scalars(stmt)).one_or_none()


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
) -> list[Review]:
    stmt = _scoped(tenant).order_by(Review.created_at.desc(), Review.id.desc()).limit(limit)
    if after is not None:
        stmt = stmt.where(tuple_(Review.created_at, Review.id) < (after.at, after.id))
    if status is not None:
        stmt = stmt.where(Review.status == status)
    if reference_id is not None:
        stmt = stmt.where(Review.reference_id == reference_id)
    if created_after is not None:
        stmt = stmt.where(Review.created_at > created_after)
    if created_before is not None:
        stmt = stmt.where(Review.created_at < created_before)
    return list((await session.scalars(stmt)).all())


async def add(session: AsyncSession, review: Review) -> None:
    session.add(review)
    await session.flush()
