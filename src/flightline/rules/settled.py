"""Debts the 1008's back-end ratio settles, where a scan left a payment open.

The 1008 prints the underwriter's back-end DTI to three places over its own
income. Where OCR left readings open (a payment lost, read a misread apart
from the URLA's, one figure misread), the reading whose total gives that
very ratio, when exactly one does, is the underwriter's count (a scanned
ratio below the 1008's front-end one, with a figure dropped, still gives
its other figures in place). Any other 1008 figure settles nothing: the
debts stay as read, or unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from itertools import product

from flightline.pipeline.model import DocType
from flightline.pipeline.normalize import cent_digits
from flightline.rules.access import HUNDRED, num
from flightline.rules.compare import is_ocr
from flightline.rules.debts import ZERO, Debt, DebtsRead
from flightline.rules.engine import LoanContext

# How near a 1008's ratio (DTI, LTV) another must come to be the same figure
# (it prints three places).
SAME_RATIO = Decimal("0.01")
# A payment's figure changed to fit the 1008 must give its very print: with
# nothing else saying which figure was misread, a near miss is chance.
_EXACT_RATIO = Decimal("0.0005")
# At most this many open tradelines and payoff candidates are tried against
# the 1008 (about 2^n readings).
MAX_OPEN = 4


def percent(part: Decimal, whole: Decimal) -> Decimal:
    return part / whole * HUNDRED


def same_ratio(ours: Decimal, stated: Decimal) -> bool:
    return abs(ours - stated) <= SAME_RATIO


def _stated_ratios(
    ctx: LoanContext, income_total: Decimal | None
) -> list[tuple[Decimal, Decimal, bool]]:
    """Each 1008's (income, back-end DTI, whether the DTI is a scan's reading
    below the 1008's own front-end one): over its own income, as ours may
    differ by a rounding; and over ours, as a scan may have misread its own
    (`6090.00` for 16,000.00)."""
    out = []
    for t in ctx.of_type(DocType.transmittal_1008):
        stated = num(t, "dti_back")
        if stated is None:
            continue
        front = num(t, "dti_front")
        short = is_ocr(t.fields.get("dti_back")) and front is not None and stated < front
        for income in dict.fromkeys((num(t, "qualifying_income_monthly"), income_total)):
            if income:
                out.append((income, stated, short))
    return out


def _meets(ours: Decimal, stated: Decimal, short: bool) -> bool:
    """`ours` is the 1008's ratio; or, where the scan's reading is below the
    1008's own front-end ratio (no back-end ratio is), its print with one
    figure dropped (`3.171` for 35.171): every other figure in its place."""
    if same_ratio(ours, stated):
        return True
    if not short:
        return False
    printed = format(ours.quantize(Decimal("0.001")), "f").replace(".", "")
    read = format(stated.quantize(Decimal("0.001")), "f").replace(".", "")
    return any(printed[:i] + printed[i + 1 :] == read for i in range(len(printed)))


def _owed(debts: list[Debt]) -> Decimal:
    return sum((d.payment for d in debts if not d.paid_off), ZERO)


def open_rows_settled(
    ctx: LoanContext, pitia: Decimal, income_total: Decimal | None, read: DebtsRead
) -> list[Debt] | None:
    """The readings of the tradelines a scan left open, and which of a
    refinance's mortgages this closing pays off, that with the debts read
    and the PITIA give the very back-end DTI the 1008 states: the debts to
    add, when exactly one total of them does."""
    open_rows = read.open or []
    if len(open_rows) + len(read.payoff) > MAX_OPEN:
        return None
    known = _owed(read.debts)
    payoffs: list[Debt | None] = list(read.payoff) or [None]
    found: dict[Decimal, list[Debt]] = {}
    for income, stated, short in _stated_ratios(ctx, income_total):
        for choice in product(*open_rows):
            for paid in payoffs:
                kept = [d for d in read.payoff if d is not paid]
                chosen = [d for d in choice if d is not None] + kept
                total = known + sum((d.payment for d in chosen), ZERO)
                if _meets(percent(pitia + total, income), stated, short):
                    found.setdefault(total, chosen)
    return next(iter(found.values())) if len(found) == 1 else None


def disputes_settled(
    ctx: LoanContext,
    pitia: Decimal,
    income_total: Decimal | None,
    debts: list[Debt],
    disputed: list[tuple[Debt, Debt]],
) -> list[Debt]:
    """The debts, with a scanned payment the URLA states otherwise replaced
    by the URLA's where the 1008's ratio is met by exactly one such choice
    and not by the report's readings: two documents against one reading
    (`S188` read as 5188 beside the URLA's and the 1008's 1,855). Otherwise
    the report's readings stand."""
    live = [(d, o) for d, o in disputed if not d.paid_off]
    if not live or len(live) > MAX_OPEN:
        return debts
    base = _owed(debts)
    found: dict[Decimal, list[tuple[Debt, Debt]]] = {}
    for income, stated, short in _stated_ratios(ctx, income_total):
        if _meets(percent(pitia + base, income), stated, short):
            return debts
        for swap in product((False, True), repeat=len(live)):
            chosen = [pair for pair, on in zip(live, swap, strict=True) if on]
            total = base + sum((o.payment - d.payment for d, o in chosen), ZERO)
            if chosen and _meets(percent(pitia + total, income), stated, short):
                found.setdefault(total, chosen)
    if len(found) != 1:
        return debts
    swaps = {id(d): o for d, o in next(iter(found.values()))}
    return [swaps.get(id(d), d) for d in debts]


