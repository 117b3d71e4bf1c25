"""HTTP only: parse, call the service, shape the response."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response

from flightline.auth.dependencies import CurrentPrincipal, Cursors, TenantSession
from flightline.core.context import request_context
from flightline.core.db import rebind_on_begin
from flightline.core.errors import UnsupportedMediaType
from flightline.core.openapi import error_responses
from flightline.documents import service as documents_service
from flightline.reports import service as reports_service
from flightline.reports.schemas import ReportOut
from flightline.reviews import intake, service
from flightline.reviews.schemas import DocumentList, ReviewList, ReviewOut, ReviewStatus

router = APIRouter(prefix="/v1/reviews", tags=["reviews"])


def _intake_deps(request: Request) -> intake.IntakeDeps:
    deps: intake.IntakeDeps = request.app.state.intake
    return deps


Intake = Annotated[intake.IntakeDeps, Depends(_intake_deps)]

_CREATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {"$ref": "#/components/schemas/ReviewCreateMultipart"}
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/ReviewCreateFromUrls"}},
        },
    }
}


@router.post(
    "",
    status_code=201,
    response_model=ReviewOut,
    summary="Create a review from uploaded documents or source URLs",
    openapi_extra=_CREATE_BODY,
    responses={
        200: {"model": ReviewOut, "description": "A replay of the same Idempotency-Key."},
        **error_responses(
            (400, "invalid_request"),
            (400, "document_required"),
            (400, "document_unsupported"),
            (409, "duplicate_reference_id"),
            (409, "idempotency_key_in_use"),
            (413, "document_too_large"),
            (415, "unsupported_media_type"),
            (422, "invalid_request"),
            (422, "too_many_documents"),
            (422, "documents_too_large"),
            (422, "idempotency_key_reused"),
        ),
    },
)
async def create_review(
    request: Request,
    response: Response,
    principal: CurrentPrincipal,
    session: TenantSession,
    deps: Intake,
    idempotency_key: Annotated[str | None, Header(min_length=1, max_length=255)] = None,
) -> ReviewOut:
    ctx = request_context(request)
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media_type not in ("multipart/form-data", "application/json"):
        raise UnsupportedMediaType("Send multipart/form-data (uploads) or application/json (URLs).")
    # End the authentication transaction before the body arrives: an upload
    # can outlast any sane idle-in-transaction limit. Later transactions of
    # this session are bound to the same tenant as they begin.
    await session.commit()
    rebind_on_begin(session, principal.tenant)
    if media_type == "multipart/form-data":
        length = request.headers.get("content-length")
        created = await intake.create_from_upload(
            session,
            principal,
            deps,
            ctx,
            request.headers["content-type"],
            int(length) if length and length.isdigit() else None,
            request.stream(),
            idempotency_key,
        )
    else:
        created = await intake.create_from_urls(
            session, principal, deps, ctx, request.stream(), idempotency_key
        )
    if created.replayed:
        response.status_code = 200
    return created.review


@router.get(
    "/{review_id}/report",
    response_model=ReportOut,
    responses=error_responses(
        (404, "review_not_found"), (404, "report_not_ready"), (422, "review_failed")
    ),
    summary="Retrieve the QC report of a completed review",
)
async def get_report(
    review_id: str, principal: CurrentPrincipal, session: TenantSession, deps: Intake
) -> Response:
    body = await reports_service.report_json(session, principal.tenant, deps.keys, review_id)
    return Response(body, media_type="application/json")


@router.get(
    "/{review_id}/documents",
    response_model=DocumentList,
    responses=error_responses((404, "review_not_found")),
    summary="List the documents stored for a review, in upload order",
)
async def list_documents(
    review_id: str, principal: CurrentPrincipal, session: TenantSession
) -> DocumentList:
    return await documents_service.list_documents(session, principal.tenant, review_id)


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
    cursor: str | None = None,
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
