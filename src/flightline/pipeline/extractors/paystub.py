"""Paystubs: employer, employee, period and pay date, earnings by kind (current and
YTD), gross and net."""

from __future__ import annotations

import re
from decimal import Decimal

from flightline.pipeline.extractors.application import employer_below
from flightline.pipeline.extractors.base import (
    DocText,
    Spec,
    _label_pattern,
    label_regex,
    set_field,
)
from flightline.pipeline.extractors.cells import cells_by_columns, row_cells
from flightline.pipeline.extractors.enums import canon_frequency
from flightline.pipeline.extractors.names import clean_name, clean_person
from flightline.pipeline.extractors.paystub_dates import (
    date_paid_misread,
    dates_row,
    pay_period,
)
from flightline.pipeline.extractors.paystub_sums import (
    current_from_gross,
    frequency_of_period,
    pay_date_year,
    salary_per_year,
    ytd_from_total,
)
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue, LogicalDocument

_COMPANY = re.compile(
    r"\b(?:inc|llc|l\.l\.c|corp|corporation|co|company|group|holdings|ltd|llp|lp|partners|"
    r"services|systems|technologies|solutions|industries|associates|enterprises|hospital|"
    r"health|healthcare|university|college|school|district|county|city of|bank|logistics|"
    r"manufacturing|international|global|consulting|construction|partnership|foods|l\.p|"
    r"labs?|software|network|media|motors|energy|insurance|medical|clinic|agency)\b\.?",
    re.IGNORECASE,
)
_TITLE_WORDS = re.compile(
    r"earnings|statement|pay\s*stub|paystub|advice|payroll|verification|employment|w-?2|"
    r"wage|page\s*\d|confidential",
    re.IGNORECASE,
)


def header_company(doc: DocText, limit: int = 5) -> FieldValue | None:
    """The employer printed as a letterhead: a company-looking line at the top,
    or the line over the street address that opens the page."""
    for i, line in enumerate(doc.lines[:limit]):
        text = line.text
        if ":" in text or _TITLE_WORDS.search(text) or re.search(r"\d{3}", text):
            continue
        nxt = doc.lines[i + 1].text if i + 1 < len(doc.lines) else ""
        letterhead = bool(_STREET_LINE.match(nxt)) and i == 0
        if (_COMPANY.search(text) or letterhead) and len(text) <= 60:
            # a row of boxes (`Acme L.P.        Jane M. Doe`): the company's box
            every = re.split(r"\s{2,}", text.strip())
            cells = [c for c in every if _COMPANY.search(c)]
            if doc.ocr and len(cells) == 1 and cells[0] != every[0] and _FRAGMENT.match(cells[0]):
                # (`RIVERA ENG      NG CORP.`: one name OCR split and lost
                # letters of; its tail is no company of its own)
                return None
            one = len(cells) == 1
            if one and letterhead and all(_ONE_WORD.match(c) for c in every if c != cells[0]):
                # (`Johnson   Fleming Analytics Corp`: the letterhead's `&`
                # lost to a gap; no box holds a person of one word)
                one = False
            name = clean_name(cells[0] if one else text)
            if name:
                return doc.field(name, i)
    return None


# a word of a consonant or two opening a cell: the tail of a word cut apart
# (not an abbreviation a name opens with: `St Luke's Health`, `Mt Hood Co.`)
_FRAGMENT = re.compile(r"(?!(?:st|mt|ft|dr)\b)[b-df-hj-np-tv-z]{1,2}\s", re.IGNORECASE)
_ONE_WORD = re.compile(r"^[A-Z][A-Za-z'.-]+$")
_STREET_LINE = re.compile(r"^\d{1,6}\s+[A-Za-z][A-Za-z .'-]*\b(?:[A-Za-z]{2,}\.?)(?:,|\s|$)")


# -- paystub -----------------------------------------------------------------

