"""Classification by content and splitting of stacked files into documents."""

from __future__ import annotations

import uuid

import pytest

from flightline.pipeline.classify import classify_and_split, classify_page
from flightline.pipeline.model import DocType, PageText
from tests import test_extract as s

DOC = uuid.UUID("00000000-0000-0000-0000-0000000000aa")


def pages(*texts: str, method: str = "text") -> list[PageText]:
    return [PageText(DOC, i + 1, t, method) for i, t in enumerate(texts)]


def split(*texts: str, method: str = "text") -> list[tuple[DocType, list[int]]]:
    return [(d.type, d.pages) for d in classify_and_split(pages(*texts, method=method))]


URLA_P4 = """Section 5: Declarations
5a. About this Property and Your Money for this Loan
Will you occupy the property as your primary residence? YES
Section 6: Acknowledgments and Agreements
Section 7: Military Service
Section 8: Demographic Information
Ethnicity: Not Hispanic or Latino
Section 9: Loan Originator Information
Loan Originator Organization Name Hill Country Mortgage NMLSR ID 12345
Uniform Residential Loan Application Freddie Mac Form 65 Fannie Mae Form 1003
"""

PAYSTUB_2 = s.PAYSTUB_TABLE.replace("Pay Date: 01/09/2026", "Pay Date: 01/23/2026").replace(
    "12/21/2025 - 01/03/2026", "01/04/2026 - 01/17/2026"
)
W2_2024 = s.W2_GRID.replace("2025 Form W-2", "2024 Form W-2")

BANK_JAN_1 = """First Federal Bank Member FDIC
Checking Account Statement Page 1 of 2
JOHN Q SMITH
Account Number: XXXXXX4455
Statement Period: 01/01/2026 - 01/31/2026
Beginning Balance $8,412.55
Ending Balance $10,102.35
Deposits and Additions
01/09 PAYROLL DIRECT DEP ACME 1,650.00
"""
BANK_JAN_2 = """First Federal Bank Member FDIC
Account Number: XXXXXX4455 Statement Period: 01/01/2026 - 01/31/2026 Page 2 of 2
Withdrawals and Subtractions
01/12 POS PURCHASE GROCERY 215.40
Daily Balance
01/31 10,102.35
"""
BANK_FEB_1 = BANK_JAN_1.replace("01/01/2026 - 01/31/2026", "02/01/2026 - 02/28/2026")
BANK_FEB_2 = BANK_JAN_2.replace("01/01/2026 - 01/31/2026", "02/01/2026 - 02/28/2026")

CD_P3 = """Calculating Cash to Close Use this table to see what has changed from your Loan Estimate.
Loan Estimate Final Did this change?
Total Closing Costs (J) $7,650 $7,412.00 NO
Cash to Close $98,412 $97,905.44
Summaries of Transactions Use this table to see a summary of your transaction.
BORROWER'S TRANSACTION SELLER'S TRANSACTION
Due from Borrower at Closing $467,412.00
"""
CD_P4 = """Additional Information About This Loan
Loan Disclosures
Assumption If you sell or transfer this property to another person, your lender
will not allow assumption of this loan on the original terms.
Escrow Account For now, your loan will have an escrow account.
Partial Payments Your lender may accept payments that are less than the full amount due.
"""


def test_stacked_loan_file_splits_into_documents() -> None:
    got = split(
        s.URLA_P1, s.URLA_P2, s.URLA_P3, URLA_P4,
        s.PAYSTUB_TABLE, PAYSTUB_2,
        s.W2_GRID, W2_2024,
        BANK_JAN_1, BANK_JAN_2, BANK_FEB_1, BANK_FEB_2,
        s.CD_P1, s.CD_P2, CD_P3, CD_P4, s.CD_P5,
    )  # fmt: skip
    assert got == [
        (DocType.urla_1003, [1, 2, 3, 4]),
        (DocType.paystub, [5]),
        (DocType.paystub, [6]),
        (DocType.w2, [7]),
        (DocType.w2, [8]),
        (DocType.bank_statement, [9, 10]),
        (DocType.bank_statement, [11, 12]),
        (DocType.closing_disclosure, [13, 14, 15, 16, 17]),
    ]


def test_loan_estimate_pages_stay_together_and_apart_from_cd() -> None:
    got = split(s.LE, s.LE_P2, s.LE_P3, s.CD_P1, s.CD_P2, CD_P3, CD_P4, s.CD_P5)
    assert got == [
        (DocType.loan_estimate, [1, 2, 3]),
        (DocType.closing_disclosure, [4, 5, 6, 7, 8]),
    ]


def test_blank_pages_are_skipped_and_every_page_covered_once() -> None:
    ps = pages(s.PAYSTUB_TABLE, "", s.W2_GRID, "   \n", s.GIFT)
    ps[1] = PageText(DOC, 2, "", "blank")
    docs = classify_and_split(ps)
    covered = [p for d in docs for p in d.pages]
    assert covered == [1, 3, 5]
    for d in docs:
        assert d.source_document_id == DOC
        assert 0 < d.confidence <= 1
        assert not d.fields and not d.rows


def test_unknown_page_is_other() -> None:
    doc_type, confidence = classify_page(
        PageText(DOC, 1, "Lorem ipsum dolor sit amet, consectetur adipiscing elit.", "text")
    )
    assert doc_type == DocType.other
    assert 0 < confidence <= 1


def test_consecutive_other_pages_form_one_document() -> None:
    got = split("Privacy Policy\nWe respect your privacy.", "Privacy Policy continued", s.GIFT)
    assert got == [(DocType.other, [1, 2]), (DocType.gift_letter, [3])]


def test_page_one_restart_starts_a_new_document() -> None:
    a = "Acme Credit Union\nStatement of Account Page 1 of 1\nStatement Date 01/31/2026\n"
    a += "Beginning Balance 100.00\nEnding Balance 200.00"
    got = split(a, a)
    assert got == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]


def test_appraisal_addenda_stay_with_the_report() -> None:
    addendum = "Supplemental Addendum File No. 26-0411\nThe subject is a one-story ranch."
    photos = "Subject Photo Page\nFront View\nRear View\nStreet Scene\nFile No. 26-0411"
    sketch = "Building Sketch\nGross Living Area 1,850 sq ft"
    got = split(s.APPRAISAL, addendum, photos, sketch, s.TITLE)
    assert got == [
        (DocType.appraisal_1004, [1, 2, 3, 4]),
        (DocType.title_commitment, [5]),
    ]


