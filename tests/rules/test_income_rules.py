from __future__ import annotations

from datetime import date

import pytest

from flightline.pipeline.model import DocType
from tests.rules.builders import D, Loan, clean_loan, run

CODES = ("INC-001", "INC-002", "INC-003", "INC-004", "INC-005")


def test_clean_file_has_no_income_findings() -> None:
    for code in CODES:
        assert run(clean_loan(), code) == []
        assert run(Loan(), code) == []


def test_inc_001_stated_income_over_the_tolerance() -> None:
    # recalculated 10,000.00; tolerance 5%
    at_limit = clean_loan().set(DocType.urla_1003, income_total_monthly=D("10500.00"))
    assert run(at_limit, "INC-001") == []
    over = clean_loan().set(DocType.urla_1003, income_total_monthly=D("10500.01"))
    [issue] = run(over, "INC-001")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "borrower 1",
        "high",
        "10500.01",
        "10500.00",
    )
    assert issue.evidence[0].field == "income_total_monthly"


def test_inc_001_the_sum_of_every_line_when_the_total_was_not_read() -> None:
    def stated(base: str, commission: str | None = "0") -> Loan:
        return clean_loan().set(
            DocType.urla_1003,
            income_total_monthly=None,
            income_base_monthly=D(base),
            income_commission_monthly=None if commission is None else D(commission),
            income_other_monthly=D(0),
        )

    assert run(stated("10500.00"), "INC-001") == []
    [issue] = run(stated("10500.01"), "INC-001")
    assert issue.observed == "10500.01" and issue.evidence[0].field == "income_base_monthly"
    # a line not read either: nothing is stated
    assert run(stated("10500.01", commission=None), "INC-001") == []


def test_inc_001_needs_a_recalculated_income() -> None:
    loan = clean_loan().drop(DocType.paystub).drop(DocType.voe)
    assert run(loan.set(DocType.urla_1003, income_total_monthly=D(20000)), "INC-001") == []


def _declining(wages: str, stated: str) -> Loan:
    # YTD 23,400 through day 73 (2.4 months): 117,000 a year
    loan = clean_loan()
    loan.set(DocType.voe, ytd_base_income=D(23400), ytd_through_date=date(2026, 3, 14))
    loan.set(DocType.w2, 0, box1_wages=D(wages))
    return loan.set(DocType.urla_1003, income_total_monthly=D(stated))


def test_inc_002_declining_income_not_averaged_down() -> None:
    [issue] = run(_declining("130000.01", "10001.01"), "INC-002")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "borrower 1",
        "medium",
        "10001.01",
        "10000.00",
    )
    assert "2025 W-2" in issue.summary


def test_inc_002_near_misses() -> None:
    # exactly 90% of the prior year's W-2 is not declining
    assert run(_declining("130000.00", "10500.00"), "INC-002") == []
    # declining, but the stated income was averaged down to the recalculated figure
    assert run(_declining("130000.01", "10001.00"), "INC-002") == []


def test_inc_002_scanned_wages_above_their_medicare_wages_are_a_misread() -> None:
    from tests.rules.test_compare import _scanned

    def loan(medicare: str) -> Loan:
        built = _declining("130000.01", "10001.01")
        return built.set(DocType.w2, 0, box5_medicare_wages=D(medicare))

    # box 1 never counts more than box 5: on a scan, a figure misread
    ctx = _scanned(loan("120000.00")).context()
    assert run(ctx, "INC-002") == []
    assert any(key.startswith("w2 wages") for key in ctx.unread)
    # on a text layer the W-2 says what it says; and a scan within its box 5 stands
    assert len(run(loan("120000.00"), "INC-002")) == 1
    assert len(run(_scanned(loan("130000.01")), "INC-002")) == 1


def test_inc_002_without_the_prior_year_w2_measures_against_the_voe() -> None:
    def loan(prior_base: str | None) -> Loan:
        built = _declining("130000.01", "10400.00")
        built.set(DocType.w2, 0, tax_year=2023)
        return built.set(
            DocType.voe,
            prior_year_base_income=D(prior_base) if prior_base else None,
            prior_year_overtime_income=D("0.00"),
            prior_year_bonus_income=None,
        )

    # no 2025 W-2: the VOE's 2025 earnings are the year to measure against
    [issue] = run(loan("130000.01"), "INC-002")
    assert "2025 earnings on the VOE" in issue.summary
    assert run(loan("130000.00"), "INC-002") == []  # exactly 90%: not declining
    assert run(loan(None), "INC-002") == []  # neither read: nothing to measure


