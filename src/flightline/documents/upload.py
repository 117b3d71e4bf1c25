"""Receiving a multipart upload: streamed, limited, encrypted from the first byte.

Each `documents` part is classified from its first bytes. A document goes
straight into a staged, encrypted blob (one write). A zip's members are
inflated into theirs as they arrive (`zipstream`), its directory and anything
not streamed kept in an encrypted spool; a tar goes whole into a spool. A
spool's key is ephemeral and never leaves memory; archives are judged once
the body is complete. Memory stays bounded by the parsers' buffers whatever
the upload's size, and limits are enforced on bytes actually received.
"""

from __future__ import annotations

import hashlib
import io
import json
from dataclasses import dataclass, field

from python_multipart.exceptions import MultipartParseError
from python_multipart.multipart import MultipartParser, parse_options_header

from flightline.core.crypto import DecryptingReader, Encryptor, new_data_key
from flightline.core.storage import BlobStore, StagedBlob
from flightline.documents.packages import (
    MIB,
    DocumentWriter,
    Package,
    PackageError,
    unsupported,
)
from flightline.documents.sniff import SNIFF_BYTES, Sniffed, sniff
from flightline.documents.zipstream import TailView, ZipStream

FIELD_NAMES = frozenset({"review_type", "reference_id", "label", "metadata"})
MAX_FIELD_BYTES = 64 * 1024
MAX_PARTS = 1000
SPOOL_AAD = b"flightline/spool/v1"


