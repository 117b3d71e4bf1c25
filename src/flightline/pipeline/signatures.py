"""What each document type looks like: weighted phrases for classification.

Phrases are matched on a *squashed* page (lower case, letters and digits only,
OCR look-alikes folded: 0->o, 1/i/|->l, rn->m, ri->n), so `Closing  Disc1osure`
and `CLOSING DISCLOSURE` both contain `closlngdlsclosure`. Short or ambiguous
words (NOTE, MORTGAGE) count as titles only when they are the whole line.

Kinds of signal:
- `titles`: the document's name; worth most when it is (most of) a line near
  the top of the page (a title line), still worth something in the body.
- `forms`: form numbers and issuer marks (Form 1003, Form 1004, FEMA Form).
- `vocab`: body vocabulary typical of the type.
- `cont`: vocabulary of the type's later pages (Closing Disclosure pages 2-5,
  appraisal addenda) that only counts to keep a page with a document of that
  type already open.
- `first`: what only the first page of a multi-page form has; a second first
  page starts a new document of the same type.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from flightline.pipeline.model import DocType

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_FOLD = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l"})


def squash(text: str) -> str:
    """Lower case, letters and digits only, OCR look-alikes folded."""
    # (and `ri` for n, `Closirig`: folded after i, as `rl`)
    folded = _NON_ALNUM.sub("", unaccented(text).lower()).translate(_FOLD)
    return folded.replace("rn", "m").replace("rl", "n")


def unaccented(text: str) -> str:
    """`Vérification` as `Verification`: OCR puts accents on a speck over a
    letter, and no title of ours has one."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@dataclass(frozen=True, slots=True)
class Signature:
    type: DocType
    titles: tuple[tuple[str, float], ...]
    forms: tuple[tuple[str, float], ...] = ()
    vocab: tuple[tuple[str, float], ...] = ()
    cont: tuple[tuple[str, float], ...] = ()
    first: tuple[str, ...] = ()
    # Title words too short or common to trust inside a line: whole line only.
    line_titles: tuple[str, ...] = ()
    # Types that are nearly always one page: a second title page is a new one.
    single_page: bool = False


T = DocType

