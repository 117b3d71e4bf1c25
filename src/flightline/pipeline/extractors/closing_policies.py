"""The policies and determinations a closing relies on: the title
commitment, hazard insurance, and the flood determination."""

from __future__ import annotations

import re

from flightline.pipeline.extractors.base import (
    DATE_GROUP,
    MONEY_GROUP,
    DocText,
    Spec,
    read_sentences,
    rx,
    set_field,
)
from flightline.pipeline.extractors.names import clean_name
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import (
    DATE_ANY,
    find_dates,
)

# -- title commitment ---------------------------------------------------------

_TITLE = Reader(
    (
        Spec("effective_date", "date", ("Commitment Date", "Effective Date", "Effective")),
        Spec(
            "proposed_insured",
            "name",
            (
                "Proposed Insured",
                "Proposed Insured Lender",
                "Proposed Insured Owner",
                "Proposed Lender",
            ),
        ),
        Spec(
            "vesting",
            "name",
            (
                "Vested In",
                "Vesting",
                "Title Vested In",
                "Fee Simple Vested In",
                "Current Owner",
                "Record Owner",
                "Vested Owner",
                "Owner of Record",
            ),
        ),
        Spec(
            "property_address",
            "address",
            ("Property Address", "Property", "Premises", "Address of Property", "Address"),
        ),
        Spec(
            "insured_amount",
            "money",
            (
                "Proposed Policy Amount",
                "Policy Amount",
                "Amount of Insurance",
                "Loan Policy Amount",
                "Insured Amount",
                "Proposed Amount of Insurance",
            ),
        ),
    ),
    extra_labels=(
        "Commitment No",
        "Commitment Number",
        "File No",
        "Order No",
        "Policy",
        "Schedule",
        "Title Company",
        "Legal Description",
    ),
)
_VESTED = rx(r"(?:vested\s+in|title\s+is\s+vested\s+in)\s*:?\s*([A-Z][^\n]{2,100})")


def _vesting(doc: DocText, out: dict[str, FieldValue]) -> None:
    """`... vested in: Joshua G. Kirk and Donna K.` wrapped onto `Kirk`: the
    owner's name runs to the end of the sentence, which may be a line later."""
    for i, m in doc.find_lines(_VESTED):
        text = m.group(1).strip()
        j = doc.next_line(i)
        if j is not None:
            nxt = doc.lines[j].text
            if len(nxt.split()) <= 3 and not re.search(r"\d", nxt) and nxt[:1].isupper():
                text = f"{text} {nxt}"
        text = re.split(r",\s*as\s", text)[0]
        name = clean_name(text.rstrip("."))
        if name:
            out["vesting"] = doc.field(name, i)
        return


# ALTA Schedule A: the loan policy's insured and amount (the owner's policy
# names the buyer; the loan file cares about the lender's).
_LOAN_POLICY = (
    (
        "proposed_insured",
        "name",
        rx(
            r"loan\s+policy\.?\s+proposed\s+insured\s*:\s*([A-Z][\s\S]{2,120}?)\.\s+proposed\s+amount"
        ),
    ),
    (
        "insured_amount",
        "money",
        rx(r"loan\s+policy[\s\S]{0,160}?proposed\s+amount\s+of\s+insurance\s*:\s*" + MONEY_GROUP),
    ),
)


