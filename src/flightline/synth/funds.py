"""Deposit accounts and their monthly statements, built backwards from the
closing balance the plan needs so opening and closing balances, every
transaction and the running balance agree."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from flightline.synth.money import ZERO, D, cents

_MERCHANTS = (
    "GROCERY OUTLET",
    "FRESH MARKET",
    "SHELL OIL",
    "CITY UTILITIES",
    "METRO WATER",
    "QUICK FUEL",
    "HOME SUPPLY CO",
    "PHARMACY PLUS",
    "CORNER CAFE",
    "BOOK NOOK",
    "STREAMFLIX",
    "CELL WIRELESS",
    "GYM MEMBERSHIP",
    "PET SUPPLY",
    "HARDWARE DEPOT",
    "TARGETED GOODS",
    "DINER 24",
    "PARKING AUTH",
    "SUNRISE BAKERY",
    "OFFICE STOP",
)


@dataclass
class Txn:
    day: date
    description: str
    amount: Decimal  # signed: deposits positive
    kind: str  # payroll | gift | explained | unsourced | small | interest | debit | transfer
    balance: Decimal = ZERO


@dataclass
class Statement:
    start: date
    end: date
    opening: Decimal = ZERO
    closing: Decimal = ZERO
    txns: list[Txn] = field(default_factory=list)

    @property
    def deposits(self) -> list[Txn]:
        return [t for t in self.txns if t.amount > 0]


@dataclass
class Account:
    institution: str
    address: str
    phone: str
    last4: str
    type: str  # checking | savings
    holders: tuple[int, ...]
    statements: list[Statement] = field(default_factory=list)

    @property
    def latest(self) -> Statement:
        return self.statements[-1]


def periods(end: date, months: int, cycle_day: int | None) -> list[tuple[date, date]]:
    """`months` consecutive statement periods, the last ending on `end`."""
    out: list[tuple[date, date]] = []
    e = end
    for _ in range(months):
        if cycle_day is None:  # calendar months
            s = e.replace(day=1)
        else:
            prev_m = e.month - 1 or 12
            prev_y = e.year - (e.month == 1)
            s = date(prev_y, prev_m, cycle_day) + timedelta(days=1)
        out.append((s, e))
        e = s - timedelta(days=1)
    return out[::-1]


def spend(rng: random.Random, s: date, e: date, n: int, total: Decimal) -> list[Txn]:
    """`n` debits summing to `total`, spread over the period."""
    if total <= 0:
        return []
    n = max(1, n)
    weights = [rng.uniform(0.2, 3.0) for _ in range(n)]
    scale = total / D(str(sum(weights)))
    days = (e - s).days
    out: list[Txn] = []
    acc = ZERO
    for i, w in enumerate(weights):
        amt = cents(scale * D(str(w))) if i < n - 1 else total - acc
        acc += amt
        day = s + timedelta(days=rng.randint(0, days))
        kind = rng.random()
        if kind < 0.55:
            desc = f"POS PURCHASE {rng.choice(_MERCHANTS)} #{rng.randint(100, 9999)}"
        elif kind < 0.7:
            desc = f"ATM WITHDRAWAL {rng.randint(1000, 9999)}"
        elif kind < 0.85:
            desc = f"CHECK #{rng.randint(1001, 4999)}"
        else:
            desc = f"ACH DEBIT {rng.choice(_MERCHANTS)}"
        out.append(Txn(day, desc, -amt, "debit"))
    return out


def settle(
    rng: random.Random,
    acct: Account,
    closing: Decimal,
    credits: dict[int, list[Txn]],
    fixed_debits: dict[int, list[Txn]],
    spend_ratio: tuple[float, float],
    n_debits: tuple[int, int],
) -> None:
    """Fill each statement backwards from the final closing balance."""
    bal = closing
    for i in range(len(acct.statements) - 1, -1, -1):
        st = acct.statements[i]
        cr = credits.get(i, [])
        fixed = fixed_debits.get(i, [])
        dep = sum((t.amount for t in cr), ZERO)
        fixed_total = -sum((t.amount for t in fixed), ZERO)
        want = cents(dep * D(str(rng.uniform(*spend_ratio))))
        var_total = max(ZERO, want - fixed_total)
        opening = bal - dep + fixed_total + var_total
        floor = D(rng.randint(300, 2500))
        if opening < floor:
            var_total += floor - opening
            opening = floor
        debits = spend(rng, st.start, st.end, rng.randint(*n_debits), var_total)
        txns = sorted([*cr, *fixed, *debits], key=lambda t: (t.day, -t.amount))
        run = opening
        for t in txns:
            run += t.amount
            t.balance = run
        st.txns, st.opening, st.closing = txns, opening, bal
        assert run == bal, (run, bal)
        bal = opening
