"""Tolerant comparisons: a value from an OCR'd page is forgiven OCR's
look-alikes (and a difference of the size OCR noise makes is "unsure", not a
finding), while a real difference fires even on OCR'd values, and text-layer
values are compared exactly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from flightline.pipeline.model import DocType, FieldValue
from flightline.rules.compare import (
    Verdict,
    address_verdict,
    compare_amounts,
    compare_dates,
    compare_digits,
    compare_name_words,
    compare_names,
    compare_rates,
    compare_ssn,
    compare_text,
    fold,
)
from flightline.rules.engine import REGISTRY, Issue, LoanContext, run_rules
from flightline.rules.facts import facts
from flightline.rules.figures import compute_figures
from flightline.rules.keys import (
    address_key,
    employer_key,
    garbled,
    looks_like_company,
    name_key,
    name_words,
)
from tests.rules.builders import D, Loan, clean_loan, make, run

SAME, DIFFERENT, UNSURE = Verdict.SAME, Verdict.DIFFERENT, Verdict.UNSURE


def _names(a: str, b: str, ocr: bool) -> Verdict:
    ka, kb = name_key(a), name_key(b)
    assert ka is not None and kb is not None
    return compare_names(ka, kb, ocr)


def test_fold_makes_lookalikes_equal() -> None:
    assert fold("M0RR1S0N") == fold("Morrison")
    assert fold("Harn1lton") == fold("Hamilton")  # rn read for m
    assert fold("Wiliains") == fold("Wiliams")  # in read for m
    assert fold("Canieron") == fold("Cameron")  # ni read for m


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("MICHAEL VASQUEZ", "MICHAEL VASQUEZ"),
        ("Michael Vasquez", "M1CHAEL VASQUEZ"),  # 1 for I
        ("Jennifer Hamilton", "Jennifer Harnilton"),  # rn for m
        ("Olivia Morrison", "0livia Morris0n"),  # 0 for O
    ],
)
def test_names_same_despite_ocr_lookalikes(a: str, b: str) -> None:
    assert _names(a, b, ocr=True) is SAME


def test_names_ocr_lookalikes_are_a_difference_on_a_text_layer() -> None:
    # a text layer has no OCR noise: "Harnilton" is what the document says
    assert _names("Jennifer Hamilton", "Jennifer Harnilton", ocr=False) is DIFFERENT


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Michael Vasquez", "Micheal Vasquez"),  # transposed letters: a spelling
        ("Sarah Whitfield", "Sarah Whitfeild"),
        ("Andrew Kowalski", "Daniel Kowalski"),  # another person
    ],
)
def test_real_name_differences_fire_even_on_ocr(a: str, b: str) -> None:
    assert _names(a, b, ocr=True) is DIFFERENT
    assert _names(a, b, ocr=False) is DIFFERENT


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Gabriel Littleton", "Gabriel Litteton"),  # a letter dropped
        ("Paula M. Garcia", "Paula M. Garct"),  # two glyphs misread
        ("Andrew Kowalski", "Andrew Kowulski"),  # a vowel for a vowel
        ("Hunter Williams", "Hunter Willidins"),  # `in` for m, and a letter more
    ],
)
def test_a_glyph_or_two_apart_on_ocr_is_unsure(a: str, b: str) -> None:
    # OCR of a degraded scan misreads a glyph or two: too close to call, not a finding
    assert _names(a, b, ocr=True) is UNSURE
    assert _names(a, b, ocr=False) is DIFFERENT


def test_employers() -> None:
    a = employer_key("Northwind Logistics, LLC")
    assert compare_text(a, employer_key("NORTHWIND LOGIST1CS LLC"), ocr=True) is SAME
    assert compare_text(a, employer_key("Northwind Logistics LLC"), ocr=False) is SAME
    assert compare_text(a, employer_key("Bluewater Freight Inc"), ocr=True) is DIFFERENT
    # l for i is OCR's on a scan, the document's own spelling on a text layer
    assert compare_text(a, employer_key("NORTHWIND LOGISTlCS LLC"), ocr=True) is SAME
    assert compare_text(a, employer_key("NORTHWIND LOGISTlCS LLC"), ocr=False) is DIFFERENT


@pytest.mark.parametrize(
    ("a", "b", "ocr", "want"),
    [
        ("8239", "8239", False, SAME),
        ("8239", "3239", True, UNSURE),  # 8 and 3: a look-alike digit on a scan
        ("8239", "3239", False, DIFFERENT),
        ("8239", "8249", True, UNSURE),  # one digit: a degraded scan misreads any
        ("8239", "8293", True, DIFFERENT),  # neighbours swapped: a typist's slip
        ("8239", "1572", True, DIFFERENT),  # another SSN
        ("8239", "6259", True, DIFFERENT),  # two digits apart
    ],
)
def test_digits(a: str, b: str, ocr: bool, want: Verdict) -> None:
    assert compare_digits(a, b, ocr) is want


def test_ssn_digits_two_figures_misread() -> None:
    assert compare_ssn("1226", "1996", True) is UNSURE  # one glyph's shape, twice
    assert compare_ssn("1226", "1996", False) is DIFFERENT
    assert compare_ssn("3592", "3500", True) is UNSURE  # a pair misread in a garbled mask
    assert compare_ssn("8239", "6259", True) is UNSURE
    assert compare_ssn("8239", "8249", True) is UNSURE
    # neighbours swapped, three or four figures apart: another number
    assert compare_ssn("8239", "8293", True) is DIFFERENT
    assert compare_ssn("8239", "6254", True) is DIFFERENT
    assert compare_ssn("8239", "1572", True) is DIFFERENT
    assert compare_ssn("3592", "3500", False) is DIFFERENT


def test_amounts_and_dates() -> None:
    assert compare_amounts(Decimal("394265.90"), Decimal("394265.90"), True) is SAME
    assert compare_amounts(Decimal("394268.90"), Decimal("394263.90"), True) is UNSURE
    assert compare_amounts(Decimal("394268.90"), Decimal("394263.90"), False) is DIFFERENT
    assert compare_amounts(Decimal("400000"), Decimal("415000"), True) is DIFFERENT
    assert compare_amounts(Decimal("400000"), Decimal("400000.00"), False) is SAME
    # cents OCR split off a figure (`2,066. 8g`): a misread, on a scan only
    assert compare_amounts(Decimal("2066"), Decimal("2066.88"), True) is UNSURE
    assert compare_amounts(Decimal("2066.88"), Decimal("2066"), True) is UNSURE
    assert compare_amounts(Decimal("2066"), Decimal("2066.88"), False) is DIFFERENT
    assert compare_amounts(Decimal("2067"), Decimal("2066.88"), True) is DIFFERENT
    assert compare_dates(date(2026, 8, 28), date(2026, 8, 23), True) is UNSURE
    assert compare_dates(date(2026, 8, 28), date(2026, 10, 28), True) is DIFFERENT
    assert compare_dates(date(2026, 8, 28), date(2026, 8, 23), False) is DIFFERENT


def test_addresses_compare_numbers_digit_by_digit() -> None:
    a = address_key("18582 McCarthy Avenue, Lesliemouth, OH 45154")
    assert address_verdict(a, address_key("18582 MCCARTHY AVE LESL1EMOUTH OH 45154"), True) is SAME
    # another house number: a real difference, OCR'd or not
    b = address_key("18528 McCarthy Avenue, Lesliemouth, OH 45154")
    assert address_verdict(a, b, True) is DIFFERENT
    assert address_verdict(a, b, False) is DIFFERENT
    # one look-alike digit on a scan: unsure, on a text layer a difference
    c = address_key("18532 McCarthy Avenue, Lesliemouth, OH 45154")
    assert address_verdict(a, c, True) is UNSURE
    assert address_verdict(a, c, False) is DIFFERENT
    d = address_key("18582 McCarthy Avenue, Lesliemouth, OH 45154-2210")
    assert address_verdict(a, d, False) is SAME


def test_a_scanned_zip_that_lost_its_last_figure_leaves_the_rest_compared() -> None:
    whole = address_key("12230 Dawson Court, East Matthewmouth, NY 13932")
    short = address_key("21230 DAWSON COURT, EAST MATTHEWMOUTH, NY 1393")
    # the ZIP is the other's but for its last figure: the house numbers differ
    assert address_verdict(short, whole, True) is DIFFERENT
    same = address_key("12230 DAWSON COURT, EAST MATTHEWMOUTH, NY 1393")
    assert address_verdict(same, whole, True) is SAME
    # a short ZIP that is not the other's start is a line OCR garbled
    other = address_key("21230 DAWSON COURT, EAST MATTHEWMOUTH, NY 1493")
    assert address_verdict(other, whole, True) is UNSURE


def test_a_scanned_address_that_stops_at_the_street() -> None:
    whole = address_key("4054 Macdonald Blvd, Wilsonbury, VA 24621")
    # the city line not read: the street agrees, so nothing is said
    assert address_verdict(address_key("4054 Macdonald Boulevard"), whole, True) is UNSURE
    # another house and street is another property all the same
    assert address_verdict(address_key("7054 Oak Boulevard"), whole, True) is DIFFERENT
    # a text layer without a city differs from one with it
    assert address_verdict(address_key("4054 Macdonald Boulevard"), whole, False) is DIFFERENT


def test_a_scanned_address_ends_at_its_zip() -> None:
    a = address_key("2069 Scott Parkway, North Lauren, CA 95381")
    # the next column's words run on after the ZIP, the state's C a speck
    b = address_key("2069 Scott Parkway, North Lauren, €A 95381 Walters Bank")
    assert address_verdict(a, b, True) is not DIFFERENT
    assert address_verdict(a, b, False) is DIFFERENT  # a text layer says what it says
    # another ZIP or street is still a difference
    c = address_key("2069 Scott Parkway, North Lauren, CA 95831 Walters Bank")
    assert address_verdict(a, c, True) is DIFFERENT
    d = address_key("2069 Lake Parkway, North Lauren, CA 95381 Walters Bank")
    assert address_verdict(a, d, True) is DIFFERENT
    # number, street and ZIP agree: a garbled city is a misread on a scan
    g = address_key("18835 Hampton Street, Wilkinsonton, AL 35069")
    h = address_key("18835 Hampton St, Whoneonign, AL 35069")
    assert address_verdict(g, h, True) is UNSURE
    assert address_verdict(g, h, False) is DIFFERENT
    # ... and so is one whose street type has a glyph misread besides
    k = address_key("5701 Oneill Blvd, Ellismouth, AL 36346")
    m = address_key("5701 Oneill Bivd., seer, AL 36346")
    assert address_verdict(k, m, True) is UNSURE
    # a house number whose first figures OCR lost at the line's edge
    lost = address_key("706 Gould Parkway, Craigland, NJ 07496")
    whole = address_key("14706 Gould Pkwy., Craigland, NJ 07496")
    assert address_verdict(lost, whole, True) is UNSURE
    assert address_verdict(lost, whole, False) is DIFFERENT
    # the defect's swapped or other figures stay a difference
    swapped = address_key("41706 Gould Pkwy., Craigland, NJ 07496")
    assert address_verdict(swapped, whole, True) is DIFFERENT
    assert address_verdict(address_key("1706 Gould Pkwy., Craigland, NJ 07496"), lost, True) is (
        UNSURE
    )
    # one or two figures kept, the street and ZIP agreeing: still unsure
    short = address_key("5 Beck Road, Erinberg, IN 47406")
    full = address_key("635 Beck Rd., Erinberg, IN 47406")
    assert address_verdict(short, full, True) is UNSURE
    assert address_verdict(short, full, False) is DIFFERENT
    # but not with another ZIP or another street
    other_zip = address_key("635 Beck Rd., Erinberg, IN 47408")
    assert address_verdict(short, other_zip, True) is DIFFERENT
    other_street = address_key("635 Birch Rd., Erinberg, IN 47406")
    assert address_verdict(short, other_street, True) is DIFFERENT
    # a state no state has: the scanned line is garbled, its house number too
    m = address_key("1755 Torres Boulevard, West Michaelborough, IN 46340")
    n = address_key("2955 Torres Boulevard, West Michaelborough, tm 46340")
    assert address_verdict(m, n, True) is UNSURE
    assert address_verdict(m, n, False) is DIFFERENT
    # no street at all, an amount from the next cell: a misread on a scan
    cd = address_key("247009 .00")
    assert address_verdict(m, cd, True) is UNSURE
    assert address_verdict(cd, m, True) is UNSURE
    assert address_verdict(m, cd, False) is DIFFERENT
    # a ZIP of four digits: the scanned line lost digits, nothing to compare
    e = address_key("16322 THOMAS BLVD., FRANCESMOUTH, TX 76978")
    f = address_key("1838 THOS BLVD., FRANCESMOUTH, Tx 7978")
    assert address_verdict(e, f, True) is UNSURE
    assert address_verdict(e, f, False) is DIFFERENT
    # a ZIP with letters among its digits: garbled, nothing to compare
    g = address_key("2579 Torres Ave, Simpsonmouth, CO 81025")
    h = address_key("2579 TORRES AVE, SIMPSONMOUTH, CO BrO25")
    assert address_verdict(g, h, True) is UNSURE
    assert address_verdict(g, h, False) is DIFFERENT
    # another house with a clean ZIP is still a difference
    k = address_key("3812 Torres Ave, Simpsonmouth, CO 81025")
    assert address_verdict(g, k, True) is DIFFERENT


def test_a_scanned_house_number_with_two_figures_misread() -> None:
    whole = address_key("15230 Hickory Drive, West Andreafort, NJ 07479")
    misread = address_key("45290 HICKORY DRIVE, WEST'ANDREAFORT, NJ 07479")
    assert address_verdict(misread, whole, True) is UNSURE
    assert address_verdict(misread, whole, False) is DIFFERENT
    # swapped neighbours, another street or ZIP, or three figures: another house
    for other in (
        "51230 Hickory Drive, West Andreafort, NJ 07479",
        "45290 Maple Drive, West Andreafort, NJ 07479",
        "45290 Hickory Drive, West Andreafort, NJ 07497",
        "45299 Hickory Drive, West Andreafort, NJ 07479",
    ):
        assert address_verdict(address_key(other), whole, True) is DIFFERENT, other
    # a short number has too few figures left to tell the house by
    short = address_key("952 Hickory Drive, West Andreafort, NJ 07479")
    assert (
        address_verdict(short, address_key("150 Hickory Drive, West Andreafort, NJ 07479"), True)
        is DIFFERENT
    )


# ----------------------------------------------------------------------------- in the rules


def _scanned(loan: Loan) -> Loan:
    """Every value of the loan as if its page had been OCR'd."""
    for d in loan.docs:
        d.mark_read_methods({p: "ocr" for p in d.pages})
    return loan


