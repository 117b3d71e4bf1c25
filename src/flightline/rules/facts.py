"""Reading the assembled loan: who the borrowers are and which documents are
theirs (`roster`), the anchor dates and the loan's shape.

Computed once per `LoanContext` and kept in `ctx.notes`.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from flightline.pipeline.model import DocType, LogicalDocument, Value
from flightline.rules.access import doc_label, ev, integer_of, text, when
from flightline.rules.compare import Reading, Verdict, is_ocr, readings_split
from flightline.rules.engine import IssueEvidence, LoanContext, evidence
from flightline.rules.roster import Borrower, owners, roster

T = TypeVar("T")


@dataclass
class Facts:
    borrowers: list[Borrower]
    owners: dict[uuid.UUID, Borrower] = field(default_factory=dict)
    note_date: date | None = None
    note_date_evidence: IssueEvidence | None = None
    application_date: date | None = None
    application_evidence: IssueEvidence | None = None
    cd: LogicalDocument | None = None
    purpose: str | None = None
    occupancy: str | None = None
    units: int | None = None
    # every unit count the documents give when a scanned one disagrees with
    # another (a misread `4` for 1): which is right is not known
    units_disputed: frozenset[int] = frozenset()
    shape_evidence: list[IssueEvidence] = field(default_factory=list)

    def docs_of(self, ctx: LoanContext, doc_type: DocType, who: Borrower) -> list[LogicalDocument]:
        return [d for d in ctx.of_type(doc_type) if self.owners.get(d.id) is who]

    def owner(self, doc: LogicalDocument) -> Borrower | None:
        return self.owners.get(doc.id)


# ----------------------------------------------------------------------------- dates and shape


def latest_cd(ctx: LoanContext) -> LogicalDocument | None:
    cds = ctx.of_type(DocType.closing_disclosure)
    if not cds:
        return None
    # Among CDs of one date (or none read), one that shows the loan's terms
    # before a part of one that OCR's page breaks left on its own.
    return max(
        enumerate(cds),
        key=lambda t: (
            when(t[1], "date_issued") or date.min,
            sum(t[1].get(n) is not None for n in _CD_TERMS),
            t[0],
        ),
    )[1]


_CD_TERMS = ("loan_amount", "monthly_pi", "estimated_total_monthly_payment")


def _first_value(
    ctx: LoanContext,
    sources: tuple[tuple[DocType, str], ...],
    valid: Callable[[Value], bool] = lambda v: True,
) -> tuple[Value, IssueEvidence | None] | None:
    for doc_type, name in sources:
        for doc in ctx.of_type(doc_type):
            v = doc.get(name)
            if v is not None and valid(v):
                return v, evidence(doc, name)
    return None


def _voted_purpose(
    ctx: LoanContext, sources: tuple[tuple[DocType, str], ...]
) -> tuple[Value, IssueEvidence | None] | None:
    """A scanned application's purpose the other documents outvote (`No
    Cash-Out Refinance` read without its `No`). A Closing Disclosure's bare
    `Refinance` is either kind of refinance, so it backs both."""
    read = [
        (str(v).strip().lower(), doc, name)
        for doc_type, name in sources
        for doc in ctx.of_type(doc_type)
        if (v := doc.get(name)) is not None
    ]
    if not read or not is_ocr(read[0][1].fields.get(read[0][2])):
        return None
    votes: Counter[str] = Counter()
    for value, doc, _ in read:
        votes[value] += 1
        if doc.type == DocType.closing_disclosure and value == "refinance":
            votes["cash_out_refinance"] += 1
    first = read[0][0]
    best = max(votes, key=lambda v: (votes[v], v == first))
    if votes[best] <= votes[first]:
        return None
    _, doc, name = next(t for t in read if t[0] == best)
    return best, evidence(doc, name)


def _disputed_units(ctx: LoanContext, sources: tuple[tuple[DocType, str], ...]) -> frozenset[int]:
    read = [
        (units, is_ocr(doc.fields.get(name)))
        for doc_type, name in sources
        for doc in ctx.of_type(doc_type)
        if (v := doc.get(name)) is not None
        and _residential_units(v)
        and (units := integer_of(v)) is not None
    ]
    # An appraisal on Form 1004 (or 1073, a condominium unit) is of a
    # one-unit property (two to four units take Form 1025): a count OCR read
    # against it (`4` for 1) is in dispute with it.
    read += [
        (1, is_ocr(doc.fields.get("form_type")))
        for doc in ctx.of_type(DocType.appraisal_1004)
        if text(doc, "form_type") in _ONE_UNIT_FORMS
    ]
    counts = frozenset(u for u, _ in read)
    return counts if len(counts) > 1 and any(ocr for _, ocr in read) else frozenset()


_ONE_UNIT_FORMS = frozenset({"1004", "1073"})


def _residential_units(value: Value) -> bool:
    """A 1-4 unit property, the only kind these guidelines cover: `1989` is
    a year OCR read where the unit count was (the next source is asked)."""
    units = integer_of(value)
    return units is not None and 1 <= units <= 4


def _build(ctx: LoanContext) -> Facts:
    people = roster(ctx)
    facts = Facts(people, owners(ctx, people))
    for u in ctx.of_type(DocType.urla_1003):
        # an application whose name and SSN OCR lost, that the file's other
        # values give to a borrower without one: that borrower's application
        # (the income it states is what the income rules check)
        who = facts.owner(u)
        if who is not None and who.urla is None:
            who.urla = u
            who.employer = who.employer or text(u, "employer_name")
    note = ctx.first(DocType.note)
    cd = latest_cd(ctx)
    facts.cd = cd
    if when(note, "note_date") is not None:
        facts.note_date, facts.note_date_evidence = when(note, "note_date"), ev(note, "note_date")
    elif cd is not None and when(cd, "closing_date") is not None:
        # no Note date: consummation as the Closing Disclosure states it
        facts.note_date, facts.note_date_evidence = when(cd, "closing_date"), ev(cd, "closing_date")
        if is_ocr(cd.fields.get("closing_date")):
            _closing_corroborated(ctx, facts, cd)
    if note is not None and is_ocr(note.fields.get("note_date")):
        _corroborate_note_date(ctx, facts, note, cd)
    apps = [
        (d, u)
        for u in ctx.of_type(DocType.urla_1003)
        if (d := when(u, "application_date")) is not None
        # a scanned application dated after the closing (`2036` for 2026)
        # is a misread: no loan closes before it is applied for
        and not (
            facts.note_date is not None
            and d > facts.note_date
            and is_ocr(u.fields.get("application_date"))
        )
    ]
    if apps:
        d, u = min(apps, key=lambda t: t[0])
        facts.application_date, facts.application_evidence = d, ev(u, "application_date")
    for attr, sources in (
        (
            "purpose",
            (
                (DocType.urla_1003, "loan_purpose"),
                (DocType.closing_disclosure, "loan_purpose"),
                (DocType.transmittal_1008, "loan_purpose"),
                (DocType.loan_estimate, "loan_purpose"),
            ),
        ),
        (
            "occupancy",
            ((DocType.urla_1003, "occupancy"), (DocType.transmittal_1008, "occupancy")),
        ),
        (
            "units",
            (
                (DocType.appraisal_1004, "units"),
                (DocType.urla_1003, "units"),
                (DocType.transmittal_1008, "units"),
            ),
        ),
    ):
        valid = _residential_units if attr == "units" else lambda v: True
        found = _voted_purpose(ctx, sources) if attr == "purpose" else None
        found = found or _first_value(ctx, sources, valid)
        if found is None:
            continue
        value, where = found
        if attr == "units":
            units = integer_of(value)
            if units is None:
                continue
            facts.units = units
            facts.units_disputed = _disputed_units(ctx, sources)
        else:
            setattr(facts, attr, str(value).strip().lower())
        if where is not None:
            facts.shape_evidence.append(where)
    return facts


def _corroborate_note_date(
    ctx: LoanContext, facts: Facts, note: LogicalDocument, cd: LogicalDocument | None
) -> None:
    """Every age rule counts from the note date: an OCR'd one is checked against
    the consummation dates the CD and the security instrument state. The date
    most of them agree on wins; an OCR'd date no other document backs cannot be
    used (a misread year would make every document look stale)."""
    found = [
        (d, doc, name)
        for doc, name in (
            (note, "note_date"),
            (cd, "closing_date"),
            (ctx.first(DocType.security_instrument), "instrument_date"),
        )
        if doc is not None and (d := when(doc, name)) is not None
    ]
    if len(found) < 2:
        return
    votes = Counter(d for d, _, _ in found)
    best, n = votes.most_common(1)[0]
    if n >= 2 and best != facts.note_date:
        _, doc, name = next(t for t in found if t[0] == best)
        facts.note_date, facts.note_date_evidence = best, ev(doc, name)
    elif n < 2:
        ctx.could_not_read(
            "note date",
            "the note date (the Note, the Closing Disclosure and the security instrument disagree)",
            [ev(doc, name) for _, doc, name in found],
        )
        facts.note_date = facts.note_date_evidence = None


def _closing_corroborated(ctx: LoanContext, facts: Facts, cd: LogicalDocument) -> None:
    """A scanned CD's closing date standing in for the note date gives way to
    the date two other readings agree on (another CD's closing date, the
    security instrument's date: `2026-08-21` read beside two `2025-08-21`);
    with no such agreement it stands."""
    others = [
        (d, doc, name)
        for doc, name in (
            *((o, "closing_date") for o in ctx.of_type(DocType.closing_disclosure) if o is not cd),
            (ctx.first(DocType.security_instrument), "instrument_date"),
        )
        if doc is not None and (d := when(doc, name)) is not None and d != facts.note_date
    ]
    votes = Counter(d for d, _, _ in others)
    if votes and (top := votes.most_common(1)[0])[1] >= 2:
        _, doc, name = next(t for t in others if t[0] == top[0])
        facts.note_date, facts.note_date_evidence = top[0], ev(doc, name)


def facts(ctx: LoanContext) -> Facts:
    found = ctx.notes.get("_facts")
    if isinstance(found, Facts):
        return found
    built = _build(ctx)
    ctx.notes["_facts"] = built
    return built


def split_reporting_unsure(
    ctx: LoanContext,
    readings: list[Reading[T]],
    verdict: Callable[[T, T, bool], Verdict],
    prefer: Callable[[Reading[T]], tuple[int, ...]],
    subject: str,
    what: str,
) -> tuple[Reading[T], list[Reading[T]]] | None:
    """`readings_split`, with each reading too noisy to judge reported once as
    unread ("`what` on the <document>"); (reference, differing) or None."""
    split = readings_split(readings, verdict, prefer)
    if split is None:
        return None
    ref, odd, unsure = split
    for r in unsure:
        ctx.could_not_read(
            f"{subject} {r.doc.id}",
            f"{what} on the {doc_label(r.doc)}",
            [evidence(r.doc, r.field)],
        )
    return ref, odd
