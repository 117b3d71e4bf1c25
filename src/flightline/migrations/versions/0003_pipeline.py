"""Pipeline: extracted page text and reports, both sealed.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ORG = "(SELECT NULLIF(current_setting('app.org_id', true), '')::uuid)"
MODE = "(SELECT NULLIF(current_setting('app.sandbox', true), '')::boolean)"

TABLES = """
CREATE TABLE document_texts (
  org_id uuid NOT NULL,
  document_id uuid NOT NULL,
  review_id uuid NOT NULL,
  sandbox boolean NOT NULL,
  pages integer NOT NULL,
  readable boolean NOT NULL,
  sealed bytea NOT NULL,
  key_version integer NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, document_id),
  FOREIGN KEY (org_id, document_id) REFERENCES documents (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, review_id) REFERENCES reviews (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, key_version) REFERENCES org_keys (org_id, version)
);

CREATE TABLE reports (
  org_id uuid NOT NULL,
  review_id uuid NOT NULL,
  sandbox boolean NOT NULL,
  sealed bytea NOT NULL,
  key_version integer NOT NULL,
  generated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (org_id, review_id),
  FOREIGN KEY (org_id, review_id) REFERENCES reviews (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, key_version) REFERENCES org_keys (org_id, version)
);
"""

POLICIES = ""
for table in ("document_texts", "reports"):
    POLICIES += f"""
ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;
ALTER TABLE {table} FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant ON {table}
  USING (org_id = {ORG} AND sandbox = {MODE})
  WITH CHECK (org_id = {ORG} AND sandbox = {MODE});
CREATE POLICY owner_admin ON {table} TO CURRENT_USER USING (true) WITH CHECK (true);
"""

GRANTS = """
REVOKE ALL ON document_texts, reports FROM PUBLIC;
GRANT SELECT, INSERT, UPDATE, DELETE ON document_texts, reports TO flightline_app;
"""


def upgrade() -> None:
    bind = op.get_bind()
    for block in (TABLES, POLICIES, GRANTS):
        bind.exec_driver_sql(block)
