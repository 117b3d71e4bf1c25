"""A bank statement's transaction table: which rows are deposits.

Sections (`Deposits and Additions`, `Withdrawals`, a mixed `Transaction
History`) say a row's side where the statement has them; otherwise the wording
and, on a scan, the running balance do.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal

from flightline.pipeline.extractors.base import DocText, as_date
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue
from flightline.pipeline.normalize import cent_digits, normalize_spaces, one_digit_more

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_TX_DATE = re.compile(
    r"^(?:(?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:[/-](?P<y>\d{4}|\d{2}))?"
    r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})"
    r"|(?P<mn>" + _MONTHS + r")[a-z]*\.?\s+(?P<d3>\d{1,2})(?:,?\s+(?P<y3>\d{4}))?"
    # (the dash before the year may be lost on a scan: `05-MAR2026`)
    r"|(?P<d4>\d{1,2})[\s-](?P<mn4>" + _MONTHS + r")[a-z]*(?:[,.]?[\s-]?(?P<y4>\d{4}))?)"
    r"(?![\d/])",
    re.IGNORECASE,
)
_GARBLED_DAY_TAIL = re.compile(r"^[A-Za-z]{1,2}[,.]?\s+(?:19|20)\d\d\b")
_MONTH_NUM = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DEPOSIT_SECTION = re.compile(
    r"^(?:deposits?|credits?|additions|electronic\s*deposits|other\s*credits)"
    r"(?:\s*(?:and|&|/)\s*(?:other\s*)?(?:additions|credits|deposits))?\b",
    re.IGNORECASE,
)
_DEBIT_SECTION = re.compile(
    r"^(?:withdrawals?|debits?|checks?(?:\s*paid)?|subtractions|electronic\s*withdrawals|"
    r"fees|card\s*(?:purchases|transactions)|atm|other\s*debits|payments|service\s*charges)\b"
    # (a speck may follow the title: `Checks & Debits»`)
    r"(?:\s*(?:and|&|/)\s*\w+(?:\s+\w+)?)?\s*(?:\(?continued\)?)?[^\w\s]?$",
    re.IGNORECASE,
)
_MIXED_SECTION = re.compile(
    r"^(?:transaction\s*(?:history|detail|details|activity)|account\s*activity|"
    # (a speck OCR read as a cell between the captions: `Date  1  Description`)
    r"transactions|activity|(?:posted|post(?:ing)?\s*date|date)\s+(?:\S\s+)?description|"
    # the date's caption lost: `Description   Balance`
    r"description\s+(?:amount\s+)?balance\W*$)\b",
    re.IGNORECASE,
)
# The daily balance table ends the transactions: its title (`Balarice` as OCR
# may read it) or its header of dates and balances side by side.
_END_SECTION = re.compile(
    r"^(?:daily\s*(?:ending\s*)?bal\w*|balance\s*summary|date\W+balance\W+date\W+balance)",
    re.IGNORECASE,
)
# Date, figure, date, figure and nothing else: a daily balance table's two
# columns (a title OCR garbled let it through), not a transaction.
_BALANCE_PAIR_ROW = re.compile(
    r"^[\s\d$,.]*\d[\s\d$,.]*\s\d{1,2}/\d{1,2}/\d{2,4}\W*\s+[\d$,.]*\d[\d$,.]*\s*$"
)
_TOTAL = re.compile(r"^total\b|^\W*(?:sub)?total", re.IGNORECASE)
_CREDIT_WORDS = re.compile(
    r"deposit|payroll|dir\s*dep|direct\s*dep|salary|credit|refund|transfer\s*from|"
    r"xfer\s*from|from\s+(?:sav|chk)|zelle\s*from|interest\s*(?:paid|earned)|reversal|"
    r"mobile\s*dep|ach\s*credit|incoming\s*wire|wire\s*in|cash\s*dep|gift",
    re.IGNORECASE,
)
# Credits whose wording also reads like a debit (`INTEREST PAYMENT`, `ATM
# DEPOSIT`).
_SURE_CREDIT = re.compile(
    r"interest\s*(?:paid|earned|payment|credit)|dividend|payroll|direct\s*dep|"
    r"(?:atm|mobile|cash|branch|remote)\s*dep",
    re.IGNORECASE,
)
_DEBIT_WORDS = re.compile(
    r"withdraw|purchase|\bpos\b|debit|\bcheck\b|\bchk\s*#|payment|\bpmt\b|\bfee\b|"
    r"transfer\s*to|xfer\s*to|zelle\s*to|\batm\b|bill\s*pay|autopay|outgoing|wire\s*out",
    re.IGNORECASE,
)


def _tx_date(m: re.Match[str], start: date | None, end: date | None) -> date | None:
    g = m.groupdict()
    try:
        if g["y2"]:
            return date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        if g["m"]:
            month, day, year_text = int(g["m"]), int(g["d"]), g["y"]
        elif g["mn"]:
            month, day, year_text = _MONTH_NUM[g["mn"][:3].lower()], int(g["d3"]), g["y3"]
        else:
            month, day, year_text = _MONTH_NUM[g["mn4"][:3].lower()], int(g["d4"]), g["y4"]
        if year_text:
            year = int(year_text)
            if year < 100:
                year += 2000
            return date(year, month, day)
        # A statement prints MM/DD: the year is the one of the period that
        # contains that month.
        if end is None:
            return None
        year = end.year
        if start is not None and start.year != end.year and month > end.month:
            year = start.year
        return date(year, month, day)
    except (ValueError, KeyError):
        return None


# A debit that pays a debt: its creditor named after the word
_PAID_TO = re.compile(r"\b(?:pmt|payment|autopay|bill\s*pay)\b", re.IGNORECASE)


def deposits(
    doc: DocText,
    out: dict[str, FieldValue],
    payments: list[dict[str, FieldValue]] | None = None,
) -> list[dict[str, FieldValue]]:
    """The statement's deposits; with `payments`, its debits paying a debt
    are gathered there too (a creditor's monthly payment, as the bank paid it)."""
    start = as_date(out["period_start_date"].value) if "period_start_date" in out else None
    end = as_date(out["period_end_date"].value) if "period_end_date" in out else None
    balance: Decimal | None = None
    if "opening_balance" in out and isinstance(out["opening_balance"].value, Decimal):
        balance = out["opening_balance"].value
    mode = "mixed"
    rows: list[dict[str, FieldValue]] = []
    # On an OCR'd page whose rows carry a running balance, a row read with one
    # amount may have lost its amount or its balance: it is a deposit only if
    # the next row's balance confirms it (`pending`: the row, its amount and
    # the balance before it).
    running = 0
    pending: tuple[dict[str, FieldValue], Decimal, Decimal] | None = None
    balances_only = False
    for i, line in enumerate(doc.lines):
        # `06sJul-2026`: a speck for the hyphen of a day-month-year date
        text = line.text
        if doc.ocr:
            # `"04/25/2026`: a speck before the row's date; `06sJul-2026`: one
            # for the hyphen of a day-month-year date
            text = _DAY_SPECK.sub(r"\1-", _ROW_SPECK.sub("", text))
        m = _TX_DATE.match(text)
        if not m:
            if doc.ocr and len(text.split()) <= _HEADING_WORDS:
                # `_Date Description`: a speck before a heading or a column header
                text = _HEAD_SPECK.sub("", text)
            if _DEPOSIT_SECTION.match(text) and not money_tokens(text):
                mode = "deposits"
            elif _DEBIT_SECTION.match(text) and not money_tokens(text):
                mode = "debits"
            elif _MIXED_SECTION.match(text) and not (
                mode in ("deposits", "debits") and re.match(r"^\W*date\b", text, re.IGNORECASE)
            ):
                # A column header under a section title keeps the section.
                mode = "mixed"
                if re.search(r"\bbalance\b", text, re.IGNORECASE):
                    running = max(running, 2)  # its rows carry a running balance
                    # OCR lost the amount column: each row shows its balance
                    balances_only = doc.ocr and not _AMOUNT_COLUMN.search(text)
            elif _END_SECTION.match(text):
                mode = "none"
            continue
        if mode == "none":
            continue
        rest = text[m.end() :]
        # `April 1f, 2026`: the day garbled, read short; the day is unknown
        tail = _GARBLED_DAY_TAIL.match(rest) if doc.ocr else None
        if tail:
            rest = rest[tail.end() :]
        if _BALANCE_PAIR_ROW.match(rest):
            continue
        amounts = money_tokens(rest, boxes=False)
        # Statement amounts carry cents; bare numbers are references (ID:71299).
        with_cents = [a for a in amounts if re.search(r"\.\d\d$", rest[a[0] : a[1]].rstrip(") -"))]
        # A number after `#` is a check's or a store's, never the amount
        # (`CHECK #3844  $174%80`: the amount garbled past reading).
        if doc.ocr and mode == "mixed" and running >= 2 and balance is not None:
            with_cents = _point_lost(rest, amounts, with_cents, balance)
            with_cents = _balance_point_lost(amounts, with_cents, balance)
            with_cents = _balance_minus_speck(with_cents, balance)
            with_cents = _dollar_read_as_figure(rest, with_cents, balance)
        amounts = with_cents or [a for a in amounts if not rest[: a[0]].endswith("#")]
        if not amounts:
            continue
        description = normalize_spaces(rest[: amounts[0][0]]).strip(" -|")
        if (
            not description
            or _TOTAL.match(description)
            or re.match(
                r"(?:beginning|opening|ending|closing)\s*balance", description, re.IGNORECASE
            )
        ):
            continue
        when = _tx_date(m, start, end)
        amount = amounts[0][2]
        if balances_only and not with_cents:
            # a running balance prints its cents: `8437` (a card's number),
            # `13621664` (the balance garbled) leave the balance unknown
            balance = None
            continue
        if balances_only and len(amounts) == 1:
            # the amount is the change from the balance before
            before, balance = balance, amount
            if before is None or amount - before <= 0 or when is None:
                continue
            rows.append(
                {
                    "date": doc.field(when, i),
                    "amount": doc.field(amount - before, i),
                    "description": doc.field(description, i),
                }
            )
            continue
        if pending is not None:
            row, before_amount, before = pending
            pending = None
            if len(amounts) >= 2:
                after, moved = amounts[-1][2], abs(amount)
                if after in (before + before_amount - moved, before + before_amount + moved):
                    rows.append(row)
                    balance = before + before_amount
            else:
                balance = None
        deposit = _is_deposit(mode, amount, amounts, balance, description)
        if (
            payments is not None
            and deposit is False
            and _PAID_TO.search(description)
            and not _SURE_CREDIT.search(description)
        ):
            paid = {"amount": doc.field(abs(amount), i), "description": doc.field(description, i)}
            if when is not None:
                paid["date"] = doc.field(when, i)
            payments.append(paid)
        unsure = doc.ocr and mode == "mixed" and len(amounts) == 1 and running >= 2
        if len(amounts) >= 2:
            balance = _balance_after(balance, amount, amounts[-1][2]) if doc.ocr else amounts[-1][2]
            running += mode == "mixed"
        elif balance is not None and deposit is not None and not unsure:
            balance = balance + abs(amount) if deposit else balance - abs(amount)
        if not deposit or (when is None and not doc.ocr):
            if unsure:
                balance = None
            continue
        row = {
            "amount": doc.field(abs(amount), i),
            "description": doc.field(description, i),
        }
        if when is not None and not (doc.ocr and (tail or _outside(when, start, end))):
            # (`9-11-2025` in a June-July statement, `48-Mar-2026`: the day
            # OCR misread is unknown, the deposit is still there)
            row["date"] = doc.field(when, i)
        if unsure:
            pending = (row, abs(amount), balance) if balance is not None else None
            balance = None
            continue
        rows.append(row)
    return rows


def _point_lost(
    rest: str,
    amounts: list[tuple[int, int, Decimal]],
    with_cents: list[tuple[int, int, Decimal]],
    balance: Decimal,
) -> list[tuple[int, int, Decimal]]:
    """A row whose amount OCR read without its point (`$243460` for $243.46)
    beside its running balance: the amount is the change from the balance
    before when the garbled figures begin with the change's; otherwise the
    lone balance waits, as any lone figure does, for the next row's balance."""
    if len(with_cents) != 1 or len(amounts) < 2 or amounts[-1] != with_cents[0]:
        return with_cents
    start, stop, _ = amounts[-2]
    after = with_cents[0][2]
    change = after - balance
    figures = re.sub(r"\D", "", format(abs(change), "f"))
    if change and re.sub(r"\D", "", rest[start:stop]).startswith(figures):
        return [(start, stop, abs(change) if change > 0 else change), with_cents[0]]
    return with_cents


def _balance_point_lost(
    amounts: list[tuple[int, int, Decimal]],
    with_cents: list[tuple[int, int, Decimal]],
    balance: Decimal,
) -> list[tuple[int, int, Decimal]]:
    """`3687.23   47487757`: a row whose running balance OCR read without its
    point (474,877.57), its amount perhaps with a figure lost (36,877.23):
    the balance with its last two figures as cents, when the change from the
    balance before is the amount as read or it with one figure lost; the
    amount is then that change."""
    if len(with_cents) != 1 or len(amounts) < 2 or amounts[-2] != with_cents[0]:
        return with_cents
    start, stop, last = amounts[-1]
    if last < _POINTLESS_MIN or last != last.to_integral_value():
        return with_cents
    after = last / 100
    s, e, read = with_cents[0]
    change = after - balance
    if abs(change) != abs(read) and not one_digit_more(abs(change), abs(read)):
        return with_cents
    return [(s, e, change), (start, stop, after)]


def _balance_after(before: Decimal | None, amount: Decimal, read: Decimal) -> Decimal:
    """A scanned row's running balance with one of its figures lost (`$3089.03`
    after 36,226.76 and a deposit of 1,862.27): the balance the amount leaves,
    of which the reading is a figure short; otherwise the balance as read."""
    if before is None:
        return read
    found = [
        a for a in (before + abs(amount), before - abs(amount)) if a > 0 and one_digit_more(a, read)
    ]
    return found[0] if len(found) == 1 else read


# The least a running balance read without its point may be: four figures
_POINTLESS_MIN = Decimal(1000)


def _balance_minus_speck(
    with_cents: list[tuple[int, int, Decimal]], balance: Decimal
) -> list[tuple[int, int, Decimal]]:
    """`1015.72   -438000.34` after a balance of 439,016.06: a speck read as
    a minus before the running balance; the balance is what the amount
    leaves, unsigned."""
    if len(with_cents) < 2:
        return with_cents
    s, e, after = with_cents[-1]
    moved = abs(with_cents[-2][2])
    if after < 0 < balance and -after in (balance + moved, balance - moved):
        return [*with_cents[:-1], (s, e, -after)]
    return with_cents


def _dollar_read_as_figure(
    rest: str, with_cents: list[tuple[int, int, Decimal]], balance: Decimal
) -> list[tuple[int, int, Decimal]]:
    """`REFUND HILL STORE  5285.88  $ 47,519.76` after a balance of 47,233.88:
    the amount's dollar sign read as a figure. The amount is the change from
    the balance before when the reading is that change with one figure more
    in front, and is printed with neither dollar sign nor thousands comma (a
    true 5,285.88 would show its comma; a balance misread by a figure would
    leave the amount as printed)."""
    if len(with_cents) != 2:
        return with_cents
    (s, e, read), after = with_cents[0], with_cents[1][2]
    change = after - balance
    token = rest[s:e]
    if not change or read < 0 or "$" in token or "," in token:
        return with_cents
    if cent_digits(read)[1:] != cent_digits(change):
        return with_cents
    return [(s, e, abs(change)), with_cents[1]]


# How far a row's date may sit outside its statement's period (a posting
# date printed a day or two after the cut-off).
_PERIOD_SLACK = timedelta(days=3)


def _outside(when: date, start: date | None, end: date | None) -> bool:
    return (
        start is not None
        and end is not None
        and not (start - _PERIOD_SLACK <= when <= end + _PERIOD_SLACK)
    )


_HEAD_SPECK = re.compile(r"^[\W_]{1,2}(?=[A-Za-z])")
_HEADING_WORDS = 6
# (a dash before a day-month-year date, `-07-JUN-2026`, is a speck too)
_ROW_SPECK = re.compile(r"^[^\w\s$(-]{1,2}(?=\d)|^_{1,2}(?=\d)|^-(?=\d{1,2}-[A-Za-z]{3}-\d{4})")
_DAY_SPECK = re.compile(r"^(\d{1,2})[a-z\u00bb](?=[A-Z][a-z]{2}-\d{4})")
_AMOUNT_COLUMN = re.compile(r"amount|deposit|credit|withdraw|debit|\bamt\b", re.IGNORECASE)


def _is_deposit(
    mode: str,
    amount: Decimal,
    amounts: list[tuple[int, int, Decimal]],
    balance: Decimal | None,
    description: str,
) -> bool | None:
    if mode == "deposits":
        return True
    if mode == "debits":
        return False
    if amount < 0:
        return False
    if len(amounts) >= 2 and balance is not None:
        after = amounts[-1][2]
        if balance + amount == after:
            return True
        if balance - amount == after:
            return False
        if len(amounts) >= 3:
            # Withdrawal and deposit columns both filled: rare; read the credit.
            credit = amounts[-2][2]
            if balance + credit - amount == after:
                return False
    if _SURE_CREDIT.search(description):
        return True
    if _CREDIT_WORDS.search(description) and not _DEBIT_WORDS.search(description):
        return True
    if _DEBIT_WORDS.search(description):
        return False
    return None
