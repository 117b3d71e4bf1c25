from __future__ import annotations

from datetime import date

from flightline.pipeline.model import DocType, Value
from tests.rules.builders import D, Loan, clean_loan, make, run

CODES = ("RES-001", "AST-001", "AST-002", "AST-003", "AST-004")


def test_clean_file_has_no_asset_findings() -> None:
    for code in CODES:
        assert run(clean_loan(), code) == []
        assert run(Loan(), code) == []


def _assets(closing: str, occupancy: str = "principal_residence") -> Loan:
    loan = clean_loan().set(DocType.bank_statement, 1, closing_balance=D(closing))
    return loan.set(DocType.urla_1003, occupancy=occupancy)


def test_res_001_reserves_below_the_requirement() -> None:
    # second home: 2 months of 2,500.00 after 108,000.00 to close
    assert run(_assets("113000.00", "second_home"), "RES-001") == []
    [issue] = run(_assets("112999.99", "second_home"), "RES-001")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "reserves",
        "high",
        "1.9999",
        "2.00",
    )
    assert issue.summary.endswith("below the 2 months required for a second home.")
    [investment] = run(_assets("112999.99", "investment"), "RES-001")
    assert "required for an investment property." in investment.summary
    # a principal residence needs none
    assert run(_assets("108000.00"), "RES-001") == []


def test_ast_002_assets_short_of_funds_to_close() -> None:
    assert run(_assets("108000.00"), "AST-002") == []
    [issue] = run(_assets("107999.99"), "AST-002")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "assets",
        "critical",
        "107999.99",
        "108000.00",
    )
    assert {e.field for e in issue.evidence} == {"closing_balance", "cash_to_close"}
    # negative reserves on a principal residence are short of the 0 required too
    assert len(run(_assets("107999.99"), "RES-001")) == 1


def _deposits(*rows: dict[str, Value]) -> Loan:
    return clean_loan().set_rows(DocType.bank_statement, "deposits", list(rows))


def test_ast_001_large_unsourced_deposit() -> None:
    # threshold: 50% of 10,000.00
    at: dict[str, Value] = {
        "date": date(2026, 1, 15),
        "amount": D("5000.00"),
        "description": "MOBILE DEPOSIT",
    }
    assert run(_deposits(at), "AST-001") == []
    over: dict[str, Value] = {
        "date": date(2026, 1, 15),
        "amount": D("5000.01"),
        "description": "MOBILE DEPOSIT",
    }
    [issue] = run(_deposits(over), "AST-001")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "5678 2026-01-15 5000.01",
        "high",
        "5000.01",
        "5000.00",
    )
    assert [e.field for e in issue.evidence] == [
        "deposits.date",
        "deposits.amount",
        "deposits.description",
    ]
    # sourcing needs the income, not the Closing Disclosure
    assert len(run(_deposits(over).drop(DocType.closing_disclosure), "AST-001")) == 1


def test_ast_001_sourced_deposits_do_not_fire() -> None:
    payroll: dict[str, Value] = {
        "date": date(2026, 1, 9),
        "amount": D(9000),
        "description": "PAYROLL ACME",
    }
    explained: dict[str, Value] = {
        "date": date(2026, 1, 12),
        "amount": D(7000),
        "description": "DEPOSIT",
    }
    loan = _deposits(payroll, explained)
    assert len(run(loan, "AST-001")) == 1
    loan.add(
        make(
            DocType.letter_of_explanation,
            {"explained_amount": D(7000), "explained_date": date(2026, 1, 12)},
        )
    )
    assert run(loan, "AST-001") == []


def test_ast_001_a_scanned_letters_amount_a_misread_from_the_deposit_sources_it() -> None:
    from tests.rules.test_compare import _scanned

    deposit: dict[str, Value] = {
        "date": date(2026, 1, 12),
        "amount": D("26714.19"),
        "description": "MOBILE DEPOSIT",
    }

    def with_letter(amount: str) -> Loan:
        loan = _deposits(deposit)
        letter = {"explained_amount": D(amount), "explained_date": date(2026, 1, 12)}
        return loan.add(make(DocType.letter_of_explanation, letter))

    # the letter's `26,714.19` read without its cents, or one digit off
    assert run(_scanned(with_letter("26714")), "AST-001") == []
    assert run(_scanned(with_letter("26774.19")), "AST-001") == []
    # another amount, or a text layer's letter: not this deposit's source
    assert len(run(_scanned(with_letter("16000.00")), "AST-001")) == 1
    assert len(run(with_letter("26714"), "AST-001")) == 1


