"""Qualifying income when OCR left a VOE's dates unreadable."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flightline.pipeline.model import DocType
from flightline.rules.access import months_elapsed
from flightline.rules.figures import Computed, computed
from tests.rules.builders import D, Loan, clean_loan, run
from tests.rules.test_compare import _scanned


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


def _stub_bonus(loan: Loan) -> None:
    """The clean loan's paystub with a 1,500.00 year-to-date bonus row."""
    loan.set_rows(
        DocType.paystub,
        "earnings",
        [
            {"kind": "regular", "current_amount": D("4615.38"), "ytd_amount": D("18461.52")},
            {"kind": "bonus", "current_amount": D(500), "ytd_amount": D(1500)},
        ],
    )


def test_unread_ytd_bonus_comes_from_the_paystub_of_the_through_date() -> None:
    loan = clean_loan().set(DocType.voe, ytd_bonus_income=None, prior_year_bonus_income=D(9000))
    _stub_bonus(loan)
    bonus = computed(loan.context()).incomes[0].variable["bonus"]
    assert bonus.ytd == D(1500) and bonus.counted


def test_unread_ytd_bonus_comes_from_the_latest_paystub_before_the_through_date() -> None:
    # the VOE runs through 2026-03-06; the latest paystub (2026-02-20) is
    # before it: its year to date, over the months through its own date
    loan = clean_loan().set(
        DocType.voe,
        ytd_bonus_income=None,
        prior_year_bonus_income=D(9000),
        ytd_through_date=date(2026, 3, 6),
    )
    _stub_bonus(loan)
    bonus = computed(loan.context()).incomes[0].variable["bonus"]
    assert bonus.ytd == D(1500) and bonus.counted
    assert bonus.months_ytd == months_elapsed(date(2026, 2, 20))
    assert any(e.field == "earnings.ytd_amount" for e in bonus.evidence)
    # a paystub of another year says nothing of this one
    loan.set(DocType.paystub, pay_date=date(2025, 12, 19))
    assert "bonus" not in computed(loan.context()).incomes[0].variable


def test_a_scanned_voe_ytd_below_an_earlier_paystubs_is_misread() -> None:
    # year-to-date pay only grows: 500 on the VOE through 2026-03-06 is less
    # than the 1,500 the 2026-02-20 paystub shows, so a figure was misread
    loan = clean_loan().set(
        DocType.voe,
        ytd_bonus_income=D(500),
        prior_year_bonus_income=D(9000),
        ytd_through_date=date(2026, 3, 6),
    )
    _stub_bonus(loan)
    # on a text layer the VOE says what it says
    assert computed(loan.context()).incomes[0].variable["bonus"].ytd == D(500)
    bonus = computed(_scanned(loan).context()).incomes[0].variable["bonus"]
    assert bonus.ytd == D(1500)
    assert bonus.months_ytd == months_elapsed(date(2026, 2, 20))
    # a VOE figure above the paystub's stands
    loan.set(DocType.voe, ytd_bonus_income=D(2000))
    assert computed(_scanned(loan).context()).incomes[0].variable["bonus"].ytd == D(2000)


def test_a_paystub_ytd_no_past_year_makes_possible_does_not_replace_the_voes() -> None:
    # the stub's 1,500.00 read 51500: far ahead of a 9,000 year's pace in
    # February, it is the stub's misread, and the VOE's 500 stands
    loan = clean_loan().set(
        DocType.voe,
        ytd_bonus_income=D(500),
        prior_year_bonus_income=D(9000),
        ytd_through_date=date(2026, 3, 6),
    )
    loan.set_rows(
        DocType.paystub,
        "earnings",
        [
            {"kind": "regular", "current_amount": D("4615.38"), "ytd_amount": D("18461.52")},
            {"kind": "bonus", "current_amount": D(500), "ytd_amount": D(51500)},
        ],
    )
    bonus = computed(_scanned(loan).context()).incomes[0].variable["bonus"]
    assert bonus.ytd == D(500)


def test_unread_ytd_bonus_is_not_taken_as_zero() -> None:
    loan = clean_loan().set(DocType.voe, ytd_bonus_income=None, prior_year_bonus_income=D(9000))
    assert "bonus" not in computed(loan.context()).incomes[0].variable


