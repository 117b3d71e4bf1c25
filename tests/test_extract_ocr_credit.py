"""Credit reports as OCR reads them: tradeline rows under a garbled header,
account numbers with a mask half read, type words with a wrong letter, an SSN
column whose header was lost."""

from __future__ import annotations

import uuid
from decimal import Decimal

from flightline.pipeline.extract import extract
from flightline.pipeline.extractors.values import FINDERS
from flightline.pipeline.model import DocType, LogicalDocument, PageText, Value

DOC = uuid.UUID("00000000-0000-0000-0000-0000000c4ed1")


def run(text: str) -> LogicalDocument:
    doc = LogicalDocument(uuid.uuid4(), DocType.credit_report, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, "ocr")])
    return doc


def tradelines(doc: LogicalDocument) -> list[dict[str, Value]]:
    return [{k: v.value for k, v in r.items()} for r in doc.rows.get("tradelines", [])]


GARBLED_HEADER = """\
Tri-Merge Credit Report
Report Date:        05-19-2026        Report        81578800
Applicant        SSN        Currgnt Address
GARCIA, PAULA M        #8-HH-2862        5109 SYCAMORE PLACE, BRYANBURGH, CA 94381
Tradelines
Cai Sa        Pens let
LIBERTY CARD SERVICES        3        0        0 Revolving    CURRENT
HORIZON AUTO LENDING  94057598"  I  10/15  37,393  27,551  503 Installment   CURRENT
CASCADE STUDENT LOAN SERVICING 74534900*  1  02/21  39,551  35,914  396 Installment   CURRENP
Inquiries
AUTO INQUIRY 03/26
"""


def test_rows_under_a_garbled_header_read_in_the_usual_column_order() -> None:
    assert tradelines(run(GARBLED_HEADER)) == [
        {
            "creditor": "LIBERTY CARD SERVICES",
            "balance": Decimal(0),
            "monthly_payment": Decimal(0),
            "account_type": "revolving",
        },
        {
            "creditor": "HORIZON AUTO LENDING",
            "balance": Decimal(27551),
            "monthly_payment": Decimal(503),
            "account_type": "installment",
        },
        {
            "creditor": "CASCADE STUDENT LOAN SERVICING",
            "balance": Decimal(35914),
            "monthly_payment": Decimal(396),
            "account_type": "installment",
        },
    ]


def test_a_row_that_cannot_be_mapped_is_not_guessed() -> None:
    text = GARBLED_HEADER.replace("37,393  27,551  503", "1,200 37,393 27,551 503")
    rows = tradelines(run(text))
    # four amounts under no header: the row is kept without them (its debt
    # unknown, never summed short), not placed by guess
    assert [(r["creditor"], r.get("balance"), r.get("monthly_payment")) for r in rows] == [
        ("LIBERTY CARD SERVICES", 0, 0),
        ("HORIZON AUTO LENDING", None, None),
        ("CASCADE STUDENT LOAN SERVICING", Decimal(35914), Decimal(396)),
    ]
    # a balance whose sign read as `@` (`@132.00` for $7,132.00) keeps its
    # place in the usual order, unread; the type code ends the creditor
    garbled = (
        "Tradelines\nCREDITOR        TYPE       B    CE   PAYMENT    STATUS\n"
        "EVERGREEN CARD SVCS        R        @132.00    163.00      OPEN\n"
    )
    assert tradelines(run(garbled)) == [
        {
            "creditor": "EVERGREEN CARD SVCS",
            "monthly_payment": Decimal("163.00"),
            "account_type": "revolving",
        }
    ]


BLOCKS = """\
Clearpoint Credco
Date of Report        05/01/2026        Ordered By        Lester Bank
Applicant        Current Address
Joseph J. Walker        XXX-XX-3722        10633 ANDERSON STREET, MARTINEZSHIRE, NV 89537
Account Detail
HERITAGE STUDENT LOAN SERVICING
Account #        TI3S84IS°**®        Type        Instaltment        Balance        $49,992.00
Monthly Payment      $ 342.00        Opened®        12/19/2021        Status        Opens Current
FRONTIER RETAIL CARD
Account #        67862912"*9*        Type”        Revolving        Balance        $0.00
Monthly Payment      $0.00        Opened        05/08/2018        Status        Closed
Consumer Statement
"""


def test_blocks_with_misread_type_words_and_a_lost_ssn_header() -> None:
    doc = run(BLOCKS)
    assert doc.get("ssn_last4") == "3722"
    assert doc.get("borrower_name") == "Joseph J. Walker"
    assert tradelines(doc) == [
        {
            "creditor": "HERITAGE STUDENT LOAN SERVICING",
            "balance": Decimal("49992.00"),
            "monthly_payment": Decimal("342.00"),
            "account_type": "installment",
        },
        {
            "creditor": "FRONTIER RETAIL CARD",
            "balance": Decimal("0.00"),
            "monthly_payment": Decimal("0.00"),
            "account_type": "revolving",
        },
    ]


TWO_APPLICANTS = """\
Tristate Credit Data
DATE OF REPORT:        08-15-2025        ORDERED BY:        Woodard Federal Savings
Applicant        SSN   —S—sSCurrent Address        sree
_AUSTIN, JASON W        XXX-XX-3461 3087     HICKS LANE, PORT MARIA, SC 29866
AUSTIN, MELISSA        HHH -HH-4797        3087 HICKS LANE, PORT MARIA, SC 29866
SCORE SUMMARY
AUSTIN, JASON W   Equifax Beacon 5.0; 781. Experian FICO Il: 744 TransUnion FICO Classic 04: 778
AUSTIN, MELISSA - Eattifax Beacon 5.0:.790 Experian FICO Ut: 755 TransUnion FICO Cfassic 04: 781
ACCOUNT DETAIL
*HARBOR CARD SVCS_—«        5
ACCOUNT        '95677254****        TYPE:        Revolving        BALANCE:        0.00
MONTHLY PAYM.. 0.00        OPENED:        96-28-2021        STATUS:        Open / Current
"""


def test_second_applicant_with_an_ocr_mask_and_specks_around_values() -> None:
    doc = run(TWO_APPLICANTS)
    assert doc.get("co_borrower_name") == "AUSTIN, MELISSA"
    assert doc.get("co_borrower_ssn_last4") == "4797"
    scores = {
        (r["borrower"].value, r["bureau"].value): r["score"].value for r in doc.rows["scores"]
    }
    assert scores[(1, "equifax")] == 781
    assert scores[(2, "equifax")] == 790
    assert scores[(2, "transunion")] == 781
    assert [r["creditor"] for r in tradelines(doc)] == ["HARBOR CARD SVCS"]


DOLLAR_SIGNS = """\
TRADELINES
Creditor  Account  ECOA  Opened  High Credit  Balance  Payment Type  Status
HARBOR MOTOR CREDIT  95868°*"*  I  1120  $21948  $14372  $521 1  CURRENT
HORIZON RETAIL CARD  G1841778****  0322  $5500  $0  so R  CLOSED
INQUIRIES
"""


def test_dollar_signed_amounts_beside_dates_that_lost_their_slash() -> None:
    rows = tradelines(run(DOLLAR_SIGNS))
    assert [(r["creditor"], r["balance"], r["monthly_payment"]) for r in rows] == [
        ("HARBOR MOTOR CREDIT", Decimal(14372), Decimal(521)),
        ("HORIZON RETAIL CARD", Decimal(0), Decimal(0)),
    ]


