"""Timestamps on the wire: ISO 8601 UTC to the second with a `Z`."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import PlainSerializer, WithJsonSchema


def to_wire(value: datetime) -> str:
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


UtcTimestamp = Annotated[
    datetime,
    PlainSerializer(to_wire, return_type=str),
    WithJsonSchema({"type": "string", "format": "date-time", "example": "2026-05-30T18:09:12Z"}),
]
