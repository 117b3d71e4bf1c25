"""Closing documents: Note, security instrument, notice of right to cancel
(the Closing Disclosure is read in `disclosures`; the title commitment,
hazard insurance and flood determination in `closing_policies`).

Notes and security instruments are prose: besides labels, their values are
read from the uniform-instrument sentences ("U.S. $400,000.00 (this amount is
called "Principal")"), which may wrap across lines.
"""

from __future__ import annotations

import re
from datetime import date

from rapidfuzz.distance import Levenshtein

from flightline.pipeline.extractors.base import (
    DATE_GROUP,
    MONEY_GROUP,
    DocText,
    Spec,
    as_date,
    first_person,
    read_sentences,
    rx,
    set_field,
)
from flightline.pipeline.extractors.closing_policies import (
    extract_flood,
    extract_hazard,
    extract_title,
)
from flightline.pipeline.extractors.disclosures import extract_closing_disclosure
from flightline.pipeline.extractors.names import clean_address, clean_person
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.extractors.terms import reconcile_terms, words_prevail
from flightline.pipeline.model import FieldValue, LogicalDocument

__all__ = [
    "extract_closing_disclosure",
    "extract_flood",
    "extract_hazard",
    "extract_note",
    "extract_rtc",
    "extract_security_instrument",
    "extract_title",
]

