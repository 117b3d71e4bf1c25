"""The `flightline` command."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys

import psycopg
import sqlalchemy.exc

from flightline import __version__
from flightline.cli import admin, server
from flightline.cli.runtime import databases, require_admin
from flightline.core.cluster import ClusterError
from flightline.core.db import PrivilegedRoleError
from flightline.core.errors import AdminError
from flightline.core.logging import configure_logging
from flightline.core.settings import ConfigError, load_settings
from flightline.migrations.runner import upgrade
from flightline.rules.policy import PolicyError


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        default=argparse.SUPPRESS,
        help="data directory (default: FLIGHTLINE_DATA_DIR, else ./.flightline)",
    )
    parser = argparse.ArgumentParser(prog="flightline", parents=[common])
    parser.add_argument("--version", action="version", version=f"flightline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "dev", parents=[common], help="run everything locally (API, worker, database)"
    )
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p = sub.add_parser("serve", parents=[common], help="run the API (HTTPS)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8443)
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--server", choices=("uvicorn", "granian"), default="uvicorn")
    p = sub.add_parser("worker", parents=[common], help="run background jobs")
    p.add_argument("--concurrency", type=int, default=4)
    sub.add_parser("migrate", parents=[common], help="apply database migrations (owner role)")
    admin.add_parsers(sub, common)
    return parser


def _migrate(settings_dir: str | None) -> int:
    settings = load_settings(settings_dir)
    with databases(settings) as dbs:
        upgrade(require_admin(dbs), dbs.app_url)
    print('{"migrated": true}')
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(getattr(args, "data_dir", None))
        configure_logging(settings.log_level)
        if args.command == "dev":
            return server.dev(settings, args.host, args.port)
        if args.command == "serve":
            return server.serve(settings, args.host, args.port, args.workers, args.server)
        if args.command == "worker":
            return server.worker(settings, args.concurrency)
        if args.command == "migrate":
            return _migrate(getattr(args, "data_dir", None))
        with databases(settings, migrate=settings.uses_private_cluster) as dbs:
            return asyncio.run(admin.run_admin(require_admin(dbs), args))
    except (ConfigError, ClusterError, PrivilegedRoleError, AdminError, PolicyError) as exc:
        print(f"flightline: {exc}", file=sys.stderr)
        return 1
    except (
        sqlalchemy.exc.OperationalError,
        sqlalchemy.exc.InterfaceError,
        psycopg.OperationalError,
    ) as exc:
        # The driver's message can name hosts and users; the class is enough to act on.
        print(
            f"flightline: the database is unavailable ({type(exc).__name__}); "
            "check FLIGHTLINE_DATABASE_URL and that PostgreSQL is running",
            file=sys.stderr,
        )
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
