"""Creditor names and balances compared across documents: the credit bureau's
name for a creditor and the settlement agent's or the application's differ in
abbreviations (MTG/Mortgage, SVCS/Services) and, on a scan, in OCR noise."""

from __future__ import annotations

import re
from decimal import Decimal

from rapidfuzz.fuzz import ratio, token_set_ratio

from flightline.rules.keys import employer_key

# A payoff is the balance plus interest accrued since the credit report was
# pulled, less payments made since: close to the reported balance, not equal.
_PAYOFF_NEAR = Decimal("0.03")
_PAYOFF_NEAR_MIN = Decimal(500)
# Creditor names as printed by the credit bureau and by the settlement agent
# differ in abbreviations (MTG/Mortgage, SVCS/Services) and OCR noise.
_SAME_CREDITOR = 85.0


def near_balance(balance: Decimal | None, amount: Decimal) -> bool:
    if balance is None:
        return False
    return abs(balance - amount) <= max(_PAYOFF_NEAR_MIN, amount * _PAYOFF_NEAR)


def alike(creditor: str, other: str) -> bool:
    a, b = employer_key(creditor), employer_key(other)
    if not (a and b):
        return False
    # (OCR runs words together and misreads a letter: `PRAIRIBPMORTGAGE SERVICING`)
    if ratio(a.replace(" ", ""), b.replace(" ", "")) >= _SAME_CREDITOR:
        return True
    if token_set_ratio(a, b) >= _SAME_CREDITOR and not _other_words(a, b):
        return True
    # (a scan's specks read as words after the name, `Praige Card Sewices
    # Elgg Pike mead`: the name's words, each near its fellow, are the creditor)
    short, long = sorted((a.split(), b.split()), key=len)
    return 2 <= len(short) < len(long) and all(
        ratio(x, y) >= _SAME_WORD for x, y in zip(short, long, strict=False)
    )


# A word this close to another (`SVCS`, `SERVICFS`) may be it, abbreviated or misread.
_SAME_WORD = 60.0


def _other_words(a: str, b: str) -> bool:
    """Each name has a word the other lacks, and none of them is another's
    misreading or abbreviation: `MOTOR CREDIT` and `CREDIT CARD` share a
    word, not a creditor (a word more on one side only is a speck or a
    suffix, `CARD SERVICES Ca`)."""
    wa, wb = set(a.split()), set(b.split())
    only_a, only_b = wa - wb, wb - wa
    return bool(only_a and only_b) and not any(
        ratio(x, y) >= _SAME_WORD or _abbreviates(x, y) or _abbreviates(y, x)
        for x in only_a
        for y in only_b
    )


def _abbreviates(short: str, word: str) -> bool:
    """`svcs` for services: the word's first letter, then some of its letters in order."""
    if len(short) < 2 or len(short) >= len(word) or short[0] != word[0]:
        return False
    rest = iter(word[1:])
    return all(ch in rest for ch in short[1:])


def mortgage_like(kind: str | None, creditor: str) -> bool:
    return (kind or "").lower() == "mortgage" or bool(
        re.search(r"mortgage|home\s*loan|\bmtg\b", creditor, re.I)
    )
