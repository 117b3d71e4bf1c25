"""A tradeline row whose payment OCR did not give (neither balance nor
payment placeable) leaves the debts, and the DTI, unknown rather than short;
unless the URLA lists that creditor's payment, in one way only."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from flightline.pipeline.model import DocType, FieldValue
from flightline.rules.engine import LoanContext
from flightline.rules.figures import compute_figures
from tests.rules.builders import D, Loan, clean_loan
from tests.rules.test_compare import _scanned


def _unread_first_row(loan: Loan, keep_balance: Decimal | None = None) -> LoanContext:
    row = loan.one(DocType.credit_report).rows["tradelines"][0]
    del row["monthly_payment"]
    if keep_balance is None:
        del row["balance"]
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    return ctx


def _liabilities(loan: Loan) -> list[dict[str, object]]:
    return loan.one(DocType.urla_1003).rows["liabilities"]  # type: ignore[return-value]


def test_a_row_without_amounts_leaves_the_debts_unknown() -> None:
    loan = clean_loan()
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert "dti_back" in ctx.figures
    # the URLA does not list the debt: nothing settles its payment
    loan = clean_loan()
    _liabilities(loan).clear()
    assert "dti_back" not in _unread_first_row(loan).figures


def test_debts_left_unknown_are_reported_once() -> None:
    loan = clean_loan()
    _liabilities(loan).clear()
    ctx = _unread_first_row(loan)
    assert "dti_back" not in ctx.figures
    [unread] = [u for u in ctx.unread.values() if u.subject == "tradelines"]
    assert unread.variant == "value" and unread.evidence


def test_the_1008s_ratio_settles_an_open_row_though_its_income_was_misread() -> None:
    # the row's payment lost and the URLA silent: the 1008's back-end ratio,
    # over our income when a scan misread its own, says the row owes nothing
    loan = clean_loan()
    _liabilities(loan).clear()
    ctx = _unread_first_row(loan)
    assert "dti_back" not in ctx.figures
    loan = clean_loan()
    _liabilities(loan).clear()
    without = loan.one(DocType.credit_report).rows["tradelines"][1:]
    owed = sum((Decimal(str(r["monthly_payment"].value)) for r in without), Decimal(0))
    pitia = Decimal(ctx.figures["pitia_monthly"].value)
    income = Decimal(ctx.figures["qualifying_income_monthly"].value)
    stated = ((pitia + owed) / income * 100).quantize(Decimal("0.001"))
    loan.set(DocType.transmittal_1008, dti_back=stated, qualifying_income_monthly=D("6090.00"))
    settled = _unread_first_row(loan)
    assert Decimal(settled.figures["dti_back"].value) == stated.quantize(Decimal("0.01"))


def test_a_1008_ratio_read_with_a_figure_dropped_still_settles_an_open_row() -> None:
    # `3.171` for 35.171: below the 1008's own front-end ratio, so a misread;
    # its other figures in place still name the one reading that makes it
    loan = clean_loan()
    _liabilities(loan).clear()
    ctx = _unread_first_row(loan)
    pitia = Decimal(ctx.figures["pitia_monthly"].value)
    income = Decimal(ctx.figures["qualifying_income_monthly"].value)
    without = loan.one(DocType.credit_report).rows["tradelines"][1:]
    owed = sum((Decimal(str(r["monthly_payment"].value)) for r in without), Decimal(0))
    stated = ((pitia + owed) / income * 100).quantize(Decimal("0.001"))
    printed = f"{stated:.3f}".replace(".", "")
    dropped = Decimal(printed[0] + printed[2:]) / 1000
    front = ((dropped + stated) / 2).quantize(Decimal("0.001"))

    def settled(read: Decimal, front: Decimal) -> LoanContext:
        loan = clean_loan()
        _liabilities(loan).clear()
        loan.set(DocType.transmittal_1008, dti_back=read, dti_front=front)
        return _unread_first_row(loan)

    got = settled(dropped, front)
    assert Decimal(got.figures["dti_back"].value) == stated.quantize(Decimal("0.01"))
    # a reading not below the front-end ratio could be a true one: nothing settles
    assert "dti_back" not in settled(dropped, dropped - 1).figures
    # nor does a reading with another figure changed too
    other = dropped + Decimal("0.1") if printed[-2] != "9" else dropped - Decimal("0.1")
    assert "dti_back" not in settled(other, front).figures


def test_the_urla_settles_a_payment_ocr_did_not_give() -> None:
    ctx = _unread_first_row(clean_loan())
    dti = ctx.figures["dti_back"]
    assert dti.value == "29.50"
    # the payment is cited where it was read: the URLA's liability row
    assert "liabilities.monthly_payment" in {e.field for e in dti.evidence}


def test_the_urla_settles_nothing_with_a_payment_above_its_own_balance() -> None:
    # the URLA's 450.00 read as 45000 beside its 15,000 balance
    loan = clean_loan()
    template = _liabilities(loan)[0]["monthly_payment"]
    assert isinstance(template, FieldValue)
    _liabilities(loan)[0]["monthly_payment"] = FieldValue(D(45000), template.evidence)
    assert "dti_back" not in _unread_first_row(loan, keep_balance=None).figures


def _renamed(auto: str, card: str) -> Loan:
    """The clean loan with its auto loan (on the report and the URLA) and its
    card (on the report) named as given."""
    loan = clean_loan()
    auto_row, card_row = loan.one(DocType.credit_report).rows["tradelines"][:2]
    auto_row["creditor"] = FieldValue(auto, auto_row["creditor"].evidence)
    card_row["creditor"] = FieldValue(card, card_row["creditor"].evidence)
    liability = _liabilities(loan)[0]
    template = liability["creditor"]
    assert isinstance(template, FieldValue)
    liability["creditor"] = FieldValue(auto.title(), template.evidence)
    return loan


def test_a_creditor_sharing_a_word_with_another_is_not_it() -> None:
    # `BLUEWATER CREDIT CARD` beside `BLUEWATER MOTOR CREDIT`: words in
    # common, two creditors; the URLA's auto loan settles the unread auto row
    loan = _renamed("BLUEWATER MOTOR CREDIT", "BLUEWATER CREDIT CARD")
    assert _unread_first_row(loan).figures["dti_back"].value == "29.50"
    # an abbreviation is the same word: which line the URLA lists is unknown
    loan = _renamed("BLUEWATER MOTOR CREDIT", "BLUEWATER MTR CREDIT")
    assert "dti_back" not in _unread_first_row(loan).figures


def test_the_urla_settles_only_one_answer() -> None:
    # two liabilities of that creditor on the URLA: which payment is unknown
    loan = clean_loan()
    liabilities = _liabilities(loan)
    liabilities.append(dict(liabilities[0]))
    assert "dti_back" not in _unread_first_row(loan).figures
    # a balance read on the report that the URLA's does not match: not that debt
    loan = clean_loan()
    loan.one(DocType.credit_report).rows["tradelines"][0]["balance"] = _cell(loan, 9000)
    assert "dti_back" not in _unread_first_row(loan, keep_balance=Decimal(9000)).figures


def _urla_payment(payment: str, scanned: bool = True, dti_1008: str = "33.100") -> LoanContext:
    """The clean loan with the URLA's auto-loan payment as given, beside a
    1008 whose DTI (by default) ties up with no reading of it."""
    loan = clean_loan().set(DocType.transmittal_1008, dti_back=D(dti_1008))
    template = _liabilities(loan)[0]["monthly_payment"]
    assert isinstance(template, FieldValue)
    _liabilities(loan)[0]["monthly_payment"] = FieldValue(Decimal(payment), template.evidence)
    ctx = (_scanned(loan) if scanned else loan).context()
    compute_figures(ctx)
    return ctx


def test_report_and_urla_payments_a_misread_apart_leave_the_debt_unknown() -> None:
    # the report's 450.00 against the URLA's 45.00 or 459.00: one of the two
    # readings lost or changed a digit, and nothing says which
    for misread in ("45.00", "459.00", "4500.00", "50.00", "1450.00"):
        ctx = _urla_payment(misread)
        assert "dti_back" not in ctx.figures, misread
        assert any("tradeline" in key for key in ctx.unread)
    # the 1008's DTI is the one the report's 450.00 gives: that reading
    for misread in ("45.00", "459.00", "4500.00"):
        assert _urla_payment(misread, dti_1008="29.500").figures["dti_back"].value == "29.50"
    # a payment unlike the report's: the application's error, the report stands
    assert _urla_payment("612.00").figures["dti_back"].value == "29.50"
    assert _urla_payment("4.50").figures["dti_back"].value == "29.50"
    # the same payment, or a text layer: nothing in doubt
    assert _urla_payment("450.00").figures["dti_back"].value == "29.50"
    # the report's whole dollars against the URLA's cents: the same payment
    assert _urla_payment("450.40").figures["dti_back"].value == "29.50"
    assert _urla_payment("45.00", scanned=False).figures["dti_back"].value == "29.50"


def _cell(loan: Loan, value: int) -> FieldValue:
    template = loan.one(DocType.credit_report).rows["tradelines"][0]["balance"]
    return FieldValue(Decimal(value), template.evidence)


def _total_pitia(total: str, scanned: bool = True) -> str:
    loan = clean_loan().set(DocType.closing_disclosure, estimated_total_monthly_payment=D(total))
    ctx = (_scanned(loan) if scanned else loan).context()
    compute_figures(ctx)
    return ctx.figures["pitia_monthly"].value


def test_a_scanned_cd_total_below_its_own_pi_leaves_the_pitia_unread() -> None:
    # P&I 1,896.20; the escrow's 603.80 read as the total, the escrow as 0
    loan = clean_loan().set(
        DocType.closing_disclosure,
        estimated_total_monthly_payment=D("603.80"),
        estimated_escrow_monthly=D(0),
    )
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert "pitia_monthly" not in ctx.figures and "dti_back" not in ctx.figures
    # ... and says so once: the payment on the CD could not be read
    assert [u.what for u in ctx.unread.values() if u.subject == "pitia"] == [
        "the monthly housing payment (PITIA) on the Closing Disclosure"
    ]
    # a text layer's CD says what it says
    loan = clean_loan().set(DocType.closing_disclosure, estimated_total_monthly_payment=D("603.80"))
    ctx = loan.context()
    compute_figures(ctx)
    assert ctx.figures["pitia_monthly"].value == "603.80"


def test_a_scanned_cd_total_a_digit_above_its_parts_is_a_misread() -> None:
    # P&I 1,896.20 + escrow 603.80 = 2,500.00; `$2,500.00` read as 52500.00
    assert _total_pitia("52500.00") == "2500.00"
    # a total above its parts by a premium's worth is mortgage insurance
    assert _total_pitia("2600.00") == "2600.00"
    # far above and not one digit off: what the CD says, unexplained
    assert _total_pitia("9431.18") == "9431.18"
    # on a text layer the CD's own total is what it says
    assert _total_pitia("52500.00", scanned=False) == "52500.00"


def test_a_scanned_cd_part_with_a_digit_too_many_leaves_the_total() -> None:
    # P&I 1,896.20 + escrow 603.80 = 2,500.00; the escrow read 9603.80
    loan = clean_loan().set(DocType.closing_disclosure, estimated_escrow_monthly=D("9603.80"))
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert ctx.figures["pitia_monthly"].value == "2500.00"


def _pitia(**cd: Decimal) -> str | None:
    """The PITIA of the clean loan scanned, its CD's figures read as given."""
    loan = clean_loan().set(DocType.closing_disclosure, **cd)  # type: ignore[arg-type]
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    found = ctx.figures.get("pitia_monthly")
    return None if found is None else found.value


