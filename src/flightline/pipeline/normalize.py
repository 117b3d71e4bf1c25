"""Normalisers for values read off loan documents: dates, money, percentages,
SSN and account tails, names.

Each `normalize_*` takes the text a value was read from and returns the value
or None; none of them guesses. The `find_*` helpers return every value of a
kind in a line with its span, for extractors that need positions (tables).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
# One alternation per layout; named groups say which part is which.
# A capitalised month glued to the word before it ("throughFeb 28") is OCR
# losing a space: it starts a date too. The comma after a month's day may
# read as another mark on a scan (`Aug 14% 2026`); no rate follows a month.
DATE_PATTERN = (
    r"(?:(?<![\w/.-])"
    r"(?P<y1>(?:19|20)\d\d)[-/.](?P<m1>\d{1,2})[-/.](?P<d1>\d{1,2})"
    r"|(?<![\w/.-])"
    r"(?P<m2>\d{1,2})\s?[-/.]\s?(?P<d2>\d{1,2})\s?[-/.]\s?(?P<y2>(?:19|20)\d\d|\d\d)"
    r"|(?:(?<![\w/.-])|(?<=(?-i:[a-z]))(?=(?-i:[A-Z])))"
    r"(?P<mn3>" + _MONTH + r")\.?\s*(?P<d3>\d{1,2})(?:st|nd|rd|th)?"
    r"\s*[,;%]?\s*(?P<y3>(?:19|20)\d\d)"
    r"|(?<![\w/.-])(?P<d4>\d{1,2})(?:st|nd|rd|th)?[\s-]*(?:day\s+of\s+)?(?P<mn4>" + _MONTH + r")\.?"
    r"[\s,-]*(?P<y4>(?:19|20)\d\d)"
    r")(?![\w/])"
)
DATE_RE = re.compile(DATE_PATTERN, re.IGNORECASE)
# The same without group names, to embed in larger patterns.
DATE_ANY = re.sub(r"\(\?P<\w+>", "(?:", DATE_PATTERN)

# Amounts: optional sign, parentheses or currency, thousands groups, cents.
# Digits glued to a slash or a dash-digit are date parts, not amounts, and a
# number followed by % is a rate.
# (an underscore before an amount is a form's blank line: `__2,229.00`)
# Figures glued to other figures by a mark (`27§8670.18`, `1'234.56`) are
# fragments of one garbled amount, neither an amount of its own.
_GLUE = r"[^\w\s$().,/%\-]"
MONEY_PATTERN = (
    r"(?<![^\W_]|[/.,])(?<!\d-)(?<!\d"
    + _GLUE
    # (a dash after a rule's underscores or a long dash is the rule's: `___-$134,463.06`)
    + r")(?P<neg1>\(\s*)?(?P<neg2>(?<![_\u2013\u2014])-\s*)?"
    r"(?:USD\s*|US\s*\$\s*|\$\s*)?(?P<neg3>-\s*)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d{1,4})?|\d+(?:\.\d{1,4})?|\.\d{2})"
    r"(?![\d%A-Za-z]|/\d|\.\d|,\d|\s*%|-\d|\s+percent|" + _GLUE + r"\d)(?P<neg4>\s*\)|-(?!\w))?"
)
MONEY_RE = re.compile(MONEY_PATTERN, re.IGNORECASE)

# OCR may set a space after the decimal point ("36. 745%"): still one figure.
# (a scan may set the point apart or double it: `26 .083%`, `42..550%`)
PERCENT_RE = re.compile(
    r"(?<![\w.#])(-?\d{1,3}(?: ?\.{1,2} ?\d+)?)\s?(?:%|percent\b)", re.IGNORECASE
)
_BARE_NUMBER_RE = re.compile(r"(?<![\w.])(\d{0,3}\.\d+|\d{1,3})(?![\w.])")

_SSN_RE = re.compile(
    r"(?<![A-Za-z0-9*#\u2022-])(?:[XxH*#\u2022\d]{3}|[XxH*#\u2022]{1,9})\s?[-\s]\s?(?:[XxH*#\u2022\d]{2})"
    r"\s?[-\s]\s?(\d{4})(?!\d)"
    r"|(?<![Xx*#\u2022])(?:[Xx*#\u2022]{5,12})\s?(\d{4})(?!\d)"
    # a mask whose first group OCR lost, its hyphen kept (`-##-0661`), or
    # whose middle group it lost (`xxx 7747`)
    r"|(?<![\w*#\u2022-])-[Xx*#\u2022]{2}-(\d{4})(?!\d)"
    r"|(?<![\w*#\u2022-])[Xx*#\u2022]{3}\s(\d{4})(?!\d)"
    r"|(?:ending|last\s*(?:4|four)(?:\s*digits)?)(?:\s*in)?\W{0,3}(\d{4})(?!\d)",
)
_ACCOUNT_RE = re.compile(
    # (a mask's X read as K, H, N or M: `XXXKXK6507`)
    r"(?<![A-Za-z*#\u2022.])(?=[XxKHNM*#\u2022.]*[Xx*#\u2022.])"
    # (the first figure after the mask may be a 1 read as L, I or a bar: `XXXXXXL189`)
    r"(?:[XxKHNM*#\u2022.]{2,16}\s?-?\s?([\dLIl|]\d{3}))(?!\d)"
    r"|(?:ending|last\s*(?:4|four)(?:\s*digits)?)(?:\s*in)?\W{0,3}(\d{4})(?!\d)"
    # (groups apart by one space; a column gap ends the number: `6507    4`)
    r"|(?<![\d-])(\d(?:[\d-]| (?=\d)){3,18}\d)(?![\d-]|[Xx*#\u2022]{1,16}\s?\d)"
    # `7000x7734`, `##4%5679`: mask characters OCR read partly as digits (or as
    # `%`); the last four follow the mask
    r"|(?<=\d)[Xx*#\u2022%]{1,16}\s?(\d{4})(?!\d)",
    re.IGNORECASE,
)
_ONE_LOOKALIKES = str.maketrans({"L": "1", "I": "1", "l": "1", "|": "1"})
_WS_RE = re.compile(r"\s+")
# OCR reads a digit as a look-alike letter inside numbers; fix only tokens that
# are already mostly digits so words stay untouched.
_OCR_NUM_TOKEN_RE = re.compile(
    r"(?<![A-Za-z\dOoIl|$,./-])(?=[\dOoIl|$,./-]{0,30}\d)[\dOoIl|$][\dOoIl|,./$-]{0,40}(?![A-Za-z])"
)
_OCR_DIGIT_MAP = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})


def two_digit_year(yy: int) -> int:
    # Loan files are about recent events: a two-digit year is this century
    # unless that would put it far in the future.
    return 2000 + yy if yy < 70 else 1900 + yy


def _date_from_match(m: re.Match[str]) -> date | None:
    g = m.groupdict()
    try:
        if g["y1"]:
            return date(int(g["y1"]), int(g["m1"]), int(g["d1"]))
        if g["y2"]:
            year = int(g["y2"])
            if len(g["y2"]) == 2:
                year = two_digit_year(year)
            return date(year, int(g["m2"]), int(g["d2"]))
        if g["y3"]:
            return date(int(g["y3"]), _MONTHS[g["mn3"][:3].lower()], int(g["d3"]))
        if g["y4"]:
            return date(int(g["y4"]), _MONTHS[g["mn4"][:3].lower()], int(g["d4"]))
    except (ValueError, KeyError):
        return None
    return None


# A month's leading 1 read as a stroke set apart (`l 2/03/2026` for
# 12/03/2026): a date that pads its day with a zero pads its month too, so a
# lone month figure after a stroke is the second figure of 10, 11 or 12.
_STROKE_BEFORE = re.compile(r"(?<![\w/.-])[lI|]\s?$")


def _stroke_led(text: str, m: re.Match[str]) -> date | None:
    g = m.groupdict()
    if not (g["m2"] and len(g["m2"]) == 1 and g["m2"] in "012" and g["d2"].startswith("0")):
        return None
    if not _STROKE_BEFORE.search(text[max(0, m.start() - 2) : m.start()]):
        return None
    year = int(g["y2"]) if len(g["y2"]) == 4 else two_digit_year(int(g["y2"]))
    try:
        return date(year, 10 + int(g["m2"]), int(g["d2"]))
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Every valid date in `text` as (start, end, date)."""
    found = []
    for m in DATE_RE.finditer(text):
        value = _stroke_led(text, m) or _date_from_match(m)
        if value is not None:
            found.append((m.start(), m.end(), value))
    return found


