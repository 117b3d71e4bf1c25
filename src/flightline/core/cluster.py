"""The private PostgreSQL cluster that lives in the data directory.

With no `FLIGHTLINE_DATABASE_URL`, every command finds its database here:
initdb + pg_ctl from the system binaries, Unix socket only (no TCP), trust
authentication limited by a 0700 socket directory. As root the cluster runs as
an unprivileged system user, because PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import hashlib
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

OWNER_ROLE = "flightline_owner"
APP_ROLE = "flightline_api"
DATABASE = "flightline"
SUPERUSER = "flightline_super"
PORT = 5432
# sun_path is 108 bytes on Linux, including the terminating NUL.
_SOCKET_PATH_LIMIT = 107


class ClusterError(Exception):
    """The private cluster could not be prepared; the message is for the operator."""


def find_pg_bin() -> Path:
    """Directory holding initdb/pg_ctl/postgres, newest installed major first."""
    candidates = sorted(
        Path("/usr/lib/postgresql").glob("*/bin"),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
        reverse=True,
    )
    for candidate in candidates:
        if (candidate / "initdb").exists() and (candidate / "pg_ctl").exists():
            return candidate
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    raise ClusterError(
        "PostgreSQL server binaries not found (install the 'postgresql' package, "
        "or set FLIGHTLINE_DATABASE_URL)"
    )


def _run_as() -> pwd.struct_passwd | None:
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise ClusterError("running as root and no unprivileged user (postgres, nobody) exists")


@dataclass(frozen=True)
class Cluster:
    data_dir: Path

    @property
    def root(self) -> Path:
        return self.data_dir / "pg"

    @property
    def pgdata(self) -> Path:
        return self.root / "data"

    @property
    def log_file(self) -> Path:
        return self.root / "postgres.log"

    @property
    def socket_dir(self) -> Path:
        preferred = self.root / "run"
        if len(str(preferred / f".s.PGSQL.{PORT}")) <= _SOCKET_PATH_LIMIT:
            return preferred
        digest = hashlib.sha256(str(self.data_dir).encode()).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"flightline-{digest}"

    def url(self, role: str, database: str = DATABASE) -> str:
        return f"postgresql+psycopg://{role}@/{database}?host={self.socket_dir}&port={PORT}"

    @property
    def owner_url(self) -> str:
        return self.url(OWNER_ROLE)

    @property
    def app_url(self) -> str:
        return self.url(APP_ROLE)

    # -- process control -------------------------------------------------

    def _cmd(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        user = _run_as()
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LC_ALL": "C.UTF-8",
            "LANG": "C.UTF-8",
        }
        try:
            return subprocess.run(
                args,
                check=check,
                capture_output=True,
                text=True,
                env=env,
                cwd=str(self.root),
                user=user.pw_uid if user else None,
                group=user.pw_gid if user else None,
                timeout=120,
            )
        except subprocess.CalledProcessError as exc:
            detail = (exc.stderr or exc.stdout or "").strip().splitlines()
            raise ClusterError(
                f"{Path(args[0]).name} failed: {detail[-1] if detail else exc.returncode}"
            ) from None

    def _prepare_dirs(self) -> None:
        user = _run_as()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.root.mkdir(mode=0o700, exist_ok=True)
        sock = self.socket_dir
        sock.mkdir(mode=0o700, parents=True, exist_ok=True)
        if user is not None:
            # The cluster user must be able to reach its directory through the data dir.
            os.chmod(self.data_dir, os.stat(self.data_dir).st_mode | 0o111)
            for path in (self.root, sock):
                os.chown(path, user.pw_uid, user.pw_gid)
            probe = subprocess.run(["test", "-w", str(self.root)], user=user.pw_uid, check=False)
            if probe.returncode != 0:
                raise ClusterError(
                    f"user {user.pw_name} cannot reach {self.root}; choose a --data-dir "
                    "whose parent directories it can traverse (for example under /var/lib or /tmp)"
                )
        os.chmod(sock, 0o700)

    @property
    def initialised(self) -> bool:
        return (self.pgdata / "PG_VERSION").exists()

    def is_running(self) -> bool:
        if not self.initialised:
            return False
        result = self._cmd(
            str(find_pg_bin() / "pg_ctl"), "status", "-D", str(self.pgdata), check=False
        )
        return result.returncode == 0

    def init(self) -> None:
        self._prepare_dirs()
        if self.initialised:
            return
        self._cmd(
            str(find_pg_bin() / "initdb"),
            "-D",
            str(self.pgdata),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        )
        with open(self.pgdata / "postgresql.auto.conf", "a", encoding="utf-8") as conf:
            conf.write(
                "listen_addresses = ''\n"
                "unix_socket_permissions = 0700\n"
                "max_connections = 200\n"
                "shared_buffers = '256MB'\n"
                "fsync = on\n"
            )

    def start(self) -> bool:
        """Start the cluster; True when this call started it (the caller then stops it)."""
        self.init()
        if self.is_running():
            return False
        self._prepare_dirs()
        self._cmd(
            str(find_pg_bin() / "pg_ctl"),
            "start",
            "-w",
            "-t",
            "60",
            "-D",
            str(self.pgdata),
            "-l",
            str(self.log_file),
            "-o",
            f"-k {self.socket_dir} -p {PORT}",
        )
        self._bootstrap()
        return True

    def stop(self) -> None:
        if self.is_running():
            self._cmd(
                str(find_pg_bin() / "pg_ctl"), "stop", "-w", "-m", "fast", "-D", str(self.pgdata)
            )

    def _psql(self, sql: str, database: str = "postgres") -> str:
        result = self._cmd(
            str(find_pg_bin() / "psql"),
            "-X",
            "-q",
            "-t",
            "-A",
            "-v",
            "ON_ERROR_STOP=1",
            "-h",
            str(self.socket_dir),
            "-p",
            str(PORT),
            "-U",
            SUPERUSER,
            "-d",
            database,
            "-c",
            sql,
        )
        return result.stdout.strip()

    def _bootstrap(self) -> None:
        """Create the owner and application roles and the database, once."""
        self._psql(
            f"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{OWNER_ROLE}') THEN
                CREATE ROLE {OWNER_ROLE} LOGIN CREATEROLE;
              END IF;
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{APP_ROLE}') THEN
                CREATE ROLE {APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
              END IF;
            END $$;
            """
        )
        if self._psql(f"SELECT 1 FROM pg_database WHERE datname = '{DATABASE}'") != "1":
            self._psql(f"CREATE DATABASE {DATABASE} OWNER {OWNER_ROLE}")
        self._psql(
            f"REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC; "
            f"GRANT CONNECT ON DATABASE {DATABASE} TO {APP_ROLE}; "
            f"REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            database=DATABASE,
        )

    def create_database(self, name: str) -> str:
        """A fresh database owned by the owner role (tests use one per run)."""
        self._psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        self._psql(f"CREATE DATABASE {name} OWNER {OWNER_ROLE}")
        self._psql(
            f"REVOKE ALL ON DATABASE {name} FROM PUBLIC; "
            f"GRANT CONNECT ON DATABASE {name} TO {APP_ROLE}; "
            f"REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            database=name,
        )
        return name

    def superuser_url(self, database: str = DATABASE) -> str:
        return self.url(SUPERUSER, database)


@contextmanager
def throwaway_cluster(prefix: str = "flightline-") -> Iterator[Cluster]:
    """A migrated private cluster in a fresh directory, removed afterwards
    (tests and benchmarks). Under /tmp directly: as root the cluster runs as an
    unprivileged user that must be able to reach it, and pytest's own temporary
    root is 0700."""
    from flightline.migrations.runner import upgrade

    root = Path(tempfile.mkdtemp(prefix=prefix))
    os.chmod(root, 0o711)
    cluster = Cluster(root)
    cluster.start()
    try:
        upgrade(cluster.owner_url, cluster.app_url)
        yield cluster
    finally:
        cluster.stop()
        shutil.rmtree(root, ignore_errors=True)
