"""Creating a review: the two variants of POST /v1/reviews.

Order of work (each step can refuse, and a refusal leaves nothing behind):
stream the body into staged, encrypted blobs and spools → validate the fields
→ idempotency → reference id → inspect archives and documents → rows, job and
blob commit in the request's transaction. Zip members are staged and
documents inspected while the body arrives, but their refusals wait for the
step where they always came.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
import uuid
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.auth.schemas import Principal
from flightline.core.context import RequestContext
from flightline.core.crypto import Encryptor, KeyProvider, encrypt_bytes
from flightline.core.datakeys import DataKey, current_key
from flightline.core.db import Tenant
from flightline.core.errors import (
    DocumentRequired,
    DuplicateReferenceId,
    FlightlineError,
    InvalidRequest,
    MalformedRequest,
    api_error,
)
from flightline.core.jobs import defer_job
from flightline.core.outbound import OutboundPolicy, OutboundRefused, check_url_shape
from flightline.core.settings import Settings
from flightline.core.storage import BlobStore, StagedBlob
from flightline.documents import repository as documents_repo
from flightline.documents.models import Document
from flightline.documents.packages import (
    Extracted,
    Limits,
    Package,
    PackageError,
    inspect_document,
)
from flightline.documents.upload import MultipartUpload, UploadError, open_archives
from flightline.reviews import idempotency
from flightline.reviews import repository as reviews_repo
from flightline.reviews.models import Review, ReviewSource
from flightline.reviews.schemas import (
    ReviewCreateFromUrls,
    ReviewFields,
    ReviewOut,
    ReviewStatus,
)
from flightline.reviews.service import create_review_record, get_review, to_out

MAX_JSON_BYTES = 1024 * 1024
_DRAIN_BYTES = 8 * 1024 * 1024
_DRAIN_SECONDS = 3.0
# Parsing runs behind the socket: whatever arrived while the parsing thread
# was busy goes to it as one batch (at least _MIN_BATCH: fewer hand-offs); the
# socket is read on until _MAX_PENDING waits, so memory holds at most that
# plus the batch in flight.
_MIN_BATCH = 256 * 1024
_MAX_PENDING = 4 * 1024 * 1024
PIPELINE_TASK = "pipeline:process"
FETCH_TASK = "intake:fetch"


@dataclass(frozen=True)
class IntakeDeps:
    settings: Settings
    store: BlobStore
    keys: KeyProvider
    policy: OutboundPolicy

    @property
    def limits(self) -> Limits:
        s = self.settings
        return Limits(
            max_document_bytes=s.max_document_bytes,
            max_documents=s.max_documents,
            max_package_bytes=s.max_package_bytes,
            max_compression_ratio=s.max_compression_ratio,
        )


def build_intake(settings: Settings, master_key: bytes) -> IntakeDeps:
    from flightline.core.crypto import MasterKeyProvider
    from flightline.core.storage import make_blob_store

    return IntakeDeps(
        settings=settings,
        store=make_blob_store(settings),
        keys=MasterKeyProvider(master_key),
        policy=OutboundPolicy(
            allow=tuple(settings.outbound_allow), ca_file=settings.outbound_ca_file
        ),
    )


@dataclass(frozen=True)
class Created:
    review: ReviewOut
    replayed: bool


def source_aad(tenant: Tenant, review_id: uuid.UUID, position: int) -> bytes:
    return f"flightline/source/v1|{tenant.org_id}|{review_id}|{position}".encode()


def stage_function(
    store: BlobStore, tenant: Tenant, review_id: uuid.UUID, key: DataKey
) -> Callable[[uuid.UUID], tuple[StagedBlob, Encryptor, bytes]]:
    def stage(document_id: uuid.UUID) -> tuple[StagedBlob, Encryptor, bytes]:
        aad = Document.aad(tenant.org_id, review_id, document_id)
        name = Document.blob_name(tenant.org_id, review_id, document_id)
        return store.stage(name), Encryptor(key.key, aad), aad

    return stage


def _validation_error(exc: ValidationError, prefix: str = "") -> FlightlineError:
    errors = exc.errors()
    # An unknown field is the likelier mistake (a typo): name it first.
    first = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    param = prefix + ".".join(str(p) for p in first["loc"]) if first["loc"] else None
    if first["type"] == "extra_forbidden":
        return InvalidRequest(f"Unknown field {param!r}.", param=param)
    message = str(first["msg"]).removeprefix("Value error, ")
    return InvalidRequest(f"{param}: {message}." if param else f"{message}.", param=param)


def _fields_from_form(raw: dict[str, str]) -> ReviewFields:
    data: dict[str, object] = dict(raw)
    if "metadata" in data:
        try:
            data["metadata"] = json.loads(raw["metadata"])
        except (ValueError, RecursionError):
            raise InvalidRequest("metadata must be a JSON object.", param="metadata") from None
    if "review_type" not in data:
        raise InvalidRequest("review_type is required.", param="review_type")
    try:
        return ReviewFields.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc) from None


async def _drain(body: AsyncIterator[bytes]) -> None:
    """Read and discard a bounded amount so the client sees our answer."""
    deadline = time.monotonic() + _DRAIN_SECONDS
    drained = 0
    try:
        async for chunk in body:
            drained += len(chunk)
            if drained > _DRAIN_BYTES or time.monotonic() > deadline:
                return
    except Exception:  # the client may have gone; nothing to report
        return


def _as_api_error(exc: PackageError | UploadError) -> FlightlineError:
    if isinstance(exc, PackageError):
        return api_error(exc.code, exc.status, exc.message, headers={"Connection": "close"})
    code = "invalid_request"
    return api_error(
        code, exc.status, exc.message, param=exc.param, headers={"Connection": "close"}
    )


# Its own pool: uploads never starve the default executor, and an upload's
# batches (one in flight at a time) run on one idle thread, so freed buffers
# are reused from one malloc arena instead of piling up in several.
_PARSING = ThreadPoolExecutor(
    max_workers=os.cpu_count() or 2, thread_name_prefix="flightline-parse"
)


class _Feeder:
    """Parses the body in a worker thread, behind the socket.

    While a batch is inflated, hashed, encrypted and written (all of which
    release the GIL), the request keeps reading the connection, so both cores
    work and the server's HTTP layer rarely piles up (and re-copies) body
    bytes; batches grow to what arrived meanwhile, and are fed to the parser
    as received, without joining. A thread is held only while a batch is
    parsed, never while the client is slow.
    """

    def __init__(self, upload: MultipartUpload) -> None:
        self.upload = upload
        self._running: asyncio.Future[None] | None = None
        self._pending: list[bytes] = []
        self._pending_bytes = 0

    async def push(self, chunk: bytes) -> None:
        self._pending.append(chunk)
        self._pending_bytes += len(chunk)
        running = self._running
        if running is not None and not running.done() and self._pending_bytes < _MAX_PENDING:
            return
        await self.wait()
        if self._pending_bytes >= _MIN_BATCH:
            self._submit()

    def _submit(self) -> None:
        chunks, self._pending, self._pending_bytes = self._pending, [], 0
        loop = asyncio.get_running_loop()
        self._running = loop.run_in_executor(_PARSING, self._parse, chunks)

    def _parse(self, chunks: list[bytes]) -> None:
        for chunk in chunks:
            self.upload.feed(chunk)

    async def finish(self) -> None:
        """The body is over: the rest is parsed, then the last part closes (on that thread too)."""
        await self.wait()
        if self._pending:
            self._submit()
            await self.wait()
        loop = asyncio.get_running_loop()
        self._running = loop.run_in_executor(_PARSING, self.upload.finish)
        await self.wait()

    async def wait(self) -> None:
        """The batch in flight is parsed; its error, if any, raised here."""
        running = self._running
        if running is None:
            return
        # If this request is cancelled meanwhile, the batch stays tracked for `settle`.
        await asyncio.wait({running})
        self._running = None
        running.result()

    async def settle(self) -> None:
        """Let a batch still in flight end, even if cancelled: cleanup must not race it."""
        running, self._running = self._running, None
        if running is None:
            return
        cancelled = False
        while not running.done():
            try:
                await asyncio.wait({running})
            except asyncio.CancelledError:
                cancelled = True
        if not running.cancelled():
            running.exception()  # retrieved: the caller is already failing
        if cancelled:
            raise asyncio.CancelledError


async def _check_reference(session: AsyncSession, tenant: Tenant, reference_id: str | None) -> None:
    if reference_id is not None and await reviews_repo.reference_taken(
        session, tenant, reference_id
    ):
        raise DuplicateReferenceId()


async def _replay(session: AsyncSession, tenant: Tenant, review_id: uuid.UUID) -> Created:
    return Created(to_out(await get_review(session, tenant, str(review_id))), replayed=True)


async def _insert_review(
    session: AsyncSession, tenant: Tenant, review_id: uuid.UUID, fields: ReviewFields, **kw: object
) -> Review:
    try:
        async with session.begin_nested():
            return await create_review_record(
                session,
                tenant,
                review_id=review_id,
                review_type=fields.review_type,
                reference_id=fields.reference_id,
                label=fields.label,
                metadata=fields.metadata,
                **kw,  # type: ignore[arg-type]
            )
    except IntegrityError:
        # Lost a race with a concurrent create using the same reference id.
        raise DuplicateReferenceId() from None


# One thread for every request: pdfium is serialised by its lock anyway.
_INSPECTION = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flightline-inspect")


class _Inspector:
    """Counts pages and finds password-only PDFs while the body still arrives.

    Each document is inspected as soon as it is staged, off the parsing
    thread; a refusal is kept, not raised, and `finish` raises the first in
    document order at the point of the request where inspection always came
    (after the fields, idempotency and reference checks).
    """

    def __init__(self, key: bytes) -> None:
        self.key = key
        self._jobs: dict[uuid.UUID, Future[PackageError | None]] = {}

    def submit(self, doc: Extracted) -> None:
        self._jobs[doc.document_id] = _INSPECTION.submit(self._inspect, doc)

    def _inspect(self, doc: Extracted) -> PackageError | None:
        try:
            inspect_document(doc, self.key)
        except PackageError as exc:
            return exc
        return None

    def finish(self, package: Package) -> None:
        for doc in package.documents:
            job = self._jobs.get(doc.document_id)
            refusal = self._inspect(doc) if job is None else job.result()
            if refusal is not None:
                raise refusal

    def cancel(self) -> None:
        """Nothing queued outlives the request (one already running only reads)."""
        for job in self._jobs.values():
            job.cancel()


async def store_package(
    session: AsyncSession, tenant: Tenant, review_id: uuid.UUID, package: Package, key: DataKey
) -> None:
    """Document rows in this transaction, blobs committed (made visible) now."""
    await documents_repo.add_all(
        session,
        [
            Document(
                org_id=tenant.org_id,
                id=d.document_id,
                review_id=review_id,
                sandbox=tenant.sandbox,
                upload_index=d.upload_index,
                member_index=d.member_index,
                sha256=d.sha256,
                size=d.size,
                media_type=d.media_type,
                pages=d.pages,
                key_version=key.version,
            )
            for d in package.documents
        ],
    )
    # Wait for the documents' flushes here rather than on a worker thread:
    # a large package's commit would hold one of the few for seconds.
    await asyncio.gather(*(asyncio.wrap_future(f) for f in package.flushing()))
    await asyncio.to_thread(package.commit)


async def create_from_upload(
    session: AsyncSession,
    principal: Principal,
    deps: IntakeDeps,
    ctx: RequestContext,
    content_type: str,
    content_length: int | None,
    body: AsyncIterator[bytes],
    idempotency_key: str | None,
) -> Created:
    tenant = principal.tenant
    limit = deps.settings.max_upload_bytes
    if content_length is not None and content_length > limit:
        await _drain(body)
        raise api_error(
            "document_too_large",
            413,
            f"The request body is larger than the {limit // (1024 * 1024)} MiB limit.",
            headers={"Connection": "close"},
        )
    review_id = uuid.uuid4()
    key = await current_key(session, deps.keys, tenant.org_id)
    # No transaction (and no pooled connection) is held while the body streams
    # or while archives are inspected: an upload may take minutes.
    await session.commit()
    inspector = _Inspector(key.key)
    package = Package(
        deps.limits,
        stage_function(deps.store, tenant, review_id, key),
        on_document=inspector.submit,
    )
    try:
        upload = MultipartUpload(
            content_type, package, deps.store, hash_uploads=idempotency_key is not None
        )
    except UploadError as exc:
        raise _as_api_error(exc) from None
    committed = False
    feeder = _Feeder(upload)
    try:
        try:
            received = 0
            async for chunk in body:
                received += len(chunk)
                if received > limit:
                    raise PackageError(
                        "document_too_large",
                        413,
                        f"The request body is larger than the {limit // (1024 * 1024)} MiB limit.",
                    )
                await feeder.push(chunk)
            await feeder.finish()
        except (PackageError, UploadError) as exc:
            await feeder.settle()
            await _drain(body)
            raise _as_api_error(exc) from None

        fields = _fields_from_form(upload.fields)
        if not upload.upload_hashes:
            raise DocumentRequired("Send at least one `documents` file part.", param="documents")
        print_ = b""
        if idempotency_key is not None:
            print_ = idempotency.fingerprint(
                fields.model_dump(), [h.hex() for h in upload.upload_hashes]
            )
            seen = await idempotency.peek(session, tenant, idempotency_key, print_)
            if seen.replay_of is not None:
                return await _replay(session, tenant, seen.replay_of)
        await _check_reference(session, tenant, fields.reference_id)
        await session.commit()
        try:
            await asyncio.to_thread(open_archives, package, upload.archives)
            upload.archives.clear()
            if not package.documents:
                raise PackageError("document_required", 400, "The package holds no document.")
            await asyncio.to_thread(inspector.finish, package)
        except PackageError as exc:
            raise _as_api_error(exc) from None

        # The one write transaction: claim, rows, job; a racing duplicate
        # waits on the claim here and replays what this one commits.
        if idempotency_key is not None:
            claim = await idempotency.claim(session, tenant, idempotency_key, print_)
            if claim.replay_of is not None:
                return await _replay(session, tenant, claim.replay_of)
        review = await _insert_review(
            session,
            tenant,
            review_id,
            fields,
            status=ReviewStatus.queued,
            document_count=len(package.documents),
        )
        if idempotency_key is not None:
            await idempotency.attach(session, tenant, idempotency_key, review_id)
        await defer_job(
            session,
            PIPELINE_TASK,
            {"org_id": str(tenant.org_id), "sandbox": tenant.sandbox, "review_id": str(review_id)},
            queueing_lock=f"review:{review_id}",
        )
        ctx.on_rollback.append(package.delete_committed)
        await store_package(session, tenant, review_id, package, key)
        committed = True
        ctx.action, ctx.resource_id = "review.created", str(review_id)
        return Created(to_out(review), replayed=False)
    finally:
        if not committed:
            try:
                await feeder.settle()
            finally:
                inspector.cancel()
                upload.abort()
                package.abort()


async def _read_json(body: AsyncIterator[bytes]) -> object:
    raw = bytearray()
    async for chunk in body:
        raw += chunk
        if len(raw) > MAX_JSON_BYTES:
            await _drain(body)
            raise api_error(
                "invalid_request",
                413,
                "JSON bodies are limited to 1 MiB.",
                headers={"Connection": "close"},
            )
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        raise MalformedRequest("The body is not valid JSON.") from None


async def create_from_urls(
    session: AsyncSession,
    principal: Principal,
    deps: IntakeDeps,
    ctx: RequestContext,
    body: AsyncIterator[bytes],
    idempotency_key: str | None,
) -> Created:
    tenant = principal.tenant
    data = await _read_json(body)
    if not isinstance(data, dict):
        raise InvalidRequest("The body must be a JSON object.")
    try:
        request = ReviewCreateFromUrls.model_validate(data)
    except ValidationError as exc:
        raise _validation_error(exc) from None
    for position, source in enumerate(request.documents):
        try:
            check_url_shape(source.url, deps.policy)
        except OutboundRefused as exc:
            param = f"documents.{position}.url"
            raise InvalidRequest(f"{param}: {exc}", param=param) from None
    fields = ReviewFields.model_validate(request.model_dump(exclude={"documents"}))
    if idempotency_key is not None:
        print_ = idempotency.fingerprint(
            fields.model_dump(), [s.model_dump() for s in request.documents]
        )
        claim = await idempotency.claim(session, tenant, idempotency_key, print_)
        if claim.replay_of is not None:
            return await _replay(session, tenant, claim.replay_of)
    await _check_reference(session, tenant, fields.reference_id)
    review_id = uuid.uuid4()
    key = await current_key(session, deps.keys, tenant.org_id)
    review = await _insert_review(
        session, tenant, review_id, fields, status=ReviewStatus.awaiting_documents
    )
    for position, source in enumerate(request.documents, start=1):
        sealed = encrypt_bytes(
            key.key, source_aad(tenant, review_id, position), source.model_dump_json().encode()
        )
        session.add(
            ReviewSource(
                org_id=tenant.org_id,
                review_id=review_id,
                position=position,
                sandbox=tenant.sandbox,
                sealed=sealed,
                key_version=key.version,
            )
        )
    await session.flush()
    if idempotency_key is not None:
        await idempotency.attach(session, tenant, idempotency_key, review_id)
    await defer_job(
        session,
        FETCH_TASK,
        {"org_id": str(tenant.org_id), "sandbox": tenant.sandbox, "review_id": str(review_id)},
        queueing_lock=f"fetch:{review_id}",
    )
    ctx.action, ctx.resource_id = "review.created", str(review_id)
    return Created(to_out(review), replayed=False)


async def load_sources(
    session: AsyncSession, tenant: Tenant, review_id: uuid.UUID, keys: KeyProvider
) -> list[tuple[int, str]]:
    """(position, url) of a review's sources, decrypted (jobs only)."""
    from flightline.core.crypto import decrypt_bytes
    from flightline.core.datakeys import key_version

    rows = (
        await session.scalars(
            select(ReviewSource)
            .where(
                ReviewSource.org_id == tenant.org_id,
                ReviewSource.sandbox == tenant.sandbox,
                ReviewSource.review_id == review_id,
            )
            .order_by(ReviewSource.position)
        )
    ).all()
    out = []
    for row in rows:
        key = await key_version(session, keys, tenant.org_id, row.key_version)
        plain = decrypt_bytes(key.key, source_aad(tenant, review_id, row.position), row.sealed)
        out.append((row.position, json.loads(plain)["url"]))
    return out
