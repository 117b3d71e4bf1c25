"""Amounts of an OCR'd table row read cell by cell.

Tesseract keeps a wide gap between a table's columns (two spaces or more in
the page text), but it also garbles single cells (`M6154`, `4,fo6.02`,
`119 ,g16.32`). Reading a row's amounts as one stream then shifts every
value after a lost cell into the wrong column, or keeps a fragment (`4` of
`4,fo6.02`) as an amount. Read per cell instead, a garbled cell still holds
its column and is left unread.
"""

from __future__ import annotations

import re
from decimal import Decimal

from flightline.pipeline.extractors.values import money_tokens

_WIDE = re.compile(r"\s{2,}")
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


def is_clean_amount(cell: str) -> bool:
    """A cell that reads as a whole amount with its cents, no stray marks."""
    return _CLEAN_MONEY.fullmatch(cell.strip()) is not None


def row_cells(rest: str) -> list[str]:
    return [c for c in _WIDE.split(rest.strip()) if c]


def cells_by_columns(rest: str, cols: list[str]) -> dict[str, Decimal] | None:
    """A row's amounts placed under `cols` by cell, aligned from the right
    (a salaried row leaves its rate and hours cells empty at the left); an
    unreadable cell keeps its place and gives no value. None when the row has
    more cells than columns (it cannot be placed) or no amount at all."""
    values: list[Decimal | None] = []
    for cell in row_cells(rest):
        amounts = cell_amounts(cell)
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
