"""Reading pages: text layer, OCR for thin pages and images, blank pages skipped."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pypdfium2 as pdfium
import pytest

from flightline.pipeline.pages import OcrPool, read_image, read_pdf
from tests import packages

DOC = uuid.uuid4()


@pytest.fixture(scope="module")
def ocr() -> Iterator[OcrPool]:
    pool = OcrPool(workers=2)
    yield pool
    pool.shutdown()


def test_text_layer_pages(ocr: OcrPool) -> None:
    data = packages.text_pdf(
        ["Uniform Residential Loan Application", "Borrower Name: Jane Q Public"]
    )
    result = read_pdf(DOC, data, ocr)
    assert result.readable and result.page_count == 1
    assert result.pages[0].method == "text"
    assert "Jane Q Public" in result.pages[0].text


def test_thin_pages_are_ocrd_and_blank_pages_skipped(ocr: OcrPool) -> None:
    scanned = packages.scanned_page(["PAYSTUB", "Pay Date: 01/09/2026", "Gross Pay 4,500.00"])
    blank = packages.scanned_page([])
    data = packages.image_pdf([scanned, blank])
    assert len(pdfium.PdfDocument(data)) == 2
    result = read_pdf(DOC, data, ocr)
    assert [p.method for p in result.pages] == ["ocr", "blank"]
    assert "Pay Date" in result.pages[0].text and "4,500.00" in result.pages[0].text
    assert result.pages[0].confidence is not None and result.pages[0].confidence > 50
    assert result.readable


def test_multipage_tiff_is_ocrd_frame_by_frame(ocr: OcrPool) -> None:
    frames = [
        packages.scanned_page([f"Bank Statement page {n}", "Beginning Balance 1,000.00"])
        for n in (1, 2)
    ]
    result = read_image(DOC, packages.multipage_tiff(frames), ocr)
    assert [p.page for p in result.pages] == [1, 2]
    assert all(p.method == "ocr" and "Balance" in p.text for p in result.pages)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "GIF", "BMP"])
def test_every_image_format_is_ocrd(ocr: OcrPool, fmt: str) -> None:
    from io import BytesIO

    image = packages.scanned_page(["Notice of Right to Cancel", "Borrower: John Smith"])
    out = BytesIO()
    image.convert("RGB" if fmt == "JPEG" else "L").save(out, format=fmt)
    result = read_image(DOC, out.getvalue(), ocr)
    assert result.readable and "Right to Cancel" in result.pages[0].text


def test_corrupt_and_empty_documents_are_unreadable(ocr: OcrPool) -> None:
    assert not read_pdf(DOC, b"%PDF-1.7\n garbage", ocr).readable
    assert not read_image(DOC, b"\x89PNG\r\n\x1a\n broken", ocr).readable
    blank_only = packages.image_pdf([packages.scanned_page([])])
    result = read_pdf(DOC, blank_only, ocr)
    assert not result.readable and result.pages[0].method == "blank"


def test_a_page_ocr_does_not_finish_in_time_is_unread_not_blank() -> None:
    scanned = packages.scanned_page(["PAYSTUB", "Pay Date: 01/09/2026", "Gross Pay 4,500.00"])
    data = packages.joined_pdfs(
        packages.text_pdf(["Uniform Residential Loan Application", "Borrower: Jane Q Public"]),
        packages.image_pdf([scanned]),
    )
    slow = OcrPool(workers=1, timeout=0.001)
    try:
        result = read_pdf(DOC, data, slow)
    finally:
        slow.shutdown()
    assert [p.method for p in result.pages] == ["text", "unread"]
    assert result.pages[1].text == "" and result.readable
