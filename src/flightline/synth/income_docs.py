"""Income and asset documents printed from a Scenario: paystubs, W-2s, VOEs,
1040s, bank statements, gift letters and letters of explanation."""

from __future__ import annotations

import random
from datetime import date, timedelta

from flightline.pipeline.model import DocType, Value
from flightline.synth.documents import Doc, accounts_of, addr_style, dsum, legal_name, name_as
from flightline.synth.fmt import fmt_name
from flightline.synth.money import ZERO, D
from flightline.synth.people import SS_WAGE_BASE, Borrower, Paycheck, year_totals
from flightline.synth.scenario import Scenario

# ----------------------------------------------------------------------------- income


def paystubs(rng: random.Random, sc: Scenario, b: Borrower, count: int) -> list[Doc]:
    job = b.job
    last = sc.dates.paystub[b.idx]
    idx = next(i for i, c in enumerate(job.checks) if c.pay_date == last)
    picks = [c for c in job.checks[max(0, idx - count + 1) : idx + 1] if c.year == last.year]
    no_ytd = b.idx == 1 and sc.plan.has("AGE-002", "no_ytd")
    name = name_as(rng, b.person)
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
    name = name_as(rng, b.person, ("full", "upper", "no_middle", "full_middle"))
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
    name = legal_name(rng, b.person)
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
            "employee_name": name_as(rng, b.person, ("full", "no_middle", "last_first")),
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
        wages = dsum(
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
            "taxpayer_name": name_as(rng, grp[0].person, ("full", "upper", "no_middle")),
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
    for a in accounts_of(sc):
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
    ast = addr_style(rng)
    for g in sc.gifts:
        if not g.letter:
            continue
        f: dict[str, Value] = {
            "donor_name": fmt_name(g.donor, "full"),
            "donor_relationship": g.relationship,
            "borrower_name": legal_name(rng, sc.borrowers[0].person),
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
            "borrower_name": legal_name(rng, sc.borrowers[0].person),
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
            "borrower_name": legal_name(rng, sc.borrowers[0].person),
            "letter_date": sc.dates.app + timedelta(days=rng.randint(1, 8)),
            "subject": "Credit Inquiries",
        }
        out.append(Doc(DocType.letter_of_explanation, f, {}, {"inquiry": True}, 1, "LOE credit"))
    return out
