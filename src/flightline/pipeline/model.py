"""The pipeline's shared vocabulary: document types, the fields each carries,
and the evidence-bearing values extraction produces.

This is the contract between the synthetic loan-file generator (its answer
keys use these names), classification and extraction (they produce them) and
the rules (they read them). Field values are normalised: dates are
`datetime.date`, money and percentages `Decimal` (percentages as percent
points: 6.875 means 6.875%), counts `int`, everything else `str`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum


class DocType(StrEnum):
    urla_1003 = "urla_1003"
    transmittal_1008 = "transmittal_1008"
    aus_findings = "aus_findings"
    paystub = "paystub"
    w2 = "w2"
    voe = "voe"
    tax_return_1040 = "tax_return_1040"
    bank_statement = "bank_statement"
    gift_letter = "gift_letter"
    credit_report = "credit_report"
    appraisal_1004 = "appraisal_1004"
    loan_estimate = "loan_estimate"
    closing_disclosure = "closing_disclosure"
    note = "note"
    security_instrument = "security_instrument"
    title_commitment = "title_commitment"
    hazard_insurance = "hazard_insurance"
    flood_certificate = "flood_certificate"
    right_to_cancel = "right_to_cancel"
    letter_of_explanation = "letter_of_explanation"
    other = "other"


# Scalar fields per type (the minimum of REVIEW_ENGINE.md, plus what the
# rules need). A name ending in `_date` is a date; `_amount`, `_balance`,
# `_income*`, `_value`, `_price`, `_premium`, `_pi`, money; `_rate`, `apr`,
# `dti*`, `ltv`, `cltv`, percentages.
FIELDS: dict[DocType, tuple[str, ...]] = {
    DocType.urla_1003: (
        "borrower_name",
        "co_borrower_name",
        "ssn_last4",
        "co_borrower_ssn_last4",
        "application_date",
        "employer_name",
        "employment_start_date",
        "income_base_monthly",
        "income_overtime_monthly",
        "income_bonus_monthly",
        "income_commission_monthly",
        "income_other_monthly",
        "income_total_monthly",
        "loan_amount",
        "loan_purpose",
        "occupancy",
        "property_address",
        "units",
        "sale_price",
    ),
    DocType.transmittal_1008: (
        "borrower_name",
        "qualifying_income_monthly",
        "dti_front",
        "dti_back",
        "ltv",
        "cltv",
        "note_rate",
        "loan_amount",
        "appraised_value",
        "sale_price",
        "representative_score",
        "loan_purpose",
        "occupancy",
        "units",
    ),
    DocType.aus_findings: (
        "borrower_name",
        "recommendation",
        "casefile_id",
        "dti_back",
        "ltv",
        "loan_amount",
        "submission_date",
    ),
    DocType.paystub: (
        "employer_name",
        "employee_name",
        "ssn_last4",
        "pay_period_start_date",
        "pay_period_end_date",
        "pay_date",
        "pay_frequency",
        "hourly_rate",
        "hours",
        "annual_salary",
        "gross_current",
        "gross_ytd",
        "net_pay",
        # where the stub prints a year-to-date column (its caption), figures or not
        "ytd_caption",
    ),
    DocType.w2: (
        "tax_year",
        "employer_name",
        "employer_ein",
        "employee_name",
        "ssn_last4",
        "box1_wages",
        "box3_ss_wages",
        "box5_medicare_wages",
        # (the name as a second copy of the form on the page reads it)
        "employee_name_copy",
    ),
    DocType.voe: (
        "employer_name",
        "employee_name",
        "ssn_last4",
        "position",
        "employment_start_date",
        "verification_date",
        "base_pay_rate",
        "pay_frequency",
        "ytd_base_income",
        "ytd_overtime_income",
        "ytd_bonus_income",
        "prior_year_base_income",
        "prior_year_overtime_income",
        "prior_year_bonus_income",
        # the year before the past year, where the form prints it (averaged
        # with the others: REVIEW_ENGINE.md, qualifying income)
        "two_years_prior_base_income",
        "two_years_prior_overtime_income",
        "two_years_prior_bonus_income",
        # commissions, where the form prints them (a row of none shows the
        # URLA's commission line as none, not as income unread)
        "ytd_commission_income",
        "prior_year_commission_income",
        "two_years_prior_commission_income",
        # a year row one cell short whose cells add up: the one variable
        # amount whose column (overtime or bonus) was left blank is unknown
        "ytd_unplaced_variable_income",
        "prior_year_unplaced_variable_income",
        "ytd_through_date",
    ),
    DocType.tax_return_1040: (
        "tax_year",
        "taxpayer_name",
        "ssn_last4",
        "filing_status",
        "wages",
        "total_income",
        "adjusted_gross_income",
    ),
    DocType.bank_statement: (
        "holder_name",
        "institution",
        "account_last4",
        "account_type",
        "period_start_date",
        "period_end_date",
        "opening_balance",
        "closing_balance",
    ),
    DocType.gift_letter: (
        "donor_name",
        "donor_relationship",
        "borrower_name",
        "gift_amount",
        "gift_date",
        "property_address",
        "letter_date",
    ),
    DocType.credit_report: (
        "report_date",
        "borrower_name",
        "ssn_last4",
        "co_borrower_name",
        "co_borrower_ssn_last4",
    ),
    DocType.appraisal_1004: (
        "effective_date",
        "appraised_value",
        "property_address",
        "units",
        "borrower_name",
        "sale_price",
        "form_type",
    ),
    DocType.loan_estimate: (
        "date_issued",
        "borrower_name",
        "property_address",
        "loan_amount",
        "interest_rate",
        "monthly_pi",
        "loan_term_months",
        "loan_purpose",
        "apr",
        "cash_to_close",
    ),
    DocType.closing_disclosure: (
        "date_issued",
        "closing_date",
        "disbursement_date",
        "borrower_name",
        "property_address",
        "loan_amount",
        "interest_rate",
        "monthly_pi",
        "loan_term_months",
        "loan_purpose",
        "estimated_escrow_monthly",
        "mortgage_insurance_monthly",
        "taxes_insurance_monthly",
        "estimated_total_monthly_payment",
        "escrow_account_monthly",
        "escrowed_costs_year1",
        "apr",
        "finance_charge",
        "amount_financed",
        "total_of_payments",
        "cash_to_close",
        "sale_price",
        "received_date",
        "lender_credit",
    ),
    DocType.note: (
        "note_date",
        "borrower_name",
        "co_borrower_name",
        "principal_amount",
        "interest_rate",
        "monthly_pi",
        "loan_term_months",
        "first_payment_date",
        "maturity_date",
        "property_address",
        "lender",
    ),
    DocType.security_instrument: (
        "instrument_date",
        "borrower_name",
        "lender",
        "loan_amount",
        "property_address",
    ),
    DocType.title_commitment: (
        "effective_date",
        "proposed_insured",
        "vesting",
        "property_address",
        "insured_amount",
    ),
    DocType.hazard_insurance: (
        "insured_name",
        "property_address",
        "annual_premium",
        "coverage_amount",
        "effective_date",
        "expiration_date",
    ),
    DocType.flood_certificate: ("property_address", "flood_zone", "determination_date"),
    DocType.right_to_cancel: (
        "borrower_name",
        "transaction_date",
        "rescission_deadline_date",
        "property_address",
    ),
    DocType.letter_of_explanation: (
        "borrower_name",
        "letter_date",
        "subject",
        "explained_amount",
        "explained_date",
    ),
    DocType.other: (),
}

# Repeating groups per type: group name -> its column names.
ROWS: dict[DocType, dict[str, tuple[str, ...]]] = {
    DocType.urla_1003: {
        "assets": ("institution", "account_last4", "value"),
        "liabilities": ("creditor", "balance", "monthly_payment"),
        # section 4d; deposited: yes | no (absent when the form does not say)
        "gifts": ("source", "deposited", "value"),
    },
    DocType.paystub: {
        # kind: regular | overtime | bonus | commission | other
        "earnings": ("kind", "current_amount", "ytd_amount"),
    },
    DocType.bank_statement: {
        "deposits": ("date", "amount", "description"),
        # debits paying a debt (`ONLINE PMT HARBOR CREDIT CARD  -172.00`)
        "payments": ("date", "amount", "description"),
    },
    DocType.credit_report: {
        # bureau: equifax | experian | transunion; borrower: 1 or 2
        "scores": ("borrower", "bureau", "score"),
        "tradelines": ("creditor", "balance", "monthly_payment", "account_type"),
    },
    DocType.loan_estimate: {"fees": ("section", "name", "amount")},
    DocType.closing_disclosure: {
        "fees": ("section", "name", "amount"),
        # Payoffs and Payments (section K): debts this closing pays off
        "payoffs": ("creditor", "amount"),
    },
}

Value = str | int | Decimal | date


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a value was read: the stored document, its 1-based page, the text,
    and how the page was read ("text" layer or "ocr"): an OCR'd value may carry
    look-alike characters, so the rules compare it tolerantly."""

    document_id: uuid.UUID
    page: int
    text: str
    method: str = "text"


