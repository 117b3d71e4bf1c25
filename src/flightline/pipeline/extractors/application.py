"""The application: URLA (Form 1003), its continuation sheet included."""

from __future__ import annotations

import re

from flightline.pipeline.extractors.base import (
    DocText,
    Spec,
    label_regex,
    set_field,
)
from flightline.pipeline.extractors.enums import canon_occupancy, canon_purpose, read_enum
from flightline.pipeline.extractors.names import clean_name
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.extractors.urla_accounts import asset_rows, liability_rows
from flightline.pipeline.extractors.urla_gifts import gift_rows
from flightline.pipeline.extractors.urla_income import read_income_box, settle_income_box
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import (
    find_dates,
    normalize_ssn_last4,
)

PURPOSE = label_regex(("Loan Purpose", "Purpose of Loan", "Purpose"))
OCCUPANCY = re.compile(
    label_regex(
        ("Occupancy", "Property will be", "Occupancy Type", "Occupancy Status", "Property Use")
    ).pattern
    # (`Froperty will be`: the caption's first letter misread on a scan)
    + r"|(?<![a-z])[a-z]roperty\s*will\s*be\b",
    re.IGNORECASE,
)

_URLA = Reader(
    (
        Spec(
            "borrower_name",
            "person",
            (
                "Name (First, Middle, Last, Suffix)",
                "Borrower Name",
                "Borrower's Name",
                "Borrower",
                "Applicant Name",
                "Applicant",
                "Name",
            ),
            exclude=r"employer|business|originator|interviewer|company|institution|creditor|"
            r"(?:borrower|applicant)\s*information|additional\s*applicant",
        ),
        Spec(
            "co_borrower_name",
            "person",
            (
                "Co-Borrower Name",
                "Co-Borrower's Name",
                "Co-Borrower",
                "Co-Applicant Name",
                "Co-Applicant",
                "Other borrower(s) applying",
                "Other Borrower",
            ),
        ),
        Spec(
            "ssn_last4",
            "ssn4",
            ("Social Security Number", "SSN", "Social Security No"),
            # the other applicant's (`Their SSN`, `Co-Borrower SSN`)
            # (a box row `Social Security Number  Co-Borrower SSN` is still ours)
            exclude=r"\btheir\s*ssn|^\W*co-?\s*(?:borrower|appl)",
        ),
        Spec(
            "co_borrower_ssn_last4",
            "ssn4",
            (
                "Their SSN",
                "Co-Borrower SSN",
                "Co-Applicant SSN",
                "Co-Borrower Social Security Number",
                "Co-Borrower's SSN",
            ),
        ),
        Spec(
            "application_date",
            "date",
            (
                "Application Date",
                "Date of Application",
                "Application Received",
                "Date Application Taken",
                "Application Taken On",
                "Application Signed",
                "Borrower's Signature Date",
                "Borrower Signature Date",
                "Signature Date",
            ),
        ),
        Spec(
            "employer_name",
            "name",
            (
                "Employer or Business Name",
                "Employer Name",
                "Name of Employer",
                "Name & Address of Employer",
                "Employer",
                "Business Name",
            ),
            exclude=r"employer'?s?\s*(?:phone|address|street)",
        ),
        Spec(
            "employment_start_date",
            "date",
            (
                "Start Date",
                "Employment Start Date",
                "Date Hired",
                "Hire Date",
                "Date of Hire",
                "Employed Since",
            ),
        ),
        Spec(
            "income_base_monthly",
            "money",
            ("Base Monthly Income", "Monthly Base Income", "Base Income", "Base Pay", "Base"),
        ),
        Spec("income_overtime_monthly", "money", ("Overtime Income", "Overtime")),
        Spec("income_bonus_monthly", "money", ("Bonus Income", "Bonus")),
        Spec(
            "income_commission_monthly", "money", ("Commission Income", "Commissions", "Commission")
        ),
        Spec("income_other_monthly", "money", ("Other Income", "Other Monthly Income")),
        Spec(
            "income_total_monthly",
            "money",
            (
                "Total Monthly Income",
                "Total Income",
                "Gross Monthly Income Total",
                "Total Gross Monthly Income",
            ),
        ),
        Spec("loan_amount", "money", ("Loan Amount", "Amount of Loan", "Requested Loan Amount")),
        Spec(
            "property_address",
            "address",
            ("Property Address", "Subject Property Address", "Subject Property"),
        ),
        Spec("units", "int", ("Number of Units", "No. of Units", "# of Units", "Units")),
        Spec(
            "sale_price",
            "money",
            (
                "Sales Contract Price",
                "Purchase Price",
                "Sale Price",
                "Sales Price",
                "Contract Price",
            ),
        ),
    ),
    extra_labels=(
        "Date of Birth",
        "Citizenship",
        "Marital Status",
        "Dependents",
        "Phone",
        "Email",
        "Current Address",
        "Position or Title",
        "Years in Line of Work",
        "Loan Purpose",
        "Occupancy",
        "Property Value",
        "County",
        "Mixed-Use",
        # Captions of the legacy form's boxes: a caption beside the employer's
        # is the next column's, not the employer's name.
        "Yrs. on this job",
        "Years on this job",
        "Yrs. employed in this line of work/profession",
        "Position/Title/Type of Business",
        "Business Phone",
        "Present Address",
        "DOB",
    ),
)


