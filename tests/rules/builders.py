"""Hand-built loans for rule tests, and loans read straight from the synthetic
generator's answer keys (true values, no OCR or extraction)."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from flightline.pipeline.model import DocType, Evidence, FieldValue, LogicalDocument, Value
from flightline.rules import catalogue  # noqa: F401  (registers the rules)
from flightline.rules.engine import REGISTRY, Issue, LoanContext, StoredDocument
from flightline.rules.figures import compute_figures
from flightline.rules.policy import load_policy

SOURCE = uuid.UUID(int=1)


def fv(value: Value, page: int = 1, source: uuid.UUID = SOURCE) -> FieldValue:
    return FieldValue(value, Evidence(source, page, str(value)))


def make(
    doc_type: DocType,
    fields: dict[str, Value | None] | None = None,
    rows: dict[str, list[dict[str, Value]]] | None = None,
    page: int = 1,
    source: uuid.UUID = SOURCE,
) -> LogicalDocument:
    return LogicalDocument(
        id=uuid.uuid4(),
        type=doc_type,
        confidence=1.0,
        source_document_id=source,
        pages=[page],
        fields={k: fv(v, page, source) for k, v in (fields or {}).items() if v is not None},
        rows={
            g: [{k: fv(v, page, source) for k, v in r.items()} for r in rs]
            for g, rs in (rows or {}).items()
        },
    )


def D(v: str | int) -> Decimal:
    return Decimal(str(v))


@dataclass
class Loan:
    docs: list[LogicalDocument] = field(default_factory=list)
    stored: list[StoredDocument] = field(default_factory=list)

    def all(self, doc_type: DocType) -> list[LogicalDocument]:
        return [d for d in self.docs if d.type == doc_type]

    def one(self, doc_type: DocType, index: int = 0) -> LogicalDocument:
        return self.all(doc_type)[index]

    def set(self, doc_type: DocType, index: int = 0, **fields: Value | None) -> Loan:
        """Change (None: remove) fields of one document."""
        d = self.one(doc_type, index)
        for k, v in fields.items():
            if v is None:
                d.fields.pop(k, None)
            else:
                d.fields[k] = fv(v, d.pages[0], d.source_document_id)
        return self

    def set_rows(self, doc_type: DocType, group: str, rows: list[dict[str, Value]]) -> Loan:
        d = self.one(doc_type)
        d.rows[group] = [{k: fv(v, d.pages[0]) for k, v in r.items()} for r in rows]
        return self

    def drop(self, doc_type: DocType) -> Loan:
        self.docs = [d for d in self.docs if d.type != doc_type]
        return self

    def add(self, doc: LogicalDocument) -> Loan:
        self.docs.append(doc)
        return self

    def context(self) -> LoanContext:
        return LoanContext(policy=load_policy(), documents=list(self.docs), stored=self.stored)


def run(loan: Loan | LoanContext, code: str) -> list[Issue]:
    ctx = loan.context() if isinstance(loan, Loan) else loan
    return REGISTRY[code](ctx)


NAME = "John Michael Smith"
EMPLOYER = "Acme Logistics, Inc."
ADDRESS = "123 Main Street, Springfield, IL 62701"


def clean_loan(*, co_borrower: bool = False) -> Loan:
    """A consistent salaried purchase of a 1-unit principal residence that no rule flags.

    Income 10,000.00 a month (120,000 a year); PITIA 2,500.00; one 450.00 auto
    loan: DTI 25.00 / 29.50. Loan 300,000 on price 400,000 / value 410,000: LTV
    75. Assets 130,000.00 against 108,000.00 to close: 8.8 months of reserves.
    """
    liabilities: list[dict[str, Value]] = [
        {"creditor": "Summit Auto Finance", "balance": D(15000), "monthly_payment": D(450)}
    ]
    urla: dict[str, Value | None] = {
        "borrower_name": NAME,
        "ssn_last4": "1234",
        "application_date": date(2026, 3, 2),
        "employer_name": EMPLOYER,
        "employment_start_date": date(2018, 5, 1),
        "income_base_monthly": D("10000.00"),
        "income_overtime_monthly": D(0),
        "income_bonus_monthly": D(0),
        "income_total_monthly": D("10000.00"),
        "loan_amount": D(300000),
        "loan_purpose": "purchase",
        "occupancy": "principal_residence",
        "property_address": ADDRESS,
        "units": 1,
        "sale_price": D(400000),
    }
    if co_borrower:
        urla |= {"co_borrower_name": "Mary Jones", "co_borrower_ssn_last4": "9876"}
    docs = [
        make(DocType.urla_1003, urla, {"liabilities": liabilities}),
        make(
            DocType.transmittal_1008,
            {
                "borrower_name": "John M. Smith",
                "qualifying_income_monthly": D("10000.00"),
                "dti_front": D("25.000"),
                "dti_back": D("29.500"),
                "ltv": D("75.000"),
                "loan_amount": D(300000),
                "appraised_value": D(410000),
                "sale_price": D(400000),
                "loan_purpose": "purchase",
                "occupancy": "principal_residence",
                "units": 1,
            },
        ),
        make(
            DocType.credit_report,
            {
                "report_date": date(2026, 2, 27),
                "borrower_name": "SMITH, JOHN M",
                "ssn_last4": "1234",
            },
            {
                "scores": [
                    {"borrower": 1, "bureau": "equifax", "score": 700},
                    {"borrower": 1, "bureau": "experian", "score": 720},
                    {"borrower": 1, "bureau": "transunion", "score": 740},
                ],
                "tradelines": [
                    {
                        "creditor": "SUMMIT AUTO FINANCE",
                        "balance": D(15000),
                        "monthly_payment": D(450),
                        "account_type": "installment",
                    },
                    {
                        "creditor": "HARBOR CARD SERVICES",
                        "balance": D(0),
                        "monthly_payment": D(0),
                        "account_type": "revolving",
                    },
                ],
            },
        ),
        make(
            DocType.paystub,
            {
                "employer_name": "ACME LOGISTICS INC",
                "employee_name": "John M. Smith",
                "ssn_last4": "1234",
                "pay_period_start_date": date(2026, 2, 2),
                "pay_period_end_date": date(2026, 2, 15),
                "pay_date": date(2026, 2, 20),
                "pay_frequency": "biweekly",
                "annual_salary": D(120000),
                "gross_current": D("4615.38"),
                "gross_ytd": D("18461.52"),
                "net_pay": D("3301.10"),
            },
            {
                "earnings": [
                    {
                        "kind": "regular",
                        "current_amount": D("4615.38"),
                        "ytd_amount": D("18461.52"),
                    }
                ]
            },
        ),
        *(
            make(
                DocType.w2,
                {
                    "tax_year": year,
                    "employer_name": "ACME LOGISTICS, INC.",
                    "employee_name": "JOHN M SMITH",
                    "ssn_last4": "1234",
                    "box1_wages": D(wages),
                    "box5_medicare_wages": D(wages) + 4000,
                },
            )
            for year, wages in ((2025, 110000), (2024, 105000))
        ),
        make(
            DocType.voe,
            {
                "employer_name": EMPLOYER,
                "employee_name": "Smith, John M.",
                "ssn_last4": "1234",
                "employment_start_date": date(2018, 5, 1),
                "verification_date": date(2026, 3, 4),
                "base_pay_rate": D(120000),
                "pay_frequency": "biweekly",
                "ytd_base_income": D("18461.52"),
                "ytd_overtime_income": D(0),
                "ytd_bonus_income": D(0),
                "prior_year_base_income": D(116000),
                "prior_year_overtime_income": D(0),
                "prior_year_bonus_income": D(0),
                "ytd_through_date": date(2026, 2, 20),
            },
        ),
        make(
            DocType.voe,
            {
                "employer_name": EMPLOYER,
                "employee_name": "John Smith",
                "ssn_last4": "1234",
                "verification_date": date(2026, 4, 10),
            },
        ),
        *(
            make(
                DocType.bank_statement,
                {
                    "holder_name": "JOHN M SMITH",
                    "institution": "Springfield Bank",
                    "account_last4": "5678",
                    "account_type": "checking",
                    "period_start_date": start,
                    "period_end_date": end,
                    "opening_balance": opening,
                    "closing_balance": closing,
                },
                {
                    "deposits": [
                        {
                            "date": end.replace(day=13),
                            "amount": D("3301.10"),
                            "description": "DIRECT DEP ACME LOGISTICS PAYROLL",
                        },
                        {"date": end.replace(day=20), "amount": D("45.00"), "description": "ZELLE"},
                    ]
                },
            )
            for start, end, opening, closing in (
                (date(2026, 1, 1), date(2026, 1, 31), D(120000), D(125000)),
                (date(2026, 2, 1), date(2026, 2, 28), D(125000), D(130000)),
            )
        ),
        make(
            DocType.appraisal_1004,
            {
                "effective_date": date(2026, 3, 10),
                "appraised_value": D(410000),
                "property_address": "123 Main St., Springfield, IL 62701",
                "units": 1,
                "borrower_name": "John Smith",
                "sale_price": D(400000),
                "form_type": "1004",
            },
        ),
        make(
            DocType.loan_estimate,
            {
                "date_issued": date(2026, 3, 3),
                "borrower_name": NAME,
                "property_address": ADDRESS,
                "loan_amount": D(300000),
                "interest_rate": D("6.500"),
                "monthly_pi": D("1896.20"),
                "loan_purpose": "purchase",
            },
        ),
        make(
            DocType.closing_disclosure,
            {
                "date_issued": date(2026, 4, 8),
                "closing_date": date(2026, 4, 15),
                "disbursement_date": date(2026, 4, 15),
                "borrower_name": "John M. Smith",
                "property_address": "123 MAIN ST, SPRINGFIELD, IL 62701",
                "loan_amount": D(300000),
                "interest_rate": D("6.500"),
                "monthly_pi": D("1896.20"),
                "loan_purpose": "purchase",
                "estimated_escrow_monthly": D("603.80"),
                "estimated_total_monthly_payment": D("2500.00"),
                "cash_to_close": D("108000.00"),
                "sale_price": D(400000),
            },
        ),
        make(
            DocType.note,
            {
                "note_date": date(2026, 4, 15),
                "borrower_name": NAME,
                "principal_amount": D(300000),
                "interest_rate": D("6.500"),
                "monthly_pi": D("1896.20"),
                "loan_term_months": 360,
                "property_address": ADDRESS,
            },
        ),
    ]
    return Loan(docs)


# ----------------------------------------------------------------------------- answer keys

_TEXT_FIELDS = frozenset(
    {"ssn_last4", "co_borrower_ssn_last4", "account_last4", "casefile_id", "employer_ein"}
)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _typed(name: str, v: Any) -> Value:
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, int):
        return v
    s = str(v)
    if name == "date" or name.endswith("_date"):
        return date.fromisoformat(s)
    if name not in _TEXT_FIELDS and _NUMBER.fullmatch(s):
        return Decimal(s)
    return s


def from_answer_key(key: dict[str, Any]) -> LoanContext:
    """The loan as a perfect extraction would deliver it: every true field value
    (a VOE's two-years-prior income row among them), evidence on the
    document's first page."""
    files = {f["name"]: uuid.uuid5(SOURCE, f["name"]) for f in key["files"]}
    docs: list[LogicalDocument] = []
    for d in key["documents"]:
        source = files[d["file"]]
        first, last = d["pages"]
        page = int(first)
        fields = {
            k: FieldValue(_typed(k, v), Evidence(source, page, str(v)))
            for k, v in d["fields"].items()
        }
        rows = {
            g: [
                {k: FieldValue(_typed(k, v), Evidence(source, page, str(v))) for k, v in r.items()}
                for r in rs
            ]
            for g, rs in d["rows"].items()
        }
        docs.append(
            LogicalDocument(
                uuid.uuid4(),
                DocType(d["type"]),
                1.0,
                source,
                list(range(page, int(last) + 1)),
                fields,
                rows,
            )
        )
    stored = [
        StoredDocument(
            files[f["name"]], i, None, "application/pdf", len(f["pages"]) or None, not f["corrupt"]
        )
        for i, f in enumerate(key["files"])
    ]
    ctx = LoanContext(policy=load_policy(), documents=docs, stored=stored)
    compute_figures(ctx)
    return ctx