_PAYSTUB = Reader(
    (
        Spec(
            "employer_name",
            "name",
            ("Employer", "Employer Name", "Company Name"),
            exclude=r"^\W*employer'?s?\s*address",
        ),
        Spec(
            "employee_name",
            "person",
            ("Employee Name", "Employee", "Name", "Pay To", "Pay to the Order of", "Associate"),
            exclude=r"employee\s*(?:id|number|no|#)\b[^:]*$",
        ),
        Spec(
            "ssn_last4",
            "ssn4",
            ("SSN", "Social Security Number", "Soc Sec No", "SS#", "Soc Sec #", "Social Sec No"),
        ),
        Spec(
            "pay_period_start_date",
            "date",
            (
                "Period Start",
                "Pay Period Start",
                "Period Beginning",
                "Period Begin",
                "Begin Date",
                "Start Date",
                "Period From",
                "From",
            ),
        ),
        Spec(
            "pay_period_end_date",
            "date",
            (
                "Period End",
                "Pay Period End",
                "Period Ending",
                "End Date",
                "Period To",
                "Through",
                "Thru",
            ),
        ),
        Spec(
            "pay_date",
            "date",
            (
                "Pay Date",
                "Check Date",
                "Payment Date",
                "Pay Dt",
                "Advice Date",
                "Deposit Date",
                "Date of Payment",
                "Paid On",
                "Date Paid",
                "Check Dt",
            ),
        ),
        Spec("pay_frequency", "text", ("Pay Frequency", "Frequency", "Pay Schedule", "Pay Cycle")),
        Spec(
            "hourly_rate",
            "money",
            ("Hourly Rate", "Rate of Pay", "Pay Rate", "Base Rate", "Rate/Hour", "Hourly"),
            exclude=r"tax",
        ),
        Spec("hours", "money", ("Hours Worked", "Total Hours", "Regular Hours")),
        Spec(
            "annual_salary",
            "money",
            ("Annual Salary", "Base Salary", "Annual Pay", "Salary", "Annual Rate", "Annual Base"),
            # An earnings row (`Salary 6,923.08 41,538.48`) is not the annual salary.
            # (OCR may put specks between its amounts)
            # (its first amount garbled, `Base Salary  §948077,  $ 199,096.17`)
            exclude=r"^\W*(?:base\s*)?salary\s+\$?\s?[\d,.]+\s+\$?\s?[\d,.]+|"
            r"^\W*(?:base\s*)?salary\b.*\d\.\d\d\b.*\d\.\d\d\b|"
            r"^\W*(?:base\s*)?salary\s+\S*\d[\d,.]*\S*\s+.*\d\.\d\d\b",
        ),
        Spec(
            "net_pay",
            "money",
            (
                "Net Pay",
                "Net Amount",
                "Net Check",
                "Take Home Pay",
                "Net Pay This Period",
                "Net Deposit",
                "Total Net Pay",
            ),
            exclude=r"ytd\s*net|net\s*ytd|year\s*to\s*date\s*net",
        ),
    ),
    extra_labels=(
        "Pay Period",
        "Employee ID",
        "Current",
        "YTD",
        "Year to Date",
        "Gross Pay",
        "Hours",
        "Rate",
        "Description",
        "Amount",
        "Department",
        "Check No",
        # `Employer Address` is a caption of its own, not the employer `Address`.
        "Employer Address",
        "Employee Address",
        "Address",
    ),
)
FREQUENCY = label_regex(("Pay Frequency", "Frequency", "Pay Schedule", "Pay Cycle", "Paid"))
_GROSS = label_regex(
    (
        "Gross Pay",
        "Total Gross",
        "Gross Earnings",
        "Total Earnings",
        "Gross Wages",
        "Gross",
        "Total Gross Pay",
        "Gross Pay Total",
    )
)
_YTD_WORD = re.compile(r"\bytd\b|year\s*-?\s*to\s*-?\s*date", re.IGNORECASE)
_CURRENT_WORD = re.compile(r"\bcurrent\b|this\s*period", re.IGNORECASE)
_EARN_HEADER = re.compile(
    r"^(?:earnings|description|pay\s*type|type|earning|item|income)\b.*"
    r"(?:current|this\s*period|amount|ytd|year\s*to\s*date)",
    re.IGNORECASE,
)


