"""Reviewing one loan file: read every page, classify, extract, apply the
rules, seal and store the report.

A review moves queued → processing → completed | failed. The job may be run
again after a crash (a stalled job is retried): work restarts from the stored
documents, and the final transaction writes the report only if the review is
still `processing`, so a review completes exactly once.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.crypto import DecryptingReader, KeyProvider, decrypt_bytes, encrypt_bytes
from flightline.core.datakeys import DataKey, current_key, key_version
from flightline.core.db import Database, Tenant, tenant_session
from flightline.core.storage import BlobStore
from flightline.documents import repository as documents_repo
from flightline.documents.models import Document
from flightline.pipeline.model import LogicalDocument, PageText
from flightline.pipeline.models import DocumentText, Report
from flightline.pipeline.pages import OcrPool, ReadResult, read_image, read_pdf
from flightline.reports.builder import build_report
from flightline.reviews import repository as reviews_repo
from flightline.reviews.schemas import ReviewStatus
from flightline.rules import catalogue  # noqa: F401 - registers the rule units
from flightline.rules.access import doc_label
from flightline.rules.engine import IssueEvidence, LoanContext, StoredDocument, run_rules
from flightline.rules.figures import compute_figures
from flightline.rules.policy import load_policy

log = logging.getLogger("flightline.pipeline")
PROCESSING_ERROR = "An internal error stopped this review; it can be submitted again."
NOTHING_READABLE = "No document in the package could be read (corrupt, or no text after OCR)."


def text_aad(tenant: Tenant, document_id: uuid.UUID) -> bytes:
    return f"flightline/text/v1|{tenant.org_id}|{document_id}".encode()


def report_aad(tenant: Tenant, review_id: uuid.UUID) -> bytes:
    return f"flightline/report/v1|{tenant.org_id}|{review_id}".encode()


@dataclass(frozen=True)
class PipelineDeps:
    db: Database
    store: BlobStore
    keys: KeyProvider
    ocr: OcrPool


def _read(doc: Document, raw: DecryptingReader, ocr: OcrPool) -> ReadResult:
    source = io.BufferedReader(raw, buffer_size=256 * 1024)
    if doc.media_type == "application/pdf":
        return read_pdf(doc.id, source, ocr)
    return read_image(doc.id, source, ocr)


def analyse(pages_by_document: list[list[PageText]]) -> list[LogicalDocument]:
    """Classify, split and extract (pure; CPU-bound)."""
    from flightline.pipeline.classify import classify_and_split
    from flightline.pipeline.extract import extract

    logical: list[LogicalDocument] = []
    for pages in pages_by_document:
        readable = [p for p in pages if p.method != "blank" and p.text.strip()]
        if not readable:
            continue
        for doc in classify_and_split(readable):
            try:
                extract(doc, readable)
            except Exception:
                log.exception("extraction failed", extra={"event": "extraction_failed"})
                doc.fields.clear()
                doc.rows.clear()
                doc.extraction_failed = True
            logical.append(doc)
    return logical


def _seal_pages(
    key: DataKey, tenant: Tenant, document_id: uuid.UUID, pages: list[PageText]
) -> bytes:
    payload = json.dumps(
        [
            {"page": p.page, "method": p.method, "confidence": p.confidence, "text": p.text}
            for p in pages
        ]
    ).encode()
    return encrypt_bytes(key.key, text_aad(tenant, document_id), payload)


async def process_review(
    deps: PipelineDeps,
    tenant: Tenant,
    review_id: uuid.UUID,
    stages: dict[str, float] | None = None,
) -> str | None:
    """Run the review; returns the final status, or None when there was nothing to do.

    `stages`, when given, receives the seconds spent in each stage (benchmarks).
    """
    stages = {} if stages is None else stages
    sessionmaker = deps.db.sessionmaker
    async with tenant_session(sessionmaker, tenant) as session:
        review = await reviews_repo.lock(session, tenant, review_id)
        if review is None or review.status not in (ReviewStatus.queued, ReviewStatus.processing):
            return None
        await reviews_repo.set_status(session, tenant, review_id, ReviewStatus.processing)
        documents = await documents_repo.for_review(session, tenant, review_id)
        keys = {
            v: await key_version(session, deps.keys, tenant.org_id, v)
            for v in {d.key_version for d in documents}
        }
        key = await current_key(session, deps.keys, tenant.org_id)
    try:
        return await _run(deps, tenant, review_id, documents, keys, key, stages)
    except Exception:
        log.exception("review failed with an internal error", extra={"review_id": str(review_id)})
        await _finish_failed(deps, tenant, review_id, "processing_error", PROCESSING_ERROR)
        return ReviewStatus.failed


async def _run(
    deps: PipelineDeps,
    tenant: Tenant,
    review_id: uuid.UUID,
    documents: list[Document],
    keys: dict[int, DataKey],
    key: DataKey,
    stages: dict[str, float],
) -> str:
    clock = time.perf_counter()
    results: list[tuple[Document, ReadResult]] = []
    for doc in documents:
        raw = deps.store.open(Document.blob_name(tenant.org_id, review_id, doc.id))
        try:
            reader = DecryptingReader(
                raw, keys[doc.key_version].key, Document.aad(tenant.org_id, review_id, doc.id)
            )
            result = await asyncio.to_thread(_read, doc, reader, deps.ocr)
        finally:
            raw.close()
        results.append((doc, result))
    if not any(result.readable for _, result in results):
        await _finish_failed(deps, tenant, review_id, "no_readable_documents", NOTHING_READABLE)
        return ReviewStatus.failed

    stages["read_pages"] = time.perf_counter() - clock
    clock = time.perf_counter()
    logical = await asyncio.to_thread(analyse, [r.pages for _, r in results if r.readable])
    stages["classify_extract"] = time.perf_counter() - clock
    clock = time.perf_counter()
    stored = [
        StoredDocument(d.id, d.upload_index, d.member_index, d.media_type, d.pages, r.readable)
        for d, r in results
    ]
    ctx = LoanContext(policy=load_policy(), documents=logical, stored=stored)
    _add_unreadable(ctx, results)
    _add_unread_pages(ctx, results)
    _add_not_extracted(ctx)
    compute_figures(ctx)
    issues = run_rules(ctx)
    report = build_report(review_id, tenant.sandbox, ctx, issues, datetime.now(UTC))
    sealed_report = encrypt_bytes(
        key.key, report_aad(tenant, review_id), report.model_dump_json().encode()
    )
    stages["rules_report"] = time.perf_counter() - clock
    clock = time.perf_counter()

    async with tenant_session(deps.db.sessionmaker, tenant) as session:
        current = await reviews_repo.lock(session, tenant, review_id)
        if current is None or current.status != ReviewStatus.processing:
            return str(current.status) if current else ReviewStatus.failed
        await session.execute(
            delete(DocumentText).where(
                DocumentText.org_id == tenant.org_id, DocumentText.review_id == review_id
            )
        )
        session.add_all(
            DocumentText(
                org_id=tenant.org_id,
                document_id=doc.id,
                review_id=review_id,
                sandbox=tenant.sandbox,
                pages=result.page_count,
                readable=result.readable,
                sealed=_seal_pages(key, tenant, doc.id, result.pages),
                key_version=key.version,
            )
            for doc, result in results
        )
        await session.execute(
            pg_insert(Report)
            .values(
                org_id=tenant.org_id,
                review_id=review_id,
                sandbox=tenant.sandbox,
                sealed=sealed_report,
                key_version=key.version,
            )
            .on_conflict_do_nothing()
        )
        await reviews_repo.set_status(
            session, tenant, review_id, ReviewStatus.completed, report_available=True
        )
    stages["store"] = time.perf_counter() - clock
    log.info("review completed", extra={"review_id": str(review_id), "count": len(issues)})
    return ReviewStatus.completed


def _add_unreadable(ctx: LoanContext, results: list[tuple[Document, ReadResult]]) -> None:
    """An unreadable document still appears in the inventory, typed `other`."""
    from flightline.pipeline.model import DocType

    for doc, result in results:
        if result.readable:
            continue
        pages = list(range(1, (result.page_count or doc.pages or 1) + 1))
        ctx.documents.append(LogicalDocument(uuid.uuid4(), DocType.other, 0.0, doc.id, pages))


def _add_unread_pages(ctx: LoanContext, results: list[tuple[Document, ReadResult]]) -> None:
    """Pages of a readable document that OCR did not finish in time: what they
    hold is unknown, so the checks it feeds are reported as not made."""
    for doc, result in results:
        pages = [p.page for p in result.pages if p.method == "unread"]
        if not result.readable or not pages:
            continue
        where = f"upload {doc.upload_index}" + (
            f", member {doc.member_index}" if doc.member_index else ""
        )
        listed = ", ".join(map(str, pages[:-1])) + (" and " if len(pages) > 1 else "")
        noun = "Pages" if len(pages) > 1 else "Page"
        ctx.could_not_read(
            f"pages {doc.id}",
            f"{noun} {listed}{pages[-1]} of the document at {where} (OCR did not finish "
            f"{'them' if len(pages) > 1 else 'it'} in time)",
            variant="check",
        )


def _add_not_extracted(ctx: LoanContext) -> None:
    """A document its extractor could not handle is reported as not read."""
    for doc in ctx.documents:
        if doc.extraction_failed:
            ctx.could_not_read(
                f"document {doc.id}",
                f"the {doc_label(doc)} on page {doc.pages[0]}",
                [IssueEvidence(doc.id, doc.pages[0], "document_type", doc.type.value)],
                variant="check",
            )


async def _finish_failed(
    deps: PipelineDeps, tenant: Tenant, review_id: uuid.UUID, code: str, message: str
) -> None:
    async with tenant_session(deps.db.sessionmaker, tenant) as session:
        current = await reviews_repo.lock(session, tenant, review_id)
        if current is None or current.status != ReviewStatus.processing:
            return
        await reviews_repo.set_status(
            session,
            tenant,
            review_id,
            ReviewStatus.failed,
            failure_code=code,
            failure_message=message,
        )


async def load_report(
    session: AsyncSession, tenant: Tenant, keys: KeyProvider, review_id: uuid.UUID
) -> bytes | None:
    """The report's JSON, decrypted (the endpoint serves it as is)."""

    row = (
        await session.execute(
            select(Report.sealed, Report.key_version).where(
                Report.org_id == tenant.org_id,
                Report.sandbox == tenant.sandbox,
                Report.review_id == review_id,
            )
        )
    ).first()
    if row is None:
        return None
    key = await key_version(session, keys, tenant.org_id, row.key_version)
    return decrypt_bytes(key.key, report_aad(tenant, review_id), row.sealed)
