"""Debts for the DTI: every credit-report debt with a payment, and every debt
the application alone declares, less those this closing pays off — read from
the Closing Disclosure's payoff rows, matched to tradelines by creditor and
balance; without rows, a refinance's own mortgage, inferred from the CD's
cash-to-close arithmetic only when that is unambiguous.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal

from flightline.pipeline.model import DocType, LogicalDocument
from flightline.pipeline.normalize import front_lost
from flightline.rules.access import Row, cell, dec, ev, num, row_evidence, rows, txt
from flightline.rules.compare import Verdict, compare_amounts, is_ocr
from flightline.rules.creditors import alike, mortgage_like, near_balance
from flightline.rules.engine import IssueEvidence, LoanContext
from flightline.rules.facts import facts
from flightline.rules.keys import employer_key

ZERO = Decimal(0)
REFINANCES = frozenset({"refinance", "rate_term_refinance", "cash_out_refinance"})


@dataclass
class Debt:
    creditor: str
    payment: Decimal
    balance: Decimal | None
    account_type: str | None
    doc: LogicalDocument
    row: Row
    paid_off: bool = False
    # the URLA's liability row the payment was taken from, when OCR did not
    # give the credit report's
    stated: tuple[LogicalDocument, Row] | None = None
    # where the row is: a credit report's tradelines, or (a debt the
    # application alone lists) the URLA's liabilities
    group: str = "tradelines"

    def evidence(self) -> list[IssueEvidence]:
        found = [row_evidence(self.doc, self.group, self.row, "creditor")]
        if self.stated is None:
            found.append(row_evidence(self.doc, self.group, self.row, "monthly_payment"))
        else:
            urla, row = self.stated
            found.append(row_evidence(urla, "liabilities", row, "monthly_payment"))
        return [e for e in found if e is not None]


def _is_mortgage(d: Debt) -> bool:
    return mortgage_like(d.account_type, d.creditor)


def _implied_payoff(cd: LogicalDocument | None) -> Decimal | None:
    """A refinance's payoff from the CD: cash to close + loan - closing costs
    (the CD's cash-to-close arithmetic read backwards)."""
    ctc, loan = num(cd, "cash_to_close"), num(cd, "loan_amount")
    fees = [dec(cell(r, "amount")) for r in rows(cd, "fees")]
    if ctc is None or loan is None or not fees:
        return None
    costs = sum((f for f in fees if f is not None), ZERO) - (num(cd, "lender_credit") or ZERO)
    return ctc + loan - costs


def _near_balance(d: Debt, amount: Decimal) -> bool:
    return near_balance(d.balance, amount)


def _same_creditor(d: Debt, creditor: str) -> bool:
    return alike(d.creditor, creditor)


def _payoff_target(debts: list[Debt], creditor: str | None, amount: Decimal | None) -> list[Debt]:
    """The debts a payoff row may be paying: named alike and near in amount;
    else named alike (one only); else near in amount (one only)."""
    named = [d for d in debts if creditor and _same_creditor(d, creditor)]
    near = [d for d in debts if amount is not None and _near_balance(d, amount)]
    both = [d for d in named if d in near]
    for found in (both, named, near):
        if found:
            return _narrowed(found, creditor, amount)
    return []


def _narrowed(found: list[Debt], creditor: str | None, amount: Decimal | None) -> list[Debt]:
    """Of several debts a payoff may be paying (`EVERGREEN MORTGAGE CO` and
    `EVERGREEN MORTGAGE SERVICING`, balances 155,000 and 154,368.40), the one
    whose name is the payoff's, word for word, else the one whose balance is
    its amount to the cent, when only one is."""
    if len(found) < 2:
        return found
    key = employer_key(creditor) if creditor else None
    same = [d for d in found if key and employer_key(d.creditor) == key]
    if len(same) == 1:
        return same
    exact = [d for d in found if amount is not None and d.balance == amount]
    return exact if len(exact) == 1 else found


def _mark_paid_off(ctx: LoanContext, debts: list[Debt]) -> bool:
    """Mark the debts this closing pays off; False when it cannot be told which
    (then the debts, and so the DTI, stay unknown rather than guessed)."""
    f = facts(ctx)
    cd = f.cd
    payoffs = rows(cd, "payoffs")
    for r in payoffs:
        creditor, amount = txt(cell(r, "creditor")), dec(cell(r, "amount"))
        targets = [d for d in _payoff_target(debts, creditor, amount) if not d.paid_off]
        if len(targets) == 1:
            targets[0].paid_off = True
        elif len(targets) > 1 and cd is not None:
            ctx.could_not_read(
                "payoff",
                f"which credit-report debt the Closing Disclosure's payoff to "
                f"{creditor or 'an unnamed creditor'} pays off",
                [row_evidence(cd, "payoffs", r, "creditor"), *targets[0].evidence()],
            )
            return False
        # no target: a payoff of something the credit report does not list
    if payoffs or f.purpose not in REFINANCES:
        return True
    # No payoff rows read: the subject's own mortgage is paid off by this
    # closing; which one, from the CD's arithmetic when there are several.
    mortgages = [d for d in debts if _is_mortgage(d)]
    if len(mortgages) == 1:
        mortgages[0].paid_off = True
        return True
    implied = _implied_payoff(cd)
    near = [d for d in mortgages if implied is not None and _near_balance(d, implied)]
    if len(near) == 1:
        near[0].paid_off = True
        return True
    if mortgages and cd is not None:
        ctx.could_not_read(
            "payoff",
            "which mortgage on the credit report this refinance pays off (the Closing "
            "Disclosure's payoffs)",
            [ev(cd, "cash_to_close"), *(e for d in mortgages for e in d.evidence())],
        )
        return False
    return True


def unread_payment(r: Row) -> bool:
    """A tradeline whose payment OCR did not give, and which may have one (a
    zero balance has none)."""
    balance = dec(cell(r, "balance"))
    return cell(r, "monthly_payment") is None and (balance is None or balance > 0)


def unread_payment_balances(
    ctx: LoanContext,
) -> list[tuple[LogicalDocument, Row, str, Decimal]]:
    """Scanned tradelines, other than mortgages, whose payment OCR lost but
    whose creditor and balance owed it gave: (report, row, creditor, balance)."""
    out = []
    for report in ctx.of_type(DocType.credit_report):
        for r in rows(report, "tradelines"):
            creditor = txt(cell(r, "creditor"))
            balance = dec(cell(r, "balance"))
            if (
                creditor
                and balance is not None
                and balance > 0
                and unread_payment(r)
                and is_ocr(r.get("balance"))
                and not mortgage_like(txt(cell(r, "account_type")), creditor)
            ):
                out.append((report, r, creditor, balance))
    return out


def _paid_on_statements(ctx: LoanContext, creditor: str) -> set[Decimal]:
    """What the bank statements show paid to this creditor (`ONLINE PMT
    BLUEWATER MOTORCREDIT  -362.00`): the creditor's name, spaces aside,
    within the debit's description."""
    key = re.sub(r"[^a-z]", "", creditor.lower())
    if len(key) < _PAYEE_MIN:
        return set()
    return {
        amount
        for statement in ctx.of_type(DocType.bank_statement)
        for r in rows(statement, "payments")
        if (amount := dec(cell(r, "amount"))) is not None
        and key in re.sub(r"[^a-z]", "", (txt(cell(r, "description")) or "").lower())
    }


# The shortest creditor's name looked for in a statement's descriptions
_PAYEE_MIN = 6


def _stated_payment(
    ctx: LoanContext, r: Row, tradelines: list[Row]
) -> tuple[Decimal, LogicalDocument, Row] | None:
    """The payment the URLA lists for a tradeline: exactly one liability of
    that creditor on the application, that creditor once on the credit
    report, and the balances agreeing when both are read. Where OCR did not
    give the report's payment, what an analyst does with an illegible
    report; where it did, a second reading of the same payment."""
    creditor = txt(cell(r, "creditor"))
    if not creditor:
        return None
    if sum(1 for t in tradelines if alike(creditor, txt(cell(t, "creditor")) or "")) != 1:
        return None
    found = [
        (payment, urla, row)
        for urla in ctx.of_type(DocType.urla_1003)
        for row in rows(urla, "liabilities")
        if alike(creditor, txt(cell(row, "creditor")) or "")
        and (payment := dec(cell(row, "monthly_payment"))) is not None
        and payment > 0
    ]
    if len(found) != 1:
        return None
    payment, urla, row = found[0]
    balance, stated_balance = dec(cell(r, "balance")), dec(cell(row, "balance"))
    if (
        stated_balance is not None
        and 0 < stated_balance < payment
        and is_ocr(row.get("monthly_payment"))
    ):
        return None  # a payment above its own balance (`414.00` read 41400): misread
    if balance is not None and (
        stated_balance is None
        or not (
            near_balance(balance, stated_balance)
            # one figure misread (`22896` for 28,896): still the same debt
            or (
                is_ocr(r.get("balance"), row.get("balance"))
                and compare_amounts(balance, stated_balance, True) is Verdict.UNSURE
            )
        )
    ):
        return None
    return payment, urla, row


def _misread_either(ctx: LoanContext, r: Row, tradelines: list[Row], payment: Decimal) -> bool:
    """The report and the URLA give one debt payments a misread tells apart
    (`719.00` and `79.00`, `199.00` and `109.00`, `2.00` and `602.00`) on a scan: which one is
    right is not known, so neither is taken. A payment that differs more is
    the application's error, and the report's stands."""
    stated = _stated_payment(ctx, r, tradelines)
    # within a dollar: the report's whole dollars against the URLA's cents
    if stated is None or abs(stated[0] - payment) < 1:
        return False
    # a figure misread, or leading digits lost to a speck (`602.00` read `2.00`)
    if _a_misread_apart(payment, stated[0]):
        return True
    # the report's whole dollars a figure off the URLA's (`$356` beside 856.33)
    whole = stated[0].to_integral_value(ROUND_FLOOR)
    return (
        payment == payment.to_integral_value()
        and whole != stated[0]
        and compare_amounts(payment, whole, True) is Verdict.UNSURE
    )


def _paid_between(
    paid: set[Decimal], payment: Decimal, stated: tuple[Decimal, LogicalDocument, Row] | None
) -> Decimal | None:
    """The one amount the statements show paid to the creditor that a misread
    takes to the report's reading and to the URLA's (when there is one)."""
    found = [
        a
        for a in paid
        if a not in (payment, stated[0] if stated else None)
        and _a_misread_apart(a, payment)
        and (stated is None or _a_misread_apart(a, stated[0]))
    ]
    return found[0] if len(found) == 1 else None


def _a_misread_apart(a: Decimal, b: Decimal) -> bool:
    short, long = sorted((a, b))
    return compare_amounts(a, b, True) is Verdict.UNSURE or front_lost(short, long)


def _payment_confirmed(ctx: LoanContext, creditor: str, payment: Decimal) -> bool:
    """The URLA's one liability of that creditor states the same payment: two
    readings agree, so where the row disagrees with itself its balance is the
    misread."""
    found = [
        stated
        for urla in ctx.of_type(DocType.urla_1003)
        for row in rows(urla, "liabilities")
        if alike(creditor, txt(cell(row, "creditor")) or "")
        and (stated := dec(cell(row, "monthly_payment"))) is not None
    ]
    return len(found) == 1 and abs(found[0] - payment) < 1


def _payment_misread(
    ctx: LoanContext,
    r: Row,
    tradelines: list[Row],
    creditor: str,
    payment: Decimal,
    balance: Decimal | None,
) -> bool:
    """A scanned row's payment that cannot be taken as read: one on nothing
    owed (`0.00` read `90.00`, or the balance misread), one a misread apart
    from the URLA's, or one larger than its whole balance that the URLA does
    not confirm."""
    if not is_ocr(r.get("monthly_payment")):
        return False
    return (
        balance == 0
        or _misread_either(ctx, r, tradelines, payment)
        or (
            balance is not None
            and 0 < balance < payment
            and not _payment_confirmed(ctx, creditor, payment)
        )
    )


def _zero_misread(amount: Decimal) -> bool:
    """`6.00`: `0.00` with its dollar figure misread, the figures in place
    (a longer amount, `90.00`, is no such misread: see `_payment_misread`)."""
    return 1 <= amount < 10 and amount == amount.to_integral_value()


def _zeros_misread(balance: Decimal | None, payment: Decimal) -> bool:
    """`5  9` on a closed card for `0  0`: a balance of one figure and a
    payment of one figure above it, which no debt has (nothing pays more
    than it owes): both zeros, their figures misread in place."""
    return balance is not None and _zero_misread(balance) and payment > balance


def _point_lost(ctx: LoanContext, creditor: str, payment: Decimal) -> Decimal:
    """A scanned payment read without its point (`27600` for 276.00), or
    with its point read as a figure (`535100` for 535.00): the URLA's one
    amount for that creditor with the same figures, in whichever column the
    application's scan placed it, is the payment."""
    if payment != payment.to_integral_value() or payment < 100:
        return payment
    found = {
        v
        for urla in ctx.of_type(DocType.urla_1003)
        for row in rows(urla, "liabilities")
        if alike(creditor, txt(cell(row, "creditor")) or "")
        for name in ("monthly_payment", "balance")
        if (v := dec(cell(row, name))) is not None
    }
    dropped = payment / 100
    # the figure the point became, dropped: its whole dollars and its cents
    figured = (payment // 1000) + (payment % 100) / 100 if payment >= 1000 else None
    matches = {c for c in (dropped, figured) if c is not None and c in found}
    return matches.pop() if len(matches) == 1 else payment


@dataclass
class DebtsRead:
    """The credit reports' debts with a payment; whether every debt's
    payment is known; and, where some are not, the readings each such
    tradeline may have (None: no payment), or None when one has no reading
    to offer (a payment above its balance, payoff rows that could name
    several debts)."""

    debts: list[Debt]
    known: bool
    open: list[tuple[Debt | None, ...]] | None
    # a refinance's mortgages, one of which this closing pays off (which one
    # the CD's figures do not say); not among `debts`
    payoff: list[Debt] = field(default_factory=list)
    # scanned payments the URLA states otherwise, beyond a misread: the
    # report's reading (among `debts`) and the application's; the report's
    # stands unless the 1008's ratio says the application's is the one
    disputed: list[tuple[Debt, Debt]] = field(default_factory=list)


def read_debts(ctx: LoanContext) -> DebtsRead:
    """A payment OCR did not give, and the URLA does not settle, or one a
    misread apart from the URLA's, leaves the debts unknown rather than
    summed short or long; its readings are kept for the figures to settle
    against the 1008 (`settled.open_rows_settled`)."""
    out: list[Debt] = []
    open_rows: list[tuple[Debt | None, ...]] = []
    beyond: list[Debt] = []  # rows with no reading to offer (as read)
    disputed: list[tuple[Debt, Debt]] = []
    seen: set[tuple[str, Decimal, Decimal | None]] = set()
    for report in ctx.of_type(DocType.credit_report):
        tradelines = rows(report, "tradelines")
        for r in tradelines:
            payment = dec(cell(r, "monthly_payment"))
            creditor = txt(cell(r, "creditor")) or ""
            kind = txt(cell(r, "account_type"))
            if unread_payment(r):
                stated = _stated_payment(ctx, r, tradelines)
                if stated is None:
                    open_rows.append((None,))  # a `$0` cell OCR dropped, or a payment lost
                    continue
                payment, urla, row = stated
                balance = dec(cell(r, "balance"))
                debt = Debt(creditor, payment, balance, kind, report, r)
                debt.stated = (urla, row)
                out.append(debt)
                continue
            owed = dec(cell(r, "balance"))
            if payment == 0 and owed and owed > 0 and is_ocr(r.get("monthly_payment")):
                # a scan's zero on money owed that the URLA states a payment
                # for (`$25.00` read `00`): either reading, for the 1008 to settle
                stated = _stated_payment(ctx, r, tradelines)
                if stated is not None:
                    other = Debt(creditor, stated[0], owed, kind, report, r)
                    other.stated = (stated[1], stated[2])
                    open_rows.append((None, other))
                continue
            if payment is None or payment <= 0:
                continue
            if payment < 1 and is_ocr(r.get("monthly_payment")):
                continue  # a scan's `0.00` read `0.60`: no payment is under a dollar
            balance = dec(cell(r, "balance"))
            if (
                is_ocr(r.get("monthly_payment"))
                and _zero_misread(payment)
                and (balance == 0 or _zeros_misread(balance, payment))
            ):
                # `$0.00  $6.00`: nothing owed, and a payment that is `0.00`
                # with its one dollar figure misread in place is that zero (a
                # balance misread to exactly 0.00 would have lost every figure)
                continue
            if _payment_misread(ctx, r, tradelines, creditor, payment, balance):
                # (only a reading in doubt is tried without its point)
                payment = _point_lost(ctx, creditor, payment)
            if _payment_misread(ctx, r, tradelines, creditor, payment, balance):
                stated = _stated_payment(ctx, r, tradelines)
                on_statements = _paid_on_statements(ctx, creditor)
                if (
                    stated is not None
                    and stated[0] in on_statements
                    and payment not in on_statements
                ):
                    # the application's payment is the one the bank paid the
                    # creditor: two documents against one scanned reading
                    debt = Debt(creditor, stated[0], balance, kind, report, r)
                    debt.stated = (stated[1], stated[2])
                    out.append(debt)
                    continue
                paid_as_read = (
                    stated is not None
                    and payment in on_statements
                    and stated[0] not in on_statements
                )
                third = _paid_between(on_statements, payment, stated)
                if not paid_as_read and third is not None:
                    # `302.00` on the report, `@02.00` on the URLA, `202.00`
                    # paid on the statements: the bank's amount is a misread
                    # apart from each reading, and the payment
                    out.append(Debt(creditor, third, balance, kind, report, r))
                    continue
                if not paid_as_read:
                    ctx.could_not_read(
                        f"tradeline {creditor}",
                        f"the monthly payment of {creditor or 'a tradeline'} on the credit report",
                        [row_evidence(report, "tradelines", r, "monthly_payment")],
                    )
                    as_read = Debt(creditor, payment, balance, kind, report, r)
                    if stated is not None and balance != 0:
                        # the report's reading or the application's
                        other = Debt(creditor, stated[0], balance, kind, report, r)
                        other.stated = (stated[1], stated[2])
                        open_rows.append((as_read, other))
                    elif balance == 0:
                        open_rows.append((None, as_read))  # `0.00` read `90.00`, or the balance
                    else:
                        beyond.append(as_read)
                    continue
                # the report's reading is the one the bank paid the creditor:
                # two documents against the application's, and it stands
            key = (employer_key(creditor), payment, balance)
            if key in seen:
                continue
            seen.add(key)
            debt = Debt(creditor, payment, balance, kind, report, r)
            out.append(debt)
            stated = (
                _stated_payment(ctx, r, tradelines) if is_ocr(r.get("monthly_payment")) else None
            )
            if stated is not None and abs(stated[0] - payment) >= 1:
                other = Debt(creditor, stated[0], balance, kind, report, r)
                other.stated = (stated[1], stated[2])
                disputed.append((debt, other))
    out += _disclosed_only(ctx, out)
    # an open row is a debt of the report all the same: the payoff rows may
    # name it, and a debt this closing pays off needs no reading of its payment
    # (as is a row with no reading to offer: paid off, it needs none)
    reps = [next((d for d in readings if d is not None), None) for readings in open_rows]
    settled = _mark_paid_off(ctx, out + [d for d in reps if d is not None] + beyond)
    paid = [d for d in (*reps, *beyond) if d is not None and d.paid_off]
    for d in paid:
        ctx.unread.pop(f"tradeline {d.creditor}", None)
    out += paid
    open_rows = [r for r, d in zip(open_rows, reps, strict=True) if d is None or not d.paid_off]
    beyond = [d for d in beyond if not d.paid_off]
    payoff: list[Debt] = []
    if not settled and not rows(facts(ctx).cd, "payoffs"):
        # which of the refinance's mortgages is paid off is open too
        payoff = [d for d in out if _is_mortgage(d)]
        out = [d for d in out if d not in payoff]
    kept = {id(d) for d in out}  # (a refinance's mortgages left for the payoff)
    return DebtsRead(
        out,
        settled and not open_rows and not beyond,
        open_rows if (settled or payoff) and not beyond else None,
        payoff,
        [(d, o) for d, o in disputed if id(d) in kept],
    )


def _disclosed_only(ctx: LoanContext, debts: list[Debt]) -> list[Debt]:
    """The application's liabilities with a payment that no tradeline lists
    (by creditor, balance or payment): a debt the borrower declares counts
    whether or not the bureau reports it, and on a scanned report it is
    often a row OCR lost."""
    tradelines = [
        r for report in ctx.of_type(DocType.credit_report) for r in rows(report, "tradelines")
    ]
    found: list[Debt] = []
    for urla in ctx.of_type(DocType.urla_1003):
        for r in rows(urla, "liabilities"):
            payment, balance = dec(cell(r, "monthly_payment")), dec(cell(r, "balance"))
            creditor = txt(cell(r, "creditor")) or ""
            if payment is None or payment < 1:
                continue
            if any(_lists(t, creditor, balance, payment) for t in tradelines) or any(
                alike(d.creditor, creditor) or _dollars(d.payment, payment)
                for d in (*debts, *found)
            ):
                continue
            found.append(Debt(creditor, payment, balance, None, urla, r, group="liabilities"))
    return found


def _lists(tradeline: Row, creditor: str, balance: Decimal | None, payment: Decimal) -> bool:
    named = txt(cell(tradeline, "creditor"))
    owed = dec(cell(tradeline, "balance"))
    return (
        (named is not None and alike(named, creditor))
        or (balance is not None and balance > 0 and _dollars(owed, balance))
        or _dollars(dec(cell(tradeline, "monthly_payment")), payment)
        # the application's balance read into its payment cell (a scan's
        # columns shifted: `Keystne Motor Credit 2 24223.00`)
        or (owed is not None and owed > 0 and owed == payment)
    )


def _dollars(report: Decimal | None, application: Decimal | None) -> bool:
    """The same amount as a bureau prints it (whole dollars, `278,476`) and
    as the application does (`278,475.76`)."""
    if report is None or application is None:
        return False
    return report == application or (
        report == report.to_integral_value() and abs(report - application) < 1
    )
