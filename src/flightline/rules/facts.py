"""Reading the assembled loan: typed field access, who the borrowers are and
which documents are theirs, the anchor dates and the loan's shape.

Extraction hands the rules loose documents; nothing says which paystub is whose.
The borrowers are taken from the URLA(s) and every per-borrower document is
matched to one of them by name, SSN and employer together, so a document with a
misspelt name or a wrong SSN still lands with its borrower (and is then caught
by the identity rules) instead of being dropped.

Computed once per `LoanContext` and kept in `ctx.notes`.
"""

from __future__ import annotations

import calendar
import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from difflib import SequenceMatcher
from typing import TypeVar

from rapidfuzz.distance import Levenshtein

from flightline.pipeline.model import DocType, FieldValue, LogicalDocument, Value
from flightline.rules.compare import (
    Reading,
    Verdict,
    compare_name_words,
    compare_ssn,
    compare_text,
    is_ocr,
    readings_split,
    scanned,
)
from flightline.rules.engine import IssueEvidence, LoanContext, display, evidence
from flightline.rules.keys import (
    employer_key,
    first_name,
    garbled,
    middle_initial,
    name_key,
    name_words,
)

CENT = Decimal("0.01")
HUNDRED = Decimal(100)

# ----------------------------------------------------------------------------- typed access

T = TypeVar("T")


def dec(v: Value | None) -> Decimal | None:
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return Decimal(v)
    return None


def day(v: Value | None) -> date | None:
    return v if isinstance(v, date) else None


def txt(v: Value | None) -> str | None:
    if v is None or isinstance(v, date):
        return None
    s = str(v).strip()
    return s or None


def num(doc: LogicalDocument | None, name: str) -> Decimal | None:
    return dec(doc.get(name)) if doc is not None else None


def when(doc: LogicalDocument | None, name: str) -> date | None:
    return day(doc.get(name)) if doc is not None else None


def text(doc: LogicalDocument | None, name: str) -> str | None:
    return txt(doc.get(name)) if doc is not None else None


def integer(doc: LogicalDocument | None, name: str) -> int | None:
    v = doc.get(name) if doc is not None else None
    return integer_of(v) if v is not None else None


def integer_of(v: Value) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, Decimal) and v == v.to_integral_value():
        return int(v)
    if isinstance(v, str) and v.strip().isdigit():
        return int(v.strip())
    return None


Row = dict[str, FieldValue]


def rows(doc: LogicalDocument | None, group: str) -> list[Row]:
    return doc.rows.get(group, []) if doc is not None else []


def cell(row: Row, col: str) -> Value | None:
    found = row.get(col)
    return found.value if found is not None else None


def row_evidence(doc: LogicalDocument, group: str, row: Row, col: str) -> IssueEvidence | None:
    found = row.get(col)
    if found is None:
        return None
    return IssueEvidence(doc.id, found.evidence.page, f"{group}.{col}", display(found.value))


def ev(doc: LogicalDocument | None, name: str) -> IssueEvidence | None:
    return evidence(doc, name) if doc is not None else None


def money(v: Decimal) -> str:
    """Money for a sentence or `values`: cents, no separators (the wire format)."""
    return format(v.quantize(CENT), "f")


def ratio(v: Decimal, places: int = 2) -> str:
    return format(v.quantize(Decimal(1).scaleb(-places)), "f")


def ratio_against(v: Decimal, limit: Decimal) -> str:
    """A ratio shown with enough places that it never reads equal to the limit
    it was found to break (50.0001 over 50 shows as 50.0001, not 50.00)."""
    for places in (2, 3, 4):
        step = Decimal(1).scaleb(-places)
        if v.quantize(step) != limit.quantize(step):
            return format(v.quantize(step), "f")
    # closer than 4 places: round away from the limit, the side it was found on
    return format(v.quantize(step, ROUND_FLOOR if v < limit else ROUND_CEILING), "f")


def months_elapsed(through: date) -> Decimal:
    """Months of a year a YTD figure through `through` covers: day of year x 12 / days."""
    days = 366 if calendar.isleap(through.year) else 365
    return Decimal(through.timetuple().tm_yday) * 12 / Decimal(days)


