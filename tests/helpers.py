"""Small helpers shared by tests."""

from __future__ import annotations

from datetime import datetime

from flightline.core.db import Database, Tenant, tenant_session
from flightline.reviews import service as review_service
from flightline.reviews.models import Review
from flightline.reviews.schemas import ReviewStatus


async def add_review(
    db: Database,
    tenant: Tenant,
    *,
    status: ReviewStatus = ReviewStatus.queued,
    reference_id: str | None = None,
    created_at: datetime | None = None,
) -> Review:
    async with tenant_session(db.sessionmaker, tenant) as session:
        return await review_service.create_review_record(
            session, tenant, status=status, reference_id=reference_id, created_at=created_at
        )
