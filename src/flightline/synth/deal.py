"""Property, loan terms, fees by LE/CD section and the disclosure arithmetic
(amount financed, finance charge, APR, cash to close).

Finance-charge convention (documented so an engine can match it): prepaid
finance charges are every Section A fee, the tax-service and flood-
determination fees, the title settlement/closing fee and prepaid interest.
Appraisal, credit report, title insurance, endorsements, survey, pest,
recording, transfer taxes, insurance, escrow and Section H items are not.
Total of payments is the TILA sum of scheduled payments (term x P&I), so
finance charge = total of payments - amount financed.

Tolerance convention: LE Section A and B fees and transfer taxes are zero-
tolerance; recording fees plus LE Section C fees the borrower took from the
written list (they sit in CD Section B) form the 10% bucket; CD Section C
fees (shopped off the list), F, G and H are unlimited. QM points and fees are
the CD Section A total, measured against the loan amount.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from flightline.synth.money import ZERO, D, apr, cents, dollars

# Eligibility matrix (fixed rate): (purpose group, occupancy) -> (1 unit, 2-4 units)
MATRIX: dict[tuple[str, str], tuple[int, int]] = {
    ("purchase", "principal_residence"): (97, 95),
    ("refinance", "principal_residence"): (97, 95),
    ("purchase", "second_home"): (90, 90),
    ("refinance", "second_home"): (90, 90),
    ("purchase", "investment"): (85, 75),
    ("refinance", "investment"): (75, 75),
    ("cash_out_refinance", "principal_residence"): (80, 75),
    ("cash_out_refinance", "second_home"): (75, 75),
    ("cash_out_refinance", "investment"): (75, 70),
}
RESERVES_MONTHS = {"principal_residence": 0, "second_home": 2, "investment": 6}


def max_ltv(purpose: str, occupancy: str, units: int) -> int:
    one, many = MATRIX[(purpose, occupancy)]
    return one if units == 1 else many


@dataclass
class Fee:
    key: str
    section: str  # LE section (A, B, C, E, F, G, H)
    name: str
    le: Decimal | None  # whole dollars on the LE; None: not disclosed on the LE
    cd: Decimal | None
    cd_section: str | None
    fc: bool  # prepaid finance charge
    tolerance: str  # zero | ten | unlimited
    detail: str = ""


@dataclass
class Disclosure:
    """One disclosure's computed figures (LE or CD)."""

    pfc: Decimal
    amount_financed: Decimal
    finance_charge: Decimal
    total_of_payments: Decimal
    apr: Decimal
    loan_costs: Decimal  # D = A + B + C
    other_costs: Decimal  # I = E + F + G + H
    closing_costs: Decimal  # J
    cash_to_close: Decimal
    lender_credit: Decimal
    sections: dict[str, Decimal] = field(default_factory=dict)


_NAMES: dict[str, tuple[str, str, str]] = {
    "origination": ("Origination Fee", "Loan Origination Fee", "Lender Origination Charge"),
    "points": ("Discount Points", "Points - Loan Discount", "Loan Discount Points"),
    "underwriting": ("Underwriting Fee", "Underwriting", "UW Fee"),
    "processing": ("Processing Fee", "Processing", "Application Fee"),
    "docprep": ("Document Preparation Fee", "Doc Prep Fee", "Document Preparation"),
    "appraisal": ("Appraisal Fee", "Appraisal", "Appraisal Fee (AMC)"),
    "credit": ("Credit Report Fee", "Credit Report", "Credit Reporting Fee"),
    "flood": ("Flood Determination Fee", "Flood Certification", "Flood Cert Fee"),
    "tax_service": ("Tax Service Fee", "Tax Monitoring Fee", "Tax Status Research Fee"),
    "lenders_title": (
        "Title - Lender's Title Insurance",
        "Title - Lender's Title Policy",
        "Title - Lender's Coverage Premium",
    ),
    "settlement": ("Title - Settlement Agent Fee", "Title - Closing Fee", "Title - Settlement Fee"),
    "endorsement": (
        "Title - Endorsement Fees",
        "Title - Endorsements",
        "Title - ALTA Endorsements",
    ),
    "survey": ("Survey Fee", "Survey", "Land Survey Fee"),
    "pest": ("Pest Inspection Fee", "Pest Inspection", "Termite Inspection"),
    "recording": ("Recording Fees", "Recording Fees", "Recording Fees"),
    "transfer_tax": ("Transfer Tax", "State Transfer Tax", "Transfer Taxes"),
    "ins_premium": (
        "Homeowner's Insurance Premium (12 mo.)",
        "Homeowner's Insurance Premium",
        "Hazard Insurance Premium (12 mo.)",
    ),
    "prepaid_interest": ("Prepaid Interest", "Prepaid Interest", "Prepaid Interest"),
    "prop_tax_f": ("Property Taxes", "County Property Taxes", "Property Taxes"),
    "escrow_ins": ("Homeowner's Insurance", "Homeowner's Insurance", "Hazard Insurance"),
    "escrow_tax": ("Property Taxes", "Property Taxes", "County Property Tax"),
    "aggregate": ("Aggregate Adjustment", "Aggregate Adjustment", "Aggregate Adj."),
    "owners_title": (
        "Title - Owner's Title Insurance (optional)",
        "Title - Owner's Title Policy (optional)",
        "Title - Owner's Coverage Premium (optional)",
    ),
    "warranty": ("Home Warranty Fee (optional)", "Home Warranty", "Home Warranty Plan"),
}
_FC = frozenset(
    {
        "origination",
        "points",
        "underwriting",
        "processing",
        "docprep",
        "flood",
        "tax_service",
        "settlement",
        "prepaid_interest",
    }
)


