"""Credit report: report date, borrowers, scores per bureau, tradelines."""

from __future__ import annotations

import re
from decimal import Decimal

from flightline.pipeline.extractors.base import (
    DocText,
    Reader,
    Spec,
)
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import find_dates, name_key, normalize_ssn_last4

_CREDIT = Reader(
    (
        Spec(
            "report_date",
            "date",
            (
                "Report Date",
                "Date of Report",
                "Date Completed",
                "Date Issued",
                "Report Issued",
                "Completed",
                "Issued",
                "Date Ordered",
                "Order Date",
                "Reported",
            ),
        ),
        Spec(
            "borrower_name",
            "name",
            (
                "Borrower Name",
                "Borrower",
                "Applicant Name",
                "Applicant",
                "Primary Borrower",
                "Name",
                "Subject",
            ),
            exclude=r"co-?\s*(?:borrower|applicant)\s*$",
        ),
        Spec(
            "ssn_last4",
            "ssn4",
            ("Borrower SSN", "SSN", "Social Security Number", "Social Security", "SS#"),
        ),
        Spec(
            "co_borrower_name",
            "name",
            (
                "Co-Borrower Name",
                "Co-Borrower",
                "Co-Applicant Name",
                "Co-Applicant",
                "Joint Applicant",
                "Spouse",
            ),
        ),
        Spec("co_borrower_ssn_last4", "ssn4", ("Co-Borrower SSN", "Co-Applicant SSN")),
    ),
    extra_labels=(
        "Report Date",
        "Address",
        "Current Address",
        "DOB",
        "Date of Birth",
        "Loan Number",
        "Reference",
        "File Number",
        "Order Number",
        "Requested By",
        "Prepared For",
    ),
)
_BUREAUS = (
    ("equifax", re.compile(r"equifax|\bEFX\b|beacon", re.IGNORECASE)),
    ("experian", re.compile(r"experian|\bEXP\b|\bXPN\b|fair\s*isaac", re.IGNORECASE)),
    ("transunion", re.compile(r"trans\s*union|\bTU\b|\bTUC\b|classic\s*04", re.IGNORECASE)),
)
_SCORE = re.compile(r"(?<![\d.,$/-])([3-8]\d\d)(?![\d.,/%]|\.\d)")
_CO = re.compile(r"co-?\s*(?:borrower|applicant)|joint\s*applicant|spouse", re.IGNORECASE)
_MAIN = re.compile(r"(?<!co-)(?<!co )\b(?:borrower|applicant)\b", re.IGNORECASE)
_SCORE_SECTION = re.compile(r"credit\s*scores?|score\s*(?:summary|information)|fico", re.I)
_TRADE_HEADER = re.compile(r"(?:creditor|company|account\s*name|lender|subscriber)", re.I)
_TRADE_END = re.compile(
    r"^(?:inquiries|credit\s*inquiries|public\s*records?|collections|summary|"
    r"fraud|alerts?|consumer\s*statements?|creditor\s*contacts|end\s*of\s*report|"
    r"total(?:s)?\b|score\s*factors|addresses)",
    re.IGNORECASE,
)
_ACCOUNT_TYPES = (
    ("mortgage", re.compile(r"mortgage|\bmtg\b|conventional\s*re|real\s*estate|heloc", re.I)),
    ("installment", re.compile(r"installment|\binst\b|auto|student|personal\s*loan", re.I)),
    ("revolving", re.compile(r"revolving|\brev\b|credit\s*card|charge\s*card|card\b", re.I)),
    ("open", re.compile(r"\bopen\b", re.I)),
    ("lease", re.compile(r"lease", re.I)),
)
_ACCT_NUMBER = re.compile(r"[Xx*#]{2,}[\dXx*#-]*\d*|\b\d{4,}[Xx*]+\b")


def _score_lines(doc: DocText, ld: LogicalDocument) -> None:
    scores: list[dict[str, FieldValue]] = []
    seen: set[tuple[int, str]] = set()
    borrower = 1
    co_name = ld.fields.get("co_borrower_name")
    co_key = name_key(str(co_name.value)) if co_name else None
    main_name = ld.fields.get("borrower_name")
    b_key = name_key(str(main_name.value)) if main_name else None
    two_columns = False
    for i, line in enumerate(doc.lines):
        text = line.text
        bureaus = [(b, m.start()) for b, p in _BUREAUS for m in [p.search(text)] if m]
        if not bureaus:
            lowered = name_key(text)
            has_co = bool(_CO.search(text)) or bool(co_key and co_key in lowered)
            has_b = bool(_MAIN.search(text)) or bool(b_key and b_key in lowered)
            if has_co and has_b and not re.search(r"\d{3}", text):
                two_columns = True
            elif has_co:
                borrower, two_columns = 2, False
            elif has_b and len(text) < 80 and not re.search(r"\d{3}", text):
                borrower = 1
            continue
        if money_tokens(text) and re.search(r"\$|\d,\d{3}|\.\d\d\b", text):
            continue
        found = [
            (m.start(1), int(m.group(1)))
            for m in _SCORE.finditer(text)
            if 300 <= int(m.group(1)) <= 850
        ]
        if not found:
            continue
        if len(bureaus) == 1 and len(found) >= 2 and two_columns:
            # Bureau rows, one column per borrower.
            for n, (_, score) in enumerate(found[:2], start=1):
                _add_score(doc, scores, seen, i, n, bureaus[0][0], score)
            continue
        bureaus.sort(key=lambda b: b[1])
        for n, (bureau, start) in enumerate(bureaus):
            end = bureaus[n + 1][1] if n + 1 < len(bureaus) else len(text)
            mine = [s for pos, s in found if start < pos < end]
            if mine:
                _add_score(doc, scores, seen, i, borrower, bureau, mine[0])
    if scores:
        ld.rows["scores"] = scores