# ----------------------------------------------------------------------------- borrowers

PER_BORROWER: dict[DocType, str] = {
    DocType.urla_1003: "borrower_name",
    DocType.paystub: "employee_name",
    DocType.w2: "employee_name",
    DocType.voe: "employee_name",
    DocType.tax_return_1040: "taxpayer_name",
    DocType.right_to_cancel: "borrower_name",
}
# Loan-level documents whose `borrower_name` is the primary borrower.
_PRIMARY_VOTERS = (
    DocType.note,
    DocType.closing_disclosure,
    DocType.loan_estimate,
    DocType.credit_report,
    DocType.transmittal_1008,
    DocType.aus_findings,
    DocType.security_instrument,
    DocType.appraisal_1004,
)


@dataclass
class Borrower:
    index: int
    name: str
    key: frozenset[str]
    ssn4: str | None = None
    employer: str | None = None
    urla: LogicalDocument | None = None

    @property
    def label(self) -> str:
        return f"borrower {self.index}"


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


def _ssn(v: str | None) -> str | None:
    if v is None:
        return None
    digits = re.sub(r"\D", "", v)
    return digits[-4:] if len(digits) >= 4 else None


def _roster(ctx: LoanContext) -> list[Borrower]:
    mentions: list[tuple[str, str | None, str | None, LogicalDocument | None, bool]] = []
    for u in ctx.of_type(DocType.urla_1003):
        own = text(u, "borrower_name")
        ocr = is_ocr(u.fields.get("borrower_name"))
        ssn = _ssn(text(u, "ssn_last4"))
        if own and ocr and garbled(own):
            # a name OCR garbled: the application is still the borrower's,
            # named as the loan's documents name them
            own = _loan_level_name(ctx, ssn)
        elif not own and ssn and scanned(u):
            # no name read at all: the party with the application's SSN (a
            # loan-level document may not name every party on a scan)
            own, ocr = _loan_level_name(ctx, ssn, any_party=False), True
        elif own and ssn and ocr and own_co_borrower(u, own):
            # the applicant read as their own co-borrower: the other box's
            # name was read into this one; the SSN says who applies
            own = _named_by_ssn(ctx, u, ssn)
        if own:
            own_ssn = None if boxes_share_ssn(u) else ssn
            mentions.append((own, own_ssn, text(u, "employer_name"), u, ocr))
    for u in ctx.of_type(DocType.urla_1003):
        co = text(u, "co_borrower_name")
        if co:
            ocr = is_ocr(u.fields.get("co_borrower_name"))
            co_ssn = None if boxes_share_ssn(u) else _ssn(text(u, "co_borrower_ssn_last4"))
            mentions.append((co, co_ssn, None, None, ocr))
    if not mentions:
        # No application: the parties named on the credit report or the Note.
        for doc_type in (DocType.credit_report, DocType.note, DocType.closing_disclosure):
            doc = ctx.first(doc_type)
            for nf, sf in (
                ("borrower_name", "ssn_last4"),
                ("co_borrower_name", "co_borrower_ssn_last4"),
            ):
                name = text(doc, nf)
                if name and doc is not None:
                    ocr = is_ocr(doc.fields.get(nf))
                    mentions.append((name, _ssn(text(doc, sf)), None, None, ocr))
            if mentions:
                break
    people: list[Borrower] = []
    for name, ssn, employer, urla, ocr in mentions:
        key = name_key(name)
        if key is None:
            continue
        # the best of the people this name may be (`Lisa L. Davis` with her
        # SSN is Lisa Davis, not Miranda Lisa Davis)
        alike = [
            p
            for p in people
            if _same_person(p, name, ssn, ocr) and not _other_applicant(p, employer, urla)
        ]
        same = max(alike, key=lambda p: match_score(p, name, ssn, None, ocr), default=None)
        if same is None and urla is None and ssn is None and ocr:
            # a scanned co-borrower box with no SSN, its surname misread
            # (`Hunter Willidins`): the one applicant of that first name
            # whose surname is alike, not a third person
            near = [p for p in people if _misread_surname(p.name, name)]
            same = near[0] if len(near) == 1 else None
        if same is None:
            people.append(Borrower(0, name, key, ssn, employer, urla))
            continue
        same.ssn4 = same.ssn4 or ssn
        same.employer = same.employer or employer
        if same.urla is None and urla is not None:
            same.urla, same.name = urla, name
    votes: Counter[int] = Counter()
    for doc_type in _PRIMARY_VOTERS:
        for doc in ctx.of_type(doc_type):
            name = text(doc, "borrower_name")
            key = name_key(name) if name else None
            for i, p in enumerate(people):
                if key == p.key:
                    votes[i] += 1
    order = sorted(
        range(len(people)),
        key=lambda i: (-votes[i], not rows(people[i].urla, "liabilities"), i),
    )
    ranked = [people[i] for i in order]
    for n, p in enumerate(ranked, start=1):
        p.index = n
    return ranked


