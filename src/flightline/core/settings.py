"""Configuration from the environment (`FLIGHTLINE_` prefix).

A missing or malformed setting must stop start-up with one clear line, so
`load_settings` turns pydantic's error into a `ConfigError` the CLI prints.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class ConfigError(Exception):
    """A setting is missing or malformed; the message is one line for the operator."""


def _normalise_pg_url(url: str) -> str:
    # Operators paste libpq URLs; SQLAlchemy needs the driver named.
    for prefix in ("postgresql+psycopg://", "postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    raise ValueError("must start with postgresql:// or postgresql+psycopg://")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FLIGHTLINE_", extra="ignore")

    data_dir: Path = Path(".flightline")
    database_url: str | None = None
    database_admin_url: str | None = None
    master_key: str | None = None
    storage_url: str | None = None
    s3_endpoint_url: str | None = None
    tls_cert: Path | None = None
    tls_key: Path | None = None
    trusted_proxies: Annotated[list[str], NoDecode] = Field(default_factory=list)
    redis_url: str | None = None
    rate_limits: str = "read=25/50,create=5/10"
    log_level: str = "INFO"
    max_upload_bytes: int = Field(default=2 * 1024**3, gt=0)
    max_document_bytes: int = Field(default=100 * 1024**2, gt=0)
    max_documents: int = Field(default=500, gt=0)
    max_package_bytes: int = Field(default=2 * 1024**3, gt=0)
    max_compression_ratio: int = Field(default=200, gt=0)
    outbound_allow: Annotated[list[str], NoDecode] = Field(default_factory=list)
    outbound_ca_file: Path | None = None
    webhook_retry_schedule: Annotated[list[int], NoDecode] = Field(default_factory=list)
    db_pool_size: int = Field(default=20, gt=0)
    audit_seal_interval_seconds: float = Field(default=2.0, gt=0)
    # A job whose worker has not beaten its heartbeat for this long is retried.
    stalled_job_seconds: float = Field(default=60, gt=0)
    worker_heartbeat_seconds: float = Field(default=10, gt=0)
    # Benchmark-only routes (an unauthenticated body sink); never in production.
    bench_endpoints: bool = False

    @field_validator("database_url", "database_admin_url")
    @classmethod
    def _pg_url(cls, value: str | None) -> str | None:
        return None if value in (None, "") else _normalise_pg_url(value)

    @field_validator("trusted_proxies", "outbound_allow", mode="before")
    @classmethod
    def _csv(cls, value: object) -> object:
        if isinstance(value, str):
            return [item.strip() for item in value.split(",") if item.strip()]
        return value

    @field_validator("webhook_retry_schedule", mode="before")
    @classmethod
    def _csv_ints(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(item) for item in value.split(",") if item.strip()]
        return value

    @field_validator("log_level")
    @classmethod
    def _level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR"}:
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return level

    @property
    def uses_private_cluster(self) -> bool:
        return self.database_url is None


def load_settings(data_dir: str | Path | None = None) -> Settings:
    """Read settings; `data_dir` (the --data-dir flag) wins over the environment."""
    overrides: dict[str, object] = {}
    if data_dir is not None:
        overrides["data_dir"] = Path(data_dir)
    try:
        settings = Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = "FLIGHTLINE_" + str(first["loc"][0]).upper() if first["loc"] else "settings"
        raise ConfigError(f"invalid setting {name}: {first['msg']}") from None
    settings.data_dir = settings.data_dir.expanduser().absolute()
    return settings


@lru_cache(maxsize=1)
def environment_settings() -> Settings:
    """Settings for processes started by the CLI (the CLI exports FLIGHTLINE_DATA_DIR)."""
    return load_settings(os.environ.get("FLIGHTLINE_DATA_DIR"))
