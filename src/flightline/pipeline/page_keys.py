"""What a page says about which document it belongs to, read for the
splitting in `classify`: its page number (`Page 2 of 5`, `Page 3`, read off the
header and footer lines) and what tells two documents of one type apart (a
statement period, tax year, pay date, issue date, or whose SSN it is).

A module of their own so that `page_scores`, which stores them on each page's
features, need not import `classify`, which compares them.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from flightline.pipeline.model import DocType
from flightline.pipeline.normalize import find_dates, fix_ocr_digits
from flightline.pipeline.periods import statement_periods

_PAGE_OF_RE = re.compile(
    r"(?<![a-z])page\s*[:#]?\s*(\d{1,3})\s*(?:of|/)\s*(\d{1,3})(?!\d)", re.IGNORECASE
)
# OCR: `Page 2 of S`, `Page l of 5`: digits read as look-alike letters.
_OCR_PAGE_OF_RE = re.compile(
    r"(?<![a-z])page\s*[:#]?\s*([\dOoIl|SZB]{1,3})\s*(?:of|/)\s*([\dOoIl|SZB]{1,3})(?![\w])",
    re.IGNORECASE,
)
_PAGE_DIGITS = str.maketrans("OoIiLl|SsZzBb", "0011111552288")
# `Page 2`, `Note Page 2`, `Page Page 2` alone on a header or footer line.
_PAGE_ONLY_RE = re.compile(r"^[A-Za-z .-]{0,30}?\bpage\s*(\d{1,3})\W*$", re.IGNORECASE)
# OCR: a footer's total lost (`Form 1004  Page 3 of`, `Form 1004 Page 3`)
_OCR_TOTAL_LOST_RE = re.compile(
    r"(?<![a-z])page\s*[:#]?\s*(\d{1,3})\s*(?:of)?\W{0,3}$", re.IGNORECASE
)
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A label's value: on its line or (label over value) on the next one.
_NEXT = r"[^\n]{0,40}(?:\n[^\n]{0,30})?"
# (`RAY DATE`: the P of a scan's caption misread; `ADVICE \u2018DATE`: a speck between)
_PAY_DATE_RE = re.compile(
    r"(?:(?:\b[PRB]ay|check|payment|advice|deposit)\s*[^\w\s]?\s*(?:date|dt)|date\s*paid|"
    r"paid\s*on)\b" + _NEXT,
    re.IGNORECASE,
)
_ISSUED_RE = re.compile(r"date\s*issued" + _NEXT, re.IGNORECASE)
_REPORT_DATE_RE = re.compile(
    r"(?:report\s*date|date\s*of\s*report|date\s*(?:issued|ordered|completed))" + _NEXT,
    re.IGNORECASE,
)
_W2_YEAR_LINE_RE = re.compile(r"wage\s*and\s*tax|w\s*-?\s*2|tax\s*year", re.IGNORECASE)
_1040_YEAR_LINE_RE = re.compile(r"1040|tax\s*return|tax\s*year", re.IGNORECASE)
# `Checking ...5074` (`Ghecking ...2580`: the first letter misread): the
# number beside the product, its label elsewhere
PRODUCT_NUMBER = re.compile(
    r"\b(?:\w?hecking|\w?avings|money\s*market)\s*(?:(?:[^\w\s]{1,4}|x+)\s*){0,2}(\d{4})\b",
    re.IGNORECASE,
)
_ACCOUNT_RE = re.compile(
    # (`ACCOUNT, XXXXXX2985`: a speck after the label; `##*%8487`, `"98487`:
    # the mask's marks read as a percent sign or a quote)
    r"account\s*(?:number|no\.?|#)?\s*[:,.]?\s*(?:ending\s*in\s*)?"
    # (`saad *7225`: most of the mask read as small letters before a mark)
    r"(?:[a-z]{2,4}\s?(?=[*#%]))?"
    # (`XX¥XXXX3823`: a speck inside the mask read as a symbol)
    r"(?:[Xx*#%.\s\"'\u201c\u201d\u2018\u2019-]|[^\w\s](?=[Xx*#])){0,20}"
    # `7000x7734`, `##4%5679`: part of the mask read as digits (or `%`)
    # or read as figures altogether (`#4897502` for ***7502); a year that
    # opens a date on the next line (`2026-03-01`) is no account
    # `##*%2 140`: one space OCR set inside the four
    r"(?:\d{1,12}[Xx*#%]+|(?<=[#%*\"'\u201c\u201d\u2018\u2019])\d{1,3})?(\d(?: ?\d){3})"
    r"(?!\d|\s?-\s?\d)",
    re.IGNORECASE,
)


def page_number(lines: list[str], ocr: bool = False) -> tuple[int, int | None] | None:
    # Page numbers live in headers and footers; look there only so that
    # "page 2 of this form" in prose does not count.
    edge = lines[:4] + lines[-4:] if len(lines) > 8 else lines
    for pattern in (_PAGE_OF_RE, _OCR_PAGE_OF_RE) if ocr else (_PAGE_OF_RE,):
        for ln in edge:
            m = pattern.search(ln)
            if m:
                x = int(m.group(1).translate(_PAGE_DIGITS))
                y = int(m.group(2).translate(_PAGE_DIGITS))
                if 1 <= x <= y:
                    return x, y
    for ln in edge:
        m = _PAGE_ONLY_RE.match(ln) or (_OCR_TOTAL_LOST_RE.search(ln) if ocr else None)
        if m:
            return int(m.group(1)), None
    return None


def _first_date(chunks: list[str]) -> date | None:
    for chunk in chunks:
        found = find_dates(fix_ocr_digits(chunk))
        if found:
            return found[0][2]
    return None


# The dash or word between a period's two dates, after the first one's year
_RANGE_AFTER_YEAR = re.compile(r"(?:19|20)\d\d\s*(?:-|\u2013|\u2014|to|thru|through)\s*", re.I)


def _period_end(lines: list[str]) -> date | None:
    """A period whose first date OCR garbled (`foe 27, 2025 - April 26,
    2025`): the date after the dash still ends it."""
    for ln in lines:
        m = _RANGE_AFTER_YEAR.search(ln)
        if m is None or find_dates(fix_ocr_digits(ln[: m.end()])):
            continue
        after = find_dates(fix_ocr_digits(ln[m.end() :]))
        if after and after[0][0] == 0:
            return after[0][2]
    return None


def instance_key(doc_type: DocType, lines: list[str]) -> object:
    text = "\n".join(lines)
    if doc_type == DocType.paystub:
        # its pay date, and whose it is: two borrowers' stubs of one pay day
        # (a scan garbling one's date) are still two
        paid = _first_date([m.group(0) for m in _PAY_DATE_RE.finditer(text)])
        return (paid, ssn_key(lines[:12]))
    if doc_type == DocType.w2:
        for ln in lines:
            if _W2_YEAR_LINE_RE.search(ln):
                years = _YEAR_RE.findall(ln)
                if years:
                    return years[0]
        return None
    if doc_type == DocType.tax_return_1040:
        for ln in lines[:6]:
            if _1040_YEAR_LINE_RE.search(ln):
                years = _YEAR_RE.findall(ln)
                if years:
                    return years[0]
        return None
    if doc_type == DocType.bank_statement:
        # The statement period: the first two dates near the top a month or
        # so apart, whatever the wording around them.
        top = find_dates(fix_ocr_digits("\n".join(lines[:15])))
        acct = _ACCOUNT_RE.search(text) or PRODUCT_NUMBER.search("\n".join(lines[:20]))
        number = acct.group(1).replace(" ", "") if acct else None
        # (and the account's kind where the page names it: a savings and a
        # checking statement of one period, the savings' number garbled,
        # are still two)
        kind = _account_kind(lines[:15])
        for (_, _, a), (_, _, b) in pairwise(top):
            if 20 <= (b - a).days <= 100:
                return (a, b, number, kind)
        for ln in lines[:15]:
            # one of the two dates garbled (`@1-MAR-2026 TO 31~MAR~2026`): the
            # period as the statement reader takes it; where either date may
            # be the misread one, the periods it can be (`classify` compares
            # a set by membership)
            periods = [p for p in statement_periods(ln) if 20 <= (p[1] - p[0]).days <= 100]
            if len(periods) == 1:
                return (*periods[0], number, kind)
            if periods:
                starts = frozenset(p[0] for p in periods)
                return (starts, frozenset(p[1] for p in periods), number, kind)
        end = _period_end(lines[:15])
        if end is not None:
            return (None, end, number, kind)
        # a period OCR garbled: the account number alone still tells two apart
        return (None, None, number, kind) if number else None
    if doc_type in (DocType.loan_estimate, DocType.closing_disclosure):
        return _first_date([m.group(0) for m in _ISSUED_RE.finditer(text)])
    if doc_type == DocType.credit_report:
        return _first_date([m.group(0) for m in _REPORT_DATE_RE.finditer(text)])
    return None


# One per borrower, often back to back in a stacked file.
PERSON_KEYED = frozenset({DocType.voe, DocType.urla_1003, DocType.tax_return_1040})
# (`_XXX-xXx-2273`: a box's edge read as an underscore before the mask, a
# mark too many in its middle group)
_SSN_RE = re.compile(
    r"(?<![A-Za-z\d-])(?:[Xx*#]{3}|\d{3})-(?:[Xx*#]{2,3}|\d{2})-(\d{4})(?!\d)"
    r"|(?<![Xx*#])[Xx*#]{5}(\d{4})(?!\d)"
)


_SSN_LAST4_RE = re.compile(
    r"\b(?:ssn|social\s*security)\b[^\d\n]{0,24}(?:last\s*(?:4|four)\W{0,3})?(\d{4})(?!\d)", re.I
)


# a mask OCR garbled but for its last group (`e—**-0209`)
_SSN_TAIL_RE = re.compile(r"(?<![\w*#-])\S{0,3}[-\u2014\u2013]?[*#Xx]{2}-(\d{4})(?!\d)")
# a mask whose marks OCR read as capitals (`HR-HH-8647`), both its groups so
_SSN_LETTERED_RE = re.compile(r"(?<![\w-])[*#XxHKMNR]{2,3}-[*#XxHKMNR]{2}-(\d{4})(?!\d)")


# The account's kind as a statement's heading names it: beside its caption
# (`Account Type:  Savings`, `Aecount Type` misread) or before its number
# (`SHARE DRAFT CHECKING   ACCOUNT XXXXXX5764`); never a transaction's words
_KIND_RE = re.compile(
    r"\w?ccount\s*type\W{0,3}\s*(?:[A-Za-z]+\s+){0,2}?(checking|savings|money\s*market)\b"
    r"|\b(checking|savings|money\s*market)\s+account\s*(?:number|no\.?|#)?\W{0,3}\s*[\dXx*#]",
    re.IGNORECASE,
)


def _account_kind(lines: list[str]) -> str | None:
    for ln in lines:
        m = _KIND_RE.search(ln)
        if m:
            return re.sub(r"\s+", " ", (m.group(1) or m.group(2)).lower())
    return None


def ssn_key(lines: list[str]) -> str | None:
    for ln in lines[:25]:
        m = _SSN_RE.search(ln)
        if m:
            return m.group(1) or m.group(2)
        m2 = _SSN_LAST4_RE.search(ln) or _SSN_TAIL_RE.search(ln) or _SSN_LETTERED_RE.search(ln)
        if m2:
            return m2.group(1)
    return None