def _bonus(prior: str, since: date | None = None) -> Loan:
    loan = clean_loan()
    loan.set(
        DocType.voe,
        ytd_bonus_income=D(3000),
        prior_year_bonus_income=D(prior),
        ytd_through_date=date(2026, 3, 31),
        employment_start_date=since,
    )
    return loan.set(DocType.urla_1003, income_bonus_monthly=D("1000.00"))


def test_inc_003_bonus_counted_without_twelve_months() -> None:
    [issue] = run(_bonus("0"), "INC-003")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "borrower 1 bonus",
        "high",
        "3.0 months",
        "12 months",
    )


def test_inc_003_near_misses() -> None:
    assert run(_bonus("12000"), "INC-003") == []
    # employed exactly twelve months: enough history
    assert run(_bonus("12000", date(2025, 3, 31)), "INC-003") == []
    [issue] = run(_bonus("12000", date(2025, 4, 1)), "INC-003")
    assert issue.subject == "borrower 1 bonus"
    # history too short but not counted on the URLA: nothing to flag
    assert run(_bonus("0").set(DocType.urla_1003, income_bonus_monthly=D(0)), "INC-003") == []


def test_inc_004_voe_within_ten_business_days_before_the_note() -> None:
    # note 2026-04-15: ten general business days before is 2026-04-01
    in_window = clean_loan().set(DocType.voe, 1, verification_date=date(2026, 4, 1))
    assert run(in_window, "INC-004") == []
    late = clean_loan().set(DocType.voe, 1, verification_date=date(2026, 3, 31))
    [issue] = run(late, "INC-004")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "borrower 1",
        "critical",
        "11 business days",
        "10 business days",
    )


def test_inc_004_no_verbal_voe_at_all() -> None:
    loan = clean_loan()
    loan.docs.remove(loan.one(DocType.voe, 1))
    [issue] = run(loan, "INC-004")
    assert "2026-03-04" in issue.summary  # the written VOE is too early
    after_note = clean_loan().set(DocType.voe, 1, verification_date=date(2026, 4, 16))
    assert len(run(after_note, "INC-004")) == 1


def test_inc_004_a_scanned_voe_dated_after_the_note_was_misread() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    def loan() -> Loan:
        # the verbal VOE's 2026-04-13 read with the year 2036
        return clean_loan().set(DocType.voe, 1, verification_date=date(2036, 4, 13))

    issues, ctx = _with_run(_scanned(loan()), "INC-004")
    assert issues == [] and "verification date borrower 1" in ctx.unread
    # on a text layer, a VOE after the note is not one before it
    assert len(run(loan(), "INC-004")) == 1


def test_inc_005_employer_differs() -> None:
    formatted = clean_loan().set(DocType.w2, 0, employer_name="ACME LOGISTICS INC")
    assert run(formatted, "INC-005") == []
    other = clean_loan().set(DocType.w2, 0, employer_name="Acme Freight LLC")
    [issue] = run(other, "INC-005")
    assert (issue.subject, issue.observed) == ("borrower 1", "Acme Freight LLC")
    assert "W-2 (2025)" in issue.summary


@pytest.mark.parametrize(
    "address",
    [
        "18789 Calderon Street, South Williamstad, UT",
        "or Busines",
        "[Empboyee",  # a caption's edge, with a symbol no company's name holds
        "idgntification number (EDN",
        "Yon tis job",  # a caption's sentence, in small letters
        "jes State",  # a caption's fragment: a first word all in small letters
        "Etptoyee",  # the caption `Employee`, misspelt
        "Addregs",  # the caption `Address`, misspelt
        "joyee",  # the end of the caption `Employee`, in small letters
        "TERE ty",  # a garbled word ending in a speck of small letters
        "CERYIFICATION",  # a form's label misspelt
        "Jon M. Smith",  # the borrower's own name, a letter off
    ],
)
def test_inc_005_an_address_or_a_caption_read_as_a_scanned_employer_is_unread(
    address: str,
) -> None:
    from tests.rules.test_compare import _scanned, _with_run

    loan = _scanned(clean_loan().set(DocType.w2, 0, employer_name=address))
    issues, ctx = _with_run(loan, "INC-005")
    assert issues == [] and [u.subject.split()[0] for u in ctx.unread.values()] == ["employer"]
    # on a text layer it is what the W-2 says
    assert len(run(clean_loan().set(DocType.w2, 0, employer_name=address), "INC-005")) == 1


