"""SQL on organizations. Used by the admin command line as the owner role."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.orgs.models import Organization


async def get(session: AsyncSession, org_id: uuid.UUID) -> Organization | None:
    return (
        await session.scalars(select(Organization).where(Organization.id == org_id))
    ).one_or_none()


async def add(session: AsyncSession, org: Organization) -> None:
    session.add(org)
    await session.flush()
