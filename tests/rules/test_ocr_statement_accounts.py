"""A scanned statement whose account number was not read, at a bank whose
name OCR read with a letter wrong, is a statement of that bank's one numbered
account (not a second account with a stale latest statement)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from flightline.pipeline.model import FieldValue
from flightline.rules.accounts import statement_accounts
from flightline.rules.figures import compute_figures
from tests.rules.builders import Loan, run
from tests.rules.test_compare import _scanned, _statements

NOTE = date(2026, 4, 15)


def test_an_unnumbered_statement_joins_its_bank_named_up_to_an_ocr_letter() -> None:
    old = NOTE - timedelta(days=150)
    loan = _statements(
        ("", old - timedelta(days=30), old),
        ("5678", old + timedelta(days=1), NOTE - timedelta(days=20)),
    )
    first = loan.docs[-2]
    first.fields.pop("account_last4")
    was = first.fields["institution"]
    first.fields["institution"] = FieldValue("Sprinqfield Bank", was.evidence)
    assert run(_scanned(loan), "AGE-001") == []
    # a statement of another bank is another account, and a stale one
    first.fields["institution"] = FieldValue("Lakeshore Credit Union", was.evidence)
    assert len(run(_scanned(loan), "AGE-001")) == 1


def _unnumbered_january(february_opens: int) -> Loan:
    """Two numbered accounts at one bank, February each, and an unnumbered
    January ending at 90,000.00 beside 5678's February opening as given."""
    loan = _statements(
        ("1111", date(2026, 2, 1), date(2026, 2, 28)),
        ("", date(2026, 1, 1), date(2026, 1, 31)),
        ("5678", date(2026, 2, 1), date(2026, 2, 28)),
    )
    unnumbered = loan.docs[-2]
    unnumbered.fields.pop("account_last4")
    was = unnumbered.fields["closing_balance"]
    unnumbered.fields["closing_balance"] = FieldValue(Decimal(90000), was.evidence)
    opening = FieldValue(Decimal(february_opens), was.evidence)
    loan.docs[-1].fields["opening_balance"] = opening
    return loan


def test_an_unnumbered_statement_joins_the_account_its_bank_read_with_a_word_run_on() -> None:
    # one numbered account, its bank read `Springfield Bank Perera` (specks
    # after the name): the unnumbered January whose balance its February
    # opens with is its, not an account of its own
    loan = _unnumbered_january(90000)
    loan.docs = [d for d in loan.docs if d.get("account_last4") != "1111"]
    last = loan.docs[-1]
    was = last.fields["institution"]

    def accounts(bank: str) -> list[int]:
        last.fields["institution"] = FieldValue(bank, was.evidence)
        return sorted(len(v) for v in statement_accounts(_scanned(loan).context()).values())

    assert accounts(f"{was.value} Perera") == [2]
    # a bank whose name only starts alike is another
    assert accounts("Spring Valley Credit Union") == [1, 1]


def test_an_unnumbered_statement_joins_the_account_its_balances_chain_with() -> None:
    # two accounts at the bank: the January statement is 5678's, not a third account
    assert _assets(_unnumbered_january(90000)) == "260000.00"


def test_a_scanned_latest_statement_without_its_balance_leaves_assets_unknown() -> None:
    loan = _statements(
        ("1111", date(2026, 2, 1), date(2026, 2, 28)),
        ("5678", date(2026, 2, 1), date(2026, 2, 28)),
    )
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert ctx.figures["assets_verified"].value == "260000.00"
    loan.docs[-1].fields.pop("closing_balance")
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert "assets_verified" not in ctx.figures and "assets" in ctx.unread
    assert run(_scanned(loan), "AST-002") == [] and run(_scanned(loan), "RES-001") == []


def test_an_unnumbered_savings_statement_is_not_the_banks_numbered_checking() -> None:
    loan = _statements(
        ("", date(2026, 2, 1), date(2026, 2, 28)),
        ("5678", date(2026, 2, 1), date(2026, 2, 28)),
    )
    unnumbered, numbered = loan.docs[-2], loan.docs[-1]
    unnumbered.fields.pop("account_last4")
    was = unnumbered.fields["closing_balance"]
    unnumbered.fields["account_type"] = FieldValue("savings", was.evidence)
    numbered.fields["account_type"] = FieldValue("checking", was.evidence)
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    # two accounts: both balances count
    assert ctx.figures["assets_verified"].value == "260000.00"
    unnumbered.fields["account_type"] = FieldValue("checking", was.evidence)
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert ctx.figures["assets_verified"].value == "130000.00"


