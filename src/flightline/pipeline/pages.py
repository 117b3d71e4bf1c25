"""Reading pages: the PDF text layer, and Tesseract OCR where it is too thin.

A PDF page keeps its text layer when it holds at least 20 letters or digits;
otherwise it is rendered at 300 dpi and, if it has ink, OCR'd; a page with no
ink is blank and skipped. Images (PNG, JPEG, TIFF pages, WEBP, GIF, BMP) are
OCR'd. OCR runs in a process pool sized to the cores, one Tesseract thread
each (`OMP_THREAD_LIMIT=1`), with a timeout per page: a page Tesseract does
not finish in time is kept as `unread` (no text), never passed off as blank,
so the report can say which pages were not read.

PDFium is not thread-safe: every call into it holds one process-wide lock.
"""

from __future__ import annotations

import io
import os
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, BinaryIO

from flightline.pipeline.model import PageText
from flightline.pipeline.ocr_bands import missed_bands, placed
from flightline.pipeline.ocr_prepare import prepare
from flightline.pipeline.ocr_rows import Word, rows_text

MIN_CHARS = 20
RENDER_DPI = 300
MIN_RENDER_DPI = 150
OCR_TIMEOUT_SECONDS = 60
INK_THRESHOLD = 160  # a pixel darker than this is ink
PDFIUM_LOCK = threading.Lock()

if TYPE_CHECKING:
    from PIL import Image


def _ocr_worker_init() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


# How Tesseract is called. Part of the OCR cache key of the benchmarks: a
# change here changes the words read from the same pixels. Page segmentation
# 3 (full layout analysis) reads forms best, but now and then takes a whole
# page for a picture and reads nothing; such a page is read again as one
# block of text (6).
TESSERACT_CONFIG = "--psm 3"
FALLBACK_CONFIG = "--psm 6"
FALLBACK_BELOW_WORDS = 8


# Table rules and form boxes: a dark run this long (inches) across or down a
# page is a line, not a letter. Tesseract's layout analysis takes a boxed
# field for a picture and skips the words in it; with the lines whitened it
# reads them.
RULE_ACROSS_INCHES = 0.3
RULE_DOWN_INCHES = 0.25
RULE_INK = 150  # darker than this is ink when looking for lines
LETTER_WIDTH_INCHES = 8.5  # an image's scale is guessed from a page's width


def _dark_runs(ink: Image.Image, length: int, dx: int, dy: int) -> Image.Image:
    """Dark pixels that belong to a run of at least `length` along (dx, dy):
    an erosion then a dilation of the ink by a 1-D window, each built from
    shifted copies doubling the span (log2(length) operations, all in C)."""
    from PIL import ImageChops

    out, span, step = ink, 1, 1
    while span < length:
        s = min(step, length - span)
        out = ImageChops.lighter(out, ImageChops.offset(out, dx * s, dy * s))
        span, step = span + s, step * 2
    span, step = 1, 1
    while span < length:
        s = min(step, length - span)
        out = ImageChops.darker(out, ImageChops.offset(out, -dx * s, -dy * s))
        span, step = span + s, step * 2
    return out


def remove_rules(image: Image.Image) -> Image.Image:
    """The page with its long horizontal and vertical lines whitened."""
    from PIL import ImageChops

    per_inch = image.size[0] / LETTER_WIDTH_INCHES
    across = max(8, round(RULE_ACROSS_INCHES * per_inch))
    down = max(8, round(RULE_DOWN_INCHES * per_inch))
    ink = image.point(lambda v: 0 if v < RULE_INK else 255)
    lines = ImageChops.darker(_dark_runs(ink, across, 1, 0), _dark_runs(ink, down, 0, 1))
    return ImageChops.lighter(image, ImageChops.invert(lines))


def ocr_words(
    mode: str, size: tuple[int, int], raw: bytes, timeout: float, config: str = TESSERACT_CONFIG
) -> list[Word] | None:
    """Tesseract's words with their boxes; None when it timed out."""
    import pytesseract  # type: ignore[import-untyped]
    from PIL import Image

    image = remove_rules(Image.frombytes(mode, size, raw).convert("L"))
    try:
        data = pytesseract.image_to_data(
            image, output_type=pytesseract.Output.DICT, timeout=timeout, config=config
        )
    except RuntimeError:  # pytesseract's timeout
        return None
    words = []
    for i, text in enumerate(data["text"]):
        if not text or not text.strip():
            continue
        words.append(
            Word(
                text.strip(),
                int(data["left"][i]),
                int(data["top"][i]),
                int(data["width"][i]),
                int(data["height"][i]),
                float(data["conf"][i]),
                (int(data["block_num"][i]), int(data["par_num"][i]), int(data["line_num"][i])),
            )
        )
    return words


