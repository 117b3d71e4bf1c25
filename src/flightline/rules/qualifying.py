"""Qualifying monthly income per borrower, recalculated from the paystub, the
VOE and the W-2s by the conventions of REVIEW_ENGINE.md:

- salaried base = annual / 12; hourly = rate x 2,080 / 12 (the stated hours
  instead when they are not full time);
- overtime, bonus and commission averaged over the prior years and YTD the VOE
  shows; when declining (YTD annualised under the prior year) the lower of that
  average and the YTD monthly figure; counted only with the policy's months of
  history (a prior year of receipt, and employment at least that long).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from flightline.pipeline.model import DocType, FieldValue, LogicalDocument
from flightline.rules.access import (
    CENT,
    cell,
    dec,
    ev,
    months_elapsed,
    num,
    row_evidence,
    rows,
    text,
    txt,
    when,
)
from flightline.rules.compare import is_ocr, scanned
from flightline.rules.engine import IssueEvidence, LoanContext
from flightline.rules.facts import facts
from flightline.rules.roster import Borrower

ZERO = Decimal(0)
PERIODS = {"weekly": 52, "biweekly": 26, "semimonthly": 24, "monthly": 12, "annual": 1}
VARIABLE_KINDS = ("overtime", "bonus", "commission")
# Past this an hourly rate is an annual salary (a VOE prints either under one label).
_MAX_HOURLY = Decimal(500)
# Stated hours this far from full time are part-time hours, not a rounding of 2,080.
_PART_TIME_GAP = Decimal("0.05")
# Two readings of base pay this close are the same pay (cents of per-period rounding,
# a raise between paystubs).
_AGREE = Decimal("0.03")
# Two readings of one pay this close are the same figure (per-period rounding).
_EXACT = Decimal("0.002")


@dataclass
class Variable:
    kind: str
    ytd: Decimal
    prior: Decimal | None
    prior2: Decimal | None
    months_ytd: Decimal
    history_months: Decimal
    counted: bool
    declining: bool
    monthly: Decimal  # what qualifies (zero when not counted)
    evidence: list[IssueEvidence] = field(default_factory=list)
    # a scanned VOE's past-year figure OCR did not give, where the borrower
    # was known to be employed long enough for it to exist: history unknown
    history_unread: bool = False


@dataclass
class Income:
    borrower: Borrower
    base: Decimal | None
    base_evidence: list[IssueEvidence] = field(default_factory=list)
    variable: dict[str, Variable] = field(default_factory=dict)
    voe: LogicalDocument | None = None
    through: date | None = None
    # the VOE or the URLA shows base pay, but none could be read: variable
    # pay alone is not the income
    base_unread: bool = False

    @property
    def total(self) -> Decimal | None:
        counted = [v.monthly for v in self.variable.values() if v.counted]
        if (self.base is None and not counted) or self.base_unread:
            return None
        return (self.base or ZERO) + sum(counted, ZERO)

    @property
    def evidence(self) -> list[IssueEvidence]:
        out = list(self.base_evidence)
        for v in self.variable.values():
            out += v.evidence
        return out


def _hours_per_year(ctx: LoanContext, stub: LogicalDocument | None) -> Decimal:
    standard = ctx.policy.threshold("hourly_annual_hours").value
    hours, periods = _stub_hours(stub), PERIODS.get(text(stub, "pay_frequency") or "")
    if hours is None or periods is None or hours <= 0:
        return standard
    stated = hours * periods
    if stated > standard * _MOST_HOURS:
        return standard  # more than anyone works: another column read as the hours
    return stated if abs(stated - standard) / standard > _PART_TIME_GAP else standard


def _stub_hours(stub: LogicalDocument | None) -> Decimal | None:
    """A period's hours as read; on a scan whose rate times them is not the
    regular pay, the hours the rate makes that pay to the cent (`46.00` read
    for 40 beside 50.35 an hour and 2,014.00 paid)."""
    hours = num(stub, "hours")
    if stub is None or not is_ocr(stub.fields.get("hours")):
        return hours
    rate, regular = num(stub, "hourly_rate"), _regular_row(stub)
    paid = dec(cell(regular, "current_amount")) if regular is not None else None
    if rate is None or rate <= 0 or paid is None or hours is None:
        return hours
    if abs(rate * hours - paid) <= CENT:
        return hours
    implied = (paid / rate).quantize(CENT)
    return implied if abs(rate * implied - paid) <= CENT else hours


def _regular_row(stub: LogicalDocument) -> dict[str, FieldValue] | None:
    """The paystub's first regular-pay earnings row with a positive current amount."""
    for r in rows(stub, "earnings"):
        current = dec(cell(r, "current_amount"))
        if txt(cell(r, "kind")) == "regular" and current is not None and current > 0:
            return r
    return None