def _u(rng: random.Random, lo: float, hi: float) -> Decimal:
    return D(str(round(rng.uniform(lo, hi), 6)))


def new_fee(key: str, section: str, scheme: int, le: Decimal | None, tol: str) -> Fee:
    return Fee(key, section, _NAMES[key][scheme], le, None, None, key in _FC, tol)


def make_fees(
    rng: random.Random,
    *,
    scheme: int,
    loan: Decimal,
    price: Decimal | None,
    purpose: str,
    tax_annual: Decimal,
    premium: Decimal,
) -> list[Fee]:
    """LE estimates (whole dollars); CD amounts are filled by `finalise_fees`."""
    fees: list[Fee] = []
    w = dollars
    if rng.random() < 0.6:
        fees.append(new_fee("origination", "A", scheme, w(loan * _u(rng, 0.0025, 0.01)), "zero"))
    else:
        fees.append(
            new_fee("origination", "A", scheme, D(rng.choice((995, 1195, 1295, 1495))), "zero")
        )
    fees.append(
        new_fee("underwriting", "A", scheme, D(rng.choice((595, 795, 895, 995, 1195))), "zero")
    )
    if rng.random() < 0.7:
        fees.append(new_fee("processing", "A", scheme, D(rng.choice((395, 495, 595, 695))), "zero"))
    if rng.random() < 0.35:
        pts = rng.choice((D("0.125"), D("0.25"), D("0.375"), D("0.5")))
        f = new_fee("points", "A", scheme, w(loan * pts / 100), "zero")
        f.detail = f"{pts}%"
        fees.append(f)
    fees.append(
        new_fee("appraisal", "B", scheme, D(rng.choice((475, 525, 550, 595, 650, 725))), "zero")
    )
    fees.append(new_fee("credit", "B", scheme, D(rng.randint(45, 140)), "zero"))
    fees.append(new_fee("flood", "B", scheme, D(rng.randint(8, 20)), "zero"))
    if rng.random() < 0.8:
        fees.append(new_fee("tax_service", "B", scheme, D(rng.randint(45, 95)), "zero"))
    fees.append(new_fee("lenders_title", "C", scheme, w(loan * _u(rng, 0.0025, 0.005)), "ten"))
    fees.append(new_fee("settlement", "C", scheme, D(rng.randint(45, 110) * 10), "ten"))
    fees.append(new_fee("endorsement", "C", scheme, D(rng.randint(5, 25) * 10), "ten"))
    if purpose == "purchase" and rng.random() < 0.5:
        fees.append(new_fee("survey", "C", scheme, D(rng.randint(35, 65) * 10), "ten"))
    if purpose == "purchase" and rng.random() < 0.4:
        fees.append(new_fee("pest", "C", scheme, D(rng.randint(75, 150)), "ten"))
    fees.append(new_fee("recording", "E", scheme, D(rng.randint(80, 350)), "ten"))
    if purpose == "purchase" and price is not None and rng.random() < 0.5:
        fees.append(new_fee("transfer_tax", "E", scheme, w(price * _u(rng, 0.001, 0.004)), "zero"))
    if purpose == "purchase" or rng.random() < 0.5:
        fees.append(new_fee("ins_premium", "F", scheme, w(premium), "unlimited"))
    fees.append(new_fee("prepaid_interest", "F", scheme, ZERO, "unlimited"))
    if rng.random() < 0.3:
        f = new_fee("prop_tax_f", "F", scheme, w(tax_annual / 12 * rng.randint(2, 6)), "unlimited")
        fees.append(f)
    ins_m, tax_m = cents(premium / 12), cents(tax_annual / 12)
    fees.append(new_fee("escrow_ins", "G", scheme, w(ins_m * rng.randint(2, 3)), "unlimited"))
    fees.append(new_fee("escrow_tax", "G", scheme, w(tax_m * rng.randint(2, 6)), "unlimited"))
    fees.append(new_fee("aggregate", "G", scheme, -w(tax_m * _u(rng, 0, 0.9)), "unlimited"))
    if purpose == "purchase" and price is not None and rng.random() < 0.6:
        fees.append(
            new_fee("owners_title", "H", scheme, w(price * _u(rng, 0.002, 0.004)), "unlimited")
        )
    if purpose == "purchase" and rng.random() < 0.2:
        fees.append(new_fee("warranty", "H", scheme, D(rng.randint(45, 65) * 10), "unlimited"))
    return fees


