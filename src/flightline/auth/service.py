"""API key administration (owner role, command line). The secret exists only
in the return value of `create` and `rotate`; what is stored is its SHA-256."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from flightline.auth import repository
from flightline.auth.keys import generate_key_id, generate_secret, hash_secret
from flightline.auth.models import ApiKey
from flightline.core.errors import AdminError
from flightline.core.timefmt import to_wire
from flightline.orgs import service as orgs


@dataclass(frozen=True, slots=True)
class IssuedKey:
    key: ApiKey
    secret: str


def describe(key: ApiKey) -> dict[str, object]:
    return {
        "key_id": key.key_id,
        "org_id": str(key.org_id),
        "name": key.name,
        "mode": key.mode,
        "created_at": to_wire(key.created_at) if key.created_at else None,
        "last_used_at": to_wire(key.last_used_at) if key.last_used_at else None,
        "revoked_at": to_wire(key.revoked_at) if key.revoked_at else None,
    }


async def create(
    session: AsyncSession, org_id: str | uuid.UUID, name: str, sandbox: bool
) -> IssuedKey:
    org = await orgs.require(session, org_id)
    name = name.strip()
    if not 1 <= len(name) <= 200:
        raise AdminError("the key name must be 1 to 200 characters")
    secret = generate_secret(sandbox)
    key = ApiKey(
        org_id=org.id,
        id=uuid.uuid4(),
        key_id=generate_key_id(),
        name=name,
        mode="sandbox" if sandbox else "live",
        secret_hash=hash_secret(secret),
        created_at=datetime.now(UTC),
    )
    await repository.add(session, key)
    return IssuedKey(key, secret)


async def require(session: AsyncSession, key_id: str) -> ApiKey:
    key = await repository.by_key_id(session, key_id)
    if key is None:
        raise AdminError(f"no API key {key_id}")
    return key


async def list_for_org(session: AsyncSession, org_id: str | uuid.UUID) -> list[ApiKey]:
    org = await orgs.require(session, org_id)
    return await repository.for_org(session, org.id)


async def revoke(session: AsyncSession, key_id: str) -> ApiKey:
    key = await require(session, key_id)
    if key.revoked_at is None:
        key.revoked_at = datetime.now(UTC)
        key.previous_secret_hash = None
        key.previous_expires_at = None
        await session.flush()
    return key


async def rotate(session: AsyncSession, key_id: str, grace_seconds: int = 0) -> IssuedKey:
    """A new secret for the same key id; the old one works for `grace_seconds` more."""
    if not 0 <= grace_seconds <= 7 * 24 * 3600:
        raise AdminError("grace seconds must be between 0 and 604800")
    key = await require(session, key_id)
    if key.revoked_at is not None:
        raise AdminError(f"API key {key_id} is revoked")
    secret = generate_secret(key.mode == "sandbox")
    if grace_seconds:
        key.previous_secret_hash = key.secret_hash
        key.previous_expires_at = datetime.now(UTC) + timedelta(seconds=grace_seconds)
    else:
        key.previous_secret_hash = None
        key.previous_expires_at = None
    key.secret_hash = hash_secret(secret)
    await session.flush()
    return IssuedKey(key, secret)
