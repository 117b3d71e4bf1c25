"""Appraisal reports (Form 1004 and its relatives 1073, 1025, 1004D)."""

from __future__ import annotations

import re
from datetime import date

from flightline.pipeline.extractors.base import (
    DocText,
    Spec,
    label_regex,
    set_field,
)
from flightline.pipeline.extractors.names import clean_name
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import (
    DATE_ANY,
    find_dates,
    normalize_date,
    normalize_money,
    year_misread,
)

_APPRAISAL = Reader(
    (
        Spec(
            "effective_date",
            "date",
            (
                "Effective Date of Appraisal",
                "Effective Date of Value",
                "Effective Date",
                "Date of Value",
                "Appraisal Effective Date",
                "As of Date",
                "Date of Appraisal",
            ),
        ),
        Spec(
            "appraised_value",
            "money",
            (
                "Appraised Value",
                "Opinion of Market Value",
                "Market Value",
                "Final Value",
                "Indicated Value",
                "Final Opinion of Value",
                "Appraised Value of Subject Property",
                "Value Conclusion",
            ),
            exclude=r"sales\s*comparison\s*approach|cost\s*approach|income\s*approach|"
            r"by\s+(?:sales|cost|income)",
        ),
        Spec(
            "property_address",
            "address",
            (
                "Property Address",
                "Subject Property Address",
                "Subject Address",
                "Subject Property",
                "Subject",
                "Address",
            ),
            exclude=r"appraiser|company|lender|client|supervisor",
        ),
        Spec("units", "int", ("Number of Units", "# of Units", "No. of Units", "Units")),
        Spec(
            "borrower_name",
            "person",
            ("Borrower", "Borrower Name", "Borrower(s)"),
            exclude=r"owner\s*of\s*public\s*record\s*$",
        ),
        Spec(
            "sale_price",
            "money",
            ("Contract Price", "Sale Price", "Sales Price", "Contract Sales Price"),
        ),
    ),
    extra_labels=(
        "City",
        "State",
        "Zip Code",
        "Zip",
        "County",
        "Owner of Public Record",
        "Legal Description",
        "Assessor's Parcel",
        "Tax Year",
        "Date of Contract",
        "Lender/Client",
        "Appraiser",
        "Neighborhood Name",
        "Census Tract",
    ),
)
# The amount must end where its digits do: OCR splitting it ("$62: 4000")
# would otherwise yield the first piece; then the labelled value is read.
_SENTENCE = re.compile(
    # (on a scan the `$` may be lost, `value` garbled, `as of` read `as*6f`)
    r"opinion\s+of\s+the\s+market\s+val\S*[\s\S]{0,160}?is\s*\$?\s*"
    r"(\$?\d{1,3}(?:,\d{3})+(?:\.\d\d)?|\$\d+(?:\.\d\d)?|\d{4,}(?:\.\d\d)?)"
    r"(?!\s*[:;.,]?\s*\d)(?:[\s\S]{0,20}?as\W{0,2}[o6]f\s*(" + DATE_ANY + "))?",
    re.IGNORECASE,
)
_FORM = re.compile(r"form\s*(1004\s*D|1004\s*C|1004|1073|1025|2055|2090|1075)\b", re.IGNORECASE)
_TITLE_FORMS = (
    (re.compile(r"small\s*residential\s*income", re.I), "1025"),
    (re.compile(r"individual\s*condominium", re.I), "1073"),
    (re.compile(r"appraisal\s*update|completion\s*report", re.I), "1004D"),
    (re.compile(r"uniform\s*residential\s*appraisal", re.I), "1004"),
)
_ADDRESS_PARTS = re.compile(
    r"(?:subject\s*)?property\s*address\s*:?\s*(?P<street>.+?)\s+city\s*:?\s*(?P<city>.+?)\s+"
    r"state\s*:?\s*(?P<state>[A-Z]{2})\s+zip(?:\s*code)?\s*:?\s*(?P<zip>\d{5}(?:-\d{4})?)",
    re.IGNORECASE,
)


# (a ZIP a figure short, `NY 1393`, is still the address's end: its state read)
_ZIP_END = re.compile(r"\b[A-Z]{2}\s*,?\s*\d{4,5}(?:-\d{4})?\W*$")


def extract_appraisal(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    for i, m in doc.find_lines(_ADDRESS_PARTS):
        street = m.group("street").strip(" ,")
        value = (
            f"{street}, {m.group('city').strip(' ,')}, {m.group('state').upper()} {m.group('zip')}"
        )
        out["property_address"] = doc.field(value, i)
        break
    for m in _SENTENCE.finditer(doc.text):
        amount = normalize_money(m.group(1))
        when = normalize_date(m.group(2)) if m.group(2) else None
        if amount is not None:
            set_field(out, "appraised_value", doc.field(amount, doc.line_index(m.start(1))))
        if when is not None:
            set_field(out, "effective_date", doc.field(when, doc.line_index(m.start(2))))
        break
    _APPRAISAL.read(doc, out)
    if doc.ocr:
        _effective_after_report(doc, out)
    address = out.get("property_address")
    if doc.ocr and address is not None and not _ZIP_END.search(str(address.value)):
        # without its state and ZIP the address was read from somewhere it
        # is cut short (the comparables grid, `6646 Birch Drive, Shannonhav
        # 9320 Birch Ave ...`): a partial address is left unread
        del out["property_address"]
    if "borrower_name" in out:
        name = clean_name(str(out["borrower_name"].value))
        if name is None:
            del out["borrower_name"]
    set_field(out, "form_type", _form_type(doc))


_SIGNED = label_regex(("Date of Signature and Report", "Date of Signature", "Date of Report"))
# An appraisal is signed within this many days of its effective date.
_SIGNED_WITHIN = 120


def _effective_after_report(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A scanned effective date after the date the report was signed (`April
    23, 2035` beside a report of April 26, 2025): no value is effective after
    its report, so a figure of the year was misread; the one year a figure
    away that puts it shortly before the report is it."""
    found = out.get("effective_date")
    if found is None or not isinstance(found.value, date):
        return
    for i, m in doc.find_lines(_SIGNED):
        line = doc.lines[i]
        dates = find_dates(line.text[m.end() - line.start :])
        if not dates:
            continue
        signed = dates[0][2]
        if found.value > signed:
            fixed = year_misread(found.value, signed, _SIGNED_WITHIN)
            if fixed is not None:
                out["effective_date"] = FieldValue(fixed, found.evidence)
        return


def _form_type(doc: DocText) -> FieldValue | None:
    for i, line in enumerate(doc.lines[:10]):
        for pattern, value in _TITLE_FORMS:
            if pattern.search(line.text):
                return doc.field(value, i)
    for i, m in doc.find_lines(_FORM):
        return doc.field(re.sub(r"\s+", "", m.group(1)).upper(), i)
    return None
