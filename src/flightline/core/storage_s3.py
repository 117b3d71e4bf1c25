"""Blob storage in S3 or an S3-compatible object store.

Staging works as in `LocalBlobStore`: bytes (already encrypted) go to a local
staging file first, and only `commit` uploads them. S3 has no rename, so an
object becomes visible only once the upload completes: a single PUT, or the
final CompleteMultipartUpload for large objects. A request that fails before
then stores nothing under the name; an interrupted multipart upload leaves only
parts, which a bucket lifecycle rule (AbortIncompleteMultipartUpload) cleans up.
"""

from __future__ import annotations

import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

import boto3  # type: ignore[import-untyped]
from boto3.s3.transfer import TransferConfig  # type: ignore[import-untyped]
from botocore.config import Config  # type: ignore[import-untyped]
from botocore.exceptions import ClientError  # type: ignore[import-untyped]

from flightline.core.settings import ConfigError
from flightline.core.storage import StagedBlob, _check_name

_MiB = 1024 * 1024

# S3 and most compatible stores answer a missing key with one of these.
_MISSING_CODES = frozenset({"404", "NoSuchKey", "NotFound"})

# Memory per transfer is bounded by roughly chunksize x (concurrency + queued
# chunks); 8 MiB x 4 keeps a 2 GiB upload well under 100 MiB while staying far
# below S3's 10 000-part limit (8 MiB x 10 000 = 78 GiB).
_TRANSFER = TransferConfig(
    multipart_threshold=8 * _MiB,
    multipart_chunksize=8 * _MiB,
    max_concurrency=4,
    max_io_queue=16,
    use_threads=True,
)


def _is_missing(exc: ClientError) -> bool:
    error = exc.response.get("Error", {})
    status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    return str(error.get("Code")) in _MISSING_CODES or status == 404


def _normalise_prefix(prefix: str) -> str:
    parts = [p for p in prefix.split("/") if p]
    # Some S3-compatible stores and proxies normalise dot segments in paths, which
    # would let one prefix reach objects outside it.
    if any(p in (".", "..") for p in parts):
        raise ConfigError("invalid setting FLIGHTLINE_STORAGE_URL: prefix has . or .. segments")
    return "/".join(parts)


class S3BlobStore:
    """Objects under `s3://<bucket>/<prefix>/`, staged locally in `staging_dir`."""

    def __init__(
        self,
        bucket: str,
        prefix: str,
        staging_dir: Path,
        endpoint_url: str | None = None,
    ) -> None:
        self.bucket = bucket
        self.prefix = _normalise_prefix(prefix)
        self.staging_dir = staging_dir
        staging_dir.mkdir(parents=True, exist_ok=True, mode=0o700)

        options: dict[str, Any] = {
            "connect_timeout": 10,
            "read_timeout": 60,
            "retries": {"max_attempts": 5, "mode": "standard"},
            # Default pool is 10; transfers run up to max_concurrency threads each,
            # and the client is shared by every request of the process.
            "max_pool_connections": 32,
        }
        if endpoint_url is not None:
            # MinIO, Ceph and similar are usually served from one host name, so
            # bucket-in-hostname (virtual-hosted) addressing does not resolve.
            options["s3"] = {"addressing_style": "path"}
            # Several compatible stores reject the CRC checksums botocore sends by
            # default since 1.36; integrity is covered by the application's AEAD.
            options["request_checksum_calculation"] = "when_required"
            options["response_checksum_validation"] = "when_required"

        # Sessions are not thread-safe but clients are: build one client here and
        # share it, instead of creating one per request.
        session = boto3.session.Session()
        self._client: Any = session.client(
            "s3",
            region_name=session.region_name or "us-east-1",
            endpoint_url=endpoint_url,
            config=Config(**options),
        )

    def _key(self, name: str) -> str:
        name = _check_name(name)
        return f"{self.prefix}/{name}" if self.prefix else name

    def stage(self, name: str) -> StagedBlob:
        _check_name(name)
        return StagedBlob(self, name, self.staging_dir / f"{uuid.uuid4()}.part")

    def flush_soon(self, staged: StagedBlob) -> None:
        """Nothing to do: the staging file is only read back for the upload,
        which is durable once S3 acknowledges it."""

    def commit_all(self, staged: Sequence[StagedBlob]) -> None:
        for blob in staged:
            blob.commit()

    def commit_staged(self, staged: StagedBlob) -> None:
        key = self._key(staged.name)
        self._client.upload_file(str(staged.path), self.bucket, key, Config=_TRANSFER)
        # Only after a complete upload: on failure the staged bytes stay for a
        # retry or `abort`, and `sweep_staging` catches what a dead process left.
        staged.path.unlink(missing_ok=True)

    def open(self, name: str) -> BinaryIO:
        key = self._key(name)
        # Unlinked on close (or at once, on POSIX), so downloaded bytes never
        # outlive the reader even if the caller forgets the file.
        tmp = tempfile.TemporaryFile(dir=self.staging_dir)  # noqa: SIM115 - returned open
        try:
            self._client.download_fileobj(self.bucket, key, tmp, Config=_TRANSFER)
        except ClientError as exc:
            tmp.close()
            if _is_missing(exc):
                raise FileNotFoundError(f"no such object: {name}") from None
            raise
        except BaseException:
            tmp.close()
            raise
        tmp.seek(0)
        return tmp

    def delete(self, name: str) -> None:
        key = self._key(name)
        try:
            self._client.delete_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            # AWS answers 204 for a missing key; some compatible stores say 404.
            if not _is_missing(exc):
                raise

    def exists(self, name: str) -> bool:
        key = self._key(name)
        try:
            self._client.head_object(Bucket=self.bucket, Key=key)
        except ClientError as exc:
            if _is_missing(exc):
                return False
            raise
        return True