def test_a_scanned_total_under_its_parts_names_the_misread_figure_or_none() -> None:
    # P&I 1,896.20 + escrow 603.80 = 2,500.00
    # the total one digit from the parts' sum: the total is the misread
    assert _pitia(estimated_total_monthly_payment=D("2400.00")) == "2500.00"
    # P&I 3,320.57 + escrow 1,108.37 = 4,428.94, the escrow read 1,908.37:
    # the total less P&I is one digit from it, so the total stands
    cd = {"monthly_pi": D("3320.57"), "estimated_escrow_monthly": D("1908.37")}
    assert _pitia(estimated_total_monthly_payment=D("4428.94"), **cd) == "4428.94"
    # escrow and total both misread (`1,908.37`, `4,478.94`): nothing says
    # which figure is right, so no payment and no ratio is made of them
    assert _pitia(estimated_total_monthly_payment=D("4478.94"), **cd) is None


def test_report_whole_dollars_a_figure_off_the_urlas_cents_leave_the_debt_open() -> None:
    # the report prints whole dollars (`$450` for 450.33) and its scan read
    # `$150`: one figure off the URLA's dollars, so either reading may stand
    def dti(dti_1008: str) -> str | None:
        loan = clean_loan().set(DocType.transmittal_1008, dti_back=D(dti_1008))
        template = _liabilities(loan)[0]["monthly_payment"]
        assert isinstance(template, FieldValue)
        _liabilities(loan)[0]["monthly_payment"] = FieldValue(D("450.33"), template.evidence)
        row = loan.one(DocType.credit_report).rows["tradelines"][0]
        row["monthly_payment"] = FieldValue(D(150), row["monthly_payment"].evidence)
        ctx = _scanned(loan).context()
        compute_figures(ctx)
        found = ctx.figures.get("dti_back")
        return found.value if found else None

    # the 1008 ties up with the URLA's payment: that one
    assert dti("29.503") == "29.50"
    # with neither: unknown, not the report's 150 taken as read
    assert dti("33.100") is None