_NOTE = Reader(
    (
        Spec("note_date", "date", ("Note Date", "Date of Note", "Dated", "Date")),
        Spec(
            "principal_amount",
            "money",
            (
                "Principal Amount",
                "Original Principal Amount",
                "Principal",
                "Loan Amount",
                "Amount of Loan",
            ),
            exclude=r"principal\s*(?:and|&)\s*interest|principal\s*balance",
        ),
        Spec(
            "interest_rate",
            "percent",
            ("Interest Rate", "Note Rate", "Annual Interest Rate", "Rate"),
        ),
        Spec(
            "monthly_pi",
            "money",
            (
                "Monthly Payment",
                "Monthly Principal and Interest",
                "Principal and Interest Payment",
                "Monthly P&I",
                "Payment Amount",
                "Principal & Interest",
            ),
            # the late-charge clause's `amount of any monthly payment by the end of 10 ...`
            exclude=r"any\s*monthly\s*payment",
        ),
        Spec("loan_term_months", "months", ("Loan Term", "Term")),
        Spec("first_payment_date", "date", ("First Payment Date", "First Payment Due")),
        Spec("maturity_date", "date", ("Maturity Date",)),
        Spec(
            "property_address",
            "address",
            ("Property Address", "Property"),
            exclude=r"[\[{(|]property address[\]})|]",
        ),
        Spec("lender", "name", ("Lender", "Lender Name")),
        Spec(
            "borrower_name",
            "person",
            ("Borrower Name", "Borrower(s)", "Borrower"),
            exclude=r"borrower'?s\s|[-\u2013\u2014]\s*borrower|\(seal\)",
        ),
        Spec("co_borrower_name", "person", ("Co-Borrower Name", "Co-Borrower")),
    ),
    extra_labels=("City", "State", "Loan Number", "Loan No", "MIN"),
)
_NOTE_SENTENCES = (
    (
        "principal_amount",
        "money",
        rx(r"U\.?\s*S\.?\s*" + MONEY_GROUP + r"\s*\)?\s*\(?this\s+amount\s+is\s+called"),
    ),
    (
        "principal_amount",
        "money",
        rx(r"amount\s+of\s+(?:U\.?\s*S\.?\s*)?" + MONEY_GROUP + r"[\s\S]{0,40}?principal"),
    ),
    # (`7.875@`: a scan's percent sign read as an at sign)
    # (`yearly rate of*  7.125%`: a speck after the sentence's words)
    (
        "interest_rate",
        "percent",
        rx(r"yearly\s+rate\s+of[*\"'.,\u2019]?\s+(\d{1,2}(?:\.\d+)?)\s*[%@]"),
    ),
    (
        "monthly_pi",
        "money",
        rx(
            # words OCR may misspell by a letter or mark (`paymeng`, `wilk`, `wil}`)
            # (`be ia the`: the n of `in` misread)
            r"monthly\s+pa\S{4,6}\s+\S{3,4}\s+be\s+[il1]\S\s+the\s+am\S{3,5}\s+of\s+"
            # (`UTS.`: the point after the U misread; `U.`: the S lost)
            r"(?:U\S?\.?\s*(?:S\.?)?\s*)?" + MONEY_GROUP
        ),
    ),
    # the header's `PAYMENT: 2,454.88`, a payment printed with its cents
    ("monthly_pi", "money", rx(r"(?<!\w)PAYMENT:\s*\$?\s*(\d{1,3}(?:,\d{3})*\.\d\d)(?![\d,])")),
    # (`360@months`, `beginnitfhg on`, `Jf, on ... I still Swe`: specks and
    # misread letters inside the sentence's words)
    (
        "loan_term_months",
        "months",
        # (`every mdnth for 360 ~months`: a letter misread, a speck before the word;
        # `a payment, every`: a speck read as a comma)
        rx(r"payment[,.]?\s+every\s+m\S{2}th\s+for\s+(\d{2,3})[^\w\s]?\s*[^\w\s]?months"),
    ),
    ("first_payment_date", "date", rx(r"begin\S{3,6}\s+on\s+" + DATE_GROUP)),
    # `If, gon 01-OCT-2056`: a speck glued to a word
    (
        "maturity_date",
        "date",
        rx(r"[IJl1]f,?\s+\S?on\s+" + DATE_GROUP + r",?\s+I\s+still\s+\S{3}\b"),
    ),
    (
        "maturity_date",
        "date",
        rx(r"called\s+the\s+[\"\u201c]?Maturity\s+Date[\"\u201d]?[\s\S]{0,5}?" + DATE_GROUP),
    ),
    # The sentence naming the lender ends where "I will make ..." begins; a
    # name may itself end in a period (N.A.).
    ("lender", "name", rx(r"The\s+Lender\s+is\s+([A-Z][\s\S]{2,80}?)\.\s+I\s+will\b")),
    ("lender", "name", rx(r"The\s+Lender\s+is\s+([A-Z][^.]{2,80}?)\s*\.")),
    # (a scan's brackets read as braces, parentheses or bars: `[Property Address}`)
    ("note_date", "date", rx(DATE_GROUP + r"[^\n]{0,80}\n?\s*[\[{(|]Date[\]})|]")),
    # A uniform Note opens with its date (and city, state) under the title.
    ("note_date", "date", rx(r"\A(?:[^\n]*\n){0,2}?" + DATE_GROUP + r"\s*(?:[:,]|\s+[A-Z])")),
    (
        "property_address",
        "address",
        rx(r"\n([^\n]{5,120})\n\s*[\[{(|]Property\s+Address[\]})|]"),
    ),
)
# A signature line: `Maria L Garcia - Borrower`, `MARIA GARCIA (Borrower) (Seal)`.
_SIGNER = re.compile(
    r"^(?:_+\s*)?(?:\(seal\)\s*)?([A-Za-z][A-Za-z.,'\u2019 -]{2,60}?)\s*(?:[-\u2013\u2014,]\s*)?"
    # (a letter of the caption misread as a mark or an accented one: `Borrow€r`, `Borrowér`)
    r"\(?(?:co-?)?borrow(?:e|[^\w\s]|[\u00e8-\u00eb])r\)?\s*(?:\(seal\))?\s*$",
    re.IGNORECASE,
)


_NOT_SIGNER = re.compile(
    r"promise|agree|right|failure|waiver|obligation|notice|payment|signature|note|rate|"
    r"multistate|family|instrument",
    re.IGNORECASE,
)


