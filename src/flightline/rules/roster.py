"""Who the borrowers are and which documents are theirs.

Extraction hands the rules loose documents; nothing says which paystub is whose.
The borrowers are taken from the URLA(s) and every per-borrower document is
matched to one of them by name, SSN and employer together, so a document with a
misspelt name or a wrong SSN still lands with its borrower (and is then caught
by the identity rules) instead of being dropped.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import TypeVar

from rapidfuzz.distance import Levenshtein

from flightline.pipeline.model import DocType, LogicalDocument
from flightline.rules.access import rows, text, when
from flightline.rules.compare import (
    Verdict,
    compare_name_words,
    compare_ssn,
    compare_text,
    is_ocr,
    scanned,
)
from flightline.rules.engine import LoanContext
from flightline.rules.keys import (
    employer_key,
    first_name,
    garbled,
    middle_initial,
    name_key,
    name_words,
)

T = TypeVar("T")
Owners = dict[uuid.UUID, "Borrower"]

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


def _ssn(v: str | None) -> str | None:
    if v is None:
        return None
    digits = re.sub(r"\D", "", v)
    return digits[-4:] if len(digits) >= 4 else None


def roster(ctx: LoanContext) -> list[Borrower]:
    """The loan's borrowers, the primary first."""
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
    people: list[Borrower],
    owners: Owners,
    value_of: Callable[[LogicalDocument], T | None],
    same: Callable[[LogicalDocument, T, T], bool],
) -> None:
    """A document whose name and SSN OCR lost: the borrower whose other
    documents give a value it gives (`value_of`, compared by `same`), when
    exactly one borrower's do. A name or SSN read that matched no one is
    not this case."""
    if len(people) < 2:
        return
    known: dict[int, list[T]] = {}
    for doc in ctx.documents:
        who = owners.get(doc.id)
        if who is not None and (v := value_of(doc)) is not None:
            known.setdefault(who.index, []).append(v)
    for doc in ctx.documents:
        if doc.type not in PER_BORROWER or doc.id in owners:
            continue
        mine = value_of(doc)
        if mine is None or text(doc, PER_BORROWER[doc.type]) or text(doc, "ssn_last4"):
            continue
        found = [who for who in people if any(same(doc, mine, v) for v in known.get(who.index, ()))]
        if len(found) == 1:
            owners[doc.id] = found[0]


def _employer_of(doc: LogicalDocument) -> str | None:
    employer = text(doc, "employer_name")
    return employer_key(employer) if employer else None


def _same_employer(doc: LogicalDocument, mine: str, other: str) -> bool:
    ocr = is_ocr(doc.fields.get("employer_name"))
    return compare_text(mine, other, ocr) is Verdict.SAME


def _owned_by_employer(ctx: LoanContext, people: list[Borrower], owners: Owners) -> None:
    """Of an employer whose name the application garbled: the borrower whose
    other documents name that employer."""
    _owned_by_shared(ctx, people, owners, _employer_of, _same_employer)


def _owned_by_start_date(ctx: LoanContext, people: list[Borrower], owners: Owners) -> None:
    """With its employer garbled too (a VOE's table page): the borrower whose
    other documents give the same employment start date (a day two
    borrowers rarely share; a VOE or an application states it)."""
    _owned_by_shared(
        ctx,
        people,
        owners,
        lambda doc: when(doc, "employment_start_date"),
        lambda doc, mine, other: mine == other,
    )


def ssn_of(doc: LogicalDocument, name: str) -> str | None:
    return _ssn(text(doc, name))


def owners(ctx: LoanContext, people: list[Borrower]) -> Owners:
    """Each per-borrower document's borrower, where one can be told."""
    found: Owners = {}
    if not people:
        return found
    for doc in ctx.documents:
        if doc.type in PER_BORROWER:
            who = _owner(people, doc)
            if who is not None:
                found[doc.id] = who
    _owned_by_employer(ctx, people, found)
    _owned_by_start_date(ctx, people, found)
    return found
