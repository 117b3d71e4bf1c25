"""Regions of a page that Tesseract's layout analysis left out.

Full layout analysis (page segmentation 3) reads forms best, but now and then
it takes a region for a picture and skips it while reading the rest of the
page: a slightly tilted table under shaded header bars is the usual case,
and on a credit report that is the whole list of debts. Such a region shows
as a band of inked rows with no word in it. Each band is read again on its
own as one block of text (segmentation 6), and its words join the page's
when enough of them are read with confidence; a photo, a signature or a
logo gives nothing of the kind and adds nothing.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from flightline.pipeline.ocr_rows import Word

if TYPE_CHECKING:
    from PIL import Image

LETTER_HEIGHT_INCHES = 11.0  # the scale is guessed from the page's height
# A band with at least this much ink across its rows (inches of inked rows)
# is a region, not a stray mark or a rule.
MIN_INKED_INCHES = 0.3
# Taller than this share of the page: a picture, not a skipped table.
MAX_SHARE = 0.4
# A row whose mean brightness (0-255) is below this holds ink; a band whose
# mean is below MIN_BAND_MEAN is a picture (text is mostly paper).
ROW_INK = 250
MIN_BAND_MEAN = 200
# Regions are parted by more paper than this (inches): a table's lines are
# closer, a picture or a speck below it further.
PAPER_GAP_INCHES = 0.2
MARGIN = 8  # pixels kept around a band so its first and last lines are whole
# What a band must give to be kept: this many words read with confidence.
MIN_SURE_WORDS = 5
SURE = 60
# Band words get block numbers of their own, apart from the page's.
BLOCK_OFFSET = 10_000


def missed_bands(image: Image.Image, words: list[Word]) -> list[tuple[int, int]]:
    """(top, bottom) pixel rows of each band of ink no word covers."""
    from PIL import Image

    width, height = image.size
    if height == 0 or width == 0:
        return []
    means = image.convert("L").resize((1, height), Image.Resampling.BOX).tobytes()
    covered = bytearray(height)
    for w in words:
        covered[max(0, w.top) : max(0, min(height, w.bottom))] = b"\x01" * max(
            0, min(height, w.bottom) - max(0, w.top)
        )
    per_inch = height / LETTER_HEIGHT_INCHES
    gap = PAPER_GAP_INCHES * per_inch
    bands: list[tuple[int, int]] = []
    y = 0
    while y < height:
        if covered[y]:
            y += 1
            continue
        start = y
        while y < height and not covered[y]:
            y += 1
        for rows in _clusters([r for r in range(start, y) if means[r] < ROW_INK], gap):
            top, bottom = rows[0], rows[-1] + 1
            if (
                len(rows) >= MIN_INKED_INCHES * per_inch
                and bottom - top <= MAX_SHARE * height
                and sum(means[top:bottom]) / (bottom - top) >= MIN_BAND_MEAN
            ):
                bands.append((max(0, top - MARGIN), min(height, bottom + MARGIN)))
    return bands


def _clusters(inked: list[int], gap: float) -> list[list[int]]:
    """Inked rows in groups parted by more than `gap` rows of paper."""
    groups: list[list[int]] = []
    for r in inked:
        if groups and r - groups[-1][-1] <= gap:
            groups[-1].append(r)
        else:
            groups.append([r])
    return groups


def placed(found: list[Word], top: int, index: int) -> list[Word] | None:
    """A band's words moved to where the band is on the page, or None when
    too few were read with confidence to be text."""
    if sum(1 for w in found if w.conf >= SURE and any(c.isalnum() for c in w.text)) < (
        MIN_SURE_WORDS
    ):
        return None
    block = BLOCK_OFFSET * (index + 1)
    return [
        replace(w, top=w.top + top, line=(w.line[0] + block, w.line[1], w.line[2])) for w in found
    ]
