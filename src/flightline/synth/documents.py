"""Logical documents printed from a Scenario: each carries the true field
values (contract names of `pipeline.model.FIELDS`/`ROWS`, as printed) plus
the extra details its templates need."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from flightline.pipeline.model import DocType, Value
from flightline.synth import calendar as cal
from flightline.synth.fmt import NAME_KINDS, AddrStyle, Person, fmt_name, random_addr_style
from flightline.synth.funds import Account
from flightline.synth.money import ZERO, D, cents, pct, q
from flightline.synth.scenario import Scenario

Rows = dict[str, list[dict[str, Value]]]


@dataclass(eq=False)
class Doc:
    type: DocType
    fields: dict[str, Value]
    rows: Rows = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    borrower: int | None = None
    label: str = ""
    template: str = ""
    pdf: bytes = b""
    pages: int = 0
    scanned: bool = False


def name_as(rng: random.Random, p: Person, kinds: tuple[str, ...] = NAME_KINDS) -> str:
    return fmt_name(p, rng.choice(kinds))


def legal_name(rng: random.Random, p: Person) -> str:
    return fmt_name(p, rng.choice(("full", "full_middle", "no_middle")))


def addr_style(rng: random.Random) -> AddrStyle:
    return random_addr_style(rng)


def dsum(xs: list[Decimal]) -> Decimal:
    return sum(xs, ZERO)


# ----------------------------------------------------------------------------- application


def urla_docs(rng: random.Random, sc: Scenario) -> list[Doc]:
    out: list[Doc] = []
    ast = addr_style(rng)
    prop = sc.prop
    b1 = sc.borrowers[0]
    co = sc.borrowers[1] if len(sc.borrowers) > 1 else None
    assets: list[dict[str, Value]] = [
        {"institution": a.institution, "account_last4": a.last4, "value": a.latest.closing}
        for a in accounts_of(sc)
    ]
    liabilities: list[dict[str, Value]] = [
        {
            "creditor": t.creditor if rng.random() < 0.5 else t.creditor.title(),
            "balance": t.balance,
            "monthly_payment": t.payment,
        }
        for t in sc.tradelines
        if t.on_urla and t.status == "open" and t.balance > 0
    ]
    paid_off = [t.creditor for t in sc.tradelines if t.paid_off]
    for b in sc.borrowers:
        f: dict[str, Value] = {
            "borrower_name": legal_name(rng, b.person),
            "ssn_last4": b.ssn4,
            "application_date": sc.dates.app,
            "employer_name": b.job.employer,
            "employment_start_date": b.job.start,
            "loan_amount": sc.loan.amount,
            "loan_purpose": prop.purpose,
            "occupancy": prop.occupancy,
            "property_address": ast.one(prop.address),
            "units": prop.units,
        }
        other = co if b.idx == 1 else b1
        if other is not None:
            f["co_borrower_name"] = legal_name(rng, other.person)
            f["co_borrower_ssn_last4"] = other.ssn4
        if prop.price is not None:
            f["sale_price"] = prop.price
        inc = b.stated
        f["income_base_monthly"] = inc.get("base", ZERO)
        f["income_overtime_monthly"] = inc.get("overtime", ZERO)
        f["income_bonus_monthly"] = inc.get("bonus", ZERO)
        f["income_commission_monthly"] = ZERO
        f["income_other_monthly"] = ZERO
        f["income_total_monthly"] = dsum(list(inc.values()))
        rows: Rows = {}
        if b.idx == 1:
            rows = {"assets": list(assets), "liabilities": list(liabilities)}
        out.append(
            Doc(
                DocType.urla_1003,
                f,
                rows,
                {
                    "addr_style": ast,
                    "borrower": b,
                    "paid_off": paid_off,
                    "additional": b.idx > 1,
                    "gifts": [(g.relationship, g.amount) for g in sc.gifts],
                },
                b.idx,
                "URLA" if b.idx == 1 else "URLA additional borrower",
            )
        )
    return out


def accounts_of(sc: Scenario) -> list[Account]:
    return [a for a in sc.accounts if isinstance(a, Account)]


def _dti(sc: Scenario, urla_only: bool) -> tuple[Decimal, Decimal]:
    inc = sc.qual_total
    debts = dsum([t.payment for t in sc.tradelines if t.counts and (t.on_urla or not urla_only)])
    return pct(sc.loan.pitia, inc, 3), pct(sc.loan.pitia + debts, inc, 3)


def ltv(sc: Scenario) -> Decimal:
    p = sc.prop
    base = min(p.price, p.appraised) if p.price is not None else p.appraised
    return pct(sc.loan.amount, base, 3)


def rep_score(sc: Scenario) -> int:
    return min(sorted(s.values())[1] for s in sc.scores.values())


def transmittal(rng: random.Random, sc: Scenario) -> Doc:
    front, back = _dti(sc, urla_only=True)
    back = q(back + sc.mismatch_1008, 3)
    f: dict[str, Value] = {
        "borrower_name": legal_name(rng, sc.borrowers[0].person),
        "qualifying_income_monthly": cents(sc.qual_total),
        "dti_front": front,
        "dti_back": back,
        "ltv": ltv(sc),
        "cltv": ltv(sc),
        "note_rate": sc.loan.rate,
        "loan_amount": sc.loan.amount,
        "appraised_value": sc.prop.appraised,
        "representative_score": rep_score(sc),
        "loan_purpose": sc.prop.purpose,
        "occupancy": sc.prop.occupancy,
        "units": sc.prop.units,
    }
    if sc.prop.price is not None:
        f["sale_price"] = sc.prop.price
    return Doc(
        DocType.transmittal_1008, f, {}, {"sc": sc, "addr_style": addr_style(rng)}, None, "1008"
    )


def aus(rng: random.Random, sc: Scenario, transmittal_doc: Doc) -> Doc:
    back = transmittal_doc.fields["dti_back"]
    assert isinstance(back, Decimal)
    rec = rng.choice(("du", "lpa"))
    ok = back <= 50
    recommendation = (
        ("Approve/Eligible" if ok else "Refer with Caution")
        if rec == "du"
        else ("Accept" if ok else "Caution")
    )
    f: dict[str, Value] = {
        "borrower_name": name_as(
            rng, sc.borrowers[0].person, ("upper", "full", "upper_last_first")
        ),
        "recommendation": recommendation,
        "casefile_id": str(rng.randint(1000000000, 1999999999))
        if rec == "du"
        else f"L{rng.randint(10000000, 99999999)}",
        "dti_back": q(back, 2),
        "ltv": q(ltv(sc), 2),
        "loan_amount": sc.loan.amount,
        "submission_date": max(sc.dates.app, cal.add_general(sc.dates.note, -rng.randint(2, 9))),
    }
    return Doc(
        DocType.aus_findings,
        f,
        {},
        {"sc": sc, "engine": rec, "front": transmittal_doc.fields["dti_front"]},
        None,
        "AUS",
    )


# ----------------------------------------------------------------------------- credit


def credit_report(rng: random.Random, sc: Scenario) -> Doc:
    b1 = sc.borrowers[0]
    kind = rng.choice(("upper", "upper_last_first", "full"))
    f: dict[str, Value] = {
        "report_date": sc.dates.credit_report,
        "borrower_name": fmt_name(b1.person, kind),
        "ssn_last4": b1.ssn4,
    }
    if len(sc.borrowers) > 1:
        f["co_borrower_name"] = fmt_name(sc.borrowers[1].person, kind)
        f["co_borrower_ssn_last4"] = sc.borrowers[1].ssn4
    scores: list[dict[str, Value]] = [
        {"borrower": i, "bureau": bureau, "score": s}
        for i, d in sorted(sc.scores.items())
        for bureau, s in d.items()
    ]
    trades: list[dict[str, Value]] = [
        {
            "creditor": t.creditor.upper(),
            "balance": t.balance,
            "monthly_payment": t.payment,
            "account_type": t.account_type,
        }
        for t in sc.tradelines
    ]
    return Doc(
        DocType.credit_report,
        f,
        {"scores": scores, "tradelines": trades},
        {"sc": sc, "lines": sc.tradelines},
        None,
        "credit report",
    )


# ----------------------------------------------------------------------------- property


def appraisal(rng: random.Random, sc: Scenario) -> Doc:
    p = sc.prop
    ast = addr_style(rng)
    f: dict[str, Value] = {
        "effective_date": sc.dates.appraisal,
        "appraised_value": p.appraised,
        "property_address": ast.one(p.address),
        "units": p.units,
        "borrower_name": fmt_name(sc.borrowers[0].person, rng.choice(("full", "no_middle"))),
        "form_type": "1004" if p.units == 1 else "1025",
    }
    if p.price is not None:
        f["sale_price"] = p.price
    return Doc(DocType.appraisal_1004, f, {}, {"sc": sc, "addr_style": ast}, None, "appraisal")


def title_commitment(rng: random.Random, sc: Scenario) -> Doc:
    ast = addr_style(rng)
    vesting = (
        " and ".join(sc.prop.sellers)
        if sc.prop.purpose == "purchase"
        else " and ".join(fmt_name(b.person, "full") for b in sc.borrowers)
    )
    f: dict[str, Value] = {
        "effective_date": sc.dates.title,
        "proposed_insured": f"{sc.parties.lender}, its successors and/or assigns",
        "vesting": vesting,
        "property_address": ast.one(sc.prop.address),
        "insured_amount": sc.loan.amount,
    }
    return Doc(DocType.title_commitment, f, {}, {"sc": sc, "addr_style": ast}, None, "title")


def hazard(rng: random.Random, sc: Scenario) -> Doc:
    ast = addr_style(rng)
    eff = (
        sc.dates.disbursement
        if sc.prop.purpose == "purchase"
        else (sc.dates.note - timedelta(days=rng.randint(30, 300)))
    )
    names = [fmt_name(b.person, "full") for b in sc.borrowers]
    f: dict[str, Value] = {
        "insured_name": " and ".join(names) if sc.married else names[0],
        "property_address": ast.one(sc.prop.address),
        "annual_premium": sc.prop.premium,
        "coverage_amount": sc.prop.coverage,
        "effective_date": eff,
        "expiration_date": eff.replace(year=eff.year + 1)
        if not (eff.month == 2 and eff.day == 29)
        else date(eff.year + 1, 3, 1),
    }
    return Doc(DocType.hazard_insurance, f, {}, {"sc": sc}, None, "hazard")


def flood(rng: random.Random, sc: Scenario) -> Doc:
    ast = addr_style(rng)
    f: dict[str, Value] = {
        "property_address": ast.one(sc.prop.address),
        "flood_zone": sc.prop.flood_zone,
        "determination_date": sc.dates.flood,
    }
    return Doc(DocType.flood_certificate, f, {}, {"sc": sc}, None, "flood cert")


# ----------------------------------------------------------------------------- disclosures


def _fee_rows(sc: Scenario, cd: bool) -> list[dict[str, Value]]:
    rows: list[dict[str, Value]] = []
    for fee in sc.loan.fees:
        amt = fee.cd if cd else fee.le
        if amt is None:
            continue
        sec = (fee.cd_section or fee.section) if cd else fee.section
        rows.append({"section": sec, "name": fee.name, "amount": amt})
    order = "ABCDEFGH"
    return sorted(rows, key=lambda r: order.index(str(r["section"])))


def loan_estimate(rng: random.Random, sc: Scenario) -> Doc:
    ast = addr_style(rng)
    le = sc.loan.le
    f: dict[str, Value] = {
        "date_issued": sc.dates.le,
        "borrower_name": legal_name(rng, sc.borrowers[0].person),
        "property_address": ast.one(sc.prop.address),
        "loan_amount": sc.loan.amount,
        "interest_rate": sc.loan.rate,
        "monthly_pi": sc.loan.pi,
        "loan_term_months": sc.loan.term,
        "loan_purpose": sc.prop.purpose,
        "apr": q(le.apr, 3),
        "cash_to_close": le.cash_to_close.quantize(D(1)),
    }
    return Doc(
        DocType.loan_estimate,
        f,
        {"fees": _fee_rows(sc, cd=False)},
        {"sc": sc, "addr_style": ast},
        None,
        "LE",
    )


def closing_disclosures(rng: random.Random, sc: Scenario) -> list[Doc]:
    ast = addr_style(rng)
    cd = sc.loan.cd
    d = sc.dates
    name = legal_name(rng, sc.borrowers[0].person)
    issues: list[tuple[date, date | None, str]] = [(d.cd_issued, d.cd_received, d.cd_delivery)]
    if d.final_cd and d.note != d.cd_issued:
        issues.append((d.note, d.note, "hand"))
    out: list[Doc] = []
    for issued, received, delivery in issues:
        f: dict[str, Value] = {
            "date_issued": issued,
            "closing_date": d.note,
            "disbursement_date": d.disbursement,
            "borrower_name": name,
            "property_address": ast.one(sc.prop.address),
            "loan_amount": sc.loan.amount,
            "interest_rate": sc.loan.rate,
            "monthly_pi": sc.loan.pi,
            "loan_term_months": sc.loan.term,
            "loan_purpose": sc.prop.purpose,
            "estimated_escrow_monthly": sc.loan.escrow,
            "estimated_total_monthly_payment": sc.loan.pitia,
            "apr": sc.loan.cd_apr,
            "finance_charge": sc.loan.cd_finance_charge,
            "amount_financed": sc.loan.cd_amount_financed,
            "total_of_payments": cd.total_of_payments,
            "cash_to_close": cd.cash_to_close,
            "lender_credit": cd.lender_credit,
        }
        if sc.prop.price is not None:
            f["sale_price"] = sc.prop.price
        if received is not None:
            f["received_date"] = received
        out.append(
            Doc(
                DocType.closing_disclosure,
                f,
                {
                    "fees": _fee_rows(sc, cd=True),
                    **(
                        {
                            "payoffs": [
                                {"creditor": sc.loan.payoff_creditor, "amount": sc.loan.payoff}
                            ]
                        }
                        if sc.prop.price is None
                        else {}
                    ),
                },
                {"sc": sc, "addr_style": ast, "delivery": delivery},
                None,
                "CD" if len(out) == 0 else "CD final",
            )
        )
    return out


# ----------------------------------------------------------------------------- closing


def note(rng: random.Random, sc: Scenario) -> Doc:
    ast = addr_style(rng)
    f: dict[str, Value] = {
        "note_date": sc.dates.note,
        "borrower_name": legal_name(rng, sc.borrowers[0].person),
        "principal_amount": sc.loan.amount,
        "interest_rate": sc.loan.rate,
        "monthly_pi": sc.loan.pi,
        "loan_term_months": sc.loan.term,
        "first_payment_date": sc.loan.first_payment,
        "maturity_date": sc.loan.maturity,
        "property_address": ast.one(sc.prop.address),
        "lender": sc.parties.lender,
    }
    if len(sc.borrowers) > 1:
        f["co_borrower_name"] = legal_name(rng, sc.borrowers[1].person)
    return Doc(DocType.note, f, {}, {"sc": sc, "addr_style": ast}, None, "note")


def security_instrument(rng: random.Random, sc: Scenario) -> Doc:
    ast = addr_style(rng)
    names = [legal_name(rng, b.person) for b in sc.borrowers]
    f: dict[str, Value] = {
        "instrument_date": sc.dates.note,
        "borrower_name": names[0],
        "lender": sc.parties.lender,
        "loan_amount": sc.loan.amount,
        "property_address": ast.one(sc.prop.address),
    }
    return Doc(
        DocType.security_instrument,
        f,
        {},
        {"sc": sc, "addr_style": ast, "names": names},
        None,
        "security instrument",
    )


def rescission_notices(rng: random.Random, sc: Scenario) -> list[Doc]:
    d = sc.dates
    if d.rescission_deadline is None:
        return []
    ast = addr_style(rng)
    out: list[Doc] = []
    for b in sc.borrowers:
        f: dict[str, Value] = {
            "borrower_name": legal_name(rng, b.person),
            "transaction_date": d.note,
            "rescission_deadline_date": d.rescission_deadline,
            "property_address": ast.one(sc.prop.address),
        }
        out.append(Doc(DocType.right_to_cancel, f, {}, {"sc": sc}, b.idx, "right to cancel"))
    return out