def test_note_pages_continue_and_deed_follows() -> None:
    note_p2 = """4. BORROWER'S RIGHT TO PREPAY
I have the right to make payments of Principal at any time before they are due.
6. BORROWER'S FAILURE TO PAY AS REQUIRED
(A) Late Charge for Overdue Payments
If the Note Holder has not received the full amount of any monthly payment by the end of 15
calendar days after the date it is due, I will pay a late charge to the Note Holder.
MULTISTATE FIXED RATE NOTE--Single Family Form 3200 1/01 (page 2 of 3)
"""
    deed_p2 = """TRANSFER OF RIGHTS IN THE PROPERTY
This Security Instrument secures to Lender the repayment of the Loan.
UNIFORM COVENANTS. Borrower and Lender covenant and agree as follows:
"""
    got = split(s.NOTE, note_p2, s.DEED, deed_p2)
    assert got == [(DocType.note, [1, 2]), (DocType.security_instrument, [3, 4])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (s.URLA_P1, DocType.urla_1003),
        (s.TRANSMITTAL, DocType.transmittal_1008),
        (s.AUS, DocType.aus_findings),
        (s.PAYSTUB_TABLE, DocType.paystub),
        (s.PAYSTUB_HEADER_ROWS, DocType.paystub),
        (s.W2_GRID, DocType.w2),
        (s.W2_INLINE, DocType.w2),
        (s.VOE, DocType.voe),
        (s.VOE_VERBAL, DocType.voe),
        (s.TAX_1040, DocType.tax_return_1040),
        (s.BANK_SECTIONS, DocType.bank_statement),
        (s.BANK_RUNNING, DocType.bank_statement),
        (s.GIFT, DocType.gift_letter),
        (s.CREDIT, DocType.credit_report),
        (s.APPRAISAL, DocType.appraisal_1004),
        (s.LE, DocType.loan_estimate),
        (s.CD_P1, DocType.closing_disclosure),
        (s.NOTE, DocType.note),
        (s.DEED, DocType.security_instrument),
        (s.TITLE, DocType.title_commitment),
        (s.HAZARD, DocType.hazard_insurance),
        (s.FLOOD, DocType.flood_certificate),
        (s.RTC, DocType.right_to_cancel),
        (s.LOE, DocType.letter_of_explanation),
    ],
)
def test_each_type_by_content(text: str, expected: DocType) -> None:
    doc_type, confidence = classify_page(PageText(DOC, 1, text, "text"))
    assert doc_type == expected
    assert confidence >= 0.5