def normalize_date(text: str | None) -> date | None:
    """The first valid date in `text` (US month-first for numeric dates)."""
    if not text:
        return None
    for m in DATE_RE.finditer(fix_ocr_digits(text)):
        value = _date_from_match(m)
        if value is not None:
            return value
    return None


def _money_from_match(m: re.Match[str]) -> Decimal | None:
    try:
        value = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:
        return None
    paren = bool(m.group("neg1")) and bool(m.group("neg4") and ")" in m.group("neg4"))
    trailing = bool(m.group("neg4") and "-" in m.group("neg4"))
    if paren or m.group("neg2") or m.group("neg3") or trailing:
        value = -value
    return value


def find_money(text: str) -> list[tuple[int, int, Decimal]]:
    """Every amount in `text` as (start, end, amount)."""
    found = []
    for m in MONEY_RE.finditer(text):
        value = _money_from_match(m)
        if value is not None:
            found.append((m.start(), m.end(), value))
    return found


def normalize_money(text: str | None) -> Decimal | None:
    """The first amount in `text`: `$1,234.56`, `(1,234.56)` (negative), `USD 1,234`."""
    if not text:
        return None
    for m in MONEY_RE.finditer(fix_ocr_digits(text)):
        value = _money_from_match(m)
        if value is not None:
            return value
    return None


