"""SQL on API keys, for administration (owner role). Requests never read this
table directly: they go through `flightline_private.authenticate`."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.auth.models import ApiKey


async def add(session: AsyncSession, key: ApiKey) -> None:
    session.add(key)
    await session.flush()


async def by_key_id(session: AsyncSession, key_id: str) -> ApiKey | None:
    return (await session.scalars(select(ApiKey).where(ApiKey.key_id == key_id))).one_or_none()


async def for_org(session: AsyncSession, org_id: uuid.UUID) -> list[ApiKey]:
    stmt = select(ApiKey).where(ApiKey.org_id == org_id).order_by(ApiKey.created_at, ApiKey.key_id)
    return list((await session.scalars(stmt)).all())