def finalise_fees(
    rng: random.Random,
    fees: list[Fee],
    *,
    shopped: bool,
    loan: Decimal,
    rate: Decimal,
    disbursement: date,
    le_interest_days: int,
    premium: Decimal,
    tax_annual: Decimal,
) -> None:
    """CD amounts from the LE estimates under the tolerance rules (clean)."""
    daily = cents(loan * rate / 100 / 365)
    nxt = date(disbursement.year + (disbursement.month == 12), disbursement.month % 12 + 1, 1)
    days = (nxt - disbursement).days
    ins_m, tax_m = cents(premium / 12), cents(tax_annual / 12)
    for f in fees:
        f.cd_section = f.section
        le = f.le if f.le is not None else ZERO
        if f.key == "prepaid_interest":
            f.le = dollars(daily * le_interest_days)
            f.cd = cents(daily * days)
            f.detail = f"{daily}|{days}|{disbursement.isoformat()}|{nxt.isoformat()}"
        elif f.section in ("A", "B") or f.key == "transfer_tax":
            f.cd = cents(le)
        elif f.section == "C":
            if shopped:
                f.cd = cents(le * _u(rng, 0.8, 1.35))
                f.tolerance = "unlimited"
            else:
                f.cd = cents(le * _u(rng, 0.95, 1.07))
                f.cd_section = "B"
        elif f.key == "recording":
            f.cd = cents(le * _u(rng, 0.9, 1.07))
        elif f.key == "ins_premium":
            f.cd = cents(premium)
        elif f.key == "escrow_ins":
            f.cd = cents(ins_m * round(le / ins_m)) if ins_m else ZERO
            f.detail = f"{ins_m}|{round(le / ins_m) if ins_m else 0}"
        elif f.key in ("escrow_tax", "prop_tax_f"):
            n = round(le / tax_m) if tax_m else 0
            f.cd = cents(tax_m * n)
            f.detail = f"{tax_m}|{n}"
        elif f.key == "aggregate":
            f.cd = cents(le * _u(rng, 0.8, 1.1))
        else:
            f.cd = cents(le)


def disclose(
    fees: list[Fee],
    *,
    cd: bool,
    loan: Decimal,
    pi: Decimal,
    term: int,
    lender_credit: Decimal,
    price: Decimal | None,
    payoff: Decimal,
) -> Disclosure:
    """Figures of one disclosure from its fee amounts."""

    def amt(f: Fee) -> Decimal:
        v = f.cd if cd else f.le
        return v if v is not None else ZERO

    sections: dict[str, Decimal] = {}
    for f in fees:
        sec = (f.cd_section or f.section) if cd else f.section
        if (f.cd if cd else f.le) is None:
            continue
        sections[sec] = sections.get(sec, ZERO) + amt(f)
    pfc = sum((amt(f) for f in fees if f.fc and (f.cd if cd else f.le) is not None), ZERO)
    af = loan - pfc
    top = pi * term
    loan_costs = sum((sections.get(s, ZERO) for s in "ABC"), ZERO)
    other = sum((sections.get(s, ZERO) for s in "EFGH"), ZERO)
    closing = loan_costs + other - lender_credit
    ctc = price - loan + closing if price is not None else payoff + closing - loan
    return Disclosure(
        pfc,
        af,
        top - af,
        top,
        apr(af, pi, term),
        loan_costs,
        other,
        closing,
        ctc,
        lender_credit,
        sections,
    )


def first_payment(disbursement: date) -> date:
    m = disbursement.month + 2
    return date(disbursement.year + (m - 1) // 12, (m - 1) % 12 + 1, 1)


def add_months(d: date, n: int) -> date:
    m = d.month - 1 + n
    return date(d.year + m // 12, m % 12 + 1, min(d.day, 28))


def month_end(d: date) -> date:
    return date(d.year + (d.month == 12), d.month % 12 + 1, 1) - timedelta(days=1)
