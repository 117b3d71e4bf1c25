from __future__ import annotations

from decimal import Decimal

from flightline.pipeline.model import DocType
from tests.rules.builders import D, Loan, clean_loan, run


def _debt(payment: str) -> Loan:
    loan = clean_loan()
    loan.set_rows(
        DocType.credit_report,
        "tradelines",
        [{"creditor": "SUMMIT AUTO FINANCE", "balance": D(15000), "monthly_payment": D(payment)}],
    )
    loan.set_rows(
        DocType.urla_1003,
        "liabilities",
        [{"creditor": "Summit Auto Finance", "balance": D(15000), "monthly_payment": D(payment)}],
    )
    return loan


def test_clean_file_has_no_ratio_findings() -> None:
    for code in ("DTI-001", "LTV-001"):
        assert run(clean_loan(), code) == []
        assert run(Loan(), code) == []


def test_dti_001_over_the_cap() -> None:
    # income 10,000.00, PITIA 2,500.00: 2,500.00 of debts is exactly 50%
    at_cap = _debt("2500.00").set(DocType.transmittal_1008, dti_back=D("50.000"))
    assert run(at_cap, "DTI-001") == []
    over = _debt("2500.01").set(DocType.transmittal_1008, dti_back=D("50.000"))
    [issue] = run(over, "DTI-001")
    assert (issue.subject, issue.severity, issue.category) == (
        "dti_back",
        "critical",
        "eligibility",
    )
    # never shown as equal to the cap it breaks
    assert (issue.observed, issue.limit) == ("50.0001", "50.00")


def test_dti_001_differs_from_the_1008() -> None:
    # recomputed 29.50
    assert run(clean_loan().set(DocType.transmittal_1008, dti_back=D("30.500")), "DTI-001") == []
    assert run(clean_loan().set(DocType.transmittal_1008, dti_back=D("28.500")), "DTI-001") == []
    loan = clean_loan().set(DocType.transmittal_1008, dti_back=D("30.510"))
    [issue] = run(loan, "DTI-001")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "transmittal_1008",
        "medium",
        "1.01",
        "1.00",
    )


def test_dti_001_needs_the_credit_report() -> None:
    loan = _debt("4000").drop(DocType.credit_report)
    assert run(loan, "DTI-001") == []


def _ltv(loan_amount: str, **shape: object) -> Loan:
    loan = clean_loan()
    loan.set(DocType.closing_disclosure, loan_amount=D(loan_amount))
    loan.set(DocType.urla_1003, **shape)  # type: ignore[arg-type]
    return loan


def test_ltv_001_purchase_principal_residence() -> None:
    # the lower of price 400,000 and value 410,000; 97% maximum
    assert run(_ltv("388000"), "LTV-001") == []
    [issue] = run(_ltv("388001"), "LTV-001")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "ltv",
        "critical",
        "97.0002",
        "97.00",
    )
    assert "1-unit principal residence purchase" in issue.summary


def test_ltv_001_matrix_by_occupancy_units_and_purpose() -> None:
    investment = {"occupancy": "investment", "units": 3}
    loan = _ltv("300000", **investment).set(DocType.appraisal_1004, units=3)
    assert run(loan, "LTV-001") == []
    [issue] = run(loan.set(DocType.closing_disclosure, loan_amount=D(300001)), "LTV-001")
    assert issue.limit == "75.00"
    cash_out = _ltv("328000", loan_purpose="cash_out_refinance")  # 80% of 410,000
    assert run(cash_out, "LTV-001") == []
    [issue] = run(_ltv("328000.01", loan_purpose="cash_out_refinance"), "LTV-001")
    assert Decimal(issue.observed or "0") > 80


def test_ltv_001_a_scanned_cash_out_purpose_the_other_documents_outvote() -> None:
    from tests.rules.test_compare import _scanned

    # 85% of the 410,000 value: within a rate/term refinance's 97%, above cash-out's 80%
    def loan(*others: str) -> Loan:
        shaped = _ltv("348500", loan_purpose="cash_out_refinance")
        shaped.set(DocType.urla_1003, loan_amount=D("348500"))
        shaped.set(DocType.note, principal_amount=D("348500"))
        shaped.set(DocType.transmittal_1008, loan_amount=D("348500"))
        for doc_type, purpose in zip(
            (DocType.transmittal_1008, DocType.loan_estimate, DocType.closing_disclosure),
            others,
            strict=True,
        ):
            shaped.set(doc_type, loan_purpose=purpose)
        return shaped

    # the URLA's `No Cash-Out Refinance` read without its `No`
    assert run(_scanned(loan("refinance", "refinance", "refinance")), "LTV-001") == []
    # the CD's bare `Refinance` is either kind: the others say cash-out
    [issue] = run(_scanned(loan("cash_out_refinance", "refinance", "refinance")), "LTV-001")
    assert issue.limit == "80.00"
    # on a text layer the application says what it says
    [issue] = run(loan("refinance", "refinance", "refinance"), "LTV-001")
    assert issue.limit == "80.00"


def test_ltv_001_a_unit_count_no_1_4_unit_home_has_is_asked_of_the_next_source() -> None:
    # the appraisal's `1989` is a year read where the units were; the URLA says 3
    loan = _ltv("300001", occupancy="investment", units=3).set(DocType.appraisal_1004, units=1989)
    [issue] = run(loan, "LTV-001")
    assert issue.limit == "75.00" and "3-unit investment purchase" in issue.summary
    assert "1989" not in issue.summary