def _with_run(loan: Loan, code: str) -> tuple[list[Issue], LoanContext]:
    ctx = loan.context()
    return REGISTRY[code](ctx), ctx


@pytest.mark.parametrize(
    ("doc_type", "field", "noisy", "wrong"),
    [
        (DocType.w2, "employee_name", "J0HN M1CHAEL SM1TH", "JOHN M SMTIH"),
        (DocType.paystub, "employer_name", "ACME L0GISTlCS 1NC", "Beacon Health Systems"),
        (
            DocType.note,
            "property_address",
            "123 MA1N STREET SPR1NGF1ELD IL 62701",
            "132 Main Street, Springfield, IL 62701",
        ),
    ],
)
def test_rules_forgive_ocr_noise_but_not_a_real_difference(
    doc_type: DocType, field: str, noisy: str, wrong: str
) -> None:
    code = {"employee_name": "IDN-001", "employer_name": "INC-005"}.get(field, "CNS-002")
    assert run(_scanned(clean_loan().set(doc_type, 0, **{field: noisy})), code) == []
    # `set` stamps the new value as text-layer: OCR'd again for the real difference
    loan = clean_loan().set(doc_type, 0, **{field: wrong})
    assert len(run(_scanned(loan), code)) == 1
    # the same noise on a text layer is what the document says: a finding
    assert len(run(clean_loan().set(doc_type, 0, **{field: noisy}), code)) == 1


