"""Assemble a Scenario from a plan, step by step, planting each defect at the
point of the story where it belongs."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from faker import Faker

from flightline.synth import calendar as cal
from flightline.synth.build_assets import build_assets
from flightline.synth.credit import (
    Tradeline,
    creditor,
    make_tradelines,
    mortgage_line,
    scores_around,
)
from flightline.synth.deal import (
    Fee,
    add_months,
    disclose,
    finalise_fees,
    first_payment,
    make_fees,
    new_fee,
)
from flightline.synth.defects import Plan
from flightline.synth.incomecalc import months_elapsed
from flightline.synth.money import ZERO, D, apr, cents, dollars, monthly_pi, q
from flightline.synth.people import build_checks
from flightline.synth.scenario import (
    Loan,
    Scenario,
    make_borrowers,
    parties,
    pick_paystub,
    plan_dates,
    property_and_terms,
    qualifying,
    set_income,
    var_history,
)


def _u(rng: random.Random, lo: float, hi: float) -> Decimal:
    return D(str(round(rng.uniform(lo, hi), 6)))


def build_scenario(
    rng: random.Random,
    fake: Faker,
    plan: Plan,
    seed: int,
    statement_months: int = 2,
    activity: int = 1,
) -> Scenario:
    plan.co_borrower = rng.random() < 0.4
    year = rng.choice((2025, 2026))
    app = cal.next_general(date(year, 4, 1) + timedelta(days=rng.randint(0, 228)))
    dates = plan_dates(rng, plan, app)
    borrowers, married = make_borrowers(rng, fake, plan, year, app)
    home_state = borrowers[0].address.state
    prop, loan_amt, rate, term = property_and_terms(
        rng, fake, plan, home_state if rng.random() < 0.7 else rng.choice(("TX", "CA", "FL"))
    )
    if plan.purpose != "purchase" and plan.occupancy == "principal_residence":
        for b in borrowers:
            if b.idx == 1 or married:
                b.address = prop.address
    who = parties(rng, fake, prop.address.state)
    pi_tax_ins = _terms(loan_amt, rate, term, prop.tax_annual, prop.premium)
    pi, tax_m, ins_m = pi_tax_ins
    pitia = pi + tax_m + ins_m

    # ---- credit: tradelines (DTI calibration adjusts them later)
    used: set[str] = set()
    lines = make_tradelines(rng, app, plan.co_borrower, used)
    owners = (1, 2) if married else (1,)
    payoff = ZERO
    payoff_creditor = ""
    if plan.purpose != "purchase":
        subject_payment = cents(loan_amt * _u(rng, 0.0045, 0.0075))
        placeholder = mortgage_line(rng, app, ZERO, subject_payment, owners, used, True)
        lines.append(placeholder)
        payoff_creditor = placeholder.creditor
    if plan.occupancy != "principal_residence":
        lines.append(
            mortgage_line(
                rng,
                app,
                D(rng.randint(90, 420) * 1000),
                D(rng.randint(1100, 3400)),
                owners,
                used,
                False,
            )
        )
    if plan.has("CRD-002"):
        lines.append(
            Tradeline(
                creditor(rng, "revolving", used),
                "revolving",
                "card",
                D(rng.randint(180, 900)),
                D(rng.randint(15, 30)),
                (1,),
                app - timedelta(days=rng.randint(60, 400)),
                f"{rng.randint(1000, 9999)}****",
                D(rng.randint(5, 20) * 100),
                on_urla=False,
            )
        )
    debts = sum((t.payment for t in lines if t.counts), ZERO)

    # ---- income: calibrated to a target back-end DTI
    if plan.has("DTI-001", "over_cap"):
        target = _u(rng, 0.52, 0.57)
    elif plan.near_has("DTI-001", "over_cap"):
        target = _u(rng, 0.46, 0.48)
    else:
        target = _u(rng, 0.22, 0.43)
    need = (pitia + debts) / target
    if need < 3500:
        need = D(3500)
    shares = [D(1)] if len(borrowers) == 1 else [_u(rng, 0.5, 0.75)]
    if len(borrowers) == 2:
        shares.append(1 - shares[0])
    for b, share in zip(borrowers, shares, strict=True):
        set_income(rng, plan, b, need * share, year)
        build_checks(b.job, rng, date(year - 2, 1, 1), dates.note + timedelta(days=20), year)
    sc_qual: dict[int, Decimal] = {}
    var_hist = {}
    voe_through: dict[int, date] = {}
    declining: dict[int, bool] = {}
    for b in borrowers:
        dates.paystub[b.idx] = pick_paystub(rng, plan, b, app, dates.note)
        written = cal.add_general(app, rng.randint(1, 4))
        if plan.has("INC-004") and b.idx == 1:
            written = min(written, cal.add_general(dates.note, -rng.randint(12, 16)))
        dates.voe_written[b.idx] = written
        if b.idx == 1 and plan.has("INC-004", "missing"):
            dates.voe_verbal[b.idx] = None
        elif b.idx == 1 and plan.has("INC-004", "stale"):
            dates.voe_verbal[b.idx] = cal.add_general(dates.note, -rng.randint(11, 16))
        elif b.idx == 1 and plan.near_has("INC-004"):
            dates.voe_verbal[b.idx] = cal.add_general(dates.note, -10)
        else:
            dates.voe_verbal[b.idx] = cal.add_general(dates.note, -rng.randint(0, 6))
        through = max(c.pay_date for c in b.job.checks if c.pay_date <= written)
        voe_through[b.idx] = through
        h = var_history(b.job, through)
        var_hist[b.idx] = {b.job.var_kind or "bonus": h}
        base, var, dec = qualifying(b, h, through)
        sc_qual[b.idx] = base + var
        declining[b.idx] = dec
    income = sum(sc_qual.values(), ZERO)

    # DTI over the cap or at it exactly: move one debt payment
    if plan.has("DTI-001", "over_cap") or plan.near_has("DTI-001", "over_cap"):
        want = (income * _u(rng, 0.515, 0.56)) if plan.has("DTI-001") else income / 2
        gap = cents(want - pitia - debts)
        if plan.near_has("DTI-001", "over_cap"):
            gap = (want - pitia - debts).quantize(D("0.01"), rounding="ROUND_FLOOR")
        adjustable = [t for t in lines if t.counts and t.account_type == "installment"]
        if adjustable and adjustable[0].payment + gap > 0:
            adjustable[0].payment += gap
        elif gap > 0:
            # (a housing payment alone past the mark leaves nothing to add: no
            # tradeline has a negative payment)
            bal = D(rng.randint(9000, 30000))
            lines.append(
                Tradeline(
                    creditor(rng, "installment_auto", used),
                    "installment",
                    "auto",
                    bal,
                    gap,
                    (1,),
                    app - timedelta(days=400),
                    f"{rng.randint(1000, 9999)}****",
                    bal + 3000,
                )
            )
        debts = sum((t.payment for t in lines if t.counts), ZERO)

    # ---- fees and disclosures
    scheme = rng.randint(0, 2)
    fees = make_fees(
        rng,
        scheme=scheme,
        loan=loan_amt,
        price=prop.price,
        purpose=plan.purpose,
        tax_annual=prop.tax_annual,
        premium=prop.premium,
    )
    _cap_points(fees, loan_amt)
    shopped = rng.random() < 0.3 and not (plan.has("TRD-005") or plan.near_has("TRD-005"))
    finalise_fees(
        rng,
        fees,
        shopped=shopped,
        loan=loan_amt,
        rate=rate,
        disbursement=dates.disbursement,
        le_interest_days=rng.choice((10, 15, 15, 30)),
        premium=prop.premium,
        tax_annual=prop.tax_annual,
    )
    lender_credit = _tolerance_defects(rng, plan, fees, scheme)
    _qm(rng, plan, fees, loan_amt, scheme)
    if plan.purpose != "purchase":
        j_est = sum((f.cd or ZERO for f in fees), ZERO)
        if plan.purpose == "refinance":
            payoff = cents(loan_amt - j_est + _u(rng, -1500, 2500))
        else:
            payoff = cents(loan_amt * _u(rng, 0.35, 0.72))
        for t in lines:
            if t.paid_off:
                t.balance = payoff
                t.high_credit = dollars(payoff * D("1.2"))
    le = disclose(
        fees,
        cd=False,
        loan=loan_amt,
        pi=pi,
        term=term,
        lender_credit=ZERO,
        price=prop.price,
        payoff=payoff,
    )
    cd = disclose(
        fees,
        cd=True,
        loan=loan_amt,
        pi=pi,
        term=term,
        lender_credit=lender_credit,
        price=prop.price,
        payoff=payoff,
    )
    fp = first_payment(dates.disbursement)
    loan = Loan(
        loan_amt,
        rate,
        term,
        pi,
        tax_m,
        ins_m,
        fees,
        shopped,
        lender_credit,
        payoff,
        payoff_creditor,
        le,
        cd,
        fp,
        add_months(fp, term - 1),
    )
    _disclosed_apr(rng, plan, loan)

    sc = Scenario(seed, plan, year, dates, borrowers, married, prop, who, loan, lines, {})
    sc.var_hist, sc.voe_through, sc.qual = var_hist, voe_through, sc_qual

    # ---- scores
    for b in borrowers:
        if plan.has("CRD-001"):
            mid = rng.randint(560, 612) if b.idx == 1 else rng.randint(570, 615)
        elif plan.near_has("CRD-001") and b.idx == 1:
            mid = 620
        else:
            mid = rng.randint(660, 815)
        sc.scores[b.idx] = scores_around(rng, mid)

    # ---- stated income on the URLA
    for b in borrowers:
        h = var_hist[b.idx][b.job.var_kind or "bonus"]
        base, var, _ = qualifying(b, h, voe_through[b.idx])
        kind = b.job.var_kind or "bonus"
        stated_var = var
        if b.idx == 1 and plan.has("INC-003"):
            stated_var = h.ytd / _months(voe_through[1])
        if b.idx == 1 and plan.has("INC-002"):
            stated_var = var + (base + var) * _u(rng, 0.015, 0.04)
        stated_base = base
        if b.idx == 1 and plan.has("INC-001"):
            stated_base = base * _u(rng, 1.08, 1.25)
        elif b.idx == 1 and plan.near_has("INC-001"):
            stated_base = (base + var) * _u(rng, 1.04, 1.048) - var
        b.stated = {"base": cents(stated_base)}
        if stated_var:
            b.stated[kind] = cents(stated_var)

    if plan.has("DTI-001", "mismatch_1008"):
        sc.mismatch_1008 = _u(rng, 1.5, 4.0) * rng.choice((-1, -1, 1))
    elif plan.near_has("DTI-001", "mismatch_1008"):
        sc.mismatch_1008 = _u(rng, 0.85, 0.95) * rng.choice((-1, 1))

    build_assets(rng, fake, sc, statement_months, activity)
    return sc


def _months(through: date) -> Decimal:
    return months_elapsed(through)


def _terms(
    loan: Decimal, rate: Decimal, term: int, tax: Decimal, premium: Decimal
) -> tuple[Decimal, Decimal, Decimal]:
    return monthly_pi(loan, rate, term), cents(tax / 12), cents(premium / 12)


def _cap_points(fees: list[Fee], loan: Decimal) -> None:
    """Keep a clean file's points and fees well under the 3% QM cap."""
    a = [f for f in fees if f.section == "A"]
    while sum((f.le or ZERO for f in a), ZERO) > loan * D("0.025"):
        pts = [f for f in a if f.key == "points"]
        if pts:
            fees.remove(pts[0])
            a.remove(pts[0])
            continue
        orig = next(f for f in a if f.key == "origination")
        orig.le = dollars((orig.le or ZERO) / 2)