def _voe_rate_read_as(rate: Decimal) -> Computed:
    loan = _scanned(clean_loan().drop(DocType.paystub).set(DocType.voe, 0, base_pay_rate=rate))
    return computed(loan.context())


def test_a_scanned_voe_rate_a_digit_off_its_own_earnings_is_repaired() -> None:
    # 120,000 read as 420,000; the VOE's prior year (116,000) and YTD pace back 120,000 only
    assert _voe_rate_read_as(D(420000)).incomes[0].base == D(10000)
    # a rate the earnings back is taken as read (a raise within the tolerance)
    assert _voe_rate_read_as(D(125000)).incomes[0].base == D(125000) / 12


def test_a_scanned_voe_rate_no_single_digit_repairs_is_unread() -> None:
    assert _voe_rate_read_as(D(990000)).incomes[0].base is None


def test_a_scanned_voe_rate_with_a_figure_too_many_is_repaired_by_the_paystub() -> None:
    # 120,000 read as 1290000 (a glyph read as a figure): dropping one figure
    # gives 120,000 and 129,000, both near the VOE's own years; the paystub's
    # period gross (4,615.38 biweekly) is 120,000's to the cent
    loan = clean_loan().set(DocType.paystub, annual_salary=None)
    loan.set_rows(DocType.paystub, "earnings", [])
    _scanned(loan.set(DocType.voe, 0, base_pay_rate=D(1290000)))
    assert computed(loan.context()).incomes[0].base == D(10000)
    # a gross no repair comes to leaves the rate unread: a figure too many
    # is taken out only where a paystub says which
    loan.set(DocType.paystub, gross_current=D("4700.00"))
    _scanned(loan)
    assert computed(loan.context()).incomes[0].base is None


def test_a_scanned_voe_rate_a_paystub_period_confirms_stands_beside_misread_years() -> None:
    # the VOE's own years misread (a YTD that lost its first figures, no
    # prior year): the paystub's biweekly gross is one period of the rate to
    # the cent, two documents agreeing
    def base(gross: Decimal) -> Decimal | None:
        loan = clean_loan().set(DocType.paystub, annual_salary=None, gross_current=gross)
        loan.set_rows(
            DocType.paystub,
            "earnings",
            [{"kind": "regular", "current_amount": gross, "ytd_amount": gross * 4}],
        )
        loan.set(DocType.voe, 0, ytd_base_income=D("1846.16"), prior_year_base_income=None)
        return computed(_scanned(loan).context()).incomes[0].base

    assert base(D("4615.38")) == D(10000)
    # without that gross the rate fits nothing the VOE shows, and the stub's
    # pay alone is far from the VOE's year: unread
    assert base(D("4700.00")) is None


def test_a_scanned_voe_rate_beside_an_unread_prior_year_is_weighed_by_the_year_before() -> None:
    # the prior year's cell not read, the YTD's pace far off (30,000.00 by
    # 20 February): the year before it (112,000) backs the 120,000 rate
    def base(before: Decimal | None) -> Decimal | None:
        loan = clean_loan().drop(DocType.paystub)
        loan.set(
            DocType.voe,
            0,
            ytd_base_income=D("30000.00"),
            prior_year_base_income=None,
            two_years_prior_base_income=before,
        )
        return computed(_scanned(loan).context()).incomes[0].base

    assert base(D(112000)) == D(10000)
    assert base(None) != D(10000)


def test_a_scanned_voe_rate_one_period_of_which_is_a_stubs_regular_pay() -> None:
    # the stub's gross holds a bonus (4,700.00) and its frequency was not
    # read: its regular pay (4,615.38) is one biweekly period (the VOE's
    # frequency) of the VOE's 120,000 to the cent
    def base(regular: str) -> Decimal | None:
        loan = clean_loan().set(
            DocType.paystub, annual_salary=None, gross_current=D("4700.00"), pay_frequency=None
        )
        loan.set_rows(
            DocType.paystub,
            "earnings",
            [
                {"kind": "regular", "current_amount": D(regular), "ytd_amount": D(18461.52)},
                {"kind": "bonus", "current_amount": D("84.62"), "ytd_amount": D("84.62")},
            ],
        )
        # (the VOE's YTD at a pace a third off the rate, its prior year unread)
        loan.set(DocType.voe, 0, ytd_base_income=D("22000.00"), prior_year_base_income=None)
        return computed(_scanned(loan).context()).incomes[0].base

    assert base("4615.38") == D(10000)
    assert base("4680.00") is None


