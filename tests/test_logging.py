"""Secrets never reach the logs or the audit trail."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import text

from flightline.auth.keys import generate_secret
from flightline.core.db import Database
from flightline.core.logging import JsonFormatter
from tests.conftest import TenantKeys


@pytest.fixture
def captured_logs() -> Iterator[io.StringIO]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    previous = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(previous)


async def test_key_secrets_and_authorization_never_logged(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    captured_logs: io.StringIO,
    super_db: Database,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    unknown = generate_secret(sandbox=False)
    basic = "Basic c2VjcmV0LXVzZXI6c2VjcmV0LXBhc3M="
    requests = [
        {"Authorization": f"Bearer {tenant.live}"},
        {"X-Api-Key": tenant.test},
        {"Authorization": f"Bearer {unknown}"},
        {"Authorization": basic},
        {"Authorization": f"Bearer {tenant.live}", "X-Api-Key": tenant.test},
    ]
    for headers in requests:
        await client.get("/v1/reviews?cursor=zzz", headers=headers)
        await client.get("/v1/reviews/does-not-exist", headers=headers)
    # An unhandled error must not log its message either.
    from flightline.reviews import service

    async def boom(*args: object, **kwargs: object) -> object:
        raise RuntimeError(f"leaked {tenant.live}")

    monkeypatch.setattr(service, "list_reviews", boom)
    await client.get("/v1/reviews", headers=tenant.headers())

    output = captured_logs.getvalue()
    lines = [json.loads(line) for line in output.splitlines()]
    assert any(line.get("route") == "/v1/reviews" for line in lines)
    assert any(line.get("exc_type") == "RuntimeError" for line in lines)
    for secret in (tenant.live, tenant.test, unknown, basic, "c2VjcmV0", "Bearer"):
        assert secret not in output
    async with super_db.sessionmaker() as s:
        dump = " ".join(
            str(row) for row in (await s.execute(text("SELECT * FROM audit_events"))).all()
        )
    for secret in (tenant.live, tenant.test, unknown, "cursor=zzz", "does-not-exist"):
        assert secret not in dump