def _signers(doc: DocText, out: dict[str, FieldValue]) -> None:
    names: list[tuple[str, int]] = []
    for i, line in enumerate(doc.lines):
        m = _SIGNER.match(line.text)
        if not m:
            continue
        name = clean_person(m.group(1))
        if name and not _NOT_SIGNER.search(name) and name not in [n for n, _ in names]:
            names.append((name, i))
    if names:
        set_field(out, "borrower_name", doc.field(names[0][0], names[0][1]))
    if len(names) > 1:
        set_field(out, "co_borrower_name", doc.field(names[1][0], names[1][1]))


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


# A whole street address in a cell of its own: number, street, city, state, ZIP.
_ADDRESS_CELL = re.compile(
    r"(?:^|\s{2})(\d{1,6}[A-Za-z]?\s[^,\s](?:(?!\s\s)[^,]){1,60},\s*[^,\d]{2,40},?\s+[A-Z]{2}\s+\d{5}"
    r"(?:-\d{4})?)\s*$"
)


def _lone_address(doc: DocText) -> FieldValue | None:
    """A scanned note whose `Property` caption OCR lost (`360    6105 Greene
    Lane, ...` under `Term (months)` alone): a note prints one street address,
    the property's, so its one address is that; two leave it unread."""
    found = {
        (clean_address(m.group(1)), i)
        for i, line in enumerate(doc.lines)
        if (m := _ADDRESS_CELL.search(line.text))
    }
    if len({a for a, _ in found}) != 1:
        return None
    address, i = min(found, key=lambda f: f[1])
    return doc.field(address, i)


