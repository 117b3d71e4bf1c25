from __future__ import annotations

from datetime import date, timedelta

from flightline.pipeline.model import DocType
from tests.rules.builders import Loan, clean_loan, make, run

NOTE = date(2026, 4, 15)
APP = date(2026, 3, 2)


def test_clean_file_has_no_age_findings() -> None:
    for code in ("AGE-001", "AGE-002", "AGE-003"):
        assert run(clean_loan(), code) == []
        assert run(Loan(), code) == []


def test_age_001_credit_report_past_120_days() -> None:
    at_limit = clean_loan().set(DocType.credit_report, report_date=NOTE - timedelta(days=120))
    assert run(at_limit, "AGE-001") == []
    stale = clean_loan().set(DocType.credit_report, report_date=NOTE - timedelta(days=121))
    [issue] = run(stale, "AGE-001")
    assert (issue.subject, issue.severity, issue.category) == (
        "credit_report",
        "high",
        "documentation",
    )
    assert (issue.observed, issue.limit) == ("121 days", "120 days")
    assert [e.field for e in issue.evidence] == ["report_date", "note_date"]
    assert "2025-12-15" in issue.summary


def test_age_001_measures_the_latest_statement_of_each_account() -> None:
    loan = clean_loan()
    # the January statement is old, but February is the one that counts
    loan.set(DocType.bank_statement, 0, period_end_date=NOTE - timedelta(days=200))
    assert run(loan, "AGE-001") == []
    loan.set(DocType.bank_statement, 1, period_end_date=NOTE - timedelta(days=121))
    [issue] = run(loan, "AGE-001")
    assert issue.subject == "bank_statement 5678"


def test_age_001_paystub_and_closing_date_when_the_note_is_missing() -> None:
    loan = clean_loan().drop(DocType.note)
    loan.set(DocType.paystub, pay_date=NOTE - timedelta(days=125))
    [issue] = run(loan, "AGE-001")
    assert issue.subject == "paystub borrower 1"
    assert issue.evidence[-1].field == "closing_date"
    assert run(loan.drop(DocType.closing_disclosure), "AGE-001") == []


def test_age_002_paystub_more_than_30_days_before_application() -> None:
    assert (
        run(clean_loan().set(DocType.paystub, pay_date=APP - timedelta(days=30)), "AGE-002") == []
    )
    loan = clean_loan().set(DocType.paystub, pay_date=APP - timedelta(days=31))
    [issue] = run(loan, "AGE-002")
    assert (issue.subject, issue.severity, issue.observed) == (
        "paystub borrower 1",
        "medium",
        "31 days before application",
    )


def test_age_002_only_the_latest_paystub_counts() -> None:
    loan = clean_loan().add(
        make(
            DocType.paystub,
            {
                "employee_name": "John Smith",
                "ssn_last4": "1234",
                "pay_date": APP - timedelta(days=60),
                "gross_current": 1,
            },
        )
    )
    assert run(loan, "AGE-002") == []


def test_age_002_paystub_without_ytd() -> None:
    loan = clean_loan().set(DocType.paystub, gross_ytd=None)
    assert run(loan, "AGE-002") == []  # the earnings rows still show YTD
    loan.set_rows(DocType.paystub, "earnings", [{"kind": "regular", "current_amount": 4615}])
    [issue] = run(loan, "AGE-002")
    assert issue.observed == "no year-to-date earnings"
    assert "no year-to-date" in issue.summary


def test_age_002_scanned_ytd_column_whose_figures_ocr_lost_is_unread() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    def no_ytd(caption: bool) -> Loan:
        loan = clean_loan().set(DocType.paystub, gross_ytd=None)
        if caption:
            loan.set(DocType.paystub, ytd_caption="Year to Date")
        loan.set_rows(DocType.paystub, "earnings", [{"kind": "regular", "current_amount": 4615}])
        return _scanned(loan)

    issues, ctx = _with_run(no_ytd(caption=True), "AGE-002")
    assert issues == [] and [u.subject for u in ctx.unread.values()] == ["paystub ytd borrower 1"]
    # a stub printed without a year-to-date column is the defect, scan or not
    [issue] = run(no_ytd(caption=False), "AGE-002")
    assert issue.observed == "no year-to-date earnings"


def test_age_003_appraisal_ages() -> None:
    def with_age(days: int) -> Loan:
        return clean_loan().set(DocType.appraisal_1004, effective_date=NOTE - timedelta(days=days))

    assert run(with_age(120), "AGE-003") == []
    [needs_update] = run(with_age(121), "AGE-003")
    assert (needs_update.severity, needs_update.subject) == ("high", "appraisal_1004")
    [still_update] = run(with_age(365), "AGE-003")
    assert still_update.severity == "high"
    [expired] = run(with_age(366), "AGE-003")
    assert (expired.severity, expired.observed, expired.limit) == (
        "critical",
        "366 days",
        "365 days",
    )


def test_age_003_an_update_within_120_days_clears_an_old_appraisal() -> None:
    loan = clean_loan().set(DocType.appraisal_1004, effective_date=NOTE - timedelta(days=200))
    loan.add(
        make(
            DocType.appraisal_1004,
            {"effective_date": NOTE - timedelta(days=20), "form_type": "1004D"},
        )
    )
    assert run(loan, "AGE-003") == []
    loan.set(DocType.appraisal_1004, 1, effective_date=NOTE - timedelta(days=121))
    assert len(run(loan, "AGE-003")) == 1


def test_age_002_a_scanned_application_dated_after_the_closing_is_a_misread() -> None:
    from tests.rules.test_compare import _scanned

    # `2036` for 2026: no application follows its own closing
    def loan() -> Loan:
        return clean_loan().set(DocType.urla_1003, application_date=date(2036, 3, 2))

    assert run(_scanned(loan()), "AGE-002") == []
    # on a text layer the date is what the application says
    assert len(run(loan(), "AGE-002")) == 1


def test_age_002_a_scanned_paystubs_pay_date_ocr_lost_is_unread() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    def undated() -> Loan:
        return clean_loan().set(DocType.paystub, pay_date=None)

    issues, ctx = _with_run(_scanned(undated()), "AGE-002")
    assert issues == [] and [u.subject for u in ctx.unread.values()] == ["paystub date borrower 1"]
    # a text layer without a pay date has no date to read: nothing to say
    issues, ctx = _with_run(undated(), "AGE-002")
    assert issues == [] and ctx.unread == {}


def test_age_002_a_scanned_stub_whose_dates_ocr_lost_may_be_the_latest() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    def loan(with_undated: bool) -> Loan:
        built = clean_loan().set(DocType.paystub, pay_date=APP - timedelta(days=31))
        if with_undated:
            built.add(
                make(
                    DocType.paystub,
                    {"employee_name": "John Smith", "ssn_last4": "1234", "gross_current": 1},
                )
            )
        return _scanned(built)

    # the dated stub is 31 days old, but the undated one may be later: unread
    issues, ctx = _with_run(loan(True), "AGE-002")
    assert issues == [] and "paystub date borrower 1" in {u.subject for u in ctx.unread.values()}
    # without it, the dated stub is the latest: a finding
    assert len(run(loan(False), "AGE-002")) == 1
