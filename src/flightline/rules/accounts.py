"""Bank statements grouped by account: by the account number read, with the
statements OCR misread joined to their account (a number one look-alike
digit off, or several digits off where the balances chain; no number at all
at the one numbered account of that institution), each account's
statements in period order."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rapidfuzz.distance import Levenshtein

from flightline.pipeline.model import DocType, LogicalDocument
from flightline.rules.access import num, text, when
from flightline.rules.compare import (
    Verdict,
    compare_amounts,
    compare_digits,
    compare_text,
    fold,
    is_ocr,
    scanned,
)
from flightline.rules.engine import LoanContext
from flightline.rules.keys import employer_key


def account_key(doc: LogicalDocument) -> str:
    last4 = text(doc, "account_last4")
    if last4:
        return last4
    return f"{text(doc, 'institution') or '?'} / {text(doc, 'holder_name') or '?'}"


def statement_accounts(ctx: LoanContext) -> dict[str, list[LogicalDocument]]:
    out: dict[str, list[LogicalDocument]] = {}
    for d in ctx.of_type(DocType.bank_statement):
        out.setdefault(account_key(d), []).append(d)
    _join_ocr_misreads(out)
    for key, statements in out.items():
        out[key] = _in_order(statements)
    return out


def _in_order(statements: list[LogicalDocument]) -> list[LogicalDocument]:
    """An account's statements by period; one whose period OCR did not give
    goes where its balances chain (after the statement whose ending balance
    it opens with, before the one that opens with its ending balance), else
    first: never taken for the latest on no evidence."""
    dated = sorted(
        (d for d in statements if when(d, "period_end_date") is not None),
        key=lambda d: when(d, "period_end_date") or date.min,
    )
    undated = [d for d in statements if when(d, "period_end_date") is None]
    placed: list[LogicalDocument] = []
    for d in undated:
        after = [i for i, o in enumerate(dated) if _chained(o, d) and _opens_with(d, o)]
        before = [i for i, o in enumerate(dated) if _chained(d, o) and _opens_with(o, d)]
        if len(after) == 1 and not before:
            dated.insert(after[0] + 1, d)
        elif len(before) == 1 and not after:
            dated.insert(before[0], d)
        else:
            placed.append(d)
    return placed + dated


def _opens_with(later: LogicalDocument, earlier: LogicalDocument) -> bool:
    """`later` opens with the balance `earlier` ends with."""
    end = num(earlier, "closing_balance")
    return end is not None and end != 0 and end == _opening(later)


def _opening(doc: LogicalDocument) -> Decimal | None:
    """The opening balance; a scanned one read negative, its minus a speck
    (`-16764.67` under `Balance Forward`), as the figures say: chaining
    matches it against the last ending balance, which a speck does not sign."""
    opening = num(doc, "opening_balance")
    if opening is not None and opening < 0 and is_ocr(doc.fields.get("opening_balance")):
        return -opening
    return opening


def _chained(a: LogicalDocument, b: LogicalDocument, misread: bool = False) -> bool:
    """One statement's ending balance is the other's opening balance (an empty
    account's 0.00 chains with any other's, so it tells nothing). With
    `misread`, also a scanned pair one digit apart (`6,809.32` for 66,809.32)
    when the second period starts the day after the first ends."""
    pairs = ((a, b), (b, a))
    return any(
        (end := num(x, "closing_balance")) is not None
        and end != 0
        and (opening := _opening(y)) is not None
        and (end == opening or (misread and _misread_chain(x, y, end, opening)))
        for x, y in pairs
    )


def _misread_chain(
    first: LogicalDocument, then: LogicalDocument, end: Decimal, opening: Decimal
) -> bool:
    ends, starts = when(first, "period_end_date"), when(then, "period_start_date")
    return (
        ends is not None
        and starts is not None
        and (starts - ends).days == 1
        and is_ocr(first.fields.get("closing_balance"), then.fields.get("opening_balance"))
        and compare_amounts(end, opening, True) is Verdict.UNSURE
    )


def _kinds(docs: list[LogicalDocument]) -> set[str]:
    """The account types the statements read (checking, savings)."""
    return {t for d in docs if (t := text(d, "account_type"))}


def _other_kind(kinds: set[str], others: list[LogicalDocument]) -> bool:
    """Statements of account types none of the others' (savings, checking)."""
    theirs = _kinds(others)
    return bool(kinds and theirs and theirs.isdisjoint(kinds))


