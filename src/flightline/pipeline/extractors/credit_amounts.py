"""A scanned tradeline row's amounts: which cell is which column (the
header's, else the order every merged report prints), and the misreads a
row's own cells give away (a sign read as a figure, a type code run into
the payment, a point lost or read as a comma)."""

from __future__ import annotations

import re
from decimal import Decimal

from flightline.pipeline.extractors.values import money_tokens

_POINT_FOR_COMMA = re.compile(r"^\$?\d{1,3}\.\d{3}$")
# `$0400`: $0.00 with its point read as a figure (no amount prints a leading zero)
_ZERO_POINT_MISREAD = re.compile(r"^\$0\d00$")
# a zero's first figure read as a round letter where the row prints cents
# (`Q.00`, `O.00`, `D.00`)
_LETTER_ZERO = re.compile(r"^[QOoD]\.00$")
_DOLLAR_ZERO = re.compile(r"^[sS$][oO0][.,\"'\u00ae\u00b0\u201d\u2019]?$")
# A small bare number before the amounts: a code column OCR read as a digit.
# ... or an opened date that lost its slash (`0222` for 02/22).
_STRAY_CODE = re.compile(r"^(?:\d{1,2}|(?:0[1-9]|1[0-2])\d\d|0\d{1,2})$")
# A code or date OCR left a bracket on (`8)`): no amount closes a bracket it never opened.
_BRACKETED_CODE = re.compile(r"^\d{1,2}\)$")
# A sign read as `@` (`@132.00` for $7,132.00): a garbled cell in its place
_AT_SIGN = re.compile(r"^@\d")
# A figure read as a percent sign inside an amount (`2362%.00` for 23,623.00)
_PCT_INSIDE = re.compile(r"^\$?\d[\d,]*%[\d,]*\.?\d+$")


# A payment run into the type code after it, the code's I read as a 1
# (`$4541` for `$454 I`): four figures without the comma the row's others print
_TYPE_GLUED_PAYMENT = re.compile(r"^\W*\$(\d{3})1$")
_COMMA_AMOUNT = re.compile(r"\$\d{1,3},\d{3}\b")


def type_glued(cells: list[str]) -> Decimal | None:
    """The payment of a row whose type code OCR ran into it, when the row's
    last amount is such a run and another amount prints its comma."""
    amounts = [c for c in cells if re.search(r"\d", c)]
    if not amounts or not any(_COMMA_AMOUNT.search(c) for c in amounts[:-1]):
        return None
    m = _TYPE_GLUED_PAYMENT.match(amounts[-1])
    return Decimal(m.group(1)) if m else None


STATUS_WORD = re.compile(
    r"^\W*(?:current|closed|open|paid|late|charge\W?off|collection|transferred)\W*$", re.I
)


def to_status(cells: list[str]) -> list[str]:
    """A row's cells up to its status word after the amounts: what follows it
    (`OPEN        1`) is a speck on the scan, never an amount."""
    for n, cell in enumerate(cells):
        if STATUS_WORD.match(cell) and any(re.search(r"\d", c) for c in cells[:n]):
            return cells[: n + 1]
    return cells


def sign_as_figure(mapped: dict[str, Decimal | None]) -> None:
    """A balance tenfold and more its account's high credit whose figures after
    the first are within it (`$20,147` read `520,147`, the sign read as an S,
    the S as a 5): that first figure is the sign."""
    limit, balance = mapped.get("limit"), mapped.get("balance")
    if not limit or not balance or balance <= 10 * limit or balance != int(balance):
        return
    rest = Decimal(str(int(balance))[1:])
    if 0 < rest <= limit:
        mapped["balance"] = rest


# Without a readable header, a tradeline's amounts come in the order every
# merged report prints them: high credit or limit, balance, payment.
_USUAL_ORDER = {2: ["balance", "payment"], 3: ["limit", "balance", "payment"]}


# A dollar amount OCR garbled past reading (`$7g8`, `$ 256,0008`), or with
# its sign read as an S and its figures as a letter (`Sw`): a cell that
# holds its place.
# (`S4i668`: the sign an S, a figure a letter)
_GARBLED_DOLLARS = re.compile(r"(?<!\S)(?:\$\s?\S*\d\S*|S[a-z]{1,2}|S\d+[A-Za-z]\S*)(?!\S)")