def test_ast_001_a_scanned_deposit_date_a_figure_off_the_letters_is_the_same() -> None:
    from tests.rules.test_compare import _scanned

    def with_letter(on: date) -> Loan:
        deposit: dict[str, Value] = {
            "date": on,
            "amount": D("8801.94"),
            "description": "MOBILE DEPOSIT",
        }
        letter = {"explained_amount": D("8801.94"), "explained_date": date(2026, 1, 19)}
        return _deposits(deposit).add(make(DocType.letter_of_explanation, letter))

    # the statement's 01-19 read 01-09: the letter explains it
    assert run(_scanned(with_letter(date(2026, 1, 9))), "AST-001") == []
    # ten days apart on a text layer is another deposit
    assert len(run(with_letter(date(2026, 1, 9)), "AST-001")) == 1
    # and on a scan, a date no single figure turns into the letter's
    assert len(run(_scanned(with_letter(date(2026, 1, 2))), "AST-001")) == 1


def test_ast_001_only_the_two_latest_statements_are_sourced() -> None:
    loan = clean_loan()
    old = make(
        DocType.bank_statement,
        {
            "account_last4": "5678",
            "period_start_date": date(2025, 12, 1),
            "period_end_date": date(2025, 12, 31),
            "closing_balance": D(120000),
        },
        {"deposits": [{"date": date(2025, 12, 5), "amount": D(50000), "description": "CASH"}]},
    )
    assert run(loan.add(old), "AST-001") == []


def _periods(*spans: tuple[date, date]) -> Loan:
    loan = clean_loan().drop(DocType.bank_statement)
    for start, end in spans:
        loan.add(
            make(
                DocType.bank_statement,
                {
                    "account_last4": "5678",
                    "period_start_date": start,
                    "period_end_date": end,
                    "closing_balance": D(130000),
                },
            )
        )
    return loan


def test_ast_003_fewer_than_two_consecutive_months() -> None:
    [single] = run(_periods((date(2026, 2, 1), date(2026, 2, 28))), "AST-003")
    assert (single.subject, single.severity, single.observed, single.limit) == (
        "5678",
        "medium",
        "0.9 months",
        "2 months",
    )
    gap = _periods((date(2025, 12, 1), date(2025, 12, 31)), (date(2026, 2, 1), date(2026, 2, 28)))
    assert len(run(gap, "AST-003")) == 1
    cycle = _periods((date(2026, 1, 16), date(2026, 2, 15)), (date(2026, 2, 16), date(2026, 3, 15)))
    assert run(cycle, "AST-003") == []
    quarterly = _periods((date(2026, 1, 1), date(2026, 3, 31)))
    assert run(quarterly, "AST-003") == []


def test_ast_003_an_account_whose_periods_were_not_read_is_reported_unread() -> None:
    loan = _periods((date(2026, 2, 1), date(2026, 2, 28)))
    loan.set(DocType.bank_statement, period_start_date=None, period_end_date=None)
    ctx = loan.context()
    assert run(ctx, "AST-003") == []
    [unread] = [u for u in ctx.unread.values() if u.subject == "statement period 5678"]
    assert unread.evidence


def _gift(description: str, *, letter: bool, occupancy: str = "principal_residence") -> Loan:
    loan = _deposits({"date": date(2026, 1, 20), "amount": D(3000), "description": description})
    loan.set(DocType.urla_1003, occupancy=occupancy)
    if letter:
        loan.add(
            make(
                DocType.gift_letter,
                {"donor_name": "Ann Smith", "gift_amount": D(3000), "gift_date": date(2026, 1, 19)},
            )
        )
    return loan


def test_ast_004_gift_without_a_letter() -> None:
    [issue] = run(_gift("ZELLE FROM ANN SMITH GIFT", letter=False), "AST-004")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "gift without letter",
        "high",
        "no gift letter",
        "gift letter",
    )
    assert run(_gift("ZELLE FROM ANN SMITH GIFT", letter=True), "AST-004") == []
    assert run(_gift("ZELLE FROM ANN SMITH", letter=False), "AST-004") == []


