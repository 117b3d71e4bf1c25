"""Bank statements as OCR reads them: a period date with one character
garbled, or the separator between the dates lost."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from flightline.pipeline.extract import extract
from flightline.pipeline.model import DocType, LogicalDocument, PageText
from flightline.pipeline.periods import statement_periods

DOC = uuid.UUID("00000000-0000-0000-0000-00000000ba4c")


def run(text: str) -> LogicalDocument:
    doc = LogicalDocument(uuid.uuid4(), DocType.bank_statement, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, "ocr")])
    return doc


MEMBER = """\
NORTH RIVER FEDERAL CREDIT UNION
MEMBER" STATEMENT   03/43/2026   04/12/2026
JOSEPH J WALKER
10633 ANDERSON STREET, MARTINEZSHIRE, NV 89539
SHARE DRAFT CHECKING   ACCOUNT XXXXXX4110
BALANCE FORWARD        $41,540.61
POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT      BALANCE
03/13   DIRECT DEP DAVIES & WILLIAMS COMM PAYROLL        $3,037.30   $44,597.91
03/16   POS PURCHASE SUNRISE BAKERY #4075        $353.93        $44,243.98
NEW BALANCE        $44,243.98
"""


def test_a_garbled_start_date_is_the_day_after_a_month_before_the_end() -> None:
    doc = run(MEMBER)
    assert doc.get("period_start_date") == date(2026, 3, 13)
    assert doc.get("period_end_date") == date(2026, 4, 12)
    deposits = [{k: v.value for k, v in r.items()} for r in doc.rows["deposits"]]
    assert deposits[0]["date"] == date(2026, 3, 13)
    assert deposits[0]["amount"] == Decimal("3037.30")


def test_a_garbled_year_in_a_calendar_month_period() -> None:
    doc = run(MEMBER.replace("03/43/2026   04/12/2026", "07/01/%025 To 07/31/2025"))
    assert doc.get("period_start_date") == date(2025, 7, 1)
    assert doc.get("period_end_date") == date(2025, 7, 31)


def test_a_date_two_characters_off_is_not_guessed() -> None:
    doc = run(MEMBER.replace("03/43/2026", "08/43/2026"))
    assert doc.get("period_start_date") is None
    assert doc.get("period_end_date") is None


def test_garbled_month_names_with_the_other_date_read() -> None:
    doc = run(MEMBER.replace("03/43/2026   04/12/2026", "06-Nov-2025 through 05-Qec-2025"))
    assert doc.get("period_start_date") == date(2025, 11, 6)
    assert doc.get("period_end_date") == date(2025, 12, 5)


def test_a_look_alike_letter_in_a_day_then_a_garbled_month() -> None:
    text = MEMBER.replace("03/43/2026   04/12/2026", "Dee 06, 2025 through Jan 0S, 2026")
    doc = run(text)
    assert doc.get("period_start_date") == date(2025, 12, 6)
    assert doc.get("period_end_date") == date(2026, 1, 5)


HEADERS_OVER_VALUES = """\
Douglaston Federal Credit Union
PO Box 33567, Millerfrt, VA 23875
Gregory D. Smith & Timothy Smith
2531 MORRIS WAY
PORT JASONHAVEN, VA 23266
Statement Period  Account  Fal
2025-08-05 through 2025-09-04  [Checking 8370
Opening Balance  Ending Balance  FL.  Skee
$60126.96  $78844,34
Deposits and Other Credits
2025-08-08  PAYROLL NELSON & RIGGS PHARMAC  $688.93
"""


def test_balances_under_their_header_and_the_number_beside_the_product() -> None:
    doc = run(HEADERS_OVER_VALUES)
    assert doc.get("account_last4") == "8370"
    assert doc.get("opening_balance") == Decimal("60126.96")
    assert doc.get("closing_balance") == Decimal("78844.34")


MISSPELT = """\
Whiteborough Credit Union
Statgpnent Period  Account
Ol-Aug-2026 to 31-Aug-2026  erent! Checking +9442
Boginning Balance  Balance This Statement
$118557.81  'i  $121224.23
"""


def test_misspelt_balance_labels_a_speck_before_the_number_and_a_day_in_letters() -> None:
    doc = run(MISSPELT)
    assert doc.get("account_last4") == "9442"
    assert doc.get("period_start_date") == date(2026, 8, 1)
    assert doc.get("period_end_date") == date(2026, 8, 31)
    assert doc.get("opening_balance") == Decimal("118557.81")
    assert doc.get("closing_balance") == Decimal("121224.23")


def test_the_number_beside_the_product_wins_over_a_date_under_the_account_label() -> None:
    text = (
        "Kellymouth Savings Bank\n"
        "Period Covered  Account #\n"
        "2026-09-20 through 2026-10-19  Checking ...2237\n"
        "Opening Balance  New Balance\n"
        "_136424.72  I 137873.20\n"
    )
    doc = run(text)
    assert doc.get("account_last4") == "2237"
    assert doc.get("opening_balance") == Decimal("136424.72")
    assert doc.get("closing_balance") == Decimal("137873.20")


def test_the_dash_ending_a_rule_before_a_balance_is_no_minus_sign() -> None:
    text = (
        "Fowlerport Bank & Trust\n"
        "2026-04-26 through 2026-05-25  Savings ...6712\n"
        "Beginning Balance        New Balance\n"
        "$434462.65        \u2014___-$134463.06\n"
    )
    doc = run(text)
    assert doc.get("closing_balance") == Decimal("134463.06")
    # an overdrawn account keeps its minus
    owed = run(text.replace("\u2014___-$134463.06", "-$134.06"))
    assert owed.get("closing_balance") == Decimal("-134.06")


def test_an_account_number_whose_mask_ocr_read_as_letters() -> None:
    text = (
        "Lake Dominic Bank & Trust\n"
        "Statement Period        09-18-2025 through 10-17-2025"
        '       Account Number        "ene 1852\n'
        "Account Type        Personal Checking        Page        1\n"
        "Opening Balance        41,838.99        Deposits and Additions        27,974.32\n"
    )
    assert run(text).get("account_last4") == "1852"
    # a figure among the marks: not a mask, nothing taken
    other = text.replace('"ene 1852', '"e7e 1852')
    assert run(other).get("account_last4") is None


def test_letter_of_explanation_amount_under_an_ocr_spaced_subject() -> None:
    text = (
        "LETTER OF EXPLANATION\n"
        "Borrower        Kaylee Allen\n"
        "Date        2025-04-04\n"
        "Regarding        Explanation of Deposit\n"
        "Amount.\u201d        $10,902.10        Date of Deposit\n"
        "Explanation\n"
        "The funds were the sale of my vehicle to a private buyer.\n"
    )
    doc = LogicalDocument(uuid.uuid4(), DocType.letter_of_explanation, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, "ocr")])
    assert doc.get("explained_amount") == Decimal("10902.10")


def test_letter_of_explanation_amount_whose_first_figure_ocr_read_as_a_letter() -> None:
    text = (
        "TO: Underwriting\n"
        "FROM: Carrie Sanchez\n"
        "SUBJECT: EXPLANATION OF DEPOSIT\n"
        "THE {amount} DEPOSITED ON Mar 01, 2026 IS FROM THE SALE OF MY VEHICLE.\n"
        "CARRIE SANCHEZ        Date\n"
    )
    doc = LogicalDocument(uuid.uuid4(), DocType.letter_of_explanation, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text.format(amount="g1508.16"), "ocr")])
    # the figures left, one short: matching the deposit allows a scan's misread
    assert doc.get("explained_amount") == Decimal("1508.16")
    assert doc.get("explained_date") == date(2026, 3, 1)
    # a word is no amount
    doc = LogicalDocument(uuid.uuid4(), DocType.letter_of_explanation, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text.format(amount="FUNDS"), "ocr")])
    assert doc.get("explained_amount") is None


def test_letter_of_explanation_amount_whose_point_ocr_read_as_a_space() -> None:
    text = (
        "RE: Source of Funds\n"
        "lam writing to explain the deposit of 5421 74 made on 26-Jun-2025 into my account.\n"
        "These funds came from the sale of my vehicle to a private buyer.\n"
    )
    doc = LogicalDocument(uuid.uuid4(), DocType.letter_of_explanation, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, "ocr")])
    assert doc.get("explained_amount") == Decimal("5421.74")
    assert doc.get("explained_date") == date(2025, 6, 26)


def test_a_second_letter_read_with_the_first_takes_the_date_its_amount_is_given_with() -> None:
    # two letters read as one: the second's heading date (`08/29/2026,`) is
    # no date explained; the sentence naming the amount gives it
    first = (
        "08/28/2026\n"
        "To Whom It May Concern:\n"
        "RE: Credit Inquiries\n"
        "The inquiries on my credit report were made while I shopped for this loan.\n"
        "Sincerely,\n"
        "Anthony K. Richards        Date\n"
    )
    second = (
        "08/29/2026,\n"
        "To Whom It May Conce\u00e9tn:\n"
        "RE: Large Deposit\n"
        "1am writing to explain the deposit of 18034.18 made gn 07/20/2026 into my accqunt.\n"
        "Sincerely,\n"
    )
    doc = LogicalDocument(uuid.uuid4(), DocType.letter_of_explanation, 1.0, DOC, [1, 2])
    extract(doc, [PageText(DOC, 1, first, "ocr"), PageText(DOC, 2, second, "ocr")])
    assert doc.get("explained_amount") == Decimal("18034.18")
    assert doc.get("explained_date") == date(2026, 7, 20)


RUNNING = """\
Kellymouth Savings Bank
Statement Period  2026-08-20 through 2026-09-19
Beginning Balance  $71,462.97
Transaction Detail
Date  Description  Amount  Balance
21-AUG-2026  ZELLEFROMEMILY  2oe2  7712.59
27-AUG-2026  CHECK #2283  91.80  71620.79
28-AUG-2026  ZELLE FROM JOHN  28.60
29-AUG-2026  CHECK #2284  10.00  71639.39
"""


def test_a_row_with_one_amount_among_running_balances_needs_the_next_row_to_confirm() -> None:
    deposits = [(r["date"].value, r["amount"].value) for r in run(RUNNING).rows.get("deposits", [])]
    # `7712.59` is the balance 71,712.59 with a digit lost, not a deposit; the
    # next row's balance confirms the Zelle of 28.60
    assert deposits == [(date(2026, 8, 28), Decimal("28.60"))]


def test_rows_that_lost_their_amount_column_read_the_change_between_balances() -> None:
    text = (
        "West Donald Savings Bank\n"
        "STATEMENT PERIOD  19-Jun-2026 to 18-Jul-2026\n"
        "BALANCE FORWARD  $77860.76\n"
        "TRANSACTION DETAIL\n"
        "Date  Description,  Balance\n"
        "05-Jul-2026  POS PURCHASE DINER 24 #4340  $76666.23\n"
        "06sJul-2026  CASH DEPOSIT  $91721.33\n"
        "15-Jul-2026  TRANSFER FROM CHK 4703  $91918.25\n"
    )
    deposits = [(r["date"].value, r["amount"].value) for r in run(text).rows["deposits"]]
    assert deposits == [
        (date(2026, 7, 6), Decimal("15055.10")),
        (date(2026, 7, 15), Decimal("196.92")),
    ]


def test_a_daily_balance_table_under_a_garbled_title_is_not_transactions() -> None:
    text = """\
Cedar Bank
Statement Period 06/01/2025 - 06/30/2025
Account Number XXXX2613
Deposits and Additions
Date        Description        Amount
06/27/2025        PAYROLL JOHNSON INSURANCE SERV        2284.14
Daily Balarice Summary
Date        Balance, Date        Balance
06/23/2025        245199.98 06/24/2925        244614.11
06/27/2025        24    46 06/28/2025        246048.32
"""
    deposits = [r["amount"].value for r in run(text).rows.get("deposits", [])]
    assert deposits == [Decimal("2284.14")]


def test_a_lone_digit_before_the_new_balance_is_a_speck() -> None:
    doc = run(MEMBER.replace("NEW BALANCE        $44,243.98", "NEW BALANCE   4        44,243.98"))
    assert doc.get("closing_balance") == Decimal("44243.98")
    # a balance that really is a few dollars stays what it says
    doc = run(MEMBER.replace("NEW BALANCE        $44,243.98", "NEW BALANCE        4.00"))
    assert doc.get("closing_balance") == Decimal("4.00")


SUMMARY = """\
Longborough Credit Union
Period Covered:        01-Mar-2026 through 31-Mar-2026     Account Number:        *2902
Account Type:        Personal Savings        Page:
Account Summary
Previous Balance:        136,343.14        Deposits and Additions:        11,153.96
Withdrawals and Subtractio..  56.18        Balance:        147,440.91
Transaction Detail
Date        Description        Amount        Balance
10-Mar-2026        TRANSFER FROM CHK 1186        175.28        136,518.42
15-Mar-2026        POS PURCHASE FRESH MARKET #5636        -56.18        136,462.24
26-Mar-2026        MOBILE DEPOSIT        10,969.40        147,431.64
31-Mar-2026        INTEREST PAYMENT        9.27        147,440.91
"""


def test_an_ending_balance_label_cut_short_is_read_where_the_last_row_agrees() -> None:
    assert run(SUMMARY).get("closing_balance") == Decimal("147440.91")
    # a balance beside the bare word that the rows do not confirm stays unread
    other = SUMMARY.replace("Balance:        147,440.91", "Balance:        147,000.00")
    assert run(other).get("closing_balance") is None


def test_a_balance_read_without_its_cents_is_garbled_and_unread() -> None:
    doc = run(MEMBER.replace("NEW BALANCE        $44,243.98", "NEW BALANCE        39175 548.95"))
    assert doc.get("closing_balance") is None
    assert doc.get("opening_balance") == Decimal("41540.61")


SAVINGS = """\
Ellenland Federal Credit Union
Statement Dates        04/01/2026 through 04/30/2026        Account Number        ****8817
Account Type        Personal Savings        Page        1
Account Summary
Previous Balance        $259083.03        Deposits and Additions        $553.24
Withdrawals and Subtractio.. $38.99        New Balance        $259597.28
Transaction Detafl
_Date        Description        Amount        Balance
04/07/2026        POS PURCHASE HARDWARE DEPOT #8790        -$21.06        $259061.97
"04/25/2026        MOBILE DEPOSIT        $545.07        $259607.04
04/30/2026        INTEREST PAYMENT        SE17,        "$259597.28
"""


def test_rows_after_specks_and_a_garbled_amount_beside_the_ending_balance() -> None:
    rows = [{k: v.value for k, v in r.items()} for r in run(SAVINGS).rows["deposits"]]
    # the row behind a speck is read; the last row's garbled amount is not
    # taken from its balance column
    assert [r["amount"] for r in rows] == [Decimal("545.07")]


def test_letter_signer_is_the_printed_name_beside_date_not_the_signature() -> None:
    text = (
        "31-JUL-2025\nTo: Underwriting Department\nRE: Credit Inquiries\n"
        "The recent credit inquiries were made while I was shopping for a mortgage.\n"
        "Sincerely,\nFats        Aten\nJames Harrington        Date\n"
    )
    doc = LogicalDocument(uuid.uuid4(), DocType.letter_of_explanation, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, "ocr")])
    assert doc.get("borrower_name") == "James Harrington"
    # a letter signed by name alone keeps it
    doc = LogicalDocument(uuid.uuid4(), DocType.letter_of_explanation, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text.replace("Fats        Aten\n", ""), "ocr")])
    assert doc.get("borrower_name") == "James Harrington"


def test_a_row_dated_outside_its_statement_keeps_its_deposit_without_the_day() -> None:
    text = MEMBER.replace(
        "03/16   POS PURCHASE SUNRISE BAKERY #4075        $353.93        $44,243.98",
        "09/16   IRS TREAS 310 TAX REF        $8,135.81        $52,733.72",
    ).replace("NEW BALANCE        $44,243.98", "NEW BALANCE        $52,733.72")
    rows = run(text).rows["deposits"]
    refund = next(r for r in rows if r["amount"].value == Decimal("8135.81"))
    assert "date" not in refund
    # a day no month has (`48-Mar`, `03/48`): the deposit stands, its day unknown
    text = text.replace("09/16   IRS TREAS", "03/48   IRS TREAS")
    rows = run(text).rows["deposits"]
    refund = next(r for r in rows if r["amount"].value == Decimal("8135.81"))
    assert "date" not in refund


FOOTNOTE = """\
Lakeshore Bank
Statement Period        06/01/2026 through 06/30/2026        Account Number        ****4412
Beginning Balance        $30,000.00
Withdrawals and Other Debits
06/03        ACH PAYMENT CAR LOAN        $25,000.00
* Credits received after 4 PM post the next business day
06/20        ONLINE PMT CARD SERVICES        $400.00
Ending Balance        $4,600.00
"""


def test_a_footnote_about_credits_does_not_turn_debits_into_deposits() -> None:
    for method in ("ocr", "text"):
        doc = LogicalDocument(uuid.uuid4(), DocType.bank_statement, 1.0, DOC, [1])
        extract(doc, [PageText(DOC, 1, FOOTNOTE, method)])
        assert doc.rows.get("deposits", []) == []


def test_a_balance_carried_forward_is_not_a_repeat_of_the_opening_balance() -> None:
    text = (
        "Lakeshore Bank\n"
        "Statement Period        06/01/2026 through 06/30/2026        Account Number  ****4412\n"
        "Beginning Balance        35,000.00\n"
        "06/03        ACH PAYMENT CAR LOAN        -30,000.00        5,000.00\n"
        "Balance Forward        $5,000.00\n"
        "Ending Balance        $5,000.00\n"
    )
    assert run(text).get("opening_balance") == Decimal("35000.00")


def test_a_posted_description_header_makes_a_lone_amount_wait_for_the_next_balance() -> None:
    text = (
        "PATRICKPORT SAVINGS BANK\n"
        "MEMBER STATEMENT   02-MAY-2026 TO 01-JUN-2026\n"
        "REGULAR SHARE SAVINGS   ACCOUNT XXXXXX4355\n"
        "PREVIOUS BALANCE        *$243296.47\n"
        "POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT      BALANCE\n"
        "05/28   POS PURCHASE METRO WATER #888        $0.07        $243296.10\n"
        # `$1.54` read as `51-64`: the lone amount is the running balance
        "06/01   INTEREST PAYMENT        51-64   $243297.64\n"
        "06/01   POS PURCHASE HARDWARE DEPOT #2810        $0.04        $243297.60\n"
        "BALANCE THIS STATEMENT        $243297.60\n"
    )
    assert run(text).rows.get("deposits", []) == []


def test_an_atm_deposit_whose_balance_ocr_garbled_waits_for_the_next_balance() -> None:
    text = (
        "GORDONCHESTER NATIONAL BANK\n"
        "MEMBER STATEMENT   01-OCT-2026 TO 31-OCT-2026\n"
        "REGULAR SHARE SAVINGS   ACCOUNT XXXXXX3282\n"
        "BEGINNING BALANCE        $ 170,324.16\n"
        "POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT      BALANCE\n"
        # the running balance garbled (`\u00a7` for 6): the next row's confirms it
        "10/12   ATM DEPOSIT        $ 44,784.44 $ 215,108.\u00a70\n"
        "10/30   P@S PURCHASE METRO WATER #2268    $ 1,337.49        $ 213,771.11\n"
        "CLOSING BALANCE        $ 213,771.11\n"
    )
    assert [r["amount"] for r in _deposits_of(text)] == [Decimal("44784.44")]
    # a next balance that does not confirm it leaves no deposit
    assert _deposits_of(text.replace("213,771.11", "168,986.67")) == []


def test_a_product_name_with_its_first_letter_misread_still_gives_the_account() -> None:
    text = (
        "Port Amber Savings Bank\n"
        "Period Covered        Account\n"
        "02-01-2026 to 02-28-2026        Ghecking ...2580        APES\n"
        "Opening Balance        Balance This Statement\n"
    )
    assert run(text).fields["account_last4"].value == "2580"


def _deposits_of(text: str) -> list[dict[str, object]]:
    return [{k: v.value for k, v in r.items()} for r in run(text).rows.get("deposits", [])]


def test_balances_only_rows_need_their_cents_and_a_header_without_its_date() -> None:
    savings = (
        "PERIOD COVERED        01-Aug-2026 - 31-Aug-2026        ACCOUNT NUMBER        #4481228\n"
        "OPENING BALANCE        136,026.53\n"
        "TRANSACTION DETAIL\n"
        "Date        Description        Balance\n"
        "05-Aug-2026        CHECK #2933        136,024.40\n"
        "15-Aug-2026        TRANSFER FROM CHK 9498        13621664\n"
        "15-Aug-2026        POS PURCHASE TARGETED Goops #8437\n"
        "31-Aug-2026        INTEREST PAYMENT        136,222.23\n"
    )
    # `8437` and `13621664` are no balances: nothing after them is a deposit
    assert _deposits_of(savings) == []
    no_date = (
        "FOR THE PERIOD        05-21-2025 through 06-26-2025       ACCOUNT NUMBER       ****1000\n"
        "BALANCE FORWARD     $6264.36        DEPOSITS AND ADDITION.. $5.00\n"
        "TRANSACTION DETAIL\n"
        "Description        Balance\n"
        "ACH DEBIT PHARMACY PLUS        $6264.13\n"
        "06-20-2025        INTEREST PAYMENT        $6269.13\n"
    )
    # the lone amount is the running balance, not a 6,269.13 deposit
    assert all(d["amount"] != Decimal("6269.13") for d in _deposits_of(no_date))


def test_an_ending_balance_that_lost_its_point_is_read_where_the_last_row_agrees() -> None:
    # `$67749.54` read `96774954`: its sign as a 9, its point lost; the last
    # row's running balance holds the same figures
    text = SUMMARY.replace("Balance:        147,440.91", "Ending Balance        $14744091")
    assert run(text).get("closing_balance") == Decimal("147440.91")
    signed = SUMMARY.replace("Balance:        147,440.91", "Ending Balance        914744091")
    assert run(signed).get("closing_balance") == Decimal("147440.91")
    # figures the rows do not hold, or two extra, stay unread
    for garbled in ("914744191", "9914744091"):
        other = SUMMARY.replace("Balance:        147,440.91", f"Ending Balance        {garbled}")
        assert run(other).get("closing_balance") is None


def test_an_ending_balance_a_digit_off_the_confirmed_last_running_balance() -> None:
    # `$2262.85`: the first 8 of 82,262.85 read as a dollar sign; the last
    # row's balance is the one before it less its amount
    table = """\
RICEBURY COMMUNITY BANK
MEMBER STATEMENT   04/11/2025 TO 05/10/2025
SHARE DRAFT CHECKING   ACCOUNT XXXxxx9467
BEGINNING BALANCE        77185.95
POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT     BALANCE
05/09   POS PURCHASE DINER 24 #4746        696.89        82322.63
05/10   POS PURCHASE SUNRISE BAKERY #3861        59.78        82262.85
NEW BALANCE        $2262.85
"""
    assert run(table).get("closing_balance") == Decimal("82262.85")
    # a digit misread in place: a last balance its own row does not confirm
    # settles nothing (the ending balance that lost its first figure is the
    # last balance's tail whatever the row: that stands on its own)
    misread = table.replace("$2262.85", "$82762.85")
    assert run(misread).get("closing_balance") == Decimal("82262.85")
    unconfirmed = misread.replace("82322.63", "82300.00")
    assert run(unconfirmed).get("closing_balance") == Decimal("82762.85")
    # nor does a balance further off than a digit
    assert run(table.replace("$2262.85", "$1262.80")).get("closing_balance") == Decimal("1262.80")


def test_an_ending_balance_that_lost_its_cents_is_the_confirmed_last_running_balance() -> None:
    table = """\
NORTH JACOB BANK & TRUST
MEMBER STATEMENT   MAY 29, 2026 - JUN 28, 2026
REGULAR SHARE SAVINGS   ACCOUNT XXXXXX5619
BEGINNING BALANCE        108651.00
POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT      BALANCE
06/10   TRANSFER FROM CHK 4525        337.56    108988.56
06/15   CHECK #2545        16.19        108962.16
06/28   INTEREST PAYMENT        9.63    108971.79
ENDING BALANCE        108971.
"""
    assert run(table).get("closing_balance") == Decimal("108971.79")
    # the last row not confirmed by the one before it settles nothing
    assert run(table.replace("108962.16", "108960.00")).get("closing_balance") is None
    # nor do other dollars
    assert (
        run(table.replace("BALANCE        108971.", "BALANCE        108917.")).get(
            "closing_balance"
        )
        is None
    )


DAILY = """\
Davidchester Community Bank
"Period Covered        |Accountt
2025-05-21 - 2025-06-20        Savings ...5927
"Beginning Balance\u2122        eS
_87759.3)        87765.15
Credits        E
Date*        Description        Amount
2025-06-20        INTEREST PAYMENT        7        8.42
Daily Balance Summary
Date        3        Balance Date        Balance
2025-06-19        87756.73 2025-06-20        $7765.15
"""


def test_the_daily_balances_header_is_no_pair_of_balance_captions() -> None:
    # `Date  Balance  Date  Balance` holds two balance words: it is not the
    # opening and ending balances' captions; the row under the garbled
    # captions holds the ending balance the daily table's last one ends with
    doc = run(DAILY)
    assert doc.get("opening_balance") is None
    assert doc.get("closing_balance") == Decimal("87765.15")
    # no amount there that the last balance ends with: no ending balance
    assert run(DAILY.replace("87765.15\n", "87766.15\n")).get("closing_balance") is None


FORWARD = """\
Port Gabriel Bank & Trust
the period        Accom        7
_20-FEB-2026 - 19-MAR-2026        Checking ...6433
Balance Forward        Ending Balance
10764.00        (4274.93
Credits
Date        Description        Amount
27-FEB-2026        ACH CREDIT DAVIS & WRIGHT MEDICAL PAYRL        4990.19
05-MAR2026        MOBILE DEPOSIT        18103.83
Daily Balance Summary,
Date        7      Balance Date        Balance
10-MAR-2026        20481.05 13-MAR-2026        24624.04,
15-MAR-2026        24274.93
Member FDIC        Page
"""


def test_an_ending_balance_that_lost_its_first_figure_is_the_daily_tables_last() -> None:
    doc = run(FORWARD)
    assert doc.get("period_start_date") == date(2026, 2, 20)
    assert doc.get("closing_balance") == Decimal("24274.93")
    # a year run into its month (`05-MAR2026`) still dates the deposit
    assert Decimal("18103.83") in [d["amount"] for d in _deposits_of(FORWARD)]
    # a last amount the reading is not the tail of leaves the reading
    other = FORWARD.replace("15-MAR-2026        24274.93", "15-MAR-2026        24275.93")
    assert run(other).get("closing_balance") == Decimal("4274.93")


SPECKED_LAST_ROW = """\
NORTH KARENSIDE FEDERAL CREDIT UNION
MEMBER STATEMENT   01-JUL-2026 TO 31-JUL-2026
REGULAR SHARE SAVINGS   ACCOUNT XXXX4X6105
BEGINNING BALANCE        $ 3,562.59
POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT      BALANCE
07/09   ACH DEBIT BOOK NOOK        $ 0.17        $ 3,562.42
07/18   POS PURCHASE SUNRISE BAKERY #7482        $0.14        3,562.28
07/31   INTEREST PAYMENT        $4.04   $43,566.32
\u2018ENDING BALANCE        $ 3,566.32        4
"""


def test_a_speck_before_the_last_running_balance_leaves_the_ending_balance_as_read() -> None:
    # the ending balance continues the balance before the last row; the last
    # row's `$43,566.32` does not: a speck read as a figure before it
    assert run(SPECKED_LAST_ROW).get("closing_balance") == Decimal("3566.32")


def test_a_mask_read_partly_as_a_digit_and_a_percent_sign_still_gives_the_account() -> None:
    page = MEMBER.replace("ACCOUNT XXXXXX4110", "ACCOUNT NUMBER:        ##4%4110")
    assert run(page).get("account_last4") == "4110"


def test_a_period_with_its_hyphens_read_as_tildes_and_a_zero_as_at() -> None:
    page = MEMBER.replace("03/43/2026   04/12/2026", "@1-MAR-2026 TO 31~MAR~2026")
    doc = run(page)
    assert doc.get("period_start_date") == date(2026, 3, 1)
    assert doc.get("period_end_date") == date(2026, 3, 31)


SECTIONS = """\
West Timothy Savings Bank
Statement Period        Account
04-25-2026 through 05-24-2026        Checking ...6947
Beginning Balance        Ending Balance
$1027.00        $2649.95
Deposits and Other Credits
Date        Description        Amount
04-30-2026        BOWMAN FOODS CORP DES:PAYROLL ID:24795        $1990.61
Checks & Debits\u00bb
Date        Description        Amount
05-12-2026        CHECK #3911        $155.60
05-15-2026        CHECK #3844        $174%80
"""


def test_a_debit_section_title_with_a_speck_and_a_check_number_that_is_no_amount() -> None:
    got = _deposits_of(SECTIONS)
    assert [d["amount"] for d in got] == [Decimal("1990.61")]
    # in a deposits section, the check's number is still no amount
    mixed = SECTIONS.replace("Checks & Debits\u00bb\n", "")
    assert Decimal("3844") not in [d["amount"] for d in _deposits_of(mixed)]


def test_a_deposit_whose_day_ocr_garbled_is_kept_without_its_day() -> None:
    text = (
        "NATASHAHAVEN FEDERAL CREDIT UNION\n"
        "Statement Period        April 01, 2026 - April 30, 2026\n"
        "Credits\n"
        "Date        Description        Amount\n"
        "April 10, 2026        PAYROLL KELLER SYSTEMS CORPORA        3,642.35\n"
        "April 1f, 2026        IRS TREAS 310 TAX REF        Rigs        28,573.19\n"
        "Debits\n"
    )
    deposits = _deposits_of(text)
    assert deposits[0]["date"] == date(2026, 4, 10)
    # `April 1f`: not the 1st; the deposit stands, its day unknown
    assert deposits[1]["amount"] == Decimal("28573.19")
    assert "date" not in deposits[1]
    assert str(deposits[1]["description"]).startswith("IRS TREAS")


def test_a_balance_caption_with_an_accent_ocr_put_on_it_still_heads_the_pair() -> None:
    text = (
        "North Kimberly Bank & Trust\n"
        "Statement Period        Account\n"
        "08/01/2025 08/31/2025,        Savings ...5682\n"
        'Balan\u00e9\u00ae Forward        "New Balance\n'
        "$254465.07        /$255130.49\n"
        "DAFLY BALANCE SUMMARY\n"
        "Date        Balance Date        Balance\n"
        '08/05/2025        $255142.57 08/29/2025        "5255128.80\n'
    )
    doc = run(text)
    assert doc.get("opening_balance") == Decimal("254465.07")
    assert doc.get("closing_balance") == Decimal("255130.49")


DATES_BESIDE_ACCOUNT = """\
Port Kathrynburgh Federal Credit Union
PO Box 96977, South Raymond, KY 41257
Charles J. Floyd
Statement Dates        Account        Pre)
2026-08-07 through 2026-09-06        Checking\u2019.. -3078
Beginning Balance        New Balance
$435802.86        $441225.09
Deposits and Other Credits
Date        Description        Amount
2026-08-31        ACH CREDIT CRUZ SYSTEMS LLC PAYRL        $14200.71
Member FDIC        Page 1
"""


def test_the_period_under_the_account_caption_is_not_its_number() -> None:
    # the cell under `Account` begins with the period; `Checking'.. -3078`
    # is the number, its mask read as dots and a dash
    doc = run(DATES_BESIDE_ACCOUNT)
    assert doc.get("account_last4") == "3078"
    assert doc.get("period_start_date") == date(2026, 8, 7)


def test_a_running_balance_with_a_space_inside_is_one_balance() -> None:
    # the amount column lost; `$2041 1.16` is 20,411.16, so the interest
    # credited after it is 4.61, not 20,414.61
    text = (
        "Hernandezberg Credit Union\n"
        "STATEMENT DATES      03-01-2026 - 03-31-2026        ACCOUNT NUMBER       *#443276\n"
        "OPENING BALANCE       $20411.25        DEPOSITS AND ADDITIO.. $4.61\n"
        "WITHDRAWALS AND SUB.. $0.09        CLOSING BALANCE      $20415.77\n"
        "TRANSACTION DETAIL\n"
        "Date        Description        Balance\n"
        "03-06-2026        ATM WITHDRAWAL 3957        $20411.21\n"
        "03-20-2026        POS PURCHASE BOOK NOOK #8887        $2041 1.16\n"
        "03-31-2026        INTEREST PAYMENT        $20415.77\n"
        "IMPORTANT INFORMATION\n"
    )
    deposits = [{k: v.value for k, v in r.items()} for r in run(text).rows["deposits"]]
    assert [d["amount"] for d in deposits] == [Decimal("4.61")]


def test_a_speck_read_as_a_minus_before_a_balance() -> None:
    text = """South Melinda State Bank
