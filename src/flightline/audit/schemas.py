from __future__ import annotations

import uuid

from pydantic import BaseModel, Field

from flightline.core.timefmt import UtcTimestamp


class AuditEventOut(BaseModel):
    event_id: uuid.UUID
    occurred_at: UtcTimestamp
    key_id: str | None = Field(description="Non-secret id of the API key that made the request.")
    method: str
    route: str = Field(
        description="Route template, e.g. /v1/reviews/{review_id}; never a query string."
    )
    status: int
    outcome: str = Field(description="`ok`, or the error code the request was answered with.")
    request_id: str
    action: str | None = Field(default=None, description="For changes, e.g. `review.deleted`.")
    resource_id: str | None = None
    sealed: bool = Field(description="Whether the event is already part of the hash chain.")


class AuditEventList(BaseModel):
    data: list[AuditEventOut]
    next_cursor: str | None