# `39 068%`: a scan's decimal point read as a space; no percentage is
# printed with a leading zero (`068%`) and none of ours passes 100
# (`22m 057%`: the point read as a letter and a space; `33,904%`: as a comma)
_POINT_LOST_RE = re.compile(r"(?<![\w.,$-])(\d{1,2})(?:[a-z]? |,)$")


def find_percents(text: str) -> list[tuple[int, int, Decimal]]:
    out = []
    for m in PERCENT_RE.finditer(text):
        digits = m.group(1)
        lost = _POINT_LOST_RE.search(text, 0, m.start())
        if lost and len(digits) == 3 and (digits[0] == "0" or int(digits) > 100):
            out.append((lost.start(), m.end(), Decimal(f"{lost.group(1)}.{digits}")))
        elif re.fullmatch(r"0\d+", digits):
            continue  # the fraction of a percentage whose whole part was lost
        else:
            out.append((m.start(), m.end(), _percent(m)))
    return out


def _percent(m: re.Match[str]) -> Decimal:
    return Decimal(m.group(1).replace(" ", "").replace("..", "."))


def normalize_percent(text: str | None, *, bare: bool = True) -> Decimal | None:
    """A percentage in percent points (6.875 for 6.875%).

    An explicit `%` or "percent" wins. With `bare`, a number without one is
    accepted when the caller knows it is a rate: below 1 it is read as a
    fraction (0.06875 -> 6.875), up to 100 as points.
    """
    if not text:
        return None
    text = fix_ocr_digits(text)
    found = find_percents(text)
    if found:
        return found[0][2]
    if not bare or "%" in text:
        # (a figure before a percent sign that is no percentage, `.994%`
        # or `057%` with its whole part lost, is no bare rate either)
        return None
    m = _BARE_NUMBER_RE.search(text)
    if not m:
        return None
    value = Decimal(m.group(1))
    if value <= 0 or value > 100:
        return None
    if value < 1:
        return (value * 100).normalize()
    return value


def normalize_ssn_last4(text: str | None) -> str | None:
    """The last four digits of an SSN: `XXX-XX-1234`, `***-**-1234`, `123-45-6789`."""
    if not text:
        return None
    m = _SSN_RE.search(text)
    if not m:
        return None
    return next(g for g in m.groups() if g)


