from __future__ import annotations

import pytest

from flightline.pipeline.model import DocType
from tests.rules.builders import D, Loan, clean_loan, run


def test_clean_file_has_no_consistency_findings() -> None:
    for code in ("CNS-001", "CNS-002"):
        assert run(clean_loan(), code) == []
        assert run(Loan(), code) == []


def test_cns_001_note_and_cd_disagree() -> None:
    loan = clean_loan().set(DocType.note, interest_rate=D("6.625"), monthly_pi=D("1920.93"))
    issues = run(loan, "CNS-001")
    assert [(i.subject, i.observed, i.limit) for i in issues] == [
        ("interest_rate", "6.625%", "6.500%"),
        ("monthly_pi", "1920.93", "1896.20"),
    ]
    assert all(i.severity == "high" for i in issues)
    assert [e.field for e in issues[0].evidence] == ["interest_rate", "interest_rate"]


def test_cns_001_amount_to_the_cent() -> None:
    same = clean_loan().set(DocType.note, principal_amount=D("300000.00"), interest_rate=D("6.5"))
    assert run(same, "CNS-001") == []
    [issue] = run(clean_loan().set(DocType.note, principal_amount=D("300000.01")), "CNS-001")
    assert (issue.subject, issue.observed, issue.limit) == ("loan_amount", "300000.01", "300000.00")


def test_cns_001_needs_both_documents() -> None:
    loan = clean_loan().set(DocType.note, interest_rate=D(7)).drop(DocType.closing_disclosure)
    assert run(loan, "CNS-001") == []


@pytest.mark.parametrize(
    "address",
    [
        "123 MAIN ST, SPRINGFIELD, IL 62701-4411",
        "123 Main St., Springfield, IL 62701",
        "123 main street springfield il 62701",
    ],
)
def test_cns_002_formatting_is_not_a_difference(address: str) -> None:
    assert run(clean_loan().set(DocType.appraisal_1004, property_address=address), "CNS-002") == []


def test_cns_002_address_differs() -> None:
    loan = clean_loan().set(
        DocType.appraisal_1004, property_address="132 Main St, Springfield, IL 62701"
    )
    [issue] = run(loan, "CNS-002")
    assert (issue.subject, issue.severity, issue.observed) == (
        "property_address",
        "medium",
        "132 Main St, Springfield, IL 62701",
    )
    assert "appraisal" in issue.summary


def test_cns_002_unit_designators() -> None:
    loan = clean_loan()
    for doc_type in (DocType.urla_1003, DocType.note):
        loan.set(doc_type, property_address="123 Main Street Apt 4, Springfield, IL 62701")
    loan.set(
        DocType.closing_disclosure, property_address="123 MAIN ST UNIT 4, SPRINGFIELD, IL 62701"
    )
    loan.set(DocType.appraisal_1004, property_address="123 Main St #4, Springfield, IL 62701")
    assert run(loan, "CNS-002") == []
    loan.set(DocType.appraisal_1004, property_address="123 Main St #5, Springfield, IL 62701")
    assert len(run(loan, "CNS-002")) == 1


def test_cns_002_the_rest_of_the_file_breaks_a_tie_of_misreads() -> None:
    from tests.rules.builders import make
    from tests.rules.test_compare import _scanned

    # the CD's `923` and the URLA's `124` each one figure from the
    # appraisal's `123`, which the title and flood pages print too
    def loan(*, seconds: bool) -> Loan:
        shaped = clean_loan().drop(DocType.note).drop(DocType.loan_estimate)
        for doc_type, number in (
            (DocType.appraisal_1004, 123),
            (DocType.closing_disclosure, 923),
            (DocType.urla_1003, 124),
        ):
            shaped.set(doc_type, property_address=f"{number} Main St, Springfield, IL 62701")
        if seconds:
            for doc_type in (DocType.title_commitment, DocType.flood_certificate):
                address = "123 Main St, Springfield, IL 62701"
                shaped.add(make(doc_type, {"property_address": address}))
        return _scanned(shaped)

    assert run(loan(seconds=True), "CNS-002") == []
    # with no other document to second either reading, the two differ
    assert len(run(loan(seconds=False), "CNS-002")) == 1


def test_cns_002_a_scanned_form_read_apart_from_its_twin_that_agrees_is_the_misread() -> None:
    from tests.rules.builders import make
    from tests.rules.test_compare import _scanned, _with_run

    # two applications: one reads the file's `15541`, the other `45544`
    def loan(second: str) -> Loan:
        built = clean_loan()
        for doc_type in (DocType.urla_1003, DocType.note, DocType.closing_disclosure):
            built.set(doc_type, property_address="15541 Maple Pl, Evansburgh, PA 17291")
        built.set(DocType.appraisal_1004, property_address="15541 Maple Pl, Evansburgh, PA 17291")
        built.add(make(DocType.urla_1003, {"property_address": second}))
        return _scanned(built)

    issues, ctx = _with_run(loan("45544 Maple Place, Evansburgh, PA 17291"), "CNS-002")
    assert issues == []
    assert [u.subject.split()[:2] for u in ctx.unread.values()] == [["property", "address"]]
    # both applications reading another number (the defect changes every copy)
    both = loan("15514 Maple Place, Evansburgh, PA 17291")
    both.set(DocType.urla_1003, property_address="15514 Maple Place, Evansburgh, PA 17291")
    assert len(run(both, "CNS-002")) == 1


def test_cns_002_a_scanned_address_with_marks_no_address_prints_is_unread() -> None:
    from tests.rules.test_compare import _scanned

    garbled = "360 [ieee Main St, Springfield, IL 62701"
    ctx = _scanned(clean_loan().set(DocType.note, property_address=garbled)).context()
    assert run(ctx, "CNS-002") == []
    assert any("property address on the Note" in u.what for u in ctx.unread.values())
    # a speck at either end is only a speck: the number still differs
    specked = _scanned(
        clean_loan().set(DocType.note, property_address="[360 Main St, Springfield, IL 62701")
    )
    assert len(run(specked, "CNS-002")) == 1
    # a text layer says what it says
    typed = clean_loan().set(DocType.note, property_address=garbled)
    assert len(run(typed, "CNS-002")) == 1
