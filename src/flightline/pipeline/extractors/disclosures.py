"""TRID disclosures: Loan Estimate and Closing Disclosure, with fees by section."""

from __future__ import annotations

import re
from decimal import Decimal

from flightline.pipeline.extractors.base import (
    DocText,
    Spec,
    first_person,
    label_regex,
    set_field,
)
from flightline.pipeline.extractors.enums import canon_purpose, read_enum
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.extractors.terms import reconcile_terms
from flightline.pipeline.extractors.values import has_cents, money_tokens
from flightline.pipeline.model import FieldValue, LogicalDocument

_COMMON = (
    Spec("date_issued", "date", ("Date Issued", "Issue Date", "Issued", "Date of Issue")),
    Spec(
        "property_address",
        "address",
        ("Property Address", "Property", "Subject Property"),
        exclude=r"property\s*(?:tax|taxes|insurance|costs|value)",
    ),
    Spec(
        "loan_amount",
        "money",
        ("Loan Amount", "Principal Loan Amount", "Total Loan Amount"),
        exclude=r"%\s*of\s*loan\s*amount|loan\s*amount\s*\(points\)",
    ),
    Spec(
        "interest_rate",
        "percent",
        ("Interest Rate", "Note Rate", "Rate"),
        # the APR's line, its words misspelt too (`Annual péfcentage Rate (APR)`)
        exclude=r"annual\s*p\S*centage|\bapr\b|adjustable|rate\s*lock|total\s*interest\s*percentage",
    ),
    Spec(
        "monthly_pi",
        "money",
        (
            "Monthly Principal & Interest",
            "Monthly Principal and Interest",
            "Principal & Interest",
            "Principal and Interest",
            "Monthly P&I",
            "P&I",
        ),
    ),
    Spec("loan_term_months", "months", ("Loan Term", "Term")),
    Spec(
        "apr", "percent", ("Annual Percentage Rate (APR)", "Annual Percentage Rate", "APR"), gap=160
    ),
)
_LE = Reader(
    (
        *_COMMON,
        Spec("borrower_name", "person", ("Applicants", "Applicant", "Borrowers", "Borrower")),
        Spec(
            "cash_to_close",
            "money",
            ("Estimated Cash to Close", "Cash to Close"),
            exclude=r"calculating|use\s+this\s+table",
            signed=True,
        ),
    ),
    extra_labels=(
        "Purpose",
        "Product",
        "Loan Type",
        "Loan ID",
        "Rate Lock",
        "Sale Price",
        "Prepayment Penalty",
        "Balloon Payment",
        "Estimated Closing Costs",
        "Est. Prop. Value",
        "Estimated Property Value",
        "Appraised Prop. Value",
    ),
)
_CD = Reader(
    (
        *_COMMON,
        Spec("borrower_name", "person", ("Borrowers", "Borrower")),
        Spec("closing_date", "date", ("Closing Date", "Date of Closing", "Consummation Date")),
        Spec("disbursement_date", "date", ("Disbursement Date", "Funding Date")),
        Spec(
            "estimated_escrow_monthly",
            "money",
            ("Estimated Escrow", "Escrow Payment", "Monthly Escrow Payment"),
            exclude=r"escrowed\s*property|\w*[it]ial\s*escrow",  # (`fhitial Escrow`)
        ),
        # the projected payment's other parts, each a second reading of the
        # total: mortgage insurance (`+ 0` when none) and the taxes and
        # insurance the escrow pays
        Spec(
            "mortgage_insurance_monthly",
            "money",
            ("Mortgage Insurance",),
            exclude=r"premium",  # the up-front premium among the closing costs
            below=False,
        ),
        Spec(
            "taxes_insurance_monthly",
            "money",
            (
                "Estimated Taxes, Insurance & Assessments",
                "Estimated Taxes, Insurance and Assessments",
            ),
            below=False,
        ),
        Spec(
            "estimated_total_monthly_payment",
            "money",
            ("Estimated Total Monthly Payment", "Total Monthly Payment"),
        ),
        # the escrow account's own lines (Loan Disclosures): more readings
        # of the monthly escrow, for a scan that misread the projected one
        Spec(
            "escrow_account_monthly",
            "money",
            ("Monthly Escrow Payment",),
            exclude=r"estimated|\w*[it]ial\s*escrow",
            below=False,
        ),
        Spec(
            "escrowed_costs_year1",
            "money",
            ("Escrowed Property Costs over Year 1", "Escrowed Property Costs"),
            exclude=r"non\W{0,2}escrowed",
            below=False,
        ),
        Spec("finance_charge", "money", ("Finance Charge",), gap=160),
        Spec("amount_financed", "money", ("Amount Financed",), gap=160),
        Spec("total_of_payments", "money", ("Total of Payments",), gap=200),
        Spec(
            "cash_to_close",
            "money",
            ("Cash to Close", "Cash to Close From Borrower", "Cash From Borrower"),
            exclude=r"calculating|use\s+this\s+table|estimated",
            signed=True,
        ),
        Spec("sale_price", "money", ("Sale Price", "Sales Price", "Contract Sales Price")),
        Spec(
            "received_date",
            "date",
            (
                "Date Received",
                "Received Date",
                "Received on",
                "Receipt Date",
                "Date of Receipt",
                "Acknowledged on",
                "Signature Date",
                "Date Signed",
                "Signed on",
                "e-Signed on",
                "Borrower Signature Date",
                "Applicant Signature Date",
            ),
        ),
        Spec("lender_credit", "money_last", ("Lender Credits", "Lender Credit"), gap=160),
    ),
    extra_labels=(
        "Purpose",
        "Product",
        "Loan Type",
        "Loan ID",
        "Settlement Agent",
        "File",
        "Seller",
        "Lender",
        "MIC",
        "Closing Information",
        "Transaction Information",
        "Loan Information",
        "Prepayment Penalty",
        "Balloon Payment",
    ),
)
_PURPOSE = label_regex(("Purpose", "Loan Purpose"))