LOST_LABELS = """\
Account Detail
SUMMIT BANK USA
Account #        16678889****        Type        Revolving        Balance,        0.00
Monthly Payment     0.00        Opened        March 1, 2023        _Stitus        Open / Current
BEACON AUTO LENDING
Aceount #        848§2561****        Installment        Balance        35371.00
Monthly Payment     365.48        September 13, 2023        Status        Open / Current
Consumer Statement
"""


def test_blocks_with_a_comma_after_a_label_and_the_type_label_lost() -> None:
    assert tradelines(run(LOST_LABELS)) == [
        {
            "creditor": "SUMMIT BANK USA",
            "balance": Decimal("0.00"),
            "monthly_payment": Decimal("0.00"),
            "account_type": "revolving",
        },
        {
            "creditor": "BEACON AUTO LENDING",
            "balance": Decimal("35371.00"),
            "monthly_payment": Decimal("365.48"),
            "account_type": "installment",
        },
    ]


ONE_AMOUNT_LOST = """\
TRADELINES
Creditor  Account  ECOA  Opened  High Credit  Balance  Payment Type  Status
MERIDIAN CARD SERVICES  74362486"***  11/22  9000,  2,665  72 Revolving CURRENT
NORTHSTAR RETAIL CARD  88323194"°***  02/23  10,400  530  Reyolving  CURRENT
PRAIRIE CARD SVCS  G1503782****  1  ovis  $1200  so.  CURRENT
INQUIRIES
"""


def test_a_row_one_amount_short_of_its_header_keeps_no_amount_it_cannot_place() -> None:
    assert tradelines(run(ONE_AMOUNT_LOST)) == [
        {
            "creditor": "MERIDIAN CARD SERVICES",
            "balance": Decimal(2665),
            "monthly_payment": Decimal(72),
            "account_type": "revolving",
        },
        # (limit, balance) or (balance, payment): unknown, so no amounts
        {"creditor": "NORTHSTAR RETAIL CARD", "account_type": "revolving"},
        # (limit, balance 0) or (balance, payment 0): no payment either way
        {"creditor": "PRAIRIE CARD SVCS", "monthly_payment": Decimal(0)},
    ]


def test_a_thousands_comma_read_as_a_point_in_whole_dollar_columns() -> None:
    text = (
        "TRADELINES\n"
        "Creditor  Account  ECOA  Opened  High Credit  Balance  Payment Type  Status\n"
        "HERITAGE MORTGAGE CO  85381533°***  03/21  $319,700  278,000  2.789 M  CURRENT\n"
        "INQUIRIES\n"
    )
    [row] = tradelines(run(text))
    assert (row["balance"], row["monthly_payment"]) == (Decimal(278000), Decimal(2789))


def test_a_misread_high_credit_header_keeps_its_column() -> None:
    text = (
        "TRADELINES\n"
        "Creditor,  Account  ECOA Opened _Hiigh Credit  Balance  Payment Type  Status\n"
        "PRAIRIE CARD SERVICES  98132972****  C  03/18  12000  5545  16% R  CURRENT\n"
        "FRONTIER STUDENT ADS  995221 *8**  I  01/23  13225  11345  146 I  CURRENT\n"
        "PRAIRIE HOME LOANS  51723431*%***  I  03/16  589049  490875  2519 M  CURRENT\n"
        "INQUIRIES\n"
    )
    assert tradelines(run(text)) == [
        # a payment OCR lost: the row is kept without amounts it cannot place
        {"creditor": "PRAIRIE CARD SERVICES", "account_type": "revolving"},
        # what is left of the account number comes before the ECOA code
        {
            "creditor": "FRONTIER STUDENT ADS",
            "balance": Decimal(11345),
            "monthly_payment": Decimal(146),
            "account_type": "installment",
        },
        {
            "creditor": "PRAIRIE HOME LOANS",
            "balance": Decimal(490875),
            "monthly_payment": Decimal(2519),
            "account_type": "mortgage",
        },
    ]


def test_a_cut_short_header_a_speck_before_the_next_section_and_the_page_footer() -> None:
    text = (
        "Tradelines\n"
        "Creditor      <usa        ECOA Opened High cred   Balance Payment THpe  status\n"
        "LIBERTY CARD Svcs  9609654°**  J  02/22  $11,600  $6,989  $239 REV  CURRENT\n"
        "NORTHSTAR BANK USA  80549277°*  12722  $8,200  $2,229  $54 REV  CURRENT\n"
        "«Inquiries\n"
        "AUTO INQUIRY 08/25\n"
        "Credit Report   Page 1 of 1\n"
    )
    assert tradelines(run(text)) == [
        {
            "creditor": "LIBERTY CARD Svcs",
            "balance": Decimal(6989),
            "monthly_payment": Decimal(239),
            "account_type": "revolving",
        },
        {
            "creditor": "NORTHSTAR BANK USA",
            "balance": Decimal(2229),
            "monthly_payment": Decimal(54),
            "account_type": "revolving",
        },
    ]


def test_a_table_whose_creditor_caption_is_garbled_is_named_by_its_columns() -> None:
    text = (
        "SCORES\n"
        "APP     EFX   673\n"
        "crepyTor\u2019        TYPE       BALANCE   PAYMENT    STATUS\n"
        "LIBERTY RETAIL CARD    R        3480.00     81.00   OPEN\n"
        "KEYSTONE MOTOR CREDIT  I        6037.00    351.00      OPEN\n"
    )
    assert [(r["creditor"], r["monthly_payment"]) for r in tradelines(run(text))] == [
        ("LIBERTY RETAIL CARD", Decimal("81.00")),
        ("KEYSTONE MOTOR CREDIT", Decimal("351.00")),
    ]


def test_a_payment_caption_with_its_p_misread_still_names_the_column() -> None:
    text = (
        "CREDITOR        TYPE       BALANCE   \u2018aAYMENT    STATUS\n"
        "LAKESHORE CARD SVCS        0.00      0.00      OPEN\n"
        "PRAIRIE CARD SERVICES       R        4,857.00    147.00      OPEN\n"
    )
    assert [(r["creditor"], r["balance"], r["monthly_payment"]) for r in tradelines(run(text))] == [
        ("LAKESHORE CARD SVCS", Decimal("0.00"), Decimal("0.00")),
        ("PRAIRIE CARD SERVICES", Decimal("4857.00"), Decimal("147.00")),
    ]


def test_an_opened_date_that_lost_its_slash_and_a_quote_before_an_amount() -> None:
    text = (
        "Tradelines\n"
        "Creditor        Account        ECOA   Opened    High Credit      Balance    Payment Type\n"
        'HERITAGE RETAIL CARD        80227766""**        0222        7,400        192     25 REV\n'
        'STERLING CARD SERVICES        98691768"***        J        03/22        "5,900        0\n'
    )
    rows = tradelines(run(text))
    assert [(r["creditor"], r.get("balance"), r["monthly_payment"]) for r in rows] == [
        ("HERITAGE RETAIL CARD", Decimal("192"), Decimal("25")),
        ("STERLING CARD SERVICES", None, Decimal("0")),
    ]


def test_a_dollar_zero_with_a_speck_after_it_is_still_zero() -> None:
    text = (
        "Creditor        Account     ECOA   Opened    _HighCredit      Balance     Payment Type\n"
        'BEACON CARD SERVICES        01/25        $2g00        $0        So" REV       CLOSED\n'
        "BLUEWATER CREDIT CARD        09/17        $1000        SO\u00ae        $O REV,   CLOSED\n"
    )
    rows = tradelines(run(text))
    assert [(r["creditor"], r["monthly_payment"]) for r in rows] == [
        ("BEACON CARD SERVICES", Decimal("0")),
        ("BLUEWATER CREDIT CARD", Decimal("0")),
    ]