AUS_LPA = """Loan Product Advisor Feedback Certificate
LPA Key: A1B2C3D4
Purchase Eligibility: Freddie Mac Eligible
Risk Class: Accept
"""
MORTGAGE_TITLE = """After Recording Return To: Hill Country Mortgage
(Space Above This Line For Recording Data)
MORTGAGE
DEFINITIONS
Words used in multiple sections of this document are defined below.
"""
GIFT_PROSE = """To Whom It May Concern:
I, Roberto Garcia, hereby certify that I have given a gift of $15,000.00 to my daughter,
Maria L Garcia. This is a bona fide gift and no repayment is expected or implied.
Signature of Donor
"""
LOE_PROSE = """Dear Underwriter,
I am writing to explain the inquiry from ABC Auto on my credit report dated 02/01/2026.
I did not open any new account.
Sincerely, John Smith
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (AUS_LPA, DocType.aus_findings),
        (MORTGAGE_TITLE, DocType.security_instrument),
        (GIFT_PROSE, DocType.gift_letter),
        (LOE_PROSE, DocType.letter_of_explanation),
    ],
)
def test_other_wordings(text: str, expected: DocType) -> None:
    assert classify_page(PageText(DOC, 1, text, "text"))[0] == expected


def _noisy(text: str) -> str:
    """OCR-like damage: look-alike letters, split words, doubled spaces."""
    table = str.maketrans({"o": "0", "l": "1", "I": "l", "S": "5"})
    out = []
    for n, line in enumerate(text.splitlines()):
        line = line.translate(table) if n % 2 == 0 else line.replace(" ", "  ")
        if n % 3 == 0 and len(line) > 12:
            line = line[:6] + " " + line[6:]
        out.append(line)
    return "\n".join(out)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (s.PAYSTUB_TABLE, DocType.paystub),
        (s.W2_GRID, DocType.w2),
        (s.BANK_SECTIONS, DocType.bank_statement),
        (s.CD_P1, DocType.closing_disclosure),
        (s.LE, DocType.loan_estimate),
        (s.URLA_P1, DocType.urla_1003),
        (s.CREDIT, DocType.credit_report),
        (s.APPRAISAL, DocType.appraisal_1004),
        (s.FLOOD, DocType.flood_certificate),
        (s.VOE, DocType.voe),
    ],
)
def test_ocr_noise(text: str, expected: DocType) -> None:
    assert classify_page(PageText(DOC, 1, _noisy(text), "ocr"))[0] == expected


def test_filename_is_not_used() -> None:
    # Only the text decides: the same text classifies the same in any document.
    a = classify_and_split([PageText(uuid.uuid4(), 1, s.GIFT, "text")])
    b = classify_and_split([PageText(uuid.uuid4(), 1, s.GIFT, "text")])
    assert a[0].type == b[0].type == DocType.gift_letter


def test_titled_other_documents_are_not_loan_documents() -> None:
    checklist = "Loan Submission Checklist\nX Application\nX Credit Report\nPay Stubs\nX W-2s\n"
    checklist += "Bank Statements\nX Appraisal\nX Title Commitment\nNote\nX Closing Disclosure"
    disclosure = "Hazard Insurance Authorization\nThe Note Holder may require the Escrow Items."
    fax = "FAX\nTo: Hill Country Mortgage\nPages: 4\nRe: Loan 123"
    for text in (checklist, disclosure, fax):
        assert classify_page(PageText(DOC, 1, text, "text"))[0] == DocType.other


def test_an_accent_ocr_put_on_a_title_does_not_make_it_another_title() -> None:
    # `Vérification` once read as `rification` came within a letter or two
    # of `Certification`, a title of none of our types
    voe = "Verbal V\u00e9rification of Employment\nEmployer:        Griffin Manufacturing\n"
    voe += "Borrower:        Pena, Maria M.\nDate of Verification:        06/15/2026\n"
    assert classify_page(PageText(DOC, 1, voe, "ocr"))[0] == DocType.voe
    notice = "Privacy N\u00f3tice\nWe collect your Social Security number and income."
    assert classify_page(PageText(DOC, 1, notice, "ocr"))[0] == DocType.other


def test_a_title_word_misread_nearer_our_own_title_is_ours() -> None:
    # `Vertification`: Verification with a letter too many, a letter further
    # from Certification
    voe = "Verbal Vertification* of Employment\nBORROWER:        Elizabeth Beasley\n"
    voe += "EMPLOYER:        Barnes Freight Lines Corp.\nPHONE NUMBER SOURCE:        Internet\n"
    voe += "DATE OF VERIFICATION:        December 19, 2025\n"
    assert classify_page(PageText(DOC, 1, voe, "ocr"))[0] == DocType.voe
    # another title misread stays another's
    cert = "Borrower Certifcation and Authorization\nThe undersigned certify the following.\n"
    assert classify_page(PageText(DOC, 1, cert, "ocr"))[0] == DocType.other


def test_a_speck_read_as_a_word_inside_our_title_keeps_it_ours() -> None:
    cd = "Closing Gg Disclosure\nDate Issued        Closing Date\n09-12-2025        09-18-2025\n"
    cd += "Disbursement Date        Settlement Agent\nLoan Terms\nProjected Payments\n"
    cd += "Estimated Total Monthly Payment        $7,214.02\nCLOSING DISCLOSURE        Page 1\n"
    assert classify_page(PageText(DOC, 1, cd, "ocr"))[0] == DocType.closing_disclosure
    # another disclosure's title stays another's
    other = (
        "Affiliated Business Disclosure\nThis is to give you notice of a business relationship.\n"
    )
    assert classify_page(PageText(DOC, 1, other, "ocr"))[0] == DocType.other


def test_memo_is_a_letter_of_explanation() -> None:
    memo = "DATE: May 24, 2025\nFROM: John M. Estrada\nSUBJECT: SOURCE OF FUNDS\n"
    memo += "THE $16,873.09 DEPOSITED ON April 23, 2025 IS FROM A REIMBURSEMENT.\nJOHN M. ESTRADA"
    assert classify_page(PageText(DOC, 1, memo, "text"))[0] == DocType.letter_of_explanation


def test_a_scanned_memo_whose_subject_head_lost_a_letter_is_still_a_letter() -> None:
    memo = "DATE: 05/29/2026\nFROM: John Smith        Fang\u201d\nSUBJEGT: EXPLANATION OF DEPOSIT\n"
    memo += "THE $ 9,799.49 DEPOSITED ON 04/30/2026 IS FROM THE SALE OF MY VEHICLE TO A PRIVATE ,"
    memo += "BUYER.\n\u00ae&s\nJOHN SMITH        Date"
    assert classify_page(PageText(DOC, 1, memo, "ocr"))[0] == DocType.letter_of_explanation
    # a short word misread is not a memo's head (`RE` and `TO` are letters away from anything)
    other = "DATE: 05/29/2026\nFROM: Title desk\nRATE: 6.5%\nTERM: 360"
    assert classify_page(PageText(DOC, 1, other, "ocr"))[0] != DocType.letter_of_explanation


def test_two_borrowers_documents_back_to_back_are_two() -> None:
    voe_a = "Verbal Verification of Employment\nBorrower: Kevin Park\nSSN (last 4): 1111\n"
    voe_a += "Employer: Northwind Software LLC\nDate of Verification: 2026-04-20"
    voe_b = voe_a.replace("Kevin Park", "Ann Park").replace("1111", "2222")
    assert split(voe_a, voe_b) == [(DocType.voe, [1]), (DocType.voe, [2])]


def test_statements_told_apart_by_period_near_the_top() -> None:
    jan = "NORTH BANK\nMEMBER STATEMENT 2025-08-10 THROUGH 2025-09-09\nREBECCA WASHINGTON\n"
    jan += "BALANCE FORWARD $28,324.86\nPOSTED DESCRIPTION WITHDRAWAL DEPOSIT BALANCE\n"
    jan += "08/16 TRANSFER FROM CHK 9957 $726.28 $29,051.14\nBALANCE THIS STATEMENT $29,051.14"
    feb = jan.replace("2025-08-10 THROUGH 2025-09-09", "09/10/2025 - 10/09/2025")
    assert split(jan, feb) == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]


def test_a_savings_and_a_checking_statement_of_one_period_are_two() -> None:
    # the savings' number garbled (`\u00a5****QI3`): its kind tells it from the checking's
    savings = "New Sean National Bank\nKenneth M. Wood\n"
    savings += "Period Covered:  03/15/2025 to 04/14/2025  Account Number:  \u00a5****QI3\n"
    savings += "Account Type:  Savings  Page:\nAccount Summary\n"
    savings += "Opening Balance:  35296.25  Deposits and Additions:  11.68\n"
    savings += "Withdrawals and Subtractions:  0.19  Balance This Statement:  35307.74\n"
    savings += "Transaction Detail\nDate  Description  Amount  Balance\n"
    savings += "04/03/2025  POS PURCHASE PET SUPPLY #1888  -0.19  35296.06\n"
    savings += "04/14/2025  INTEREST PAYMENT  11.68  35307.74"
    checking = "NEW SEAN NATIONAL BANK\nMEMBER STATEMENT   MAR 15, 2025 THROUGH APR 14, 2025\n"
    checking += "KENNETH M. WOOD\nSHARE DRAFT CHECKING   ACCOUNT XXXXXX5764\n"
    checking += "BALANCE FORWARD  4,584.31\nPOSTED DESCRIPTION  WITHDRAWAL  DEPOSIT  BALANCE\n"
    checking += "03/15  POS PURCHASE PET SUPPLY #6792  65.20  4,519.11"
    got = split(savings, checking, method="ocr")
    assert got == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]
    # a continuation page whose rows name a transfer to savings is the same statement
    more = (
        "04/02  ONLINE TRANSFER TO SAVINGS  100.00  4,419.11\n04/03  CHECK #2020  56.18  4,362.93"
    )
    more += "\n04/04  ACH DEBIT QUICK FUEL  178.18  4,184.75"
    assert split(checking, more, method="ocr") == [(DocType.bank_statement, [1, 2])]


def test_a_statement_page_with_its_own_account_summary_starts_the_next_statement() -> None:
    # April's period garbled past reading, March's read; one account: each
    # page opens with its own summary, so each is a statement of its own
    top = "Hughesshire Credit Union\nPO Box 7019, Stewartland, MI 49234\nChristopher Murray\n"
    april = top + "For the period:  Ape27, 2025 to May @6, 2025  Account Number:  *#**8565\n"
    april += "Account Type:  Everyday Checking  Page:  1\nAccount Summary\n"
    april += "Balance Forward:  $98,183.56  Deposits and Additions:  $ 19,225.41\n"
    april += "Withdrawals and Subtractions: $ 1,902.46  Ending Balance:  $ 108,506.51\n"
    april += "Transaction Detail\nDate  Description  Amount  Balance\n"
    april += "04/28/2025  PAYROLL DEPOSIT  $ 4,012.11  $ 102,195.67"
    march = top + "Statement Dates:  2025-03-27 to 2025-04-26  Account Number:  #448565\n"
    march += "Account Type:  Personal @hecking  Page:\nAccount Summary\n"
    march += "Previous Balance:  $94,996.75  Deposits and Additions:  $8,961.62\n"
    march += "Withdrawals and Subtraction.. $5,774.81  New Balance:  $98,183.56\n"
    march += "Transaction Detail\nDate  Description  Amount  Balance\n"
    march += "03/28/2025  PAYROLL DEPOSIT  $ 4,012.11  $ 99,008.86"
    got = split(april, march, method="ocr")
    assert got == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]
    # a page of transactions after it, no summary, carries the statement on
    more = "04/30/2025  CHECK #2020  $ 56.18  $ 102,139.49\n05/02/2025  ATM  $ 60.00  $ 102,079.49"
    more += "\n05/03/2025  ACH DEBIT QUICK FUEL  $ 78.18  $ 102,001.31"
    assert split(april, more, method="ocr") == [(DocType.bank_statement, [1, 2])]


def test_statement_period_with_ocr_glued_month_still_tells_statements_apart() -> None:
    mar = "NORTH BANK\nMEMBER STATEMENT 03/01/2025 - 03/31/2025\nREBECCA WASHINGTON\n"
    mar += "BALANCE FORWARD $28,324.86\nPOSTED DESCRIPTION WITHDRAWAL DEPOSIT BALANCE\n"
    mar += "03/16 TRANSFER FROM CHK 9957 $726.28 $29,051.14\nBALANCE THIS STATEMENT $29,051.14"
    feb = mar.replace("03/01/2025 - 03/31/2025", "Feb 01, 2025 throughFeb 28, 2025")
    assert split(mar, feb) == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]


def test_a_statement_after_one_whose_numbering_ended_is_another() -> None:
    top = "NORTH DAVID COMMUNITY BANK\nAPRIL STEPHENS\n"
    mar = top + "STATEMENT PERIOD: March 11, 2025 through April 10, 2025 ACCOUNT ****7541\n"
    mar += "BALANCE FORWARD: 13,208.70  CLOSING BALANCE: 14,774.23\nStatement Page 1 of 1"
    # the next statement's period garbled past reading, its title read
    feb = top + "Statement Period  Account\n_LI-FEB-2025 though 10-MAR-2025  Checking ...7541\n"
    feb += "Balance Forward\n6991.63\nDeposits and Other Credits\n14-FEB-2025 PAYROLL 2311.30"
    got = split(mar, feb, method="ocr")
    assert got == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]
    # a first page of two, its numbering not ended: the next page carries it on
    two = mar.replace("Page 1 of 1", "Page 1 of 2")
    assert split(two, feb, method="ocr") == [(DocType.bank_statement, [1, 2])]


def test_an_untitled_statement_after_one_numbered_to_its_end_is_another() -> None:
    # the same period, the first one's account number unread: only its
    # `Page 1 of 1` says the next statement (another bank's) is not its page
    first = "Patriciashire Nationab Bank\nLAUREN SMITH\n"
    first += "Period Covered    2025-02-24 to 2025-03-23    Account Number   are 1153\n"
    first += "Balance Forward $ 1,546.00   Ending Balance $ 2,580.49\n"
    first += "2025-03-14    ONLINE PMT FRONTIER AUTO FINANCE    343.00    $ 3,443.68\n"
    first += "Statement  Page 1 of 1"
    second = "MARQUEZ TOWN FEDERAL CREDIT UNION\nMEMBER STATEMENT   2025-02-24 - 2025-03-23\n"
    second += "JASON HALE\nSHARE DRAFT CHECKING   ACCOUNT XXXXXX3058\n"
    second += "BALANCE FORWARD        12541.88\nPOSTED DESCRIPTION    WITHDRAWAL     DEPOSIT\n"
    got = split(first, second, method="ocr")
    assert got == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]
    two = first.replace("Page 1 of 1", "Page 1 of 2")
    assert split(two, second, method="ocr") == [(DocType.bank_statement, [1, 2])]


def test_a_statement_whose_first_date_ocr_garbled_is_told_apart_by_its_end() -> None:
    top = "JAREDFORT BANK & TRUST\nAndrea H. Haynes\n"
    may = top + "STATEMENT PERIOD:  27-APR-2025 - 26-MAY-2025   ACCOUNT NUMBER:  ****9792\n"
    may += "BEGINNING BALANCE:  263,348.83\nNEW BALANCE:  269,359.07\n"
    apr = top + "the period        Account\nfoe 27, 2025 - April 26, 2025        Checking ...9792\n"
    apr += "Balance Forward        Balance Thi$ Statement\n$255,100.51        $263,348.83\n"
    got = split(may, apr, method="ocr")
    assert got == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]
    # the same end: the same statement
    same = apr.replace("April 26, 2025", "May 26, 2025")
    assert split(may, same, method="ocr") == [(DocType.bank_statement, [1, 2])]


def test_numbered_pages_keep_a_document_together() -> None:
    p1 = s.NOTE + "\nNote Page 1"
    p2 = "The Trustee agrees to provide the Property in good repair.\nNote Page 2"
    assert split(p1, p2) == [(DocType.note, [1, 2])]


def test_confidence_reflects_the_evidence() -> None:
    strong = classify_page(PageText(DOC, 1, s.CD_P1, "text"))[1]
    weak = classify_page(PageText(DOC, 1, "Net Pay 1,200.00\nDeductions\nYTD 4,000.00", "text"))
    assert strong > 0.8
    assert weak[0] == DocType.paystub and weak[1] < strong


def test_statements_told_apart_by_account_when_ocr_garbled_one_period() -> None:
    rows = "POSTED DESCRIPTION WITHDRAWAL DEPOSIT BALANCE\n"
    rows += "02/01 ACH DEBIT SUNRISE BAKERY 374.21 76,780.64\n"
    rows += "02/02 POS PURCHASE QUICK FUEL #1318 482.05 76,298.59\n"
    rows += "02/03 CHECK 43196 250.66 76,047.93\n"
    feb = "LONGBOROUGH CREDIT UNION\nMEMBER STATEMENT 2026-02-@1 THROUGH 2026-02-28\n"
    feb += "SAMANTHA L. MILLER\nSHARE DRAFT CHECKING ACCOUNT XXXxxx1186\n"
    feb += "PREVIOUS BALANCE 77,154.85\n" + rows + "NEW BALANCE 76,047.93"
    mar = "LONGBOROUGH CREDIT UNION\nMEMBER STATEMENT 2026-03-01 THROUGH 2026-03-31\n"
    mar += "SAMANTHA L. MILLER\nSHARE SAVINGS ACCOUNT XXXxxx2902\n"
    mar += "PREVIOUS BALANCE 136,343.14\n" + rows.replace("02/", "03/") + "NEW BALANCE 1.00"
    assert split(feb, mar) == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]
    # the same account on the next page (its period unread) is the same statement
    more = "SHARE DRAFT CHECKING ACCOUNT XXXxxx1186 (continued)\n" + rows
    assert split(feb, more) == [(DocType.bank_statement, [1, 2])]
    # ... and the next month of that account, after it, is another statement
    next_month = feb.replace("2026-02-@1 THROUGH 2026-02-28", "2026-03-01 THROUGH 2026-03-31")
    got = split(feb.replace("2026-02-@1", "2026-02-01"), more, next_month, method="text")
    assert got == [(DocType.bank_statement, [1, 2]), (DocType.bank_statement, [3])]


def test_a_statement_key_takes_the_digits_after_a_mask_ocr_read_as_digits() -> None:
    from flightline.pipeline.page_keys import instance_key

    lines = ["MEMBER STATEMENT 08-MAY-2025 - 07-JUN-2025", "SHARE DRAFT CHECKING ACCOUNT 7000x7734"]
    assert instance_key(DocType.bank_statement, lines)[2] == "7734"  # type: ignore[index]


@pytest.mark.parametrize(
    "line",
    [
        'Period Covered:  Jun 18, 2025 to Jul 17, 2025  Account Number:  "98487',
        "STATEMENT DATES  18-Jun-2025 through 17-Jul-2025  ACCOUNT NUMBER  ##*%8487",
        "REGULAR SHARE SAVINGS   ACCOUNT, XXXXXX8487",
        # one space OCR set inside the four
        "STATEMENT DATES 11-FEB-2025 - 10-MAR-2025 ACCOUNT NUMBER ##*%8 487",
        # most of the mask read as small letters
        "Statement Dates        2025-05-01 to 2025-05-31        Account Number        saad *8487",
        # a speck inside the mask read as a symbol
        "REGULAR SHARE SAVINGS   ACCOUNT XX\u00a5XXXX8487",
    ],
)
def test_a_statement_key_reads_the_account_through_a_mask_ocr_garbled(line: str) -> None:
    from flightline.pipeline.page_keys import instance_key

    lines = ["MOOREFURT NATIONAL BANK", line]
    assert instance_key(DocType.bank_statement, lines)[2] == "8487"  # type: ignore[index]


def test_an_application_summary_after_another_application_is_a_new_one() -> None:
    legacy = "CONTINUATION SHEET/RESIDENTIAL LOAN APPLICATION\n"
    legacy += "Co-Borrower   Carolyn Berger   Social Security Number   XXX-XX-3656\n"
    legacy += "V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION\nFannie Mae Form 1003"
    summary = "LOAN APPLICATION SUMMARY\nApplicant information as captured at application.\n"
    summary += "Name   Joshua John Berger   SSN   dHHEHE-O78E\nEmployment & Income (Monthly)\n"
    summary += "Subject Loan\nLoan Amount   $285700.00\nNumber of Units   1"
    assert split(legacy, summary) == [(DocType.urla_1003, [1]), (DocType.urla_1003, [2])]


def test_a_check_stub_after_a_paystub_whose_dates_ocr_garbled_is_another() -> None:
    first = """Patterson Health Partners Company
