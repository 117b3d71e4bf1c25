"""Enumerated values: pay frequency, loan purpose, occupancy, account type,
and check boxes (the option marked in a row of them)."""

from __future__ import annotations

import re
from collections.abc import Callable

from flightline.pipeline.extractors.base import DocText
from flightline.pipeline.model import FieldValue

# -- enumerations ----------------------------------------------------------------

_FREQUENCIES = (
    # (`EYERY TWO WEEKS`: the words after a misread `every` still say it;
    # `TWQ WEEKS`: a letter of the two misread)
    (re.compile(r"bi\s*-?\s*weekly|\b(?:tw[a-z0]|2|other)\s+weeks?\b|fortnight", re.I), "biweekly"),
    (re.compile(r"semi\s*-?\s*monthly|twice\s+(?:a\s+|per\s+)?month", re.I), "semimonthly"),
    (re.compile(r"\bweekly\b", re.I), "weekly"),
    (re.compile(r"\bmonthly\b", re.I), "monthly"),
    (re.compile(r"\bannual(?:ly)?\b|\byearly\b", re.I), "annual"),
)
_PURPOSES = (
    (
        re.compile(r"(?:no|limited)\s*cash\s*-?\s*out|rate\s*(?:and|&|/)\s*term", re.I),
        "refinance",
    ),
    (re.compile(r"cash\s*-?\s*out", re.I), "cash_out_refinance"),
    (re.compile(r"refinanc|\brefi\b|rate\s*(?:and|&|/)\s*term|no\s*cash", re.I), "refinance"),
    (re.compile(r"purchase", re.I), "purchase"),
    (re.compile(r"construction", re.I), "construction"),
)
_OCCUPANCIES = (
    (re.compile(r"second\s*(?:home|residence)|vacation", re.I), "second_home"),
    # (`Non-~Owner`: a speck OCR read beside the hyphen)
    (re.compile(r"invest|rental|\bnon\W{0,3}owner", re.I), "investment"),
    (re.compile(r"primary|principal|owner\s*-?\s*occupied|\bowner\b", re.I), "principal_residence"),
)
_ACCOUNT_TYPES = (
    (re.compile(r"money\s*market", re.I), "money_market"),
    (re.compile(r"savings", re.I), "savings"),
    (re.compile(r"checking|share\s*draft", re.I), "checking"),
    (re.compile(r"certificate\s*of\s*deposit|\bCD\b", re.I), "certificate_of_deposit"),
    (re.compile(r"401\s*\(?k|retirement|\bIRA\b", re.I), "retirement"),
    (re.compile(r"brokerage|investment|stocks?", re.I), "brokerage"),
)


def _canon(table: tuple[tuple[re.Pattern[str], str], ...], text: str | None) -> str | None:
    if not text:
        return None
    for pattern, value in table:
        if pattern.search(text):
            return value
    return None


def canon_frequency(text: str | None) -> str | None:
    return _canon(_FREQUENCIES, text)


def canon_purpose(text: str | None) -> str | None:
    return _canon(_PURPOSES, text)


def canon_occupancy(text: str | None) -> str | None:
    return _canon(_OCCUPANCIES, text)


def canon_account_type(text: str | None) -> str | None:
    return _canon(_ACCOUNT_TYPES, text)


_CHECKED = re.compile(
    r"(?:\[\s*[xX\u2713\u2714]\s*\]|\u2612|\u2611|\u25a0|\(\s*[xX]\s*\)|\u2714|\u2713)\s*([^\[\]\u2610\u2612\u2611\u25a0\u25a1()\u2714\u2713]{2,40})"
)
_UNCHECKED = re.compile(r"\[\s*\]|\u2610|\u25a1|\(\s*\)")


# A box whose frame did not survive as text: `X Single Married filing jointly`.
_BARE_MARK = re.compile(
    r"(?:^|\s)[Xx\u2713\u2714]\s+([A-Za-z][A-Za-z/ -]{1,40}?)(?=\s+[A-Z][a-z]|\s*$|\s+[Xx]\s)"
)


def checked_option(text: str) -> str | None:
    """The option marked in a line of check boxes, or None if none is marked."""
    m = _CHECKED.search(text)
    if m:
        return m.group(1).strip()
    m = _BARE_MARK.search(text)
    return m.group(1).strip() if m else None


def has_boxes(text: str) -> bool:
    return bool(_UNCHECKED.search(text) or _CHECKED.search(text) or _BARE_MARK.search(text))


def read_enum(
    doc: DocText,
    label: re.Pattern[str],
    canon: Callable[[str | None], str | None],
    *,
    below: int = 1,
) -> FieldValue | None:
    """An enumerated field after its label: a checked box, else the words that follow."""
    for i, m in doc.find_lines(label):
        line = doc.lines[i]
        rest = line.text[m.end() - line.start :]
        if has_boxes(rest):
            option = checked_option(rest)
            value = canon(option)
            if value:
                return doc.field(value, i)
            continue
        head = rest[:60]
        value = canon(head)
        if value:
            return doc.field(value, i)
        j: int | None = i
        for _ in range(below):
            j = doc.next_line(j) if j is not None else None
            if j is None:
                break
            nxt = doc.lines[j].text
            value = canon(checked_option(nxt) if has_boxes(nxt) else nxt[:60])
            if value:
                return FieldValue(value, doc.evidence(j, i))
    return None