def test_an_applicant_ssn_mask_with_an_s_is_the_applicants() -> None:
    text = (
        "CREDIT REPORT\n"
        "APPLICANT: COLLIER, STEPHANIE B   SSN: xsx-xx-3132\n"
        "CO-APPLICANT:@COIMIER, JACLYN C   SSN: XXXXX6521\n"
        "SCORES\n"
    )
    doc = run(text)
    assert (doc.fields["ssn_last4"].value, doc.fields["co_borrower_ssn_last4"].value) == (
        "3132",
        "6521",
    )
    # a mask in the SSN's shape, whatever letter a mark read as (`g` for x)
    doc = run(text.replace("xsx-xx-3132", "xgx-xx-3132"))
    assert doc.fields["ssn_last4"].value == "3132"


def test_applicant_ssn_on_its_own_line_when_its_caption_is_garbled() -> None:
    text = (
        "CREDIT REPORT\n"
        "APPLICANT: POTTER, DOUGLAS D   SSNiy xxx-xx-1022\n"
        "CO-APPLICANT: BARBER, ANDRE R   SSN:#XXX-#x-2096\n"
        "SCORES\n"
    )
    doc = run(text)
    assert (doc.fields["ssn_last4"].value, doc.fields["co_borrower_ssn_last4"].value) == (
        "1022",
        "2096",
    )


def test_a_garbled_dollar_cell_keeps_its_column_and_a_star_before_an_amount() -> None:
    text = (
        "Creditor      Account      Econ   Opened    High Credit       Balance     Payment Type\n"
        'HERITAGE MORTGAGE CO        26788125"***        03/16     *$725946      $604955'
        "       $4118 MTG\n"
        "PRAIRIE CARD SERVICES,        2240\u00b0**%        1        06/26        $1800        $7g8"
        "        $22 REV\n"
    )
    rows = [(r["creditor"], r.get("balance"), r["monthly_payment"]) for r in tradelines(run(text))]
    assert rows == [
        ("HERITAGE MORTGAGE CO", Decimal("604955"), Decimal("4118")),
        ("PRAIRIE CARD SERVICES", None, Decimal("22")),
    ]


def test_amount_cells_with_a_speck_before_the_dollar_or_a_lost_dollar() -> None:
    text = """\
Tradelines
Creditor    Account    ECOA    Opened     High Credit       Balance      Payment Type       Status
EVERGREEN CARD SVCS    29587003****    07721      _-$12300,    $986    $25 R    CURRENT
EVERGREEN BANK USA    52302664°***    10/19    6,200    $ 3,323    $85 R    CURRENT
LIBERTY CARD SVCS    94192338****    1120    $9,100    $1,450    $45 R    CURRENT
Inquiries
"""
    got = tradelines(run(text))
    # `_-$12300,`: a speck read as a minus; the opened date `07721` no amount
    assert got[0]["balance"] == Decimal(986) and got[0]["monthly_payment"] == Decimal(25)
    # `6,200`: its `$` lost, its thousands comma still an amount's
    assert got[1]["balance"] == Decimal(3323) and got[1]["monthly_payment"] == Decimal(85)
    # a bare `1120` (11/20 without its slash) is still no amount
    assert got[2]["balance"] == Decimal(1450) and got[2]["monthly_payment"] == Decimal(45)


def test_a_table_whose_balance_caption_is_garbled_reads_in_the_usual_order() -> None:
    text = (
        "CREDIT REPORT\n"
        "DATE COMPLETED: 2025-04-25\n"
        "APPLICANT: ROBERT W WALKER   SSN: ***-##~6037\n"
        "CREDITOR        TYPE        E   PAYMENT    STATUS\n"
        "HORIZON RETAIL CARD        R        $3,314.00    $84.00      OPEN\n"
        "LIBERTY AUJO FINANCE        I       $19,359.00   $626.00      OPEN\n"
        "HERITAGE BANK USA        R        $0.00     $0.00    CLOSED\n"
    )
    got = tradelines(run(text))
    assert [
        (r["creditor"], r["balance"], r["monthly_payment"], r["account_type"]) for r in got
    ] == [
        ("HORIZON RETAIL CARD", Decimal("3314.00"), Decimal("84.00"), "revolving"),
        ("LIBERTY AUJO FINANCE", Decimal("19359.00"), Decimal("626.00"), "installment"),
        ("HERITAGE BANK USA", Decimal("0.00"), Decimal("0.00"), "revolving"),
    ]
    # without that header line nothing says a table is there
    assert (
        tradelines(run(text.replace("CREDITOR        TYPE        E   PAYMENT    STATUS\n", "")))
        == []
    )


SPECKED_CAPTIONS = """\
Clearpoint Credco
ACCOUNT DETAIL
SUMMIT RETAIL CARD
ACCOUNT #       65577031        TYPE        Revolving        "BALANCE        2,270.00
MONTHLY PAYM.._ 62.00        OPENED        07-31-2021,        STATUS        Open / Current
BEACON CARD SERVICES
ACCOUNT #       4217#*4*        TYPE        Revolving        BALAN\u20acE        246.00
MONTHLY PAYM.. 15.00        OPENED        16-27-2025        STATUS        Open / Current
SUMMIT CARD SERVICES
ACCOUNT        79309009****        TYPE:        Revolving        BALANCE:        0.60
MONTHLY PAYM!. 0.00        OPENED:        18-Feb-2016        STATUS:        Closed
CONSUMER STATEMENT
"""


def test_account_blocks_whose_captions_ocr_specked() -> None:
    # a speck after the cut-short payment caption; a balance caption with a
    # letter read as a symbol
    rows = tradelines(run(SPECKED_CAPTIONS))
    assert [(r["creditor"], r["balance"], r.get("monthly_payment")) for r in rows] == [
        ("SUMMIT RETAIL CARD", Decimal("2270.00"), Decimal("62.00")),
        ("BEACON CARD SERVICES", Decimal("246.00"), Decimal("15.00")),
        # the caption's point read as a mark (`PAYM!.`)
        ("SUMMIT CARD SERVICES", Decimal("0.60"), Decimal("0.00")),
    ]


def test_a_garbled_cell_after_a_spaced_dollar_or_read_as_letters_keeps_its_column() -> None:
    text = """\
TRADELINES
Creditor    Account    ECOA    Opened    High Credit    Balance    Payment \u2018Type    Status
BEACON MORTGAGE CO    25289283****    07/19    $294,400    $ 256,0008    $3,018 M    CURRENT
BLUEWATER\u00aeCARD SERVICES    2270****    I    12/24    $800    $ 305    Sw OR    CWRRENT
INQUIRIES
"""
    got = tradelines(run(text))
    rows = [(r["creditor"], r.get("balance"), r.get("monthly_payment")) for r in got]
    assert rows == [
        # `$ 256,0008`: the balance garbled, the payment beside it read
        ("BEACON MORTGAGE CO", None, Decimal("3018")),
        # `Sw`: the payment's dollar sign read as an S and its figures lost
        ("BLUEWATER CARD SERVICES", Decimal("305"), None),
    ]


def test_a_zero_payment_glued_to_its_type_code() -> None:
    text = """\
TRADELINES
Creditor    Account    ECOA   Opened    High Credit    Balance    Payment Type    Status
MERIDIAN CREDIT CARD    76397841****    I    02/17    5,800    0    OR    CURRENT
PRAIRIE CARD SERVICES    22881435\u00b0""*    09/20    4,400    OR    CLOSED
SUMMIT CARD    22881435****    09/20    4,400    $120    $25    CURRENT
INQUIRIES
"""
    got = tradelines(run(text))
    rows = [(r["creditor"], r.get("balance"), r.get("monthly_payment")) for r in got]
    assert rows == [
        ("MERIDIAN CREDIT CARD", Decimal(0), Decimal(0)),
        # (limit, payment `0` glued to R) or (balance, payment): no payment either way
        ("PRAIRIE CARD SERVICES", None, Decimal(0)),
        ("SUMMIT CARD", Decimal(120), Decimal(25)),
    ]