def boxes_share_ssn(u: LogicalDocument) -> bool:
    """An application's two SSN boxes read alike: two applicants never share
    one, so one box was read into the other, and which one is not known."""
    ssn = _ssn(text(u, "ssn_last4"))
    return ssn is not None and ssn == _ssn(text(u, "co_borrower_ssn_last4"))


def own_co_borrower(u: LogicalDocument, own: str) -> bool:
    """Both name boxes of a document read alike: one holds the other's name."""
    co = text(u, "co_borrower_name")
    return co is not None and name_key(co) == name_key(own)


def _named_by_ssn(ctx: LoanContext, u: LogicalDocument, ssn: str) -> str | None:
    """The name another application gives the co-borrower with this SSN, else
    a loan-level document's party with it."""
    for other in ctx.of_type(DocType.urla_1003):
        co = text(other, "co_borrower_name")
        if other is not u and co and _ssn(text(other, "co_borrower_ssn_last4")) == ssn:
            return co
    return _loan_level_name(ctx, ssn, any_party=False)


def _loan_level_name(ctx: LoanContext, ssn: str | None, any_party: bool = True) -> str | None:
    """A borrower's name as a loan-level document spells it, for an application
    whose own name was not readable: the party with that SSN, else (with
    `any_party`) the first borrower of the first document that names one."""
    wanted = ((ssn, None) if ssn else (None,)) if any_party else (ssn,)
    for want in wanted:
        for doc_type in (DocType.credit_report, DocType.note, DocType.closing_disclosure):
            for doc in ctx.of_type(doc_type):
                for nf, sf in (
                    ("borrower_name", "ssn_last4"),
                    ("co_borrower_name", "co_borrower_ssn_last4"),
                ):
                    name = text(doc, nf)
                    if name and not garbled(name) and want in (None, _ssn(text(doc, sf))):
                        return name
    return None


def _same_person(p: Borrower, name: str, ssn: str | None, ocr: bool = False) -> bool:
    """Spelt alike (or nearly, with the same SSN), and neither the SSNs nor the
    middle initials say otherwise: relatives share first and last names. On an
    OCR'd page a look-alike digit or letter is not "otherwise"."""
    if ssn and p.ssn4 and compare_ssn(ssn, p.ssn4, ocr) is Verdict.DIFFERENT:
        return False
    mine, theirs = middle_initial(name), middle_initial(p.name)
    if mine and theirs and compare_text(mine, theirs, ocr) is Verdict.DIFFERENT:
        return False
    return match_score(p, name, ssn, None, ocr) >= 3


# The shortest surname compared so (shorter ones are too alike by chance).
_SURNAME_MIN = 5


