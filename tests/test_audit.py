from __future__ import annotations

import asyncio

import httpx
from sqlalchemy import text

from flightline.audit import service as audit_service
from flightline.core.db import Database
from tests.conftest import TenantKeys


async def _verify(owner_db: Database, tenant: TenantKeys) -> dict[str, object]:
    async with owner_db.sessionmaker() as s:
        return (await audit_service.verify(s, tenant.org_id)).as_dict()


async def test_every_authenticated_request_leaves_an_event(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    r = await client.get("/v1/reviews?status=queued&limit=5", headers=tenant.headers())
    missing = await client.get(
        "/v1/reviews/0d4c7a2e-3c57-4a43-9d3f-000000000000", headers=tenant.headers()
    )
    events = (await client.get("/v1/audit-events", headers=tenant.headers())).json()["data"]
    by_request = {e["request_id"]: e for e in events}
    ok = by_request[r.headers["x-request-id"]]
    assert ok["route"] == "/v1/reviews" and ok["method"] == "GET"
    assert ok["status"] == 200 and ok["outcome"] == "ok"
    assert ok["key_id"] == tenant.live_key_id
    miss = by_request[missing.headers["x-request-id"]]
    assert miss["route"] == "/v1/reviews/{review_id}"
    assert miss["status"] == 404 and miss["outcome"] == "review_not_found"
    # Never the query string, the key, or the id that was asked for.
    blob = str(events)
    assert "status=queued" not in blob and tenant.live not in blob
    assert "0d4c7a2e" not in blob


async def test_sealing_builds_a_verifiable_chain(
    client: httpx.AsyncClient, tenant: TenantKeys, app_db: Database, owner_db: Database
) -> None:
    for _ in range(5):
        await client.get("/v1/reviews", headers=tenant.headers())
    await client.get("/v1/reviews", headers=tenant.headers(sandbox=True))
    assert await audit_service.seal_all(app_db) >= 6
    report = await _verify(owner_db, tenant)
    assert report["ok"] is True and report["sealed"] == report["events"] == 6
    await client.get("/v1/reviews", headers=tenant.headers())
    await audit_service.seal_all(app_db)
    assert (await _verify(owner_db, tenant))["sealed"] == 7
    listed = (await client.get("/v1/audit-events", headers=tenant.headers())).json()["data"]
    assert all(e["sealed"] for e in listed[1:])  # the listing request itself is still unsealed


async def test_tampering_is_reported_at_the_first_broken_link(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    app_db: Database,
    owner_db: Database,
    super_db: Database,
) -> None:
    for _ in range(4):
        await client.get("/v1/reviews", headers=tenant.headers())
    await audit_service.seal_all(app_db)
    async with super_db.sessionmaker() as s, s.begin():
        await s.execute(
            text("UPDATE audit_events SET status = 201 WHERE org_id = :o AND chain_seq = 3"),
            {"o": tenant.org_id},
        )
    report = await _verify(owner_db, tenant)
    assert report["ok"] is False
    broken = report["first_broken_link"]
    assert isinstance(broken, dict)
    assert broken["chain_seq"] == 3 and broken["reason"] == "hash_mismatch"

    async with super_db.sessionmaker() as s, s.begin():
        await s.execute(
            text("UPDATE audit_events SET status = 200 WHERE org_id = :o AND chain_seq = 3"),
            {"o": tenant.org_id},
        )
        await s.execute(
            text("DELETE FROM audit_events WHERE org_id = :o AND chain_seq = 2"),
            {"o": tenant.org_id},
        )
    broken = (await _verify(owner_db, tenant))["first_broken_link"]
    assert isinstance(broken, dict)
    assert broken["reason"] == "sequence_gap" and broken["expected_seq"] == 2


async def test_concurrent_sealers_do_not_fork_the_chain(
    client: httpx.AsyncClient, tenant: TenantKeys, app_db: Database, owner_db: Database
) -> None:
    await asyncio.gather(*(client.get("/v1/reviews", headers=tenant.headers()) for _ in range(20)))
    await asyncio.gather(*(audit_service.seal_all(app_db) for _ in range(4)))
    report = await _verify(owner_db, tenant)
    assert report["ok"] is True and report["sealed"] == 20


async def test_audit_listing_paginates_and_filters(
    client: httpx.AsyncClient, tenant: TenantKeys, owner_db: Database
) -> None:
    from flightline.auth import service as key_service

    async with owner_db.sessionmaker() as s, s.begin():
        second = await key_service.create(s, tenant.org_id, "second", sandbox=False)
    for _ in range(3):
        await client.get("/v1/reviews", headers=tenant.headers())
    await client.get("/v1/reviews", headers={"X-Api-Key": second.secret})
    seen: list[str] = []
    cursor = None
    while True:
        params = {"limit": "2", **({"cursor": cursor} if cursor else {})}
        page = (
            await client.get("/v1/audit-events", params=params, headers=tenant.headers())
        ).json()
        seen += [e["event_id"] for e in page["data"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) >= 4
    only_second = (
        await client.get(
            "/v1/audit-events", params={"key_id": second.key.key_id}, headers=tenant.headers()
        )
    ).json()["data"]
    assert len(only_second) == 1 and only_second[0]["key_id"] == second.key.key_id
