"""The service refuses to run as a role that would make RLS meaningless."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from flightline.core.cluster import Cluster
from flightline.core.db import Database, PrivilegedRoleError, check_app_role


async def test_application_role_passes(app_db: Database) -> None:
    await check_app_role(app_db.engine)


async def test_superuser_is_refused(super_db: Database) -> None:
    with pytest.raises(PrivilegedRoleError, match="superuser"):
        await check_app_role(super_db.engine)


async def test_table_owner_is_refused(owner_db: Database) -> None:
    with pytest.raises(PrivilegedRoleError, match="owns tables"):
        await check_app_role(owner_db.engine)


@pytest.mark.parametrize("command", ["serve", "worker"])
@pytest.mark.parametrize("role", ["super", "owner"])
def test_commands_refuse_to_start(cluster: Cluster, command: str, role: str) -> None:
    url = cluster.superuser_url() if role == "super" else cluster.owner_url
    env = dict(os.environ, FLIGHTLINE_DATABASE_URL=url, FLIGHTLINE_MASTER_KEY="A" * 43 + "=")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flightline",
            command,
            "--data-dir",
            str(cluster.data_dir),
            "--port",
            "0",
        ]
        if command == "serve"
        else [sys.executable, "-m", "flightline", command, "--data-dir", str(cluster.data_dir)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "application database role" in result.stderr
    assert "Traceback" not in result.stderr
