"""Field extraction on hand-written page texts: several layouts per type
(key-value, header rows over value rows, prose), varied wording, date and money
formats, and OCR-like noise."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest

from flightline.pipeline.classify import classify_and_split
from flightline.pipeline.extract import extract
from flightline.pipeline.model import FIELDS, ROWS, DocType, LogicalDocument, PageText, Value

DOC = uuid.UUID("00000000-0000-0000-0000-00000000d0c5")


def pages(*texts: str, method: str = "text") -> list[PageText]:
    return [PageText(DOC, i + 1, t, method) for i, t in enumerate(texts)]


def run(doc_type: DocType, *texts: str, method: str = "text") -> LogicalDocument:
    ps = pages(*texts, method=method)
    doc = LogicalDocument(uuid.uuid4(), doc_type, 1.0, DOC, [p.page for p in ps])
    extract(doc, ps)
    return doc


def values(doc: LogicalDocument) -> dict[str, Value]:
    return {k: v.value for k, v in doc.fields.items()}


def rows(doc: LogicalDocument, group: str) -> list[dict[str, Value]]:
    return [{k: v.value for k, v in r.items()} for r in doc.rows.get(group, [])]


def check(doc: LogicalDocument, expected: dict[str, Value]) -> None:
    got = values(doc)
    wrong = {k: (got.get(k), v) for k, v in expected.items() if got.get(k) != v}
    assert not wrong, f"(got, expected): {wrong}"


# -- sample pages --------------------------------------------------------------

PAYSTUB_TABLE = """ACME LOGISTICS, INC.
123 Industrial Way, Dallas, TX 75201
EARNINGS STATEMENT
Employee Name: John Q. Smith Employee ID: 4411
SSN: XXX-XX-1234
Pay Period: 12/21/2025 - 01/03/2026 Pay Date: 01/09/2026
Pay Frequency: Bi-Weekly
Earnings Rate Hours Current YTD
Regular 25.00 80.00 2,000.00 2,000.00
Overtime 37.50 4.00 150.00 150.00
Gross Pay 2,150.00 2,150.00
Deductions Current YTD
Federal Income Tax 200.00 200.00
Social Security 133.30 133.30
Net Pay 1,650.00 1,650.00
"""

PAYSTUB_HEADER_ROWS = """Pay Statement
Riverside Community Hospital
Employee
MARIA L GARCIA
Check Date Period Beginning Period Ending
March 14, 2026 February 22, 2026 March 7, 2026
Frequency: Semi-Monthly   Annual Salary: $96,000.00
Description Current Year to Date
Base Salary $4,000.00 $20,000.00
Bonus $0.00 $2,500.00
Total Gross $4,000.00 $22,500.00
Taxes
Fed Withholding 480.00 2,700.00
Net Pay $2,950.12
"""

# OCR noise: O for 0 and l for 1 in numbers, broken label spacing.
PAYSTUB_OCR = """EARNlNGS STATEMENT
Northwind Software LLC
Emp1oyee: Kevin Park
Pay  Date: O2/O6/2O26
Period  Start: 01/18/2026   Period End: 01/31/2026
Regu1ar 3,461.54 l3,846.16
Commission 1,200.00 4,800.00
Gross  Pay 4,661.54 18,646.16
Net Pay 3,320.40
"""

W2_GRID = """2025 Form W-2 Wage and Tax Statement
a Employee's social security number XXX-XX-1234
b Employer identification number (EIN) 12-3456789
c Employer's name, address, and ZIP code
Acme Logistics, Inc.
123 Industrial Way, Dallas, TX 75201
e Employee's first name and initial Last name
John Q. Smith
1 Wages, tips, other compensation 2 Federal income tax withheld
52,000.00 6,240.00
3 Social security wages 4 Social security tax withheld
54,000.00 3,348.00
5 Medicare wages and tips 6 Medicare tax withheld
54,000.00 783.00
Copy B To Be Filed With Employee's FEDERAL Tax Return
"""

W2_INLINE = """Form W-2 Wage and Tax Statement Tax Year 2024
Employee's SSN: ***-**-9876
EIN: 98-7654321
Employer: Riverside Community Hospital
Employee name: Maria L Garcia
Box 1 Wages, tips, other comp.: $91,250.00
Box 3 Social security wages: $94,000.00
Box 5 Medicare wages and tips: $94,000.00
"""

VOE = """Request for Verification of Employment
Fannie Mae Form 1005
Part I - Request
Employee Name: Maria L Garcia   SSN: XXX-XX-9876
Employer Name: Riverside Community Hospital
Part II - Verification of Present Employment
Applicant's Date of Employment: 06/15/2017
Present Position: Registered Nurse
Current Base Pay: $96,000.00   Pay Frequency: Semi-Monthly
Gross Earnings Year to Date thru 03/31/2026 Past Year 2025 Past Year 2024
Base Pay $24,000.00 $94,000.00 $91,250.00
Overtime $1,100.00 $3,900.00 $2,800.00
Bonus $2,500.00 $2,500.00 $0.00
Verified By: Ann Lee, HR Manager   Date Verified: 04/02/2026
"""

VOE_VERBAL = """Verbal Verification of Employment
Borrower: Kevin Park
Employer: Northwind Software LLC
Position/Title: Account Executive
Start Date: Aug 3, 2021
Employment Status: Active, full time
Person Contacted: Dana White, Payroll
Phone Number Source: Company website
Date of Verification: 2026-04-20
"""

TAX_1040 = """Form 1040 U.S. Individual Income Tax Return 2024
Department of the Treasury - Internal Revenue Service
Filing Status [ ] Single [X] Married filing jointly [ ] Married filing separately
Your first name and middle initial Last name Your social security number
John Q Smith XXX-XX-1234
1a Total amount from Form(s) W-2, box 1 . . . . . . 1a 52,000.
9 Add lines 1z, 2b, 3b, 4b, 5b, 6b, 7, and 8. This is your total income . . 9 53,125.
11 Subtract line 10 from line 9. This is your adjusted gross income . . 11 51,000.
"""

BANK_SECTIONS = """First Federal Bank
Member FDIC
Account Statement
JOHN Q SMITH
4410 Maple Avenue
Dallas, TX 75204
Account Number: XXXXXX4455
Statement Period: 01/01/2026 - 01/31/2026
Account Summary
Beginning Balance $8,412.55
Deposits and Additions 6,300.00
Ending Balance $10,102.35
Deposits and Additions
01/09 PAYROLL DIRECT DEP ACME LOGISTICS 1,650.00
01/15 MOBILE DEPOSIT 3,000.00
01/23 PAYROLL DIRECT DEP ACME LOGISTICS 1,650.00
Withdrawals and Subtractions
01/12 POS PURCHASE GROCERY 215.40
01/28 ONLINE TRANSFER TO SAVINGS 500.00
Daily Balance
01/09 10,062.55
"""

BANK_RUNNING = """Coastal Credit Union
Savings Statement
Statement Period: February 1, 2026 through February 28, 2026
Account Holder: Maria L Garcia
Account ending in 7781
Opening Balance 12,000.00
Date Description Amount Balance
02/03 ZELLE FROM R GARCIA 5,000.00 17,000.00
02/10 WITHDRAWAL ATM -200.00 16,800.00
02/14 PAYROLL RIVERSIDE HOSP 2,950.12 19,750.12
02/20 CHECK 1042 -1,100.00 18,650.12
Closing Balance 18,650.12
"""

GIFT = """GIFT LETTER
Date: 03/02/2026
Borrower Name: Maria L Garcia
Donor Name: Roberto Garcia
Relationship to Borrower: Father
Gift Amount: $15,000.00
Date of Transfer: 02/28/2026
Property Address: 77 Cedar Court, Austin, TX 78701
I certify that this is a bona fide gift and no repayment is expected.
"""

LOE = """Letter of Explanation
April 3, 2026
Re: Large deposit of $3,000.00 on 01/15/2026
Dear Underwriter,
The deposit into my checking account was the sale of my motorcycle.
Sincerely,
John Q Smith
"""

CREDIT = """Residential Mortgage Credit Report
Report Date: 03/20/2026
Borrower: John Q Smith SSN: XXX-XX-1234
Co-Borrower: Jane R Smith SSN: XXX-XX-5678
Credit Scores Borrower Co-Borrower
Equifax Beacon 5.0 712 745
Experian Fair Isaac 705 738
TransUnion FICO Classic 04 698 741
Tradelines
Creditor Account Type Balance Monthly Payment Status
CAPITAL ONE XXXX4412 Revolving $2,340.00 $75.00 Current
TOYOTA MOTOR CREDIT XXXX9921 Installment $18,200.00 $455.00 Current
NAVIENT XXXX1188 Installment $31,000.00 $310.00 Current
Inquiries
"""

APPRAISAL = """Uniform Residential Appraisal Report File # 26-0411
Property Address 77 Cedar Court City Austin State TX Zip Code 78701
Borrower Maria L Garcia Owner of Public Record Chen Family Trust County Travis
Contract Price $ 460,000 Date of Contract 02/10/2026
Units One
Number of Units 1
Indicated Value by Sales Comparison Approach $ 462,000
Based on a complete visual inspection of the interior and exterior areas of the subject
property, my (our) opinion of the market value, as defined, of the real property that is
the subject of this report is $ 462,000 , as of 03/05/2026 , which is the date of inspection
and the effective date of this appraisal.
Freddie Mac Form 70 March 2005 Fannie Mae Form 1004 March 2005
"""

LE = """Loan Estimate LOAN TERM 30 years
DATE ISSUED 02/12/2026 PURPOSE Purchase
APPLICANTS Maria L Garcia PRODUCT Fixed Rate
PROPERTY 77 Cedar Court LOAN TYPE Conventional
Austin, TX 78701 LOAN ID # 88231
Loan Terms
Loan Amount $368,000
Interest Rate 6.625%
Monthly Principal & Interest $2,356.33
Estimated Cash to Close $98,412
"""
LE_P2 = """Closing Cost Details
Loan Costs
A. Origination Charges $1,890
01 Origination Fee $995
02 Underwriting Fee $895
B. Services You Cannot Shop For $667
01 Appraisal Fee $550
02 Credit Report Fee $102
03 Flood Determination Fee $15
C. Services You Can Shop For $2,140
01 Title - Lender's Title Insurance $1,290
02 Title - Settlement Agent Fee $850
Other Costs
E. Taxes and Other Government Fees $210
01 Recording Fees and Other Taxes $210
"""
LE_P3 = """Comparisons Use these measures to compare this loan with other loans.
Annual Percentage Rate (APR) 6.781% Your costs over the loan term expressed as a rate.
Other Considerations
Confirm Receipt
"""

CD_P1 = """Closing Disclosure
Closing Information Transaction Information Loan Information
Date Issued 03/27/2026 Borrower Maria L Garcia Loan Term 30 years
Closing Date 03/31/2026 Purpose Purchase
Disbursement Date 03/31/2026 Seller Chen Family Trust Product Fixed Rate
Settlement Agent Lone Star Title
Property 77 Cedar Court Lender Hill Country Mortgage
Austin, TX 78701
Sale Price $460,000
Loan Terms
Loan Amount $368,000
Interest Rate 6.625%
Monthly Principal & Interest $2,356.33
Projected Payments
Principal & Interest $2,356.33
Estimated Escrow + 712.50
Estimated Total Monthly Payment $3,068.83
Cash to Close $97,905.44
"""
CD_P2 = """Closing Cost Details
Loan Costs Borrower-Paid At Closing Before Closing
A. Origination Charges $1,890.00
01 Origination Fee $995.00
02 Underwriting Fee $895.00
B. Services Borrower Did Not Shop For $692.00
01 Appraisal Fee to Capitol Appraisals $575.00
02 Credit Report Fee to Xactus $102.00
03 Flood Determination Fee to CoreLogic $15.00
Other Costs
F. Prepaids $1,873.21
01 Homeowner's Insurance Premium (12 mo.) to Lone Star Mutual $1,740.00
02 Prepaid Interest ($66.79 per day from 03/31/26 to 04/01/26) $66.79
J. TOTAL CLOSING COSTS (Borrower-Paid) $7,412.00
Lender Credits (includes $25.00 credit for increase in Closing Costs above the legal limit) -$25.00
"""
CD_P5 = """Loan Calculations
Total of Payments. Total you will have paid after you make all payments $848,278.80
Finance Charge. The dollar amount the loan will cost you. $482,010.55
Amount Financed. The loan amount available after paying your upfront finance charge. $366,268.25
Annual Percentage Rate (APR). Your costs over the loan term expressed as a rate. 6.791%
Confirm Receipt
By signing, you are only confirming that you have received this form.
Applicant Signature Date Received: 03/27/2026
"""

NOTE = """FIXED RATE NOTE
March 31, 2026 Austin Texas
[Date] [City] [State]
77 Cedar Court, Austin, TX 78701
[Property Address]
1. BORROWER'S PROMISE TO PAY
In return for a loan that I have received, I promise to pay U.S. $368,000.00 (this amount is
called "Principal"), plus interest, to the order of the Lender. The Lender is Hill Country
Mortgage, LLC. I will make all payments under this Note in the form of cash.
2. INTEREST
Interest will be charged on unpaid principal until the full amount of Principal has been paid.
I will pay interest at a yearly rate of 6.625%.
3. PAYMENTS
I will make my monthly payment on the 1st day of each month beginning on May 1, 2026.
If, on April 1, 2056, I still owe amounts under this Note, I will pay those amounts in full on
that date, which is called the "Maturity Date."
My monthly payment will be in the amount of U.S. $2,356.33.
_____________________ (Seal)
Maria L Garcia - Borrower
"""

DEED = """(Space Above This Line For Recording Data)
DEED OF TRUST
DEFINITIONS
(A) "Security Instrument" means this document, which is dated March 31, 2026, together
with all Riders to this document.
(B) "Borrower" is Maria L Garcia. Borrower is the trustor under this Security Instrument.
(C) "Lender" is Hill Country Mortgage, LLC. Lender is a limited liability company.
(E) "Note" means the promissory note signed by Borrower and dated March 31, 2026. The Note
states that Borrower owes Lender Three Hundred Sixty-Eight Thousand Dollars (U.S. $368,000.00)
plus interest.
which currently has the address of 77 Cedar Court, Austin, TX 78701 ("Property Address"):
"""

TITLE = """Commitment for Title Insurance
Issued by Lone Star Title Insurance Company
Schedule A
Commitment Date: 02/20/2026
Proposed Policy Amount: $368,000.00
Proposed Insured: Hill Country Mortgage, LLC, its successors and/or assigns
The Title is, at the Commitment Date, vested in: Chen Family Trust
Property Address: 77 Cedar Court, Austin, TX 78701
"""

HAZARD = """Homeowners Policy Declarations Page
Named Insured: Maria L Garcia
Property Address: 77 Cedar Court, Austin, TX 78701
Policy Period: 03/31/2026 to 03/31/2027
Coverage A - Dwelling $470,000
Coverage B - Other Structures $47,000
Deductible $2,500
Total Annual Premium $1,740.00
Mortgagee: Hill Country Mortgage, LLC ISAOA
"""

FLOOD = """Standard Flood Hazard Determination Form
FEMA Form 086-0-32
Property Address: 77 Cedar Court, Austin, TX 78701
NFIP Community Number 480624 Map Panel 0465K
Flood Zone: X
Is the building in a Special Flood Hazard Area? NO
Date of Determination: 02/15/2026
"""

RTC = """NOTICE OF RIGHT TO CANCEL
Borrower(s): John Q Smith and Jane R Smith
Property Address: 4410 Maple Avenue, Dallas, TX 75204
You are entering into a transaction that will result in a mortgage on your home. You have a
legal right under federal law to cancel this transaction, without cost, within three business
days from whichever of the following events occurs last: (1) the date of the transaction,
which is 04/10/2026; or (2) the date you received your Truth in Lending disclosures.
If you cancel by mail or telegram, you must send the notice no later than midnight of
April 14, 2026.
HOW TO CANCEL
"""

URLA_P1 = """Uniform Residential Loan Application
Section 1: Borrower Information
1a. Personal Information
Name (First, Middle, Last, Suffix): John Q Smith
Social Security Number: XXX-XX-1234
1b. Current Employment/Self-Employment and Income
Employer or Business Name: Acme Logistics, Inc.
Position or Title: Dispatcher Start Date: 05/01/2019
Gross Monthly Income
Base $4,333.33/month
Overtime $325.00/month
Bonus $0.00/month
Commission $0.00/month
Total $4,658.33/month
Freddie Mac Form 65 Fannie Mae Form 1003 Effective 1/2021
"""
URLA_P2 = """Uniform Residential Loan Application
Section 2: Financial Information - Assets and Liabilities
2a. Assets - Bank Accounts, Retirement, and Other Accounts You Have
Account Type Financial Institution Account Number Cash or Market Value
Checking First Federal Bank XXXXXX4455 $10,102.35
Savings Coastal Credit Union XXXX7781 $18,650.12
2c. Liabilities - Credit Cards, Other Debts, and Leases that You Owe
Account Type Company Name Account Number Unpaid Balance Monthly Payment
Revolving Capital One XXXX4412 $2,340.00 $75.00
Installment Toyota Motor Credit XXXX9921 $18,200.00 $455.00
Section 3: Financial Information - Real Estate
"""
URLA_P3 = """Section 4: Loan and Property Information
Loan Amount $360,000.00
Loan Purpose [X] Purchase [ ] Refinance [ ] Other
Property Address: 4410 Maple Avenue, Dallas, TX 75204
Number of Units 1
Occupancy [X] Primary Residence [ ] Second Home [ ] Investment Property
Sales Contract Price $450,000.00
Application Date: 01/20/2026
"""

TRANSMITTAL = """Uniform Underwriting and Transmittal Summary
Borrower Name: John Q Smith
Loan Purpose: Purchase Occupancy Status: Primary Residence
Number of Units: 1
Sales Price $450,000.00 Appraised Value $455,000.00
Loan Amount $360,000.00 Note Rate 6.500%
Qualifying Ratios
Primary Housing Expense/Income 28.45%
Total Obligations/Income 41.20%
LTV 80.000% CLTV 80.000%
Total Monthly Income $9,358.33
Representative Credit Score 705
Fannie Mae Form 1008
"""

AUS = """Desktop Underwriter Underwriting Findings
Casefile ID: 1837264510
Submission Date: 03/25/2026
Primary Borrower: John Q Smith
Recommendation: Approve/Eligible
Loan Amount $360,000.00
LTV 80.00% Total Debt Ratio 41.20%
"""


# -- tests ---------------------------------------------------------------------


def test_paystub_table_layout() -> None:
    doc = run(DocType.paystub, PAYSTUB_TABLE)
    check(
        doc,
        {
            "employer_name": "ACME LOGISTICS, INC.",
            "employee_name": "John Q. Smith",
            "ssn_last4": "1234",
            "pay_period_start_date": date(2025, 12, 21),
            "pay_period_end_date": date(2026, 1, 3),
            "pay_date": date(2026, 1, 9),
            "pay_frequency": "biweekly",
            "hourly_rate": Decimal("25.00"),
            "hours": Decimal("80.00"),
            "gross_current": Decimal("2150.00"),
            "gross_ytd": Decimal("2150.00"),
            "net_pay": Decimal("1650.00"),
        },
    )
    assert rows(doc, "earnings") == [
        {"kind": "regular", "current_amount": Decimal("2000.00"), "ytd_amount": Decimal("2000")},
        {"kind": "overtime", "current_amount": Decimal("150.00"), "ytd_amount": Decimal("150")},
    ]
    ev = doc.fields["pay_date"].evidence
    assert ev.page == 1 and "Pay Date" in ev.text and ev.document_id == DOC


def test_paystub_header_rows_and_salary() -> None:
    doc = run(DocType.paystub, PAYSTUB_HEADER_ROWS)
    check(
        doc,
        {
            "employer_name": "Riverside Community Hospital",
            "employee_name": "MARIA L GARCIA",
            "pay_date": date(2026, 3, 14),
            "pay_period_start_date": date(2026, 2, 22),
            "pay_period_end_date": date(2026, 3, 7),
            "pay_frequency": "semimonthly",
            "annual_salary": Decimal("96000.00"),
            "gross_current": Decimal("4000.00"),
            "gross_ytd": Decimal("22500.00"),
            "net_pay": Decimal("2950.12"),
        },
    )
    assert {"kind": "bonus", "current_amount": Decimal(0), "ytd_amount": Decimal(2500)} in rows(
        doc, "earnings"
    )


def test_paystub_ocr_noise() -> None:
    doc = run(DocType.paystub, PAYSTUB_OCR, method="ocr")
    check(
        doc,
        {
            "employer_name": "Northwind Software LLC",
            "employee_name": "Kevin Park",
            "pay_date": date(2026, 2, 6),
            "pay_period_start_date": date(2026, 1, 18),
            "pay_period_end_date": date(2026, 1, 31),
            "gross_current": Decimal("4661.54"),
            "gross_ytd": Decimal("18646.16"),
        },
    )
    assert rows(doc, "earnings")[0] == {
        "kind": "regular",
        "current_amount": Decimal("3461.54"),
        "ytd_amount": Decimal("13846.16"),
    }
    assert rows(doc, "earnings")[1]["kind"] == "commission"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            W2_GRID,
            {
                "tax_year": 2025,
                "employer_name": "Acme Logistics, Inc.",
                "employer_ein": "12-3456789",
                "employee_name": "John Q. Smith",
                "ssn_last4": "1234",
                "box1_wages": Decimal("52000"),
                "box3_ss_wages": Decimal("54000"),
                "box5_medicare_wages": Decimal("54000"),
            },
        ),
        (
            W2_INLINE,
            {
                "tax_year": 2024,
                "employer_name": "Riverside Community Hospital",
                "employer_ein": "98-7654321",
                "employee_name": "Maria L Garcia",
                "ssn_last4": "9876",
                "box1_wages": Decimal("91250"),
                "box3_ss_wages": Decimal("94000"),
                "box5_medicare_wages": Decimal("94000"),
            },
        ),
    ],
)
def test_w2(text: str, expected: dict[str, Value]) -> None:
    check(run(DocType.w2, text), expected)


def test_voe_written() -> None:
    check(
        run(DocType.voe, VOE),
        {
            "employer_name": "Riverside Community Hospital",
            "employee_name": "Maria L Garcia",
            "ssn_last4": "9876",
            "position": "Registered Nurse",
            "employment_start_date": date(2017, 6, 15),
            "verification_date": date(2026, 4, 2),
            "base_pay_rate": Decimal("96000"),
            "pay_frequency": "semimonthly",
            "ytd_base_income": Decimal("24000"),
            "ytd_overtime_income": Decimal("1100"),
            "ytd_bonus_income": Decimal("2500"),
            "prior_year_base_income": Decimal("94000"),
            "prior_year_overtime_income": Decimal("3900"),
            "prior_year_bonus_income": Decimal("2500"),
            "ytd_through_date": date(2026, 3, 31),
        },
    )


def test_voe_verbal() -> None:
    check(
        run(DocType.voe, VOE_VERBAL),
        {
            "employee_name": "Kevin Park",
            "employer_name": "Northwind Software LLC",
            "position": "Account Executive",
            "employment_start_date": date(2021, 8, 3),
            "verification_date": date(2026, 4, 20),
        },
    )


def test_1040() -> None:
    check(
        run(DocType.tax_return_1040, TAX_1040),
        {
            "tax_year": 2024,
            "taxpayer_name": "John Q Smith",
            "ssn_last4": "1234",
            "filing_status": "married_filing_jointly",
            "wages": Decimal("52000"),
            "total_income": Decimal("53125"),
            "adjusted_gross_income": Decimal("51000"),
        },
    )


def test_bank_statement_sections() -> None:
    doc = run(DocType.bank_statement, BANK_SECTIONS)
    check(
        doc,
        {
            "holder_name": "JOHN Q SMITH",
            "institution": "First Federal Bank",
            "account_last4": "4455",
            "period_start_date": date(2026, 1, 1),
            "period_end_date": date(2026, 1, 31),
            "opening_balance": Decimal("8412.55"),
            "closing_balance": Decimal("10102.35"),
        },
    )
    assert rows(doc, "deposits") == [
        {"date": date(2026, 1, 9), "amount": Decimal("1650"),
         "description": "PAYROLL DIRECT DEP ACME LOGISTICS"},
        {"date": date(2026, 1, 15), "amount": Decimal("3000"), "description": "MOBILE DEPOSIT"},
        {"date": date(2026, 1, 23), "amount": Decimal("1650"),
         "description": "PAYROLL DIRECT DEP ACME LOGISTICS"},
    ]  # fmt: skip


def test_bank_statement_running_balance() -> None:
    doc = run(DocType.bank_statement, BANK_RUNNING)
    check(
        doc,
        {
            "holder_name": "Maria L Garcia",
            "institution": "Coastal Credit Union",
            "account_last4": "7781",
            "account_type": "savings",
            "period_start_date": date(2026, 2, 1),
            "period_end_date": date(2026, 2, 28),
            "opening_balance": Decimal("12000"),
            "closing_balance": Decimal("18650.12"),
        },
    )
    deposits = rows(doc, "deposits")
    assert [(d["date"], d["amount"]) for d in deposits] == [
        (date(2026, 2, 3), Decimal("5000")),
        (date(2026, 2, 14), Decimal("2950.12")),
    ]


def test_gift_letter() -> None:
    check(
        run(DocType.gift_letter, GIFT),
        {
            "letter_date": date(2026, 3, 2),
            "borrower_name": "Maria L Garcia",
            "donor_name": "Roberto Garcia",
            "donor_relationship": "Father",
            "gift_amount": Decimal("15000"),
            "gift_date": date(2026, 2, 28),
            "property_address": "77 Cedar Court, Austin, TX 78701",
        },
    )


def test_letter_of_explanation() -> None:
    check(
        run(DocType.letter_of_explanation, LOE),
        {
            "letter_date": date(2026, 4, 3),
            "subject": "Large deposit of $3,000.00 on 01/15/2026",
            "explained_amount": Decimal("3000"),
            "explained_date": date(2026, 1, 15),
            "borrower_name": "John Q Smith",
        },
    )


def test_credit_report() -> None:
    doc = run(DocType.credit_report, CREDIT)
    check(
        doc,
        {
            "report_date": date(2026, 3, 20),
            "borrower_name": "John Q Smith",
            "ssn_last4": "1234",
            "co_borrower_name": "Jane R Smith",
            "co_borrower_ssn_last4": "5678",
        },
    )
    scores = {(r["borrower"], r["bureau"]): r["score"] for r in rows(doc, "scores")}
    assert scores == {
        (1, "equifax"): 712,
        (2, "equifax"): 745,
        (1, "experian"): 705,
        (2, "experian"): 738,
        (1, "transunion"): 698,
        (2, "transunion"): 741,
    }
    assert rows(doc, "tradelines") == [
        {"creditor": "CAPITAL ONE", "balance": Decimal("2340"), "monthly_payment": Decimal("75"),
         "account_type": "revolving"},
        {"creditor": "TOYOTA MOTOR CREDIT", "balance": Decimal("18200"),
         "monthly_payment": Decimal("455"), "account_type": "installment"},
        {"creditor": "NAVIENT", "balance": Decimal("31000"), "monthly_payment": Decimal("310"),
         "account_type": "installment"},
    ]  # fmt: skip


def test_appraisal() -> None:
    check(
        run(DocType.appraisal_1004, APPRAISAL),
        {
            "effective_date": date(2026, 3, 5),
            "appraised_value": Decimal("462000"),
            "property_address": "77 Cedar Court, Austin, TX 78701",
            "units": 1,
            "borrower_name": "Maria L Garcia",
            "sale_price": Decimal("460000"),
            "form_type": "1004",
        },
    )


def test_appraisal_value_split_by_ocr_in_the_sentence_is_read_from_its_label() -> None:
    text = APPRAISAL.replace("$ 462,000 , as of", "$46: 2000, as of").replace(
        "Indicated Value by Sales Comparison Approach $ 462,000",
        "APPRAISED VALUE OF SUBJECT PROPERTY $462000",
    )
    doc = run(DocType.appraisal_1004, text, method="ocr")
    assert doc.fields["appraised_value"].value == Decimal("462000")


def test_loan_estimate() -> None:
    doc = run(DocType.loan_estimate, LE, LE_P2, LE_P3)
    check(
        doc,
        {
            "date_issued": date(2026, 2, 12),
            "borrower_name": "Maria L Garcia",
            "property_address": "77 Cedar Court, Austin, TX 78701",
            "loan_amount": Decimal("368000"),
            "interest_rate": Decimal("6.625"),
            "monthly_pi": Decimal("2356.33"),
            "loan_term_months": 360,
            "loan_purpose": "purchase",
            "apr": Decimal("6.781"),
            "cash_to_close": Decimal("98412"),
        },
    )
    fees = rows(doc, "fees")
    assert {"section": "A", "name": "Origination Fee", "amount": Decimal(995)} in fees
    assert {"section": "B", "name": "Flood Determination Fee", "amount": Decimal(15)} in fees
    assert {"section": "C", "name": "Title - Settlement Agent Fee", "amount": Decimal(850)} in fees
    assert {
        "section": "E",
        "name": "Recording Fees and Other Taxes",
        "amount": Decimal(210),
    } in fees
    assert len(fees) == 8
    assert doc.fields["apr"].evidence.page == 3


def test_closing_disclosure() -> None:
    doc = run(DocType.closing_disclosure, CD_P1, CD_P2, "Page 3", "Page 4", CD_P5)
    check(
        doc,
        {
            "date_issued": date(2026, 3, 27),
            "closing_date": date(2026, 3, 31),
            "disbursement_date": date(2026, 3, 31),
            "borrower_name": "Maria L Garcia",
            "property_address": "77 Cedar Court, Austin, TX 78701",
            "loan_amount": Decimal("368000"),
            "interest_rate": Decimal("6.625"),
            "monthly_pi": Decimal("2356.33"),
            "loan_term_months": 360,
            "loan_purpose": "purchase",
            "estimated_escrow_monthly": Decimal("712.50"),
            "estimated_total_monthly_payment": Decimal("3068.83"),
            "apr": Decimal("6.791"),
            "finance_charge": Decimal("482010.55"),
            "amount_financed": Decimal("366268.25"),
            "total_of_payments": Decimal("848278.80"),
            "cash_to_close": Decimal("97905.44"),
            "sale_price": Decimal("460000"),
            "received_date": date(2026, 3, 27),
            "lender_credit": Decimal("25"),
        },
    )
    fees = rows(doc, "fees")
    assert {"section": "B", "name": "Appraisal Fee", "amount": Decimal(575)} in fees
    assert {"section": "F", "name": "Prepaid Interest", "amount": Decimal("66.79")} in fees
    assert {
        "section": "F",
        "name": "Homeowner's Insurance Premium (12 mo.)",
        "amount": Decimal(1740),
    } in fees
    assert len(fees) == 7


def test_note() -> None:
    check(
        run(DocType.note, NOTE),
        {
            "note_date": date(2026, 3, 31),
            "borrower_name": "Maria L Garcia",
            "principal_amount": Decimal("368000"),
            "interest_rate": Decimal("6.625"),
            "monthly_pi": Decimal("2356.33"),
            "loan_term_months": 360,
            "first_payment_date": date(2026, 5, 1),
            "maturity_date": date(2056, 4, 1),
            "property_address": "77 Cedar Court, Austin, TX 78701",
            "lender": "Hill Country Mortgage, LLC",
        },
    )


def test_security_instrument() -> None:
    check(
        run(DocType.security_instrument, DEED),
        {
            "instrument_date": date(2026, 3, 31),
            "borrower_name": "Maria L Garcia",
            "lender": "Hill Country Mortgage, LLC",
            "loan_amount": Decimal("368000"),
            "property_address": "77 Cedar Court, Austin, TX 78701",
        },
    )


def test_title_commitment() -> None:
    check(
        run(DocType.title_commitment, TITLE),
        {
            "effective_date": date(2026, 2, 20),
            "insured_amount": Decimal("368000"),
            "proposed_insured": "Hill Country Mortgage, LLC, its successors and/or assigns",
            "vesting": "Chen Family Trust",
            "property_address": "77 Cedar Court, Austin, TX 78701",
        },
    )


def test_hazard_insurance() -> None:
    check(
        run(DocType.hazard_insurance, HAZARD),
        {
            "insured_name": "Maria L Garcia",
            "property_address": "77 Cedar Court, Austin, TX 78701",
            "annual_premium": Decimal("1740"),
            "coverage_amount": Decimal("470000"),
            "effective_date": date(2026, 3, 31),
            "expiration_date": date(2027, 3, 31),
        },
    )


def test_flood_certificate() -> None:
    check(
        run(DocType.flood_certificate, FLOOD),
        {
            "property_address": "77 Cedar Court, Austin, TX 78701",
            "flood_zone": "X",
            "determination_date": date(2026, 2, 15),
        },
    )


def test_right_to_cancel() -> None:
    check(
        run(DocType.right_to_cancel, RTC),
        {
            "borrower_name": "John Q Smith",
            "transaction_date": date(2026, 4, 10),
            "rescission_deadline_date": date(2026, 4, 14),
            "property_address": "4410 Maple Avenue, Dallas, TX 75204",
        },
    )


def test_urla() -> None:
    doc = run(DocType.urla_1003, URLA_P1, URLA_P2, URLA_P3)
    check(
        doc,
        {
            "borrower_name": "John Q Smith",
            "ssn_last4": "1234",
            "application_date": date(2026, 1, 20),
            "employer_name": "Acme Logistics, Inc.",
            "employment_start_date": date(2019, 5, 1),
            "income_base_monthly": Decimal("4333.33"),
            "income_overtime_monthly": Decimal("325"),
            "income_bonus_monthly": Decimal("0"),
            "income_total_monthly": Decimal("4658.33"),
            "loan_amount": Decimal("360000"),
            "loan_purpose": "purchase",
            "occupancy": "principal_residence",
            "property_address": "4410 Maple Avenue, Dallas, TX 75204",
            "units": 1,
            "sale_price": Decimal("450000"),
        },
    )
    assert rows(doc, "assets") == [
        {"institution": "First Federal Bank", "account_last4": "4455",
         "value": Decimal("10102.35")},
        {"institution": "Coastal Credit Union", "account_last4": "7781",
         "value": Decimal("18650.12")},
    ]  # fmt: skip
    assert rows(doc, "liabilities") == [
        {"creditor": "Capital One", "balance": Decimal(2340), "monthly_payment": Decimal(75)},
        {"creditor": "Toyota Motor Credit", "balance": Decimal(18200),
         "monthly_payment": Decimal(455)},
    ]  # fmt: skip


def test_transmittal() -> None:
    check(
        run(DocType.transmittal_1008, TRANSMITTAL),
        {
            "borrower_name": "John Q Smith",
            "qualifying_income_monthly": Decimal("9358.33"),
            "dti_front": Decimal("28.45"),
            "dti_back": Decimal("41.20"),
            "ltv": Decimal("80"),
            "cltv": Decimal("80"),
            "note_rate": Decimal("6.5"),
            "loan_amount": Decimal("360000"),
            "appraised_value": Decimal("455000"),
            "sale_price": Decimal("450000"),
            "representative_score": 705,
            "loan_purpose": "purchase",
            "occupancy": "principal_residence",
            "units": 1,
        },
    )


def test_aus() -> None:
    check(
        run(DocType.aus_findings, AUS),
        {
            "borrower_name": "John Q Smith",
            "recommendation": "Approve/Eligible",
            "casefile_id": "1837264510",
            "dti_back": Decimal("41.2"),
            "ltv": Decimal("80"),
            "loan_amount": Decimal("360000"),
            "submission_date": date(2026, 3, 25),
        },
    )


def test_absent_values_stay_absent() -> None:
    doc = run(DocType.paystub, "EARNINGS STATEMENT\nPay Date:\nGross Pay\nNet Pay pending")
    assert "pay_date" not in doc.fields
    assert "gross_current" not in doc.fields
    assert "net_pay" not in doc.fields


def test_only_contract_names_are_produced() -> None:
    for text, doc_type in ((PAYSTUB_TABLE, DocType.paystub), (CREDIT, DocType.credit_report),
                           (CD_P2, DocType.closing_disclosure)):  # fmt: skip
        doc = run(doc_type, text)
        assert set(doc.fields) <= set(FIELDS[doc_type])
        for group, rs in doc.rows.items():
            assert group in ROWS[doc_type]
            for r in rs:
                assert set(r) <= set(ROWS[doc_type][group])
                for fv in r.values():
                    assert len(fv.evidence.text) <= 200


def test_evidence_is_the_line_read() -> None:
    doc = run(DocType.closing_disclosure, CD_P1, CD_P2, "Page 3", "Page 4", CD_P5)
    assert doc.fields["finance_charge"].evidence.page == 5
    assert "Finance Charge" in doc.fields["finance_charge"].evidence.text
    assert doc.fields["loan_amount"].evidence.page == 1


def test_classified_then_extracted() -> None:
    ps = pages(PAYSTUB_TABLE, W2_GRID)
    docs = classify_and_split(ps)
    assert [d.type for d in docs] == [DocType.paystub, DocType.w2]
    for d in docs:
        extract(d, ps)
    assert docs[1].get("box1_wages") == Decimal("52000")


# -- accuracy against the synthetic loan-file generator ------------------------

ACCURACY_SEEDS = range(12)
STACKED_SEEDS = range(100, 104)


def _same(mine: Value | None, want: object) -> bool:
    """The answer key's JSON value against ours; strings compare as names do
    (case, punctuation and spacing aside): the key does not always keep the
    page's capitalisation."""
    from flightline.pipeline.normalize import name_key

    if mine is None:
        return False
    if isinstance(mine, date):
        return mine.isoformat() == want
    if isinstance(mine, Decimal):
        return mine == Decimal(str(want))
    if isinstance(mine, int):
        return mine == want
    return name_key(str(mine)) == name_key(str(want))