def test_inc_005_a_scanned_employer_cut_short_is_unsure_not_different() -> None:
    from flightline.rules.compare import Verdict
    from flightline.rules.income_rules import _employer_verdict
    from flightline.rules.keys import employer_key

    full = employer_key("Porter & Marshall Insurance Services Corporation")
    assert _employer_verdict(employer_key("Porter"), full, True) is Verdict.UNSURE
    assert _employer_verdict(employer_key("Porter"), full, False) is Verdict.DIFFERENT
    # no first words shared: another employer, scan or not
    assert _employer_verdict(employer_key("Marshall"), full, True) is Verdict.DIFFERENT
    # a speck glued to the longer reading's first word (`eJenkins`)
    long = employer_key("eJenkins & Hernandez Logistics Corp.")
    assert _employer_verdict(employer_key("Jenkins"), long, True) is Verdict.UNSURE
    # but not another first word of the same length
    assert _employer_verdict(employer_key("Jordan"), long, True) is Verdict.DIFFERENT
    # the first words garbled to a fragment, the rest the other's
    park = employer_key("Park Health Partners Company")
    assert _employer_verdict(employer_key("Fn Partners Company"), park, True) is Verdict.UNSURE
    assert _employer_verdict(employer_key("Fn Partners Company"), park, False) is Verdict.DIFFERENT
    # a whole word before the same tail is another employer
    other = employer_key("Acme Partners Company")
    assert _employer_verdict(other, park, True) is Verdict.DIFFERENT


def test_inc_005_an_accent_on_a_speck_is_the_same_employer() -> None:
    from flightline.rules.keys import employer_key

    assert employer_key("Brown Electric C\u00f3mpany") == employer_key("BROWN ELECTRIC COMPANY")
    assert employer_key("Br\u00f6wn Electric") == employer_key("BROWN ELECTRIC")


def test_inc_003_past_year_unread_on_a_scanned_voe_is_unread_not_a_short_history() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    unread = _bonus("0").set(DocType.voe, prior_year_bonus_income=None)
    issues, ctx = _with_run(_scanned(unread), "INC-003")
    assert issues == [] and any("bonus history" in k for k in ctx.unread)
    # a scanned VOE that reads the past year as none still fires
    assert len(run(_scanned(_bonus("0")), "INC-003")) == 1
    # employed under a year: no past-year figure to miss, the history is short
    recent = _bonus("0", date(2025, 9, 1)).set(DocType.voe, prior_year_bonus_income=None)
    assert len(run(_scanned(recent), "INC-003")) == 1
    # a text layer without the past year's figure has none
    assert len(run(_bonus("0").set(DocType.voe, prior_year_bonus_income=None), "INC-003")) == 1


def test_inc_001_a_scanned_total_its_own_lines_contradict_is_unread() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    # lines 10,000.00 (within tolerance), the total read 14,000.00
    lines = {"income_commission_monthly": D(0), "income_other_monthly": D(0)}
    misread = clean_loan().set(DocType.urla_1003, income_total_monthly=D("14000.00"), **lines)
    issues, ctx = _with_run(_scanned(misread), "INC-001")
    assert issues == [] and "stated income borrower 1" in ctx.unread
    # lines and total agree above the tolerance: a finding
    both = clean_loan().set(
        DocType.urla_1003,
        income_base_monthly=D("14000.00"),
        income_total_monthly=D("14000.00"),
        **lines,
    )
    assert len(run(_scanned(both), "INC-001")) == 1
    # on a text layer the total is what the URLA states
    text = clean_loan().set(DocType.urla_1003, income_total_monthly=D("14000.00"))
    assert len(run(text, "INC-001")) == 1


def test_inc_001_a_scanned_total_a_figure_off_the_lines_beside_an_unread_one_is_unread() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    # `OVERTIME  g00` unread, the other lines 10,000.00, the total read
    # 14,000.00: a figure of the total misread, or 4,000.00 of overtime
    lines = {"income_commission_monthly": D(0), "income_other_monthly": D(0)}

    def box(total: str) -> Loan:
        return clean_loan().set(
            DocType.urla_1003,
            income_total_monthly=D(total),
            income_overtime_monthly=None,
            **lines,
        )

    issues, ctx = _with_run(_scanned(box("14000.00")), "INC-001")
    assert issues == [] and "stated income borrower 1" in ctx.unread
    # a total no one figure takes to the lines stands
    assert len(run(_scanned(box("13500.00")), "INC-001")) == 1


