"""Reading a field's value once its caption is found: the text beside the
caption (`parse_after`, `parse_text`) or the cell under it, in a row of
values below a row of captions. `Reader` (reader.py) finds the captions."""

from __future__ import annotations

import re
from decimal import Decimal

from rapidfuzz.distance import Levenshtein

from flightline.pipeline.extractors.base import (
    DocText,
    Found,
    Spec,
)
from flightline.pipeline.extractors.cells import row_cells
from flightline.pipeline.extractors.label_cuts import (
    colon_cut,
    label_prefix,
    truncated_label_cut,
    word_not_label,
)
from flightline.pipeline.extractors.names import (
    CITY_STATE_ZIP,
    clean_address,
    clean_name,
    clean_person,
)
from flightline.pipeline.extractors.values import (
    TEXT_KINDS,
    pick,
    value_tokens,
)
from flightline.pipeline.model import Value

# Separators between a label and its value; `#`, `*` and `-` only when spaced,
# since they also start masked numbers (`###-##-1234`) and negative amounts;
# `,` and `;` only when spaced, a speck OCR put after a colon (`Co-Borrower:,`).
_LEAD = re.compile(r"^(?:[\s:=.>\])|]|[#*,;-](?=\s))*(?=\S)")
VALUE_END = re.compile(r"\s{2}|\s\|\s|\t")
_TRAIL_PUNCT = " \t:;,|_"
FUZZY_LABEL_MIN = 6
FUZZY_LABEL_SCORE = 85
_BOX_NUMBER = re.compile(r"\d{1,2}[a-z]?[.,]?")
_RULED_BOX_NUMBER = re.compile(r"[|Il1]?\d{1,2}[A-Za-z]?[.,]")
# A cell of a row whose columns are kept apart by wide gaps.
CELL = re.compile(r"\S+(?: \S+)*")
PAREN = re.compile(r"\([^)]{0,60}\)")
_SPECK_CELL_END = re.compile(r"(?=\D{1,4}$)[^A-Za-z]*(?:[A-Za-z][^A-Za-z]*){1,3}")
# (`and ZAP code`: a letter of the caption's ZIP misread)
_CAPTION_TAIL = re.compile(r"\b(?:z[a-z]p|[a-z]ip)\s*code\b|\band\s*zip\b", re.IGNORECASE)
_SHORT_SPECK = re.compile(r"[^\d\s]{1,4}")
_LONE_FIGURES = re.compile(r"[^\w$]{0,2}\d{1,2}[^\w$.,]{0,2}")
_FIGURES_CELL = re.compile(r"\W{0,2}\$?\s?\d[\d,./-]*\d\W{0,2}")
_LEAD_WORD = re.compile(r"[A-Za-z]{1,8}\s")
_SPECK_CAPTION = 4
_HEADER_SPECK = re.compile(r"[^\w\s]{0,2}(?:[A-Za-z]{1,2}|\d)[^\w\s]{0,2}")
_SPECK_CELL = re.compile(r"[^\w\s]{0,2}\w?[^\w\s]{0,2}\s{2,}(?=\d)")


