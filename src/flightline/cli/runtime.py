"""How every command finds its database (OPERATIONS.md): the configured URLs,
else the private cluster in the data directory, started on demand and stopped
again by the command that started it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from flightline.core.cluster import Cluster
from flightline.core.settings import ConfigError, Settings
from flightline.migrations.runner import upgrade


@dataclass(frozen=True)
class Databases:
    app_url: str
    admin_url: str | None
    cluster: Cluster | None


@contextmanager
def databases(settings: Settings, *, migrate: bool = False) -> Iterator[Databases]:
    if settings.database_url is not None:
        yield Databases(settings.database_url, settings.database_admin_url, None)
        return
    cluster = Cluster(settings.data_dir)
    started = cluster.start()
    try:
        if migrate:
            upgrade(cluster.owner_url, cluster.app_url)
        yield Databases(cluster.app_url, cluster.owner_url, cluster)
    finally:
        if started:
            cluster.stop()


def require_admin(dbs: Databases) -> str:
    if dbs.admin_url is None:
        raise ConfigError(
            "FLIGHTLINE_DATABASE_ADMIN_URL is required (the owner role) for migrations "
            "and admin commands with an external database"
        )
    return dbs.admin_url


def export_environment(
    settings: Settings, dbs: Databases, master_key_b64: str | None
) -> dict[str, str]:
    """Environment for child processes (API workers, the job worker) of this command."""
    env = dict(os.environ)
    env["FLIGHTLINE_DATA_DIR"] = str(settings.data_dir)
    env["FLIGHTLINE_DATABASE_URL"] = dbs.app_url
    # The owner's credentials are for operators, never for the service.
    env.pop("FLIGHTLINE_DATABASE_ADMIN_URL", None)
    if master_key_b64:
        env["FLIGHTLINE_MASTER_KEY"] = master_key_b64
    return env
