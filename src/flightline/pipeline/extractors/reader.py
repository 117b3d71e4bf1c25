"""Reading labelled fields off a document's lines: `Reader` finds each
`Spec`'s label (exact, fuzzy on OCR'd pages, cut short by its box) and takes
the value beside or below it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from rapidfuzz.distance import Levenshtein

from flightline.pipeline.extractors.base import (
    DocText,
    Found,
    Spec,
    label_regex,
)
from flightline.pipeline.extractors.cells import TRAILING_SPECK, row_cells
from flightline.pipeline.extractors.repeats import agreed, front_lost, zero_led
from flightline.pipeline.extractors.value_reader import (
    CELL,
    FUZZY_LABEL_MIN,
    FUZZY_LABEL_SCORE,
    PAREN,
    VALUE_END,
    ValueReader,
    squeeze,
)
from flightline.pipeline.extractors.values import (
    FINDERS,
    TEXT_KINDS,
    pick,
    value_cells,
    value_tokens,
)
from flightline.pipeline.model import FieldValue, Value

REST_MAX = 240  # characters after a label where its value may be
MAX_CANDIDATES = 400  # label occurrences tried per field
_REPEATS_TRIED = 12  # occurrences of an OCR'd amount's label read to check it
_SSN_CAPTION = re.compile(r"\bssn\b|social\s*security", re.IGNORECASE)
# A box's number before its caption (`17 State income tax`, `|15 State`)
_BOX_LEAD = re.compile(r"^[|\[(]?\d{1,2}[a-z]?\.?\s+")
# Labels found on every kind of document: they end the value before them.
COMMON_LABELS = (
    "Loan Number",
    "Loan No",
    "Loan #",
    "Loan ID",
    "File Number",
    "File No",
    "Case Number",
    "Phone",
    "Telephone",
    "Fax",
    "Email",
    "Page",
)
# OCR'd labels: the words of a cell (up to a colon or a wide gap) that may be
# a misread label, and how close (0-100) they must be to one.
_COLON_CAPTION = re.compile(r"^\W{0,2}([A-Za-z][^:]{3,40}?)\s*:")
_LABEL_CELL = re.compile(r"(?:^|(?<=\s\s))([^\s:][^:]{3,70}?)(?=\s*[:;]|\s{2}|$)")
_TRUNC_MARK = re.compile(r"(?<=[\w/])\s?\.\.(?!\.)")
# On a scan the cut's two points may read as one (`TOTAL OBLIGATIONS/ING.`)
_OCR_TRUNC_MARK = re.compile(r"(?<=[\w/])\s?\.{1,2}(?!\.)")
# A cut caption this long keeps its place with one letter misread
_CUT_MISREAD_MIN = 12
_CUT_TWO_SLIPS_MIN = 18
_TRUNCATED = re.compile(r"[\w,' ]{0,25}\.\.\s*$")
# On a scan a cut-short caption may have other captions after it on its line.
_OCR_TRUNCATED = re.compile(r"[\w,' ]{0,25}\.\.(?!\.)")
_LABEL_JOIN = re.compile(r"[\s:.,()#-]{0,3}")


def _cut_misread(before: str, start: str) -> bool:
    """`before` ends with `start` but for one letter OCR misread (`...sing`
    for `...sinc`, the start of `Total Obligations/Income`)."""
    n = len(start)
    tail = before[-n:]
    if (
        n >= _CUT_MISREAD_MIN
        and len(tail) == n
        and sum(a != b for a, b in zip(tail, start, strict=True)) == 1
    ):
        return True
    # a longer one with two slips, a letter misread and a mark read as one
    # (`Total Obligatfons/iInc..`): the same within two edits
    return n >= _CUT_TWO_SLIPS_MIN and any(
        Levenshtein.distance(before[-k:], start, score_cutoff=2) <= 2
        for k in range(n - 2, n + 3)
        if len(before) >= k
    )


def _captions_only(line: str) -> bool:
    """A line of captions alone: no colon pairs, no values."""
    return ":" not in line and not value_tokens(line)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]{2,}", text.lower()))


class Reader(ValueReader):
    """Finds the fields of one document type in a DocText."""

    def __init__(self, specs: Iterable[Spec], extra_labels: Iterable[str] = ()) -> None:
        self.specs = {s.name: s for s in specs}
        self._compiled = {s.name: s.compiled() for s in self.specs.values()}
        every = [
            *(lb for s in self.specs.values() for lb in s.labels),
            *extra_labels,
            *COMMON_LABELS,
        ]
        self.any_label = label_regex(every)
        self._squeezed_labels = tuple({squeeze(lb) for lb in every if len(lb) >= 4})
        self._prefixes: dict[str, tuple[str, ...]] = {}
        self._fuzzy_labels: dict[str, tuple[str, ...]] = {}

    def read(self, doc: DocText, out: dict[str, FieldValue], names: Iterable[str] = ()) -> None:
        for name in names or self.specs:
            if name in out:
                continue
            found = self.find(doc, name)
            if found is not None:
                out[name] = doc.value(found)

    def _later(
        self,
        doc: DocText,
        spec: Spec,
        label_re: re.Pattern[str],
        exclude: re.Pattern[str] | None,
        after: int,
        label: str,
        tail: bool = False,
    ) -> list[Found]:
        """The readings of the same caption further down (a form repeats its
        key amounts: a CD's cash to close on page 1 and page 3); another of
        the field's labels may name another amount (`Balance Forward`).
        With `tail`, a caption the first ends with counts as the same."""
        out: list[Found] = []
        for i, caption, found in self._readings(doc, spec, label_re, exclude, _REPEATS_TRIED):
            if (
                i > after
                and found is not None
                and (
                    caption.startswith(label)
                    or label.startswith(caption)
                    or (tail and label.endswith(caption))
                )
            ):
                out.append(found)
        return out

    def _readings(
        self,
        doc: DocText,
        spec: Spec,
        label_re: re.Pattern[str],
        exclude: re.Pattern[str] | None,
        limit: int,
    ) -> Iterator[tuple[int, str, Found | None]]:
        """Each occurrence of the field's labels (up to `limit`) not on an
        excluded line: its line, its caption squeezed, and what it reads."""
        for n, (i, m) in enumerate(doc.find_lines(label_re)):
            if n >= limit:
                return
            line = doc.lines[i]
            if exclude is not None and exclude.search(line.text):
                continue
            start, end = m.start() - line.start, m.end() - line.start
            if self._inside_other(spec, line.text, start, end):
                continue  # `SSN` of `Co-Borrower SSN`: another field's caption
            if doc.ocr:
                start, end = self._own_cell_before(spec, line.text, start) or (start, end)
            found = self._read_at(doc, spec, label_re, i, start, end)
            yield i, squeeze(m.group(0)), found

    def _inside_other(self, spec: Spec, text: str, start: int, end: int) -> bool:
        """The label at `start:end` is part of a longer label of another field."""
        for m in self.any_label.finditer(text):
            if m.start() > start:
                break
            if m.end() >= end and m.end() - m.start() > end - start:
                owner = self._owner(m.group(0))
                return owner is not None and owner != spec.name
        return False

    def _own_cell_before(self, spec: Spec, text: str, start: int) -> tuple[int, int] | None:
        """A box row whose first cell is this field's own label misread
        (`Soci Security Number    SSN`, the second box `Co-Borrower SSN` with
        its first words lost): the first cell is the field's, not the later
        label read right."""
        first = CELL.search(text)
        if first is None or first.end() >= start or "  " not in text[first.end() : start]:
            return None
        if self._misread_own_label(spec, first.group(0)) is None:
            return None
        return first.span()

    def _misread_own_label(self, spec: Spec, words: str) -> float | None:
        """How near a cell's words are to one of the field's labels, when they
        are a misreading of it: not another label read right (`Employer` is
        not `Employee`), and nearer this field's labels than any other's."""
        squeezed = squeeze(PAREN.sub(" ", words))
        if len(squeezed) < FUZZY_LABEL_MIN or len(squeezed) > 40:
            return None
        if self.any_label.fullmatch(words.strip()) or self._other_field(spec, words):
            return None
        from rapidfuzz import fuzz, process

        labels = self._own_fuzzy(spec)

        def nearest(choices: Iterable[str], cutoff: float) -> float | None:
            # (an m OCR read as two letters, `Eniployer`, compared as the m)
            hits = [
                process.extractOne(
                    squeezed, choices, scorer=fuzz.ratio, processor=fold, score_cutoff=cutoff
                )
                for fold in (None, _m_folded)
            ]
            scores = [h[1] for h in hits if h is not None]
            return max(scores) if scores else None

        hit = nearest(labels, FUZZY_LABEL_SCORE)
        if hit is None:
            return None
        best = nearest([lb for lb in self._squeezed_labels if lb not in labels], 0)
        if best is not None and best >= hit:
            # nearer another field's label (`Employer's fame` is not `Employee's
            # name`), or as near (`EMPLOYBE`: which of the two is unknown)
            return None
        return float(hit)

    def _own_fuzzy(self, spec: Spec) -> tuple[str, ...]:
        labels = self._fuzzy_labels.get(spec.name)
        if labels is None:
            labels = tuple(
                {squeeze(lb) for lb in spec.labels if len(squeeze(lb)) >= FUZZY_LABEL_MIN}
            )
            self._fuzzy_labels[spec.name] = labels
        return labels

    def find(self, doc: DocText, name: str) -> Found | None:
        spec = self.specs[name]
        label_re, exclude = self._compiled[name]
        result: Found | None = None
        for i, caption, found in self._readings(doc, spec, label_re, exclude, MAX_CANDIDATES):
            if found is not None:
                if not spec.last:
                    if doc.ocr and spec.kind == "money":
                        if zero_led(doc, found):
                            wider = self._later(doc, spec, label_re, exclude, i, caption, True)
                            fixed = front_lost(found, wider)
                            if fixed is not None:
                                return fixed
                        later = self._later(doc, spec, label_re, exclude, i, caption)
                        return agreed(doc, found, later)
                    if doc.ocr and spec.kind in ("person", "name") and ":" not in doc.lines[i].text:
                        # a section's heading (`Employee   Peet Shea  Te`, specks
                        # read as words) over the caption itself (`Employee:`)
                        later = self._later(doc, spec, label_re, exclude, i, caption)
                        nxt = doc.next_line(i)
                        if later and nxt is not None and _captioned(doc, later[0], nxt):
                            return later[0]
                        below = self._misread_caption_at(doc, spec, label_re, nxt)
                        if below is not None:
                            return below  # (the caption OCR misread: `Eniployer:`)
                    return found
                result = found
        if result is None and ".." in doc.text:
            result = self._find_truncated(doc, spec, label_re)
        if result is None and doc.ocr:
            result = self._find_misread(doc, spec, label_re, exclude)
        return result

    def _misread_caption_at(
        self, doc: DocText, spec: Spec, label_re: re.Pattern[str], i: int | None
    ) -> Found | None:
        """The value beside a caption with its colon that opens line `i`, when
        the caption is a misreading of the field's own label."""
        if i is None:
            return None
        m = _COLON_CAPTION.match(doc.lines[i].text)
        if m is None or self._misread_own_label(spec, m.group(1)) is None:
            return None
        return self._read_at(doc, spec, label_re, i, m.start(1), m.end(1))

    def _find_misread(
        self,
        doc: DocText,
        spec: Spec,
        label_re: re.Pattern[str],
        exclude: re.Pattern[str] | None = None,
    ) -> Found | None:
        """A label OCR read with a letter or two wrong (`hosing Balance:`,
        `Emp1oyer Narne`): each label-like cell of a line (the words before a
        colon, or a cell between wide gaps) compared with the field's labels."""
        if not self._own_fuzzy(spec):
            return None
        for i, line in enumerate(doc.lines):
            if exclude is not None and exclude.search(line.text):
                continue
            for m in _LABEL_CELL.finditer(line.text):
                # (a caption's aside is not its label: `Name (include Jr. or Sr.)`;
                # but a caption may be all in brackets: `1. To (Name and address
                # of @fhployer)`)
                spans = [m.span(1)] + [
                    (m.start(1) + p.start() + 1, m.start(1) + p.end() - 1)
                    for p in PAREN.finditer(m.group(1))
                ]
                for start, end in spans:
                    if self._misread_own_label(spec, line.text[start:end]) is None:
                        continue
                    found = self._read_at(doc, spec, label_re, i, start, end)
                    if found is not None:
                        return found
        return None

    def _find_truncated(self, doc: DocText, spec: Spec, label_re: re.Pattern[str]) -> Found | None:
        """A label cut short by its box (`Primary Housing Expense/Inco..`): the
        text before `..` ends with the start of one of the field's labels."""
        starts = self._prefixes.get(spec.name)
        if starts is None:
            starts = tuple(squeeze(lb) for lb in spec.labels if len(lb) >= 10)
            self._prefixes[spec.name] = starts
        for i, m in doc.find_lines(_OCR_TRUNC_MARK if doc.ocr else _TRUNC_MARK):
            line = doc.lines[i]
            end = m.start() - line.start
            before = squeeze(line.text[:end])
            for label in starts:
                for n in range(len(label) - 1, 7, -1):
                    if before.endswith(label[:n]) or (doc.ocr and _cut_misread(before, label[:n])):
                        found = self._read_at(doc, spec, label_re, i, end, end + 2)
                        if found is not None:
                            return found
                        break
        return None

    def _other_field(self, spec: Spec, words: str) -> bool:
        """A cell that is, but for a box letter (`c Employer's name, ...`),
        another field's label read right."""
        m = self.any_label.search(words)
        if m is None or re.search(r"[A-Za-z]{2}", words[: m.start()]):
            return False
        owner = self._owner(m.group(0))
        return owner is not None and owner != spec.name and not words[m.end() :].strip()

    def _owner(self, label: str) -> str | None:
        for name, (pattern, _) in self._compiled.items():
            if pattern.fullmatch(label):
                return name
        return None

    def labels_in(self, text: str) -> list[tuple[int, int]]:
        """Label spans of a line; two labels of one field side by side
        (`Box 1 Wages, tips`) count as one column."""
        spans: list[tuple[int, int]] = []
        owners: list[str | None] = []
        for m in self.any_label.finditer(text):
            owner = self._owner(m.group(0))
            if (
                spans
                and owner is not None
                and owner == owners[-1]
                and _LABEL_JOIN.fullmatch(text[spans[-1][1] : m.start()])
            ):
                spans[-1] = (spans[-1][0], m.end())
            else:
                spans.append((m.start(), m.end()))
                owners.append(owner)
        return spans

    def _read_at(
        self, doc: DocText, spec: Spec, own: re.Pattern[str], i: int, lstart: int, lend: int
    ) -> Found | None:
        text = doc.lines[i].text
        if "  " in text:
            column = self._column_below(doc, spec, i, lstart, lend)
            if column is None and doc.ocr and spec.kind in TEXT_KINDS:
                column = self._caption_pair(doc, spec, i, lstart, lend)
            if column is not None:
                return column
        # A value sits within a few words of its label; a very long line (a
        # garbled page) must not make each candidate cost the whole line.
        rest = text[lend : lend + REST_MAX]
        value = self.parse_after(spec, rest, own)
        if value is not None and doc.ocr and spec.below:
            if self._between_captions(text, rest, value):
                under = self._cell_under(doc, spec, i, lstart)
                if under is not None:
                    return under
            elif self._numbered_caption_next(text, rest, value):
                # the cell under it names someone the cell beside shares no
                # word with: the one beside was the misread caption
                under = self._cell_under(doc, spec, i, lstart)
                if under is not None and not _words(str(value)) & _words(str(under.value)):
                    return under
        if value is not None:
            if spec.kind == "address":
                value = self._address_tail(doc, i, str(value))
            return Found(value, i)
        if not spec.below:
            return None
        # Below only from a line of labels (a table header or a label alone):
        # a line with words or values of its own is not a header.
        # A label cut short by its box (`Last ..`) is still just a label.
        cut = _OCR_TRUNCATED if doc.ocr else _TRUNCATED
        # a speck at the end of a scanned header (`SSN        7`) is no value
        head = TRAILING_SPECK.sub("", rest) if doc.ocr else rest
        remainder = cut.sub("", PAREN.sub(" ", self.any_label.sub(" ", head)))
        if value_tokens(head) or len(re.sub(r"[^A-Za-z]", "", remainder)) > 3:
            return None
        j = doc.next_line(i)
        if j is None:
            return None
        below = doc.lines[j].text
        if spec.kind not in TEXT_KINDS and self._other_label_first(below, own):
            # the line below is another label's, with its own value
            # (`Estimated Total Monthly Payment $6,578.75` under an escrow
            # whose amount OCR garbled)
            return None
        labels = self.labels_in(text)
        k = next((n for n, (s, e) in enumerate(labels) if s < lend and lstart < e), 0)
        before = self.any_label.sub(" ", text[:lstart])
        if len(re.sub(r"[^A-Za-z]", "", before)) > 20:
            if not rest.strip().startswith(":"):
                # Prose that happens to end on a label word, not a label.
                return None
            # A sentence that ends with a label (`... Property Address:`): the
            # value is the next line, whatever labels the sentence mentioned.
            labels, k = [(lstart, lend)], 0
        if len(labels) > 1:
            # A header row over a value row: as many cells as labels, read by column.
            cells = value_cells(below, len(labels))
            if len(cells) == len(labels):
                cell = cells[k]
                if spec.kind in TEXT_KINDS:
                    value = self.parse_text(spec, cell)
                    return Found(value, j, i) if value is not None else None
                parsed = pick(spec.kind, cell)
                return Found(self._sign(spec, parsed[1]), j, i) if parsed is not None else None
        if spec.kind in TEXT_KINDS:
            return self._text_below(doc, spec, i, j, below, len(labels), k)
        if doc.ocr:
            # boxes whose rows line up cell for cell: the caption's own box
            # (`#4587]` under the other box's caption is not this value),
            # however few of the captions read as ours
            heads = [m.span() for m in CELL.finditer(text)]
            cells = [m.group(0) for m in CELL.finditer(below)]
            kc = next((n for n, (s, e) in enumerate(heads) if s <= lstart < e), None)
            if len(heads) > 1 and len(cells) == len(heads) and kc is not None:
                below, labels, k = cells[kc], [(lstart, lend)], 0
        tokens = value_tokens(below)
        if tokens and len(labels) == len(tokens):
            token = tokens[k][2]
            if spec.kind == "ssn4" and doc.ocr:
                # four digits that open a cell (`3126 MORALES ROAD`) are a
                # street number standing where a garbled mask left no token
                token = next(
                    (
                        m.group(0)
                        for m in CELL.finditer(below)
                        if tokens[k][0] >= m.start() and tokens[k][1] <= m.end()
                    ),
                    token,
                )
            parsed = pick(spec.kind, token)
            if parsed is not None:
                return Found(self._sign(spec, parsed[1]), j, i)
        mine = FINDERS[spec.kind](below)
        if not mine and spec.kind == "ssn4" and doc.ocr:
            # A garbled mask (`SHAE 5325`) is read only as a cell of its own,
            # and specks shift the columns: the row's one such cell is it.
            mine = [v for c in row_cells(below) if (v := pick(spec.kind, c)) is not None]
            mine = mine if len(mine) == 1 else []
        # (a scan's one SSN caption over a row of other cells, `Employer
        # Address    SSN` over `3136 Cedar Terrace, ...    53789    xxx 7747`:
        # the row's one SSN is the caption's)
        lone_ssn = spec.kind == "ssn4" and doc.ocr and len(_SSN_CAPTION.findall(text)) == 1
        if len(mine) == 1 and (len(labels) == 1 or not tokens or len(tokens) == 1 or lone_ssn):
            return Found(self._sign(spec, mine[0][1]), j, i)
        if len(mine) == len(labels) and len(labels) > 1:
            return Found(self._sign(spec, mine[k][1]), j, i)
        return None

    def _between_captions(self, line: str, rest: str, value: Value) -> bool:
        """A name read beside its caption with another caption right after it
        in the same cell (`initial, Tae Ine State wages, tips`), on a line of
        captions alone (no colon pairs, no values): captions run together,
        the words between them a misread caption, not a value."""
        if not isinstance(value, str) or not _captions_only(line):
            return False
        cell = VALUE_END.split(rest, maxsplit=1)[0]
        at = cell.find(value)
        return at >= 0 and self.any_label.match(cell[at + len(value) :].lstrip(" ,;:")) is not None

    def _numbered_caption_next(self, line: str, rest: str, value: Value) -> bool:
        """A name in a cell of its own on a line of captions, the next box's
        numbered caption in the next cell (`Last name    Staiswuges, Wa    17
        State income tax`): a caption's place. (A caption without a box's
        number beside a value is a form's next pair: `Employer    Reed
        Corp.    Start Date`.)"""
        if not isinstance(value, str) or not _captions_only(line):
            return False
        cell, *after = VALUE_END.split(rest.strip(), maxsplit=1)
        if cell.strip(" ,;:") != value.strip(" ,;:") or not after:
            return False
        nxt = after[0].lstrip()
        numbered = _BOX_LEAD.match(nxt)
        return numbered is not None and self.any_label.match(nxt[numbered.end() :]) is not None

    def _other_label_first(self, line: str, own: re.Pattern[str]) -> bool:
        text = line.lstrip(" \t\"'*_-.:;")
        return self.any_label.match(text) is not None and own.match(text) is None


def _m_folded(text: str) -> str:
    return text.replace("rn", "m").replace("ni", "m")


def _captioned(doc: DocText, found: Found, line: int) -> bool:
    """`found` was read beside a caption with its colon on `line`."""
    where = found.extra if found.extra is not None else found.line
    return where == line and ":" in doc.lines[line].text
