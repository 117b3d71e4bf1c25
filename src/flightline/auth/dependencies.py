"""Request authentication: the one place a request becomes a tenant.

The key is checked for shape and checksum first (no database hit for a typo),
then looked up by its SHA-256 through `flightline_private.authenticate`, the
one narrow path that may read keys before a tenant is bound. The same call
binds the request's transaction to the key's organization and mode, so lookup
and binding cost one round trip. Any failure to reach the key store is a 503:
never fail open.
"""

from __future__ import annotations

import hmac
from typing import Annotated

import psycopg
from fastapi import Depends, Request
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.auth.keys import hash_secret, well_formed
from flightline.auth.schemas import Principal
from flightline.core.context import request_context
from flightline.core.db import Database, driver_connection
from flightline.core.errors import AuthUnavailable, InvalidApiKey, MissingApiKey, OrgUnbound
from flightline.core.pagination import CursorCodec

_AUTHENTICATE = (
    "SELECT key_id, org_id, mode, org_status, matched FROM flightline_private.authenticate(%s, %s)"
)
# Reads commit only their audit row; losing it in a crash window is the
# documented trade-off for not waiting on a WAL flush per GET.
_RELAXED_METHODS = frozenset({"GET", "HEAD"})


def _presented_key(request: Request) -> str:
    auth = request.headers.get("authorization")
    header_key = request.headers.get("x-api-key")
    bearer: str | None = None
    if auth is not None:
        scheme, _, value = auth.strip().partition(" ")
        if scheme.lower() != "bearer" or not value.strip():
            raise InvalidApiKey("The Authorization header must be `Bearer <key>`.")
        bearer = value.strip()
    if (
        bearer is not None
        and header_key is not None
        and not hmac.compare_digest(bearer.encode(), header_key.strip().encode())
    ):
        raise InvalidApiKey("Authorization and X-Api-Key carry different keys.")
    key = bearer if bearer is not None else header_key
    if key is None or not key.strip():
        raise MissingApiKey()
    return key.strip()


async def authenticate(request: Request) -> Principal:
    ctx = request_context(request)
    secret = _presented_key(request)
    if not well_formed(secret):
        raise InvalidApiKey()
    digest = hash_secret(secret)
    db: Database = request.app.state.db
    session = db.sessionmaker()
    ctx.session = session
    try:
        conn = await driver_connection(session)
        cursor = await conn.execute(
            _AUTHENTICATE, (digest, request.method in _RELAXED_METHODS), prepare=True
        )
        row = await cursor.fetchone()
    except (SQLAlchemyError, psycopg.Error, OSError, TimeoutError):
        raise AuthUnavailable(headers={"Retry-After": "5"}) from None
    if row is None or not hmac.compare_digest(row[4], digest):
        raise InvalidApiKey()
    key_id, org_id, mode, org_status, _ = row
    if org_status != "active":
        raise OrgUnbound()
    principal = Principal(org_id=org_id, key_id=key_id, sandbox=mode == "sandbox")
    ctx.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(authenticate)]


async def _tenant_session(request: Request, principal: CurrentPrincipal) -> AsyncSession:
    session = request_context(request).session
    assert session is not None
    return session


TenantSession = Annotated[AsyncSession, Depends(_tenant_session)]


def _cursor_codec(request: Request) -> CursorCodec:
    codec: CursorCodec = request.app.state.cursor_codec
    return codec


Cursors = Annotated[CursorCodec, Depends(_cursor_codec)]
