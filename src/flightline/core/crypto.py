"""Encryption at rest: AES-256-GCM, per-organization data keys, a key provider.

Objects are encrypted in fixed 64 KiB chunks so that an object of any size is
written with bounded memory and can be read back at any offset (zip readers
seek). Each chunk is sealed separately; its associated data binds the object's
identity (organization, review, document — so a blob copied elsewhere fails to
decrypt), the chunk's index (no reordering) and whether it is the last chunk
(no truncation).

Every object is sealed under its own key, derived (HKDF-SHA256) from the
organization's data key and a random 128-bit salt kept in the header: one
data key seals millions of objects, and random 96-bit nonces under a single
key would start to collide long before that.

Layout: MAGIC (4) | salt (16) | nonce prefix (8) | chunk_0 | chunk_1 | … where
chunk_i is ciphertext (≤ 64 KiB) followed by its 16-byte tag; the nonce of
chunk i is the prefix followed by i as a 32-bit big-endian counter.
"""

from __future__ import annotations

import io
import os
import secrets
import struct
from typing import BinaryIO, Protocol

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from flightline.core.masterkey import derive_key

MAGIC = b"FLE2"
SALT = 16
CHUNK = 64 * 1024
TAG = 16
HEADER = len(MAGIC) + SALT + 8
_MAX_CHUNKS = 2**32


class DecryptionError(Exception):
    """The object was tampered with, truncated, or is not the object asked for."""


class KeyProvider(Protocol):
    """Wraps data keys. The default uses the master key; a cloud KMS can replace it."""

    def wrap(self, data_key: bytes, context: bytes) -> bytes: ...

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes: ...


class MasterKeyProvider:
    """Data keys wrapped with AES-256-GCM under a key derived from the master key."""

    def __init__(self, master_key: bytes) -> None:
        self._kek = AESGCM(derive_key(master_key, "flightline/kek/v1"))

    def wrap(self, data_key: bytes, context: bytes) -> bytes:
        nonce = secrets.token_bytes(12)
        return nonce + self._kek.encrypt(nonce, data_key, b"flightline/dek|" + context)

    def unwrap(self, wrapped: bytes, context: bytes) -> bytes:
        try:
            return self._kek.decrypt(wrapped[:12], wrapped[12:], b"flightline/dek|" + context)
        except (InvalidTag, ValueError):
            raise DecryptionError("the data key does not unwrap") from None


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def _object_key(key: bytes, salt: bytes) -> AESGCM:
    return AESGCM(
        HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=b"flightline/object/v1").derive(
            key
        )
    )