@pytest.fixture(scope="module")
def generated() -> list[tuple[dict[str, object], dict[str, list[PageText]]]]:
    synth = pytest.importorskip("flightline.synth")
    import pypdfium2 as pdfium

    out = []
    for seed, packaging in [(s, "zip") for s in ACCURACY_SEEDS] + [
        (s, "stacked_pdf") for s in STACKED_SEEDS
    ]:
        lf = synth.generate(synth.GeneratorOptions(seed=seed, packaging=packaging))
        stored = dict(lf.stored)
        files: dict[str, list[PageText]] = {}
        for f in lf.answer_key["files"]:
            if f["corrupt"] or f["format"] != "pdf":
                continue
            pdf = pdfium.PdfDocument(stored[f["name"]])
            doc_id = uuid.uuid4()
            texts = [pdf[i].get_textpage().get_text_range() for i in range(len(pdf))]
            pdf.close()
            files[f["name"]] = [
                PageText(doc_id, i + 1, t, "text" if t.strip() else "blank")
                for i, t in enumerate(texts)
            ]
        out.append((lf.answer_key, files))
    return out


def test_generated_files_classify_split_and_extract(
    generated: list[tuple[dict[str, object], dict[str, list[PageText]]]],
) -> None:
    import time
    from collections import Counter

    pages_ok = pages_n = docs_ok = docs_n = n_pages = 0
    field_ok: Counter[str] = Counter()
    field_n: Counter[str] = Counter()
    rows_ok: Counter[str] = Counter()
    rows_n: Counter[str] = Counter()
    elapsed = 0.0
    for key, files in generated:
        truth: dict[str, list[dict[str, object]]] = {}
        for kd in key["documents"]:  # type: ignore[attr-defined]
            truth.setdefault(kd["file"], []).append(kd)
        for f in key["files"]:  # type: ignore[attr-defined]
            if f["name"] not in files:
                continue
            pages = files[f["name"]]
            start = time.perf_counter()
            docs = classify_and_split(pages)
            for d in docs:
                extract(d, pages)
            elapsed += time.perf_counter() - start
            n_pages += len(pages)
            by_page = {p: d for d in docs for p in d.pages}
            for pg in f["pages"]:
                pages_n += 1
                got = by_page.get(pg["page"])
                pages_ok += got is not None and got.type.value == pg["type"]
            for kd in truth.get(f["name"], []):
                lo, hi = kd["pages"]  # type: ignore[misc]
                want_pages = list(range(lo, hi + 1))
                match = [d for d in docs if d.pages == want_pages and d.type.value == kd["type"]]
                docs_n += 1
                docs_ok += bool(match)
                mine = match[0] if match else None
                for name, want in kd["fields"].items():  # type: ignore[attr-defined]
                    tag = f"{kd['type']}.{name}"
                    field_n[tag] += 1
                    field_ok[tag] += mine is not None and _same(mine.get(name), want)
                for group, want_rows in kd["rows"].items():  # type: ignore[attr-defined]
                    got_rows = mine.rows.get(group, []) if mine else []
                    for want_row in want_rows:
                        tag = f"{kd['type']}.{group}"
                        rows_n[tag] += 1
                        rows_ok[tag] += any(
                            all(
                                _same(r[c].value if c in r else None, v)
                                for c, v in want_row.items()
                            )
                            for r in got_rows
                        )
    by_type: dict[str, list[int]] = {}
    for tag, n in field_n.items():
        t = tag.split(".")[0]
        by_type.setdefault(t, [0, 0])
        by_type[t][0] += field_ok[tag]
        by_type[t][1] += n
    report = {t: round(ok / n, 3) for t, (ok, n) in sorted(by_type.items())}
    # The measured numbers, for `pytest -s` (the assertions only bound them).
    speed = n_pages / elapsed
    print(f"\npages {pages_ok}/{pages_n}, documents {docs_ok}/{docs_n}, {speed:.0f} p/s")  # noqa: T201
    print("fields by type", report)  # noqa: T201
    print("rows", {t: f"{rows_ok[t]}/{n}" for t, n in sorted(rows_n.items())})  # noqa: T201
    assert pages_ok / pages_n >= 0.98
    assert docs_ok / docs_n >= 0.97
    for t, accuracy in report.items():
        assert accuracy >= 0.95, (t, accuracy)
    for tag, n in rows_n.items():
        # Tradelines: the generator prints mortgage balances rounded to dollars.
        assert rows_ok[tag] / n >= 0.9, (tag, rows_ok[tag], n)


