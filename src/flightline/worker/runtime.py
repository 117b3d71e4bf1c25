"""Process-wide resources of a worker, set once when it starts."""

from __future__ import annotations

from flightline.core.db import Database

_database: Database | None = None


def set_database(database: Database | None) -> None:
    global _database
    _database = database


def database() -> Database:
    if _database is None:
        raise RuntimeError("the worker's database is not configured")
    return _database
