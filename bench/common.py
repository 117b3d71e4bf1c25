"""Shared plumbing for benchmarks: a throwaway cluster, a tenant, a server."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from flightline.auth import service as key_service
from flightline.core import cluster as cluster_module
from flightline.core.cluster import Cluster
from flightline.core.db import Database, Tenant, tenant_session
from flightline.orgs import service as org_service
from flightline.reviews import service as review_service

MASTER_KEY = "QkVOQ0hNQVJLLU1BU1RFUi1LRVktMzItQllURVMhISE="


@contextmanager
def throwaway_cluster() -> Iterator[Cluster]:
    with cluster_module.throwaway_cluster("flightline-bench-") as cluster:
        yield cluster


@dataclass
class Seeded:
    org_id: str
    secret: str
    review_id: str


def seed(cluster: Cluster) -> Seeded:
    async def run() -> Seeded:
        owner = Database(cluster.owner_url, pool_size=1)
        app = Database(cluster.app_url, pool_size=1)
        try:
            async with owner.sessionmaker() as s, s.begin():
                org = await org_service.create(s, "Bench")
                key = await key_service.create(s, org.id, "bench", sandbox=False)
            async with tenant_session(app.sessionmaker, Tenant(org.id, False)) as s:
                review = await review_service.create_review_record(
                    s, Tenant(org.id, False), reference_id="BENCH-1"
                )
            return Seeded(str(org.id), key.secret, str(review.id))
        finally:
            await owner.dispose()
            await app.dispose()

    return asyncio.run(run())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(
    cluster: Cluster, server: str, workers: int, extra_env: dict[str, str] | None = None
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    env = dict(
        os.environ,
        FLIGHTLINE_DATABASE_URL=cluster.app_url,
        FLIGHTLINE_MASTER_KEY=MASTER_KEY,
        FLIGHTLINE_RATE_LIMITS="off",
        FLIGHTLINE_LOG_LEVEL="WARNING",
        **(extra_env or {}),
    )
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
            server,
            "--workers",
            str(workers),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"https://127.0.0.1:{port}"
    cert = cluster.data_dir / "tls" / "cert.pem"
    deadline = time.monotonic() + 60
    try:
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}")
            try:
                if cert.exists():
                    ctx = ssl.create_default_context(cafile=str(cert))
                    if httpx.get(f"{base}/readyz", verify=ctx, timeout=1).is_success:
                        break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("server did not become ready")
            time.sleep(0.2)
        yield base, proc
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


@dataclass
class WrkResult:
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def _ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text.strip())
    if match is None:
        raise ValueError(f"unexpected wrk latency {text!r}")
    value, unit = match.groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def wrk(
    url: str, connections: int, seconds: int, headers: dict[str, str] | None = None
) -> WrkResult:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (Debian package 'wrk')")
    cmd = ["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency"]
    for name, value in (headers or {}).items():
        cmd += ["-H", f"{name}: {value}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", out, re.M).group(1))  # type: ignore[union-attr]
    errors = 0
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if m:
        errors += int(m.group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if m:
        errors += sum(int(g) for g in m.groups())
    return WrkResult(rps, p50, p99, errors)
