"""HTTP only: parse, call the service, shape the response."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query

from flightline.auth.dependencies import CurrentPrincipal, Cursors, TenantSession
from flightline.core.openapi import error_responses
from flightline.reviews import service
from flightline.reviews.schemas import ReviewList, ReviewOut, ReviewStatus

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])


@router.get(
    "/{review_id}",
    response_model=ReviewOut,
    responses=error_responses((404, "review_not_found")),
    summary="Retrieve a review",
)
async def get_review(
    review_id: str, principal: CurrentPrincipal, session: TenantSession
) -> ReviewOut:
    review = await service.get_review(session, principal.tenant, review_id)
    return service.to_out(review)


@router.get(
    "",
    response_model=ReviewList,
    responses=error_responses((400, "invalid_request"), (422, "invalid_request")),
    summary="List reviews, newest first",
)
async def list_reviews(
    principal: CurrentPrincipal,
    session: TenantSession,
    cursors: Cursors,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[str | None, Query(max_length=512)] = None,
    status: ReviewStatus | None = None,
    reference_id: Annotated[str | None, Query(max_length=255)] = None,
    created_after: datetime | None = None,
    created_before: datetime | None = None,
) -> ReviewList:
    return await service.list_reviews(
        session,
        principal.tenant,
        cursors,
        limit=limit,
        cursor=cursor,
        status=status,
        reference_id=reference_id,
        created_after=created_after,
        created_before=created_before,
    )