def test_a_total_the_terms_and_taxes_tie_stands_beside_a_pi_misread_past_settling() -> None:
    # the CD's P&I read 5,896.90 (two figures off the 1,896.20 its terms and
    # the Note give) and its escrow read from another cell: the total, which
    # the terms' P&I and the taxes line (603.80) make exactly, is the payment
    cd = {
        "monthly_pi": D("5896.90"),
        "estimated_escrow_monthly": D("744.01"),
        "taxes_insurance_monthly": D("603.80"),
    }
    assert _pitia(**cd) == "2500.00"
    # a taxes line that does not tie: the total under its P&I is no total
    assert _pitia(**{**cd, "taxes_insurance_monthly": D("613.80")}) != "2500.00"


def test_a_scanned_cd_total_payment_under_its_own_parts_is_not_the_pitia() -> None:
    # P&I 1,896.20 + escrow 603.80 = 2,500.00; the total read 1,306.00
    loan = clean_loan().set(DocType.closing_disclosure, estimated_total_monthly_payment=D(1306))
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert ctx.figures["dti_back"].value == "29.50"
    # on a text layer the CD's own total is what it says
    ctx = (
        clean_loan()
        .set(DocType.closing_disclosure, estimated_total_monthly_payment=D(1306))
        .context()
    )
    compute_figures(ctx)
    assert ctx.figures["dti_back"].value != "29.50"