# Hours a year beyond this many standard years are no one's (80 a week).
_MOST_HOURS = 2


Candidate = tuple[Decimal, list[IssueEvidence]]


def _stated_rate(ctx: LoanContext, stub: LogicalDocument) -> list[Candidate]:
    out: list[Candidate] = []
    rate, salary = num(stub, "hourly_rate"), num(stub, "annual_salary")
    if rate is not None and rate >= _MAX_HOURLY and is_ocr(stub.fields.get("hourly_rate")):
        rate = None  # no one is paid 5,924.00 an hour: another cell read as the rate
    if rate is not None and rate > 0:
        found = [e for e in (ev(stub, "hourly_rate"), ev(stub, "hours")) if e]
        out.append((rate * _hours_per_year(ctx, stub) / 12, found))
    if salary is not None and salary > 0:
        out.append((salary / 12, [e for e in (ev(stub, "annual_salary"),) if e]))
    return out


def _regular_pay(stub: LogicalDocument) -> list[Candidate]:
    """A period's regular earnings over a year: cents of per-period rounding off the rate."""
    periods = PERIODS.get(text(stub, "pay_frequency") or "")
    r = _regular_row(stub)
    current = dec(cell(r, "current_amount")) if r is not None else None
    if periods is None or r is None or current is None:
        return []
    found = [e for e in (row_evidence(stub, "earnings", r, "current_amount"),) if e]
    return [(current * periods / 12, found)]


def _base(
    ctx: LoanContext,
    stubs: list[LogicalDocument],
    voe: LogicalDocument | None,
    stated_base: Decimal | None = None,
) -> tuple[Decimal | None, list[IssueEvidence]]:
    """Base monthly pay: the stated rate (latest paystub's, then the VOE's) that
    another source confirms; a figure no other source backs is a misread more
    often than a raise, so one that is confirmed wins over it."""
    candidates: list[Candidate] = _stated_rate(ctx, stubs[0]) if stubs else []
    hours = _hours_per_year(ctx, stubs[0] if stubs else None)
    rate = _voe_rate(voe, hours, stubs) if voe is not None else None
    repaired: list[Candidate] = []
    if voe is not None and rate is not None and rate > 0:
        monthly = rate * hours / 12 if rate < _MAX_HOURLY else rate / 12
        voe_rate = (monthly, [e for e in (ev(voe, "base_pay_rate"),) if e])
        # a rate put right from a misread is a likelier figure, not a reading
        (repaired if rate != num(voe, "base_pay_rate") else candidates).append(voe_rate)
    candidates += _regular_pay(stubs[0]) if stubs else []
    candidates += repaired
    # earlier paystubs only vouch for the figures above
    witnesses = [c for stub in stubs[1:] for c in (*_stated_rate(ctx, stub), *_regular_pay(stub))]
    # two readings that agree to the cents' rounding before two merely near
    # (`139,000.00` a year read beside 11,416.67 a month paid and a VOE's 137,000)
    for agree in (_EXACT, _AGREE):
        for i, (value, found) in enumerate(candidates):
            others = [v for j, (v, _) in enumerate(candidates) if j != i]
            if any(abs(value - v) <= value * agree for v in [*others, *(v for v, _ in witnesses)]):
                return value, found
    # the latest stub's figures back nothing (a scan's columns mixed up): an
    # earlier stub whose own rate and regular pay agree
    for stub in stubs[1:]:
        own = [*_stated_rate(ctx, stub), *_regular_pay(stub)]
        for i, (value, found) in enumerate(own):
            if any(abs(value - v) <= value * _AGREE for j, (v, _) in enumerate(own) if j != i):
                return value, found
    if not candidates:
        return _gross_as_base(stubs, voe)
    read = [*stubs[:1], *([voe] if voe is not None else [])]
    if not any(scanned(d) for d in read):
        return candidates[0]
    # on a scan, the first figure that is no evident misread (`8359400` for
    # a 53.9400 rate beside the VOE's 53.94 an hour)
    # (a tenth of the URLA's figure is no misread of ours when the VOE's own
    # years come near it: the URLA's lost a figure, `2054.67` for 20,541.67)
    for value, found in candidates:
        if _far_from_earned(value, voe):
            continue
        if _tenfold_off(value, stated_base) and not _near_earned(value, voe):
            continue
        return value, found
    return None, []


