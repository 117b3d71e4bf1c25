"""The audit hash chain, recomputed independently of the SQL that seals it.

hash(n) = SHA-256(hash(n-1) || canonical(event n)), hash(0) = 32 zero bytes.
The canonical text must match `seal_audit_events` in the first migration.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC

from flightline.audit.models import AuditEvent

GENESIS = bytes(32)


def canonical(event: AuditEvent, seq: int) -> bytes:
    fields = [
        str(seq),
        str(event.id),
        str(event.org_id),
        "sandbox" if event.sandbox else "live",
        event.occurred_at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ"),
        event.key_id or "",
        event.method,
        event.route,
        str(event.status),
        event.outcome,
        event.request_id,
        "" if event.duration_ms is None else str(event.duration_ms),
        event.action or "",
        event.resource_id or "",
    ]
    return "|".join(fields).encode()


@dataclass(frozen=True, slots=True)
class ChainReport:
    ok: bool
    events: int
    sealed: int
    broken_at: dict[str, object] | None = None

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"ok": self.ok, "events": self.events, "sealed": self.sealed}
        if self.broken_at is not None:
            out["first_broken_link"] = self.broken_at
        return out


def verify_chain(events: list[AuditEvent]) -> ChainReport:
    """Walk sealed events in chain order; report the first link that does not hold."""
    prev = GENESIS
    sealed = [e for e in events if e.chain_seq is not None]
    for expected_seq, event in enumerate(sealed, start=1):
        where = {"chain_seq": event.chain_seq, "event_id": str(event.id)}
        if event.chain_seq != expected_seq:
            return ChainReport(
                False,
                len(events),
                len(sealed),
                {**where, "reason": "sequence_gap", "expected_seq": expected_seq},
            )
        if event.prev_hash != prev:
            return ChainReport(
                False, len(events), len(sealed), {**where, "reason": "previous_hash_mismatch"}
            )
        digest = hashlib.sha256(prev + canonical(event, expected_seq)).digest()
        if event.hash != digest:
            return ChainReport(
                False, len(events), len(sealed), {**where, "reason": "hash_mismatch"}
            )
        prev = digest
    return ChainReport(True, len(events), len(sealed))