def test_a_scanned_cd_total_no_more_than_its_escrow_is_not_the_payment() -> None:
    loan = clean_loan().set(
        DocType.closing_disclosure,
        monthly_pi=None,
        estimated_escrow_monthly=D("603.80"),
        estimated_total_monthly_payment=D("603.80"),
    )
    # the scan lost the CD's P&I: the Note's, which its own terms give, plus
    # the escrow
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert ctx.figures["pitia_monthly"].value == "2500.00"
    assert ctx.figures["pitia_monthly"].evidence[0].field == "monthly_pi"
    # a Note P&I its terms do not give stands in for nothing
    loan.set(DocType.note, monthly_pi=D("1996.20"))
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert "pitia_monthly" not in ctx.figures


def test_a_scanned_cash_to_close_above_the_price_is_a_misread() -> None:
    loan = clean_loan().set(DocType.closing_disclosure, cash_to_close=D("99390436.89"))
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert "funds_to_close" not in ctx.figures and "reserves_months" not in ctx.figures
    assert "funds to close" in ctx.unread
    # the usual cash to close stands; a text layer's CD says what it says
    ctx = _scanned(clean_loan()).context()
    compute_figures(ctx)
    assert ctx.figures["funds_to_close"].value == "108000.00"
    ctx = clean_loan().set(DocType.closing_disclosure, cash_to_close=D("99390436.89")).context()
    compute_figures(ctx)
    assert ctx.figures["funds_to_close"].value == "99390436.89"


def test_a_scanned_purchase_cash_to_close_past_its_down_payment_and_costs_is_a_misread() -> None:
    # price 400,000, loan 300,000: 100,000 down, and costs of a few percent
    def funds(cash: str, purpose: str = "purchase") -> LoanContext:
        loan = clean_loan().set(
            DocType.closing_disclosure, cash_to_close=D(cash), loan_purpose=purpose
        )
        ctx = _scanned(loan).context()
        compute_figures(ctx)
        return ctx

    misread = funds("308000.00")  # 108,000.00 with its 1 read as a 3
    assert "funds_to_close" not in misread.figures and "funds to close" in misread.unread
    # up to 15% of the price in costs stands
    assert funds("158000.00").figures["funds_to_close"].value == "158000.00"
    # a refinance's cash to close is no down payment: not judged so
    assert "funds to close" not in funds("358000.00", "cash_out_refinance").unread


def test_a_payment_above_its_balance_stands_when_the_urla_states_it() -> None:
    # the report's balance 15,000 read as 150 (below the 450.00 payment)
    def with_balance(urla_payment: str) -> LoanContext:
        loan = clean_loan()
        loan.one(DocType.credit_report).rows["tradelines"][0]["balance"] = _cell(loan, 150)
        template = _liabilities(loan)[0]["monthly_payment"]
        assert isinstance(template, FieldValue)
        _liabilities(loan)[0]["monthly_payment"] = FieldValue(D(urla_payment), template.evidence)
        ctx = _scanned(loan).context()
        compute_figures(ctx)
        return ctx

    # the URLA states the same payment: the balance was the misread
    assert with_balance("450.00").figures["dti_back"].value == "29.50"
    # it states another: which of the row's amounts is wrong is unknown
    assert "dti_back" not in with_balance("612.00").figures


def test_a_scanned_payment_under_a_dollar_is_a_misread_zero() -> None:
    from tests.rules.test_compare import _with_run

    loan = clean_loan()
    tradelines = loan.one(DocType.credit_report).rows["tradelines"]
    row = dict(tradelines[0])
    row["creditor"] = FieldValue("HERITAGE BANK USA", row["creditor"].evidence)  # type: ignore[union-attr]
    row["balance"] = _cell(loan, 0)
    template = row["monthly_payment"]
    assert isinstance(template, FieldValue)
    row["monthly_payment"] = FieldValue(Decimal("0.60"), template.evidence)
    tradelines.append(row)
    issues, ctx = _with_run(_scanned(loan), "CRD-002")
    assert issues == []
    compute_figures(ctx)
    assert ctx.figures["dti_back"].value == "29.50"


def _zero_balance_debt(creditor: str, payment: int, balance: int = 0) -> Loan:
    """The clean loan with one more tradeline: `balance` (nothing) owed, `payment` read."""
    built = clean_loan()
    tradelines = built.one(DocType.credit_report).rows["tradelines"]
    row = dict(tradelines[0])
    first = row["creditor"]
    assert isinstance(first, FieldValue)
    row["creditor"] = FieldValue(creditor, first.evidence)
    row["balance"] = _cell(built, balance)
    row["monthly_payment"] = _cell(built, payment)
    tradelines.append(row)
    return built


