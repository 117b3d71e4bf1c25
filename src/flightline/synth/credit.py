"""Tradelines and bureau scores."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from flightline.synth.money import ZERO, D

BUREAUS = ("equifax", "experian", "transunion")
_BRANDS = (
    "Summit",
    "Harbor",
    "Pioneer",
    "Liberty",
    "Keystone",
    "Meridian",
    "Cascade",
    "Granite",
    "Beacon",
    "Frontier",
    "Evergreen",
    "Heritage",
    "Sterling",
    "Horizon",
    "Northstar",
    "Bluewater",
    "Redwood",
    "Ironbridge",
    "Lakeshore",
    "Prairie",
)
_KINDS = {
    "revolving": ("Card Services", "Bank USA", "Credit Card", "Retail Card", "Card Svcs"),
    "installment_auto": ("Auto Finance", "Motor Credit", "Auto Lending"),
    "installment_student": ("Student Loan Servicing", "Education Loans", "Student Aid"),
    "installment_personal": ("Personal Lending", "Consumer Finance"),
    "mortgage": ("Mortgage Servicing", "Home Loans", "Mortgage Co"),
}


@dataclass
class Tradeline:
    creditor: str
    account_type: str  # revolving | installment | mortgage
    purpose: str  # card | auto | student | personal | mortgage
    balance: Decimal
    payment: Decimal
    borrowers: tuple[int, ...]
    opened: date
    account_no: str
    high_credit: Decimal
    status: str = "open"  # open | closed
    on_urla: bool = True
    paid_off: bool = False  # the subject mortgage paid by this refinance

    @property
    def counts(self) -> bool:
        """An open debt with a payment, not paid off at this closing."""
        return self.status == "open" and self.payment > 0 and not self.paid_off


def creditor(rng: random.Random, kind: str, used: set[str]) -> str:
    for _ in range(50):
        name = f"{rng.choice(_BRANDS)} {rng.choice(_KINDS[kind])}"
        if name not in used:
            used.add(name)
            return name
    raise RuntimeError("creditor names exhausted")


def _acct(rng: random.Random) -> str:
    return f"{rng.randint(1000, 9999)}{rng.randint(1000, 9999)}****"


def make_tradelines(
    rng: random.Random, app: date, co_borrower: bool, used: set[str]
) -> list[Tradeline]:
    out: list[Tradeline] = []
    owners: tuple[tuple[int, ...], ...] = ((1,), (2,), (1, 2)) if co_borrower else ((1,),)

    def opened() -> date:
        return app - timedelta(days=rng.randint(200, 4000))

    for _ in range(rng.randint(1, 4)):
        bal = D(rng.choice((0, rng.randint(150, 9500))))
        pay = D(max(25, round(float(bal) * rng.uniform(0.02, 0.035)))) if bal else ZERO
        out.append(
            Tradeline(
                creditor(rng, "revolving", used),
                "revolving",
                "card",
                bal,
                pay,
                rng.choice(owners),
                opened(),
                _acct(rng),
                D(rng.randint(10, 150) * 100),
            )
        )
    if rng.random() < 0.6:
        bal = D(rng.randint(6000, 38000))
        out.append(
            Tradeline(
                creditor(rng, "installment_auto", used),
                "installment",
                "auto",
                bal,
                D(rng.randint(240, 720)),
                rng.choice(owners),
                opened(),
                _acct(rng),
                bal + D(rng.randint(2000, 12000)),
            )
        )
    if rng.random() < 0.45:
        bal = D(rng.randint(4000, 55000))
        out.append(
            Tradeline(
                creditor(rng, "installment_student", used),
                "installment",
                "student",
                bal,
                D(rng.randint(60, 420)),
                rng.choice(owners)[:1],
                opened(),
                _acct(rng),
                bal + D(rng.randint(1000, 9000)),
            )
        )
    if rng.random() < 0.12:
        bal = D(rng.randint(2000, 15000))
        out.append(
            Tradeline(
                creditor(rng, "installment_personal", used),
                "installment",
                "personal",
                bal,
                D(rng.randint(90, 400)),
                rng.choice(owners)[:1],
                opened(),
                _acct(rng),
                bal + D(rng.randint(500, 5000)),
            )
        )
    for _ in range(rng.randint(0, 2)):
        out.append(
            Tradeline(
                creditor(rng, "revolving", used),
                "revolving",
                "card",
                ZERO,
                ZERO,
                rng.choice(owners),
                opened(),
                _acct(rng),
                D(rng.randint(5, 60) * 100),
                status="closed",
                on_urla=False,
            )
        )
    return out


def mortgage_line(
    rng: random.Random,
    app: date,
    balance: Decimal,
    payment: Decimal,
    owners: tuple[int, ...],
    used: set[str],
    paid_off: bool,
) -> Tradeline:
    return Tradeline(
        creditor(rng, "mortgage", used),
        "mortgage",
        "mortgage",
        balance,
        payment,
        owners,
        app - timedelta(days=rng.randint(900, 4000)),
        _acct(rng),
        balance * D("1.15"),
        paid_off=paid_off,
    )


def scores_around(rng: random.Random, middle: int) -> dict[str, int]:
    """Three bureau scores whose middle value is exactly `middle`."""
    lo = middle - rng.randint(0, 35)
    hi = middle + rng.randint(0, 35)
    vals = [lo, middle, hi]
    rng.shuffle(vals)
    return dict(zip(BUREAUS, vals, strict=True))
