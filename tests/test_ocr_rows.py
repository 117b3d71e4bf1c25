"""OCR text rebuilt in visual rows from Tesseract's word boxes (no Tesseract here)."""

from __future__ import annotations

import math

from flightline.pipeline.ocr_rows import Word, group_rows, rows_text, tilt

H = 30  # word height in pixels
CW = 16  # character width


def _words(
    spec: list[tuple[str, int, int, tuple[int, int, int]]], slope: float = 0.0
) -> list[Word]:
    """(text, left, top, Tesseract line) -> words, the page tilted by `slope`."""
    return [
        Word(t, x, round(y + slope * (x + CW * len(t) / 2)), CW * len(t), H, 90.0, line)
        for t, x, y, line in spec
    ]


def _two_blocks(slope: float = 0.0) -> list[Word]:
    # A form read as a label column (block 1) and a value column (block 2).
    spec = [
        ("Employer", 100, 200, (1, 1, 1)),
        ("Gross", 100, 260, (1, 1, 2)),
        ("Pay", 100 + 6 * CW, 260, (1, 1, 2)),
        ("Pay", 100, 320, (1, 1, 3)),
        ("Date", 100 + 4 * CW, 320, (1, 1, 3)),
        ("Acme", 900, 202, (2, 1, 1)),
        ("Corp", 900 + 5 * CW, 202, (2, 1, 1)),
        ("4,500.00", 900, 258, (2, 1, 2)),
        ("01/09/2026", 900, 321, (2, 1, 3)),
        # a line across the page, as most pages have (a title, a table row)
        *(
            (w, 100 + k * 200, 400, (3, 1, 1))
            for k, w in enumerate(["Total", "Gross", "Earnings", "This", "Period"])
        ),
    ]
    return _words(spec, slope)


def test_label_and_value_columns_become_rows() -> None:
    lines = rows_text(_two_blocks()).splitlines()
    assert [ln.split() for ln in lines] == [
        ["Employer", "Acme", "Corp"],
        ["Gross", "Pay", "4,500.00"],
        ["Pay", "Date", "01/09/2026"],
        ["Total", "Gross", "Earnings", "This", "Period"],
    ]


def test_wide_gap_kept_as_several_spaces_and_word_gap_as_one() -> None:
    lines = rows_text(_two_blocks()).splitlines()
    assert "Gross Pay  " in lines[1] and "  4,500.00" in lines[1]
    assert "Acme Corp" in lines[0]


def test_a_tilted_page_keeps_its_rows() -> None:
    # 1.5 degrees over 1,000 pixels moves a row by more than its own height.
    slope = math.tan(math.radians(1.5))
    words = _two_blocks(slope)
    assert abs(tilt(words) - slope) < 0.01
    lines = rows_text(words).splitlines()
    assert [ln.split()[-1] for ln in lines] == ["Corp", "4,500.00", "01/09/2026", "Period"]


def test_overlapping_boxes_are_not_one_row() -> None:
    # A word under another (a value printed below its label) is the next row,
    # even when the two lines come close.
    words = _words([("Employer", 100, 200, (1, 1, 1)), ("Acme", 110, 216, (2, 1, 1))])
    assert [[w.text for w in row] for row in group_rows(words)] == [["Employer"], ["Acme"]]


def test_no_words_no_text() -> None:
    assert rows_text([]) == ""
    assert group_rows([]) == []
