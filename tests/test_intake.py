"""POST /v1/reviews with uploads, GET /v1/reviews/{id}/documents."""

from __future__ import annotations

import asyncio
import hashlib
import json
import zipfile
from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from flightline.core.db import Database
from flightline.core.settings import Settings
from tests import packages
from tests.conftest import TenantKeys


def files(*docs: bytes) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [
        ("documents", (f"doc{i}.bin", d, "application/octet-stream")) for i, d in enumerate(docs)
    ]


async def create(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    *docs: bytes,
    headers: dict[str, str] | None = None,
    **fields: str,
) -> httpx.Response:
    data = {"review_type": "mortgage_v1", **fields}
    return await client.post(
        "/v1/reviews",
        data=data,
        files=files(*docs),
        headers={**tenant.headers(), **(headers or {})},
    )


def blob_files(settings: Settings) -> list[Path]:
    root = settings.data_dir / "blobs"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def staging_files(settings: Settings) -> list[Path]:
    return list((settings.data_dir / "staging").glob("*"))


async def test_upload_of_loose_documents(client: httpx.AsyncClient, tenant: TenantKeys) -> None:
    a, b = packages.pdf(2), packages.png()
    r = await create(
        client,
        tenant,
        a,
        b,
        reference_id="LN-1",
        label="Smith purchase",
        metadata=json.dumps({"branch": "north"}),
    )
    assert r.status_code == 201, r.text
    review = r.json()
    assert review["status"] == "queued" and review["document_count"] == 2
    assert review["reference_id"] == "LN-1" and review["metadata"] == {"branch": "north"}
    docs = (
        await client.get(f"/v1/reviews/{review['review_id']}/documents", headers=tenant.headers())
    ).json()
    assert [
        (d["upload_index"], d["member_index"], d["media_type"], d["pages"]) for d in docs["data"]
    ] == [
        (1, None, "application/pdf", 2),
        (2, None, "image/png", 1),
    ]
    assert docs["data"][0]["sha256"] == hashlib.sha256(a).hexdigest()
    assert docs["data"][0]["bytes"] == len(a)
    assert "filename" not in json.dumps(docs)


async def test_zip_and_tar_packages(client: httpx.AsyncClient, tenant: TenantKeys) -> None:
    a = packages.pdf(1, tag=1)
    z = packages.zip_of(
        [
            ("file/", b""),
            ("__MACOSX/._a.pdf", b"junk"),
            (".DS_Store", b"x"),
            ("a.pdf", a),
            ("scan.tiff", packages.tiff(3)),
            ("empty.pdf", b""),
            ("copy-of-a.pdf", a),
        ]
    )
    t = packages.tar_of(
        [("b.pdf", packages.pdf(1, tag=2)), ("c.png", packages.png(colour=9))], gz=True
    )
    r = await create(client, tenant, z, t)
    assert r.status_code == 201, r.text
    assert r.json()["document_count"] == 4
    docs = (
        await client.get(f"/v1/reviews/{r.json()['review_id']}/documents", headers=tenant.headers())
    ).json()
    assert [(d["upload_index"], d["member_index"], d["pages"]) for d in docs["data"]] == [
        (1, 4, 1),
        (1, 5, 3),
        (2, 1, 1),
        (2, 2, 1),
    ]


@pytest.mark.parametrize(
    ("method", "zip64"),
    [(zipfile.ZIP_DEFLATED, False), (zipfile.ZIP_DEFLATED, True), (zipfile.ZIP_STORED, False)],
    ids=["deflated", "deflated-zip64", "stored"],
)
async def test_zips_with_data_descriptors_are_accepted(
    client: httpx.AsyncClient, tenant: TenantKeys, method: int, zip64: bool
) -> None:
    """Streaming writers put sizes after each member: deflated ones are read as
    they arrive, stored ones (no end marker) through the spool; same result."""
    a, b = packages.pdf(2, tag=31), packages.png(colour=31)
    body = packages.piped_zip_of(
        [("__MACOSX/._a.pdf", b"junk" * 100), ("a.pdf", a), ("b.png", b)], method, zip64
    )
    r = await create(client, tenant, body)
    assert r.status_code == 201, r.text
    docs = (
        await client.get(f"/v1/reviews/{r.json()['review_id']}/documents", headers=tenant.headers())
    ).json()["data"]
    assert [(d["member_index"], d["sha256"], d["pages"]) for d in docs] == [
        (2, hashlib.sha256(a).hexdigest(), 2),
        (3, hashlib.sha256(b).hexdigest(), 1),
    ]