def _tolerance_defects(rng: random.Random, plan: Plan, fees: list[Fee], scheme: int) -> Decimal:
    """Plant TRD-004 / TRD-005 (or their cured / at-the-limit near-misses);
    returns the lender credit for the cure."""
    credit = ZERO
    if plan.has("TRD-004") or plan.near_has("TRD-004"):
        zero = [f for f in fees if f.tolerance == "zero"]
        bump = D(rng.randint(3, 18) * 25)
        if rng.random() < 0.3:
            f = new_fee("docprep", "A", scheme, None, "zero")
            f.cd, f.cd_section = bump, "A"
            fees.insert(0, f)
        else:
            f = rng.choice(zero)
            f.cd = (f.cd or ZERO) + bump
        if plan.near_has("TRD-004"):
            credit += bump
    ten = [f for f in fees if f.tolerance == "ten"]
    le_sum = sum((f.le or ZERO for f in ten), ZERO)
    cd_sum = sum((f.cd or ZERO for f in ten), ZERO)
    big = max(ten, key=lambda f: f.le or ZERO)
    if plan.has("TRD-005"):
        big.cd = (big.cd or ZERO) + cents(le_sum * _u(rng, 1.15, 1.35) - cd_sum)
    elif plan.near_has("TRD-005"):
        if rng.random() < 0.5:
            big.cd = (big.cd or ZERO) + (le_sum * D("1.10") - cd_sum)
        else:
            excess = cents(le_sum * _u(rng, 0.12, 0.2))
            big.cd = (big.cd or ZERO) + (le_sum * D("1.10") - cd_sum) + excess
            credit += excess
    return credit


