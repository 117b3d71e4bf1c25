"""Opaque, tamper-evident keyset cursors.

A cursor is the position (timestamp with microseconds, id) plus a digest of
the filters it was issued for, signed with a key derived from the master key.
Anything that does not verify, or that is replayed with other filters, is a
400 `invalid_request` — never a 500 and never a silently wrong page.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from flightline.core.errors import MalformedRequest

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Position:
    at: datetime
    id: uuid.UUID


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def split_page(
    codec: CursorCodec,
    kind: str,
    filters: dict[str, object],
    rows: Sequence[T],
    limit: int,
    position: Callable[[T], Position],
) -> tuple[list[T], str | None]:
    """Rows fetched with `limit + 1`: the page, and the cursor of the next one (or None)."""
    page = list(rows[:limit])
    if len(rows) <= limit:
        return page, None
    return page, codec.encode(kind, filters, position(page[-1]))


class CursorCodec:
    def __init__(self, key: bytes) -> None:
        self._key = key

    @staticmethod
    def _scope(kind: str, filters: dict[str, object]) -> str:
        canonical = json.dumps([kind, filters], sort_keys=True, default=str)
        return hashlib.sha256(canonical.encode()).hexdigest()[:16]

    def encode(self, kind: str, filters: dict[str, object], position: Position) -> str:
        payload = json.dumps(
            {"t": position.at.isoformat(), "i": str(position.id), "s": self._scope(kind, filters)},
            separators=(",", ":"),
        ).encode()
        tag = hmac.new(self._key, payload, hashlib.sha256).digest()[:16]
        return _b64(payload) + "." + _b64(tag)

    def decode(self, kind: str, filters: dict[str, object], cursor: str) -> Position:
        invalid = MalformedRequest("The cursor is not valid for this listing.", param="cursor")
        if len(cursor) > 512 or cursor.count(".") != 1:
            raise invalid
        payload_text, tag_text = cursor.split(".")
        try:
            payload, tag = _unb64(payload_text), _unb64(tag_text)
        except (binascii.Error, ValueError):
            raise invalid from None
        expected = hmac.new(self._key, payload, hashlib.sha256).digest()[:16]
        if not hmac.compare_digest(tag, expected):
            raise invalid
        try:
            data = json.loads(payload)
            position = Position(datetime.fromisoformat(data["t"]), uuid.UUID(data["i"]))
            scope = data["s"]
        except (ValueError, KeyError, TypeError):
            raise invalid from None
        if scope != self._scope(kind, filters):
            raise invalid
        return position