def test_header_row_over_value_row_read_by_column() -> None:
    text = "DU Underwriting Analysis Report\nCasefile ID Recommendation Submitted DTI LTV\n"
    text += "L80937446 Accept Jun 23, 2026 41.95% 76.99%"
    check(
        run(DocType.aus_findings, text),
        {
            "casefile_id": "L80937446",
            "recommendation": "Accept",
            "submission_date": date(2026, 6, 23),
            "dti_back": Decimal("41.95"),
            "ltv": Decimal("76.99"),
        },
    )


def test_labels_cut_short_by_their_box() -> None:
    text = "Qualifying Ratios\nPrimary Housing Expense/Inco.. 27.883%"
    text += " Total Obligations/Income: 28.944%"
    text += "\nLevel of Property Review: Interior Representative Credit/Indicato.. 695"
    doc = run(DocType.transmittal_1008, text)
    check(doc, {"dti_front": Decimal("27.883"), "dti_back": Decimal("28.944")})
    assert doc.get("representative_score") == 695


def test_check_mark_without_a_box() -> None:
    text = "Form 1040 U.S. Individual Income Tax Return 2024\n"
    text += "Filing Status: X Single Married filing jointly Married filing separately"
    assert run(DocType.tax_return_1040, text).get("filing_status") == "single"


