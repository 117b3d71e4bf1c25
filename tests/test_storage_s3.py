"""S3BlobStore against a local moto server (no network beyond loopback)."""

from __future__ import annotations

import hashlib
import http.client
import random
import shutil
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

boto3 = pytest.importorskip("boto3")
pytest.importorskip("moto")

from boto3.exceptions import S3UploadFailedError  # type: ignore[import-untyped]  # noqa: E402

from flightline.core.settings import ConfigError, Settings  # noqa: E402
from flightline.core.storage import StagedBlob, make_blob_store  # noqa: E402
from flightline.core.storage_s3 import S3BlobStore  # noqa: E402

_MiB = 1024 * 1024
NAME = "org1/review1/doc1"


def _moto_server() -> str:
    # Next to the interpreter first: the venv's bin is not necessarily on PATH.
    candidate = Path(sys.executable).parent / "moto_server"
    found = str(candidate) if candidate.exists() else shutil.which("moto_server")
    if found is None:
        pytest.skip("moto_server not installed")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(port: int, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"moto_server exited with {proc.returncode}")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
        try:
            conn.request("GET", "/")
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.1)
        finally:
            conn.close()
    raise RuntimeError("moto_server did not answer in time")


@pytest.fixture(scope="module")
def endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with pytest.MonkeyPatch.context() as mp:
        # Keep the host's AWS configuration (profiles, regions, real keys) out.
        for var in (
            "AWS_PROFILE",
            "AWS_REGION",
            "AWS_DEFAULT_REGION",
            "AWS_SESSION_TOKEN",
            "AWS_ENDPOINT_URL",
            "AWS_ENDPOINT_URL_S3",
        ):
            mp.delenv(var, raising=False)
        missing = tmp_path_factory.mktemp("aws") / "absent"
        mp.setenv("AWS_CONFIG_FILE", str(missing))
        mp.setenv("AWS_SHARED_CREDENTIALS_FILE", str(missing))
        mp.setenv("AWS_ACCESS_KEY_ID", "test")
        mp.setenv("AWS_SECRET_ACCESS_KEY", "test")
        mp.setenv("AWS_EC2_METADATA_DISABLED", "true")

        port = _free_port()
        log = tmp_path_factory.mktemp("moto") / "moto.log"
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                [_moto_server(), "-H", "127.0.0.1", "-p", str(port)],
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_until_up(port, proc)
            yield f"http://127.0.0.1:{port}"
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def s3(endpoint: str) -> Any:
    """A plain client, to look at the bucket independently of the store."""
    return boto3.client("s3", region_name="us-east-1", endpoint_url=endpoint)


@pytest.fixture
def bucket(s3: Any) -> str:
    name = f"fl-{uuid.uuid4().hex[:20]}"
    s3.create_bucket(Bucket=name)
    return name


def _keys(s3: Any, bucket: str) -> list[str]:
    listing = s3.list_objects_v2(Bucket=bucket)
    return sorted(obj["Key"] for obj in listing.get("Contents", []))


def _staging_files(store: S3BlobStore) -> list[Path]:
    return list(store.staging_dir.iterdir())


@pytest.fixture(params=["tenant-data", ""], ids=["prefix", "no-prefix"])
def store(
    request: pytest.FixtureRequest, endpoint: str, bucket: str, tmp_path: Path
) -> S3BlobStore:
    return S3BlobStore(bucket, request.param, tmp_path / "staging", endpoint_url=endpoint)


def _put(store: S3BlobStore, name: str, data: bytes) -> StagedBlob:
    staged = store.stage(name)
    staged.write(data)
    staged.commit()
    return staged


def test_staging_dir_is_private(store: S3BlobStore) -> None:
    assert store.staging_dir.is_dir()
    assert store.staging_dir.stat().st_mode & 0o777 == 0o700


def test_round_trip(store: S3BlobStore, s3: Any, bucket: str) -> None:
    data = b"\x00ciphertext\xff" * 100
    staged = store.stage(NAME)
    assert staged.path.parent == store.staging_dir
    assert staged.path.name.endswith(".part")
    staged.write(data[:500])
    staged.write(data[500:])
    with staged.open_read() as check:
        assert check.read() == data
    assert not store.exists(NAME), "nothing is visible before commit"

    staged.commit()

    assert staged.committed
    assert not staged.path.exists(), "commit removes the staging file"
    assert _staging_files(store) == []
    assert store.exists(NAME)
    with store.open(NAME) as f:
        assert f.seekable()
        assert f.read() == data
        f.seek(3)
        assert f.read(4) == data[3:7]
    expected = f"tenant-data/{NAME}" if store.prefix else NAME
    assert _keys(s3, bucket) == [expected]
    assert _staging_files(store) == [], "the download file is gone once closed"


def test_overwrite_replaces_bytes(store: S3BlobStore) -> None:
    _put(store, NAME, b"first")
    _put(store, NAME, b"second")
    with store.open(NAME) as f:
        assert f.read() == b"second"


def test_large_object_goes_multipart(store: S3BlobStore, s3: Any, bucket: str) -> None:
    rng = random.Random(20)
    digest = hashlib.sha256()
    staged = store.stage(NAME)
    size = 0
    for _ in range(20):
        chunk = rng.randbytes(_MiB)
        digest.update(chunk)
        staged.write(chunk)
        size += len(chunk)
    tail = rng.randbytes(12345)  # not a multiple of the part size
    digest.update(tail)
    staged.write(tail)
    size += len(tail)
    staged.commit()

    key = f"tenant-data/{NAME}" if store.prefix else NAME
    head = s3.head_object(Bucket=bucket, Key=key)
    assert head["ContentLength"] == size
    # A multipart ETag is "<md5 of part md5s>-<part count>".
    assert "-" in head["ETag"], head["ETag"]

    with store.open(NAME) as f:
        read = hashlib.sha256()
        while block := f.read(_MiB):
            read.update(block)
        assert read.hexdigest() == digest.hexdigest()
        f.seek(size - len(tail))
        assert f.read() == tail