# fmt: off
SIGNATURES: tuple[Signature, ...] = (
    Signature(
        T.urla_1003,
        titles=(
            ("Uniform Residential Loan Application", 12), ("Residential Loan Application", 7),
            ("1003 Application", 10), ("Loan Application", 6), ("Application Snapshot", 6),
            ("Application Summary", 6),
        ),
        forms=(("Fannie Mae Form 1003", 9), ("Freddie Mac Form 65", 9), ("Form 1003", 8)),
        vocab=(
            ("Borrower Information", 2), ("Personal Information", 1.5), ("Current Employment", 2),
            ("Gross Monthly Income", 2), ("Assets and Liabilities", 2.5),
            ("Loan and Property Information", 3), ("Real Estate Owned", 1.5), ("Declarations", 1),
            ("Acknowledgments and Agreements", 2), ("Demographic Information", 2),
            ("Loan Originator Information", 2.5), ("Military Service", 2), ("Marital Status", 1),
            ("Citizenship", 1), ("Type of Credit", 1), ("Number of Units", 1), ("Loan Purpose", 1),
            ("Subject Loan", 2), ("Employment Income", 2),
        ),
        cont=(
            ("Section 2", 1), ("Section 3", 1), ("Section 4", 1), ("Section 5", 1),
            ("Liabilities", 1), ("Declarations", 2), ("Loan Originator", 2), ("Ethnicity", 2),
            ("Borrower Signature", 1), ("Other Income", 1), ("Rental Income", 1),
        ),
        first=("Personal Information", "Borrower Information", "Application Summary"),
    ),
    Signature(
        T.transmittal_1008,
        titles=(
            ("Uniform Underwriting and Transmittal Summary", 14),
            ("Underwriting and Transmittal Summary", 12), ("Transmittal Summary", 8),
            ("Underwriting Transmittal", 10),
        ),
        forms=(("Fannie Mae Form 1008", 9), ("Freddie Mac Form 1077", 9), ("Form 1008", 8)),
        vocab=(
            ("Underwriting Information", 2), ("Qualifying Ratios", 2.5),
            ("Primary Housing Expense", 3), ("Total Obligations", 2),
            ("Proposed Monthly Payments", 2), ("Underwriter Comments", 2),
            ("Underwriters Comments", 2), ("Level of Property Review", 3),
            ("Borrower Funds to Close", 2), ("Risk Assessment", 1.5), ("Seller Contract Name", 2),
            ("Housing Ratio", 2), ("Debt Ratio", 2), ("Qualifying Income", 2), ("CLTV", 1.5),
        ),
        cont=(("Underwriter", 1), ("Ratios", 1), ("Mortgage Originator", 1)),
    ),
    Signature(
        T.aus_findings,
        titles=(
            ("DU Underwriting Findings", 12), ("Underwriting Analysis Report", 12),
            ("DU Underwriting", 9), ("Underwriting Findings", 8), ("Feedback Certificate", 10),
            ("Desktop Underwriter", 8), ("Loan Product Advisor", 8), ("Automated Underwriting", 6),
        ),
        vocab=(
            ("Approve Eligible", 5), ("Approve Ineligible", 5), ("Refer with Caution", 5),
            ("Casefile ID", 4), ("Submission Number", 3), ("Submission Date", 2),
            ("Recommendation", 2), ("Risk Class", 3), ("Verification Messages", 3),
            ("Approval Conditions", 2), ("Purchase Eligibility", 3), ("LPA Key", 4),
        ),
        cont=(("Conditions", 1), ("Verification", 1), ("Findings", 2), ("Casefile", 2)),
    ),
    Signature(
        T.paystub,
        titles=(
            ("Earnings Statement", 9), ("Statement of Earnings", 9), ("Pay Stub", 9),
            ("Paystub", 9), ("Pay Statement", 8), ("Payroll Statement", 8),
            ("Direct Deposit Advice", 7), ("Advice of Deposit", 7), ("Payroll Advice", 7),
            ("Earnings and Deductions", 6), ("Check Stub", 8), ("Payroll Check Stub", 9),
            ("Pay Advice", 7), ("Employee Pay Stub", 9),
        ),
        vocab=(
            ("Net Pay", 3), ("Gross Pay", 3), ("Pay Date", 3), ("Check Date", 3), ("Pay Period", 3),
            ("Period Ending", 2), ("Period Beginning", 2), ("Year to Date", 1.5), ("YTD", 1),
            ("Deductions", 2), ("Federal Income Tax", 1), ("Fed Withholding", 1),
            ("Social Security", 0.5), ("Medicare", 0.5), ("Overtime", 0.5), ("Employee ID", 1.5),
            ("Hours", 0.5), ("Net Check", 2), ("Current Total", 1), ("Pay Frequency", 2),
            ("Date Paid", 3), ("Total Earnings", 2), ("Gross Earnings", 2), ("Net Amount", 2),
            ("Take Home Pay", 3), ("This is not a check", 4), ("Non-Negotiable", 2), ("FITW", 1),
            ("Soc Sec", 1),
        ),
        cont=(("Deductions", 1), ("Net Pay", 1), ("YTD", 1)),
        single_page=True,
    ),
    Signature(
        T.w2,
        titles=(("Wage and Tax Statement", 14),),
        forms=(("Form W-2", 8), ("W-2 Wage", 4)),
        vocab=(
            ("Wages tips other compensation", 6), ("Wages tips other comp", 4),
            ("Social security wages", 3), ("Medicare wages and tips", 4),
            ("Employer identification number", 4), ("Employers name address and ZIP code", 3),
            ("Federal income tax withheld", 2), ("Employees social security number", 2),
            ("Dependent care benefits", 3), ("Nonqualified plans", 3), ("Statutory employee", 3),
            ("Control number", 1.5), ("To Be Filed With Employees", 4), ("Social security tips", 2),
        ),
        single_page=True,
    ),
    Signature(
        T.voe,
        titles=(
            ("Request for Verification of Employment", 14),
            ("Verbal Verification of Employment", 14), ("Written Verification of Employment", 14),
            ("Verification of Employment", 10), ("Employment Verification", 9), ("Verbal VOE", 9),
            ("Verification of Income Employment", 12), ("Employment Data Report", 11),
            ("Verification of Income and Employment", 12),
        ),
        forms=(("Fannie Mae Form 1005", 9), ("Form 1005", 8), ("The Work Number", 6)),
        vocab=(
            ("Present Employment", 2), ("Verification of Present Employment", 4),
            ("Probability of Continued Employment", 4), ("Date of Employment", 2),
            ("Date Hired", 2), ("Hire Date", 1.5), ("Verified By", 2), ("Verifier", 1.5),
            ("Person Contacted", 2), ("Employment Status", 1.5), ("Phone Number Source", 3),
            ("Information current as of", 3), ("Rate of Pay", 2), ("Most Recent Start Date", 2),
            ("Base Pay", 1), ("Position", 0.5), ("Job Title", 0.5),
        ),
        cont=(("Previous Employment", 2), ("Part III", 2), ("Past Year", 1)),
        # A verification is one page; a second titled page is another one.
        single_page=True,
    ),
    Signature(
        T.tax_return_1040,
        titles=(
            ("US Individual Income Tax Return", 14), ("Individual Income Tax Return", 11),
            ("Tax Return Transcript", 10),
        ),
        forms=(("Form 1040", 8),),
        vocab=(
            ("Filing Status", 3), ("Adjusted gross income", 3), ("Taxable income", 2),
            ("Standard deduction", 2), ("Married filing jointly", 3), ("Head of household", 2),
            ("Your first name and middle initial", 3), ("Total income", 1), ("Amount you owe", 2),
            ("Refund", 1), ("Internal Revenue Service", 1), ("Schedule C", 1), ("Schedule E", 1),
        ),
        cont=(("Tax and Credits", 2), ("Payments", 1), ("Sign Here", 2), ("Paid Preparer", 2)),
        # a return's (or a transcript's) first page states the filing status:
        # a titled page with it after another return is the next return
        first=("Filing Status",),
    ),
    Signature(
        T.bank_statement,
        titles=(
            ("Account Statement", 6), ("Bank Statement", 7), ("Checking Statement", 7),
            ("Savings Statement", 7), ("Statement of Account", 6),
            ("Checking Account Statement", 8), ("Monthly Statement", 5), ("Member Statement", 6),
        ),
        forms=(("Member FDIC", 4), ("Equal Housing Lender", 0.5)),
        vocab=(
            ("Statement Period", 5), ("Beginning Balance", 4), ("Opening Balance", 4),
            ("Previous Balance", 3), ("Starting Balance", 3), ("Ending Balance", 4),
            ("Closing Balance", 3), ("Deposits and Additions", 4),
            ("Deposits and Other Credits", 4), ("Deposits and Credits", 4),
            ("Withdrawals and Subtractions", 3), ("Withdrawals and Debits", 3),
            ("Other Withdrawals", 2), ("Checks Paid", 3), ("Daily Balance", 3),
            ("Transaction History", 3), ("Transaction Detail", 3), ("Account Summary", 2),
            ("Average Balance", 2), ("Statement Date", 1.5), ("Balance Forward", 3),
            ("Balance This Statement", 3), ("Withdrawal Deposit Balance", 3), ("Posted", 1),
        ),
        cont=(
            ("Deposits", 1.5), ("Withdrawals", 1.5), ("Balance", 1), ("Transactions", 1.5),
            ("continued", 1),
        ),
    ),
    Signature(
        T.gift_letter,
        titles=(
            ("Gift Letter", 14), ("Gift Affidavit", 12), ("Gift Certification", 10),
            ("Statement of Gift", 12), ("Gift Statement", 10),
        ),
        vocab=(
            ("Donor", 3), ("Donors Name", 3), ("Relationship to Borrower", 3),
            ("Donor Relationship", 4), ("Repayment Required", 4), ("Gift Amount", 4),
            ("no repayment", 5), ("not a loan", 4), ("not to be repaid", 4),
            ("not required to be repaid", 4), ("gift of", 3), ("gift funds", 3),
            ("bona fide gift", 4), ("expectation of repayment", 5), ("is a gift", 4),
            ("as a gift", 4), ("paid back", 2),
        ),
        single_page=True,
    ),
    Signature(
        T.credit_report,
        titles=(
            ("Credit Report", 8), ("Merged Credit Report", 11), ("Mortgage Credit Report", 11),
            ("Tri-Merge", 8), ("Residential Mortgage Credit Report", 12),
        ),
        vocab=(
            ("Equifax", 2.5), ("Experian", 2.5), ("TransUnion", 2.5), ("FICO", 1.5),
            ("Tradelines", 4), ("Trade Lines", 4), ("Credit Score", 3), ("Credit Scores", 1),
            ("Inquiries", 2.5), ("Public Records", 3), ("Revolving", 1), ("Installment", 1),
            ("High Credit", 2), ("Past Due", 1), ("Repository", 2), ("Credit Bureau", 2),
            ("Score Factors", 3),
        ),
        cont=(("Creditor", 1.5), ("Balance", 0.5), ("Inquiries", 1), ("Account", 0.5)),
    ),
    Signature(
        T.appraisal_1004,
        titles=(
            ("Uniform Residential Appraisal Report", 14),
            ("Small Residential Income Property Appraisal Report", 14),
            ("Individual Condominium Unit Appraisal Report", 14),
            ("Appraisal Update and or Completion Report", 14), ("Appraisal Report", 8),
        ),
        forms=(
            ("Fannie Mae Form 1004", 9), ("Freddie Mac Form 70", 9), ("Form 1004", 8),
            ("Form 1025", 8), ("Form 1073", 8),
        ),
        vocab=(
            ("Appraised Value", 3), ("Opinion of Market Value", 4), ("Market Value", 1.5),
            ("Sales Comparison Approach", 4), ("Comparable Sale", 3), ("Neighborhood", 2),
            ("Highest and Best Use", 3), ("Gross Living Area", 3), ("Reconciliation", 2),
            ("Cost Approach", 2), ("Income Approach", 2), ("Effective Date of Appraisal", 3),
            ("Appraiser", 2), ("Scope of Work", 2), ("Intended Use", 1.5),
            ("Subject Property", 1.5), ("Contract Price", 1.5), ("Zoning", 1),
        ),
        cont=(
            ("Addendum", 2), ("Photo", 2), ("Photographs", 2), ("Sketch", 2), ("Location Map", 3),
            ("Comparable", 2), ("Limiting Conditions", 3), ("Certification", 1.5), ("File No", 1),
            ("Appraiser", 1), ("Subject", 1),
        ),
        first=("Property Address",),
    ),
    Signature(
        T.loan_estimate,
        titles=(("Loan Estimate", 10),),
        vocab=(
            ("Estimated Cash to Close", 4), ("Estimated Closing Costs", 4),
            ("Estimated Total Monthly Payment", 2), ("Rate Lock", 3),
            ("Services You Cannot Shop For", 5), ("Services You Can Shop For", 5),
            ("Closing Cost Details", 2), ("In 5 Years", 4), ("Comparisons", 2),
            ("Other Considerations", 2), ("Applicants", 2), ("Save this Loan Estimate", 6),
        ),
        cont=(
            ("Closing Cost Details", 3), ("Loan Costs", 2), ("Other Costs", 2),
            ("Origination Charges", 2), ("Calculating Cash to Close", 2), ("Comparisons", 3),
            ("Other Considerations", 3), ("Confirm Receipt", 3), ("Total Interest Percentage", 1),
            ("Appraisal", 0.5),
        ),
        first=("Date Issued",),
    ),
    Signature(
        T.closing_disclosure,
        titles=(("Closing Disclosure", 10),),
        vocab=(
            ("Closing Information", 4), ("Transaction Information", 3), ("Disbursement Date", 3),
            ("Settlement Agent", 3), ("Services Borrower Did Not Shop For", 6),
            ("Services Borrower Did Shop For", 6), ("Summaries of Transactions", 4),
            ("Borrowers Transaction", 3), ("Loan Disclosures", 3), ("Loan Calculations", 3),
            ("Paid Already by or on Behalf of Borrower", 3), ("Due from Borrower at Closing", 3),
        ),
        cont=(
            ("Loan Costs", 2), ("Other Costs", 2), ("Origination Charges", 2),
            ("Calculating Cash to Close", 3), ("Summaries of Transactions", 3),
            ("Loan Disclosures", 3), ("Loan Calculations", 3), ("Other Disclosures", 3),
            ("Contact Information", 3), ("Confirm Receipt", 2), ("Escrow Account", 2),
            ("Total of Payments", 2), ("Did this change", 4),
        ),
        first=("Date Issued", "Closing Information"),
    ),
    Signature(
        T.note,
        titles=(
            ("Fixed Rate Note", 12), ("Adjustable Rate Note", 12), ("Promissory Note", 11),
            ("Multistate Fixed Rate Note", 12),
        ),
        forms=(("Form 3200", 8),),
        vocab=(
            ("Borrowers Promise to Pay", 8), ("In return for a loan that I have received", 8),
            ("this amount is called Principal", 6), ("Note Holder", 4),
            ("Borrowers Right to Prepay", 4), ("Late Charge for Overdue Payments", 4),
            ("Borrowers Failure to Pay as Required", 4),
            ("Obligations of Persons Under This Note", 4), ("Maturity Date", 2),
        ),
        cont=(
            ("Note Holder", 3), ("Waivers", 2), ("Giving of Notices", 2), ("Pay to the order", 2),
            ("Witness the hands and seals of the undersigned", 6), ("Note rate", 1),
        ),
        line_titles=("note",),
        first=("Borrowers Promise to Pay",),
    ),
    Signature(
        T.security_instrument,
        titles=(("Deed of Trust", 11), ("Security Deed", 10), ("Security Instrument", 6)),
        vocab=(
            ("Mortgage Electronic Registration Systems", 4), ("Uniform Covenants", 5),
            ("Non-Uniform Covenants", 5), ("Transfer of Rights in the Property", 5),
            ("Space Above This Line For Recording Data", 6), ("After Recording Return To", 5),
            ("Recording Requested By", 5), ("Power of Sale", 3), ("Trustee", 2), ("Riders", 1.5),
            ("Legal Description", 2), ("Definitions", 1),
        ),
        cont=(
            ("Security Instrument", 3), ("Covenants", 2), ("Borrower", 0.5), ("Lender", 0.5),
            ("Acknowledgment", 2), ("Notary", 2), ("Rider", 2),
            ("accepts and agrees to the terms and covenants", 5),
        ),
        line_titles=("mortgage",),
        first=("Definitions",),
    ),
    Signature(
        T.title_commitment,
        titles=(
            ("Commitment for Title Insurance", 14), ("Title Commitment", 11),
            ("Title Insurance Commitment", 12), ("Preliminary Title Report", 14),
            ("Title Report", 9),
        ),
        forms=(("ALTA", 1.5),),
        vocab=(
            ("Proposed Insured", 5), ("Proposed Policy Amount", 5), ("Schedule A", 2.5),
            ("Schedule B", 2.5), ("Commitment Date", 4), ("Vested Owner", 4),
            ("Proposed Lender", 3), ("Loan Policy Amount", 4), ("Exceptions and Requirements", 3),
            ("Title Company", 2), ("Commitment No", 3), ("Commitment Number", 3),
            ("Title Insurance Company", 3), ("Fee Simple", 2.5), ("vested in", 2),
            ("Requirements", 1), ("Exceptions", 1),
        ),
        cont=(("Schedule B", 3), ("Requirements", 2), ("Exceptions", 2), ("Title", 1)),
    ),
    Signature(
        T.hazard_insurance,
        titles=(
            ("Declarations Page", 10), ("Homeowners Policy", 7), ("Homeowners Insurance", 7),
            ("Evidence of Property Insurance", 11), ("Evidence of Insurance", 9),
            ("Insurance Binder", 8), ("Hazard Insurance", 8), ("Policy Declarations", 9),
        ),
        vocab=(
            ("Policy Period", 3), ("Policy Number", 1.5), ("Coverage A", 4), ("Dwelling", 2.5),
            ("Personal Property", 1.5), ("Loss of Use", 2), ("Personal Liability", 2),
            ("Annual Premium", 4), ("Total Premium", 3), ("Deductible", 3), ("Mortgagee", 2.5),
            ("Loss Payee", 3), ("Named Insured", 3), ("Replacement Cost", 2),
        ),
        cont=(("Coverage", 1), ("Premium", 1), ("Endorsement", 2)),
    ),
    Signature(
        T.flood_certificate,
        titles=(
            ("Standard Flood Hazard Determination", 14), ("Flood Hazard Determination", 11),
            ("Flood Certificate", 10), ("Flood Zone Determination", 11),
        ),
        forms=(("FEMA Form", 5), ("FEMA", 1)),
        vocab=(
            ("Flood Zone", 4), ("NFIP", 4), ("Special Flood Hazard Area", 5),
            ("Community Number", 3), ("Map Panel", 3), ("LOMA", 2), ("Determination Date", 2),
        ),
        cont=(("Flood", 2), ("Determination", 1)),
    ),
    Signature(
        T.right_to_cancel,
        titles=(("Notice of Right to Cancel", 14), ("Right to Cancel", 9)),
        forms=(("Form H-8", 4), ("Form H-9", 4)),
        vocab=(
            ("legal right under federal law to cancel", 8), ("How to Cancel", 5),
            ("I WISH TO CANCEL", 6), ("rescind", 2), ("rescission", 2), ("midnight of", 2),
        ),
        single_page=True,
    ),
    Signature(
        T.letter_of_explanation,
        titles=(("Letter of Explanation", 14), ("Explanation Letter", 11)),
        vocab=(
            ("Dear Underwriter", 4), ("To Whom It May Concern", 3),
            ("Please let me know if you need", 3), ("no new debt", 3),
            ("Please accept this letter", 4), ("this letter is to explain", 6),
            ("I am writing to explain", 6), ("writing to explain", 4), ("explain", 2),
            ("explanation", 2), ("Sincerely", 2), ("large deposit", 3), ("Credit Inquiries", 3),
            ("inquiries were", 3), ("no new credit", 3), ("no new accounts", 3),
            ("Gap in Employment", 3), ("Employment Gap", 3), ("Source of Funds", 2),
            ("Subject", 1.5), ("Regarding", 1),
        ),
        single_page=True,
    ),
)

# fmt: on
BY_TYPE: dict[DocType, Signature] = {s.type: s for s in SIGNATURES}