def _misread_surname(known: str, read: str) -> bool:
    """The same first name, and last names of five letters or more at most
    a third of their letters apart (two at least: `Willidins` for Williams)."""
    a, b = name_words(known), name_words(read)
    if not a or not b or first_name(known) != first_name(read):
        return False
    x, y = a[-1], b[-1]
    shorter = min(len(x), len(y))
    return shorter >= _SURNAME_MIN and Levenshtein.distance(x, y) <= max(2, -(-shorter // 3))


def _other_applicant(p: Borrower, employer: str | None, urla: LogicalDocument | None) -> bool:
    """Two applications, each its applicant's own, naming different
    employers: two people (`Lisa Davis` and `Miranda Lisa Davis`), however
    alike the names read; one applicant's two copies name one employer."""
    if urla is None or p.urla is None or urla is p.urla or not employer or not p.employer:
        return False
    ocr = is_ocr(urla.fields.get("employer_name"), p.urla.fields.get("employer_name"))
    return compare_text(employer_key(employer), employer_key(p.employer), ocr) is Verdict.DIFFERENT


def _similar(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b).ratio() >= 0.75


def match_score(
    p: Borrower, name: str | None, ssn: str | None, employer: str | None, ocr: bool = False
) -> int:
    score = 0
    if name:
        key = name_key(name)
        if key == p.key or (
            ocr
            and compare_name_words(name_words(name), name_words(p.name), ocr)
            is not Verdict.DIFFERENT
        ):
            score += 3
            middle = middle_initial(name)
            if middle and middle == middle_initial(p.name):
                score += 1
        elif key is not None:
            first = first_name(name)
            if first and first_name(p.name) == first:
                score += 1
            if any(_similar(a, b) for a in key for b in p.key if a != first):
                score += 1
    if ssn and p.ssn4 and compare_ssn(ssn, p.ssn4, ocr) is not Verdict.DIFFERENT:
        score += 2
    if (
        employer
        and p.employer
        and compare_text(employer_key(employer), employer_key(p.employer), ocr)
        is not Verdict.DIFFERENT
    ):
        score += 2
    return score


def best_match(
    people: list[Borrower],
    name: str | None,
    ssn: str | None,
    employer: str | None,
    ocr: bool = False,
) -> Borrower | None:
    if len(people) == 1:
        return people[0]
    scored = sorted(
        ((match_score(p, name, ssn, employer, ocr), p.index, p) for p in people),
        key=lambda t: (-t[0], t[1]),
    )
    if not scored or scored[0][0] == 0:
        return None
    if len(scored) > 1 and scored[1][0] == scored[0][0]:
        return None
    return scored[0][2]


def _owner(people: list[Borrower], doc: LogicalDocument) -> Borrower | None:
    if doc.type == DocType.urla_1003:
        own = next((p for p in people if p.urla is doc), None)
        if own is not None:
            return own
    field = PER_BORROWER[doc.type]
    name = text(doc, field)
    ocr = is_ocr(
        doc.fields.get(field), doc.fields.get("ssn_last4"), doc.fields.get("employer_name")
    )
    ssn = _ssn(text(doc, "ssn_last4"))
    return best_match(people, name, ssn, text(doc, "employer_name"), ocr)


def _owned_by_shared(
    ctx: LoanContext,
    facts: Facts,
    value_of: Callable[[LogicalDocument], T | None],
    same: Callable[[LogicalDocument, T, T], bool],
) -> None:
    """A document whose name and SSN OCR lost: the borrower whose other
    documents give a value it gives (`value_of`, compared by `same`), when
    exactly one borrower's do. A name or SSN read that matched no one is
    not this case."""
    if len(facts.borrowers) < 2:
        return
    known: dict[int, list[T]] = {}
    for doc in ctx.documents:
        who = facts.owners.get(doc.id)
        if who is not None and (v := value_of(doc)) is not None:
            known.setdefault(who.index, []).append(v)
    for doc in ctx.documents:
        if doc.type not in PER_BORROWER or doc.id in facts.owners:
            continue
        mine = value_of(doc)
        if mine is None or text(doc, PER_BORROWER[doc.type]) or text(doc, "ssn_last4"):
            continue
        found = [
            who
            for who in facts.borrowers
            if any(same(doc, mine, v) for v in known.get(who.index, ()))
        ]
        if len(found) == 1:
            facts.owners[doc.id] = found[0]


def _employer_of(doc: LogicalDocument) -> str | None:
    employer = text(doc, "employer_name")
    return employer_key(employer) if employer else None


def _same_employer(doc: LogicalDocument, mine: str, other: str) -> bool:
    ocr = is_ocr(doc.fields.get("employer_name"))
    return compare_text(mine, other, ocr) is Verdict.SAME


def _owned_by_employer(ctx: LoanContext, facts: Facts) -> None:
    """Of an employer whose name the application garbled: the borrower whose
    other documents name that employer."""
    _owned_by_shared(ctx, facts, _employer_of, _same_employer)


def _owned_by_start_date(ctx: LoanContext, facts: Facts) -> None:
    """With its employer garbled too (a VOE's table page): the borrower whose
    other documents give the same employment start date (a day two
    borrowers rarely share; a VOE or an application states it)."""
    _owned_by_shared(
        ctx,
        facts,
        lambda doc: when(doc, "employment_start_date"),
        lambda doc, mine, other: mine == other,
    )


def ssn_of(doc: LogicalDocument, name: str) -> str | None:
    return _ssn(text(doc, name))


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


def _disputed_units(ctx: LoanContext, sources: tuple[tuple[DocType, str], ...]) -> frozenset[int]:
    read = [
        (units, is_ocr(doc.fields.get(name)))
        for doc_type, name in sources
        for doc in ctx.of_type(doc_type)
        if (v := doc.get(name)) is not None
        and _residential_units(v)
        and (units := integer_of(v)) is not None
    ]
    counts = frozenset(u for u, _ in read)
    return counts if len(counts) > 1 and any(ocr for _, ocr in read) else frozenset()


def _residential_units(value: Value) -> bool:
    """A 1-4 unit property, the only kind these guidelines cover: `1989` is
    a year OCR read where the unit count was (the next source is asked)."""
    units = integer_of(value)
    return units is not None and 1 <= units <= 4


def _build(ctx: LoanContext) -> Facts:
    people = _roster(ctx)
    facts = Facts(people)
    for doc in ctx.documents:
        if doc.type in PER_BORROWER and people:
            who = _owner(people, doc)
            if who is not None:
                facts.owners[doc.id] = who
    _owned_by_employer(ctx, facts)
    _owned_by_start_date(ctx, facts)
    note = ctx.first(DocType.note)
    cd = latest_cd(ctx)
    facts.cd = cd
    if when(note, "note_date") is not None:
        facts.note_date, facts.note_date_evidence = when(note, "note_date"), ev(note, "note_date")
    elif when(cd, "closing_date") is not None:
        # no Note: consummation as the Closing Disclosure states it
        facts.note_date, facts.note_date_evidence = when(cd, "closing_date"), ev(cd, "closing_date")
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
        found = _first_value(ctx, sources, valid)
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


def facts(ctx: LoanContext) -> Facts:
    found = ctx.notes.get("_facts")
    if isinstance(found, Facts):
        return found
    built = _build(ctx)
    ctx.notes["_facts"] = built
    return built


def doc_label(doc: LogicalDocument) -> str:
    """How a sentence names a document."""
    labels = {
        DocType.urla_1003: "URLA",
        DocType.transmittal_1008: "1008",
        DocType.aus_findings: "AUS findings",
        DocType.paystub: "paystub",
        DocType.w2: "W-2",
        DocType.voe: "VOE",
        DocType.tax_return_1040: "1040",
        DocType.bank_statement: "bank statement",
        DocType.gift_letter: "gift letter",
        DocType.credit_report: "credit report",
        DocType.appraisal_1004: "appraisal",
        DocType.loan_estimate: "Loan Estimate",
        DocType.closing_disclosure: "Closing Disclosure",
        DocType.note: "Note",
        DocType.security_instrument: "security instrument",
        DocType.right_to_cancel: "notice of right to cancel",
        DocType.letter_of_explanation: "letter of explanation",
    }
    label = labels.get(doc.type, doc.type.value.replace("_", " "))
    year = integer(doc, "tax_year")
    if year is not None:
        label += f" ({year})"
    elif doc.type == DocType.paystub and when(doc, "pay_date") is not None:
        label += f" dated {when(doc, 'pay_date')}"
    return label


def split_reporting_unsure(
    ctx: LoanContext,
    readings: list[Reading[T]],
    verdict: Callable[[T, T, bool], Verdict],
    prefer: Callable[[Reading[T]], tuple[bool, ...]],
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
