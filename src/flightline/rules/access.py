"""Typed access to what extraction read, and how figures and documents are
shown in a sentence: the vocabulary every rule shares."""

from __future__ import annotations

import calendar
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal

from flightline.pipeline.model import DocType, FieldValue, LogicalDocument, Value
from flightline.rules.engine import IssueEvidence, display, evidence

CENT = Decimal("0.01")
HUNDRED = Decimal(100)


def dec(v: Value | None) -> Decimal | None:
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int) and not isinstance(v, bool):
        return Decimal(v)
    return None


def day(v: Value | None) -> date | None:
    return v if isinstance(v, date) else None


def txt(v: Value | None) -> str | None:
    if v is None or isinstance(v, date):
        return None
    s = str(v).strip()
    return s or None


def num(doc: LogicalDocument | None, name: str) -> Decimal | None:
    return dec(doc.get(name)) if doc is not None else None


def when(doc: LogicalDocument | None, name: str) -> date | None:
    return day(doc.get(name)) if doc is not None else None


def text(doc: LogicalDocument | None, name: str) -> str | None:
    return txt(doc.get(name)) if doc is not None else None


def integer(doc: LogicalDocument | None, name: str) -> int | None:
    v = doc.get(name) if doc is not None else None
    return integer_of(v) if v is not None else None


def integer_of(v: Value) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v
    if isinstance(v, Decimal) and v == v.to_integral_value():
        return int(v)
    if isinstance(v, str) and v.strip().isdigit():
        return int(v.strip())
    return None


Row = dict[str, FieldValue]


def rows(doc: LogicalDocument | None, group: str) -> list[Row]:
    return doc.rows.get(group, []) if doc is not None else []


def cell(row: Row, col: str) -> Value | None:
    found = row.get(col)
    return found.value if found is not None else None


def row_evidence(doc: LogicalDocument, group: str, row: Row, col: str) -> IssueEvidence | None:
    found = row.get(col)
    if found is None:
        return None
    return IssueEvidence(doc.id, found.evidence.page, f"{group}.{col}", display(found.value))


def ev(doc: LogicalDocument | None, name: str) -> IssueEvidence | None:
    return evidence(doc, name) if doc is not None else None


def money(v: Decimal) -> str:
    """Money for a sentence or `values`: cents, no separators (the wire format)."""
    return format(v.quantize(CENT), "f")


def ratio(v: Decimal, places: int = 2) -> str:
    return format(v.quantize(Decimal(1).scaleb(-places)), "f")


def ratio_against(v: Decimal, limit: Decimal) -> str:
    """A ratio shown with enough places that it never reads equal to the limit
    it was found to break (50.0001 over 50 shows as 50.0001, not 50.00)."""
    for places in (2, 3, 4):
        step = Decimal(1).scaleb(-places)
        if v.quantize(step) != limit.quantize(step):
            return format(v.quantize(step), "f")
    # closer than 4 places: round away from the limit, the side it was found on
    return format(v.quantize(step, ROUND_FLOOR if v < limit else ROUND_CEILING), "f")


def months_elapsed(through: date) -> Decimal:
    """Months of a year a YTD figure through `through` covers: day of year x 12 / days."""
    days = 366 if calendar.isleap(through.year) else 365
    return Decimal(through.timetuple().tm_yday) * 12 / Decimal(days)


def doc_label(doc: LogicalDocument) -> str:
    """How a sentence names a document."""
    labels = {
        DocType.urla_1003: "URLA",
        DocType.transmittal_1008: "1008",
        DocType.aus_findings: "AUS findings",
        DocType.paystub: "paystub",
        DocType.w2: "W-2",
        DocType.voe: "VOE",
        DocType.tax_return_1040: "1040",
        DocType.bank_statement: "bank statement",
        DocType.gift_letter: "gift letter",
        DocType.credit_report: "credit report",
        DocType.appraisal_1004: "appraisal",
        DocType.loan_estimate: "Loan Estimate",
        DocType.closing_disclosure: "Closing Disclosure",
        DocType.note: "Note",
        DocType.security_instrument: "security instrument",
        DocType.right_to_cancel: "notice of right to cancel",
        DocType.letter_of_explanation: "letter of explanation",
    }
    label = labels.get(doc.type, doc.type.value.replace("_", " "))
    year = integer(doc, "tax_year")
    if year is not None:
        label += f" ({year})"
    elif doc.type == DocType.paystub and when(doc, "pay_date") is not None:
        label += f" dated {when(doc, 'pay_date')}"
    return label