def _gross_as_base(
    stubs: list[LogicalDocument], voe: LogicalDocument | None
) -> tuple[Decimal | None, list[IssueEvidence]]:
    """No rate and no regular-pay row read: a period's gross is the base pay
    when the VOE shows no overtime or bonus this year and two paystubs state
    the same gross (a salary's pay; an hourly one's gross moves with hours)."""
    if voe is None or any(num(voe, f"ytd_{kind}_income") != 0 for kind in ("overtime", "bonus")):
        return None, []
    found: list[tuple[Decimal, LogicalDocument]] = []
    for stub in stubs:
        periods = PERIODS.get(text(stub, "pay_frequency") or "")
        gross = num(stub, "gross_current")
        if periods is not None and gross is not None and gross > 0:
            found.append((gross * periods / 12, stub))
    for i, (value, stub) in enumerate(found):
        if any(v == value for j, (v, _) in enumerate(found) if j != i):
            return value, [e for e in (ev(stub, "gross_current"),) if e]
    return None, []


def _tenfold_off(value: Decimal, stated: Decimal | None) -> bool:
    """A base pay no other source confirms, read by OCR, about a tenth or ten
    times what the URLA states: a zero lost or gained, not the pay."""
    if stated is None or stated <= 0 or value <= 0:
        return False
    ratio = stated / value
    return any(abs(ratio - k) <= k * _TENFOLD_SLACK for k in (Decimal(10), Decimal("0.1")))


_TENFOLD_SLACK = Decimal("0.15")


# An OCR'd VOE's base rate this far from the base pay its own year columns
# show (the prior year's, the year to date's pace) is not its rate.
_RATE_NEAR_EARNINGS = Decimal("0.10")


# An unconfirmed base pay further than this from every year the VOE reports
# (as a share of that year's base) is neither a raise nor a cut but a misread.
_FAR_FROM_EARNED = Decimal("0.5")


def _earned(voe: LogicalDocument) -> list[Decimal]:
    """The yearly base pay the VOE's own columns show: the prior year's (else
    the year before's), and the year to date's at its pace."""
    earned: list[Decimal] = []
    # (the year before it where the prior year's cell was not read)
    prior = num(voe, "prior_year_base_income") or num(voe, "two_years_prior_base_income")
    if prior is not None and prior > 0:
        earned.append(prior)
    ytd, through = num(voe, "ytd_base_income"), when(voe, "ytd_through_date")
    if ytd is not None and ytd > 0 and through is not None:
        months = _months_between(date(through.year, 1, 1), through)
        if months >= 1:
            earned.append(ytd * 12 / months)
    return earned


def _far_from_earned(monthly: Decimal, voe: LogicalDocument | None) -> bool:
    """A base pay (`80.00` a period: the hours' cell read as the pay) that no
    year of the VOE comes near."""
    earned = _earned(voe) if voe is not None else []
    return bool(earned) and all(abs(monthly * 12 - e) > e * _FAR_FROM_EARNED for e in earned)


def _near_earned(monthly: Decimal, voe: LogicalDocument | None) -> bool:
    """A base pay some year of the VOE comes near (a raise's or a cut's way)."""
    return _near(monthly * 12, _earned(voe) if voe is not None else [])


