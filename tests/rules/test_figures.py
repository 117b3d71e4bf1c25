from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from flightline.pipeline.model import DocType, Value
from flightline.rules.engine import LoanContext
from flightline.rules.facts import facts
from flightline.rules.figures import Computed, compute_figures, computed
from flightline.rules.keys import address_key, employer_key, name_key
from tests.rules.builders import D, Loan, clean_loan, fv, make
from tests.rules.test_compare import _scanned


def figures(loan: Loan | LoanContext) -> dict[str, str]:
    ctx = loan.context() if isinstance(loan, Loan) else loan
    compute_figures(ctx)
    return {k: v.value for k, v in ctx.figures.items()}


def test_clean_loan_figures() -> None:
    ctx = clean_loan().context()
    compute_figures(ctx)
    assert {k: v.value for k, v in ctx.figures.items()} == {
        "qualifying_income_monthly": "10000.00",
        "pitia_monthly": "2500.00",
        "dti_front": "25.00",
        "dti_back": "29.50",
        "ltv": "75.00",
        "cltv": "75.00",
        "representative_score": "720",
        "assets_verified": "130000.00",
        "funds_to_close": "108000.00",
        "reserves_months": "8.80",
    }
    income = ctx.figures["qualifying_income_monthly"]
    assert income.detail["borrowers"] == [
        {"borrower": "John Michael Smith", "value": "10000.00", "components": {"base": "10000.00"}}
    ]
    assert income.evidence and all(e.page == 1 for e in income.evidence)
    assert ctx.notes["large_deposits"] == []


def _hourly(rate: str, hours: int) -> Loan:
    loan = clean_loan().set(
        DocType.paystub, annual_salary=None, hourly_rate=D(rate), hours=D(hours)
    )
    loan.set_rows(
        DocType.paystub, "earnings", [{"kind": "regular", "current_amount": D(rate) * hours}]
    )
    return loan.set(DocType.voe, base_pay_rate=D(rate))


def test_hourly_base_uses_2080_hours() -> None:
    assert figures(_hourly("40.00", 80))["qualifying_income_monthly"] == "6933.33"


def test_stated_part_time_hours_win() -> None:
    # 40 hours a fortnight: 1,040 a year
    assert figures(_hourly("40.00", 40))["qualifying_income_monthly"] == "3466.67"


def test_a_misread_rate_loses_to_the_sources_that_agree() -> None:
    # the paystub's salary misread as the period's pay; the VOE and the earnings agree
    loan = clean_loan().set(DocType.paystub, annual_salary=D("4615.38"))
    assert figures(loan)["qualifying_income_monthly"] == "10000.00"


def test_voe_rate_read_as_hourly_or_annual() -> None:
    loan = clean_loan().set(DocType.paystub, annual_salary=None)
    loan.set(DocType.voe, base_pay_rate=D("30.00"))
    assert figures(loan)["qualifying_income_monthly"] == "5200.00"
    loan.set(DocType.voe, base_pay_rate=D(96000))
    assert figures(loan)["qualifying_income_monthly"] == "8000.00"


def _bonus(loan: Loan, ytd: str, prior: str, prior2: str | None, through: date) -> Loan:
    return loan.set(
        DocType.voe,
        ytd_bonus_income=D(ytd),
        prior_year_bonus_income=D(prior),
        two_years_prior_bonus_income=D(prior2) if prior2 is not None else None,
        ytd_through_date=through,
    )


def test_bonus_averaged_over_two_years_and_ytd() -> None:
    through = date(2026, 3, 31)  # day 90: 2.9589 months
    loan = _bonus(clean_loan(), "3000", "12000", "10000", through)
    bonus = computed(loan.context()).incomes[0].variable["bonus"]
    assert bonus.counted and not bonus.declining
    months = Decimal(90) * 12 / 365
    assert bonus.monthly == D(25000) / (24 + months)
    assert figures(loan)["qualifying_income_monthly"] == "10927.34"


def test_bonus_averaged_over_prior_year_and_ytd_without_two_years_back() -> None:
    loan = _bonus(clean_loan(), "3000", "12000", None, date(2026, 3, 31))
    months = Decimal(90) * 12 / 365
    assert computed(loan.context()).incomes[0].variable["bonus"].monthly == D(15000) / (12 + months)