def test_a_scanned_payment_on_a_zero_balance_is_unread() -> None:
    from tests.rules.test_compare import _with_run

    def loan() -> Loan:
        return _zero_balance_debt("MERIDIAN CARD SERVICES", 90)

    issues, ctx = _with_run(_scanned(loan()), "CRD-002")
    assert issues == [] and "tradeline MERIDIAN CARD SERVICES" in ctx.unread
    compute_figures(ctx)
    # the 1008's DTI (29.500%) counts no payment on it: neither do we
    assert ctx.figures["dti_back"].value == "29.50"
    # a 1008 that ties up with neither reading leaves the DTI unknown
    ctx = _scanned(loan().set(DocType.transmittal_1008, dti_back=D("33.100"))).context()
    compute_figures(ctx)
    assert "dti_back" not in ctx.figures
    # a text layer's report says what it says: a debt the URLA does not list
    assert len(_with_run(loan(), "CRD-002")[0]) == 1


def test_a_scanned_zero_payment_misread_in_place_on_a_zero_balance_is_zero() -> None:
    def loan(payment: int) -> Loan:
        built = _zero_balance_debt("KEYSTONE CARD SVCS", payment)
        return built.set(DocType.transmittal_1008, dti_back=D("33.100"))

    # `$0.00  $6.00`: the zero's figure misread; the debts stay known
    ctx = _scanned(loan(6)).context()
    compute_figures(ctx)
    assert "tradeline KEYSTONE CARD SVCS" not in ctx.unread
    assert "dti_back" in ctx.figures
    # a payment of two figures on it is still in doubt
    ctx = _scanned(loan(60)).context()
    compute_figures(ctx)
    assert "tradeline KEYSTONE CARD SVCS" in ctx.unread


def test_a_scanned_balance_and_payment_of_one_figure_each_above_it_are_zeros() -> None:
    def loan(payment: int, balance: int) -> Loan:
        built = _zero_balance_debt("BEACON CARD SERVICES", payment, balance)
        return built.set(DocType.transmittal_1008, dti_back=D("33.100"))

    # `5  9` for `0  0`: no debt pays more than it owes, both are zeros misread
    ctx = _scanned(loan(9, 5)).context()
    compute_figures(ctx)
    assert "tradeline BEACON CARD SERVICES" not in ctx.unread
    assert ctx.figures["dti_back"].value == "29.50"
    # a payment of one figure within its balance is a payment, and counts
    ctx = _scanned(loan(5, 9)).context()
    compute_figures(ctx)
    assert ctx.figures["dti_back"].value == "29.55"


def test_a_scanned_payment_figure_no_loan_has_is_a_misread() -> None:
    # a 300,000 loan: P&I 1,896.20 + escrow 603.80 = 2,500.00
    # the escrow's `$603.80` read 5603800: the total stands
    assert _pitia(estimated_escrow_monthly=D(5603800)) == "2500.00"
    # the total read 250000000: P&I and escrow give it
    assert _pitia(estimated_total_monthly_payment=D(250000000)) == "2500.00"
    # P&I `$1,896.20` read 189620 (its cents point lost): the total stands
    assert _pitia(monthly_pi=D(189620)) == "2500.00"


def test_a_scanned_cd_pi_one_digit_from_its_loans_payment_is_that_payment() -> None:
    """(and a P&I within a tenth of it, where another reading is exactly it)"""
    # 300,000 at 6.5% over 360 months (the Note's term) pays 1,896.20;
    # the CD's P&I read 7,896.20 beside its total 2,500.00 and escrow 603.80
    assert _pitia(monthly_pi=D("7896.20")) == "2500.00"
    assert _pitia(monthly_pi=D("1896.70"), estimated_total_monthly_payment=None) == "2500.00"
    # two digits off: the Note's P&I, the payment of the terms, settles it
    assert _pitia(monthly_pi=D("1996.70"), estimated_total_monthly_payment=None) == "2500.00"
    # or the CD's own total less its escrow (`2093` for 2,013.40 in a file)
    assert _pitia(monthly_pi=D("1996.70")) == "2500.00"
    # nothing else says what it is: as read
    loan = clean_loan().set(DocType.note, monthly_pi=None)
    loan.set(
        DocType.closing_disclosure, monthly_pi=D("1996.70"), estimated_total_monthly_payment=None
    )
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert ctx.figures["pitia_monthly"].value == "2600.50"
    # a text layer's P&I is what the CD says
    loan = clean_loan().set(
        DocType.closing_disclosure, monthly_pi=D("1896.70"), estimated_total_monthly_payment=None
    )
    ctx = loan.context()
    compute_figures(ctx)
    assert ctx.figures["pitia_monthly"].value == "2500.50"


def test_a_scanned_cd_pi_its_own_total_less_escrow_confirms_stands() -> None:
    # the CD's P&I 1,880.00 does not amortise its terms, but its total
    # (2,483.80) less its escrow (603.80) is exactly it: the CD states it,
    # and the Note's 1,896.20 (within a tenth) does not replace it
    assert _pitia(monthly_pi=D("1880.00"), estimated_total_monthly_payment=D("2483.80")) == (
        "2483.80"
    )