@pytest.mark.parametrize(
    ("read", "fires"),
    [
        # a speck read as a comma after a first name OCR also misread: as
        # "Last, First" it is another person; as written, a glyph apart
        ("JOHM, MICHAEL SMITH", False),
        ("SMITH, JOHN M", False),  # "Last, First": the same person
        ("SMTIH, JOHN M", True),  # a transposition stays a difference, comma or not
        # a speck read as a comma after the first name, all three words right:
        # the file names John Smith, not Michael Smith John
        ("#JOHN, MICHAEL SMITH", False),
    ],
)
def test_ocr_name_with_a_comma_is_read_the_way_the_file_agrees_with(read: str, fires: bool) -> None:
    issues, ctx = _with_run(
        _scanned(clean_loan().set(DocType.w2, 0, employee_name=read)), "IDN-001"
    )
    assert len(issues) == int(fires)
    if read.startswith("JOHM"):
        assert [u.subject.split()[0] for u in ctx.unread.values()] == ["name"]


def test_ocr_value_too_close_to_call_is_reported_once_not_as_a_finding() -> None:
    # "Smlth" for "Smith" is one thin stroke apart: OCR or a typo, it cannot tell
    loan = _scanned(clean_loan().set(DocType.w2, 0, employee_name="JOHN SMTH"))
    issues, ctx = _with_run(loan, "IDN-001")
    assert issues == []
    assert [u.subject.split()[0] for u in ctx.unread.values()] == ["name"]
    reported = [i for i in run_rules(ctx) if i.code == "DOC-002"]
    assert len(reported) == 1 and reported[0].severity == "low"


def test_cns_001_one_lookalike_digit_on_a_scan_is_not_a_finding() -> None:
    loan = clean_loan()
    amount = loan.one(DocType.note).get("principal_amount")
    assert amount == D(300000)
    issues, ctx = _with_run(_scanned(loan.set(DocType.note, principal_amount=D(800000))), "CNS-001")
    assert issues == [] and len(ctx.unread) == 1
    assert len(run(clean_loan().set(DocType.note, principal_amount=D(800000)), "CNS-001")) == 1
    assert (
        len(run(_scanned(clean_loan().set(DocType.note, principal_amount=D(315000))), "CNS-001"))
        == 1
    )


def test_cns_001_a_scanned_rate_read_with_its_decimals_differs() -> None:
    # `8.000%` on the Note against the CD's `8.125%`: both read with their
    # decimals, so neither is the other with its decimals lost
    loan = clean_loan().set(DocType.note, interest_rate=D("6.000"), monthly_pi=D("1798.65"))
    loan.set(DocType.closing_disclosure, interest_rate=D("6.125"), monthly_pi=D("1822.83"))
    issues = run(_scanned(loan), "CNS-001")
    assert [(i.subject, i.observed, i.limit) for i in issues] == [
        ("interest_rate", "6.000%", "6.125%"),
        ("monthly_pi", "1798.65", "1822.83"),
    ]
    # a rate read with no point at all (`6%` for 6.125%) may have lost its decimals
    loan.set(DocType.note, interest_rate=D("6"))
    assert "interest_rate" not in [i.subject for i in run(_scanned(loan), "CNS-001")]
    assert compare_rates(D("6.000"), D("6.125"), True) is DIFFERENT
    assert compare_rates(D("6"), D("6.125"), True) is UNSURE
    assert compare_rates(D("6.125"), D("6.725"), True) is UNSURE


def test_cns_001_an_amount_its_own_document_does_not_tie_up_is_a_misread() -> None:
    # a neighbouring box's figure read as the CD's loan amount: the CD's own
    # rate, term and P&I are the payment of the Note's amount, not of this one
    cd = {"loan_term_months": 360}

    def misread() -> Loan:
        return clean_loan().set(DocType.closing_disclosure, **cd, loan_amount=D("121.20"))

    issues, ctx = _with_run(_scanned(misread()), "CNS-001")
    assert issues == [] and [u.subject for u in ctx.unread.values()] == ["loan_amount note vs cd"]
    # the same on a text layer is what the CD says
    assert len(run(misread(), "CNS-001")) == 1
    # a figure a few times off (`100001.00` for 300,000): not the loan's size either
    few = clean_loan().set(DocType.closing_disclosure, **cd, loan_amount=D("100001.00"))
    issues, ctx = _with_run(_scanned(few), "CNS-001")
    assert issues == [] and [u.subject for u in ctx.unread.values()] == ["loan_amount note vs cd"]
    # an amount of the same size, its P&I left at the other's, is a typo, not a box misread
    typo = clean_loan().set(DocType.closing_disclosure, **cd, loan_amount=D(315000))
    assert len(run(_scanned(typo), "CNS-001")) == 1
    # a CD whose own terms tie up at another amount differs for real, scan or not
    other = clean_loan().set(
        DocType.closing_disclosure, **cd, loan_amount=D(310000), monthly_pi=D("1959.41")
    )
    assert len(run(_scanned(other), "CNS-001")) == 1