def test_a_zero_payment_read_as_a_round_letter_before_the_type_word() -> None:
    text = """\
TRADELINES
Creditor    Account    ECOA   Opened    High Credit    Balance    Payment Type    Status
PIONEER RETAILCARD    70667281****    I    08/15    10,400    7,126    233 Revolving    CURRENT
HORIZON CARD SVCS    T9513222%"**    06/16    4,700    9    Q Revolving    CLOSED
INQUIRIES
"""
    got = tradelines(run(text))
    rows = [(r["creditor"], r.get("balance"), r.get("monthly_payment")) for r in got]
    assert rows == [
        ("PIONEER RETAILCARD", Decimal(7126), Decimal(233)),
        ("HORIZON CARD SVCS", Decimal(9), Decimal(0)),
    ]
    # a letter that is a word's, not a cell before the type, is no zero
    other = text.replace("9    Q Revolving", "9    Q    CLOSED")
    assert tradelines(run(other))[1].get("monthly_payment") != Decimal(0)


def test_an_amounts_point_read_as_a_star() -> None:
    text = """\
TRADELINES
CREDITOR        BALANCE   PAYMENT    STATUS
LAKESHORE CARD SVCS        $ 0*00    $ 0.00      OPEN
HARBOR CREDIT CARD        $ 6,327.00  $ 172\u00b000      OPEN
INQUIRIES
"""
    got = tradelines(run(text))
    rows = [(r["creditor"], r.get("balance"), r.get("monthly_payment")) for r in got]
    assert rows == [
        ("LAKESHORE CARD SVCS", Decimal("0.00"), Decimal("0.00")),
        ("HARBOR CREDIT CARD", Decimal("6327.00"), Decimal("172.00")),
    ]


def test_a_zero_balance_with_its_point_read_as_a_hyphen() -> None:
    text = """\
TRADELINES
CREDITOR        TYPE       BALANCE   PAYMENT    STATUS
STERLING RETAIL CARD   R        0-00    $ 0.00      OPEN        i.
HARBOR CREDIT CARD   R        $ 6,327.00  $ 172.00      OPEN
INQUIRIES
"""
    got = tradelines(run(text))
    rows = [(r["creditor"], r.get("balance"), r.get("monthly_payment")) for r in got]
    assert rows == [
        ("STERLING RETAIL CARD", Decimal("0.00"), Decimal("0.00")),
        ("HARBOR CREDIT CARD", Decimal("6327.00"), Decimal("172.00")),
    ]


def test_a_balance_with_its_point_read_as_a_hyphen_beside_a_garbled_type() -> None:
    text = """\
TRADELINES
CREDITOR        TYPE       BALANCE   PAYMENT    STATUS
LAKESHORE CARD SVCS  Ry        90-00       0.00    CLOSED
HERITAGE HOME LOANS M       372,000.00  2,835.00      OPEN
INQUIRIES
"""
    got = tradelines(run(text))
    rows = [(r.get("balance"), r.get("monthly_payment")) for r in got]
    # `90-00` is 90.00 (whole dollars end `.00`): the row's payment is read
    assert rows == [
        (Decimal("90.00"), Decimal("0.00")),
        (Decimal("372000.00"), Decimal("2835.00")),
    ]


def test_a_high_credit_caption_read_fligh_creait_still_names_the_limit_column() -> None:
    text = (
        "Tradelines\n"
        "Creditor    Account    ECOA  Opened    fligh Creait\u00ae    Balance    Payment Type"
        "  Status\n"
        "NORTHSTAR RETAIL CARD    46894366****    O9/19    $3600    So    SO Revolving  CURRENT\n"
        "STERLING RETAIL CARD    20856200*    I    06/16    $5800    $844    $25 Revolving"
        "  CURRENT\n"
        "INQUIRIES\n"
    )
    got = tradelines(run(text))
    rows = [(r.get("balance"), r.get("monthly_payment")) for r in got]
    assert rows == [(Decimal("0"), Decimal("0")), (Decimal("844"), Decimal("25"))]


def test_a_row_of_one_zero_beside_a_garbled_cell_has_no_payment() -> None:
    text = (
        "Tradelines\n"
        "Creditor    Account    ECOA    Opened    High Credit    Balance    Payment Type  Status\n"
        "HARBOR CARD SERVICES    64019746**    Cc    12/23    7O00t    0 Revolving   CURRENT\n"
        "MERIDIAN BANK USA    61365174    11/15    6600    7006    157 Revolving   CURRENT\n"
        "INQUIRIES\n"
    )
    got = tradelines(run(text))
    # the zero is the balance or the payment: no payment either way
    assert [r.get("monthly_payment") for r in got] == [Decimal("0"), Decimal("157")]


def test_an_applicant_ssn_mask_whose_first_group_was_lost() -> None:
    text = """\
Credit Report - All Bureaus
Applicant        SSN        Current Address
Joseph C. Campbell        -##-0661        18664 NEWMAN TERRACE, SOUTH DAVIDHAVEN, OR 97532
Christina A. Campbell        XXX-XX-7683        18664 NEWMAN TERRACE, SOUTH DAVIDHAVEN, OR 97532
"""
    got = run(text).fields
    assert (got["borrower_name"].value, got["ssn_last4"].value) == ("Joseph C. Campbell", "0661")
    assert got["co_borrower_ssn_last4"].value == "7683"


def test_a_mask_read_as_digits_throughout_gives_no_ssn() -> None:
    text = """\
Tri-Merge Credit Report
Applicant        SSN        Current Address
Jessica R. Sanders        89949990        8869 FLORES AVENUE, NEW PHILIPSHIRE, IN 47151
"""
    doc = run(text)
    assert "ssn_last4" not in doc.fields
    masked = text.replace("89949990", "XXXXX4929")
    assert run(masked).fields["ssn_last4"].value == "4929"


def test_a_mask_read_as_digits_never_takes_the_next_cells_figures() -> None:
    # `XXXXX5806` read `#8945806`: the street number beside it is no SSN
    text = """\
Credit Report - All Bureaus
Applicant        SSN        Current Address
WANG, MARY L        #8945806        3126 MORALES ROAD, EAST JONATHAN, OR 97358        Jif
"""
    assert "ssn_last4" not in run(text).fields
    # nor does the mask's own reading run on into the next figure
    assert FINDERS["ssn4"]("#8945806 3126 MORALES ROAD") == []
    assert FINDERS["ssn4"]("#H-##-5806 3126 MORALES ROAD") == [(0, "5806")]


def test_a_figure_whose_first_glyph_read_as_a_letter_keeps_its_column() -> None:
    text = """\
Tradelines
Creditor    Account    ECOA    Opened    High Credit    Balance    Payment Type    Status
EVERGREEN BANK USA    38739703"    I    06/18    12100    p490    292 R    CURRENT
"""
    [row] = tradelines(run(text))
    assert (row["creditor"], row.get("balance"), row["monthly_payment"]) == (
        "EVERGREEN BANK USA",
        None,
        Decimal(292),
    )