def _lost_card(dti_1008: str) -> LoanContext:
    """The clean loan scanned with a card account whose balance and payment
    OCR lost, a creditor the URLA does not list, and the 1008's DTI as given."""
    loan = clean_loan().set(DocType.transmittal_1008, dti_back=D(dti_1008))
    report = loan.one(DocType.credit_report)
    evidence = report.fields["report_date"].evidence
    report.rows["tradelines"].append(
        {
            "creditor": FieldValue("MERIDIAN CREDIT CARD", evidence),
            "account_type": FieldValue("revolving", evidence),
        }
    )
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    return ctx


def test_rows_whose_payment_ocr_lost_count_nothing_when_the_1008_says_the_same_dti() -> None:
    # PITIA 2,500.00 + the auto loan's 450.00 over 10,000.00: the 1008's 29.500%
    assert _lost_card("29.500").figures["dti_back"].value == "29.50"
    # a 1008 that counted more than the debts read: that row's payment is unknown
    assert "dti_back" not in _lost_card("31.000").figures
    assert "dti_back" not in _lost_card("29.520").figures


def test_a_cd_loan_amount_misread_short_does_not_void_the_payment() -> None:
    # the CD's 300,000 read as 30: the Note's and the 1008's amounts bound the payment
    assert _pitia(loan_amount=D(30)) == "2500.00"
    # and a payment above 4% of the largest amount read is still a misread
    assert _pitia(loan_amount=D(30), estimated_total_monthly_payment=D("25000.00")) == "2500.00"


def test_a_scanned_total_a_digit_off_parts_each_read_twice_is_a_misread() -> None:
    # P&I 1,896.20 (the Note's as well) + escrow 603.80 (the taxes and
    # insurance it pays as well) + no mortgage insurance = 2,500.00
    twice = {"mortgage_insurance_monthly": D(0), "taxes_insurance_monthly": D("603.80")}
    assert _pitia(estimated_total_monthly_payment=D("2700.00"), **twice) == "2500.00"
    # without the insurance read, a premium's worth above the parts may be it
    assert _pitia(estimated_total_monthly_payment=D("2700.00")) == "2700.00"
    # an escrow with no second reading may itself be the misread
    once = {"mortgage_insurance_monthly": D(0)}
    assert _pitia(estimated_total_monthly_payment=D("2700.00"), **once) == "2700.00"
    # a total further off than a digit is left as the CD says
    assert _pitia(estimated_total_monthly_payment=D("2777.00"), **twice) == "2777.00"


def test_a_scanned_total_a_digit_off_parts_its_terms_confirm_is_a_misread() -> None:
    # the Note's P&I not read: the loan's amount, rate and term give 1,896.20
    twice = {"mortgage_insurance_monthly": D(0), "taxes_insurance_monthly": D("603.80")}
    loan = clean_loan().set(DocType.closing_disclosure, estimated_total_monthly_payment=D(2800))
    loan = loan.set(DocType.closing_disclosure, **twice).set(DocType.note, monthly_pi=None)
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert ctx.figures["pitia_monthly"].value == "2500.00"
    # a P&I its terms do not give (6.625% gives 1,920.93) confirms nothing
    rate = D("6.625")
    loan = loan.set(DocType.closing_disclosure, interest_rate=rate).set(
        DocType.note, interest_rate=rate
    )
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert ctx.figures["pitia_monthly"].value == "2800.00"


def test_parts_without_a_total_add_the_mortgage_insurance_read() -> None:
    parts = {"estimated_total_monthly_payment": None}
    assert _pitia(mortgage_insurance_monthly=D("85.00"), **parts) == "2585.00"  # type: ignore[arg-type]
    # more than any premium on the loan: a misread, counted as none
    assert _pitia(mortgage_insurance_monthly=D("8500.00"), **parts) == "2500.00"  # type: ignore[arg-type]


def test_the_urla_settles_a_payment_beside_a_balance_misread_by_a_figure() -> None:
    # the report's 15,000 balance read 18,000: still the debt the URLA lists
    loan = clean_loan()
    row = loan.one(DocType.credit_report).rows["tradelines"][0]
    row["balance"] = FieldValue(D(18000), row["balance"].evidence)
    assert _unread_first_row(loan, keep_balance=D(18000)).figures["dti_back"].value == "29.50"
    # a balance further off is another debt's
    loan = clean_loan()
    row = loan.one(DocType.credit_report).rows["tradelines"][0]
    row["balance"] = FieldValue(D(48900), row["balance"].evidence)
    assert "dti_back" not in _unread_first_row(loan, keep_balance=D(48900)).figures