class UploadError(Exception):
    """The request itself is malformed (not a package rule)."""

    def __init__(self, status: int, message: str, param: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.param = param


@dataclass
class SpooledArchive:
    upload_index: int
    kind: str
    staged: StagedBlob
    key: bytes
    streamed: ZipStream | None = None  # a zip read as it arrived; the spool holds its tail


class IncomingFile:
    """One uploaded or fetched file, classified from its first bytes.

    A document streams straight into a staged, encrypted blob; a zip through
    `ZipStream`; a tar into an encrypted spool, inspected once complete;
    anything else is refused at its first bytes.
    """

    def __init__(
        self, upload_index: int, package: Package, store: BlobStore, hashed: bool = True
    ) -> None:
        self.upload_index = upload_index
        self.package = package
        self.store = store
        # Hashing the whole upload only serves the idempotency fingerprint.
        self.hasher = hashlib.sha256() if hashed else None
        self._head = bytearray()
        self._writer: DocumentWriter | None = None
        self._spool: SpooledArchive | None = None
        self._spool_enc: Encryptor | None = None
        self._zip: ZipStream | None = None
        self._key = b""

    def feed(self, chunk: bytes | memoryview) -> None:
        if self.hasher is not None:
            self.hasher.update(chunk)
        if self._writer is None and self._spool is None and self._zip is None:
            self._head += chunk
            if len(self._head) >= SNIFF_BYTES:
                self._route()
            return
        self._write(chunk)

    def finish(self) -> SpooledArchive | None:
        """Close the file; an archive is returned for inspection."""
        if self._writer is None and self._spool is None and self._zip is None:
            if not self._head:
                raise PackageError(
                    "document_required", 400, f"Upload {self.upload_index} is empty."
                )
            self._route()
        if self._writer is not None:
            self._writer.finish()
            self._writer = None
            return None
        if self._zip is not None:
            stream, self._zip = self._zip, None
            try:
                stream.finish()
            except BaseException:
                stream.abort()
                raise
            assert stream.spool is not None
            return SpooledArchive(self.upload_index, "zip", stream.spool, self._key, stream)
        assert self._spool is not None
        assert self._spool_enc is not None
        spool, self._spool = self._spool, None
        spool.staged.write(self._spool_enc.finalize())
        spool.staged.close()
        return spool

    def abort(self) -> None:
        if self._spool is not None:
            self._spool.staged.abort()
            self._spool = None
        if self._zip is not None:
            self._zip.abort()
            self._zip = None

    def _route(self) -> None:
        head = bytes(self._head)
        self._head.clear()
        kind: Sniffed = sniff(head)
        if kind.is_document:
            self._writer = self.package.open_document(self.upload_index, None, kind.media_type)
        elif kind.kind == "zip":
            self._key = key = new_data_key()
            store = self.store
            self._zip = ZipStream(
                self.package,
                self.upload_index,
                lambda: (store.stage("spool"), Encryptor(key, SPOOL_AAD)),
            )
        elif kind.is_archive:
            key = new_data_key()
            self._spool = SpooledArchive(
                self.upload_index, kind.kind, self.store.stage("spool"), key
            )
            self._spool_enc = Encryptor(key, SPOOL_AAD)
        else:
            raise unsupported(f"Upload {self.upload_index} is {kind.describe()}.")
        self._write(head)

    def _write(self, chunk: bytes | memoryview) -> None:
        if self._writer is not None:
            self._writer.write(chunk)
            return
        if self._zip is not None:
            self._zip.feed(chunk)
            return
        assert self._spool is not None
        assert self._spool_enc is not None
        self._spool.staged.write(self._spool_enc.update(chunk))


def open_archives(package: Package, archives: list[SpooledArchive]) -> None:
    """Inspect every spooled archive into the package, then drop the spools."""
    try:
        for archive in archives:
            with archive.staged.open_read() as raw:
                spool = DecryptingReader(raw, archive.key, SPOOL_AAD)
                streamed = archive.streamed
                if streamed is None:
                    reader = io.BufferedReader(spool, buffer_size=256 * 1024)
                    package.add_archive(archive.upload_index, reader, archive.kind)
                    continue
                tail = io.BufferedReader(
                    TailView(spool, streamed.spool_start), buffer_size=256 * 1024
                )
                package.add_archive(
                    archive.upload_index,
                    tail,
                    archive.kind,
                    streamed.entries,
                    streamed.spool_start,
                )
    finally:
        for archive in archives:
            archive.staged.abort()


@dataclass
class _Part:
    name: str | None = None
    header_field: bytearray = field(default_factory=bytearray)
    header_value: bytearray = field(default_factory=bytearray)
    headers: dict[str, bytes] = field(default_factory=dict)
    value: bytearray = field(default_factory=bytearray)
    file: IncomingFile | None = None


class MultipartUpload:
    """Feed body chunks in; get fields, upload hashes, documents and spooled archives out."""

    def __init__(
        self, content_type: str, package: Package, store: BlobStore, hash_uploads: bool = True
    ) -> None:
        _, params = parse_options_header(content_type)
        boundary = params.get(b"boundary")
        if not boundary or len(boundary) > 200:
            raise UploadError(400, "multipart/form-data needs a boundary.")
        self.package = package
        self.store = store
        self.hash_uploads = hash_uploads
        self.fields: dict[str, str] = {}
        self.upload_hashes: list[bytes] = []
        self.archives: list[SpooledArchive] = []
        self._part = _Part()
        self._parts = 0
        self._error: Exception | None = None
        self._finished = False
        self._parser = MultipartParser(
            boundary,
            {
                "on_part_begin": self._on_part_begin,
                "on_header_field": self._on_header_field,
                "on_header_value": self._on_header_value,
                "on_header_end": self._on_header_end,
                "on_headers_finished": self._on_headers_finished,
                "on_part_data": self._on_part_data,
                "on_part_end": self._on_part_end,
                "on_end": self._on_end,
            },
        )

    # The parser swallows nothing: callbacks raise, `feed` re-raises.
    def feed(self, chunk: bytes) -> None:
        try:
            self._parser.write(chunk)
        except MultipartParseError:
            raise UploadError(400, "The multipart body is malformed.") from None

    def finish(self) -> None:
        try:
            self._parser.finalize()
        except MultipartParseError:
            raise UploadError(400, "The multipart body is malformed.") from None
        if not self._finished:
            raise UploadError(400, "The multipart body ended early.")

    def abort(self) -> None:
        if self._part.file is not None:
            self._part.file.abort()
        for archive in self.archives:
            archive.staged.abort()
        self.archives.clear()

    # -- parser callbacks --------------------------------------------------

    def _on_part_begin(self) -> None:
        self._parts += 1
        if self._parts > MAX_PARTS:
            raise UploadError(422, f"More than {MAX_PARTS} parts in one request.")
        self._part = _Part()

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._part.header_field += data[start:end]

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._part.header_value += data[start:end]

    def _on_header_end(self) -> None:
        part = self._part
        part.headers[bytes(part.header_field).decode("latin-1").lower()] = bytes(part.header_value)
        part.header_field.clear()
        part.header_value.clear()

    def _on_headers_finished(self) -> None:
        part = self._part
        disposition, params = parse_options_header(part.headers.get("content-disposition"))
        if disposition != b"form-data" or b"name" not in params:
            raise UploadError(
                400, "Every multipart part needs Content-Disposition: form-data; name=…."
            )
        name = params[b"name"].decode("utf-8", "replace")
        part.name = name
        if name == "documents":
            self.upload_hashes.append(b"")
            part.file = IncomingFile(
                len(self.upload_hashes), self.package, self.store, hashed=self.hash_uploads
            )
        elif name not in FIELD_NAMES:
            raise UploadError(422, f"Unknown field {name!r}.", param=name[:100])
        elif name in self.fields:
            raise UploadError(422, f"Field {name!r} was sent twice.", param=name)

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        part = self._part
        if part.file is not None:
            # A view, not a copy: a file's bytes are consumed before this returns.
            part.file.feed(memoryview(data)[start:end])
            return
        part.value += data[start:end]
        if len(part.value) > MAX_FIELD_BYTES:
            raise UploadError(422, f"Field {part.name!r} is too long.", param=part.name)

    def _on_part_end(self) -> None:
        part = self._part
        if part.file is None:
            assert part.name is not None
            self.fields[part.name] = part.value.decode("utf-8", "replace")
            return
        archive = part.file.finish()
        if part.file.hasher is not None:
            self.upload_hashes[part.file.upload_index - 1] = part.file.hasher.digest()
        if archive is not None:
            self.archives.append(archive)
        self._part = _Part()

    def _on_end(self) -> None:
        self._finished = True


def parse_metadata(raw: str) -> object:
    try:
        return json.loads(raw)
    except ValueError:
        raise UploadError(422, "metadata must be a JSON object.", param="metadata") from None


__all__ = ["MIB", "IncomingFile", "MultipartUpload", "SpooledArchive", "UploadError"]
