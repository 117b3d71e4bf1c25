"""Another tenant's resource answers exactly like a missing one."""

from __future__ import annotations

import uuid

import httpx

from flightline.core.db import Database
from tests.conftest import TenantKeys
from tests.helpers import add_review

ID_ROUTES = ["/v1/reviews/{id}"]


def _shape(r: httpx.Response) -> tuple[int, str, list[str], list[str]]:
    body = r.json()
    return r.status_code, body["error"]["code"], sorted(body), sorted(body["error"])


async def test_cross_tenant_ids_are_plain_404s(
    client: httpx.AsyncClient, app_db: Database, tenant: TenantKeys, other_tenant: TenantKeys
) -> None:
    theirs = await add_review(app_db, other_tenant.scope())
    for route in ID_ROUTES:
        foreign = await client.get(route.format(id=theirs.id), headers=tenant.headers())
        missing = await client.get(route.format(id=uuid.uuid4()), headers=tenant.headers())
        malformed = await client.get(route.format(id="not-a-uuid"), headers=tenant.headers())
        assert _shape(foreign) == _shape(missing) == _shape(malformed)
        assert foreign.status_code == 404
        assert set(foreign.headers) == set(missing.headers)
        # The owner sees it.
        own = await client.get(route.format(id=theirs.id), headers=other_tenant.headers())
        assert own.status_code == 200


async def test_sandbox_and_live_are_separate_worlds(
    client: httpx.AsyncClient, app_db: Database, tenant: TenantKeys
) -> None:
    live = await add_review(app_db, tenant.scope(False))
    test = await add_review(app_db, tenant.scope(True))
    assert (
        await client.get(f"/v1/reviews/{live.id}", headers=tenant.headers(True))
    ).status_code == 404
    assert (await client.get(f"/v1/reviews/{test.id}", headers=tenant.headers())).status_code == 404
    got = await client.get(f"/v1/reviews/{test.id}", headers=tenant.headers(True))
    assert got.status_code == 200 and got.json()["sandbox"] is True
    listed = (await client.get("/v1/reviews", headers=tenant.headers())).json()["data"]
    assert [r["review_id"] for r in listed] == [str(live.id)]


async def test_listings_never_include_other_tenants(
    client: httpx.AsyncClient, app_db: Database, tenant: TenantKeys, other_tenant: TenantKeys
) -> None:
    mine = await add_review(app_db, tenant.scope())
    await add_review(app_db, other_tenant.scope())
    data = (await client.get("/v1/reviews", headers=tenant.headers())).json()["data"]
    assert [r["review_id"] for r in data] == [str(mine.id)]
    events = (await client.get("/v1/audit-events", headers=tenant.headers())).json()["data"]
    assert events and all(e["key_id"] == tenant.live_key_id for e in events)
