"""Test fixtures: a throwaway PostgreSQL cluster (the same code as the private
cluster of `flightline dev`), migrated once, and the app wired to it as the
application role. Tests isolate themselves by creating their own tenants."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI
from hypothesis import settings as hypothesis_settings

from flightline.app import create_app
from flightline.auth import service as key_service
from flightline.core.cluster import Cluster, throwaway_cluster
from flightline.core.db import Database, Tenant
from flightline.core.settings import Settings, load_settings
from flightline.orgs import service as org_service

# Property tests are derandomized by default so CI is reproducible: a run
# fails on the code, never on the draw. HYPOTHESIS_PROFILE=explore draws
# fresh examples (and more of them) to look for new failures.
hypothesis_settings.register_profile("ci", derandomize=True)
hypothesis_settings.register_profile("explore", max_examples=1000)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    with throwaway_cluster("flightline-test-") as cluster:
        yield cluster


@pytest.fixture(scope="session")
def settings(cluster: Cluster) -> Settings:
    return load_settings(cluster.data_dir)


@pytest.fixture(scope="session")
async def app_db(cluster: Cluster) -> AsyncIterator[Database]:
    db = Database(cluster.app_url, pool_size=5)
    yield db
    await db.dispose()


@pytest.fixture(scope="session")
async def owner_db(cluster: Cluster) -> AsyncIterator[Database]:
    db = Database(cluster.owner_url, pool_size=2)
    yield db
    await db.dispose()


@pytest.fixture(scope="session")
async def super_db(cluster: Cluster) -> AsyncIterator[Database]:
    db = Database(cluster.superuser_url(), pool_size=1)
    yield db
    await db.dispose()


@pytest.fixture(scope="session")
def app(settings: Settings, app_db: Database) -> FastAPI:
    return create_app(settings, database=app_db)


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as c:
        yield c


@dataclass
class TenantKeys:
    org_id: uuid.UUID
    live: str
    test: str
    live_key_id: str
    test_key_id: str

    def scope(self, sandbox: bool = False) -> Tenant:
        return Tenant(self.org_id, sandbox)

    def headers(self, sandbox: bool = False) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.test if sandbox else self.live}"}


async def make_tenant(owner_db: Database, name: str = "Tenant") -> TenantKeys:
    async with owner_db.sessionmaker() as session, session.begin():
        org = await org_service.create(session, name)
        live = await key_service.create(session, org.id, "live", sandbox=False)
        test = await key_service.create(session, org.id, "test", sandbox=True)
    return TenantKeys(org.id, live.secret, test.secret, live.key.key_id, test.key.key_id)


@pytest.fixture
async def tenant(owner_db: Database) -> TenantKeys:
    return await make_tenant(owner_db, "Tenant A")


@pytest.fixture
async def other_tenant(owner_db: Database) -> TenantKeys:
    return await make_tenant(owner_db, "Tenant B")
