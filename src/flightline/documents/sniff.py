"""What a file is, decided by its content (magic bytes), never by its name."""

from __future__ import annotations

from dataclasses import dataclass

# Accepted documents: kind -> media type.
DOCUMENT_TYPES: dict[str, str] = {
    "pdf": "application/pdf",
    "png": "image/png",
    "jpeg": "image/jpeg",
    "tiff": "image/tiff",
    "webp": "image/webp",
    "gif": "image/gif",
    "bmp": "image/bmp",
}
ARCHIVES = frozenset({"zip", "tar", "gzip"})

# How a refused kind is named to the client.
REFUSED_NAMES: dict[str, str] = {
    "rar": "a RAR archive",
    "7z": "a 7z archive",
    "compressed": "a compressed file other than zip, tar or tar.gz",
    "office": "an Office document or spreadsheet",
    "ole": "an Office document, spreadsheet or Outlook message",
    "email": "an email message or mailbox",
    "executable": "an executable",
    "script": "a script",
    "unknown": "not a supported document type",
}

SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class Sniffed:
    kind: str

    @property
    def is_document(self) -> bool:
        return self.kind in DOCUMENT_TYPES

    @property
    def is_archive(self) -> bool:
        return self.kind in ARCHIVES

    @property
    def media_type(self) -> str:
        return DOCUMENT_TYPES[self.kind]

    def describe(self) -> str:
        if self.is_archive:
            return "an archive"
        return REFUSED_NAMES.get(self.kind, REFUSED_NAMES["unknown"])


_EMAIL_HEADERS = (
    b"received:",
    b"return-path:",
    b"from:",
    b"to:",
    b"subject:",
    b"date:",
    b"message-id:",
    b"mime-version:",
    b"delivered-to:",
    b"x-",
    b"content-type:",
    b"reply-to:",
    b"cc:",
)


def _tar_checksum_ok(block: bytes) -> bool:
    if len(block) < 512:
        return False
    try:
        stored = int(block[148:156].replace(b"\x00", b" ").strip() or b"-1", 8)
    except ValueError:
        return False
    unsigned = sum(block[:148]) + 8 * 32 + sum(block[156:512])
    return stored == unsigned and any(block[:100])


def _zip_kind(head: bytes) -> str:
    """Office files are zips too. The first local header usually names the
    manifest; `Package` checks every member name once the directory is read."""
    if head[30 : 30 + 19] == b"[Content_Types].xml" or head[30:38] == b"mimetype":
        return "office"
    return "zip"


def sniff(head: bytes) -> Sniffed:
    """Classify from the first bytes (8 KiB are enough for every format here)."""
    if head.startswith(b"%PDF-"):
        return Sniffed("pdf")
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("png")
    if head.startswith(b"\xff\xd8\xff"):
        return Sniffed("jpeg")
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return Sniffed("tiff")
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return Sniffed("webp")
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return Sniffed("gif")
    if (
        head[:2] == b"BM"
        and len(head) >= 26
        and head[14:18]
        in (
            b"\x0c\x00\x00\x00",
            b"\x28\x00\x00\x00",
            b"\x38\x00\x00\x00",
            b"\x40\x00\x00\x00",
            b"\x6c\x00\x00\x00",
            b"\x7c\x00\x00\x00",
        )
    ):
        return Sniffed("bmp")
    if head[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return Sniffed(_zip_kind(head))
    if head[:2] == b"\x1f\x8b":
        return Sniffed("gzip")
    if head[:6] == b"Rar!\x1a\x07":
        return Sniffed("rar")
    if head[:6] == b"7z\xbc\xaf\x27\x1c":
        return Sniffed("7z")
    if head[:3] == b"BZh" or head[:6] == b"\xfd7zXZ\x00" or head[:4] == b"\x28\xb5\x2f\xfd":
        return Sniffed("compressed")
    if head[:4] == b"MSCF" or head[:2] == b"\x1f\x9d" or head[:2] == b"\x1f\xa0":
        return Sniffed("compressed")
    if head[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return Sniffed("ole")
    if (
        head[:2] == b"MZ"
        or head[:4] == b"\x7fELF"
        or head[:4]
        in (
            b"\xfe\xed\xfa\xce",
            b"\xfe\xed\xfa\xcf",
            b"\xce\xfa\xed\xfe",
            b"\xcf\xfa\xed\xfe",
            b"\xca\xfe\xba\xbe",
        )
    ):
        return Sniffed("executable")
    if _tar_checksum_ok(head[:512]) or head[257:262] == b"ustar":
        return Sniffed("tar")
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"#!"):
        return Sniffed("script")
    lowered = stripped[:64].lower()
    if stripped.startswith(b"From ") or any(lowered.startswith(h) for h in _EMAIL_HEADERS):
        return Sniffed("email")
    if lowered.startswith((b"{\\rtf", b"<?xml", b"<html", b"<!doctype")):
        return Sniffed("office" if lowered.startswith(b"{\\rtf") else "unknown")
    # PDF readers accept leading junk before the header; judged last, so a tar
    # whose first member is a PDF, or a script quoting one, is not taken for one.
    if b"%PDF-" in head[:1024]:
        return Sniffed("pdf")
    return Sniffed("unknown")