def test_declining_bonus_takes_the_lower_ytd_figure() -> None:
    loan = _bonus(clean_loan(), "1000", "12000", "10000", date(2026, 3, 31))
    bonus = computed(loan.context()).incomes[0].variable["bonus"]
    assert bonus.declining
    assert bonus.monthly == D(1000) / (Decimal(90) * 12 / 365)


def test_bonus_without_a_prior_year_is_not_counted() -> None:
    loan = _bonus(clean_loan(), "3000", "0", "0", date(2026, 3, 31))
    bonus = computed(loan.context()).incomes[0].variable["bonus"]
    assert not bonus.counted and bonus.monthly == 0
    assert bonus.history_months < 12
    assert figures(loan)["qualifying_income_monthly"] == "10000.00"


def test_credit_report_debt_missing_from_urla_still_counts() -> None:
    loan = clean_loan()
    report = loan.one(DocType.credit_report)
    loan.set_rows(
        DocType.credit_report,
        "tradelines",
        [
            {"creditor": "SUMMIT AUTO FINANCE", "balance": D(15000), "monthly_payment": D(450)},
            {"creditor": "BEACON CARD", "balance": D(800), "monthly_payment": D(50)},
        ],
    )
    assert report.rows["tradelines"]
    assert figures(loan)["dti_back"] == "30.00"


def _refinance(loan: Loan, occupancy: str = "principal_residence") -> Loan:
    loan.set(DocType.urla_1003, loan_purpose="refinance", occupancy=occupancy, sale_price=None)
    loan.set(DocType.closing_disclosure, loan_purpose="refinance", sale_price=None)
    loan.drop(DocType.transmittal_1008)
    return loan


def test_mortgage_paid_off_at_closing_leaves_the_dti() -> None:
    loan = _refinance(clean_loan(), "investment")
    # payoff = cash to close + loan - closing costs = 2,000 + 300,000 - 6,000
    loan.set(DocType.closing_disclosure, cash_to_close=D("2000.00"), lender_credit=D(0))
    loan.set_rows(
        DocType.closing_disclosure, "fees", [{"section": "A", "name": "Fees", "amount": D(6000)}]
    )
    loan.set_rows(
        DocType.credit_report,
        "tradelines",
        [
            {"creditor": "SUMMIT AUTO FINANCE", "balance": D(15000), "monthly_payment": D(450)},
            {
                "creditor": "HARBOR MORTGAGE CO",
                "balance": D(296000),
                "monthly_payment": D(1900),
                "account_type": "mortgage",
            },
            {
                "creditor": "PIONEER HOME LOANS",
                "balance": D(210000),
                "monthly_payment": D(1500),
                "account_type": "mortgage",
            },
        ],
    )
    c = computed(loan.context())
    assert [d.creditor for d in c.debts if d.paid_off] == ["HARBOR MORTGAGE CO"]
    assert c.debts_monthly == D(1950)
    # refinance LTV: loan over the appraised value
    assert figures(loan)["ltv"] == "73.17"


def test_which_mortgage_a_refinance_pays_off_is_the_one_the_1008s_dti_says() -> None:
    loan = _refinance(clean_loan())
    loan.set_rows(
        DocType.credit_report,
        "tradelines",
        [
            {"creditor": "SUMMIT AUTO FINANCE", "balance": D(15000), "monthly_payment": D(450)},
            {"creditor": "HARBOR MORTGAGE CO", "balance": D(296000), "monthly_payment": D(1900)},
            {"creditor": "PIONEER HOME LOANS", "balance": D(210000), "monthly_payment": D(1500)},
        ],
    )
    # no payoff rows and no cash-to-close arithmetic: which one is not known
    ctx = loan.context()
    assert computed(ctx).debts_monthly is None and "payoff" in ctx.unread

    def with_1008(dti: str) -> Computed:
        ctx = loan.context()
        ctx.documents.append(
            make(
                DocType.transmittal_1008,
                {"qualifying_income_monthly": D(10000), "dti_back": D(dti)},
            )
        )
        return computed(ctx)

    # PITIA 2,500 + 450 + 1,500 over 10,000: Harbor's is the one paid off
    found = with_1008("44.500")
    assert found.debts_monthly == D(1950)
    assert "PIONEER HOME LOANS" in [d.creditor for d in found.debts]
    # a 1008 no choice gives: unknown
    assert with_1008("40.000").debts_monthly is None