SCORES = """\
MERGED INFILE CREDIT REPORT
Report Date:        23-JUL-2026        Report        79987638
Applicant        34      SSN        Current Address
KATHRYN BATES        XXXXX4688        5689 ROLLINS BOULEVARD, AARONSHIRE, WA 98280
CARRIE J ADAMS        #H-##-8478        2102 HERNANDEZ BOULEVARD, SOUTH ANDREWBOROUGH, WA 98994
Credit Scores
Applicant        Bureau / Model        Score Key Factor
KATHRYN BATES        Equifax Beacon 5.0        794 Amount owed on accounts is too high
KATHRYN BATES        Experian FICO II        827 Too many inquiries sast $2 months
KATHRYN BATES        TransUnion FICO Classic 04        787 Too many inquiries last 12 months
CARRIE J ADAMS        Equifax Beacon 5.0        802 Too many inquiries last 12 months
CARRIE J ADAMS        Experian FICO II        784 Proportion of balances to credit limits
CARRIE J ADAMS        TransUnion FICO Classic 04        767 Too many inquiries last 12 months
Tradelines
Creditor        Account        Opened     High Credit        Balance      Pgyment Type        Status
LIBERTY CARD SVCS    52903532****    12/15    12000    6161    124 Revolving    CURRENT
EXPERIAN CARD        1234****        01/20        $500        300        25 Revolving    CURRENT
"""


def test_scores_of_an_applicant_whose_ssn_mask_lost_a_mark_and_a_dollar_in_a_key_factor() -> None:
    doc = run(SCORES)
    assert doc.get("co_borrower_name") == "CARRIE J ADAMS"
    assert doc.get("co_borrower_ssn_last4") == "8478"
    got = {(r["borrower"].value, r["bureau"].value): r["score"].value for r in doc.rows["scores"]}
    assert got[(1, "experian")] == 827
    assert got[(2, "experian")] == 784
    assert len(got) == 6
    # a dollar amount before a score-like number is a tradeline's, not a score
    assert 500 not in got.values()


def test_a_payment_caption_with_its_a_misread_still_names_the_column() -> None:
    rows = tradelines(run(SCORES))
    assert rows[0]["balance"] == Decimal("6161")
    assert rows[0]["monthly_payment"] == Decimal("124")


def test_an_account_number_whose_first_figures_ocr_set_apart_is_no_amount() -> None:
    report = SCORES.replace(
        "LIBERTY CARD SVCS    52903532****    12/15",
        "EVERGREEN BANK USA    807 15018****    05/16",
    )
    rows = tradelines(run(report))
    assert rows[0]["creditor"] == "EVERGREEN BANK USA"
    assert rows[0]["balance"] == Decimal("6161")
    assert rows[0]["monthly_payment"] == Decimal("124")


def test_a_monthly_payment_label_cut_to_pay_still_names_the_payment() -> None:
    text = BLOCKS.replace("Monthly Payment      $ 342.00", "MONTHLY PAY..   342.00")
    assert tradelines(run(text))[0]["monthly_payment"] == Decimal("342.00")
    # `PAY` alone, without `monthly`, is no payment label
    text = BLOCKS.replace("Monthly Payment      $ 342.00", "PAY..   342.00")
    assert "monthly_payment" not in tradelines(run(text))[0]


MERGED = """\
MERGED INFILE CREDIT REPORT
Report Date        June 17, 2026        Report #        17231043
Tradelines
Creditor  Account  ECOA  Opened  High Gredit  Balance  Payment Type  Statys
CASCADE MOTOR CREDIT  82546305"***  03/24  18755  15779  548 Installment  CURRENT
HERITAGE MOTOR CREDIT    42646294"\u00b0"*        079    22076 19558     #714 INST   CURRENT
HORIZON RETAIL CARD       -gee7issae\u00ae   8)        10400        0        REV.      CURRENT
REDWOOD BANK USA        33148286""*        04/21        1300        291.00%    20.00 REV   OPEN
Inquiries
"""


def test_a_high_credit_caption_with_its_c_misread_still_names_the_limit_column() -> None:
    row = tradelines(run(MERGED))[0]
    assert (row["balance"], row["monthly_payment"]) == (Decimal("15779"), Decimal("548"))


def test_a_date_garbled_to_a_leading_zero_or_a_bracket_is_no_amount() -> None:
    rows = tradelines(run(MERGED))
    # `079` (07/19 garbled): three amounts after it, high credit first
    assert (rows[1]["balance"], rows[1]["monthly_payment"]) == (Decimal("19558"), Decimal("714"))
    # `8)`: not the limit; two amounts for three columns leave the balance
    # unknown, the payment zero either way
    assert rows[2].get("balance") != Decimal("10400")
    assert rows[2]["monthly_payment"] == Decimal("0")


def test_a_speck_after_an_amounts_cents_read_as_a_percent_sign() -> None:
    row = tradelines(run(MERGED))[3]
    assert (row["balance"], row["monthly_payment"]) == (Decimal("291.00"), Decimal("20.00"))


def test_two_zero_cells_run_into_the_type_and_a_month_read_as_letters() -> None:
    text = (
        "TRADELINES\n"
        "Creditor  Account  ECOA  Opened  High Credit  Balance  Payment Type  Status\n"
        "MERIDIAN CARD SERVICES  67039988%***  I  02/16  $ 9,400  OLR  CURRENT\n"
        "PRAIRIE MORTGAGE SERVICING  70218157****  I  of/22  $ 334,171  $ 278,476  $1,307 M"
        "  CURRENT\n"
        "INQUIRIES\n"
    )
    rows = tradelines(run(text))
    # `OLR`: $0 and $0 run into the type R; which cell is lost, the payment is 0 either way
    assert rows[0]["monthly_payment"] == Decimal("0")
    # `of/22` is the opened date, not the creditor's name nor an amount
    assert rows[1]["creditor"] == "PRAIRIE MORTGAGE SERVICING"
    assert (rows[1]["balance"], rows[1]["monthly_payment"]) == (Decimal("278476"), Decimal("1307"))


def test_a_creditor_with_a_letter_read_as_a_figure_still_heads_its_block() -> None:
    text = (
        "Credit Report - All Bureaus\n"
        "Account Detail\n"
        "EVERGREEN CARD SVCS\n"
        "Account  40965944****        Type:        Revolving        Balance:        $4579.00\n"
        "Monthly Payment: $134.00        Opened:        Jun 22, 2025        Status:        Open\n"
        "CASCADE CARD 6VCS\n"
        "Account  53813417****        Type:        Revolving        Balance:        $5481.00\n"
        "Monthly Payment: $176.00        Opened:        Nov 09, 2024        Stafus:        Open\n"
        "PAGE 2\n"
        "Account  53813417****        Type:        Revolving        Balance:        $5481.00\n"
    )
    rows = tradelines(run(text))
    assert [(r["creditor"], r["monthly_payment"]) for r in rows] == [
        ("EVERGREEN CARD SVCS", Decimal("134.00")),
        ("CASCADE CARD 6VCS", Decimal("176.00")),
    ]


def test_two_letters_of_specks_after_the_table_are_no_tradeline() -> None:
    text = (
        "TRADELINES\n"
        "Creditor        Account        ECOA    Opened     High Credit        Balance      "
        "Phyment Type       Status\n"
        "FRONTIER CARD SERVICES        26736747        J        11/23        $2,600        "
        "$5,593        $158 R        CURRENT\n"
        "OO        15.\n"
        "INQUIRIES\n"
    )
    assert [r["creditor"] for r in tradelines(run(text))] == ["FRONTIER CARD SERVICES"]