_EMPLOYER_LABEL = re.compile(r"employ", re.IGNORECASE)  # (`Employér`: an accent on a speck)
_ENTITY_WORD = re.compile(
    r"\b(?:inc|llc|llp|l\.?\s?p|corp|corporation|company|co|ltd|pllc|group)\b", re.IGNORECASE
)


def employer_below(doc: DocText, out: dict[str, FieldValue], words: int = 1) -> None:
    """A one-word employer read beside the label (`Name & Address of Employer
    Perel "er ~Yrs. on this job`: the next caption garbled; a W-2's `ZIP code
    Taras  5 Medicare wages`: a speck) while the line under it reads as a
    company's name: the box's value is the one below. (A paystub's `Employer
    Eup loves`, the next caption `Employee` garbled, is two words: `words`.)"""
    found = out.get("employer_name")
    if found is None or not isinstance(found.value, str):
        return
    word = found.value
    # (or the next caption itself, its first word garbled: `[vig 0 on this job`)
    caption = _NEXT_CAPTION.search(word) is not None
    if (len(word.split()) > words and not caption) or _ENTITY_WORD.search(word):
        return
    for i, line in enumerate(doc.lines):
        if not (_EMPLOYER_LABEL.search(line.text) and word in line.text):
            continue
        j = doc.next_line(i)
        cells = re.split(r"\s{2,}", doc.lines[j].text.strip()) if j is not None else [""]
        # (a section's heading read with specks over the box's own caption,
        # `EMPLOYER  “ee  Asis` above `EMPLOYER  Allen & Mendez Company`: the
        # company is beside the caption below)
        if len(cells) > 1 and re.fullmatch(r"\W*employer\W*", cells[0], re.IGNORECASE):
            cells = cells[1:]
        name = clean_name(cells[0])
        if j is not None and name and _company_line(name):
            out["employer_name"] = doc.field(name, j)
        return


# (or the rest of its own caption, garbled: a W-2's `name, Raaress, and 2IP code`)
_NEXT_CAPTION = re.compile(r"\bon\s*this\s*job\b|\band\s+\S{2,4}\s+code\b", re.IGNORECASE)


def _company_line(name: str) -> bool:
    """A name of two words or more, capitalised, with an entity word or no
    digits and no comma (an address line has them), and no caption's word
    (`Gross Monthly Income`, `Business Phone` under the box)."""
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() or not w[:1].isalpha() for w in words):
        return False
    if _CAPTION_WORD.search(name):
        return False
    if _ENTITY_WORD.search(name) or _ENTITY_WORD.fullmatch(words[-1].translate(_AS_LETTER)):
        # (the entity word's letter read as a figure: `Contreras Engineering C6.`)
        return True
    return not re.search(r"[\d,]", name)


_AS_LETTER = str.maketrans({"0": "o", "6": "o", "1": "i", "5": "s", ".": None})


_CAPTION_WORD = re.compile(
    r"\b(?:address|street|city|state|zip|phone|title|position|income|date|years?|name|"
    r"type|business|employer|employment|monthly|gross)\b",
    re.IGNORECASE,
)


def _ssn_beside_name(doc: DocText, out: dict[str, FieldValue]) -> None:
    """An SSN whose caption OCR lost, printed beside the applicant's name
    (`Name:  Dana Q. Example  XXX-XX-0522`): the applicant's own."""
    name = out.get("borrower_name")
    if "ssn_last4" in out or name is None or not isinstance(name.value, str):
        return
    for i, line in enumerate(doc.lines):
        if name.value in line.text and not re.search(
            r"\btheir\b|co-?\s*(?:borrower|appl)", line.text, re.I
        ):
            last4 = normalize_ssn_last4(line.text[line.text.index(name.value) :])
            if last4:
                out["ssn_last4"] = doc.field(last4, i)
            return


def _co_borrower_ssn(doc: DocText, out: dict[str, FieldValue]) -> None:
    first = out.get("ssn_last4")
    seen = first.value if first else None
    for i, line in enumerate(doc.lines):
        if re.search(r"social\s*security|\bssn\b", line.text, re.IGNORECASE):
            v = normalize_ssn_last4(line.text)
            if v and v != seen:
                out["co_borrower_ssn_last4"] = doc.field(v, i)
                return