def _near(annual: Decimal, earned: list[Decimal]) -> bool:
    return any(abs(annual - e) <= e * _RATE_NEAR_EARNINGS for e in earned)


def _voe_rate(voe: LogicalDocument, hours: Decimal, stubs: list[LogicalDocument]) -> Decimal | None:
    """The VOE's base rate. On a scan it is checked against the base pay the
    VOE itself reports: a rate that fits neither the prior year nor the year
    to date's pace, nor one period of which a paystub's gross is to the cent,
    was misread. The one rate a digit away that fits is taken
    (158,500 read as 458,500), of several the one a paystub's period gross is
    to the cent; a rate a figure too long (357,000 as 3597000) only so
    confirmed; with none, or several still, the rate is unread."""
    rate = num(voe, "base_pay_rate")
    if rate is None or rate <= 0 or not is_ocr(voe.fields.get("base_pay_rate")):
        return rate
    earned = _earned(voe)
    if not earned:
        return rate

    def fits(r: Decimal) -> bool:
        return _near(r * hours if r < _MAX_HOURLY else r, earned)

    frequency = text(voe, "pay_frequency")
    if fits(rate) or _a_period_of(rate, hours, stubs, frequency):
        # (a paystub's gross one period of it to the cent: two documents
        # agree, where the VOE's own columns may be the misread ones)
        return rate
    digits = format(rate, "f")
    variants = {
        Decimal(digits[:i] + d + digits[i + 1 :])
        for i, c in enumerate(digits)
        if c.isdigit()
        for d in "0123456789"
        if d != c and not (i == 0 and d == "0")
    }
    found = [v for v in variants if fits(v)]
    if not found:
        # a figure too many: only the repair a paystub's gross is to the cent
        whole = len(digits.split(".")[0])
        dropped = {Decimal(digits[:i] + digits[i + 1 :]) for i in range(whole) if whole > 1}
        found = [v for v in dropped if fits(v) and _a_period_of(v, hours, stubs, frequency)]
    elif len(found) > 1:
        found = [v for v in found if _a_period_of(v, hours, stubs, frequency)]
    return found[0] if len(found) == 1 else None


def _a_period_of(
    rate: Decimal, hours: Decimal, stubs: list[LogicalDocument], frequency: str | None = None
) -> bool:
    """A salary whose one period is, to the cent, a paystub's gross pay or
    its regular pay (a bonus paid beside it), at the stub's pay frequency or,
    where the stub's was not read, `frequency` (the VOE's)."""
    annual = rate * hours if rate < _MAX_HOURLY else rate
    for stub in stubs:
        periods = PERIODS.get(text(stub, "pay_frequency") or frequency or "")
        regular = _regular_row(stub)
        paid = [num(stub, "gross_current")]
        paid.append(dec(cell(regular, "current_amount")) if regular is not None else None)
        if periods and any(v is not None and abs(annual / periods - v) <= CENT for v in paid):
            return True
    return False