def _qm(rng: random.Random, plan: Plan, fees: list[Fee], loan: Decimal, scheme: int) -> None:
    if not (plan.has("QM-001") or plan.near_has("QM-001")):
        return
    others = sum((f.cd or ZERO for f in fees if f.section == "A" and f.key != "points"), ZERO)
    want = loan * (_u(rng, 0.031, 0.04) if plan.has("QM-001") else D("0.03"))
    pts_amt = (want - others).quantize(
        D("1"), rounding="ROUND_UP" if plan.has("QM-001") else "ROUND_FLOOR"
    )
    pts = next((f for f in fees if f.key == "points"), None)
    if pts is None:
        pts = new_fee("points", "A", scheme, ZERO, "zero")
        fees.insert(1, pts)
    pts.le = pts_amt
    pts.cd = pts_amt
    pts.cd_section = "A"
    pts.detail = f"{q(pts_amt / loan * 100, 3)}%"


def _disclosed_apr(rng: random.Random, plan: Plan, loan: Loan) -> None:
    cd = loan.cd
    true_apr = cd.apr
    loan.cd_amount_financed = cd.amount_financed
    loan.cd_finance_charge = cd.finance_charge
    loan.cd_apr = q(true_apr, 3)
    if plan.has("TIL-001") or plan.near_has("TIL-001"):
        x = cents(_u(rng, 150, 700)) if plan.has("TIL-001") else D("100.00")
        while True:
            disc = q(apr(cd.amount_financed + x, loan.pi, loan.term), 3)
            if abs(disc - true_apr) <= D("0.1") or x <= 150:
                break
            x = cents(x / 2)
        loan.cd_amount_financed = cd.amount_financed + x
        loan.cd_finance_charge = cd.finance_charge - x
        loan.cd_apr = disc
    if plan.has("APR-001") or plan.near_has("APR-001"):
        delta = _u(rng, 0.15, 0.6) if plan.has("APR-001") else _u(rng, 0.11, 0.12)
        variant = plan.defects.get("APR-001") or plan.near.get("APR-001") or "under"
        sign = -1 if variant == "under" else 1
        loan.cd_apr = q(true_apr + sign * delta, 3)
