"""A CD that OCR's page breaks split in two: the part with the loan's terms
is the CD, whichever comes last."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flightline.pipeline.model import DocType
from flightline.rules.facts import latest_cd
from tests.rules.builders import clean_loan, make


def test_the_part_with_the_terms_is_the_cd_when_no_date_tells_them_apart() -> None:
    loan = clean_loan()
    cd = loan.one(DocType.closing_disclosure)
    cd.fields.pop("date_issued", None)
    loan.add(make(DocType.closing_disclosure, {"apr": Decimal("5.778")}))
    assert latest_cd(loan.context()) is cd
    # a later date still wins: a CD issued again
    again = make(DocType.closing_disclosure, {"date_issued": date(2026, 4, 30)})
    loan.add(again)
    assert latest_cd(loan.context()) is again