def test_two_unnumbered_statements_whose_balances_chain_are_one_account() -> None:
    loan = _statements(
        ("", date(2026, 1, 1), date(2026, 1, 31)),
        ("", date(2026, 2, 1), date(2026, 2, 28)),
    )
    january, february = loan.docs[-2], loan.docs[-1]
    for d in (january, february):
        d.fields.pop("account_last4")
    was = february.fields["institution"]
    # the bank's name OCR read with a letter wrong on one of them
    february.fields["institution"] = FieldValue("Sprinqfield Bank", was.evidence)
    january.fields["closing_balance"] = FieldValue(Decimal(90000), was.evidence)
    february.fields["opening_balance"] = FieldValue(Decimal(90000), was.evidence)
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    # one account, its February balance: not both months' balances added up
    assert ctx.figures["assets_verified"].value == "130000.00"
    # balances that do not chain leave them two accounts
    february.fields["opening_balance"] = FieldValue(Decimal(95000), was.evidence)
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    assert ctx.figures["assets_verified"].value == "220000.00"


def test_a_lone_unnumbered_statement_is_not_its_own_missing_month() -> None:
    loan = _statements(("", date(2026, 2, 1), date(2026, 2, 28)))
    loan.docs[-1].fields.pop("account_last4")
    [issue] = run(_scanned(loan), "AST-003")
    assert "2026-02-01 to 2026-02-28" in issue.summary
    # another unnumbered statement elsewhere may be the missing month: unread
    other = _statements(
        ("", date(2026, 2, 1), date(2026, 2, 28)), ("", date(2026, 1, 1), date(2026, 1, 31))
    )
    other.docs[-1].fields.pop("account_last4")
    other.docs[-2].fields.pop("account_last4")
    was = other.docs[-1].fields["institution"]
    other.docs[-1].fields["institution"] = FieldValue("Lakeshore Credit Union", was.evidence)
    ctx = _scanned(other).context()
    assert run(ctx, "AST-003") == [] and any(k.startswith("statement period") for k in ctx.unread)


def _assets(loan: Loan) -> str | None:
    """The verified assets of the loan scanned."""
    ctx = _scanned(loan).context()
    compute_figures(ctx)
    found = ctx.figures.get("assets_verified")
    return found.value if found else None


def test_accounts_a_look_alike_digit_apart_stay_two_where_their_months_cannot_be_one() -> None:
    # 3577 and 1577 at one bank, each with the same two months: two accounts
    # (one account has one balance a month), not one number misread
    months = ((date(2026, 1, 1), date(2026, 1, 31)), (date(2026, 2, 1), date(2026, 2, 28)))
    loan = _statements(*((n, s, e) for n in ("3577", "1577") for s, e in months))
    was = loan.docs[-1].fields["closing_balance"]
    for doc in loan.docs[-2:]:
        doc.fields["closing_balance"] = FieldValue(Decimal(24000), was.evidence)
    assert _assets(loan) == "154000.00"
    # a savings statement beside the checking's: another account too
    loan = _statements(("3577", *months[0]), ("1577", *months[1]))
    loan.docs[-1].fields["account_type"] = FieldValue("savings", was.evidence)
    loan.docs[-2].fields["account_type"] = FieldValue("checking", was.evidence)
    assert _assets(loan) == "260000.00"
    # one month each and the same type: one account, its number misread
    loan.docs[-1].fields.pop("account_type")
    assert _assets(loan) == "130000.00"


def test_an_unnumbered_statement_joins_the_account_its_balances_chain_with_a_figure_off() -> None:
    # 5678's February opening read 98,000.00: one figure off the January's end
    assert _assets(_unnumbered_january(98000)) == "260000.00"
    # two figures off: not that account's, a third one
    assert _assets(_unnumbered_january(98100)) == "350000.00"
