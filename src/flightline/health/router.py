"""Unauthenticated liveness and readiness."""

from __future__ import annotations

from fastapi import APIRouter, Request
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from flightline.core.db import Database
from flightline.core.errors import ServiceUnavailable
from flightline.migrations.runner import head_revision

router = APIRouter(tags=["health"])
_HEAD = head_revision()


@router.get("/healthz", summary="The process is up")
async def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", summary="The database answers and migrations are current")
async def readyz(request: Request) -> dict[str, str]:
    db: Database = request.app.state.db
    try:
        async with db.engine.connect() as conn:
            version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar()
    except (SQLAlchemyError, OSError, TimeoutError):
        raise ServiceUnavailable(
            "The database is not reachable.", headers={"Retry-After": "5"}
        ) from None
    if version != _HEAD:
        raise ServiceUnavailable(
            "Database migrations are not current.", headers={"Retry-After": "30"}
        )
    return {"status": "ready"}