def _garbled_cell_kept(
    joined: str, found: list[tuple[int, int, Decimal]], cols: list[str]
) -> dict[str, Decimal | None] | None:
    """A row one amount short of its header because one `$` cell did not
    read: that cell keeps its column, the others theirs."""
    garbled = _garbled_cells(joined, found)
    if len(garbled) != 1:
        return None
    cells: list[tuple[int, Decimal | None]] = [(s, abs(v)) for s, _, v in found]
    cells.append((garbled[0], None))
    cells.sort(key=lambda c: c[0])
    return {col: v for col, (_, v) in zip(cols, cells, strict=True)}


def _garbled_cells(joined: str, found: list[tuple[int, int, Decimal]]) -> list[int]:
    """Where the row's garbled dollar cells start, outside the amounts read."""
    spans = [(s, e) for s, e, _ in found]
    out = [
        m.start()
        for m in _GARBLED_DOLLARS.finditer(joined)
        if not any(s <= m.start() < e or m.start() <= s < m.end() for s, e in spans)
    ]
    if found:
        # between two amounts read, a figure with its first glyph read as a
        # letter (`12100  p490  292`) is a cell too
        first, last = found[0][1], found[-1][0]
        out += [m.start() for m in _LETTERED_FIGURE.finditer(joined, first, last)]
    return sorted(set(out))


_LETTERED_FIGURE = re.compile(r"(?<!\S)[A-Za-z]\d{3,}(?:[.,]\d+)?(?!\S)")


_DOLLAR_CELL = re.compile(r"[-(]?\$")
_PRINTED_CENTS = re.compile(r"\d\.\d\d(?!\S)")
_CENTS_COMMA = re.compile(r"(?<!\S)(\$?\d{1,3}),(\d\d)(?!\S)")
_POINT_LOST = re.compile(r"(?<!\S)(\d{1,5})00(?!\S)")
_CENTS_SPECK = re.compile(r"(?<!\S)(\$?[\d,]+\.\d\d)%(?!\S)")
_POINT_AS_MARK = re.compile(r"(?<!\S)(\$?\d{1,3}(?:,\d{3})*)[*\u00b0](\d\d)(?!\S)")
# (`OLR`: two zeros run together before the type, the second's sign read as an L)
_ZERO_HYPHEN = re.compile(r"(?<!\S)(\$?\s?)0-00(?!\S)")
_HYPHEN_POINT = re.compile(r"(?<!\S)(\$?\d[\d,]*)-00(?!\S)")
_SPACED_POINT = re.compile(r"(?<!\S)(\$\s?[^\s.]*\d)\s+[-\u2013.]\s*(\d\d)(?!\S)")
_ZERO_GLUED_TYPE = re.compile(r"(?<!\S)[oO0][lL1|]?[RIM](?!\S)")


# `4,700  9  Q  Revolving`: the payment's zero read as a round letter, in its
# cell after the row's other figures and before the type word
_ROUND_LETTER = re.compile(r"^[QODo]$")
_TYPE_WORD = re.compile(r"^(?:revolving|installment|mortgage|open|lease|heloc)\b", re.I)


def _round_zero(tokens: list[str], n: int) -> bool:
    return (
        0 < n < len(tokens) - 1
        and _ROUND_LETTER.match(tokens[n]) is not None
        and _TYPE_WORD.match(tokens[n + 1]) is not None
        and re.search(r"\d", tokens[n - 1]) is not None
    )


