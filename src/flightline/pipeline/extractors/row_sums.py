"""A table row whose amount cells OCR garbled, settled by its total.

Each garbled cell may have printed a few amounts: its figures with the point
before the last two (the point lost or misread), and without the first
figure (the dollar sign read as one); letters OCR makes of figures (`L` for
1, `O` for 0) are those figures. The row is read when exactly one choice of
readings adds up to its cleanly read total, to the cent: a coincidence that
close is not noise.
"""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import product

from flightline.pipeline.extractors.cells import cell_amounts, is_clean_amount

_AS_FIGURE = str.maketrans(
    {"l": "1", "I": "1", "L": "1", "|": "1", "O": "0", "o": "0", "S": "5", "B": "8"}
)
# marks before an amount's first figure (or its sign) and after its last
_EDGES = re.compile(r"^[^\dA-Za-z$|]*\$?|[^\dA-Za-z|]*$")
# what is left must be figures, separators and letters that are figures
_FIGURE_LIKE = re.compile(r"[\d.,\s]+")
# fewer figures than a dollar and its cents are no amount to restore
_LEAST_FIGURES = 3


def clean_amount(cell: str) -> Decimal | None:
    """The one amount of a cell that reads cleanly (`is_clean_amount`)."""
    text = cell.strip()
    amounts = cell_amounts(text) if is_clean_amount(text) else None
    return amounts[0] if amounts is not None and len(amounts) == 1 else None


def readings(cell: str) -> list[Decimal]:
    """The amounts a cell may have printed: as read when it reads cleanly."""
    text = cell.strip()
    if is_clean_amount(text):
        clean = clean_amount(text)
        return [clean] if clean is not None else []
    core = _EDGES.sub("", text).translate(_AS_FIGURE)
    if not _FIGURE_LIKE.fullmatch(core):
        return []
    figures = re.sub(r"\D", "", core)
    if len(figures) < _LEAST_FIGURES:
        return []
    found = {Decimal(figures) / 100}
    if len(figures) > _LEAST_FIGURES:
        found.add(Decimal(figures[1:]) / 100)
    return sorted(found)


def settled(parts: list[str], total: str) -> list[Decimal] | None:
    """The parts' amounts when exactly one choice of their readings makes
    the total (read cleanly); None otherwise."""
    whole = clean_amount(total)
    if whole is None:
        return None
    options = [readings(p) for p in parts]
    if not all(options):
        return None
    found = [combo for combo in product(*options) if sum(combo, Decimal(0)) == whole]
    return list(found[0]) if len(found) == 1 else None
