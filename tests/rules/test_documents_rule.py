"""DOC-001: each missing required document is one finding whose summary reads
as a sentence."""

from __future__ import annotations

from flightline.pipeline.model import DocType
from tests.rules.builders import clean_loan, run


def test_doc_001_names_the_missing_document_in_a_sentence() -> None:
    assert run(clean_loan(), "DOC-001") == []
    [issue] = run(clean_loan().drop(DocType.credit_report), "DOC-001")
    assert issue.subject == "credit_report"
    assert issue.summary == (
        "The file does not include the credit report; it is required for this review."
    )