def _kind(
    words: str, tail: str = r"(?:\s*(?:pay|earnings|hours|wages|salary))?"
) -> re.Pattern[str]:
    """A row-title pattern tolerant of OCR look-alikes (`Regu1ar`)."""
    alts = "|".join(_label_pattern(w) for w in words.split("|"))
    # `Hourly Rate  $46.38  Hours Worked  80.00` is the pay's terms, no earning
    return re.compile(r"^\W*(?:" + alts + r")(?![a-z])(?!\s*rate\b)" + tail, re.IGNORECASE)


_EARN_KIND = (
    ("overtime", _kind("overtime|over time|ot|o/t")),
    (
        "bonus",
        # (`Bonu`: its s lost on a scan)
        _kind(
            "bonus|bonu|incentive|incentive pay|performance bonus|incentive bonus|annual bonus|"
            "quarterly bonus|retention bonus|sign on bonus|spot bonus|merit bonus"
        ),
    ),
    ("commission", _kind("commission|commissions|comm")),
    ("regular", _kind("regular|reg|base|salary|hourly|straight time|base salary")),
    (
        "other",
        _kind(
            "holiday|vacation|pto|sick|shift diff|shift differential|tips|retro|jury duty|"
            "bereavement|personal|floating holiday"
        ),
    ),
)
_EARN_END = re.compile(
    r"^(?:deductions?|taxes|withholdings?|pre-?tax|post-?tax|net\s*pay|statutory)\b", re.I
)


def _columns(header: str) -> list[str]:
    cols = []
    for m in re.finditer(
        r"\brate\b|\bhours?\b|\bhrs\b|\bcurrent\b|this\s*period|\bamount\b|\bytd\b|"
        r"year\s*-?\s*to\s*-?\s*date",
        header,
        re.IGNORECASE,
    ):
        word = m.group(0).lower()
        if word.startswith("rate"):
            cols.append("rate")
        elif word.startswith("h"):
            cols.append("hours")
        elif word.startswith("y"):
            cols.append("ytd")
        else:
            cols.append("current")
    return cols


# More hours than a month holds: not an hours figure.
_MAX_HOURS = Decimal(400)


def _ytd_caption_lost(row: dict[str, Decimal], cols: list[str]) -> bool:
    hours = row.get("hours")
    return "ytd" not in cols and "current" in cols and hours is not None and hours > _MAX_HOURS


def _by_columns(numbers: list[Decimal], cols: list[str]) -> dict[str, Decimal]:
    """Numbers of a row to its columns, aligned from the right (empty cells
    are missing at the left: salaried rows have no rate or hours)."""
    if not cols:
        cols = ["current", "ytd"] if len(numbers) >= 2 else []
    if len(numbers) > len(cols):
        numbers = numbers[-len(cols) :] if cols else []
    out: dict[str, Decimal] = {}
    if len(numbers) == 1 and len(cols) >= 2 and cols[-1] == "ytd" and "current" in cols:
        # One figure under two money columns cannot be placed: leave it.
        return out
    for value, col in zip(reversed(numbers), reversed(cols), strict=False):
        out.setdefault(col, value)
    return out


def _inline_current_ytd(text: str) -> dict[str, Decimal]:
    """`Current: 2,000.00 YTD: 24,000.00` or `2,000.00 YTD Earnings: 24,000.00`."""
    out: dict[str, Decimal] = {}
    for word, key in ((_CURRENT_WORD, "current"), (_YTD_WORD, "ytd")):
        m = word.search(text)
        if m:
            found = money_tokens(text[m.end() : m.end() + 40])
            if found:
                out[key] = abs(found[0][2])
            if key == "ytd" and "current" not in out:
                before = money_tokens(text[: m.start()])
                if len(before) == 1:
                    out["current"] = abs(before[0][2])
    return out


def _garbled_earn_header(text: str) -> bool:
    """An OCR'd earnings header whose first caption is garbled (`Ednings
    Rate  Hours  This Period`): a rate or hours caption beside another
    column's, no amount, and no deductions or taxes caption."""
    cols = _columns(text)
    return (
        len(cols) >= 2
        and bool({"rate", "hours"} & set(cols))
        and not money_tokens(text)
        and not re.search(r"deduct|tax|withh", text, re.IGNORECASE)
    )


