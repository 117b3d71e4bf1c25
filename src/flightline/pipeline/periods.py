"""A statement's period as a line prints it (`April 1, 2026 through April 30,
2026`, `01-MAR-2026 TO 31-MAR-2026`), read alike by the splitting (which tells
two months' statements apart by it) and by the bank statement reader.
"""

from __future__ import annotations

import re
from calendar import monthrange
from collections.abc import Iterable
from datetime import date, timedelta

from flightline.pipeline.normalize import find_dates

# `31~MAR~2026`: a date's hyphen read as a tilde.
_TILDE = re.compile(r"(?<=[A-Za-z\d])~(?=[A-Za-z\d])")
# A date OCR garbled (`03/43/2026`, `07/01/%025`): a date's shape with a
# character or two no date has there.
_G = r"[\w%$&#@\]\[|!(){}]"  # a figure, or a mark OCR read one as (`3]` for 31, `0}` for 01)
_DATE_SHAPE = re.compile(
    rf"(?<![\w/-])(?:{_G}{{1,2}}[/-]{_G}{{1,2}}[/-]{_G}{{2,4}}"
    rf"|{_G}{{1,2}}-[A-Za-z]{{3}}-{_G}{{4}}"
    rf"|{_G}{{4}}-{_G}{{2}}-{_G}{{2}}"
    rf"|[A-Za-z]{{3,9}}\.?[\s'`\u2019]{_G}{{1,2}},?\s{_G}{{4}})(?![\w/-])"
)
# A rule or speck run into a date's first figure (`_20-FEB-2026`).
_RULE_BEFORE = re.compile(r"(?<![\w])_+(?=\d)")
# A date run into the word before it, a speck between (`througha)7/21/2025`).
_GLUED_JOIN = re.compile(r"(?<=through)[a-z]?(?=\W?\d)|(?<=\bto)[a-z]?(?=\W?\d)", re.I)
# A written date (`February 20, 2026`) is long enough to be told with two
# characters misread (`Febryary'20, 2026`); shorter forms with one.
_LONG_FORM = 14
_DATE_FORMATS = (
    "%m/%d/%Y",
    "%m-%d-%Y",
    "%m/%d/%y",
    "%m-%d-%y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%d-%b-%Y",
    "%Y-%m-%d",
)
# The longest period a statement covers (a year); two dates further apart
# hold a misread (`2925-10-28` for 2025).
_LONGEST = timedelta(days=370)
_YEARS = range(1950, 2100)
# Digits OCR read as look-alike letters inside a date's numbers (`Jan 0S, 2026`).
_DIGITISH = re.compile(r"\b(?=[\dSBOoIl]*\d)[\dSBOoIl]{2,4}\b")
_DIGIT_OF = str.maketrans({"S": "5", "B": "8", "O": "0", "o": "0", "I": "1", "l": "1"})
_FOLD = str.maketrans({"S": "5", "B": "8", "O": "0", "I": "1", "L": "1"})


def statement_period(text: str, dated: Iterable[date] = ()) -> tuple[date, date] | None:
    """A period's two dates; when OCR garbled one of them, the date a monthly
    statement period implies from the other, if the garbled one reads as that
    date with a single character wrong (never a guess between dates). Where
    either date may be the misread one (`10-JUL-2086 - 09-AUG-2026`), the
    reading the statement's own `dated` lines fall in, if one holds most."""
    found = statement_periods(text)
    if len(found) < 2:
        return next(iter(found), None)
    days = list(dated)
    held = sorted(((sum(s <= d <= e for d in days), (s, e)) for s, e in found), reverse=True)
    return held[0][1] if held[0][0] > held[1][0] else None


def statement_periods(text: str) -> set[tuple[date, date]]:
    """Every period the line can be read as: one when both dates read, or
    when one garbled date is a character off the month the other implies;
    two when each date read could be the misread one (`2025-10-01 THROUGH
    2028-10-31`), which the splitting may still use (neither is the month
    before)."""
    text = _GLUED_JOIN.sub(" ", _RULE_BEFORE.sub(" ", _TILDE.sub("-", text)))
    text = _DIGITISH.sub(lambda m: m.group(0).translate(_DIGIT_OF), text)
    dates = find_dates(text)
    if len(dates) >= 2 and timedelta(0) < dates[1][2] - dates[0][2] <= _LONGEST:
        return {(dates[0][2], dates[1][2])}
    found: set[tuple[date, date]] = set()
    for s, e, known in dates[:2]:
        for m in _DATE_SHAPE.finditer(text):
            if s <= m.start() < e:
                continue
            before = m.start() < s
            implied = _month_before(known) if before else _month_after(known)
            if _one_character_off(m.group(0), implied):
                found.add((implied, known) if before else (known, implied))
    # each date read may imply the other (`2925-09-29 to 2025-10-28`): only
    # periods of years a statement can have
    return {p for p in found if all(d.year in _YEARS for d in p)}


def _month_before(end: date) -> date:
    """The first day of a monthly period ending on `end`."""
    if (end + timedelta(days=1)).day == 1:
        return end.replace(day=1)
    year, month = (end.year - 1, 12) if end.month == 1 else (end.year, end.month - 1)
    return date(year, month, min(end.day, monthrange(year, month)[1])) + timedelta(days=1)


def _month_after(start: date) -> date:
    """The last day of a monthly period starting on `start`."""
    if start.day == 1:
        return start.replace(day=monthrange(start.year, start.month)[1])
    year, month = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    return date(year, month, min(start.day, monthrange(year, month)[1])) - timedelta(days=1)


def _one_character_off(token: str, value: date) -> bool:
    """`token` is `value` printed in a usual format, up to digits read as
    look-alike letters (`Ol-Aug-2026`) and one other character (two in a
    written date: `Febryary'20, 2026`)."""
    # (both sides folded alike: a month's `l` is a `1` on either)
    read = token.upper().translate(_FOLD)
    for fmt in _DATE_FORMATS:
        shown = value.strftime(fmt)
        for form in {shown, re.sub(r"(?<![\d])0(\d)", r"\1", shown)}:
            if len(form) == len(token):
                printed = form.upper().translate(_FOLD)
                allowed = 2 if len(form) >= _LONG_FORM else 1
                if sum(a != b for a, b in zip(printed, read, strict=True)) <= allowed:
                    return True
    return False


def pay_frequency_of(start: date, end: date) -> str | None:
    """The pay frequency a pay period's own dates give: seven days weekly,
    fourteen biweekly, the 1st to the 15th or the 16th to the month's end
    semimonthly, a whole calendar month monthly; any other length none."""
    days = (end - start).days + 1
    if days == 7:
        return "weekly"
    if days == 14:
        return "biweekly"
    last = monthrange(end.year, end.month)[1]
    if start.month == end.month and (start.day, end.day) in ((1, 15), (16, last)):
        return "semimonthly"
    if start.month == end.month and start.day == 1 and end.day == last:
        return "monthly"
    return None
