"""Classification accuracy per document type on generated loan files.

    .venv/bin/python -m bench.classification_accuracy [--text 200] [--scanned 20]

Each file is one stacked PDF (every document of the loan in one PDF, in random
order); every page's predicted type (from the logical documents the pipeline
splits out) is compared with the answer key. Scanned files are OCR'd once and
cached in bench/.cache (the OCR is the pipeline's own reader).
"""

from __future__ import annotations

import argparse
from collections import Counter

from bench.corpus import stacked_files
from flightline.pipeline.classify import classify_and_split
from flightline.pipeline.pages import TESSERACT_CONFIG, OcrPool


def measure(
    seeds: range, scanned: bool, ocr: OcrPool, config: str = TESSERACT_CONFIG
) -> tuple[Counter[str], Counter[str], Counter[str]]:
    total: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    predicted: Counter[str] = Counter()
    for read in stacked_files(seeds, scanned, ocr, config=config):
        by_page = {p.page: "blank" for p in read.pages}
        readable = [p for p in read.pages if p.method != "blank" and p.text.strip()]
        for doc in classify_and_split(readable):
            for page in doc.pages:
                by_page[page] = doc.type.value
        for number, truth in enumerate(read.truth, start=1):
            guess = by_page.get(number, "missing")
            total[truth] += 1
            predicted[guess] += 1
            if guess == truth:
                correct[truth] += 1
    return total, correct, predicted


def report(
    label: str, total: Counter[str], correct: Counter[str], predicted: Counter[str]
) -> float:
    overall = sum(correct.values()) / max(1, sum(total.values()))
    print(f"\n{label}: page accuracy {overall:.4f} over {sum(total.values())} pages")
    print(f"{'type':24} {'pages':>6} {'recall':>7} {'precision':>9}")
    worst = 1.0 if total else float("nan")
    for doc_type in sorted(total):
        recall = correct[doc_type] / total[doc_type]
        precision = correct[doc_type] / predicted[doc_type] if predicted[doc_type] else 0.0
        worst = min(worst, recall)
        print(f"{doc_type:24} {total[doc_type]:6d} {recall:7.3f} {precision:9.3f}")
    return worst


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--text", type=int, default=200)
    parser.add_argument("--scanned", type=int, default=20)
    parser.add_argument("--first-seed", type=int, default=1000)
    parser.add_argument(
        "--tesseract", default=TESSERACT_CONFIG, help="Tesseract options (to compare --psm)"
    )
    args = parser.parse_args()
    ocr = OcrPool()
    try:
        start = args.first_seed
        text_worst = report("text", *measure(range(start, start + args.text), False, ocr))
        scanned = measure(range(start, start + args.scanned), True, ocr, args.tesseract)
        scan_worst = report(f"scanned ({args.tesseract})", *scanned)
    finally:
        ocr.shutdown()
    print(
        f"\nlowest per-type recall: text {text_worst:.3f} (target ≥ 0.98), "
        f"scanned {scan_worst:.3f} (target ≥ 0.95)"
    )


if __name__ == "__main__":
    main()