def test_a_scanned_escrow_a_digit_off_is_the_misread_when_the_taxes_line_ties_the_total() -> None:
    # P&I 1,896.20 + escrow 603.80 = 2,500.00, the escrow read 693.80: the
    # total or the escrow is misread, and the taxes line (603.80) says which
    cd = {"estimated_escrow_monthly": D("693.80"), "taxes_insurance_monthly": D("603.80")}
    assert _pitia(**cd) == "2500.00"
    # without it, nothing says which: the total is not taken
    assert _pitia(estimated_escrow_monthly=D("693.80")) != "2500.00"


def test_an_escrow_read_from_another_cell_above_the_total_gives_way_to_the_taxes_line() -> None:
    # the initial escrow deposit (4,849.18) read for the monthly escrow: above
    # the total, yet P&I and the taxes line tie the total, which stands
    cd = {"estimated_escrow_monthly": D("4849.18"), "taxes_insurance_monthly": D("603.80")}
    assert _pitia(**cd) == "2500.00"
    assert _pitia(estimated_escrow_monthly=D("4849.18")) != "2500.00"


def test_a_report_payment_read_without_its_point_is_the_urlas_same_figures() -> None:
    # the report's 450.00 read as 45000, above its 15,000 balance
    # (beside a 1008 whose DTI ties up with no reading, to settle nothing)
    def misread(urla: dict[str, object] | None, read: int = 45000) -> LoanContext:
        loan = clean_loan().set(DocType.transmittal_1008, dti_back=D("33.100"))
        row = loan.one(DocType.credit_report).rows["tradelines"][0]
        row["monthly_payment"] = FieldValue(D(read), row["monthly_payment"].evidence)
        if urla is not None:
            liability = _liabilities(loan)[0]
            for name, value in urla.items():
                template = liability["monthly_payment"]
                assert isinstance(template, FieldValue)
                liability[name] = FieldValue(value, template.evidence)  # type: ignore[arg-type]
        ctx = _scanned(loan).context()
        compute_figures(ctx)
        return ctx

    assert misread(None).figures["dti_back"].value == "29.50"
    # the URLA's scan placed the payment in its balance column: the same figures
    placed = misread({"monthly_payment": None, "balance": D("450.00")})
    assert placed.figures["dti_back"].value == "29.50"
    # no URLA amount with those figures: the payment stays unread
    assert "dti_back" not in misread({"monthly_payment": D("612.00")}).figures
    # the point read as a figure (`450100`), and dropped, is the URLA's too
    assert misread(None, read=450100).figures["dti_back"].value == "29.50"
    assert "dti_back" not in misread(None, read=450712).figures  # 450.12: not the URLA's
    assert "dti_back" not in misread({"monthly_payment": D("612.00")}, read=450100).figures


def _report_payment(payment: str, dti_1008: str, scanned: bool = True) -> str | None:
    """The clean loan (PITIA 2,500.00, the auto loan's 450.00 on the URLA,
    income 10,000.00) with the report's auto-loan payment read as given."""
    loan = clean_loan().set(DocType.transmittal_1008, dti_back=D(dti_1008))
    row = loan.one(DocType.credit_report).rows["tradelines"][0]
    row["monthly_payment"] = FieldValue(D(payment), row["monthly_payment"].evidence)
    ctx = (_scanned(loan) if scanned else loan).context()
    compute_figures(ctx)
    found = ctx.figures.get("dti_back")
    return found.value if found else None


def test_a_scanned_payment_the_urla_and_the_1008_both_state_otherwise_is_theirs() -> None:
    # `$1855` read `S188`, then 5188: here the URLA's 450 gives the 1008's 29.500%
    assert _report_payment("3150", "29.500") == "29.50"
    # a 1008 that agrees with the report's reading: the report's stands
    assert _report_payment("3150", "56.500") == "56.50"
    # a 1008 that agrees with neither: the report's stands
    assert _report_payment("3150", "33.100") == "56.50"
    # a text layer is read as printed: the URLA's figure is the application's error
    assert _report_payment("3150", "29.500", scanned=False) == "56.50"


def _one_figure(payments: list[str], dti_1008: str, line: str | None = None) -> str | None:
    """The clean loan (PITIA 2,500.00, income 10,000.00) without URLA
    liabilities, its scanned tradelines' payments as given (the first row's
    line printed as `line`, when given)."""
    loan = clean_loan().set(DocType.transmittal_1008, dti_back=D(dti_1008))
    _liabilities(loan).clear()
    rows = loan.one(DocType.credit_report).rows["tradelines"]
    for row, payment in zip(rows, payments, strict=True):
        ev = replace(row["monthly_payment"].evidence, text=f"CREDITOR  ${payment}  OPEN")
        row["monthly_payment"] = FieldValue(D(payment), ev)
        row["balance"] = FieldValue(D(15000), row["balance"].evidence)
    if line is not None:
        ev = rows[0]["monthly_payment"].evidence
        rows[0]["monthly_payment"] = FieldValue(D(payments[0]), replace(ev, text=line))
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    found = ctx.figures.get("dti_back")
    return found.value if found else None


