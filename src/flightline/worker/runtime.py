"""Process-wide resources of a worker, set once when it starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flightline.core.db import Database

if TYPE_CHECKING:
    from flightline.reviews.intake import IntakeDeps

_database: Database | None = None
_intake: IntakeDeps | None = None


def configure(database: Database | None, intake: IntakeDeps | None = None) -> None:
    global _database, _intake
    _database = database
    _intake = intake


def set_database(database: Database | None) -> None:
    global _database
    _database = database


def database() -> Database:
    if _database is None:
        raise RuntimeError("the worker's database is not configured")
    return _database


def intake() -> IntakeDeps:
    if _intake is None:
        raise RuntimeError("the worker's intake is not configured")
    return _intake