def normalize_account_last4(text: str | None) -> str | None:
    """The last four digits of an account number, masked or not."""
    if not text:
        return None
    # a date's digits are never the account's (`2026-08-07 ... Checking ...3078`)
    m = _ACCOUNT_RE.search(DATE_RE.sub(lambda d: " " * len(d.group(0)), text))
    if not m:
        return None
    digits = re.sub(r"\D", "", next(g for g in m.groups() if g).translate(_ONE_LOOKALIKES))
    return digits[-4:] if len(digits) >= 4 else None


def normalize_name(text: str | None) -> str | None:
    """A person's or company's name trimmed of layout noise, capitalisation kept."""
    if not text:
        return None
    name = _WS_RE.sub(" ", text).strip(" \t:;,-_|\u2022")
    return name or None


def name_key(text: str) -> str:
    """A comparison key: case, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", text.lower()).split())


# `S1,234.56`: a dollar sign read as an S before a written-out amount.
_OCR_DOLLAR_RE = re.compile(
    r"(?<![A-Za-z0-9$])[S§](?=\d{1,3}(?:,\d{3})+\.\d\d(?!\d)|\d+\.\d\d(?!\d))"
)
# `5,2O8.3B`, `2S,000`: S and B for 5 and 8 where a number already has three
# digits or more (they are words' letters everywhere else).
_OCR_SB_TOKEN_RE = re.compile(
    r"(?<![A-Za-z\d])(?=(?:[SB,./-]*\d){3})[\dSB](?:[\dSB,./-]*[\dSB])?(?![A-Za-z\d])"
)
_OCR_SB_MAP = str.maketrans({"S": "5", "B": "8"})
# `550. 48`, `13051 .93`, `1 ,234.56`, `12, 345.67`: a stray space inside an amount.
# (`$0 .00`: one figure after a dollar sign is an amount too)
_OCR_CENTS_SPACE_RE = re.compile(
    r"(?<=\d)\.\s(?=\d\d(?!\d))|(?:(?<=\d\d)|(?<=\$\d))\s\.(?=\d\d(?![\d.]))"
)
_OCR_GROUP_SPACE_RE = re.compile(r"(?<=\d)(?:\s,|,\s)(?=\d{3}(?!\d))")
# `$1,729.6]` and `1,729.6 1`: an amount with its thousands group whose last
# cent OCR read as a bracket, or set apart by a space
_OCR_LAST_CENT_RE = re.compile(r"(?<=\d,\d{3}\.\d)(?:\](?![\w\]])|\s(?=\d(?![\d.,])))")
# `$54079,92`: the cents' point read as a comma (no thousands comma has four
# figures before it).
_OCR_CENTS_COMMA_RE = re.compile(r"(?<![\d,.])(\d{4,}),(\d\d)(?![\d,])")
# `$23°356.80`: a thousands comma read as a degree sign.
_OCR_GROUP_MARK_RE = re.compile(r"(?<=\d)[\u00b0\u00ba](?=\d{3}(?:[,.]\d|(?!\d)))")
# `$5,182°69`: the cents' point read as one (two figures after it, a group before)
_OCR_CENTS_MARK_RE = re.compile(
    r"((?:\$\s?|(?<![\d,.]))\d{1,3}(?:,\d{3})+|\$\s?\d{1,3})[\u00b0\u00ba](\d\d)(?![\d,.])"
)
# `o|,$282,000.00`: specks read as look-alike letters before a dollar sign
# (they would be read as the figures `01,`)
_OCR_SPECKS_BEFORE_DOLLAR_RE = re.compile(r"(?<![\w$.,])[oOIl|!]{1,3}[.,'`]?(?=\$\d)")
# `,5249,000.00` ($249,000.00): a dollar sign read as a 5 (with a speck
# before it): no thousands group has four figures
_OCR_DOLLAR_FIVE_RE = re.compile(r"(?<![\w$.,])[,.'`]?5(?=\d{3}(?:,\d{3})+\.\d\d(?![\d,]))")
# `19.279.88`: a thousands comma read as a point (two points in one figure,
# cents after the second)
_OCR_GROUP_POINT_RE = re.compile(r"(?<![\d.,])(\d{1,3})\.(\d{3})\.(\d\d)(?![\d.])")
# `$11:600`: after a dollar sign a colon before three figures is the comma
# (no time of day follows one)
_OCR_DOLLAR_COLON_RE = re.compile(r"(?<![\d,])(\$\s?\d{1,3}):(\d{3})(?![\d:])")
# `53%500.00` (537,500.00): a percent sign inside a number stands for figures
# OCR lost; neither side is the amount.
# (a mask read with one, `##4%4110`, is no amount)
_OCR_PCT_INSIDE_RE = re.compile(r"(?<![\w#*%])\$?\d[\d,]*%\d[\d,]*(?:\.\d+)?")
# `$481 100.00`, or a cell of its own `481 100.00`: a thousands comma read as a space
_OCR_GROUP_LOST_RE = re.compile(
    r"(?:(?<=\$)|(?<=\$ )|(?<=\s\s)|^)(\d{1,3}) (\d{3}\.\d\d)(?=\s\s|\s*$)"
    r"|(?<=\$)(\d{1,3}) (\d{3}\.\d\d)(?!\d)"
)
# `$2041 1.16`, `$1 4669.35`: a dollar amount split by a space OCR put inside it
_OCR_SPLIT_DOLLARS_RE = re.compile(r"(?<=\$)(\d{1,5}) (\d{1,5}\.\d\d)(?![\d%])")
# `$77 1000` ($771000): a whole-dollar amount split the same way, where it
# ends its cell (a wide gap or the line's end after it)
_OCR_SPLIT_WHOLE_DOLLARS_RE = re.compile(r"(?<=\$)(\d{1,3}) (\d{3,4})(?=\s\s|\s*$)", re.M)
# `29.1 97%`: a percentage's three decimals split by a space OCR put in them
_OCR_PCT_SPACE_RE = re.compile(r"(?<![\d.])(\d{1,3}\.(?:\d \d\d|\d\d \d))%")


# `|$917000.00`: a table's rule before a dollar sign, not a digit (no digit
# comes before the sign)
_OCR_BAR_DOLLAR_RE = re.compile(r"(?<![\w$])[|Il](?=\$\s?\d)")


# `Apr 15, $025`, `Apr 15, Z025`: the year's first 2 read as a look-alike.
_OCR_YEAR_RE = re.compile(
    r"(" + _MONTH + r"\.?\s{0,2}\d{1,2},?\s{0,2})[$SZz]([01]\d\d)(?!\d)", re.I
)


# `July 31°2025`, `Aug 1»2025`: a speck or a stray mark read for the comma.
# `2026- 03-01`: a space after an ISO date's first dash
_OCR_ISO_DATE_GAP_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)- (\d\d-\d\d)(?!\d)")
# `08~11-2025`: a numeric date's first separator read as a tilde; the
# second says which it was
_OCR_DATE_TILDE_RE = re.compile(r"(?<![\d~])(\d\d)~(\d\d)([-/])((?:19|20)\d\d)(?!\d)")
# `10-dJUL-2026`: a speck read as a small letter before a month in capitals
_OCR_MONTH_SPECK_RE = re.compile(
    r"(?<=\d[-/ ])[a-z](?=(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[-/ ]\d)"
)
# `01-J[L-2026`: a month in capitals whose middle letter OCR garbled; its
# first and last letters name it where only one month has them (not J_N)
_MONTH_ENDS = {
    m[0] + m[2]: m for m in ("FEB", "MAR", "APR", "MAY", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
}
_OCR_MONTH_MIDDLE_RE = re.compile(r"(?<=\d[-/ ])([A-Z])[^\sA-Z\d-]([A-Z])(?=[-/ ](?:19|20)\d\d)")
_OCR_DATE_MARK_RE = re.compile(
    r"("
    + _MONTH
    + r"\.?\s{0,2}\d{1,2})\s?[\u00b0*\u00bb\"'\u2019\u201d;:]\s?((?:19|20)\d\d)(?!\d)",
    re.I,
)


def fix_ocr_digits(text: str) -> str:
    """Look-alike characters inside numbers: `2O26` -> `2026`, `l,234.56` ->
    `1,234.56`, `4,5S0.00` -> `4,550.00`, `S1,234.56` -> `$1,234.56`,
    `550. 48` -> `550.48`. Only tokens that are already mostly digits change."""
    text = _OCR_BAR_DOLLAR_RE.sub(" ", text)
    text = _OCR_SPECKS_BEFORE_DOLLAR_RE.sub("", text)
    text = _OCR_PCT_INSIDE_RE.sub(lambda m: "?" * len(m.group(0)), text)
    text = _OCR_NUM_TOKEN_RE.sub(lambda m: m.group(0).translate(_OCR_DIGIT_MAP), text)
    text = _OCR_YEAR_RE.sub(r"\g<1>2\g<2>", text)
    text = _OCR_DATE_MARK_RE.sub(r"\g<1>, \g<2>", text)
    text = _OCR_MONTH_SPECK_RE.sub("", text)
    text = _OCR_MONTH_MIDDLE_RE.sub(lambda m: _MONTH_ENDS.get(m[1] + m[2], m[0]), text)
    text = _OCR_ISO_DATE_GAP_RE.sub(r"\1-\2", text)
    text = _OCR_DATE_TILDE_RE.sub(r"\1\3\2\3\4", text)
    text = _OCR_DOLLAR_RE.sub("$", text)
    text = _OCR_SB_TOKEN_RE.sub(lambda m: m.group(0).translate(_OCR_SB_MAP), text)
    text = _OCR_CENTS_SPACE_RE.sub(".", text)
    text = _OCR_LAST_CENT_RE.sub(lambda m: "1" if m.group(0) == "]" else "", text)
    text = _OCR_CENTS_MARK_RE.sub(r"\1.\2", text)
    text = _OCR_DOLLAR_FIVE_RE.sub("$", text)
    text = _OCR_GROUP_POINT_RE.sub(r"\1,\2.\3", text)
    text = _OCR_PCT_SPACE_RE.sub(lambda m: m.group(1).replace(" ", "") + "%", text)
    text = _OCR_CENTS_COMMA_RE.sub(r"\1.\2", text)
    text = _OCR_GROUP_LOST_RE.sub(lambda m: ",".join(g for g in m.groups() if g), text)
    text = _OCR_SPLIT_DOLLARS_RE.sub(r"\1\2", text)
    text = _OCR_SPLIT_WHOLE_DOLLARS_RE.sub(r"\1\2", text)
    text = _OCR_DOLLAR_COLON_RE.sub(r"\1,\2", text)
    return _OCR_GROUP_SPACE_RE.sub(",", _OCR_GROUP_MARK_RE.sub(",", text))


def normalize_spaces(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


def cent_digits(v: Decimal) -> str:
    """An amount's digits to the cent, without point or sign (`1234.5` -> `123450`)."""
    return format(abs(v).quantize(Decimal("0.01")), "f").replace(".", "")