def test_prose_gift_letter_and_memo_letter() -> None:
    letter = "06-04-2025\nTo Whom It May Concern:\nMy name is Brianna A. Turner and I am the "
    letter += "grandfather of Marcus P. Pope. On 06-06-2025 I transferred 12,000.00 as a gift\n"
    letter += "to help with the purchase of the home at 16464 Cannon Rd., Port Laura, CA 91137."
    check(
        run(DocType.gift_letter, letter),
        {
            "letter_date": date(2025, 6, 4),
            "donor_name": "Brianna A. Turner",
            "donor_relationship": "Grandfather",
            "borrower_name": "Marcus P. Pope",
            "gift_amount": Decimal("12000"),
            "gift_date": date(2025, 6, 6),
            "property_address": "16464 Cannon Rd., Port Laura, CA 91137",
        },
    )


def test_cash_to_close_is_negative_when_it_goes_to_the_borrower() -> None:
    doc = run(DocType.loan_estimate, "Loan Estimate\nEstimated Cash to Close: $313,420 To Borrower")
    assert doc.get("cash_to_close") == Decimal("-313420")
    # a scan's last letter misread (`To Borrowef`) still gives the direction
    text = "Closing Disclosure\nCASH TO CLOSE: 292,171.98 To Borrowef"
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("-292171.98")
    # ... and its T read as an F (`Fo Borrower`)
    text = "Closing Disclosure\nCash to Close        1,184.79 Fo Borrower"
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("-1184.79")
    text = "Closing Disclosure\nCASH TO CLOSE: 292,171.98 From Borrower"
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("292171.98")