_SIGNATURE_CAPTION = re.compile(r"signature\s{2,}date\W*$", re.IGNORECASE)


def _signed_above(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A scan reads a signature line top to bottom: the date written on it
    comes before its caption (`2025-07-10  Whites` over `Borrower's
    Signature  Date`), where a text layer puts it after. The one date on
    the line above the applicant's signature caption is the date signed."""
    for i, line in enumerate(doc.lines):
        if not _SIGNATURE_CAPTION.search(line.text) or re.search(
            r"co-?\s*borrower|interviewer|lender|loan\s*officer", line.text, re.IGNORECASE
        ):
            continue
        if i == 0 or doc.lines[i - 1].page != line.page:
            continue
        dates = find_dates(doc.lines[i - 1].text)
        if len(dates) == 1:
            out["application_date"] = doc.field(dates[0][2], i - 1)
            return


# `SSN`, `Social Security Number` as OCR may read it (`SECURIBRY NUMBE..`,
# `Social Seeurity Number`: a letter or two garbled; `Security'.Number`:
# specks for the space)
_SSN_CAPTION = r"\bssn\b|secur\w*\W{0,3}n|social\s*s\w{5,8}\W{0,3}n"
_SSN_AT_END = re.compile(
    # (`SOCIAL SECURIBRY NUMBE..`: the caption garbled, its first letters kept)
    r"(?:"
    + _SSN_CAPTION
    + r")\w*[\W_]+(?:[XxHtEKMNWsS*#%\d]{2,4}\W{0,2}[XxHtEKMNWsS*#%\d]{2}\W{0,2})?"
    r"(\d{4})\W*$",
    re.IGNORECASE,
)


def _continuation_sheet(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A continuation sheet is the co-borrower's application: the person named
    `Co-Borrower` on it is its applicant, the `Borrower` the other one."""
    # (`CONTINUATION*SHEET`: a speck between the words)
    if not any(re.search(r"continuation\W?sheet", ln.text, re.I) for ln in doc.lines[:3]):
        return
    # Each name goes by the line it was read on; a name whose line is not
    # known is the reader's `Borrower`, the other one
    names = [f for f in (out.pop("borrower_name", None), out.pop("co_borrower_name", None)) if f]
    for found in names:
        on_co_line = re.search(r"co-?\s*borrower", found.evidence.text, re.IGNORECASE)
        name = "borrower_name" if on_co_line else "co_borrower_name"
        if name in out:
            name = "borrower_name" if name == "co_borrower_name" else "co_borrower_name"
        out[name] = found
    # Each person's SSN is the one printed on their line (its mask as OCR
    # read it: `#tt#-##-5700`); a line whose SSN did not read leaves it unread,
    # never the other person's.
    for i, line in enumerate(doc.lines[:12]):
        if not re.search(r"borrower", line.text, re.IGNORECASE):
            continue
        name = (
            "ssn_last4"
            if re.search(r"co-?\s*borrower", line.text, re.I)
            else ("co_borrower_ssn_last4")
        )
        m = _SSN_AT_END.search(line.text)
        if m:
            out[name] = doc.field(m.group(1), i)
        elif re.search(_SSN_CAPTION, line.text, re.IGNORECASE):
            out.pop(name, None)


def extract_urla(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    read_income_box(doc, out)
    _URLA.read(doc, out)
    settle_income_box(doc, out)
    _ssn_beside_name(doc, out)
    if doc.ocr:
        employer_below(doc, out)
    _continuation_sheet(doc, out)
    if doc.ocr and "application_date" not in out:
        _signed_above(doc, out)
    set_field(out, "loan_purpose", read_enum(doc, PURPOSE, canon_purpose))
    set_field(out, "occupancy", read_enum(doc, OCCUPANCY, canon_occupancy))
    mine, theirs = out.get("ssn_last4"), out.get("co_borrower_ssn_last4")
    if mine is not None and theirs is not None and mine == theirs:
        # one SSN under a row of both captions (`Social Security Number
        # Co-Borrower SSN` over `###-##-5675`): the first box's alone
        del out["co_borrower_ssn_last4"]
    if "co_borrower_name" in out and "co_borrower_ssn_last4" not in out:
        _co_borrower_ssn(doc, out)
    assets = asset_rows(doc)
    if assets:
        ld.rows["assets"] = assets
    liabilities = liability_rows(doc)
    if liabilities:
        ld.rows["liabilities"] = liabilities
    gifts = gift_rows(doc)
    if gifts:
        ld.rows["gifts"] = gifts
