"""Underwriting documents: the transmittal summary (Form 1008) and AUS
findings (DU / LPA)."""

from __future__ import annotations

import re

from flightline.pipeline.extractors.application import OCCUPANCY, PURPOSE
from flightline.pipeline.extractors.base import DocText, Spec, set_field
from flightline.pipeline.extractors.enums import canon_occupancy, canon_purpose, read_enum
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.model import FieldValue, LogicalDocument

# -- 1008 ------------------------------------------------------------------------

_1008 = Reader(
    (
        Spec(
            "borrower_name",
            "person",
            ("Borrower Name", "Borrower", "Borrower(s)"),
            # the co-borrower's row (`Co-Borrower Name  SSN`), or its label alone
            exclude=r"co-?\s*borrower\s*$|^\W*co-?\s*borrower|funds",
        ),
        Spec(
            # With a co-borrower the row reads borrower, co-borrower, total.
            "qualifying_income_monthly",
            "money_last",
            (
                "Total Monthly Income",
                "Total Income",
                "Qualifying Income",
                "Stable Monthly Income",
                "Total Qualifying Income",
            ),
        ),
        Spec(
            "dti_front",
            "percent",
            (
                "Primary Housing Expense/Income",
                "Housing Expense Ratio",
                "Front-End Ratio",
                "Front End Ratio",
                "Housing Ratio",
                "Top Ratio",
                "Front-End DTI",
                "Front DTI",
            ),
        ),
        Spec(
            "dti_back",
            "percent",
            (
                "Total Obligations/Income",
                "Total Debt Ratio",
                "Debt-to-Income Ratio",
                "Back-End Ratio",
                "Back End Ratio",
                "Bottom Ratio",
                "Total DTI",
                "Back-End DTI",
                "DTI",
                # (the caption's `(DTI)` garbled on a scan: `DEBT RATIO (DTD`)
                "Debt Ratio",
            ),
        ),
        Spec(
            "ltv",
            "percent",
            ("LTV", "Loan-to-Value", "Loan to Value Ratio", "LTV/CLTV/HCLTV", "LTV/CLTV"),
        ),
        Spec(
            "cltv",
            "percent",
            ("CLTV", "TLTV", "Combined LTV", "CLTV/TLTV", "Combined Loan-to-Value"),
        ),
        Spec("note_rate", "percent", ("Note Rate", "Interest Rate", "Initial Note Rate")),
        Spec("loan_amount", "money", ("Loan Amount", "Note Amount", "Original Loan Amount")),
        Spec("appraised_value", "money", ("Appraised Value", "Property Appraised Value")),
        Spec("sale_price", "money", ("Sales Price", "Sale Price", "Purchase Price")),
        Spec(
            "representative_score",
            "int",
            (
                "Representative Credit Score",
                "Representative Credit/Indicator Score",
                "Credit Score (Representative)",
                "Representative Score",
                "Indicator Score",
                "Credit Score",
                "Decision Score",
                "FICO",
            ),
        ),
        Spec("units", "int", ("Number of Units", "No. of Units", "# of Units", "Units")),
    ),
    extra_labels=(
        "Co-Borrower",
        "SSN",
        "Property Address",
        "Property Type",
        "Project Name",
        "Amortization",
        "Loan Term",
        "Lien Position",
        "Occupancy Status",
        "Loan Purpose",
        "Property Rights",
        "Mortgage Originator",
        "HCLTV",
    ),
)


def extract_1008(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _1008.read(doc, out)
    set_field(out, "loan_purpose", read_enum(doc, PURPOSE, canon_purpose))
    set_field(out, "occupancy", read_enum(doc, OCCUPANCY, canon_occupancy))
    score = out.get("representative_score")
    if score is not None and not (isinstance(score.value, int) and 300 <= score.value <= 850):
        del out["representative_score"]


# -- AUS -------------------------------------------------------------------------

_AUS = Reader(
    (
        Spec(
            "borrower_name",
            "person",
            ("Primary Borrower", "Borrower Name", "Borrower", "Applicant"),
        ),
        Spec(
            "recommendation",
            "text",
            (
                "Recommendation",
                "Underwriting Recommendation",
                "AUS Recommendation",
                "Risk Class",
                "Decision",
                "AUS Result",
                "Findings",
            ),
        ),
        Spec(
            "casefile_id",
            "text",
            (
                "Casefile ID",
                "DU Casefile ID",
                "Casefile Number",
                "LPA Key",
                "Loan Prospector Key",
                "AUS Key",
                "Case File ID",
                "Casefile",
            ),
        ),
        Spec(
            "dti_back",
            "percent",
            (
                "Total Debt Ratio",
                "Total Expense Ratio",
                "Debt-to-Income",
                "DTI",
                "Total DTI",
                "Back-End Ratio",
                "Total Obligations",
            ),
        ),
        Spec("ltv", "percent", ("LTV", "Loan-to-Value", "LTV/CLTV/HCLTV", "LTV/CLTV")),
        Spec("loan_amount", "money", ("Loan Amount", "Note Amount", "Base Loan Amount")),
        Spec(
            "submission_date",
            "date",
            (
                "Submission Date",
                "Date Submitted",
                "Submitted On",
                "Submitted",
                "Underwriting Date",
                "Evaluation Date",
                "Assessment Date",
            ),
        ),
    ),
    extra_labels=(
        "Submission Number",
        "Lender Loan Number",
        "Co-Borrower",
        "CLTV",
        "HCLTV",
        "Housing Ratio",
        "Reserves",
        "Interest Rate",
        "Note Rate",
    ),
)
_RECOMMENDATION = re.compile(
    r"approve\s*/\s*(?:eligible|ineligible)|refer\s*(?:with\s*caution|/\s*eligible|/\s*ineligible)?"
    r"|out\s*of\s*scope|\baccept\b|\bcaution\b|\bineligible\b|\beligible\b",
    re.IGNORECASE,
)


def extract_aus(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _AUS.read(doc, out)
    rec = out.get("recommendation")
    if rec is not None:
        m = _RECOMMENDATION.search(str(rec.value))
        if m:
            out["recommendation"] = FieldValue(
                re.sub(r"\s*/\s*", "/", " ".join(m.group(0).split())), rec.evidence
            )
        else:
            del out["recommendation"]
    if "recommendation" not in out:
        for i, m in doc.find_lines(_RECOMMENDATION):
            out["recommendation"] = doc.field(
                re.sub(r"\s*/\s*", "/", " ".join(m.group(0).split())), i
            )
            break
    cid = out.get("casefile_id")
    if cid is not None:
        token = re.search(r"[A-Z0-9][A-Z0-9-]{4,}", str(cid.value), re.IGNORECASE)
        if token:
            out["casefile_id"] = FieldValue(token.group(0), cid.evidence)
        else:
            del out["casefile_id"]
