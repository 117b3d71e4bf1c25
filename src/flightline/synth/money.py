"""Loan arithmetic in Decimal: amortised payment, APR and the cent rounding
the disclosures use."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext

CENT = Decimal("0.01")
ZERO = Decimal("0")
HUNDRED = Decimal("100")


def D(value: str | int | float | Decimal) -> Decimal:
    # float only ever comes from rng draws; going through repr keeps it exact
    # to the digits a person would write down.
    return value if isinstance(value, Decimal) else Decimal(str(value))


def cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def dollars(value: Decimal) -> Decimal:
    return value.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def q(value: Decimal, places: int) -> Decimal:
    return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def monthly_pi(principal: Decimal, annual_rate_pct: Decimal, months: int) -> Decimal:
    """Standard amortised payment, rounded to cents."""
    with localcontext(prec=40):
        r = annual_rate_pct / HUNDRED / 12
        if r == 0:
            return cents(principal / months)
        factor = (1 + r) ** months
        return cents(principal * r * factor / (factor - 1))


def annuity_pv(payment: Decimal, monthly_rate: Decimal, months: int) -> Decimal:
    with localcontext(prec=40):
        if monthly_rate == 0:
            return payment * months
        return payment * (1 - (1 + monthly_rate) ** -months) / monthly_rate


def apr(amount_financed: Decimal, payment: Decimal, months: int) -> Decimal:
    """Actuarial APR (percent points, unrounded to 6 places) of a level
    monthly payment stream against the amount financed, by bisection: the
    present value falls monotonically as the rate rises."""
    with localcontext(prec=40):
        lo, hi = Decimal("0"), Decimal("0.05")
        for _ in range(80):
            mid = (lo + hi) / 2
            if annuity_pv(payment, mid, months) > amount_financed:
                lo = mid
            else:
                hi = mid
        return q((lo + hi) / 2 * 12 * HUNDRED, 6)


def pct(part: Decimal, whole: Decimal, places: int = 4) -> Decimal:
    """part / whole in percent points."""
    if whole == 0:
        return ZERO
    return q(part / whole * HUNDRED, places)