Earnings Statement
Period Beginning 2026-04-06 Employee Palmer, Lisa J.
Advice Date 2026-04-24 Employee ID 88941
Regular Pay $ 2,173.08 $ 19,557.72
Total Earnings $ 2,435.14 $ 21,797.64
Take Home Pay $ 1,874.48"""
    second = """Payroll Check Stub
Employer        inupisves
COOK SOFTWARE LLC        KAYLA K MOORE
'pate Paid      aT,        'Pay Period        Frequency
Regular        $ 3,230.77
NET PAY:        $ 2,527.29"""
    assert split(first, second, method="ocr") == [
        (DocType.paystub, [1]),
        (DocType.paystub, [2]),
    ]


def test_two_borrowers_stubs_of_one_pay_day_are_two() -> None:
    first = """PAY STUB
Employer        Employee
BRENNAN DENTAL GROUP CO.        Cameron, Karen
12818 Sycamore Terrace, Lake Christopherfurt, UT 84004 xxx-xx-1677
Riuvice Date        pay p&eiod        Frequency
Aug 29, 2025        Aug 16, 2925 - Aug 31, 2025        Semi-Monthly
Regular Pay        $ 4,500.00        $ 72,000.00
Total Earnings:        4,878.38        YTD Earnings:        $ 78,688.44"""
    second = """BUTLER CONSTRUCTION CORPORATION
