"""Zip archives read while they arrive.

A zip's directory is at its end, but every member is preceded by a local
header that names it and, usually, sizes it: members are inflated into their
staged, encrypted blobs as the body streams in, under the same rules as
before (`MemberSink`: sniffing, size, ratio and package caps counted on the
bytes produced). Nothing streamed is trusted until the central directory has
been read: `Package.finish_zip` then checks every entry the stream showed
against it — same entries in the same order, at the same offsets, with the
same names, methods, sizes and CRCs, no entry the directory does not list —
before any member rule that only the directory can answer (links, devices,
the entry count, Office manifests, overlaps).

Whatever this reader cannot delimit with certainty (a stored member whose
size only follows it, an encrypted or unusual member, an unreadable data
descriptor, an unknown record) and everything after a member broke a rule is
kept instead, from that byte on, in an encrypted spool that the central
directory path reads as before (a spool from byte 0 is exactly that path).
The directory itself always arrives in the spool. So the verdict on any
package is the one the central-directory path gives; streaming only moves
the work of the common case into the time the body takes to arrive.
"""

from __future__ import annotations

import hashlib
import struct
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

# zlib's format and API (a drop-in) with SIMD CRC-32 and inflate: with the
# standard library's, those two were about a fifth of a streamed member's cost.
from zlib_ng import zlib_ng as zlib

from flightline.core.crypto import DecryptingReader, Encryptor, SeekableReader
from flightline.core.storage import StagedBlob
from flightline.documents.packages import (
    MemberSink,
    Package,
    PackageError,
    is_junk,
    unsafe_path,
    unsupported,
    where,
)

# The stub types `error` as an instance; it is the module's exception class.
_ZlibError: type[Exception] = zlib.error  # type: ignore[assignment]

_LOCAL = b"PK\x03\x04"
_CENTRAL = b"PK\x01\x02"
_DESCRIPTOR = b"PK\x07\x08"
# What may follow a member's data descriptor in a well-formed archive.
_NEXT_RECORDS = (_LOCAL, _CENTRAL, b"PK\x05\x06", b"PK\x06\x06")
_LOCAL_FIXED = 30
_FLAG_ENCRYPTED = 0x01
_FLAG_DESCRIPTOR = 0x08
_FLAG_UTF8 = 0x800
_U32 = 0xFFFFFFFF
# Inflating in large pieces keeps the calls (and GIL round trips) per byte
# few. The ratio still counts compressed bytes as zipfile read them: what the
# inflater consumed plus at most one 256 KiB read ahead of it, so a bomb's
# verdict stays where it was.
_INFLATE_PIECE = 1024 * 1024
_INFLATE_OUT = 1024 * 1024
_READ_AHEAD = 256 * 1024
# The longest descriptor (signature, CRC, two 8-byte sizes) and the record after it.
_DESCRIPTOR_WINDOW = 28

_ZEROS = bytes(64 * 1024)

SpoolFactory = Callable[[], tuple[StagedBlob, Encryptor]]


@dataclass(slots=True)
class LocalEntry:
    """One member as its local header and data showed it."""

    position: int
    offset: int
    name: bytes  # a digest: names may be 64 KiB each
    flags: int
    method: int
    skipped: bool  # a directory or junk: not stored
    declared_crc: int
    declared_usize: int
    measured: bool  # inflated (or read) here: `crc` and `produced` are the real ones
    consumed: int = 0
    produced: int = 0
    crc: int = 0
    complete: bool = False
    error: PackageError | None = None

    def matches(self, info: zipfile.ZipInfo) -> bool:
        """The central directory's entry describes this same member."""
        raw_name = info.orig_filename.encode("utf-8" if info.flag_bits & _FLAG_UTF8 else "cp437")
        if (
            info.header_offset != self.offset
            or _digest(raw_name) != self.name
            or (info.flag_bits ^ self.flags) & (_FLAG_UTF8 | _FLAG_ENCRYPTED)
            or info.compress_type != self.method
        ):
            return False
        if not self.complete:
            return True  # refused or cut short: its verdict does not rest on its sizes
        if self.measured:
            return (info.compress_size, info.CRC, info.file_size) == (
                self.consumed,
                self.crc,
                self.produced,
            )
        return (info.compress_size, info.CRC, info.file_size) == (
            self.consumed,
            self.declared_crc,
            self.declared_usize,
        )


