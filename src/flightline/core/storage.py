"""Blob storage for encrypted objects.

Writes are staged: an object is written to a local staging file first (already
encrypted — nothing in clear ever touches a disk), can be read back for checks,
and only `commit` makes it visible under its name. `abort` leaves nothing
behind. A request that fails half-way therefore stores nothing; a process that
dies half-way leaves only staging files, swept by `sweep_staging`.

A committed object is durable: the local store flushes the file to the disk
before its rename and the directory after it, so a review row (which
PostgreSQL makes durable at commit) never outlives the bytes it names after a
power loss. `flush_soon` starts that flush as soon as a document is written,
so the disk works while the next one is parsed and `commit` rarely waits.

Object names are `<org_id>/<review_id>/<document_id>`: identifiers only, never
a filename or anything a borrower wrote.
"""

from __future__ import annotations

import contextlib
import os
import time
import uuid
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO, Protocol

from flightline.core.settings import ConfigError, Settings


class StagedBlob:
    """A local, encrypted staging file that becomes an object on `commit`."""

    def __init__(self, store: BlobStore, name: str, path: Path) -> None:
        self.store = store
        self.name = name
        self.path = path
        self._file: BinaryIO | None = open(path, "wb")  # noqa: SIM115 - closed in close()
        self.committed = False
        # Set by the store's `flush_soon`: the flush under way and the
        # descriptor it owns (closed here if the flush never starts).
        self.flushed: Future[None] | None = None
        self.flush_fd: int | None = None

    def write(self, data: bytes | bytearray | memoryview) -> None:
        assert self._file is not None, "staged blob already closed"
        self._file.write(data)

    def close(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None

    def flush_soon(self) -> None:
        """Writing is done: the store may start making the bytes durable now."""
        assert self._file is not None, "staged blob already closed"
        self._file.flush()
        self.store.flush_soon(self)

    def open_read(self) -> BinaryIO:
        self.close()
        return open(self.path, "rb")

    def commit(self) -> None:
        self.close()
        self.store.commit_staged(self)
        self.committed = True

    def abort(self) -> None:
        self.close()
        # A refused package's flushes would only hold the pool (and the
        # unlinked file's pages) for other requests' commits.
        if self.flushed is not None and self.flushed.cancel() and self.flush_fd is not None:
            os.close(self.flush_fd)
        self.path.unlink(missing_ok=True)


class BlobStore(Protocol):
    staging_dir: Path

    def stage(self, name: str) -> StagedBlob: ...

    def flush_soon(self, staged: StagedBlob) -> None: ...

    def commit_staged(self, staged: StagedBlob) -> None: ...

    def commit_all(self, staged: Sequence[StagedBlob]) -> None:
        """Commit each in turn; those committed before a failure stay `committed`."""
        ...

    def open(self, name: str) -> BinaryIO: ...

    def delete(self, name: str) -> None: ...

    def exists(self, name: str) -> bool: ...


def _check_name(name: str) -> str:
    parts = name.split("/")
    if not parts or any(p in ("", ".", "..") or not p.replace("-", "").isalnum() for p in parts):
        raise ValueError("object names are slash-separated identifiers")
    return name


# fsync releases the GIL and mostly waits on the disk; a few at once keep the
# device's queue busy without a thread per document.
_FLUSHING = ThreadPoolExecutor(max_workers=4, thread_name_prefix="blob-flush")


def _fsync_fd(fd: int, drop: bool = False) -> None:
    try:
        os.fsync(fd)
        if drop and hasattr(os, "posix_fadvise"):
            # Clean now: let the kernel reuse its pages rather than keep a
            # large upload cached at the expense of the database's pages.
            # Only a hint: a filesystem that refuses it loses nothing.
            with contextlib.suppress(OSError):
                os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    _fsync_fd(os.open(path, os.O_RDONLY | os.O_DIRECTORY))


class LocalBlobStore:
    """Objects as files under a root directory (`<data-dir>/blobs`)."""

    def __init__(self, root: Path, staging_dir: Path) -> None:
        self.root = root
        self.staging_dir = staging_dir
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        staging_dir.mkdir(parents=True, exist_ok=True, mode=0o700)

    def _path(self, name: str) -> Path:
        return self.root / _check_name(name)

    def stage(self, name: str) -> StagedBlob:
        _check_name(name)
        return StagedBlob(self, name, self.staging_dir / f"{uuid.uuid4()}.part")

    def flush_soon(self, staged: StagedBlob) -> None:
        assert staged._file is not None
        # A descriptor of its own: the writer may close (or abort) the file
        # while the flush runs.
        fd = os.dup(staged._file.fileno())
        try:
            staged.flushed = _FLUSHING.submit(_fsync_fd, fd, True)
        except BaseException:
            os.close(fd)
            raise
        staged.flush_fd = fd

    def commit_staged(self, staged: StagedBlob) -> None:
        self.commit_all([staged])

    def commit_all(self, staged: Sequence[StagedBlob]) -> None:
        dirs: set[Path] = set()
        for blob in staged:
            blob.close()
            if blob.flushed is None:
                _fsync_fd(os.open(blob.path, os.O_RDONLY), drop=True)
            else:
                blob.flushed.result()
            target = self._path(blob.name)
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # Same filesystem under the data directory: an atomic rename.
            os.replace(blob.path, target)
            blob.committed = True
            # Every directory on the way: one this request did not create may
            # be another's, created a moment ago and not yet flushed.
            dirs.update(self.root / up for up in target.relative_to(self.root).parents)
        # Each fsync covers one directory's own entries; a few per review.
        for folder in dirs:
            _fsync_dir(folder)

    def open(self, name: str) -> BinaryIO:
        return open(self._path(name), "rb")

    def delete(self, name: str) -> None:
        self._path(name).unlink(missing_ok=True)

    def exists(self, name: str) -> bool:
        return self._path(name).is_file()


def sweep_staging(store: BlobStore, older_than_seconds: float = 24 * 3600) -> int:
    """Delete staging files left by a process that died mid-request."""
    cutoff = time.time() - older_than_seconds
    removed = 0
    for path in store.staging_dir.glob("*.part"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def make_blob_store(settings: Settings) -> BlobStore:
    staging = settings.data_dir / "staging"
    url = settings.storage_url or f"file://{settings.data_dir / 'blobs'}"
    if url.startswith("file://"):
        return LocalBlobStore(Path(url[len("file://") :]), staging)
    if url.startswith("s3://"):
        from flightline.core.storage_s3 import S3BlobStore

        bucket, _, prefix = url[len("s3://") :].partition("/")
        if not bucket:
            raise ConfigError("invalid setting FLIGHTLINE_STORAGE_URL: s3:// needs a bucket")
        return S3BlobStore(bucket, prefix, staging, endpoint_url=settings.s3_endpoint_url)
    raise ConfigError("invalid setting FLIGHTLINE_STORAGE_URL: use file://… or s3://bucket/prefix")