def test_a_scanned_mortgage_paid_off_needs_no_reading_of_its_payment() -> None:
    # a refinance of the one mortgage: its payment read 1,138 on the report and
    # 1,137.00 on the URLA (a misread apart), but this closing pays it off
    loan = _refinance(clean_loan())
    mortgage = {"creditor": "FRONTIER MORTGAGE CO", "balance": D(72928), "account_type": "mortgage"}
    loan.set_rows(
        DocType.credit_report,
        "tradelines",
        [
            {"creditor": "SUMMIT AUTO FINANCE", "balance": D(15000), "monthly_payment": D(450)},
            mortgage | {"monthly_payment": D(1138)},
        ],
    )
    loan.one(DocType.urla_1003).rows["liabilities"].append(
        {
            k: fv(v)
            for k, v in (
                ("creditor", "Frontier Mortgage Co"),
                ("balance", D(72928)),
                ("monthly_payment", D("1137.00")),
            )
        }
    )
    c = computed(_scanned(loan).context())
    assert [d.creditor for d in c.debts if d.paid_off] == ["FRONTIER MORTGAGE CO"]
    assert c.debts_monthly == D(450)


def test_a_scanned_payoff_needs_no_reading_of_a_garbled_row() -> None:
    # `$ 189,6\u00a27.65$ 1,216 %64` read as a balance of 7.65 and a payment
    # of 64: no reading to offer, but the Closing Disclosure pays it off
    loan = _refinance(clean_loan())
    loan.set_rows(
        DocType.credit_report,
        "tradelines",
        [
            {"creditor": "SUMMIT AUTO FINANCE", "balance": D(15000), "monthly_payment": D(450)},
            {
                "creditor": "PRAIRIE HOME LOANS",
                "balance": D("7.65"),
                "monthly_payment": D(64),
                "account_type": "mortgage",
            },
        ],
    )
    loan.set_rows(
        DocType.closing_disclosure,
        "payoffs",
        [{"creditor": "PRAIRIE HOME LOANS", "amount": D("189647.65")}],
    )
    loan.one(DocType.urla_1003).rows["liabilities"].append(
        {
            k: fv(v)
            for k, v in (
                ("creditor", "Prairie Home Loans"),
                ("balance", D("189647.65")),
                ("monthly_payment", D("1216.64")),
            )
        }
    )
    ctx = _scanned(loan).context()
    c = computed(ctx)
    assert [d.creditor for d in c.debts if d.paid_off] == ["PRAIRIE HOME LOANS"]
    assert c.debts_monthly == D(450)
    assert not [k for k in ctx.unread if k.startswith("tradeline")]
    # paid off by no payoff row, the row leaves the debts unknown
    loan.set_rows(
        DocType.closing_disclosure,
        "payoffs",
        [{"creditor": "HARBOR MORTGAGE CO", "amount": D("250000.00")}],
    )
    assert computed(_scanned(loan).context()).debts_monthly is None


def test_a_payoff_two_mortgages_of_one_lender_could_take_is_the_one_named_as_it_is() -> None:
    loan = _refinance(clean_loan())
    mortgages = [
        ("EVERGREEN MORTGAGE SERVICING", D("154368.40"), D("1201.56")),
        ("EVERGREEN MORTGAGE CO", D(155000), D(1730)),
    ]
    loan.set_rows(
        DocType.credit_report,
        "tradelines",
        [
            {"creditor": c, "balance": b, "monthly_payment": p, "account_type": "mortgage"}
            for c, b, p in mortgages
        ],
    )
    payoff = {"creditor": "Evergreen Mortgage Servicing", "amount": D("154368.40")}
    loan.set_rows(DocType.closing_disclosure, "payoffs", [payoff])
    c = computed(loan.context())
    assert [d.creditor for d in c.debts if d.paid_off] == ["EVERGREEN MORTGAGE SERVICING"]
    # the other mortgage's payment stays in the debts (beside the URLA's own)
    assert c.debts_monthly is not None and c.debts_monthly >= D(1730)
    # named as neither (a letter lost), the balance it pays to the cent tells them apart
    payoff["creditor"] = "Evergreen Mortgage Servicng"
    loan.set_rows(DocType.closing_disclosure, "payoffs", [payoff])
    c = computed(loan.context())
    assert [d.creditor for d in c.debts if d.paid_off] == ["EVERGREEN MORTGAGE SERVICING"]
    # and where neither does, which one is not known: the debts stay unknown
    payoff["amount"] = D("154500.00")
    loan.set_rows(DocType.closing_disclosure, "payoffs", [payoff])
    assert computed(loan.context()).debts_monthly is None


