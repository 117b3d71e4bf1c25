"""Case packages: loose documents, zip, tar and tar.gz, inspected with limits.

Untrusted archives are never extracted to paths. Every member is streamed by
us, counted on the bytes actually produced (never on declared sizes), hashed,
and written encrypted to a staged blob; a member that breaks a rule stops the
whole package, and `Package.abort` removes everything staged so far. The
messages name members by position ("upload 1, member 3"), never by a name that
may hold a borrower's name.
"""

from __future__ import annotations

import hashlib
import stat
import tarfile
import uuid
import zipfile
import zlib
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import IO, BinaryIO, Protocol

from flightline.core.crypto import DecryptingReader, Encryptor
from flightline.core.storage import StagedBlob
from flightline.documents.sniff import SNIFF_BYTES, sniff
from flightline.documents.zip_checks import check_overlaps, zip_consumed, zip_entry_count

READ_CHUNK = 256 * 1024
MIB = 1024 * 1024
_JUNK_NAMES = frozenset({".DS_Store", "Thumbs.db", "desktop.ini"})
# bzip2 and LZMA members are refused: the standard library inflates them
# without an output bound, so one read could expand past every limit.
_ZIP_METHODS = frozenset({zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED})
_MAX_TAR_HEADER = 64 * 1024
MAX_TIFF_PAGES = 2000
# Page counting reads a few scattered objects: a small buffer decrypts only
# what it reads (a large one decrypted four chunks for every seek).
_INSPECT_BUFFER = 16 * 1024


class _SafeTarInfo(tarfile.TarInfo):
    """Long-name and pax headers are read whole into memory: bound them."""

    def _proc_gnulong(self, tf: tarfile.TarFile) -> tarfile.TarInfo:
        if self.size > _MAX_TAR_HEADER:
            raise tarfile.HeaderError("oversized long-name header")
        return super()._proc_gnulong(tf)  # type: ignore[misc,no-any-return]

    def _proc_pax(self, tf: tarfile.TarFile) -> tarfile.TarInfo:
        if self.size > _MAX_TAR_HEADER:
            raise tarfile.HeaderError("oversized pax header")
        return super()._proc_pax(tf)  # type: ignore[misc,no-any-return]


class PackageError(Exception):
    """A package rule was broken; `code` and `status` are the API's."""

    def __init__(self, code: str, status: int, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.status = status
        self.message = message


def unsupported(message: str) -> PackageError:
    return PackageError("document_unsupported", 400, message)


@dataclass(frozen=True, slots=True)
class Limits:
    max_document_bytes: int
    max_documents: int
    max_package_bytes: int
    max_compression_ratio: int
    ratio_floor: int = MIB

    @property
    def max_entries(self) -> int:
        # Skipped entries (directories, junk) still cost work: bound them too.
        return max(1000, 10 * self.max_documents)


def where(upload_index: int, member_index: int | None) -> str:
    if member_index is None:
        return f"Upload {upload_index}"
    return f"Upload {upload_index}, member {member_index},"


@dataclass
class Extracted:
    document_id: uuid.UUID
    upload_index: int
    member_index: int | None
    media_type: str
    sha256: bytes
    size: int
    staged: StagedBlob
    aad: bytes
    pages: int | None = None


StageFn = Callable[[uuid.UUID], tuple[StagedBlob, Encryptor, bytes]]


class StreamedEntry(Protocol):
    """A zip member as it was read while the body arrived (`zipstream`)."""

    @property
    def error(self) -> PackageError | None: ...

    def matches(self, info: zipfile.ZipInfo) -> bool: ...


class DocumentWriter:
    """Streams one document into a staged, encrypted blob, counting and hashing."""

    def __init__(
        self, package: Package, upload_index: int, member_index: int | None, media_type: str
    ) -> None:
        self.package = package
        self.upload_index = upload_index
        self.member_index = member_index
        self.media_type = media_type
        self.document_id = uuid.uuid4()
        self.staged, self._enc, self.aad = package.stage(self.document_id)
        package.staged.append(self.staged)
        self._hash = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes | bytearray | memoryview) -> None:
        limits = self.package.limits
        self.size += len(data)
        self.package.expanded += len(data)
        if self.size > limits.max_document_bytes:
            raise PackageError(
                "document_too_large",
                413,
                f"{where(self.upload_index, self.member_index)} is larger than the "
                f"{limits.max_document_bytes // MIB} MiB limit for one document.",
            )
        if self.package.expanded > limits.max_package_bytes:
            raise PackageError(
                "documents_too_large",
                422,
                f"The documents expand to more than the {limits.max_package_bytes // MIB} MiB "
                "limit for one review.",
            )
        self._hash.update(data)
        self.staged.write(self._enc.update(data))

    def finish(self) -> Extracted | None:
        """The document, or None when empty (nothing kept). Duplicates map to the first."""
        self.staged.write(self._enc.finalize())
        if self.size == 0:
            self.staged.abort()
            return None
        digest = self._hash.digest()
        existing = self.package.by_hash.get(digest)
        if existing is not None:
            self.staged.abort()
            return existing
        self.staged.flush_soon()
        self.staged.close()
        doc = Extracted(
            self.document_id,
            self.upload_index,
            self.member_index,
            self.media_type,
            digest,
            self.size,
            self.staged,
            self.aad,
        )
        self.package.by_hash[digest] = doc
        self.package.documents.append(doc)
        if len(self.package.documents) > self.package.limits.max_documents:
            raise PackageError(
                "too_many_documents",
                422,
                f"More than {self.package.limits.max_documents} distinct documents in one review.",
            )
        if self.package.on_document is not None:
            self.package.on_document(doc)
        return doc