_SECTION = re.compile(
    r"^\W*([A-HJ])\s*[.:)]\s*(?P<title>[A-Za-z][A-Za-z '\u2019&/,()-]{3,80}?)\s*(?=\$|-?\d|$)",
)
_SECTION_TITLES = re.compile(
    r"origination|did\s*not\s*shop|did\s*shop|cannot\s*shop|can\s*shop|taxes|government|"
    r"prepaids|initial\s*escrow|other|total",
    re.IGNORECASE,
)
_PER_UNIT = re.compile(r"^\s*(?:per|/)\s*(?:day|month|mo\b|year)", re.IGNORECASE)
_NOT_FEE = re.compile(
    r"^(?:total|section|loan\s*costs|other\s*costs|closing\s*costs|borrower-?paid|"
    r"seller-?paid|paid\s*by|at\s*closing|before\s*closing|lender\s*credits?|"
    r"calculating|in\s*5\s*years)",
    re.IGNORECASE,
)
_END_FEES = re.compile(
    r"^(?:calculating\s*cash\s*to\s*close|comparisons|summaries\s*of\s*transactions|"
    r"additional\s*information|loan\s*disclosures)",
    re.IGNORECASE,
)


def _fees(doc: DocText, ld: LogicalDocument) -> None:
    rows: list[dict[str, FieldValue]] = []
    section: str | None = None
    for i, line in enumerate(doc.lines):
        text = line.text
        m = _SECTION.match(text)
        if m and _SECTION_TITLES.search(m.group("title")):
            letter = m.group(1).upper()
            section = letter if letter in "ABCEFGH" else None
            continue
        if section is None:
            continue
        if _END_FEES.match(text):
            section = None
            continue
        found = money_tokens(text)
        if not found:
            continue
        name = re.sub(r"^\W*\d{1,2}\s+(?=\S)", "", text[: found[0][0]]).strip(" :-(")
        if _NOT_FEE.match(name) or len(name) < 3 or not re.search(r"[A-Za-z]{3}", name):
            continue
        # `Prepaid Interest ($17.44 per day from ...) $279.04`: a per-unit
        # figure is not the fee.
        amounts = [v for _, e, v in found if not _PER_UNIT.match(text[e:])]
        if not amounts:
            continue
        name = re.sub(r"\s+to\s+[A-Z][\w&.,' -]*$", "", name).strip(" :-(")
        # `Discount Points 0.5% of Loan Amount`: the rate is a detail of the fee.
        short = _RATE_DETAIL.sub("", name).strip(" :-(")
        name = short or name
        rows.append(
            {
                "section": doc.field(section, i),
                "name": doc.field(name, i),
                "amount": doc.field(amounts[0], i),
            }
        )
    if rows:
        ld.rows["fees"] = rows


def _purpose(doc: DocText, out: dict[str, FieldValue]) -> None:
    set_field(out, "loan_purpose", read_enum(doc, _PURPOSE, canon_purpose, below=1))


_RATE_DETAIL = re.compile(
    r"\s*\(?\s*(?<![\d.])(?:\d{1,3}(?:\.\d{1,6})?|\.\d{1,6})\s*%\s*of\s*(?:the\s*)?loan\s*amount"
    r"\s*\)?(?:\s*\(points\))?",
    re.IGNORECASE,
)
# (`To Borrowef`: a scan's last letter misread; `to borrow` is no direction)
# (`Fo Borrower`: the T read as an F on a scan; `From` is a word of its own)
_TO_BORROWER = re.compile(r"\b[tf]o\s+(?:the\s+)?borro\w{2,4}\b", re.IGNORECASE)


def _final_column(out: dict[str, FieldValue], name: str) -> None:
    """A value read from the CD's Calculating Cash to Close table (`Cash to
    Close  53,230  55,018.99  YES`): its columns are the Loan Estimate's, the
    final one, and whether it changed; the CD's own value is the final one."""
    found = out.get(name)
    if found is None or not _CHANGED.search(found.evidence.text):
        return
    amounts = money_tokens(found.evidence.text)
    if len(amounts) >= 2 and amounts[0][2] == found.value:
        out[name] = FieldValue(amounts[1][2], found.evidence)


