"""Bank statements: holder, account, period, balances and deposits."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from flightline.pipeline.extractors.bank_transactions import deposits as transaction_deposits
from flightline.pipeline.extractors.base import (
    DocText,
    Spec,
    label_regex,
    set_field,
)
from flightline.pipeline.extractors.enums import canon_account_type
from flightline.pipeline.extractors.names import clean_name
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.extractors.terms import one_digit_from
from flightline.pipeline.extractors.values import has_cents, money_tokens
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import find_dates, front_lost
from flightline.pipeline.page_keys import PRODUCT_NUMBER
from flightline.pipeline.periods import statement_period

_BANK = Reader(
    (
        Spec(
            "holder_name",
            "person",
            (
                "Account Holder",
                "Account Holders",
                "Account Name",
                "Account Owner",
                "Customer Name",
                "Prepared For",
                "Primary Account Holder",
                "Statement For",
                "Owner",
                "Name",
            ),
            exclude=r"bank\s*name|institution",
        ),
        Spec(
            "institution",
            "name",
            ("Financial Institution", "Institution", "Bank Name"),
            exclude=r"member\s*fdic|bank\s*statement",
        ),
        Spec(
            "account_last4",
            "acct4",
            (
                "Account Number",
                "Account No",
                "Account #",
                "Acct Number",
                "Acct No",
                "Acct #",
                "Account ending in",
                "Account",
                "Acct",
            ),
            exclude=r"account\s*(?:type|holder|name|summary|owner)\b(?!.*(?:number|no\b|#))",
        ),
        Spec(
            "opening_balance",
            "money",
            (
                "Beginning Balance",
                "Opening Balance",
                "Previous Balance",
                "Starting Balance",
                "Balance Forward",
                "Beginning Statement Balance",
                "Balance Last Statement",
            ),
            signed=True,
        ),
        Spec(
            "closing_balance",
            "money",
            (
                "Ending Balance",
                "Closing Balance",
                "New Balance",
                "Ending Statement Balance",
                "Balance This Statement",
                "Statement Ending Balance",
            ),
            signed=True,
        ),
    ),
    extra_labels=(
        "Statement Period",
        "Account Type",
        "Statement Date",
        "Page",
        "Deposits",
        "Withdrawals",
        "Total",
    ),
)
_PERIOD = label_regex(
    (
        "Statement Period",
        "Period",
        "For the period",
        "Statement Dates",
        "Period Covered",
        "Statement Cycle",
        "Activity for",
        "From",
    )
)
_ACCOUNT_TYPE = label_regex(("Account Type", "Type of Account", "Product"))
_BANK_WORDS = re.compile(
    r"\b(?:bank|credit\s*union|savings|financial|trust|bancorp|federal|n\.a\.|bancshares|"
    r"banking|fcu)\b",
    re.IGNORECASE,
)
_STREET = re.compile(r"^\d+\s+[A-Za-z0-9]")
_CSZ = re.compile(r"\b[A-Z]{2}\s*,?\s*\d{5}(?:-\d{4})?\b")
# One or more people (joint holders are joined with `and`, `&` or `;`).
PERSON_LINE = re.compile(
    r"^[A-Z][A-Za-z.'\u2019-]+(?:[;,]?\s+(?:[A-Z][A-Za-z.'\u2019-]*|&|and)){1,9}$"
)


def _statement_period(doc: DocText, text: str) -> tuple[date, date] | None:
    """The line's period; a misread year settled by the statement's dated lines."""
    return statement_period(text, _dates_in(doc))


def _dates_in(doc: DocText) -> Iterator[date]:
    # (a generator: the document is searched only when a period needs it)
    for _, _, found in find_dates(doc.text):
        yield found


def _period(doc: DocText, out: dict[str, FieldValue]) -> None:
    for i, m in doc.find_lines(_PERIOD):
        line = doc.lines[i]
        rest = line.text[m.end() - line.start :][:90]
        found = _statement_period(doc, rest)
        if found is None and not find_dates(rest):
            j = doc.next_line(i)
            if j is not None:
                found, i = _statement_period(doc, doc.lines[j].text), j
        if found is not None:
            _set_period(doc, out, found, i)
            return
    # "January 1, 2026 through January 31, 2026" anywhere near the top (the
    # separator may be one OCR lost when the line names the statement).
    for i, line in enumerate(doc.lines[:25]):
        # (`througha)7/21/2025`: the date run into the word, a speck between)
        if re.search(r"\bthrough|\b(?:thru|to)\b|\s[-\u2013]\s|statement", line.text, re.I):
            found = _statement_period(doc, line.text)
            if found is not None and 20 <= (found[1] - found[0]).days <= 100:
                _set_period(doc, out, found, i)
                return


def _set_period(doc: DocText, out: dict[str, FieldValue], found: tuple[date, date], i: int) -> None:
    set_field(out, "period_start_date", doc.field(found[0], i))
    set_field(out, "period_end_date", doc.field(found[1], i))


def _institution(doc: DocText) -> FieldValue | None:
    for i, line in enumerate(doc.lines[:6]):
        text = re.sub(
            r"\s*(?:member\s*fdic|equal\s*housing\s*lender).*$", "", line.text, flags=re.I
        )
        if ":" in text or re.search(r"\d", text) or len(text) > 60:
            continue
        if _BANK_WORDS.search(text) and not re.search(r"statement", text, re.IGNORECASE):
            name = clean_name(text)
            if name:
                return doc.field(name, i)
    return None


def _holder(doc: DocText) -> FieldValue | None:
    """The mailing block: a name over a street line over a city/state/ZIP line."""
    for i, line in enumerate(doc.lines[:20]):
        if i + 2 >= len(doc.lines):
            break
        street, csz = doc.lines[i + 1].text, doc.lines[i + 2].text
        one_line = _STREET.match(street) and _CSZ.search(street)
        if (one_line or (_STREET.match(street) and _CSZ.search(csz))) and PERSON_LINE.match(
            line.text
        ):
            if _BANK_WORDS.search(line.text):
                continue
            name = clean_name(line.text)
            if name:
                return doc.field(name, i)
    return None


def _account_type(doc: DocText) -> FieldValue | None:
    for i, m in doc.find_lines(_ACCOUNT_TYPE):
        line = doc.lines[i]
        value = canon_account_type(line.text[m.end() - line.start :][:40])
        if value:
            return doc.field(value, i)
    for i, line in enumerate(doc.lines[:20]):
        if re.search(
            r"statement|account|summary|[.Xx*#]{2,16}\s?\d{4}\b", line.text, re.IGNORECASE
        ):
            value = canon_account_type(line.text)
            if value in ("checking", "savings", "money_market"):
                return doc.field(value, i)
    return None


_OPENING = label_regex(
    ("Beginning Balance", "Opening Balance", "Previous Balance", "Balance Forward")
)
_CLOSING = label_regex(
    ("Ending Balance", "Closing Balance", "New Balance", "Balance This Statement")
)


# `Balance`, or the word misread (`Balagce`, `Balanee`, `Balané®`)
_BALANCE_WORD = re.compile(r"\bbal\w{3,4}\b", re.IGNORECASE)


_DATE_WORD = re.compile(r"\bdate\b", re.IGNORECASE)


def _balance_pair(doc: DocText, out: dict[str, FieldValue]) -> None:
    """`Opening Balance  Ending Balance` over a row of the two amounts (specks
    OCR added to either row aside: the amounts are the ones with cents)."""
    for i, line in enumerate(doc.lines[:30]):
        text = line.text
        opening, closing = _OPENING.search(text), _CLOSING.search(text)
        if opening and closing and opening.start() > closing.start():
            continue
        # a label OCR misspelt (`Boginning Balance`): two balances, opening
        # first; not the daily balances' `Date  Balance  Date  Balance`
        if not (opening and closing) and (
            len(_BALANCE_WORD.findall(text)) != 2 or _DATE_WORD.search(text)
        ):
            continue
        if any(has_cents(v) for _, _, v in money_tokens(text)):
            continue
        j = doc.next_line(i)
        if j is None:
            return
        # specks before an amount (`_136424.72  I 137873.20`) are not part of
        # it, nor is the dash that ends a rule of them (`___-$134463.06`)
        below = re.sub(r"[_|]+(?:-(?=\$?\d))?", " ", doc.lines[j].text)
        amounts = [v for _, _, v in money_tokens(below) if has_cents(v)]
        if len(amounts) == 2:
            set_field(out, "opening_balance", doc.field(amounts[0], j))
            set_field(out, "closing_balance", doc.field(amounts[1], j))
        return


_CELL_GAP = re.compile(r"\s{2,}")
# `Balance Forward` with its first word lost to the line above
_FORWARD = re.compile(r"^\W*forward\W*$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z]{3}")


def _balance_cells(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A scanned header row of cells (`Forward  "ey  New Balance`) over a row
    of amounts (`$99637.44  |'$105083.32  2`): specks aside (a header cell
    without a word, a figure without cents), as many labels as amounts, each
    balance label's amount the one in its place."""
    for i, line in enumerate(doc.lines[:30]):
        if not _CLOSING.search(line.text) or money_tokens(line.text):
            continue
        j = doc.next_line(i)
        if j is None:
            return
        heads = [h for h in _CELL_GAP.split(line.text.strip()) if _WORD.search(h)]
        amounts = [
            found[0]
            for cell in _CELL_GAP.split(doc.lines[j].text.strip())
            if len(found := [v for _, _, v in money_tokens(cell)]) == 1 and has_cents(found[0])
        ]
        if len(heads) != len(amounts) or len(heads) < 2:
            return
        for head, amount in zip(heads, amounts, strict=True):
            if _CLOSING.search(head):
                set_field(out, "closing_balance", doc.field(amount, j))
            elif _OPENING.search(head) or _FORWARD.match(head):
                set_field(out, "opening_balance", doc.field(amount, j))
        return


