"""The deposits of the statements used for assets, each with its source as
the file documents it (payroll, a gift letter, a letter of explanation, a
transfer between the borrower's own accounts), or none."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flightline.pipeline.model import DocType, LogicalDocument
from flightline.rules.access import (
    Row,
    cell,
    dec,
    num,
    row_evidence,
    rows,
    txt,
    when,
)
from flightline.rules.compare import (
    Verdict,
    compare_amounts,
    compare_dates,
    is_ocr,
)
from flightline.rules.engine import IssueEvidence, LoanContext
from flightline.rules.facts import facts
from flightline.rules.keys import employer_key


@dataclass
class Deposit:
    doc: LogicalDocument
    row: Row
    account: str
    day: date | None
    amount: Decimal
    description: str
    source: str | None  # payroll | gift_letter | letter_of_explanation | transfer | None
    # the amount of a gift the application declares deposited: a gift, though
    # the declaration documents no source (the gift letter does)
    declared_gift: bool = False

    def evidence(self) -> list[IssueEvidence]:
        found = [
            row_evidence(self.doc, "deposits", self.row, c)
            for c in ("date", "amount", "description")
        ]
        return [e for e in found if e is not None]


_PAYROLL = re.compile(r"payroll|payrl|direct\s*dep|dir\s*dep|salary", re.I)
_GIFT = re.compile(r"\bgift\b", re.I)
_NEAR_DAYS = 7


def _near(a: date | None, b: date | None, ocr: bool = False) -> bool:
    """Dates a letter and a statement give one deposit: within a week, or on
    a scan a figure misread apart (`07-09` for July 19)."""
    return (
        a is None
        or b is None
        or abs((a - b).days) <= _NEAR_DAYS
        or (ocr and compare_dates(a, b, True) is Verdict.UNSURE)
    )


def _letter_amount(letter: LogicalDocument, name: str, deposit: Decimal) -> bool:
    """The letter's amount is the deposit's: the same, or on a scanned letter
    the same but for a misread (its cents lost, one digit)."""
    stated = num(letter, name)
    if stated is None:
        return False
    ocr = is_ocr(letter.fields.get(name))
    return stated == deposit or (ocr and compare_amounts(stated, deposit, True) is Verdict.UNSURE)


def _source(
    ctx: LoanContext,
    amount: Decimal,
    on: date | None,
    description: str,
    own_accounts: set[str],
    account: str,
    ocr: bool = False,
) -> str | None:
    if _PAYROLL.search(description):
        return "payroll"
    words = set(employer_key(description).split())
    for who in facts(ctx).borrowers:
        employer = employer_key(who.employer or "").split()[:2]
        if employer and all(w in words for w in employer):
            return "payroll"
    for stub in ctx.of_type(DocType.paystub):
        if num(stub, "net_pay") == amount:
            return "payroll"
    for g in ctx.of_type(DocType.gift_letter):
        if _letter_amount(g, "gift_amount", amount) and _near(when(g, "gift_date"), on, ocr):
            return "gift_letter"
    for e in ctx.of_type(DocType.letter_of_explanation):
        if _letter_amount(e, "explained_amount", amount) and _near(
            when(e, "explained_date"), on, ocr
        ):
            return "letter_of_explanation"
    if re.search(r"transfer", description, re.I) and any(
        a in description for a in own_accounts - {account} if a.isdigit()
    ):
        return "transfer"
    return None


def _declared_gifts(ctx: LoanContext) -> list[tuple[Decimal, bool]]:
    """The amounts of the gifts the application declares deposited, each with
    whether it was read by OCR."""
    out = []
    for urla in ctx.of_type(DocType.urla_1003):
        for r in rows(urla, "gifts"):
            value = dec(cell(r, "value"))
            if value is not None and value > 0 and cell(r, "deposited") != "no":
                out.append((value, is_ocr(r.get("value"))))
    return out


def _is_declared(declared: list[tuple[Decimal, bool]], amount: Decimal, ocr: bool) -> bool:
    """Whether a deposit is one of the declared gifts (each taken once)."""
    for n, (value, read) in enumerate(declared):
        if value == amount or (
            (read or ocr) and compare_amounts(value, amount, True) is Verdict.UNSURE
        ):
            del declared[n]
            return True
    return False


def deposits(ctx: LoanContext, accounts: dict[str, list[LogicalDocument]]) -> list[Deposit]:
    own = set(accounts)
    out: list[Deposit] = []
    declared = _declared_gifts(ctx)
    for account, statements in accounts.items():
        # sourcing reviews the statements used: each account's two most recent
        for doc in statements[-2:]:
            for r in rows(doc, "deposits"):
                amount = dec(cell(r, "amount"))
                if amount is None or amount <= 0:
                    continue
                description = txt(cell(r, "description")) or ""
                on = cell(r, "date")
                on_day = on if isinstance(on, date) else None
                dated = is_ocr(r.get("date"))
                source = _source(ctx, amount, on_day, description, own, account, dated)
                gift = source != "payroll" and _is_declared(
                    declared, amount, is_ocr(r.get("amount"))
                )
                out.append(Deposit(doc, r, account, on_day, amount, description, source, gift))
    return out


def is_gift(deposit: Deposit) -> bool:
    return (
        deposit.source == "gift_letter"
        or deposit.declared_gift
        or bool(_GIFT.search(deposit.description))
    )
