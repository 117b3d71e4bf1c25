"""An OCR cache for the benchmarks, keyed by the pixels Tesseract is given.

OCR of a scanned loan file costs about a second a page per core; the
classification, extraction and rules benchmarks OCR the same page images
(stacked or one file per document) again and again. `CachingOcrPool` wraps an
`OcrPool`: Tesseract's word boxes for a page are stored under the SHA-256 of
the rendered grayscale pixels, the image size, the Tesseract version and
call, and `OCR_CACHE_VERSION`. Word boxes rather than text are kept so the
page text (rows rebuilt from the boxes) is recomputed by the current code on
every run. The product code has no cache: `read_pdf` and `process_review` are
handed this pool instead of the plain one.
"""

from __future__ import annotations

import hashlib
import json
import os
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from pathlib import Path

from flightline.pipeline.ocr_rows import Word
from flightline.pipeline.pages import (
    TESSERACT_CONFIG,
    OcrPool,
    page_text,
    read_page,
)

# Pages wait for their (cached) Tesseract calls here: enough threads to keep
# every OCR process busy.
_WAITERS = ThreadPoolExecutor(max_workers=4 * (os.cpu_count() or 1), thread_name_prefix="ocr-wait")

# Bump when `ocr_words` returns something else for the same pixels and call.
OCR_CACHE_VERSION = 2
CACHE_DIR = Path(__file__).parent / ".cache" / "ocr"


@cache
def _tesseract_version() -> str:
    import pytesseract  # type: ignore[import-untyped]

    return str(pytesseract.get_tesseract_version())


def _load(path: Path) -> list[Word] | None:
    rows = json.loads(path.read_text())
    if rows is None:
        return None
    return [Word(r[0], r[1], r[2], r[3], r[4], r[5], (r[6], r[7], r[8])) for r in rows]


def _save(path: Path, words: list[Word]) -> None:
    rows = [[w.text, w.left, w.top, w.width, w.height, w.conf, *w.line] for w in words]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_text(json.dumps(rows, separators=(",", ":")))
    os.replace(tmp, path)  # concurrent benchmarks may write the same page


class CachingOcrPool(OcrPool):
    def __init__(
        self, inner: OcrPool, config: str = TESSERACT_CONFIG, directory: Path = CACHE_DIR
    ) -> None:
        self._inner = inner
        self.config = config
        self.directory = directory
        self.hits = 0
        self.misses = 0

    def key(self, mode: str, size: tuple[int, int], raw: bytes, config: str | None = None) -> str:
        digest = hashlib.sha256()
        call = config or self.config
        tag = f"v{OCR_CACHE_VERSION}|{_tesseract_version()}|{call}|{mode}|{size[0]}x{size[1]}|"
        digest.update(tag.encode())
        digest.update(raw)
        return digest.hexdigest()

    def submit_words(
        self, mode: str, size: tuple[int, int], raw: bytes, config: str | None = None
    ) -> Future[list[Word] | None]:
        config = config or self.config
        key = self.key(mode, size, raw, config)
        path = self.directory / key[:2] / f"{key}.json"
        out: Future[list[Word] | None] = Future()
        if path.exists():
            self.hits += 1
            out.set_result(_load(path))
            return out
        self.misses += 1
        inner = self._inner.submit_words(mode, size, raw, config)

        def done(fut: Future[list[Word] | None]) -> None:
            try:
                words = fut.result()
            except BaseException as exc:  # handed on to the waiter
                out.set_exception(exc)
                return
            if words is not None:  # a timeout is not cached
                _save(path, words)
            out.set_result(words)

        inner.add_done_callback(done)
        return out

    def submit(
        self, mode: str, size: tuple[int, int], raw: bytes
    ) -> Future[tuple[str, float | None]]:
        """As `ocr_raw` (`read_page`: the page prepared, the fallback and
        missed regions included), each Tesseract call cached. The calls are
        waited for on a thread of this process, never on the pool's own."""
        return _WAITERS.submit(self._read, mode, size, raw)

    def _read(self, mode: str, size: tuple[int, int], raw: bytes) -> tuple[str, float | None]:
        if self.config != TESSERACT_CONFIG:  # another call studied alone: as given
            return page_text(self.submit_words(mode, size, raw).result())

        def call(m: str, s: tuple[int, int], r: bytes, config: str) -> list[Word] | None:
            return self.submit_words(m, s, r, config).result()

        return page_text(read_page(mode, size, raw, call))

    def shutdown(self) -> None:
        """The wrapped pool belongs to the caller, who shuts it down."""


def cached(ocr: OcrPool, config: str = TESSERACT_CONFIG) -> CachingOcrPool:
    if isinstance(ocr, CachingOcrPool):
        return ocr if ocr.config == config else CachingOcrPool(ocr._inner, config)
    return CachingOcrPool(ocr, config)
