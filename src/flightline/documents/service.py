"""Document use cases."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.crypto import DecryptingReader, KeyProvider
from flightline.core.datakeys import key_version
from flightline.core.db import Tenant
from flightline.core.storage import BlobStore
from flightline.documents import repository
from flightline.documents.models import Document
from flightline.reviews.schemas import DocumentList, DocumentOut
from flightline.reviews.service import get_review


async def list_documents(session: AsyncSession, tenant: Tenant, raw_review_id: str) -> DocumentList:
    review = await get_review(session, tenant, raw_review_id)
    rows = await repository.for_review(session, tenant, review.id)
    return DocumentList(
        data=[
            DocumentOut(
                document_id=d.id,
                upload_index=d.upload_index,
                member_index=d.member_index,
                sha256=d.sha256.hex(),
                bytes=d.size,
                media_type=d.media_type,
                pages=d.pages,
            )
            for d in rows
        ]
    )


async def open_document(
    session: AsyncSession, tenant: Tenant, keys: KeyProvider, store: BlobStore, doc: Document
) -> DecryptingReader:
    """A seekable plaintext view of a stored document; raises DecryptionError if tampered."""
    key = await key_version(session, keys, tenant.org_id, doc.key_version)
    raw = store.open(Document.blob_name(tenant.org_id, doc.review_id, doc.id))
    try:
        return DecryptingReader(raw, key.key, Document.aad(tenant.org_id, doc.review_id, doc.id))
    except BaseException:
        raw.close()
        raise
