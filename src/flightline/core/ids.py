"""Identifiers and base62 helpers shared by keys, request ids and events."""

from __future__ import annotations

import secrets
import uuid

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def random_base62(length: int) -> str:
    return "".join(secrets.choice(BASE62) for _ in range(length))


def int_to_base62(value: int, width: int) -> str:
    chars = []
    for _ in range(width):
        value, rem = divmod(value, 62)
        chars.append(BASE62[rem])
    return "".join(reversed(chars))


def request_id() -> str:
    return "req_" + secrets.token_hex(12)


def parse_uuid(value: str) -> uuid.UUID | None:
    """A UUID, or None for anything else (malformed ids are plain 404s)."""
    if len(value) != 36:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None
