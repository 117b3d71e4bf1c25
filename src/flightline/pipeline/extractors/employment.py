"""Employment and tax documents: W-2, verification of employment (Form 1005 or
verbal), Form 1040."""

from __future__ import annotations

import re
from calendar import monthrange
from datetime import date

from flightline.pipeline.extractors.application import employer_below
from flightline.pipeline.extractors.base import (
    DocText,
    Spec,
    as_date,
    label_regex,
    set_field,
)
from flightline.pipeline.extractors.cells import is_clean_amount, ocr_dates, row_cells
from flightline.pipeline.extractors.enums import canon_frequency, read_enum
from flightline.pipeline.extractors.names import clean_person
from flightline.pipeline.extractors.paystub import FREQUENCY
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.extractors.voe_boxes import applicant_below, base_pay_box, signed_below
from flightline.pipeline.extractors.voe_periods import (
    PeriodTable,
    ocr_period_row,
    period_columns,
)
from flightline.pipeline.extractors.voe_tables import VOE_HEADER, VOE_ROWS, voe_year_rows
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import find_dates, normalize_ssn_last4, year_misread

# -- W-2 -------------------------------------------------------------------------

_W2 = Reader(
    (
        Spec(
            "employer_name",
            "name",
            (
                "Employer's name, address, and ZIP code",
                "Employer's name, address and ZIP code",
                "Employer's name",
                "Employer name",
                "Employer",
            ),
            exclude=r"identification|\bEIN\b|state\s*id",
        ),
        Spec(
            "employer_ein",
            "ein",
            (
                "Employer identification number",
                "Employer ID number",
                "EIN",
                "FEIN",
                "Employer's FED ID number",
                "Federal EIN",
            ),
        ),
        Spec(
            "employee_name",
            "person",
            (
                "Employee's first name and initial Last name",
                "Employee's first name and initial",
                "Employee's name, address, and ZIP code",
                "Employee's name",
                "Employee name",
                "Employee",
            ),
            exclude=r"social\s*security|\bSSN\b|number|employee'?s?\s*address",
        ),
        Spec(
            "ssn_last4",
            "ssn4",
            ("Employee's social security number", "Social security number", "SSN", "Employee SSN"),
        ),
        Spec(
            "box1_wages",
            "money",
            (
                "Wages, tips, other compensation",
                "Wages, tips, other comp",
                "Wages tips other comp",
                "Box 1",
                "Wages, tips and other compensation",
            ),
        ),
        Spec("box3_ss_wages", "money", ("Social security wages", "Box 3", "Soc. Sec. wages")),
        Spec(
            "box5_medicare_wages",
            "money",
            ("Medicare wages and tips", "Medicare wages", "Box 5"),
        ),
    ),
    extra_labels=(
        "Federal income tax withheld",
        "Social security tax withheld",
        "Medicare tax withheld",
        "Social security tips",
        "Allocated tips",
        "Dependent care benefits",
        "Nonqualified plans",
        "Control number",
        "State wages, tips, etc.",
        "State wages",
        "State income tax",
        "Local wages, tips, etc.",
        "Local wages",
        "Locality name",
        "Employer's state ID number",
        "Statutory employee",
        "Retirement plan",
        "Third-party sick pay",
    ),
)
_EIN = re.compile(r"(?<!\d)(\d{2})\s?-\s?(\d{7})(?!\d)")
_YEAR = re.compile(r"(?<![\d/.,$-])((?:19|20)\d\d)(?![\d/,]|\.\d)")
_W2_TITLE = re.compile(r"wage\s*and\s*tax|w\s*-\s*2|tax\s*year|form\s*w2", re.IGNORECASE)


def _tax_year(doc: DocText, title: re.Pattern[str], limit: int = 12) -> FieldValue | None:
    for i, line in enumerate(doc.lines):
        if title.search(line.text):
            years = _YEAR.findall(line.text)
            if years:
                return doc.field(int(years[0]), i)
    for i, line in enumerate(doc.lines[:limit]):
        if re.fullmatch(r"\W*(?:19|20)\d\d\W*", line.text):
            return doc.field(int(_YEAR.findall(line.text)[0]), i)
    return None


