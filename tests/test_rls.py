"""Each isolation layer proven on its own.

RLS alone: raw SQL with no tenant filter, through the application role.
Filter alone: the repositories' queries under the owner role, whose
`owner_admin` policy lets it see every tenant — only the filter remains.
"""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from flightline.core.db import Database, Tenant, bind_tenant, tenant_session
from flightline.reviews import repository as reviews_repo
from tests.conftest import TenantKeys
from tests.helpers import add_review


async def test_unfiltered_query_sees_only_the_bound_tenant(
    app_db: Database, tenant: TenantKeys, other_tenant: TenantKeys
) -> None:
    mine = await add_review(app_db, tenant.scope())
    theirs = await add_review(app_db, other_tenant.scope())
    async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
        ids = set((await s.execute(text("SELECT id FROM reviews"))).scalars())
        orgs = set((await s.execute(text("SELECT id FROM organizations"))).scalars())
    assert mine.id in ids and theirs.id not in ids
    assert orgs == {tenant.org_id}


async def test_no_tenant_bound_sees_nothing(app_db: Database, tenant: TenantKeys) -> None:
    await add_review(app_db, tenant.scope())
    async with app_db.sessionmaker() as s:
        for table in ("reviews", "organizations", "audit_events"):
            assert (await s.execute(text(f"SELECT count(*) FROM {table}"))).scalar() == 0
        # After a transaction that did bind, the setting reads '' — still nothing.
        await bind_tenant(s, tenant.scope())
        await s.commit()
        assert (await s.execute(text("SELECT count(*) FROM reviews"))).scalar() == 0


async def test_insert_for_another_tenant_is_refused(
    app_db: Database, tenant: TenantKeys, other_tenant: TenantKeys
) -> None:
    with pytest.raises(DBAPIError, match="row-level security"):
        async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
            await s.execute(
                text(
                    "INSERT INTO reviews (org_id, id, sandbox, review_type, status) "
                    "VALUES (:org, :id, false, 'mortgage_v1', 'queued')"
                ),
                {"org": other_tenant.org_id, "id": uuid.uuid4()},
            )


async def test_update_cannot_move_a_row_to_another_tenant(
    app_db: Database, tenant: TenantKeys, other_tenant: TenantKeys
) -> None:
    review = await add_review(app_db, tenant.scope())
    with pytest.raises(DBAPIError):
        async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
            await s.execute(
                text("UPDATE reviews SET org_id = :other WHERE id = :id"),
                {"other": other_tenant.org_id, "id": review.id},
            )


async def test_mode_is_enforced_by_the_policy(app_db: Database, tenant: TenantKeys) -> None:
    live = await add_review(app_db, tenant.scope(False))
    async with tenant_session(app_db.sessionmaker, tenant.scope(True)) as s:
        ids = set((await s.execute(text("SELECT id FROM reviews"))).scalars())
    assert live.id not in ids


async def test_repository_filters_without_rls(
    owner_db: Database, app_db: Database, tenant: TenantKeys, other_tenant: TenantKeys
) -> None:
    mine = await add_review(app_db, tenant.scope())
    theirs = await add_review(app_db, other_tenant.scope())
    async with owner_db.sessionmaker() as s:
        # Proof that RLS is not what filters here: the owner sees both tenants.
        everyone = set((await s.execute(text("SELECT id FROM reviews"))).scalars())
        assert {mine.id, theirs.id} <= everyone
        assert await reviews_repo.get(s, tenant.scope(), theirs.id) is None
        assert (await reviews_repo.get(s, tenant.scope(), mine.id)) is not None
        assert await reviews_repo.get(s, Tenant(tenant.org_id, True), mine.id) is None
        page = await reviews_repo.list_page(
            s,
            tenant.scope(),
            limit=100,
            after=None,
            status=None,
            reference_id=None,
            created_after=None,
            created_before=None,
        )
        assert {r.org_id for r in page} == {tenant.org_id}


async def test_every_tenant_table_has_forced_rls_and_a_policy(owner_db: Database) -> None:
    sql = text(
        """
        SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity,
               (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid) AS policies
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r'
          AND (EXISTS (SELECT 1 FROM pg_attribute a
                       WHERE a.attrelid = c.oid AND a.attname = 'org_id')
               OR c.relname = 'organizations')
        """
    )
    async with owner_db.sessionmaker() as s:
        rows = (await s.execute(sql)).all()
    assert {r.relname for r in rows} >= {"organizations", "api_keys", "reviews", "audit_events"}
    for row in rows:
        assert row.relrowsecurity and row.relforcerowsecurity and row.policies > 0, row.relname


async def test_tenant_foreign_keys_carry_org_id(owner_db: Database) -> None:
    """A foreign key between tenant tables must include org_id (RI checks bypass RLS)."""
    sql = text(
        """
        SELECT con.conname, src.relname AS src, dst.relname AS dst,
               ARRAY(SELECT attname FROM pg_attribute
                     WHERE attrelid = con.conrelid AND attnum = ANY(con.conkey)) AS cols
        FROM pg_constraint con
        JOIN pg_class src ON src.oid = con.conrelid
        JOIN pg_class dst ON dst.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = src.relnamespace
        WHERE con.contype = 'f' AND n.nspname = 'public'
          AND src.relname NOT LIKE 'procrastinate%'
        """
    )
    async with owner_db.sessionmaker() as s:
        rows = (await s.execute(sql)).all()
    assert rows
    for row in rows:
        if row.dst == "organizations":
            assert row.cols == ["org_id"], row.conname
        else:
            assert "org_id" in row.cols, row.conname


async def test_application_role_cannot_rewrite_the_audit_trail(
    app_db: Database, tenant: TenantKeys, client: object
) -> None:
    async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
        await s.execute(
            text(
                "INSERT INTO audit_events"
                " (org_id, id, sandbox, method, route, status, outcome, request_id)"
                " VALUES (:org, :id, false, 'GET', '/x', 200, 'ok', 'req_x')"
            ),
            {"org": tenant.org_id, "id": uuid.uuid4()},
        )
    for statement in (
        "UPDATE audit_events SET outcome = 'forged'",
        "DELETE FROM audit_events",
        "UPDATE audit_events SET hash = '\\x00'::bytea",
    ):
        with pytest.raises(DBAPIError, match="permission denied"):
            async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
                await s.execute(text(statement))


async def test_application_role_cannot_read_api_keys(app_db: Database, tenant: TenantKeys) -> None:
    with pytest.raises(DBAPIError, match="permission denied"):
        async with tenant_session(app_db.sessionmaker, tenant.scope()) as s:
            await s.execute(text("SELECT secret_hash FROM api_keys"))
