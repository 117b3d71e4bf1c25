"""Earnings rows OCR left a cell or a caption short: a paystub's year-to-date
cell that cannot be (below the period's own pay), a VOE row whose caption is
garbled past knowing. The form's own arithmetic and order settle them; where
they do not, the cell stays unread."""

from __future__ import annotations

import uuid
from decimal import Decimal

from flightline.pipeline.extract import extract
from flightline.pipeline.model import DocType, LogicalDocument, PageText, Value

DOC = uuid.UUID("00000000-0000-0000-0000-0000000e2a75")


def run(doc_type: DocType, text: str, method: str = "ocr") -> LogicalDocument:
    doc = LogicalDocument(uuid.uuid4(), doc_type, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, method)])
    return doc


def earnings(doc: LogicalDocument) -> dict[object, dict[str, Value]]:
    return {r["kind"].value: {k: v.value for k, v in r.items()} for r in doc.rows["earnings"]}


STUB = """\
SMITH REALTY GROUP L.P.
Statement of Earnings and Deductions
PERIOD BEGINNING        07-02-2026        EMPLOYEE        Eric White
PAY DATE        07-10-2026        EMPLOYEE ID        58580
Earfiings        Rate        Hours        This Period        Year to Date
Regular Pay        45.5600        40.00        $ 1,822.40        $ 5$.027.20
OVERTIME        68.3400        USO%e        $102.51        $ 3,194.96
Total Earnings        $ 1,924.91        54,222.16
NET PAY        $ 1,433.66
"""


def test_a_year_to_date_cell_below_the_periods_pay_is_the_total_less_the_others() -> None:
    rows = earnings(run(DocType.paystub, STUB))
    assert rows["regular"]["ytd_amount"] == Decimal("51027.20")
    assert rows["overtime"]["ytd_amount"] == Decimal("3194.96")


def test_a_year_to_date_cell_is_not_made_up_when_another_row_lacks_its_own() -> None:
    text = STUB.replace("$ 3,194.96", "$ 3,1#4.96")
    rows = earnings(run(DocType.paystub, text))
    assert rows["regular"].get("ytd_amount") != Decimal("51027.20")


VOE_1005 = """\
Request for Verification of Employment
Part Il - Verification of Present Employment
12B. Gross Earnings - Type  Year To Date (Thru 24-JUL-2026)  Past Year 2025  Past Year 2024
Base Pay        54672.00        92357.20        91664.56
Ouedina tin       SLA        \u201c9599399/90!<        4728.60        4478.65
Commissions        mast;        0.00 oi Li        0.00       =e.        0.00
Bonus        Paahe        0.00        0.00        0.00,
16. Remarks        Employee in good standing.
"""


def test_the_row_between_base_pay_and_commissions_is_overtime_whatever_ocr_made_of_it() -> None:
    got = run(DocType.voe, VOE_1005).fields
    assert got["prior_year_overtime_income"].value == Decimal("4728.60")
    assert got["two_years_prior_overtime_income"].value == Decimal("4478.65")
    # its garbled year-to-date cell is unread, not guessed
    assert "ytd_overtime_income" not in got
    # anywhere else such a row is nobody's
    moved = VOE_1005.replace("Commissions        mast;", "Remarks        mast;")
    assert "prior_year_overtime_income" not in run(DocType.voe, moved).fields
