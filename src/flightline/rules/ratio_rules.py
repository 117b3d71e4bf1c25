"""DTI-001 (recomputed DTI over the cap; or more than the tolerance away from
the 1008's) and LTV-001 (LTV or CLTV over the eligibility matrix)."""

from __future__ import annotations

from decimal import Decimal

from flightline.pipeline.model import DocType
from flightline.rules.access import ev, money, num, ratio, ratio_against
from flightline.rules.compare import Verdict, compare_amounts, is_ocr
from flightline.rules.engine import Issue, LoanContext, rule
from flightline.rules.facts import facts
from flightline.rules.figures import computed

# A back-end DTI of this many percent is no transmittal's: a scan's misread.
_NO_DTI = Decimal(100)


@rule("DTI-001")
def debt_to_income(ctx: LoanContext) -> list[Issue]:
    c = computed(ctx)
    back = c.dti_back
    if back is None or c.pitia is None or c.income_total is None or c.debts_monthly is None:
        return []
    issues = []
    cap = ctx.policy.threshold("dti_max_pct").value
    evidence = [*c.pitia_evidence, *(e for d in c.debts if not d.paid_off for e in d.evidence())]
    if back > cap:
        issues.append(
            ctx.issue(
                "DTI-001",
                f"The recomputed back-end DTI is {ratio_against(back, cap)}% (PITIA "
                f"{money(c.pitia)} plus debts {money(c.debts_monthly)} over qualifying income "
                f"{money(c.income_total)}), above the {ratio(cap, 0)}% cap.",
                evidence=evidence,
                observed=ratio_against(back, cap),
                limit=ratio(cap),
                variant="over_cap",
                subject="dti_back",
            )
        )
    tolerance = ctx.policy.threshold("dti_1008_tolerance_points").value
    for t in ctx.of_type(DocType.transmittal_1008):
        stated = num(t, "dti_back")
        if stated is None:
            continue
        gap = abs(stated - back)
        if gap <= tolerance:
            continue
        places = max(0, -int(stated.as_tuple().exponent))
        shown = back.quantize(Decimal(1).scaleb(-places))
        ocr = is_ocr(t.fields.get("dti_back"))
        if (ocr and stated >= _NO_DTI) or compare_amounts(stated, shown, ocr) is Verdict.UNSURE:
            # `2.545` for `22.545`: a digit OCR dropped or misread, not a
            # mismatch; `536.000`: debts over five times income is no DTI
            ctx.could_not_read(
                "dti_back 1008",
                "the back-end DTI on the 1008 (one digit from the recomputed one)",
                [ev(t, "dti_back")],
            )
            continue
        issues.append(
            ctx.issue(
                "DTI-001",
                f"The 1008 shows a back-end DTI of {ratio(stated, 3)}% but the recomputed DTI "
                f"is {ratio(back, 3)}%, {ratio_against(gap, tolerance)} points apart (tolerance "
                f"{ratio(tolerance, 0)} point); correct the 1008 or the underwriting figures.",
                evidence=[ev(t, "dti_back"), *evidence],
                observed=ratio_against(gap, tolerance),
                limit=ratio(tolerance),
                variant="differs_from_1008",
                subject="transmittal_1008",
            )
        )
        break
    return issues


_PURPOSES = ("purchase", "rate_term_refinance", "cash_out_refinance")
_OCCUPANCIES = ("principal_residence", "second_home", "investment")


@rule("LTV-001")
def loan_to_value(ctx: LoanContext) -> list[Issue]:
    f = facts(ctx)
    c = computed(ctx)
    if c.ltv is None:
        return []
    units = f.units or 1
    # An occupancy or purpose no document gave: the highest maximum any of
    # them allows; a ratio above even that is over, whichever it is.
    purposes = [f.purpose] if f.purpose else list(_PURPOSES)
    occupancies = [f.occupancy] if f.occupancy else list(_OCCUPANCIES)
    # scanned documents that disagree on the unit count: the highest maximum
    # of the counts they give, as for an occupancy not read
    counts = sorted(f.units_disputed) or [units]
    caps = [
        cap
        for p in purposes
        for o in occupancies
        for n in counts
        if (cap := ctx.policy.ltv_matrix.limit(p, o, n)) is not None
    ]
    if not caps:
        return []
    cap = max(caps)
    issues = []
    words = [
        "1-unit" if counts == [1] else f"{' or '.join(str(n) for n in counts)}-unit",
        *([f.occupancy.replace("_", " ")] if f.occupancy else []),
        f.purpose.replace("_", " ") if f.purpose else "loan",
    ]
    unread = [n for n, v in (("occupancy", f.occupancy), ("purpose", f.purpose)) if v is None]
    shape = " ".join(words) + (
        f" of any {' or '.join(unread)} (the file's could not be read)" if unread else ""
    )
    for subject, value in (("ltv", c.ltv), ("cltv", c.cltv)):
        if value is None or value <= cap or (subject == "cltv" and value == c.ltv):
            continue
        assert c.loan_amount is not None
        assert c.value_basis is not None
        issues.append(
            ctx.issue(
                "LTV-001",
                f"The {subject.upper()} is {ratio_against(value, cap)}% (loan "
                f"{money(c.loan_amount)} over a value of {money(c.value_basis)}), above the "
                f"{ratio(cap, 0)}% maximum for a {shape}.",
                evidence=[*c.ltv_evidence, *f.shape_evidence],
                observed=ratio_against(value, cap),
                limit=ratio(cap),
                subject=subject,
            )
        )
    return issues
