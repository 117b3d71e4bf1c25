"""Form 1005's earnings table as OCR reads it: rows by kind (`Base Pay`,
`Overtime`, ...) under period columns (year to date, then past years), read
cell by cell so a garbled cell keeps its column and is left unread."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flightline.pipeline.extractors.base import DocText, set_field
from flightline.pipeline.extractors.cells import cell_amounts, is_clean_amount, row_cells
from flightline.pipeline.extractors.row_sums import clean_amount
from flightline.pipeline.extractors.voe_tables import PAST_PREFIXES, SIGN_AS_DIGIT
from flightline.pipeline.model import FieldValue
from flightline.pipeline.normalize import find_dates

_PAST_COLS = re.compile(r"\b(?:past|prior|last|previous)\b", re.IGNORECASE)


def period_columns(header: str) -> int:
    """How many period columns Form 1005's earnings header has: year to date
    first (its caption read or not), then past years. OCR may lose a word of
    any caption, so the most any reading gives: `Year` words, past years plus
    the year-to-date column, years printed (outside the through date) plus it."""
    for s, e, _ in reversed(find_dates(header)):
        header = header[:s] + " " + header[e:]
    years = len(re.findall(r"\b(?:19|20)\d\d\b", header))
    words = len(re.findall(r"\byear\b", header, re.IGNORECASE))
    return max(2, words, len(_PAST_COLS.findall(header)) + 1, years + 1)


@dataclass
class PeriodTable:
    """Form 1005's earnings table as its rows are read: how many period
    columns, and whether its year-to-date column was found lost (its base
    pay row one cell short, the first cell too large for the part of the
    year it would cover)."""

    periods: int
    ytd_lost: bool = False
    # word cells before the base pay row's first figure when it read every
    # period: a smudge down the table that OCR reads as a word on each row
    lead: int = 0


# A year-to-date base pay above the past year's times the share of the year
# it covers plus this much is no year-to-date figure.
_YTD_SLACK = Decimal("0.25")
# An amount the reading masked as garbled (`fix_ocr_digits`: a `%` inside it)
_MASKED = re.compile(r"\?{4,}")
_SPLIT_FIGURES = re.compile(r"^\$?\s?(\d{1,3})\s(\d{1,3}(?:,\d{3})*\.\d\d)$")
# `$ 761 17` for $761.17: a dollar figure whose point OCR read as a space
_POINT_LOST = re.compile(r"^\$\s?(\d{1,3}(?:,\d{3})*)\s(\d\d)$")


# `0,548.54`: no amount prints a zero before its thousands comma (a figure misread)
_ZERO_THOUSANDS = re.compile(r"^\$?\s?0,\d{3}")
# A speck, then a dollar sign read as a 5, then the amount (`"56,770.83`)
_QUOTED_SIGN = re.compile(r"[\"'\u201c\u201d]5(\d{1,3}(?:,\d{3})+\.\d\d)")
# figures only, five or more: an amount whose point OCR lost (`1517650`)
_POINTLESS = re.compile(r"\d{5,8}")
# five figures or more before the point with no comma: `61049. 26`
_UNGROUPED = re.compile(r"^\$?\s?\d{5,}(?:\.\s?\d\d)?$")


def _comma_misread(cell: str, cells: list[str]) -> bool:
    """A cell whose thousands comma OCR read as a figure (`61049. 26` for
    6,049.26 in a row that prints its commas: 61,049.26 or 6,049.26, nothing
    says which), or whose first figure it read as a zero (`0,548.54`)."""
    text = cell.strip()
    if _ZERO_THOUSANDS.match(text):
        return True
    return _UNGROUPED.match(text) is not None and any("," in c for c in cells if c is not cell)


def _ytd_share(out: dict[str, FieldValue]) -> Decimal | None:
    found = out.get("ytd_through_date")
    through = found.value if found is not None else None
    if not isinstance(through, date):
        return None
    return Decimal(through.timetuple().tm_yday) / 365


def _first_cell_garbled(
    cells: list[str], values: list[Decimal | None], out: dict[str, FieldValue]
) -> bool:
    """A row a cell short whose first cell OCR made a word (`Bonus  SUSE
    $13493.11  $11995.52`): the word holds the year-to-date column when the
    row has a cell for every column and its first figure is more than the
    part of the year through the date could earn against the next. (A
    smudge read as a word beside a row whose last cell was lost fails one
    or the other.)"""
    share = _ytd_share(out)
    first, second = values[0], values[1] if len(values) > 1 else None
    return (
        len(cells) == len(values) + 1
        and not re.search(r"\d", cells[0])
        and len(cells[0].strip()) >= 3
        and share is not None
        and first is not None
        and second is not None
        and first > second * (share + _YTD_SLACK)
    )


def ocr_period_row(
    doc: DocText, out: dict[str, FieldValue], kind: str, rest: str, table: PeriodTable, i: int
) -> None:
    """An OCR'd `Overtime  $1,200.00  $5,400.00  $4,800.00` row of Form 1005's
    earnings table (year to date, then the past years), read cell by cell. A
    cell that is not a whole amount with its cents (`190001`, `90,00`) is a
    misread, left unread rather than taken; stray marks before the amounts
    (a smudge read as a word) are not a column. A row a cell short lost its
    last cell, unless the base pay row shows the year-to-date column lost
    (its first cell more than the part of the year through its date could
    earn against the next): then every short row lost its first. A smudge
    down the table read as a word on every row (`PERE` before the base pay's
    figures) is a column of its own: a short row as wide as the base pay row
    is read cell for cell."""
    periods = table.periods
    values: list[Decimal | None] = []
    pointless: dict[int, Decimal] = {}  # a cell of figures only, as if its point lost
    cells = row_cells(rest)
    dollars = sum(c.lstrip().startswith("$") for c in cells)
    for cell in cells:
        if _MASKED.fullmatch(cell.strip()):
            values.append(None)  # an amount garbled past reading (`$4,274%82`): in its column
            continue
        if len(re.findall(r"\d", cell)) < 3:
            continue  # a smudge read as a mark or two (`73`), not an amount
        amounts = cell_amounts(cell)
        # where the row's other cells print a dollar sign, one without it
        # whose first figure could be that sign (`52,000.40` for $2,000.40)
        lost_sign = dollars >= 2 and SIGN_AS_DIGIT.match(cell.strip()) is not None
        split = _SPLIT_FIGURES.match(cell.strip())
        point_lost = _POINT_LOST.match(cell.strip())
        if point_lost:
            # no cents on either side: one amount, not two columns run together
            whole = point_lost.group(1).replace(",", "")
            values.append(Decimal(f"{whole}.{point_lost.group(2)}"))
        elif split and len(cells) == periods:
            # `71 20.70` for 7,120.70: a space for the comma, a figure off;
            # its front has no cents, so it is no amount of its own
            values.append(Decimal(split.group(1) + split.group(2).replace(",", "")))
        elif amounts is not None and len(amounts) > 1 and " " in cell.strip():
            values.extend(amounts)  # two columns OCR ran together
        else:
            clean = amounts and is_clean_amount(cell) and not lost_sign
            if not clean and (bare := _POINTLESS.fullmatch(cell.strip())):
                pointless[len(values)] = Decimal(bare.group(0)) / 100
            elif not clean and (quoted := _QUOTED_SIGN.fullmatch(cell.strip())):
                pointless[len(values)] = Decimal(quoted.group(1).replace(",", ""))
            values.append(
                amounts[0] if amounts and clean and not _comma_misread(cell, cells) else None
            )
    if not values or len(values) > periods:
        return
    for n, whole in pointless.items():
        # `1517650` beside `14795.15`: the point lost, figures kept; where the
        # cents put it beside the row's other years' amounts (within a factor
        # of two), not where a point read as a figure would (ten times over).
        # So too `"56,770.83` beside 6,095.88: a speck, then the dollar sign
        # read as a 5
        if any(v is not None and v / 2 <= whole <= v * 2 for v in values):
            values[n] = whole
    if kind == "base" and len(values) == periods and None not in values:
        table.lead = next(n for n, c in enumerate(cells) if len(re.findall(r"\d", c)) >= 3)
    if len(values) == periods - 1 and kind == "base":
        share = _ytd_share(out)
        first, second = values[0], values[1] if len(values) > 1 else None
        table.ytd_lost = (
            share is not None
            and first is not None
            and second is not None
            and first > second * (share + _YTD_SLACK)
        )
    if table.lead and len(values) < periods and len(cells) == table.lead + periods:
        # as many cells as the base pay row beside the same smudge: cell for cell
        values = [clean_amount(c) for c in cells[table.lead :]]
    elif len(values) < periods and (table.ytd_lost or _first_cell_garbled(cells, values, out)):
        values = [None, *values]
    values += [None] * (periods - len(values))
    _speck_led_years(values)
    for prefix, value in zip(("ytd", *PAST_PREFIXES), values, strict=False):
        if value is not None:
            set_field(out, f"{prefix}_{kind}_income", doc.field(value, i))


# A past year's figure more than this many times every other past year's ...
_SPECK_LED_OVER = 10


def _speck_led_years(values: list[Decimal | None]) -> None:
    """A past year's amount with a speck read as its first figure (`414,471.13`
    beside 14,032.59 the year after, for 14,471.13): more than ten times the
    row's other past years, and without that figure within a factor of two
    of one of them. No year's pay of one kind leaps so, and one of a
    factor of two is a year the row's others make likely."""
    for n, value in enumerate(values):
        if n == 0 or value is None:
            continue  # (the year to date's own pace is the reading's to judge)
        others = [v for k, v in enumerate(values) if k not in (0, n) and v]
        digits = format(value, "f")
        if not others or len(digits.split(".")[0]) < 2:
            continue
        shorter = Decimal(digits[1:])
        if all(value > v * _SPECK_LED_OVER for v in others) and any(
            v / 2 <= shorter <= v * 2 for v in others
        ):
            values[n] = shorter