class ZipStream:
    """Push a zip's bytes in as they arrive; then `entries` and `spool_start`
    say what was streamed and where the spool takes over."""

    def __init__(self, package: Package, upload_index: int, open_spool: SpoolFactory) -> None:
        self.package = package
        self.upload_index = upload_index
        self.entries: list[LocalEntry] = []
        self.spool_start = 0
        self.spool: StagedBlob | None = None
        self._open_spool = open_spool
        self._spool_enc: Encryptor | None = None
        self._buf = bytearray()  # a header or descriptor not yet complete
        self._at = 0  # archive offset of the first byte not consumed (`_buf`'s start)
        # The member being read:
        self._entry: LocalEntry | None = None
        self._left: int | None = None  # compressed bytes left; None: until deflate ends
        self._inflater: zlib._Decompress | None = None
        self._sink: MemberSink | None = None
        self._fed = 0  # compressed bytes handed to the inflater
        self._descriptor = False  # its data is over; a data descriptor comes next
        self._bail = False  # stop streaming once the current piece is accounted for

    # -- input ------------------------------------------------------------

    def feed(self, data: bytes | memoryview) -> None:
        view = memoryview(data).cast("B")
        while True:
            if self._spool_enc is not None:
                if view:
                    self._spool_write(view)
                return
            if self._entry is not None and not self._descriptor:
                if not view:
                    return
                view = self._member_data(view)
                continue
            need = self._need()
            if len(self._buf) < need:
                if not view:
                    return
                take = need - len(self._buf)
                self._buf += view[:take]
                view = view[take:]
                continue
            if self._descriptor:
                self._read_descriptor()
            else:
                self._read_header()

    def finish(self) -> None:
        """The body is complete: whatever was not consumed joins the spool."""
        if self._spool_enc is None:
            self._start_spool()  # cut short, or no directory seen: the directory path decides
        assert self.spool is not None
        assert self._spool_enc is not None
        self.spool.write(self._spool_enc.finalize())
        self.spool.close()
        self._spool_enc = None

    def abort(self) -> None:
        self._leave_member()
        if self.spool is not None:
            self.spool.abort()
            self.spool = None
        self._spool_enc = None

    # -- records ------------------------------------------------------------

    def _need(self) -> int:
        if self._descriptor:
            return _DESCRIPTOR_WINDOW
        if len(self._buf) < 4 or self._buf[:4] != _LOCAL:
            return 4
        if len(self._buf) < _LOCAL_FIXED:
            return _LOCAL_FIXED
        name_len, extra_len = struct.unpack_from("<HH", self._buf, 26)
        return _LOCAL_FIXED + int(name_len) + int(extra_len)

    def _read_header(self) -> None:
        buf = self._buf
        if buf[:4] != _LOCAL or self.package.streamed_entries >= self.package.limits.max_entries:
            # The central directory, anything else, or past the entry cap:
            # the directory path reads (and judges) the rest.
            self._start_spool()
            return
        (_, flags, method, _, _, crc, csize, usize, name_len, extra_len) = struct.unpack_from(
            "<HHHHHIIIHH", buf, 4
        )
        name = bytes(buf[_LOCAL_FIXED : _LOCAL_FIXED + name_len])
        extra = bytes(buf[_LOCAL_FIXED + name_len : _LOCAL_FIXED + name_len + extra_len])
        descriptor = bool(flags & _FLAG_DESCRIPTOR)
        if not descriptor and (csize == _U32 or usize == _U32):
            sizes = _zip64_sizes(extra, usize, csize)
            if sizes is None:
                self._start_spool()
                return
            usize, csize = sizes
        try:
            # zipfile's own normalisation (decoding, a name cut at NUL), so the
            # rules see the name the directory path would.
            info = zipfile.ZipInfo(name.decode("utf-8" if flags & _FLAG_UTF8 else "cp437"))
        except (UnicodeDecodeError, ValueError):
            self._start_spool()
            return
        if (
            flags & _FLAG_ENCRYPTED
            or method not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
            or (descriptor and method == zipfile.ZIP_STORED)
            or unsafe_path(info.filename)
        ):
            # Refused, or delimited by nothing but the directory: the
            # directory path reads it, and names it, as it always has.
            self._start_spool()
            return
        skipped = info.is_dir() or is_junk(info.filename)
        # A skipped member of known size is passed over; one whose end only
        # the deflate stream tells must be inflated (and is, into nothing).
        inflate = method == zipfile.ZIP_DEFLATED and (descriptor or not skipped)
        entry = LocalEntry(
            position=len(self.entries) + 1,
            offset=self._at,
            name=_digest(name),
            flags=flags,
            method=method,
            skipped=skipped,
            declared_crc=crc,
            declared_usize=usize,
            measured=not skipped or inflate,
        )
        self.entries.append(entry)
        self.package.streamed_entries += 1
        self._at += len(buf)
        buf.clear()
        self._entry = entry
        self._left = None if descriptor else csize
        self._fed = 0
        self._inflater = zlib.decompressobj(-zlib.MAX_WBITS) if inflate else None
        self._sink = (
            None if skipped else MemberSink(self.package, self.upload_index, entry.position)
        )
        if self._left == 0:
            self._member_end()

    def _read_descriptor(self) -> None:
        entry = self._entry
        assert entry is not None
        buf = bytes(self._buf)
        actual = (entry.crc, entry.consumed, entry.produced)
        for start, fmt in ((4, "<III"), (4, "<IQQ"), (0, "<III"), (0, "<IQQ")):
            if start and buf[:4] != _DESCRIPTOR:
                continue
            end = start + struct.calcsize(fmt)
            found = struct.unpack_from(fmt, buf, start)
            if found == actual and buf[end : end + 4] in _NEXT_RECORDS:
                self._at += end
                del self._buf[:end]
                self._finish_member()
                self._after_member()
                return
        # Where the member ends is known, what follows is not: its data is
        # checked against the directory, the rest read by the directory path.
        self._finish_member()
        self._bail = True
        self._after_member()

    # -- member data --------------------------------------------------------

    def _member_data(self, view: memoryview) -> memoryview:
        """Consume the current member's bytes from `view`; return what follows."""
        entry = self._entry
        assert entry is not None
        piece = view if self._left is None else view[: self._left]
        if self._inflater is not None:
            piece = piece[:_INFLATE_PIECE]
            used = self._inflate(piece)
        else:
            used = len(piece)
            if not entry.skipped:
                self._produce(piece, None)
        entry.consumed += used
        self._at += used
        if self._left is not None:
            self._left -= used
            if self._left == 0 and not self._bail:
                self._member_end()
                return view[used:]
        if self._bail:
            self._after_member()
        return view[used:]

    def _inflate(self, piece: memoryview) -> int:
        """Inflate from `piece`; return how many of its bytes belong to the member."""
        inflater = self._inflater
        assert inflater is not None
        if inflater.eof:
            return len(piece)  # after the deflate stream, inside the declared size
        self._fed += len(piece)
        data: bytes | memoryview = piece
        try:
            while data and not self._bail:
                out = inflater.decompress(data, _INFLATE_OUT)
                if out:
                    ahead = len(inflater.unconsumed_tail)
                    self._produce(out, self._fed - ahead + min(ahead, _READ_AHEAD))
                if inflater.eof:
                    break
                data = inflater.unconsumed_tail
        except _ZlibError:
            self._fail(unsupported(f"{where(self.upload_index, self._position())} is corrupt."))
            return 0  # the spool takes the piece whole: nothing after the member is lost
        if self._left is not None and not self._bail:
            return len(piece)  # inside the declared size, even past the deflate stream's end
        # Refused mid-member, or the deflate stream over: the bytes after what
        # the inflater consumed belong to what follows (the spool, a descriptor).
        rest = len(inflater.unused_data) if inflater.eof else len(inflater.unconsumed_tail)
        self._fed -= rest
        if inflater.eof and not self._bail:
            self._descriptor = True
        return len(piece) - rest

    def _produce(self, data: bytes | memoryview, consumed: int | None) -> None:
        entry = self._entry
        assert entry is not None
        entry.produced += len(data)
        entry.crc = zlib.crc32(data, entry.crc)
        if self._sink is not None:
            try:
                self._sink.feed(data, consumed)
            except PackageError as exc:
                self._fail(exc)
            return
        limits = self.package.limits
        if consumed is not None and (
            entry.produced > limits.max_document_bytes
            or (
                entry.produced > limits.ratio_floor
                and entry.produced > limits.max_compression_ratio * max(consumed, 1)
            )
        ):
            # A skipped member is never stored, but finding its end means
            # inflating it: past a document's worth, the directory path
            # (which skips it unread) takes over.
            self._bail = True

    def _member_end(self) -> None:
        """A member of declared size is fully read."""
        entry = self._entry
        assert entry is not None
        inflater = self._inflater
        if entry.measured and (
            (inflater is not None and not inflater.eof) or entry.crc != entry.declared_crc
        ):
            # What zipfile reports when a member's bytes do not check out.
            self._fail(unsupported(f"{where(self.upload_index, entry.position)} is corrupt."))
        else:
            self._finish_member()
        self._after_member()

    def _finish_member(self) -> None:
        entry = self._entry
        assert entry is not None
        if self._sink is not None:
            try:
                self._sink.finish(self._fed if self._inflater is not None else None)
            except PackageError as exc:
                entry.error = exc
                self._bail = True
            self._sink = None
        entry.complete = entry.error is None

    def _after_member(self) -> None:
        self._leave_member()
        if self._bail:
            self._start_spool()

    def _fail(self, exc: PackageError) -> None:
        """A rule broke inside a member: store nothing more; the verdict
        waits for the directory, which may name an earlier fault."""
        assert self._entry is not None
        self._entry.error = exc
        self._bail = True

    def _leave_member(self) -> None:
        if self._sink is not None:
            self._sink.abort()
            self._sink = None
        self._entry = None
        self._inflater = None
        self._left = None
        self._descriptor = False

    def _position(self) -> int:
        assert self._entry is not None
        return self._entry.position

    # -- the spool ----------------------------------------------------------

    def _start_spool(self) -> None:
        self._leave_member()
        self._bail = False
        self.spool_start = self._at
        self.spool, self._spool_enc = self._open_spool()
        if self._buf:
            buf, self._buf = self._buf, bytearray()
            self._spool_write(memoryview(buf))

    def _spool_write(self, view: memoryview) -> None:
        assert self.spool is not None
        assert self._spool_enc is not None
        self.spool.write(self._spool_enc.update(view))
        self._at += len(view)