def test_ytd_through_date_a_whole_pay_period_after_the_latest_paystub() -> None:
    # the VOE's YTD base is the 2026-02-20 paystub's plus one more biweekly pay
    loan = clean_loan().set(
        DocType.voe,
        ytd_base_income=D("23076.90"),
        ytd_bonus_income=D(1500),
        prior_year_bonus_income=D(9000),
        ytd_through_date=None,
        verification_date=None,
    )
    loan.set_rows(
        DocType.paystub,
        "earnings",
        [{"kind": "regular", "current_amount": D("4615.38"), "ytd_amount": D("18461.52")}],
    )
    assert computed(loan.context()).incomes[0].through == date(2026, 3, 6)
    # a base that is not a whole number of pays further on gives no date
    loan = clean_loan().set(
        DocType.voe,
        ytd_base_income=D("23000.00"),
        ytd_bonus_income=D(1500),
        prior_year_bonus_income=D(9000),
        ytd_through_date=None,
        verification_date=None,
    )
    assert computed(loan.context()).incomes[0].through is None


def test_a_salary_read_only_as_two_stubs_equal_gross() -> None:
    from tests.rules.builders import make

    def bare(gross: str, second: str | None, bonus: int = 0) -> Loan:
        # no rate on the VOE or the stubs, no earnings rows: only each stub's gross
        loan = clean_loan().set(DocType.voe, base_pay_rate=None, ytd_bonus_income=D(bonus))
        loan.set(DocType.paystub, annual_salary=None, gross_current=D(gross))
        loan.set_rows(DocType.paystub, "earnings", [])
        if second is not None:
            fields = {k: v.value for k, v in loan.one(DocType.paystub).fields.items()}
            loan.add(make(DocType.paystub, fields | {"gross_current": D(second)}))
            loan.set(DocType.paystub, 1, pay_date=date(2026, 2, 6))
        return loan

    def base(loan: Loan) -> Decimal | None:
        return computed(_scanned(loan).context()).incomes[0].base

    # 4,615.38 every two weeks on both stubs, no overtime or bonus: 10,000.00
    assert base(bare("4615.38", "4615.38")) == Decimal("4615.38") * 26 / 12
    # one stub, two grosses that differ, or a bonus this year: not the base
    assert base(bare("4615.38", None)) is None
    assert base(bare("4615.38", "4790.12")) is None
    assert base(bare("4615.38", "4615.38", bonus=1500)) is None


def test_a_scanned_urla_variable_line_under_a_dollar_is_a_misread_zero() -> None:
    from tests.rules.test_figures import figures

    def total(commission: str) -> str | None:
        loan = clean_loan().set(DocType.urla_1003, income_commission_monthly=D(commission))
        found = figures(_scanned(loan).context()).get("qualifying_income_monthly")
        return None if found is None else str(found)

    # `0.00` read as `0.90`: no commission income to look for
    assert total("0.90") == "10000.00"
    # a dollar or more is income the documents must show: unread without them
    assert total("1.00") is None


def test_a_scanned_urla_commission_the_voe_reads_as_none_is_stated_not_unread() -> None:
    from tests.rules.test_figures import figures

    def total(voe: dict[str, D | None]) -> str | None:
        loan = clean_loan().set(DocType.urla_1003, income_commission_monthly=D("9.00"))
        loan.set(DocType.voe, **voe)  # type: ignore[arg-type]
        found = figures(_scanned(loan).context()).get("qualifying_income_monthly")
        return None if found is None else str(found)

    # `$0.00` read `$9.00` on the URLA; the VOE's commissions row reads none
    none = {"ytd_commission_income": D(0), "prior_year_commission_income": D(0)}
    assert total(none) == "10000.00"
    # a VOE without that row leaves the line unread
    assert total({}) is None


def test_a_variable_line_whose_past_year_was_not_read_leaves_the_income_unread() -> None:
    from tests.rules.builders import run
    from tests.rules.test_figures import figures

    def loan() -> Loan:
        # the URLA counts 500.00 of overtime; the VOE's this-year overtime was
        # read, last year's was not, for a borrower employed since 2018
        return (
            clean_loan()
            .set(DocType.urla_1003, income_overtime_monthly=D(500), income_total_monthly=D(10500))
            .set(DocType.voe, ytd_overtime_income=D(1000), prior_year_overtime_income=None)
        )

    assert "qualifying_income_monthly" not in figures(_scanned(loan()))
    assert run(_scanned(loan()), "INC-001") == []