Statement Dates        Account
March 1, 2025 to March 31, 2025        Savings ...4877
Balance Forward        New Balance
$33123.79        -$33126.77
"""
    doc = run(text)
    assert doc.get("opening_balance") == Decimal("33123.79")
    assert doc.get("closing_balance") == Decimal("33126.77")
    # an account overdrawn by a little stays overdrawn
    doc = run(text.replace("-$33126.77", "-$126.77").replace("$33123.79", "$3123.79"))
    assert doc.get("closing_balance") == Decimal("-126.77")


def test_a_speck_between_a_rows_month_and_year_stays_out_of_the_description() -> None:
    text = (
        "North Joshuafort Credit Union\n"
        "STATEMENT PERIOD  01-APR-2026 to 30-APR-2026\n"
        "DEPOSITS AND CREDITS\n"
        "Date  Description  Amount  Balance\n"
        "21-APR,-2026        ZELLE FROM DAVID SIMS GIFT        3651.62        80243.59\n"
    )
    [row] = run(text).rows["deposits"]
    assert (row["date"].value, row["description"].value) == (
        date(2026, 4, 21),
        "ZELLE FROM DAVID SIMS GIFT",
    )


LOST_FRONT = """\
Bryanfort State Bank
Period Covered:        21-JUN-2026 to 20-JUL-2026        Account Number:        ****5087
Account Type:        Checking        Page:        1
Account Summary
Beginning Balance:        94,051.64        Deposits and Additions:        18,601.22
Withdrawals and Subtractio..   13,015.42        New Balance:        637.44
Transaction Detail
Date        Description        Amount        Balance
17-JUL-2026        PAYROLL ROSE SOFTWARE CORPORAT        4,511.97        100,952.13
20-JUL-2026        POS PURCHASE HARDWARE DEPOT #4645        -325.09        100,627.04
20-JUL-2026        POS PURCHASE HARDWARE DEPOT #3771        -989.60        99,637.44
"""


def test_an_ending_balance_that_lost_its_first_figures_is_the_last_running_balance() -> None:
    # `637.44` for 99,637.44, the last row a debit printed with its minus
    assert run(LOST_FRONT).get("closing_balance") == Decimal("99637.44")
    # figures that are not the running balance's tail stay as read
    other = LOST_FRONT.replace("New Balance:        637.44", "New Balance:        636.44")
    assert run(other).get("closing_balance") == Decimal("636.44")


HEADER_CELLS = """\
Bryanfort State Bank
Kara B. Bishop
For the period        Account
ssi -2026 to 08-20-2026        Checking ...5087
Forward        \u201cey        New Balance
$99637.44        |'$105083.32        2
Deposits and Other Credits
Date        Description        Amount
07-24-2026        PAYROLL ROSE SOFTWARE CORPORAT        $4655.05
"""


def test_balances_in_the_cells_below_their_garbled_header() -> None:
    doc = run(HEADER_CELLS)
    assert doc.get("closing_balance") == Decimal("105083.32")
    assert doc.get("opening_balance") == Decimal("99637.44")
    # cells that do not line up with the header's say nothing
    run_together = HEADER_CELLS.replace("44        |'$105083.32        2", "44 $105083.32")
    doc = run(run_together)
    assert doc.get("closing_balance") is None


ACTIVITY = """\
Lake Andrewchester Community Bank
Statement Dates:        01-JUN-2026 through 29-JUN-2026      Account Number:        ****4602
Account Type:        Personal Checking        Page:
Previous Balance:        $49915.42        Deposits and Additions:        $3948.81
Transaction Detail
Date      1        Description        Amount        Balance
-07-JUN-2026        ONLINE PMT BEACON RETAIL CARD        $32.00       $49883.42
10-JUN-2026        ONLINE PMT NORTHSTAR HOME LOANS        \u201c$1992.13        $47891.29
13-JUN-2026        REFUND JACKSON STORE        $243460        $48134.75
13-JUN-2026        ONLINE PMT PIONEER CREDIT CARD        $188.00        $47946.75
15-JUN-2026        DIRECT DEP BRYANT DISTRIBUTION CO PAYROLL        $3414.66        $51361.41
"""


def test_an_amount_that_lost_its_point_is_the_change_in_the_running_balance() -> None:
    # `$243.46` read `$243460`: the balance column's $48,134.75 is no deposit;
    # the change from the balance before holds the amount's figures
    amounts = [r["amount"] for r in _deposits_of(ACTIVITY)]
    assert amounts == [Decimal("243.46"), Decimal("3414.66")]
    # figures the change does not begin with leave the amount unknown
    other = ACTIVITY.replace("$243460", "$713460")
    assert [r["amount"] for r in _deposits_of(other)] == [Decimal("3414.66")]


def test_an_amount_whose_dollar_sign_ocr_read_as_a_figure_is_the_balance_change() -> None:
    # `$243.46` read `5243.46`: the change from the balance before is the
    # reading without its first figure
    specked = ACTIVITY.replace("$243460", "5243.46")
    amounts = [r["amount"] for r in _deposits_of(specked)]
    assert amounts == [Decimal("243.46"), Decimal("3414.66")]
    # printed with its dollar sign or its comma, the figure is the page's own
    for printed in ("$5243.46", "5,243.46"):
        amounts = [r["amount"] for r in _deposits_of(ACTIVITY.replace("$243460", printed))]
        assert amounts[0] == Decimal("5243.46")


def test_a_speck_in_the_header_and_a_dash_before_a_row_date() -> None:
    text = (
        "Statement Dates:        01-JUN-2026 through 29-JUN-2026      Account Number:   ****4602\n"
        "Previous Balance:        $49915.42\n"
        "Transaction Detail\n"
        "Date      1        Description        Amount        Balance\n"
        "-07-JUN-2026        MOBILE DEPOSIT        $500.00       $50415.42\n"
        "13-JUN-2026        REFUND JACKSON STORE        $50659.88\n"
        "14-JUN-2026        ONLINE PMT PIONEER CREDIT CARD        $188.00        $50227.42\n"
    )
    # the row behind `-07-JUN-2026` is read; the header's speck (`Date  1`)
    # still heads a running balance, so a lone figure the next row's balance
    # does not confirm is no deposit
    assert [r["amount"] for r in _deposits_of(text)] == [Decimal("500.00")]


def test_a_year_misread_in_the_start_date_is_the_period_its_rows_fall_in() -> None:
    # `2086` for 2026: either date may be the misread one; the rows say which
    page = MEMBER.replace("03/43/2026   04/12/2026", "10-JUL-2086 - 09-AUG-2026")
    dated = page.replace("03/13   DIRECT", "29-JUL-2026   DIRECT")
    doc = run(dated.replace("03/16   POS", "02-AUG-2026   POS"))
    assert doc.get("period_start_date") == date(2026, 7, 10)
    assert doc.get("period_end_date") == date(2026, 8, 9)
    # rows that date neither reading leave the period unread
    doc = run(page)
    assert doc.get("period_start_date") is None


def test_a_month_name_folded_alike_on_both_sides_of_a_misread() -> None:
    # `JUL` beside `Jul`: the month's letters are not the misread character
    assert (date(2026, 7, 10), date(2026, 8, 9)) in statement_periods("10-JUL-2086 - 09-AUG-2026")


def test_a_period_under_a_garbled_caption_with_its_end_run_into_through() -> None:
    text = (
        "Thomasmouth National Bank\n"
        "Robert Wagner\n"
        "Sinid@ea        Account\n"
        "06/22/2025 througha)7/21/2025,        My        Checking ...9309\n"
        "Balance Forward        Closing Balance\n"
        "$53027.67        $59141.27\n"
    )
    got = run(text).fields
    assert (got["period_start_date"].value, got["period_end_date"].value) == (
        date(2025, 6, 22),
        date(2025, 7, 21),
    )


def test_a_statements_debits_paying_a_debt_are_its_payments() -> None:
    text = (
        "Lake Dominic Bank & Trust\n"
        "Statement Period        06-01-2026 through 06-30-2026        Checking ...4172\n"
        "Opening Balance        40,457.23\n"
        "Date        Description        Amount        Balance\n"
        "06-06-2026        ONLINE PMT BLUEWATER MOTORCREDIT        -362.00        40095.23\n"
        "06-10-2026        POS PURCHASE GROCERY OUTLET        -120.00        39975.23\n"
        "06-12-2026        DIRECT DEP ACME PAYROLL        3,000.00        42975.23\n"
        "06-30-2026        INTEREST PAYMENT        4.92        42980.15\n"
    )
    doc = run(text)
    payments = [
        (r["date"].value, r["amount"].value, r["description"].value) for r in doc.rows["payments"]
    ]
    # a purchase is no debt's payment, nor is interest paid to the holder
    assert payments == [(date(2026, 6, 6), Decimal("362.00"), "ONLINE PMT BLUEWATER MOTORCREDIT")]
    assert [r["amount"].value for r in doc.rows["deposits"]] == [
        Decimal("3000.00"),
        Decimal("4.92"),
    ]


def test_an_ending_balance_whose_caption_ocr_lost_at_the_end_of_the_withdrawals_line() -> None:
    text = (
        "Palmerburgh Credit Union\n"
        "Period Covered:        05/01/2025 - 05/31/2025        Account Number:        #9771\n"
        "Account Summafy\n"
        "Balance Forward:        $2,053.00        Deposits and Additions:        $6,694.78\n"
        "Withdrawals and Subtractions:   $7,467.78        $1,280.00\n"
        "Transaction Detail\n"
        "Date        Description        Amount        Balance\n"
        "05/01/2025        POS PURCHASE BOOK NOOK #591        -$249.08        $1,803.92\n"
        "05/30/2025        ONLINE PMT HARBOR CARD        -$523.92        $1,280.00\n"
    )
    assert run(text).get("closing_balance") == Decimal("1280.00")
    # an amount the table's last balance does not confirm stays unread
    other = text.replace("$7,467.78        $1,280.00", "$7,467.78        $1,380.00")
    assert run(other).get("closing_balance") is None


GARBLED_DEPOSIT = """\
New Ashley Federal Credit Union
For the period        Aug 01, 2026 - Aug 31, 2026        Account Number        *****6944
Opening Balance        439016.06
Transaction Detail
Date        Description        Amount        Balance
Aug 11, 2026       CRECK #1362        1015.72        -438000.34
Aug J3, 2026    __AT\u2122M DEPOSIT        Ny.        3687.23       47487757
Aug 14, 2026        DIRECT DEP RUSH & TYLER DISTRIBUT PAYROLL        7483.36        482360.93
"""


def test_a_deposit_whose_balance_lost_its_point_and_amount_a_figure() -> None:
    deposits = [(r["date"].value, r["amount"].value) for r in run(GARBLED_DEPOSIT).rows["deposits"]]
    # `-438000.34`: a speck for a minus, the balance the check leaves; `Aug
    # J3`: the day's 1 read as a letter; `47487757`: the balance without its
    # point, the change from the one before the deposit `3687.23` read a figure short
    assert deposits == [
        (date(2026, 8, 13), Decimal("36877.23")),
        (date(2026, 8, 14), Decimal("7483.36")),
    ]
    # a balance whose change is no reading of the amount leaves it as read
    other = GARBLED_DEPOSIT.replace("47487757", "47497757")
    amounts = [r["amount"].value for r in run(other).rows.get("deposits", [])]
    assert Decimal("36877.23") not in amounts


BALANCE_SHORT = """\
Duranfurt Bank
FOR THE PERIOD:        10-01-2026 to 10-31-2026        ACCOUNT NUMBER:       #445238
BALANCE FORWARD:     $36,283.25
TRANSACTION DETAIL
Date        Description        Balance
10-01-2026        CHECK #1480        $56.49        $36,226.76
10-02-2026        ACH CREDIT MCCLURE MEDICAL CENTER PAYRL        $1,862.27        $3089.03
10-02-2026        POS PURCHASE PHARMACY PLUS #4583        -$17642        $37,912.61
10-16-2026        ACH CREDIT MCCLURE MEDICAL CENTER PAYRL        $1,949.49        $39,862.10
"""


def test_a_running_balance_a_figure_short_is_the_balance_its_amount_leaves() -> None:
    deposits = [r["amount"].value for r in run(BALANCE_SHORT).rows["deposits"]]
    # `$3089.03` is 38,089.03 a figure lost: the purchase after it, its
    # amount without its point, is no deposit of 34,823.58
    assert deposits == [Decimal("1862.27"), Decimal("1949.49")]
