from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from flightline.app import create_app
from flightline.auth import service as key_service
from flightline.auth.keys import generate_secret
from flightline.auth.models import ApiKey
from flightline.core.db import Database
from flightline.core.settings import Settings
from flightline.orgs import service as org_service
from tests.conftest import TenantKeys

URL = "/v1/reviews"


async def test_missing_key(client: httpx.AsyncClient) -> None:
    r = await client.get(URL)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "missing_api_key"


@pytest.mark.parametrize(
    "headers",
    [
        {"Authorization": "Bearer nope"},
        {"Authorization": "Basic Zm9vOmJhcg=="},
        {"Authorization": "Bearer"},
        {"X-Api-Key": "fl_live_" + "A" * 43},
        {"Authorization": "Bearer " + generate_secret(sandbox=False)},  # well formed, unknown
    ],
)
async def test_invalid_keys(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    r = await client.get(URL, headers=headers)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "invalid_api_key"


async def test_bearer_and_x_api_key_both_work(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    assert (
        await client.get(URL, headers={"Authorization": f"Bearer {tenant.live}"})
    ).status_code == 200
    assert (await client.get(URL, headers={"X-Api-Key": tenant.live})).status_code == 200
    same = {"Authorization": f"Bearer {tenant.live}", "X-Api-Key": tenant.live}
    assert (await client.get(URL, headers=same)).status_code == 200


async def test_two_different_keys_are_rejected(
    client: httpx.AsyncClient, tenant: TenantKeys, other_tenant: TenantKeys
) -> None:
    both = {"Authorization": f"Bearer {tenant.live}", "X-Api-Key": other_tenant.live}
    r = await client.get(URL, headers=both)
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "invalid_api_key"


async def test_key_in_query_string_does_not_authenticate(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    r = await client.get(URL, params={"api_key": tenant.live})
    assert r.json()["error"]["code"] == "missing_api_key"


async def test_suspended_org_is_403_and_activation_restores(
    client: httpx.AsyncClient, tenant: TenantKeys, owner_db: Database
) -> None:
    async with owner_db.sessionmaker() as s, s.begin():
        await org_service.set_status(s, tenant.org_id, "suspended")
    r = await client.get(URL, headers=tenant.headers())
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "org_unbound"
    async with owner_db.sessionmaker() as s, s.begin():
        await org_service.set_status(s, tenant.org_id, "active")
    assert (await client.get(URL, headers=tenant.headers())).status_code == 200


async def test_revocation_applies_to_the_very_next_request(
    client: httpx.AsyncClient, tenant: TenantKeys, owner_db: Database
) -> None:
    assert (await client.get(URL, headers=tenant.headers())).status_code == 200
    async with owner_db.sessionmaker() as s, s.begin():
        await key_service.revoke(s, tenant.live_key_id)
    r = await client.get(URL, headers=tenant.headers())
    assert r.status_code == 401
    assert r.json()["error"]["code"] == "invalid_api_key"
    # The sandbox key of the same organization is unaffected.
    assert (await client.get(URL, headers=tenant.headers(sandbox=True))).status_code == 200


async def test_rotation_without_grace_retires_the_old_secret_at_once(
    client: httpx.AsyncClient, tenant: TenantKeys, owner_db: Database
) -> None:
    async with owner_db.sessionmaker() as s, s.begin():
        issued = await key_service.rotate(s, tenant.live_key_id)
    assert issued.key.key_id == tenant.live_key_id
    assert (await client.get(URL, headers=tenant.headers())).status_code == 401
    ok = await client.get(URL, headers={"Authorization": f"Bearer {issued.secret}"})
    assert ok.status_code == 200


async def test_rotation_with_grace_keeps_both_until_expiry(
    client: httpx.AsyncClient, tenant: TenantKeys, owner_db: Database, super_db: Database
) -> None:
    async with owner_db.sessionmaker() as s, s.begin():
        issued = await key_service.rotate(s, tenant.live_key_id, grace_seconds=3600)
    assert (await client.get(URL, headers=tenant.headers())).status_code == 200
    assert (
        await client.get(URL, headers={"Authorization": f"Bearer {issued.secret}"})
    ).status_code == 200
    # Expire the grace window: the old secret stops at once.
    async with super_db.sessionmaker() as s, s.begin():
        key = (await s.scalars(select(ApiKey).where(ApiKey.key_id == tenant.live_key_id))).one()
        key.previous_expires_at = key.created_at
    assert (await client.get(URL, headers=tenant.headers())).status_code == 401


async def test_last_used_at_is_recorded(
    client: httpx.AsyncClient, tenant: TenantKeys, owner_db: Database
) -> None:
    assert (await client.get(URL, headers=tenant.headers())).status_code == 200
    async with owner_db.sessionmaker() as s, s.begin():
        keys = {k.key_id: k for k in await key_service.list_for_org(s, tenant.org_id)}
    assert keys[tenant.live_key_id].last_used_at is not None
    assert keys[tenant.test_key_id].last_used_at is None


async def test_database_down_is_503_never_open(settings: Settings, tenant: TenantKeys) -> None:
    dead = Database(
        "postgresql+psycopg://flightline_api@/flightline?host=/nonexistent-socket-dir&port=5432",
        pool_size=1,
    )
    app: FastAPI = create_app(settings, database=dead)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://t") as c:
        r = await c.get(URL, headers=tenant.headers())
        missing = await c.get(URL)
    await dead.dispose()
    assert r.status_code == 503
    assert r.json()["error"]["code"] == "auth_unavailable"
    assert int(r.headers["Retry-After"]) > 0
    assert missing.status_code == 401  # no key: answered without the database
