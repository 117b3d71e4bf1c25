"""Review use cases. Services never commit: the request or job owns the transaction."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.db import Tenant
from flightline.core.errors import ReviewNotFound
from flightline.core.ids import parse_uuid
from flightline.core.pagination import CursorCodec, Position, split_page
from flightline.reviews import repository
from flightline.reviews.models import Review
from flightline.reviews.schemas import Failure, ReviewList, ReviewOut, ReviewStatus


class ReviewFields(Protocol):
    """What `to_out` reads: an ORM `Review` or a repository row."""

    id: uuid.UUID
    review_type: str
    status: str
    reference_id: str | None
    label: str | None
    metadata_: dict[str, str]
    document_count: int
    report_available: bool
    sandbox: bool
    failure_code: str | None
    failure_message: str | None
    created_at: datetime
    updated_at: datetime


def to_out(review: ReviewFields) -> ReviewOut:
    return ReviewOut(
        review_id=review.id,
        review_type=review.review_type,
        status=ReviewStatus(review.status),
        reference_id=review.reference_id,
        label=review.label,
        metadata=review.metadata_ or {},
        document_count=review.document_count,
        report_available=review.report_available,
        sandbox=review.sandbox,
        failure=(
            Failure(code=review.failure_code, message=review.failure_message or "")
            if review.status == ReviewStatus.failed and review.failure_code
            else None
        ),
        created_at=review.created_at,
        updated_at=review.updated_at,
    )


async def get_review(session: AsyncSession, tenant: Tenant, raw_id: str) -> ReviewFields:
    """The review, or `review_not_found` — also for a malformed id or another tenant's."""
    review_id = parse_uuid(raw_id)
    review = await repository.get(session, tenant, review_id) if review_id else None
    if review is None:
        raise ReviewNotFound()
    return review


async def list_reviews(
    session: AsyncSession,
    tenant: Tenant,
    codec: CursorCodec,
    *,
    limit: int,
    cursor: str | None,
    status: ReviewStatus | None,
    reference_id: str | None,
    created_after: datetime | None,
    created_before: datetime | None,
) -> ReviewList:
    filters: dict[str, object] = {
        "status": status.value if status else None,
        "reference_id": reference_id,
        "created_after": created_after,
        "created_before": created_before,
    }
    after = codec.decode("reviews", filters, cursor) if cursor else None
    rows = await repository.list_page(
        session,
        tenant,
        limit=limit + 1,
        after=after,
        status=status.value if status else None,
        reference_id=reference_id,
        created_after=created_after,
        created_before=created_before,
    )
    page, next_cursor = split_page(
        codec, "reviews", filters, rows, limit, lambda r: Position(r.created_at, r.id)
    )
    return ReviewList(data=[to_out(r) for r in page], next_cursor=next_cursor)


async def create_review_record(
    session: AsyncSession,
    tenant: Tenant,
    *,
    review_type: str = "mortgage_v1",
    status: ReviewStatus = ReviewStatus.queued,
    reference_id: str | None = None,
    label: str | None = None,
    metadata: dict[str, str] | None = None,
    document_count: int = 0,
    created_at: datetime | None = None,
    review_id: uuid.UUID | None = None,
) -> Review:
    """Insert a review row (the create endpoint builds on this; tests use it directly)."""
    now = created_at or datetime.now(UTC)
    review = Review(
        org_id=tenant.org_id,
        id=review_id or uuid.uuid4(),
        sandbox=tenant.sandbox,
        review_type=review_type,
        status=status.value,
        reference_id=reference_id,
        label=label,
        metadata_=metadata or {},
        document_count=document_count,
        report_available=False,
        created_at=now,
        updated_at=now,
    )
    await repository.add(session, review)
    return review