def _statements(*spans: tuple[str, date, date]) -> Loan:
    loan = clean_loan().drop(DocType.bank_statement)
    for last4, start, end in spans:
        loan.add(
            make(
                DocType.bank_statement,
                {
                    "institution": "Springfield Bank",
                    "account_last4": last4,
                    "period_start_date": start,
                    "period_end_date": end,
                    "closing_balance": D(130000),
                },
            )
        )
    return loan


def test_ast_003_ocr_misread_account_number_joins_its_account() -> None:
    # 5678 read as 5673 on a scan: the same account, two consecutive months
    spans = (
        ("5678", date(2026, 1, 1), date(2026, 1, 31)),
        ("5673", date(2026, 2, 1), date(2026, 2, 28)),
    )
    assert run(_scanned(_statements(*spans)), "AST-003") == []
    # on a text layer two account numbers are two accounts, one month each
    assert len(run(_statements(*spans), "AST-003")) == 2
    # another number altogether is another account, OCR'd or not
    other = (spans[0], ("1290", date(2026, 2, 1), date(2026, 2, 28)))
    assert len(run(_scanned(_statements(*other)), "AST-003")) == 2


def test_ast_003_ocr_date_one_lookalike_digit_from_consecutive_is_unsure() -> None:
    # 02/01 read as 02/07: a gap only OCR may have made
    spans = (
        ("5678", date(2026, 1, 1), date(2026, 1, 31)),
        ("5678", date(2026, 2, 7), date(2026, 2, 28)),
    )
    issues, ctx = _with_run(_scanned(_statements(*spans)), "AST-003")
    assert issues == [] and len(ctx.unread) == 1
    assert len(run(_statements(*spans), "AST-003")) == 1
    # a month really missing fires on a scan too
    gap = (spans[0], ("5678", date(2026, 3, 1), date(2026, 3, 31)))
    assert len(run(_scanned(_statements(*gap)), "AST-003")) == 1


def test_values_read_from_the_wrong_place_are_unread_not_findings() -> None:
    # an employer read as the employee's name, a borrower's name read as the employer
    loan = clean_loan().set(DocType.w2, 0, employee_name="Acme Logistics, Inc.")
    issues, ctx = _with_run(loan, "IDN-001")
    assert issues == [] and len(ctx.unread) == 1
    loan = clean_loan().set(DocType.paystub, 0, employer_name="SMITH, JOHN M")
    issues, ctx = _with_run(loan, "INC-005")
    assert issues == [] and len(ctx.unread) == 1
    # a real other employer still fires
    assert (
        len(run(clean_loan().set(DocType.paystub, 0, employer_name="Beacon Health"), "INC-005"))
        == 1
    )


def test_digit_dropped_by_ocr_is_unsure() -> None:
    assert compare_amounts(Decimal("551500"), Decimal("51500"), True) is UNSURE
    assert compare_amounts(Decimal("551500"), Decimal("51500"), False) is DIFFERENT
    assert compare_amounts(Decimal("551500"), Decimal("5500"), True) is DIFFERENT


@pytest.mark.parametrize(
    "raw",
    [
        "(First, Middle, Last, Suffix",
        "~—~«;AS State",
        "2754 Hartman Drive, Bowenshire, NC",
        "se",
        "INF ORMATION",  # a heading OCR split in two
        "John M. Smithar@ Spari Orr",  # one symbol inside: not a name
        'John Michaelg"Smifiael',
        "John M. SmhtTh",  # a capital deep inside a word: OCR's mix of cases
        "and Lefider",  # "Borrower and Lender" read where the name belongs
        "RoReKenW Smith",  # case switching twice inside a word
        "BBs HANSEN",  # capitals run into the small letters that end a word
        "Unpaid Balance",  # a table's caption beside a misread `Company Name`
    ],
)
def test_garbled_ocr_names_are_unread_not_findings(raw: str) -> None:
    assert garbled(raw)
    loan = _scanned(clean_loan().set(DocType.w2, 0, employee_name=raw))
    issues, ctx = _with_run(loan, "IDN-001")
    assert issues == [] and len(ctx.unread) == 1


@pytest.mark.parametrize(
    "raw",
    [
        "John Michael Smith",
        "SMITH, JOHN M",
        "Mary-Ann O'Neil",
        "“John M. Smith",
        "Angus MacArthur",
        "Ronald McDonald",
        "Keisha DeShawn",
        "Minh To",
        "Maria De La Cruz",
        "LaToya McKenzie",
        "JoANN SMITH",
    ],
)
def test_names_are_not_garbled(raw: str) -> None:
    assert not garbled(raw)


def test_a_middle_name_glued_onto_the_last_name_is_unsure() -> None:
    a, b = name_words("Kyle J. Price"), name_words("Kyle Jamiprice")
    assert compare_name_words(a, b, True) is UNSURE
    assert compare_name_words(a, b, False) is DIFFERENT
    # another first name: a difference
    assert compare_name_words(a, name_words("Kurt Jamiprice"), True) is DIFFERENT
    # `Paul Paulkong` for Paul Paul Long: the space lost and the L read as a k
    long = name_words("Paul Long")
    assert compare_name_words(long, name_words("Paul Paulkong"), True) is UNSURE
    # another first name before it is another person
    assert compare_name_words(long, name_words("Peter Paulkong"), True) is DIFFERENT


def test_a_first_name_run_into_a_garbled_last_name_is_unsure() -> None:
    a = name_words("Lindsay Brown")
    # `IL Lindsay ehay`: a speck, and the last name garbled onto the first
    assert compare_name_words(a, name_words("IL Lindsayehay"), True) is UNSURE
    assert compare_name_words(a, name_words("IL Lindsayehay"), False) is DIFFERENT
    # the first name beside another last name is another person
    assert compare_name_words(a, name_words("Lindsay Ehay"), True) is DIFFERENT


def test_an_m_read_as_three_strokes_is_a_misread() -> None:
    holmes = name_words("David Holmes")
    # `Holiiiesy David T.`: the m read `iii`, the comma a `y`, the order kept
    assert compare_name_words(holmes, name_words("Holiiiesy David T."), True) is UNSURE
    assert compare_name_words(holmes, name_words("David Holiiies"), True) is SAME
    # on a text layer the letters are the letters
    assert compare_name_words(holmes, name_words("David Holiiies"), False) is DIFFERENT


