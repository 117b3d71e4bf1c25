"""`serve`, `worker` and `dev`."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time

from flightline.cli.runtime import Databases, databases, export_environment
from flightline.core.db import Database, check_app_role
from flightline.core.masterkey import load_master_key
from flightline.core.settings import Settings
from flightline.core.tls import certificate_paths

log = logging.getLogger("flightline.cli")
APP_FACTORY = "flightline.app:create_app_from_env"


async def _check_role(url: str) -> None:
    db = Database(url, pool_size=1, application_name="flightline-check")
    try:
        await check_app_role(db.engine)
    finally:
        await db.dispose()


def _prepare_child_env(settings: Settings, dbs: Databases) -> None:
    key = base64.b64encode(load_master_key(settings)).decode()
    os.environ.update(export_environment(settings, dbs, key))


def serve(settings: Settings, host: str, port: int, workers: int, server: str) -> int:
    cert, key = certificate_paths(settings)
    with databases(settings, migrate=True) as dbs:
        asyncio.run(_check_role(dbs.app_url))
        _prepare_child_env(settings, dbs)
        log.info("serving", extra={"server": server, "host": host, "port": port})
        if server == "granian":
            from granian import Granian
            from granian.constants import Interfaces

            Granian(
                APP_FACTORY,
                factory=True,
                address=host,
                port=port,
                interface=Interfaces.ASGI,
                workers=workers,
                ssl_cert=cert,
                ssl_key=key,
                log_enabled=False,
                backlog=2048,
            ).serve()
        else:
            import uvicorn

            uvicorn.run(
                APP_FACTORY,
                factory=True,
                host=host,
                port=port,
                workers=workers,
                ssl_certfile=str(cert),
                ssl_keyfile=str(key),
                log_config=None,
                access_log=False,
                server_header=False,
                h11_max_incomplete_event_size=64 * 1024,
                backlog=2048,
            )
    return 0


async def _run_worker(settings: Settings, app_url: str, concurrency: int) -> None:
    from flightline.core.storage import sweep_staging
    from flightline.reviews.intake import build_intake
    from flightline.worker import runtime
    from flightline.worker.app import build_app

    db = Database(app_url, pool_size=max(2, concurrency), application_name="flightline-worker")
    from flightline.pipeline.pages import OcrPool
    from flightline.pipeline.service import PipelineDeps

    intake = build_intake(settings, load_master_key(settings))
    sweep_staging(intake.store)
    ocr = OcrPool()
    runtime.configure(db, intake, PipelineDeps(db, intake.store, intake.keys, ocr))
    from flightline.pipeline.tasks import retry_stalled_jobs

    runtime.set_stalled_job_seconds(settings.stalled_job_seconds)
    app = build_app(app_url)
    try:
        async with app.open_async():
            # Work a dead worker left behind is picked up at once, not at the next sweep.
            await retry_stalled_jobs(app, settings.stalled_job_seconds)
            await app.run_worker_async(
                concurrency=concurrency,
                install_signal_handlers=True,
                update_heartbeat_interval=settings.worker_heartbeat_seconds,
                stalled_worker_timeout=settings.stalled_job_seconds,
            )
    finally:
        runtime.configure(None)
        ocr.shutdown()
        await db.dispose()


def worker(settings: Settings, concurrency: int) -> int:
    from flightline.rules.policy import load_policy

    load_policy()
    with databases(settings, migrate=True) as dbs:
        asyncio.run(_check_role(dbs.app_url))
        _prepare_child_env(settings, dbs)
        asyncio.run(_run_worker(settings, dbs.app_url, concurrency))
    return 0


def _demo(settings: Settings, admin_url: str, host: str, port: int) -> None:
    """Create the demo organization once; print its keys only that first time."""
    from flightline.auth import service as keys
    from flightline.orgs import service as orgs

    marker = settings.data_dir / "demo.json"
    base = f"https://{'localhost' if host in ('127.0.0.1', '0.0.0.0') else host}:{port}"  # noqa: S104
    if marker.exists():
        org_id = json.loads(marker.read_text())["org_id"]
        print(f"Demo organization: {org_id}")
        print(f"New key: flightline admin key create --org {org_id} --name NAME [--sandbox]")
        return

    async def create() -> tuple[str, str, str]:
        db = Database(admin_url, pool_size=1, application_name="flightline-admin")
        try:
            async with db.sessionmaker() as session, session.begin():
                org = await orgs.create(session, "Demo")
                live = await keys.create(session, org.id, "demo live", sandbox=False)
                test = await keys.create(session, org.id, "demo sandbox", sandbox=True)
                return str(org.id), live.secret, test.secret
        finally:
            await db.dispose()

    org_id, live, test = asyncio.run(create())
    marker.write_text(json.dumps({"org_id": org_id}))
    cert = settings.data_dir / "tls" / "cert.pem"
    print(f"Demo organization: {org_id}")
    print("These keys are shown once:")
    print(f"  live:    {live}")
    print(f"  sandbox: {test}")
    print("Try:")
    print(f"  curl --cacert {cert} -H 'Authorization: Bearer {live}' {base}/v1/reviews")


def dev(settings: Settings, host: str, port: int) -> int:
    # Handlers go in first: a Ctrl-C during start-up (cluster, migrations, the
    # demo keys, spawning the children) is honoured at the next step instead of
    # unwinding half-way and leaving a child or the cluster behind.
    stop = threading.Event()

    def _stop(signum: int, frame: object) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, _stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        certificate_paths(settings)
        for sub in ("blobs", "logs"):
            (settings.data_dir / sub).mkdir(parents=True, exist_ok=True)
        with databases(settings, migrate=True) as dbs:
            if stop.is_set():
                return 0
            asyncio.run(_check_role(dbs.app_url))
            assert dbs.admin_url is not None
            _demo(settings, dbs.admin_url, host, port)
            env = export_environment(
                settings, dbs, base64.b64encode(load_master_key(settings)).decode()
            )
            _run_children(host, port, env, stop)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


def _run_children(host: str, port: int, env: dict[str, str], stop: threading.Event) -> None:
    """The API and the job worker, until either exits or a signal comes; both stopped after."""
    cmd = [sys.executable, "-m", "flightline"]
    children: list[subprocess.Popen[bytes]] = []
    try:
        for args in (["serve", "--host", host, "--port", str(port), "--workers", "1"], ["worker"]):
            if stop.is_set():
                return
            children.append(subprocess.Popen([*cmd, *args], env=env))
        while not stop.is_set() and all(c.poll() is None for c in children):
            stop.wait(0.2)
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        # one deadline for both: a slow machine must not add their waits up
        deadline = time.monotonic() + 15
        for child in children:
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
