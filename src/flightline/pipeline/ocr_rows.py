"""Text of an OCR'd page rebuilt from Tesseract's word boxes, row by row.

Tesseract's page layout splits a form into blocks: a label column and its
value column come out as two blocks, far apart in its text. Here the words
are put back into the visual rows of the page instead, as a PDF's text layer
gives them: Tesseract's lines that share a row (their vertical extents
overlap once the page's tilt is taken out) are joined left to right, and a
wide horizontal gap between two words is kept as several spaces so that a
label and its value stay on one line but two columns stay apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from statistics import median

# A gap wider than this many character widths separates columns, not words.
WIDE_GAP_CHARS = 2.2
MAX_GAP_SPACES = 8
# Two lines share a row when their vertical extents overlap by this much of
# the shorter one.
ROW_OVERLAP = 0.5
# A tilt is only measured on lines at least this wide (pixels).
MIN_TILT_SPAN = 150
MAX_TILT = 0.1  # a slope beyond this is a misread, not a tilted scan
# Tesseract's word confidence (0-100) below which a lone symbol, or a short
# word, is taken for a speck of dust.
SURE = 60
DOUBTFUL = 40
_LONE_SYMBOLS = frozenset({"&", "$", "%", "-", "/", "#"})


@dataclass(frozen=True, slots=True)
class Word:
    """One word Tesseract read, with its box in pixels."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    line: tuple[int, int, int]  # Tesseract's (block, paragraph, line)

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height


@dataclass
class _Unit:
    """One of Tesseract's lines, or a row being built from several."""

    words: list[Word]
    top: float
    bottom: float

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return max(1.0, self.bottom - self.top)


def tilt(words: list[Word]) -> float:
    """The page's slope (pixels down per pixel right), from the baselines of
    Tesseract's own lines: the median of each wide line's fitted slope."""
    by_line: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        by_line.setdefault(w.line, []).append(w)
    slopes: list[float] = []
    for line in by_line.values():
        if len(line) < 2:
            continue
        xs = [w.left + w.width / 2 for w in line]
        if max(xs) - min(xs) < MIN_TILT_SPAN:
            continue
        ys = [float(w.bottom) for w in line]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        var = sum((x - mx) ** 2 for x in xs)
        slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var
        if abs(slope) <= MAX_TILT:
            slopes.append(slope)
    return median(slopes) if slopes else 0.0


def _units(words: list[Word], slope: float) -> list[_Unit]:
    by_line: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        by_line.setdefault(w.line, []).append(w)
    units = []
    for line in by_line.values():
        # Heights vary with ascenders and descenders; the median word is the line.
        tops = [w.top - slope * (w.left + w.width / 2) for w in line]
        bottoms = [w.bottom - slope * (w.left + w.width / 2) for w in line]
        units.append(_Unit(sorted(line, key=lambda w: w.left), median(tops), median(bottoms)))
    return units


def _overlap(a: _Unit, b: _Unit) -> float:
    return (min(a.bottom, b.bottom) - max(a.top, b.top)) / min(a.height, b.height)


def _collides(row: _Unit, unit: _Unit) -> bool:
    """Words of the unit would sit on top of words already in the row."""
    for w in unit.words:
        for r in row.words:
            if w.left < r.right and r.left < w.right:
                return True
    return False


def group_rows(words: list[Word]) -> list[list[Word]]:
    """Words in visual rows, top to bottom, each row left to right."""
    if not words:
        return []
    slope = tilt(words)
    units = sorted(_units(words, slope), key=lambda u: u.center)
    rows: list[_Unit] = []
    members: list[list[_Unit]] = []
    for unit in units:
        best, best_overlap = -1, ROW_OVERLAP
        # Sorted by centre, a unit can only share a row with one of the last few.
        for k in range(len(rows) - 1, max(-1, len(rows) - 6), -1):
            overlap = _overlap(rows[k], unit)
            if overlap >= best_overlap and not _collides(rows[k], unit):
                best, best_overlap = k, overlap
        if best < 0:
            rows.append(_Unit(list(unit.words), unit.top, unit.bottom))
            members.append([unit])
            continue
        members[best].append(unit)
        row = rows[best]
        row.words.extend(unit.words)
        row.top = median(u.top for u in members[best])
        row.bottom = median(u.bottom for u in members[best])
    ordered = sorted(range(len(rows)), key=lambda k: rows[k].center)
    return [sorted(rows[k].words, key=lambda w: w.left) for k in ordered]


def _char_width(row: list[Word]) -> float:
    chars = sum(len(w.text) for w in row)
    return sum(w.width for w in row) / chars if chars else 1.0


def _lone_specks(row: list[Word]) -> list[Word]:
    """Drop short lower-case "words" standing alone in a row (`e`, `bd`, `ae`):
    grain read as letters. A real short word has neighbours (`a loan`) or is
    a code in capitals (`NV`, `X`)."""
    wide = WIDE_GAP_CHARS * _char_width(row)
    keep = []
    for k, w in enumerate(row):
        alone = (k == 0 or w.left - row[k - 1].right > wide) and (
            k == len(row) - 1 or row[k + 1].left - w.right > wide
        )
        if alone and len(w.text) <= 3 and w.text.isalpha() and w.text.islower():
            continue
        keep.append(w)
    return keep


def row_text(row: list[Word]) -> str:
    """A row's words, a wide gap kept as several spaces."""
    row = _lone_specks(row)
    if not row:
        return ""
    char_width = _char_width(row)
    parts = [row[0].text]
    for prev, word in pairwise(row):
        gap = word.left - prev.right
        if gap > WIDE_GAP_CHARS * char_width:
            parts.append(" " * max(2, min(MAX_GAP_SPACES, round(gap / char_width))))
        else:
            parts.append(" ")
        parts.append(word.text)
    return "".join(parts)


def _is_speck(w: Word, height: float) -> bool:
    """Dust and grain that Tesseract read as a word: `.`, `*`, `e`, `bd`, `®`."""
    alnum = sum(ch.isalnum() for ch in w.text)
    if alnum == 0:
        # Real punctuation is read as part of its word: a lone `.`, `*` or `°`
        # is a speck, however sure Tesseract is of its shape.
        return w.text not in _LONE_SYMBOLS or w.conf < SURE
    if len(w.text) <= 2 and w.conf < DOUBTFUL:
        return True
    small = w.height < 0.55 * height and w.width < 0.8 * height
    return len(w.text) <= 3 and small and w.conf < SURE


def drop_specks(words: list[Word]) -> list[Word]:
    heights = sorted(w.height for w in words if sum(ch.isalnum() for ch in w.text) >= 3)
    if not heights:
        return words
    height = float(heights[len(heights) // 2])
    return [w for w in words if not _is_speck(w, height)]


def rows_text(words: list[Word]) -> str:
    rows = (row_text(row) for row in group_rows(drop_specks(words)))
    return "\n".join(row for row in rows if row)