def test_purchase_ltv_uses_the_lower_of_price_and_value() -> None:
    loan = clean_loan().set(DocType.appraisal_1004, appraised_value=D(380000))
    assert figures(loan)["ltv"] == "78.95"


def test_representative_score_rules() -> None:
    loan = clean_loan()
    loan.set_rows(
        DocType.credit_report,
        "scores",
        [
            {"borrower": 1, "bureau": "equifax", "score": 700},
            {"borrower": 1, "bureau": "experian", "score": 650},
            {"borrower": 2, "bureau": "equifax", "score": 640},
            {"borrower": 2, "bureau": "experian", "score": 610},
            {"borrower": 2, "bureau": "transunion", "score": 630},
        ],
    )
    assert figures(loan)["representative_score"] == "630"  # lower of two, middle of three
    ctx = loan.context()
    ctx.policy = ctx.policy.model_copy(update={"representative_score_method": "average_of_medians"})
    assert figures(ctx)["representative_score"] == "640"


def test_a_scan_that_read_two_scores_takes_the_1008s_between_them() -> None:
    loan = clean_loan()
    loan.set_rows(
        DocType.credit_report,
        "scores",
        [
            {"borrower": 1, "bureau": "experian", "score": 729},
            {"borrower": 1, "bureau": "transunion", "score": 689},
        ],
    )
    loan.set(DocType.transmittal_1008, representative_score=711)
    # a text report with two scores has two: the lower
    assert figures(loan)["representative_score"] == "689"
    # on a scan, the third bureau's score, the middle one, was lost
    scan = _scanned(loan)  # (marks the loan's values in place)
    assert figures(scan)["representative_score"] == "711"
    # a stated score outside the two read settles nothing
    scan.set(DocType.transmittal_1008, representative_score=740)
    assert figures(scan)["representative_score"] == "689"


def test_assets_use_each_accounts_latest_statement() -> None:
    loan = clean_loan().add(
        make(
            DocType.bank_statement,
            {
                "account_last4": "9999",
                "period_start_date": date(2026, 2, 1),
                "period_end_date": date(2026, 2, 28),
                "closing_balance": D("5000.50"),
            },
        )
    )
    got = figures(loan)
    assert got["assets_verified"] == "135000.50"
    assert got["reserves_months"] == "10.80"


def test_figures_absent_when_inputs_are_missing() -> None:
    got = figures(clean_loan().drop(DocType.closing_disclosure))
    for name in ("pitia_monthly", "dti_front", "dti_back", "funds_to_close", "reserves_months"):
        assert name not in got
    assert got["ltv"] == "75.00"  # the Note's amount
    got = figures(clean_loan().drop(DocType.paystub).drop(DocType.voe))
    assert "qualifying_income_monthly" not in got
    assert "dti_back" not in got
    assert figures(Loan()) == {}


def test_debts_unknown_when_no_tradeline_was_read() -> None:
    loan = clean_loan().set_rows(DocType.credit_report, "tradelines", [])
    got = figures(loan)
    assert "dti_back" not in got
    assert got["dti_front"] == "25.00"
    # nothing owed on either document: no debts
    loan.set_rows(DocType.urla_1003, "liabilities", [])
    assert figures(loan)["dti_back"] == "25.00"
    # a debt with a balance but no payment read
    loan.set_rows(DocType.credit_report, "tradelines", [{"creditor": "X", "balance": D(900)}])
    assert "dti_back" not in figures(loan)


def test_large_deposits_and_their_sources() -> None:
    loan = clean_loan()
    loan.add(
        make(
            DocType.gift_letter,
            {"gift_amount": D(20000), "gift_date": date(2026, 1, 10), "donor_name": "Ann Smith"},
        )
    )
    loan.add(
        make(
            DocType.letter_of_explanation,
            {"explained_amount": D(7000), "explained_date": date(2026, 1, 12)},
        )
    )
    loan.set_rows(
        DocType.bank_statement,
        "deposits",
        [
            {"date": date(2026, 1, 9), "amount": D(9000), "description": "ACH CREDIT ACME PAYRL"},
            {"date": date(2026, 1, 10), "amount": D(20000), "description": "INCOMING WIRE"},
            {"date": date(2026, 1, 12), "amount": D(7000), "description": "MOBILE DEPOSIT"},
            {"date": date(2026, 1, 14), "amount": D(6000), "description": "CASH DEPOSIT"},
            {"date": date(2026, 1, 15), "amount": D(5000), "description": "AT THE THRESHOLD"},
        ],
    )
    ctx = loan.context()
    compute_figures(ctx)
    assert [(d["amount"], d["source"]) for d in ctx.notes["large_deposits"]] == [  # type: ignore[attr-defined]
        ("9000.00", "payroll"),
        ("20000.00", "gift_letter"),
        ("7000.00", "letter_of_explanation"),
        ("6000.00", None),
    ]


