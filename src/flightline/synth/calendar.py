"""Business-day arithmetic for the generator's date plans.

Reg Z uses two calendars: *general* business days (lender open: Monday to
Friday except federal holidays) for the LE delivery clock, and *specific*
business days (every day but Sundays and federal holidays) for the LE-before-
consummation, CD receipt and rescission clocks. Both the actual holiday date
and its observed weekday count as holidays (the `holidays` package lists both),
so a plan never lands a threshold on a date two readings of the law disagree on.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _federal(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("US", years=year).keys())


def is_holiday(d: date) -> bool:
    return d in _federal(d.year)


def is_general(d: date) -> bool:
    return d.weekday() < 5 and not is_holiday(d)


def is_specific(d: date) -> bool:
    return d.weekday() != 6 and not is_holiday(d)


def _step(d: date, n: int, ok: bool, specific: bool) -> date:
    check = is_specific if specific else is_general
    step = timedelta(days=1 if n >= 0 else -1)
    left = abs(n)
    while left:
        d += step
        if check(d) == ok:
            left -= 1
    return d


def add_general(d: date, n: int) -> date:
    """The n-th general business day after d (n < 0: before)."""
    return _step(d, n, True, False)


def add_specific(d: date, n: int) -> date:
    """The n-th specific business day after d (n < 0: before)."""
    return _step(d, n, True, True)


def next_general(d: date) -> date:
    """d itself when it is a general business day, else the next one."""
    while not is_general(d):
        d += timedelta(days=1)
    return d


def next_specific(d: date) -> date:
    while not is_specific(d):
        d += timedelta(days=1)
    return d


def general_days_between(start: date, end: date) -> int:
    """General business days in (start, end]; negative when end < start."""
    if end < start:
        return -general_days_between(end, start)
    return sum(1 for i in range(1, (end - start).days + 1) if is_general(start + timedelta(i)))


def specific_days_between(start: date, end: date) -> int:
    if end < start:
        return -specific_days_between(end, start)
    return sum(1 for i in range(1, (end - start).days + 1) if is_specific(start + timedelta(i)))