def test_a_scanned_payment_one_figure_off_the_1008s_ratio_is_put_right() -> None:
    # `$450` read `$850`: only 450 gives the 1008's 29.500% to its three places
    assert _one_figure(["850", "0"], "29.500") == "29.50"
    # a ratio no single figure reaches (460 needs two): the reading stands
    assert _one_figure(["850", "0"], "29.600") == "33.50"
    # a near miss (29.504%) is no print of the 1008's: the reading stands
    assert _one_figure(["850", "0"], "29.504") == "33.50"
    # two rows either of which one figure puts right (850 -> 450, 1400 -> 1000):
    # the one printed with marks about its figures is the misread
    assert _one_figure(["850", "1400"], "43.500") == "47.50"
    assert _one_figure(["850", "1400"], "43.500", line='SUMMIT AUTO  $850 00"  OPEN') == "43.50"


def test_a_scanned_zero_payment_on_money_owed_is_open_to_the_urlas() -> None:
    # the auto loan's `$450.00` read `00` beside its 15,000 balance; the URLA says 450
    def dti(dti_1008: str, scanned: bool = True) -> str | None:
        loan = clean_loan().set(DocType.transmittal_1008, dti_back=D(dti_1008))
        row = loan.one(DocType.credit_report).rows["tradelines"][0]
        row["monthly_payment"] = FieldValue(D(0), row["monthly_payment"].evidence)
        ctx = (_scanned(loan) if scanned else loan).context()
        compute_figures(ctx)
        found = ctx.figures.get("dti_back")
        return found.value if found else None

    # the 1008's 29.500% is the URLA's reading
    assert dti("29.500") == "29.50"
    # the 1008's 25.000% is no payment: the report's zero
    assert dti("25.000") == "25.00"
    # a 1008 that settles neither: unknown, not summed short
    assert dti("27.000") is None
    # a text layer says zero
    assert dti("29.500", scanned=False) == "25.00"


def test_a_scanned_escrow_misread_gives_way_to_the_two_readings_that_agree() -> None:
    # P&I 1,896.20 + escrow 603.80 = 2,500.00: the projected escrow read
    # 9,603.80, the total read past any payment; the escrow account's
    # monthly payment and a twelfth of its first year's costs both say 603.80
    misread = {
        "estimated_escrow_monthly": D("9603.80"),
        "estimated_total_monthly_payment": D("250000.00"),
        "escrow_account_monthly": D("603.80"),
        "escrowed_costs_year1": D("7245.60"),
    }
    assert _pitia(**misread) == "2500.00"
    # the readings disagree among themselves: nothing settles the escrow
    assert _pitia(**{**misread, "escrowed_costs_year1": D("7845.60")}) == "11500.00"
    # one other reading backing the projected escrow keeps it
    backed = {**misread, "taxes_insurance_monthly": D("9603.80")}
    assert _pitia(**backed) == "11500.00"
    # a text layer's CD says what it says
    loan = clean_loan().set(DocType.closing_disclosure, **misread)
    ctx = loan.context()
    compute_figures(ctx)
    assert ctx.figures["pitia_monthly"].value == "250000.00"


def _dti_paid(report: int, paid: int | None, stated: str | None = None) -> str | None:
    """The back DTI of the clean loan scanned, its auto loan's payment read
    `report` on the credit report (and `stated` on the URLA), the bank
    statements showing `paid` to the creditor."""
    loan = clean_loan().set(DocType.transmittal_1008, dti_back=D("33.100"))
    loan.one(DocType.credit_report).rows["tradelines"][0]["monthly_payment"] = _cell(loan, report)
    if stated is not None:
        row = loan.one(DocType.urla_1003).rows["liabilities"][0]
        row["monthly_payment"] = FieldValue(D(stated), row["monthly_payment"].evidence)
    if paid is not None:
        payment = {"amount": D(paid), "description": "ONLINE PMT SUMMITAUTO FINANCE"}
        loan.set_rows(DocType.bank_statement, "payments", [payment])
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    figure = ctx.figures.get("dti_back")
    return None if figure is None else figure.value


def test_a_scanned_payment_a_figure_off_is_the_urlas_where_the_statements_paid_that() -> None:
    # `459` for the URLA's 450, the bank paying the creditor 450: the URLA's
    assert _dti_paid(459, 450) == "29.50"
    # the bank paying what the report reads: the report's (the URLA's the misread)
    assert _dti_paid(459, 459) == "29.59"
    # with nothing to settle it, or the bank paying neither, the payment stays in doubt
    assert _dti_paid(459, None) is None
    assert _dti_paid(459, 400) is None


def test_a_scanned_payment_both_documents_misread_is_the_one_the_bank_paid_between_them() -> None:
    # `350` on the report, `@50.00` (read 50.00) on the URLA, 450 paid by the
    # bank: a misread from each reading, the payment
    assert _dti_paid(350, 450, "50.00") == "29.50"
    # an amount paid that is no misread of the report's reading settles nothing
    assert _dti_paid(350, 480, "50.00") is None
