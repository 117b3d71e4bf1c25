"""POST /v1/reviews from source URLs, and the background fetch."""

from __future__ import annotations

import socket
import ssl
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from flightline.app import create_app
from flightline.core import outbound
from flightline.core.db import Database
from flightline.core.settings import Settings
from flightline.reviews.tasks import fetch_sources
from flightline.worker import runtime
from tests import packages
from tests.conftest import TenantKeys
from tests.test_outbound import Pki, pki  # noqa: F401 - the fixture is reused

PDF = packages.pdf(2, tag=70)
CONTENT: dict[str, tuple[int, bytes, dict[str, str]]] = {
    "/package.zip": (200, packages.zip_of([("a.pdf", PDF), ("b.png", packages.png(colour=3))]), {}),
    "/loose.pdf": (200, packages.pdf(1, tag=71), {}),
    "/slip.zip": (200, packages.zip_of([("../x.pdf", PDF)]), {}),
    "/missing": (404, b"nope", {}),
    "/to-private": (302, b"", {"Location": "https://10.0.0.9/x"}),
    "/to-metadata": (302, b"", {"Location": "https://169.254.169.254/latest/meta-data"}),
}


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        status, body, headers = CONTENT.get(self.path, (404, b"", {}))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def source_server(pki: Pki) -> Iterator[str]:  # noqa: F811
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(pki.cert_file, pki.key_file)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
async def fetch_client(
    settings: Settings,
    app_db: Database,
    pki: Pki,  # noqa: F811
) -> AsyncIterator[httpx.AsyncClient]:
    allowed = settings.model_copy(
        update={"outbound_allow": ["127.0.0.1"], "outbound_ca_file": pki.ca_file}
    )
    app: FastAPI = create_app(allowed, database=app_db)
    runtime.configure(app_db, app.state.intake)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://t") as c:
        yield c
    runtime.configure(None)


async def _create(
    client: httpx.AsyncClient, tenant: TenantKeys, *urls: str, **fields: Any
) -> httpx.Response:
    body = {"review_type": "mortgage_v1", "documents": [{"url": u} for u in urls], **fields}
    return await client.post("/v1/reviews", json=body, headers=tenant.headers())


async def _run_fetch(tenant: TenantKeys, review_id: str) -> None:
    await fetch_sources(str(tenant.org_id), False, review_id)


async def _review(client: httpx.AsyncClient, tenant: TenantKeys, review_id: str) -> dict[str, Any]:
    r = await client.get(f"/v1/reviews/{review_id}", headers=tenant.headers())
    body: dict[str, Any] = r.json()
    return body


async def test_sources_are_fetched_checked_and_stored(
    fetch_client: httpx.AsyncClient, tenant: TenantKeys, source_server: str, app_db: Database
) -> None:
    r = await _create(
        fetch_client, tenant, f"{source_server}/package.zip", f"{source_server}/loose.pdf"
    )
    assert r.status_code == 201, r.text
    review = r.json()
    assert review["status"] == "awaiting_documents" and review["document_count"] == 0
    async with app_db.sessionmaker() as s:
        jobs = (
            await s.execute(
                text(
                    "SELECT count(*) FROM procrastinate_jobs WHERE task_name = 'intake:fetch'"
                    " AND args->>'review_id' = :r"
                ),
                {"r": review["review_id"]},
            )
        ).scalar_one()
    assert jobs == 1
    await _run_fetch(tenant, review["review_id"])
    after = await _review(fetch_client, tenant, review["review_id"])
    assert after["status"] == "queued" and after["document_count"] == 3
    docs = (
        await fetch_client.get(
            f"/v1/reviews/{review['review_id']}/documents", headers=tenant.headers()
        )
    ).json()
    assert [(d["upload_index"], d["member_index"]) for d in docs["data"]] == [
        (1, 1),
        (1, 2),
        (2, None),
    ]
    # Running the job again changes nothing.
    await _run_fetch(tenant, review["review_id"])
    assert (await _review(fetch_client, tenant, review["review_id"]))["document_count"] == 3


@pytest.mark.parametrize(
    ("path", "code"),
    [
        ("/missing", "document_fetch_failed"),
        ("/to-private", "document_fetch_failed"),
        ("/to-metadata", "document_fetch_failed"),
        ("/slip.zip", "document_unsupported"),
    ],
)
async def test_failed_fetches_fail_the_review(
    fetch_client: httpx.AsyncClient, tenant: TenantKeys, source_server: str, path: str, code: str
) -> None:
    r = await _create(fetch_client, tenant, f"{source_server}/loose.pdf", f"{source_server}{path}")
    review_id = r.json()["review_id"]
    await _run_fetch(tenant, review_id)
    review = await _review(fetch_client, tenant, review_id)
    assert review["status"] == "failed"
    assert review["failure"]["code"] == code
    assert source_server not in review["failure"]["message"]
    docs = (
        await fetch_client.get(f"/v1/reviews/{review_id}/documents", headers=tenant.headers())
    ).json()
    assert docs["data"] == []


