"""Captions as OCR reads them: a caption misread beside its hint, a box row
whose first caption is garbled, another field's caption a letter away, a
caption read where a value stands; and the URLA's boxes (its income box, the
signature date written above its caption, a name spaced wide, an SSN mask
read as `H`). A value is taken from its own caption, never a neighbour's."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from flightline.pipeline.extract import extract
from flightline.pipeline.model import DocType, LogicalDocument, PageText, Value

DOC = uuid.UUID("00000000-0000-0000-0000-0000000ca971")


def extracted(doc_type: DocType, text: str, method: str = "ocr") -> LogicalDocument:
    doc = LogicalDocument(uuid.uuid4(), doc_type, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, method)])
    return doc


def read(doc_type: DocType, text: str, method: str = "ocr") -> dict[str, Value]:
    return {k: v.value for k, v in extracted(doc_type, text, method).fields.items()}


URLA_BOXES = """\
Uniform Residential Loan Application
III. BORROWER INFORMATION
Borrower's Nagne (include Jr. or Sr. if applicable)        "Co-Borrower's Name
Dana Quinn Example        Robin Lee Example
Soci Security Number        SSN
_XXXXX6784        #HH-HH-3712\u2014
Present Address        DOB
6536 Lela Parkway, Courtneymouth, NJ 07423        11/17/1982
IV. EMPLOYMENT INFORMATION
Name & Address of Employer        Yrs. on this job
Davis Medical Center Inc*        11
This application was taken by:        Face-to-face interview
Interviewer's Name:        M. Brooks
"""


def test_a_caption_misread_beside_its_hint_still_names_its_column() -> None:
    got = read(DocType.urla_1003, URLA_BOXES)
    assert got["borrower_name"] == "Dana Quinn Example"
    assert got["co_borrower_name"] == "Robin Lee Example"


def test_the_interviewers_name_is_never_the_applicants() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "This application was taken by:        Face-to-face interview\n"
        "Interviewer's Name:        M. Brooks\n"
    )
    assert "borrower_name" not in read(DocType.urla_1003, text)


def test_a_box_row_whose_first_caption_is_misread_reads_the_first_box() -> None:
    # `Co-Borrower SSN` read as `SSN`: the first box, `Soci Security Number`, is ours
    assert read(DocType.urla_1003, URLA_BOXES)["ssn_last4"] == "6784"


URLA_SIGNED = """\
Uniform Residential Loan Application
III. BORROWER INFORMATION
Borrower's Name (include Jr. or Sr. if applicable)        1 Co-Borrower's Name
Steven   Hall
Social Security Number        Co-Borrower SSN
HHH-H#-5675
IX. ACKNOWLEDGEMENT AND AGREEMENT
Borrower and Lender shall give notice of any condemnation award.
2025-07-10        Whites
Borrower's Signature        Date
X. INFORMATION FOR GOVERNMENT MONITORING PURPOSES
M. LOAN AMQUNT:        53%500.00
"""


def test_a_scan_puts_the_signature_date_above_its_caption() -> None:
    assert read(DocType.urla_1003, URLA_SIGNED)["application_date"] == date(2025, 7, 10)
    # a text layer puts it after the caption: no date above is taken there
    assert "application_date" not in read(DocType.urla_1003, URLA_SIGNED, method="text")


def test_a_name_spaced_wide_under_two_captions_is_the_first_boxs() -> None:
    assert read(DocType.urla_1003, URLA_SIGNED)["borrower_name"] == "Steven Hall"


def test_a_mask_read_as_h_is_a_masked_ssn_and_the_first_boxs_alone() -> None:
    got = read(DocType.urla_1003, URLA_SIGNED)
    assert got["ssn_last4"] == "5675"
    assert "co_borrower_ssn_last4" not in got


def test_a_percent_sign_inside_an_amount_leaves_it_unread() -> None:
    # `53%500.00` is 537,500.00 with figures lost: neither 500.00 nor 53,500
    assert "loan_amount" not in read(DocType.urla_1003, URLA_SIGNED)


INCOME_BOX = """\
Uniform Residential Loan Application
V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION
Gross Monthly Income        Borrower        Co-Borrower        Total
Base Empl. Income\u201d        $7;47067        \u201c$7,470.67
"Overtime        $ 0.00        $0.00
Bonuses        irk!        $354.83        $354.83
Commissions        $ 0.00        $ 0.00
Other        $ 0.00        $ 0.00
Total        $ 7,825.50        $ 7,825.50
"""


def test_income_cells_with_a_comma_misread_or_a_speck_word_before_them() -> None:
    got = read(DocType.urla_1003, INCOME_BOX)
    # `$7;47067`: a semicolon for the comma, the point lost; the total column has it
    assert got["income_base_monthly"] == Decimal("7470.67")
    # `irk!`: a speck read as a word of its own before the amount
    assert got["income_bonus_monthly"] == Decimal("354.83")


def test_an_income_total_read_without_its_cents_is_its_lines_sum_where_printed() -> None:
    text = INCOME_BOX.replace("Total        $ 7,825.50        $ 7,825.50", "Total  782 5.50")
    assert read(DocType.urla_1003, text)["income_total_monthly"] == Decimal("7825.50")
    # a fragment that is no reading of the lines' sum is unread
    text = INCOME_BOX.replace("Total        $ 7,825.50        $ 7,825.50", "Total  9925")
    assert "income_total_monthly" not in read(DocType.urla_1003, text)


def test_an_income_total_behind_a_symbol_speck_is_read() -> None:
    # `£5`: a speck read as a symbol and a figure before the total's cell
    text = INCOME_BOX.replace(
        "Total        $ 7,825.50        $ 7,825.50",
        "Total        \u00a35        $7,825.50        Seer        $7,825.50",
    )
    assert read(DocType.urla_1003, text)["income_total_monthly"] == Decimal("7825.50")


W2_SECTIONS = """\
2024 W-2 Wage and Tax Statement
Employee Reference Copy
Employer
Empl\u00e9yer        LAWRENCE & MOONEY LEARNING ACADEMY INC
EIN        18-4477901
Employee
Employee        JULIA M WHITEHEAD
"""


def test_a_caption_misread_under_its_heading_is_no_value() -> None:
    # `Employer` over `Empléyer    LAWRENCE & ...`: the name beside the
    # misread caption, not the caption
    assert read(DocType.w2, W2_SECTIONS)["employer_name"] == (
        "LAWRENCE & MOONEY LEARNING ACADEMY INC"
    )


W2_BOXES = """\
Form W-2 Wage and Tax Statement 2023
a Employee's social security number        1 Wages, tips, other compensation
xxx-xx-0480        157587.76
c Employer's name, addgess, and ZIP code     al 5 Medicare wages and tips
Robinson & Howard Distribution, Inc.  166020.82
Employee's first name andiinitial, Last name  16 State wages, tips, etc.  17 State income tax
(Amy Whitehead        157587.76        6562.41        Aaa
"""


def test_another_fields_caption_a_letter_away_is_not_this_ones() -> None:
    got = read(DocType.w2, W2_BOXES)
    # `Employer's name` is not a misread `Employee's name`; `(` is a box edge
    # and `Aaa` a speck past the last column
    assert got["employee_name"] == "Amy Whitehead"
    # the rest of a misread caption (`addgess, and ZIP code`) and a speck
    # (`al`) are no employer
    assert got.get("employer_name") not in ("addgess, and ZIP code", "al")


def test_a_paystub_caption_beside_a_near_namesake_keeps_its_own_column() -> None:
    text = (
        "EMPLOYEE PAY STUB\n"
        "Employer        Employee\n"
        "Robertson & Soto Software L.P.        _Frances Hull\n"
        "nt,     Pega Lee        nah Ray Paisd go)        Se ars Frequerly ts\u201d\n"
        "Aug 21, 2026        Aug 03, 2026 - Aug 16, 2026        Bi-Weekly\n"
        "Description        Current        YTD\n"
        "Salary        $6,269.23        $106,576.91\n"
    )
    got = read(DocType.paystub, text)
    assert got["employee_name"] == "Frances Hull"
    # the dates row under captions garbled past reading: pay date and period
    assert got["pay_date"] == date(2026, 8, 21)
    assert got["pay_period_end_date"] == date(2026, 8, 16)


def test_a_paystub_dates_row_of_three_cells_under_garbled_captions() -> None:
    text = (
        "Payroll Check Stub\n"
        "Employer        Employee\n"
        "Robinson Realty Group Co.        Erik David Walter\n"
        "laav\u00a5ce Date        Pay Period        hal Frequency\n"
        "24-Jul-2026        06-Jul-2026   19-Jul-2026        Bi-Weekly\n"
        "Description        Current        YTD\n"
        "Regular        3,288.46        49,326.90\n"
    )
    got = read(DocType.paystub, text)
    assert got["pay_date"] == date(2026, 7, 24)
    assert got["pay_period_start_date"] == date(2026, 7, 6)
    assert got["pay_period_end_date"] == date(2026, 7, 19)
    # the pay date last reads the same
    last = read(
        DocType.paystub,
        text.replace(
            "24-Jul-2026        06-Jul-2026   19-Jul-2026",
            "06-Jul-2026   19-Jul-2026        24-Jul-2026",
        ),
    )
    assert last["pay_date"] == date(2026, 7, 24)
    assert last["pay_period_start_date"] == date(2026, 7, 6)
    # dates no period paid after it makes are left unread
    odd = read(DocType.paystub, text.replace("24-Jul-2026", "24-Jan-2026"))
    assert "pay_date" not in odd


CONTINUATION = """\
CONTINUATION SHEET/RESIDENTIAL LOAN APPLICATION
Use this continuation sheet if you need more space to complete the Residential Loan Application.
Co-Borrower        Olivia Harper        Social Security Number     #tt#-##-5700
Borrower        Holly S. Harper        Borrower SSN        XXX-XX-1409
IV. EMPLOYMENT INFORMATION        nest        eel.
Name & Address of Employ\u00e9r        [vig 0 on this job        "Se
Davila Precision Tools Inc
Position/Title/Type of Business        Date of Hire        Business Phone
"""


def test_a_continuation_sheets_ssns_are_each_on_its_persons_line() -> None:
    got = read(DocType.urla_1003, CONTINUATION)
    assert (got["borrower_name"], got["ssn_last4"]) == ("Olivia Harper", "5700")
    assert got["co_borrower_ssn_last4"] == "1409"
    # a mask garbled past reading leaves the SSN unread, never the other's
    garbled = CONTINUATION.replace("#tt#-##-5700", "#tt#-##-57Q0")
    assert read(DocType.urla_1003, garbled).get("ssn_last4") != "1409"


def test_a_continuation_sheets_ssn_caption_garbled_keeps_each_ssn_on_its_line() -> None:
    text = CONTINUATION.replace(
        "Social Security Number     #tt#-##-5700", "SOCIAL SECURIBRY NUMBE.. XXXXX5700"
    )
    got = read(DocType.urla_1003, text)
    assert (got["borrower_name"], got["ssn_last4"]) == ("Olivia Harper", "5700")
    assert got["co_borrower_ssn_last4"] == "1409"


def test_a_continuation_sheets_ssn_caption_with_specks_for_its_space() -> None:
    text = CONTINUATION.replace(
        "Social Security Number     #tt#-##-5700",
        "Social Security\u2019'Number:     \u2014_\u2014####-#-5700",
    )
    got = read(DocType.urla_1003, text)
    # the applicant's own SSN, never the other person's on the next line
    assert (got["borrower_name"], got["ssn_last4"]) == ("Olivia Harper", "5700")
    assert got["co_borrower_ssn_last4"] == "1409"


def test_a_continuation_sheets_ssn_garbled_on_a_garbled_caption_is_unread() -> None:
    text = CONTINUATION.replace(
        "Social Security Number     #tt#-##-5700", "Social Seeurity Number:       #e*_**_25 13"
    )
    got = read(DocType.urla_1003, text)
    assert got["borrower_name"] == "Olivia Harper" and "ssn_last4" not in got
    assert got["co_borrower_ssn_last4"] == "1409"


def test_a_continuation_sheet_whose_applicants_name_did_not_read() -> None:
    # `Séott` is still a name (an accent on a speck); were it unread, the
    # `Borrower` line's name stays the other person, never the applicant
    text = (
        CONTINUATION.replace("Olivia Harper", "S\u00e9ott Harper")
        .replace("#tt#-##-5700", "XXX-XX-5700")
        .replace("XXX-XX-1409", "#HHE-##-1409")
    )
    got = read(DocType.urla_1003, text)
    assert (got["borrower_name"], got["ssn_last4"]) == ("S\u00e9ott Harper", "5700")
    assert (got["co_borrower_name"], got["co_borrower_ssn_last4"]) == ("Holly S. Harper", "1409")
    unread = read(DocType.urla_1003, text.replace("S\u00e9ott Harper", "S8$% ??"))
    assert "borrower_name" not in unread
    assert unread["co_borrower_name"] == "Holly S. Harper"


def test_the_next_caption_read_beside_the_employer_caption_is_no_employer() -> None:
    assert read(DocType.urla_1003, CONTINUATION)["employer_name"] == "Davila Precision Tools Inc"


@pytest.mark.parametrize("title", ["2CsLIABILITIES", "2@. LIABILITIES"])
def test_a_liabilities_title_with_a_speck_after_its_box_number(title: str) -> None:
    text = (
        "Uniform Residential Loan Application\n"
        f"{title} - CREDIT CARDS, OTHER DEBTS, AND LEASES THAT YOU OWE\n"
        "Company Name        Unpaid Balance   _To be paid off        Monthly Payment\n"
        "Beacon Education Loans,        $40,904.00        $125.00\n"
        "SECTION 4: LOAN AND PROPERTY INFORMATION.\n"
    )
    doc = extracted(DocType.urla_1003, text)
    [row] = doc.rows["liabilities"]
    assert row["monthly_payment"].value == Decimal("125.00")


def test_liability_rows_with_specks_and_a_garbled_balance_before_their_amounts() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "LIABILITIES        a=\n"
        "Company Name        Pee        Unpaid Balance _To be paid off        Monthly Payment\n"
        "Pioneer Card Svcs        3        $5986.00,        $197.00\n"
        "Pioneer Bank Usa        2-t        $4911.00        $102.00\n"
        "Granite Credit Card        Apatite    -SABOD 00)        $104.00\n"
        "Beacon Mortgage Servicing        $185459.07        X        $2557.30\n"
        "SECTION 4: LOAN AND PROPERTY INFORMATION.\n"
    )
    got = [
        {k: v.value for k, v in r.items()}
        for r in extracted(DocType.urla_1003, text).rows["liabilities"]
    ]
    assert got == [
        # a speck read as a figure before the balance is no amount
        {
            "creditor": "Pioneer Card Svcs",
            "balance": Decimal("5986.00"),
            "monthly_payment": Decimal("197.00"),
        },
        {
            "creditor": "Pioneer Bank Usa",
            "balance": Decimal("4911.00"),
            "monthly_payment": Decimal("102.00"),
        },
        # the balance garbled into marks: unread, and the payment after it kept
        {"creditor": "Granite Credit Card", "monthly_payment": Decimal("104.00")},
        {
            "creditor": "Beacon Mortgage Servicing",
            "balance": Decimal("185459.07"),
            "monthly_payment": Decimal("2557.30"),
        },
    ]


def test_a_liability_payment_whose_point_ocr_read_as_a_comma() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "LIABILITIES\n"
        "Company Name        Unpaid Balance    To be paid off        Monthly Payment\n"
        "Evergreen Retail Card        $ 5,257.00        $ 167,00\n"
        "Harbor Retail Card        $ 1,322.00        $ 1,327\n"
        "SECTION 4: LOAN AND PROPERTY INFORMATION.\n"
    )
    got = [
        {k: v.value for k, v in r.items()}
        for r in extracted(DocType.urla_1003, text).rows["liabilities"]
    ]
    # two figures after the comma: cents; three: thousands
    assert [r.get("monthly_payment") for r in got] == [Decimal("167.00"), Decimal("1327")]


def test_a_liability_row_whose_name_ocr_set_on_the_line_below() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "LIABILITIES\n"
        "Company Name iets   wiles        Unpaid Balance   _To be paid off        Monthly Payment\n"
        "Pip     400 00une alia        $166.00\n"
        "Ironbridge Card Services\n"
        "Beacon Card Svcs        $7,861.00        $267.00\n"
        "SECTION 4: LOAN AND PROPERTY INFORMATION.\n"
    )
    rows = extracted(DocType.urla_1003, text).rows["liabilities"]
    assert [r["creditor"].value for r in rows] == ["Ironbridge Card Services", "Beacon Card Svcs"]
    assert rows[0]["monthly_payment"].value == Decimal("166.00")


def test_a_caption_misread_by_a_letter_beside_its_namesake_and_a_speck_cell() -> None:
    text = (
        "EMPLOYEE PAY STUB\n"
        "Employer        lemployee\n"
        "Walker Learning Academy, Inc.        Julie S. Romero        a\u00b0..\n"
    )
    got = read(DocType.paystub, text)
    assert got["employee_name"] == "Julie S. Romero"
    assert got["employer_name"] == "Walker Learning Academy, Inc."


def test_an_income_box_under_a_misread_caption() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "Gross Morithly Income\n"
        "Base:        $10942.65        Overtime:        $355.47        Bonus:        $0.00\n"
        "Commission:       $0.00        Other:        $0.00        TOTAL:        $11298.12\n"
    )
    got = read(DocType.urla_1003, text)
    assert got["income_other_monthly"] == Decimal("0.00")
    assert got["income_total_monthly"] == Decimal("11298.12")


def test_a_speck_word_beside_the_w2_employer_caption_is_no_employer() -> None:
    text = (
        "Form W-2 Wage and Tax Statement 2025\n"
        "Employer identification number (EIN)  3 Social security wages\n"
        "11-3455668        $176,100.00\n"
        "c Employer's name, address, and ZIP code       Taras   5 Medicare wages and tips"
        "        6 Medicare tax withheld\n"
        "Woods & Padilla Manufacturing Corp.     $197,058.12        $2,857.34\n"
        "5471 Randolph Street, Port Adrian, IN 47329\n"
    )
    assert read(DocType.w2, text)["employer_name"] == "Woods & Padilla Manufacturing Corp."


def test_the_rest_of_the_w2_employer_caption_garbled_is_no_employer() -> None:
    text = (
        "Form W-2 Wage and Tax Statement 2025\n"
        "b Employer identification number (EIN)   3 Social security wages\n"
        "64-7100434        95865.        5943.65\n"
        "je Employer's name, \u2018Raaress, and 2IP code    \u201c5 Medicare wages and tips\n"
        "Curtis Distribution Corporation     95865.        1390.05\n"
        "7133 Poplar Road, Allenberg, NY 10457\n"
    )
    assert read(DocType.w2, text)["employer_name"] == "Curtis Distribution Corporation"


def test_a_caption_inside_another_fields_caption_is_not_this_fields() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "Borrower's Name (include Jr. or Sr. if applicable)        Co-Borrower's Name\n"
        "Christine Wright        Scott Wright\n"
        "Social Security Number        Co-Borrower SSN\n"
        "HHHT-H#-8 1 66        XXX-XX-1987\n"
    )
    got = read(DocType.urla_1003, text)
    # `SSN` of `Co-Borrower SSN` is the co-borrower's caption: the borrower's
    # SSN garbled past reading is unread, not the co-borrower's
    assert got.get("ssn_last4") != "1987"
    assert got["co_borrower_ssn_last4"] == "1987"


def test_a_row_of_captions_each_beside_its_value_is_no_header() -> None:
    text = (
        "1003 Application Snapshot\n"
        "Employment & Income (Monthly)\n"
        "Employer        Reed Learning Academy Corp.        Start Date        03/14/3015\n"
        "Position        Office Manager        Pay Type        Salaried\n"
    )
    assert read(DocType.urla_1003, text)["employer_name"] == "Reed Learning Academy Corp."


def test_the_occupancy_under_its_caption_with_a_letter_misread() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "Purpose of Loan        Froperty will be\n"
        "Purchase        Investment\n"
    )
    assert read(DocType.urla_1003, text)["occupancy"] == "investment"


VOE_1005_GARBLED = """\
Request for Verification of Employment        7
Part I - Request     2
1. To (Name and address of @fhployer)
Bray & Jones Freight Lines Corporation, 10695 King Boulevard\u00ae Watkinsshire, VA 22966
3 Signature ofLender        4. Title        Lender's No.        De\u00a5]
Processor        244356
7. Name and Adress of Applicant.        iv.        8. SSN
Nicole K. Miller        #it#-##-0840
Part Il - Verification of Present Employment
9. Applicant's Date of Employment        /10. Present Position        |11. Probability
4 Sep 25, 2012        Sales Representative        Good
"""


def test_a_1005_whose_captions_ocr_garbled() -> None:
    got = read(DocType.voe, VOE_1005_GARBLED)
    # the employer's caption all in brackets, its last word misread
    assert got["employer_name"] == "Bray & Jones Freight Lines Corporation"
    # a speck read as a header cell (`iv.`) does not shift the columns;
    # a mask's marks read as small letters (`#it#`)
    assert got["employee_name"] == "Nicole K. Miller"
    assert got["ssn_last4"] == "0840"
    # the next caption's box number (`|11.`) is no position
    assert got.get("position") != "111."


def test_a_company_in_a_row_of_boxes_is_its_own_box() -> None:
    # the captions over it garbled past reading, the employer is found as a
    # company-looking line: its box, never the employee's beside it
    text = (
        "\u201cEMPLOYEE PAY STUB\n"
        "Employer        7        ppeoleyes\n"
        "Nichols Architects L.P.        Vanessa M. Walkex\u2122\n"
        "Employer Address\u00ae        SSN\n"
        "24444 Aspen Avenue, Lake David, AZ 85580        XXX-XX~1338\n"
    )
    assert read(DocType.paystub, text)["employer_name"] == "Nichols Architects L.P."


def test_a_sections_heading_with_specks_read_as_a_name_is_not_the_caption() -> None:
    # `Employee` heads the section, its specks read as a name; the caption
    # with its colon on the next line names the employee
    text = (
        "2024 W-2 Wage and Tax Statement\n"
        "Employer\n"
        "Employer:        Montgomery Logistics Company\n"
        "EIN:        36-3291377\n"
        "Employee        Peet Shea  Te        Fei\n"
        "Employee:        Robert F. Norton\n"
        "SSN:        XXX-XX-4447\n"
    )
    assert read(DocType.w2, text)["employee_name"] == "Robert F. Norton"
    # a heading's name with no caption after it stands
    alone = text.replace("Employee:        Robert F. Norton\n", "")
    assert read(DocType.w2, alone)["employee_name"] == "Peet Shea"


def test_an_empty_liabilities_table_ends_at_the_next_section() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "LIABILITIES\n"
        "Company Name        Unpaid Balance   To be paid off        Monthly Payment\n"
        "VII. DETAILS OF TRANSACTION\n"
        "a. Purchase price        502,000.00\n"
        "Fannie Mae Form 1003        Page 2\n"
    )
    doc = extracted(DocType.urla_1003, text)
    assert "liabilities" not in doc.rows


def test_a_liabilities_table_ends_at_a_section_whose_number_ocr_lost() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "2C. LIABILITIES - CREDIT CARDS, OTHER DEBTS, AND LEASES THAT YOU OWE\n"
        "Company Names        Unpaid Balance    Tobe paid off        Monthly Payment\n"
        "Granite Auto Finance        $9,646.00        $240.00\n"
        "SECTION LOAN anu BRORERTX EO\u201d:\n"
        "Property Address        Number of Units\n"
        "19665 Clark Boulevard, Gregoryview, MI 4934]\n"
        "\u2018Sie Price        Occupancy\n"
    )
    rows = extracted(DocType.urla_1003, text).rows["liabilities"]
    # the property's address after it is no debt
    assert [r["creditor"].value for r in rows] == ["Granite Auto Finance"]


def test_a_lone_figure_before_a_column_gap_between_liabilities_is_no_section() -> None:
    text = (
        "LOAN APPLICATION SUMMARY\n"
        "LIABILITIES\n"
        "Company Name        Unpaid Balance   To be paid off        Monthly Payment\n"
        "Pioneer Bank Usa        8,787.00        176.00\n"
        "3        BSE\n"
        "Sterling Personal Lending        5,322.00        109.00\n"
        "3. Financial Information - Real Estate\n"
        "Meridian Mortgage Co        226,000.00        3,058.00\n"
    )
    rows = extracted(DocType.urla_1003, text).rows["liabilities"]
    # `3        BSE` is a speck; `3. Financial ...` ends the table
    assert [r["creditor"].value for r in rows] == ["Pioneer Bank Usa", "Sterling Personal Lending"]


def test_a_figure_under_the_other_box_is_not_the_co_borrowers_ssn() -> None:
    # `Co-Bogower SSN` read fuzzily; under it `sek _BQRe` (unread); the
    # `#4587]` under the borrower's misread caption is not the co-borrower's
    text = (
        "Uniform Residential Loan Application\n"
        "III. BORROWER INFORMATION\n"
        "Borrower's Name (include Jr. or Sr. if applicable)        Co-Borrower's Name\n"
        "Claudia Peck        Nathan J. Peck\n"
        "Social Security Sumber        Co-Bogower SSN\n"
        "#4587]        sek _BQRe\n"
    )
    got = read(DocType.urla_1003, text)
    assert got.get("co_borrower_ssn_last4") is None
    # its own box read: it is the co-borrower's
    assert (
        read(DocType.urla_1003, text.replace("sek _BQRe", "XXX-XX-8084"))["co_borrower_ssn_last4"]
        == "8084"
    )


def test_a_mark_read_as_a_word_and_two_figures_among_liabilities_with_cents_is_no_row() -> None:
    text = (
        "Residential Loan Application - Summary\n"
        "LIABILITIES,\n"
        "Company Name        Unpaid Balance    To be paid off        Monthly Payment\n"
        "Keystoné Catd Sves        $280.00        $ 25.00\n"
        "Evergreen Auto Lending        $ 8.649.00        $ 542.00\n"
        "endi        49,        $42.\n"
        "Cascade Sfident Loan Servicing        $ 18,562.00        $ 393.00\n"
        "Declarations\n"
    )
    doc = extracted(DocType.urla_1003, text)
    payments = [r["monthly_payment"].value for r in doc.rows["liabilities"]]
    assert payments == [Decimal("25.00"), Decimal("542.00"), Decimal("393.00")]
    # a creditor of one word whose row prints its cents is a row
    amex = text.replace("endi        49,        $42.", "Amex        $1,049.00        $42.00")
    doc = extracted(DocType.urla_1003, amex)
    assert len(doc.rows["liabilities"]) == 4


PAYSTUB_YEN_MASK = """\
Jensen & Turner Freight Lines Company
Pay Statement
Period Beginning        08-24-2026        Employee        Farley, Catherine J.
Period Ending        09-06-2026        SSN        \u00a5#4*_**-7736
Advice Date        09-11-2026        EmployeID        80391
Earnings        Rate        Hours        This Period        Year to Date
Regular Pay        $4,519.23        $85,865.37
"""


def test_an_ssn_mask_whose_first_mark_ocr_read_as_a_yen_sign() -> None:
    assert read(DocType.paystub, PAYSTUB_YEN_MASK)["ssn_last4"] == "7736"


def test_an_income_box_whose_caption_and_bonus_label_ocr_misread_a_letter() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "Financial Analyst        March 29, 2022        Years\n"
        "Gross M\u00e9nthly Income\n"
        "Base:        $ 19,041.67        Overtime:        $ 0.00        Bohus:        $ 442.21\n"
        "Commission:     $ 0.00        Other:        $ 0.00        TOTAL:        $ 19,483.88\n"
    )
    got = read(DocType.urla_1003, text)
    assert got["income_bonus_monthly"] == Decimal("442.21")
    assert got["income_total_monthly"] == Decimal("19483.88")


@pytest.mark.parametrize(
    "line",
    [
        "Dominguez Medical Center\u00a5 16430 Price Drive, Webbburgh, TX 76098",
        # the house number run into the street's name
        "Dominguez Medical Center, 16430sPrice Drive, Webbburgh, TX 76098",
    ],
)
def test_a_1005_employer_before_an_address_ocr_garbled(line: str) -> None:
    text = (
        "Request for Verification of Employment\n"
        "Part I - Request\n"
        "ly. To (Name and address of employer)\n"
        f"{line}\n"
        "3. Signature of Lender        4. Title        6, Lender's No.\n"
    )
    assert read(DocType.voe, text)["employer_name"] == "Dominguez Medical Center"


def test_a_liabilities_table_whose_title_ocr_garbled_starts_at_its_header() -> None:
    text = (
        "VI. ASSETS AND LIABILITIES\n"
        "DABILINES    Scshet        Sag\n"
        "\u201cCompanyName        ___Unpaid Balance     be paid off        Monthly Payment\n"
        "Northstar Card Svcs        748.00        25.00\n"
        "Frontier Home Loans        402,000.00        2,829.00\n"
        "Vil. DETAILS OF TRANSACTION\n"
    )
    doc = extracted(DocType.urla_1003, text)
    got = [(r["creditor"].value, r["monthly_payment"].value) for r in doc.rows["liabilities"]]
    assert got == [
        ("Northstar Card Svcs", Decimal("25.00")),
        ("Frontier Home Loans", Decimal(2829)),
    ]


def test_a_liability_whose_amounts_ocr_garbled_is_still_listed_by_name() -> None:
    text = (
        "VI. ASSETS AND LIABILITIES\n"
        "Company Name        Unpaid Balance    To be paid off     Monthly Payment\n"
        "\u2018Heritage Motor Credit        Tour,        9G, 350        ielnce        t900,\n"
        "sterifhg Retail card        890-00        eee ey,\n"
        "Horizon Home Loans        $269,000.00        $2,399.00\n"
        "Uniform Residential Loan Application        7\n"
        "VII. DETAILS OF TRANSACTION\n"
    )
    doc = extracted(DocType.urla_1003, text)
    rows = [{k: v.value for k, v in r.items()} for r in doc.rows["liabilities"]]
    # the creditor without figures (none is guessed), the page's footer no row
    assert rows == [
        {"creditor": "Heritage Motor Credit"},
        {"creditor": "sterifhg Retail card"},
        {
            "creditor": "Horizon Home Loans",
            "balance": Decimal("269000.00"),
            "monthly_payment": Decimal("2399.00"),
        },
    ]


def test_a_paystub_employer_beside_the_employee_caption_ocr_garbled() -> None:
    text = (
        "EMPLOYEE PAY STUB\n"
        "Employer        Eup loves\n"
        "Stewart Freight Lines Corporation        Ex C CARTER\n"
        "employer Address        SSN\n"
        "12207 Dougherty Trail, Richardland, VA 23830        ###-##-6622\n"
    )
    assert read(DocType.paystub, text)["employer_name"] == "Stewart Freight Lines Corporation"
    # the company's entity word with a letter read as a figure (`C6.` for Co.)
    misread = text.replace("Eup loves", "iEreioves").replace(
        "Stewart Freight Lines Corporation", "Stewart Freight Lines C6."
    )
    assert read(DocType.paystub, misread)["employer_name"] == "Stewart Freight Lines C6."


@pytest.mark.parametrize(
    ("printed", "occupancy"),
    [
        ("Non-Owner Occupied", "investment"),
        # a speck OCR read beside the hyphen keeps the `Non`
        ("Non-~Owner Occupied", "investment"),
        ("Nonowner Occupied", "investment"),
        ("Owner Occupied", "principal_residence"),
    ],
)
def test_occupancy_as_a_scan_reads_it(printed: str, occupancy: str) -> None:
    from flightline.pipeline.extractors.enums import canon_occupancy

    assert canon_occupancy(printed) == occupancy


def test_a_paystub_header_row_with_specks_read_as_cells_still_heads_its_columns() -> None:
    text = (
        "Payroll Check Stub\n"
        "Employer        Employee\n"
        "Woods & Mercer Software Corp.        Perez, Chad J.\n"
        "\u201cAdvice Date        \u201cPy Period        \u2018a        Frequency        7\n"
        "October 30, 2026        October 1, 2026 - October 31, 2026        Monthly\n"
        "Description        Current        YTD\n"
    )
    assert read(DocType.paystub, text)["pay_date"] == date(2026, 10, 30)


PROMISSORY = """\
Fixed Rate Promissory Note
Acevedo Lending
Note Date        Loan Amount        Interest Rate
15-SEP-2025        $293400.00        6.250%
Term (months)
360        6105 GreeneLane, Port Michaelton, MA 01235
Borrower(s): Jill Denise Jones
In return for a loan that I have received, I promise to pay U.S. $293400.00.
"""


def test_a_note_whose_property_caption_ocr_lost_keeps_its_one_address() -> None:
    # a note prints one street address, the property's
    found = read(DocType.note, PROMISSORY)
    assert found["property_address"] == "6105 GreeneLane, Port Michaelton, MA 01235"
    assert found["loan_term_months"] == 360
    # two addresses: which is the property's is unknown
    two = PROMISSORY.replace(
        "Borrower(s): Jill Denise Jones",
        "Payments to        88 Main St, Springfield, IL 62701",
    )
    assert "property_address" not in read(DocType.note, two)
    # a text layer reads its captions; an address without one is not guessed
    assert "property_address" not in read(DocType.note, PROMISSORY, method="text")


def test_a_caption_beside_specks_over_its_value_and_a_bare_number() -> None:
    # `No. of Units` read as specks (`[eae  Pe  See`) beside the address's caption
    text = (
        "Uniform Residential Loan Application\n"
        "Il. PROPERTY INFORMATION AND PURPOSE OFLOAN\n"
        "Sudject Property Address     [eae        Pe        See\n"
        "1605 Greene Ln, Port Michaelton, MA 01235        4\n"
        "|Pwposeoflon        Property will be     Li)        \u2018fi\n"
        "Purchase        Non-Owner Occupied\n"
    )
    found = read(DocType.urla_1003, text)
    assert found["property_address"] == "1605 Greene Ln, Port Michaelton, MA 01235"
    # words beside the caption are another caption: its cell below is no number
    other = text.replace("01235        4", "01235        Purchase")
    assert "property_address" not in read(DocType.urla_1003, other)


def test_a_caption_beside_a_garbled_one_over_a_row_of_figures() -> None:
    # `Effective Date` read `Veteatve Date`: the row below is figures only,
    # one under each caption (a speck past the last)
    text = (
        "APPRAISAL REPORT\n"
        "Form 1004 Single Family Summary\n"
        "Market Value        Veteatve Date\n"
        "238,000.00        08/07/2025        call\n"
        "SUBJECT:        8335 COOPER BOULEVARD, JONATHANTON, NC 27098\n"
    )
    assert read(DocType.appraisal_1004, text)["appraised_value"] == Decimal("238000.00")
    # words below are no row of values under the captions
    words = text.replace("238,000.00        08/07/2025", "Sales Comparison        Approach")
    assert "appraised_value" not in read(DocType.appraisal_1004, words)


def test_a_sections_heading_over_its_caption_misread() -> None:
    # `Employer  Saeny` heads the section; the caption below, `Eniployer:`,
    # OCR misread, names the employer
    text = (
        "Income and Employment Verification\n"
        "Information current as of: 05/21/2026        Tracking Number:        612227447\n"
        "Employer        Saeny\n"
        "Eniployer:        Lawrence & Best Realty Group\n"
        "Address:        6463 Diaz Court, East Amanda, MD 21867\n"
    )
    assert read(DocType.voe, text)["employer_name"] == "Lawrence & Best Realty Group"


def test_a_note_signer_whose_borrower_caption_has_a_letter_misread() -> None:
    text = (
        "FIXED RATE NOTE\n"
        "DATE: November 20, 2026\n"
        "PRINCIPAL: $420400.00\n"
        "WITNESS THE HAND(S) AND SEAL(S) OF THE UNDERSIGNED.\n"
        "(Sead\n"
        "Shawn Daivs - Borrow\u20acr\n"
        "(Seal)\n"
        "Kayla K. Davis - Borrower\n"
    )
    found = read(DocType.note, text)
    assert found["borrower_name"] == "Shawn Daivs"
    assert found["co_borrower_name"] == "Kayla K. Davis"
    # ... or read with an accent (`Borrow\u00e9r`)
    accented = read(DocType.note, text.replace("Borrow\u20acr", "Borrow\u00e9r"))
    assert accented["borrower_name"] == "Shawn Daivs"


def test_pay_frequency_whose_every_ocr_misread() -> None:
    from flightline.pipeline.extractors.enums import canon_frequency

    assert canon_frequency("EYERY TWO WEEKS") == "biweekly"
    assert canon_frequency("Every other week") == "biweekly"
    assert canon_frequency("every 2 weeks") == "biweekly"
    assert canon_frequency("Weekly") == "weekly"
    assert canon_frequency("twelve weeks") is None


def test_a_paystub_letterhead_ocr_split_gives_no_employer_from_its_tail() -> None:
    text = (
        "HOLLOWAY ENG      NG CORP.\n"
        '10815 "RIoS ROAD\n'
        "EMPLOYEE: MCDONALD, NANCY R.        SSN: ###-##-3513\n"
    )
    assert "employer_name" not in read(DocType.paystub, text)
    # a row of boxes, the company's beside the employee's, keeps the company's
    boxes = text.replace("HOLLOWAY ENG      NG CORP.", "Nancy R. Mcdonald      Holloway Corp.")
    assert read(DocType.paystub, boxes)["employer_name"] == "Holloway Corp."
    saint = text.replace(
        "HOLLOWAY ENG      NG CORP.", "Nancy R. Mcdonald      St Luke's Health Inc"
    )
    assert read(DocType.paystub, saint)["employer_name"] == "St Luke's Health Inc"


def test_a_paystub_letterhead_whose_ampersand_ocr_lost_to_a_gap_is_one_name() -> None:
    text = (
        "Johnson   Fleming Analytics Corp\u201d\n"
        "8910 Santiago Street, Wrightfort, MI 49210        7\n"
        "Pay Statement\n"
        "PERIOD BEGINNING        10/01/2025        EMPLOYEE        LEE BURNS\n"
    )
    assert read(DocType.paystub, text)["employer_name"] == "Johnson Fleming Analytics Corp"
    # beside a box of a person's name, the company's box alone
    boxes = text.replace("Johnson   Fleming", "Lee Burns   Fleming")
    assert read(DocType.paystub, boxes)["employer_name"] == "Fleming Analytics Corp"


def test_an_income_line_with_a_third_figure_after_its_point_is_unread() -> None:
    box = INCOME_BOX.replace("$7;47067        \u201c$7,470.67", "18875.000        13375.60")
    got = read(DocType.urla_1003, box)
    assert "income_base_monthly" not in got
    assert got["income_bonus_monthly"] == Decimal("354.83")


def test_a_caption_tail_with_its_zip_misread_is_no_employer() -> None:
    text = W2_BOXES.replace(
        "c Employer's name, addgess, and ZIP code     al 5",
        "Employer's name, MGliress, and ZAP code        5",
    )
    # the caption's tail is no value: the company under it is
    assert read(DocType.w2, text)["employer_name"] == "Robinson & Howard Distribution, Inc."


def test_a_paystubs_lone_ssn_caption_over_a_row_of_other_cells() -> None:
    text = (
        "EMPLOYEE PAY STUB\n"
        "Employer        Bec        Employee\n"
        "Wall & Barnett Learning Academy LLC        KENNETH SMITH\n"
        "Employer Address        SSN\n"
        "3136 Cedar Terrace, New Markville,     53789        xxx 7747\n"
    )
    # the mask's middle group lost; the row's one SSN is the caption's
    assert read(DocType.paystub, text)["ssn_last4"] == "7747"


def test_a_w2_state_caption_garbled_beside_the_employee_caption_is_no_name() -> None:
    text = (
        "Form W-2 Wage and Tax Statement 2025\n"
        "Employee\u2019 $ first name and initial, Last name        State St   wages, tips, etc."
        "        [aad        17 State income tax\n"
        "Monica Waters        $65,231.92        $2,523.04\n"
        "Copy C - For EMPLOYEE'S RECORDS\n"
        "e Employee\u2019 s first name and initial, Last name        \u201c16 State wages,"
        " tips, etc.        17 State income tax\n"
        "Monica Waters        $ 65,231.92        $ 2,523.04\n"
    )
    assert read(DocType.w2, text)["employee_name"] == "Monica Waters"


def test_a_w2_section_heading_with_specks_over_the_employer_caption() -> None:
    text = (
        "2024 W-2 Wage and Tax Statement\n"
        "EMPLOYER     \u201cee        Asis     3\n"
        "EMPLOYER        Allen & Mendez Construetion Company\n"
        "EIN        85-3950066\n"
        "EMPLOYEE        Barbara Kathryn Hunt\n"
        "Box 1 Wages, tips, other comp.        181,421.46\n"
    )
    assert read(DocType.w2, text)["employer_name"] == "Allen & Mendez Construetion Company"


def test_an_applicants_name_with_a_speck_read_as_a_quote_mark_before_it() -> None:
    text = URLA_BOXES.replace("Dana Quinn Example", "\u00abDana Quinn Example")
    assert read(DocType.urla_1003, text)["borrower_name"] == "Dana Quinn Example"


def test_a_w2_employer_with_the_next_boxs_amount_run_into_it() -> None:
    text = (
        "Form W-2 Wage and Tax Statement  2023\n"
        "b Employer identification number EIN)        3 Social security wages\n"
        "44-8530228        125170.46        7760.57\n"
        "c Employer's name, address, and ZIP code      Is Medicare wages and@tips\n"
        "Willis & Castillo Systems Corporation 125170.        1814.97\n"
        "15280 French Place, South Angela, FL 32511\n"
    )
    assert read(DocType.w2, text)["employer_name"] == "Willis & Castillo Systems Corporation"


def test_a_w2_page_of_two_copies_reads_the_name_on_each() -> None:
    copy = (
        "e Employee's first name and initial, Last name        16 State wages, tips, etc.\n"
        "{name}        $78,913.36        $2,204.50\n"
    )
    text = (
        "Form W-2 Wage and Tax Statement 2024\n"
        + copy.format(name="Lestie Trujilo")
        + "Form W-2 Wage and Tax Statement 2024\nCopy C- For EMPLOYEE'S RECORDS\n"
        + copy.format(name="Leslie Trujilo")
    )
    got = read(DocType.w2, text)
    assert (got["employee_name"], got["employee_name_copy"]) == ("Lestie Trujilo", "Leslie Trujilo")
    # one copy on the page: no second reading
    assert "employee_name_copy" not in read(DocType.w2, text.split("Copy C")[0])


def test_a_borrowers_last_name_ocr_set_in_a_cell_of_its_own() -> None:
    text = (
        "Uniform Underwriting and Transmittal Summary\n"
        "I. Borrower and Property Information\n"
        "\u2018Borrower Name        \u2018ssn\n"
        "{name}        XXX-XX-4792\n"
        "Co-Borrower Name        SSN\n"
        "Matthew B. Melton        XXX-XX-7997\n"
    )
    split = text.format(name="Stephanie Jennifer Jen     Melton")
    assert read(DocType.transmittal_1008, split)["borrower_name"] == (
        "Stephanie Jennifer Jen Melton"
    )
    # a cell of figures is no last name
    other = text.format(name="Stephanie Jennifer Melton     4792")
    assert read(DocType.transmittal_1008, other)["borrower_name"] == "Stephanie Jennifer Melton"