11156 MCDONALD TERRACE
EMPLOYEE: TRAVIS M PALMER        SSN: ###-##-8274
PERIOD: 08-11-2025 TO 08~24-2025   PAYMENT DATE: 08-29-2025
EARNINGS        RATE    HOURS       CURRENT        YTD
PAY FREQUENCY: BI-WEEKLY
REGULAR PAY        $ 4,942.31   $ 88,961.58
DEDUCTIONS        CURRENT        YTD
FEDERAL INCOME TAX        $ 558.41   $ 10,051.38
NET CHECK        $ 3,548.24
THIS IS NOT A CHECK - NON-NEGOTIABLE"""
    assert split(first, second, method="ocr") == [
        (DocType.paystub, [1]),
        (DocType.paystub, [2]),
    ]
    # the first's mask garbled but for its last group
    garbled = first.replace("xxx-xx-1677", "e\u2014**-1677")
    assert split(garbled, second, method="ocr") == [
        (DocType.paystub, [1]),
        (DocType.paystub, [2]),
    ]


def test_a_statement_keyed_by_the_number_beside_its_product() -> None:
    # the second's period OCR garbled (`Ju 31`) and its number under no
    # `Account` label of its own: `Checking ...5074` still tells it apart
    first = """DEBORAHTOWN FEDERAL CREDIT UNION