def test_abort_leaves_nothing(store: S3BlobStore, s3: Any, bucket: str) -> None:
    staged = store.stage(NAME)
    staged.write(b"half a document")
    staged.abort()
    assert not staged.path.exists()
    assert _staging_files(store) == []
    assert not store.exists(NAME)
    assert _keys(s3, bucket) == []


def test_failed_commit_keeps_staging_file(endpoint: str, tmp_path: Path) -> None:
    store = S3BlobStore(f"absent-{uuid.uuid4().hex[:12]}", "", tmp_path, endpoint_url=endpoint)
    staged = store.stage(NAME)
    staged.write(b"data")
    with pytest.raises(S3UploadFailedError):
        staged.commit()
    assert not staged.committed
    assert staged.path.read_bytes() == b"data", "kept for a retry or abort"
    staged.abort()
    assert not staged.path.exists()


def test_delete(store: S3BlobStore, s3: Any, bucket: str) -> None:
    _put(store, NAME, b"data")
    _put(store, "org1/review1/doc2", b"other")
    store.delete(NAME)
    assert not store.exists(NAME)
    assert store.exists("org1/review1/doc2")
    store.delete(NAME)  # already gone: not an error
    assert len(_keys(s3, bucket)) == 1


def test_missing_object(store: S3BlobStore) -> None:
    assert not store.exists("org1/review1/nothing")
    with pytest.raises(FileNotFoundError):
        store.open("org1/review1/nothing")
    assert _staging_files(store) == [], "no download file left behind"
    store.delete("org1/review1/nothing")


class _NoNetwork:
    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"S3 client used ({name}) for an invalid name")


BAD_NAMES = ["", "..", "../x", "org/../x", "org//doc", "/org/doc", "org/doc/", "org/./doc", "a b"]


@pytest.mark.parametrize("name", BAD_NAMES)
def test_bad_names_rejected_before_any_request(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An unused port: were a request attempted, the sentinel below trips first.
    store = S3BlobStore("bucket", "tenant-data", tmp_path, endpoint_url="http://127.0.0.1:9")
    monkeypatch.setattr(store, "_client", _NoNetwork())
    with pytest.raises(ValueError, match="identifiers"):
        store.stage(name)
    with pytest.raises(ValueError, match="identifiers"):
        store.open(name)
    with pytest.raises(ValueError, match="identifiers"):
        store.exists(name)
    with pytest.raises(ValueError, match="identifiers"):
        store.delete(name)
    forged = StagedBlob(store, name, tmp_path / "forged.part")
    forged.close()
    with pytest.raises(ValueError, match="identifiers"):
        store.commit_staged(forged)
    assert forged.path.exists(), "a rejected commit does not consume the staging file"


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("tenant-data", "tenant-data/"),
        ("tenant-data/", "tenant-data/"),
        ("/a/b/", "a/b/"),
        ("", ""),
        ("/", ""),
    ],
)
def test_prefix_forms(
    prefix: str, expected: str, endpoint: str, bucket: str, s3: Any, tmp_path: Path
) -> None:
    store = S3BlobStore(bucket, prefix, tmp_path, endpoint_url=endpoint)
    _put(store, NAME, b"x")
    assert _keys(s3, bucket) == [f"{expected}{NAME}"]


@pytest.mark.parametrize("prefix", ["..", "a/../b", "./a"])
def test_prefix_with_dot_segments_is_a_config_error(prefix: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="FLIGHTLINE_STORAGE_URL"):
        S3BlobStore("bucket", prefix, tmp_path)


def test_stores_with_different_prefixes_do_not_see_each_other(
    endpoint: str, bucket: str, tmp_path: Path
) -> None:
    a = S3BlobStore(bucket, "tenant-data", tmp_path / "a", endpoint_url=endpoint)
    b = S3BlobStore(bucket, "", tmp_path / "b", endpoint_url=endpoint)
    _put(a, NAME, b"in a")
    assert not b.exists(NAME)
    assert b.exists(f"tenant-data/{NAME}")


def test_region_defaults_to_us_east_1(
    endpoint: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = S3BlobStore("bucket", "", tmp_path, endpoint_url=endpoint)
    assert store._client.meta.region_name == "us-east-1"
    monkeypatch.setenv("AWS_DEFAULT_REGION", "eu-west-1")
    store = S3BlobStore("bucket", "", tmp_path, endpoint_url=endpoint)
    assert store._client.meta.region_name == "eu-west-1"


@pytest.mark.parametrize(("path", "prefix"), [("/tenant-data", "tenant-data/"), ("", "")])
def test_make_blob_store_wires_s3(
    path: str, prefix: str, endpoint: str, bucket: str, s3: Any, tmp_path: Path
) -> None:
    settings = Settings(
        data_dir=tmp_path, storage_url=f"s3://{bucket}{path}", s3_endpoint_url=endpoint
    )
    store = make_blob_store(settings)
    assert isinstance(store, S3BlobStore)
    assert store.bucket == bucket
    assert store.staging_dir == tmp_path / "staging"

    staged = store.stage(NAME)
    staged.write(b"through the factory")
    staged.commit()
    assert _keys(s3, bucket) == [f"{prefix}{NAME}"]
    with store.open(NAME) as f:
        assert f.read() == b"through the factory"


def test_make_blob_store_needs_a_bucket(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="bucket"):
        make_blob_store(Settings(data_dir=tmp_path, storage_url="s3:///prefix"))