def _add_score(
    doc: DocText,
    scores: list[dict[str, FieldValue]],
    seen: set[tuple[int, str]],
    i: int,
    borrower: int,
    bureau: str,
    score: int,
) -> None:
    if (borrower, bureau) in seen:
        return
    seen.add((borrower, bureau))
    scores.append(
        {
            "borrower": doc.field(borrower, i),
            "bureau": doc.field(bureau, i),
            "score": doc.field(score, i),
        }
    )


def _money_columns(header: str) -> list[str]:
    cols = []
    for m in re.finditer(
        r"high\s*(?:credit|balance)|credit\s*limit|\blimit\b|past\s*due|"
        r"(?:monthly\s*)?(?:payment|pmt)s?|\bbalance\b|\bbal\b|\bterms?\b",
        header,
        re.IGNORECASE,
    ):
        word = m.group(0).lower()
        if word.startswith(("high", "credit", "limit")):
            cols.append("limit")
        elif word.startswith("past"):
            cols.append("past_due")
        elif word.startswith("bal"):
            cols.append("balance")
        else:
            cols.append("payment")
    return cols


def _tradelines(doc: DocText, ld: LogicalDocument) -> None:
    rows: list[dict[str, FieldValue]] = []
    cols: list[str] = []
    active = False
    for i, line in enumerate(doc.lines):
        text = line.text
        if (
            _TRADE_HEADER.search(text)
            and re.search(r"balance|\bbal\b", text, re.I)
            and not (money_tokens(text))
        ):
            cols = _money_columns(text)
            active = "balance" in cols
            continue
        if not active:
            continue
        if _TRADE_END.match(text):
            active = False
            continue
        row = _trade_row(text, cols)
        if row is None:
            continue
        creditor, balance, payment, account_type = row
        entry = {"creditor": doc.field(creditor, i)}
        if balance is not None:
            entry["balance"] = doc.field(balance, i)
        if payment is not None:
            entry["monthly_payment"] = doc.field(payment, i)
        if account_type:
            entry["account_type"] = doc.field(account_type, i)
        rows.append(entry)
    if rows:
        ld.rows["tradelines"] = rows


def _trade_row(
    text: str, cols: list[str]
) -> tuple[str, Decimal | None, Decimal | None, str | None] | None:
    cleaned = _ACCT_NUMBER.sub(" ", text)
    for s, e, _ in find_dates(cleaned):
        cleaned = cleaned[:s] + " " * (e - s) + cleaned[e:]
    amounts = money_tokens(cleaned)
    if not amounts:
        return None
    m = re.match(
        r"\s*([A-Za-z&][A-Za-z0-9&.,'\u2019/ -]*?)(?=\s+(?:\$|\d|[Xx*#]{2}|revolving|"
        r"installment|mortgage|open|auto|student|credit\s*card|lease)|\s*$)",
        cleaned,
        re.IGNORECASE,
    )
    if not m:
        return None
    creditor = m.group(1).strip(" -,")
    if len(creditor) < 2:
        return None
    account_type = None
    for value, pattern in _ACCOUNT_TYPES:
        if pattern.search(text[len(creditor) :]):
            account_type = value
            break
    values = [abs(v) for _, _, v in amounts]
    mapped: dict[str, Decimal] = {}
    if cols and len(values) == len(cols):
        mapped = dict(zip(cols, values, strict=True))
    elif len(values) == 2 and "balance" in cols and "payment" in cols:
        order = [c for c in cols if c in ("balance", "payment")]
        mapped = dict(zip(order, values, strict=True))
    elif "balance" in cols and len(values) >= cols.index("balance") + 1:
        mapped = {c: v for c, v in zip(cols, values, strict=False)}
    return creditor, mapped.get("balance"), mapped.get("payment"), account_type


def extract_credit_report(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _CREDIT.read(doc, out)
    if "co_borrower_ssn_last4" not in out and "co_borrower_name" in out:
        _second_ssn(doc, out)
    _score_lines(doc, ld)
    _tradelines(doc, ld)


def _second_ssn(doc: DocText, out: dict[str, FieldValue]) -> None:
    first = out.get("ssn_last4")
    seen = first.value if first else None
    for i, line in enumerate(doc.lines):
        for m in re.finditer(r"(?:[Xx*#]{3}|\d{3})-(?:[Xx*#]{2}|\d{2})-\d{4}", line.text):
            v = normalize_ssn_last4(m.group(0))
            if v and v != seen:
                out["co_borrower_ssn_last4"] = doc.field(v, i)
                return
