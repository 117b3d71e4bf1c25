"""Form 1005's boxes whose caption OCR garbled or a speck crowded: the value
the box's own layout still puts in place (the line under the caption, the
cell that ends the row)."""

from __future__ import annotations

import re

from flightline.pipeline.extractors.base import DocText
from flightline.pipeline.extractors.cells import cell_amounts, ocr_dates, row_cells
from flightline.pipeline.extractors.names import clean_person
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue

_APPLICANT_BOX = re.compile(r"\bname\s*and\s*address\s*of\s*applicant\b", re.IGNORECASE)


def applicant_below(doc: DocText) -> FieldValue | None:
    """`7. Name and Address of Applicant  SSN  7-ie` (a speck after the last
    caption): the person opening the line under it."""
    for i, _ in doc.find_lines(_APPLICANT_BOX):
        j = doc.next_line(i)
        cells = row_cells(doc.lines[j].text) if j is not None else []
        person = clean_person(cells[0]) if cells else None
        if (
            j is not None
            and person is not None
            and len(person.split()) >= 2
            and not re.search(r"\d", person)
        ):
            return doc.field(person, j)
        return None
    return None


# (`Signature ef Employer`: the o of `of` misread)
_EMPLOYER_SIGNS = re.compile(r"\bsig\w{2,9}\s*[oe0]f\s*empl\w*", re.IGNORECASE)


def signed_below(doc: DocText) -> FieldValue | None:
    """Form 1005's `20. Signature of Employer  21. Title  22. Date` caption row
    with its date caption garbled past reading: the date that ends the row
    under it (`T. Walsh  Payroll Specialist  Sep 25, 2026`) is the one the
    employer certified."""
    for i, _ in doc.find_lines(_EMPLOYER_SIGNS):
        j = doc.next_line(i)
        if j is None:
            return None
        cells = row_cells(doc.lines[j].text)
        found = ocr_dates(cells[-1]) if len(cells) >= 2 else []
        if len(found) == 1 and not ocr_dates(" ".join(cells[:-1])):
            return doc.field(found[0][2], j)
        return None
    return None


# Form 1005's earnings table; OCR may garble the year-to-date caption, which
# `Gross Earnings` still announces.
# (its own wording alone names the box when OCR garbles `Base Pay`: `BasgPay`)
_BASE_PAY_BOX = re.compile(
    r"\bbase\s*pay\b.*\b(?:enter|check\s*period)|\benter\s*am\S*\s*and\s*check\s*period",
    re.IGNORECASE,
)


def base_pay_box(doc: DocText) -> FieldValue | None:
    """Form 1005's `12A. Current Gross Base Pay (Enter Amount and Check Period)`
    with a word of its caption misread (`Grogs`, `Convent Glbas`): the amount
    that opens the line under it."""
    for i, line in enumerate(doc.lines):
        if not _BASE_PAY_BOX.search(line.text) or money_tokens(line.text):
            continue
        j = doc.next_line(i)
        cells = row_cells(doc.lines[j].text) if j is not None else []
        # (a speck after the amount reads as a full stop: `34.57.`)
        amounts = cell_amounts(re.sub(r"\s*\[.*$", "", cells[0]).rstrip(".,;:")) if cells else None
        if j is not None and amounts is not None and len(amounts) == 1:
            return doc.field(amounts[0], j)
        return None
    return None
