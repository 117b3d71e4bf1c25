"""A scanned page is straightened and, below 300 dpi, enlarged before OCR."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from flightline.pipeline.ocr_prepare import MIN_TILT_DEGREES, prepare, skew_degrees

W, H = 1700, 2200  # a letter page at 200 dpi


def _text_page(width: int = W, height: int = H) -> Image.Image:
    """Rows of 'letters' (thin dark strokes) in paragraphs, as a form has."""
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    scale = width / W
    for i in range(40):
        y = round((200 + i * 40 + (i // 8) * 60) * scale)
        for x in range(round(150 * scale), round(1500 * scale), max(4, round(12 * scale))):
            draw.rectangle((x, y, x + max(1, round(3 * scale)), y + round(18 * scale)), fill=0)
    return page


@pytest.mark.parametrize("tilt", [-3.1, -1.4, -0.6, 0.5, 1.2, 2.7])
def test_the_tilt_of_a_page_is_measured(tilt: float) -> None:
    page = _text_page().rotate(tilt, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert skew_degrees(page) == pytest.approx(-tilt, abs=0.15)


def test_a_straight_or_blank_page_has_no_tilt() -> None:
    assert abs(skew_degrees(_text_page())) < MIN_TILT_DEGREES
    assert skew_degrees(Image.new("L", (W, H), 255)) == 0.0


def test_a_tilted_page_is_straightened() -> None:
    tilted = _text_page().rotate(1.5, resample=Image.Resampling.BICUBIC, fillcolor=255)
    assert abs(skew_degrees(prepare(tilted))) < MIN_TILT_DEGREES


def test_a_200_dpi_page_is_enlarged_to_400_and_a_300_dpi_page_is_kept() -> None:
    assert prepare(_text_page()).size == (2 * W, 2 * H)
    assert prepare(_text_page(2550, 3300)).size == (2550, 3300)
    # 250 dpi: to 400, a factor of 1.6
    assert prepare(_text_page(2125, 2750)).size == (3400, 4400)


def test_a_huge_strip_is_not_enlarged() -> None:
    strip = Image.new("L", (1000, 12_000), 255)
    ImageDraw.Draw(strip).rectangle((100, 100, 900, 120), fill=0)
    assert prepare(strip).size == (1000, 12_000)