def test_an_m_read_for_rri_is_a_misread() -> None:
    terri = name_words("Terri Jennifer Thomas")
    # the three stems of `rri` read as one m
    assert compare_name_words(terri, name_words("Tem Jennifer Thomas"), True) is SAME
    assert compare_name_words(terri, name_words("Tem Jennifer Thomas"), False) is DIFFERENT
    # another first name is still another
    assert compare_name_words(terri, name_words("Tom Jennifer Thomas"), True) is not SAME


def test_given_names_run_together_are_unsure() -> None:
    a = name_words("James Cohen")
    # `James James Cohen` read with the space lost and a glyph misread in each
    assert compare_name_words(a, name_words("Sameswames Cohen"), True) is UNSURE
    assert compare_name_words(a, name_words("Sameswames Cohen"), False) is DIFFERENT
    # another first name run into a middle one: a difference
    assert compare_name_words(a, name_words("Robertallen Cohen"), True) is DIFFERENT
    assert compare_name_words(a, name_words("Jamal Cohen"), True) is not SAME


def test_stray_ocr_tokens_around_a_name_are_the_same_name() -> None:
    loan = _scanned(clean_loan().set(DocType.paystub, 0, employee_name="Hl JOHN M SMITH"))
    assert run(loan, "IDN-001") == []


def test_an_ocr_note_date_no_other_document_backs_is_replaced_by_theirs() -> None:
    loan = clean_loan()
    note = loan.one(DocType.note).get("note_date")
    cd = loan.one(DocType.closing_disclosure).get("closing_date")
    assert isinstance(note, date) and note == cd
    # 2026 read as 2056 on the Note; the CD and the security instrument agree
    loan = _scanned(
        loan.set(DocType.note, note_date=note.replace(year=2056)).add(
            make(DocType.security_instrument, {"instrument_date": note})
        )
    )
    ctx = loan.context()
    assert facts(ctx).note_date == note
    # alone against one other document that disagrees: not used
    lone = _scanned(clean_loan().set(DocType.note, note_date=note.replace(year=2056)))
    ctx = lone.context()
    assert facts(ctx).note_date is None and len(ctx.unread) == 1


def test_a_scanned_cd_closing_date_standing_for_the_note_date_gives_way_to_two_others() -> None:
    # no Note date read; the final CD's closing date read a year out (2027),
    # the initial CD and the security instrument both say the day
    day = date(2026, 4, 15)

    def loan(*others: date) -> Loan:
        built = clean_loan().set(DocType.note, note_date=None)
        built.set(DocType.closing_disclosure, closing_date=day.replace(year=2027))
        initial = make(DocType.closing_disclosure, {"closing_date": others[0]})
        initial.fields.pop("date_issued", None)
        built.docs.insert(0, initial)
        for other in others[1:]:
            built.add(make(DocType.security_instrument, {"instrument_date": other}))
        return _scanned(built)

    assert facts(loan(day, day).context()).note_date == day
    # one other reading alone does not overrule the CD's
    assert facts(loan(day).context()).note_date == day.replace(year=2027)


def test_an_ocr_loan_amount_no_other_document_states_gives_way() -> None:
    # the CD's 300,000 read as 30,000: the Note, 1008 and URLA say 300,000
    loan = _scanned(clean_loan().set(DocType.closing_disclosure, loan_amount=D(30000)))
    ctx = loan.context()
    compute_figures(ctx)
    assert Decimal(ctx.figures["ltv"].value) == Decimal("75.00")


def test_an_unread_date_on_a_scan_is_unread_not_a_missing_verification() -> None:
    # the verbal VOE's date was not read by OCR: it may be the one in the window
    loan = clean_loan().set(DocType.voe, 1, verification_date=None)
    issues, ctx = _with_run(_scanned(loan), "INC-004")
    assert issues == [] and len(ctx.unread) == 1
    # on a text layer a VOE without a date verifies nothing
    assert len(run(clean_loan().set(DocType.voe, 1, verification_date=None), "INC-004")) == 1


def test_a_w2_year_unread_on_a_scan_is_unread_not_a_missing_year() -> None:
    loan = clean_loan().set(DocType.w2, 1, tax_year=None)
    issues, ctx = _with_run(_scanned(loan), "DOC-001")
    assert [i for i in issues if i.subject == "w2"] == [] and len(ctx.unread) == 1
    assert [i.subject for i in run(clean_loan().set(DocType.w2, 1, tax_year=None), "DOC-001")] == [
        "w2"
    ]


def test_variable_income_unread_on_a_scan_leaves_income_unknown() -> None:
    # the URLA counts overtime; no scanned VOE or paystub was read to show any
    loan = _scanned(
        clean_loan()
        .set(DocType.urla_1003, 0, income_overtime_monthly=D(900))
        .set(DocType.voe, 0, ytd_overtime_income=None, prior_year_overtime_income=None)
    )
    ctx = loan.context()
    compute_figures(ctx)
    assert "qualifying_income_monthly" not in ctx.figures and len(ctx.unread) == 1
    assert REGISTRY["INC-001"](ctx) == []
    # on a text layer the overtime is not in the file: stated income exceeds it
    text_ctx = clean_loan().set(DocType.urla_1003, 0, income_overtime_monthly=D(900)).context()
    compute_figures(text_ctx)
    assert "qualifying_income_monthly" in text_ctx.figures and text_ctx.unread == {}


def test_variable_income_a_scanned_voe_reads_as_zero_is_none_not_unread() -> None:
    # the VOE shows 0.00 overtime this year and last: the URLA's is stated, not unread
    loan = _scanned(clean_loan().set(DocType.urla_1003, 0, income_overtime_monthly=D(900)))
    ctx = loan.context()
    compute_figures(ctx)
    assert "qualifying_income_monthly" in ctx.figures and ctx.unread == {}
    # one of the two years unread: the overtime may be there
    loan = _scanned(
        clean_loan()
        .set(DocType.urla_1003, 0, income_overtime_monthly=D(900))
        .set(DocType.voe, 0, ytd_overtime_income=None)
    )
    ctx = loan.context()
    compute_figures(ctx)
    assert "qualifying_income_monthly" not in ctx.figures


def test_ast_003_ocr_statement_without_an_account_number_joins_its_bank_account() -> None:
    spans = (
        ("5678", date(2026, 1, 1), date(2026, 1, 31)),
        ("", date(2026, 2, 1), date(2026, 2, 28)),
    )
    loan = _statements(*spans)
    loan.docs[-1].fields.pop("account_last4")
    assert run(_scanned(loan), "AST-003") == []


def _tradeline(creditor: str, balance: int) -> Loan:
    loan = clean_loan()
    report = loan.one(DocType.credit_report)
    [line] = [r for r in report.rows["tradelines"] if r["creditor"].value == "SUMMIT AUTO FINANCE"]
    line["creditor"] = FieldValue(creditor, line["creditor"].evidence)
    line["balance"] = FieldValue(D(balance), line["balance"].evidence)
    return _scanned(loan)


def test_crd_002_ocr_creditor_spelling_is_not_an_unlisted_debt() -> None:
    assert run(_tradeline("SUMM1T AUTOFINANCE—*", 15000), "CRD-002") == []
    # another creditor altogether is unlisted, OCR'd or not
    assert len(run(_tradeline("HARBOR CREDIT UNION", 2400), "CRD-002")) == 1


