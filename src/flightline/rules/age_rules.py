"""AGE-001 (credit, income and asset documents too old on the note date),
AGE-002 (paystub too long before the application, or without YTD) and
AGE-003 (appraisal expired, or past the update age with no update)."""

from __future__ import annotations

from datetime import date

from flightline.pipeline.model import DocType, LogicalDocument
from flightline.rules.access import ev, rows, text, when
from flightline.rules.compare import scanned
from flightline.rules.engine import Issue, LoanContext, rule
from flightline.rules.facts import facts
from flightline.rules.figures import computed
from flightline.rules.qualifying import latest_paystub, paystubs


def _days(ctx: LoanContext, name: str) -> int:
    return int(ctx.policy.threshold(name).value)


@rule("AGE-001")
def stale_documents(ctx: LoanContext) -> list[Issue]:
    f = facts(ctx)
    note = f.note_date
    if note is None:
        return []
    limit = _days(ctx, "document_age_days")
    candidates: list[tuple[str, str, LogicalDocument, str]] = []
    reports = ctx.of_type(DocType.credit_report)
    if reports:
        report = max(reports, key=lambda r: when(r, "report_date") or date.min)
        candidates.append(("credit_report", "The credit report", report, "report_date"))
    # a series of statements is measured by its most recent one
    for key, statements in sorted(computed(ctx).accounts.items()):
        what = f"The latest statement of account {key}"
        candidates.append((f"bank_statement {key}", what, statements[-1], "period_end_date"))
    for who in f.borrowers:
        stub = latest_paystub(ctx, who)
        if stub is not None:
            candidates.append(
                (f"paystub {who.label}", f"The latest paystub of {who.name}", stub, "pay_date")
            )
    issues = []
    for subject, what, doc, field_name in candidates:
        dated = when(doc, field_name)
        if dated is None:
            continue
        age = (note - dated).days
        if age <= limit:
            continue
        issues.append(
            ctx.issue(
                "AGE-001",
                f"{what} is dated {dated}, {age} days before the note date {note} "
                f"(limit {limit} days); obtain an updated document.",
                evidence=[ev(doc, field_name), f.note_date_evidence],
                observed=f"{age} days",
                limit=f"{limit} days",
                subject=subject,
            )
        )
    return issues


def _has_ytd(stub: LogicalDocument) -> bool:
    if stub.get("gross_ytd") is not None:
        return True
    return any(r.get("ytd_amount") is not None for r in rows(stub, "earnings"))


def _undated_scan(stub: LogicalDocument) -> bool:
    return (
        scanned(stub)
        and when(stub, "pay_date") is None
        and when(stub, "pay_period_end_date") is None
    )


@rule("AGE-002")
def paystub_timing(ctx: LoanContext) -> list[Issue]:
    f = facts(ctx)
    limit = _days(ctx, "paystub_max_days_before_application")
    issues = []
    for who in f.borrowers:
        stub = latest_paystub(ctx, who)
        if stub is None:
            continue
        paid = when(stub, "pay_date")
        app = f.application_date
        problems: list[str] = []
        observed: list[str] = []
        limits: list[str] = []
        before = (app - paid).days if app is not None and paid is not None else None
        if paid is None and app is not None and scanned(stub):
            # a scan's pay date OCR did not give: the stub's age is unknown
            ctx.could_not_read(
                f"paystub date {who.label}",
                f"the pay date on {who.name}'s latest paystub",
                [e for e in (ev(stub, "pay_period_end_date"),) if e],
            )
        if before is not None and before > limit:
            undated = next((s for s in paystubs(ctx, who) if _undated_scan(s)), None)
            if undated is not None:
                # another scanned stub whose dates OCR lost may be the later one
                ctx.could_not_read(
                    f"paystub date {who.label}",
                    f"the dates on one of {who.name}'s paystubs",
                    [e for e in (ev(undated, "gross_current"),) if e],
                )
                before = None
        if before is not None and before > limit:
            problems.append(
                f"is dated {paid}, {before} days before the application date {app} "
                f"(limit {limit} days)"
            )
            observed.append(f"{before} days before application")
            limits.append(f"{limit} days before application")
        if not _has_ytd(stub) and scanned(stub) and stub.get("ytd_caption") is not None:
            # a scan with a year-to-date column whose figures OCR did not give
            ctx.could_not_read(
                f"paystub ytd {who.label}",
                f"the year-to-date earnings on {who.name}'s latest paystub",
                [e for e in (ev(stub, "ytd_caption"),) if e],
            )
        elif not _has_ytd(stub):
            problems.append("shows no year-to-date earnings")
            observed.append("no year-to-date earnings")
            limits.append("year-to-date earnings shown")
        if not problems:
            continue
        issues.append(
            ctx.issue(
                "AGE-002",
                f"The latest paystub of {who.name} {' and '.join(problems)}; obtain a paystub "
                "dated within 30 days of the application that shows year-to-date earnings.",
                evidence=[ev(stub, "pay_date"), ev(stub, "gross_current"), f.application_evidence],
                observed="; ".join(observed),
                limit="; ".join(limits),
                subject=f"paystub {who.label}",
            )
        )
    return issues


def _is_update(doc: LogicalDocument) -> bool:
    form = (text(doc, "form_type") or "").lower()
    return "1004d" in form or "update" in form or "recert" in form


@rule("AGE-003")
def appraisal_age(ctx: LoanContext) -> list[Issue]:
    f = facts(ctx)
    note = f.note_date
    if note is None:
        return []
    appraisals = [a for a in ctx.of_type(DocType.appraisal_1004) if when(a, "effective_date")]
    originals = [a for a in appraisals if not _is_update(a)] or appraisals
    if not originals:
        return []
    original = max(originals, key=lambda a: when(a, "effective_date") or date.min)
    effective = when(original, "effective_date")
    assert effective is not None
    age = (note - effective).days
    expired = _days(ctx, "appraisal_max_age_days")
    update_after = _days(ctx, "appraisal_update_after_days")
    evidence = [ev(original, "effective_date"), f.note_date_evidence]
    if age > expired:
        return [
            ctx.issue(
                "AGE-003",
                f"The appraisal's effective date {effective} is {age} days before the note date "
                f"{note}, past the {expired}-day limit; a new appraisal is required.",
                evidence=evidence,
                observed=f"{age} days",
                limit=f"{expired} days",
                variant="expired",
                subject="appraisal_1004",
            )
        ]
    if age <= update_after:
        return []
    updated = any(
        (note - d).days <= update_after
        for a in appraisals
        if _is_update(a) and (d := when(a, "effective_date")) is not None
    )
    if updated:
        return []
    return [
        ctx.issue(
            "AGE-003",
            f"The appraisal's effective date {effective} is {age} days before the note date "
            f"{note} and the file holds no appraisal update (Form 1004D); obtain an update "
            f"dated within {update_after} days of the note.",
            evidence=evidence,
            observed=f"{age} days without update",
            limit=f"{update_after} days without update",
            variant="needs_update",
            subject="appraisal_1004",
        )
    ]
