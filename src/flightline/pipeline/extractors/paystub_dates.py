"""A paystub's dates: its pay period (`Pay Period: 12/21/2025 - 01/03/2026`) and, on a
scan whose date captions OCR garbled, the pay date and period from one row of the stub's top."""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from flightline.pipeline.extractors.base import DocText, label_regex, set_field
from flightline.pipeline.extractors.cells import ocr_dates
from flightline.pipeline.model import FieldValue
from flightline.pipeline.normalize import find_dates

_PERIOD = label_regex(("Pay Period", "Period", "Pay Period Dates", "Period Covered", "For Period"))
# The lines of a stub's top where its dates are printed.
_HEADER_LINES = 15

_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|to|thru|through)\s*", re.IGNORECASE)
# A range's first date unread before its joining word (`0f-13-2026 TO `)
_START_LOST = re.compile(r"\S*\d\S*\s+(?:to|thru|through)\s*$", re.IGNORECASE)


def pay_period(doc: DocText, out: dict[str, FieldValue]) -> None:
    """`Pay Period: 12/21/2025 - 01/03/2026`: both ends from one label, the
    dates to its right or on the line below."""
    for i, m in doc.find_lines(_PERIOD):
        line = doc.lines[i]
        candidates = [(i, line.text[m.end() - line.start :][:70])]
        j = doc.next_line(i)
        if j is not None and not find_dates(candidates[0][1]):
            candidates.append((j, doc.lines[j].text[:70]))
        for k, text in candidates:
            dates = find_dates(text)
            # A written range (`03/16/2026 - 03/31/2026`) first: the row under
            # `Check Date  Pay Period` holds the check date before it.
            ranged = [
                (a, b)
                for a, b in pairwise(dates)
                if _RANGE_JOIN.fullmatch(text[a[1] : b[0]]) and a[2] <= b[2]
            ]
            if ranged:
                start, end = ranged[0][0][2], ranged[0][1][2]
            elif dates and _START_LOST.search(text[: dates[0][0]]):
                # `0f-13-2026 TO 07-26-2026  ADVICE DATE: 07-31-2026`: the
                # range's first date past reading; the one after it is the
                # period's end, and the next date another caption's
                set_field(out, "pay_period_end_date", doc.field(dates[0][2], k))
                return
            elif len(dates) >= 2 and dates[0][2] <= dates[1][2]:
                start, end = dates[0][2], dates[1][2]
            else:
                continue
            set_field(out, "pay_period_start_date", doc.field(start, k))
            set_field(out, "pay_period_end_date", doc.field(end, k))
            return


# A payment is made on or after its period's end, within this many days.
_PAID_WITHIN = 31
# A pay period's span from its first day to its last (a week to a month).
_PERIOD_DAYS = (5, 31)


def dates_row(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A scanned stub whose date captions OCR garbled (`Payment Date  Sly
    Paicde ara!  Frequency`, or past reading: `nah Ray Paisd go)`): a row at
    the stub's top that holds one date and one written range (`Apr 30, 2025
    Apr 01, 2025 - Apr 30, 2025`) is the pay date and the pay period, when
    the date falls on or soon after the period's end; or three dates in cells,
    the period's ends beside each other."""
    for j, line in enumerate(doc.lines[:_HEADER_LINES]):
        text = line.text
        dates = find_dates(text)
        ranges = [
            (a, b)
            for a, b in pairwise(dates)
            if _RANGE_JOIN.fullmatch(text[a[1] : b[0]]) and a[2] <= b[2]
        ]
        if len(dates) != 3 or len(ranges) > 1:
            continue
        if ranges:
            start, end = ranges[0][0][2], ranges[0][1][2]
            paid = next(d[2] for d in dates if d not in ranges[0])
        else:
            # three dates in cells (`24-Jul-2026  06-Jul-2026  19-Jul-2026`):
            # the pay date first or last, the period's two ends beside each
            # other; only one of the two orders may make a period paid after it
            found = [
                (paid, start, end)
                for paid, start, end in (
                    (dates[0][2], dates[1][2], dates[2][2]),
                    (dates[2][2], dates[0][2], dates[1][2]),
                )
                if _PERIOD_DAYS[0] <= (end - start).days <= _PERIOD_DAYS[1]
                and 0 <= (paid - end).days <= _PAID_WITHIN
            ]
            if len(found) != 1:
                continue
            paid, start, end = found[0]
        if 0 <= (paid - end).days <= _PAID_WITHIN:
            set_field(out, "pay_date", doc.field(paid, j))
            set_field(out, "pay_period_start_date", doc.field(start, j))
            set_field(out, "pay_period_end_date", doc.field(end, j))
            return


# `DATE PATO`: `Date Paid` with its last letters misread
_PAID_CAPTION = re.compile(r"\bdate\s+pa[a-z]{2}\b\W*", re.IGNORECASE)


def date_paid_misread(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A scanned `Date Paid` caption misread (`DATE PATO  03-APR-2026`): the
    date right after it is the pay date when it falls on or soon after the
    pay period's end (which makes it no other date of the stub)."""
    end = out.get("pay_period_end_date")
    if end is None or not isinstance(end.value, date):
        return
    for i, m in doc.find_lines(_PAID_CAPTION):
        line = doc.lines[i]
        rest = line.text[m.end() - line.start :][:30]
        dates = ocr_dates(rest)
        if dates and dates[0][0] == 0 and 0 <= (dates[0][2] - end.value).days <= _PAID_WITHIN:
            set_field(out, "pay_date", doc.field(dates[0][2], i))
            return