def _chunk_aad(aad: bytes, index: int, final: bool) -> bytes:
    return aad + struct.pack(">QB", index, 1 if final else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    if index >= _MAX_CHUNKS:
        raise ValueError("object too large for one nonce prefix")
    return prefix + struct.pack(">I", index)


class Encryptor:
    """Incremental encryption; `update` returns whole sealed chunks as they fill."""

    def __init__(self, key: bytes, aad: bytes) -> None:
        self._salt = secrets.token_bytes(SALT)
        self._aead = _object_key(key, self._salt)
        self._aad = aad
        self._prefix = secrets.token_bytes(8)
        self._index = 0
        self._pending = bytearray()
        self._started = False

    def _seal_into(
        self, data: bytes | bytearray | memoryview, final: bool, out: memoryview
    ) -> None:
        self._aead.encrypt_into(
            _nonce(self._prefix, self._index),
            data,
            _chunk_aad(self._aad, self._index, final),
            out,
        )
        self._index += 1

    def update(self, data: bytes | bytearray | memoryview) -> bytearray:
        """Sealed output for `data`, possibly empty; all of it in one buffer.

        Large inputs are sealed straight from the caller's buffer into one
        output buffer (no intermediate copies): a megabyte costs one
        allocation and one write, not sixteen.
        """
        view = memoryview(data).cast("B")
        held = len(self._pending)
        # Keep at least one byte back: the last chunk must be sealed as final.
        chunks = max(0, (held + len(view) - 1) // CHUNK)
        head = 0 if self._started else HEADER
        out = bytearray(head + chunks * (CHUNK + TAG))
        target = memoryview(out)
        if not self._started:
            target[:HEADER] = MAGIC + self._salt + self._prefix
            self._started = True
        at, used = head, 0
        if chunks and held:
            used = CHUNK - held
            self._pending += view[:used]
            self._seal_into(self._pending, False, target[at : at + CHUNK + TAG])
            self._pending.clear()
            at += CHUNK + TAG
            chunks -= 1
        for _ in range(chunks):
            self._seal_into(view[used : used + CHUNK], False, target[at : at + CHUNK + TAG])
            used += CHUNK
            at += CHUNK + TAG
        self._pending += view[used:]
        return out

    def finalize(self) -> bytes:
        head = b"" if self._started else MAGIC + self._salt + self._prefix
        self._started = True
        out = bytearray(len(self._pending) + TAG)
        self._seal_into(self._pending, True, memoryview(out))
        self._pending.clear()
        return head + out


def encrypt_bytes(key: bytes, aad: bytes, data: bytes) -> bytes:
    enc = Encryptor(key, aad)
    return bytes(enc.update(data)) + enc.finalize()


def plaintext_size(ciphertext_size: int) -> int:
    body = ciphertext_size - HEADER
    if body < TAG:
        raise DecryptionError("the object is truncated")
    chunks = -(-body // (CHUNK + TAG))
    return body - chunks * TAG


class SeekableReader(io.RawIOBase):
    """A read-only raw stream of known size; subclasses set `_size` and
    implement `readinto` at `_pos`."""

    _size = 0
    _pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self._pos, os.SEEK_END: self._size}[whence]
        self._pos = max(0, base + offset)
        return self._pos


class DecryptingReader(SeekableReader):
    """A read-only, seekable view of the plaintext of an encrypted file.

    Reads decrypt (and authenticate) whole chunks, so memory stays at one
    chunk whatever the object's size.
    """

    def __init__(self, raw: BinaryIO, key: bytes, aad: bytes, size: int | None = None) -> None:
        super().__init__()
        self._raw = raw
        self._aad = aad
        if size is None:
            size = raw.seek(0, os.SEEK_END)
        raw.seek(0)
        header = raw.read(HEADER)
        if len(header) != HEADER or header[:4] != MAGIC:
            raise DecryptionError("not an encrypted object")
        self._aead = _object_key(key, header[4 : 4 + SALT])
        self._prefix = header[4 + SALT :]
        self._body = size - HEADER
        self._chunks = max(1, -(-self._body // (CHUNK + TAG)))
        self._size = plaintext_size(size)
        self._pos = 0
        self._cached: tuple[int, bytes] | None = None
        # Authenticate the final chunk up front: catches truncation, a wrong
        # identity and tampering with an empty object before any read.
        self._chunk(self._chunks - 1)

    @property
    def size(self) -> int:
        return self._size

    def _chunk(self, index: int) -> bytes:
        if self._cached is not None and self._cached[0] == index:
            return self._cached[1]
        self._raw.seek(HEADER + index * (CHUNK + TAG))
        sealed = self._raw.read(CHUNK + TAG)
        final = index == self._chunks - 1
        try:
            plain = self._aead.decrypt(
                _nonce(self._prefix, index), sealed, _chunk_aad(self._aad, index, final)
            )
        except InvalidTag:
            raise DecryptionError("the object does not authenticate") from None
        self._cached = (index, plain)
        return plain

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        # Fill the whole buffer across chunk boundaries: callers (zipfile,
        # PDF and image readers) are simpler when a read is never short.
        view = memoryview(buffer).cast("B")
        filled = 0
        while filled < len(view) and self._pos < self._size:
            index, offset = divmod(self._pos, CHUNK)
            plain = self._chunk(index)
            n = min(len(view) - filled, len(plain) - offset)
            view[filled : filled + n] = plain[offset : offset + n]
            filled += n
            self._pos += n
        return filled


def open_decrypting(raw: BinaryIO, key: bytes, aad: bytes) -> io.BufferedReader:
    return io.BufferedReader(DecryptingReader(raw, key, aad), buffer_size=CHUNK)


def decrypt_bytes(key: bytes, aad: bytes, data: bytes) -> bytes:
    reader = DecryptingReader(io.BytesIO(data), key, aad, size=len(data))
    return reader.read() or b""