def _apart(docs: list[LogicalDocument], others: list[LogicalDocument]) -> bool:
    """Statements that cannot be one account's: of another type, or one
    covering a month the other's statements cover with another balance."""
    if _other_kind(_kinds(docs), others):
        return True
    return any(
        when(d, "period_end_date") is not None
        and when(d, "period_end_date") == when(o, "period_end_date")
        and num(d, "closing_balance") != num(o, "closing_balance")
        for d in docs
        for o in others
    )


def _bank_name(doc: LogicalDocument) -> str:
    return fold(text(doc, "institution") or "")


def _same_bank(a: str, b: str) -> bool:
    """Two readings of an institution's name (folded): the same to a letter,
    or one the other's start with specks read as a word after it (`North
    Michael Bank Perera`)."""
    if Levenshtein.distance(a, b) <= 1:
        return True
    short, long = sorted((a, b), key=len)
    return len(short) >= _BANK_NAME_MIN and long.startswith(short)


# The fewest letters of a name that another reading may run on from
_BANK_NAME_MIN = 8


def _join_ocr_misreads(accounts: dict[str, list[LogicalDocument]]) -> None:
    """An OCR'd account number one look-alike digit from another account's, at
    the same institution, or whose statements' balances chain with that
    account's, is that account misread (not a second account with a single
    statement): its statements join the account read more often."""
    for key in sorted(accounts, key=lambda k: len(accounts[k])):
        docs = accounts.get(key)
        if docs is None:
            continue  # already joined to another
        if not key.isdigit() and all(scanned(d) for d in docs):
            # no number read at all: the one numbered account at that institution
            bank = _bank_name(docs[0])
            # the institution's whole name as OCR read it, up to one letter
            kinds = _kinds(docs)
            into = [
                k
                for k, others in accounts.items()
                if k.isdigit()
                and bank
                and any(_same_bank(bank, _bank_name(o)) for o in others)
                # a savings statement is not the bank's checking account's
                and not _other_kind(kinds, others)
            ]
            if len(into) > 1:
                # several there: the account whose statements chain with it
                # (one's ending balance the other's opening balance; else, to
                # a figure misread, the month after or before it)
                into = [
                    k for k in into if any(_chained(d, o) for d in docs for o in accounts[k])
                ] or [
                    k
                    for k in into
                    if any(_chained(d, o, misread=True) for d in docs for o in accounts[k])
                ]
            if not into:
                # none numbered there: another unnumbered account whose
                # statements chain with these to the cent, at an institution
                # read alike but for OCR's letters (`Aenberville`)
                into = [
                    k
                    for k, others in accounts.items()
                    if k != key
                    and not k.isdigit()
                    and all(scanned(o) for o in others)
                    and compare_text(bank, _bank_name(others[0]), True) is not Verdict.DIFFERENT
                    and not _other_kind(kinds, others)
                    and any(_chained(d, o) for d in docs for o in others)
                ]
            if len(into) == 1:
                accounts[into[0]].extend(accounts.pop(key))
            continue
        ocr = all(is_ocr(d.fields.get("account_last4")) for d in docs)
        if not ocr or not key.isdigit():
            continue
        banks = {employer_key(text(d, "institution") or "") for d in docs}
        into = [
            k
            for k, others in accounts.items()
            if k != key
            and k.isdigit()
            and compare_digits(key, k, True) is Verdict.UNSURE
            and len(others) >= len(docs)
            and not _apart(docs, others)
            and (
                any(
                    compare_text(a, employer_key(text(o, "institution") or ""), True)
                    is not Verdict.DIFFERENT
                    for a in banks
                    for o in others
                )
                # an institution OCR did not give: the balances chain
                or (
                    any(not text(x, "institution") for x in (*docs, *others))
                    and any(_chained(d, o) for d in docs for o in others)
                )
            )
        ]
        if not into:
            # more than one digit off: still that account where the balances
            # chain (one statement's ending balance the other's opening one)
            into = [
                k
                for k, others in accounts.items()
                if k != key
                and k.isdigit()
                and len(others) >= len(docs)
                and not _apart(docs, others)
                and all(is_ocr(o.fields.get("account_last4")) for o in others)
                and any(_chained(d, o, misread=True) for d in docs for o in others)
                and any(
                    compare_text(a, employer_key(text(o, "institution") or ""), True)
                    is not Verdict.DIFFERENT
                    for a in banks
                    for o in others
                )
            ]
        if len(into) == 1:
            accounts[into[0]].extend(accounts.pop(key))
