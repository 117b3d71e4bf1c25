"""IDN-001 (a borrower's name spelt differently across documents) and IDN-002
(a borrower's SSN last 4 differing across documents).

Names that differ only in case, order, punctuation, suffix or a middle
name/initial are the same person; only a real spelling difference fires.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from flightline.pipeline.model import DocType, LogicalDocument
from flightline.rules.access import doc_label, text
from flightline.rules.compare import (
    Reading,
    Verdict,
    compare_name_words,
    compare_ssn,
    is_ocr,
)
from flightline.rules.engine import Issue, LoanContext, evidence, rule
from flightline.rules.facts import facts, split_reporting_unsure
from flightline.rules.keys import (
    employer_key,
    garbled,
    looks_like_company,
    name_key,
    name_words,
    resembles_employer,
)
from flightline.rules.roster import (
    PER_BORROWER,
    Borrower,
    best_match,
    boxes_share_ssn,
    own_co_borrower,
    ssn_of,
)

T = TypeVar("T")
_NAME_FIELDS = ("borrower_name", "employee_name", "taxpayer_name")
_SSN_OF = {"borrower_name": "ssn_last4", "co_borrower_name": "co_borrower_ssn_last4"}


@dataclass
class Mention:
    who: Borrower
    value: str
    doc: LogicalDocument
    field: str

    @property
    def ocr(self) -> bool:
        return is_ocr(self.doc.fields.get(self.field))


def _party(
    people: list[Borrower], doc: LogicalDocument, name_field: str, position: int
) -> Borrower | None:
    """Who a document's party field names: the borrower it spells exactly; else,
    for a URLA's co-borrower, the best match among the others; else the one the
    field denotes (`borrower_name` the primary, `co_borrower_name` the other)."""
    name = text(doc, name_field)
    key = name_key(name) if name else None
    exact = [p for p in people if p.key == key]
    if len(exact) == 1:
        return exact[0]
    ssn = ssn_of(doc, _SSN_OF[name_field])
    if doc.type == DocType.urla_1003 and name_field == "co_borrower_name":
        owner = next((p for p in people if p.urla is doc), None)
        others = [p for p in people if p is not owner]
        return best_match(others, name, ssn, None) if others else None
    two = name is not None and bool(_GLUED_AND.search(name) or _TWO_PARTIES.search(name))
    if is_ocr(doc.fields.get(name_field)) and len(people) > 1 and not two:
        # a scan's party named nearer another borrower than the one its
        # place denotes (`Charles R. Foster` first on the Note, the
        # co-borrower read `Cffarles Foster` on his application) is that one
        nearest = best_match(people, name, ssn, None, True)
        if nearest is not None:
            return nearest
    return people[position] if len(people) > position else None


def _mentions(ctx: LoanContext) -> tuple[list[Mention], list[Mention]]:
    f = facts(ctx)
    people = f.borrowers
    names: list[Mention] = []
    ssns: list[Mention] = []
    if not people:
        return names, ssns
    for doc in ctx.documents:
        # both applicants' boxes read alike: one was read into the other
        shared = doc.type == DocType.urla_1003 and boxes_share_ssn(doc)
        if doc.type in PER_BORROWER:
            owner = f.owner(doc)
            if owner is not None:
                for name_field in _NAME_FIELDS:
                    if (v := text(doc, name_field)) is not None:
                        names.append(Mention(owner, v, doc, name_field))
                if (v := ssn_of(doc, "ssn_last4")) is not None and not shared:
                    ssns.append(Mention(owner, v, doc, "ssn_last4"))
            parties = [("co_borrower_name", 1)]
        else:
            parties = [("borrower_name", 0), ("co_borrower_name", 1)]
        for name_field, position in parties:
            who = _party(people, doc, name_field, position)
            if who is None:
                continue
            if (v := text(doc, name_field)) is not None:
                names.append(Mention(who, v, doc, name_field))
            ssn_field = _SSN_OF[name_field]
            if (v := ssn_of(doc, ssn_field)) is not None and not shared:
                ssns.append(Mention(who, v, doc, ssn_field))
    return names, ssns


def _differences(
    ctx: LoanContext,
    mentions: list[Mention],
    key: Callable[[str], T],
    verdict: Callable[[T, T, bool], Verdict],
    what: str,
) -> list[tuple[Borrower, Mention, list[Mention]]]:
    """Per borrower whose mentions disagree: the reference reading (the one most
    documents agree on, the URLA's on a tie) and the mentions that differ. A
    mention too noisy to judge (OCR) is reported once as unreadable instead."""
    out = []
    # an employer's name read where the person's belongs
    employers = {employer_key(e) for m in mentions if (e := m.who.employer)}
    # ... and the one the document itself names (the URLA's may be misread)
    employers |= {employer_key(e) for m in mentions if (e := text(m.doc, "employer_name"))}
    by_who: dict[int, list[Mention]] = {}
    for m in mentions:
        by_who.setdefault(m.who.index, []).append(m)
    for mentioned in by_who.values():
        who = mentioned[0].who
        found = []
        for m in mentioned:
            if what == "name" and (
                looks_like_company(m.value)
                or (m.ocr and (garbled(m.value) or resembles_employer(m.value, employers)))
                or (m.ocr and m.field == "borrower_name" and own_co_borrower(m.doc, m.value))
            ):
                ctx.could_not_read(
                    f"{what} {who.label} {m.doc.id}",
                    f"{who.name}'s {what} on the {doc_label(m.doc)}",
                    [evidence(m.doc, m.field)],
                )
            else:
                found.append(m)
        readings = [
            Reading(
                _copied(
                    key(_comma_read(_first_of_two(m), found) if what == "name" else m.value), m
                ),
                m.value,
                m.doc,
                m.field,
                m.ocr,
            )
            for m in found
        ]

        def prefer(r: Reading[T], own: LogicalDocument | None = who.urla) -> tuple[bool, ...]:
            return (r.doc is own, r.doc.type == DocType.urla_1003, not r.ocr)

        split = split_reporting_unsure(
            ctx,
            readings,
            _read_twice(verdict) if what == "name" else verdict,
            prefer,
            f"{what} {who.label}",
            f"{who.name}'s {what}",
        )
        if split is None:
            continue
        ref, odd = split
        by_reading = {id(r): m for r, m in zip(readings, found, strict=True)}
        if odd:
            out.append((who, by_reading[id(ref)], [by_reading[id(r)] for r in odd]))
    return out


class _Words(tuple[str, ...]):
    """A name's words, with the words of a second copy of the same print on
    the page (a W-2's Copy B and Copy C) when OCR read one."""

    copy: tuple[str, ...] = ()


def _copied(found: T, m: Mention) -> T:
    copy = text(m.doc, f"{m.field}_copy") if m.ocr else None
    if copy is None or not isinstance(found, tuple):
        return found
    words = _Words(found)
    words.copy = name_words(copy)
    return words  # type: ignore[return-value]


def _read_twice(verdict: Callable[[T, T, bool], Verdict]) -> Callable[[T, T, bool], Verdict]:
    """A difference a misread could explain is no misread when both copies
    of the print spell the word alike: OCR seldom slips twice the same way."""

    def judged(a: T, b: T, ocr: bool) -> Verdict:
        found = verdict(a, b, ocr)
        if found is not Verdict.UNSURE:
            return found
        for mine, other in ((a, b), (b, a)):
            if not isinstance(mine, _Words) or not mine.copy or not isinstance(other, tuple):
                continue
            if (set(mine) & set(mine.copy)) - set(other) and (
                verdict(other, mine.copy, ocr) is not Verdict.SAME  # type: ignore[arg-type]
            ):
                return Verdict.DIFFERENT
        return found

    return judged


# (a reading naming both parties is the first one's, by its place)
_TWO_PARTIES = re.compile(r"\band\b|&", re.IGNORECASE)
# `Rebecca Kellyand Nicole J. Manning`: two parties whose `and` OCR glued to
# the first one's last name (`Harrisagd`: a letter of it misread as well).
_GLUED_AND = re.compile(r"(?<=[a-z])a(?:n[a-z]|[a-z]d)\s+(?=[A-Z])")


def _first_of_two(m: Mention) -> Mention:
    """An OCR'd mention naming two parties with the `and` glued on: the first."""
    found = _GLUED_AND.search(m.value) if m.ocr else None
    # both sides whole names, a suffix no name of its own (`John Rowland
    # Smith`, `Aaron Leonard Peterson Jr.` are one person each)
    if (
        found is None
        or min(len(name_words(m.value[: found.start()])), len(name_words(m.value[found.end() :])))
        < 2
    ):
        return m
    return Mention(m.who, m.value[: found.start()], m.doc, m.field)


def _comma_read(m: Mention, mentions: list[Mention]) -> str:
    """An OCR'd name with a comma: "Last, First" or a speck read as a comma
    ("Michglle, Tammy Williams"). The reading the other mentions agree with,
    when exactly one of the two does; else the comma is taken as written."""
    if not m.ocr or "," not in m.value:
        return m.value
    plain = m.value.replace(",", " ")
    others = [name_words(o.value) for o in mentions if o is not m and "," not in o.value]

    def agreed(value: str) -> bool:
        words = name_words(value)
        return any(compare_name_words(words, o, True) is not Verdict.DIFFERENT for o in others)

    fits = [v for v in (m.value, plain) if agreed(v)]
    if fits == [plain]:
        return plain
    if len(fits) == 2:
        # both near enough (`#Cameron, Mark Mcdaniel`: the words are all there
        # either way): the reading whose first and last names the others state
        def same_ends(value: str) -> int:
            words = name_words(value)
            return sum(frozenset((o[0], o[-1])) == frozenset((words[0], words[-1])) for o in others)

        if same_ends(plain) > same_ends(m.value):
            return plain
    return m.value


def ordinal(who: Borrower) -> str:
    return f"borrower {who.index} ({who.name})"


def _where(odd: list[Mention]) -> str:
    labels = list(dict.fromkeys(doc_label(m.doc) for m in odd))
    return ", ".join(labels)


@rule("IDN-001")
def name_mismatch(ctx: LoanContext) -> list[Issue]:
    names, _ = _mentions(ctx)
    issues = []
    for who, ref, odd in _differences(ctx, names, name_words, compare_name_words, "name"):
        issues.append(
            ctx.issue(
                "IDN-001",
                f"The name of {ordinal(who)} reads '{odd[0].value}' on the {_where(odd)} but "
                f"'{ref.value}' on the {doc_label(ref.doc)}; confirm the borrower's identity and "
                "obtain corrected documents.",
                evidence=[evidence(m.doc, m.field) for m in (ref, *odd)],
                observed=odd[0].value,
                limit=ref.value,
                subject=who.label,
            )
        )
    return issues


# an SSN printed whole, its mask (or its figures) and breaks read intact
_WHOLE_SSN = r"(?<![\w*#])(?:[Xx]{3}|\*{3}|#{3}|\d{3})-(?:[Xx]{2}|\*{2}|#{2}|\d{2})-%s(?!\d)"


def _whole_ssn(m: Mention) -> bool:
    found = m.doc.fields.get(m.field)
    whole = re.compile(_WHOLE_SSN % re.escape(m.value))
    return found is not None and whole.search(found.evidence.text) is not None


@rule("IDN-002")
def ssn_mismatch(ctx: LoanContext) -> list[Issue]:
    _, ssns = _mentions(ctx)
    whole = {m.value for m in ssns if _whole_ssn(m)}

    def verdict(a: str, b: str, ocr: bool) -> Verdict:
        return compare_ssn(a, b, ocr, a in whole and b in whole)

    issues = []
    for who, ref, odd in _differences(ctx, ssns, lambda v: v, verdict, "SSN"):
        issues.append(
            ctx.issue(
                "IDN-002",
                f"The SSN of {ordinal(who)} ends {odd[0].value} on the {_where(odd)} but "
                f"{ref.value} on the {doc_label(ref.doc)}; confirm the SSN and obtain corrected "
                "documents.",
                evidence=[evidence(m.doc, m.field) for m in (ref, *odd)],
                observed=odd[0].value,
                limit=ref.value,
                subject=who.label,
            )
        )
    return issues