def ocr_text(words: list[Word] | None) -> tuple[str, float | None]:
    """(text by visual rows, mean word confidence) from Tesseract's words."""
    if not words:
        return "", None
    confidences = [w.conf for w in words if w.conf >= 0]
    mean = sum(confidences) / len(confidences) if confidences else None
    return rows_text(words), mean


def needs_fallback(words: list[Word] | None) -> bool:
    """Layout analysis found (next to) nothing on a page that has ink."""
    return words is not None and len(words) < FALLBACK_BELOW_WORDS


# One Tesseract call: (mode, size, pixels, config) -> words, None on a timeout.
OcrCall = Callable[[str, tuple[int, int], bytes, str], list[Word] | None]


def read_words(mode: str, size: tuple[int, int], raw: bytes, call: OcrCall) -> list[Word] | None:
    """A page's words: full layout analysis; the page read again as one block
    when that found (next to) nothing; else any region it left out read on
    its own (`ocr_bands`)."""
    from PIL import Image

    words = call(mode, size, raw, TESSERACT_CONFIG)
    if needs_fallback(words):
        again = call(mode, size, raw, FALLBACK_CONFIG)
        return again if again is not None and len(again) > len(words or ()) else words
    if not words:
        return words
    image = Image.frombytes(mode, size, raw).convert("L")
    for index, (top, bottom) in enumerate(missed_bands(image, words)):
        band = image.crop((0, top, size[0], bottom))
        found = call(band.mode, band.size, band.tobytes(), FALLBACK_CONFIG)
        extra = placed(found, top, index) if found else None
        if extra:
            words = [*words, *extra]
    return words


def read_page(mode: str, size: tuple[int, int], raw: bytes, call: OcrCall) -> list[Word] | None:
    """A page's words, read from the page straightened and enlarged
    (`ocr_prepare`)."""
    from PIL import Image

    page = prepare(Image.frombytes(mode, size, raw))
    return read_words(page.mode, page.size, page.tobytes(), call)


class OcrTimedOut(Exception):
    """Tesseract did not finish a page in its time."""


def page_text(words: list[Word] | None) -> tuple[str, float | None]:
    """`ocr_text` of a page's words; raises `OcrTimedOut` when they are None."""
    if words is None:
        raise OcrTimedOut
    return ocr_text(words)


def ocr_raw(
    mode: str, size: tuple[int, int], raw: bytes, timeout: float
) -> tuple[str, float | None]:
    """Run Tesseract on raw pixels; returns (text by rows, mean word confidence)
    or raises `OcrTimedOut`."""
    return page_text(read_page(mode, size, raw, lambda m, s, r, c: ocr_words(m, s, r, timeout, c)))


class OcrPool:
    """A process pool for Tesseract, shared by every review a worker runs."""

    def __init__(
        self,
        workers: int | None = None,
        executor: Executor | None = None,
        timeout: float = OCR_TIMEOUT_SECONDS,
    ) -> None:
        self._executor = executor or ProcessPoolExecutor(
            max_workers=workers or os.cpu_count() or 1, initializer=_ocr_worker_init
        )
        self.timeout = timeout

    def submit(
        self, mode: str, size: tuple[int, int], raw: bytes
    ) -> Future[tuple[str, float | None]]:
        """A page's (text, confidence); the future raises `OcrTimedOut`."""
        return self._executor.submit(ocr_raw, mode, size, raw, self.timeout)

    def submit_words(
        self, mode: str, size: tuple[int, int], raw: bytes, config: str = TESSERACT_CONFIG
    ) -> Future[list[Word] | None]:
        """Tesseract's word boxes alone (for callers that keep them, such as
        the benchmarks' OCR cache)."""
        return self._executor.submit(ocr_words, mode, size, raw, self.timeout, config)

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)


@dataclass
class ReadResult:
    pages: list[PageText] = field(default_factory=list)
    readable: bool = False
    page_count: int = 0