def _one_figure_apart(payment: Decimal) -> list[Decimal]:
    """Every amount `payment` becomes with one of its figures read as another,
    or without a first figure that was its dollar sign (`5160` for $160)."""
    digits = cent_digits(payment)
    out = []
    for i, d in enumerate(digits):
        for other in "0123456789":
            if other == d or (i == 0 and other == "0"):
                continue
            value = Decimal(digits[:i] + other + digits[i + 1 :]) / HUNDRED
            if value > 0:
                out.append(value)
    if len(digits) > 3 and digits[0] in _SIGN_FIGURES:
        out.append(Decimal(digits[1:]) / HUNDRED)
    return out


# The figures OCR reads a dollar sign as.
_SIGN_FIGURES = "58"


def figure_misread(
    ctx: LoanContext, pitia: Decimal, income_total: Decimal | None, debts: list[Debt]
) -> list[Debt]:
    """The debts, with one scanned payment read with one figure wrong
    (`$892 00"` for $292.00) or its sign read as a figure (`5160` for $160)
    put right, where the 1008's ratio, to its three places, is met by
    exactly one such change and not by the debts as read. Otherwise the
    debts stand as read."""
    # (a report's reading, or a debt only the application lists)
    live = [
        d
        for d in debts
        if not d.paid_off and d.stated is None and is_ocr(d.row.get("monthly_payment"))
    ]
    if not live:
        return debts
    base = _owed(debts)
    found: dict[tuple[int, Decimal], tuple[Debt, Decimal]] = {}
    for income, stated, short in _stated_ratios(ctx, income_total):
        if _meets(percent(pitia + base, income), stated, short):
            return debts
        if short:
            continue  # (a figure changed to fit a figure dropped: two misreads)
        for d in live:
            for value in _one_figure_apart(d.payment):
                total = base - d.payment + value
                if abs(percent(pitia + total, income) - stated) <= _EXACT_RATIO:
                    found.setdefault((id(d), value), (d, value))
    choices = list(found.values())
    if len(choices) > 1:
        # (a reading printed cleanly is less likely the misread one)
        choices = [(d, v) for d, v in choices if not _printed_clean(d)]
    if len(choices) != 1:
        return debts
    misread, value = choices[0]
    return [replace(d, payment=value) if d is misread else d for d in debts]


def _printed_clean(d: Debt) -> bool:
    """The payment stands in its row's text as an amount prints (`2,623.00`,
    `$292`), not with marks or gaps about its figures (`$892 00"`)."""
    found = d.row.get("monthly_payment")
    if found is None:
        return False
    p = d.payment
    forms = {f"{p:,.2f}", f"{p:.2f}"}
    if p == p.to_integral_value():
        forms |= {f"{p:,.0f}", f"{p:.0f}"}
    return any(
        re.search(rf"(?<![\w,.]){re.escape(form)}(?![\w,.\"'\u201d]|\s\d\d\b)", found.evidence.text)
        for form in forms
    )