def test_a_scanned_application_whose_name_was_not_read_is_still_the_borrowers() -> None:
    from tests.rules.test_compare import _scanned

    over = clean_loan().set(
        DocType.urla_1003, income_total_monthly=D("14000.00"), borrower_name=None
    )
    # the stated income is found through the party with the application's SSN
    assert [i.code for i in run(_scanned(over), "INC-001")] == ["INC-001"]
    # with no SSN read either, in a file of one borrower the application is
    # that borrower's (as every per-borrower document is): its stated income
    # is checked, not left unjudged
    anonymous = clean_loan().set(
        DocType.urla_1003, income_total_monthly=D("14000.00"), borrower_name=None, ssn_last4=None
    )
    assert [i.code for i in run(_scanned(anonymous), "INC-001")] == ["INC-001"]


def test_inc_005_a_quote_mark_before_a_scanned_employer_is_a_speck() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    quoted = _scanned(clean_loan().set(DocType.w2, 0, employer_name='"Acme Logistics Inc'))
    issues, ctx = _with_run(quoted, "INC-005")
    assert issues == [] and ctx.unread == {}
    other = _scanned(clean_loan().set(DocType.w2, 0, employer_name="\u201cBeacon Health Co"))
    assert len(run(other, "INC-005")) == 1


def test_inc_005_a_mark_for_the_space_between_a_scanned_employers_words_is_a_speck() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    same = _scanned(clean_loan().set(DocType.w2, 0, employer_name="Acme*Logistics Inc"))
    issues, ctx = _with_run(same, "INC-005")
    assert issues == [] and ctx.unread == {}
    other = _scanned(clean_loan().set(DocType.w2, 0, employer_name="Evans*Analytics Inc"))
    assert len(run(other, "INC-005")) == 1


def test_inc_005_an_address_run_on_after_a_scanned_employer_is_dropped() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    run_on = "Acme Logistics Inc: 8173 Young Street, West Katelynton, MI"
    same = _scanned(clean_loan().set(DocType.w2, 0, employer_name=run_on))
    issues, ctx = _with_run(same, "INC-005")
    assert issues == [] and ctx.unread == {}
    other = run_on.replace("Acme Logistics", "Beacon Health")
    assert len(run(_scanned(clean_loan().set(DocType.w2, 0, employer_name=other)), "INC-005")) == 1


def test_inc_005_the_borrowers_name_run_on_after_a_scanned_employer_is_dropped() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    glued = _scanned(clean_loan().set(DocType.w2, 0, employer_name="Acme Logistics Inc John Smith"))
    # the same employer: neither a finding nor a value left unread
    issues, ctx = _with_run(glued, "INC-005")
    assert issues == [] and ctx.unread == {}
    # another employer with the name run on is still another employer
    other = _scanned(clean_loan().set(DocType.w2, 0, employer_name="Beacon Health Co John Smith"))
    assert len(run(other, "INC-005")) == 1


def test_inc_005_a_scanned_employer_with_one_word_quite_another_is_another() -> None:
    from flightline.rules.compare import Verdict
    from flightline.rules.income_rules import _employer_verdict
    from flightline.rules.keys import employer_key
    from tests.rules.test_compare import _scanned, _with_run

    ref = employer_key("Williams Pharmacy Services, Inc.")
    # the same trade's words, another name: another employer, not a misread
    other = employer_key("Jennings Pharmacy Services Co.")
    assert _employer_verdict(other, ref, True) is Verdict.DIFFERENT
    # a name with a letter or two misread is still no finding
    for garbled in ("Wiliams Pharmacy Services", "Wllhams Pharmacy Services"):
        assert _employer_verdict(employer_key(garbled), ref, True) is not Verdict.DIFFERENT
    swapped = _scanned(clean_loan().set(DocType.w2, 0, employer_name="Zenith Logistics Inc"))
    assert [i.code for i in run(swapped, "INC-005")] == ["INC-005"]
    # a single quote before the box is a speck like a double one
    quoted = _scanned(clean_loan().set(DocType.w2, 0, employer_name="\u2018Acme Logistics Inc"))
    issues, ctx = _with_run(quoted, "INC-005")
    assert issues == [] and ctx.unread == {}