def extract_title(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    read_sentences(doc, _LOAN_POLICY, out)
    _vesting(doc, out)
    _TITLE.read(doc, out)


# -- hazard insurance ----------------------------------------------------------

_HAZARD = Reader(
    (
        Spec(
            "insured_name",
            "person",
            (
                "Named Insured",
                "Insured Name",
                "Insured",
                "Policyholder",
                "Policy Holder",
                "Named Insured(s)",
            ),
            exclude=r"insured\s*(?:location|property|address)",
        ),
        Spec(
            "property_address",
            "address",
            (
                "Property Address",
                "Insured Location",
                "Location of Property",
                "Residence Premises",
                "Location",
                "Property Insured",
                "Insured Property",
                "Dwelling Location",
                "Risk Address",
            ),
        ),
        Spec(
            "annual_premium",
            "money",
            (
                "Total Annual Premium",
                "Annual Premium",
                "Total Premium",
                "Policy Premium",
                "Premium",
            ),
            exclude=r"premium\s*(?:due|paid|financ)",
        ),
        Spec(
            "coverage_amount",
            "money",
            (
                "Coverage A - Dwelling",
                "Coverage A",
                "Dwelling Coverage",
                "Dwelling",
                "Dwelling Limit",
            ),
        ),
        Spec("effective_date", "date", ("Effective Date", "Policy Effective", "Effective")),
        Spec("expiration_date", "date", ("Expiration Date", "Expiration", "Expires")),
    ),
    extra_labels=(
        "Policy Number",
        "Policy Period",
        "Mortgagee",
        "Loss Payee",
        "Agent",
        "Deductible",
        "Coverage B",
        "Coverage C",
        "Coverage D",
    ),
)
# The period's two dates may sit on the label's line or under `From` / `To`.
_POLICY_PERIOD = rx(
    r"(?:policy\s*(?:period|term)|coverage\s*period)\s*(?:from)?\s*:?([\s\S]{0,90})"
)
_BINDER = (
    ("insured_name", "person", rx(r"\bbinder\s+for\s+([A-Z][^,\n]{2,60}?)\s*,\s*\d")),
    (
        "property_address",
        "address",
        rx(r"\bbinder\s+for\s+[^,\n]{2,60},\s*(\d[^\n]{5,100}?\b\d{5}(?:-\d{4})?)"),
    ),
    ("effective_date", "date", rx(r"\beffective\s+(?:on\s+|from\s+)?" + DATE_GROUP)),
    (
        "expiration_date",
        "date",
        rx(
            r"\beffective\s+(?:on\s+|from\s+)?"
            + "(?:"
            + DATE_ANY
            + ")"
            + r"\s+(?:through|to|until|-)\s+"
            + DATE_GROUP
        ),
    ),
    ("coverage_amount", "money", rx(r"\bdwelling\s+coverage\s+(?:is|of|:)\s*" + MONEY_GROUP)),
    ("annual_premium", "money", rx(r"\bannual\s+premium\s+(?:is|of|:)\s*" + MONEY_GROUP)),
)


def extract_hazard(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    for m in _POLICY_PERIOD.finditer(doc.text):
        dates = find_dates(m.group(1))
        if len(dates) >= 2:
            i = doc.line_index(m.start())
            set_field(out, "effective_date", doc.field(dates[0][2], i))
            set_field(out, "expiration_date", doc.field(dates[1][2], i))
            break
    read_sentences(doc, _BINDER, out)
    _HAZARD.read(doc, out)


# -- flood determination -------------------------------------------------------

_FLOOD = Reader(
    (
        Spec(
            "property_address",
            "address",
            (
                "Property Address",
                "Building/Mobile Home Property Address",
                "Address",
                "Property",
                "Collateral Address",
                "Collateral (Building/Mobile Home/Property) Information",
                "Collateral Information",
            ),
        ),
        Spec(
            "determination_date",
            "date",
            (
                "Date of Determination",
                "Determination Date",
                "Date Determined",
                "Determination Made On",
            ),
        ),
    ),
    extra_labels=(
        "Flood Zone",
        "NFIP Community",
        "Community Number",
        "Map Number",
        "Panel",
        "Lender",
        "Loan Number",
        "Borrower",
    ),
)
_ZONE = rx(
    r"(?:flood\s*zone|\bzone)\s*(?:designation|determination)?\s*[:#]?\s*"
    r"(?:is\s*)?\b((?:A99|AE|AH|AO|AR|A\d{1,2}|A|VE|V\d{1,2}|V|X500|X|B|C|D)\b"
    r"(?:\s*\((?:shaded|unshaded)\))?)"
)


def extract_flood(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    # Newlines become spaces (same offsets) so a zone under its label is found.
    m = _ZONE.search(doc.text.replace("\n", " "))
    if m:
        zone = re.sub(r"\s+", " ", m.group(1))
        out["flood_zone"] = doc.field(zone[:1].upper() + zone[1:], doc.line_index(m.start(1)))
    _FLOOD.read(doc, out)