def map_amounts(tokens: list[str], cols: list[str], ocr: bool) -> dict[str, Decimal | None]:
    """A row's amounts by column: the header's, else the usual order. Small
    bare numbers before the amounts (an ECOA or type code OCR read as a digit)
    are dropped when the row has more values than columns. On an OCR'd row
    one amount short of a header with a limit column, which one OCR lost is
    unknown: the row is kept without its amounts (so the debts are not
    summed short), or with a zero payment when either reading makes it zero."""
    # `$0` read as `so`: S for the dollar sign, o for the zero; a sign read
    # as `@` (`@132.00` for $7,132.00) leaves a garbled cell in its place
    joined = " ".join(
        "$0"
        if _DOLLAR_ZERO.match(t) or (ocr and _ZERO_POINT_MISREAD.match(t))
        else "0.00"
        if ocr and _LETTER_ZERO.match(t)
        else "0"
        if ocr and _round_zero(tokens, n)
        else "Sxx"
        if _AT_SIGN.match(t) or (ocr and _PCT_INSIDE.match(t))
        else t
        for n, t in enumerate(tokens)
    )
    if ocr:
        # a speck after an amount's cents read as a percent sign (`291.00%`)
        joined = _CENTS_SPECK.sub(r"\1", joined)
        # the point read as a star or a degree sign (`$ 0*00`)
        joined = _POINT_AS_MARK.sub(r"\1.\2", joined)
        # ... or a zero's as a hyphen (`0-00`; a date's hyphen has figures
        # on both sides that are not a zero's)
        joined = _ZERO_HYPHEN.sub(r"\g<1>0.00", joined)
        # ... or a dollar cell's point as a spaced hyphen (`$f67 - 00`): its
        # cents are no amount of their own
        joined = _SPACED_POINT.sub(r"\1.\2", joined)
        if _PRINTED_CENTS.search(joined):
            # where the row prints cents, a bare `21900` is 219.00 with its
            # point lost, and `24,00` is 24.00 with its point read as a comma;
            # `90-00`, its point read as a hyphen (whole dollars end `.00`;
            # no date does)
            joined = _HYPHEN_POINT.sub(r"\1.00", joined)
            joined = _POINT_LOST.sub(r"\1.00", joined)
            joined = _CENTS_COMMA.sub(r"\1.\2", joined)
    found = money_tokens(joined, boxes=False)
    texts = [joined[s:e].strip() for s, e, _ in found]
    # tradeline amounts are whole dollars: `2.789` is 2,789 with its comma
    # read as a point
    found = [
        (s, e, (v * 1000).quantize(Decimal(1)) if _POINT_FOR_COMMA.match(t) else v)
        for (s, e, v), t in zip(found, texts, strict=True)
    ]
    # where a row's amounts carry a dollar sign (`$986`, `-$12300` with a
    # speck read as a minus), its bare whole numbers are codes and dates that
    # lost their slash (`1120` for 11/20); a number with a thousands comma
    # (`6,200`, its `$` lost) is still an amount
    amounts = [(t, f) for t, f in zip(texts, found, strict=True) if not t.isdigit()]
    if (
        any(_DOLLAR_CELL.match(t) for t in texts)
        and len(amounts) < len(found)
        and len(amounts) in (len(cols), *_USUAL_ORDER)
    ):
        texts, found = [t for t, _ in amounts], [f for _, f in amounts]
    values = [abs(v) for _, _, v in found]
    want = len(cols) if cols else max(_USUAL_ORDER)
    glued = [m.start() for m in _ZERO_GLUED_TYPE.finditer(joined)]
    if (
        ocr
        and len(values) < want
        and len(glued) == 1
        and (not found or glued[0] > found[-1][1])
        and not _garbled_cells(joined, found)
    ):
        # a row short of its amounts whose last one is a zero glued to the
        # type code after it (`4,400  OR  CLOSED`: $0, type R); beside a
        # garbled amount (`Sw OR`) the `O` is more likely a speck
        values.append(Decimal(0))
        texts.append("0")
        found.append((glued[0], glued[0] + 1, Decimal(0)))
    while values and (
        (len(values) > want and _STRAY_CODE.match(texts[0]))
        or (ocr and _BRACKETED_CODE.match(texts[0]))
    ):
        values, texts, found = values[1:], texts[1:], found[1:]
    order = cols or _USUAL_ORDER.get(len(values) + 1, [])
    if ocr and order and len(values) == len(order) - 1:
        placed = _garbled_cell_kept(joined, found, order)
        if placed is not None:
            return placed
    if cols and len(values) == len(cols):
        return dict(zip(cols, values, strict=True))
    if ocr and values == [0] and {"limit", "balance", "payment"} <= set(cols):
        # one zero read, the other cells garbled past reading (`7O00t  0
        # Revolving`): the balance or the payment, no payment either way
        return {"payment": Decimal(0)}
    if ocr and len(values) == 2 and {"limit", "balance", "payment"} <= set(cols):
        # (limit, balance 0) or (balance, payment 0): no payment either way
        return {"payment": Decimal(0)} if values[1] == 0 else {"balance": None}
    if len(values) == 2 and (not cols or ("balance" in cols and "payment" in cols)):
        order = [c for c in cols if c in ("balance", "payment")] if cols else _USUAL_ORDER[2]
        return dict(zip(order, values, strict=True))
    if not cols and len(values) in _USUAL_ORDER:
        return dict(zip(_USUAL_ORDER[len(values)], values, strict=True))
    # an OCR'd row with amounts that fit no column: kept without them, so the
    # debts are unknown rather than summed without it
    return {"balance": None} if ocr and values else {}