def extract_note(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    read_sentences(doc, _NOTE_SENTENCES, out)
    _NOTE.read(doc, out)
    if doc.ocr and "property_address" not in out and (lone := _lone_address(doc)):
        out["property_address"] = lone
    first_person(out, "borrower_name", "co_borrower_name")
    _signers(doc, out)
    first = as_date(out["first_payment_date"].value) if "first_payment_date" in out else None
    last = as_date(out["maturity_date"].value) if "maturity_date" in out else None
    if "loan_term_months" not in out and first and last and last > first:
        # The term is the count of monthly payments from the first to maturity.
        out["loan_term_months"] = FieldValue(
            _months_between(first, last), out["maturity_date"].evidence
        )
    words_prevail(doc, out, "principal_amount")
    reconcile_terms(doc, out, "principal_amount")


# -- security instrument -----------------------------------------------------

_SI = Reader(
    (
        Spec("instrument_date", "date", ("Date of Security Instrument", "Dated", "Date")),
        Spec(
            "borrower_name",
            "person",
            ("Borrower(s)", "Borrower", "Trustor", "Mortgagor", "Grantor"),
            exclude=r"borrower'?s\s|[-\u2013\u2014]\s*borrower|\(seal\)",
        ),
        Spec("lender", "name", ("Lender", "Beneficiary", "Mortgagee")),
        Spec("loan_amount", "money", ("Loan Amount", "Principal Amount", "Principal", "Amount")),
        Spec(
            "property_address", "address", ("Property Address", "Property", "Address of Property")
        ),
    ),
    extra_labels=("Trustee", "MIN", "Loan Number", "County", "Parcel"),
)
_SI_SENTENCES = (
    (
        "instrument_date",
        "date",
        rx(
            r"(?:Security\s+Instrument|document|Mortgage|Deed\s+of\s+Trust)"
            r"[\"\u201d]?\s+means\s+this\s+document[\s\S]{0,40}?dated\s+" + DATE_GROUP
        ),
    ),
    ("instrument_date", "date", rx(r"is\s+(?:made|dated)\s+(?:on\s+|this\s+)?" + DATE_GROUP)),
    # The defined term's sentence ends where the next one restates the term.
    (
        "borrower_name",
        "name",
        rx(r"[\"\u201c]Borrower[\"\u201d]\s+is\s+([A-Z][\s\S]{2,120}?)\.?\s+Borrower\s+is\b"),
    ),
    (
        "borrower_name",
        "name",
        rx(r"[\"\u201c]Borrower[\"\u201d]\s+is\s+([A-Z][^\n]{2,100}?)\.(?:\s|$)"),
    ),
    (
        "lender",
        "name",
        rx(r"[\"\u201c]Lender[\"\u201d]\s+is\s+([A-Z][\s\S]{2,120}?)\.?\s+Lender\s+is\b"),
    ),
    ("lender", "name", rx(r"[\"\u201c]Lender[\"\u201d]\s+is\s+([A-Z][^\n]{2,100}?)\.(?:\s|$)")),
    (
        "loan_amount",
        "money",
        rx(r"owes\s+Lender[\s\S]{0,200}?(?:U\.?\s*S\.?\s*\$?|\$)\s*(\d[\d,]*(?:\.\d\d)?)"),
    ),
    (
        "property_address",
        "address",
        rx(
            r"which\s+currently\s+has\s+the\s+address\s+of\s+"
            r"([\s\S]{5,140}?)\s*\(?[\"\u201c]Property\s+Address"
        ),
    ),
)


def extract_security_instrument(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    read_sentences(doc, _SI_SENTENCES, out)
    _SI.read(doc, out)
    first_person(out)
    signed: dict[str, FieldValue] = {}
    _signers(doc, signed)
    if "borrower_name" not in out:
        set_field(out, "borrower_name", signed.get("borrower_name"))
    elif doc.ocr and _read_apart(out["borrower_name"], signed.get("borrower_name")):
        # the instrument names its borrower twice, defining the term and
        # signing; a scan that reads them as two people misread one of them
        # (`fen A. Green` above `Juan A. Green - Borrower`), and which is unknown
        del out["borrower_name"]


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def _read_apart(named: FieldValue, signed: FieldValue | None) -> bool:
    """Two readings of one person whose first or last names are more than a
    letter apart."""
    if signed is None or not isinstance(named.value, str) or not isinstance(signed.value, str):
        return False
    a = [w for w in re.findall(r"[a-z]+", named.value.lower()) if w not in _SUFFIXES]
    b = [w for w in re.findall(r"[a-z]+", signed.value.lower()) if w not in _SUFFIXES]
    if len(a) < 2 or len(b) < 2:
        return False
    return any(Levenshtein.distance(x, y) > 1 for x, y in ((a[0], b[0]), (a[-1], b[-1])))


# -- notice of right to cancel -------------------------------------------------

_RTC = Reader(
    (
        Spec(
            "borrower_name",
            "person",
            (
                "Borrower(s)",
                "Borrower Name",
                "Borrower",
                "Consumer(s)",
                "Consumer",
                "Name(s)",
                "Name",
            ),
        ),
        Spec(
            "transaction_date",
            "date",
            (
                "Date of Transaction",
                "Transaction Date",
                "Date of Consummation",
                "Consummation Date",
            ),
        ),
        Spec(
            "rescission_deadline_date",
            "date",
            (
                "Rescission Deadline",
                "Cancellation Deadline",
                "Last Day to Cancel",
                "Deadline",
                "Cancel By",
            ),
        ),
        Spec(
            "property_address", "address", ("Property Address", "Property", "Address of Property")
        ),
    ),
    extra_labels=("Loan Number", "Lender", "Creditor"),
)
_RTC_SENTENCES = (
    (
        "transaction_date",
        "date",
        rx(
            r"(?:entered\s+into\s+(?:a|this)\s+transaction|transaction)"
            r"\s+on\s+" + DATE_GROUP
        ),
    ),
    (
        "transaction_date",
        "date",
        rx(r"date\s+of\s+(?:the\s+)?transaction,?\s+which\s+is\s+" + DATE_GROUP),
    ),
    ("rescission_deadline_date", "date", rx(r"midnight\s+of\s+(?:[A-Za-z]+,?\s+)?" + DATE_GROUP)),
    (
        "property_address",
        "address",
        rx(
            r"(?:security\s+interest\s+)?(?:on|in)\s+your\s+home"
            r"\s+(?:located\s+)?at\s+([^\n]{5,120}?)(?:\.\s|\.$|\n)"
        ),
    ),
)


def extract_rtc(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _RTC.read(doc, out)
    read_sentences(doc, _RTC_SENTENCES, out)
    first_person(out)