def _ocr_header(header: str) -> list[str]:
    """An OCR'd earnings header's columns cell by cell: a caption OCR garbled
    (`yYT5_`) is a column all the same, of unknown kind (`?`), so the amounts
    under it are not taken for another column's; the last, after the
    period's, is the year to date's."""
    cells = row_cells(header)[1:]
    cols = [_columns(c) for c in cells]
    if "  " not in header.strip() or any(len(c) > 1 for c in cols):
        return _columns(header)
    kinds = [c[0] if c else "?" for c in cols]
    if len(kinds) >= 2 and kinds[-2:] == ["current", "?"]:
        # the last column after the period's is the year to date's (`1D`)
        kinds[-1] = "ytd"
    return kinds


def _ocr_cells(doc: DocText, rest: str, cols: list[str]) -> dict[str, Decimal] | None:
    """An OCR'd earnings row read cell by cell under its header's columns, so
    a garbled cell (`M6154`) neither shifts the others nor leaves a fragment."""
    if not doc.ocr or not cols or "  " not in rest.strip():
        return None
    return cells_by_columns(rest, cols)


def _paystub(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    cols: list[str] = []
    earnings: list[dict[str, FieldValue]] = []
    in_earnings = False
    regular_row: dict[str, Decimal] = {}
    regular_line = 0
    for i, line in enumerate(doc.lines):
        text = line.text
        if _EARN_HEADER.search(text) or (doc.ocr and _garbled_earn_header(text)):
            cols = _ocr_header(text) if doc.ocr else _columns(text)
            in_earnings = True
            continue
        if _EARN_END.search(text):
            in_earnings = False
        for kind, pattern in _EARN_KIND:
            m = pattern.search(text)
            if not m:
                continue
            numbers = [abs(v) for _, _, v in money_tokens(text[m.end() :])]
            if not numbers or (not in_earnings and len(numbers) < 2):
                break
            inline = _inline_current_ytd(text[m.end() :])
            by_cell = _ocr_cells(doc, text[m.end() :], cols) if in_earnings else None
            row = inline or by_cell or _by_columns(numbers, cols)
            if doc.ocr and _ytd_caption_lost(row, cols):
                # no period has this many hours (`$1980.77  $44,596.17` under
                # `RATE  HOURS  CURRENT`): the year-to-date caption was lost,
                # its column is there
                cols = [*cols, "ytd"]
                row = _by_columns(numbers, cols)
            if "current" not in row and "ytd" not in row:
                break
            entry = {"kind": doc.field(kind, i)}
            if "current" in row:
                entry["current_amount"] = doc.field(row["current"], i)
            if "ytd" in row:
                entry["ytd_amount"] = doc.field(row["ytd"], i)
            earnings.append(entry)
            if kind == "regular" and not regular_row:
                regular_row, regular_line = row, i
            break
        if _GROSS.match(text) and not ("gross_current" in out and "gross_ytd" in out):
            m2 = _GROSS.match(text)
            assert m2 is not None
            rest = text[m2.end() :]
            if _YTD_WORD.match(rest.strip()):
                continue
            # `Gross Pay: 1,615.38 Salary: 42,000.00 / yr`: the next label ends the row.
            own = re.split(r"\s(?=[A-Z][A-Za-z ]{2,30}:)", rest.strip(" :"), maxsplit=1)[0]
            row = _inline_current_ytd(rest) or _by_columns(
                [abs(v) for _, _, v in money_tokens(own)],
                [c for c in cols if c != "rate" and c != "hours"],
            )
            if "current" in row:
                set_field(out, "gross_current", doc.field(row["current"], i))
            if "ytd" in row:
                set_field(out, "gross_ytd", doc.field(row["ytd"], i))
    if "gross_current" not in out or "gross_ytd" not in out:
        _gross_labels(doc, out)
    if earnings:
        if doc.ocr:
            current_from_gross(earnings, out)
            ytd_from_total(earnings, out)
        ld.rows["earnings"] = earnings
    if regular_row.get("rate") is not None:
        set_field(out, "hourly_rate", doc.field(regular_row["rate"], regular_line))
    if regular_row.get("hours") is not None:
        set_field(out, "hours", doc.field(regular_row["hours"], regular_line))
    pay_period(doc, out)
    _PAYSTUB.read(doc, out)
    salary_per_year(doc, out, earnings)
    if doc.ocr and "pay_date" not in out:
        date_paid_misread(doc, out)
    if doc.ocr and "pay_date" not in out:
        dates_row(doc, out)
    if doc.ocr:
        pay_date_year(out)
    if "pay_frequency" in out:
        freq = canon_frequency(str(out["pay_frequency"].value))
        if freq:
            out["pay_frequency"] = FieldValue(freq, out["pay_frequency"].evidence)
        else:
            del out["pay_frequency"]
    if doc.ocr and "pay_frequency" not in out:
        # the caption's value garbled past reading: the period's length says it
        frequency_of_period(out)
    set_field(out, "employer_name", header_company(doc))
    if doc.ocr:
        _side_by_side(doc, out)


def _side_by_side(doc: DocText, out: dict[str, FieldValue]) -> None:
    """`Employer    Employee` over `Acme Corp    Jane    Doe` with the first
    caption misread: the employee read as the employer's cell and the
    employer as the whole row. The row less the employer's cell is the
    employee, when it reads as a person."""
    employee, employer = out.get("employee_name"), out.get("employer_name")
    if employee is None or employer is None:
        return
    # (the row as read: the employer may already be its own box of it)
    first, whole = str(employee.value), " ".join(employer.evidence.text.split())
    if not whole.startswith(first) or len(whole) <= len(first):
        return
    person = clean_person(whole[len(first) :])
    if person is None or len(person.split()) < 2:
        return
    out["employee_name"] = FieldValue(person, employee.evidence)
    out["employer_name"] = FieldValue(first, employer.evidence)


_GROSS_YTD = Reader(
    (
        Spec(
            "gross_ytd",
            "money",
            (
                "YTD Gross",
                "Gross YTD",
                "Year to Date Gross",
                "Gross Pay YTD",
                "YTD Gross Pay",
                "Gross Year to Date",
                "YTD Gross Earnings",
                "YTD Total Gross",
            ),
        ),
        Spec(
            "gross_current",
            "money",
            (
                "Current Gross",
                "Gross This Period",
                "Gross Pay This Period",
                "Current Gross Pay",
                "Gross Pay Current",
            ),
        ),
    )
)


def _gross_labels(doc: DocText, out: dict[str, FieldValue]) -> None:
    _GROSS_YTD.read(doc, out)
    ytd, current = out.get("gross_ytd"), out.get("gross_current")
    if (
        doc.ocr
        and ytd is not None
        and current is not None
        and ytd.value == current.value
        and ytd.evidence.text == current.evidence.text
        and not re.search(r"ytd|year", ytd.evidence.text, re.IGNORECASE)
    ):
        # `GROSS EARNINGS  $6384.62` on a stub with no YTD column, taken for
        # `YTD Gross Earnings` with its first word lost: the line's amount
        # is this period's, not the year's too
        del out["gross_ytd"]


# A year-to-date column's caption (`YTD`, `Year to Date`, `Year-To-Date`).
_YTD_CAPTION = re.compile(r"\bytd\b|\byear\W{0,2}to\W{0,2}dat\w*", re.IGNORECASE)


def extract_paystub(doc: DocText, ld: LogicalDocument) -> None:
    _paystub(doc, ld)
    if doc.ocr:
        # `Employer  Eup loves` over `Stewart Freight Lines Corporation  ...`:
        # the employee's caption garbled beside the label; the company below
        employer_below(doc, ld.fields, words=2)
    # Where the stub prints a year-to-date column (its caption's line): on a
    # scan, year-to-date figures not read under it were not read, not absent.
    for i, m in doc.find_lines(_YTD_CAPTION):
        ld.fields.setdefault("ytd_caption", doc.field(m.group(0), i))
        break
