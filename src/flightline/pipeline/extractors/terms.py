"""Loan terms read by OCR, checked against each other.

A fixed-rate loan's monthly principal and interest is what its amount, rate
and term give. When OCR dropped or misread one digit of the amount or the
payment, the other three values say which: the amount or payment one digit
away that makes the arithmetic exact is the printed one. Nothing is changed
unless exactly one such reading fits, and a text layer is never touched (a
payment that does not fit is then what the document says).
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext

from flightline.pipeline.extractors.amount_words import words_amounts
from flightline.pipeline.extractors.base import DocText
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue

_CENT = Decimal("0.01")
_TERMS = range(12, 481)
# No mortgage note carries an interest rate (percent) beyond this.
MAX_RATE = Decimal(25)


def amortized(amount: Decimal, rate_pct: Decimal, months: int) -> Decimal:
    """The standard monthly payment, to the cent."""
    with localcontext(prec=40):
        r = rate_pct / 100 / 12
        if r == 0:
            return (amount / months).quantize(_CENT)
        factor = (1 + r) ** months
        return (amount * r * factor / (factor - 1)).quantize(_CENT)


def _one_digit_off(value: Decimal) -> set[Decimal]:
    """Amounts one digit from `value` as printed with cents: a digit dropped,
    doubled or misread."""
    text = f"{value:.2f}".replace(".", "")
    out: set[Decimal] = set()
    for i in range(len(text) + 1):
        for d in "0123456789":
            out.add(Decimal(text[:i] + d + text[i:]) / 100)  # dropped
            if i < len(text) and d != text[i]:
                out.add(Decimal(text[:i] + d + text[i + 1 :]) / 100)  # misread
        if i < len(text):
            out.add(Decimal(text[:i] + text[i + 1 :] or "0") / 100)  # doubled
    out.discard(value)
    return {v for v in out if v > 0}


def one_digit_from(read: Decimal, value: Decimal) -> bool:
    """`read` is `value` as printed with cents with one digit misread,
    dropped or doubled (`7,935.22` for 2,935.22)."""
    return value in _one_digit_off(read)


def _decimal(fv: FieldValue | None) -> Decimal | None:
    return fv.value if fv is not None and isinstance(fv.value, Decimal) else None


def reconcile_terms(doc: DocText, out: dict[str, FieldValue], amount_name: str) -> None:
    if not doc.ocr:
        return
    _speck_payment(out)
    amount, pi = _decimal(out.get(amount_name)), _decimal(out.get("monthly_pi"))
    rate = _decimal(out.get("interest_rate"))
    term_fv = out.get("loan_term_months")
    term = term_fv.value if term_fv is not None and isinstance(term_fv.value, int) else None
    if amount is None or rate is None or term not in _TERMS or not 0 < rate < MAX_RATE:
        return
    assert term is not None
    if pi is None:
        _garbled_payment(doc, out, amortized(amount, rate, term))
        return
    if amortized(amount, rate, term) == pi:
        return
    if _printed_elsewhere(doc, out, amount_name, rate, term, pi):
        return
    fits = {a for a in _one_digit_off(amount) if amortized(a, rate, term) == pi}
    if len(fits) == 1:
        out[amount_name] = FieldValue(fits.pop(), out[amount_name].evidence)
        return
    want = amortized(amount, rate, term)
    # the payment's line holds the amount that fits (a speck read first), or
    # the payment as read is that amount with one digit wrong
    evidence = out["monthly_pi"].evidence
    if want in _amounts(evidence.text) or want in _one_digit_off(pi):
        out["monthly_pi"] = FieldValue(want, evidence)
    elif not re.search(r"\d\.\d\d(?!\d)", evidence.text):
        # a payment read with no cents (`360` out of `every month for 360`)
        # is no payment: the one the terms give, where the page prints it
        # (`PAYMENT: 1267.39`), else none
        printed = [i for i, line in enumerate(doc.lines) if want in _amounts(line.text)]
        if printed:
            out["monthly_pi"] = doc.field(want, printed[0])
        else:
            del out["monthly_pi"]


def _printed_elsewhere(
    doc: DocText,
    out: dict[str, FieldValue],
    amount_name: str,
    rate: Decimal,
    term: int,
    pi: Decimal,
) -> bool:
    """The amount read more than a digit off (`$537, 600.08` in the promise to
    pay) while the page prints it again, whole, where it fits the payment to
    the cent (`PRINCIPAL: $527,600.00` in the heading): that is the amount.
    Only one such amount, and only one within a tenth of the reading (a
    payment fitting is no chance match, but another loan's figures could be
    on the page)."""
    amount = _decimal(out.get(amount_name))
    assert amount is not None
    fits: dict[Decimal, int] = {}
    for i, line in enumerate(doc.lines):
        for value in _amounts(line.text):
            if abs(value - amount) <= amount / 10 and amortized(value, rate, term) == pi:
                fits.setdefault(value, i)
    if len(fits) != 1:
        return False
    ((value, line_index),) = fits.items()
    out[amount_name] = doc.field(value, line_index)
    return True


# How far the figures as read may be from the words and still be their
# misreading (further off, the phrase is another amount's)
_WORDS_NEAR = Decimal("0.1")


def words_prevail(doc: DocText, out: dict[str, FieldValue], amount_name: str) -> None:
    """A scanned instrument's amount in figures that differs from the same
    amount in words (`$537, 600.08` after `Five Hundred Twenty-Seven
    Thousand Six Hundred and 00/100 Dollars`): the words, as the law reads
    an instrument and as OCR keeps them (a misread letter makes no other
    number's word). One amount in words only, near the figures."""
    if not doc.ocr:
        return
    found = words_amounts(doc.text)
    if len({v for _, v in found}) != 1:
        return
    start, value = found[0]
    read = _decimal(out.get(amount_name))
    if read is None or (read != value and abs(read - value) <= value * _WORDS_NEAR):
        out[amount_name] = doc.field(value.quantize(_CENT), doc.line_index(start))


def _amounts(text: str) -> set[Decimal]:
    return {v for _, _, v in money_tokens(text)}


# No mortgage's monthly principal and interest is a few dollars.
_LEAST_PAYMENT = Decimal(10)


def _speck_payment(out: dict[str, FieldValue]) -> None:
    """`Monthly Principal & Interest  7  5034.44`: a speck read as a digit
    before the payment; the payment is the amount with cents after it."""
    pi = _decimal(out.get("monthly_pi"))
    if pi is None or pi >= _LEAST_PAYMENT:
        return
    evidence = out["monthly_pi"].evidence
    text = evidence.text
    after = [
        v
        for s, e, v in money_tokens(text)
        if re.search(r"\.\d\d$", text[s:e]) and v >= _LEAST_PAYMENT
    ]
    if len(after) == 1:
        out["monthly_pi"] = FieldValue(after[0], evidence)


def _garbled_payment(doc: DocText, out: dict[str, FieldValue], want: Decimal) -> None:
    """No payment read, and the terms' payment printed with one character a
    mark (`{883.36` for 1,883.36: a figure garbled past reading, where its
    place and every other figure still fit): that is the payment. A figure
    read as another figure is left alone: it may be what the page says."""
    forms = {f"{want:.2f}", f"{want:,.2f}"}
    for i, line in enumerate(doc.lines):
        for token in line.text.split():
            cell = token.strip(".,;:()\"'$")
            for form in forms:
                if len(cell) != len(form):
                    continue
                slips = [(a, b) for a, b in zip(cell, form, strict=True) if a != b]
                if len(slips) == 1 and not slips[0][0].isalnum():
                    out["monthly_pi"] = doc.field(want, i)
                    return
