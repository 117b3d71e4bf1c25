"""Typed values inside a piece of a line: every amount, date, rate, SSN, EIN,
year, count or term, with its position, for the label readers and tables."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from flightline.pipeline.model import Value
from flightline.pipeline.normalize import (
    DATE_RE,
    MONEY_RE,
    PERCENT_RE,
    find_dates,
    find_money,
    find_percents,
    normalize_account_last4,
    normalize_ssn_last4,
)

# -- values in a piece of text -------------------------------------------------

Finder = Callable[[str], list[tuple[int, Value]]]

_BARE_INT = re.compile(r"\d{1,3}")
_WORD_AFTER = re.compile(r"\s*[A-Za-z(]")
_COMMA_CENTS = re.compile(r"(?<![\d,.])(\$?\s?\d{4,}),(\d\d)(?![\d,])")
_CENTS_SPECK = re.compile(r"(\d\.\d\d)[A-Za-z](?=\s|$)")
_DOLLAR_PCT_SPECK = re.compile(r"(\$\s?\d[\d,]*\.\d\d)%")
# `NEW BALANCE  4   78,585.03`, `1+ $295,000.00`: a lone digit OCR made of a
# speck (a mark after it or not) before the amount
_DIGIT_SPECK = re.compile(r"(?<![\w.,$])\d(?=[^\w\s$.,]?\s+\$?\s?\d{1,3}(?:,\d{3})*\.\d\d(?![\d]))")


def has_cents(v: Decimal) -> bool:
    """An amount read with its two places of cents (`84440.76`, not `84037`)."""
    return v.as_tuple().exponent == -2


def money_tokens(text: str, *, boxes: bool = True) -> list[tuple[int, int, Decimal]]:
    """Amounts in `text`, leaving out date parts and (with `boxes`, for text
    around labels) box or line numbers; table rows keep small numbers."""
    for s, e, _ in find_dates(text):
        text = text[:s] + " " * (e - s) + text[e:]
    # `551500.00g`: a speck OCR read as a letter right after the cents
    text = _CENTS_SPECK.sub(r"\1 ", text)
    # `$11682.67%`: after a dollar amount's cents a percent sign is a speck
    text = _DOLLAR_PCT_SPECK.sub(r"\1 ", text)
    # `$78844,34`: a decimal point read as a comma where no thousands group fits
    text = _COMMA_CENTS.sub(r"\1.\2", text)
    out = []
    for s, e, value in find_money(text):
        token = text[s:e]
        # `1 Wages, tips` or `11 Adjusted gross income`: a bare small number
        # followed by words numbers a box or a line; it is not an amount.
        if boxes and _BARE_INT.fullmatch(token.strip(" ($-")) and _WORD_AFTER.match(text, e):
            continue
        if boxes and (m := _DIGIT_SPECK.match(text, s)) and m.end() == e:
            continue
        if token.startswith(".") and s > 0 and not (text[s - 1].isspace() or text[s - 1] in "$("):
            continue  # `2362%.00`: the cents of a figure garbled, no amount of their own
        out.append((s, e, value))
    return out


def _dates(text: str) -> list[tuple[int, Value]]:
    return [(s, v) for s, _, v in find_dates(text)]


def _money(text: str) -> list[tuple[int, Value]]:
    return [(s, v) for s, _, v in money_tokens(text)]


def _percents(text: str) -> list[tuple[int, Value]]:
    found: list[tuple[int, Value]] = [(s, v) for s, _, v in find_percents(text)]
    if found:
        return found
    # A rate written as a bare decimal (6.875, 0.06875) right after its label.
    m = re.match(r"\s*(\d{1,2}\.\d{1,5}|0?\.\d{2,6})(?![\d,/])", text)
    if m:
        value = Decimal(m.group(1))
        if value < 1:
            value = (value * 100).normalize()
        return [(m.start(1), value)]
    return []


_YEAR_TOKEN = re.compile(r"(?<![\d/.,$-])((?:19|20)\d\d)(?![\d/,]|\.\d)")
_INT_TOKEN = re.compile(r"(?<![\d.,/$])(\d{1,4})(?![\d.,/%])")
_TERM_TOKEN = re.compile(r"(\d{1,3})\s*-?\s*(years?|yrs?|months?|mos?)\b", re.IGNORECASE)
# (OCR reads a mask's `#` as `H`: `HHH-H#-5675`)
_SSN_TOKEN = re.compile(
    r"(?<![A-Za-z0-9*#\u2022-])(?:[XxH*#\u2022\d]{3}|[XxH*#\u2022]{1,9})\s?-\s?(?:[XxH*#\u2022\d]{2})\s?-\s?"
    r"\d{4}(?!\d)"
    r"|(?<![Xx*#\u2022])[Xx*#\u2022]{5,12}\s?\d{4}(?!\d)"
)
_OCR_SSN = re.compile(
    # (`_XXX#XX-0021`: a box's edge read as an underscore before the mask)
    r"[\s:;()#._\"\u201c\u201d\u00a5]{0,12}(?:last\s*4\W{0,3})?[XxsSHKEWFMNBe*#%\u2022\d]"
    # (`#it#-##-0840`, `eeeas=9626`: a mark read as small letters; `X\u00a5XXX2971`:
    # an X read as a yen sign)
    r"[XxsSHKEWFMNBitea=*#%\u2022\u00a5\d\s.~_+-]{3,10}?"
    r"(\d{4})(?![\d.,])"
)
_SSN_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
_EIN_RE = re.compile(r"(?<![\d-])(\d{2})\s?-\s?(\d{7})(?!\d)")


def _years(text: str) -> list[tuple[int, Value]]:
    return [(m.start(1), int(m.group(1))) for m in _YEAR_TOKEN.finditer(text)]


def _ints(text: str) -> list[tuple[int, Value]]:
    return [(m.start(1), int(m.group(1))) for m in _INT_TOKEN.finditer(text)]


def _months(text: str) -> list[tuple[int, Value]]:
    out: list[tuple[int, Value]] = []
    for m in _TERM_TOKEN.finditer(text):
        n = int(m.group(1))
        out.append((m.start(), n * 12 if m.group(2).lower().startswith("y") else n))
    if not out:
        for m in _INT_TOKEN.finditer(text):
            if int(m.group(1)) in (60, 120, 180, 240, 300, 360, 480):
                out.append((m.start(1), int(m.group(1))))
    return out


# `SSN (last 4): 1234`; never another label's number (`ADDRESS: 7163 Aspen`).
# (`eence 5075,`: a mark glued after the figures is a figure misread, so the
# four read may be the mask's break and three of the SSN's: no reading)
_LAST4_AFTER_LABEL = re.compile(
    r"(?!\W*(?:address|street|zip|phone|date|box)\b)[\s:()a-zA-Z4]{0,14}?[\s:]\s*(\d{4})"
    r"(?![\d,;-])",
    re.IGNORECASE,
)


def _ssns(text: str) -> list[tuple[int, Value]]:
    # `SSN (last 4): 1234`: four digits alone right after the label; or a
    # cell of its column that is four digits alone (the mask OCR lost).
    m = _LAST4_AFTER_LABEL.match(text) or re.fullmatch(r"\s*(\d{4})\s*", text)
    if m and not _SSN_TOKEN.search(text):
        return [(m.start(1), m.group(1))]
    out: list[tuple[int, Value]] = []
    for m in _SSN_TOKEN.finditer(text):
        v = normalize_ssn_last4(m.group(0))
        if v:
            out.append((m.start(), v))
    if not out:
        # A masked SSN as OCR reads the mask (`HHH -HHH-2663`, `##4-##-2663`,
        # `XXX-XxX-2663`, `*** ** 2663`): the last four digits after a few
        # mask characters right after the label.
        read = text.translate(_SSN_DIGITS)
        m = _OCR_SSN.match(read)
        # five digits after the mask's last break (`HHH -HH-23711`) or after
        # a whole unbroken mask (`XXXXX89I80`): one is a speck read as a
        # digit, and nothing says which four are the SSN's;
        # a mask read as digits throughout, short of a whole SSN's nine
        # (`89949990`), misread its last four as likely as its mask
        if (
            m
            and not _FIVE_AFTER_BREAK.search(read, 0, m.end(1))
            and not _ALL_DIGITS.fullmatch(read[m.start() : m.end(1)].strip(' :;()#."\u201c\u201d'))
            # a mask ending in digits and a gap (`#8945806 3126`): the four
            # after the gap are the next cell's figure, never the SSN's
            and not _DIGITS_THEN_GAP.search(read, m.start(), m.start(1))
        ):
            out.append((m.start(1), m.group(1)))
        elif (shaped := _MASK_SHAPED.match(text)) is not None:
            # the mask in the SSN's own shape, its letters read as any
            # (`xgx-xx-1492`): three, two, then the four figures
            out.append((shaped.start(1), shaped.group(1)))
    return out


_MASK_SHAPED = re.compile(
    r"[\s:;()#._\"\u201c\u201d]{0,12}[^\W\d_]{3}\s?-\s?[^\W\d_]{2}\s?-\s?(\d{4})(?![\d.,])"
)
_FIVE_AFTER_BREAK = re.compile(r"(?:[\s.~_+-]|(?<![XxHK*#\u2022])[XxHK*#\u2022]{5})\d{5}$")
_ALL_DIGITS = re.compile(r"\d{5,8}")
_DIGITS_THEN_GAP = re.compile(r"\d\s+$")


def _accounts(text: str) -> list[tuple[int, Value]]:
    v = normalize_account_last4(text)
    if v:
        return [(text.find(v), v)]
    # A labelled account shown by its last four digits alone.
    m = re.match(r"\W*(\d{4})(?!\d)", text)
    return [(m.start(1), m.group(1))] if m else []


def _eins(text: str) -> list[tuple[int, Value]]:
    return [(m.start(), f"{m.group(1)}-{m.group(2)}") for m in _EIN_RE.finditer(text)]


FINDERS: dict[str, Finder] = {
    "date": _dates,
    "money": _money,
    "money_last": _money,
    "percent": _percents,
    "year": _years,
    "int": _ints,
    "months": _months,
    "ssn4": _ssns,
    "acct4": _accounts,
    "ein": _eins,
}
TEXT_KINDS = frozenset({"text", "name", "person", "address"})
_TOKEN_RE = re.compile(
    "(?:" + DATE_RE.pattern + ")|(?:" + _SSN_TOKEN.pattern + ")|(?:" + PERCENT_RE.pattern + ")"
    "|(?:" + MONEY_RE.pattern + ")",
    re.IGNORECASE,
)


def value_tokens(text: str) -> list[tuple[int, int, str]]:
    """Typed values of a line in order (dates, SSNs, percentages, amounts),
    without box or line numbers."""
    out = []
    for m in _TOKEN_RE.finditer(text):
        token = m.group(0)
        if _BARE_INT.fullmatch(token.strip(" ($-")) and _WORD_AFTER.match(text, m.end()):
            continue
        out.append((m.start(), m.end(), token))
    return out


_GAP = re.compile(r"\s{2,}")


def value_cells(text: str, want: int | None = None) -> list[str]:
    """A value row split into cells: each typed value, and the words between.
    When that makes fewer cells than `want` columns, the words between are
    split one per cell (`L80937446 Accept 06-23-2026 ...`). A row whose wide
    gaps (two spaces or more) make exactly `want` cells is split there."""
    if want is not None and "  " in text:
        gapped = [c for c in _GAP.split(text.strip()) if c]
        if len(gapped) == want:
            return gapped
    cells: list[str] = []
    words: list[str] = []
    pos = 0
    for s, e, token in value_tokens(text):
        gap = text[pos:s].strip()
        if gap:
            cells.append(gap)
            words.extend(gap.split())
        cells.append(token.strip())
        words.append(token.strip())
        pos = e
    tail = text[pos:].strip()
    if tail:
        cells.append(tail)
        words.extend(tail.split())
    typed = len(words) - sum(len(c.split()) for c in cells if not _TOKEN_RE.fullmatch(c))
    if want is not None and typed and len(cells) < want and len(words) == want:
        return words
    return cells


def pick(kind: str, text: str) -> tuple[int, Value] | None:
    found = FINDERS[kind](text)
    if not found:
        return None
    return found[-1] if kind == "money_last" else found[0]
