"""Asset documents: bank statements (with deposits; `bank`), gift letters,
letters of explanation."""

from __future__ import annotations

import re
from decimal import Decimal

from flightline.pipeline.extractors.bank import PERSON_LINE, extract_bank_statement
from flightline.pipeline.extractors.base import (
    DATE_GROUP,
    DocText,
    Spec,
    read_sentences,
    rx,
    set_field,
)
from flightline.pipeline.extractors.names import clean_name
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import find_dates

__all__ = ["extract_bank_statement", "extract_gift_letter", "extract_loe"]

# -- gift letter ---------------------------------------------------------------

_GIFT = Reader(
    (
        Spec(
            "donor_name",
            "person",
            (
                "Donor Name",
                "Donor's Name",
                "Name of Donor",
                "Donor",
                "Donor(s)",
                "Gift From",
                "From",
            ),
            exclude=r"donor\s*(?:address|phone|signature|relationship|'s\s*relationship)",
        ),
        Spec(
            "donor_relationship",
            "text",
            (
                "Relationship to Borrower",
                "Donor's Relationship to Borrower",
                "Relationship",
                "Donor Relationship",
                "Relation",
            ),
        ),
        Spec(
            "borrower_name",
            "person",
            (
                "Borrower Name",
                "Borrower's Name",
                "Borrower(s)",
                "Borrower",
                "Recipient",
                "Name of Borrower",
                "Gift To",
                "Recipient Name",
                "Applicant",
            ),
            exclude=r"relationship\s*to\s*borrower|borrower'?s?\s*signature",
        ),
        Spec(
            "gift_amount",
            "money",
            (
                "Gift Amount",
                "Amount of Gift",
                "Amount of the Gift",
                "Gift of",
                "the sum of",
                "a gift of",
                "Dollar Amount of Gift",
                "Amount",
            ),
        ),
        Spec(
            "gift_date",
            "date",
            (
                "Date of Gift",
                "Date of Transfer",
                "Date Funds Transferred",
                "Gift Date",
                "Transfer Date",
                "Date Transferred",
                "Date Given",
                "Date of Transfer of Funds",
                "transferred on",
                "given on",
            ),
        ),
        Spec(
            "property_address",
            "address",
            (
                "Property Address",
                "Subject Property Address",
                "Subject Property",
                "Property",
                "purchase of the property located at",
                "property located at",
            ),
        ),
        Spec(
            "letter_date",
            "date",
            ("Date",),
            exclude=r"gift|transfer|funds|date\s*of",
        ),
    ),
    extra_labels=(
        "Donor Address",
        "Donor Phone",
        "Phone",
        "Address",
        "Signature",
        "Donor Signature",
        "Borrower Signature",
    ),
)


def _dated_line(doc: DocText, limit: int = 6) -> FieldValue | None:
    for i, line in enumerate(doc.lines[:limit]):
        found = find_dates(line.text)
        if found and len(line.text) - (found[0][1] - found[0][0]) < 12:
            return doc.field(found[0][2], i)
    return None


_NAME = r"([A-Z][A-Za-z.'\u2019-]+(?:\s+[A-Z][A-Za-z.'\u2019-]*){1,4})"
_GIFT_SENTENCES = (
    (
        "donor_name",
        "person",
        rx(r"\bI(?:/We)?,?\s+" + _NAME + r",?\s+(?:do\s+)?(?:hereby|certify)"),
    ),
    ("donor_name", "person", rx(r"\bmy\s+name\s+is\s+" + _NAME + r"\s+and\b")),
    (
        "donor_relationship",
        "text",
        rx(r"\bI\s+am\s+(?:the|a|an)\s+([a-z]+(?:[ -](?:in-law|law))?)\s+of\b"),
    ),
    (
        "borrower_name",
        "person",
        rx(r"\bI\s+am\s+(?:the|a|an)\s+[a-z-]+(?:\s+[a-z-]+)?\s+of\s+" + _NAME + r"\s*[.,]"),
    ),
    ("borrower_name", "person", rx(r"\bgift\s+of\s+\$?\s*[\d,.]+\s+to\s+" + _NAME + r"\s*[.,]")),
    ("gift_amount", "money", rx(r"\bgift\s+of\s+(\$?\s*[\d,]+(?:\.\d\d)?)")),
    # (`36,000.00,s a gift`: a scan's `as` lost its a to a mark; `13000.00_as`:
    # a rule read as an underscore)
    (
        "gift_amount",
        "money",
        rx(r"\btransferred\s+(\$?\s*[\d,]+(?:\.\d\d)?)(?:\s+as|[\W_]?\s?a?s)\s+a\s+gift"),
    ),
    # (`On 09-Sep-2025 transferred`: the `I` lost)
    (
        "gift_date",
        "date",
        rx(r"\bon\s+" + DATE_GROUP + r",?\s+(?:I(?:/we)?\s+)?(?:transferred|gave|wired)"),
    ),
    ("gift_date", "date", rx(r"\b(?:transferred|given|wired)\s+on\s+" + DATE_GROUP)),
    (
        "property_address",
        "address",
        rx(r"(?:home|property|residence)\s+(?:located\s+)?at\s+([^\n]{5,100}?\b\d{5}(?:-\d{4})?)"),
    ),
)


