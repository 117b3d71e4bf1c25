"""Label-anchored reading of values from a logical document's lines.

A field is found by its labels (many variants, matched tolerantly: case,
spacing, OCR look-alikes such as 0/O and 1/l/I) and its value read to the
right of the label on the same line or, when a line holds only labels (a
table header), from the line below by column order. Every value carries the
page and line it was read from; a value that cannot be read is left absent.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

from flightline.pipeline.extractors.cells import repair_dates, repair_numbers
from flightline.pipeline.extractors.names import (
    clean_address,
    clean_name,
    clean_person,
)
from flightline.pipeline.model import Evidence, FieldValue, LogicalDocument, PageText, Value
from flightline.pipeline.normalize import (
    DATE_ANY,
    fix_ocr_digits,
    normalize_date,
    normalize_money,
    normalize_percent,
)

EVIDENCE_MAX = 200

_CONFUSABLE = {
    "o": "[o0]",
    "0": "[o0]",
    "l": "[l1i|!]",
    "i": "[i1l|!]",
    "1": "[1li|]",
    "s": "[s5]",
    "5": "[5s]",
}
_SEPARATORS = " -._/,"
_MULTI_SPACE = re.compile(r"[ \t\u00a0]{2,}|\t")
_SPACE = re.compile(r"[ \u00a0]+")
# Words that make up labels: a value stops where a `Label Words:` begins.
LABEL_WORDS = frozenset(
    """name id number no date address ssn phone title department dept employee employer period
    rate status type account social security code location position hire start end zip
    city state amount total pay check ending beginning balance loan borrower co-borrower applicant
    tin ein fein file case branch routing tel fax email e-mail occupation frequency hours salary
    gross net ytd current issued closing disbursement purpose term product property value price
    insured policy premium coverage effective expiration expires agent lender relationship donor
    from to""".split()  # noqa: SIM905
)


_SEP = r"[ \t_./,-]{0,4}"


def _label_pattern(label: str) -> str:
    # Bounded separators and no optional start: a label pattern must not be
    # able to begin anywhere (a run of dots would cost quadratic time).
    out: list[str] = []
    # A label whose every letter has a digit look-alike (`SS#`) would match a
    # number (`557398`): its first letter is taken as written.
    literal = all(c in _CONFUSABLE for c in label.lower() if c.isalnum())
    # A symbol OCR may drop is optional, except in a label of two letters
    # (`SS#`): without it, any speck read `Ss` would be the label.
    short = sum(c.isalnum() for c in label) < 3
    for ch in label.lower().strip(_SEPARATORS):
        if literal and ch.isalnum():
            out.append(re.escape(ch))
            literal = False
        elif ch in _SEPARATORS:
            if out and out[-1] != _SEP:
                out.append(_SEP)
        elif ch in "'\u2019":
            out.append(r"['\u2019`]?")
        elif ch == "&":
            out.append(r"(?:&|and)")
        elif ch in _CONFUSABLE:
            out.append(_CONFUSABLE[ch])
        elif ch.isalnum():
            out.append(re.escape(ch))
        else:
            out.append(re.escape(ch) + ("?" if out and not short else ""))
    return "".join(out)


def label_regex(labels: Iterable[str]) -> re.Pattern[str]:
    """One pattern for all variants of a label, longest first, OCR-tolerant."""
    parts = sorted({_label_pattern(lb) for lb in labels}, key=len, reverse=True)
    # `Borrower` must not match inside `Co-Borrower`.
    return re.compile(
        r"(?<![a-z0-9])(?<!\bco-)(?<!\bco )(?:" + "|".join(parts) + r")(?![a-z]|['\u2019]s\b)",
        re.IGNORECASE,
    )


@dataclass(frozen=True, slots=True)
class Spec:
    """How to find one field: its labels and the kind of value after them."""

    name: str
    # date money money_last percent int year months ssn4 acct4 ein (typed, see
    # values.FINDERS) or text name person address (words, cleaned by kind)
    kind: str
    labels: tuple[str, ...]
    exclude: str | None = None  # a line matching this is not a candidate
    below: bool = True  # the value may sit on the line under the label
    last: bool = False  # take the last candidate instead of the first
    signed: bool = False  # keep a negative amount's sign
    gap: int = 45  # how far after its label a value may start (prose labels: more)

    def compiled(self) -> tuple[re.Pattern[str], re.Pattern[str] | None]:
        return label_regex(self.labels), (
            re.compile(self.exclude, re.IGNORECASE) if self.exclude else None
        )


@dataclass(slots=True)
class Line:
    page: int
    text: str
    start: int


@dataclass(slots=True)
class Found:
    value: Value
    line: int
    extra: int | None = None  # the header line, when read from the line below


def clean_line(raw: str, *, ocr: bool = False) -> str:
    text = raw.strip()
    if "  " in text or "\t" in text:
        # Two spaces or more separate columns (the OCR reader keeps a wide
        # gap on the page as several spaces, as a text layer does).
        text = _MULTI_SPACE.sub("  ", text)
    if not ocr:
        return text
    # An SSN's last four read half as letters (`SSN:  uoahion   OO04` for
    # 8994) are no four figures to read, whatever look-alikes make of them.
    text = _SSN_HALF_LETTERS.sub(lambda m: m.group(1) + "?" * len(m.group(2)), text)
    # Look-alike letters in numbers, slips in dates: OCR's; a text layer has none.
    return repair_dates(repair_numbers(fix_ocr_digits(text)))


_SSN_HALF_LETTERS = re.compile(
    r"(\bSSN\b[^\d\n]{0,24}?)(?<!\w)((?=(?:\d*[OoIl|]){2})[\dOoIl|]{4})(?!\w)", re.IGNORECASE
)


_SIGNAL = re.compile(r"[A-Za-z0-9]{2}")
_LABEL_ONLY = re.compile(r"^([A-Za-z#'\u2019][^:]{0,50}:)[\W_]{0,4}$")


def pair_columns(lines: list[str]) -> list[str]:
    """OCR reads a form's label column and value column as two blocks:
    `EMPLOYER:` `POSITION:` ... then `Acme Corp` `Analyst` ... A run of
    label-only lines followed by as many value lines is put back together,
    label beside value, as the page shows them."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _LABEL_ONLY.match(lines[j]):
            j += 1
        run = j - i
        values = lines[j : j + run]
        if run >= 3 and len(values) == run and not any(_LABEL_ONLY.match(v) for v in values):
            for label, value in zip(lines[i:j], values, strict=True):
                m = _LABEL_ONLY.match(label)
                assert m is not None
                out.append(f"{m.group(1)} {value}")
            i = j + run
            continue
        out.extend(lines[i : max(j, i + 1)])
        i = max(j, i + 1)
    return out


