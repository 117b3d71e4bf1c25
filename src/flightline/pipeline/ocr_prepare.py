"""A scanned page made ready for Tesseract: straightened, then enlarged.

Tesseract finds text lines by following rows of ink; a page scanned a degree
askew has rows that drift by a line's height across a table, and its amounts
are read into the wrong line or lost. The tilt is measured the classic way,
by the projection profile: the angle that, once undone, makes the rows of the
page most unequal in ink (lines of text and the paper between them) is the
page's tilt.

Tesseract reads best with letters about 20-30 pixels tall (its documentation
asks for at least 300 dpi); a 200 dpi office scan gives it letters of half
that, and small print breaks into wrong glyphs. A page below 280 dpi is
enlarged to about 400 dpi with a Lanczos filter and its edges sharpened: no
new information, but glyphs at the size Tesseract's models were trained on.
Measured on generated scans in docs/BENCHMARKS.md ("OCR preparation"): more
words read right, at about twice the OCR time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image

LETTER_WIDTH_INCHES = 8.5  # an image's resolution is guessed from its width
# Pages below this resolution are enlarged, to TARGET_DPI, by at most MAX_FACTOR.
UPSCALE_BELOW_DPI = 280
TARGET_DPI = 400
MAX_FACTOR = 2.0
MAX_PIXELS = 40_000_000  # a letter page at 400 dpi is 15 million
# An enlarged page's edges, softened by the filter, sharpened again.
SHARPEN_RADIUS = 2
SHARPEN_PERCENT = 80
SHARPEN_THRESHOLD = 2
# The tilt is looked for within this many degrees, first in coarse steps then
# finely around the best coarse angle, on a copy of this resolution.
MAX_TILT_DEGREES = 4.0
COARSE_STEP = 0.5
FINE_STEP = 0.1
PROFILE_DPI = 50
INK = 160  # a pixel darker than this is ink
# A tilt smaller than this is left alone: straightening resamples the page.
MIN_TILT_DEGREES = 0.15


def _profile_spread(ink: Image.Image, degrees: float) -> float:
    """How unequal the rows of ink are with the page turned by `degrees`."""
    from PIL import Image, ImageStat

    turned = ink.rotate(degrees, resample=Image.Resampling.BILINEAR, fillcolor=0)
    rows = turned.resize((1, turned.height), Image.Resampling.BOX)
    return float(ImageStat.Stat(rows).var[0])


def skew_degrees(image: Image.Image) -> float:
    """The counter-clockwise turn (degrees) that straightens the page's rows."""
    from PIL import Image

    per_inch = image.width / LETTER_WIDTH_INCHES
    shrink = max(1.0, per_inch / PROFILE_DPI)
    small = image.convert("L").resize(
        (max(1, round(image.width / shrink)), max(1, round(image.height / shrink))),
        Image.Resampling.BOX,
    )
    ink = small.point(lambda v: 255 if v < INK else 0)
    if ink.getbbox() is None:
        return 0.0

    def best(candidates: list[float]) -> float:
        return max(candidates, key=lambda a: (_profile_spread(ink, a), -abs(a)))

    coarse = round(MAX_TILT_DEGREES / COARSE_STEP)
    angle = best([i * COARSE_STEP for i in range(-coarse, coarse + 1)])
    fine = round(COARSE_STEP / FINE_STEP)
    return best([angle + i * FINE_STEP for i in range(-fine, fine + 1)])


def prepare(image: Image.Image) -> Image.Image:
    """The grayscale page straightened and, below 300 dpi, enlarged."""
    from PIL import Image, ImageFilter

    gray = image.convert("L")
    angle = skew_degrees(gray)
    if abs(angle) >= MIN_TILT_DEGREES:
        gray = gray.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    per_inch = gray.width / LETTER_WIDTH_INCHES
    if 0 < per_inch < UPSCALE_BELOW_DPI:
        factor = min(MAX_FACTOR, TARGET_DPI / per_inch)
        if gray.width * gray.height * factor * factor > MAX_PIXELS:
            return gray
        gray = gray.resize(
            (round(gray.width * factor), round(gray.height * factor)), Image.Resampling.LANCZOS
        ).filter(ImageFilter.UnsharpMask(SHARPEN_RADIUS, SHARPEN_PERCENT, SHARPEN_THRESHOLD))
    return gray
