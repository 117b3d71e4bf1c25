"""Idempotency keys: one review per (organization, mode, key).

The key row is inserted in the creating request's own transaction. A
concurrent duplicate's insert waits on that uncommitted row (PostgreSQL's
speculative insertion), then sees it committed — and replays — or rolled back
— and proceeds itself. So two racing requests never make two reviews, and a
request that failed leaves no key behind.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.db import Tenant
from flightline.core.errors import IdempotencyKeyInUse, IdempotencyKeyReused

# Below the connection's statement_timeout (30 s), so a wait ends as a 409.
WAIT_SECONDS = 10


def fingerprint(fields: dict[str, object], documents: list[object]) -> bytes:
    """The same request: same fields, same documents in the same order (by SHA-256)."""
    canonical = json.dumps({"fields": fields, "documents": documents}, sort_keys=True, default=str)
    return hashlib.sha256(canonical.encode()).digest()


@dataclass(frozen=True, slots=True)
class Claim:
    replay_of: uuid.UUID | None  # the original review when this is a replay


async def claim(session: AsyncSession, tenant: Tenant, key: str, print_: bytes) -> Claim:
    await session.execute(text(f"SET LOCAL lock_timeout = '{WAIT_SECONDS}s'"))
    try:
        inserted = await session.execute(
            text(
                "INSERT INTO idempotency_keys (org_id, sandbox, key, fingerprint)"
                " VALUES (:org, :sandbox, :key, :fp) ON CONFLICT DO NOTHING RETURNING key"
            ),
            {"org": tenant.org_id, "sandbox": tenant.sandbox, "key": key, "fp": print_},
        )
    except DBAPIError as exc:
        # lock_not_available, or the statement timeout if it came first
        if getattr(exc.orig, "sqlstate", None) in ("55P03", "57014"):
            raise IdempotencyKeyInUse() from None
        raise
    await session.execute(text("SET LOCAL lock_timeout = 0"))
    if inserted.first() is not None:
        return Claim(None)
    row = (
        await session.execute(
            text(
                "SELECT fingerprint, review_id FROM idempotency_keys"
                " WHERE org_id = :org AND sandbox = :sandbox AND key = :key"
            ),
            {"org": tenant.org_id, "sandbox": tenant.sandbox, "key": key},
        )
    ).first()
    if row is None or row.review_id is None:
        raise IdempotencyKeyInUse()
    if row.fingerprint != print_:
        raise IdempotencyKeyReused()
    return Claim(row.review_id)


async def peek(session: AsyncSession, tenant: Tenant, key: str, print_: bytes) -> Claim:
    """A committed use of the key, checked before any expensive work (read only)."""
    row = (
        await session.execute(
            text(
                "SELECT fingerprint, review_id FROM idempotency_keys"
                " WHERE org_id = :org AND sandbox = :sandbox AND key = :key"
            ),
            {"org": tenant.org_id, "sandbox": tenant.sandbox, "key": key},
        )
    ).first()
    if row is None:
        return Claim(None)
    if row.fingerprint != print_:
        raise IdempotencyKeyReused()
    if row.review_id is None:
        raise IdempotencyKeyInUse()
    return Claim(row.review_id)


async def attach(session: AsyncSession, tenant: Tenant, key: str, review_id: uuid.UUID) -> None:
    await session.execute(
        text(
            "UPDATE idempotency_keys SET review_id = :review"
            " WHERE org_id = :org AND sandbox = :sandbox AND key = :key"
        ),
        {"review": review_id, "org": tenant.org_id, "sandbox": tenant.sandbox, "key": key},
    )
