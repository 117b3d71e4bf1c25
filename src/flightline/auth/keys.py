"""API key format.

`fl_live_` / `fl_test_` + 37 base62 characters of randomness (≈220 bits) + a
6-character base62 CRC32 of everything before it. The checksum lets a typo be
rejected without touching the database and lets secret scanners recognise a
leaked key. Only SHA-256 of the whole key is stored: the key is machine
generated and high-entropy, so a slow password hash would protect nothing more
and cost every request.
"""

from __future__ import annotations

import hashlib
import re
import zlib

from flightline.core.ids import int_to_base62, random_base62

LIVE_PREFIX = "fl_live_"
TEST_PREFIX = "fl_test_"
_RANDOM_LEN = 37
_CHECKSUM_LEN = 6
_KEY_RE = re.compile(rf"^fl_(live|test)_[0-9A-Za-z]{{{_RANDOM_LEN + _CHECKSUM_LEN}}}$")
KEY_ID_PREFIX = "key_"


def _checksum(body: str) -> str:
    return int_to_base62(zlib.crc32(body.encode("ascii")), _CHECKSUM_LEN)


def generate_secret(sandbox: bool) -> str:
    body = (TEST_PREFIX if sandbox else LIVE_PREFIX) + random_base62(_RANDOM_LEN)
    return body + _checksum(body)


def generate_key_id() -> str:
    return KEY_ID_PREFIX + random_base62(24)


def well_formed(secret: str) -> bool:
    """Shape and checksum only; says nothing about whether the key exists."""
    if len(secret) != len(LIVE_PREFIX) + _RANDOM_LEN + _CHECKSUM_LEN or not _KEY_RE.match(secret):
        return False
    body, check = secret[:-_CHECKSUM_LEN], secret[-_CHECKSUM_LEN:]
    return _checksum(body) == check


def hash_secret(secret: str) -> bytes:
    return hashlib.sha256(secret.encode("ascii")).digest()
