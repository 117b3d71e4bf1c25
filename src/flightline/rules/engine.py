"""The rules engine: a registry of small rule units run over one loan.

A rule reads the assembled loan (`LoanContext`) and returns zero or more
issues. A rule whose inputs are missing returns nothing: the missing document
is reported once, by DOC-001/DOC-002, never as a false finding elsewhere.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flightline.pipeline.model import DocType, FieldValue, LogicalDocument, Value
from flightline.rules.policy import Citation, Policy, Severity

SEVERITY_ORDER: tuple[Severity, ...] = ("critical", "high", "medium", "low", "info")

log = logging.getLogger("flightline.rules")


class InputsFailed(Exception):
    """Inputs shared by many rules (the loan's figures) could not be assembled;
    every rule that needs them stands down and the loan says so once."""

    def __init__(self, subject: str, what: str) -> None:
        super().__init__(subject)
        self.subject = subject
        self.what = what


@dataclass(frozen=True, slots=True)
class IssueEvidence:
    document_id: uuid.UUID  # the logical document
    page: int  # within the stored document
    field: str
    value: str


@dataclass
class Issue:
    code: str
    category: str
    severity: Severity
    title: str
    summary: str
    citation: Citation
    evidence: list[IssueEvidence] = field(default_factory=list)
    observed: str | None = None
    limit: str | None = None
    subject: str = ""


@dataclass(frozen=True, slots=True)
class StoredDocument:
    id: uuid.UUID
    upload_index: int
    member_index: int | None
    media_type: str
    pages: int | None
    readable: bool


@dataclass
class Figure:
    value: str
    evidence: list[IssueEvidence] = field(default_factory=list)
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Unread:
    """An input a rule needed but could not read reliably (an OCR'd value too
    garbled to compare, two payoff candidates): reported once, never a finding."""

    subject: str
    what: str
    evidence: tuple[IssueEvidence, ...] = ()
    variant: str = "value"  # "check": a whole check not made, which keeps the loan from clearing


@dataclass
class LoanContext:
    policy: Policy
    documents: list[LogicalDocument]
    stored: list[StoredDocument]
    figures: dict[str, Figure] = field(default_factory=dict)
    notes: dict[str, object] = field(default_factory=dict)
    unread: dict[str, Unread] = field(default_factory=dict)

    def could_not_read(
        self,
        subject: str,
        what: str,
        evidence: Iterable[IssueEvidence | None] = (),
        *,
        variant: str = "value",
    ) -> None:
        """Record an input that cannot be judged; `what` names it in a sentence."""
        found = tuple(e for e in evidence if e is not None)
        self.unread.setdefault(subject, Unread(subject, what, found, variant))

    def of_type(self, doc_type: DocType) -> list[LogicalDocument]:
        return [d for d in self.documents if d.type == doc_type]

    def first(self, doc_type: DocType) -> LogicalDocument | None:
        found = self.of_type(doc_type)
        return found[0] if found else None

    @property
    def unreadable(self) -> list[StoredDocument]:
        return [s for s in self.stored if not s.readable]

    def issue(
        self,
        code: str,
        summary: str,
        *,
        evidence: Iterable[IssueEvidence | None] = (),
        observed: object = None,
        limit: object = None,
        variant: str | None = None,
        subject: str = "",
    ) -> Issue:
        spec = self.policy.rule(code)
        return Issue(
            code=code,
            category=spec.category,
            severity=spec.severity_of(variant),
            title=spec.title,
            summary=summary,
            citation=spec.citation,
            evidence=[e for e in evidence if e is not None],
            observed=display(observed) if observed is not None else None,
            limit=display(limit) if limit is not None else None,
            subject=subject,
        )


def display(value: object) -> str:
    """Values on the wire: dates ISO, Decimals as plain decimal strings."""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def evidence(
    doc: LogicalDocument, name: str, found: FieldValue | None = None
) -> IssueEvidence | None:
    value = found if found is not None else doc.fields.get(name)
    if value is None:
        return None
    return IssueEvidence(doc.id, value.evidence.page, name, display(value.value))


def value_of(doc: LogicalDocument | None, name: str) -> Value | None:
    return doc.get(name) if doc is not None else None


RuleFn = Callable[[LoanContext], list[Issue]]
REGISTRY: dict[str, RuleFn] = {}


def rule(code: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        if code in REGISTRY:
            raise ValueError(f"rule {code} registered twice")
        REGISTRY[code] = fn
        return fn

    return register


def run_rules(ctx: LoanContext) -> list[Issue]:
    """Every registered rule whose code the policy knows; one issue per rule and subject."""
    issues: list[Issue] = []
    seen: set[tuple[str, str]] = set()
    for code in sorted(REGISTRY):
        if code not in ctx.policy.rules:
            continue
        try:
            raised = REGISTRY[code](ctx)
        except InputsFailed as failed:
            ctx.could_not_read(failed.subject, failed.what, variant="check")
            continue
        except Exception:
            # One rule meeting a document it cannot handle must not sink the
            # review: its check is reported as not made, which keeps the loan
            # from clearing, and the others still run.
            log.exception("rule failed", extra={"event": "rule_failed", "task": code})
            ctx.could_not_read(f"rule {code}", f"what rule {code} checks", variant="check")
            continue
        for found in raised:
            key = (found.code, found.subject)
            if key in seen:
                continue
            seen.add(key)
            issues.append(found)
    if "DOC-002" in ctx.policy.rules:
        # after every rule: any of them may have met an input it could not read
        for u in ctx.unread.values():
            issues.append(
                ctx.issue(
                    "DOC-002",
                    f"{u.what[:1].upper()}{u.what[1:]} could not be read reliably, so the "
                    "checks that need it were not made; verify it on the document.",
                    evidence=u.evidence,
                    observed="unreadable",
                    limit="readable",
                    variant=u.variant,
                    subject=f"{u.variant}: {u.subject}",
                )
            )
    issues.sort(key=lambda i: (SEVERITY_ORDER.index(i.severity), i.code, i.subject))
    return issues


def decide(issues: list[Issue]) -> tuple[str, str]:
    """(outcome, decision): ineligible on any critical; exception on high or medium."""
    severities = {i.severity for i in issues}
    outcome = "issues_found" if severities - {"info"} else "clear"
    if "critical" in severities:
        return outcome, "ineligible"
    if severities & {"high", "medium"}:
        return outcome, "exception"
    return outcome, "cleared"