MEMBER STATEMENT   06-01-2026 THROUGH 06-30-2026
REGULAR SHARE SAVINGS   ACCOUNT XXXXXX1217
OPENING BALANCE        $38,682.32
POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT      BALANCE
06/04   ACH DEBIT OFFICE STOP        $0.18        $38,682.14
NEW BALANCE        $38,691.48"""
    second = """Deborahtown Federal Credit Union
PO Box 19729, West Mariastad, OH 43006
For the period pe        Account
Jul 01, 2026 - Ju 31, 2026        Checking ...5074
Balance Forward        Ending Balance
16764.67        19874.74
Credits
Date        Description        Amount
Jul 03, 2026        DIRECT DEP ROBLES PRECISION TOOLS PAYROLL        1265.81"""
    assert split(first, second, method="ocr") == [
        (DocType.bank_statement, [1]),
        (DocType.bank_statement, [2]),
    ]


def test_a_footer_whose_page_total_ocr_lost_still_numbers_the_page() -> None:
    from flightline.pipeline.page_keys import page_number

    lines = ["APPRAISER.", "Name        Ronald Church", "Fannie Mae Form 1004  Page 3 of"]
    assert page_number(lines, ocr=True) == (3, None)
    assert page_number(lines, ocr=False) is None  # a text layer prints its total
    # ... its `of` lost too, after a form's name with figures of its own
    lines[-1] = "Freddie Mac Form 70 / Fannie Mae Form 1004 Page 3"
    assert page_number(lines, ocr=True) == (3, None)


def test_a_short_credit_report_whose_title_lost_a_letter() -> None:
    text = """\
