"""Per-organization data keys: created on first use, stored wrapped by the
key provider, unwrapped per use (cheap: one AES-GCM open of 32 bytes)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.crypto import KeyProvider, new_data_key
from flightline.orgs.models import OrgKey


@dataclass(frozen=True, slots=True)
class DataKey:
    version: int
    key: bytes


def _context(org_id: uuid.UUID, version: int) -> bytes:
    return f"{org_id}|{version}".encode()


async def current_key(session: AsyncSession, provider: KeyProvider, org_id: uuid.UUID) -> DataKey:
    """The organization's newest data key, created if it has none (tenant-bound session)."""
    row = (
        await session.execute(
            select(OrgKey.version, OrgKey.wrapped_key)
            .where(OrgKey.org_id == org_id)
            .order_by(OrgKey.version.desc())
            .limit(1)
        )
    ).first()
    if row is None:
        wrapped = provider.wrap(new_data_key(), _context(org_id, 1))
        await session.execute(
            text(
                "INSERT INTO org_keys (org_id, version, wrapped_key) VALUES (:org, 1, :key)"
                " ON CONFLICT DO NOTHING"
            ),
            {"org": org_id, "key": wrapped},
        )
        return await current_key(session, provider, org_id)
    return DataKey(row.version, provider.unwrap(row.wrapped_key, _context(org_id, row.version)))


async def key_version(
    session: AsyncSession, provider: KeyProvider, org_id: uuid.UUID, version: int
) -> DataKey:
    wrapped = (
        await session.execute(
            select(OrgKey.wrapped_key).where(OrgKey.org_id == org_id, OrgKey.version == version)
        )
    ).scalar_one()
    return DataKey(version, provider.unwrap(wrapped, _context(org_id, version)))