def test_ast_004_a_deposit_the_application_declares_a_gift_is_one_whatever_it_reads() -> None:
    declared = [{"source": "Sister", "deposited": "yes", "value": D(3000)}]
    loan = _gift("ZELLE FROM ANN SMITH GIRT", letter=False)
    [issue] = run(loan.set_rows(DocType.urla_1003, "gifts", declared), "AST-004")
    assert issue.subject == "gift without letter"
    # its letter received: no finding
    lettered = _gift("INCOMING WIRE", letter=True).set_rows(DocType.urla_1003, "gifts", declared)
    assert run(lettered, "AST-004") == []
    # a gift declared not deposited, or of another amount, says nothing of this deposit
    for other in (
        [{"source": "Sister", "deposited": "no", "value": D(3000)}],
        [{"source": "Sister", "deposited": "yes", "value": D(4500)}],
    ):
        loan = _gift("ZELLE FROM ANN SMITH GIRT", letter=False)
        assert run(loan.set_rows(DocType.urla_1003, "gifts", other), "AST-004") == []


def test_ast_004_gift_on_an_investment_property() -> None:
    [issue] = run(_gift("INCOMING WIRE", letter=True, occupancy="investment"), "AST-004")
    assert issue.subject == "gift on investment property"
    assert "3000.00 from Ann Smith" in issue.summary
    assert run(_gift("INCOMING WIRE", letter=True, occupancy="second_home"), "AST-004") == []


def test_ast_004_a_page_taken_for_a_gift_letter_with_no_gift_read_is_no_gift() -> None:
    loan = _gift("PAYROLL DEPOSIT", letter=False, occupancy="investment")
    loan.add(make(DocType.gift_letter, {"letter_date": date(2026, 1, 19)}))
    assert run(loan, "AST-004") == []
    # its donor read is a gift letter
    loan.add(make(DocType.gift_letter, {"donor_name": "Ann Smith"}))
    [issue] = run(loan, "AST-004")
    assert issue.subject == "gift on investment property"


def test_ast_001_a_scanned_deposit_read_without_its_cents_is_unread_not_a_finding() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    garbled: dict[str, Value] = {
        "date": date(2026, 1, 15),
        "amount": D("30432"),  # `-$30432.` for $304.32: the point moved, the cents lost
        "description": "VENMO CASHOUT",
    }
    issues, ctx = _with_run(_scanned(_deposits(garbled)), "AST-001")
    assert issues == []
    assert any("deposit" in u.what for u in ctx.unread.values())
    # read with its cents it is a finding; on a text layer whole dollars are as printed
    whole: dict[str, Value] = {**garbled, "amount": D("30432.00")}
    assert len(run(_scanned(_deposits(whole)), "AST-001")) == 1
    assert len(run(_deposits(garbled), "AST-001")) == 1


def test_res_001_without_the_occupancy_is_unread_not_judged() -> None:
    from tests.rules.test_compare import _with_run

    loan = _assets("108000.00")
    loan.set(DocType.urla_1003, occupancy=None)
    loan.drop(DocType.transmittal_1008)
    issues, ctx = _with_run(loan, "RES-001")
    assert issues == [] and "occupancy" in ctx.unread


def test_ast_001_a_deposit_above_half_the_most_a_partly_unread_income_can_be() -> None:
    from tests.rules.test_compare import _scanned

    # base 10,000.00; the URLA's overtime 500.00, the VOE's 1,000.00 this
    # year (about 1.7 months in) and last year's not read: at most 10,000 +
    # 3 x 596.41 (the fastest rate shown) = 11,789.22 a month
    def loan(amount: str) -> Loan:
        built = _deposits(
            {"date": date(2026, 1, 15), "amount": D(amount), "description": "MOBILE DEPOSIT"}
        )
        built.set(DocType.urla_1003, income_overtime_monthly=D(500), income_total_monthly=D(10500))
        return _scanned(
            built.set(DocType.voe, ytd_overtime_income=D(1000), prior_year_overtime_income=None)
        )

    [issue] = run(loan("9000.00"), "AST-001")
    assert "could not be read" in issue.summary
    limit = D(issue.limit or "0")
    assert limit == D("5894.61")
    # at or under half the ceiling it may or may not be large: nothing is said
    assert run(loan(str(limit - D("0.01"))), "AST-001") == []
    assert run(loan("5200.00"), "AST-001") == []
