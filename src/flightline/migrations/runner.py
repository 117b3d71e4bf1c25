"""Run migrations programmatically and tell whether a database is current."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

APP_GROUP_ROLE = "flightline_app"
_HERE = Path(__file__).parent


def _config(owner_url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    if owner_url:
        cfg.attributes["database_url"] = owner_url
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def upgrade(owner_url: str, app_url: str | None) -> None:
    """Apply every migration, then let the application login role use what they made."""
    command.upgrade(_config(owner_url), "head")
    if app_url:
        app_role = make_url(app_url).username
        if not app_role:
            raise ValueError("the application database URL names no role")
        engine = create_engine(owner_url)
        try:
            with engine.begin() as conn:
                conn.execute(text(f'GRANT {APP_GROUP_ROLE} TO "{app_role.replace(chr(34), "")}"'))
        finally:
            engine.dispose()