def test_a_scanned_hourly_rate_no_one_is_paid_is_not_the_rate() -> None:
    from tests.rules.test_figures import figures

    # 5,924.00 "an hour", nothing else read: another cell read as the rate
    def loan(rate: int) -> Loan:
        built = clean_loan().set(DocType.voe, base_pay_rate=None)
        built.set(DocType.paystub, annual_salary=None, hourly_rate=D(rate), hours=D(80))
        return built.set_rows(DocType.paystub, "earnings", [])

    assert "qualifying_income_monthly" not in figures(_scanned(loan(5924)))
    # a rate someone is paid stands
    assert figures(_scanned(loan(50)))["qualifying_income_monthly"] == "8666.67"


def test_a_scanned_regular_pay_no_year_of_the_voe_comes_near_is_unread() -> None:

    # the only base figure read is a period's regular pay; the VOE reports
    # 116,000 last year and 120,000 a year at this year's pace
    def loan(pay: str) -> Loan:
        built = clean_loan().set(DocType.voe, base_pay_rate=None)
        built.set(DocType.paystub, annual_salary=None, hourly_rate=None)
        return built.set_rows(
            DocType.paystub, "earnings", [{"kind": "regular", "current_amount": D(pay)}]
        )

    # `80.00` every two weeks, the hours' cell read as the pay: unread on a scan
    assert computed(_scanned(loan("80.00")).context()).incomes[0].base is None
    # and with it the income: overtime alone is not what this borrower earns
    overtime = {"ytd_overtime_income": D(3000), "prior_year_overtime_income": D(6000)}
    unread = _scanned(loan("80.00").set(DocType.voe, **overtime)).context()
    assert computed(unread).incomes[0].variable["overtime"].counted
    assert computed(unread).incomes[0].total is None
    # a text layer says what it says
    assert computed(loan("80.00").context()).incomes[0].base == D(80) * 26 / 12
    # a pay the VOE's years come near (a cut of a third) stands
    assert computed(_scanned(loan("3076.92")).context()).incomes[0].base == (D("3076.92") * 26 / 12)


def test_a_voe_variable_amount_with_its_column_blank_is_the_kind_the_paystub_shows() -> None:
    unplaced = {
        "ytd_bonus_income": None,
        "prior_year_bonus_income": None,
        "ytd_overtime_income": None,
        "prior_year_overtime_income": None,
        "ytd_unplaced_variable_income": D(1500),
        "prior_year_unplaced_variable_income": D(9000),
    }
    loan = clean_loan().set(DocType.voe, **unplaced)  # type: ignore[arg-type]
    _stub_bonus(loan)
    variable = computed(loan.context()).incomes[0].variable
    assert set(variable) == {"bonus"}
    assert (variable["bonus"].ytd, variable["bonus"].prior) == (D(1500), D(9000))
    assert variable["bonus"].counted
    # a paystub with no variable kind says nothing of which column it was:
    # the income is not recomputed without it
    bare = _scanned(clean_loan().set(DocType.voe, **unplaced))  # type: ignore[arg-type]
    ctx = bare.context()
    assert computed(ctx).incomes[0].variable == {}
    assert computed(ctx).income_total is None and "variable income borrower 1" in ctx.unread


def test_a_voe_past_year_with_its_variable_cells_lost_is_the_kind_the_paystub_shows() -> None:
    lost = {
        "prior_year_bonus_income": None,
        "prior_year_overtime_income": None,
        "prior_year_unplaced_variable_income": D(9000),
    }
    loan = clean_loan().set(DocType.voe, ytd_bonus_income=D(1500), **lost)  # type: ignore[arg-type]
    _stub_bonus(loan)
    variable = computed(_scanned(loan).context()).incomes[0].variable
    assert (variable["bonus"].ytd, variable["bonus"].prior) == (D(1500), D(9000))
    assert variable["bonus"].counted
    # without a paystub naming the kind, the past year stays unread
    bare = clean_loan().set(DocType.voe, ytd_bonus_income=D(1500), **lost)  # type: ignore[arg-type]
    assert computed(_scanned(bare).context()).incomes[0].variable["bonus"].prior is None


