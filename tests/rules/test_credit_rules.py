from __future__ import annotations

from flightline.pipeline.model import DocType
from tests.rules.builders import D, Loan, clean_loan, make, run


def _scores(*medians: int) -> Loan:
    loan = clean_loan()
    loan.set_rows(
        DocType.credit_report,
        "scores",
        [
            {"borrower": b, "bureau": bureau, "score": m + delta}
            for b, m in enumerate(medians, start=1)
            for bureau, delta in (("equifax", -20), ("experian", 0), ("transunion", 15))
        ],
    )
    return loan


def test_clean_file_has_no_credit_findings() -> None:
    for code in ("CRD-001", "CRD-002"):
        assert run(clean_loan(), code) == []
        assert run(Loan(), code) == []


def test_crd_001_representative_score_below_620() -> None:
    assert run(_scores(620), "CRD-001") == []
    [issue] = run(_scores(619), "CRD-001")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "credit_report",
        "critical",
        "619",
        "620",
    )
    assert [e.value for e in issue.evidence] == ["619"]


def test_crd_001_lowest_borrower_decides() -> None:
    [issue] = run(_scores(700, 615), "CRD-001")
    assert issue.observed == "615"


def test_crd_001_average_of_medians_policy() -> None:
    ctx = _scores(700, 615).context()
    ctx.policy = ctx.policy.model_copy(update={"representative_score_method": "average_of_medians"})
    assert run(ctx, "CRD-001") == []


def _tradelines(*extra: dict[str, object]) -> Loan:
    loan = clean_loan()
    base: dict[str, object] = {
        "creditor": "SUMMIT AUTO FINANCE",
        "balance": D(15000),
        "monthly_payment": D(450),
        "account_type": "installment",
    }
    loan.set_rows(DocType.credit_report, "tradelines", [base, *extra])  # type: ignore[list-item]
    return loan


def test_crd_002_debt_missing_from_the_urla() -> None:
    card = {"creditor": "BEACON CARD SVCS", "balance": D(600), "monthly_payment": D(25)}
    [issue] = run(_tradelines(card), "CRD-002")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "BEACON CARD SVCS",
        "high",
        "not on URLA",
        "on URLA",
    )
    assert {e.field for e in issue.evidence} >= {
        "tradelines.creditor",
        "tradelines.monthly_payment",
    }


def test_crd_002_near_misses() -> None:
    # no payment: nothing owed monthly
    assert (
        run(
            _tradelines({"creditor": "X CARD", "balance": D(0), "monthly_payment": D(0)}), "CRD-002"
        )
        == []
    )
    # listed on the URLA under another spelling of the creditor
    spelt = _tradelines()
    spelt.set_rows(
        DocType.credit_report,
        "tradelines",
        [{"creditor": "Summit Auto Finance Co.", "balance": D(15000), "monthly_payment": D(450)}],
    )
    assert run(spelt, "CRD-002") == []
    # listed with the same balance and payment under another creditor name
    renamed = _tradelines()
    renamed.set_rows(
        DocType.credit_report,
        "tradelines",
        [{"creditor": "SAF LENDING", "balance": D(15000), "monthly_payment": D(450)}],
    )
    assert run(renamed, "CRD-002") == []


def test_crd_002_a_scanned_urla_with_no_liability_read_is_unread() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    card = {"creditor": "BEACON CARD SVCS", "balance": D(600), "monthly_payment": D(25)}
    loan = _tradelines(card).set_rows(DocType.urla_1003, "liabilities", [])
    issues, ctx = _with_run(_scanned(loan), "CRD-002")
    assert issues == [] and "liabilities urla" in ctx.unread
    # on a text layer an application that lists no debt leaves them all off
    bare = _tradelines(card).set_rows(DocType.urla_1003, "liabilities", [])
    assert len(run(bare, "CRD-002")) == 2
    # a scanned application that lists some still has the one it leaves off
    assert len(run(_scanned(_tradelines(card)), "CRD-002")) == 1


