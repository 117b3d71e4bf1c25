"""The pipeline end to end in-process, and the report endpoint's contract."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text

from flightline.core.db import Database, tenant_session
from flightline.pipeline.pages import OcrPool
from flightline.pipeline.service import PipelineDeps, process_review
from flightline.reviews import repository as reviews_repo
from flightline.reviews.schemas import ReviewStatus
from tests import packages
from tests.conftest import TenantKeys
from tests.helpers import add_review


@pytest.fixture(scope="module")
def ocr() -> Iterator[OcrPool]:
    pool = OcrPool(workers=2)
    yield pool
    pool.shutdown()


@pytest.fixture
def pipeline(app: FastAPI, app_db: Database, ocr: OcrPool) -> PipelineDeps:
    deps = app.state.intake
    return PipelineDeps(app_db, deps.store, deps.keys, ocr)


def _paystub_page() -> list[str]:
    return [
        "ACME MANUFACTURING INC",
        "EARNINGS STATEMENT",
        "Employee: Jane Q Public",
        "Pay Period: 01/01/2026 - 01/15/2026",
        "Pay Date: 01/16/2026",
        "Regular  4,500.00  9,000.00",
        "Gross Pay  4,500.00  9,000.00",
        "Net Pay 3,412.10",
    ]


async def _upload(client: httpx.AsyncClient, tenant: TenantKeys, *docs: bytes) -> str:
    r = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1"},
        files=[("documents", (f"d{i}", d, "application/octet-stream")) for i, d in enumerate(docs)],
        headers=tenant.headers(),
    )
    assert r.status_code == 201, r.text
    return str(r.json()["review_id"])


async def test_report_contract(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    other_tenant: TenantKeys,
    app_db: Database,
    pipeline: PipelineDeps,
) -> None:
    missing = await client.get(f"/v1/reviews/{uuid.uuid4()}/report", headers=tenant.headers())
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "review_not_found"
    queued = await add_review(app_db, tenant.scope())
    r = await client.get(f"/v1/reviews/{queued.id}/report", headers=tenant.headers())
    assert r.status_code == 404 and r.json()["error"]["code"] == "report_not_ready"
    failed = await add_review(app_db, tenant.scope(), status=ReviewStatus.failed)
    r = await client.get(f"/v1/reviews/{failed.id}/report", headers=tenant.headers())
    assert r.status_code == 422 and r.json()["error"]["code"] == "review_failed"

    review_id = await _upload(
        client, tenant, packages.image_pdf([packages.scanned_page(_paystub_page())])
    )
    assert await process_review(pipeline, tenant.scope(), uuid.UUID(review_id)) == "completed"
    r = await client.get(f"/v1/reviews/{review_id}/report", headers=tenant.headers())
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["review_id"] == review_id and report["status"] == "completed"
    assert report["policy"] == {
        "name": "mortgage_v1",
        "version": "2026.11",
        "effective": "2026-11-01",
    }
    assert report["decision"] == "exception"  # most required documents are missing
    assert {i["code"] for i in report["issues"]} == {"DOC-001"}
    assert report["summary"]["total"] == len(report["issues"])
    assert [d["type"] for d in report["documents"]] == ["paystub"]
    review = (await client.get(f"/v1/reviews/{review_id}", headers=tenant.headers())).json()
    assert review["status"] == "completed" and review["report_available"] is True
    foreign = await client.get(f"/v1/reviews/{review_id}/report", headers=other_tenant.headers())
    assert foreign.status_code == 404 and foreign.json()["error"]["code"] == "review_not_found"
    # A second run of the job changes nothing: exactly one report.
    assert await process_review(pipeline, tenant.scope(), uuid.UUID(review_id)) is None


async def test_corrupt_document_beside_readable_ones_is_doc_002(
    client: httpx.AsyncClient, tenant: TenantKeys, pipeline: PipelineDeps
) -> None:
    review_id = await _upload(
        client,
        tenant,
        packages.image_pdf([packages.scanned_page(_paystub_page())]),
        b"%PDF-1.7\n this is not a real pdf at all",
    )
    assert await process_review(pipeline, tenant.scope(), uuid.UUID(review_id)) == "completed"
    report = (await client.get(f"/v1/reviews/{review_id}/report", headers=tenant.headers())).json()
    doc2 = [i for i in report["issues"] if i["code"] == "DOC-002"]
    assert len(doc2) == 1 and doc2[0]["severity"] == "medium"
    assert doc2[0]["evidence"][0]["document_id"] in {d["document_id"] for d in report["documents"]}


async def test_pages_ocr_did_not_finish_are_reported_not_dropped(
    client: httpx.AsyncClient, tenant: TenantKeys, app: FastAPI, app_db: Database
) -> None:
    data = packages.joined_pdfs(
        packages.text_pdf(_paystub_page()),
        packages.image_pdf([packages.scanned_page(["W-2 Wage and Tax Statement 2025"])]),
    )
    review_id = await _upload(client, tenant, data)
    slow = OcrPool(workers=1, timeout=0.001)
    try:
        deps = app.state.intake
        pipeline = PipelineDeps(app_db, deps.store, deps.keys, slow)
        assert await process_review(pipeline, tenant.scope(), uuid.UUID(review_id)) == "completed"
    finally:
        slow.shutdown()
    report = (await client.get(f"/v1/reviews/{review_id}/report", headers=tenant.headers())).json()
    unread = [i for i in report["issues"] if i["code"] == "DOC-002"]
    assert len(unread) == 1, report["issues"]
    assert unread[0]["summary"].startswith("Page 2 of the document at upload")
    assert "OCR did not finish it in time" in unread[0]["summary"]
    assert unread[0]["severity"] == "medium"  # a check not made: the loan cannot clear
    assert report["decision"] != "cleared"


async def test_nothing_readable_fails_the_review(
    client: httpx.AsyncClient, tenant: TenantKeys, pipeline: PipelineDeps
) -> None:
    review_id = await _upload(
        client, tenant, b"%PDF-1.7\n broken", packages.image_pdf([packages.scanned_page([])])
    )
    assert await process_review(pipeline, tenant.scope(), uuid.UUID(review_id)) == "failed"
    review = (await client.get(f"/v1/reviews/{review_id}", headers=tenant.headers())).json()
    assert review["failure"]["code"] == "no_readable_documents"
    r = await client.get(f"/v1/reviews/{review_id}/report", headers=tenant.headers())
    assert r.status_code == 422


async def test_report_and_text_are_never_stored_in_clear(
    client: httpx.AsyncClient, tenant: TenantKeys, pipeline: PipelineDeps, super_db: Database
) -> None:
    review_id = await _upload(
        client, tenant, packages.image_pdf([packages.scanned_page(_paystub_page())])
    )
    await process_review(pipeline, tenant.scope(), uuid.UUID(review_id))
    async with super_db.sessionmaker() as s:
        rows = (
            (
                await s.execute(
                    text(
                        "SELECT sealed FROM document_texts WHERE review_id = :r"
                        " UNION ALL SELECT sealed FROM reports WHERE review_id = :r"
                    ),
                    {"r": review_id},
                )
            )
            .scalars()
            .all()
        )
    assert len(rows) == 2
    for sealed in rows:
        for needle in (b"Jane", b"ACME", b"paystub", b"DOC-001", b"mortgage_v1", b"Pay Date"):
            assert needle not in sealed


async def test_internal_error_fails_with_processing_error(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    pipeline: PipelineDeps,
    monkeypatch: pytest.MonkeyPatch,
    app_db: Database,
) -> None:
    from flightline.pipeline import service

    def boom(*args: object) -> object:
        raise RuntimeError("Jane Q Public's data in a message")

    monkeypatch.setattr(service, "analyse", boom)
    review_id = await _upload(
        client, tenant, packages.image_pdf([packages.scanned_page(_paystub_page())])
    )
    assert await process_review(pipeline, tenant.scope(), uuid.UUID(review_id)) == "failed"
    review = (await client.get(f"/v1/reviews/{review_id}", headers=tenant.headers())).json()
    assert review["failure"]["code"] == "processing_error"
    assert "Jane" not in review["failure"]["message"]
    async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
        row = await reviews_repo.get(s, tenant.scope(), uuid.UUID(review_id))
    assert row is not None and row.status == "failed"


async def test_an_extractor_that_raises_reports_its_document_not_read(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    pipeline: PipelineDeps,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from flightline.pipeline import extract
    from flightline.pipeline.model import DocType
    from flightline.synth import GeneratorOptions, generate

    def boom(*args: object) -> None:
        raise IndexError("Jane Q Public")

    monkeypatch.setitem(extract._EXTRACTORS, DocType.w2, boom)
    lf = generate(GeneratorOptions(seed=7, clean=True, packaging="zip"))
    r = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1"},
        files=[("documents", (n, b, "application/octet-stream")) for n, b in lf.files],
        headers=tenant.headers(),
    )
    review_id = r.json()["review_id"]
    assert await process_review(pipeline, tenant.scope(), uuid.UUID(review_id)) == "completed"
    report = (await client.get(f"/v1/reviews/{review_id}/report", headers=tenant.headers())).json()
    w2s = {d["document_id"] for d in report["documents"] if d["type"] == "w2"}
    not_read = [i for i in report["issues"] if i["code"] == "DOC-002"]
    assert w2s and {i["evidence"][0]["document_id"] for i in not_read} == w2s
    assert all(i["severity"] == "medium" and "W-2" in i["summary"] for i in not_read)
    assert report["decision"] != "cleared"