def test_a_scanned_paystub_rate_misread_past_use_gives_way_to_the_voes() -> None:
    # the stub's `53.9400` rate read `8359400` (a salary no year comes near),
    # no regular-pay row read: the VOE's rate, near its own years, is the base
    def loan(voe_rate: int) -> Loan:
        built = clean_loan().set(DocType.paystub, annual_salary=D(8359400), hourly_rate=None)
        built.set(DocType.voe, base_pay_rate=D(voe_rate))
        return built.set_rows(DocType.paystub, "earnings", [])

    assert computed(_scanned(loan(120000)).context()).incomes[0].base == D(10000)
    # a VOE rate as far off, no figure's repair near its years, is no base either
    assert computed(_scanned(loan(1500000)).context()).incomes[0].base is None


def test_a_variable_line_the_urla_scan_lost_leaves_the_voes_income_unread() -> None:
    from tests.rules.builders import run
    from tests.rules.test_figures import figures

    # the URLA's bonus line read `????????`; the VOE shows a bonus this year
    # and two years ago, last year's not read: the bonus cannot be averaged
    def loan(ytd_bonus: int) -> Loan:
        return (
            clean_loan()
            .set(DocType.urla_1003, income_bonus_monthly=None, income_total_monthly=D(10300))
            .set(
                DocType.voe,
                ytd_bonus_income=D(ytd_bonus),
                prior_year_bonus_income=None,
                two_years_prior_bonus_income=D(3500) if ytd_bonus else D(0),
            )
        )

    assert "qualifying_income_monthly" not in figures(_scanned(loan(3000)))
    assert run(_scanned(loan(3000)), "INC-001") == []
    # a VOE showing no bonus at all: the base alone is the income
    assert figures(_scanned(loan(0)))["qualifying_income_monthly"] == "10000.00"


def test_income_documents_with_nothing_of_the_pay_read_are_reported_once() -> None:
    loan = clean_loan().set(
        DocType.voe, base_pay_rate=None, ytd_base_income=None, prior_year_base_income=None
    )
    for stub in loan.all(DocType.paystub):
        stub.rows.clear()
        for name in ("gross_current", "gross_ytd", "hourly_rate", "annual_salary"):
            stub.fields.pop(name, None)
    for w2 in loan.all(DocType.w2):
        w2.fields.pop("wages", None)
    ctx = _scanned(loan).context()
    c = computed(ctx)
    assert c.income_total is None
    [unread] = [u for u in ctx.unread.values() if u.subject.startswith("income ")]
    assert "qualifying income" in unread.what and unread.evidence


def test_scanned_hours_the_rate_does_not_make_the_pay_with_are_the_ones_it_does() -> None:
    # 50.35 an hour, 2,014.00 regular pay a week: 40 hours, though `46.00` was read
    def loan(hours: str, scanned: bool = True) -> Loan:
        built = clean_loan().set(
            DocType.paystub,
            annual_salary=None,
            hourly_rate=D("50.35"),
            hours=D(hours),
            pay_frequency="weekly",
            gross_current=D("2014.00"),
        )
        built.set_rows(
            DocType.paystub, "earnings", [{"kind": "regular", "current_amount": D("2014.00")}]
        )
        built.drop(DocType.voe)
        return _scanned(built) if scanned else built

    standard = D("50.35") * 2080 / 12
    assert computed(loan("46.00").context()).incomes[0].base == standard
    assert computed(loan("40.00").context()).incomes[0].base == standard
    # a text layer's hours are as printed (another schedule, for INC rules to weigh)
    assert computed(loan("46.00", scanned=False).context()).incomes[0].base != standard


def _bonus_row_unread(loan: Loan) -> Loan:
    """The VOE's bonus row read as nothing at all (no year's figure), the
    paystub showing a bonus, the URLA's bonus line garbled and its total
    stating base and bonus."""
    loan.set(DocType.voe, 0, ytd_bonus_income=None, prior_year_bonus_income=None).set(
        DocType.urla_1003, 0, income_bonus_monthly=None, income_total_monthly=D("10800.00")
    )
    _stub_bonus(loan)
    return loan


