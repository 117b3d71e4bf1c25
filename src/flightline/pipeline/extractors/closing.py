"""Closing documents: Note, security instrument, title commitment, hazard
insurance, flood determination, notice of right to cancel.

Notes and security instruments are prose: besides labels, their values are
read from the uniform-instrument sentences ("U.S. $400,000.00 (this amount is
called "Principal")"), which may wrap across lines.
"""

from __future__ import annotations

import re
from datetime import date

from flightline.pipeline.extractors.base import (
    DocText,
    Reader,
    Spec,
    as_date,
    clean_address,
    clean_name,
    set_field,
)
from flightline.pipeline.model import FieldValue, LogicalDocument, Value
from flightline.pipeline.normalize import (
    DATE_ANY,
    find_dates,
    normalize_date,
    normalize_money,
    normalize_percent,
)

_MONEY = r"\$\s*([\d,]+(?:\.\d{2})?)"
_S = r"[\s\S]{0,12}?"


def _sentence(
    doc: DocText, pattern: re.Pattern[str], out: dict[str, FieldValue], name: str, parse: str
) -> None:
    """A value from a sentence of the form (which may run over several lines)."""
    if name in out:
        return
    for m in pattern.finditer(doc.text):
        raw = m.group(1)
        value: Value | None
        if parse == "money":
            value = normalize_money(raw)
        elif parse == "percent":
            value = normalize_percent(raw, bare=False) or normalize_percent(raw + "%")
        elif parse == "date":
            value = normalize_date(raw)
        elif parse == "address":
            value = clean_address(" ".join(raw.split()))
        else:
            value = clean_name(" ".join(raw.split()))
        if value is None or value == "":
            continue
        out[name] = doc.field(value, doc.line_index(m.start(1)))
        return


def _re(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_DATE_GROUP = "(" + DATE_ANY + ")"

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
        Spec("interest_rate", "percent", ("Interest Rate", "Note Rate", "Annual Interest Rate")),
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
        ),
        Spec("loan_term_months", "months", ("Loan Term", "Term")),
        Spec("first_payment_date", "date", ("First Payment Date", "First Payment Due")),
        Spec("maturity_date", "date", ("Maturity Date",)),
        Spec(
            "property_address",
            "address",
            ("Property Address", "Property"),
            exclude=r"\[property address\]",
        ),
        Spec("lender", "name", ("Lender", "Lender Name")),
        Spec(
            "borrower_name",
            "name",
            ("Borrower Name", "Borrower(s)", "Borrower"),
            exclude=r"borrower'?s\s|[-\u2013\u2014]\s*borrower|\(seal\)",
        ),
        Spec("co_borrower_name", "name", ("Co-Borrower Name", "Co-Borrower")),
    ),
    extra_labels=("City", "State", "Loan Number", "Loan No", "MIN"),
)
_NOTE_SENTENCES = (
    (
        "principal_amount",
        "money",
        _re(r"U\.?\s*S\.?\s*" + _MONEY + r"\s*\(this\s+amount\s+is\s+called"),
    ),
    (
        "principal_amount",
        "money",
        _re(r"amount\s+of\s+(?:U\.?\s*S\.?\s*)?" + _MONEY + r"[\s\S]{0,40}?principal"),
    ),
    ("interest_rate", "percent", _re(r"yearly\s+rate\s+of\s+(\d{1,2}(?:\.\d+)?)\s*%")),
    (
        "monthly_pi",
        "money",
        _re(
            r"monthly\s+payment\s+will\s+be\s+in\s+the\s+amount\s+of\s+(?:U\.?\s*S\.?\s*)?" + _MONEY
        ),
    ),
    ("first_payment_date", "date", _re(r"beginning\s+on\s+" + _DATE_GROUP)),
    ("maturity_date", "date", _re(r"If,?\s+on\s+" + _DATE_GROUP + r",?\s+I\s+still\s+owe")),
    (
        "maturity_date",
        "date",
        _re(r"called\s+the\s+[\"\u201c]?Maturity\s+Date[\"\u201d]?[\s\S]{0,5}?" + _DATE_GROUP),
    ),
    ("lender", "name", _re(r"The\s+Lender\s+is\s+([A-Z][^.]{2,80}?)\s*\.")),
    ("note_date", "date", _re(_DATE_GROUP + r"[^\n]{0,80}\n?\s*\[Date\]")),
    ("property_address", "address", _re(r"\n([^\n]{5,120})\n\s*\[Property\s+Address\]")),
)
_SIGNER = re.compile(
    r"^(?:_+\s*)?(?:\(?seal\)?\s*)?([A-Z][A-Za-z.'\u2019 -]{2,60}?)\s*(?:[-\u2013\u2014]\s*|,\s*)?"
    r"(?:co-?)?borrower\b",
    re.IGNORECASE,
)