# `Checking 8370`, `Savings ...8834`: the product's name beside the number.
def _product_number(doc: DocText, out: dict[str, FieldValue]) -> None:
    if "account_last4" in out:
        return
    for i, line in enumerate(doc.lines[:20]):
        m = PRODUCT_NUMBER.search(line.text)
        if m:
            out["account_last4"] = doc.field(m.group(1), i)
            return


# `Account Number   "ene 1852`: the mask OCR read as a few letters or marks,
# the last four figures after it ending the line
_MASK_AS_LETTERS = re.compile(
    r"\baccount\s*(?:number|no\.?|#)\W{0,3}\s{2,}[^\d\s]{1,8}\s?(\d{4})\W{0,2}$", re.IGNORECASE
)


def _mask_as_letters(doc: DocText) -> FieldValue | None:
    for i, line in enumerate(doc.lines[:20]):
        m = _MASK_AS_LETTERS.search(line.text)
        if m:
            return doc.field(m.group(1), i)
    return None


def extract_bank_statement(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _period(doc, out)
    if doc.ocr:
        # `Checking ...2237` is the number for sure, and two balances under
        # their header are the balances; a label's cell may hold another
        # column's value or a speck OCR ran into it
        _product_number(doc, out)
        _balance_pair(doc, out)
    _BANK.read(doc, out)
    if doc.ocr:
        for name in ("opening_balance", "closing_balance"):
            v = out.get(name)
            if v is not None and isinstance(v.value, Decimal) and not has_cents(v.value):
                # a balance prints its cents: `39175 548.95` is a garbled amount
                del out[name]
    _balance_pair(doc, out)
    if doc.ocr:
        _balance_cells(doc, out)
    _product_number(doc, out)
    if doc.ocr and "account_last4" not in out:
        set_field(out, "account_last4", _mask_as_letters(doc))
    set_field(out, "institution", _institution(doc))
    set_field(out, "holder_name", _holder(doc))
    set_field(out, "account_type", _account_type(doc))
    payments: list[dict[str, FieldValue]] = []
    deposits = transaction_deposits(doc, out, payments)
    if deposits:
        ld.rows["deposits"] = deposits
    if payments:
        ld.rows["payments"] = payments
    if doc.ocr and "closing_balance" not in out:
        _closing_confirmed(doc, out)
    elif doc.ocr:
        _closing_misread(doc, out)
    if doc.ocr:
        _sign_speck(out)


def _sign_speck(out: dict[str, FieldValue]) -> None:
    """`$33123.79   -$33126.77`: one scanned balance negative beside a positive
    one of its size is a speck read as a minus; an account overdrawn by as
    much as it held a month before is no statement a loan file carries."""
    opening, closing = out.get("opening_balance"), out.get("closing_balance")
    if opening is None or closing is None:
        return
    a, b = opening.value, closing.value
    if not isinstance(a, Decimal) or not isinstance(b, Decimal) or (a < 0) == (b < 0):
        return
    small, large = sorted((abs(a), abs(b)))
    if small * 2 < large:
        return
    if b < 0:
        out["closing_balance"] = FieldValue(-b, closing.evidence)
    else:
        out["opening_balance"] = FieldValue(-a, opening.evidence)


_ENDING = re.compile(r"\b(?:ending|closing|new)\s*bal[a-z]{3}[a-z]?\b", re.IGNORECASE)
_FIGURES = re.compile(r"[$S]?\d[\d,.]{5,}")


_SUBTRACTIONS = re.compile(r"\bwithdrawals?\b|\bsubtractions?\b|\bdebits\b", re.IGNORECASE)


def _closing_confirmed(doc: DocText, out: dict[str, FieldValue]) -> None:
    """The ending balance's label OCR cut short (`Ending Balance:` read as
    `Balance:`): an amount after a balance word that equals the running
    balance of the table's last row is the ending balance, two readings
    agreeing."""
    rows = _table_rows(doc)
    if not rows:
        return
    last = rows[-1][-1]
    for i, line in enumerate(doc.lines):
        for s, _, v in money_tokens(line.text):
            if v == last and _BALANCE_WORD.search(line.text, 0, s):
                set_field(out, "closing_balance", doc.field(v, i))
                return
    # the summary's ending balance with its caption lost, its amount left at
    # the end of the withdrawals line (`Withdrawals and Subtractions:
    # $7,467.78  $1,280.00`): the table's last balance, read twice
    for i, line in enumerate(doc.lines[:30]):
        if not _SUBTRACTIONS.search(line.text):
            continue
        amounts = [v for _, _, v in money_tokens(line.text)]
        if len(amounts) >= 2 and amounts[-1] == last and amounts[0] != last:
            set_field(out, "closing_balance", doc.field(last, i))
            return
    # a balances row under a caption garbled but for the opening's
    # (`Beginning Balance™  eS` over `_87759.3)  87765.15`): an amount there
    # whose last figures the table's last balance holds (`$7765.15`, its
    # first figure read as the sign) is the ending balance, read twice
    for i, line in enumerate(doc.lines[:30]):
        j = doc.next_line(i)
        if j is None or not (_OPENING.search(line.text) or _CLOSING.search(line.text)):
            continue
        if money_tokens(line.text):
            continue
        below = [v for _, _, v in money_tokens(doc.lines[j].text) if has_cents(v)]
        found = [v for v in below if v != last and front_lost(last, v)]
        if len(found) == 1:
            set_field(out, "closing_balance", doc.field(found[0], j))
            return
    # the ending balance read with its point lost, its sign perhaps as a
    # figure (`96774954` for $67749.54): the same figures as the last row's
    # balance, in their order, are still two readings agreeing
    figures = f"{abs(last):.2f}".replace(".", "")
    for i, m in doc.find_lines(_ENDING):
        line = doc.lines[i]
        for token in _FIGURES.findall(line.text, m.end() - line.start):
            read = re.sub(r"\D", "", token)
            if read == figures or (len(read) == len(figures) + 1 and read[1:] == figures):
                set_field(out, "closing_balance", doc.field(last, i))
                return
            # its cents lost (`108971.` for 108971.79): its dollars agree, and
            # the table's last balance is the one before it with the row's amount
            if read == figures[:-2] and _last_row_chains(rows):
                set_field(out, "closing_balance", doc.field(last, i))
                return


def _last_amount(doc: DocText) -> Decimal | None:
    """The statement's last amount with cents (its table's last balance, where
    the table ends in one), balance lines left out."""
    for line in reversed(doc.lines):
        if _BALANCE_WORD.search(line.text):
            continue
        found = [v for _, _, v in money_tokens(line.text, boxes=False) if has_cents(v)]
        if found:
            return found[-1]
    return None


def _last_row_chains(rows: list[list[Decimal]]) -> bool:
    """The table's last running balance is the one before it less or plus its
    row's amount (signed or not: `-989.60` or a debit column's `989.60`)."""
    if len(rows) < 2:
        return False
    last, before, amount = rows[-1][-1], rows[-2][-1], rows[-1][0]
    return abs(last - before) == abs(amount)


def _table_rows(doc: DocText) -> list[list[Decimal]]:
    """The amounts of each line holding two or more (a transaction row ends
    with its running balance), balance lines left out."""
    return [
        tokens
        for line in doc.lines
        if not _BALANCE_WORD.search(line.text)
        and len(tokens := [v for _, _, v in money_tokens(line.text, boxes=False) if has_cents(v)])
        >= 2
    ]


def _closing_misread(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A scanned ending balance a digit from the table's last running balance
    (`$2262.85`, its first 8 read as a dollar sign, for 82262.85), where that
    balance is the one before it less or plus its row's amount: the table's
    two readings agree, the ending balance's one does not."""
    read = out["closing_balance"]
    if not isinstance(read.value, Decimal):
        return
    # the ending balance with its first figure lost or read as a mark
    # (`(4274.93` for 24,274.93) where the statement's last amount, the
    # daily balances' last, is it whole: its figures agree in order
    final = _last_amount(doc)
    rows = _table_rows(doc)
    if (
        final is not None
        and final != read.value
        and front_lost(read.value, final)
        # (`$4.04  $43,566.32` after 3,562.28: a speck before the last running
        # balance, which the ending balance as read, not it, continues)
        and not (len(rows) >= 2 and abs(read.value - rows[-2][-1]) == abs(rows[-1][0]))
    ):
        out["closing_balance"] = FieldValue(final, read.evidence)
        return
    if not _last_row_chains(rows):
        return
    last = rows[-1][-1]
    if last == read.value:
        return
    if one_digit_from(read.value, last) or front_lost(read.value, last):
        out["closing_balance"] = FieldValue(last, read.evidence)
