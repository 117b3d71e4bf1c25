"""SQL on documents, filtered by organization, mode and review."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.db import Tenant
from flightline.documents.models import Document


async def add_all(session: AsyncSession, documents: Sequence[Document]) -> None:
    session.add_all(documents)
    await session.flush()


async def for_review(session: AsyncSession, tenant: Tenant, review_id: uuid.UUID) -> list[Document]:
    stmt = (
        select(Document)
        .where(
            Document.org_id == tenant.org_id,
            Document.sandbox == tenant.sandbox,
            Document.review_id == review_id,
        )
        .order_by(Document.upload_index, Document.member_index.nulls_first(), Document.id)
    )
    return list((await session.scalars(stmt)).all())
