"""Business days as Regulation Z counts them (12 CFR 1026.2(a)(6)).

Two calendars:
- *general*: the creditor's open days — by default Monday to Friday except
  federal holidays (on the day they are observed, since offices close then);
- *specific* (rescission, the CD waiting period, 7 days before consummation):
  every day except Sundays and the legal public holidays of 5 U.S.C. 6103(a),
  on their actual date (Reg Z comment 2(a)(6)-2: a holiday observed on a
  Friday leaves that Friday a business day).
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache


class Calendar(StrEnum):
    general = "general"
    specific = "specific"


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> date:
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


@lru_cache(maxsize=256)
def federal_holidays(year: int) -> frozenset[date]:
    """The actual dates of the legal public holidays of 5 U.S.C. 6103(a)."""
    days = {
        date(year, 1, 1),  # New Year's Day
        _nth_weekday(year, 1, 0, 3),  # Birthday of Martin Luther King, Jr.
        _nth_weekday(year, 2, 0, 3),  # Washington's Birthday
        _last_weekday(year, 5, 0),  # Memorial Day
        date(year, 7, 4),  # Independence Day
        _nth_weekday(year, 9, 0, 1),  # Labor Day
        _nth_weekday(year, 10, 0, 2),  # Columbus Day
        date(year, 11, 11),  # Veterans Day
        _nth_weekday(year, 11, 3, 4),  # Thanksgiving Day
        date(year, 12, 25),  # Christmas Day
    }
    if year >= 2021:
        days.add(date(year, 6, 19))  # Juneteenth National Independence Day
    return frozenset(days)


def observed(day: date) -> date:
    """Where federal offices close for a holiday falling on a weekend."""
    if day.weekday() == 5:
        return day - timedelta(days=1)
    if day.weekday() == 6:
        return day + timedelta(days=1)
    return day


@lru_cache(maxsize=64)
def _observed_holidays(year: int) -> frozenset[date]:
    return frozenset(observed(d) for y in (year - 1, year, year + 1) for d in federal_holidays(y))


def is_business_day(day: date, calendar: Calendar) -> bool:
    if calendar == Calendar.specific:
        return day.weekday() != 6 and day not in federal_holidays(day.year)
    return day.weekday() < 5 and day not in _observed_holidays(day.year)


def add_business_days(start: date, days: int, calendar: Calendar) -> date:
    """The date `days` business days after `start` (start itself not counted)."""
    step = 1 if days >= 0 else -1
    current, remaining = start, abs(days)
    while remaining:
        current += timedelta(days=step)
        if is_business_day(current, calendar):
            remaining -= 1
    return current


def business_days_between(start: date, end: date, calendar: Calendar) -> int:
    """Business days after `start` up to and including `end` (negative if end < start)."""
    if end < start:
        return -business_days_between(end, start, calendar)
    count, current = 0, start
    while current < end:
        current += timedelta(days=1)
        if is_business_day(current, calendar):
            count += 1
    return count