def test_sentences_do_not_make_names() -> None:
    text = "FIXED RATE NOTE\nThe Note Holder will keep the Property in good repair. Borrower\n"
    text += "MULTISTATE FIXED RATE NOTE Page 1 of 2\nextent permitted by law. Borrower\n"
    assert run(DocType.note, text).get("borrower_name") is None


def test_a_salary_row_without_year_to_date_is_no_annual_salary() -> None:
    stub = """PAY STUB
Employer
Walker Construction Corporation
Check Date
Aug 28, 2026
Pay Period
Aug 10, 2026 - Aug 23, 2026
Frequency
Every Two Weeks
Description Current
Base Salary 3826.92
Incentive Bonus 128.16
Gross: 3955.08 Salary: 99500.00 / yr
Net Check: 2895.93
"""
    assert run(DocType.paystub, stub).get("annual_salary") == Decimal("99500.00")
    # with no figure marked per year, the salary is not known
    unmarked = stub.replace(" Salary: 99500.00 / yr", "")
    assert run(DocType.paystub, unmarked).get("annual_salary") is None


def test_page_is_a_footers_label_only_before_its_number() -> None:
    note = "NOTE\nBorrower: Jimmy A. Page\nProperty Address: 8192 Page Ct, Hartview, AZ 85565\n"
    doc = run(DocType.note, note)
    assert doc.get("property_address") == "8192 Page Ct, Hartview, AZ 85565"
    assert doc.get("borrower_name") == "Jimmy A. Page"
    doc = run(DocType.note, "NOTE\nBorrower: John Smith Page 1 of 2\n")
    assert doc.get("borrower_name") == "John Smith"