def extract_gift_letter(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _GIFT.read(doc, out)
    read_sentences(doc, _GIFT_SENTENCES, out)
    set_field(out, "letter_date", _dated_line(doc))
    rel = out.get("donor_relationship")
    if rel is not None and isinstance(rel.value, str) and rel.value.islower():
        # Prose says "the grandfather of": the relationship as a word, capitalised.
        out["donor_relationship"] = FieldValue(rel.value.title(), rel.evidence)


# -- letter of explanation -----------------------------------------------------

_LOE = Reader(
    (
        Spec(
            "borrower_name",
            "person",
            ("Borrower Name", "Borrower(s)", "Borrower", "Applicant", "Name", "From"),
            exclude=r"borrower'?s?\s*signature|co-?borrower",
        ),
        Spec("letter_date", "date", ("Date",), exclude=r"date\s*of"),
        Spec("subject", "text", ("Re", "RE", "Subject", "Regarding", "Reason for Letter")),
    ),
    extra_labels=("Loan Number", "Loan No", "Property", "Address", "Signature"),
)
_SIGNOFF = re.compile(r"^(?:sincerely|regards|respectfully|thank you)\b", re.IGNORECASE)


# The printed name of a signature block, over or beside its `Date` caption.
_BESIDE_DATE = re.compile(r"\S\s{2,}date\s*$", re.IGNORECASE)


def _signer(doc: DocText, out: dict[str, FieldValue]) -> None:
    """Who signed, under the sign-off: the printed name beside the block's
    `Date` caption rather than the signature above it (a script hand OCR
    reads as other words), else the first line that reads as a name."""
    for i, line in enumerate(doc.lines):
        if not _SIGNOFF.match(line.text):
            continue
        found: list[tuple[int, str, bool]] = []
        j = doc.next_line(i)
        for _ in range(3):
            if j is None:
                break
            text = doc.lines[j].text
            name = clean_name(text)
            if name and PERSON_LINE.match(name):
                found.append((j, name, bool(_BESIDE_DATE.search(text))))
            j = doc.next_line(j)
        # on a text layer the signature line is the name as typed
        printed = ([f for f in found if f[2]] if doc.ocr else []) or found[:1]
        if printed:
            out["borrower_name"] = doc.field(printed[0][1], printed[0][0])
        return


_LETTER_GLUED_AMOUNT = re.compile(r"(?<![\w.$])[A-Za-z](\d{1,3}(?:,?\d{3})*\.\d\d)(?![\d.])")


# `the deposit of 5421 74 made on`: the cents' point read as a space, in
# prose where an amount is spoken of
_POINT_AS_SPACE = re.compile(r"(?<=\bof )(\d{1,3}(?:,?\d{3})*) (\d\d)(?= )")


def _misread_amount(text: str) -> Decimal | None:
    """An OCR'd letter's amount that reads as no amount: a figure read as a
    letter glued on (`THE g1508.16 DEPOSITED`: the figures left, a figure
    short, which matching the deposit allows for a scan's one-figure
    misread), or its point read as a space (`deposit of 5421 74`)."""
    glued = _LETTER_GLUED_AMOUNT.search(text)
    if glued:
        return Decimal(glued.group(1).replace(",", ""))
    spaced = _POINT_AS_SPACE.search(text)
    return Decimal(f"{spaced.group(1)}.{spaced.group(2)}".replace(",", "")) if spaced else None


_DATE_ONLY = re.compile(
    r"^\W*(?:\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|[A-Za-z]{3,9}\.? \d{1,2},? \d{4})\W*$"
)


def extract_loe(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _LOE.read(doc, out)
    set_field(out, "letter_date", _dated_line(doc))
    if "borrower_name" not in out:
        _signer(doc, out)
    # The amount and date explained: first in the subject, else in the body.
    letter = out["letter_date"].value if "letter_date" in out else None
    start = 0
    if "subject" in out:
        subject_page = out["subject"].evidence.page
        start = next(
            (
                i
                for i, ln in enumerate(doc.lines)
                # evidence keeps single spaces; an OCR'd line keeps column gaps
                if ln.page == subject_page
                and " ".join(ln.text.split())[:40] in out["subject"].evidence.text
            ),
            0,
        )
    signed_on: int | None = None
    for i in range(start, len(doc.lines)):
        text = doc.lines[i].text
        if signed_on is not None and doc.lines[i].page == signed_on:
            continue
        signed_on = None
        if _SIGNOFF.match(text):
            if "explained_amount" in out:
                break
            # a letter that explained no amount, and another letter on a
            # page after it (two letters read as one): read on there
            signed_on = doc.lines[i].page
            continue
        if "explained_amount" not in out:
            found = money_tokens(text)
            amounts = [v for s, e, v in found if "$" in text[max(0, s - 2) : e] or "." in text[s:e]]
            if not amounts and doc.ocr:
                misread = _misread_amount(text)
                amounts = [misread] if misread is not None else []
            if amounts:
                out["explained_amount"] = doc.field(abs(amounts[0]), i)
                # the date the sentence naming the amount gives is its date
                said = [d for _, _, d in find_dates(text) if d != letter]
                if said:
                    out["explained_date"] = doc.field(said[0], i)
        if "explained_date" not in out and not _DATE_ONLY.match(text):
            # (a line that is only a date heads a letter: `08/29/2026,`)
            for _, _, d in find_dates(text):
                if d != letter:
                    out["explained_date"] = doc.field(d, i)
                    break