class MemberSink:
    """One archive member, pushed in as it is produced: judged by its first
    bytes, then counted, ratio-checked, hashed and written encrypted.

    Both ways of reading an archive (pulled from a spool, or inflated while
    the body arrives) go through here, so a member meets the same rules
    either way.
    """

    def __init__(
        self, package: Package, upload_index: int, position: int, package_wide: bool = False
    ) -> None:
        self.package = package
        self.upload_index = upload_index
        self.position = position
        self.package_wide = package_wide
        self.at = where(upload_index, position)
        self._head = bytearray()
        self._writer: DocumentWriter | None = None

    def feed(self, data: bytes | bytearray | memoryview, consumed: int | None) -> None:
        """`consumed`: compressed bytes read so far, for the ratio (None: not compressed)."""
        if self._writer is None:
            self._head += data
            if len(self._head) < SNIFF_BYTES:
                return
            self._open()
            data, self._head = self._head, bytearray()
        self._write(data, consumed)

    def finish(self, consumed: int | None) -> None:
        if self._writer is None:
            if not self._head:
                return  # empty members are skipped
            self._open()
            self._write(self._head, consumed)
        self._writer.finish()  # type: ignore[union-attr]  # opened above
        self._writer = None

    def abort(self) -> None:
        if self._writer is not None:
            self._writer.staged.abort()
            self._writer = None

    def _open(self) -> None:
        kind = sniff(bytes(self._head[:SNIFF_BYTES]))
        if kind.is_archive or kind.kind in ("rar", "7z", "compressed"):
            raise unsupported(f"{self.at} is a nested archive; send one level of archive.")
        if not kind.is_document:
            raise unsupported(f"{self.at} is {kind.describe()}.")
        self._writer = self.package.open_document(self.upload_index, self.position, kind.media_type)

    def _write(self, data: bytes | bytearray | memoryview, consumed: int | None) -> None:
        writer = self._writer
        assert writer is not None
        # The ratio first: a bomb is named as one before it reaches a size cap.
        if consumed is not None:
            produced = self.package.expanded if self.package_wide else writer.size + len(data)
            self.package.check_ratio(self.at, produced, consumed)
        writer.write(data)


def unsafe_path(name: str) -> bool:
    if "\x00" in name:
        return True
    path = name.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        return True
    return any(part == ".." for part in path.split("/"))


def is_junk(name: str) -> bool:
    path = name.replace("\\", "/")
    base = path.rstrip("/").rsplit("/", 1)[-1]
    return path.startswith("__MACOSX/") or "/__MACOSX/" in path or base in _JUNK_NAMES


class _Counting:
    """Counts the compressed bytes a decompressor has consumed (for ratios)."""

    def __init__(self, raw: BinaryIO) -> None:
        self.raw = raw
        self.count = 0

    def read(self, n: int = -1) -> bytes:
        data = self.raw.read(n)
        self.count += len(data)
        return data


