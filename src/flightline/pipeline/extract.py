"""Step 4 of the pipeline: read the fields QC needs from a logical document.

`extract` fills `doc.fields` and `doc.rows` with the names of `FIELDS` and
`ROWS` for the document's type, each value normalised and carrying the page
and line it was read from. A value that is not found stays absent.
"""

from __future__ import annotations

from collections.abc import Callable

from flightline.pipeline.extractors import (
    application,
    assets,
    closing,
    credit,
    disclosures,
    employment,
    paystub,
    property,
    underwriting,
)
from flightline.pipeline.extractors.base import DocText
from flightline.pipeline.model import FIELDS, ROWS, DocType, LogicalDocument, PageText

Extractor = Callable[[DocText, LogicalDocument], None]

_EXTRACTORS: dict[DocType, Extractor] = {
    DocType.urla_1003: application.extract_urla,
    DocType.transmittal_1008: underwriting.extract_1008,
    DocType.aus_findings: underwriting.extract_aus,
    DocType.paystub: paystub.extract_paystub,
    DocType.w2: employment.extract_w2,
    DocType.voe: employment.extract_voe,
    DocType.tax_return_1040: employment.extract_1040,
    DocType.bank_statement: assets.extract_bank_statement,
    DocType.gift_letter: assets.extract_gift_letter,
    DocType.letter_of_explanation: assets.extract_loe,
    DocType.credit_report: credit.extract_credit_report,
    DocType.appraisal_1004: property.extract_appraisal,
    DocType.loan_estimate: disclosures.extract_loan_estimate,
    DocType.closing_disclosure: closing.extract_closing_disclosure,
    DocType.note: closing.extract_note,
    DocType.security_instrument: closing.extract_security_instrument,
    DocType.title_commitment: closing.extract_title,
    DocType.hazard_insurance: closing.extract_hazard,
    DocType.flood_certificate: closing.extract_flood,
    DocType.right_to_cancel: closing.extract_rtc,
}


def extract(doc: LogicalDocument, pages: list[PageText]) -> None:
    """Fill `doc.fields` and `doc.rows` from the pages it covers."""
    extractor = _EXTRACTORS.get(doc.type)
    if extractor is None:
        return
    text = DocText(doc, pages)
    if not text.lines:
        return
    extractor(text, doc)
    doc.mark_read_methods(
        {p.page: p.method for p in pages if p.document_id == doc.source_document_id}
    )
    # The contract is the model's field list: drop anything else a shared
    # helper may have produced, and rows the type does not define.
    allowed = set(FIELDS.get(doc.type, ()))
    for name in [n for n in doc.fields if n not in allowed]:
        del doc.fields[name]
    groups = ROWS.get(doc.type, {})
    for group in [g for g in doc.rows if g not in groups]:
        del doc.rows[group]
    for group, rows in doc.rows.items():
        columns = set(groups[group])
        for row in rows:
            for col in [c for c in row if c not in columns]:
                del row[col]
