"""Process-wide resources of a worker, set once when it starts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flightline.core.db import Database

if TYPE_CHECKING:
    from flightline.pipeline.service import PipelineDeps
    from flightline.reviews.intake import IntakeDeps

_database: Database | None = None
_intake: IntakeDeps | None = None
_pipeline: PipelineDeps | None = None


def configure(
    database: Database | None,
    intake: IntakeDeps | None = None,
    pipeline: PipelineDeps | None = None,
) -> None:
    global _database, _intake, _pipeline
    _database = database
    _intake = intake
    _pipeline = pipeline


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


def pipeline() -> PipelineDeps:
    if _pipeline is None:
        raise RuntimeError("the worker's pipeline is not configured")
    return _pipeline


_stalled_seconds = 60.0


def set_stalled_job_seconds(seconds: float) -> None:
    global _stalled_seconds
    _stalled_seconds = seconds


def stalled_job_seconds() -> float:
    return _stalled_seconds
