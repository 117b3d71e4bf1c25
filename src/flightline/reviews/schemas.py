from __future__ import annotations

import uuid
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator

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


KNOWN_REVIEW_TYPES = ("mortgage_v1",)


class ReviewFields(BaseModel):
    """The fields of a create, in both variants; unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")

    review_type: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    reference_id: Annotated[str, StringConstraints(min_length=1, max_length=255)] | None = None
    label: Annotated[str, StringConstraints(max_length=500)] | None = None
    metadata: dict[
        Annotated[str, StringConstraints(min_length=1, max_length=40)],
        Annotated[str, StringConstraints(max_length=500)],
    ] = Field(default_factory=dict, max_length=50)

    @field_validator("review_type")
    @classmethod
    def _known(cls, value: str) -> str:
        if value not in KNOWN_REVIEW_TYPES:
            raise ValueError("unknown review type; known types: " + ", ".join(KNOWN_REVIEW_TYPES))
        return value


class SourceDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: Annotated[str, StringConstraints(min_length=1, max_length=4000)] = Field(
        description="https URL of a package or document; fetched in the background."
    )
    filename: Annotated[str, StringConstraints(max_length=255)] | None = None
    content_type: Annotated[str, StringConstraints(max_length=255)] | None = None


class ReviewCreateFromUrls(ReviewFields):
    """`application/json` create: documents fetched from source URLs."""

    documents: list[SourceDocument] = Field(min_length=1, max_length=50)


class ReviewCreateMultipart(ReviewFields):
    """`multipart/form-data` create: `metadata` as a JSON string part, one or more
    `documents` file parts (PDF, images, zip, tar, tar.gz)."""

    documents: list[bytes] = Field(
        min_length=1, json_schema_extra={"items": {"type": "string", "format": "binary"}}
    )


class DocumentOut(BaseModel):
    document_id: uuid.UUID
    upload_index: int = Field(description="1-based position of the upload (or source URL).")
    member_index: int | None = Field(
        description="1-based position inside the archive; null for a loose file."
    )
    sha256: str
    bytes: int
    media_type: str
    pages: int | None


class DocumentList(BaseModel):
    data: list[DocumentOut]