_NOT_SIGNER = re.compile(
    r"promise|agree|right|failure|waiver|obligation|notice|payment|signature", re.IGNORECASE
)


def _signers(doc: DocText, out: dict[str, FieldValue]) -> None:
    names: list[tuple[str, int]] = []
    for i, line in enumerate(doc.lines):
        m = _SIGNER.match(line.text)
        if not m:
            continue
        name = clean_name(m.group(1))
        if (
            name
            and len(name.split()) >= 2
            and not _NOT_SIGNER.search(name)
            and name not in [n for n, _ in names]
        ):
            names.append((name, i))
    if names:
        set_field(out, "borrower_name", doc.field(names[0][0], names[0][1]))
    if len(names) > 1:
        set_field(out, "co_borrower_name", doc.field(names[1][0], names[1][1]))


def _months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month + 1


def extract_note(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    for name, parse, pattern in _NOTE_SENTENCES:
        _sentence(doc, pattern, out, name, parse)
    _NOTE.read(doc, out)
    _signers(doc, out)
    first = as_date(out["first_payment_date"].value) if "first_payment_date" in out else None
    last = as_date(out["maturity_date"].value) if "maturity_date" in out else None
    if "loan_term_months" not in out and first and last and last > first:
        # The term is the count of monthly payments from the first to maturity.
        out["loan_term_months"] = FieldValue(
            _months_between(first, last), out["maturity_date"].evidence
        )


# -- security instrument -----------------------------------------------------

_SI = Reader(
    (
        Spec("instrument_date", "date", ("Date of Security Instrument", "Dated", "Date")),
        Spec(
            "borrower_name",
            "name",
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
        _re(
            r"(?:Security\s+Instrument|document|Mortgage|Deed\s+of\s+Trust)"
            r"[\"\u201d]?\s+means\s+this\s+document[\s\S]{0,40}?dated\s+" + _DATE_GROUP
        ),
    ),
    ("instrument_date", "date", _re(r"is\s+(?:made|dated)\s+(?:on\s+|this\s+)?" + _DATE_GROUP)),
    # The defined term's sentence ends where the next one restates the term.
    (
        "borrower_name",
        "name",
        _re(r"[\"\u201c]Borrower[\"\u201d]\s+is\s+([A-Z][\s\S]{2,120}?)\.?\s+Borrower\s+is\b"),
    ),
    (
        "borrower_name",
        "name",
        _re(r"[\"\u201c]Borrower[\"\u201d]\s+is\s+([A-Z][^\n]{2,100}?)\.(?:\s|$)"),
    ),
    (
        "lender",
        "name",
        _re(r"[\"\u201c]Lender[\"\u201d]\s+is\s+([A-Z][\s\S]{2,120}?)\.?\s+Lender\s+is\b"),
    ),
    ("lender", "name", _re(r"[\"\u201c]Lender[\"\u201d]\s+is\s+([A-Z][^\n]{2,100}?)\.(?:\s|$)")),
    ("loan_amount", "money", _re(r"owes\s+Lender[\s\S]{0,160}?(?:U\.?\s*S\.?\s*)?" + _MONEY)),
    (
        "property_address",
        "address",
        _re(
            r"which\s+currently\s+has\s+the\s+address\s+of\s+"
            r"([\s\S]{5,140}?)\s*\(?[\"\u201c]Property\s+Address"
        ),
    ),
)


def extract_security_instrument(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    for name, parse, pattern in _SI_SENTENCES:
        _sentence(doc, pattern, out, name, parse)
    _SI.read(doc, out)
    if "borrower_name" not in out:
        tmp: dict[str, FieldValue] = {}
        _signers(doc, tmp)
        set_field(out, "borrower_name", tmp.get("borrower_name"))


# -- title commitment ---------------------------------------------------------

_TITLE = Reader(
    (
        Spec("effective_date", "date", ("Commitment Date", "Effective Date", "Effective")),
        Spec(
            "proposed_insured",
            "name",
            ("Proposed Insured", "Proposed Insured Lender", "Proposed Insured Owner"),
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
            ),
        ),
        Spec(
            "property_address",
            "address",
            ("Property Address", "Property", "Premises", "Address of Property"),
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
    extra_labels=("Commitment No", "Commitment Number", "File No", "Policy", "Schedule"),
)
_VESTED = _re(
    r"(?:vested\s+in|title\s+is\s+vested\s+in)\s*:?\s*([A-Z][^\n]{2,100}?)\s*(?:,\s*as\s|\.|\n|$)"
)


def extract_title(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _TITLE.read(doc, out)
    _sentence(doc, _VESTED, out, "vesting", "name")


# -- hazard insurance ----------------------------------------------------------

_HAZARD = Reader(
    (
        Spec(
            "insured_name",
            "name",
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
_POLICY_PERIOD = _re(r"policy\s*(?:period|term)\s*:?([^\n]{0,80})")


def extract_hazard(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    for m in _POLICY_PERIOD.finditer(doc.text):
        dates = find_dates(m.group(1))
        if len(dates) >= 2:
            i = doc.line_index(m.start())
            set_field(out, "effective_date", doc.field(dates[0][2], i))
            set_field(out, "expiration_date", doc.field(dates[1][2], i))
            break
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
_ZONE = _re(
    r"(?:flood\s*zone|\bzone)\s*(?:designation|determination)?\s*[:#]?\s*"
    r"(?:is\s*)?\b(A99|AE|AH|AO|AR|A\d{1,2}|A|VE|V\d{1,2}|V|X500|X|B|C|D)\b"
)


def extract_flood(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    # Newlines become spaces (same offsets) so a zone under its label is found.
    m = _ZONE.search(doc.text.replace("\n", " "))
    if m:
        out["flood_zone"] = doc.field(m.group(1).upper(), doc.line_index(m.start(1)))
    _FLOOD.read(doc, out)


# -- notice of right to cancel -------------------------------------------------

_RTC = Reader(
    (
        Spec(
            "borrower_name",
            "name",
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
        _re(
            r"(?:entered\s+into\s+(?:a|this)\s+transaction|transaction)"
            r"\s+on\s+" + _DATE_GROUP
        ),
    ),
    (
        "transaction_date",
        "date",
        _re(r"date\s+of\s+(?:the\s+)?transaction,?\s+which\s+is\s+" + _DATE_GROUP),
    ),
    ("rescission_deadline_date", "date", _re(r"midnight\s+of\s+(?:[A-Za-z]+,?\s+)?" + _DATE_GROUP)),
    (
        "property_address",
        "address",
        _re(
            r"(?:security\s+interest\s+)?(?:on|in)\s+your\s+home"
            r"\s+(?:located\s+)?at\s+([^\n]{5,120}?)(?:\.\s|\.$|\n)"
        ),
    ),
)


def extract_rtc(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _RTC.read(doc, out)
    for name, parse, pattern in _RTC_SENTENCES:
        _sentence(doc, pattern, out, name, parse)
