"""What preparing a scanned page (`pipeline/ocr_prepare.py`) gains and costs.

    .venv/bin/python -m bench.ocr_preparation [--seeds 1900,1901] [--pages 60]

Generated text loan files are scanned the way the generator scans them
(200 dpi, tilted up to 1.5°, grain, dust, blur, JPEG) and every page is
read twice by the pipeline's OCR: as scanned (the reference, `read_words`)
and prepared (`read_page`: straightened, enlarged, sharpened). Each reading
is scored against the page's own text layer: the share of its words, and of
its words holding a digit (amounts, dates, account numbers), that OCR gave
back exactly. Prints both, the seconds each took and their ratio.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor

import pypdfium2 as pdfium

from flightline.pipeline.pages import ocr_text, ocr_words, read_page, read_words
from flightline.synth import GeneratorOptions, generate
from flightline.synth.scan import scan_pdf

SCAN_DPI = 200
_EDGE = "\"'.,;:()[]"


def _init() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def _read(job: tuple[bool, tuple[int, int], bytes]) -> str:
    prepared, size, raw = job
    reader = read_page if prepared else read_words
    words = reader("L", size, raw, lambda m, s, r, c: ocr_words(m, s, r, 60, c))
    return ocr_text(words)[0]


def _tokens(text: str) -> Counter[str]:
    out: Counter[str] = Counter()
    for token in text.split():
        token = token.strip(_EDGE).lstrip("$")
        if token:
            out[token] += 1
    return out


def pages(seeds: list[int], limit: int) -> list[tuple[str, tuple[int, int], bytes]]:
    """(text layer, scan size, scan pixels) of the first `limit` pages."""
    out: list[tuple[str, tuple[int, int], bytes]] = []
    for seed in seeds:
        loan = generate(GeneratorOptions(seed=seed, packaging="stacked_pdf"))
        for _, data in loan.files:
            text_pdf = pdfium.PdfDocument(data)
            scanned = pdfium.PdfDocument(scan_pdf(data, random.Random(seed), SCAN_DPI))
            for text_page, scan_page in zip(text_pdf, scanned, strict=True):
                image = scan_page.render(scale=SCAN_DPI / 72, grayscale=True).to_pil()
                gray = image.convert("L")
                out.append((text_page.get_textpage().get_text_range(), gray.size, gray.tobytes()))
                if len(out) >= limit:
                    return out
    return out


def score(truths: list[str], readings: list[str]) -> tuple[float, float]:
    """(share of words read back, share of words with a digit read back)."""
    words = [0, 0]
    digits = [0, 0]
    for truth, reading in zip(truths, readings, strict=True):
        got = _tokens(reading)
        for token, count in _tokens(truth).items():
            hit = min(count, got[token])
            words[0] += hit
            words[1] += count
            if any(ch.isdigit() for ch in token):
                digits[0] += hit
                digits[1] += count
    return words[0] / max(1, words[1]), digits[0] / max(1, digits[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", default="1900,1901")
    parser.add_argument("--pages", type=int, default=60)
    args = parser.parse_args()
    corpus = pages([int(s) for s in args.seeds.split(",")], args.pages)
    truths = [text for text, _, _ in corpus]
    results: dict[bool, tuple[float, float, float]] = {}
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1, initializer=_init) as pool:
        for prepared in (False, True):
            start = time.perf_counter()
            readings = list(pool.map(_read, [(prepared, size, raw) for _, size, raw in corpus]))
            seconds = time.perf_counter() - start
            words, digits = score(truths, readings)
            results[prepared] = (words, digits, seconds)
            label = "prepared" if prepared else "as scanned (reference)"
            print(
                f"{label:24} words {words:.4f}  with digits {digits:.4f}  "
                f"{seconds:.0f} s ({len(corpus) / seconds:.2f} pages/s)",
                flush=True,
            )
    raw, ready = results[False], results[True]
    print(
        f"{len(corpus)} pages: words with digits lost {1 - raw[1]:.4f} -> {1 - ready[1]:.4f} "
        f"({(1 - ready[1]) / max(1e-9, 1 - raw[1]):.2f}x); time ratio {ready[2] / raw[2]:.2f}"
    )


if __name__ == "__main__":
    main()
