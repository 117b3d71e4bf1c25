from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from flightline.rules.calendar import (
    Calendar,
    add_business_days,
    business_days_between,
    federal_holidays,
    is_business_day,
)


def test_2026_federal_holidays() -> None:
    assert federal_holidays(2026) == {
        date(2026, 1, 1),
        date(2026, 1, 19),
        date(2026, 2, 16),
        date(2026, 5, 25),
        date(2026, 6, 19),
        date(2026, 7, 4),
        date(2026, 9, 7),
        date(2026, 10, 12),
        date(2026, 11, 11),
        date(2026, 11, 26),
        date(2026, 12, 25),
    }


def test_specific_counts_saturdays_not_sundays_or_holidays() -> None:
    saturday, sunday = date(2026, 3, 7), date(2026, 3, 8)
    assert is_business_day(saturday, Calendar.specific)
    assert not is_business_day(sunday, Calendar.specific)
    assert not is_business_day(date(2026, 11, 26), Calendar.specific)


def test_observed_holiday_is_a_specific_business_day() -> None:
    # July 4, 2026 is a Saturday: observed Friday July 3, which stays a specific business day.
    assert not is_business_day(date(2026, 7, 4), Calendar.specific)
    assert is_business_day(date(2026, 7, 3), Calendar.specific)
    assert not is_business_day(date(2026, 7, 3), Calendar.general)


def test_general_is_weekdays_without_holidays() -> None:
    assert not is_business_day(date(2026, 3, 7), Calendar.general)
    assert not is_business_day(date(2026, 1, 19), Calendar.general)
    assert is_business_day(date(2026, 1, 20), Calendar.general)


def test_three_business_days_for_the_initial_le() -> None:
    # Application Friday Nov 20, 2026; Thanksgiving Thursday Nov 26.
    assert add_business_days(date(2026, 11, 20), 3, Calendar.general) == date(2026, 11, 25)
    assert add_business_days(date(2026, 11, 24), 3, Calendar.general) == date(2026, 11, 30)


def test_cd_mailbox_rule_counts_specific_days() -> None:
    # Sent Friday Dec 18, 2026: received three specific business days later, Tuesday Dec 22.
    assert add_business_days(date(2026, 12, 18), 3, Calendar.specific) == date(2026, 12, 22)
    # Sent Tue Dec 22: Wed 23, Thu 24, (Fri 25 holiday), Sat 26 → received Saturday.
    assert add_business_days(date(2026, 12, 22), 3, Calendar.specific) == date(2026, 12, 26)


@given(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 1, 1)),
    st.integers(0, 40),
    st.sampled_from(list(Calendar)),
)
def test_adding_then_counting_round_trips(start: date, days: int, calendar: Calendar) -> None:
    end = add_business_days(start, days, calendar)
    assert business_days_between(start, end, calendar) == days
    assert end - start >= timedelta(days=days)
