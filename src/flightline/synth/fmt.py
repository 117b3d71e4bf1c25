"""How values look on paper: date, money and percent formats, name and
address renderings. Each document picks one style, so two documents of the
same file rarely print a value the same way — which is what a reader of real
loan files has to cope with."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flightline.synth.money import cents, dollars

DATE_FORMATS = ("mdy_slash", "long", "iso", "dmy_abbr", "abbr", "mdy_dash", "upper_dmy")
MONEY_FORMATS = ("dollar_comma", "comma", "plain", "dollar_space", "dollar_plain")
FONTS = ("Helvetica", "Times", "Courier")

_BOLD = {"Helvetica": "Helvetica-Bold", "Times": "Times-Bold", "Courier": "Courier-Bold"}
_REGULAR = {"Helvetica": "Helvetica", "Times": "Times-Roman", "Courier": "Courier"}
_ITALIC = {"Helvetica": "Helvetica-Oblique", "Times": "Times-Italic", "Courier": "Courier-Oblique"}


def fmt_date(d: date, kind: str) -> str:
    if kind == "long":
        return f"{d.strftime('%B')} {d.day}, {d.year}"
    if kind == "iso":
        return d.isoformat()
    if kind == "dmy_abbr":
        return d.strftime("%d-%b-%Y")
    if kind == "upper_dmy":
        return d.strftime("%d-%b-%Y").upper()
    if kind == "abbr":
        return d.strftime("%b %d, %Y")
    if kind == "mdy_dash":
        return d.strftime("%m-%d-%Y")
    return d.strftime("%m/%d/%Y")


def fmt_money(v: Decimal, kind: str, whole: bool = False) -> str:
    neg = v < 0
    v = abs(dollars(v) if whole else cents(v))
    body = f"{v:,.0f}" if whole else f"{v:,.2f}"
    if kind in ("plain", "dollar_plain"):
        body = body.replace(",", "")
    if kind.startswith("dollar"):
        body = ("$ " if kind == "dollar_space" else "$") + body
    return f"-{body}" if neg else body


@dataclass(frozen=True, slots=True)
class Style:
    font: str
    size: float
    date_kind: str
    money_kind: str
    label_upper: bool
    colon: bool
    rules: bool
    shade: bool
    accent: tuple[float, float, float]

    @property
    def regular(self) -> str:
        return _REGULAR[self.font]

    @property
    def bold(self) -> str:
        return _BOLD[self.font]

    @property
    def italic(self) -> str:
        return _ITALIC[self.font]

    # values arrive untyped from a document's field dict; a wrong type is a bug
    def date(self, d: object) -> str:
        if d is None:
            return ""
        assert isinstance(d, date), d
        return fmt_date(d, self.date_kind)

    def money(self, v: object, whole: bool = False) -> str:
        if v is None:
            return ""
        assert isinstance(v, Decimal), v
        return fmt_money(v, self.money_kind, whole)

    def pct(self, v: object, places: int = 3) -> str:
        if v is None:
            return ""
        assert isinstance(v, Decimal), v
        return f"{v:.{places}f}%"

    def label(self, s: str) -> str:
        s = s.upper() if self.label_upper else s
        return f"{s}:" if self.colon and not s.endswith((":", "?")) else s


def random_style(
    rng: random.Random,
    *,
    fonts: tuple[str, ...] = FONTS,
    dates: tuple[str, ...] = DATE_FORMATS,
    money: tuple[str, ...] = MONEY_FORMATS,
) -> Style:
    font = rng.choice(fonts)
    accent = rng.choice(((0, 0, 0), (0.1, 0.2, 0.45), (0.35, 0.1, 0.1), (0.15, 0.3, 0.2)))
    return Style(
        font=font,
        size=rng.choice((8.0, 8.5, 9.0, 9.5)) if font != "Courier" else rng.choice((7.5, 8.0)),
        date_kind=rng.choice(dates),
        money_kind=rng.choice(money),
        label_upper=rng.random() < 0.35,
        colon=rng.random() < 0.6,
        rules=rng.random() < 0.6,
        shade=rng.random() < 0.5,
        accent=(float(accent[0]), float(accent[1]), float(accent[2])),
    )


@dataclass(frozen=True, slots=True)
class Person:
    first: str
    middle: str
    last: str
    suffix: str = ""


NAME_KINDS = ("full", "full_middle", "no_middle", "upper", "last_first", "upper_last_first")


def fmt_name(p: Person, kind: str) -> str:
    """Formatting-only renderings: case, order, punctuation, middle initial or
    name — the differences a correct engine must treat as the same person."""
    mi = f"{p.middle[0]}." if p.middle else ""
    suffix = f" {p.suffix}" if p.suffix else ""
    if kind == "full_middle" and p.middle:
        s = f"{p.first} {p.middle} {p.last}{suffix}"
    elif kind == "no_middle":
        s = f"{p.first} {p.last}{suffix}"
    elif kind == "upper":
        s = f"{p.first} {mi.rstrip('.')} {p.last}{suffix}".replace("  ", " ").upper()
    elif kind == "last_first":
        s = f"{p.last}{suffix}, {p.first} {mi}".strip()
    elif kind == "upper_last_first":
        s = f"{p.last}{suffix}, {p.first} {mi.rstrip('.')}".strip().upper()
    else:
        s = f"{p.first} {mi} {p.last}{suffix}".replace("  ", " ")
    return s


SUFFIX_ABBR = {
    "Street": "St",
    "Avenue": "Ave",
    "Road": "Rd",
    "Drive": "Dr",
    "Lane": "Ln",
    "Court": "Ct",
    "Boulevard": "Blvd",
    "Place": "Pl",
    "Circle": "Cir",
    "Terrace": "Ter",
    "Parkway": "Pkwy",
    "Way": "Way",
    "Trail": "Trl",
}


@dataclass(frozen=True, slots=True)
class Address:
    number: str
    street: str
    suffix: str
    city: str
    state: str
    zip: str
    unit: str = ""

    def line1(self, abbrev: bool = False, upper: bool = False, dot: bool = False) -> str:
        suf = SUFFIX_ABBR.get(self.suffix, self.suffix) if abbrev else self.suffix
        if abbrev and dot and suf != self.suffix:
            suf += "."
        s = f"{self.number} {self.street} {suf}"
        if self.unit:
            s += f" {self.unit}"
        return s.upper() if upper else s

    def line2(self, upper: bool = False) -> str:
        s = f"{self.city}, {self.state} {self.zip}"
        return s.upper() if upper else s

    def one_line(self, abbrev: bool = False, upper: bool = False, dot: bool = False) -> str:
        return f"{self.line1(abbrev, upper, dot)}, {self.line2(upper)}"


@dataclass(frozen=True, slots=True)
class AddrStyle:
    abbrev: bool
    upper: bool
    dot: bool

    def one(self, a: Address) -> str:
        return a.one_line(self.abbrev, self.upper, self.dot)

    def l1(self, a: Address) -> str:
        return a.line1(self.abbrev, self.upper, self.dot)

    def l2(self, a: Address) -> str:
        return a.line2(self.upper)


def random_addr_style(rng: random.Random) -> AddrStyle:
    return AddrStyle(rng.random() < 0.5, rng.random() < 0.2, rng.random() < 0.3)


_ONES = [
    "Zero",
    "One",
    "Two",
    "Three",
    "Four",
    "Five",
    "Six",
    "Seven",
    "Eight",
    "Nine",
    "Ten",
    "Eleven",
    "Twelve",
    "Thirteen",
    "Fourteen",
    "Fifteen",
    "Sixteen",
    "Seventeen",
    "Eighteen",
    "Nineteen",
]
_TENS = ["_", "_", "Twenty", "Thirty", "Forty", "Fifty", "Sixty", "Seventy", "Eighty", "Ninety"]


def _words_999(n: int) -> str:
    parts: list[str] = []
    if n >= 100:
        parts.append(f"{_ONES[n // 100]} Hundred")
        n %= 100
    if n >= 20:
        parts.append(_TENS[n // 10] + (f"-{_ONES[n % 10]}" if n % 10 else ""))
    elif n:
        parts.append(_ONES[n])
    return " ".join(parts)


def amount_words(v: Decimal) -> str:
    """'Two Hundred Eleven Thousand and 00/100' — how Notes spell the principal."""
    v = cents(v)
    whole = int(v)
    frac = int((v - whole) * 100)
    chunks: list[str] = []
    for div, name in ((1_000_000, "Million"), (1000, "Thousand"), (1, "")):
        part = whole // div
        whole %= div
        if part:
            chunks.append(f"{_words_999(part)} {name}".strip())
    return f"{' '.join(chunks) or 'Zero'} and {frac:02d}/100"
