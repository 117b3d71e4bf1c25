"""A tradeline row whose amounts OCR left unplaceable (neither balance nor
payment read) leaves the debts, and the DTI, unknown rather than short."""

from __future__ import annotations

from flightline.pipeline.model import DocType
from flightline.rules.figures import compute_figures
from tests.rules.builders import clean_loan
from tests.rules.test_compare import _scanned


def test_a_row_without_amounts_leaves_the_debts_unknown() -> None:
    loan = clean_loan()
    report = loan.one(DocType.credit_report)
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert "dti_back" in ctx.figures
    row = report.rows["tradelines"][0]
    del row["balance"], row["monthly_payment"]
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert "dti_back" not in ctx.figures
