"""An instrument's amount written in words (`Five Hundred Twenty-Seven
Thousand Six Hundred and 00/100 Dollars`).

A Note states its principal twice, in words and in figures; where the two
differ the words prevail (UCC 3-114). On a scan the words also survive
misreads that garble a figure: OCR turns a misread letter into a non-word,
never into another number's word, so a phrase made wholly of number words
is read as printed.
"""

from __future__ import annotations

import re
from decimal import Decimal

_ONES = {
    w: n
    for n, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS = {
    w: 10 * n
    for n, w in enumerate(
        ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    )
    if w != "_"
}
_SCALES = {"thousand": 1000, "million": 1_000_000}

# The words before `and 00/100 Dollars`, after the word that leads them in
# (`promise to pay`, `owes Lender`, `the sum of`). OCR may put specks between
# the words (`Twenty= -Seven`) and break the phrase over lines.
_PHRASE = re.compile(
    r"\b(?:pay|owes\s+lender|sum\s+of|amount\s+of)\s+"
    r"((?:[A-Za-z]+[\s=\-\u2013,]+){1,16}?)"
    r"and\s+(\d\d)\s*/\s*100\s+dollars",
    re.IGNORECASE,
)


def words_amounts(text: str) -> list[tuple[int, Decimal]]:
    """Each amount written in words in `text`, with where its phrase starts;
    a phrase with any word that is not a number's is skipped."""
    out = []
    for m in _PHRASE.finditer(text):
        whole = _whole_dollars(re.split(r"[\s=\-\u2013,]+", m.group(1).strip(" =-,\u2013")))
        if whole is not None:
            out.append((m.start(1), whole + Decimal(m.group(2)) / 100))
    return out


def _whole_dollars(words: list[str]) -> int | None:
    total = current = 0
    last_scale = 10**9  # each scale word smaller than the one before it
    seen = False
    for word in (w.lower() for w in words if w):
        if word in _ONES:
            # (`Twenty Twelve`, `Five Six`: no number's words in that order)
            if current % 10 or (current % 100 and _ONES[word] >= 10):
                return None
            current += _ONES[word]
        elif word in _TENS:
            if current % 100:
                return None
            current += _TENS[word]
        elif word == "hundred":
            if not 0 < current < 10:
                return None
            current *= 100
        elif word in _SCALES:
            if current == 0 or _SCALES[word] >= last_scale:
                return None
            total += current * _SCALES[word]
            current, last_scale = 0, _SCALES[word]
        else:
            return None
        seen = True
    return total + current if seen else None
