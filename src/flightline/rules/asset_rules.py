"""RES-001 (reserves after closing below the requirement), AST-001 (large
deposit without a source), AST-002 (assets short of the funds to close),
AST-003 (fewer than two consecutive months of statements) and AST-004 (gift
without a letter, or on an investment property)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from flightline.pipeline.model import DocType, LogicalDocument
from flightline.rules.access import doc_label, ev, money, num, ratio, ratio_against, text, when
from flightline.rules.compare import Verdict, compare_dates, is_ocr, scanned
from flightline.rules.deposits import is_gift
from flightline.rules.engine import Issue, LoanContext, rule
from flightline.rules.facts import facts
from flightline.rules.figures import computed

# A statement period shorter than this is not a month; two consecutive monthly
# statements always reach 2 x this, a single one never does.
_DAYS_PER_MONTH = 28


_OCCUPANCY_PHRASES = {
    "primary": "a principal residence",
    "second_home": "a second home",
    "investment": "an investment property",
}


@rule("RES-001")
def reserves(ctx: LoanContext) -> list[Issue]:
    f = facts(ctx)
    c = computed(ctx)
    if c.assets is None or c.funds_to_close is None or not c.pitia:
        return []
    if f.occupancy is None:
        # the months required depend on it: reported once, never guessed
        ctx.could_not_read("occupancy", "the property's occupancy, which sets the reserves needed")
        return []
    required = ctx.policy.reserves_months.by_occupancy.get(f.occupancy)
    if required is None:
        return []
    left = c.assets - c.funds_to_close
    # compared as money, not as a rounded number of months
    if left >= c.pitia * required:
        return []
    months = left / c.pitia
    return [
        ctx.issue(
            "RES-001",
            f"Reserves after closing are {ratio_against(months, required)} months of PITIA "
            f"({money(c.assets)} verified less {money(c.funds_to_close)} to close, at "
            f"{money(c.pitia)} a month), below the {ratio(required, 0)} months required for "
            f"{_OCCUPANCY_PHRASES.get(f.occupancy, 'this occupancy')}.",
            evidence=[*c.assets_evidence, *c.funds_evidence, *c.pitia_evidence],
            observed=ratio_against(months, required),
            limit=ratio(required),
            subject="reserves",
        )
    ]


@rule("AST-001")
def unsourced_large_deposits(ctx: LoanContext) -> list[Issue]:
    c = computed(ctx)
    threshold = c.large_deposit_threshold
    if threshold is None:
        return []
    pct = ctx.policy.threshold("large_deposit_pct_of_monthly_income").value
    issues = []
    for d in c.large_deposits:
        if d.source is not None:
            continue
        on = d.day.isoformat() if d.day else "a date that could not be read"
        found = d.row.get("amount")
        if is_ocr(found) and d.amount.as_tuple().exponent == 0:
            # a statement prints its amounts' cents: a scanned one read
            # without them (`-$30432.` for $304.32) lost its point somewhere
            ctx.could_not_read(
                f"deposit {d.account} {on}",
                f"the amount of the deposit on {on} to account {d.account}",
                d.evidence(),
            )
            continue
        of_income = (
            f"{ratio(pct, 0)}% of monthly qualifying income ({money(threshold)})"
            if c.income_total is not None
            else f"{ratio(pct, 0)}% of the most the monthly qualifying income can be "
            f"({money(threshold)}; part of it could not be read)"
        )
        issues.append(
            ctx.issue(
                "AST-001",
                f"A deposit of {money(d.amount)} on {on} to account {d.account} "
                f"('{d.description}') exceeds {of_income} and has no documented source; "
                "obtain a letter of explanation and evidence of the source.",
                evidence=d.evidence(),
                observed=money(d.amount),
                limit=money(threshold),
                subject=f"{d.account} {on} {money(d.amount)}",
            )
        )
    return issues


@rule("AST-002")
def funds_to_close(ctx: LoanContext) -> list[Issue]:
    c = computed(ctx)
    if c.assets is None or c.funds_to_close is None or c.assets >= c.funds_to_close:
        return []
    return [
        ctx.issue(
            "AST-002",
            f"Verified assets of {money(c.assets)} do not cover the {money(c.funds_to_close)} "
            f"needed to close (short {money(c.funds_to_close - c.assets)}); document "
            "additional funds.",
            evidence=[*c.assets_evidence, *c.funds_evidence],
            observed=money(c.assets),
            limit=money(c.funds_to_close),
            subject="assets",
        )
    ]


def _longest_run(periods: list[tuple[date, date]]) -> int:
    """Days covered by the longest run of back-to-back statement periods."""
    best = 0
    run_start: date | None = None
    run_end: date | None = None
    for start, end in sorted(periods):
        if run_start is None or run_end is None or (start - run_end).days > 1:
            run_start, run_end = start, end
        else:
            run_end = max(run_end, end)
        best = max(best, (run_end - run_start).days + 1)
    return best


# (beyond a statement cut a few days after a closing that slipped)
_AFTER_CLOSING = timedelta(days=60)


def _after_closing(ctx: LoanContext, statements: list[LogicalDocument]) -> LogicalDocument | None:
    """A scanned statement whose period ends after the loan closed (`2035` for
    2025): no file holds a statement from after its closing; its year is a
    misread, and the month it covers is unknown."""
    closing = facts(ctx).note_date
    if closing is None:
        return None
    for d in statements:
        end = when(d, "period_end_date")
        if end is not None and end > closing + _AFTER_CLOSING and scanned(d):
            return d
    return None


def _ocr_gap(statements: list[LogicalDocument]) -> LogicalDocument | None:
    """A statement whose OCR'd period date is one digit from making it follow
    the one before, and whose period as read is not a month long or leaves a
    hole shorter than a month: the gap may be OCR's, not a missing month (a
    month-long period a month away is a real gap, however few digits apart)."""
    # by period alone: two statements of one period (a copy, or two read
    # alike) must not be compared themselves
    dated = sorted(
        (
            (s, e, d)
            for d in statements
            if (s := when(d, "period_start_date")) and (e := when(d, "period_end_date"))
        ),
        key=lambda t: (t[0], t[1]),
    )
    for (first, end, before), (start, last, after) in pairwise(dated):
        follows = end + timedelta(days=1)
        if start == follows:
            continue
        checks = (
            (start, follows, after.fields.get("period_start_date"), after, last - start),
            (
                end,
                start - timedelta(days=1),
                before.fields.get("period_end_date"),
                before,
                end - first,
            ),
        )
        # a hole shorter than any monthly period cannot hold a missing statement
        short_hole = 0 < (start - follows).days < _A_MONTH[0]
        for read, wanted, found, doc, span in checks:
            if not short_hole and _A_MONTH[0] <= span.days + 1 <= _A_MONTH[1]:
                continue
            if compare_dates(read, wanted, is_ocr(found)) is Verdict.UNSURE:
                return doc
    return None


def _one_period_twice(statements: list[LogicalDocument]) -> LogicalDocument | None:
    """Two scanned statements of one account read with the same period but
    different balances: two statements cannot cover one month, so OCR misread
    a period (a copy of one statement has the same balances, and stays one
    month)."""
    seen: dict[tuple[date, date], LogicalDocument] = {}
    for d in statements:
        if not scanned(d):
            continue
        s, e = when(d, "period_start_date"), when(d, "period_end_date")
        if s is None or e is None:
            continue
        other = seen.setdefault((s, e), d)
        if other is not d and any(
            a is not None and b is not None and a != b
            for a, b in zip(_balances(other), _balances(d), strict=True)
        ):
            return d
    return None


def _balances(d: LogicalDocument) -> tuple[Decimal | None, Decimal | None]:
    return num(d, "opening_balance"), num(d, "closing_balance")


# The days a monthly statement period covers.
_A_MONTH = (27, 32)


@rule("AST-003")
def statement_coverage(ctx: LoanContext) -> list[Issue]:
    months = int(ctx.policy.threshold("bank_statement_months").value)
    issues = []
    accounts = computed(ctx).accounts
    # scanned statements whose account number was not read: their account is unknown
    unnumbered = [d for k, docs in accounts.items() if not k.isdigit() for d in docs if scanned(d)]
    for account, statements in sorted(accounts.items()):
        periods = [
            (s, e)
            for d in statements
            if (s := when(d, "period_start_date")) and (e := when(d, "period_end_date"))
        ]
        if not periods:
            # no statement of the account has its period read: whether they
            # cover the months is not known, which the report says
            ctx.could_not_read(
                f"statement period {account}",
                f"the statement period of account {account} on the {doc_label(statements[0])}",
                [ev(d, "account_last4") or ev(d, "closing_balance") for d in statements],
            )
            continue
        days = _longest_run(periods)
        if days >= months * _DAYS_PER_MONTH:
            continue
        undated = [d for d in statements if not when(d, "period_start_date")]
        undated += [d for d in statements if not when(d, "period_end_date")]
        misread = (
            undated[0]
            if undated
            else _ocr_gap(statements)
            or _one_period_twice(statements)
            or _after_closing(ctx, statements)
        )
        # the missing month may be a statement without a number elsewhere;
        # an unnumbered statement may itself be another account's month, when
        # the file has another account (never its own missing month)
        elsewhere = [d for d in unnumbered if all(d is not s for s in statements)]
        if misread is None and not account.isdigit() and scanned(statements[0]):
            others = [d for k, docs in accounts.items() if k != account for d in docs]
            misread = statements[0] if others else None
        if misread is None and elsewhere and (not account.isdigit() or scanned(statements[0])):
            misread = elsewhere[0]
        if misread is not None:
            # a statement whose period was not read may be the missing month
            ctx.could_not_read(
                f"statement period {account}",
                f"the statement period of account {account} on the {doc_label(misread)}",
                [ev(misread, "period_start_date"), ev(misread, "period_end_date")],
            )
            continue
        shown = (Decimal(days) / Decimal("30.44")).quantize(Decimal("0.1"))
        listed = ", ".join(f"{s} to {e}" for s, e in sorted(periods))
        issues.append(
            ctx.issue(
                "AST-003",
                f"Account {account} has no {months} consecutive months of statements "
                f"(statements on file: {listed}); obtain the missing statement(s).",
                evidence=[ev(d, "period_end_date") for d in statements],
                observed=f"{shown} months",
                limit=f"{months} months",
                subject=account,
            )
        )
    return issues


_GIFT_FIELDS = ("donor_name", "donor_relationship", "gift_amount")


@rule("AST-004")
def gifts(ctx: LoanContext) -> list[Issue]:
    f = facts(ctx)
    c = computed(ctx)
    # a page taken for a gift letter with no donor, relationship or amount
    # read on it (a Note's signature page on a scan) says nothing of a gift
    letters = [g for g in ctx.of_type(DocType.gift_letter) if any(g.get(n) for n in _GIFT_FIELDS)]
    issues = []
    unlettered = [d for d in c.deposits if is_gift(d) and d.source != "gift_letter"]
    if unlettered:
        d = unlettered[0]
        on = d.day.isoformat() if d.day else "a date that could not be read"
        more = f" (and {len(unlettered) - 1} more)" if len(unlettered) > 1 else ""
        issues.append(
            ctx.issue(
                "AST-004",
                f"A gift deposit of {money(d.amount)} on {on} to account {d.account} "
                f"('{d.description}'){more} has no gift letter; obtain a signed gift letter "
                "stating the donor, relationship, amount and that no repayment is expected.",
                evidence=[e for g in unlettered for e in g.evidence()],
                observed="no gift letter",
                limit="gift letter",
                subject="gift without letter",
            )
        )
    if f.occupancy == "investment" and (letters or any(is_gift(d) for d in c.deposits)):
        amounts = [a for g in letters if (a := num(g, "gift_amount")) is not None]
        total = sum(amounts, Decimal(0)) if amounts else None
        donor = text(letters[0], "donor_name") if letters else None
        issues.append(
            ctx.issue(
                "AST-004",
                f"A gift{f' of {money(total)}' if total else ''}"
                f"{f' from {donor}' if donor else ''} funds an investment property; gifts are "
                "not allowed on investment properties, so the funds must be replaced with the "
                "borrower's own.",
                evidence=[*(ev(g, "gift_amount") for g in letters), *f.shape_evidence],
                observed="investment",
                limit="principal residence or second home",
                subject="gift on investment property",
            )
        )
    return issues