def squeeze(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _echoes(heading: str, cell: str) -> bool:
    """`cell` is the one-word `heading` printed again and misread: of its
    case and length, half its letters or more in place."""
    a, b = heading.strip(), cell.strip()
    if not (a.isalpha() and b.isalpha() and len(a) >= 6 and abs(len(a) - len(b)) <= 1):
        return False
    return a.isupper() == b.isupper() and Levenshtein.normalized_similarity(a, b) >= 0.5


def _strip(text: str) -> str:
    m = _LEAD.match(text)
    return (text[m.end() :] if m else text).strip()


class ValueReader:
    """The value half of a `Reader`: what stands beside or below a caption.
    The caption half sets `any_label` and `_squeezed_labels`."""

    any_label: re.Pattern[str]
    _squeezed_labels: tuple[str, ...]

    def _is_label(self, cell: str) -> bool:
        """A cell holding a label, or what OCR made of one (`sate price`)."""
        if self.any_label.search(cell):
            return True
        from rapidfuzz import fuzz, process

        squeezed = squeeze(PAREN.sub(" ", cell))
        if len(squeezed) < FUZZY_LABEL_MIN:
            return False
        hit = process.extractOne(
            squeezed, self._squeezed_labels, scorer=fuzz.ratio, score_cutoff=FUZZY_LABEL_SCORE
        )
        return hit is not None

    def _cell_under(self, doc: DocText, spec: Spec, i: int, lstart: int) -> Found | None:
        """The text value in the cell of the line below that starts under the
        caption (`Robert Manuel Goodman` under `e Employee's first name`)."""
        j = doc.next_line(i)
        if j is None:
            return None
        below = doc.lines[j].text
        if self.any_label.match(below.lstrip()):
            return None
        text = doc.lines[i].text
        head = next((m.start() for m in CELL.finditer(text) if m.start() <= lstart < m.end()), 0)
        cell = next((m.group(0) for m in CELL.finditer(below) if abs(m.start() - head) <= 4), None)
        value = self.parse_text(spec, cell) if cell is not None else None
        return Found(value, j, i) if value is not None else None

    def _column_below(
        self, doc: DocText, spec: Spec, i: int, lstart: int, lend: int
    ) -> Found | None:
        """A header row of labels over a row of values, their columns apart by
        wide gaps (`Check Date    Pay Period    Frequency` over `03/31/2026
        03/16/2026 - 03/31/2026    Twice Monthly`): the cell under the
        label's column, when both rows have as many columns."""
        text = doc.lines[i].text
        cols = [m.span() for m in CELL.finditer(text)]
        # Box numbers (`9.`, `10.`) are not values: the row is still a header.
        typed = [
            t
            for t in value_tokens(text)
            if not _BOX_NUMBER.fullmatch(t[2].strip()) and not self._ruled_box(text, cols, t)
        ]
        if len(cols) < 2 or typed:
            return None
        k = next((n for n, (s, e) in enumerate(cols) if s <= lstart < e), None)
        if k is None or re.search(r"[A-Za-z0-9]", text[lend : cols[k][1]]):
            return None  # the label does not end its column: not a header cell
        # A header: most of its cells hold labels (`Position    Analyst` is a
        # label and its value, not a header).
        labelled = sum(self._is_label(text[s:e]) for s, e in cols)
        specks = [
            n
            for n, (s, e) in enumerate(cols)
            if n != k and _HEADER_SPECK.fullmatch(text[s:e]) and not self._is_label(text[s:e])
        ]
        # (specks read as cells, `'a`, `7`, are no columns of the header)
        figures = (
            self._figures_below(doc, i) if doc.ocr and labelled == 1 and len(cols) == 2 else []
        )
        if (
            labelled < 2 or labelled * 2 < len(cols) - (len(specks) if doc.ocr else 0)
        ) and not figures:
            return None
        beside = text[slice(*cols[k + 1])] if k + 1 < len(cols) else ""
        if beside and not self._is_label(beside):
            value_beside = (
                self.parse_text(spec, beside)
                if spec.kind in TEXT_KINDS
                else pick(spec.kind, beside)
            )
            if value_beside is not None:
                # the label's value beside it (`Employer  Reed Corp.  Start
                # Date  03/14/3015`): a row of pairs, not a header
                return None
        j = doc.next_line(i)
        if j is None:
            return None
        cells = figures or [m.group(0) for m in CELL.finditer(doc.lines[j].text)]
        if doc.ocr and len(cells) == len(cols) + 1 and _SPECK_CELL_END.fullmatch(cells[-1]):
            cells.pop()  # a speck past the last column read as a word (`Aaa`, `a°..`)
        if doc.ocr and len(cells) == len(cols) + 1:
            # a speck between two boxes read as a figure (`$330535.24   7
            # $27650.92`): no box holds a lone figure or two beside amounts
            lone = [n for n, c in enumerate(cells) if _LONE_FIGURES.fullmatch(c)]
            if len(lone) == 1 and lone[0] > 0 and any("$" in c or "." in c for c in cells):
                cells.pop(lone[0])
        if doc.ocr and specks and len(cells) == len(cols) - len(specks):
            # a speck read as a cell of the header (`Applicant.    iv.    8. SSN`)
            k -= sum(n < k for n in specks)
            cols = [c for n, c in enumerate(cols) if n not in specks]
        if (
            doc.ocr
            and spec.kind == "person"
            and len(cells) == len(cols) + 1
            and k + 1 < len(cells)
            and " " in cells[k]
            and re.fullmatch(r"[A-Z][a-z]+", cells[k + 1])
        ):
            # the last name OCR set a cell apart (`Stephanie Jennifer Jen
            # Melton    XXX-XX-4792` under `Borrower Name    SSN`)
            cells = [*cells[:k], f"{cells[k]} {cells[k + 1]}", *cells[k + 2 :]]
        if len(cells) != len(cols) or any(self.any_label.match(c) for c in cells):
            return None
        if spec.kind in TEXT_KINDS:
            value = self.parse_text(spec, cells[k])
            if (
                value is None
                and spec.kind == "person"
                and k == 0
                and all(" " not in c for c in cells)
            ):
                # one name OCR spaced wide (`Steven   Hall`), the other box empty
                value = self.parse_text(spec, " ".join(cells))
            if value is not None and spec.kind == "address":
                value = self._address_tail(doc, j, value)
            return Found(value, j, i) if value is not None else None
        parsed = pick(spec.kind, cells[k])
        return Found(self._sign(spec, parsed[1]), j, i) if parsed is not None else None

    def _ruled_box(
        self, text: str, cols: list[tuple[int, int]], token: tuple[int, int, str]
    ) -> bool:
        """A number opening a cell whose other words are a caption: the box's
        number, the rule before it read as digits (`||16 State wages` as
        `1116 State wages`)."""
        start, end = token[0], token[1]
        col = next(((s, e) for s, e in cols if s == start), None)
        return col is not None and self._is_label(text[end : col[1]])

    def _figures_below(self, doc: DocText, i: int) -> list[str]:
        """The line below's two cells when they hold figures only (`238,000.00
        08/07/2025`, a short word past them a speck): a row of values under
        two captions, one OCR garbled past knowing (`Veteatve Date`)."""
        j = doc.next_line(i)
        if j is None:
            return []
        cells = [m.group(0) for m in CELL.finditer(doc.lines[j].text)]
        if len(cells) == 3 and _SHORT_SPECK.fullmatch(cells[-1]):
            cells.pop()
        ok = len(cells) == 2 and all(_FIGURES_CELL.fullmatch(c) for c in cells)
        return cells if ok else []

    def _caption_pair(
        self, doc: DocText, spec: Spec, i: int, lstart: int, lend: int
    ) -> Found | None:
        """Two box captions side by side, the second one misread past knowing
        (`Name & Address of Employer    I Yes. on this job`, or only specks:
        `Property Address    [eae    Pe    See`), over their values
        (`Acme Corp    13`): the words beside the label are a caption when the
        cell under them is a bare number. The label's value is the cell below it."""
        text = doc.lines[i].text
        cols = [m.span() for m in CELL.finditer(text)]
        j = doc.next_line(i)
        if len(cols) < 2 or j is None:
            return None
        # the caption's first word misread (`Sudject Property Address`), and the
        # other caption read as specks (`[eae    Pe    See`)
        if cols[0][0] != lstart and not _LEAD_WORD.fullmatch(text[cols[0][0] : lstart]):
            return None
        if len(cols) > 2 and any(e - s > _SPECK_CAPTION for s, e in cols[1:]):
            return None
        if re.search(r"[A-Za-z0-9]", text[lend : cols[0][1]]):
            return None
        # a speck read as a letter or two (`I`) is no cell
        cells = [
            c
            for c in (m.group(0) for m in CELL.finditer(doc.lines[j].text))
            if len(c) > 2 or re.search(r"\d", c)
        ]
        if len(cells) != 2 or not re.fullmatch(r"\d{1,3}\W{0,2}", cells[1]):
            return None
        if self.any_label.match(cells[0]) or self._is_label(cells[0]):
            return None
        value = self.parse_text(spec, cells[0])
        return Found(value, j, i) if value is not None else None

    def _text_below(
        self, doc: DocText, spec: Spec, i: int, j: int, below: str, n_labels: int, k: int
    ) -> Found | None:
        if k != 0 and n_labels > 1:
            return None
        cells = row_cells(below)
        if doc.ocr and n_labels == 1 and len(cells) == 2 and _echoes(doc.lines[i].text, cells[0]):
            # a heading over its own caption's row, the caption misread
            # (`EMPLOYER` over `BHELCYER    Fleming & King Co.`)
            below = cells[1]
        if self.any_label.match(below) or re.match(r"^[^:]{1,30}:", below):
            return None
        # The first column of a value row ends where typed values begin.
        tokens = value_tokens(below)
        if tokens and n_labels > 1 and spec.kind != "address":
            below = below[: tokens[0][0]]
        value = self.parse_text(spec, below)
        if value is None:
            return None
        if spec.kind == "address":
            value = self._address_tail(doc, j, value)
        return Found(value, j, i)

    def parse_after(
        self, spec: Spec, rest: str, own: re.Pattern[str] | None = None
    ) -> Value | None:
        if spec.kind in TEXT_KINDS:
            return self.parse_text(spec, rest)
        m = _LEAD.match(rest)
        if m:
            rest = rest[m.end() :]
        parsed = pick(spec.kind, rest)
        if parsed is None:
            return None
        pos, value = parsed
        gap = rest[:pos]
        if own is not None:
            gap = own.sub(" ", gap)
        if len(gap) > spec.gap:
            return None
        # A value beyond another label belongs to that label (header rows);
        # prose labels (a long gap allowed) explain themselves in words.
        if spec.gap <= 45 and self.any_label.search(gap):
            return None
        return self._sign(spec, value)

    @staticmethod
    def _sign(spec: Spec, value: Value) -> Value:
        if isinstance(value, Decimal) and value < 0 and not spec.signed:
            return -value
        return value

    def parse_text(self, spec: Spec, rest: str) -> str | None:
        rest = _strip(rest)
        if not rest:
            return None
        cut = len(rest)
        m = next((x for x in self.any_label.finditer(rest) if not word_not_label(rest, x)), None)
        if m and m.start() > 0:
            cut = m.start()
        elif m and m.start() == 0:
            return None
        m2 = VALUE_END.search(rest)
        if m2 and spec.kind != "address":
            cut = min(cut, m2.start())
        colon = colon_cut(rest)
        if colon is not None:
            if m and colon < m.start() and not label_prefix(rest[colon : m.start()]):
                # `Sean C. Price Social Security Number:` - a known label ends
                # at the colon, and the label-like word before it (`Price`)
                # is no part of it but the value's own last word
                colon = m.start()
            cut = min(cut, colon)
        trunc = truncated_label_cut(rest)
        if trunc is not None:
            cut = min(cut, trunc)
        value = rest[:cut].strip(_TRAIL_PUNCT)
        if re.search(r"\w\.\.$", value):
            # Cut short by its box on the page: not the value, only part of it.
            return None
        if spec.kind == "name":
            value = clean_name(value) or ""
        elif spec.kind == "person":
            value = clean_person(value) or ""
        elif spec.kind == "address":
            # a speck read as a cell of its own before the street number
            # (`SUBJECT    E    21337 Birch Cir`) is no part of the address
            speck = _SPECK_CELL.match(value)
            value = clean_address(value[speck.end() :] if speck else value)
            # A US street address starts with its number (or a PO box).
            if not re.match(r"^(?:\d+[A-Za-z]?\s+\S|p\.?\s*o\.?\s*box)", value, re.IGNORECASE):
                value = ""
        if not value or len(value) < 2 or not re.search(r"[A-Za-z0-9]", value):
            return None
        if spec.kind == "text" and _RULED_BOX_NUMBER.fullmatch(value):
            return None  # the next caption's box number (`|11.`, read `111.`)
        if spec.kind in ("name", "person") and (
            self._caption(value)
            or re.fullmatch(r"[a-z]{1,4}\.?", value)
            or re.fullmatch(r"[A-Za-z]+\d+[A-Za-z]+", value)
        ):
            # a caption, a speck read as a word (`al`, `adel`, `es.`), or one word
            # with a digit inside (`Empl8ycc`: the next column's caption garbled)
            return None
        return value

    def _caption(self, value: str) -> bool:
        """A name read where a caption stands: a label OCR misread
        (`Employer` over `Empléyer    ACME INC`) or the tail of one
        (`Employer's name, addgess, and ZIP code`)."""
        if _CAPTION_TAIL.search(value):
            return True
        from rapidfuzz import fuzz, process

        squeezed = squeeze(value)
        if len(squeezed) < FUZZY_LABEL_MIN:
            return False
        hit = process.extractOne(
            squeezed, self._squeezed_labels, scorer=fuzz.ratio, score_cutoff=FUZZY_LABEL_SCORE
        )
        return hit is not None

    def _address_tail(self, doc: DocText, j: int, value: str) -> str:
        if CITY_STATE_ZIP.search(value):
            return value
        k = doc.next_line(j)
        if k is not None:
            nxt = doc.lines[k].text
            m = CITY_STATE_ZIP.search(nxt)
            if m and len(nxt) < 80 and not self.any_label.match(nxt):
                return f"{value}, {clean_address(nxt[: m.end()])}"
        return value
