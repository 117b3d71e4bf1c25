from __future__ import annotations

import base64
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from flightline.core.db import Database
from flightline.reviews.schemas import ReviewStatus
from tests.conftest import TenantKeys
from tests.helpers import add_review


@pytest.fixture
async def twenty_five(app_db: Database, tenant: TenantKeys) -> list[str]:
    base = datetime(2026, 1, 1, tzinfo=UTC)
    ids = []
    for i in range(25):
        # Pairs share a timestamp so the id tie-break is exercised.
        review = await add_review(
            app_db,
            tenant.scope(),
            status=ReviewStatus.completed if i % 5 == 0 else ReviewStatus.queued,
            reference_id=f"LN-{i}",
            created_at=base + timedelta(minutes=i // 2),
        )
        ids.append(str(review.id))
    return ids


async def _all_pages(
    client: httpx.AsyncClient, tenant: TenantKeys, **params: str
) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    cursor = None
    while True:
        query = dict(params, **({"cursor": cursor} if cursor else {}))
        body = (await client.get("/v1/reviews", params=query, headers=tenant.headers())).json()
        out += body["data"]
        cursor = body["next_cursor"]
        if not cursor:
            return out


async def test_pages_cover_everything_once_newest_first(
    client: httpx.AsyncClient, tenant: TenantKeys, twenty_five: list[str]
) -> None:
    rows = await _all_pages(client, tenant, limit="7")
    assert len(rows) == 25 and {r["review_id"] for r in rows} == set(twenty_five)
    keys = [(r["created_at"], r["review_id"]) for r in rows]
    assert [k[0] for k in keys] == sorted((k[0] for k in keys), reverse=True)


async def test_filters(
    client: httpx.AsyncClient, tenant: TenantKeys, twenty_five: list[str]
) -> None:
    completed = await _all_pages(client, tenant, status="completed", limit="2")
    assert len(completed) == 5 and all(r["status"] == "completed" for r in completed)
    by_ref = await _all_pages(client, tenant, reference_id="LN-7")
    assert [r["review_id"] for r in by_ref] == [twenty_five[7]]
    window = await _all_pages(
        client, tenant, created_after="2026-01-01T00:03:00Z", created_before="2026-01-01T00:06:00Z"
    )
    assert {r["reference_id"] for r in window} == {"LN-8", "LN-9", "LN-10", "LN-11"}


async def test_review_shape(
    client: httpx.AsyncClient, tenant: TenantKeys, twenty_five: list[str]
) -> None:
    body = (await client.get(f"/v1/reviews/{twenty_five[0]}", headers=tenant.headers())).json()
    assert set(body) == {
        "review_id",
        "review_type",
        "status",
        "reference_id",
        "label",
        "metadata",
        "document_count",
        "report_available",
        "sandbox",
        "failure",
        "created_at",
        "updated_at",
    }
    assert body["created_at"] == "2026-01-01T00:00:00Z"
    assert body["metadata"] == {} and body["failure"] is None


@pytest.mark.parametrize(
    "mutate",
    [
        lambda c: c[:-2] + ("AA" if not c.endswith("AA") else "BB"),
        lambda c: "x" + c,
        lambda c: c.split(".")[0],
        lambda c: "not a cursor",
        lambda c: "%%%.%%%",
        lambda c: (
            base64.urlsafe_b64encode(b'{"t":"x","i":"y","s":"z"}').decode() + "." + c.split(".")[1]
        ),
    ],
)
async def test_tampered_cursor_is_400(
    client: httpx.AsyncClient, tenant: TenantKeys, twenty_five: list[str], mutate: object
) -> None:
    first = (await client.get("/v1/reviews?limit=3", headers=tenant.headers())).json()
    bad = mutate(first["next_cursor"])  # type: ignore[operator]
    r = await client.get("/v1/reviews", params={"cursor": bad}, headers=tenant.headers())
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "invalid_request" and r.json()["error"]["param"] == "cursor"


async def test_cursor_replayed_with_other_filters_is_400(
    client: httpx.AsyncClient, tenant: TenantKeys, twenty_five: list[str]
) -> None:
    first = (await client.get("/v1/reviews?limit=3", headers=tenant.headers())).json()
    r = await client.get(
        "/v1/reviews",
        params={"cursor": first["next_cursor"], "status": "queued"},
        headers=tenant.headers(),
    )
    assert r.status_code == 400


async def test_cursor_from_another_tenant_reveals_nothing(
    client: httpx.AsyncClient, tenant: TenantKeys, other_tenant: TenantKeys, twenty_five: list[str]
) -> None:
    first = (await client.get("/v1/reviews?limit=3", headers=tenant.headers())).json()
    r = await client.get(
        "/v1/reviews", params={"cursor": first["next_cursor"]}, headers=other_tenant.headers()
    )
    assert r.status_code == 200 and r.json()["data"] == []