@dataclass
class Package:
    limits: Limits
    stage: StageFn
    documents: list[Extracted] = field(default_factory=list)
    by_hash: dict[bytes, Extracted] = field(default_factory=dict)
    staged: list[StagedBlob] = field(default_factory=list)
    expanded: int = 0
    entries: int = 0
    streamed_entries: int = 0  # local headers read while the body arrives (bounds that work)
    # Called with each new distinct document once it is staged (on the parsing thread).
    on_document: Callable[[Extracted], None] | None = None

    def open_document(
        self, upload_index: int, member_index: int | None, media_type: str
    ) -> DocumentWriter:
        return DocumentWriter(self, upload_index, member_index, media_type)

    def abort(self) -> None:
        for staged in self.staged:
            staged.abort()
        self.staged.clear()

    def flushing(self) -> list[Future[None]]:
        """The documents' flushes to the disk started as each was written."""
        return [d.staged.flushed for d in self.documents if d.staged.flushed is not None]

    def commit(self) -> None:
        """Make every document visible; on failure, none stays (committed ones deleted)."""
        if not self.documents:
            return
        try:
            self.documents[0].staged.store.commit_all([doc.staged for doc in self.documents])
        except BaseException:
            self.delete_committed()
            raise

    def delete_committed(self) -> None:
        for doc in self.documents:
            if doc.staged.committed:
                doc.staged.store.delete(doc.staged.name)

    # -- archives ---------------------------------------------------------

    def add_archive(
        self,
        upload_index: int,
        raw: BinaryIO,
        kind: str,
        streamed: Sequence[StreamedEntry] = (),
        spool_start: int = 0,
    ) -> None:
        """Judge an archive. A zip may have been partly streamed already:
        `streamed` are its entries as they arrived, `raw` holds its bytes from
        `spool_start` on (the directory always among them)."""
        if kind == "zip":
            self._add_zip(upload_index, raw, streamed, spool_start)
        else:
            self._add_tar(upload_index, raw, gz=kind == "gzip")

    def _entry(self, upload_index: int) -> None:
        self.entries += 1
        if self.entries > self.limits.max_entries:
            raise PackageError(
                "too_many_documents",
                422,
                f"Upload {upload_index} has more than {self.limits.max_entries} entries.",
            )

    def _add_zip(
        self,
        upload_index: int,
        raw: BinaryIO,
        streamed: Sequence[StreamedEntry] = (),
        spool_start: int = 0,
    ) -> None:
        corrupt = unsupported(f"Upload {upload_index} is a corrupt or unreadable zip archive.")
        entries = zip_entry_count(raw)
        if entries is None:
            raise corrupt
        if entries > self.limits.max_entries:
            raise PackageError(
                "too_many_documents",
                422,
                f"Upload {upload_index} has more than {self.limits.max_entries} entries.",
            )
        try:
            archive = zipfile.ZipFile(raw)
        except Exception:
            raise corrupt from None
        with archive:
            infos = archive.infolist()
            names = {i.filename for i in infos}
            if "[Content_Types].xml" in names or "mimetype" in names:
                raise unsupported(f"Upload {upload_index} is an Office document or spreadsheet.")
            check_overlaps(infos, corrupt)
            if len(streamed) > len(infos):
                raise corrupt  # the stream showed members the directory does not list
            for position, info in enumerate(infos, start=1):
                self._entry(upload_index)
                at = where(upload_index, position)
                seen = streamed[position - 1] if position <= len(streamed) else None
                if seen is None and info.header_offset < spool_start:
                    raise corrupt  # points into streamed bytes at no entry the stream showed
                if seen is not None and not seen.matches(info):
                    raise corrupt  # the local header and the directory disagree
                if unsafe_path(info.filename):
                    raise unsupported(f"{at} has a path that escapes the archive.")
                mode = info.external_attr >> 16
                if stat.S_ISLNK(mode):
                    raise unsupported(f"{at} is a symbolic link.")
                if (
                    stat.S_ISCHR(mode)
                    or stat.S_ISBLK(mode)
                    or stat.S_ISFIFO(mode)
                    or (stat.S_ISSOCK(mode))
                ):
                    raise unsupported(f"{at} is a device or special file.")
                if info.is_dir() or is_junk(info.filename):
                    continue
                if info.flag_bits & 0x1:
                    raise unsupported(f"{at} is encrypted.")
                if info.compress_type not in _ZIP_METHODS:
                    raise unsupported(f"{at} uses an unsupported compression method.")
                if seen is not None:
                    if seen.error is not None:
                        raise seen.error
                    continue  # stored while the body arrived
                try:
                    with archive.open(info) as member:
                        self._add_member(upload_index, position, member, zip_consumed(member, info))
                except PackageError:
                    raise
                except Exception:  # any decoder failure on hostile bytes
                    raise unsupported(f"{at} is corrupt.") from None

    def _add_tar(self, upload_index: int, raw: BinaryIO, gz: bool) -> None:
        counting = _Counting(raw)
        try:
            # Streaming mode ("r|"): members are read in order, never seeked to.
            archive = tarfile.open(  # noqa: SIM115 - closed by the `with` below
                fileobj=counting,  # type: ignore[call-overload]
                mode="r|gz" if gz else "r|",
                tarinfo=_SafeTarInfo,
            )
        except (tarfile.TarError, EOFError, zlib.error, OSError):
            what = "a gzip file that is not a tar archive" if gz else "a corrupt tar archive"
            raise unsupported(f"Upload {upload_index} is {what}.") from None
        try:
            with archive:
                for position, member in enumerate(archive, start=1):
                    self._entry(upload_index)
                    at = where(upload_index, position)
                    if unsafe_path(member.name):
                        raise unsupported(f"{at} has a path that escapes the archive.")
                    if member.issym():
                        raise unsupported(f"{at} is a symbolic link.")
                    if member.islnk():
                        raise unsupported(f"{at} is a hard link.")
                    if member.ischr() or member.isblk() or member.isfifo():
                        raise unsupported(f"{at} is a device or special file.")
                    if member.isdir() or is_junk(member.name):
                        continue
                    if member.issparse():
                        # Holes expand into real bytes that no ratio would see.
                        raise unsupported(f"{at} is a sparse file.")
                    if not member.isreg():
                        raise unsupported(f"{at} is not a regular file.")
                    stream = archive.extractfile(member)
                    if stream is None:
                        continue
                    consumed = (lambda: counting.count) if gz else None
                    self._add_member(upload_index, position, stream, consumed, package_wide=True)
        except PackageError:
            raise
        except Exception:  # any parser failure on hostile bytes is a corrupt archive
            raise unsupported(f"Upload {upload_index} is a corrupt tar archive.") from None

    def _add_member(
        self,
        upload_index: int,
        position: int,
        stream: IO[bytes],
        consumed: Callable[[], int] | None,
        package_wide: bool = False,
    ) -> None:
        sink = MemberSink(self, upload_index, position, package_wide)
        # The first read only fills the sniffing window: a refused kind costs 8 KiB.
        data = stream.read(SNIFF_BYTES)
        while data:
            sink.feed(data, consumed() if consumed is not None else None)
            data = stream.read(READ_CHUNK)
        sink.finish(consumed() if consumed is not None else None)

    def check_ratio(self, at: str, produced: int, consumed: int) -> None:
        limits = self.limits
        if produced > limits.ratio_floor and produced > limits.max_compression_ratio * max(
            consumed, 1
        ):
            raise PackageError(
                "documents_too_large",
                422,
                f"{at} expands more than {limits.max_compression_ratio}:1; "
                "it looks like a decompression bomb.",
            )


