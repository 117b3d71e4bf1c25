"""A real worker process: a review is completed once, even when the worker
is killed (-9) in the middle of it."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import httpx
from sqlalchemy import text

from flightline.core.cluster import Cluster
from flightline.core.db import Database
from tests import packages
from tests.conftest import TenantKeys


def _start_worker(cluster: Cluster) -> subprocess.Popen[bytes]:
    env = dict(
        os.environ,
        FLIGHTLINE_DATABASE_URL=cluster.app_url,
        FLIGHTLINE_MASTER_KEY=(cluster.data_dir / "master.key").read_text().strip(),
        FLIGHTLINE_STALLED_JOB_SECONDS="3",
        FLIGHTLINE_WORKER_HEARTBEAT_SECONDS="1",
        FLIGHTLINE_LOG_LEVEL="WARNING",
        OMP_THREAD_LIMIT="1",
    )
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "flightline",
            "worker",
            "--data-dir",
            str(cluster.data_dir),
            "--concurrency",
            "2",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


async def _status(db: Database, review_id: str) -> str:
    async with db.sessionmaker() as s:
        return str(
            (
                await s.execute(text("SELECT status FROM reviews WHERE id = :r"), {"r": review_id})
            ).scalar_one()
        )


async def _wait_for(db: Database, review_id: str, wanted: set[str], seconds: float) -> str:
    deadline = time.monotonic() + seconds
    status = ""
    while time.monotonic() < deadline:
        status = await _status(db, review_id)
        if status in wanted:
            return status
        await asyncio.sleep(0.2)
    raise AssertionError(f"review still {status!r} after {seconds}s")


def _kill(worker: subprocess.Popen[bytes]) -> None:
    os.killpg(worker.pid, signal.SIGKILL)
    worker.wait(timeout=10)


async def test_kill_9_mid_review_then_restart_completes_exactly_once(
    cluster: Cluster, client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database
) -> None:
    pages = [
        packages.scanned_page(
            [
                f"Bank Statement  Page {n} of 14",
                "Statement Period 01/01/2026 - 01/31/2026",
                "Beginning Balance 12,000.00",
                "Deposit 01/16/2026 Payroll 3,412.10",
            ]
        )
        for n in range(1, 15)
    ]
    r = await client.post(
        "/v1/reviews",
        data={"review_type": "mortgage_v1"},
        files=[("documents", ("s.pdf", packages.image_pdf(pages), "application/pdf"))],
        headers=tenant.headers(),
    )
    review_id = r.json()["review_id"]
    first = _start_worker(cluster)
    try:
        await _wait_for(super_db, review_id, {"processing"}, 60)
        await asyncio.sleep(0.5)
    finally:
        _kill(first)
    assert await _status(super_db, review_id) == "processing"
    await asyncio.sleep(4)  # past the stalled-job threshold
    second = _start_worker(cluster)
    try:
        assert await _wait_for(super_db, review_id, {"completed", "failed"}, 120) == "completed"
        assert second.poll() is None  # the worker is alive after the review
        async with super_db.sessionmaker() as s:
            reports = (
                await s.execute(
                    text("SELECT count(*) FROM reports WHERE review_id = :r"), {"r": review_id}
                )
            ).scalar_one()
            jobs = (
                (
                    await s.execute(
                        text(
                            "SELECT status FROM procrastinate_jobs"
                            " WHERE task_name = 'pipeline:process' AND args->>'review_id' = :r"
                        ),
                        {"r": review_id},
                    )
                )
                .scalars()
                .all()
            )
        assert reports == 1
        assert list(jobs) == ["succeeded"]
        report = await client.get(f"/v1/reviews/{review_id}/report", headers=tenant.headers())
        assert report.status_code == 200
    finally:
        os.killpg(second.pid, signal.SIGTERM)
        second.wait(timeout=30)


async def test_worker_survives_unreadable_and_corrupt_packages(
    cluster: Cluster, client: httpx.AsyncClient, tenant: TenantKeys, super_db: Database
) -> None:
    readable = packages.image_pdf(
        [
            packages.scanned_page(
                ["EARNINGS STATEMENT", "Pay Date: 01/16/2026", "Gross Pay 4,500.00"]
            )
        ]
    )
    cases = {
        "failed": [b"%PDF-1.7\n nothing here", packages.image_pdf([packages.scanned_page([])])],
        "completed": [readable, b"%PDF-1.7\n broken beside a readable one"],
    }
    ids: dict[str, str] = {}
    for outcome, docs in cases.items():
        r = await client.post(
            "/v1/reviews",
            data={"review_type": "mortgage_v1"},
            files=[("documents", (f"d{i}", d, "application/pdf")) for i, d in enumerate(docs)],
            headers=tenant.headers(),
        )
        ids[outcome] = r.json()["review_id"]
    worker = _start_worker(cluster)
    try:
        for outcome, review_id in ids.items():
            assert await _wait_for(super_db, review_id, {"completed", "failed"}, 120) == outcome
        assert worker.poll() is None
        failed = (await client.get(f"/v1/reviews/{ids['failed']}", headers=tenant.headers())).json()
        assert failed["failure"]["code"] == "no_readable_documents"
        report = (
            await client.get(f"/v1/reviews/{ids['completed']}/report", headers=tenant.headers())
        ).json()
        assert "DOC-002" in {i["code"] for i in report["issues"]}
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        worker.wait(timeout=30)