def front_lost(read: Decimal, whole: Decimal) -> bool:
    """`read` is `whole` with its first figures lost (`637.44` for 99,637.44),
    the rest in order."""
    return 0 < read < whole and cent_digits(whole).endswith(cent_digits(read))


def one_figure_swapped(read: Decimal, whole: Decimal) -> bool:
    """`read` is `whole` with exactly one figure read as another."""
    a, b = cent_digits(read), cent_digits(whole)
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1


def year_misread(found: date, anchor: date, days_before: int = 366) -> date | None:
    """`found` with one figure of its year misread (`2035` for 2025): the one
    date a single figure of the year away that falls within `days_before`
    days up to `anchor`; None when none does, or more than one."""
    year = f"{found.year:04d}"
    near: list[date] = []
    for k in range(4):
        for figure in "0123456789":
            if figure == year[k]:
                continue
            try:
                other = found.replace(year=int(year[:k] + figure + year[k + 1 :]))
            except ValueError:
                continue  # 29 February in a year without it
            if anchor - timedelta(days=days_before) <= other <= anchor:
                near.append(other)
    return near[0] if len(near) == 1 else None


def one_digit_more(read: Decimal, whole: Decimal) -> bool:
    """`read` is `whole` with one digit too many anywhere in it (OCR's speck
    or dollar sign read as a digit), or `whole` with one lost, seen from it."""
    a, b = cent_digits(read), cent_digits(whole)
    return len(a) == len(b) + 1 and any(a[:k] + a[k + 1 :] == b for k in range(len(a)))
