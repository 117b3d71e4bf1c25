"""Text pages through reading + classification + extraction, against raw
pypdfium2 text extraction of the same pages, same run, same process.

    .venv/bin/python -m bench.text_throughput [--files 20]
"""

from __future__ import annotations

import argparse
import time
import uuid

import pypdfium2 as pdfium

from flightline.pipeline.pages import OcrPool, read_pdf
from flightline.pipeline.service import analyse
from flightline.synth import GeneratorOptions, generate


def raw_extract(pdf: bytes) -> int:
    doc = pdfium.PdfDocument(pdf)
    chars = 0
    for index in range(len(doc)):
        page = doc[index]
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    doc.close()
    return chars


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=20)
    args = parser.parse_args()
    pdfs = []
    for seed in range(2000, 2000 + args.files):
        lf = generate(GeneratorOptions(seed=seed, packaging="stacked_pdf"))
        corrupt = {f["name"] for f in lf.answer_key["files"] if f.get("corrupt")}
        pdfs += [data for name, data in lf.files if name.endswith(".pdf") and name not in corrupt]
    pages = sum(len(pdfium.PdfDocument(p)) for p in pdfs)
    ocr = OcrPool(1)
    for pdf in pdfs[:2]:  # warm-up both paths
        raw_extract(pdf)
        analyse([read_pdf(uuid.uuid4(), pdf, ocr).pages])

    start = time.perf_counter()
    for pdf in pdfs:
        raw_extract(pdf)
    raw_seconds = time.perf_counter() - start

    start = time.perf_counter()
    read_seconds = 0.0
    for pdf in pdfs:
        t = time.perf_counter()
        result = read_pdf(uuid.uuid4(), pdf, ocr)
        read_seconds += time.perf_counter() - t
        analyse([result.pages])
    ours_seconds = time.perf_counter() - start
    ocr.shutdown()
    raw_rate, ours_rate = pages / raw_seconds, pages / ours_seconds
    print(
        f"{pages} text pages: raw pypdfium2 {raw_rate:.0f} pages/s; read + classify + extract "
        f"{ours_rate:.0f} pages/s (reading {read_seconds:.2f} s, analysis "
        f"{ours_seconds - read_seconds:.2f} s); ratio {ours_rate / raw_rate:.3f} (target ≥ 0.3)"
    )


if __name__ == "__main__":
    main()