class DocText:
    """A logical document's lines, with one string to search and offsets."""

    def __init__(self, doc: LogicalDocument, pages: list[PageText]) -> None:
        # OCR spacing is noise; a text layer's double spaces separate columns.
        wanted = set(doc.pages)
        self.document_id = doc.source_document_id
        self.lines: list[Line] = []
        parts: list[str] = []
        pos = 0
        for p in pages:
            if p.page not in wanted or p.document_id != doc.source_document_id:
                continue
            ocr = p.method == "ocr"
            texts = [clean_line(raw, ocr=ocr) for raw in (p.text or "").splitlines()]
            texts = [t for t in texts if t and (not ocr or _SIGNAL.search(t))]
            if ocr:
                texts = pair_columns(texts)
            for text in texts:
                self.lines.append(Line(p.page, text, pos))
                parts.append(text)
                pos += len(text) + 1
        self.text = "\n".join(parts)
        self.ocr = any(p.method == "ocr" for p in pages if p.page in wanted)
        self._starts = [ln.start for ln in self.lines]

    def line_index(self, pos: int) -> int:
        return bisect_right(self._starts, pos) - 1

    def evidence(self, i: int, header: int | None = None) -> Evidence:
        line = self.lines[i]
        text = line.text
        if header is not None and header != i:
            text = f"{self.lines[header].text} / {text}"
        return Evidence(self.document_id, line.page, _SPACE.sub(" ", text)[:EVIDENCE_MAX])

    def value(self, found: Found) -> FieldValue:
        return FieldValue(found.value, self.evidence(found.line, found.extra))

    def field(self, value: Value, i: int) -> FieldValue:
        return FieldValue(value, self.evidence(i))

    def next_line(self, i: int) -> int | None:
        j = i + 1
        if j < len(self.lines) and self.lines[j].page == self.lines[i].page:
            return j
        return None

    def find_lines(self, pattern: re.Pattern[str]) -> Iterator[tuple[int, re.Match[str]]]:
        """Each match of `pattern` in the text, with the index of its line."""
        for m in pattern.finditer(self.text):
            yield self.line_index(m.start()), m


MONEY_GROUP = r"\$?\s*(\d[\d,]*(?:\.\d{2})?)"
DATE_GROUP = "(" + DATE_ANY + ")"
Sentence = tuple[str, str, re.Pattern[str]]


def rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def read_sentences(doc: DocText, sentences: Iterable[Sentence], out: dict[str, FieldValue]) -> None:
    """Values from the wording of a form or letter (`a gift of $5,000.00 to ...`),
    which may run over several lines: (field, kind, pattern with one group)."""
    for name, kind, pattern in sentences:
        if name in out:
            continue
        for m in pattern.finditer(doc.text):
            raw = " ".join(m.group(1).split())
            value: Value | None
            if kind == "money":
                value = normalize_money(raw)
            elif kind == "percent":
                value = normalize_percent(raw, bare=False) or normalize_percent(raw + "%")
            elif kind == "date":
                value = normalize_date(raw)
            elif kind == "months":
                value = int(raw) if raw.isdigit() else None
            elif kind == "address":
                value = clean_address(raw) or None
            elif kind == "person":
                value = clean_person(raw)
            else:
                value = clean_name(raw)
            if value is not None:
                out[name] = doc.field(value, doc.line_index(m.start(1)))
                break


_JOINED = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


def first_person(
    out: dict[str, FieldValue], name: str = "borrower_name", second: str | None = None
) -> None:
    """`Maria Garcia and Luis Garcia` printed as one value: the first person is
    the borrower; the second, when the type has a field for one, the co-borrower."""
    found = out.get(name)
    if found is None or not isinstance(found.value, str):
        return
    people = [p.strip(" ,") for p in _JOINED.split(found.value) if p.strip(" ,")]
    if len(people) < 2 or not all(len(p.split()) >= 2 for p in people[:2]):
        return
    out[name] = FieldValue(people[0], found.evidence)
    if second is not None and second not in out:
        out[second] = FieldValue(people[1], found.evidence)


def set_field(out: dict[str, FieldValue], name: str, fv: FieldValue | None) -> None:
    if fv is not None and name not in out:
        out[name] = fv


def as_date(value: Value | None) -> date | None:
    return value if isinstance(value, date) else None
