"""Classification and extraction on scanned (OCR'd) generated pages, against
their answer keys.

OCR is slow (about a second a page per core), so the default suite reads the
first page of every document of one scanned loan file; the benchmarks
(`bench.classification_accuracy`, `bench.extraction_accuracy`) cover whole
files.
"""

from __future__ import annotations

import io
import uuid
from collections.abc import Iterator
from typing import Any

import pypdfium2 as pdfium
import pytest

from flightline.pipeline.classify import classify_and_split
from flightline.pipeline.extract import extract
from flightline.pipeline.model import LogicalDocument, PageText
from flightline.pipeline.normalize import name_key
from flightline.pipeline.pages import OcrPool, read_pdf
from flightline.synth import GeneratorOptions, generate


@pytest.fixture(scope="module")
def ocr() -> Iterator[OcrPool]:
    pool = OcrPool()
    yield pool
    pool.shutdown()


def _pages_of(pdf: bytes, numbers: list[int]) -> bytes:
    source = pdfium.PdfDocument(pdf)
    out = pdfium.PdfDocument.new()
    out.import_pages(source, [n - 1 for n in numbers])
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def first_pages(ocr: OcrPool) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[PageText]]:
    """(answer-key pages, answer-key documents, OCR'd pages): the first page of
    every document of one scanned file, read through the pipeline's reader."""
    lf = generate(GeneratorOptions(seed=4100, scanned=True, packaging="stacked_pdf"))
    entries = {e["name"]: e for e in lf.answer_key["files"]}
    name, pdf = next((n, b) for n, b in lf.files if not entries[n].get("corrupt"))
    firsts = [p for p in entries[name]["pages"] if p["document_page"] == 1]
    result = read_pdf(uuid.uuid4(), _pages_of(pdf, [p["page"] for p in firsts]), ocr)
    documents = [d for d in lf.answer_key["documents"] if d["file"] == name]
    return firsts, documents, result.pages


def _split(pages: list[PageText]) -> list[LogicalDocument]:
    readable = [p for p in pages if p.method != "blank" and p.text.strip()]
    assert all(p.method == "ocr" for p in readable)
    return classify_and_split(readable)


def test_scanned_first_pages_are_classified(
    first_pages: tuple[list[dict[str, Any]], list[dict[str, Any]], list[PageText]],
) -> None:
    firsts, _, pages = first_pages
    by_page: dict[int, str] = {}
    for doc in _split(pages):
        for number in doc.pages:
            by_page[number] = doc.type.value
    truth = [p["type"] for p in firsts]
    misses = [(i, t, by_page.get(i)) for i, t in enumerate(truth, 1) if by_page.get(i) != t]
    assert 1 - len(misses) / len(truth) >= 0.95, misses


# Fields the rules read, on one-page documents (all of them is on the first page).
CHECKED = {
    "paystub": ("employer_name", "gross_current", "gross_ytd", "pay_date", "ssn_last4"),
    "w2": ("tax_year", "box1_wages", "ssn_last4"),
    "voe": ("employer_name", "employment_start_date"),
    "gift_letter": ("gift_amount",),
    "letter_of_explanation": ("letter_date",),
}


def test_scanned_fields_are_extracted(
    first_pages: tuple[list[dict[str, Any]], list[dict[str, Any]], list[PageText]],
) -> None:
    firsts, documents, pages = first_pages
    docs = _split(pages)
    for d in docs:
        extract(d, pages)
    # Page numbers of the subset are the order of the documents' first pages.
    subset_page = {p["document"]: n for n, p in enumerate(firsts, start=1)}
    ok, misses = 0, []
    for kd in documents:
        names = CHECKED.get(kd["type"], ())
        if not names or kd["pages"][0] != kd["pages"][1]:
            continue
        number = subset_page[kd["index"]]
        mine = next((d for d in docs if number in d.pages and d.type.value == kd["type"]), None)
        for name in names:
            want = kd["fields"].get(name)
            got = mine.get(name) if mine else None
            same = got is not None and name_key(str(got)) == name_key(str(want))
            if hasattr(got, "isoformat"):
                same = got.isoformat() == want  # type: ignore[union-attr]
            elif got is not None and not isinstance(got, str):
                same = str(got) == str(want) or float(got) == float(want)  # type: ignore[arg-type]
            ok += same
            if not same:
                misses.append((kd["type"], name, want, got))
    total = ok + len(misses)
    assert total >= 10
    # Measured 16/21 on this file; the misses are characters OCR gets wrong
    # (`une 17, 2020`, `tae #0492`) and cents Tesseract leaves out.
    assert ok / total >= 0.7, misses
