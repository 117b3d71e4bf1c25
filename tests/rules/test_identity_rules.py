from __future__ import annotations

from datetime import date

import pytest

from flightline.pipeline.model import DocType
from flightline.rules.facts import facts
from tests.rules.builders import D, Loan, clean_loan, make, run


def test_clean_file_has_no_identity_findings() -> None:
    for code in ("IDN-001", "IDN-002"):
        assert run(clean_loan(), code) == []
        assert run(Loan(), code) == []


@pytest.mark.parametrize(
    "name",
    ["SMITH, JOHN MICHAEL", "john smith", "John M Smith", "Smith, John M.", "JOHN SMITH JR"],
)
def test_idn_001_formatting_is_not_a_difference(name: str) -> None:
    assert run(clean_loan().set(DocType.w2, 0, employee_name=name), "IDN-001") == []


def test_idn_001_spelling_difference() -> None:
    loan = clean_loan().set(DocType.w2, 0, employee_name="JOHN M SMYTH")
    [issue] = run(loan, "IDN-001")
    assert (issue.subject, issue.severity, issue.observed) == (
        "borrower 1",
        "medium",
        "JOHN M SMYTH",
    )
    assert "W-2 (2025)" in issue.summary
    assert [e.field for e in issue.evidence][-1] == "employee_name"


def test_idn_001_on_a_loan_level_document() -> None:
    [issue] = run(clean_loan().set(DocType.note, borrower_name="Jon Smith"), "IDN-001")
    assert issue.observed == "Jon Smith"
    assert "Note" in issue.summary


def _couple() -> Loan:
    loan = clean_loan(co_borrower=True)
    loan.add(
        make(
            DocType.urla_1003,
            {
                "borrower_name": "Mary Ann Jones",
                "ssn_last4": "9876",
                "employer_name": "Beacon Health",
                "co_borrower_name": "John Smith",
                "co_borrower_ssn_last4": "1234",
            },
        )
    )
    loan.add(
        make(
            DocType.paystub,
            {
                "employee_name": "Mary A. Jones",
                "ssn_last4": "9876",
                "employer_name": "Beacon Health",
                "pay_date": date(2026, 2, 20),
                "annual_salary": D(60000),
            },
        )
    )
    loan.set(DocType.note, co_borrower_name="Mary Jones")
    return loan


def test_idn_001_and_002_per_borrower() -> None:
    loan = _couple()
    assert run(loan, "IDN-001") == []
    assert run(loan, "IDN-002") == []
    loan.set(DocType.note, co_borrower_name="Mary Jonas")
    [issue] = run(loan, "IDN-001")
    assert (issue.subject, issue.observed, issue.limit) == (
        "borrower 2",
        "Mary Jonas",
        "Mary Ann Jones",
    )


def test_idn_001_a_scanned_party_named_nearer_the_other_borrower_is_that_one() -> None:
    from tests.rules.test_compare import _scanned

    # the Note names the co-borrower first, her name read with a speck
    loan = _couple().set(DocType.note, borrower_name="Mary A. Jonas", co_borrower_name=None)
    assert run(_scanned(loan), "IDN-001") == []
    # on a text layer its place says whose name it is: a difference
    loan = _couple().set(DocType.note, borrower_name="Mary A. Jonas", co_borrower_name=None)
    assert len(run(loan, "IDN-001")) == 1
    # a reading naming both parties (its `and` glued on) is its first one's
    both = _couple().set(DocType.note, borrower_name="John Smithvand Mary Ann Jones")
    assert run(_scanned(both.set(DocType.note, co_borrower_name=None)), "IDN-001") == []


def test_idn_002_ssn_differs() -> None:
    loan = clean_loan().set(DocType.paystub, ssn_last4="4321")
    [issue] = run(loan, "IDN-002")
    assert (issue.subject, issue.severity, issue.observed, issue.limit) == (
        "borrower 1",
        "high",
        "4321",
        "1234",
    )
    formatted = clean_loan().set(DocType.paystub, ssn_last4="XXX-XX-1234")
    assert run(formatted, "IDN-002") == []


def test_idn_002_co_borrower_on_the_credit_report() -> None:
    loan = _couple()
    loan.set(DocType.credit_report, co_borrower_name="JONES, MARY A", co_borrower_ssn_last4="9875")
    [issue] = run(loan, "IDN-002")
    assert (issue.subject, issue.observed, issue.limit) == ("borrower 2", "9875", "9876")


