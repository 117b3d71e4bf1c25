"""Engine, sessions and tenant binding.

Every tenant-scoped transaction starts by binding the organization (and mode)
with transaction-local `set_config`, which the RLS policies read. A session is
never bound with session-level `SET`: that would survive the transaction and
leak the tenant into the next user of the pooled connection.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
from sqlalchemy import Connection, MetaData, event, text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase, Session


class Base(DeclarativeBase):
    metadata = MetaData(
        naming_convention={
            "ix": "ix_%(table_name)s_%(column_0_N_name)s",
            "uq": "uq_%(table_name)s_%(column_0_N_name)s",
            "ck": "ck_%(table_name)s_%(constraint_name)s",
            "fk": "fk_%(table_name)s_%(column_0_N_name)s",
            "pk": "pk_%(table_name)s",
        }
    )


@dataclass(frozen=True, slots=True)
class Tenant:
    """Who a transaction acts for: one organization, in one mode."""

    org_id: uuid.UUID
    sandbox: bool


_BIND_SQL = text(
    "SELECT set_config('app.org_id', :org_id, true), set_config('app.sandbox', :sandbox, true)"
)


def rebind_on_begin(session: AsyncSession, tenant: Tenant) -> None:
    """Bind every later transaction of this session to `tenant` as it begins.

    A create ends the authentication transaction before it streams the body
    (an upload can outlast any sane idle-in-transaction limit); what follows
    must be bound exactly as the first transaction was.
    """

    def _bind(sync_session: Session, transaction: object, connection: Connection) -> None:
        connection.execute(
            _BIND_SQL,
            {"org_id": str(tenant.org_id), "sandbox": "on" if tenant.sandbox else "off"},
        )

    event.listen(session.sync_session, "after_begin", _bind)


async def bind_tenant(session: AsyncSession, tenant: Tenant) -> None:
    await session.execute(
        _BIND_SQL, {"org_id": str(tenant.org_id), "sandbox": "on" if tenant.sandbox else "off"}
    )


def make_engine(
    url: str, *, pool_size: int = 10, application_name: str = "flightline"
) -> AsyncEngine:
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=pool_size,
        pool_pre_ping=False,
        pool_timeout=5,
        connect_args={
            "application_name": application_name,
            "connect_timeout": 5,
            # A runaway query must not hold a request or a tenant's rows forever.
            "options": "-c statement_timeout=30000 -c idle_in_transaction_session_timeout=60000",
        },
    )


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


@asynccontextmanager
async def tenant_session(
    sessionmaker: async_sessionmaker[AsyncSession], tenant: Tenant
) -> AsyncIterator[AsyncSession]:
    """One transaction bound to `tenant`, committed on success (jobs and admin use it)."""
    async with sessionmaker() as session, session.begin():
        await bind_tenant(session, tenant)
        yield session


async def driver_connection(session: AsyncSession) -> psycopg.AsyncConnection[Any]:
    """The psycopg connection under the session's transaction.

    The request path's two fixed statements (key lookup with tenant binding,
    audit insert) run on it directly: measured in docs/BENCHMARKS.md, going
    through SQLAlchemy costs more CPU than the database work itself.
    """
    conn = await session.connection()
    raw = await conn.get_raw_connection()
    driver = raw.driver_connection
    assert isinstance(driver, psycopg.AsyncConnection)
    return driver


class PrivilegedRoleError(Exception):
    """The application role could bypass row-level security; refuse to run."""


_ROLE_CHECK_SQL = text(
    """
    SELECT
      r.rolsuper, r.rolbypassrls,
      EXISTS (
        SELECT 1 FROM pg_roles o
        WHERE (o.rolsuper OR o.rolbypassrls) AND o.oid <> r.oid
          AND pg_has_role(r.oid, o.oid, 'USAGE')
      ) AS inherits_privileged,
      EXISTS (
        SELECT 1 FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast')
          AND pg_has_role(r.oid, c.relowner, 'USAGE')
      ) AS owns_relation
    FROM pg_roles r WHERE r.rolname = current_user
    """
)


async def check_app_role(engine: AsyncEngine) -> None:
    """Raise `PrivilegedRoleError` when the role would make RLS meaningless."""
    async with engine.connect() as conn:
        row = (await conn.execute(_ROLE_CHECK_SQL)).one()
    problems = []
    if row.rolsuper:
        problems.append("is a superuser")
    if row.rolbypassrls:
        problems.append("has BYPASSRLS")
    if row.inherits_privileged:
        problems.append("can assume a superuser or BYPASSRLS role")
    if row.owns_relation:
        problems.append("owns tables (or can act as their owner)")
    if problems:
        raise PrivilegedRoleError(
            "the application database role "
            + ", ".join(problems)
            + "; connect as a role that owns nothing, is not superuser and has no BYPASSRLS"
        )


class Database:
    """The application role's engine and session factory for one process."""

    def __init__(
        self, url: str, *, pool_size: int = 10, application_name: str = "flightline"
    ) -> None:
        self.engine = make_engine(url, pool_size=pool_size, application_name=application_name)
        self.sessionmaker = make_sessionmaker(self.engine)

    async def dispose(self) -> None:
        await self.engine.dispose()
