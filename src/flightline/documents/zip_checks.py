"""Zip structure checks made before a member is read: the declared entry count
(from the end record, before zipfile loads the directory), overlapping entries,
and the compressed bytes a member has consumed so far."""

from __future__ import annotations

import itertools
import struct
import zipfile
from collections.abc import Callable
from typing import IO, BinaryIO

MAX_DIRECTORY_BYTES = 16 * 1024 * 1024


def zip_entry_count(raw: BinaryIO) -> int | None:
    """Entries declared by the end-of-central-directory record, read before the
    directory itself (which zipfile would load whole into memory)."""
    size = raw.seek(0, 2)
    tail_len = min(size, 22 + 65535)
    raw.seek(size - tail_len)
    tail = raw.read(tail_len)
    raw.seek(0)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    (entries,) = struct.unpack("<H", tail[at + 10 : at + 12])
    (directory,) = struct.unpack("<I", tail[at + 12 : at + 16])
    locator = tail.rfind(b"PK\x06\x07", 0, at)
    if (entries == 0xFFFF or directory == 0xFFFFFFFF) and locator >= 0:
        (record_at,) = struct.unpack("<Q", tail[locator + 8 : locator + 16])
        if record_at >= size:
            return None
        raw.seek(record_at)
        record = raw.read(56)
        raw.seek(0)
        if len(record) < 56 or record[:4] != b"PK\x06\x06":
            return None
        entries, directory = struct.unpack("<QQ", record[32:48])
    # An entry costs at least 46 bytes and at most 46 + 3 x 64 KiB: a directory
    # larger than its declared entries could need is refused before it is read.
    # zipfile loads the directory whole, so its size is capped too: real
    # packages need a few hundred bytes an entry, padded comments and extras
    # are only a way to make the server allocate.
    if directory > min(max(int(entries), 1) * (46 + 3 * 65535), MAX_DIRECTORY_BYTES):
        return None
    return int(entries)


def zip_consumed(member: IO[bytes], info: zipfile.ZipInfo) -> Callable[[], int]:
    """Compressed bytes read so far: measures the ratio as the member inflates,
    so a bomb is caught after its first megabyte, not after its declared size."""

    def consumed() -> int:
        left = getattr(member, "_compress_left", None)
        return info.compress_size - left if isinstance(left, int) else info.compress_size

    return consumed


def check_overlaps(infos: list[zipfile.ZipInfo], corrupt: Exception) -> None:
    """Overlapping entries are how 'quoted' zip bombs reuse one compressed stream."""
    spans = sorted(
        (
            i.header_offset,
            i.header_offset
            + 30
            + len(i.orig_filename.encode("utf-8", "surrogateescape"))
            + i.compress_size,
        )
        for i in infos
    )
    for (_, end), (start, _) in itertools.pairwise(spans):
        if start < end:
            raise corrupt
