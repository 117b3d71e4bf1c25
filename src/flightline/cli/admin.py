"""`flightline admin …`: one JSON object on stdout, errors on stderr."""

from __future__ import annotations

import argparse
import json
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from flightline.audit import service as audit_service
from flightline.auth import service as keys
from flightline.core.db import Database
from flightline.orgs import service as orgs


def emit(payload: dict[str, Any]) -> None:
    print(json.dumps(payload, default=str))


async def run_admin(admin_url: str, args: argparse.Namespace) -> int:
    db = Database(admin_url, pool_size=1, application_name="flightline-admin")
    try:
        async with db.sessionmaker() as session, session.begin():
            payload, code = await _dispatch(session, args)
        emit(payload)
        return code
    finally:
        await db.dispose()


Handler = Callable[[AsyncSession, argparse.Namespace], Awaitable[tuple[dict[str, Any], int]]]


async def _org_create(s: AsyncSession, a: argparse.Namespace) -> tuple[dict[str, Any], int]:
    org = await orgs.create(s, a.name, a.retention_days)
    return {"org_id": str(org.id)}, 0


async def _org_suspend(s: AsyncSession, a: argparse.Namespace) -> tuple[dict[str, Any], int]:
    return orgs.to_out(await orgs.set_status(s, a.org_id, "suspended")).model_dump(mode="json"), 0


async def _org_activate(s: AsyncSession, a: argparse.Namespace) -> tuple[dict[str, Any], int]:
    return orgs.to_out(await orgs.set_status(s, a.org_id, "active")).model_dump(mode="json"), 0


async def _org_retention(s: AsyncSession, a: argparse.Namespace) -> tuple[dict[str, Any], int]:
    return orgs.to_out(await orgs.set_retention(s, a.org_id, a.days)).model_dump(mode="json"), 0


async def _key_create(s: AsyncSession, a: argparse.Namespace) -> tuple[dict[str, Any], int]:
    issued = await keys.create(s, a.org, a.name, a.sandbox)
    k = issued.key
    return {
        "key_id": k.key_id,
        "org_id": str(k.org_id),
        "name": k.name,
        "mode": k.mode,
        "secret": issued.secret,
    }, 0


async def _key_list(s: AsyncSession, a: argparse.Namespace) -> tuple[dict[str, Any], int]:
    rows = await keys.list_for_org(s, a.org)
    return {"data": [{k: v for k, v in keys.describe(r).items() if k != "org_id"} for r in rows]}, 0


async def _key_revoke(s: AsyncSession, a: argparse.Namespace) -> tuple[dict[str, Any], int]:
    return keys.describe(await keys.revoke(s, a.key_id)), 0


async def _key_rotate(s: AsyncSession, a: argparse.Namespace) -> tuple[dict[str, Any], int]:
    issued = await keys.rotate(s, a.key_id, a.grace_seconds)
    return {"key_id": issued.key.key_id, "secret": issued.secret}, 0


async def _audit_verify(s: AsyncSession, a: argparse.Namespace) -> tuple[dict[str, Any], int]:
    org = await orgs.require(s, a.org)
    report = await audit_service.verify(s, org.id)
    return report.as_dict(), 0 if report.ok else 1


HANDLERS: dict[tuple[str, str], Handler] = {
    ("org", "create"): _org_create,
    ("org", "suspend"): _org_suspend,
    ("org", "activate"): _org_activate,
    ("org", "retention"): _org_retention,
    ("key", "create"): _key_create,
    ("key", "list"): _key_list,
    ("key", "revoke"): _key_revoke,
    ("key", "rotate"): _key_rotate,
    ("audit", "verify"): _audit_verify,
}


async def _dispatch(session: AsyncSession, args: argparse.Namespace) -> tuple[dict[str, Any], int]:
    return await HANDLERS[(args.group, args.action)](session, args)


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    admin = sub.add_parser(
        "admin", help="administer organizations, keys and the audit trail", parents=[common]
    )
    groups = admin.add_subparsers(dest="group", required=True)

    org = groups.add_parser("org", parents=[common]).add_subparsers(dest="action", required=True)
    p = org.add_parser("create", parents=[common])
    p.add_argument("--name", required=True)
    p.add_argument("--retention-days", type=int, default=365)
    for action in ("suspend", "activate"):
        org.add_parser(action, parents=[common]).add_argument("org_id")
    p = org.add_parser("retention", parents=[common])
    p.add_argument("org_id")
    p.add_argument("--days", type=int, required=True)

    key = groups.add_parser("key", parents=[common]).add_subparsers(dest="action", required=True)
    p = key.add_parser("create", parents=[common])
    p.add_argument("--org", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--sandbox", action="store_true")
    key.add_parser("list", parents=[common]).add_argument("--org", required=True)
    key.add_parser("revoke", parents=[common]).add_argument("key_id")
    p = key.add_parser("rotate", parents=[common])
    p.add_argument("key_id")
    p.add_argument("--grace-seconds", type=int, default=0)

    audit = groups.add_parser("audit", parents=[common]).add_subparsers(
        dest="action", required=True
    )
    audit.add_parser("verify", parents=[common]).add_argument("--org", required=True)
