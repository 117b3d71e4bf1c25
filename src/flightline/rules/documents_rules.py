"""DOC-001 (a required document is missing) and DOC-002 (a document could not
be read; values read too unreliably to judge are reported by the engine under
DOC-002 too, see `LoanContext.could_not_read`)."""

from __future__ import annotations

from flightline.pipeline.model import DocType
from flightline.rules.compare import scanned
from flightline.rules.engine import Issue, IssueEvidence, LoanContext, rule
from flightline.rules.facts import facts

_ALWAYS = (
    (DocType.urla_1003, "the loan application (URLA 1003)"),
    (DocType.note, "the Note"),
    (DocType.closing_disclosure, "the Closing Disclosure"),
    (DocType.loan_estimate, "the Loan Estimate"),
    (DocType.credit_report, "the credit report"),
    (DocType.appraisal_1004, "the appraisal"),
    (DocType.paystub, "a paystub"),
    (DocType.bank_statement, "a bank statement"),
)


def _wage_earner(ctx: LoanContext) -> bool:
    if ctx.of_type(DocType.paystub) or ctx.of_type(DocType.voe) or ctx.of_type(DocType.w2):
        return True
    urla = ctx.first(DocType.urla_1003)
    return urla is not None and urla.get("employer_name") is not None


@rule("DOC-001")
def missing_documents(ctx: LoanContext) -> list[Issue]:
    issues = [
        ctx.issue(
            "DOC-001",
            f"The file does not include {label}; it is required for this review.",
            observed="missing",
            limit="required",
            subject=doc_type.value,
        )
        for doc_type, label in _ALWAYS
        if not ctx.of_type(doc_type)
    ]
    if not _wage_earner(ctx):
        return issues
    known = facts(ctx)
    # Per borrower: a co-borrower's two years do not cover the borrower's gap.
    if len(known.borrowers) > 1:
        groups = [
            (f" for {who.name}", f"w2 borrower {who.index}", known.docs_of(ctx, DocType.w2, who))
            for who in known.borrowers
        ]
    else:
        groups = [("", "w2", ctx.of_type(DocType.w2))]
    for label, subject, w2s in groups:
        years = {d.get("tax_year") for d in w2s} - {None}
        unread = [d for d in w2s if d.get("tax_year") is None and scanned(d)]
        # a scanned W-2 whose owner could not be read may be this borrower's
        unread += (
            [d for d in ctx.of_type(DocType.w2) if scanned(d) and known.owner(d) is None]
            if len(known.borrowers) > 1
            else []
        )
        if len(years) < 2 and len(years) + len(unread) >= 2:
            # a W-2 whose year was not read may be the missing year
            ctx.could_not_read(
                f"tax year {subject}",
                f"the tax year or the employee of a W-2{label}",
                [
                    IssueEvidence(d.id, d.pages[0] if d.pages else 1, "tax_year", "?")
                    for d in unread
                ],
            )
            continue
        if len(years) < 2:
            issues.append(
                ctx.issue(
                    "DOC-001",
                    f"The file holds W-2s{label} for {len(years)} tax year(s); a wage earner "
                    "needs the two most recent years.",
                    observed=f"{len(years)} year(s)",
                    limit="2 years",
                    subject=subject,
                )
            )
    return issues


@rule("DOC-002")
def unreadable_documents(ctx: LoanContext) -> list[Issue]:
    issues = []
    for stored in ctx.unreadable:
        logical = next((d for d in ctx.documents if d.source_document_id == stored.id), None)
        where = f"upload {stored.upload_index}" + (
            f", member {stored.member_index}" if stored.member_index else ""
        )
        evidence = (
            [
                IssueEvidence(
                    logical.id, logical.pages[0] if logical.pages else 1, "document", "unreadable"
                )
            ]
            if logical is not None
            else []
        )
        issues.append(
            ctx.issue(
                "DOC-002",
                f"The document at {where} could not be read (corrupt, or no text after OCR); "
                "request a legible copy.",
                evidence=evidence,
                observed="unreadable",
                limit="readable",
                variant="document",
                subject=str(stored.id),
            )
        )
    return issues