def test_relatives_sharing_first_and_last_names_stay_two_borrowers() -> None:
    loan = clean_loan()
    loan.set(DocType.urla_1003, co_borrower_name="John R. Smith", co_borrower_ssn_last4="5555")
    loan.add(
        make(
            DocType.urla_1003,
            {
                "borrower_name": "John Robert Smith",
                "ssn_last4": "5555",
                "employer_name": "Beacon Health",
                "co_borrower_name": "John Michael Smith",
                "co_borrower_ssn_last4": "1234",
            },
        )
    )
    son = {"employee_name": "JOHN R SMITH", "ssn_last4": "5555", "employer_name": "Beacon Health"}
    loan.add(make(DocType.w2, {"tax_year": 2025, **son}))
    loan.add(make(DocType.w2, {"tax_year": 2024, **son}))
    ctx = loan.context()
    f = facts(ctx)
    assert [(b.index, b.ssn4) for b in f.borrowers] == [(1, "1234"), (2, "5555")]
    owners = [f.owner(w) for w in loan.all(DocType.w2)]
    assert [o.index if o else None for o in owners] == [1, 1, 2, 2]
    assert run(ctx, "IDN-002") == []
    assert run(ctx, "INC-005") == []


def test_idn_001_two_parties_with_a_glued_and_on_a_scan_is_the_first() -> None:
    from tests.rules.test_compare import _scanned

    glued = clean_loan().set(DocType.note, borrower_name="John M. Smithand Mary A. Jones")
    assert run(_scanned(glued), "IDN-001") == []
    # the `and` with a letter misread (`Smithagd`)
    misread = clean_loan().set(DocType.note, borrower_name="John M. Smithagd Mary A. Jones")
    assert run(_scanned(misread), "IDN-001") == []
    # one person with a name in -and is compared whole: a real difference
    # after it still fires
    rowland = clean_loan().set(DocType.note, borrower_name="John Rowland Jones")
    assert len(run(_scanned(rowland), "IDN-001")) == 1
    # a middle name in -ard before the last name and a suffix is one person
    leonard = clean_loan().set(DocType.note, borrower_name="John Leonard Smith Jr.")
    assert run(_scanned(leonard), "IDN-001") == []


def test_idn_001_a_space_read_as_a_quote_between_names_is_a_space() -> None:
    from tests.rules.test_compare import _scanned

    quoted = clean_loan().set(DocType.note, borrower_name="John\u2019Michael Smith")
    assert run(_scanned(quoted), "IDN-001") == []


def test_idn_001_a_comma_speck_after_the_first_name_and_a_glyph_misread_elsewhere() -> None:
    from tests.rules.test_compare import _scanned

    # the URLA's comma is a speck (all three words right, first name first);
    # the Note's `ni` is OCR's m: the same person on both
    loan = clean_loan().set(DocType.urla_1003, borrower_name="#John, Michael Smith")
    loan = loan.set(DocType.note, borrower_name="John Sniith")
    assert run(_scanned(loan), "IDN-001") == []


def test_idn_002_two_figures_apart_on_a_scan_differ_only_when_both_read_whole() -> None:
    from dataclasses import replace

    from tests.rules.test_compare import _scanned

    def read_as(paystub: str, urla: str) -> Loan:
        loan = _scanned(clean_loan().set(DocType.paystub, ssn_last4="1094"))
        for doc_type, line in ((DocType.paystub, paystub), (DocType.urla_1003, urla)):
            d = loan.one(doc_type)
            found = d.fields["ssn_last4"]
            d.fields["ssn_last4"] = replace(found, evidence=replace(found.evidence, text=line))
        return loan

    # `xxx-xx-1094` beside `XXX-XX-1234`: both masks read intact, another number
    [issue] = run(read_as("SSN: xxx-xx-1094", "SSN XXX-XX-1234"), "IDN-002")
    assert (issue.observed, issue.limit) == ("1094", "1234")
    # a garbled mask (`H#itt-#H-1094`) may have misread a pair of its figures
    assert run(read_as("SSN: H#itt-#H-1094", "SSN XXX-XX-1234"), "IDN-002") == []
    assert run(read_as("SSN: xxx-xx-1094", "SSN XXXXX1234"), "IDN-002") == []


def test_idn_001_a_scanned_misspelling_both_copies_of_a_w2_read_alike() -> None:
    from tests.rules.test_compare import _scanned

    def loan(first: str, copy: str | None) -> Loan:
        built = clean_loan().set(DocType.w2, 0, employee_name=first)
        if copy is not None:
            built.set(DocType.w2, 0, employee_name_copy=copy)
        return _scanned(built)

    # one reading a letter short could be a misread: not judged
    assert run(loan("John M Smth", None), "IDN-001") == []
    # both copies short of the same letter (the other word misread on one): printed so
    [issue] = run(loan("Jonn M Smth", "John M Smth"), "IDN-001")
    assert issue.observed == "Jonn M Smth"
    # copies that read the name right between them settle nothing
    assert run(loan("John M Smth", "John M Smith"), "IDN-001") == []
