from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import BaseModel, Field

from flightline.core.timefmt import UtcTimestamp


class ReviewStatus(StrEnum):
    awaiting_documents = "awaiting_documents"
    queued = "queued"
    processing = "processing"
    completed = "completed"
    failed = "failed"


class Failure(BaseModel):
    code: str = Field(
        description="document_fetch_failed, document_unsupported, no_readable_documents "
        "or processing_error."
    )
    message: str


class ReviewOut(BaseModel):
    review_id: uuid.UUID
    review_type: str
    status: ReviewStatus
    reference_id: str | None
    label: str | None
    metadata: dict[str, str]
    document_count: int
    report_available: bool
    sandbox: bool
    failure: Failure | None
    created_at: UtcTimestamp
    updated_at: UtcTimestamp


class ReviewList(BaseModel):
    data: list[ReviewOut]
    next_cursor: str | None = Field(
        description="Pass as `cursor` for the next page; null on the last."
    )