def test_an_account_numbers_remnants_before_the_ecoa_code_are_no_amounts() -> None:
    text = """\
TRADELINES
Creditor   Account   ECOA   Opened   _igh Credit   Balance   Payment Type   Status,
HARBOR CREDIT CARD   92577428"   I   10/23   $3900   $7759   $207 Revolving   CURRENT
CASCADE STUDENT AID   43 1Q6866****   I   03/21   $48022   S4i668   $65 Installment   CURRENT
SUMMIT BANK USA   233469) 7****   I   10/21   $3600   $o   So "Revolving   CLOSED
INQUIRIES
"""
    got = [
        (r["creditor"], r.get("balance"), r.get("monthly_payment"), r.get("account_type"))
        for r in tradelines(run(text))
    ]
    assert got == [
        # `_igh Credit` is the high credit column, before the balance
        ("HARBOR CREDIT CARD", Decimal(7759), Decimal(207), "revolving"),
        # a garbled balance (`S4i668`) keeps its place
        ("CASCADE STUDENT AID", None, Decimal(65), "installment"),
        # `$o  So`: $0 and $0; the ECOA code `I` is no type
        ("SUMMIT BANK USA", Decimal(0), Decimal(0), "revolving"),
    ]


_TWO_PEOPLE = """Unity Credit Services
Credit Report - All Bureaus
Date of Report        14-Aug-2026        Ordered By        Martin Home Loans
Applicant        SSN        Current Address
JOSEPH G HENSLEY        XXX XX9334        6790 MYERS CIRCLE, EAST THOMAS, IN 46474
{second}
Score Summary
JOSEPH G HENSLEY - Equifax Beacon 5.0: 591 Experian FICO II: 563 TransUnion FICO Classic 04: 624
LORRAINE L SMITH   Equifax Beacon 5.0: 561 Experian FICO II: 571 TransUnion FICO Classic 04: 589
JOSEPH G HENSLEY   Equifax Beacon 5.0: 591 Experian FICO II: 563 TransUnion FICO Classic 04: 624
"""


def _scores(doc: LogicalDocument) -> dict[tuple[int, str], int]:
    return {
        (int(str(r["borrower"].value)), str(r["bureau"].value)): int(str(r["score"].value))
        for r in doc.rows["scores"]
    }


def test_a_score_line_whose_dash_ocr_lost_is_the_other_persons() -> None:
    want = {
        (1, "equifax"): 591,
        (1, "experian"): 563,
        (1, "transunion"): 624,
        (2, "equifax"): 561,
        (2, "experian"): 571,
        (2, "transunion"): 589,
    }
    # the second applicant's row read (its mask's hyphens lost on the first)
    doc = run(_TWO_PEOPLE.format(second="LORRAINE L SMITH        XXX-XX-4011        6790 MYERS"))
    assert doc.get("ssn_last4") == "9334" and doc.get("co_borrower_ssn_last4") == "4011"
    assert doc.get("co_borrower_name") == "LORRAINE L SMITH"
    assert _scores(doc) == want
    # or not read at all: the line naming someone else is still not the first's
    doc = run(_TWO_PEOPLE.format(second=""))
    assert _scores(doc) == want
    # a repeated line of the first borrower's makes no second borrower
    doc = run(_TWO_PEOPLE.format(second="").replace("LORRAINE L SMITH", "JOSEPH G HENSLEY"))
    assert {who for who, _ in _scores(doc)} == {1}


def test_a_speck_for_the_space_of_high_credit_keeps_the_amount_columns() -> None:
    text = (
        "MERGED INFILE CREDIT REPORT\n"
        "Tradelines\n"
        "Creditor    Account    ECOA   Opened    High\u2019Credit    Balance    "
        "\u201cPayment Type    Status\n"
        'CASCADE CARD SERVICES    13854063\u00b0\u00b0""    CG    12/17    $7,600    $391    '
        "$25 REV    CURRENT\n"
        'FRONTIER HOME LOANS    45877100"    J    07/18    $857,849    $714,875    '
        "$4,873 MTG    CURRENT\n"
        "Inquiries\n"
    )
    rows = tradelines(run(text))
    assert [(r["balance"], r["monthly_payment"]) for r in rows] == [(391, 25), (714875, 4873)]


def test_high_credit_read_without_its_c_names_the_limit_column() -> None:
    from flightline.pipeline.extractors.credit import _money_columns

    header = "Creditor    Account    ECOA    Opened     Highredit    Balance     Payment Type,"
    assert _money_columns(header) == ["limit", "balance", "payment"]


def test_marks_before_a_rows_amounts_are_no_creditor_and_the_last_is_a_lost_cell() -> None:
    text = (
        "CREDIT REPORT\n"
        "TRADELINES\n"
        "Creditor        Account        ECOA   Opened    High Credit       Balance     Payment Type"
        "       Status\n"
        "PIONEER CARD SVCS        40087347***        01/16        3,400        2,334        78 REV"
        "       CURRENT\n"
        'HERITAGE CARD SVCS        e7e4qso42""**        '
        "tti(\u2018i\u00e9iBC\u2018C\u00e9C\u2018N2OO#C~*#      8,954   265 REV*   CURRENT\n"
        'NORTHSTAR RETAIL CARD     -46268268""""        om14       5400        REV'
        "      CLOSED\n"
    )
    rows = tradelines(run(text))
    assert rows[1]["creditor"] == "HERITAGE CARD SVCS"
    assert (rows[1]["balance"], rows[1]["monthly_payment"]) == (Decimal(8954), Decimal(265))
    # what is left of an opening date (`om14`) is no amount cell: the one
    # figure stays unplaced
    assert rows[2]["creditor"] == "NORTHSTAR RETAIL CARD"
    assert "balance" not in rows[2] and "monthly_payment" not in rows[2]


def test_a_zero_cell_whose_point_ocr_read_as_a_figure_is_zero() -> None:
    text = """\
CREDIT REPORT
DATE COMPLETED: Oct 13, 2026
APPLICANT: LINDSAY MATTHEWS  SSN: XXX-XX-4884
CREDITOR        TYPE       BALANCE   PAYMENT    STATUS
FRONTIER MOTOR CREDIT    I        $13865.00   $698.00      OPEN
HERITAGE CARD SERVICES   R        $0.00     $0400    CLOSED
CASCADE RETAIL CARD      R        $332.00    $22.00      OPEN
"""
    rows = {r["creditor"]: r for r in tradelines(run(text))}
    assert rows["HERITAGE CARD SERVICES"]["monthly_payment"] == Decimal(0)
    assert rows["CASCADE RETAIL CARD"]["monthly_payment"] == Decimal("22.00")
    # a figure before the zeros that is not a zero is no such misread
    other = tradelines(run(text.replace("$0400", "$1400")))
    assert {r["creditor"]: r for r in other}["HERITAGE CARD SERVICES"].get("monthly_payment") != 0


def test_marks_under_the_table_are_no_tradeline() -> None:
    text = """\
CREDIT REPORT
APPLICANT: LINDSAY MATTHEWS  SSN: XXX-XX-4884
CREDITOR        TYPE       BALANCE   PAYMENT    STATUS
FRONTIER MOTOR CREDIT    I        $13865.00   $698.00      OPEN
CASCADE RETAIL CARD      R        $332.00    $22.00      OPEN
YOU MAY REQUEST A COPY OF ANY DOCUMENT USED IN CONNECTION WITH YOUR APPLICATION.
FOR YOUR RECORDS.
Ss
Nea        8
"""
    assert [r["creditor"] for r in tradelines(run(text))] == [
        "FRONTIER MOTOR CREDIT",
        "CASCADE RETAIL CARD",
    ]
    # a creditor of a short name with its amounts is still a row
    short = text.replace("CASCADE RETAIL CARD", "BMW")
    assert "BMW" in [r["creditor"] for r in tradelines(run(short))]
    # a disclaimer's last word with a speck beside it is no row either
    word = text.replace("Nea        8", "LOAN.        7")
    assert [r["creditor"] for r in tradelines(run(word))][-1] == "CASCADE RETAIL CARD"
    # ... while one word with its dollar amounts is a creditor
    one = text.replace("Nea        8", "DISCOVER        R   $0   $0   OPEN")
    assert [r["creditor"] for r in tradelines(run(one))][-1] == "DISCOVER"


