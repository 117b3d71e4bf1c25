"""Amounts of an OCR'd table row read cell by cell, and OCR'd dates.

Tesseract keeps a wide gap between a table's columns (two spaces or more in
the page text), but it also garbles single cells (`M6154`, `4,fo6.02`,
`119 ,g16.32`). Reading a row's amounts as one stream then shifts every
value after a lost cell into the wrong column, or keeps a fragment (`4` of
`4,fo6.02`) as an amount. Read per cell instead, a garbled cell still holds
its column and is left unread.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.normalize import find_dates

_WIDE = re.compile(r"\s{2,}")
# One or two marks after a wide gap at a line's end: a speck, not a cell.
TRAILING_SPECK = re.compile(r"\s{2,}\S{1,2}$")
# An amount as a table prints it: grouped thousands or not, always cents.
_CLEAN_MONEY = re.compile(r"[$(]?\s?(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}\)?")


def cell_amounts(cell: str) -> list[Decimal] | None:
    """The amounts of one cell when the cell is nothing but amounts (OCR may
    close the gap between two columns); None for a cell with anything else in
    it, a fragment of an amount among stray letters."""
    found = money_tokens(cell, boxes=False)
    if not found:
        return None
    rest = cell
    for s, e, _ in reversed(found):
        rest = rest[:s] + " " + rest[e:]
    if re.search(r"[A-Za-z0-9%#@&]", rest):
        return None
    return [abs(v) for _, _, v in found]


# Specks OCR reads as quote marks: after the cents, or before the dollar sign,
# they cannot have been a digit of the amount.
# (an underscore before the amount is a rule's speck: `_$15431.81`, `_5077.43`;
# no figure reads as a mark on the baseline)
_EDGE_MARKS = re.compile(
    r"^[_\"'`\u2018\u2019\u201c\u201d\u00ab\u00bb]+(?=\$)|^_+(?=\d)|(?<=\d)[\"'`\u2018\u2019\u201c\u201d\u00ab\u00bb]+$"
    # a point or comma after the cents (`$12,239.73.`, `$0.00,`)
    r"|(?<=\.\d\d)[.,]$"
)


def is_clean_amount(cell: str) -> bool:
    """A cell that reads as a whole amount with its cents, no stray marks
    (but for a quote-like speck where it cannot be a digit)."""
    return _CLEAN_MONEY.fullmatch(_EDGE_MARKS.sub("", cell.strip())) is not None


def row_cells(rest: str) -> list[str]:
    return [c for c in _WIDE.split(rest.strip()) if c]


# one or two marks with a letter or a bar in them (`|g`); `~~` is an
# unreadable amount and keeps its place
_END_SPECK_CELL = re.compile(r"(?=\S{0,1}[A-Za-z|])[^\s\d$]{1,2}")


_FRAGMENT_LED = re.compile(r"\d{1,2}\s\$?\d[\d,]*\.\d\d")


def cells_by_columns(rest: str, cols: list[str]) -> dict[str, Decimal] | None:
    """A row's amounts placed under `cols` by cell, aligned from the right
    (a salaried row leaves its rate and hours cells empty at the left); an
    unreadable cell keeps its place and gives no value. None when the row has
    more cells than columns (it cannot be placed) or no amount at all."""
    values: list[Decimal | None] = []
    cells = row_cells(rest)
    # a speck after the last amount (`$317422.98   |g`) is no cell: left in,
    # it would push every amount one column to the left
    while cells and _END_SPECK_CELL.fullmatch(cells[-1]):
        cells.pop()
    # ... and so is a lone figure after an amount printed with its cents
    # (`SALARY  $4326.92  $60576.88  4`): no column of such a row is one figure
    if len(cells) >= 2 and re.fullmatch(r"\d", cells[-1]) and re.search(r"\.\d\d$", cells[-2]):
        cells.pop()
    read = [cell_amounts(cell) for cell in cells]
    if sum(len(a or [None]) for a in read) > len(cols):
        # a cell led by a lone figure or two before an amount with its cents
        # (`2 4879.20` for 2,879.20, its comma read as a space and a figure)
        # is one garbled amount, not two columns': it keeps its place unread
        read = [
            None if _FRAGMENT_LED.fullmatch(c.strip()) else a
            for c, a in zip(cells, read, strict=True)
        ]
    for amounts in read:
        if amounts is None:
            values.append(None)
        else:
            values.extend(amounts)
    if not cols or len(values) > len(cols) or all(v is None for v in values):
        return None
    out: dict[str, Decimal] = {}
    for value, col in zip(reversed(values), reversed(cols), strict=False):
        if value is not None:
            out.setdefault(col, value)
    return out


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
# A letter OCR glued onto a month name (`ThrufMay 15, 2025`).
_GLUED_MONTH = re.compile(r"(?<=[A-Za-z])(?=" + _MONTH + r"\s+\d)")
# A stray mark where a date's separator was (`May 28% 2025`, `15-Sep#2022`).
_DAY_MARK = re.compile(r"(" + _MONTH + r"\s+\d{1,2})[%#*@^]\s*((?:19|20)\d\d)\b")
# A speck read as a comma between a written date's month and day (`Jun,18, 2025`)
_MONTH_COMMA = re.compile(r"\b(" + _MONTH + r"),\s?(\d{1,2},\s*(?:19|20)\d\d)\b")
# A speck read as a digit before a written date's year (`May 16, 92025`).
_YEAR_SPECK = re.compile(r"(" + _MONTH + r"\s+\d{1,2},\s*)\d((?:19|20)\d\d)\b")
# A written date's day whose 1 OCR read as a letter (`Aug J3, 2026`).
_DAY_ONE_LETTER = re.compile(r"\b(" + _MONTH + r"\s{1,2})[JlI|](\d,?\s{1,2}(?:19|20)\d\d)\b")
# A month's leading 0 read as a round letter (`Q6-18-2025`).
_ROUND_ZERO = re.compile(r"(?<![A-Za-z\d])[QDU](\d[-/]\d\d[-/](?:19|20)\d\d)\b")
# ... or a day's (`10-Q9-2025`)
_DAY_ROUND_ZERO = re.compile(r"(?<![A-Za-z\d])(\d\d[-/])[QDU](\d[-/](?:19|20)\d\d)\b")
# A year's 0 read as a round letter (`24-JUL-2Q26`, `07/24/2O26`).
_YEAR_ROUND_ZERO = re.compile(
    r"(?<![\w/-])(\d{1,2}[-/](?:[A-Za-z]{3}|\d{1,2})[-/])2[QODo]([0-3]\d)(?![\w/-])"
)
# A date's first dash read as a figure (`10421-2026` for 10-21-2026): no
# figure of five stands before a year's dash
_DASH_AS_FIGURE = re.compile(
    r"(?<![\d-])(0[1-9]|1[0-2])\d(0[1-9]|[12]\d|3[01])-((?:19|20)\d\d)(?!\d)"
)
# An ISO date with one dash read as a mark (`2025-09°07`)
_ISO_MARK = re.compile(
    r"(?<![\d-])((?:19|20)\d\d)(?:-([01]\d)[°º~*#%^;]|[°º~*#%^;]([01]\d)-)([0-3]\d)(?!\d)"
)
# an ISO date's month 1 read as a letter (`2026-T0-23`)
_ISO_MONTH_ONE = re.compile(r"(?<![\d-])((?:19|20)\d\d)-[TIl|]([0-2])-([0-3]\d)(?!\d)")
# a speck read as a second dash across a space (`04-11- -2025`)
_DOUBLED_DASH = re.compile(r"(?<![\d-])(\d{1,2}-\d{1,2})-\s-((?:19|20)\d\d)(?!\d)")
_MONTH_MARK = re.compile(r"(\d{1,2}-[A-Za-z]{3})[%#*@^]((?:19|20)\d\d)(?!\d)")
# a signature line's rule run into the date above it (`18-JUN-2026_`)
_RULED_AFTER = re.compile(r"(?<=\d)_+(?![\w])")
_DMY = re.compile(r"\b(\d{1,2})-([A-Za-z]{3})-((?:19|20)\d\d)(?!\d)")


def _month_fix(m: re.Match[str]) -> str:
    """`01-dun-2026`: a month abbreviation one letter off exactly one month."""
    word = m.group(2).lower()
    if word in _MONTHS:
        return m.group(0)
    near = [mon for mon in _MONTHS if sum(a != b for a, b in zip(word, mon, strict=True)) == 1]
    if len(near) != 1:
        return m.group(0)
    return f"{m.group(1)}-{near[0].title()}-{m.group(3)}"


# A thousands comma OCR read as an apostrophe, a quote or a brace
# (`$24'000.00`, `$30{000.00`).
_GROUP_MARK = re.compile(r"(?<=\d)['`\u2019\u2018{}](?=\d{3}(?:[.,]\d|\b))")


def repair_numbers(text: str) -> str:
    """An OCR'd line's amounts with a thousands comma read as an apostrophe
    or a brace put back; left as read, `$24'000.00` would be taken for `$24`."""
    return _GROUP_MARK.sub(",", text)


# `1 1/23/2026`: a month of October to December split by a space OCR put
# after its 1 (cells are further apart than a space).
_SPLIT_MONTH = re.compile(r"(?<![\w/.,$-])1 ([0-2])(?=[-/]\d{1,2}[-/](?:19|20)\d\d\b)")
# `05/1 5/2026`: a day split by a space OCR put between its figures
_SPLIT_DAY = re.compile(r"(?<![\w/.,$-])(\d{1,2})([-/])([0-3]) (\d)(?=\2(?:19|20)\d\d\b)")
_NUMERIC_MDY = re.compile(r"\b(\d\d)([-/])(\d\d)\2((?:19|20)\d\d)\b")


def _month_digit_fix(m: re.Match[str]) -> str:
    """`99-30-2025`: a month no calendar has, which one changed digit makes
    into exactly one month (09); a month several could be stays as read."""
    month = m.group(1)
    if 1 <= int(month) <= 12:
        return m.group(0)
    near = {
        candidate
        for i in range(2)
        for d in "0123456789"
        if 1 <= int(candidate := month[:i] + d + month[i + 1 :]) <= 12
    }
    if len(near) != 1:
        return m.group(0)
    return f"{near.pop()}{m.group(2)}{m.group(3)}{m.group(2)}{m.group(4)}"


def repair_dates(text: str) -> str:
    """An OCR'd line with the dates OCR slipped on put back: a letter glued
    onto a month name, a stray mark where a separator was, one wrong letter
    of a month's abbreviation that leaves only one month it can be, a month
    number no calendar has that one digit makes into only one month, a
    two-digit month or day split by a space (`1 1/23/2026`, `05/1 5/2026`), a speck before a
    written date's year (`May 16, 92025`), a month's 0 read as a letter
    (`Q6-18-2025`), a day's (`10-Q9-2025`) or a year's (`24-JUL-2Q26`), a day's 1
    read as a letter (`Aug J3, 2026`), a date's first dash read as
    a figure (`10421-2026`), a comma after a month's name (`Jun,18, 2025`),
    an ISO date's dash read as a mark (`2025-09°07`, `2026-10;05`), its
    month's 1 read as a letter (`2026-T0-23`), a speck read as a second dash
    (`04-11- -2025`). Any other date with a wrong digit stays as read:
    nothing tells which digit."""
    fixed = _SPLIT_MONTH.sub(r"1\1", _RULED_AFTER.sub(" ", text))
    fixed = _SPLIT_DAY.sub(r"\1\2\3\4", fixed)
    fixed = _GLUED_MONTH.sub(" ", fixed)
    fixed = _DAY_MARK.sub(r"\1, \2", fixed)
    fixed = _YEAR_SPECK.sub(r"\1\2", fixed)
    fixed = _ROUND_ZERO.sub(r"0\1", fixed)
    fixed = _DAY_ROUND_ZERO.sub(r"\g<1>0\2", fixed)
    fixed = _DAY_ONE_LETTER.sub(r"\g<1>1\2", fixed)
    fixed = _YEAR_ROUND_ZERO.sub(r"\g<1>20\2", fixed)
    fixed = _MONTH_MARK.sub(r"\1-\2", fixed)
    fixed = _DOUBLED_DASH.sub(r"\1-\2", fixed)
    fixed = _DASH_AS_FIGURE.sub(r"\1-\2-\3", fixed)
    fixed = _MONTH_COMMA.sub(r"\1 \2", fixed)
    fixed = _ISO_MARK.sub(lambda m: f"{m[1]}-{m[2] or m[3]}-{m[4]}", fixed)
    fixed = _ISO_MONTH_ONE.sub(r"\1-1\2-\3", fixed)
    fixed = _NUMERIC_MDY.sub(_month_digit_fix, fixed)
    return _DMY.sub(_month_fix, fixed)


def ocr_dates(text: str) -> list[tuple[int, int, date]]:
    """Dates of an OCR'd line, repaired (`repair_dates`) when none reads as
    printed; positions are in the repaired text."""
    return find_dates(text) or find_dates(repair_dates(text))