def _with_marys_urla(**fields: Value) -> Loan:
    """The clean loan with a co-borrower, Mary Jones, and her own URLA."""
    mary = {
        "borrower_name": "Mary Jones",
        "ssn_last4": "9876",
        "employer_name": "Beacon Health",
        "co_borrower_name": "John Smith",
        "co_borrower_ssn_last4": "1234",
    }
    return clean_loan(co_borrower=True).add(make(DocType.urla_1003, mary | fields))


def test_documents_are_matched_to_their_borrower() -> None:
    loan = _with_marys_urla(income_total_monthly=D(5000))
    # Mary's paystub, with her name misspelt; John's W-2 with a wrong SSN
    loan.add(
        make(
            DocType.paystub,
            {
                "employee_name": "Mary Jonas",
                "ssn_last4": "9876",
                "employer_name": "BEACON HEALTH",
                "pay_date": date(2026, 2, 20),
                "annual_salary": D(60000),
            },
        )
    )
    loan.set(DocType.w2, ssn_last4="0000")
    ctx = loan.context()
    f = facts(ctx)
    john, mary = f.borrowers
    assert (john.index, john.name, mary.name) == (1, "John Michael Smith", "Mary Jones")
    assert f.owner(loan.all(DocType.paystub)[1]) is mary
    assert f.owner(loan.one(DocType.w2)) is john
    assert figures(ctx)["qualifying_income_monthly"] == "15000.00"


def test_two_applications_naming_different_employers_are_two_people() -> None:
    # `Lisa Davis` reads as part of `Miranda Lisa Davis`; each files her own URLA
    lisa = {
        "borrower_name": "Lisa Davis",
        "ssn_last4": "8518",
        "employer_name": "Hicks Distribution Inc",
        "co_borrower_name": "Miranda L. Davis",
    }
    miranda = {
        "borrower_name": "Miranda Lisa Davis",
        "employer_name": "Taylor Realty Group Company",
        "co_borrower_name": "Lisa L. Davis",
        "co_borrower_ssn_last4": "8518",
    }
    loan = _scanned(Loan([make(DocType.urla_1003, lisa), make(DocType.urla_1003, miranda)]))
    people = {(p.name, p.ssn4) for p in facts(loan.context()).borrowers}
    assert people == {("Lisa Davis", "8518"), ("Miranda Lisa Davis", None)}
    # one applicant's two copies, the employer written alike: one person
    copy = dict(lisa, employer_name="HICKS DISTRIBUTION, INC.")
    loan = _scanned(Loan([make(DocType.urla_1003, lisa), make(DocType.urla_1003, copy)]))
    names = [p.name for p in facts(loan.context()).borrowers]
    assert sorted(names) == ["Lisa Davis", "Miranda L. Davis"]


def test_a_scanned_co_borrower_box_with_a_misread_surname_is_the_applicant() -> None:
    carol = {"borrower_name": "Carol K. Rice", "employer_name": "Jones & Conrad Dental"}
    hunter = {
        "borrower_name": "Hunter Williams",
        "ssn_last4": "6959",
        "employer_name": "Suarez Software, Inc.",
    }

    def roster(co_name: str) -> list[str]:
        urlas = [carol | {"co_borrower_name": co_name}, hunter]
        loan = _scanned(Loan([make(DocType.urla_1003, u) for u in urlas]))
        return sorted(p.name for p in facts(loan.context()).borrowers)

    # `Hunter Willidins` with no SSN: Hunter Williams, not a third person
    assert roster("Hunter Willidins") == ["Carol K. Rice", "Hunter Williams"]
    # another first name, or a surname further off, is another person
    assert len(roster("Hanna Willidins")) == 3
    assert len(roster("Hunter Wilson")) == 3


