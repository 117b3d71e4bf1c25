"""The monthly housing payment (PITIA) from the Closing Disclosure: its total
payment, or its principal and interest plus escrow, with the figures OCR
misread on a scan set aside rather than summed."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from itertools import product
from typing import Literal

from flightline.pipeline.extractors.terms import MAX_RATE, amortized, one_digit_from
from flightline.pipeline.model import DocType, LogicalDocument
from flightline.pipeline.normalize import one_digit_more
from flightline.rules.access import CENT, ev, integer, num
from flightline.rules.compare import Verdict, compare_amounts, is_ocr, scanned
from flightline.rules.debts import ZERO
from flightline.rules.engine import IssueEvidence, LoanContext

# Mortgage insurance is the only part of a CD's total payment beyond P&I and
# escrow; more than this share of the loan a year is not a premium.
_MI_MAX_YEARLY = Decimal("0.02")


def _total_misread(total: Decimal, parts: Decimal, loan: Decimal | None) -> bool:
    """A scanned total payment above its own parts (P&I + escrow) by more
    than a premium and one digit from them (`52411.71`, a dollar sign read
    as a 5, for 2,411.71): OCR misread it, and the parts are the payment.
    (A total below its parts is `_below_its_parts`'s.)"""
    if loan is None:
        return False  # no loan amount, no bound on a premium
    premium = loan * _MI_MAX_YEARLY / 12
    return total > parts + premium and compare_amounts(total, parts, True) is Verdict.UNSURE


# A month's payment (P&I at most 3% of the principal, plus escrow) above this
# share of the loan is no payment.
_MAX_PAYMENT_SHARE = Decimal("0.04")


def _below_its_parts(
    total: Decimal, pi: Decimal, escrow: Decimal
) -> Literal["total", "part", "unknown"]:
    """Which figure OCR misread when a total payment is below its P&I plus
    escrow: the "total" when it is one digit from their sum (`4,411.71` for
    2,411.71), a "part" when the total less the other part is one digit
    from it; else "unknown" (two figures misread: nothing says which). A
    total below either part alone is no total (`1,306.00`, a cell beside)."""
    if total < max(pi, escrow) or compare_amounts(total, pi + escrow, True) is Verdict.UNSURE:
        return "total"
    for part, other in ((escrow, pi), (pi, escrow)):
        rest = total - other
        if rest > 0 and compare_amounts(part, rest, True) is Verdict.UNSURE:
            return "part"
    return "unknown"


def _part_misread(total: Decimal, pi: Decimal, escrow: Decimal) -> bool:
    """The total is P&I plus the escrow (or the escrow plus P&I) once a digit
    too many is taken off the other part (`91297.47` for 1,297.47): the part
    was misread, the total stands."""
    for part, other in ((escrow, pi), (pi, escrow)):
        rest = total - other
        if rest > 0 and one_digit_more(part, rest):
            return True
    return False


# A misread P&I another reading settles is within this share of it (a figure
# further off is another payment, for CNS-001 to report, not a misread).
_NEAR_SHARE = Decimal("0.1")


def _near(read: Decimal, value: Decimal) -> bool:
    return abs(read - value) <= value * _NEAR_SHARE


def _pi(ctx: LoanContext, cd: LogicalDocument | None) -> Decimal | None:
    """The CD's P&I; on a scan, when no reading of its loan's amount, rate
    and term gives it exactly, the payment they give where the scan itself
    says so: the P&I one digit from it (`7,935.22` for 2,935.22), or within
    a tenth of it (`2093` for 2,013.40) while the CD's total less its escrow,
    or the Note's P&I, is exactly that payment.
    The terms are the CD's, the Note's standing in for any the CD scan did
    not give (a loan amount read as 0)."""
    pi = num(cd, "monthly_pi")
    if cd is None or pi is None or not is_ocr(cd.fields.get("monthly_pi")):
        return pi
    note = ctx.first(DocType.note)
    payments = _term_payments(ctx, cd)
    if pi in payments:
        return pi  # these terms give exactly the payment read
    total, escrow = num(cd, "estimated_total_monthly_payment"), num(cd, "estimated_escrow_monthly")
    if total is not None and escrow is not None and total - escrow - _insurance(cd) == pi:
        # the CD's own total less its escrow is the P&I read: two readings
        # agree (a payment its terms do not give is CNS-001's to report)
        return pi
    others = {num(note, "monthly_pi"), total - escrow if total and escrow else None}
    fits = {w for w in payments if (w in others and _near(pi, w)) or one_digit_from(pi, w)}
    return fits.pop() if len(fits) == 1 else pi


def _term_payments(ctx: LoanContext, cd: LogicalDocument | None) -> set[Decimal]:
    """The P&I every reading of the loan's amount, rate and term gives (the
    CD's, the Note's standing in for any the CD scan did not give)."""
    note = ctx.first(DocType.note)
    amounts = {a for a in (num(cd, "loan_amount"), num(note, "principal_amount")) if a}
    rates = {r for r in (num(cd, "interest_rate"), num(note, "interest_rate")) if r}
    terms = {t for t in (integer(cd, "loan_term_months"), integer(note, "loan_term_months")) if t}
    return {
        amortized(amount, rate, months)
        for amount, rate, months in product(amounts, rates, terms)
        if 0 < rate < MAX_RATE
    }


def cd_pitia(
    ctx: LoanContext, cd: LogicalDocument | None
) -> tuple[Decimal | None, list[IssueEvidence]]:
    """(PITIA, its evidence), or (None, []) when the CD's figures do not
    give it reliably."""
    total_payment = num(cd, "estimated_total_monthly_payment")
    pi, escrow = _pi(ctx, cd), _escrow(cd)
    # no loan is paid at 4% of its principal a month (P&I at most 3%, plus
    # escrow): a scanned figure above that is a misread (`540270` escrow),
    # P&I included
    # (over the largest loan amount read: a CD's amount misread short, `31`
    # for 311,000, would make every payment a misread)
    note, t1008 = ctx.first(DocType.note), ctx.first(DocType.transmittal_1008)
    amounts = (num(cd, "loan_amount"), num(note, "principal_amount"), num(t1008, "loan_amount"))
    ceiling = max((a for a in amounts if a), default=ZERO) * _MAX_PAYMENT_SHARE
    if cd is not None and ceiling:
        if pi is not None and pi > ceiling and is_ocr(cd.fields.get("monthly_pi")):
            pi = None  # `257779` for 2,771.79: the total, if read, stands
        if (
            escrow is not None
            and escrow > ceiling
            and is_ocr(cd.fields.get("estimated_escrow_monthly"))
        ):
            escrow = None
        if (
            total_payment is not None
            and total_payment > ceiling
            and is_ocr(cd.fields.get("estimated_total_monthly_payment"))
        ):
            total_payment = None
    if (
        total_payment is not None
        and is_ocr(cd.fields.get("estimated_total_monthly_payment") if cd else None)
        and not (pi is not None and escrow is not None and _part_misread(total_payment, pi, escrow))
    ):
        if _ties_with_taxes(ctx, cd, pi, total_payment):
            pass  # P&I, taxes and insurance tie the total: it stands, whatever the escrow reads
        elif escrow is not None and total_payment <= escrow:
            # a total no more than its escrow alone: the escrow's cell read for it
            # (or an escrow read from another cell, `Initial Escrow Payment`)
            total_payment = None
        elif pi is not None and total_payment < pi and not escrow:
            # a total below its own P&I beside no escrow: the escrow's cell
            # read as the total and a blank as the escrow (the columns
            # shifted), or the other way round; nothing says which
            total_payment = escrow = None
        elif pi is not None and escrow is not None and total_payment < pi + escrow:
            # mortgage insurance only adds: one of the three is misread
            misread = _below_its_parts(total_payment, pi, escrow)
            if misread != "part":
                total_payment = None
            if misread == "unknown":
                escrow = None
        elif (
            pi is not None
            and escrow is not None
            and _total_misread(total_payment, pi + escrow, num(cd, "loan_amount"))
        ):
            total_payment = None
        elif (
            pi is not None
            and escrow is not None
            and (parts := _parts_read_twice(ctx, cd, pi, escrow)) is not None
            and total_payment != parts
            and compare_amounts(total_payment, parts, True) is Verdict.UNSURE
        ):
            # each part read twice and the total one digit from their sum
            # (`4,372.02` for 4,172.02): the total is the misread
            total_payment = None
    if total_payment is not None:
        return total_payment, [e for e in (ev(cd, "estimated_total_monthly_payment"),) if e]
    pi_evidence = ev(cd, "monthly_pi")
    if pi is None and escrow is not None and cd is not None and scanned(cd):
        # no total stands and the scan lost the CD's P&I (its Loan Terms
        # cells shifted a row): the Note's, where the Note's own amount,
        # rate and term give it exactly, is the one the CD repeats
        note = ctx.first(DocType.note)
        stated = num(note, "monthly_pi")
        if stated is not None and stated in _term_payments(ctx, None):
            pi, pi_evidence = stated, ev(note, "monthly_pi")
    if pi is not None and escrow is not None:
        found = (pi_evidence, ev(cd, "estimated_escrow_monthly"))
        return pi + escrow + _insurance(cd), [e for e in found if e]
    return None, []


def _escrow(cd: LogicalDocument | None) -> Decimal | None:
    """The CD's monthly escrow as its projected payments read it; on a scan,
    when that figure is not the one two of its other readings agree on (the
    taxes and insurance line, the escrow account's monthly payment, a
    twelfth of its first year's escrowed costs), that one (`$9,231.60` read
    beside `1,231.60` twice over)."""
    escrow = num(cd, "estimated_escrow_monthly")
    if cd is None or (escrow is not None and not is_ocr(cd.fields.get("estimated_escrow_monthly"))):
        return escrow
    year = num(cd, "escrowed_costs_year1")
    others = [
        num(cd, "taxes_insurance_monthly"),
        num(cd, "escrow_account_monthly"),
        (year / 12).quantize(CENT) if year is not None else None,
    ]
    votes = Counter(v for v in others if v is not None and v > 0)
    if escrow is not None and votes[escrow] >= 1:
        return escrow  # a second reading backs it
    agreed = [v for v, n in votes.items() if n >= 2]
    return agreed[0] if len(agreed) == 1 else escrow


def _insurance(cd: LogicalDocument | None) -> Decimal:
    """The CD's monthly mortgage insurance; none read, or more than a
    premium can be (a scan's `+0` read `40` on a small loan), counts nothing."""
    mi, loan = num(cd, "mortgage_insurance_monthly"), num(cd, "loan_amount")
    if mi is None or loan is None or mi > loan * _MI_MAX_YEARLY / 12:
        return ZERO
    return mi


def _ties_with_taxes(
    ctx: LoanContext, cd: LogicalDocument | None, pi: Decimal | None, total: Decimal
) -> bool:
    """The CD's taxes-and-insurance line, P&I and mortgage insurance add up
    to its total exactly: two readings agree, and the escrow figure that
    does not is the misread. The P&I is the CD's as read, or the Note's, or
    the payment the loan's terms give (a CD P&I misread past settling,
    `4,399.26` for 1,319.26, does not make a total that ties up a misread)."""
    taxes = num(cd, "taxes_insurance_monthly")
    if taxes is None:
        return False
    payments = {pi, num(ctx.first(DocType.note), "monthly_pi"), *_term_payments(ctx, cd)}
    return any(p + taxes + _insurance(cd) == total for p in payments if p is not None)


def _parts_read_twice(
    ctx: LoanContext, cd: LogicalDocument | None, pi: Decimal, escrow: Decimal
) -> Decimal | None:
    """P&I plus escrow plus mortgage insurance when the CD reads its
    insurance and each of the other two agrees with a second reading: the
    P&I with the Note's or with the payment the loan's terms give, the
    escrow with the taxes and insurance it pays. Then the sum is the payment
    whatever the total reads; else None."""
    if num(cd, "mortgage_insurance_monthly") is None:
        return None
    if pi != num(ctx.first(DocType.note), "monthly_pi") and pi not in _term_payments(ctx, cd):
        return None
    if escrow != num(cd, "taxes_insurance_monthly"):
        return None
    return pi + escrow + _insurance(cd)
