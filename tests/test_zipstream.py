"""Zips read while they arrive give the central-directory path's verdict.

Every archive here is judged twice: streamed (`IncomingFile`, fed in random
pieces) and read whole by the directory path alone (`Package.add_archive`
on the bytes). An intact archive gets the same verdict both ways (the same
documents, or the same error); a damaged one is never accepted by streaming
when the directory path refuses it. Nothing is left in staging either way.
"""

from __future__ import annotations

import io
import random
import warnings
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flightline.core.crypto import Encryptor, new_data_key
from flightline.core.storage import LocalBlobStore
from flightline.documents.packages import MIB, Limits, Package, PackageError
from flightline.documents.upload import IncomingFile, open_archives
from tests import packages

KEY = new_data_key()
PDF = packages.pdf(1, tag=70)
BIG = b"%PDF-1.4\n" + random.Random(7).randbytes(300_000)


def _zip(members: list[tuple[str, bytes]], method: int, piped: bool, zip64: bool) -> bytes:
    if piped:
        return packages.piped_zip_of(members, method, zip64)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            with zf.open(info, "w", force_zip64=zip64) as member:
                member.write(data)
    return out.getvalue()


def _store(tmp: Path) -> LocalBlobStore:
    return LocalBlobStore(tmp / "blobs", tmp / "staging")


def _package(store: LocalBlobStore) -> Package:
    limits = Limits(
        max_document_bytes=MIB,
        max_documents=5,
        max_package_bytes=2 * MIB,
        max_compression_ratio=200,
    )
    return Package(limits, lambda doc: (store.stage(f"o/{doc}"), Encryptor(KEY, b"t"), b"t"))


Verdict = tuple[str, object]


def _outcome(package: Package) -> Verdict:
    return "ok", [(d.member_index, d.sha256, d.size, d.media_type) for d in package.documents]


def _streamed(store: LocalBlobStore, body: bytes, pieces: random.Random) -> Verdict:
    package = _package(store)
    incoming = IncomingFile(1, package, store, hashed=False)
    try:
        at = 0
        while at < len(body):
            step = pieces.choice([1, 3, 30, 4096, 65536, len(body)])
            incoming.feed(memoryview(body)[at : at + step])
            at += step
        archive = incoming.finish()
        if archive is not None:
            open_archives(package, [archive])
        return _outcome(package)
    except PackageError as exc:
        return exc.code, exc.message
    finally:
        incoming.abort()
        package.abort()


def _directory_path(store: LocalBlobStore, body: bytes) -> Verdict:
    package = _package(store)
    try:
        package.add_archive(1, io.BytesIO(body), "zip")
        return _outcome(package)
    except PackageError as exc:
        return exc.code, exc.message
    finally:
        package.abort()


_names = st.sampled_from(
    ["a.pdf", "b/c.pdf", "dir/", "__MACOSX/._a.pdf", ".DS_Store", "../x.pdf", "x.png", "e.pdf"]
)
_payloads = st.sampled_from(
    [PDF, BIG, packages.png(), b"", b"PK\x03\x04zip?", b"#!/bin/sh\n", b"\x00" * 3_000_000]
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    members=st.lists(st.tuples(_names, _payloads), min_size=1, max_size=4),
    method=st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]),
    piped=st.booleans(),
    zip64=st.booleans(),
    garble=st.one_of(st.none(), st.integers(min_value=0)),
    seed=st.integers(min_value=0, max_value=2**16),
)
def test_streaming_gives_the_directory_verdict(
    tmp_path: Path,
    members: list[tuple[str, bytes]],
    method: int,
    piped: bool,
    zip64: bool,
    garble: int | None,
    seed: int,
) -> None:
    store = _store(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # duplicate names are part of the test
        body = _zip(members, method, piped, zip64)
    if garble is not None:
        spot = 4 + garble % (len(body) - 4)  # still sniffed as a zip
        body = body[:spot] + bytes([body[spot] ^ 0x5A]) + body[spot + 1 :]
    expected = _directory_path(store, body)
    got = _streamed(store, body, random.Random(seed))
    if garble is None or got[0] == "ok":
        # Damaged, streaming may refuse more (a local header that disagrees
        # with the directory is corrupt), never accept what it refuses.
        assert got == expected
    assert list((tmp_path / "staging").iterdir()) == []


def test_a_stored_member_with_a_data_descriptor_falls_back_to_the_spool(tmp_path: Path) -> None:
    store = _store(tmp_path)
    body = _zip([("a.pdf", PDF), ("b.pdf", BIG)], zipfile.ZIP_STORED, piped=True, zip64=False)
    package = _package(store)
    incoming = IncomingFile(1, package, store, hashed=False)
    incoming.feed(body)
    archive = incoming.finish()
    assert archive is not None and archive.streamed is not None
    assert archive.streamed.spool_start == 0  # nothing could be delimited: all spooled
    open_archives(package, [archive])
    assert [d.size for d in package.documents] == [len(PDF), len(BIG)]
    package.abort()


def test_an_ordinary_zip_streams_everything_but_its_directory(tmp_path: Path) -> None:
    store = _store(tmp_path)
    for piped in (False, True):  # sizes in the local headers, or in data descriptors
        body = _zip([("a.pdf", PDF), ("b.pdf", BIG)], zipfile.ZIP_DEFLATED, piped, False)
        package = _package(store)
        incoming = IncomingFile(1, package, store, hashed=False)
        incoming.feed(body)
        archive = incoming.finish()
        assert archive is not None and archive.streamed is not None
        assert archive.streamed.spool_start == zipfile.ZipFile(io.BytesIO(body)).start_dir
        assert len(package.documents) == 2  # staged before the directory arrived
        open_archives(package, [archive])
        assert [d.member_index for d in package.documents] == [1, 2]
        package.abort()
