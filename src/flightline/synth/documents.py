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
from flightline.synth.people import SS_WAGE_BASE, Borrower, Paycheck, year_totals
from flightline.synth.scenario import Scenario

Rows = dict[str, list[dict[str, Value]]]


@dataclass
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


def _name(rng: random.Random, p: Person, kinds: tuple[str, ...] = NAME_KINDS) -> str:
    return fmt_name(p, rng.choice(kinds))


def _legal(rng: random.Random, p: Person) -> str:
    return fmt_name(p, rng.choice(("full", "full_middle", "no_middle")))


def _addr(rng: random.Random) -> AddrStyle:
    return random_addr_style(rng)


def _sum(xs: list[Decimal]) -> Decimal:
    return sum(xs, ZERO)


# ----------------------------------------------------------------------------- application


def urla_docs(rng: random.Random, sc: Scenario) -> list[Doc]:
    out: list[Doc] = []
    ast = _addr(rng)
    prop = sc.prop
    b1 = sc.borrowers[0]
    co = sc.borrowers[1] if len(sc.borrowers) > 1 else None
    assets: list[dict[str, Value]] = [
        {"institution": a.institution, "account_last4": a.last4, "value": a.latest.closing}
        for a in _accounts(sc)
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
            "borrower_name": _legal(rng, b.person),
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
            f["co_borrower_name"] = _legal(rng, other.person)
            f["co_borrower_ssn_last4"] = other.ssn4
        if prop.price is not None:
            f["sale_price"] = prop.price
        inc = b.stated
        f["income_base_monthly"] = inc.get("base", ZERO)
        f["income_overtime_monthly"] = inc.get("overtime", ZERO)
        f["income_bonus_monthly"] = inc.get("bonus", ZERO)
        f["income_commission_monthly"] = ZERO
        f["income_other_monthly"] = ZERO
        f["income_total_monthly"] = _sum(list(inc.values()))
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


def _accounts(sc: Scenario) -> list[Account]:
    return [a for a in sc.accounts if isinstance(a, Account)]


def _dti(sc: Scenario, urla_only: bool) -> tuple[Decimal, Decimal]:
    inc = sc.qual_total
    debts = _sum([t.payment for t in sc.tradelines if t.counts and (t.on_urla or not urla_only)])
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
        "borrower_name": _legal(rng, sc.borrowers[0].person),
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
    return Doc(DocType.transmittal_1008, f, {}, {"sc": sc, "addr_style": _addr(rng)}, None, "1008")


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
        "borrower_name": _name(rng, sc.borrowers[0].person, ("upper", "full", "upper_last_first")),
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


# ----------------------------------------------------------------------------- income


def paystubs(rng: random.Random, sc: Scenario, b: Borrower, count: int) -> list[Doc]:
    job = b.job
    last = sc.dates.paystub[b.idx]
    idx = next(i for i, c in enumerate(job.checks) if c.pay_date == last)
    picks = [c for c in job.checks[max(0, idx - count + 1) : idx + 1] if c.year == last.year]
    no_ytd = b.idx == 1 and sc.plan.has("AGE-002", "no_ytd")
    name = _name(rng, b.person)
    out: list[Doc] = []
    for c in picks:
        out.append(_paystub(rng, b, c, name, no_ytd))
    return out


def _paystub(rng: random.Random, b: Borrower, c: Paycheck, name: str, no_ytd: bool) -> Doc:
    job = b.job
    f: dict[str, Value] = {
        "employer_name": job.employer if rng.random() < 0.7 else job.employer.upper(),
        "employee_name": name,
        "ssn_last4": b.ssn4,
        "pay_period_start_date": c.start,
        "pay_period_end_date": c.end,
        "pay_date": c.pay_date,
        "pay_frequency": job.frequency,
        "gross_current": c.gross,
        "net_pay": c.net,
    }
    if job.hourly_rate is not None and c.hours is not None:
        f["hourly_rate"] = job.hourly_rate
        f["hours"] = c.hours
    elif job.annual_salary is not None and rng.random() < 0.5:
        f["annual_salary"] = job.annual_salary
    earnings: list[dict[str, Value]] = [
        {"kind": "regular", "current_amount": c.regular, "ytd_amount": c.ytd["regular"]}
    ]
    if job.var_kind and (c.variable or c.ytd.get("variable")):
        earnings.append(
            {"kind": job.var_kind, "current_amount": c.variable, "ytd_amount": c.ytd["variable"]}
        )
    if no_ytd:
        for e in earnings:
            del e["ytd_amount"]
    else:
        f["gross_ytd"] = c.ytd["gross"]
    return Doc(
        DocType.paystub,
        f,
        {"earnings": earnings},
        {
            "check": c,
            "job": job,
            "no_ytd": no_ytd,
            "addr": b.address,
        },
        b.idx,
        f"paystub {c.pay_date.isoformat()}",
    )


def w2s(rng: random.Random, sc: Scenario, b: Borrower) -> list[Doc]:
    out: list[Doc] = []
    name = _name(rng, b.person, ("full", "upper", "no_middle", "full_middle"))
    for year in (sc.year - 1, sc.year - 2):
        t = year_totals(b.job, year)
        gross, k401, health = t["gross"], t["k401"], t["health"]
        medicare = gross - health
        f: dict[str, Value] = {
            "tax_year": year,
            "employer_name": b.job.employer.upper() if rng.random() < 0.5 else b.job.employer,
            "employer_ein": b.job.ein,
            "employee_name": name,
            "ssn_last4": b.ssn4,
            "box1_wages": gross - k401 - health,
            "box3_ss_wages": min(medicare, D(SS_WAGE_BASE[year])),
            "box5_medicare_wages": medicare,
        }
        out.append(
            Doc(
                DocType.w2,
                f,
                {},
                {"totals": t, "job": b.job, "addr": b.address, "k401": k401},
                b.idx,
                f"W-2 {year}",
            )
        )
    return out


def voes(rng: random.Random, sc: Scenario, b: Borrower) -> list[Doc]:
    job = b.job
    through = sc.voe_through[b.idx]
    out: list[Doc] = []
    ytd = {"regular": ZERO, "variable": ZERO}
    for c in job.checks:
        if c.year == through.year and c.pay_date <= through:
            ytd = {"regular": c.ytd["regular"], "variable": c.ytd.get("variable", ZERO)}
    p1 = year_totals(job, through.year - 1)
    p2 = year_totals(job, through.year - 2)
    ot = job.var_kind == "overtime"
    name = _legal(rng, b.person)
    f: dict[str, Value] = {
        "employer_name": job.employer,
        "employee_name": name,
        "ssn_last4": b.ssn4,
        "position": job.position,
        "employment_start_date": job.start,
        "verification_date": sc.dates.voe_written[b.idx],
        "base_pay_rate": job.hourly_rate
        if job.hourly_rate is not None
        else job.annual_salary or ZERO,
        "pay_frequency": job.frequency,
        "ytd_base_income": ytd["regular"],
        "ytd_overtime_income": ytd["variable"] if ot else ZERO,
        "ytd_bonus_income": ZERO if ot else ytd["variable"],
        "prior_year_base_income": p1["regular"],
        "prior_year_overtime_income": p1.get("variable", ZERO) if ot else ZERO,
        "prior_year_bonus_income": ZERO if ot else p1.get("variable", ZERO),
        "ytd_through_date": through,
    }
    extra = {
        "job": job,
        "rate_period": "hourly" if job.hourly_rate is not None else "annual",
        "prior_year2": {
            "base": p2["regular"],
            "overtime": p2.get("variable", ZERO) if ot else ZERO,
            "bonus": ZERO if ot else p2.get("variable", ZERO),
        },
        "year": through.year,
        "verifier": None,
    }
    out.append(Doc(DocType.voe, f, {}, extra, b.idx, "VOE written"))
    verbal = sc.dates.voe_verbal.get(b.idx)
    if verbal is not None:
        g: dict[str, Value] = {
            "employer_name": job.employer,
            "employee_name": _name(rng, b.person, ("full", "no_middle", "last_first")),
            "ssn_last4": b.ssn4,
            "position": job.position,
            "employment_start_date": job.start,
            "verification_date": verbal,
        }
        out.append(Doc(DocType.voe, g, {}, {"job": job, "verbal": True}, b.idx, "VOE verbal"))
    return out


def tax_returns(rng: random.Random, sc: Scenario) -> list[Doc]:
    year = sc.year - 1 if sc.dates.app >= date(sc.year, 4, 20) else sc.year - 2
    groups: list[list[Borrower]] = (
        [sc.borrowers] if sc.married or len(sc.borrowers) == 1 else [[b] for b in sc.borrowers]
    )
    out: list[Doc] = []
    for grp in groups:
        wages = _sum(
            [
                year_totals(b.job, year)["gross"]
                - year_totals(b.job, year)["k401"]
                - year_totals(b.job, year)["health"]
                for b in grp
            ]
        )
        interest = D(rng.randint(0, 900))
        adj = D(rng.choice((0, 0, 250, 300, 2500)))
        status = (
            "married_filing_jointly"
            if len(grp) == 2
            else ("single" if not sc.married else "married_filing_separately")
        )
        f: dict[str, Value] = {
            "tax_year": year,
            "taxpayer_name": _name(rng, grp[0].person, ("full", "upper", "no_middle")),
            "ssn_last4": grp[0].ssn4,
            "filing_status": status,
            "wages": wages,
            "total_income": wages + interest,
            "adjusted_gross_income": wages + interest - adj,
        }
        out.append(
            Doc(
                DocType.tax_return_1040,
                f,
                {},
                {
                    "people": grp,
                    "interest": interest,
                    "adjustments": adj,
                },
                grp[0].idx,
                f"1040 {year}",
            )
        )
    return out


# ----------------------------------------------------------------------------- assets


def bank_statements(rng: random.Random, sc: Scenario) -> list[Doc]:
    out: list[Doc] = []
    for a in _accounts(sc):
        holders = [sc.borrowers[i - 1] for i in a.holders]
        kind = rng.choice(("upper", "full", "no_middle"))
        names = [fmt_name(b.person, kind) for b in holders]
        holder = (
            names[0]
            if len(names) == 1
            else rng.choice((" and ".join(names), "; ".join(names), " & ".join(names)))
        )
        for st in a.statements:
            f: dict[str, Value] = {
                "holder_name": holder,
                "institution": a.institution,
                "account_last4": a.last4,
                "account_type": a.type,
                "period_start_date": st.start,
                "period_end_date": st.end,
                "opening_balance": st.opening,
                "closing_balance": st.closing,
            }
            deposits: list[dict[str, Value]] = [
                {"date": t.day, "amount": t.amount, "description": t.description}
                for t in st.deposits
            ]
            out.append(
                Doc(
                    DocType.bank_statement,
                    f,
                    {"deposits": deposits},
                    {
                        "statement": st,
                        "account": a,
                        "holders": holders,
                    },
                    a.holders[0],
                    f"bank {a.last4} {st.end.isoformat()}",
                )
            )
    return out


def gift_letters(rng: random.Random, sc: Scenario) -> list[Doc]:
    out: list[Doc] = []
    ast = _addr(rng)
    for g in sc.gifts:
        if not g.letter:
            continue
        f: dict[str, Value] = {
            "donor_name": fmt_name(g.donor, "full"),
            "donor_relationship": g.relationship,
            "borrower_name": _legal(rng, sc.borrowers[0].person),
            "gift_amount": g.amount,
            "gift_date": g.day,
            "property_address": ast.one(sc.prop.address),
            "letter_date": g.day - timedelta(days=rng.randint(0, 6)),
        }
        out.append(Doc(DocType.gift_letter, f, {}, {"gift": g}, 1, "gift letter"))
    return out


def explanations(rng: random.Random, sc: Scenario) -> list[Doc]:
    out: list[Doc] = []
    for day, amt, desc, why in sc.explained:
        f: dict[str, Value] = {
            "borrower_name": _legal(rng, sc.borrowers[0].person),
            "letter_date": max(day, sc.dates.app) + timedelta(days=rng.randint(1, 8)),
            "subject": rng.choice(("Large Deposit", "Explanation of Deposit", "Source of Funds")),
            "explained_amount": amt,
            "explained_date": day,
        }
        out.append(
            Doc(DocType.letter_of_explanation, f, {}, {"why": why, "desc": desc}, 1, "LOE deposit")
        )
    if rng.random() < 0.35:
        f = {
            "borrower_name": _legal(rng, sc.borrowers[0].person),
            "letter_date": sc.dates.app + timedelta(days=rng.randint(1, 8)),
            "subject": "Credit Inquiries",
        }
        out.append(Doc(DocType.letter_of_explanation, f, {}, {"inquiry": True}, 1, "LOE credit"))
    return out


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
    ast = _addr(rng)
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
    ast = _addr(rng)
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
    ast = _addr(rng)
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
    ast = _addr(rng)
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
    ast = _addr(rng)
    le = sc.loan.le
    f: dict[str, Value] = {
        "date_issued": sc.dates.le,
        "borrower_name": _legal(rng, sc.borrowers[0].person),
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
    ast = _addr(rng)
    cd = sc.loan.cd
    d = sc.dates
    name = _legal(rng, sc.borrowers[0].person)
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
                {"fees": _fee_rows(sc, cd=True)},
                {"sc": sc, "addr_style": ast, "delivery": delivery},
                None,
                "CD" if len(out) == 0 else "CD final",
            )
        )
    return out


# ----------------------------------------------------------------------------- closing


def note(rng: random.Random, sc: Scenario) -> Doc:
    ast = _addr(rng)
    f: dict[str, Value] = {
        "note_date": sc.dates.note,
        "borrower_name": _legal(rng, sc.borrowers[0].person),
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
        f["co_borrower_name"] = _legal(rng, sc.borrowers[1].person)
    return Doc(DocType.note, f, {}, {"sc": sc, "addr_style": ast}, None, "note")


def security_instrument(rng: random.Random, sc: Scenario) -> Doc:
    ast = _addr(rng)
    names = [_legal(rng, b.person) for b in sc.borrowers]
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
    ast = _addr(rng)
    out: list[Doc] = []
    for b in sc.borrowers:
        f: dict[str, Value] = {
            "borrower_name": _legal(rng, b.person),
            "transaction_date": d.note,
            "rescission_deadline_date": d.rescission_deadline,
            "property_address": ast.one(sc.prop.address),
        }
        out.append(Doc(DocType.right_to_cancel, f, {}, {"sc": sc}, b.idx, "right to cancel"))
    return out
