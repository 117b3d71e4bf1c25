"""Hostile packages: each refused with its documented code, nothing stored,
the server healthy after. Everything is generated here; nothing binary is
committed."""

from __future__ import annotations

import io
import struct
import tarfile
import warnings
import zipfile
import zlib
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from flightline.app import create_app
from flightline.core.db import Database
from flightline.core.settings import Settings
from tests import packages
from tests.conftest import TenantKeys

PDF = packages.pdf(1, tag=50)


def _zip_with_attr(name: str, data: bytes, mode: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        info = zipfile.ZipInfo(name)
        info.external_attr = mode << 16
        zf.writestr(info, data)
    return out.getvalue()


def _encrypted_zip() -> bytes:
    raw = bytearray(packages.zip_of([("a.pdf", PDF)]))
    # Set the "encrypted" flag bit in the local and central headers.
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = raw.find(sig)
        raw[at + offset] |= 0x01
    return bytes(raw)


def _corrupt_zip() -> bytes:
    raw = bytearray(packages.zip_of([("a.pdf", PDF * 3)]))
    raw[60:400] = b"\x00" * 340
    return bytes(raw)


def _tar_special(kind: bytes) -> bytes:
    info = tarfile.TarInfo("evil")
    info.type = kind
    if kind in (tarfile.SYMTYPE, tarfile.LNKTYPE):
        info.linkname = "/etc/passwd"
    return packages.tar_of([("a.pdf", PDF)], extra=[info])


def _docx() -> bytes:
    return packages.zip_of([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w/>")])


def _zip_bomb(expanded: int = 1024**3 + 1) -> bytes:
    """One PDF-looking member of more than 1 GiB of zeros: about a megabyte zipped."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo("statement.pdf")
        info.compress_type = zipfile.ZIP_DEFLATED
        with zf.open(info, "w", force_zip64=True) as member:
            member.write(b"%PDF-1.4\n")
            zero = bytes(8 * 1024 * 1024)
            left = expanded - 9
            while left > 0:
                member.write(zero[: min(left, len(zero))])
                left -= len(zero)
    return out.getvalue()


CASES = [
    (
        "zip slip",
        packages.zip_of([("../../evil.pdf", PDF)]),
        400,
        "document_unsupported",
        "escapes",
    ),
    (
        "absolute path",
        packages.zip_of([("/etc/evil.pdf", PDF)]),
        400,
        "document_unsupported",
        "escapes",
    ),
    (
        "windows drive",
        packages.zip_of([("C:\\evil.pdf", PDF)]),
        400,
        "document_unsupported",
        "escapes",
    ),
    (
        "tar slip",
        packages.tar_of([("a/../../evil.pdf", PDF)]),
        400,
        "document_unsupported",
        "escapes",
    ),
    ("tar symlink", _tar_special(tarfile.SYMTYPE), 400, "document_unsupported", "symbolic link"),
    ("tar hardlink", _tar_special(tarfile.LNKTYPE), 400, "document_unsupported", "hard link"),
    ("tar device", _tar_special(tarfile.CHRTYPE), 400, "document_unsupported", "device"),
    ("tar fifo", _tar_special(tarfile.FIFOTYPE), 400, "document_unsupported", "device"),
    (
        "zip symlink",
        _zip_with_attr("link.pdf", b"/etc/passwd", 0o120777),
        400,
        "document_unsupported",
        "symbolic link",
    ),
    (
        "nested zip",
        packages.zip_of([("inner.zip", packages.zip_of([("a.pdf", PDF)]))]),
        400,
        "document_unsupported",
        "nested",
    ),
    (
        "nested tgz",
        packages.zip_of([("inner.tgz", packages.tar_of([("a.pdf", PDF)], gz=True))]),
        400,
        "document_unsupported",
        "nested",
    ),
    ("encrypted zip", _encrypted_zip(), 400, "document_unsupported", "encrypted"),
    ("corrupt zip", _corrupt_zip(), 400, "document_unsupported", "corrupt"),
    ("rar as pdf", b"Rar!\x1a\x07\x01\x00" + b"\x00" * 64, 400, "document_unsupported", "RAR"),
    ("7z as pdf", b"7z\xbc\xaf\x27\x1c\x00\x04" + b"\x00" * 64, 400, "document_unsupported", "7z"),
    ("exe as pdf", b"MZ\x90\x00\x03" + b"\x00" * 200, 400, "document_unsupported", "executable"),
    (
        "elf as pdf",
        b"\x7fELF\x02\x01\x01" + b"\x00" * 200,
        400,
        "document_unsupported",
        "executable",
    ),
    ("docx as pdf", _docx(), 400, "document_unsupported", "Office"),
    (
        "doc/xls/msg",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200,
        400,
        "document_unsupported",
        "Office",
    ),
    (
        "eml as pdf",
        b"From: a@example.com\r\nTo: b@example.com\r\nSubject: x\r\n\r\nhi",
        400,
        "document_unsupported",
        "email",
    ),
    ("script", b"#!/bin/sh\nrm -rf /\n", 400, "document_unsupported", "script"),
    ("html", b"<!DOCTYPE html><html></html>", 400, "document_unsupported", "not a supported"),
    (
        "docx in zip",
        packages.zip_of([("a.pdf", PDF), ("x.docx", _docx())]),
        400,
        "document_unsupported",
        "member 2",
    ),
    (
        "gzip not tar",
        zlib.compress(PDF)[:2] and __import__("gzip").compress(PDF),
        400,
        "document_unsupported",
        "not a tar",
    ),
    ("empty file", b"", 400, "document_required", "empty"),
    (
        "archive of nothing",
        packages.zip_of([("dir/", b""), ("empty.pdf", b"")]),
        400,
        "document_required",
        "no document",
    ),
]


async def _count_state(super_db: Database, settings: Settings) -> tuple[int, int, int, int]:
    async with super_db.sessionmaker() as s:
        reviews = (await s.execute(text("SELECT count(*) FROM reviews"))).scalar_one()
        docs = (await s.execute(text("SELECT count(*) FROM documents"))).scalar_one()
    blobs = settings.data_dir / "blobs"
    stored = sum(1 for p in blobs.rglob("*") if p.is_file()) if blobs.exists() else 0
    staging = sum(1 for _ in (settings.data_dir / "staging").glob("*"))
    return reviews, docs, stored, staging


async def _assert_refused(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    super_db: Database,
    settings: Settings,
    body: bytes,
    status: int,
    code: str,
    words: str,
) -> None:
    before = await _count_state(super_db, settings)
    r = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1"},
        files=[("documents", ("loan-file.pdf", body, "application/pdf"))],
        headers=tenant.headers(),
    )
    assert r.status_code == status, r.text
    error = r.json()["error"]
    assert error["code"] == code
    assert words.lower() in error["message"].lower()
    assert "loan-file" not in error["message"]
    assert await _count_state(super_db, settings) == before
    assert (await client.get("/healthz")).status_code == 200


async def test_password_protected_pdf_is_refused(
    client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database, settings: Settings
) -> None:
    body = packages.zip_of([("a.pdf", PDF), ("locked.pdf", packages.encrypted_pdf())])
    await _assert_refused(
        client, tenant, super_db, settings, body, 400, "document_unsupported", "password"
    )


async def test_corrupt_pdf_is_accepted_for_a_doc_002_later(
    client: httpx.AsyncClient, tenant: TenantKeys
) -> None:
    r = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1"},
        files=[("documents", ("x", b"%PDF-1.7\n garbage with no xref", "application/pdf"))],
        headers=tenant.headers(),
    )
    assert r.status_code == 201, r.text


async def test_zip_bomb_of_a_gibibyte_is_refused(
    client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database, settings: Settings
) -> None:
    bomb = _zip_bomb()
    assert len(bomb) < 4 * 1024 * 1024
    await _assert_refused(
        client, tenant, super_db, settings, bomb, 422, "documents_too_large", "bomb"
    )


@pytest.fixture
async def small_client(settings: Settings, app_db: Database) -> AsyncIterator[httpx.AsyncClient]:
    small = settings.model_copy(
        update={
            "max_documents": 3,
            "max_document_bytes": 64 * 1024,
            "max_package_bytes": 300 * 1024,
            "max_upload_bytes": 2 * 1024 * 1024,
        }
    )
    app: FastAPI = create_app(small, database=app_db)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://t") as c:
        yield c


async def test_too_many_documents(
    small_client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database, settings: Settings
) -> None:
    body = packages.zip_of([(f"{i}.pdf", packages.pdf(1, tag=60 + i)) for i in range(4)])
    await _assert_refused(
        small_client, tenant, super_db, settings, body, 422, "too_many_documents", "more than 3"
    )


async def test_member_over_the_size_cap(
    small_client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database, settings: Settings
) -> None:
    big = b"%PDF-1.4\n" + bytes(range(256)) * 400  # ~100 KiB, over the 64 KiB cap
    body = packages.zip_of([("a.pdf", PDF), ("big.pdf", big)], method=zipfile.ZIP_STORED)
    await _assert_refused(
        small_client, tenant, super_db, settings, body, 413, "document_too_large", "member 2"
    )


async def test_loose_document_over_the_size_cap(
    small_client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database, settings: Settings
) -> None:
    big = b"%PDF-1.4\n" + bytes(range(256)) * 400
    await _assert_refused(
        small_client, tenant, super_db, settings, big, 413, "document_too_large", "upload 1"
    )


async def test_body_over_the_upload_limit_is_413_and_closes(
    small_client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database, settings: Settings
) -> None:
    before = await _count_state(super_db, settings)
    r = await small_client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1"},
        files=[("documents", ("a", b"%PDF-1.4\n" + b"x" * (3 * 1024 * 1024), "application/pdf"))],
        headers=tenant.headers(),
    )
    assert r.status_code == 413 and r.json()["error"]["code"] == "document_too_large"
    assert r.headers.get("connection") == "close"
    assert await _count_state(super_db, settings) == before


async def test_expanded_total_over_the_package_cap(
    small_client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database, settings: Settings
) -> None:
    # Identical members: one distinct document, but every copy is expanded.
    members = [(f"{i}.pdf", b"%PDF-1.4\n" + b"\x07" * 60_000) for i in range(6)]
    body = packages.zip_of(members)
    await _assert_refused(
        small_client, tenant, super_db, settings, body, 422, "documents_too_large", "limit"
    )


def _build(kind: str, members: list[tuple[str, bytes]]) -> bytes:
    if kind == "zip":
        return packages.zip_of(members)
    if kind in ("tar", "tgz"):
        return packages.tar_of([(n.replace("\x00", "_"), d) for n, d in members], gz=kind == "tgz")
    return b"".join(d for _, d in members)


_names = st.lists(st.sampled_from([*list("abc./\\:\x00-_ é"), "..", "__MACOSX/"]), max_size=12).map(
    "".join
)
_payloads = st.one_of(
    st.binary(max_size=300),
    st.sampled_from([PDF, packages.png(), b"", b"PK\x03\x04", b"Rar!\x1a\x07\x00", b"%PDF-1.4\n"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    kind=st.sampled_from(["zip", "tar", "tgz", "raw"]),
    members=st.lists(st.tuples(_names, _payloads), max_size=5),
    garble=st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
)
async def test_random_archives_never_500(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    kind: str,
    members: list[tuple[str, bytes]],
    garble: int | None,
) -> None:
    safe = [(n if n.strip("/") else "x", d) for n, d in members]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duplicate member names are part of the test
            body = _build(kind, safe)
    except (ValueError, UnicodeError, IndexError, tarfile.TarError):
        return
    if garble is not None and body:
        spot = garble % len(body)
        body = body[:spot] + bytes([body[spot] ^ 0xFF]) + body[spot + 1 :]
    r = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1"},
        files=[("documents", ("x", body, "application/octet-stream"))],
        headers=tenant.headers(),
    )
    assert r.status_code < 500, r.text
    assert r.status_code in (201, 400, 413, 422)


def _bz2_zip() -> bytes:
    return packages.zip_of([("a.pdf", b"%PDF-1.4\n" + b"\x00" * 5000)], method=zipfile.ZIP_BZIP2)


def _huge_pax_tar() -> bytes:
    info = tarfile.TarInfo("a.pdf")
    info.size = len(PDF)
    info.pax_headers = {"comment": "x" * 200_000}
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tf:
        tf.addfile(info, io.BytesIO(PDF))
    return out.getvalue()


def _sparse_tar() -> bytes:
    raw = bytearray(packages.tar_of([("a.pdf", PDF)]))
    raw[156] = ord("S")  # GNU sparse member type
    header = raw[:512]
    header[148:156] = b" " * 8
    checksum = sum(header)
    raw[148:156] = f"{checksum:06o}\x00 ".encode()
    return bytes(raw)


def _zip_declaring_too_many_entries() -> bytes:
    raw = bytearray(packages.zip_of([("a.pdf", PDF)]))
    at = raw.rfind(b"PK\x05\x06")
    raw[at + 8 : at + 12] = (60000).to_bytes(2, "little") * 2
    return bytes(raw)


def _docx_with_late_manifest() -> bytes:
    return packages.zip_of(
        [("word/document.xml", b"<w/>" * 3000), ("[Content_Types].xml", b"<T/>")]
    )


def _central_entries(raw: bytes) -> tuple[int, list[tuple[int, int]], int]:
    """(directory offset, [(start, end) of each directory entry], EOCD offset)."""
    eocd = raw.rfind(b"PK\x05\x06")
    count, _, offset = struct.unpack_from("<HII", raw, eocd + 10)
    spans, at = [], offset
    for _ in range(count):
        n, m, k = struct.unpack_from("<HHH", raw, at + 28)
        spans.append((at, at + 46 + n + m + k))
        at += 46 + n + m + k
    return offset, spans, eocd


def _with_directory(raw: bytes, entries: list[bytes]) -> bytes:
    """The archive's local entries with another central directory."""
    offset, _, eocd = _central_entries(raw)
    directory = b"".join(entries)
    end = bytearray(raw[eocd:])
    struct.pack_into("<HHII", end, 8, len(entries), len(entries), len(directory), offset)
    return raw[:offset] + directory + bytes(end)


def _two_pdfs(method: int = zipfile.ZIP_DEFLATED) -> bytes:
    return packages.zip_of([("a.pdf", PDF), ("b.pdf", packages.pdf(2, tag=51))], method=method)


def _local_name_differs() -> bytes:
    raw = bytearray(_two_pdfs())
    raw[30:35] = b"x.pdf"  # the first local header's name; the directory still says a.pdf
    return bytes(raw)


def _hidden_member() -> bytes:
    """Two local entries, a directory that lists only the first."""
    raw = _two_pdfs()
    _, spans, _ = _central_entries(raw)
    return _with_directory(raw, [raw[spans[0][0] : spans[0][1]]])


def _directory_reordered() -> bytes:
    raw = _two_pdfs()
    _, spans, _ = _central_entries(raw)
    return _with_directory(raw, [raw[a:b] for a, b in reversed(spans)])


def _local_size_differs() -> bytes:
    raw = bytearray(_two_pdfs(zipfile.ZIP_STORED))
    (size,) = struct.unpack_from("<I", raw, 18)
    struct.pack_into("<II", raw, 18, size - 100, size - 100)  # local sizes only
    return bytes(raw)


def _directory_crc_differs() -> bytes:
    raw = bytearray(_two_pdfs())
    _, spans, _ = _central_entries(bytes(raw))
    raw[spans[1][0] + 16] ^= 0xFF  # the second entry's CRC, in the directory only
    return bytes(raw)


def _concatenated_zips() -> bytes:
    return packages.zip_of([("a.pdf", PDF)]) + packages.zip_of([("b.pdf", packages.pdf(1, tag=52))])


def _zip_with_a_bloated_directory() -> bytes:
    # 300 members, each with a 60 KB comment in the directory: ~18 MB of
    # directory zipfile would have to hold in memory.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for n in range(300):
            info = zipfile.ZipInfo(f"{n}.pdf")
            info.comment = b"c" * 60_000
            zf.writestr(info, packages.pdf(1, tag=n % 50))
    return out.getvalue()


MORE_CASES = [
    (
        "bloated central directory",
        _zip_with_a_bloated_directory(),
        400,
        "document_unsupported",
        "corrupt",
    ),
    ("bzip2 member", _bz2_zip(), 400, "document_unsupported", "compression"),
    # Members are read while the body arrives, then checked against the
    # central directory: any disagreement is a corrupt archive.
    ("local name differs", _local_name_differs(), 400, "document_unsupported", "corrupt"),
    ("member hidden from directory", _hidden_member(), 400, "document_unsupported", "corrupt"),
    ("directory reordered", _directory_reordered(), 400, "document_unsupported", "corrupt"),
    ("local size differs", _local_size_differs(), 400, "document_unsupported", "corrupt"),
    ("directory crc differs", _directory_crc_differs(), 400, "document_unsupported", "corrupt"),
    ("concatenated zips", _concatenated_zips(), 400, "document_unsupported", "corrupt"),
    ("huge pax header", _huge_pax_tar(), 400, "document_unsupported", "corrupt"),
    ("sparse tar member", _sparse_tar(), 400, "document_unsupported", "sparse"),
    (
        "zip declaring 60000 entries",
        _zip_declaring_too_many_entries(),
        422,
        "too_many_documents",
        "entries",
    ),
    (
        "office manifest not first",
        _docx_with_late_manifest(),
        400,
        "document_unsupported",
        "Office",
    ),
    (
        "script quoting a pdf",
        b"#!/bin/sh\necho '%PDF-1.4'\n",
        400,
        "document_unsupported",
        "script",
    ),
]


@pytest.mark.parametrize(
    ("label", "body", "status", "code", "words"),
    CASES + MORE_CASES,
    ids=[c[0] for c in CASES + MORE_CASES],
)
async def test_hostile_package_is_refused(
    client: httpx.AsyncClient,
    tenant: TenantKeys,
    super_db: Database,
    settings: Settings,
    label: str,
    body: bytes,
    status: int,
    code: str,
    words: str,
) -> None:
    await _assert_refused(client, tenant, super_db, settings, body, status, code, words)


async def test_deeply_nested_json_is_a_400(client: httpx.AsyncClient, tenant: TenantKeys) -> None:
    r = await client.post(
        "/v1/reviews",
        content=b"[" * 100_000,
        headers={**tenant.headers(), "Content-Type": "application/json"},
    )
    assert r.status_code == 400
    r = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1", "metadata": "[" * 60_000},
        files=[("documents", ("a", PDF, "application/pdf"))],
        headers=tenant.headers(),
    )
    assert r.status_code == 422 and r.json()["error"]["param"] == "metadata"
