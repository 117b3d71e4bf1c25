"""Qualifying income when OCR left a VOE's dates unreadable."""

from __future__ import annotations

from datetime import date

from flightline.pipeline.model import DocType
from flightline.rules.figures import computed
from tests.rules.builders import D, clean_loan


def test_ytd_through_date_from_the_paystub_with_the_same_ytd_base() -> None:
    # The VOE's YTD base (18,461.52) is the paystub of 2026-02-20's YTD regular pay.
    loan = clean_loan().set(
        DocType.voe,
        ytd_bonus_income=D(1500),
        prior_year_bonus_income=D(9000),
        ytd_through_date=None,
        verification_date=None,
    )
    income = computed(loan.context()).incomes[0]
    assert income.through == date(2026, 2, 20)
    assert income.variable["bonus"].counted


def test_no_through_date_when_no_paystub_shows_the_same_ytd_base() -> None:
    loan = clean_loan().set(
        DocType.voe,
        ytd_base_income=D("18000.00"),
        ytd_bonus_income=D(1500),
        prior_year_bonus_income=D(9000),
        ytd_through_date=None,
        verification_date=None,
    )
    income = computed(loan.context()).incomes[0]
    assert income.through is None
    assert income.variable == {}


def test_unread_ytd_bonus_comes_from_the_paystub_of_the_through_date() -> None:
    loan = clean_loan().set(DocType.voe, ytd_bonus_income=None, prior_year_bonus_income=D(9000))
    loan.set_rows(
        DocType.paystub,
        "earnings",
        [
            {"kind": "regular", "current_amount": D("4615.38"), "ytd_amount": D("18461.52")},
            {"kind": "bonus", "current_amount": D(500), "ytd_amount": D(1500)},
        ],
    )
    bonus = computed(loan.context()).incomes[0].variable["bonus"]
    assert bonus.ytd == D(1500) and bonus.counted


def test_unread_ytd_bonus_is_not_taken_as_zero() -> None:
    loan = clean_loan().set(DocType.voe, ytd_bonus_income=None, prior_year_bonus_income=D(9000))
    assert "bonus" not in computed(loan.context()).incomes[0].variable
