"""LocalBlobStore: staged writes become durable objects only on commit."""

from __future__ import annotations

import os
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


def test_existing_directories_are_flushed_only_where_a_name_was_added(
    store: LocalBlobStore, fsynced: list[Path]
) -> None:
    first = store.stage("org1/review1/doc1")
    first.write(b"a")
    first.commit()
    fsynced.clear()
    second = store.stage("org1/review2/doc1")
    second.write(b"b")
    second.commit()
    assert store.root / "org1/review2" in fsynced
    assert store.root / "org1" in fsynced  # review2 is a new entry there
    assert store.root not in fsynced  # nothing new at the top


def test_abort_after_flush_soon_leaves_nothing(store: LocalBlobStore) -> None:
    staged = store.stage(NAME)
    staged.write(b"abc")
    staged.flush_soon()
    staged.abort()
    assert staged.flushed is not None
    staged.flushed.result(timeout=10)  # the flush of an unlinked file is harmless
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