def test_a_surname_that_is_a_label_word_stays_in_the_name() -> None:
    text = (
        "UNIFORM RESIDENTIAL LOAN APPLICATION\n"
        "Borrower: Lisa B. Price Social Security Number: XXX-XX-7343\n"
        "Co-Borrower: Sean Case Co-Borrower SSN: XXX-XX-5853\n"
    )
    doc = run(DocType.urla_1003, text)
    assert doc.get("borrower_name") == "Lisa B. Price"
    assert doc.get("co_borrower_name") == "Sean Case"
    # a longer form of a known label still ends the name before it
    doc = run(DocType.urla_1003, "Borrower: Lisa B. Price Applicant Social Security Number: 7343")
    assert doc.get("borrower_name") == "Lisa B. Price"


def test_bank_rows_with_month_names_and_joint_holders() -> None:
    text = """Livingstonbury Bank & Trust
PO Box 34177, New Stacy, AZ 85725
TRACI A FITZGERALD; CHRISTOPHER W FITZGERALD
133 ASPEN AVENUE
NORTH NATASHABERG, AZ 86423
Statement Period
21-SEP-2025 - 20-OCT-2025
Account
Checking ...6530
Balance Forward
$ 116,959.45
CREDITS
Date Description Amount
26-SEP-2025 DIRECT DEP WALKER & BUCKLEY SOFTW PAYROLL ID:71299 $ 3,179.44
03-OCT-2025 ACH CREDIT KELLY & LONG REALTY GR PAYRL $ 9,603.83
WITHDRAWALS AND OTHER DEBITS
Date Description Amount
28-SEP-2025 ONLINE PMT IRONBRIDGE PERSONAL LENDING $ 148.00
"""
    doc = run(DocType.bank_statement, text)
    check(
        doc,
        {
            "holder_name": "TRACI A FITZGERALD; CHRISTOPHER W FITZGERALD",
            "account_last4": "6530",
            "account_type": "checking",
            "opening_balance": Decimal("116959.45"),
            "period_start_date": date(2025, 9, 21),
            "period_end_date": date(2025, 10, 20),
        },
    )
    assert [(r["date"], r["amount"]) for r in rows(doc, "deposits")] == [
        (date(2025, 9, 26), Decimal("3179.44")),
        (date(2025, 10, 3), Decimal("9603.83")),
    ]