def test_a_document_with_no_name_ssn_or_employer_read_is_owned_by_its_start_date() -> None:
    loan = _with_marys_urla(employment_start_date=date(2022, 2, 20))
    # a VOE's earnings page whose name, SSN and employer OCR lost (`Tis`)
    table = {"employer_name": "Tis", "employment_start_date": date(2022, 2, 20)}
    loan.add(make(DocType.voe, table))
    ctx = loan.context()
    mary = facts(ctx).borrowers[1]
    assert mary.name == "Mary Jones"
    assert facts(ctx).owner(loan.all(DocType.voe)[-1]) is mary
    # a start date both borrowers' documents give says nothing
    loan.set(DocType.urla_1003, 0, employment_start_date=date(2022, 2, 20))
    assert facts(loan.context()).owner(loan.all(DocType.voe)[-1]) is None
    # a name read that matched no one is not this case
    named = dict(table, employee_name="Pat Doe")
    loan.set(DocType.urla_1003, 0, employment_start_date=date(2018, 5, 1))
    loan.docs[-1] = make(DocType.voe, named)
    assert facts(loan.context()).owner(loan.docs[-1]) is None


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("John Michael Smith", "SMITH, JOHN M", True),
        ("John M. Smith Jr.", "Smith Jr., John", True),
        ("John Smith", "john  smith", True),
        ("John Smith", "John Smyth", False),
        ("John Smith", "Jon Smith", False),
        # a scan's III, II and IV read with l for I
        ("Colton Medina III", "Colton Medina Ill", True),
        ("Colton Medina II", "COLTON MEDINA Il", True),
        ("Colton Medina IV", "Colton Medina lv", True),
        # two words: `Ill` could be the surname
        ("Colton Ill", "Colton", False),
        # a two-letter surname as printed (`Li`, `LI`), no suffix misread
        ("Nicholas R. Li", "Nicholas Li", True),
        ("NICHOLAS R LI", "LI, NICHOLAS R", True),
        ("John A. Smith III", "John Smith", True),
        ("John A. Smith IV", "Smith, John", True),
    ],
)
def test_name_key(a: str, b: str, same: bool) -> None:
    assert (name_key(a) == name_key(b)) is same


def test_employer_and_address_keys() -> None:
    assert employer_key("Ryan & Davis Architects Corp.") == employer_key(
        "RYAN AND DAVIS ARCHITECTS"
    )
    assert employer_key("Acme Logistics, Inc.") != employer_key("Acme Freight, Inc.")
    assert address_key("12 Oak Street Apt 4, Dover, DE 19901-1234") == address_key(
        "12 OAK ST. #4, DOVER, DE 19901"
    )
    assert address_key("12 Oak Street, Dover, DE 19901") != address_key(
        "21 Oak Street, Dover, DE 19901"
    )


def test_hours_no_one_works_and_a_latest_stub_whose_figures_back_nothing() -> None:
    # the latest stub's rate and hours columns swapped (80.00 an hour for
    # 5,998.40 hours): the earlier stub's own rate and regular pay agree
    loan = _hourly("74.98", 80).set(DocType.voe, base_pay_rate=None)
    earlier = loan.one(DocType.paystub)
    latest = make(
        DocType.paystub,
        {
            "pay_date": date(2026, 3, 6),
            "pay_frequency": "biweekly",
            "hourly_rate": D("80.00"),
            "hours": D("5998.40"),
            "employee_name": "John M. Smith",
            "ssn_last4": "1234",
        },
    )
    loan.add(latest)
    assert earlier is not latest
    assert figures(loan)["qualifying_income_monthly"] == "12996.53"


def _self_co_borrowing() -> LoanContext:
    """Mary's scanned application with John's name read into both name boxes."""
    from tests.rules.test_compare import _scanned

    loan = clean_loan(co_borrower=True)
    loan.add(
        make(
            DocType.urla_1003,
            {
                "borrower_name": "John Michael Smith",
                "ssn_last4": "9876",
                "employer_name": "Beacon Health",
                "co_borrower_name": "John Michael Smith",
                "co_borrower_ssn_last4": "1234",
            },
        )
    )
    return _scanned(loan).context()


def test_an_applicant_read_as_their_own_co_borrower_is_named_by_ssn() -> None:
    people = [(b.name, b.ssn4) for b in facts(_self_co_borrowing()).borrowers]
    assert sorted(people) == [("John Michael Smith", "1234"), ("Mary Jones", "9876")]


