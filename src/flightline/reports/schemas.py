"""The report (API.md §5)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from flightline.core.timefmt import UtcTimestamp


class CitationOut(BaseModel):
    source: str
    section: str


class EvidenceOut(BaseModel):
    document_id: uuid.UUID = Field(description="The logical document (see `documents`).")
    page: int = Field(description="Page within the stored document, from 1.")
    field: str
    value: str


class IssueValues(BaseModel):
    observed: str | None
    limit: str | None


class IssueOut(BaseModel):
    id: uuid.UUID
    code: str
    category: Literal[
        "income", "assets", "credit", "property", "compliance", "documentation", "eligibility"
    ]
    severity: Literal["critical", "high", "medium", "low", "info"]
    title: str
    summary: str
    citation: CitationOut
    evidence: list[EvidenceOut]
    values: IssueValues


class FigureOut(BaseModel):
    value: str = Field(description="Money and ratios as decimal strings; ratios in percent.")
    evidence: list[EvidenceOut]
    borrowers: list[dict[str, object]] | None = None


class SourceOut(BaseModel):
    document_id: uuid.UUID = Field(description="The stored document of GET …/documents.")
    pages: list[int]


class ReportDocumentOut(BaseModel):
    document_id: uuid.UUID
    type: str
    confidence: float
    source: SourceOut


class Summary(BaseModel):
    critical: int
    high: int
    medium: int
    low: int
    info: int
    total: int


class PolicyOut(BaseModel):
    name: str
    version: str
    effective: date


class ReportOut(BaseModel):
    review_id: uuid.UUID
    status: Literal["completed"]
    sandbox: bool
    generated_at: UtcTimestamp
    outcome: Literal["clear", "issues_found"]
    decision: Literal["cleared", "exception", "ineligible"]
    summary: Summary
    issues: list[IssueOut]
    figures: dict[str, FigureOut]
    documents: list[ReportDocumentOut]
    policy: PolicyOut
