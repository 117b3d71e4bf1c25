"""A pay stub's readings checked against each other: an earnings row OCR
misread is the one its gross recomputes; a per-period figure read under a
salary caption is no salary; a pay date a year off its own period had a
figure of its year misread."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from flightline.pipeline.extractors.base import DocText
from flightline.pipeline.model import FieldValue
from flightline.pipeline.normalize import cent_digits, year_misread
from flightline.pipeline.periods import pay_frequency_of

# `Salary: 99500.00 / yr`, `133,500.00/ vr` (a scan's y read as v)
_PER_YEAR = re.compile(
    r"(\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\d{4,7}(?:\.\d\d)?)\s*"
    r"(?:/\s*(?:[yv]r|year)|per\s*(?:year|annum)|annually)\b",
    re.IGNORECASE,
)


def salary_per_year(
    doc: DocText, out: dict[str, FieldValue], earnings: list[dict[str, FieldValue]]
) -> None:
    """`Base Salary 3826.92` (an earnings row with no year-to-date column) read
    as the annual salary: no year's salary is a period's pay, so the figure the
    stub marks per year is the salary, else none."""
    found = out.get("annual_salary")
    if found is None or not isinstance(found.value, Decimal):
        return
    # the gross is the period's pay, and no row of it is more: a row read past
    # it (`$1220893` for 12,208.33 lost its point) says nothing of the salary
    gross = out.get("gross_current")
    if gross is not None and isinstance(gross.value, Decimal) and gross.value > 0:
        period = [gross.value]
    else:
        period = [v for r in earnings if isinstance(v := _amount(r, "current_amount"), Decimal)]
    if not period or found.value >= 2 * max(period):
        return
    del out["annual_salary"]
    for i, m in doc.find_lines(_PER_YEAR):
        value = Decimal(m.group(1).replace(",", ""))
        if value >= 2 * max(period):
            out["annual_salary"] = doc.field(value, i)
            return


def ytd_from_total(earnings: list[dict[str, FieldValue]], out: dict[str, FieldValue]) -> None:
    """A scanned earnings row whose year-to-date figure cannot be (`$ 5$.027.20`
    read as 5, below the period's own pay) while every other row's was read:
    the year-to-date total less the others is the row's."""
    total = out.get("gross_ytd")
    if total is None or not isinstance(total.value, Decimal):
        return
    bad = [
        r
        for r in earnings
        if isinstance(cur := _amount(r, "current_amount"), Decimal)
        and (_amount(r, "ytd_amount") or Decimal(0)) < cur
    ]
    if len(bad) != 1:
        return
    row = bad[0]
    others = [_amount(r, "ytd_amount") for r in earnings if r is not row]
    current = _amount(row, "current_amount")
    if current is None or any(v is None for v in others):
        return
    rest = total.value - sum((v for v in others if v is not None), Decimal(0))
    if rest >= current:
        row["ytd_amount"] = FieldValue(rest, row["current_amount"].evidence)


def _amount(row: dict[str, FieldValue], name: str) -> Decimal | None:
    found = row.get(name)
    return found.value if found is not None and isinstance(found.value, Decimal) else None


def current_from_gross(earnings: list[dict[str, FieldValue]], out: dict[str, FieldValue]) -> None:
    """A scanned earnings row whose period pay read past the gross without
    its point (`§948077,` for 9,480.77) while every other row's was read:
    the gross less the others is the row's, when its figures are the ones read."""
    gross = _amount(out, "gross_current")
    if gross is None or gross <= 0:
        return
    over = [r for r in earnings if (_amount(r, "current_amount") or Decimal(0)) > gross]
    if len(over) != 1:
        return
    row = over[0]
    others = [_amount(r, "current_amount") for r in earnings if r is not row]
    read = _amount(row, "current_amount")
    if read is None or any(v is None for v in others) or read != read.to_integral_value():
        return
    whole = gross - sum((v for v in others if v is not None), Decimal(0))
    if whole > 0 and cent_digits(whole) == str(int(read)):
        row["current_amount"] = FieldValue(whole, row["current_amount"].evidence)


# How long after its period's end a stub is paid, at most
_PAID_WITHIN = 31


def pay_date_year(out: dict[str, FieldValue]) -> None:
    """A scanned pay date outside the month after its own period's end
    (`2026-07-25` for a period ending 2025-07-20): the year with one figure
    misread, when exactly one such figure puts it there."""
    paid, end = out.get("pay_date"), out.get("pay_period_end_date")
    if paid is None or end is None:
        return
    if not isinstance(paid.value, date) or not isinstance(end.value, date):
        return
    if 0 <= (paid.value - end.value).days <= _PAID_WITHIN:
        return
    fixed = year_misread(paid.value, end.value + timedelta(days=_PAID_WITHIN), _PAID_WITHIN)
    if fixed is not None:
        out["pay_date"] = FieldValue(fixed, paid.evidence)


def frequency_of_period(out: dict[str, FieldValue]) -> None:
    """A scanned stub whose pay frequency did not read (`EVERY TWQ WEEKS`)
    but whose period did (20-APR to 03-MAY): the frequency the period's
    length gives, on the period's evidence."""
    start, end = out.get("pay_period_start_date"), out.get("pay_period_end_date")
    if start is None or end is None:
        return
    a, b = start.value, end.value
    if isinstance(a, date) and isinstance(b, date) and a < b:
        freq = pay_frequency_of(a, b)
        if freq is not None:
            out["pay_frequency"] = FieldValue(freq, end.evidence)