def test_a_scanned_voe_bonus_row_unread_beside_a_paystub_bonus_leaves_income_unread() -> None:
    ctx = _scanned(_bonus_row_unread(clean_loan())).context()
    assert computed(ctx).income_total is None
    assert any(k.startswith("variable income") for k in ctx.unread)
    # the base alone is short, not lower: no stated-income finding
    assert run(ctx, "INC-001") == []


def test_a_text_voe_without_a_bonus_row_is_the_voe_as_printed() -> None:
    ctx = _bonus_row_unread(clean_loan()).context()
    assert computed(ctx).income_total == D("10000.00")


def test_a_salary_near_two_readings_that_agree_exactly_gives_way_to_them() -> None:
    # the latest paystub's 120,000 a year read 122,000 (under 3% off): its
    # own biweekly pay (4,615.38) and the VOE's 120,000 agree to the cent
    loan = _scanned(clean_loan().set(DocType.paystub, 0, annual_salary=D(122000)))
    assert computed(loan.context()).incomes[0].base == D(10000)
    # a salary its own pay backs stands, a raise the VOE does not show yet
    loan = clean_loan().set(DocType.paystub, 0, annual_salary=D(122000))
    loan.set_rows(
        DocType.paystub,
        "earnings",
        [{"kind": "regular", "current_amount": D("4692.31"), "ytd_amount": D("18769.24")}],
    )
    assert computed(_scanned(loan).context()).incomes[0].base == D(122000) / 12


def test_a_repaired_voe_rate_gives_way_to_a_paystubs_pay_as_read() -> None:
    # 125,000 a year paid biweekly (4,807.69), the VOE's rate read 420,000:
    # one digit's repair makes it 120,000, which the VOE's own years allow,
    # but a repair is no reading; the paystub's regular pay, as printed, is
    # the base
    def base(rate: Decimal) -> Decimal | None:
        loan = clean_loan().set(DocType.paystub, annual_salary=None)
        loan.set_rows(
            DocType.paystub,
            "earnings",
            [{"kind": "regular", "current_amount": D("4807.69"), "ytd_amount": D("19230.76")}],
        )
        loan.set(DocType.voe, 0, base_pay_rate=rate)
        return computed(_scanned(loan).context()).incomes[0].base

    assert base(D(420000)) == D("4807.69") * 26 / 12
    # a rate read as printed still comes first
    assert base(D(120000)) == D(10000)


def test_a_kind_new_this_year_whose_ytd_ocr_lost_is_the_paystubs() -> None:
    # the VOE's past years show no bonus, its year to date unread; the
    # paystub pays one: new this year, its year to date the stub's
    loan = clean_loan().set(DocType.voe, ytd_bonus_income=None, prior_year_bonus_income=D(0))
    _stub_bonus(loan)
    bonus = computed(loan.context()).incomes[0].variable["bonus"]
    assert bonus.ytd == D(1500) and not bonus.counted
    # with no paystub paying it, the kind stays out
    plain = clean_loan().set(DocType.voe, ytd_bonus_income=None, prior_year_bonus_income=D(0))
    assert "bonus" not in computed(plain.context()).incomes[0].variable


def test_a_scanned_regular_pay_a_tenth_of_the_urlas_stands_when_the_voe_comes_near() -> None:
    # the only base figure read is a period's regular pay, 10,000.00 a month
    def loan(**voe: object) -> Loan:
        built = clean_loan().set(DocType.voe, base_pay_rate=None, **voe)
        built.set(DocType.paystub, annual_salary=None, hourly_rate=None)
        # the URLA's base read with a figure lost: 1000.00 for 10,000.00
        built.set(DocType.urla_1003, income_base_monthly=D("1000.00"))
        return built.set_rows(
            DocType.paystub, "earnings", [{"kind": "regular", "current_amount": D("4615.38")}]
        )

    # the VOE's years (116,000 last year, 120,000 at this year's pace) come
    # near it: the URLA's figure is the misread one
    assert computed(_scanned(loan()).context()).incomes[0].base == D("4615.38") * 26 / 12
    # with no year of the VOE read, nothing says which figure lost the zero
    nothing = loan(prior_year_base_income=None, ytd_base_income=None)
    assert computed(_scanned(nothing).context()).incomes[0].base is None
