"""Backbone: organizations, API keys, reviews, audit events, roles, RLS, job queue.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

from alembic import op
from procrastinate.schema import SchemaManager

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# The policy expression every tenant table uses. `NULLIF(..., '')` because a
# connection that once bound a tenant reads the setting back as '' (not NULL)
# after that transaction ends, and ''::uuid would raise instead of matching
# nothing. The scalar subquery makes the planner evaluate it once per statement.
ORG = "(SELECT NULLIF(current_setting('app.org_id', true), '')::uuid)"
MODE = "(SELECT NULLIF(current_setting('app.sandbox', true), '')::boolean)"

ROLES = """
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flightline_app') THEN
    CREATE ROLE flightline_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flightline_keyreader') THEN
    CREATE ROLE flightline_keyreader NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'flightline_sealer') THEN
    CREATE ROLE flightline_sealer NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END $$;
-- The owner transfers function ownership to the two narrow roles below.
GRANT flightline_keyreader TO CURRENT_USER;
GRANT flightline_sealer TO CURRENT_USER;
CREATE SCHEMA flightline_private;
REVOKE ALL ON SCHEMA flightline_private FROM PUBLIC;
GRANT USAGE ON SCHEMA flightline_private TO flightline_app, flightline_keyreader, flightline_sealer;
GRANT USAGE ON SCHEMA public TO flightline_app, flightline_keyreader, flightline_sealer;
-- Needed only while ownership of the private functions is handed over (revoked below).
GRANT CREATE ON SCHEMA flightline_private TO flightline_keyreader, flightline_sealer;
"""

TABLES = """
CREATE TABLE organizations (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  retention_days integer NOT NULL DEFAULT 365 CHECK (retention_days BETWEEN 1 AND 36500),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_keys (
  org_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL,
  key_id text NOT NULL UNIQUE,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  mode text NOT NULL CHECK (mode IN ('live', 'sandbox')),
  secret_hash bytea NOT NULL UNIQUE CHECK (length(secret_hash) = 32),
  previous_secret_hash bytea CHECK (length(previous_secret_hash) = 32),
  previous_expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz,
  PRIMARY KEY (org_id, id)
);
CREATE INDEX ix_api_keys_previous_secret_hash ON api_keys (previous_secret_hash)
  WHERE previous_secret_hash IS NOT NULL;

CREATE TABLE reviews (
  org_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL,
  sandbox boolean NOT NULL,
  review_type text NOT NULL,
  status text NOT NULL CHECK (status IN
    ('awaiting_documents', 'queued', 'processing', 'completed', 'failed')),
  reference_id text CHECK (length(reference_id) <= 255),
  label text CHECK (length(label) <= 500),
  metadata jsonb NOT NULL DEFAULT '{}'::jsonb,
  document_count integer NOT NULL DEFAULT 0,
  report_available boolean NOT NULL DEFAULT false,
  failure_code text,
  failure_message text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  -- Per organization and mode: a global unique would tell one tenant that
  -- another already uses a reference id.
  UNIQUE (org_id, sandbox, reference_id)
);
CREATE INDEX ix_reviews_listing ON reviews (org_id, sandbox, created_at DESC, id DESC);

CREATE TABLE audit_events (
  org_id uuid NOT NULL REFERENCES organizations (id),
  id uuid NOT NULL,
  sandbox boolean NOT NULL,
  occurred_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  key_id text,
  method text NOT NULL,
  route text NOT NULL,
  status integer NOT NULL,
  outcome text NOT NULL,
  request_id text NOT NULL,
  duration_ms integer,
  action text,
  resource_id text,
  chain_seq bigint,
  prev_hash bytea,
  hash bytea,
  PRIMARY KEY (org_id, id)
);
-- Partial: unsealed rows (chain_seq NULL) cost no entry on the request path.
CREATE UNIQUE INDEX uq_audit_events_chain ON audit_events (org_id, chain_seq)
  WHERE chain_seq IS NOT NULL;
CREATE INDEX ix_audit_events_listing ON audit_events (org_id, sandbox, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_events_unsealed ON audit_events (org_id, occurred_at, id) WHERE hash IS NULL;
"""

POLICIES = f"""
ALTER TABLE organizations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organizations FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON organizations USING (id = {ORG});

ALTER TABLE api_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON api_keys USING (org_id = {ORG}) WITH CHECK (org_id = {ORG});

ALTER TABLE reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE reviews FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON reviews
  USING (org_id = {ORG} AND sandbox = {MODE})
  WITH CHECK (org_id = {ORG} AND sandbox = {MODE});

ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_events FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON audit_events
  USING (org_id = {ORG} AND sandbox = {MODE})
  WITH CHECK (org_id = {ORG} AND sandbox = {MODE});

-- The owner role administers every tenant (CLI `admin`, migrations): FORCE
-- binds the owner too, so it gets an explicit, named policy rather than an
-- implicit bypass. The application role never has it.
CREATE POLICY owner_admin ON organizations TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_admin ON api_keys TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_admin ON reviews TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY owner_admin ON audit_events TO CURRENT_USER USING (true) WITH CHECK (true);

-- The key lookup runs before any tenant is bound; it is the one narrow path
-- that may read keys across tenants (flightline_private.authenticate).
CREATE POLICY keyreader ON api_keys TO flightline_keyreader USING (true);
CREATE POLICY keyreader ON organizations TO flightline_keyreader USING (true);

-- The sealer finds unsealed events in every organization but writes the
-- chain of the bound organization only.
CREATE POLICY sealer_read ON audit_events FOR SELECT TO flightline_sealer USING (true);
CREATE POLICY sealer_write ON audit_events FOR UPDATE TO flightline_sealer
  USING (org_id = {ORG}) WITH CHECK (org_id = {ORG});
"""

GRANTS = """
REVOKE ALL ON organizations, api_keys, reviews, audit_events FROM PUBLIC;
GRANT SELECT ON organizations TO flightline_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON reviews TO flightline_app;
-- Append-only for the application: no UPDATE, no DELETE.
GRANT SELECT, INSERT ON audit_events TO flightline_app;
GRANT SELECT ON api_keys, organizations TO flightline_keyreader;
GRANT UPDATE (last_used_at) ON api_keys TO flightline_keyreader;
GRANT SELECT ON audit_events TO flightline_sealer;
GRANT UPDATE (chain_seq, prev_hash, hash) ON audit_events TO flightline_sealer;
GRANT SELECT ON alembic_version TO flightline_app;
"""

AUTHENTICATE = """
CREATE FUNCTION flightline_private.authenticate(p_hash bytea, p_relaxed_commit boolean)
RETURNS TABLE (key_pk uuid, key_id text, org_id uuid, mode text, org_status text, matched bytea)
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  k record;
BEGIN
  SELECT a.id, a.key_id, a.org_id, a.mode, o.status, a.last_used_at,
         CASE WHEN a.secret_hash = p_hash THEN a.secret_hash ELSE a.previous_secret_hash END AS h
    INTO k
    FROM public.api_keys a
    JOIN public.organizations o ON o.id = a.org_id
   WHERE a.revoked_at IS NULL
     AND (a.secret_hash = p_hash
          OR (a.previous_secret_hash = p_hash AND a.previous_expires_at > now()))
   LIMIT 1;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF k.status = 'active' THEN
    -- Bind the transaction to the key's tenant: same effect as the
    -- set_config every job runs, saved a round trip on the request path.
    PERFORM set_config('app.org_id', k.org_id::text, true);
    PERFORM set_config('app.sandbox', CASE WHEN k.mode = 'sandbox' THEN 'on' ELSE 'off' END, true);
    IF p_relaxed_commit THEN
      PERFORM set_config('synchronous_commit', 'off', true);
    END IF;
    -- At most one write a minute per key; a row another request is already
    -- touching is skipped rather than waited for.
    IF k.last_used_at IS NULL OR k.last_used_at < now() - interval '60 seconds' THEN
      UPDATE public.api_keys SET last_used_at = now()
       WHERE (api_keys.org_id, api_keys.id) IN (
         SELECT x.org_id, x.id FROM public.api_keys x
          WHERE x.org_id = k.org_id AND x.id = k.id
          FOR UPDATE SKIP LOCKED);
    END IF;
  END IF;
  RETURN QUERY SELECT k.id, k.key_id, k.org_id, k.mode, k.status, k.h;
END;
$$;
ALTER FUNCTION flightline_private.authenticate(bytea, boolean) OWNER TO flightline_keyreader;
REVOKE ALL ON FUNCTION flightline_private.authenticate(bytea, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flightline_private.authenticate(bytea, boolean) TO flightline_app;
"""

# Canonical text of an event; `flightline.audit.chain` computes the same bytes.
CANONICAL = """concat_ws('|',
      v_seq::text, e.id::text, e.org_id::text,
      CASE WHEN e.sandbox THEN 'sandbox' ELSE 'live' END,
      to_char(e.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
      coalesce(e.key_id, ''), e.method, e.route, e.status::text, e.outcome, e.request_id,
      coalesce(e.duration_ms::text, ''), coalesce(e.action, ''), coalesce(e.resource_id, ''))"""

SEALING = f"""
CREATE FUNCTION flightline_private.audit_orgs_pending()
RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$ SELECT DISTINCT org_id FROM public.audit_events WHERE hash IS NULL $$;
ALTER FUNCTION flightline_private.audit_orgs_pending() OWNER TO flightline_sealer;
REVOKE ALL ON FUNCTION flightline_private.audit_orgs_pending() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flightline_private.audit_orgs_pending() TO flightline_app;

CREATE FUNCTION flightline_private.seal_audit_events(p_limit integer DEFAULT 10000)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  v_org uuid := NULLIF(current_setting('app.org_id', true), '')::uuid;
  v_prev bytea;
  v_seq bigint;
  v_hash bytea;
  v_count integer := 0;
  e record;
BEGIN
  IF v_org IS NULL THEN
    RAISE EXCEPTION 'no organization bound';
  END IF;
  -- One sealer per organization at a time; requests never take this lock.
  PERFORM pg_advisory_xact_lock(hashtextextended('flightline.audit:' || v_org::text, 0));
  SELECT a.hash, a.chain_seq INTO v_prev, v_seq
    FROM public.audit_events a
   WHERE a.org_id = v_org AND a.chain_seq IS NOT NULL
   ORDER BY a.chain_seq DESC LIMIT 1;
  v_seq := coalesce(v_seq, 0);
  v_prev := coalesce(v_prev, decode(repeat('00', 32), 'hex'));
  FOR e IN
    SELECT * FROM public.audit_events a
     WHERE a.org_id = v_org AND a.hash IS NULL
     ORDER BY a.occurred_at, a.id
     LIMIT p_limit
  LOOP
    v_seq := v_seq + 1;
    v_hash := sha256(v_prev || convert_to({CANONICAL}, 'UTF8'));
    UPDATE public.audit_events
       SET chain_seq = v_seq, prev_hash = v_prev, hash = v_hash
     WHERE org_id = v_org AND id = e.id;
    v_prev := v_hash;
    v_count := v_count + 1;
  END LOOP;
  RETURN v_count;
END;
$$;
ALTER FUNCTION flightline_private.seal_audit_events(integer) OWNER TO flightline_sealer;
REVOKE ALL ON FUNCTION flightline_private.seal_audit_events(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flightline_private.seal_audit_events(integer) TO flightline_app;
"""

QUEUE_GRANTS = """
GRANT SELECT, INSERT, UPDATE, DELETE ON procrastinate_jobs, procrastinate_periodic_defers,
  procrastinate_events, procrastinate_workers TO flightline_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO flightline_app;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO flightline_app;
REVOKE CREATE ON SCHEMA flightline_private FROM flightline_keyreader, flightline_sealer;
"""


def upgrade() -> None:
    bind = op.get_bind()
    for block in (ROLES, TABLES, POLICIES, GRANTS, AUTHENTICATE, SEALING):
        bind.exec_driver_sql(block)
    # procrastinate's own schema: the queue shares the database so a job and
    # the rows it refers to commit together.
    raw = bind.connection.dbapi_connection
    assert raw is not None
    cursor = raw.cursor()
    try:
        cursor.execute(SchemaManager.get_schema())
    finally:
        cursor.close()
    bind.exec_driver_sql(QUEUE_GRANTS)
