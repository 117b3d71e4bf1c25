"""The master key: `FLIGHTLINE_MASTER_KEY` (base64 of 32 bytes), else
`<data-dir>/master.key`, created on first use with mode 0600 for the private
cluster. It wraps the per-organization data keys and derives the small keys
the service needs (cursor signing), never used directly on data."""

from __future__ import annotations

import base64
import binascii
import os
import secrets

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from flightline.core.settings import ConfigError, Settings


def load_master_key(settings: Settings) -> bytes:
    if settings.master_key:
        try:
            key = base64.b64decode(settings.master_key, validate=True)
        except (binascii.Error, ValueError):
            raise ConfigError("invalid setting FLIGHTLINE_MASTER_KEY: not base64") from None
        if len(key) != 32:
            raise ConfigError("invalid setting FLIGHTLINE_MASTER_KEY: must decode to 32 bytes")
        return key
    if not settings.uses_private_cluster:
        raise ConfigError(
            "FLIGHTLINE_MASTER_KEY is required with an external database "
            "(base64 of 32 random bytes)"
        )
    path = settings.data_dir / "master.key"
    if not path.exists():
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(base64.b64encode(secrets.token_bytes(32)).decode() + "\n")
    raw = path.read_text().strip()
    try:
        key = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise ConfigError(f"{path} is not a base64 master key") from None
    if len(key) != 32:
        raise ConfigError(f"{path} must hold base64 of 32 bytes")
    return key


def derive_key(master: bytes, purpose: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=purpose.encode()).derive(
        master
    )