def _w2(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    set_field(out, "tax_year", _tax_year(doc, _W2_TITLE))
    _W2.read(doc, out)
    if doc.ocr:
        # a speck read as a word beside the box's caption (`ZIP code  Taras  5
        # Medicare`): the company's name under the caption is the employer
        employer_below(doc, out)
        _employee_copy(doc, out)
    if "employer_ein" not in out:
        for i, line in enumerate(doc.lines):
            m = _EIN.search(line.text)
            if m:
                out["employer_ein"] = doc.field(f"{m.group(1)}-{m.group(2)}", i)
                break
    if "ssn_last4" not in out:
        for i, line in enumerate(doc.lines):
            v = normalize_ssn_last4(line.text)
            if v:
                out["ssn_last4"] = doc.field(v, i)
                break


_EMPLOYEE_CAPTION = re.compile(r"employee\W{0,3}s?\s*(?:first\s*)?name", re.IGNORECASE)


def _employee_copy(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A scanned page of two copies of the form (Copy B, Copy C): the name
    under the other copy's caption, a second reading of the same print (a
    spelling both readings share is printed so, not misread)."""
    first = out.get("employee_name")
    if first is None:
        return
    for i, line in enumerate(doc.lines):
        j = doc.next_line(i) if _EMPLOYEE_CAPTION.search(line.text) else None
        if j is None or " ".join(doc.lines[j].text.split()) in first.evidence.text:
            continue
        name = clean_person(re.split(r"\s{2,}", doc.lines[j].text.strip())[0])
        if name is not None:
            out["employee_name_copy"] = doc.field(name, j)


# -- VOE -------------------------------------------------------------------------

_VOE = Reader(
    (
        Spec(
            "employer_name",
            "name",
            (
                "Employer Name",
                "Name of Employer",
                "Employer's Name",
                "Employer",
                "Company Name",
                "Name and address of employer",
            ),
            # (the signature's caption garbled on a scan: `Signflure of Employer`)
            exclude=r"employer\s*(?:phone|address|contact|signature|certification)|"
            r"\b(?:sig\w*|\w+ure)\s*of\s*employer",
        ),
        Spec(
            "employee_name",
            "person",
            (
                "Employee Name",
                "Employee's Name",
                "Name of Employee",
                "Employee",
                "Applicant Name",
                "Applicant",
                "Borrower Name",
                "Borrower",
            ),
            exclude=r"employee\s*(?:id|number|signature)",
        ),
        Spec("ssn_last4", "ssn4", ("SSN", "Social Security Number", "Employee SSN", "SS#")),
        Spec(
            "position",
            "text",
            ("Position/Title", "Position", "Job Title", "Title", "Present Position", "Occupation"),
            exclude=r"verifier|verified\s*by|signature|contact",
        ),
        Spec(
            "employment_start_date",
            "date",
            (
                "Applicant's Date of Employment",
                "Date of Employment",
                "Date Hired",
                "Hire Date",
                "Original Hire Date",
                "Employment Start Date",
                "Start Date",
                "Employed Since",
                "Date of Hire",
                "Most Recent Hire Date",
                "Most Recent Start Date",
            ),
        ),
        Spec(
            "verification_date",
            "date",
            (
                "Verification Date",
                "Date Verified",
                "Date of Verification",
                "Verified On",
                "Verified Date",
                "Date Completed",
                "Completed On",
                "Date of Call",
                "Call Date",
                "Information current as of",
                "Current as of",
                "Data as of",
                "Information as of",
            ),
        ),
        Spec(
            "base_pay_rate",
            "money",
            (
                "Current Base Pay",
                "Current Gross Base Pay",
                "Base Pay Rate",
                "Rate of Pay",
                "Rate Pay",  # (a scan that lost the `of`)
                "Base Rate",
                "Pay Rate",
                "Current Salary",
                "Annual Salary",
                "Salary",
                "Hourly Rate",
                "Current Rate of Pay",
            ),
        ),
        Spec("pay_frequency", "text", ("Pay Frequency", "Frequency", "Pay Period", "Paid")),
        Spec(
            "ytd_base_income",
            "money",
            ("YTD Base Income", "YTD Base Pay", "YTD Base", "Base Pay YTD", "Year to Date Base"),
        ),
        Spec(
            "ytd_overtime_income",
            "money",
            ("YTD Overtime", "Overtime YTD", "Year to Date Overtime"),
        ),
        Spec("ytd_bonus_income", "money", ("YTD Bonus", "Bonus YTD", "Year to Date Bonus")),
        Spec(
            "prior_year_base_income",
            "money",
            ("Prior Year Base", "Past Year Base", "Base Pay Prior Year", "Last Year Base"),
        ),
        Spec(
            "prior_year_overtime_income",
            "money",
            ("Prior Year Overtime", "Past Year Overtime", "Overtime Prior Year"),
        ),
        Spec(
            "prior_year_bonus_income",
            "money",
            ("Prior Year Bonus", "Past Year Bonus", "Bonus Prior Year"),
        ),
        Spec(
            "ytd_through_date",
            "date",
            (
                "YTD Through",
                "Year to Date Through",
                "Year to Date thru",
                "YTD thru",
                "YTD as of",
                "Earnings Through",
                "Through",
                "Thru",
                "As of",
            ),
        ),
    ),
    extra_labels=(
        "Phone",
        "Verifier",
        "Verified By",
        "Status",
        "Probability",
        "Overtime",
        "Bonus",
        "Commission",
        "Total",
        "Year to Date",
        "Past Year",
        "Prior Year",
    ),
)
_VOE_SIGNED = Reader(
    (
        Spec(
            "verification_date", "date", ("Date",), last=True, exclude=r"employment|hire|start|thru"
        ),
    ),
    extra_labels=("Signature of Employer", "Title", "Print or type name"),
)


# A mark glued before a one-digit day (`{8-JUN-2026`): it may be the day's
# lost first figure.
_GLUED_DAY = re.compile(r"[{}\[\]|(!]\d(?=\s?[-/ ]\s?[A-Za-z0-9])")


def _glued_day(doc: DocText, out: dict[str, FieldValue]) -> None:
    """A scanned verification date whose day has a mark glued before it is
    8 or 18 or 28: the date another line of the page gives among those (the
    signature's `18-SUN-2026`) is the date; with none, it stays unread."""
    found = out.get("verification_date")
    if found is None or not isinstance(found.value, date):
        return
    if not _GLUED_DAY.search(found.evidence.text):
        return
    read = found.value
    days = range(read.day, monthrange(read.year, read.month)[1] + 1, 10)
    candidates = {read.replace(day=d) for d in days}
    agree = {
        (d, i)
        for i, line in enumerate(doc.lines)
        if not _GLUED_DAY.search(line.text)  # itself doubtful (the date's own line)
        for _, _, d in ocr_dates(line.text)
        if d in candidates
    }
    del out["verification_date"]
    if len({d for d, _ in agree}) == 1:
        d, i = min(agree, key=lambda t: t[1])
        out["verification_date"] = doc.field(d, i)


_COMMISSIONS_ROW = re.compile(r"^\W*commissions?\b", re.IGNORECASE)


def _caption_lost_overtime(doc: DocText, i: int) -> bool:
    """Line `i` is a row of amounts whose caption is no row's, under the base
    pay row and over the commissions row."""
    text = doc.lines[i].text
    if any(p.search(text) for _, p in VOE_ROWS) or _COMMISSIONS_ROW.search(text):
        return False
    j = doc.next_line(i)
    cells = row_cells(text)
    return (
        j is not None
        and _COMMISSIONS_ROW.search(doc.lines[j].text) is not None
        and len(cells) >= 3
        and not re.search(r"\d", cells[0])
        and sum(1 for c in cells[1:] if is_clean_amount(c)) >= 2
    )


def _voe(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    voe_year_rows(doc, out)
    header_seen = after_base = False
    table = PeriodTable(2)
    for i, line in enumerate(doc.lines):
        text = line.text
        if VOE_HEADER.search(text):
            header_seen = True
            table = PeriodTable(period_columns(text))
            thru = re.search(r"(?:thru|through|as\s*of)", text, re.IGNORECASE)
            if thru:
                found = ocr_dates(text[thru.end() :]) if doc.ocr else find_dates(text[thru.end() :])
                if found:
                    set_field(out, "ytd_through_date", doc.field(found[0][2], i))
            continue
        if not header_seen:
            continue
        if doc.ocr and after_base and _caption_lost_overtime(doc, i):
            # Form 1005 prints overtime between base pay and commissions:
            # a row there whose caption OCR garbled past knowing (`Ouedina tin`)
            caption = row_cells(text)[0]
            rest = text[text.index(caption) + len(caption) :]
            ocr_period_row(doc, out, "overtime", rest, table, i)
        after_base = False
        for kind, pattern in VOE_ROWS:
            m = pattern.search(text)
            if m:
                after_base = kind == "base"
                numbers = [abs(v) for _, _, v in money_tokens(text[m.end() :])]
                if doc.ocr:
                    ocr_period_row(doc, out, kind, text[m.end() :], table, i)
                    break
                if numbers:
                    set_field(out, f"ytd_{kind}_income", doc.field(numbers[0], i))
                if len(numbers) >= 2:
                    set_field(out, f"prior_year_{kind}_income", doc.field(numbers[1], i))
                if len(numbers) >= 3 and table.periods >= 3:
                    set_field(out, f"two_years_prior_{kind}_income", doc.field(numbers[2], i))
                break
    _VOE.read(doc, out)
    if doc.ocr:
        # Form 1005's boxes: a speck read as a word beside the employer's
        # caption, or as a cell after the applicant's row of captions, while
        # the box's value is on the line below
        employer_below(doc, out)
        if "employee_name" not in out:
            set_field(out, "employee_name", applicant_below(doc))
    if doc.ocr and "base_pay_rate" not in out:
        set_field(out, "base_pay_rate", base_pay_box(doc))
    # Form 1005: the employer's certification date is the verification date.
    _VOE_SIGNED.read(doc, out)
    if doc.ocr and "verification_date" not in out:
        set_field(out, "verification_date", signed_below(doc))
    if doc.ocr:
        _glued_day(doc, out)
        _through_year_misread(out)
    if "pay_frequency" in out:
        freq = canon_frequency(str(out["pay_frequency"].value))
        if freq:
            out["pay_frequency"] = FieldValue(freq, out["pay_frequency"].evidence)
        else:
            del out["pay_frequency"]
    if doc.ocr and (last := _last_cell_frequency(doc)) is not None:
        out["pay_frequency"] = last
    if "pay_frequency" not in out:
        set_field(out, "pay_frequency", read_enum(doc, FREQUENCY, canon_frequency))


def _last_cell_frequency(doc: DocText) -> FieldValue | None:
    """`Pay Frequency` the last caption of its row, over a row whose last cell
    names a frequency (`... [X] Annual  Hourly  Monthly  Weekly  Every Two
    Weeks`): that cell is its value. (The boxes before it are another
    caption's, here the base pay's period, whose empty boxes OCR lost.)"""
    for i, m in doc.find_lines(FREQUENCY):
        line = doc.lines[i]
        if line.text[m.end() - line.start :].strip(" :"):
            continue
        j = doc.next_line(i)
        if j is None:
            continue
        cells = row_cells(doc.lines[j].text)
        if len(cells) >= 2 and (freq := canon_frequency(cells[-1])) is not None:
            return FieldValue(freq, doc.evidence(j, i))
    return None


def _through_year_misread(out: dict[str, FieldValue]) -> None:
    """A scan's year-to-date through date after the verification itself
    (`2035-08-22` on a VOE verified 2025-09-03): a figure of its year
    misread, the year that puts it within the year before the verification."""
    through, verified = out.get("ytd_through_date"), out.get("verification_date")
    if through is None or verified is None:
        return
    a, b = as_date(through.value), as_date(verified.value)
    if a is None or b is None or a <= b:
        return
    fixed = year_misread(a, b)
    if fixed is not None:
        out["ytd_through_date"] = FieldValue(fixed, through.evidence)


# -- Form 1040 -----------------------------------------------------------------

_1040 = Reader(
    (
        Spec(
            "taxpayer_name",
            "person",
            (
                "Your first name and middle initial Last name",
                "Your first name and middle initial",
                "Taxpayer Name",
                "Taxpayer",
                "Name(s) shown on return",
                "Name",
            ),
            exclude=r"spouse",
        ),
        Spec(
            "ssn_last4",
            "ssn4",
            ("Your social security number", "Social security number", "SSN"),
            exclude=r"spouse",
        ),
        Spec(
            "wages",
            "money_last",
            (
                "Total amount from Form(s) W-2, box 1",
                "Wages, salaries, tips",
                "Wages salaries tips",
                "Wages",
            ),
        ),
        Spec("total_income", "money_last", ("This is your total income", "Total income")),
        Spec(
            "adjusted_gross_income",
            "money_last",
            ("This is your adjusted gross income", "Adjusted gross income", "AGI"),
        ),
    ),
    extra_labels=("Last name", "Spouse", "Filing Status", "Taxable interest", "Dividends"),
)
_1040_TITLE = re.compile(r"1040|individual\s*income\s*tax|tax\s*year|tax\s*period", re.IGNORECASE)
_FILING = (
    ("married_filing_jointly", re.compile(r"married\s*filing\s*joint", re.I)),
    ("married_filing_separately", re.compile(r"married\s*filing\s*separate", re.I)),
    ("head_of_household", re.compile(r"head\s*of\s*household", re.I)),
    ("qualifying_surviving_spouse", re.compile(r"qualifying\s*(?:surviving|widow)", re.I)),
    ("single", re.compile(r"\bsingle\b", re.I)),
)


def _filing(text: str | None) -> str | None:
    if not text:
        return None
    for value, pattern in _FILING:
        if pattern.search(text):
            return value
    return None


def _1040x(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    set_field(out, "tax_year", _tax_year(doc, _1040_TITLE))
    _1040.read(doc, out)
    set_field(
        out, "filing_status", read_enum(doc, label_regex(("Filing Status",)), _filing, below=5)
    )


def extract_w2(doc: DocText, ld: LogicalDocument) -> None:
    _w2(doc, ld)


def extract_voe(doc: DocText, ld: LogicalDocument) -> None:
    _voe(doc, ld)


def extract_1040(doc: DocText, ld: LogicalDocument) -> None:
    _1040x(doc, ld)
