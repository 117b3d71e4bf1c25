from __future__ import annotations

from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import TenantKeys


async def test_unknown_route_is_enveloped_404_with_or_without_key(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    for headers in ({}, tenant.headers()):
        r = await client.get("/v1/nope", headers=headers)
        assert r.status_code == 404
        assert r.json()["error"]["code"] == "not_found"
        assert r.json()["error"]["request_id"] == r.headers["x-request-id"]


async def test_wrong_method_is_enveloped_405(client: httpx.AsyncClient, tenant: TenantKeys) -> None:
    r = await client.put("/v1/reviews", headers=tenant.headers())
    assert r.status_code == 405
    assert r.json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    ("query", "param"),
    [
        ("limit=0", "limit"),
        ("limit=101", "limit"),
        ("limit=ten", "limit"),
        ("status=bogus", "status"),
        ("created_after=yesterday", "created_after"),
    ],
)
async def test_bad_query_is_422_naming_the_param(
    client: httpx.AsyncClient, tenant: TenantKeys, query: str, param: str
) -> None:
    r = await client.get(f"/v1/reviews?{query}", headers=tenant.headers())
    assert r.status_code == 422
    body = r.json()["error"]
    assert body["code"] == "invalid_request" and body["param"] == param


async def test_unknown_query_parameters_are_ignored(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    r = await client.get("/v1/reviews?colour=blue", headers=tenant.headers())
    assert r.status_code == 200


async def test_every_response_has_a_request_id_and_hsts(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    for path, headers in (("/healthz", {}), ("/v1/reviews", tenant.headers()), ("/v1/reviews", {})):
        r = await client.get(path, headers=headers)
        assert r.headers["x-request-id"].startswith("req_")
        assert "max-age=" in r.headers["strict-transport-security"]


async def test_unhandled_errors_are_a_bare_500_envelope(
    client: httpx.AsyncClient, tenant: TenantKeys, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flightline.reviews import service

    async def boom(*args: object, **kwargs: object) -> object:
        raise RuntimeError("SELECT secret FROM /etc/passwd")

    monkeypatch.setattr(service, "list_reviews", boom)
    r = await client.get("/v1/reviews", headers=tenant.headers())
    assert r.status_code == 500
    assert r.json() == {
        "error": {
            "code": "internal_error",
            "message": "Something went wrong on our side.",
            "request_id": r.headers["x-request-id"],
        }
    }


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    path=st.text(alphabet=st.characters(codec="utf-8", exclude_characters="?#"), max_size=60),
    query=st.text(max_size=80),
    header=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=200),
)
async def test_nothing_odd_produces_a_5xx(
    client: httpx.AsyncClient, tenant: TenantKeys, path: str, query: str, header: str
) -> None:
    url = httpx.URL(
        "https://testserver/v1/reviews/" + quote(path, safe=""),
        params={"cursor": query, "status": query},
    )
    for headers in (tenant.headers(), {"Authorization": header}, {"X-Api-Key": header}):
        r = await client.get(url, headers=headers)
        assert r.status_code < 500, (path, query, header, r.text)
        assert "error" in r.json() or r.status_code == 200