def test_crd_002_a_scanned_urla_debt_listed_by_name_alone_is_listed() -> None:
    # the URLA's row for the auto loan kept its creditor, its figures garbled
    loan = _tradeline("SUMMIT AUTO FINANCE", 15000)
    [row] = [
        r
        for r in loan.one(DocType.urla_1003).rows["liabilities"]
        if r["creditor"].value == "Summit Auto Finance"
    ]
    for name in ("balance", "monthly_payment"):
        del row[name]
    assert run(loan, "CRD-002") == []
    # with that row gone the debt is unlisted
    loan.one(DocType.urla_1003).rows["liabilities"].remove(row)
    assert len(run(loan, "CRD-002")) == 1


def test_an_implausible_ltv_from_ocr_figures_is_unread() -> None:
    # (no 1008 to say what the value is)
    loan = clean_loan().set(DocType.appraisal_1004, 0, appraised_value=D(62))
    ctx = _scanned(loan.drop(DocType.transmittal_1008)).context()
    compute_figures(ctx)
    assert "ltv" not in ctx.figures and len(ctx.unread) == 1
    assert REGISTRY["LTV-001"](ctx) == []


def test_a_purchase_whose_scanned_appraisal_lost_its_value_takes_the_price_the_1008_used() -> None:
    # the 1008's 75.000% is the 300,000 loan over the 400,000 price
    loan = _scanned(clean_loan().set(DocType.appraisal_1004, 0, appraised_value=None))
    ctx = loan.context()
    compute_figures(ctx)
    assert ctx.figures["ltv"].value == "75.00"
    # a 1008 over another basis says nothing of this one
    loan.set(DocType.transmittal_1008, ltv=D("73.171"))
    ctx = loan.context()
    compute_figures(ctx)
    assert "ltv" not in ctx.figures
    # a text-layer appraisal without a value has none: no LTV
    text = clean_loan().set(DocType.appraisal_1004, 0, appraised_value=None).context()
    compute_figures(text)
    assert "ltv" not in text.figures


def test_an_appraised_value_misread_past_use_gives_way_to_the_1008s_that_ties_up() -> None:
    # the appraisal's 410,000 read as 41; the 1008's 75.000% is its 300,000
    # loan over the 400,000 price (below its 410,000 value)
    loan = _scanned(clean_loan().set(DocType.appraisal_1004, 0, appraised_value=D(41)))
    ctx = loan.context()
    compute_figures(ctx)
    assert ctx.figures["ltv"].value == "75.00" and ctx.unread == {}
    # a 1008 whose LTV is not its own figures' leaves the LTV unread
    loan.set(DocType.transmittal_1008, ltv=D("80.000"))
    ctx = loan.context()
    compute_figures(ctx)
    assert "ltv" not in ctx.figures and len(ctx.unread) == 1


def test_cns_001_an_ocr_note_payment_that_does_not_amortise_its_own_terms_is_a_misread() -> None:
    loan = clean_loan().set(DocType.note, loan_term_months=360, monthly_pi=D("15.00"))
    issues, ctx = _with_run(_scanned(loan), "CNS-001")
    assert issues == [] and len(ctx.unread) == 1
    # a text layer says what the Note says
    text = clean_loan().set(DocType.note, loan_term_months=360, monthly_pi=D("15.00"))
    assert len(run(text, "CNS-001")) == 1


def test_ast_003_a_scanned_statement_without_a_number_may_be_the_missing_month() -> None:
    spans = (
        ("5678", date(2026, 1, 1), date(2026, 1, 31)),
        ("", date(2026, 2, 1), date(2026, 2, 28)),
    )
    loan = _statements(*spans)
    loan.docs[-1].fields.pop("account_last4")
    loan.set(DocType.bank_statement, 1, institution="Springfeld Bnk")  # not the other's bank
    issues, ctx = _with_run(_scanned(loan), "AST-003")
    assert issues == [] and len(ctx.unread) >= 1


def test_an_ocr_payment_larger_than_its_balance_is_a_misread() -> None:
    loan = _tradeline("SUMMIT AUTO FINANCE", 15000)
    report = loan.one(DocType.credit_report)
    [line] = [r for r in report.rows["tradelines"] if r["creditor"].value == "SUMMIT AUTO FINANCE"]
    # (45900: not the URLA's 450.00 with its point lost, which would be that payment)
    line["monthly_payment"] = FieldValue(D(45900), replace(line["monthly_payment"].evidence))
    # the 1008's DTI (29.500%) is the one the URLA's 450.00 gives: that reading
    ctx = loan.context()
    compute_figures(ctx)
    assert ctx.figures["dti_back"].value == "29.50" and len(ctx.unread) == 1
    assert REGISTRY["DTI-001"](ctx) == [] and REGISTRY["CRD-002"](ctx) == []
    # a 1008 that ties up with neither reading leaves the DTI unknown
    loan.set(DocType.transmittal_1008, dti_back=D("33.100"))
    ctx = loan.context()
    compute_figures(ctx)
    assert "dti_back" not in ctx.figures and len(ctx.unread) == 1
    assert REGISTRY["DTI-001"](ctx) == [] and REGISTRY["CRD-002"](ctx) == []


def test_a_caption_ocr_split_in_two_is_no_employer() -> None:
    from flightline.rules.income_rules import _caption_word

    assert _caption_word("Enp Lloyee") and _caption_word("Etptoyee")
    # a company's two words are no caption, however alike one of them
    assert not _caption_word("Ace Employers") and not _caption_word("Empire Co")


def test_labels_and_entities_are_not_names_or_employers() -> None:
    loan = _scanned(clean_loan().set(DocType.paystub, 0, employer_name="Yrs. on this job"))
    issues, ctx = _with_run(loan, "INC-005")
    assert issues == [] and len(ctx.unread) == 1
    assert looks_like_company("FIELDS & JONES PHARMACY SERVICES L.P")


def test_cns_001_an_ocr_cd_payment_that_does_not_amortise_its_terms_is_a_misread() -> None:
    loan = clean_loan().set(DocType.closing_disclosure, loan_term_months=360, monthly_pi=D(4))
    issues, ctx = _with_run(_scanned(loan), "CNS-001")
    assert issues == [] and len(ctx.unread) == 1
    # both payments true to their own terms but different: the terms differ (a finding)
    rate = clean_loan().set(DocType.note, interest_rate=D("6.625"), monthly_pi=D("1920.93"))
    rate.set(DocType.note, loan_term_months=360).set(
        DocType.closing_disclosure, loan_term_months=360
    )
    assert {i.subject for i in run(_scanned(rate), "CNS-001")} == {"interest_rate", "monthly_pi"}


