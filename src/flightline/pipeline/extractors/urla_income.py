"""The URLA's income box (`Gross Monthly Income`): each kind's monthly amount and the
total, and, on a scan, the repairs the box's own arithmetic confirms."""

from __future__ import annotations

import re
from decimal import Decimal
from itertools import combinations

from flightline.pipeline.extractors.base import DocText, set_field
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue
from flightline.pipeline.normalize import (
    cent_digits,
    fix_ocr_digits,
    normalize_money,
    one_digit_more,
    one_figure_swapped,
)

_INCOME_ITEMS = re.compile(
    # (`_Base`: a speck read as an underscore before the caption)
    # (`Bage Empl.`: a letter of the caption misread)
    r"(?:\b|(?<=_))(?P<kind>(?:base|ba[a-z]e(?=\s*emp))"
    r"(?:\s*(?:emp\w*(?:\.|\)\.?)?\s*)?(?:pay|income|employment\s*income)?\*?)?|"
    # (`Bohus`: a letter of the caption misread)
    r"overtime(?:\s*income)?|bo[a-z]us(?:es)?(?:\s*income)?|commissions?(?:\s*income)?|"
    r"other(?:\s*income)?|total(?:\s*(?:monthly\s*)?income)?)\b\*?\s*:?\s*"
    # a speck OCR read as a mark before the amount (`TOTAL:  *34431.79`, `_0.00`)
    r"(?:[*_\"'\u00ab\u00bb\u2018\u2019\u201c\u201d]\s*)?"
    # or a speck read as a short word of its own (`Bonuses   irk!   $354.83`)
    r"(?:(?=\S*[a-z])[^\s\d$-]{1,4}\s+"
    # or a symbol no US form prints, a figure or two after it (`Total  £5  $12,828.16`)
    r"|[^\s\w$.,;:*()+\-]\d{0,2}\s+)?"
    # (`;` is a comma OCR misread: `$7;47067`)
    # (`S865`: the dollar sign read as an S)
    # (`18875.000`: a third figure after the point, no amount's cents; read
    # as a part, a misread would pass for an amount)
    r"(?P<amount>[$S]?\s?-?\d(?:[\d,]|;(?=\d{3}))*(?:\.\d\d)?)(?!\.?\d)",
    re.IGNORECASE,
)
_INCOME_FIELDS = {
    "ba": "income_base_monthly",
    "ov": "income_overtime_monthly",
    "bo": "income_bonus_monthly",
    "c": "income_commission_monthly",
    "ot": "income_other_monthly",
    "t": "income_total_monthly",
}


def _box(out: dict[str, FieldValue]) -> tuple[Decimal | None, dict[str, Decimal]]:
    """The income box as read: its total, and each line read as an amount."""
    found = out.get("income_total_monthly")
    total = found.value if found is not None and isinstance(found.value, Decimal) else None
    lines: dict[str, Decimal] = {}
    for name in _INCOME_FIELDS.values():
        v = out[name].value if name in out and name != "income_total_monthly" else None
        if isinstance(v, Decimal):
            lines[name] = v
    return total, lines


def _drop_misread_line(doc: DocText, out: dict[str, FieldValue]) -> None:
    """An OCR'd income box whose lines do not add up to its total, exactly
    short of one line's amount (or of one set of lines'): that line is the
    misread (`$0.00` read as `$6.00`), not the total; it is left unread."""
    total, amounts = _box(out)
    if not doc.ocr or total is None:
        return
    whole = sum(amounts.values(), Decimal(0))
    # the total a figure short or a figure misread (`Total  2057.13
    # 22057.13`, `Total  43458.33  13458.33`), its row's total column the
    # lines' sum: the total was misread, not a line
    found = out["income_total_monthly"]
    if whole in _beside(found) and (
        one_digit_more(whole, total) or one_figure_swapped(total, whole)
    ):
        out["income_total_monthly"] = FieldValue(whole, found.evidence)
        return
    excess = whole - total
    if excess < 0:
        # the lines short of the total by a figure one line lost (`Base
        # 6660.21` under `TOTAL 16660.21`, `Base  $I 1682.67  $11682.67`):
        # that line is what the total leaves it, when exactly one line reads
        # so, or one whose total column beside it shows it whole
        short = [k for k, v in amounts.items() if one_digit_more(v - excess, v)]
        if len(short) > 1:
            short = [k for k in short if amounts[k] - excess in _beside(out[k])]
        if len(short) == 1:
            name = short[0]
            out[name] = FieldValue(amounts[name] - excess, out[name].evidence)
        return
    if excess == 0:
        return
    # the lines (zeros misread: `$0.00` read `$9.00`, `®5:0.00` read 5)
    # whose amounts make up the excess exactly, when one set of them does
    lines = [k for k, v in amounts.items() if k != "income_base_monthly" and v > 0]
    culprits = [
        chosen
        for n in range(1, len(lines) + 1)
        for chosen in combinations(lines, n)
        if sum((amounts[k] for k in chosen), Decimal(0)) == excess
    ]
    if len(culprits) == 1:
        for k in culprits[0]:
            del out[k]
        return
    # a figure too many in one line (`$ 29755.93` for $2,755.93, the comma
    # read as a 9) whose removal makes the box add up: the total confirms
    # the line without it
    extra = [k for k, v in amounts.items() if v > excess and one_digit_more(v, v - excess)]
    if len(extra) == 1:
        name = extra[0]
        out[name] = FieldValue(amounts[name] - excess, out[name].evidence)


def _beside(found: FieldValue) -> list[Decimal]:
    """The amounts of the line a value was read from."""
    return [abs(v) for _, _, v in money_tokens(found.evidence.text)]


