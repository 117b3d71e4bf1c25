"""LocalBlobStore: staged writes become durable objects only on commit."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from flightline.core import storage
from flightline.core.storage import LocalBlobStore, sweep_staging

NAME = "org1/review1/doc1"


@pytest.fixture
def store(tmp_path: Path) -> LocalBlobStore:
    return LocalBlobStore(tmp_path / "blobs", tmp_path / "staging")


@pytest.fixture
def fsynced(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """What was flushed to the disk, by path (resolved from the descriptor)."""
    seen: list[Path] = []
    real = os.fsync

    def recording(fd: int) -> None:
        seen.append(Path(os.readlink(f"/proc/self/fd/{fd}")))
        real(fd)

    monkeypatch.setattr(storage.os, "fsync", recording)
    return seen


def test_commit_flushes_the_bytes_and_every_new_directory(
    store: LocalBlobStore, fsynced: list[Path]
) -> None:
    staged = store.stage(NAME)
    staged.write(b"sealed bytes")
    staged.commit()
    target = store.root / NAME
    assert target.read_bytes() == b"sealed bytes"
    # The file (flushed while still under its staging name), the directory
    # holding the new name, and each directory created for it in its parent.
    assert staged.path in fsynced
    assert {store.root / "org1/review1", store.root / "org1", store.root} <= set(fsynced)
    assert not staged.path.exists()


def test_flush_soon_flushes_before_the_commit_needs_it(
    store: LocalBlobStore, fsynced: list[Path]
) -> None:
    staged = store.stage(NAME)
    staged.write(b"x" * 100_000)
    staged.flush_soon()
    assert staged.flushed is not None
    staged.flushed.result(timeout=10)
    assert fsynced == [staged.path]
    staged.commit()
    # Not flushed twice: the commit waited on the early flush.
    assert fsynced.count(staged.path) == 1
    assert (store.root / NAME).read_bytes() == b"x" * 100_000


def test_commit_all_flushes_a_shared_directory_once(
    store: LocalBlobStore, fsynced: list[Path]
) -> None:
    blobs = [store.stage(f"org1/review1/doc{i}") for i in range(5)]
    for blob in blobs:
        blob.write(b"abc")
        blob.flush_soon()
        blob.close()
    store.commit_all(blobs)
    assert all(blob.committed for blob in blobs)
    assert fsynced.count(store.root / "org1/review1") == 1
    assert sorted(p.name for p in (store.root / "org1/review1").iterdir()) == [
        f"doc{i}" for i in range(5)
    ]


def test_every_directory_on_the_way_is_flushed_after_the_rename(
    store: LocalBlobStore, fsynced: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # `org1` exists already (another request may have created it a moment
    # ago and not flushed it yet): its entry in the root is flushed anyway.
    (store.root / "org1").mkdir()
    renamed: list[int] = []
    real_replace = os.replace

    def recording(src: Path, dst: Path) -> None:
        renamed.append(len(fsynced))
        real_replace(src, dst)

    monkeypatch.setattr(storage.os, "replace", recording)
    staged = store.stage("org1/review2/doc1")
    staged.write(b"b")
    staged.commit()
    after = fsynced[renamed[0] :]
    assert {store.root / "org1/review2", store.root / "org1", store.root} <= set(after)


def test_a_failed_flush_stops_the_commit(
    store: LocalBlobStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(fd: int) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(storage.os, "fsync", failing)
    staged = store.stage(NAME)
    staged.write(b"abc")
    staged.flush_soon()
    with pytest.raises(OSError, match="Input/output"):
        staged.commit()
    assert not staged.committed
    assert not (store.root / NAME).exists()
    staged.abort()
    assert list(store.staging_dir.iterdir()) == []


def test_a_refused_page_cache_hint_is_harmless(
    store: LocalBlobStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refusing(*args: object) -> None:
        raise OSError(22, "Invalid argument")

    monkeypatch.setattr(storage.os, "posix_fadvise", refusing)
    staged = store.stage(NAME)
    staged.write(b"abc")
    staged.flush_soon()
    staged.commit()
    assert (store.root / NAME).read_bytes() == b"abc"


def test_abort_cancels_a_flush_not_yet_started(store: LocalBlobStore) -> None:
    gate = threading.Event()
    busy = [storage._FLUSHING.submit(gate.wait, 10) for _ in range(8)]
    try:
        staged = store.stage(NAME)
        staged.write(b"abc")
        staged.flush_soon()
        fd = staged.flush_fd
        assert fd is not None
        staged.abort()
        assert staged.flushed is not None and staged.flushed.cancelled()
        with pytest.raises(OSError, match="Bad file descriptor"):
            os.fstat(fd)  # its descriptor closed, not leaked
    finally:
        gate.set()
        for job in busy:
            job.result(timeout=10)


def test_abort_after_flush_soon_leaves_nothing(store: LocalBlobStore) -> None:
    staged = store.stage(NAME)
    staged.write(b"abc")
    staged.flush_soon()
    staged.abort()
    assert staged.flushed is not None
    # cancelled if it had not started; else the flush of an unlinked file is harmless
    if not staged.flushed.cancelled():
        staged.flushed.result(timeout=10)
    assert not staged.path.exists()
    assert not (store.root / NAME).exists()
    assert list(store.staging_dir.iterdir()) == []


def test_sweep_removes_only_old_staging_files(store: LocalBlobStore) -> None:
    old = store.stage(NAME)
    old.write(b"left by a dead process")
    old.close()
    os.utime(old.path, (0, 0))
    fresh = store.stage(NAME)
    fresh.write(b"in flight")
    assert sweep_staging(store) == 1
    assert not old.path.exists()
    assert fresh.path.exists()
    fresh.abort()
