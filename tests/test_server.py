"""The real thing: `flightline serve` and `flightline dev` over TLS on loopback."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from flightline.core.cluster import Cluster
from tests.conftest import TenantKeys


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_ready(url: str, cert: Path, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}")
        try:
            if cert.exists() and httpx.get(url, verify=_ctx(cert), timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise AssertionError("server did not become ready")


@pytest.fixture(scope="module", params=["uvicorn", "granian"])
def server(request: pytest.FixtureRequest, cluster: Cluster) -> Iterator[tuple[str, Path, Path]]:
    port = _free_port()
    log_path = cluster.data_dir / f"server-{request.param}.log"
    env = dict(
        os.environ, FLIGHTLINE_DATABASE_URL=cluster.app_url, FLIGHTLINE_MASTER_KEY="C" * 43 + "="
    )
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "flightline",
                "serve",
                "--data-dir",
                str(cluster.data_dir),
                "--port",
                str(port),
                "--server",
                request.param,
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    cert = cluster.data_dir / "tls" / "cert.pem"
    base = f"https://127.0.0.1:{port}"
    try:
        _wait_ready(f"{base}/readyz", cert, proc)
        yield base, cert, log_path
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)


def _ctx(cert: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(cert))


def test_authenticated_request_over_tls(server: tuple[str, Path, Path], tenant: TenantKeys) -> None:
    base, cert, log_path = server
    r = httpx.get(f"{base}/v1/reviews", headers=tenant.headers(), verify=_ctx(cert))
    assert r.status_code == 200 and r.headers["x-request-id"].startswith("req_")
    assert "strict-transport-security" in r.headers
    time.sleep(0.2)
    assert tenant.live not in log_path.read_text()


def test_huge_headers_are_never_5xx(server: tuple[str, Path, Path]) -> None:
    base, cert, _ = server
    try:
        r = httpx.get(
            f"{base}/healthz", headers={"X-Big": "a" * 200_000}, verify=_ctx(cert), timeout=10
        )
        assert r.status_code < 500
    except httpx.HTTPError:
        pass  # the server closing the connection is an acceptable answer
    assert httpx.get(f"{base}/healthz", verify=_ctx(cert)).status_code == 200


@pytest.mark.parametrize(
    "raw",
    [
        b"GET /v1/reviews/%ff%00%c3%28 HTTP/1.1\r\nHost: x\r\n"
        b"Authorization: Bearer \xff\xfe\r\n\r\n",
        b"GET /v1/reviews?cursor=%ff%fe%00 HTTP/1.1\r\nHost: x\r\nX-Api-Key: \x01\x02\r\n\r\n",
        b"GET /\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
        b"BREW /v1/reviews HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
)
def test_odd_bytes_are_never_5xx(server: tuple[str, Path, Path], raw: bytes) -> None:
    base, cert, _ = server
    port = int(base.rsplit(":", 1)[1])
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as sock,
        _ctx(cert).wrap_socket(sock, server_hostname="localhost") as tls,
    ):
        tls.sendall(raw)
        data = b""
        try:
            while b"\r\n" not in data:
                chunk = tls.recv(4096)
                if not chunk:
                    break
                data += chunk
        except (ConnectionError, ssl.SSLError):
            return
    if data:
        status = int(data.split(b" ")[1])
        assert status < 500, data[:200]


def test_plain_http_is_not_served(server: tuple[str, Path, Path]) -> None:
    base, _, _ = server
    with pytest.raises(httpx.HTTPError):
        httpx.get(base.replace("https://", "http://") + "/healthz", timeout=5).raise_for_status()


def test_dev_runs_everything_and_stops_cleanly() -> None:
    data_dir = Path(tempfile.mkdtemp(prefix="flightline-dev-"))
    os.chmod(data_dir, 0o711)
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("FLIGHTLINE_")}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flightline",
            "dev",
            "--data-dir",
            str(data_dir),
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert proc.stdout is not None
        lines = [proc.stdout.readline().decode() for _ in range(6)]
        live = re.search(r"(fl_live_\w+)", "".join(lines))
        assert live, lines
        cert = data_dir / "tls" / "cert.pem"
        _wait_ready(f"https://127.0.0.1:{port}/readyz", cert, proc)
        r = httpx.get(
            f"https://localhost:{port}/v1/reviews",
            headers={"Authorization": f"Bearer {live.group(1)}"},
            verify=_ctx(cert),
        )
        assert r.status_code == 200
        assert oct((data_dir / "master.key").stat().st_mode & 0o777) == "0o600"
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
    assert not Cluster(data_dir).is_running()
    # Second start: reuses everything and prints no secret.
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flightline",
            "dev",
            "--data-dir",
            str(data_dir),
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline().decode() + proc.stdout.readline().decode()
        assert "Demo organization" in first and "fl_live_" not in first
        # Mid start-up (the children may not exist yet): still a clean stop.
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=60) == 0
        assert not Cluster(data_dir).is_running()
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, "the API outlived `dev`"
    finally:
        if proc.poll() is None:
            proc.kill()
        shutil.rmtree(data_dir, ignore_errors=True)