def test_pathological_pages_stay_fast() -> None:
    import time

    for text in ("X" * 20000, "." * 20000, "Name: " * 3000, "1," * 10000, "# of Units " * 2000):
        start = time.perf_counter()
        ps = pages(text, text.replace(" ", "\n"))
        for doc in classify_and_split(ps):
            extract(doc, ps)
        assert time.perf_counter() - start < 3, text[:12]


def test_urla_liabilities_on_a_scan_title_garbled_and_a_payment_lost() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "2c. Liabilities - Credit Cards, Other Debts, and Leases that You Owe\n"
        "Company Name        Unpaid Balance    To be paid off\n"
        "Keystone Retail Card        $8,181.00\n"
        "Keystone Motor Credit        $15,294.00        $549.00\n"
        "Section 4: Loan and Property Information.\n"
    )
    got = [
        {k: v.value for k, v in r.items()}
        for r in run(DocType.urla_1003, text, method="ocr").rows["liabilities"]
    ]
    assert got == [
        {"creditor": "Keystone Retail Card", "balance": Decimal("8181.00")},
        {
            "creditor": "Keystone Motor Credit",
            "balance": Decimal("15294.00"),
            "monthly_payment": Decimal("549.00"),
        },
    ]
    # on a text layer a row is two amounts (or a type, or an account number)
    text_rows = run(DocType.urla_1003, text).rows["liabilities"]
    assert [r["creditor"].value for r in text_rows] == ["Keystone Motor Credit"]
    # the section's title garbled by OCR: its subtitle still names it
    garbled = text.replace("2c. Liabilities", "2c. Lighilities")
    assert len(run(DocType.urla_1003, garbled, method="ocr").rows["liabilities"]) == 2
    # ... or its number (`26.` for `2c.`)
    misnumbered = text.replace("2c. Liabilities", "26. Liabilities")
    assert len(run(DocType.urla_1003, misnumbered, method="ocr").rows["liabilities"]) == 2


def test_urla_liabilities_under_a_box_number_read_as_letters_or_a_header_after_a_speck() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "ac. Liabilities - Credit Carfds, Other Debts, and Leases\u201dthat You Owe\n"
        "_Company Name        Unpaid Balance To be paid off        Monthly Payment\n"
        "Granite Student Aid        $19953.00        $162.00\n"
        "Section 4: Loan and Property Information.\n"
    )
    rows = run(DocType.urla_1003, text, method="ocr").rows["liabilities"]
    assert [(r["creditor"].value, r["monthly_payment"].value) for r in rows] == [
        ("Granite Student Aid", Decimal("162.00"))
    ]
    # the title lost altogether: the header after its speck opens the table
    headed = text.replace("ac. Liabilities - Credit Carfds, Other Debts, and Leases", "")
    assert len(run(DocType.urla_1003, headed, method="ocr").rows["liabilities"]) == 1