def _digest(name: bytes) -> bytes:
    return hashlib.blake2b(name, digest_size=16).digest()


def _zip64_sizes(extra: bytes, usize: int, csize: int) -> tuple[int, int] | None:
    """Sizes from a local header's zip64 field, read as zipfile reads the directory's."""
    at = 0
    while at + 4 <= len(extra):
        tag, size = struct.unpack_from("<HH", extra, at)
        if tag == 1:
            body = extra[at + 4 : at + 4 + size]
            values = [usize, csize]
            read = 0
            for i, value in enumerate(values):
                if value == _U32:
                    if len(body) < read + 8:
                        return None
                    (values[i],) = struct.unpack_from("<Q", body, read)
                    read += 8
            return values[0], values[1]
        at += 4 + size
    return None


class TailView(SeekableReader):
    """The archive as the directory path sees it: bytes from `start` on come
    from the spool; the streamed bytes before it read as zeros (nothing
    before `start` is read for a member: those were checked by their entries)."""

    def __init__(self, spool: DecryptingReader, start: int) -> None:
        super().__init__()
        self._spool = spool
        self._start = start
        self._size = start + spool.size
        self._pos = 0

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        n = max(0, min(len(view), self._size - self._pos))
        zeros = max(0, min(n, self._start - self._pos))
        for at in range(0, zeros, len(_ZEROS)):
            step = min(len(_ZEROS), zeros - at)
            view[at : at + step] = _ZEROS[:step]
        if n > zeros:
            self._spool.seek(self._pos + zeros - self._start)
            got = self._spool.readinto(view[zeros:n])
            n = zeros + got
        self._pos += n
        return n
