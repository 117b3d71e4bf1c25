"""Serving reports."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from flightline.core.crypto import KeyProvider
from flightline.core.db import Tenant
from flightline.core.errors import ReportNotReady, ReviewFailed
from flightline.pipeline.service import load_report
from flightline.reviews.schemas import ReviewStatus
from flightline.reviews.service import get_review


async def report_json(
    session: AsyncSession, tenant: Tenant, keys: KeyProvider, raw_review_id: str
) -> bytes:
    """200 with the report; 404 report_not_ready; 404 review_not_found; 422 review_failed."""
    review = await get_review(session, tenant, raw_review_id)
    if review.status == ReviewStatus.failed:
        raise ReviewFailed()
    if review.status != ReviewStatus.completed or not review.report_available:
        raise ReportNotReady()
    body = await load_report(session, tenant, keys, review.id)
    if body is None:
        raise ReportNotReady()
    return body
