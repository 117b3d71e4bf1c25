"""Organization administration (owner role, command line)."""

from __future__ import annotations

import uuid

from sqlalchemy import func
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.errors import AdminError
from flightline.orgs import repository
from flightline.orgs.models import Organization
from flightline.orgs.schemas import OrganizationOut


def to_out(org: Organization) -> OrganizationOut:
    return OrganizationOut(
        org_id=org.id, name=org.name, status=org.status, retention_days=org.retention_days
    )


def _validate_name(name: str) -> str:
    name = name.strip()
    if not 1 <= len(name) <= 200:
        raise AdminError("the organization name must be 1 to 200 characters")
    return name


def _validate_retention(days: int) -> int:
    if not 1 <= days <= 36500:
        raise AdminError("retention days must be between 1 and 36500")
    return days


async def create(session: AsyncSession, name: str, retention_days: int = 365) -> Organization:
    org = Organization(
        id=uuid.uuid4(),
        name=_validate_name(name),
        status="active",
        retention_days=_validate_retention(retention_days),
    )
    await repository.add(session, org)
    return org


async def require(session: AsyncSession, org_id: str | uuid.UUID) -> Organization:
    try:
        oid = org_id if isinstance(org_id, uuid.UUID) else uuid.UUID(org_id)
    except ValueError:
        raise AdminError(f"no organization {org_id}") from None
    org = await repository.get(session, oid)
    if org is None:
        raise AdminError(f"no organization {org_id}")
    return org


async def set_status(session: AsyncSession, org_id: str | uuid.UUID, status: str) -> Organization:
    org = await require(session, org_id)
    org.status = status
    org.updated_at = func.now()
    await session.flush()
    await session.refresh(org)
    return org


async def set_retention(session: AsyncSession, org_id: str | uuid.UUID, days: int) -> Organization:
    org = await require(session, org_id)
    org.retention_days = _validate_retention(days)
    org.updated_at = func.now()
    await session.flush()
    await session.refresh(org)
    return org