async def test_identical_uploads_are_stored_once(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    doc = packages.pdf(1, tag=3)
    r = await create(client, tenant, doc, doc, packages.zip_of([("again.pdf", doc)]))
    assert r.status_code == 201 and r.json()["document_count"] == 1


async def test_documents_are_encrypted_at_rest(
    client: httpx.AsyncClient, tenant: TenantKeys, settings: Settings
) -> None:
    doc = packages.pdf(1, tag=4)
    r = await create(client, tenant, doc)
    review_id = r.json()["review_id"]
    stored = [p for p in blob_files(settings) if review_id in str(p)]
    assert len(stored) == 1
    raw = stored[0].read_bytes()
    assert b"%PDF" not in raw and doc[100:200] not in raw
    assert "pdf" not in str(stored[0]).lower()


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"review_type": "auto_loan"}, "review_type"),
        ({"reference_id": "x" * 256}, "reference_id"),
        ({"label": "x" * 501}, "label"),
        ({"metadata": "not json"}, "metadata"),
        ({"metadata": json.dumps({"k": {"nested": 1}})}, "metadata.k"),
        ({"metadata": json.dumps({f"k{i}": "v" for i in range(51)})}, "metadata"),
        (
            {"metadata": json.dumps({"k" * 41: "v"})},
            "metadata.kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk.[key]",
        ),
        ({"colour": "blue"}, "colour"),
    ],
)
async def test_invalid_fields_are_422_naming_the_field(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    settings: Settings,
    kwargs: dict[str, str],
    param: str,
) -> None:
    before = len(blob_files(settings))
    r = await create(client, tenant, packages.pdf(1, tag=5), **kwargs)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_request"
    assert r.json()["error"]["param"] == param
    assert len(blob_files(settings)) == before and staging_files(settings) == []