CREDIP REPORT nae
DATE COMPLETED: 26-MAR-2025
APPLICANT: RICHARD C ADAMS   SSN: xxx-xx-7939
SCORES
APP     EFX   719
CREDITOR        TYPE       BALANCE   PAYMENT    STATUS
FRONTIER RETAIL CARD     R        $0.00     $0.00      OPEN
SUMMIT MORTGAGE CO       M      $157,000.00 $2,623.00      OPEN
"""
    [page] = pages(text, method="ocr")
    assert classify_page(page)[0] == DocType.credit_report
    # two letters off is no title
    [far] = pages(text.replace("CREDIP", "CPEDIP"), method="ocr")
    assert classify_page(far)[0] == DocType.other


def test_a_certification_whose_title_ocr_split_is_no_loan_document() -> None:
    # an occupancy certification whose body keeps naming the Loan Application
    text = OCCUPANCY
    [page] = pages(text, method="ocr")
    assert classify_page(page)[0] == DocType.other
    # the same page under a title of ours is that document
    [titled] = pages(
        text.replace("Occupancy Ceftificat ion", "Uniform Residential Loan Application"),
        method="ocr",
    )
    assert classify_page(titled)[0] == DocType.urla_1003


OCCUPANCY = """\
Occupancy Ceftificat ion
The Servicer may require written notice of any transfer, within 15 days after notice is given.
provide insurance proceeds to restoration or repair, as described im the Ngte. Borrower and Len
obligated to a release of this Security Instrument, without further demand. Borrower covenants
Periodic Payments when due, to the extent permitted by law. The Note Holder shall be éntitled t
proceeds to Festoration or repair, without further demand.
Lander agrees to provide written fotice of any transfer, as provided in this Security Instrum
apply g@nterest at the Note rate, without further demand. Borrower and Lender may apply the Loa
information, as provided in this SecurityY Instrumenf. The Note Holder shall give notice of any
or claim fr damages, within 10 days after notice is miven. Any successor in interest agrees to
the payment of taxes and assessments, subject to the requirements of Applicable Law. Borrower a
the,Property in good repair, in accordance with Section 9. Any succ@ssor in interest ghall be e
reasonable attorneys' fees and costs, fom so gong as the Note is Qurst anced:
The Trustee may apply the Property in good repair, as provided in this Security Instrument. Len
"""


def test_a_statement_account_read_as_figures_and_a_year_under_the_caption() -> None:
    from flightline.pipeline.page_keys import instance_key

    # `#4897502` for ***7502: the last four are the account's
    lines = ["North Rachelshire Community Bank", "Account Number:        #4897502"]
    assert instance_key(DocType.bank_statement, lines)[2] == "7502"
    # a caption over a date line: the year opening the date is no account
    lines = ["Period Covered        Account", "2026-03-01 - 2026-03-31        Checking ...6507"]
    assert instance_key(DocType.bank_statement, lines)[2] == "6507"


def test_a_transcript_after_a_return_whose_ssns_ocr_garbled_is_another_document() -> None:
    first = "Form 1040 U.S. Individual Income Tax Return 2025\n"
    first += "Filing Status: [X] Single [ ] Married filing jointly\n"
    first += "Your first name and middle initial / Last name   Your social security number\n"
    first += "Glen J. Banks   _XXX#XX-0021\nWages, salaries, tips   55,161.48\n"
    second = "Tax and Credits\n12 This notice is provided for informational purposes only.\n"
    second += "Your signature   Date\nForm 1040   Page 2"
    transcript = "Tax Return Transcript\nRequest Date:   October 24, 2026\n"
    transcript += "SSN Provided:   xxxxx4647   Tax Period Ending:   Dec. 31, 2025\n"
    transcript += "NAME(S) SHOWN ON RETURN: BETH CHASE\nFILING STATUS: SINGLE\n"
    transcript += "WAGES, SALARIES, TIPS, ETC:   $23696.66\nADJUSTED GROSS INCOME:   $24036.66"
    expected = [(DocType.tax_return_1040, [1, 2]), (DocType.tax_return_1040, [3])]
    assert split(first, second, transcript, method="ocr") == expected


# A scanned AUS report under a picture OCR read as lines of specks, its body
# asking for a verbal verification of employment
SPECKS_OVER_TITLE = """\
AAC,        taal     \u2018oa\u2019      -        a,
I     Aja] Cur        Si:        it)        eas wae
aee err        ih,        3s        Tien hes        \u2018Ni        J     ee.
She        thoy        Pee        Lf        CPs
mies.        Pays        cota
bea a4,        \u2018i        haes'        rina
Pe        re:        T      “as
eee.        Be        We      y=!   di,\u2019
-
1        Py        iv.        ee:        kh.”        eh oe,
ra.        cil)        Wa
Lol        Tal
4        rrey  &        ee.      ai)        [as   rere  Se        Ties
<4.        “mn        eo.      eee,        5. ee        eee ee        atteed
DU Underwriting Analysis Report
Casefile ID        Recommendation        \u2018Submitted        LTV
L55297193        Accept        07-Oct-2025        41.78%        88.97%
Borrower        LUKE J LOPEZ        Loan Amount        $242,900.00
Credit
Obtain a copy of the sales contract and all addenda.
Obtain a copy of the sales contract and all addenda.
Income
Large deposits must be sourced and documented.
The lender must obtain a verbal verification of employment for each borrower.
Obtain a copy of the sales contract and all addenda.
Assets
The credit report used for this submission must be retained in the loan file.
The appraisal must support the value used in the submission.
Property
Funds required to close must be verified with the most recent statements.
The appraisal must support the value used in the submission.
The lender must obtain a verbal verification of employment for each borrower.
Funds required to close must be verified with the most recent statements.
Eligibility
Verify that the debts listed on the loan application are complete.
This loan is eligible for delivery subject to the conditions listed.
Funds required to close must be verified with the most recent statements.
"""


def test_a_title_under_a_block_of_specks_at_the_top_is_the_title() -> None:
    [page] = pages(SPECKS_OVER_TITLE, method="ocr")
    assert classify_page(page)[0] == DocType.aus_findings


def test_a_stub_titled_employee_pay_stub_after_another_borrowers_stub_is_another() -> None:
    first = (
        "Mclaughlin Medical Center Co.\n"
        "Pay Statement\n"
        "Period Beginning        October 13, 2025        Employee        MICHELLE J NGUYEN\n"
        "Period Ending        October 26, 2025        SSN        XXX-XH-7608\n"
        "Payment Date        Octobe 31, 2025        Employee ID        73920\n"
        "Regular Pay        $3,g50.00        $82,500.00\n"
        "Gross Bay        $4,039.10        $91,436.13\n"
    )
    second = (
        "EMPLOYEE PAY STUB\n"
        "Empioyer        Employee\n"
        "Clark & Barrett Medical Center        NGUYEN, ANDREW C\n"
        "Employer Address        SSN\n"
        "14204 Ortiz Drive, New Danielle, OR 97885        Wk RAK 2497\n"
        "Date Paid        Period\n"
        "09/30/2025        09/01/2025 - 09/30/2025        Monthly\n"
        "Base Salary        $7708.33        $69374.97\n"
        "TOTAL EARNINGS        $8086.38        YTD GROSS        $72792.69\n"
    )
    got = split(first, second, method="ocr")
    assert got == [(DocType.paystub, [1]), (DocType.paystub, [2])]


def test_two_borrowers_stubs_told_apart_by_a_mask_ocr_read_as_capitals() -> None:
    first = (
        "Payroll Check Stub\n"
        "Employer        Employee\n"
        "Atkins Health Partners L.P.        Doyle, Jeanne\n"
        "Employer Address        SSN\n"
        "235 Warren Street, Paulville, PA 17077        HR-HH-8647\n"
        "Description        Current        YTD\n"
    )
    second = (
        "MORRIS CONSTRUCTION\n"
        "EMPLOYEE: WENDY JENNY DOYLE        SSN: ###-##-4687\n"
        "PERIOD: 2025-09-22 TO 2025-10-05   PAYMENT DATE: 2025-10-10\n"
        "EARNINGS        RATE    HOURS       CURRENT        YTD\n"
        "BASE SALARY        $5615.38    $117922.98\n"
        "GROSS PAY        $5615.38    $117922.98\n"
        "DEDUCTIONS        CURRENT        YTD\n"
        "FEDERAL INCOME TAX        $712.11    $14954.31\n"
        "NET PAY        $4120.77\n"
    )
    got = split(first, second, method="ocr")
    assert got == [(DocType.paystub, [1]), (DocType.paystub, [2])]


def test_a_letter_to_the_underwriting_department_after_an_aus_report_is_a_letter() -> None:
    aus = (
        "Loan Product Advisor\nFeedback Certificate\nRisk Class        Purchase Eligibility\n"
        "Accept        Freddie Mac Eligible\nLPA Key        Submission Date\n"
        "L81718240        14-May-2026\nBORROWER        HEATHER SINGH\n"
        "FEEDBACK MESSAGES\n01 The lender must obtain a verbal verification of employment.\n"
        "LPA Feedback Certificate"
    )
    letter = (
        "13-APR-2026\nTo: Underwriting Department\nRE: Large Deposit\n"
        "1am writing to explain the deposit of $ 34,643.26 made on 24-FEB-2026 into my "
        "account. These funds came from proceeds from the sale\nof personal property (boat "
        'and trailer). The deposit appears on my statement as "WIRE TRANSFER IN".\n'
        "Please let me know if you need any additional information.\nSincerely,\n"
        "Heather Singh        Date"
    )
    # `To: Underwriting` is whom the letter is for, not `DU Underwriting`
    assert split(aus, letter, method="ocr") == [
        (DocType.aus_findings, [1]),
        (DocType.letter_of_explanation, [2]),
    ]


def test_one_page_statements_of_one_period_told_apart_by_a_speckled_mask() -> None:
    head = "LAKE SIERRAHAVEN BANK\nMEMBER STATEMENT   JUNE 1, 2026 TO JUNE 30, 2026\nMARY REYES\n"
    rows = (
        "POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT      BALANCE\n"
        "06/09   POS PURCHASE GROCERY OUTLET #3965        0.28        17472.95\n"
        "ENDING BALANCE        17478.52\n"
    )
    savings = head + "REGULAR SHARE SAVINGS   ACCOUNT XX\u00a5XXXX3823\n" + rows
    checking = head + "SHARE DRAFT CHECKING   ACCOUNT XXXXXX9300\n" + rows
    assert split(savings, checking) == [
        (DocType.bank_statement, [1]),
        (DocType.bank_statement, [2]),
    ]


def test_a_statement_page_dated_outside_the_open_period_is_the_next_statement() -> None:
    mar = "ZAMORAVIEW SAVINGS BANK\nMEMBER STATEMENT   MAR 01, 2026 THROUGH MAR 31, 2026\n"
    mar += "JASON D. MENDEZ\nSHARE DRAFT CHECKING ACCOUNT XXXXXX5122\nPREVIOUS BALANCE $7,736.36\n"
    mar += "POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT      BALANCE\n"
    mar += "03/05   REFUND BERRY STORE        $299.02    $8,035.38\n"
    rows = "Date        Description        Amount\n"
    rows += "2026-02-03        ZELLE FROM CONNIE        $62.05\n"
    rows += "2026-02-06        ANDERSON LEARNING ACAD DES:PAYROLL        $50.07\n"
    rows += "2026-02-10        ZELLE FROM JOHN        $253.68\n"
    # February's statement, its period's first date garbled: its rows say
    # it is not March's page
    feb = "Zamoraview Sayings Bank\nJason D. Mendez\nFor the period        Account #\n"
    feb += "etre 2026-02-28        Checking ...5122\n"
    feb += "Opening Balance        Ending Balance\nlee 1.05        $7,736.36\nCredits\n" + rows
    feb += "Withdrawals and Other Debits\n"
    got = split(mar, feb, method="ocr")
    assert got == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]
    # rows inside the period are March's own next page
    more = feb.replace("2026-02-", "2026-03-").replace("etre 2026-03-28", "etre")
    assert split(mar, more, method="ocr") == [(DocType.bank_statement, [1, 2])]


def test_a_title_whose_n_ocr_read_as_ri_is_still_the_title() -> None:
    page = (
        "Closirig Disclosure\n"
        "Mate issued        Closing Date\n"
        "05-29-2025        06-03-2025\n"
        "}Disbursement Date        |Settlemeygt Agent\n"
        "06-09-2025        Foster Land Title, LLC\n"
        "Loan amount        461600.00\n"
        "Monthly Principal & Interest        2693.77\n"
    )
    assert classify_page(PageText(DOC, 1, page, "ocr"))[0] == DocType.closing_disclosure


def test_two_borrowers_stubs_told_apart_by_a_pay_date_caption_with_its_p_misread() -> None:
    first = (
        "ROBERTS FREIGHT LINES LLC\n"
        "589 CYPRESS TRAIL\n"
        "EMPLOYEE: OMAR NGUYEN        SSN: ***-**-309]1,\n"
        "*PERIOD: 03-16-2025 TO 03-31-2025   RAY DATE: 03-31-2025\n"
        "PAY FREQUENCY: SEMIMONTHLY\n"
        "EARNINGS        RATE    HOURS       CURRENT        YTD\n"
        "SALARY        $3,916.67    $23,500.02.\n"
        "DEDUCTIONS        CURRENT        YTD\n"
        "NET PAY        $2,812.03\n"
        "THIS IS NOT A CHECK - NON-NEGOTIABLE\n"
    )
    second = (
        "MARTIN LEARNING ACADEMY CO.\n"
        "19359 LAUREL TRAIL\n"
        "EMPLOYEE: NGUYEN, JEFFREY L.        SSN: ***-**-1887\n"
        "PERIOD: Mar 20, 20@5 TO Mar 26, 2025    PAY DATE: Mar 28, 2025\n"
        "PAY FREQUENCY: WEEKLY\n"
        "EARNINGS        RATE    HOURS       CURRENT        YTD\n"
        "SALARY        $4221.15     $54874.95\n"
        "DEDUCTIONS        CURRENT        YTD\n"
        "NET AMOUNT        $3027.49\n"
        "THIS IS NOT A CHECK - NON-NEGOTIABLE\n"
    )
    got = split(first, second, method="ocr")
    assert got == [(DocType.paystub, [1]), (DocType.paystub, [2])]


def test_two_borrowers_stubs_told_apart_by_a_pay_date_caption_with_a_speck_inside() -> None:
    # Kyle's stub, its SSN garbled, paid 24 July; Christopher's under
    # `ADVICE \u2018DATE` (a speck inside the caption), paid 10 July
    first = (
        "PAY STUB\n"
        "Employer        Employee\n"
        "Blanchard & Scott Learning Academy Corporation        HAMMOND, KYLE S\n"
        "Employer Address        SSN\n"
        "14194 Sycamore Road, Lake Daniel, CO 80723        HHHH-HHH-9 134\n"
        "Check Date        Pay Period        Frequency\n"
        "24-JUL-2026        06-JUL-2026 - 19-JUL-2026        Every Two Weeks\n"
        "Description        Current        YTD\n"
        "Base Salary        $2441.60        $36624.00\n"
        "Gross Earnings        $2441.60        YTD Earnings        $36624.00\n"
    )
    second = (
        "LOZANO INSURANCE SERVICES\n"
        "13174 ASPEN DRIVE\n"
        "EMPLOYEE: HAMMOND, CHRISTOPHER D        SSN: ###-##-3904\n"
        "PERIOD: 2026-06422 TO 2026-07-05   ADVICE \u2018DATE: 2026-07-10\n"
        "PAY FREQUENCY: BI-WEEKLY\n"
        "EARNINGS        RATE    HOURS       CURRENT        YTD\n"
        "REGULAR        $6115.38     $85615.32\n"
        "GROSS EARNINGS        $6333.57     $88294.11\n"
        "TAKE HOME PAY        $4645.84\n"
        "THIS IS NOT A CHECK - NON-NEGOTIABLE\n"
    )
    got = split(first, second, method="ocr")
    assert got == [(DocType.paystub, [1]), (DocType.paystub, [2])]


def test_two_borrowers_applications_told_apart_by_a_mask_with_a_mark_too_many() -> None:
    first = (
        "Uniform Residential Loan Application\n"
        "III. BORROWER INFORMATION\n"
        "Borrower's Name        Co-Borrower's Name\n"
        "Justin Dennis        Sherry Samantha Gonzalez\n"
        "Social Security Number        Co-Borrower SSN\n"
        "_XXX-xXx-2273        XXX-XX-9307\n"
        "IV. EMPLOYMENT INFORMATION\n"
        "Name & Address of Employer        Yrs. on this job\n"
        "Rodriguez Hospitality Group Corporation        10\n"
        "V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION\n"
        "Base Empl. Income*        15,666.67        15,666.67\n"
        "Fannie Mae Form 1003        Page\n"
    )
    second = (
        "CONTINUATION SHEET/RESIDENTIAL LOAN APPLICATION\n"
        "CO-BORROWER:        Sherry Gonzalez        SOCIAL SECURITY NUMB.. ###-##-9307\n"
        "BORROWER?        Justin Dennis        BORROWER SSN:        HHH -HH-2273\n"
        "IV. EMPLOYMENT INFORMATION\n"
        "Name & Address of Employer        7   Yrs. on this job\n"
        "Schroeder Electric, Inc.        8\n"
        "V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION\n"
        "Base Empk Income*        6833.33        6833.33\n"
        "Fannie Mae Form 1003        Page\n"
    )
    got = split(first, second, method="ocr")
    assert got == [(DocType.urla_1003, [1]), (DocType.urla_1003, [2])]