def test_crd_002_a_scanned_debt_whose_payment_was_lost_still_needs_listing() -> None:
    from tests.rules.test_compare import _scanned

    card = {"creditor": "BLUEWATER CARD SERVICES", "balance": D(305)}
    [issue] = run(_scanned(_tradelines(card)), "CRD-002")
    assert issue.subject == "BLUEWATER CARD SERVICES"
    assert "305.00 balance" in issue.summary
    assert {e.field for e in issue.evidence} >= {"tradelines.creditor", "tradelines.balance"}
    # nothing owed, or a debt the application lists: no finding
    paid = {"creditor": "BLUEWATER CARD SERVICES", "balance": D(0)}
    assert run(_scanned(_tradelines(paid)), "CRD-002") == []
    listed = {"creditor": "Summit Auto Finance", "balance": D(15000)}
    assert run(_scanned(_tradelines(listed)), "CRD-002") == []
    # a mortgage whose payment was lost may be the one this loan pays off
    mortgage = {"creditor": "BEACON MORTGAGE CO", "balance": D(256000), "account_type": "mortgage"}
    assert run(_scanned(_tradelines(mortgage)), "CRD-002") == []


def test_crd_002_a_scanned_urla_creditor_run_on_into_the_next_cells_is_listed() -> None:
    from tests.rules.test_compare import _scanned

    card = {"creditor": "FRONTIER CREQIT CARD", "balance": D(8917), "monthly_payment": D(295)}
    loan = _tradelines(card)
    liabilities = [
        {"creditor": "Summit Auto Finance", "balance": D(15000), "monthly_payment": D(450)},
        {"creditor": "Frontier Credit Card 71700. Dale Oy", "balance": D(71700)},
    ]
    loan.set_rows(DocType.urla_1003, "liabilities", liabilities)  # type: ignore[arg-type]
    assert run(_scanned(loan), "CRD-002") == []
    # another creditor is still missing
    other = _tradelines(
        {"creditor": "BEACON AUTO LENDING", "balance": D(8917), "monthly_payment": D(295)}
    )
    other.set_rows(DocType.urla_1003, "liabilities", liabilities)  # type: ignore[arg-type]
    assert len(run(_scanned(other), "CRD-002")) == 1


def test_crd_002_a_page_taken_for_an_application_with_nothing_read_lists_nothing() -> None:
    from tests.rules.test_compare import _scanned, _with_run

    card = {"creditor": "BEACON CARD SVCS", "balance": D(600), "monthly_payment": D(25)}
    loan = _scanned(_tradelines(card).set_rows(DocType.urla_1003, "liabilities", []))
    loan.add(make(DocType.urla_1003, {}))
    issues, ctx = _with_run(loan, "CRD-002")
    assert issues == [] and "liabilities urla" in ctx.unread


def test_crd_002_a_scanned_creditor_sharing_only_generic_words_is_another() -> None:
    from tests.rules.test_compare import _scanned

    liabilities = [
        {"creditor": "Summit Auto Finance", "balance": D(15000), "monthly_payment": D(450)},
        {"creditor": "Granite Credit Card", "balance": D(9274), "monthly_payment": D(230)},
    ]
    card = {"creditor": "HERITAGE CREDIT CARD", "balance": D(769), "monthly_payment": D(23)}
    loan = _tradelines(card)
    loan.set_rows(DocType.urla_1003, "liabilities", liabilities)  # type: ignore[arg-type]
    [issue] = run(_scanned(loan), "CRD-002")
    assert issue.subject == "HERITAGE CREDIT CARD"
    # the same creditor with a glyph misread in each of two words is listed
    misread = {"creditor": "GRANlTE CREDT CARD", "balance": D(9247), "monthly_payment": D(280)}
    loan = _tradelines(misread)
    loan.set_rows(DocType.urla_1003, "liabilities", liabilities)  # type: ignore[arg-type]
    assert run(_scanned(loan), "CRD-002") == []
