"""Encryption at rest: round trips, and tampering of every kind detected."""

from __future__ import annotations

import io
import os
import uuid

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import text

from flightline.core.crypto import (
    CHUNK,
    HEADER,
    TAG,
    DecryptingReader,
    DecryptionError,
    Encryptor,
    MasterKeyProvider,
    decrypt_bytes,
    encrypt_bytes,
    new_data_key,
)
from flightline.core.db import Database, tenant_session
from flightline.documents import repository as documents_repo
from flightline.documents.service import open_document
from tests import packages
from tests.conftest import TenantKeys

KEY = new_data_key()


@given(st.binary(max_size=3 * CHUNK + 17), st.binary(max_size=40))
def test_round_trip_any_size(data: bytes, aad: bytes) -> None:
    sealed = encrypt_bytes(KEY, aad, data)
    assert decrypt_bytes(KEY, aad, sealed) == data


@given(st.binary(max_size=3 * CHUNK + 17), st.lists(st.integers(1, 2 * CHUNK + 3), max_size=8))
def test_any_split_of_the_input_seals_the_same_plaintext(data: bytes, cuts: list[int]) -> None:
    enc = Encryptor(KEY, b"split")
    sealed = bytearray()
    at = 0
    for cut in cuts:
        sealed += enc.update(memoryview(data)[at : at + cut])
        at += cut
    sealed += enc.update(data[at:]) + enc.finalize()
    assert decrypt_bytes(KEY, b"split", bytes(sealed)) == data
    whole = encrypt_bytes(KEY, b"split", data)
    assert len(sealed) == len(whole)  # same chunking whatever the split


@pytest.mark.parametrize("size", [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 5])
def test_tampering_truncation_and_wrong_identity_fail(size: int) -> None:
    data = os.urandom(size)
    sealed = encrypt_bytes(KEY, b"doc-1", data)
    with pytest.raises(DecryptionError):
        decrypt_bytes(KEY, b"doc-2", sealed)  # moved to another identity
    with pytest.raises(DecryptionError):
        decrypt_bytes(new_data_key(), b"doc-1", sealed)  # another tenant's key
    flipped = bytearray(sealed)
    flipped[HEADER + (size // 2 if size else 0)] ^= 0x01
    with pytest.raises(DecryptionError):
        decrypt_bytes(KEY, b"doc-1", bytes(flipped))
    if size > CHUNK:
        with pytest.raises(DecryptionError):
            decrypt_bytes(KEY, b"doc-1", sealed[: HEADER + CHUNK + TAG])  # last chunk dropped


def test_random_access_reads() -> None:
    data = os.urandom(3 * CHUNK + 100)
    reader = DecryptingReader(io.BytesIO(encrypt_bytes(KEY, b"x", data)), KEY, b"x")
    for offset in (0, 5, CHUNK - 3, 2 * CHUNK + 7, len(data) - 10):
        reader.seek(offset)
        assert reader.read(20) == data[offset : offset + 20]


def test_wrapped_data_keys_are_bound_to_their_organization() -> None:
    provider = MasterKeyProvider(os.urandom(32))
    dek = new_data_key()
    wrapped = provider.wrap(dek, b"org-a|1")
    assert provider.unwrap(wrapped, b"org-a|1") == dek
    with pytest.raises(DecryptionError):
        provider.unwrap(wrapped, b"org-b|1")
    with pytest.raises(DecryptionError):
        MasterKeyProvider(os.urandom(32)).unwrap(wrapped, b"org-a|1")
    tampered = bytearray(wrapped)
    tampered[-1] ^= 1
    with pytest.raises(DecryptionError):
        provider.unwrap(bytes(tampered), b"org-a|1")


async def _stored(client: httpx.AsyncClient, tenant: TenantKeys, app_db: Database, body: bytes):  # type: ignore[no-untyped-def]
    r = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1"},
        files=[("documents", ("a", body, "application/pdf"))],
        headers=tenant.headers(),
    )
    review_id = uuid.UUID(r.json()["review_id"])
    async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
        return review_id, (await documents_repo.for_review(s, tenant.scope(), review_id))[0]


async def test_a_stored_document_reads_back_and_tampering_is_detected(
    client: httpx.AsyncClient,
    app: FastAPI,
    tenant: TenantKeys,
    app_db: Database,
    super_db: Database,
) -> None:
    deps = app.state.intake
    body = packages.pdf(3, tag=80)
    review_id, doc = await _stored(client, tenant, app_db, body)
    async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
        reader = await open_document(s, tenant.scope(), deps.keys, deps.store, doc)
        assert reader.read() == body

    path = deps.store.root / f"{tenant.org_id}/{review_id}/{doc.id}"
    original = path.read_bytes()
    tampered = bytearray(original)
    tampered[len(tampered) // 2] ^= 0x80
    path.write_bytes(bytes(tampered))

    async def read_back() -> bytes:
        async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
            reader = await open_document(s, tenant.scope(), deps.keys, deps.store, doc)
            return reader.read()

    with pytest.raises(DecryptionError):
        await read_back()
    path.write_bytes(original)

    # The same blob under another document's name does not decrypt.
    _, other = await _stored(client, tenant, app_db, packages.pdf(1, tag=81))
    other_path = deps.store.root / f"{tenant.org_id}/{other.review_id}/{other.id}"
    other_path.write_bytes(original)
    async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
        with pytest.raises(DecryptionError):
            await open_document(s, tenant.scope(), deps.keys, deps.store, other)

    # A tampered wrapped data key is detected too.
    async with super_db.sessionmaker() as s, s.begin():
        await s.execute(
            text(
                # XOR, not overwrite: overwriting could leave the byte unchanged.
                "UPDATE org_keys SET wrapped_key ="
                " set_byte(wrapped_key, 19, get_byte(wrapped_key, 19) # 255)"
                " WHERE org_id = :o"
            ),
            {"o": tenant.org_id},
        )
    async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
        with pytest.raises(DecryptionError):
            await open_document(s, tenant.scope(), deps.keys, deps.store, doc)


async def test_data_keys_are_stored_wrapped(
    client: httpx.AsyncClient,
    app: FastAPI,
    tenant: TenantKeys,
    app_db: Database,
    super_db: Database,
) -> None:
    await _stored(client, tenant, app_db, packages.pdf(1, tag=82))
    async with super_db.sessionmaker() as s:
        wrapped = (
            await s.execute(
                text("SELECT wrapped_key FROM org_keys WHERE org_id = :o"), {"o": tenant.org_id}
            )
        ).scalar_one()
    assert len(wrapped) == 12 + 32 + 16  # nonce, sealed key, tag: never the bare key
