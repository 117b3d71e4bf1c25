"""`flightline admin …` as an operator runs it: JSON on stdout, errors on stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

import pytest

from flightline.core.cluster import Cluster


def flightline(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flightline", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def run(cluster: Cluster, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ,
        FLIGHTLINE_DATABASE_URL=cluster.app_url,
        FLIGHTLINE_DATABASE_ADMIN_URL=cluster.owner_url,
        FLIGHTLINE_MASTER_KEY="B" * 43 + "=",
    )
    return flightline(env, *args)


def ok(cluster: Cluster, *args: str) -> dict[str, Any]:
    result = run(cluster, *args)
    assert result.returncode == 0, result.stderr
    out: dict[str, Any] = json.loads(result.stdout)
    return out


def test_version(cluster: Cluster) -> None:
    result = run(cluster, "--version")
    assert result.returncode == 0 and result.stdout.startswith("flightline ")


def test_org_and_key_lifecycle(cluster: Cluster) -> None:
    org_id = ok(cluster, "admin", "org", "create", "--name", "Lender One")["org_id"]
    created = ok(cluster, "admin", "key", "create", "--org", org_id, "--name", "ci", "--sandbox")
    assert created["secret"].startswith("fl_test_") and created["mode"] == "sandbox"
    assert set(created) == {"key_id", "org_id", "name", "mode", "secret"}
    listed = ok(cluster, "admin", "key", "list", "--org", org_id)["data"]
    assert [k["key_id"] for k in listed] == [created["key_id"]]
    assert "secret" not in json.dumps(listed) and created["secret"] not in json.dumps(listed)
    rotated = ok(cluster, "admin", "key", "rotate", created["key_id"], "--grace-seconds", "60")
    assert rotated["key_id"] == created["key_id"] and rotated["secret"] != created["secret"]
    revoked = ok(cluster, "admin", "key", "revoke", created["key_id"])
    assert revoked["revoked_at"] is not None and "secret" not in revoked
    org = ok(cluster, "admin", "org", "suspend", org_id)
    assert org == {
        "org_id": org_id,
        "name": "Lender One",
        "status": "suspended",
        "retention_days": 365,
    }
    assert ok(cluster, "admin", "org", "activate", org_id)["status"] == "active"
    assert ok(cluster, "admin", "org", "retention", org_id, "--days", "30")["retention_days"] == 30
    verified = ok(cluster, "admin", "audit", "verify", "--org", org_id)
    assert verified["ok"] is True


@pytest.mark.parametrize(
    "args",
    [
        ("admin", "org", "suspend", "00000000-0000-0000-0000-000000000000"),
        ("admin", "org", "suspend", "not-a-uuid"),
        ("admin", "key", "revoke", "key_doesnotexist"),
        ("admin", "key", "create", "--org", "00000000-0000-0000-0000-000000000000", "--name", "x"),
        ("admin", "org", "create", "--name", "   "),
    ],
)
def test_errors_are_one_line_on_stderr_and_exit_1(cluster: Cluster, args: tuple[str, ...]) -> None:
    result = run(cluster, *args)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1


def test_usage_error_exits_2(cluster: Cluster) -> None:
    assert run(cluster, "admin", "key", "frobnicate").returncode == 2


def test_admin_needs_the_owner_url_with_an_external_database(cluster: Cluster) -> None:
    env = dict(
        os.environ, FLIGHTLINE_DATABASE_URL=cluster.app_url, FLIGHTLINE_MASTER_KEY="B" * 43 + "="
    )
    env.pop("FLIGHTLINE_DATABASE_ADMIN_URL", None)
    result = flightline(env, "admin", "org", "create", "--name", "x")
    assert result.returncode == 1 and "FLIGHTLINE_DATABASE_ADMIN_URL" in result.stderr


def test_malformed_setting_is_one_clear_line(cluster: Cluster) -> None:
    env = dict(
        os.environ, FLIGHTLINE_DATABASE_URL="mysql://nope", FLIGHTLINE_MASTER_KEY="B" * 43 + "="
    )
    result = flightline(env, "admin", "org", "create", "--name", "x")
    assert result.returncode == 1
    assert result.stderr.startswith("flightline: invalid setting FLIGHTLINE_DATABASE_URL")
    assert "Traceback" not in result.stderr


def test_an_unreachable_database_is_one_clear_line_not_a_traceback(cluster: Cluster) -> None:
    # A port nothing listens on: every command must say so and exit 1.
    url = "postgresql+psycopg://flightline@127.0.0.1:9/flightline"
    env = dict(
        os.environ,
        FLIGHTLINE_DATABASE_URL=url,
        FLIGHTLINE_DATABASE_ADMIN_URL=url,
        FLIGHTLINE_MASTER_KEY="B" * 43 + "=",
    )
    for args in (("worker",), ("admin", "org", "create", "--name", "x")):
        result = flightline(env, *args)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr
        assert "database is unavailable" in result.stderr
