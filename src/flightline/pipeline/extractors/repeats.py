"""Which of an OCR'd amount's readings stands, when its label is printed
more than once (a form repeats its totals): the first reading, unless the
later ones show a digit misread or lost."""

from __future__ import annotations

import re
from decimal import Decimal

from flightline.pipeline.extractors.base import DocText, Found
from flightline.pipeline.normalize import cent_digits
from flightline.pipeline.normalize import front_lost as figures_lost


def agreed(doc: DocText, first: Found, later: list[Found]) -> Found:
    """An OCR'd amount the later readings of its label contradict: when two of
    them agree on a value one digit from it, or one prints its dollar sign
    where the first has a digit more in front and no sign (`3157590.84` for
    $157,590.84, the sign read as a 3), or one is the first's figures with
    the cents OCR set apart after a space (`2941 23.30`), that value; else
    the first stands."""
    if not isinstance(first.value, Decimal):
        return first
    for other in later:
        if not isinstance(other.value, Decimal) or other.value == first.value:
            continue
        agree = sum(1 for f in later if f.value == other.value)
        if agree >= 2 and _digit_apart(first.value, other.value) and not _longer(other, first):
            # (repeats a digit longer may each carry a dollar sign read as one)
            return other
        if (
            _sign_read_as_digit(first.value, other.value)
            and "$" not in doc.lines[first.line].text
            and "$" in doc.lines[other.line].text
        ):
            return other
        if _split_by_space(doc.lines[first.line].text, first.value, other.value):
            return other
    return first


def _split_by_space(line: str, read: Decimal, other: Decimal) -> bool:
    """`2941 23.30` for 294,123.30: a space OCR set inside the amount, the
    first reading its front without cents; a later reading of the label
    holding the two parts' figures in order is the amount."""
    if read != read.to_integral_value() or read <= 0:
        return False
    m = re.search(rf"(?<![\d.,]){int(read)} (\d{{1,3}}\.\d\d)(?![\d,])", line)
    return m is not None and Decimal(f"{int(read)}{m.group(1)}") == other


def zero_led(doc: DocText, first: Found) -> bool:
    """`071.57` for $2,071.57: no amount is printed with a leading zero; its
    first figures were lost."""
    value = first.value
    if not isinstance(value, Decimal) or value < 1:
        return False
    shown = re.escape(f"{abs(value):.2f}")
    return bool(re.search(r"(?<![\d,.])0+" + shown + r"(?!\d)", doc.lines[first.line].text))


def front_lost(first: Found, later: list[Found]) -> Found | None:
    """A reading that lost its first figures (`zero_led`): a later reading of
    the amount (the same caption, or one it ends with: `Principal & Interest`
    under `Monthly Principal & Interest`) ending with the same figures is it."""
    value = first.value
    assert isinstance(value, Decimal)
    for other in later:
        if isinstance(other.value, Decimal) and figures_lost(value, other.value):
            return other
    return None


def _longer(a: Found, b: Found) -> bool:
    assert isinstance(a.value, Decimal)
    assert isinstance(b.value, Decimal)
    return len(cent_digits(a.value)) > len(cent_digits(b.value))


def _sign_read_as_digit(read: Decimal, other: Decimal) -> bool:
    a, b = cent_digits(read), cent_digits(other)
    return len(a) == len(b) + 1 and a[1:] == b and a[0] in "3589"


def _digit_apart(a: Decimal, b: Decimal) -> bool:
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(cent_digits(a), cent_digits(b)) == 1
