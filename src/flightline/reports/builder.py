"""Turning a reviewed loan into the report."""

from __future__ import annotations

import uuid
from datetime import datetime

from flightline.reports.schemas import (
    CitationOut,
    EvidenceOut,
    FigureOut,
    IssueOut,
    IssueValues,
    PolicyOut,
    ReportDocumentOut,
    ReportOut,
    SourceOut,
    Summary,
)
from flightline.rules.engine import SEVERITY_ORDER, Issue, IssueEvidence, LoanContext, decide


def _evidence(items: list[IssueEvidence]) -> list[EvidenceOut]:
    return [
        EvidenceOut(document_id=e.document_id, page=e.page, field=e.field, value=e.value)
        for e in items
    ]


def build_report(
    review_id: uuid.UUID,
    sandbox: bool,
    ctx: LoanContext,
    issues: list[Issue],
    generated_at: datetime,
) -> ReportOut:
    outcome, decision = decide(issues)
    counts = {s: sum(1 for i in issues if i.severity == s) for s in SEVERITY_ORDER}
    policy = ctx.policy
    return ReportOut(
        review_id=review_id,
        status="completed",
        sandbox=sandbox,
        generated_at=generated_at,
        outcome=outcome,
        decision=decision,
        summary=Summary(**counts, total=len(issues)),
        issues=[
            IssueOut(
                id=uuid.uuid4(),
                code=i.code,
                category=i.category,
                severity=i.severity,
                title=i.title,
                summary=i.summary,
                citation=CitationOut(source=i.citation.source, section=i.citation.section),
                evidence=_evidence(i.evidence),
                values=IssueValues(observed=i.observed, limit=i.limit),
            )
            for i in issues
        ],
        figures={
            name: FigureOut(
                value=figure.value,
                evidence=_evidence(figure.evidence),
                borrowers=figure.detail.get("borrowers"),
            )
            for name, figure in ctx.figures.items()
        },
        documents=[
            ReportDocumentOut(
                document_id=d.id,
                type=d.type.value,
                confidence=round(d.confidence, 3),
                source=SourceOut(document_id=d.source_document_id, pages=d.pages),
            )
            for d in ctx.documents
        ],
        policy=PolicyOut(name=policy.name, version=policy.version, effective=policy.effective),
    )
