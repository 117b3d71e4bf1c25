"""An appraisal's property address as OCR reads it: one cut short and run
into the comparables grid is left unread, a whole one is kept."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from flightline.pipeline.extract import extract
from flightline.pipeline.model import DocType, LogicalDocument, PageText

DOC = uuid.UUID("00000000-0000-0000-0000-0000000a9915")


def run(text: str, method: str = "ocr") -> LogicalDocument:
    doc = LogicalDocument(uuid.uuid4(), DocType.appraisal_1004, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, method)])
    return doc


GRID = """\
Uniform Residential Appraisal Report
SALES COMPARISON APPROACH
FEATURE  SUBJECT  COMPARABLE SALE #1  COMPARABLE SALE #2  COMPARABLE SALE #3
Address  6646 Birch Drive, Shannonhav 9320 Birch Ave 6054 Birch Dr 4944 Birch Dr
"""


def test_an_address_run_into_the_comparables_grid_is_left_unread() -> None:
    assert run(GRID).get("property_address") is None


def test_a_whole_address_is_kept() -> None:
    text = GRID.replace(
        "Shannonhav 9320 Birch Ave 6054 Birch Dr 4944 Birch Dr", "Shannonhaven, TX 76466"
    )
    assert run(text).get("property_address") == "6646 Birch Drive, Shannonhaven, TX 76466"


def test_an_address_whose_zip_lost_a_figure_is_kept() -> None:
    text = GRID.replace(
        "Shannonhav 9320 Birch Ave 6054 Birch Dr 4944 Birch Dr", "Shannonhaven, TX 7646"
    )
    assert run(text).get("property_address") == "6646 Birch Drive, Shannonhaven, TX 7646"


SUMMARY = """\
APPRAISAL REPORT
Market Value        Effective Date        Units
$ 276,000.00        06/15/2026
SUBJECT        {cell}        21337 BIRCHCIR, NEW JULIAN, FL 33354
CLIENT        Rivera Mortgage
"""


def test_a_speck_cell_between_label_and_address_is_skipped() -> None:
    got = run(SUMMARY.format(cell="E")).get("property_address")
    assert got == "21337 BIRCHCIR, NEW JULIAN, FL 33354"
    # a word is no speck: what follows it is not read as the address
    assert run(SUMMARY.format(cell="Lot")).get("property_address") is None


def test_the_opinion_of_value_without_its_dollar_sign_and_with_a_word_misread() -> None:
    text = (
        "Uniform Residential Appraisal Report\n"
        "RECONCILIATION\n"
        "Based on a complete visual inspection of the interior and exterior areas of the\n"
        "subject property, my (our) opinion of the market valu\u00e9@, as defined, of the\n"
        "real property that is the subject of this report is 776,000, as*6f 18-May-2026, which\n"
        "is the date of inspection and the effective date of this appraisal.\n"
    )
    doc = run(text)
    assert doc.get("appraised_value") == Decimal("776000")
    assert doc.get("effective_date") == date(2026, 5, 18)


def test_a_speck_digit_with_a_mark_before_the_market_value() -> None:
    # `1+ $295,000.00`: the 1 is a speck, the value the amount after it
    text = (
        "APPRAISAL REPORT\n"
        "Form 1025 - 2-4 Unit Summary\n"
        "Market Value        \u201cail        Effective Date        |'Units\n"
        "1+ $295,000.00        09/29/2026,        4\n"
        "Sale Price:        $288,000.00\n"
    )
    doc = run(text)
    assert doc.get("appraised_value") == Decimal("295000.00")
    assert doc.get("effective_date") == date(2026, 9, 29)


def test_an_effective_date_after_its_report_is_a_year_misread() -> None:
    text = (
        "Uniform Residential Appraisal Report\n"
        "Signature:        Tammy Webster\n"
        "Date of Signature and Report:        April 26, 2025\n"
        "Effective Date of Appraisal:        April 23, {year}\n"
        "APPRAISED VALUE OF SUBJECT PROPERTY:        447,000\n"
    )
    assert run(text.format(year=2035)).get("effective_date") == date(2025, 4, 23)
    # before its report it stands as read; on a text layer nothing is changed
    assert run(text.format(year=2025)).get("effective_date") == date(2025, 4, 23)
    assert run(text.format(year=2035), "text").get("effective_date") == date(2035, 4, 23)
    # no year a figure away puts it shortly before the report: as read
    assert run(text.format(year=2038)).get("effective_date") == date(2038, 4, 23)
