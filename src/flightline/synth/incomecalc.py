"""Qualifying income by the conventions of REVIEW_ENGINE.md, from the figures
a VOE prints. The generator calibrates DTI with it and the answer key states
its result, so both read the same numbers.

- salaried base = annual / 12; hourly base = rate x 2,080 / 12;
- overtime and bonus count only with a full prior year of history (both prior
  years non-zero here): average of (two prior years + YTD) over
  (24 + months of YTD); when YTD annualised is below the prior year the lower
  of that average and the YTD monthly figure;
- months of YTD = day of year of the VOE's "YTD through" date x 12 / days in year.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, localcontext

from flightline.synth.money import ZERO, D


def months_elapsed(through: date) -> Decimal:
    days = 366 if calendar.isleap(through.year) else 365
    return D(through.timetuple().tm_yday) * 12 / D(days)


@dataclass(frozen=True, slots=True)
class VarHistory:
    ytd: Decimal
    prior1: Decimal
    prior2: Decimal


def base_monthly(pay_type: str, annual: Decimal | None, hourly: Decimal | None) -> Decimal:
    if pay_type == "hourly":
        assert hourly is not None
        return hourly * 2080 / 12
    assert annual is not None
    return annual / 12


def variable_monthly(h: VarHistory, through: date) -> tuple[Decimal, bool, bool]:
    """(monthly qualifying amount, declining?, counted?)"""
    if h.ytd == 0 and h.prior1 == 0 and h.prior2 == 0:
        return ZERO, False, False
    if h.prior1 == 0 or h.prior2 == 0:
        return ZERO, False, False  # under 12 months of history: not stable income
    with localcontext(prec=28):
        m = months_elapsed(through)
        avg = (h.prior2 + h.prior1 + h.ytd) / (24 + m)
        ytd_monthly = h.ytd / m
        declining = ytd_monthly * 12 < h.prior1
        return (min(avg, ytd_monthly) if declining else avg), declining, True


def ytd_annualised(ytd_total: Decimal, through: date) -> Decimal:
    return ytd_total / months_elapsed(through) * 12