def _signal_chars(text: str) -> int:
    return sum(1 for ch in text if ch.isalnum())


def _has_ink(image: object) -> bool:
    from PIL import Image

    assert isinstance(image, Image.Image)
    extrema = image.convert("L").getextrema()
    low = extrema[0]
    return isinstance(low, int | float) and low < INK_THRESHOLD


def _render_dpi(page: object) -> float:
    """300 dpi, or the page's own resolution when it is one scanned image of less:
    such a page is enlarged for Tesseract by `ocr_prepare`, with a finer
    filter than rendering uses."""
    import pypdfium2 as pdfium

    assert isinstance(page, pdfium.PdfPage)
    width_pt = page.get_width()
    best = 0.0
    try:
        for obj in page.get_objects(max_depth=1):
            if obj.type != pdfium.raw.FPDF_PAGEOBJ_IMAGE:
                continue
            left, _, right, _ = obj.get_bounds()
            if right - left < 0.8 * width_pt:
                continue  # only an image that covers the page is "the scan"
            px_width, _ = obj.get_px_size()
            best = max(best, px_width / ((right - left) / 72))
    except (pdfium.PdfiumError, ValueError, ZeroDivisionError):
        return RENDER_DPI
    if best <= 0:
        return RENDER_DPI
    return max(MIN_RENDER_DPI, min(RENDER_DPI, best))


def _ocr_page(
    document_id: uuid.UUID, number: int, future: Future[tuple[str, float | None]]
) -> PageText:
    try:
        text, confidence = future.result()
    except OcrTimedOut:
        return PageText(document_id, number, "", "unread")
    return PageText(document_id, number, text, "ocr", confidence)


def read_pdf(document_id: uuid.UUID, source: BinaryIO | bytes, ocr: OcrPool) -> ReadResult:
    """Every page of a PDF: text layer, or OCR when thin; raises nothing for a bad PDF."""
    import pypdfium2 as pdfium

    result = ReadResult()
    pending: list[tuple[int, Future[tuple[str, float | None]]]] = []
    texts: dict[int, PageText] = {}
    with PDFIUM_LOCK:
        try:
            pdf = pdfium.PdfDocument(source)
        except pdfium.PdfiumError:
            return result
        try:
            result.page_count = len(pdf)
            for index in range(result.page_count):
                number = index + 1
                try:
                    page = pdf[index]
                except pdfium.PdfiumError:
                    continue
                try:
                    textpage = page.get_textpage()
                    text = textpage.get_text_range()
                    textpage.close()
                    if _signal_chars(text) >= MIN_CHARS:
                        texts[number] = PageText(document_id, number, text, "text")
                        continue
                    bitmap = page.render(scale=_render_dpi(page) / 72, grayscale=True)
                    image = bitmap.to_pil()
                    bitmap.close()
                finally:
                    page.close()
                if not _has_ink(image):
                    texts[number] = PageText(document_id, number, "", "blank")
                    continue
                gray = image.convert("L")
                pending.append((number, ocr.submit("L", gray.size, gray.tobytes())))
        finally:
            pdf.close()
    for number, future in pending:
        texts[number] = _ocr_page(document_id, number, future)
    result.pages = [texts[n] for n in sorted(texts)]
    result.readable = any(_signal_chars(p.text) >= MIN_CHARS for p in result.pages)
    return result


def read_image(document_id: uuid.UUID, source: BinaryIO | bytes, ocr: OcrPool) -> ReadResult:
    """Every frame of an image (TIFF pages); OCR'd."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    result = ReadResult()
    stream = io.BytesIO(source) if isinstance(source, bytes) else source
    pending: list[tuple[int, Future[tuple[str, float | None]]]] = []
    try:
        with Image.open(stream) as image:
            frames = ImageSequence.Iterator(image) if image.format == "TIFF" else [image]
            for index, frame in enumerate(frames, start=1):
                gray = frame.convert("L")
                result.page_count = index
                if not _has_ink(gray):
                    result.pages.append(PageText(document_id, index, "", "blank"))
                    continue
                pending.append((index, ocr.submit("L", gray.size, gray.tobytes())))
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        return result
    for number, future in pending:
        result.pages.append(_ocr_page(document_id, number, future))
    result.pages.sort(key=lambda p: p.page)
    result.readable = any(_signal_chars(p.text) >= MIN_CHARS for p in result.pages)
    return result