def test_cns_001_a_scanned_term_read_short_leaves_the_payments_to_be_compared() -> None:
    # both documents tie up at 30 years; the CD's term read `3 years`: its
    # payment ties with the usual term, so the Note's rate and P&I differ
    rate = clean_loan().set(DocType.note, interest_rate=D("6.625"), monthly_pi=D("1920.93"))
    rate.set(DocType.note, loan_term_months=360).set(
        DocType.closing_disclosure, loan_term_months=36
    )
    assert {i.subject for i in run(_scanned(rate), "CNS-001")} == {"interest_rate", "monthly_pi"}
    # ... and with the term not read at all
    rate.set(DocType.closing_disclosure, loan_term_months=None)
    assert {i.subject for i in run(_scanned(rate), "CNS-001")} == {"interest_rate", "monthly_pi"}


def test_cns_001_a_scanned_note_payment_a_few_dollars_off_its_terms_is_a_finding() -> None:
    # the clean loan amortises to 1,896.20; a Note stating 1,907.87 is the
    # Note's error (no misread turns 1896.20 into it), scan or not
    def loan(pi: str) -> Loan:
        built = clean_loan().set(DocType.note, loan_term_months=360, monthly_pi=D(pi))
        return built.set(DocType.closing_disclosure, loan_term_months=360)

    assert [i.subject for i in run(_scanned(loan("1907.87")), "CNS-001")] == ["monthly_pi"]
    # a payment far from its terms is another box's figure: unread
    issues, ctx = _with_run(_scanned(loan("2650.00")), "CNS-001")
    assert issues == [] and len(ctx.unread) == 1
    # ... and one a misread figure away (`1396.20`) too
    issues, ctx = _with_run(_scanned(loan("1396.20")), "CNS-001")
    assert issues == [] and len(ctx.unread) == 1
    # a CD whose amount read as no loan's (`00700.00`): its payment is judged
    # on the Note's amount, and the Note's few dollars off stand out
    short = loan("1907.87").set(DocType.closing_disclosure, loan_amount=D(700))
    issues, ctx = _with_run(_scanned(short), "CNS-001")
    assert [i.subject for i in issues] == ["monthly_pi"]
    assert [u.subject for u in ctx.unread.values()] == ["loan_amount note vs cd"]


@pytest.mark.parametrize("raw", ["Acme Logistics'L", "“ACME LOGISTICSL.P."])
def test_an_employer_read_into_the_name_box_is_unread_not_a_finding(raw: str) -> None:
    loan = clean_loan()
    employer = loan.one(DocType.w2).get("employer_name")
    assert isinstance(employer, str)
    loan = _scanned(
        loan.set(DocType.w2, 0, employer_name="Acme Logistics", employee_name=raw).set(
            DocType.paystub, 0, employer_name="Acme Logistics"
        )
    )
    issues, ctx = _with_run(loan, "IDN-001")
    assert issues == [] and len(ctx.unread) == 1


def test_an_employer_named_only_on_that_document_is_still_an_employer() -> None:
    # the W-2's own employer box, not the URLA's (which OCR may have misread)
    loan = _scanned(
        clean_loan().set(
            DocType.w2,
            0,
            employer_name="Zenith Drafting Co",
            employee_name="Zenith Drafting\u2019L",
        )
    )
    issues, ctx = _with_run(loan, "IDN-001")
    assert issues == [] and len(ctx.unread) == 1


def test_cns_001_a_scanned_term_no_loan_has_is_a_misread() -> None:
    # a 300,000 loan: P&I 1,896.20 on the CD
    for field, value in (
        ("monthly_pi", D("189620.00")),  # the decimal point lost
        ("monthly_pi", D("15.00")),
        ("interest_rate", D("125.000")),
    ):
        loan = clean_loan().set(DocType.note, **{field: value})
        loan.one(DocType.note).fields.pop("principal_amount", None)  # nothing to tie up
        issues, ctx = _with_run(_scanned(loan), "CNS-001")
        assert issues == [] and len(ctx.unread) == 1, field
        # on a text layer the Note says what it says
        text = clean_loan().set(DocType.note, **{field: value})
        assert len(run(text, "CNS-001")) == 1


def test_cns_001_a_scanned_principal_of_twice_the_homes_value_is_a_misread() -> None:
    # the 300,000 loan's `$300,000.00` read 300000100 on a Note whose payment
    # was not read (nothing to tie its terms up with)
    loan = clean_loan().set(DocType.note, principal_amount=D(300000100), monthly_pi=None)
    issues, ctx = _with_run(_scanned(loan), "CNS-001")
    assert [i for i in issues if i.subject == "loan_amount"] == []
    assert "loan_amount note vs cd" in ctx.unread
    text = clean_loan().set(DocType.note, principal_amount=D(300000100))
    assert any(i.subject == "loan_amount" for i in run(text, "CNS-001"))


def test_cns_001_a_scanned_loan_amount_of_zero_is_a_misread() -> None:
    # the CD's `$300,000` read as 0 (its P&I, read 7,896.20, ties nothing up)
    loan = clean_loan().set(DocType.closing_disclosure, loan_amount=D(0), monthly_pi=D("7896.20"))
    issues, ctx = _with_run(_scanned(loan), "CNS-001")
    assert [i for i in issues if i.subject == "loan_amount"] == []
    assert "loan_amount note vs cd" in ctx.unread
    # `184.00` for 184,100.00: no mortgage lends under a thousand dollars
    loan = clean_loan().set(DocType.closing_disclosure, loan_amount=D(300), monthly_pi=D("7896.20"))
    assert "loan_amount note vs cd" in _with_run(_scanned(loan), "CNS-001")[1].unread
    # a scanned amount that is possible and not a misread apart is compared
    small = clean_loan().set(DocType.closing_disclosure, loan_amount=D(250000))
    assert any(i.subject == "loan_amount" for i in run(_scanned(small), "CNS-001"))
    # on a text layer the CD says what it says
    text = clean_loan().set(DocType.closing_disclosure, loan_amount=D(0))
    assert any(i.subject == "loan_amount" for i in run(text, "CNS-001"))


def test_a_first_name_garbled_beside_the_same_last_name_is_unsure() -> None:
    def words(a: str, b: str) -> Verdict:
        return compare_name_words(name_words(a), name_words(b), True)

    assert words("Kenneth M. Odonnell", "Kerfheth Michael Odonnell") is UNSURE
    # letters that fold into an m only on one side (`ni` of `Knistife`)
    assert words("Kristine Taylor", "Knistife Taylor") is UNSURE
    # one letter read as two, a speck before it (`Girfa` for Gina)
    assert words("Gina Leslie Arias", "\u2018Girfa Leslie Arias") is UNSURE
    assert words("Gina Arias", "Girfan Arias") is DIFFERENT  # two letters more: not one split
    # in a longer name, one other letter misread beside the split (`Narfty`)
    assert words("Nancy J. Leblanc", "Narfty Leblanc") is UNSURE
    assert words("Gina Arias", "Girfe Arias") is DIFFERENT  # (a short name: too little left)
    assert words("Nancy Leblanc", "Narftie Leblanc") is DIFFERENT
    # another person of the family is further off
    assert words("Karen Odonnell", "Kevin Odonnell") is DIFFERENT
    # and a last name garbled as well is no longer the same name
    assert words("Kenneth Odonnell", "Kerfheth Odonel") is DIFFERENT
    # a first name OCR left two letters of (`Pe Gray`) is too little to tell
    assert words("Ashley Gray", "Pe Gray") is UNSURE
    assert compare_name_words(name_words("Ashley Gray"), name_words("Pe Gray"), False) is DIFFERENT


