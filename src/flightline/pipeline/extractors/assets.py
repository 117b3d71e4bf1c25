"""Asset documents: bank statements (with deposits), gift letters, letters of
explanation."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from flightline.pipeline.extractors.base import (
    DATE_GROUP,
    DocText,
    Reader,
    Spec,
    as_date,
    label_regex,
    read_sentences,
    rx,
    set_field,
)
from flightline.pipeline.extractors.enums import canon_account_type
from flightline.pipeline.extractors.names import clean_name
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import find_dates, normalize_spaces

_BANK = Reader(
    (
        Spec(
            "holder_name",
            "person",
            (
                "Account Holder",
                "Account Holders",
                "Account Name",
                "Account Owner",
                "Customer Name",
                "Prepared For",
                "Primary Account Holder",
                "Statement For",
                "Owner",
                "Name",
            ),
            exclude=r"bank\s*name|institution",
        ),
        Spec(
            "institution",
            "name",
            ("Financial Institution", "Institution", "Bank Name"),
            exclude=r"member\s*fdic|bank\s*statement",
        ),
        Spec(
            "account_last4",
            "acct4",
            (
                "Account Number",
                "Account No",
                "Account #",
                "Acct Number",
                "Acct No",
                "Acct #",
                "Account ending in",
                "Account",
                "Acct",
            ),
            exclude=r"account\s*(?:type|holder|name|summary|owner)\b(?!.*(?:number|no\b|#))",
        ),
        Spec(
            "opening_balance",
            "money",
            (
                "Beginning Balance",
                "Opening Balance",
                "Previous Balance",
                "Starting Balance",
                "Balance Forward",
                "Beginning Statement Balance",
                "Balance Last Statement",
            ),
            signed=True,
        ),
        Spec(
            "closing_balance",
            "money",
            (
                "Ending Balance",
                "Closing Balance",
                "New Balance",
                "Ending Statement Balance",
                "Balance This Statement",
                "Statement Ending Balance",
            ),
            signed=True,
        ),
    ),
    extra_labels=(
        "Statement Period",
        "Account Type",
        "Statement Date",
        "Page",
        "Deposits",
        "Withdrawals",
        "Total",
    ),
)
_PERIOD = label_regex(
    (
        "Statement Period",
        "Period",
        "For the period",
        "Statement Dates",
        "Period Covered",
        "Statement Cycle",
        "Activity for",
        "From",
    )
)
_ACCOUNT_TYPE = label_regex(("Account Type", "Type of Account", "Product"))
_BANK_WORDS = re.compile(
    r"\b(?:bank|credit\s*union|savings|financial|trust|bancorp|federal|n\.a\.|bancshares|"
    r"banking|fcu)\b",
    re.IGNORECASE,
)
_STREET = re.compile(r"^\d+\s+[A-Za-z0-9]")
_CSZ = re.compile(r"\b[A-Z]{2}\s*,?\s*\d{5}(?:-\d{4})?\b")
# One or more people (joint holders are joined with `and`, `&` or `;`).
_PERSON = re.compile(r"^[A-Z][A-Za-z.'\u2019-]+(?:[;,]?\s+(?:[A-Z][A-Za-z.'\u2019-]*|&|and)){1,9}$")

_MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
_TX_DATE = re.compile(
    r"^(?:(?P<m>\d{1,2})[/-](?P<d>\d{1,2})(?:[/-](?P<y>\d{4}|\d{2}))?"
    r"|(?P<y2>\d{4})-(?P<m2>\d{2})-(?P<d2>\d{2})"
    r"|(?P<mn>" + _MONTHS + r")[a-z]*\.?\s+(?P<d3>\d{1,2})(?:,?\s+(?P<y3>\d{4}))?"
    r"|(?P<d4>\d{1,2})[\s-](?P<mn4>" + _MONTHS + r")[a-z]*(?:[\s-](?P<y4>\d{4}))?)"
    r"(?![\d/])",
    re.IGNORECASE,
)
_MONTH_NUM = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DEPOSIT_SECTION = re.compile(
    r"^(?:deposits?|credits?|additions|electronic\s*deposits|other\s*credits)"
    r"(?:\s*(?:and|&|/)\s*(?:other\s*)?(?:additions|credits|deposits))?\b",
    re.IGNORECASE,
)
_DEBIT_SECTION = re.compile(
    r"^(?:withdrawals?|debits?|checks?(?:\s*paid)?|subtractions|electronic\s*withdrawals|"
    r"fees|card\s*(?:purchases|transactions)|atm|other\s*debits|payments|service\s*charges)\b"
    r"(?:\s*(?:and|&|/)\s*\w+(?:\s+\w+)?)?\s*(?:\(?continued\)?)?$",
    re.IGNORECASE,
)
_MIXED_SECTION = re.compile(
    r"^(?:transaction\s*(?:history|detail|details|activity)|account\s*activity|"
    r"transactions|activity|date\s+description)\b",
    re.IGNORECASE,
)
_END_SECTION = re.compile(r"^(?:daily\s*(?:ending\s*)?balance|balance\s*summary)", re.IGNORECASE)
_TOTAL = re.compile(r"^total\b|^\W*(?:sub)?total", re.IGNORECASE)
_CREDIT_WORDS = re.compile(
    r"deposit|payroll|dir\s*dep|direct\s*dep|salary|credit|refund|transfer\s*from|"
    r"xfer\s*from|from\s+(?:sav|chk)|zelle\s*from|interest\s*(?:paid|earned)|reversal|"
    r"mobile\s*dep|ach\s*credit|incoming\s*wire|wire\s*in|cash\s*dep|gift",
    re.IGNORECASE,
)
# Credits whose wording also reads like a debit (`INTEREST PAYMENT`).
_SURE_CREDIT = re.compile(
    r"interest\s*(?:paid|earned|payment|credit)|dividend|payroll|direct\s*dep", re.IGNORECASE
)
_DEBIT_WORDS = re.compile(
    r"withdraw|purchase|\bpos\b|debit|\bcheck\b|\bchk\s*#|payment|\bpmt\b|\bfee\b|"
    r"transfer\s*to|xfer\s*to|zelle\s*to|\batm\b|bill\s*pay|autopay|outgoing|wire\s*out",
    re.IGNORECASE,
)


def _tx_date(m: re.Match[str], start: date | None, end: date | None) -> date | None:
    g = m.groupdict()
    try:
        if g["y2"]:
            return date(int(g["y2"]), int(g["m2"]), int(g["d2"]))
        if g["m"]:
            month, day, year_text = int(g["m"]), int(g["d"]), g["y"]
        elif g["mn"]:
            month, day, year_text = _MONTH_NUM[g["mn"][:3].lower()], int(g["d3"]), g["y3"]
        else:
            month, day, year_text = _MONTH_NUM[g["mn4"][:3].lower()], int(g["d4"]), g["y4"]
        if year_text:
            year = int(year_text)
            if year < 100:
                year += 2000
            return date(year, month, day)
        # A statement prints MM/DD: the year is the one of the period that
        # contains that month.
        if end is None:
            return None
        year = end.year
        if start is not None and start.year != end.year and month > end.month:
            year = start.year
        return date(year, month, day)
    except (ValueError, KeyError):
        return None


def _period(doc: DocText, out: dict[str, FieldValue]) -> None:
    for i, m in doc.find_lines(_PERIOD):
        line = doc.lines[i]
        rest = line.text[m.end() - line.start :][:90]
        dates = find_dates(rest)
        if len(dates) < 2:
            j = doc.next_line(i)
            if j is not None and len(dates) == 0:
                dates = find_dates(doc.lines[j].text)
                i = j
        if len(dates) >= 2 and dates[0][2] < dates[1][2]:
            set_field(out, "period_start_date", doc.field(dates[0][2], i))
            set_field(out, "period_end_date", doc.field(dates[1][2], i))
            return
    # "January 1, 2026 through January 31, 2026" anywhere near the top.
    for i, line in enumerate(doc.lines[:25]):
        if re.search(r"\b(?:through|thru|to)\b|\s[-\u2013]\s", line.text, re.IGNORECASE):
            dates = find_dates(line.text)
            if len(dates) == 2 and 20 <= (dates[1][2] - dates[0][2]).days <= 100:
                set_field(out, "period_start_date", doc.field(dates[0][2], i))
                set_field(out, "period_end_date", doc.field(dates[1][2], i))
                return


def _institution(doc: DocText) -> FieldValue | None:
    for i, line in enumerate(doc.lines[:6]):
        text = re.sub(
            r"\s*(?:member\s*fdic|equal\s*housing\s*lender).*$", "", line.text, flags=re.I
        )
        if ":" in text or re.search(r"\d", text) or len(text) > 60:
            continue
        if _BANK_WORDS.search(text) and not re.search(r"statement", text, re.IGNORECASE):
            name = clean_name(text)
            if name:
                return doc.field(name, i)
    return None


def _holder(doc: DocText) -> FieldValue | None:
    """The mailing block: a name over a street line over a city/state/ZIP line."""
    for i, line in enumerate(doc.lines[:20]):
        if i + 2 >= len(doc.lines):
            break
        street, csz = doc.lines[i + 1].text, doc.lines[i + 2].text
        one_line = _STREET.match(street) and _CSZ.search(street)
        if (one_line or (_STREET.match(street) and _CSZ.search(csz))) and _PERSON.match(line.text):
            if _BANK_WORDS.search(line.text):
                continue
            name = clean_name(line.text)
            if name:
                return doc.field(name, i)
    return None


def _account_type(doc: DocText) -> FieldValue | None:
    for i, m in doc.find_lines(_ACCOUNT_TYPE):
        line = doc.lines[i]
        value = canon_account_type(line.text[m.end() - line.start :][:40])
        if value:
            return doc.field(value, i)
    for i, line in enumerate(doc.lines[:20]):
        if re.search(
            r"statement|account|summary|[.Xx*#]{2,16}\s?\d{4}\b", line.text, re.IGNORECASE
        ):
            value = canon_account_type(line.text)
            if value in ("checking", "savings", "money_market"):
                return doc.field(value, i)
    return None


def _deposits(doc: DocText, out: dict[str, FieldValue]) -> list[dict[str, FieldValue]]:
    start = as_date(out["period_start_date"].value) if "period_start_date" in out else None
    end = as_date(out["period_end_date"].value) if "period_end_date" in out else None
    balance: Decimal | None = None
    if "opening_balance" in out and isinstance(out["opening_balance"].value, Decimal):
        balance = out["opening_balance"].value
    mode = "mixed"
    rows: list[dict[str, FieldValue]] = []
    for i, line in enumerate(doc.lines):
        text = line.text
        m = _TX_DATE.match(text)
        if not m:
            if _DEPOSIT_SECTION.match(text) and not money_tokens(text):
                mode = "deposits"
            elif _DEBIT_SECTION.match(text) and not money_tokens(text):
                mode = "debits"
            elif _MIXED_SECTION.match(text) and not (
                mode in ("deposits", "debits") and re.match(r"^\W*date\b", text, re.IGNORECASE)
            ):
                # A column header under a section title keeps the section.
                mode = "mixed"
            elif _END_SECTION.match(text):
                mode = "none"
            continue
        if mode == "none":
            continue
        rest = text[m.end() :]
        amounts = money_tokens(rest, boxes=False)
        # Statement amounts carry cents; bare numbers are references (ID:71299).
        with_cents = [a for a in amounts if re.search(r"\.\d\d$", rest[a[0] : a[1]].rstrip(") -"))]
        amounts = with_cents or amounts
        if not amounts:
            continue
        description = normalize_spaces(rest[: amounts[0][0]]).strip(" -|")
        if (
            not description
            or _TOTAL.match(description)
            or re.match(
                r"(?:beginning|opening|ending|closing)\s*balance", description, re.IGNORECASE
            )
        ):
            continue
        when = _tx_date(m, start, end)
        amount = amounts[0][2]
        deposit = _is_deposit(mode, amount, amounts, balance, description)
        if len(amounts) >= 2:
            balance = amounts[-1][2]
        elif balance is not None and deposit is not None:
            balance = balance + abs(amount) if deposit else balance - abs(amount)
        if not deposit or when is None:
            continue
        rows.append(
            {
                "date": doc.field(when, i),
                "amount": doc.field(abs(amount), i),
                "description": doc.field(description, i),
            }
        )
    return rows


def _is_deposit(
    mode: str,
    amount: Decimal,
    amounts: list[tuple[int, int, Decimal]],
    balance: Decimal | None,
    description: str,
) -> bool | None:
    if mode == "deposits":
        return True
    if mode == "debits":
        return False
    if amount < 0:
        return False
    if len(amounts) >= 2 and balance is not None:
        after = amounts[-1][2]
        if balance + amount == after:
            return True
        if balance - amount == after:
            return False
        if len(amounts) >= 3:
            # Withdrawal and deposit columns both filled: rare; read the credit.
            credit = amounts[-2][2]
            if balance + credit - amount == after:
                return False
    if _SURE_CREDIT.search(description):
        return True
    if _CREDIT_WORDS.search(description) and not _DEBIT_WORDS.search(description):
        return True
    if _DEBIT_WORDS.search(description):
        return False
    return None


def extract_bank_statement(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _period(doc, out)
    _BANK.read(doc, out)
    set_field(out, "institution", _institution(doc))
    set_field(out, "holder_name", _holder(doc))
    set_field(out, "account_type", _account_type(doc))
    deposits = _deposits(doc, out)
    if deposits:
        ld.rows["deposits"] = deposits


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
    ("gift_amount", "money", rx(r"\btransferred\s+(\$?\s*[\d,]+(?:\.\d\d)?)\s+as\s+a\s+gift")),
    (
        "gift_date",
        "date",
        rx(r"\bon\s+" + DATE_GROUP + r",?\s+I(?:/we)?\s+(?:transferred|gave|wired)"),
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


def extract_loe(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _LOE.read(doc, out)
    set_field(out, "letter_date", _dated_line(doc))
    if "borrower_name" not in out:
        for i, line in enumerate(doc.lines):
            if _SIGNOFF.match(line.text):
                j = doc.next_line(i)
                if j is not None:
                    name = clean_name(doc.lines[j].text)
                    if name and _PERSON.match(name):
                        out["borrower_name"] = doc.field(name, j)
                break
    # The amount and date explained: first in the subject, else in the body.
    letter = out["letter_date"].value if "letter_date" in out else None
    start = 0
    if "subject" in out:
        subject_page = out["subject"].evidence.page
        start = next(
            (
                i
                for i, ln in enumerate(doc.lines)
                if ln.page == subject_page and ln.text[:40] in out["subject"].evidence.text
            ),
            0,
        )
    for i in range(start, len(doc.lines)):
        text = doc.lines[i].text
        if _SIGNOFF.match(text):
            break
        if "explained_amount" not in out:
            found = money_tokens(text)
            amounts = [v for s, e, v in found if "$" in text[max(0, s - 2) : e] or "." in text[s:e]]
            if amounts:
                out["explained_amount"] = doc.field(abs(amounts[0]), i)
        if "explained_date" not in out:
            for _, _, d in find_dates(text):
                if d != letter:
                    out["explained_date"] = doc.field(d, i)
                    break