def _add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _months_between(start: date, end: date) -> Decimal:
    """Whole calendar months from `start` to `end`, plus the fraction of the next."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    anchor, following = _add_months(start, months), _add_months(start, months + 1)
    return months + Decimal((end - anchor).days) / Decimal((following - anchor).days)


# How far ahead of the past years' pace a paystub's year to date may run
# (half a year's pay: a raise, a larger bonus) before it is taken for a misread.
_PACE_SLACK = Decimal("0.5")


def _stub_ytd(
    stubs: list[LogicalDocument], kind: str, through: date
) -> tuple[Decimal, date, IssueEvidence | None] | None:
    """A kind's year-to-date pay and the date it runs through: on the paystub
    cut on the VOE's through date, else on the latest paystub of that year
    cut before it (its figures run through its own pay date)."""
    dated = [
        (paid, stub)
        for stub in stubs
        if (paid := when(stub, "pay_date")) is not None
        and paid.year == through.year
        and paid <= through
    ]
    for paid, stub in sorted(dated, key=lambda t: t[0], reverse=True):
        for r in rows(stub, "earnings"):
            if txt(cell(r, "kind")) == kind and (ytd := dec(cell(r, "ytd_amount"))) is not None:
                return ytd, paid, row_evidence(stub, "earnings", r, "ytd_amount")
    return None


def stub_kinds(stubs: list[LogicalDocument]) -> set[str]:
    """The variable kinds the paystubs show an amount of."""
    return {
        kind
        for stub in stubs
        for r in rows(stub, "earnings")
        if (kind := txt(cell(r, "kind")) or "") in VARIABLE_KINDS
        and any((dec(cell(r, f)) or ZERO) > 0 for f in ("current_amount", "ytd_amount"))
    }


def _variable(
    ctx: LoanContext,
    voe: LogicalDocument,
    through: date,
    employed_since: date | None,
    stubs: list[LogicalDocument],
) -> dict[str, Variable]:
    needed = ctx.policy.threshold("variable_income_history_months").value
    out: dict[str, Variable] = {}
    for kind in VARIABLE_KINDS:
        m = months_elapsed(through)
        stub_evidence: IssueEvidence | None = None
        ytd = num(voe, f"ytd_{kind}_income")
        prior = num(voe, f"prior_year_{kind}_income")
        only = stub_kinds(stubs) == {kind}
        placed = ytd is None and prior is None and only
        if placed:
            # a VOE whose other variable column was left blank: its one
            # variable amount is the kind the paystubs show
            ytd = num(voe, "ytd_unplaced_variable_income")
            prior = num(voe, "prior_year_unplaced_variable_income")
        elif prior is None and only and num(voe, "prior_year_unplaced_variable_income"):
            # (only the past year's variable cells lost, the year to date read)
            placed, prior = True, num(voe, "prior_year_unplaced_variable_income")
        if ytd is None and (prior or (prior is not None and kind in stub_kinds(stubs))):
            # A year-to-date figure OCR could not read is not zero: the
            # paystub of the through date (or the latest before it, through
            # its own date) has it, or the kind stays unknown. (A kind the
            # past years show none of, that the paystubs pay, is new this
            # year: the stub's year to date all the same.)
            found = _stub_ytd(stubs, kind, through)
            if found is None:
                continue
            ytd, m, stub_evidence = found[0], months_elapsed(found[1]), found[2]
        elif ytd is not None and scanned(voe):
            # Year-to-date pay only grows: a scanned VOE's figure below a
            # paystub's of the same year on or before its date (`3099.54`
            # for 8,099.54) is misread, and the paystub's stands in for it,
            # if it is itself a pace the past years make possible (a stub's
            # `$2,782.24` read 52782.24 is no year-to-date of a 3,545.79 year)
            found = _stub_ytd(stubs, kind, through)
            past = max(
                (v for v in (prior, num(voe, f"two_years_prior_{kind}_income")) if v), default=None
            )
            if (
                found is not None
                and found[0] > ytd
                and past is not None
                and found[0] <= past * (months_elapsed(found[1]) / 12 + _PACE_SLACK)
            ):
                ytd, m, stub_evidence = found[0], months_elapsed(found[1]), found[2]
        # Two years back where the VOE prints it, else the average runs over
        # the prior year and YTD.
        prior2 = num(voe, f"two_years_prior_{kind}_income")
        if not any(v for v in (ytd, prior, prior2)):
            continue
        ytd = ytd or ZERO
        if prior2:
            history = 24 + m
        elif prior:
            history = 12 + m
        else:
            history = m if ytd > 0 else ZERO
        employed = (
            _months_between(employed_since, through)
            if employed_since is not None and employed_since <= through
            else None
        )
        if employed is not None:
            history = min(history, employed)
        history_unread = (
            prior is None and scanned(voe) and employed is not None and employed >= 12 + m
        )
        counted = bool(prior) and history >= needed and m > 0
        monthly, declining = ZERO, False
        if counted and prior is not None:
            average = (prior2 + prior + ytd) / (24 + m) if prior2 else (prior + ytd) / (12 + m)
            ytd_monthly = ytd / m
            declining = ytd_monthly * 12 < prior
            monthly = min(average, ytd_monthly) if declining else average
        evidence = [
            e
            for e in (
                ev(voe, f"ytd_{kind}_income"),
                ev(voe, f"prior_year_{kind}_income"),
                ev(voe, f"two_years_prior_{kind}_income"),
                *(
                    (
                        ev(voe, "ytd_unplaced_variable_income"),
                        ev(voe, "prior_year_unplaced_variable_income"),
                    )
                    if placed
                    else ()
                ),
                ev(voe, "ytd_through_date"),
                stub_evidence,
            )
            if e
        ]
        out[kind] = Variable(
            kind,
            ytd,
            prior,
            prior2,
            m,
            history,
            counted,
            declining,
            monthly,
            evidence,
            history_unread,
        )
    return out


def written_voe(ctx: LoanContext, who: Borrower) -> LogicalDocument | None:
    """The borrower's VOE with income figures (a verbal VOE has none); the latest."""
    f = facts(ctx)
    found = [
        d
        for d in f.docs_of(ctx, DocType.voe, who)
        if any(
            d.get(n) is not None
            for n in ("ytd_through_date", "ytd_base_income", "prior_year_base_income")
        )
    ]
    if not found:
        return None
    return max(
        found, key=lambda d: when(d, "ytd_through_date") or when(d, "verification_date") or date.min
    )