def test_a_last_name_garbled_beside_the_same_first_name_is_unsure() -> None:
    def words(a: str, b: str) -> Verdict:
        return compare_name_words(name_words(a), name_words(b), True)

    assert words("Merfillan, Michele J.", "Michele J. Mcmillan") is UNSURE
    # two letters swapped are a typist's slip, not OCR's
    assert words("Michele Mcmilaln", "Michele Mcmillan") is DIFFERENT
    # another surname altogether stays another
    assert words("Michele Mcmillan", "Michele Johnson") is DIFFERENT
    # on a text layer a spelling is a spelling
    assert (
        compare_name_words(name_words("Michele Merfillan"), name_words("Michele Mcmillan"), False)
        is DIFFERENT
    )


def test_an_accent_on_a_name_is_the_same_name() -> None:
    # OCR puts one on a speck over a letter; records drop the ones names have
    assert name_words("Isaac J. Barn\u00e9tt") == ("isaac", "barnett")
    a, b = name_words("Isaac J. Barn\u00e9tt"), name_words("Isaac J. Barnett")
    assert compare_name_words(a, b, True) is SAME
    assert (
        compare_name_words(name_words("Jos\u00e9 Nu\u00f1ez"), name_words("Jose Nunez"), False)
        is SAME
    )
    # a letter changed is still a different name on a text layer
    assert compare_name_words(a, name_words("Isaac J. Barnatt"), False) is DIFFERENT


def test_a_street_only_address_with_a_five_figure_house_number() -> None:
    # (the house number is no ZIP: the comparison ends, unsure)
    whole = address_key("12345 Oak Street, Town, VA 24621")
    assert address_verdict(address_key("12345 Oak Street"), whole, True) is UNSURE
    assert address_verdict(address_key("12345 Oak Street Town"), whole, True) is UNSURE
    # a ZIP split by a space (`321 24`) is no street-only reading to recurse on
    split = "391 aspen ter danielleport fl 321 24"
    assert address_verdict(split, "391 aspen ter danielleport fl 32124", True) is not DIFFERENT


def test_a_letter_read_as_a_ligature_is_unsure_not_another_name() -> None:
    from flightline.rules.compare import compare_name_words
    from flightline.rules.keys import name_words

    # `Christiffla`: the n read as the ffl ligature
    assert (
        compare_name_words(name_words("Christiffla Todd"), name_words("Christina Todd"), True)
        is Verdict.UNSURE
    )
    assert (
        compare_name_words(name_words("Karen Todd"), name_words("Kevin Todd"), True)
        is Verdict.DIFFERENT
    )


def test_cns_001_a_scanned_loan_amount_its_first_figures_lost_is_a_misread() -> None:
    # `46` lost from the CD's 461,400.00 leaves 1,400.00, an amount a loan
    # may have: the Note's figures cut short, a misread
    loan = clean_loan().set(
        DocType.closing_disclosure, loan_amount=D(1400), monthly_pi=D("7896.20")
    )
    loan = loan.set(DocType.note, principal_amount=D(461400))
    issues, ctx = _with_run(_scanned(loan), "CNS-001")
    assert [i for i in issues if i.subject == "loan_amount"] == []
    assert "loan_amount note vs cd" in ctx.unread
    # figures that are not the other's last ones are another amount
    other = loan.set(DocType.closing_disclosure, loan_amount=D(1500))
    assert any(i.subject == "loan_amount" for i in run(_scanned(other), "CNS-001"))
    # on a text layer the CD says what it says
    text = clean_loan().set(DocType.closing_disclosure, loan_amount=D(1400))
    text = text.set(DocType.note, principal_amount=D(461400))
    assert any(i.subject == "loan_amount" for i in run(text, "CNS-001"))


def test_a_space_ocr_put_inside_a_word_of_a_name_is_the_same_name() -> None:
    # `DONNA DAV IS`: a wide letter read as a gap; the same letters in order
    davis = name_words("Donna Davis")
    assert compare_name_words(davis, name_words("DONNA DAV IS"), True) is SAME
    # typed that way it is what it says
    assert compare_name_words(davis, name_words("DONNA DAV IS"), False) is DIFFERENT
    # another letter is no gap
    assert compare_name_words(davis, name_words("DONNA DAV ES"), True) is not SAME


def test_an_entity_word_run_into_the_name_before_it_is_still_the_entity_word() -> None:
    # `Adams EngineeringCorporation`: a scan lost the space
    assert employer_key("Adams EngineeringCorporation") == employer_key("Adams Engineering Corp.")
    assert employer_key("Brown ElectricCompany") == employer_key("Brown Electric")
    # a short entity word inside a name stays part of it (Costco, Disco)
    assert employer_key("Costco Wholesale") != employer_key("Cost Wholesale")


def test_a_scanned_address_whose_state_was_lost_and_city_garbled() -> None:
    whole = address_key("17362 MOORE LANE, NEW JAMESBURY, TX 76125")

    def verdict(read: str) -> Verdict:
        return address_verdict(address_key(read), whole, True)

    # the house, the street and the ZIP agree: the line between was misread
    assert verdict("17362 Moore Ln, New epesbunix 76125") is Verdict.UNSURE
    # another house, street or ZIP is another address
    assert verdict("9 Moore Ln, New epesbunix 76125") is Verdict.DIFFERENT
    assert verdict("17362 Oak Ln, New epesbunix 76125") is Verdict.DIFFERENT
    assert verdict("17362 Moore Ln, New epesbunix 30125") is Verdict.DIFFERENT


def test_an_appraised_value_a_figure_off_the_1008s_that_ties_up_is_the_1008s() -> None:
    # the appraisal's 410,000 read as 310,000: below the price, it would be
    # the basis; the 1008's value, a figure apart and tied up by its own
    # 75.000% LTV, is the value
    loan = _scanned(clean_loan().set(DocType.appraisal_1004, 0, appraised_value=D(310000)))
    ctx = loan.context()
    compute_figures(ctx)
    assert ctx.figures["ltv"].value == "75.00"
    # more than a figure apart, the appraisal says what it says
    far = _scanned(clean_loan().set(DocType.appraisal_1004, 0, appraised_value=D(350000)))
    ctx = far.context()
    compute_figures(ctx)
    assert ctx.figures["ltv"].value == "85.71"
    # and a text layer is no misread
    text = clean_loan().set(DocType.appraisal_1004, 0, appraised_value=D(310000)).context()
    compute_figures(text)
    assert text.figures["ltv"].value == "96.77"