async def test_unknown_review_type_lists_the_known_ones(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    r = await create(client, tenant, packages.pdf(), review_type="auto_loan")
    assert "mortgage_v1" in r.json()["error"]["message"]


async def test_no_documents_is_document_required(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    r = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1"},
        files={"other": ("x", b"y")},
        headers=tenant.headers(),
    )
    assert r.status_code == 422 and r.json()["error"]["param"] == "other"
    r = await client.post(
        "/v1/reviews", files=[("review_type", (None, b"mortgage_v1"))], headers=tenant.headers()
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "document_required"


async def test_unsupported_content_type_is_415(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    r = await client.post(
        "/v1/reviews", content=b"x", headers={**tenant.headers(), "Content-Type": "text/plain"}
    )
    assert r.status_code == 415 and r.json()["error"]["code"] == "unsupported_media_type"


async def test_malformed_multipart_is_400(client: httpx.AsyncClient, tenant: TenantKeys) -> None:
    r = await client.post(
        "/v1/reviews",
        content=b"--xyz\r\nnonsense",
        headers={**tenant.headers(), "Content-Type": "multipart/form-data; boundary=xyz"},
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "invalid_request"


async def test_duplicate_reference_id_is_409_per_org_and_mode(
    client: httpx.AsyncClient, tenant: TenantKeys, other_tenant: TenantKeys
) -> None:
    assert (await create(client, tenant, packages.pdf(), reference_id="DUP-1")).status_code == 201
    r = await create(client, tenant, packages.pdf(tag=1), reference_id="DUP-1")
    assert r.status_code == 409 and r.json()["error"]["code"] == "duplicate_reference_id"
    assert (
        await create(client, other_tenant, packages.pdf(), reference_id="DUP-1")
    ).status_code == 201
    sandbox = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1", "reference_id": "DUP-1"},
        files=files(packages.pdf()),
        headers=tenant.headers(sandbox=True),
    )
    assert sandbox.status_code == 201


async def test_idempotent_replay_returns_the_original(
    client: httpx.AsyncClient, tenant: TenantKeys, app_db: Database
) -> None:
    doc = packages.pdf(1, tag=7)
    key = {"Idempotency-Key": "create-1"}
    first = await create(client, tenant, doc, headers=key, reference_id="IDEM-1")
    again = await create(client, tenant, doc, headers=key, reference_id="IDEM-1")
    assert first.status_code == 201 and again.status_code == 200
    assert again.json() == first.json()
    other = await create(client, tenant, packages.pdf(1, tag=8), headers=key, reference_id="IDEM-1")
    assert other.status_code == 422 and other.json()["error"]["code"] == "idempotency_key_reused"
    jobs = await _pipeline_jobs(app_db, first.json()["review_id"])
    assert jobs == 1


async def _pipeline_jobs(app_db: Database, review_id: str) -> int:
    async with app_db.sessionmaker() as s:
        return int(
            (
                await s.execute(
                    text(
                        "SELECT count(*) FROM procrastinate_jobs"
                        " WHERE task_name = 'pipeline:process' AND args->>'review_id' = :r"
                    ),
                    {"r": review_id},
                )
            ).scalar_one()
        )


async def test_concurrent_duplicates_make_one_review(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    doc = packages.pdf(3, tag=9)
    key = {"Idempotency-Key": "race-1"}
    results = await asyncio.gather(*(create(client, tenant, doc, headers=key) for _ in range(6)))
    statuses = sorted(r.status_code for r in results)
    assert statuses.count(201) == 1, statuses
    assert set(statuses) <= {200, 201, 409}
    ids = {r.json()["review_id"] for r in results if r.status_code in (200, 201)}
    assert len(ids) == 1


async def test_a_failed_first_request_is_not_remembered(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    key = {"Idempotency-Key": "retry-after-fix"}
    bad = await create(
        client, tenant, b"GIF89a-not-really" + b"\x00" * 10, b"MZ\x90\x00", headers=key
    )
    assert bad.status_code == 400
    good = await create(client, tenant, packages.pdf(1, tag=10), headers=key)
    assert good.status_code == 201


async def test_idempotency_runs_before_the_reference_check(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    doc = packages.pdf(1, tag=11)
    key = {"Idempotency-Key": "ref-order"}
    assert (
        await create(client, tenant, doc, headers=key, reference_id="ORDER-1")
    ).status_code == 201
    assert (
        await create(client, tenant, doc, headers=key, reference_id="ORDER-1")
    ).status_code == 200


async def test_cross_tenant_documents_listing_is_404(
    client: httpx.AsyncClient, tenant: TenantKeys, other_tenant: TenantKeys
) -> None:
    r = await create(client, tenant, packages.pdf())
    rid = r.json()["review_id"]
    foreign = await client.get(f"/v1/reviews/{rid}/documents", headers=other_tenant.headers())
    missing = await client.get(
        "/v1/reviews/8d5b8c59-3d3e-4a7e-a5a5-000000000000/documents", headers=other_tenant.headers()
    )
    assert foreign.status_code == missing.status_code == 404
    assert foreign.json()["error"]["code"] == missing.json()["error"]["code"] == "review_not_found"


async def test_create_is_audited(client: httpx.AsyncClient, tenant: TenantKeys) -> None:
    r = await create(client, tenant, packages.pdf(1, tag=12))
    events = (await client.get("/v1/audit-events", headers=tenant.headers())).json()["data"]
    created = [e for e in events if e["request_id"] == r.headers["x-request-id"]]
    assert (
        created[0]["action"] == "review.created"
        and created[0]["resource_id"] == r.json()["review_id"]
    )
