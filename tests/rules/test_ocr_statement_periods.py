"""AST-003 on scans: a period OCR misread is not a missing month, but a month
really missing, or one statement filed twice, still is."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flightline.pipeline.model import FieldValue
from tests.rules.builders import Loan, run
from tests.rules.test_compare import _scanned, _statements, _with_run


def test_a_hole_of_days_between_month_long_periods_is_a_misread_date_on_a_scan() -> None:
    # 03-05 read as 03-08: both periods still look a month long
    spans = (
        ("5678", date(2026, 2, 5), date(2026, 3, 4)),
        ("5678", date(2026, 3, 8), date(2026, 4, 4)),
    )
    issues, ctx = _with_run(_scanned(_statements(*spans)), "AST-003")
    assert issues == [] and len(ctx.unread) == 1
    # the same hole on a text layer is what the statements say
    assert len(run(_statements(*spans), "AST-003")) == 1
    # a hole of days that no single digit explains still fires on a scan
    far = (spans[0], ("5678", date(2026, 3, 21), date(2026, 4, 20)))
    assert len(run(_scanned(_statements(*far)), "AST-003")) == 1
    # a whole month missing, one digit away (03-05 vs 04-05), still fires
    gap = (spans[0], ("5678", date(2026, 4, 5), date(2026, 5, 4)))
    assert len(run(_scanned(_statements(*gap)), "AST-003")) == 1


def _balanced(loan_spans: tuple[tuple[str, date, date], ...], closings: list[int]) -> Loan:
    loan = _statements(*loan_spans)
    for doc, closing in zip(loan.docs[-len(closings) :], closings, strict=True):
        was = doc.fields["closing_balance"]
        doc.fields["closing_balance"] = FieldValue(Decimal(closing), was.evidence)
    return loan


def test_two_statements_read_with_one_period_but_different_balances_are_unread() -> None:
    spans = (
        ("5678", date(2026, 2, 1), date(2026, 2, 28)),
        ("5678", date(2026, 2, 1), date(2026, 2, 28)),
    )
    loan = _balanced(spans, [41000, 43500])
    issues, ctx = _with_run(_scanned(loan), "AST-003")
    assert issues == [] and len(ctx.unread) == 1
    # one statement filed twice (same balances) is still one month
    copy = _balanced(spans, [41000, 41000])
    assert len(run(_scanned(copy), "AST-003")) == 1
    # on a text layer the periods are what the statements say
    assert len(run(_balanced(spans, [41000, 43500]), "AST-003")) == 1


def test_a_number_misread_in_several_digits_joins_the_account_its_balances_chain_with() -> None:
    spans = (
        ("7734", date(2026, 1, 1), date(2026, 1, 31)),
        ("7000", date(2026, 2, 1), date(2026, 2, 28)),
    )
    loan = _balanced(spans, [52000, 61000])
    loan.docs[-1].fields["opening_balance"] = FieldValue(
        Decimal(52000), loan.docs[-1].fields["closing_balance"].evidence
    )
    assert run(_scanned(loan), "AST-003") == []
    # balances that do not chain: two accounts, one month each
    loose = _balanced(spans, [52000, 61000])
    assert len(run(_scanned(loose), "AST-003")) == 2


def test_balances_a_misread_apart_chain_only_across_consecutive_periods() -> None:
    # `8575` read as `3579`; the second statement's opening 52,000.00 read 2,000.00
    spans = (
        ("3579", date(2026, 1, 1), date(2026, 1, 31)),
        ("8575", date(2026, 2, 1), date(2026, 2, 28)),
    )

    def opening(loan: Loan, value: int) -> Loan:
        ev = loan.docs[-1].fields["closing_balance"].evidence
        loan.docs[-1].fields["opening_balance"] = FieldValue(Decimal(value), ev)
        return loan

    assert run(_scanned(opening(_balanced(spans, [52000, 61000]), 2000)), "AST-003") == []
    # two digits apart: no chain, two accounts of one month each
    assert len(run(_scanned(opening(_balanced(spans, [52000, 61000]), 7000)), "AST-003")) == 2
    # a month between the periods: no chain either
    apart = (spans[0], ("8575", date(2026, 3, 1), date(2026, 3, 31)))
    assert len(run(_scanned(opening(_balanced(apart, [52000, 61000]), 2000)), "AST-003")) == 2


def test_a_statement_whose_period_is_unread_is_placed_by_its_balances() -> None:
    from flightline.rules.figures import computed

    spans = (
        ("6949", date(2026, 6, 1), date(2026, 6, 30)),
        ("6949", date(2026, 7, 1), date(2026, 7, 31)),
    )

    def assets(june_closing: int, july_opening: int) -> Decimal | None:
        loan = _balanced(spans, [689, 18550])
        june, july = loan.docs[-2], loan.docs[-1]
        ev = july.fields["closing_balance"].evidence
        june.fields["closing_balance"] = FieldValue(Decimal(june_closing), ev)
        july.fields["opening_balance"] = FieldValue(Decimal(july_opening), ev)
        del july.fields["period_start_date"], july.fields["period_end_date"]
        return computed(_scanned(loan).context()).assets

    # July's period unread; it opens with June's ending balance: it is the latest
    assert assets(689, 689) == Decimal(18550)
    # ... its opening read with a speck for a minus (`-689.00`) all the same
    assert assets(689, -689) == Decimal(18550)
    # nothing chains: the dated statement stands as the latest
    assert assets(689, 700) == Decimal(689)


def test_a_number_a_digit_off_joins_its_account_when_the_institution_is_unread() -> None:
    spans = (
        ("2392", date(2026, 1, 1), date(2026, 1, 31)),
        ("2372", date(2026, 2, 1), date(2026, 2, 28)),
    )

    def loan(chained: bool) -> Loan:
        built = _balanced(spans, [52000, 61000])
        ev = built.docs[-1].fields["closing_balance"].evidence
        opening = Decimal(52000 if chained else 50000)
        built.docs[-1].fields["opening_balance"] = FieldValue(opening, ev)
        del built.docs[-1].fields["institution"]
        return built

    assert run(_scanned(loan(chained=True)), "AST-003") == []
    # no institution and no chain: nothing says it is the same account
    assert len(run(_scanned(loan(chained=False)), "AST-003")) == 2


def test_a_scanned_period_years_after_the_closing_is_a_misread_year() -> None:
    # `2035` for 2025: no file holds a statement from after its closing
    spans = (
        ("5678", date(2026, 2, 1), date(2026, 2, 28)),
        ("5678", date(2036, 1, 1), date(2036, 1, 31)),
    )
    issues, ctx = _with_run(_scanned(_statements(*spans)), "AST-003")
    assert issues == [] and len(ctx.unread) == 1
    # on a text layer it is what the statement says
    assert len(run(_statements(*spans), "AST-003")) == 1