def test_an_account_number_ocr_split_before_its_mask_is_no_amount() -> None:
    text = """\
TRADELINES
_Creditor    Account    ECOA   Opened   High Credit    Balance    Payment Type    Status
IRONBRIDGE MOTOR CREDIT    95006610\u00b0***    03/22    25,827    20,058    664 Installment CURRENT
FRONTIER HOME LOANS    371581 16e"**    04/23    462,300    402,000    2,829 Mortgage   CURRENT
INQUIRIES
"""
    rows = {r["creditor"]: r for r in tradelines(run(text))}
    assert rows["FRONTIER HOME LOANS"]["balance"] == Decimal(402000)
    assert rows["FRONTIER HOME LOANS"]["monthly_payment"] == Decimal(2829)


TYPE_GLUED = (
    "Tri-Merge Credit Report\n"
    "Tradelines\n"
    "Creditor        Account        ECOA    Opened     High Credit        Balance      "
    "Payment Type        Status\n"
    "NORTHSTAR AUTO FINANCE        536657424829        220        ($24,362 "
    "\u00ab=\u2014i(i\u00e9\u00abS20,147        \u2018$4541       \u00ab(CURRENT\n"
    "HARBOR STUDENT AID     \u2014\u00ab\u00a75689043****      (ne    $12,176     $9,338      "
    "$187 I    (CURRENT\n"
    "Inquiries\n"
)


def test_a_payment_run_into_its_type_code_and_a_balance_led_by_its_sign() -> None:
    [auto, student] = tradelines(run(TYPE_GLUED))
    # `$4541`: $454 with the type code I read as a 1 after it; `S20,147`: the
    # sign read as a 5 (the balance then twentyfold its high credit)
    assert auto == {
        "creditor": "NORTHSTAR AUTO FINANCE",
        "balance": Decimal("20147"),
        "monthly_payment": Decimal("454"),
        "account_type": "installment",
    }
    assert student["monthly_payment"] == Decimal("187")
    # a four-figure payment beside its type code is read as printed
    coded = TYPE_GLUED.replace("$4541       ", "$4541  R     ")
    assert tradelines(run(coded))[0]["monthly_payment"] == Decimal("4541")


CENTS_TABLE = """\
CREDIT REPORT
CREDITOR        TYPE      »BALANCE   PAYMENT    STATUS
GRANITE BANK USA        R       $ #,231.00   $ 33.00      OPEN        1
FRONTIER EDUCATION LOANS I      $ 27,527.00    21900      OPEN
STERLING BANK USA        R        $0.00    $0.00      OPEN
»BLUEWATER BANK USA        601. 00      24,00       open
THE LENDER MAY VERIFY ANY INFORMATION CONTAINED IN YOUR APPLICATION.
"""


def test_a_speck_after_the_status_and_a_payment_whose_point_ocr_lost() -> None:
    granite, frontier, sterling, bluewater = tradelines(run(CENTS_TABLE))
    # `OPEN  1`: the 1 is no amount; the balance garbled keeps its cell
    assert granite == {
        "creditor": "GRANITE BANK USA",
        "monthly_payment": Decimal("33.00"),
        "account_type": "revolving",
    }
    # among amounts printed with cents, `21900` is 219.00
    assert frontier["monthly_payment"] == Decimal("219.00")
    assert frontier["balance"] == Decimal("27527.00")
    assert sterling["monthly_payment"] == Decimal("0.00")
    # `24,00`: the point read as a comma
    assert (bluewater["balance"], bluewater["monthly_payment"]) == (
        Decimal("601.00"),
        Decimal("24.00"),
    )


def test_an_applicant_with_a_speck_ssn_caption_after_the_name_ends_before_it() -> None:
    text = (
        "Meridian Credit Data\nCredit Report - All Bureaus\n"
        "DATE OF REPORT        June 12, 2026        ORDERED BY        Mckinney Lending\n"
        "BORROWER INFORMATION\nApplicant.        SSN        Current Address\n"
        "ROBERT DVONES SS:        XXXXX8858        1 3803 BURNS LANE, SOUTH GREGORYPORT, FL\n"
        "EMMA J SIMMONS        XXXXX3424        13624 JUNIPER LANE, SOUTH BRANDONMOUTH, FL\n"
    )
    # `SS:`: the SSN caption with its N lost, not a word of the name
    assert run(text).fields["borrower_name"].value == "ROBERT DVONES"


def test_a_mask_whose_marks_read_as_small_letters_still_heads_the_party_row() -> None:
    # `XXX-XX-4096` read `HiHt-H#H-4096`, a comma after the caption: the
    # applicant is the row's name, never the scores table's `Bureau / Model`
    text = """\
MERGED INFILE CREDIT REPORT
Applicant,        SSN        Current Address
John   Mesley        HiHt-H#H-4096        16005 RICHARDS DRIVE, GARRETTMOUTH, NC 28339
Credit Scones
Applicant        Bureau / Model        Score Key Factor
John G. Mesley        Equifax Beacon 5.0        709 Too many inquiries last 12 months
"""
    doc = run(text)
    assert doc.fields["borrower_name"].value == "John Mesley"
    assert doc.fields["ssn_last4"].value == "4096"
    # words joined by hyphens are no mask
    assert "ssn_last4" not in run(text.replace("HiHt-H#H-4096", "ab-cd-4096")).fields


def test_a_space_ocr_put_inside_the_last_four_of_a_mask() -> None:
    text = """\
Borrower Information
Applicant        SSN        Current Address
Renee Hayes        XXX-XX-974 1        13557 MAPLE CIRCLE, KARENCHESTER, VA 22724
"""
    doc = run(text)
    assert doc.fields["ssn_last4"].value == "9741"
    assert doc.fields["borrower_name"].value == "Renee Hayes"


def _bureau_scores(doc: LogicalDocument) -> dict[tuple[object, object], object]:
    return {(r["borrower"].value, r["bureau"].value): r["score"].value for r in doc.rows["scores"]}


def test_a_score_row_whose_bureau_ocr_lost_is_the_bureau_left() -> None:
    text = (
        "CREDIT REPORT\n"
        "APPLICANT: MORENO, KATHERINE A   SSN: xxx-xx-3039\n"
        "SCORES\n"
        "APP     EFX   747\n"
        "APP     XPN   716\n"
        "app*        767\n"
        "CREDITOR        TYPE       BALANCE   PAYMENT    STATUS\n"
        "HORIZON CREDIT CARD        R       $ 4,119.00     94.00      OPEN\n"
    )
    assert _bureau_scores(run(text)) == {
        (1, "equifax"): 747,
        (1, "experian"): 716,
        (1, "transunion"): 767,
    }
    # first in the list reads the same
    first = text.replace("APP     EFX   747\n", "").replace(
        "app*        767\n", "app*        767\nAPP     EFX   747\n"
    )
    assert _bureau_scores(run(first))[(1, "transunion")] == 767
    # away from the other rows, or with two bureaus left, it is no score
    away = text.replace("app*        767\n", "").replace("STATUS\n", "STATUS\napp*        767\n")
    assert (1, "transunion") not in _bureau_scores(run(away))
    two_left = text.replace("APP     XPN   716\n", "")
    assert _bureau_scores(run(two_left)) == {(1, "equifax"): 747}
    # a line with other figures is no score row
    figures = text.replace("app*        767", "app*  12  767")
    assert (1, "transunion") not in _bureau_scores(run(figures))


