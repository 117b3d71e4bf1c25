"""Stored files and the upload packaging: zip, tar.gz, loose files, a single
stacked PDF, or a stacked PDF inside a zip. Archives are written with fixed
timestamps so a seed always yields the same bytes."""

from __future__ import annotations

import gzip
import io
import tarfile
import zipfile
from dataclasses import dataclass, field

PACKAGINGS = ("zip", "tar.gz", "loose", "stacked_pdf", "stacked_zip")
_ZIP_TIME = (2026, 1, 2, 3, 4, 6)


@dataclass
class PageRef:
    doc: int  # index into the key's documents
    page: int  # 1-based page within the logical document
    scanned: bool


@dataclass
class Stored:
    """One file as the engine sees it after unpacking."""

    name: str
    data: bytes
    fmt: str  # pdf | tiff
    pages: list[PageRef] = field(default_factory=list)
    corrupt_doc: int | None = None  # index into the key's corrupt documents


def zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data)
    return buf.getvalue()


def targz_bytes(members: list[tuple[str, bytes]]) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1767322800
            info.mode = 0o644
            info.uname = info.gname = "loanfile"
            t.addfile(info, io.BytesIO(data))
    return gzip.compress(raw.getvalue(), mtime=0)


def package(stored: list[Stored], packaging: str, archive_name: str) -> list[tuple[str, bytes]]:
    members = [(s.name, s.data) for s in stored]
    if packaging == "loose" or packaging == "stacked_pdf":
        return members
    if packaging in ("zip", "stacked_zip"):
        return [(f"{archive_name}.zip", zip_bytes(members))]
    if packaging == "tar.gz":
        return [(f"{archive_name}.tar.gz", targz_bytes(members))]
    raise ValueError(f"unknown packaging {packaging!r}; choose from {PACKAGINGS}")
