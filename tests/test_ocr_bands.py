"""A region Tesseract's layout analysis left out is read again on its own."""

from __future__ import annotations

from PIL import Image, ImageDraw

from flightline.pipeline.ocr_bands import missed_bands
from flightline.pipeline.ocr_rows import Word
from flightline.pipeline.pages import FALLBACK_CONFIG, TESSERACT_CONFIG, read_words

W, H = 1700, 2200  # a letter page at 200 dpi


def _text_lines(draw: ImageDraw.ImageDraw, top: int, lines: int) -> None:
    """Rows of 'letters': thin dark strokes with paper between them."""
    for i in range(lines):
        y = top + i * 30
        for x in range(100, 1500, 10):
            draw.rectangle((x, y, x + 2, y + 16), fill=0)


def _word(text: str, top: int, conf: float = 90.0, left: int = 100) -> Word:
    return Word(text, left, top, 200, 18, conf, (1, 1, 1))


def _page() -> Image.Image:
    page = Image.new("L", (W, H), 255)
    draw = ImageDraw.Draw(page)
    _text_lines(draw, 200, 5)  # read: words cover it
    _text_lines(draw, 800, 10)  # skipped by layout analysis
    draw.rectangle((100, 1500, 110, 1510), fill=0)  # a speck
    draw.rectangle((200, 1700, 1500, 1900), fill=40)  # a dark picture
    return page


def test_a_band_of_ink_no_word_covers_is_found() -> None:
    words = [_word("Read", 200 + i * 30) for i in range(5)]
    bands = missed_bands(_page(), words)
    assert len(bands) == 1
    top, bottom = bands[0]
    # the skipped lines, with a small margin; neither the speck nor the picture
    assert 780 <= top <= 800 and 1086 <= bottom <= 1110


def test_nothing_is_missed_when_words_cover_the_ink() -> None:
    page = Image.new("L", (W, H), 255)
    _text_lines(ImageDraw.Draw(page), 200, 5)
    assert missed_bands(page, [_word("Read", 200 + i * 30) for i in range(5)]) == []


def test_read_words_adds_a_bands_words_where_the_band_is() -> None:
    page = _page()
    calls: list[tuple[tuple[int, int], str]] = []
    page_words = [_word("Read", 200 + i * 30) for i in range(9)]

    def call(mode: str, size: tuple[int, int], raw: bytes, config: str) -> list[Word] | None:
        calls.append((size, config))
        if size == (W, H):
            return page_words
        return [
            _word(t, 10 + 30 * i) for i, t in enumerate(["IRONBRIDGE", "BANK", "USA", "$142"])
        ] + [
            _word("REV", 10, left=900),
            _word("CURRENT", 40, left=900),
        ]

    words = read_words("L", (W, H), page.tobytes(), call)
    assert words is not None
    assert calls[0] == ((W, H), TESSERACT_CONFIG) and calls[1][1] == FALLBACK_CONFIG
    added = [w for w in words if w not in page_words]
    assert [w.text for w in added][:2] == ["IRONBRIDGE", "BANK"]
    # placed on the page below the band's top, as lines of their own
    assert all(w.top > 780 for w in added)
    assert {w.line[0] for w in added}.isdisjoint({w.line[0] for w in page_words})


def test_a_band_that_reads_as_noise_adds_nothing() -> None:
    page_words = [_word("Read", 200 + i * 30) for i in range(9)]

    def call(mode: str, size: tuple[int, int], raw: bytes, config: str) -> list[Word] | None:
        if size == (W, H):
            return page_words
        return [_word("~-", 10, conf=20), _word("iol", 40, conf=35)]

    assert read_words("L", (W, H), _page().tobytes(), call) == page_words