def test_ltv_001_scanned_unit_counts_that_disagree_take_the_highest_maximum() -> None:
    from tests.rules.test_compare import _scanned

    # investment purchase: 85% for 1 unit, 75% for 2-4; the URLA's 1 read as 4
    def loan(amount: str) -> Loan:
        shaped = _ltv(amount, occupancy="investment", units=4)
        shaped.set(DocType.urla_1003, loan_amount=D(amount))
        shaped.set(DocType.note, principal_amount=D(amount))
        shaped.set(DocType.transmittal_1008, loan_amount=D(amount))
        return shaped.set(DocType.transmittal_1008, units=1, occupancy="investment")

    assert run(_scanned(loan("328000")), "LTV-001") == []  # 82% of the 400,000 price
    [issue] = run(_scanned(loan("340001")), "LTV-001")
    assert issue.limit == "85.00" and "1 or 4-unit investment purchase" in issue.summary
    # on a text layer the documents say what they say: the first source's count
    text = loan("328000").set(DocType.appraisal_1004, units=4)
    [issue] = run(text, "LTV-001")
    assert issue.limit == "75.00"


def test_ltv_001_a_scanned_unit_count_against_a_one_unit_appraisal_form() -> None:
    from tests.rules.test_compare import _scanned

    # the URLA's 1 read as 4, the appraisal's count unread (`4958`): its
    # Form 1004 is a one-unit property's, so the count is in dispute
    def loan(form: str) -> Loan:
        shaped = _ltv("328000", occupancy="investment", units=4)  # 82% of the price
        shaped.set(DocType.urla_1003, loan_amount=D(328000))
        shaped.set(DocType.note, principal_amount=D(328000))
        shaped.set(DocType.transmittal_1008, loan_amount=D(328000))
        shaped.set(DocType.transmittal_1008, units=None, occupancy="investment")
        return shaped.set(DocType.appraisal_1004, units=4958, form_type=form)

    assert run(_scanned(loan("1004")), "LTV-001") == []
    # Form 1025 is for two to four units: 4 stands, and so does its maximum
    [issue] = run(_scanned(loan("1025")), "LTV-001")
    assert issue.limit == "75.00"
    # on a text layer the count is what the URLA says
    [issue] = run(loan("1004"), "LTV-001")
    assert issue.limit == "75.00"


def test_ltv_001_needs_the_appraisal_and_the_shape() -> None:
    assert run(_ltv("399000").drop(DocType.appraisal_1004), "LTV-001") == []
    # no occupancy read: under the highest maximum of any occupancy (97%) is
    # no finding ...
    loan = _ltv("388000").set(DocType.urla_1003, occupancy=None)
    loan.set(DocType.transmittal_1008, occupancy=None)
    assert run(loan, "LTV-001") == []
    # ... above it is, whichever the occupancy
    loan = _ltv("388001").set(DocType.urla_1003, occupancy=None)
    loan.set(DocType.transmittal_1008, occupancy=None)
    [issue] = run(loan, "LTV-001")
    assert issue.limit == "97.00"
    assert "1-unit purchase of any occupancy (the file's could not be read)" in issue.summary


def test_dti_001_a_scanned_1008_ratio_over_100_percent_is_a_misread() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    loan = clean_loan().set(DocType.transmittal_1008, dti_back=D("536.000"))
    issues, ctx = _with_run(_scanned(loan), "DTI-001")
    assert issues == [] and "dti_back 1008" in ctx.unread
    # a text layer's 1008 says what it says
    assert (
        len(run(clean_loan().set(DocType.transmittal_1008, dti_back=D("536.000")), "DTI-001")) == 1
    )
    # a scanned ratio of the right size still differs
    assert (
        len(
            run(
                _scanned(clean_loan().set(DocType.transmittal_1008, dti_back=D("41.000"))),
                "DTI-001",
            )
        )
        == 1
    )


def test_a_debt_the_application_alone_declares_counts_in_the_dti() -> None:
    from tests.rules.test_figures import figures

    extra = {"creditor": "Pioneer Card Services", "balance": D(4969), "monthly_payment": D(128)}
    summit = {"creditor": "Summit Auto Finance", "balance": D(15000), "monthly_payment": D(450)}
    # a 128.00 card payment no tradeline lists: (2,500 + 450 + 128) / 10,000
    loan = clean_loan().set_rows(DocType.urla_1003, "liabilities", [summit, extra])
    assert figures(loan)["dti_back"] == "30.78"
    # the auto loan listed under a garbled name, its balance and payment the
    # report's: the same debt, counted once
    garbled = {"creditor": "{ummit Aut0 Fin", "balance": D(15000), "monthly_payment": D(450)}
    loan = clean_loan().set_rows(DocType.urla_1003, "liabilities", [garbled])
    assert figures(loan)["dti_back"] == "29.50"
    # ... or with its balance read into the payment cell and its own name
    # run on: the report's debt still, not another declared one
    shifted = {
        "creditor": "Summt Auto Finance 2 15000.00 er",
        "balance": D(2),
        "monthly_payment": D(15000),
    }
    loan = clean_loan().set_rows(DocType.urla_1003, "liabilities", [shifted])
    assert figures(loan)["dti_back"] == "29.50"
    # ... or with specks read as words after its name and its cells garbled
    specked = {
        "creditor": "Summt Aut0 Finance Elgg Pike mead",
        "balance": D(2),
        "monthly_payment": D(700),
    }
    loan = clean_loan().set_rows(DocType.urla_1003, "liabilities", [specked])
    assert figures(loan)["dti_back"] == "29.50"
    # a creditor of another name with a word in common is another debt
    other = {**specked, "creditor": "Summit Card Services Elgg"}
    loan = clean_loan().set_rows(DocType.urla_1003, "liabilities", [other])
    assert figures(loan)["dti_back"] == "36.50"