def test_a_document_without_name_or_ssn_is_the_borrower_whose_documents_name_its_employer() -> None:
    from tests.rules.test_compare import _scanned

    loan = clean_loan(co_borrower=True)
    # John's application garbled his employer; his paystub names it
    loan.set(DocType.urla_1003, employer_name="or Business")
    loan.add(
        make(
            DocType.voe,
            {"employer_name": "Beacon Health", "employee_name": "Mary Jones", "ssn_last4": "9876"},
        )
    )
    nameless = make(DocType.voe, {"employer_name": "Acme Logistics Inc", "ytd_base_income": D(1)})
    loan.add(nameless)
    f = facts(_scanned(loan).context())
    assert f.owners[nameless.id] is f.borrowers[0]
    # an employer both borrowers' documents name tells no one apart
    mary_w2 = {"employer_name": "Acme Logistics, Inc.", "employee_name": "Mary Jones"}
    loan.add(make(DocType.w2, mary_w2))
    assert nameless.id not in facts(_scanned(loan).context()).owners


def test_a_co_borrower_read_with_the_applicants_own_ssn_is_still_another_person() -> None:
    loan = clean_loan()
    # one application: Mary's name beside John's SSN read twice; which box
    # holds whose is not known, so neither SSN is taken from it
    loan.set(DocType.urla_1003, co_borrower_name="Mary Smith", co_borrower_ssn_last4="1234")
    people = [(b.name, b.ssn4) for b in facts(loan.context()).borrowers]
    assert people == [("John Michael Smith", None), ("Mary Smith", None)]


def test_an_ssn_both_applicants_boxes_read_alike_is_no_ones() -> None:
    from tests.rules.test_compare import _with_run

    # Mary's application, both boxes reading John's 1234; the report gives hers
    loan = clean_loan(co_borrower=True)
    loan.add(
        make(
            DocType.urla_1003,
            {
                "borrower_name": "Mary Jones",
                "ssn_last4": "1234",
                "co_borrower_name": "John Michael Smith",
                "co_borrower_ssn_last4": "1234",
            },
        )
    )
    people = [(b.name, b.ssn4) for b in facts(loan.context()).borrowers]
    assert sorted(people) == [("John Michael Smith", "1234"), ("Mary Jones", "9876")]
    issues, _ = _with_run(loan, "IDN-002")
    assert issues == []


def test_a_lone_scanned_base_a_tenth_of_the_stated_one_is_unread() -> None:
    from tests.rules.test_compare import _scanned

    # the VOE's 120,000 read as 12,000; nothing else on file shows the pay
    def lone(rate: int) -> Loan:
        loan = clean_loan().set(
            DocType.voe, base_pay_rate=D(rate), ytd_base_income=None, prior_year_base_income=None
        )
        loan.set(DocType.paystub, annual_salary=None).set_rows(DocType.paystub, "earnings", [])
        return loan

    assert "qualifying_income_monthly" not in figures(_scanned(lone(12000)))
    # a rate of the right size stands; on a text layer the VOE's rate is what it says
    assert figures(_scanned(lone(120000)))["qualifying_income_monthly"] == "10000.00"
    assert figures(lone(12000))["qualifying_income_monthly"] == "1000.00"


def test_an_applicant_read_as_their_own_co_borrower_is_no_name_finding() -> None:
    from flightline.rules.engine import REGISTRY

    ctx = _self_co_borrowing()
    compute_figures(ctx)
    assert REGISTRY["IDN-001"](ctx) == []


def test_an_application_debt_is_the_bureaus_in_whole_dollars_or_with_its_words_run_together() -> (
    None
):
    loan = clean_loan()
    loan.set_rows(
        DocType.urla_1003,
        "liabilities",
        [
            {
                "creditor": "Summit Auto Finance",
                "balance": D("15000.40"),
                "monthly_payment": D("450.25"),
            }
        ],
    )
    # the bureau prints whole dollars: the same debt, counted once
    assert computed(loan.context()).debts_monthly == D(450)
    loan = clean_loan()
    report = loan.one(DocType.credit_report)
    report.rows["tradelines"][0]["creditor"] = fv("SUMMITBAUTO FINANCE")
    loan.set_rows(
        DocType.urla_1003,
        "liabilities",
        [{"creditor": "Summit Auto Finance", "balance": D(15100), "monthly_payment": D(455)}],
    )
    # OCR ran two words together and misread a letter: the same creditor
    assert computed(loan.context()).debts_monthly == D(450)
