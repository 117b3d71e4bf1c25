from __future__ import annotations

import httpx


async def test_openapi_is_public_and_describes_the_contract(client: httpx.AsyncClient) -> None:
    r = await client.get("/v1/openapi.json")
    assert r.status_code == 200
    spec = r.json()
    paths = spec["paths"]
    assert {
        "/v1/reviews",
        "/v1/reviews/{review_id}",
        "/v1/audit-events",
        "/healthz",
        "/readyz",
    } <= set(paths)
    schemes = spec["components"]["securitySchemes"]
    assert (
        schemes["BearerKey"]["scheme"] == "bearer"
        and schemes["ApiKeyHeader"]["name"] == "X-Api-Key"
    )
    get_review = paths["/v1/reviews/{review_id}"]["get"]
    assert {"200", "401", "403", "404", "503"} <= set(get_review["responses"])
    assert "review_not_found" in get_review["responses"]["404"]["description"]
    assert get_review["security"]
    for op in (get_review, paths["/v1/reviews"]["get"]):
        for response in op["responses"].values():
            assert "X-Request-Id" in response["headers"]
    listing = paths["/v1/reviews"]["get"]
    assert listing["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "ErrorEnvelope"
    )
    names = {p["name"] for p in listing["parameters"]}
    assert {"limit", "cursor", "status", "reference_id", "created_after", "created_before"} <= names
    assert "security" not in paths["/healthz"]["get"]