def paystubs(ctx: LoanContext, who: Borrower) -> list[LogicalDocument]:
    """The borrower's paystubs, the latest first."""
    stubs = facts(ctx).docs_of(ctx, DocType.paystub, who)
    return sorted(
        stubs,
        key=lambda d: when(d, "pay_date") or when(d, "pay_period_end_date") or date.min,
        reverse=True,
    )


def latest_paystub(ctx: LoanContext, who: Borrower) -> LogicalDocument | None:
    stubs = paystubs(ctx, who)
    return stubs[0] if stubs else None


# How far past a paystub a VOE's year-to-date figures may run: this many more
# pay periods of the same regular pay (the VOE written a payday or two later).
_PERIODS_AHEAD = 3
_PERIOD_DAYS = {"weekly": 7, "biweekly": 14}


def _stub_through(voe: LogicalDocument, stubs: list[LogicalDocument]) -> date | None:
    """The date a VOE's year-to-date figures run through when OCR left its own
    dates unreadable: the paystub showing the same year-to-date base pay was
    cut when those figures were; or, when the VOE's base is that paystub's
    plus a whole number of its regular pays to the cent, as many pay periods
    later (weekly or biweekly pay, whose paydays fall a fixed number of days
    apart)."""
    ytd = num(voe, "ytd_base_income")
    if not ytd:
        return None
    for stub in stubs:
        paid = when(stub, "pay_date") or when(stub, "pay_period_end_date")
        step = _PERIOD_DAYS.get(text(stub, "pay_frequency") or "")
        for r in rows(stub, "earnings"):
            if txt(cell(r, "kind")) != "regular":
                continue
            stub_ytd, current = dec(cell(r, "ytd_amount")), dec(cell(r, "current_amount"))
            if stub_ytd == ytd:
                return paid
            if paid is None or step is None or stub_ytd is None or not current or current <= 0:
                continue
            periods = (ytd - stub_ytd) / current
            if periods == periods.to_integral_value() and 1 <= periods <= _PERIODS_AHEAD:
                return paid + timedelta(days=step * int(periods))
    return None


def income_of(ctx: LoanContext, who: Borrower) -> Income:
    voe = written_voe(ctx, who)
    stubs = paystubs(ctx, who)
    base, base_ev = _base(ctx, stubs, voe, num(who.urla, "income_base_monthly"))
    income = Income(who, base, base_ev, voe=voe)
    income.base_unread = base is None and any(
        (num(d, name) or ZERO) > 0
        for d, name in (
            (voe, "ytd_base_income"),
            (voe, "prior_year_base_income"),
            (who.urla, "income_base_monthly"),
        )
    )
    if voe is not None:
        through = (
            when(voe, "ytd_through_date")
            or when(voe, "verification_date")
            or _stub_through(voe, stubs)
        )
        since = when(voe, "employment_start_date") or when(who.urla, "employment_start_date")
        if through is not None:
            income.through = through
            income.variable = _variable(ctx, voe, through, since, stubs)
    return income