def _total_cents_lost(out: dict[str, FieldValue]) -> None:
    """A scanned income total read without its cents (`1208 1.69`, a space
    OCR put inside it, read as 1208) is a fragment: the sum of the box's lines
    when each was read, else unread."""
    found = out.get("income_total_monthly")
    if found is None or not isinstance(found.value, Decimal) or found.value.as_tuple().exponent:
        return
    names = [n for n in _INCOME_FIELDS.values() if n != "income_total_monthly"]
    lines = [out[n].value for n in names if n in out]
    if len(lines) == len(names) and all(isinstance(v, Decimal) for v in lines):
        total = sum((v for v in lines if isinstance(v, Decimal)), Decimal(0))
        if re.sub(r"\D", "", found.evidence.text).find(cent_digits(total)) >= 0:
            out["income_total_monthly"] = FieldValue(total, found.evidence)
            return
    del out["income_total_monthly"]


# (`Gross Morithly Income`: the caption's word misread)
# (`Gross Ménthly Income`: a letter of the caption misread)
_INCOME_BOX = re.compile(
    r"monthly\s*income|income\s*\(monthly\)|gross\s+m\w{5,7}\s+(?:income|\w{4,7}\W*$)",
    re.IGNORECASE,
)


def read_income_box(doc: DocText, out: dict[str, FieldValue]) -> None:
    """The URLA's income box, under `Gross Monthly Income`: `Base $x Overtime $y`
    side by side, or one row per kind (the borrower's column first)."""
    for i, line in enumerate(doc.lines):
        # (on a scan the title may be garbled, `Gross Monthly Taccme`, or
        # lost: the box's row of base and overtime opens it)
        if not _INCOME_BOX.search(line.text) and not (
            doc.ocr
            and {m.group("kind")[:2].lower() for m in _INCOME_ITEMS.finditer(line.text)}
            >= {"ba", "ov"}
        ):
            continue
        j: int | None = i
        for _ in range(10):
            if j is None:
                break
            for m in _INCOME_ITEMS.finditer(doc.lines[j].text):
                kind = m.group("kind").lower()
                key = kind[:2] if kind[0] in "bo" else kind[0]
                read = m.group("amount").replace(";", ",")
                rest = doc.lines[j].text[m.end() :]
                value = normalize_money(read)
                if doc.ocr:
                    value = _point_beside(read, rest, value)
                    if _ZERO_LED.match(read):
                        value = _after_speck(rest, None)
                    if re.fullmatch(r"\d{1,2}", read) and re.match(r"\s{2}", rest):
                        value = _after_speck(rest, value)
                if key in _INCOME_FIELDS and value is not None:
                    set_field(out, _INCOME_FIELDS[key], doc.field(abs(value), j))
            if "income_total_monthly" in out:
                return
            j = doc.next_line(j)


# No amount is printed with a leading zero (`$01008` for $0.00, its point
# and a zero misread): a misread
_ZERO_LED = re.compile(r"^[$S]?\s?0\d")


def _after_speck(rest: str, value: Decimal | None) -> Decimal | None:
    """A lone speck read as a digit before the borrower's cell (`Base  2  $
    22,466.35`), or a cell led by a zero: the row's next amount, printed
    with its cents (the total column), is the cell; else `value`."""
    after = money_tokens(rest)
    if after and "." in rest[after[0][0] : after[0][1]]:
        return abs(after[0][2])
    return value


def _past_the_cents(out: dict[str, FieldValue]) -> None:
    """A scanned income line with a third figure after its point
    (`18875.000` for 13,375.00): no amount is printed so, and the figures
    before it are no safer; the line is unread."""
    for name in _INCOME_FIELDS.values():
        found = out.get(name)
        if found is not None and isinstance(found.value, Decimal):
            exponent = found.value.as_tuple().exponent
            if isinstance(exponent, int) and exponent < -2:
                del out[name]


def _speck_one(out: dict[str, FieldValue]) -> None:
    """`Commissions  10.00)  0.00`: a speck before an income cell read as a
    1, the total column beside it the same amount without it: the total's
    reading is the amount."""
    for name in _INCOME_FIELDS.values():
        found = out.get(name)
        if found is None or not isinstance(found.value, Decimal):
            continue
        amounts = _beside(found)
        if found.value not in amounts:
            continue
        after = amounts[amounts.index(found.value) + 1 :]
        if after and cent_digits(found.value) == "1" + cent_digits(after[0]):
            out[name] = FieldValue(after[0], found.evidence)


def _point_beside(read: str, rest: str, value: Decimal | None) -> Decimal | None:
    """An amount OCR read without its point (`1411417`, `$7,47067`) beside
    the row's next cell with the same figures and its cents (`14114.17`, the
    total column): the point was lost, and that cell is the amount."""
    if "." in read:
        return value
    digits = re.sub(r"\D", "", read)
    # (a speck after the cell read as a percent sign, `16708. 33%`: no income
    # line is a percentage)
    for _, _, other in money_tokens(fix_ocr_digits(re.sub(r"(?<=\d)\s?%", " ", rest))):
        # (or its cents lost, its dollar sign read as an S then a 5: `S865:
        # 0gp` beside `865.63`)
        forms = (re.sub(r"\D", "", f"{abs(other):.2f}"), str(int(abs(other))))
        if digits in forms or (digits[:1] == "5" and digits[1:] in forms):
            return abs(other)
    return value


def settle_income_box(doc: DocText, out: dict[str, FieldValue]) -> None:
    """After the form's labels are read: a scanned box's misreads its sum gives away."""
    if doc.ocr:
        _past_the_cents(out)
        _speck_one(out)
    _drop_misread_line(doc, out)
    if doc.ocr:
        _total_cents_lost(out)
