"""Loan figures recomputed from the extracted values: qualifying income, PITIA,
DTI, LTV/CLTV, representative score, verified assets, funds to close, reserves
and large deposits.

Every figure is Decimal, rounded only for display, and absent when an input is
missing: a figure is never guessed. `compute_figures(ctx)` fills `ctx.figures`
(the report) and keeps the working (`Computed`) in `ctx.notes` for the rules.
Income conventions live in `qualifying`.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from flightline.pipeline.extractors.terms import one_digit_from
from flightline.pipeline.model import DocType, LogicalDocument
from flightline.rules.access import (
    HUNDRED,
    cell,
    dec,
    doc_label,
    ev,
    money,
    num,
    ratio,
    row_evidence,
    rows,
    when,
)
from flightline.rules.accounts import statement_accounts
from flightline.rules.compare import (
    is_ocr,
    scanned,
)
from flightline.rules.debts import REFINANCES, ZERO, Debt, read_debts, unread_payment
from flightline.rules.deposits import Deposit, deposits
from flightline.rules.engine import Figure, InputsFailed, IssueEvidence, LoanContext
from flightline.rules.facts import facts
from flightline.rules.funds import cash_to_close
from flightline.rules.payment import cd_pitia
from flightline.rules.qualifying import VARIABLE_KINDS, Income, income_of, stub_kinds
from flightline.rules.scores import medians
from flightline.rules.settled import (
    disputes_settled,
    figure_misread,
    open_rows_settled,
    percent,
    same_ratio,
)


@dataclass
class Computed:
    incomes: list[Income] = field(default_factory=list)
    income_total: Decimal | None = None
    # where only variable income is unread: at most this much a month
    income_ceiling: Decimal | None = None
    pitia: Decimal | None = None
    pitia_evidence: list[IssueEvidence] = field(default_factory=list)
    debts: list[Debt] = field(default_factory=list)  # every credit-report debt with a payment
    debts_monthly: Decimal | None = None
    dti_front: Decimal | None = None
    dti_back: Decimal | None = None
    loan_amount: Decimal | None = None
    value_basis: Decimal | None = None
    ltv: Decimal | None = None
    cltv: Decimal | None = None
    ltv_evidence: list[IssueEvidence] = field(default_factory=list)
    medians: dict[int, int] = field(default_factory=dict)
    representative_score: Decimal | None = None
    score_evidence: list[IssueEvidence] = field(default_factory=list)
    accounts: dict[str, list[LogicalDocument]] = field(default_factory=dict)
    assets: Decimal | None = None
    assets_evidence: list[IssueEvidence] = field(default_factory=list)
    funds_to_close: Decimal | None = None
    funds_evidence: list[IssueEvidence] = field(default_factory=list)
    reserves_months: Decimal | None = None
    large_deposit_threshold: Decimal | None = None
    deposits: list[Deposit] = field(default_factory=list)  # recent statements' deposits

    @property
    def large_deposits(self) -> list[Deposit]:
        limit = self.large_deposit_threshold
        return [] if limit is None else [d for d in self.deposits if d.amount > limit]


# ----------------------------------------------------------------------------- assets


# ----------------------------------------------------------------------------- all of it


def unread_variable(ctx: LoanContext, inc: Income) -> list[str]:
    """Variable income the URLA states, or the paystubs pay, that no scanned
    VOE or paystub was read to show (nor to show as none): OCR may have
    missed the line, so a recalculation without it is short, not lower."""
    stubs = facts(ctx).docs_of(ctx, DocType.paystub, inc.borrower)
    docs = [*facts(ctx).docs_of(ctx, DocType.voe, inc.borrower), *stubs]
    if not any(scanned(d) for d in docs):
        return []
    urla = inc.borrower.urla
    paid = stub_kinds(stubs)
    missed = [
        k
        for k in VARIABLE_KINDS
        # under a dollar a month is a scan's `0.00` read `0.90`, not income;
        # a line that did not read (`????????`) may state what the VOE shows
        if (
            (
                (num(urla, f"income_{k}_monthly") or ZERO) >= 1
                or (
                    urla is not None
                    and num(urla, f"income_{k}_monthly") is None
                    and _shown(inc.voe, k)
                )
            )
            and (
                (k not in inc.variable and not _read_as_none(inc.voe, k))
                # its past year not read, for a borrower employed long enough to
                # have one: averaging this year alone would be a guess
                or (k in inc.variable and inc.variable[k].history_unread)
            )
        )
        # a kind the paystubs pay whose VOE row gave nothing, whatever the URLA says
        or (k not in inc.variable and _row_unread(inc.voe, k) and k in paid)
    ]
    unplaced = any(
        (num(inc.voe, f"{when}_unplaced_variable_income") or ZERO) > 0
        for when in ("ytd", "prior_year")
    )
    if not missed and unplaced and not inc.variable:
        # a VOE amount whose column (overtime or bonus) nothing else names
        missed.append("variable")
    return missed


# An unread variable line is taken at most this many times the largest
# monthly rate any document read shows for it.
_CEILING_FACTOR = Decimal(3)


def _ceiling(inc: Income, missed: list[str]) -> Decimal | None:
    """The most a borrower whose variable income is partly unread can
    qualify with: the base and the variable income read, plus for each
    unread kind thrice the largest monthly rate the URLA or a year the VOE
    reports shows; None without a base or any such rate."""
    if inc.base is None:
        return None
    known = inc.base + sum(
        (v.monthly for k, v in inc.variable.items() if v.counted and k not in missed), ZERO
    )
    for k in missed:
        rates = [num(inc.borrower.urla, f"income_{k}_monthly") or ZERO]
        rates += [
            (num(inc.voe, f"{when}_{k}_income") or ZERO) / 12
            for when in ("prior_year", "two_years_prior")
        ]
        found = inc.variable.get(k)
        if found is not None and found.months_ytd > 0:
            rates.append(found.ytd / found.months_ytd)
        if max(rates) <= 0:
            return None
        known += max(rates) * _CEILING_FACTOR
    return known


def _shown(voe: LogicalDocument | None, kind: str) -> bool:
    """The VOE shows some of this kind of income in a year it reports."""
    return any(
        (num(voe, f"{when}_{kind}_income") or ZERO) > 0
        for when in ("ytd", "prior_year", "two_years_prior")
    )


def _row_unread(voe: LogicalDocument | None, kind: str) -> bool:
    """A scanned VOE that gave no year's figure of this kind: its row (there
    whenever the borrower has such pay) was lost to OCR, so a kind the
    paystubs show is unknown, not none."""
    return (
        voe is not None
        and scanned(voe)
        and all(
            num(voe, f"{when}_{kind}_income") is None
            for when in ("ytd", "prior_year", "two_years_prior")
        )
    )


def _read_as_none(voe: LogicalDocument | None, kind: str) -> bool:
    """The VOE read this kind's year-to-date and past-year figures, and both
    are zero: the borrower has none of it (what the URLA states is then
    stated, not unread)."""
    if voe is None:
        return False
    figures = [num(voe, f"{when}_{kind}_income") for when in ("ytd", "prior_year")]
    return all(v is not None and v == ZERO for v in figures)


_INCOME_DOCS = (DocType.voe, DocType.paystub, DocType.w2)


def _compute(ctx: LoanContext) -> Computed:
    f = facts(ctx)
    c = Computed()
    c.incomes = [income_of(ctx, b) for b in f.borrowers]
    totals: list[Decimal] = []
    ceilings: list[Decimal | None] = []
    complete = True
    for inc in c.incomes:
        missed = unread_variable(ctx, inc)
        if missed:
            if complete:
                ctx.could_not_read(
                    f"variable income {inc.borrower.label}",
                    f"{inc.borrower.name}'s {' and '.join(missed)} income on the scanned "
                    "income documents",
                    [ev(inc.borrower.urla, f"income_{k}_monthly") for k in missed],
                )
            complete = False  # part of the income could not be read: no total
            ceilings.append(_ceiling(inc, missed))
        elif inc.total is not None:
            totals.append(inc.total)
            ceilings.append(inc.total)
        elif (num(inc.borrower.urla, "income_total_monthly") or ZERO) > 0:
            complete = False  # a borrower with stated income we cannot recompute: no total
            ceilings.append(None)
            if any(f.docs_of(ctx, t, inc.borrower) for t in _INCOME_DOCS):
                # documents there, but no salary, rate or earnings read from them
                ctx.could_not_read(
                    f"income {inc.borrower.label}",
                    f"{inc.borrower.name}'s qualifying income on the income documents",
                    [ev(inc.borrower.urla, "income_total_monthly")],
                )
    c.income_total = sum(totals, ZERO) if totals and complete else None
    if not complete and ceilings and all(v is not None for v in ceilings):
        c.income_ceiling = sum((v for v in ceilings if v is not None), ZERO)

    cd = f.cd
    c.pitia, c.pitia_evidence = cd_pitia(ctx, cd)
    if cd is not None and c.pitia is None:
        # a CD whose payment figures were not read, or disagree past settling:
        # the DTI cannot be recomputed, and the report says why
        ctx.could_not_read(
            "pitia",
            "the monthly housing payment (PITIA) on the Closing Disclosure",
            [
                e
                for name in ("estimated_total_monthly_payment", "monthly_pi")
                if (e := ev(cd, name)) is not None
            ],
        )

    reports = ctx.of_type(DocType.credit_report)
    if reports:
        settled: list[Debt] | None = None
        read = read_debts(ctx)
        c.debts = read.debts
        # a report without a tradeline beside an application listing payments
        # leaves the debts unknown, not zero (`read_debts` says when a row's
        # payment is unread)
        lines = [r for report in reports for r in rows(report, "tradelines")]
        unread = not lines and any(
            (dec(cell(r, "monthly_payment")) or ZERO) > 0
            for u in ctx.of_type(DocType.urla_1003)
            for r in rows(u, "liabilities")
        )
        if not unread and not read.known and read.open is not None and c.pitia is not None:
            settled = open_rows_settled(ctx, c.pitia, c.income_total, read)
            if settled is not None:
                c.debts = [*c.debts, *settled]
                if read.payoff:
                    ctx.unread.pop("payoff", None)  # the 1008 said which
        if not unread and (read.known or settled is not None):
            if c.pitia is not None:
                c.debts = disputes_settled(ctx, c.pitia, c.income_total, c.debts, read.disputed)
                c.debts = figure_misread(ctx, c.pitia, c.income_total, c.debts)
            c.debts_monthly = sum((d.payment for d in c.debts if not d.paid_off), ZERO)
        if c.debts_monthly is None and not any(
            s.startswith(("tradeline", "payoff")) for s in ctx.unread
        ):
            # a tradeline with no figure read (neither balance nor payment):
            # the back-end ratio is not computed, and says so once
            lost = [
                row_evidence(report, "tradelines", r, "creditor")
                for report in reports
                for r in rows(report, "tradelines")
                if unread_payment(r)
            ]
            ctx.could_not_read(
                "tradelines",
                "the monthly payments of the credit report's debts",
                lost[:3],
            )
    if c.income_total and c.pitia is not None:
        c.dti_front = percent(c.pitia, c.income_total)
        if c.debts_monthly is not None:
            c.dti_back = percent(c.pitia + c.debts_monthly, c.income_total)

    _ltv(ctx, c)
    _scores(ctx, c)

    c.accounts = statement_accounts(ctx)
    balances = [(s[-1], num(s[-1], "closing_balance")) for s in c.accounts.values()]
    known = [(d, b) for d, b in balances if b is not None]
    # a scanned latest statement whose ending balance OCR did not give leaves
    # the assets unknown: a sum without it would read short
    unread_balance = [d for d, b in balances if b is None and scanned(d)]
    if unread_balance:
        ctx.could_not_read(
            "assets",
            f"the ending balance on the {doc_label(unread_balance[0])}",
            [ev(unread_balance[0], "closing_balance")],
        )
    elif known:
        c.assets = sum((b for _, b in known), ZERO)
        c.assets_evidence = [e for d, _ in known if (e := ev(d, "closing_balance"))]
    ctc = cash_to_close(ctx, cd, c.value_basis, c.loan_amount)
    if ctc is not None:
        c.funds_to_close = max(ctc, ZERO)
        c.funds_evidence = [e for e in (ev(cd, "cash_to_close"),) if e]
    if c.assets is not None and c.funds_to_close is not None and c.pitia:
        c.reserves_months = (c.assets - c.funds_to_close) / c.pitia
    income = c.income_total or c.income_ceiling
    if income:
        # (over the ceiling of an income partly unread: a deposit above that
        # is large whatever the unread part is)
        pct = ctx.policy.threshold("large_deposit_pct_of_monthly_income").value
        c.large_deposit_threshold = income * pct / HUNDRED
    c.deposits = deposits(ctx, c.accounts)
    return c


def _first_amount(
    candidates: list[tuple[LogicalDocument | None, str]],
) -> tuple[Decimal, IssueEvidence | None] | None:
    """The first document's amount; when that one was OCR'd and no other
    document states it while two others agree on another, theirs (a digit
    dropped or misread on the scan)."""
    found = [
        (amount, doc, name)
        for doc, name in candidates
        if doc is not None and (amount := num(doc, name)) is not None and amount > 0
    ]
    if not found:
        return None
    amount, doc, name = found[0]
    if is_ocr(doc.fields.get(name)):
        votes = Counter(a for a, _, _ in found)
        best, n = votes.most_common(1)[0]
        if votes[amount] == 1 and n >= 2:
            amount, doc, name = next(t for t in found if t[0] == best)
    return amount, ev(doc, name)


# No lender lends twice a property's value: an LTV past this from OCR'd figures
# is a misread, not a finding.
_IMPLAUSIBLE_LTV = Decimal(200)


def _value_on_1008(
    ctx: LoanContext, loan: Decimal, price: Decimal | None
) -> tuple[Decimal, IssueEvidence | None] | None:
    """The 1008's appraised value when the 1008's LTV is the loan over it
    (or over the lower price of a purchase), to its three places: its
    figures tie up with the loan amount."""
    for t in ctx.of_type(DocType.transmittal_1008):
        value, stated = num(t, "appraised_value"), num(t, "ltv")
        if not value or stated is None:
            continue
        basis = min(value, price) if price else value
        if same_ratio(percent(loan, basis), stated):
            return value, ev(t, "appraised_value")
    return None


def _price_as_1008(
    ctx: LoanContext, c: Computed, loan: tuple[Decimal, IssueEvidence | None]
) -> None:
    """A purchase whose scanned appraisal's value OCR did not give: the LTV
    over the price when the 1008's LTV is exactly the loan over that price
    (the underwriter's basis was the price, so the value is no lower)."""
    f = facts(ctx)
    scans = [a for a in ctx.of_type(DocType.appraisal_1004) if scanned(a)]
    if not scans or f.purpose in REFINANCES:
        return
    price = _first_amount(
        [
            (f.cd, "sale_price"),
            *((d, "sale_price") for d in ctx.of_type(DocType.urla_1003)),
            *((d, "sale_price") for d in ctx.of_type(DocType.transmittal_1008)),
            *((a, "sale_price") for a in scans),
        ]
    )
    if price is None:
        return
    ltv = percent(loan[0], price[0])
    for t in ctx.of_type(DocType.transmittal_1008):
        stated = num(t, "ltv")
        if stated is not None and same_ratio(ltv, stated):
            c.loan_amount, c.value_basis, c.ltv = loan[0], price[0], ltv
            c.cltv = ltv
            c.ltv_evidence = [e for e in (loan[1], price[1], ev(t, "ltv")) if e]
            return


def _ltv(ctx: LoanContext, c: Computed) -> None:
    f = facts(ctx)
    # the CD's amount first: the terms as closed (CNS-001 reports a Note that differs)
    loan = _first_amount(
        [
            (f.cd, "loan_amount"),
            *((d, "principal_amount") for d in ctx.of_type(DocType.note)),
            *((d, "loan_amount") for d in ctx.of_type(DocType.transmittal_1008)),
            *((d, "loan_amount") for d in ctx.of_type(DocType.urla_1003)),
        ]
    )
    appraisals = [a for a in ctx.of_type(DocType.appraisal_1004) if num(a, "appraised_value")]
    if loan is not None and not appraisals:
        _price_as_1008(ctx, c, loan)
    if loan is None or not appraisals:
        return
    appraisal = max(appraisals, key=lambda a: when(a, "effective_date") or date.min)
    value = _first_amount([(appraisal, "appraised_value")])
    if value is None:
        return
    basis = value
    price: tuple[Decimal, IssueEvidence | None] | None = None
    if f.purpose not in REFINANCES:
        price = _first_amount(
            [
                (f.cd, "sale_price"),
                *((d, "sale_price") for d in ctx.of_type(DocType.urla_1003)),
                *((d, "sale_price") for d in ctx.of_type(DocType.transmittal_1008)),
                (appraisal, "sale_price"),
            ]
        )
        if price is not None and price[0] < value[0]:
            basis = price
    ltv = percent(loan[0], basis[0])
    misread = is_ocr(appraisal.fields.get("appraised_value"))
    if basis is value and misread:
        # the appraisal's value misread past use (`31` for 313,000), or a
        # figure of it misread (`$681000` for 631,000): the 1008's, where its
        # own LTV says it is the value of this loan
        stated = _value_on_1008(ctx, loan[0], price[0] if price else None)
        if stated is not None and (ltv > _IMPLAUSIBLE_LTV or one_digit_from(value[0], stated[0])):
            value = stated
            basis = price if price is not None and price[0] < value[0] else value
            ltv = percent(loan[0], basis[0])
    if ltv > _IMPLAUSIBLE_LTV and any(
        is_ocr(d.fields.get(n))
        for d, n in ((appraisal, "appraised_value"), (f.cd, "loan_amount"))
        if d is not None
    ):
        # a digit or two lost on a scan, not a loan of several times the value
        ctx.could_not_read(
            "ltv",
            "the loan amount or the appraised value (the LTV they give is implausible)",
            [loan[1], basis[1]],
        )
        return
    c.loan_amount, c.value_basis = loan[0], basis[0]
    c.ltv = ltv
    # No subordinate financing is read from the file, so CLTV equals LTV.
    c.cltv = c.ltv
    c.ltv_evidence = [e for e in (loan[1], basis[1]) if e]


def _scores(ctx: LoanContext, c: Computed) -> None:
    c.medians, c.score_evidence = medians(ctx)
    if not c.medians:
        return
    if ctx.policy.representative_score_method == "average_of_medians":
        c.representative_score = Decimal(sum(c.medians.values())) / len(c.medians)
    else:
        c.representative_score = Decimal(min(c.medians.values()))


log = logging.getLogger("flightline.rules")

_FAILED = "failed"


def _figures_failed() -> InputsFailed:
    # a new exception each time: one kept at module level would hold the last
    # failed review's frames through its traceback
    return InputsFailed(
        "figures", "the loan's figures (income, debts, ratios, assets and reserves)"
    )


def computed(ctx: LoanContext) -> Computed:
    """The loan's figures, assembled once; `InputsFailed` if they cannot be."""
    found = ctx.notes.get("_computed")
    if isinstance(found, Computed):
        return found
    if found == _FAILED:
        raise _figures_failed()
    try:
        built = _compute(ctx)
    except Exception:
        log.exception("figures failed", extra={"event": "figures_failed"})
        ctx.notes["_computed"] = _FAILED
        raise _figures_failed() from None
    ctx.notes["_computed"] = built
    return built


def compute_figures(ctx: LoanContext) -> None:
    """Fill `ctx.figures` (API §5 keys) and `ctx.notes["large_deposits"]`."""
    try:
        c = computed(ctx)
    except InputsFailed as failed:
        ctx.could_not_read(failed.subject, failed.what, variant="check")
        return
    fig = ctx.figures
    if c.income_total is not None:
        fig["qualifying_income_monthly"] = Figure(
            money(c.income_total),
            [e for inc in c.incomes for e in inc.evidence],
            {
                "borrowers": [
                    {
                        "borrower": inc.borrower.name,
                        "value": money(inc.total),
                        "components": {
                            "base": money(inc.base or ZERO),
                            **{k: money(v.monthly) for k, v in inc.variable.items() if v.counted},
                        },
                    }
                    for inc in c.incomes
                    if inc.total is not None
                ]
            },
        )
    if c.pitia is not None:
        fig["pitia_monthly"] = Figure(money(c.pitia), list(c.pitia_evidence))
    debt_ev = [e for d in c.debts if not d.paid_off for e in d.evidence()]
    if c.dti_front is not None:
        fig["dti_front"] = Figure(ratio(c.dti_front), list(c.pitia_evidence))
    if c.dti_back is not None:
        fig["dti_back"] = Figure(ratio(c.dti_back), [*c.pitia_evidence, *debt_ev])
    if c.ltv is not None and c.cltv is not None:
        fig["ltv"] = Figure(ratio(c.ltv), list(c.ltv_evidence))
        fig["cltv"] = Figure(ratio(c.cltv), list(c.ltv_evidence))
    if c.representative_score is not None:
        shown = c.representative_score.quantize(
            Decimal(1)
            if c.representative_score == c.representative_score.to_integral_value()
            else Decimal("0.1")
        )
        fig["representative_score"] = Figure(format(shown, "f"), list(c.score_evidence))
    if c.assets is not None:
        fig["assets_verified"] = Figure(money(c.assets), list(c.assets_evidence))
    if c.funds_to_close is not None:
        fig["funds_to_close"] = Figure(money(c.funds_to_close), list(c.funds_evidence))
    if c.reserves_months is not None:
        fig["reserves_months"] = Figure(
            ratio(c.reserves_months), [*c.assets_evidence, *c.funds_evidence, *c.pitia_evidence]
        )
    ctx.notes["large_deposits"] = [
        {
            "account_last4": d.account,
            "date": d.day.isoformat() if d.day else None,
            "amount": money(d.amount),
            "description": d.description,
            "sourced": d.source is not None,
            "source": d.source,
        }
        for d in c.large_deposits
    ]