# -- after staging: what the documents are ----------------------------------


def inspect_document(doc: Extracted, key: bytes) -> None:
    """Count pages; refuse PDFs that cannot be opened without a password.

    A PDF that is merely damaged is kept: the review reports it as unreadable
    (DOC-002) instead of refusing the whole package.
    """
    with doc.staged.open_read() as raw:
        reader = DecryptingReader(raw, key, doc.aad)
        if doc.media_type == "application/pdf":
            doc.pages = _pdf_pages(reader, doc)
        else:
            doc.pages = _image_pages(reader)


def _pdf_pages(reader: DecryptingReader, doc: Extracted) -> int | None:
    import io

    import pypdfium2 as pdfium

    from flightline.pipeline.pages import PDFIUM_LOCK

    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(io.BufferedReader(reader, buffer_size=_INSPECT_BUFFER))
        except pdfium.PdfiumError as exc:
            if exc.err_code == 4:  # FPDF_ERR_PASSWORD
                raise unsupported(
                    f"{where(doc.upload_index, doc.member_index)} is a PDF that needs a password."
                ) from None
            return None
        try:
            return len(pdf)
        finally:
            pdf.close()


def _image_pages(reader: DecryptingReader) -> int | None:
    import io

    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BufferedReader(reader, buffer_size=_INSPECT_BUFFER)) as image:
            # Only TIFF holds pages; animated GIF/WEBP frames are not pages.
            if image.format != "TIFF":
                return 1
            # Walk forward with a cap: `n_frames` rescans the page chain,
            # quadratic on a crafted file.
            pages = 1
            while pages < MAX_TIFF_PAGES:
                try:
                    image.seek(pages)
                except EOFError:
                    break
                pages += 1
            return pages
    except (UnidentifiedImageError, Image.DecompressionBombError):
        return None
    except Exception:  # any decoder failure on hostile bytes: pages unknown
        return None