_CHANGED = re.compile(r"\b(?:yes|no)\W*$", re.IGNORECASE)
_CASH_FROM = re.compile(r"cash\s*to\s*close\s*from\s*borrower", re.IGNORECASE)


def _estimate_column(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A cash to close in whole dollars read from the Calculating Cash to
    Close table's Loan Estimate column (its final figure on a line OCR did
    not join): the CD's own prints its cents, and its `Cash to Close From
    Borrower` line gives it."""
    found = out.get("cash_to_close")
    if found is None or not isinstance(found.value, Decimal):
        return
    if found.value != found.value.to_integral_value() or "." in found.evidence.text:
        return
    for i, m in doc.find_lines(_CASH_FROM):
        line = doc.lines[i]
        cents = [v for _, _, v in money_tokens(line.text[m.end() - line.start :]) if has_cents(v)]
        if len(cents) == 1:
            out["cash_to_close"] = doc.field(cents[0], i)
            return


def _cash_direction(out: dict[str, FieldValue]) -> None:
    """Cash to close is signed: negative when it goes to the borrower."""
    found = out.get("cash_to_close")
    if found is None or not isinstance(found.value, Decimal):
        return
    if _TO_BORROWER.search(found.evidence.text) and found.value > 0:
        out["cash_to_close"] = FieldValue(-found.value, found.evidence)


def _direction_elsewhere(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A scanned cash to close read where its sign was lost (`\u00ab320,906.39`
    in the Calculating Cash to Close table's final column) while the page
    prints the same amount going `To Borrower` elsewhere, and never `From
    Borrower`: it goes to the borrower."""
    found = out.get("cash_to_close")
    if not doc.ocr or found is None or not isinstance(found.value, Decimal) or found.value <= 0:
        return
    ways = {
        bool(_TO_BORROWER.search(line.text))
        for line in doc.lines
        if (_TO_BORROWER.search(line.text) or _FROM_BORROWER.search(line.text))
        and found.value in {abs(v) for _, _, v in money_tokens(line.text)}
    }
    if ways == {True}:
        out["cash_to_close"] = FieldValue(-found.value, found.evidence)


_FROM_BORROWER = re.compile(r"from\s*borrower", re.IGNORECASE)


def extract_loan_estimate(doc: DocText, ld: LogicalDocument) -> None:
    _LE.read(doc, ld.fields)
    _purpose(doc, ld.fields)
    _cash_direction(ld.fields)
    first_person(ld.fields)
    _fees(doc, ld)


def extract_closing_disclosure(doc: DocText, ld: LogicalDocument) -> None:
    _CD.read(doc, ld.fields)
    _purpose(doc, ld.fields)
    _final_column(ld.fields, "cash_to_close")
    _estimate_column(doc, ld.fields)
    _cash_direction(ld.fields)
    _direction_elsewhere(doc, ld.fields)
    first_person(ld.fields)
    _fees(doc, ld)
    _payoffs(doc, ld)
    reconcile_terms(doc, ld.fields, "loan_amount")


# ----------------------------------------------------------------------------- CD payoffs

# `Payoff to Lakeshore Mortgage Co $394,265.90`, `01 Payoff of First Mortgage
# Loan to X`, `X - Payoff`, `Payoff: X`: a line naming a payoff and ending in
# its amount. The total line (`Total Payoffs and Payments (K)`) is not a payoff.
_PAYOFF = re.compile(r"\bpay\s?-?off\b", re.IGNORECASE)
_PAYOFF_TOTAL = re.compile(r"\btotal\b|payoffs\s*(?:and|&)\s*payments", re.IGNORECASE)
_PAYOFF_TO = re.compile(r"\bpay\s?-?off\b.{0,50}?\bto\s+(?=\S)", re.IGNORECASE)
_ACCOUNT_REF = re.compile(
    r"\(?\s*\b(?:acct|account|loan)\s*(?:#|no\.?|number|ending(?:\s+in)?)\s*[\w*x-]*\s*\)?",
    re.IGNORECASE,
)


def _payoff_creditor(label: str) -> str | None:
    name = _ACCOUNT_REF.sub(" ", re.sub(r"^\W*\d{1,2}\s+", "", label))
    to = _PAYOFF_TO.search(name)
    name = name[to.end() :] if to else _PAYOFF.sub(" ", name)
    name = re.sub(r"\s{2,}", " ", name).strip(" .,:;-\u2013\u2014()")
    return name if re.search(r"[A-Za-z]{3}", name) else None


def _payoffs(doc: DocText, ld: LogicalDocument) -> None:
    rows: list[dict[str, FieldValue]] = []
    for i, line in enumerate(doc.lines):
        text = line.text
        m = _PAYOFF.search(text)
        if m is None or _PAYOFF_TOTAL.search(text):
            continue
        found = money_tokens(text)
        if not found:
            continue
        start, _, amount = found[-1]
        creditor = _payoff_creditor(text[:start])
        if creditor is None or amount <= 0:
            continue
        rows.append({"creditor": doc.field(creditor, i), "amount": doc.field(amount, i)})
    if rows:
        ld.rows["payoffs"] = rows