def test_a_speck_figure_after_the_header_captions_keeps_the_table() -> None:
    text = (
        "CREDITOR        TYPE       BALANCE   PAYMENT    STATUS        2\n"
        "HORIZON CREDIT CARD        R       $ 4,119.00     94.00      OPEN\n"
        "EYERGREEN HOME LOANS        M     $ 343,000.00$ 1,465.00      OPEN\n"
    )
    assert [(r["creditor"], r["monthly_payment"]) for r in tradelines(run(text))] == [
        ("HORIZON CREDIT CARD", Decimal("94.00")),
        ("EYERGREEN HOME LOANS", Decimal("1465.00")),
    ]
    # an amount on the line makes it a row, not the header
    row = text.replace("STATUS        2", "STATUS        $2,000.00")
    assert tradelines(run(row)) == []


def test_a_balance_with_a_figure_read_as_a_percent_sign_keeps_its_column() -> None:
    # `2362%.00` for 23,623.00: not a zero balance (its cents alone), but a
    # garbled cell in its place; the payment beside it still reads
    text = (
        "CREDITOR        TYPE       BALANCE   PAYMENT    STATUS\n"
        "MERIDIAN RETAIL CARD  R        1404.00    33.00      OPEN\n"
        "PIONEER EDUCATION LOANS  I        2362%.00    330.00      OPEN\n"
    )
    rows = tradelines(run(text))
    assert rows[1] == {
        "creditor": "PIONEER EDUCATION LOANS",
        "monthly_payment": Decimal("330.00"),
        "account_type": "installment",
    }


def test_a_garbled_row_keeps_the_payment_printed_just_before_its_type() -> None:
    text = """\
TRADELINES
Creditor        Account        ECOA_    Opened     High Credit        Balance      Rayment Type
_IRONBRIDGE CARD SVCS        51S, B00        $0_ REV       CURRENT.
STERLING RETAILCARD    -59902587       1        $7500       S483\u201d    $25 REV      CURRENT
PIONEERCARDSERVICES    26449394        05/17       $13,100       $6,382        $201 REV     CURRENT
INQUIRIES
"""
    got = tradelines(run(text))
    rows = [(r["creditor"], r.get("balance"), r.get("monthly_payment")) for r in got]
    # the limit and balance garbled past placing; the payment's column is
    # the one before the type, so its dollars are the payment
    assert rows == [
        ("IRONBRIDGE CARD SVCS", None, Decimal(0)),
        ("STERLING RETAILCARD", None, Decimal(25)),
        ("PIONEERCARDSERVICES", Decimal(6382), Decimal(201)),
    ]


ECOA_TABLE = """\
MERGED INFILE CREDIT REPORT
Tradelines
Creditor{gap}Account{gap}ECOA     Opened     —_High Credit{gap}Balance      Payment Type{gap}Status
{row}
Inquiries
"""


def _row(row: str) -> dict[str, Value]:
    [found] = tradelines(run(ECOA_TABLE.format(row=row, gap=" " * 8)))
    return found


def test_a_scanned_row_whose_ecoa_code_was_lost_keeps_its_type_code() -> None:
    # (the account led by a rule's underscore, `—_62685838"***`)
    row = (
        'HERITAGE MORTGAGE SERVICING    —_62685838"***        06/18        371,490'
        "        323,000      1125 M        CURRENT"
    )
    assert _row(row) == {
        "creditor": "HERITAGE MORTGAGE SERVICING",
        "balance": Decimal("323000"),
        "monthly_payment": Decimal("1125"),
        "account_type": "mortgage",
    }


def test_a_scanned_type_code_read_as_a_figure_or_glued_to_a_zero() -> None:
    row = (
        "HORIZON STUDENT LOAN SERVICING 46841974%***        12/22        54,788"
        "        51,342        321 1        CURRENT"
    )
    found = _row(row)
    assert (found["balance"], found["monthly_payment"], found["account_type"]) == (
        Decimal("51342"),
        Decimal("321"),
        "installment",
    )
    # `OR`: the zero payment and the revolving code as one word; the mask's
    # last star read as a figure (`"9`) is no amount
    row = (
        'SUMMIT RETAIL CARD        6164611197"9        9/19        9,600        0        OR'
        "        CURRENT"
    )
    found = _row(row)
    assert (found["balance"], found["monthly_payment"], found["account_type"]) == (
        Decimal("0"),
        Decimal("0"),
        "revolving",
    )


def test_a_small_speck_word_in_its_own_cell_after_the_applicant_is_no_name() -> None:
    text = """\
Credit Report - All Bureaus
Applicant        SSN        Current Address
Joanna A. Clark        rane     KXX-XX-8704        11261 POWELL ROAD, ANTHONYTOWN, CA 94090
"""
    got = run(text).fields
    assert (got["borrower_name"].value, got["ssn_last4"].value) == ("Joanna A. Clark", "8704")


def test_a_balance_caption_led_by_a_rules_underscore_still_heads_its_column() -> None:
    text = """\
Tradelines
Creditor        Account        ECOA    Opened     High Credit        _Balance      Payment Type
GRANITE AUTO FINANCE        26523487****        J        07/24        $ 22,407"       $18,419\
        $527 Installment   CURRENT
"""
    [row] = tradelines(run(text))
    assert (row["balance"], row["monthly_payment"]) == (Decimal("18419"), Decimal("527"))


def test_a_zero_balance_whose_first_figure_reads_as_a_round_letter() -> None:
    text = """\
TRADELINES
CREDITOR        TYPE       BALANCE   PAYMENT    STATUS
NORTHSTAR BANK USA       R        Q.00      0.00    CLOSED
PRAIRIE HOME LOANS       M        247654.43   1453.38      OPEN
INQUIRIES
"""
    got = tradelines(run(text))
    rows = [(r["creditor"], r.get("balance"), r.get("monthly_payment")) for r in got]
    assert rows == [
        ("NORTHSTAR BANK USA", Decimal("0.00"), Decimal("0.00")),
        ("PRAIRIE HOME LOANS", Decimal("247654.43"), Decimal("1453.38")),
    ]


def test_blocks_whose_payment_caption_has_a_speck_or_a_misread_letter() -> None:
    text = BLOCKS.replace(
        "Monthly Payment      $ 342.00", "Monthly Payment\u201d    $342.00"
    ).replace("Monthly Payment      $0.00", "Ponty Rayment    $25.00")
    assert [r["monthly_payment"] for r in tradelines(run(text))] == [
        Decimal("342.00"),
        Decimal("25.00"),
    ]


def test_a_payments_point_read_as_a_spaced_hyphen_is_no_zero_payment() -> None:
    text = """\
TRADELINES
CREDITOR        TYPE        BALANCE    PAYMENT    STATUS
FRONTIER RETAIL CARD       R        $3840.00    $91. 00      OPEN
EVERGREEN RETAIL CARD      R        $5257.00   $f67 - 00      OBEN
HARBOR RETAIL CARD        R        $1322.00    $167 - 00      OPEN
INQUIRIES
"""
    got = tradelines(run(text))
    rows = [(r["creditor"], r.get("balance"), r.get("monthly_payment")) for r in got]
    assert rows == [
        ("FRONTIER RETAIL CARD", Decimal("3840.00"), Decimal("91.00")),
        # `$f67 - 00`: the cents of a garbled payment, not a payment of zero
        ("EVERGREEN RETAIL CARD", Decimal("5257.00"), None),
        ("HARBOR RETAIL CARD", Decimal("1322.00"), Decimal("167.00")),
    ]
