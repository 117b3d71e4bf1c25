"""Intake: per-organization data keys, documents, idempotency keys, source URLs.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

ORG = "(SELECT NULLIF(current_setting('app.org_id', true), '')::uuid)"
MODE = "(SELECT NULLIF(current_setting('app.sandbox', true), '')::boolean)"

TABLES = """
CREATE TABLE org_keys (
  org_id uuid NOT NULL REFERENCES organizations (id),
  version integer NOT NULL CHECK (version > 0),
  wrapped_key bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, version)
);

CREATE TABLE documents (
  org_id uuid NOT NULL,
  id uuid NOT NULL,
  review_id uuid NOT NULL,
  sandbox boolean NOT NULL,
  upload_index integer NOT NULL CHECK (upload_index >= 1),
  member_index integer CHECK (member_index >= 1),
  sha256 bytea NOT NULL CHECK (length(sha256) = 32),
  bytes bigint NOT NULL CHECK (bytes > 0),
  media_type text NOT NULL,
  pages integer,
  key_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, id),
  UNIQUE (org_id, review_id, sha256),
  FOREIGN KEY (org_id, review_id) REFERENCES reviews (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, key_version) REFERENCES org_keys (org_id, version)
);
CREATE INDEX ix_documents_review ON documents (org_id, review_id, upload_index, member_index);

CREATE TABLE idempotency_keys (
  org_id uuid NOT NULL REFERENCES organizations (id),
  sandbox boolean NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  fingerprint bytea NOT NULL,
  review_id uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, sandbox, key),
  FOREIGN KEY (org_id, review_id) REFERENCES reviews (org_id, id) ON DELETE CASCADE
);
CREATE INDEX ix_idempotency_keys_created ON idempotency_keys (created_at);

CREATE TABLE review_sources (
  org_id uuid NOT NULL,
  review_id uuid NOT NULL,
  sandbox boolean NOT NULL,
  position integer NOT NULL CHECK (position >= 1),
  sealed bytea NOT NULL,
  key_version integer NOT NULL,
  PRIMARY KEY (org_id, review_id, position),
  FOREIGN KEY (org_id, review_id) REFERENCES reviews (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, key_version) REFERENCES org_keys (org_id, version)
);
"""

POLICIES = f"""
ALTER TABLE org_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE org_keys FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON org_keys USING (org_id = {ORG}) WITH CHECK (org_id = {ORG});
CREATE POLICY owner_admin ON org_keys TO CURRENT_USER USING (true) WITH CHECK (true);
"""
for table in ("documents", "idempotency_keys", "review_sources"):
    POLICIES += f"""
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON {table}
  USING (org_id = {ORG} AND sandbox = {MODE})
  WITH CHECK (org_id = {ORG} AND sandbox = {MODE});
CREATE POLICY owner_admin ON {table} TO CURRENT_USER USING (true) WITH CHECK (true);
"""

GRANTS = """
REVOKE ALL ON org_keys, documents, idempotency_keys, review_sources FROM PUBLIC;
-- Data keys are created, never rewritten by the service.
GRANT SELECT, INSERT ON org_keys TO flightline_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON documents, idempotency_keys, review_sources
  TO flightline_app;
"""


def upgrade() -> None:
    bind = op.get_bind()
    for block in (TABLES, POLICIES, GRANTS):
        bind.exec_driver_sql(block)
