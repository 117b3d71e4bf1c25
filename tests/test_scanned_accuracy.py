"""Classification on scanned (OCR'd) generated pages, against their answer keys.

OCR is slow (about a second a page per core), so the default suite reads the
first page of every document of one scanned loan file; the benchmark
(`bench.classification_accuracy`) covers whole files.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest

from flightline.pipeline.classify import classify_and_split
from flightline.pipeline.pages import OcrPool, read_pdf
from flightline.synth import GeneratorOptions, generate


@pytest.fixture(scope="module")
def ocr() -> Iterator[OcrPool]:
    pool = OcrPool()
    yield pool
    pool.shutdown()


def _first_pages(pdf: bytes, numbers: list[int]) -> bytes:
    source = pdfium.PdfDocument(pdf)
    out = pdfium.PdfDocument.new()
    out.import_pages(source, [n - 1 for n in numbers])
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def test_scanned_first_pages_are_classified(ocr: OcrPool) -> None:
    import uuid

    lf = generate(GeneratorOptions(seed=4100, scanned=True, packaging="stacked_pdf"))
    entries = {e["name"]: e for e in lf.answer_key["files"]}
    name, pdf = next((n, b) for n, b in lf.files if not entries[n].get("corrupt"))
    pages = entries[name]["pages"]
    firsts = [p for p in pages if p["document_page"] == 1]
    subset = _first_pages(pdf, [p["page"] for p in firsts])
    result = read_pdf(uuid.uuid4(), subset, ocr)
    readable = [p for p in result.pages if p.method != "blank" and p.text.strip()]
    assert all(p.method == "ocr" for p in readable)
    by_page: dict[int, str] = {}
    for doc in classify_and_split(readable):
        for number in doc.pages:
            by_page[number] = doc.type.value
    truth = [p["type"] for p in firsts]
    misses = [(i, t, by_page.get(i)) for i, t in enumerate(truth, 1) if by_page.get(i) != t]
    assert 1 - len(misses) / len(truth) >= 0.95, misses
