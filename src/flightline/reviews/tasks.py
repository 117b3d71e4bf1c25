"""Fetching a review's source URLs in the background.

The review waits in `awaiting_documents`; every URL goes through the
outbound-request guard (resolved, checked, pinned, redirects re-checked, size
and time capped) and every package through the same rules as an upload. The
review becomes `queued` with its documents, or `failed` with a code and a
message that never carries the URL or anything from the documents.
"""

from __future__ import annotations

import asyncio
import logging
import uuid

import procrastinate

from flightline.core.datakeys import current_key
from flightline.core.db import Tenant, tenant_session
from flightline.core.jobs import defer_job
from flightline.core.outbound import OutboundRefused, guarded_get
from flightline.documents.packages import Package, PackageError, inspect_document
from flightline.documents.upload import IncomingFile, SpooledArchive, open_archives
from flightline.reviews import intake
from flightline.reviews import repository as reviews_repo
from flightline.reviews.schemas import ReviewStatus
from flightline.worker import runtime

blueprint = procrastinate.Blueprint()
log = logging.getLogger("flightline.intake")

FETCH_SECONDS = 60
_REASONS = {
    "dns": "its host name does not resolve",
    "address": "its host resolves to a non-public address",
    "redirect": "it redirects somewhere that is not allowed",
    "status": "the server did not answer with success",
    "too_large": "it is larger than the upload limit",
    "timeout": "it did not arrive within 60 seconds",
    "tls": "its TLS certificate could not be verified",
    "connect": "the server could not be reached",
}


class _Failed(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


async def _fetch_into(package: Package, position: int, url: str) -> SpooledArchive | None:
    deps = runtime.intake()
    incoming = IncomingFile(position, package, deps.store, hashed=False)
    try:
        async with guarded_get(
            url,
            deps.policy,
            max_bytes=deps.settings.max_upload_bytes,
            timeout_seconds=FETCH_SECONDS,
        ) as response:
            async for chunk in response.iter_bytes():
                incoming.feed(chunk)
        return incoming.finish()
    except OutboundRefused as exc:
        incoming.abort()
        reason = _REASONS.get(exc.kind, "the request was refused")
        raise _Failed(
            "document_fetch_failed", f"Source {position} could not be fetched: {reason}."
        ) from None
    except BaseException:
        incoming.abort()
        raise


def _inspect_all(package: Package, key: bytes) -> None:
    for doc in package.documents:
        inspect_document(doc, key)


@blueprint.task(name="fetch", pass_context=False)
async def fetch_sources(org_id: str, sandbox: bool, review_id: str) -> None:
    deps = runtime.intake()
    sessionmaker = runtime.database().sessionmaker
    tenant = Tenant(uuid.UUID(org_id), sandbox)
    rid = uuid.UUID(review_id)
    async with tenant_session(sessionmaker, tenant) as session:
        review = await reviews_repo.get(session, tenant, rid)
        if review is None or review.status != ReviewStatus.awaiting_documents:
            return  # deleted, or already handled by an earlier run
        sources = await intake.load_sources(session, tenant, rid, deps.keys)
        key = await current_key(session, deps.keys, tenant.org_id)

    package = Package(deps.limits, intake.stage_function(deps.store, tenant, rid, key))
    archives: list[SpooledArchive] = []
    failure: _Failed | None = None
    try:
        for position, url in sources:
            archive = await _fetch_into(package, position, url)
            if archive is not None:
                archives.append(archive)
        await asyncio.to_thread(open_archives, package, archives)
        archives = []
        if not package.documents:
            raise PackageError("document_required", 400, "The sources hold no document.")
        await asyncio.to_thread(_inspect_all, package, key.key)
    except _Failed as exc:
        failure = exc
    except PackageError as exc:
        failure = _Failed("document_unsupported", exc.message)
    except Exception:
        log.exception("source fetch failed with an internal error", extra={"review_id": review_id})
        failure = _Failed("processing_error", "An internal error stopped the fetch.")
    finally:
        for archive in archives:
            archive.staged.abort()

    if failure is not None:
        package.abort()
        async with tenant_session(sessionmaker, tenant) as session:
            if await reviews_repo.lock(session, tenant, rid) is not None:
                await reviews_repo.set_status(
                    session,
                    tenant,
                    rid,
                    ReviewStatus.failed,
                    failure_code=failure.code,
                    failure_message=failure.message,
                )
        log.info("review sources refused", extra={"review_id": review_id, "outcome": failure.code})
        return

    stored = False
    try:
        async with tenant_session(sessionmaker, tenant) as session:
            current = await reviews_repo.lock(session, tenant, rid)
            if current is None or current.status != ReviewStatus.awaiting_documents:
                return
            stored = True  # from here, a failure must delete what was committed
            await intake.store_package(session, tenant, rid, package, key)
            await reviews_repo.set_status(
                session, tenant, rid, ReviewStatus.queued, document_count=len(package.documents)
            )
            await defer_job(
                session,
                intake.PIPELINE_TASK,
                {"org_id": org_id, "sandbox": sandbox, "review_id": review_id},
                queueing_lock=f"review:{review_id}",
            )
    except BaseException:
        if stored:
            package.delete_committed()
        raise
    finally:
        if not stored:
            package.abort()
