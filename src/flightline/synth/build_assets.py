"""The borrowers' deposit accounts: how much they must hold (funds to close,
reserves, or a planted shortfall), the gift, explained and unsourced
deposits, and a statement history that reconciles."""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from faker import Faker

from flightline.synth.deal import RESERVES_MONTHS, month_end
from flightline.synth.funds import Account, Statement, Txn, periods, settle
from flightline.synth.money import ZERO, D, cents
from flightline.synth.people import make_person, phone
from flightline.synth.scenario import Gift, Scenario


def _u(rng: random.Random, lo: float, hi: float) -> Decimal:
    return D(str(round(rng.uniform(lo, hi), 6)))


# ----------------------------------------------------------------------------- assets

_BANK_WORDS = (
    "Community Bank",
    "Savings Bank",
    "National Bank",
    "Federal Credit Union",
    "Bank & Trust",
    "Credit Union",
    "State Bank",
    "Bank",
)
_RELATIONS = (
    "Mother",
    "Father",
    "Parents",
    "Grandmother",
    "Grandfather",
    "Aunt",
    "Uncle",
    "Sister",
    "Brother",
)


def build_assets(rng: random.Random, fake: Faker, sc: Scenario, months: int, activity: int) -> None:
    plan, loan, d = sc.plan, sc.loan, sc.dates
    income = sc.qual_total
    pitia = loan.pitia
    funds = max(loan.cd.cash_to_close, ZERO)
    req = RESERVES_MONTHS[plan.occupancy]
    if plan.has("AST-002"):
        total = cents(funds * _u(rng, 0.7, 0.93))
    elif plan.near_has("AST-002") or plan.near_has("RES-001"):
        total = funds + pitia * req
    elif plan.has("RES-001"):
        total = cents(funds + pitia * req * _u(rng, 0.25, 0.75))
    else:
        total = cents(funds + pitia * (req + _u(rng, 1.5, 18)) + _u(rng, 500, 5000))
    gifts: list[Gift] = []
    specials: list[tuple[str, Decimal, str]] = []  # (kind, amount, description)
    owner_occ = plan.occupancy != "investment"
    if plan.purpose == "purchase" and (
        plan.has("AST-004", "investment")
        or (owner_occ and rng.random() < 0.25 and not plan.has("AST-004"))
    ):
        amt = D(rng.randint(5, 40) * 1000)
        gifts.append(Gift(make_person(rng, fake), rng.choice(_RELATIONS), amt, d.stmt_end, 0, True))
    if plan.has("AST-004", "no_letter"):
        amt = cents(income * _u(rng, 0.2, 0.42))
        gifts.append(
            Gift(make_person(rng, fake), rng.choice(_RELATIONS), amt, d.stmt_end, 0, False)
        )
    unsourced = ZERO
    if plan.has("AST-001"):
        unsourced = cents(income * _u(rng, 0.6, 1.8))
    elif plan.near_has("AST-001"):
        unsourced = cents(income * _u(rng, 0.48, 0.49))
    if unsourced:
        specials.append(
            (
                "unsourced",
                unsourced,
                rng.choice(
                    (
                        "MOBILE DEPOSIT",
                        "CASH DEPOSIT",
                        "ATM DEPOSIT",
                        "DEPOSIT",
                        f"ONLINE TRANSFER FROM XXXX{rng.randint(1000, 9999)}",
                        f"ZELLE FROM {fake.name().upper()}",
                    )
                ),
            )
        )
        if plan.has("AST-001"):
            total += unsourced  # unsourced funds never decide sufficiency
    if rng.random() < 0.3 and not plan.has("AST-001"):
        amt = cents(income * _u(rng, 0.6, 1.5))
        desc, why = rng.choice(
            (
                ("IRS TREAS 310 TAX REF", "my federal income tax refund"),
                ("MOBILE DEPOSIT", "the sale of my vehicle to a private buyer"),
                ("DEPOSIT", "a reimbursement from my employer for relocation expenses"),
                (
                    "WIRE TRANSFER IN",
                    "proceeds from the sale of personal property (boat and trailer)",
                ),
                ("ONLINE TRANSFER FROM BROKERAGE", "a withdrawal from my brokerage account"),
            )
        )
        specials.append(("explained", amt, desc))
        sc.notes.append(why)
    total = max(total, D(400))

    # accounts
    accts: list[Account] = []
    joint = sc.married or len(sc.borrowers) == 1
    bank = f"{fake.city()} {rng.choice(_BANK_WORDS)}"
    addr = (
        f"PO Box {rng.randint(100, 99999)}, {fake.city()}, {sc.borrowers[0].address.state} "
        f"{fake.postcode_in_state(sc.borrowers[0].address.state)}"
    )
    holders_1 = (1, 2) if (joint and len(sc.borrowers) == 2) else (1,)
    accts.append(
        Account(bank, addr, phone(rng), f"{rng.randint(1000, 9999)}", "checking", holders_1)
    )
    single = plan.has("AST-003")
    if not single and not joint:
        bank2 = f"{fake.city()} {rng.choice(_BANK_WORDS)}"
        accts.append(
            Account(
                bank2,
                addr.replace("PO Box", "P.O. Box"),
                phone(rng),
                f"{rng.randint(1000, 9999)}",
                "checking",
                (2,),
            )
        )
    if not single and rng.random() < 0.6:
        accts.append(
            Account(bank, addr, phone(rng), f"{rng.randint(1000, 9999)}", "savings", holders_1)
        )
    end = d.stmt_end
    age_bank = plan.has("AGE-001", "bank_statement") or plan.near_has("AGE-001", "bank_statement")
    if not age_bank and rng.random() < 0.5:
        # calendar-month statements: the last month that ended before the application
        end = d.app.replace(day=1) - timedelta(days=1)
    cycle = None if end == month_end(end) or end.day > 28 else end.day
    d.stmt_end = end
    n_months = 1 if plan.has("AST-003", "single") else months
    spans = periods(end, n_months + (1 if plan.has("AST-003", "gap") else 0), cycle)
    if plan.has("AST-003", "gap"):
        spans = [spans[0], spans[-1]] if len(spans) >= 3 else spans[:1] + spans[2:]
    for a in accts:
        a.statements = [Statement(s, e) for s, e in spans]

    shares: list[Decimal] = [_u(rng, 0.15, 0.5)] if len(accts) > 1 else [D(1)]
    while len(shares) < len(accts):
        shares.append(
            (1 - sum(shares, ZERO))
            if len(shares) == len(accts) - 1
            else (1 - sum(shares, ZERO)) * _u(rng, 0.3, 0.6)
        )
    closings = [max(D(150), cents(total * s)) for s in shares]
    closings[-1] = max(D(150), total - sum(closings[:-1], ZERO))

    threshold = income / 2
    target_acct = 0 if len(accts) == 1 else rng.randrange(len(accts))
    for ai, a in enumerate(accts):
        credits: dict[int, list[Txn]] = {}
        fixed: dict[int, list[Txn]] = {}
        for si, st in enumerate(a.statements):
            cr: list[Txn] = []
            if a.type == "checking":
                for b in sc.borrowers:
                    if b.idx not in a.holders:
                        continue
                    emp = b.job.employer.upper().replace(",", "").replace(".", "")[:22]
                    style = rng.randint(0, 3)
                    for c in b.job.checks:
                        if st.start <= c.pay_date <= st.end:
                            desc = (
                                f"DIRECT DEP {emp} PAYROLL",
                                f"{emp} DES:PAYROLL ID:{b.job.ein[-5:]}",
                                f"ACH CREDIT {emp} PAYRL",
                                f"PAYROLL {emp}",
                            )[style]
                            cr.append(Txn(c.pay_date, desc, c.net, "payroll"))
                for _ in range(rng.randint(0, 2)):
                    amt = cents(min(threshold * D("0.3"), _u(rng, 15, 400)))
                    desc = rng.choice(
                        (
                            f"ZELLE FROM {fake.first_name().upper()}",
                            "VENMO CASHOUT",
                            f"REFUND {fake.last_name().upper()} STORE",
                        )
                    )
                    cr.append(Txn(_day(rng, st), desc, amt, "small"))
                fx: list[Txn] = []
                if ai == 0:
                    if plan.purpose == "purchase" and plan.occupancy == "principal_residence":
                        rent = cents(loan.pitia * _u(rng, 0.6, 0.9))
                        fx.append(
                            Txn(
                                _day(rng, st, 1, 6),
                                f"RENT PAYMENT {fake.last_name().upper()} PROPERTIES",
                                -rent,
                                "debit",
                            )
                        )
                    for t in sc.tradelines:
                        if t.counts or t.paid_off:
                            fx.append(
                                Txn(
                                    _day(rng, st),
                                    f"ONLINE PMT {t.creditor.upper()}",
                                    -t.payment,
                                    "debit",
                                )
                            )
                fixed[si] = fx
            else:
                cr.append(Txn(st.end, "INTEREST PAYMENT", cents(_u(rng, 0.05, 12)), "interest"))
                if rng.random() < 0.5:
                    cr.append(
                        Txn(
                            _day(rng, st),
                            f"TRANSFER FROM CHK {accts[0].last4}",
                            cents(min(threshold * D("0.4"), _u(rng, 50, 800))),
                            "transfer",
                        )
                    )
            credits[si] = cr
        last = len(a.statements) - 1
        if ai == 0:
            st = a.statements[last]
            for g in gifts:
                g.day = _day(rng, st, 2, 4)
                desc = (
                    f"INCOMING WIRE {g.donor.first.upper()} {g.donor.last.upper()}"
                    if g.letter
                    else f"ZELLE FROM {g.donor.first.upper()} {g.donor.last.upper()} GIFT"
                )
                credits[last].append(Txn(g.day, desc, g.amount, "gift"))
        if ai == target_acct:
            st = a.statements[last]
            for kind, amt, desc in specials:
                day = _day(rng, st, 2, 3)
                credits[last].append(Txn(day, desc, amt, kind))
                if kind == "explained":
                    sc.explained.append((day, amt, desc, sc.notes[-1]))
        ratio = (0.45, 0.9) if a.type == "checking" else (0.0, 0.08)
        settle(
            rng,
            a,
            closings[ai],
            credits,
            fixed,
            ratio,
            (6 * activity, 22 * activity) if a.type == "checking" else (0, 2),
        )
    sc.accounts = list(accts)
    sc.gifts = gifts


def _day(rng: random.Random, st: Statement, lo: int = 0, hi: int = 0) -> date:
    span = (st.end - st.start).days
    return st.start + timedelta(days=rng.randint(min(lo, span), max(0, span - hi)))