@dataclass(frozen=True, slots=True)
class FieldValue:
    value: Value
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class PageText:
    """One page of a stored document, as read."""

    document_id: uuid.UUID
    page: int
    text: str
    method: str  # "text" (text layer), "ocr", "blank", or "unread" (OCR timed out)
    confidence: float | None = None  # OCR mean word confidence, 0..100


@dataclass
class LogicalDocument:
    """A document found inside a stored one (a stacked PDF holds many)."""

    id: uuid.UUID
    type: DocType
    confidence: float
    source_document_id: uuid.UUID
    pages: list[int]
    fields: dict[str, FieldValue] = field(default_factory=dict)
    rows: dict[str, list[dict[str, FieldValue]]] = field(default_factory=dict)
    # the extractor raised on these pages: no values are kept, and the loan
    # reports the document as not read rather than as missing its fields
    extraction_failed: bool = False

    def get(self, name: str) -> Value | None:
        found = self.fields.get(name)
        return found.value if found else None

    def mark_read_methods(self, methods: dict[int, str]) -> None:
        """Stamp every value's evidence with how its page was read (page -> method)."""

        def marked(found: FieldValue) -> FieldValue:
            method = methods.get(found.evidence.page, found.evidence.method)
            if method == found.evidence.method:
                return found
            return FieldValue(found.value, replace(found.evidence, method=method))

        self.fields = {k: marked(v) for k, v in self.fields.items()}
        self.rows = {
            g: [{k: marked(v) for k, v in r.items()} for r in rs] for g, rs in self.rows.items()
        }