async def test_a_name_resolving_inside_fails_at_fetch(
    fetch_client: httpx.AsyncClient, tenant: TenantKeys, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def resolve(host: str, port: int) -> list[str]:
        if host == "files.lender.example":
            return ["10.20.30.40"]
        raise socket.gaierror(socket.EAI_NONAME, "unknown")

    monkeypatch.setattr(outbound, "_getaddrinfo", resolve)
    r = await _create(fetch_client, tenant, "https://files.lender.example/loan.zip")
    assert r.status_code == 201
    await _run_fetch(tenant, r.json()["review_id"])
    review = await _review(fetch_client, tenant, r.json()["review_id"])
    assert review["failure"]["code"] == "document_fetch_failed"
    assert "non-public" in review["failure"]["message"]


@pytest.mark.parametrize(
    "url",
    [
        "http://files.example.com/a.pdf",
        "https://user:pw@files.example.com/a.pdf",
        "https://127.0.0.1/a.pdf",
        "https://10.0.0.1/a.pdf",
        "https://192.168.1.1/a.pdf",
        "https://169.254.169.254/latest/meta-data",
        "https://[::1]/a.pdf",
        "https://[fd00::1]/a.pdf",
        "https://[::ffff:127.0.0.1]/a.pdf",
        "https://2130706433/a.pdf",
        "https://0x7f000001/a.pdf",
        "https://files.example.com:8443/a.pdf",
        "ftp://files.example.com/a.pdf",
        "not a url",
    ],
)
async def test_urls_refused_on_their_face_are_422(
    client: httpx.AsyncClient, tenant: TenantKeys, url: str
) -> None:
    r = await _create(client, tenant, "https://files.example.com/ok.pdf", url)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_request"
    assert r.json()["error"]["param"] == "documents.1.url"


@pytest.mark.parametrize(
    ("body", "status", "param"),
    [
        ({"review_type": "mortgage_v1"}, 422, "documents"),
        ({"review_type": "mortgage_v1", "documents": []}, 422, "documents"),
        (
            {"review_type": "mortgage_v1", "documents": [{"url": "https://a.example/x"}] * 51},
            422,
            "documents",
        ),
        (
            {"review_type": "mortgage_v1", "documents": [{"href": "https://a.example/x"}]},
            422,
            "documents.0.href",
        ),
        (
            {
                "review_type": "mortgage_v1",
                "documents": [{"url": "https://a.example/x"}],
                "extra": 1,
            },
            422,
            "extra",
        ),
        ([1, 2], 422, None),
    ],
)
async def test_json_validation(
    client: httpx.AsyncClient, tenant: TenantKeys, body: object, status: int, param: str | None
) -> None:
    r = await client.post("/v1/reviews", json=body, headers=tenant.headers())
    assert r.status_code == status, r.text
    assert r.json()["error"].get("param") == param


async def test_malformed_and_oversized_json(client: httpx.AsyncClient, tenant: TenantKeys) -> None:
    headers = {**tenant.headers(), "Content-Type": "application/json"}
    bad = await client.post("/v1/reviews", content=b'{"review_type": ', headers=headers)
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid_request"
    big = await client.post(
        "/v1/reviews", content=b'{"x": "' + b"a" * (1024 * 1024 + 10) + b'"}', headers=headers
    )
    assert big.status_code == 413


async def test_source_urls_are_sealed_at_rest(
    client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database
) -> None:
    secret_url = f"https://files.example.com/{uuid.uuid4()}/borrower-jane-doe.pdf?token=abc"
    r = await _create(client, tenant, secret_url)
    assert r.status_code == 201
    async with super_db.sessionmaker() as s:
        rows = (
            (
                await s.execute(
                    text("SELECT sealed FROM review_sources WHERE review_id = :r"),
                    {"r": r.json()["review_id"]},
                )
            )
            .scalars()
            .all()
        )
    assert rows and all(b"jane" not in row and b"files.example" not in row for row in rows)


async def test_json_idempotency(client: httpx.AsyncClient, tenant: TenantKeys) -> None:
    body = {"review_type": "mortgage_v1", "documents": [{"url": "https://files.example.com/a.zip"}]}
    headers = {**tenant.headers(), "Idempotency-Key": "json-1"}
    first = await client.post("/v1/reviews", json=body, headers=headers)
    again = await client.post("/v1/reviews", json=body, headers=headers)
    assert (first.status_code, again.status_code) == (201, 200)
    assert first.json()["review_id"] == again.json()["review_id"]
    body["label"] = "changed"
    assert (await client.post("/v1/reviews", json=body, headers=headers)).status_code == 422
