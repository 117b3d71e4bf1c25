"""Credit report: report date, borrowers, scores per bureau, tradelines."""

from __future__ import annotations

import re
from decimal import Decimal

from rapidfuzz.fuzz import ratio

from flightline.pipeline.extractors.base import (
    DocText,
    Spec,
    set_field,
)
from flightline.pipeline.extractors.cells import TRAILING_SPECK
from flightline.pipeline.extractors.credit_amounts import (
    STATUS_WORD,
    map_amounts,
    sign_as_figure,
    to_status,
    type_glued,
)
from flightline.pipeline.extractors.credit_scores import CO, MAIN, score_rows
from flightline.pipeline.extractors.names import clean_person
from flightline.pipeline.extractors.reader import Reader
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import find_dates

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
            "person",
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
            # the co-applicant's line (`CO-APPLICANT: ... SSN: ...`) is not ours
            exclude=r"^\W*co-?\s*(?:borrower|applicant|app)\b",
        ),
        Spec(
            "co_borrower_name",
            "person",
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
_PARTY_HEADER = re.compile(
    # the address column stands in for an SSN header OCR lost: the rows below
    # must still carry a masked SSN
    r"^\W*(?:applicant|borrower|name|consumer)s?\b.*\b(?:ssn|social\s*security|address)\b",
    re.IGNORECASE,
)
# OCR reads a mask's X as H, K, N or M, may set a hyphen apart (`HHH -HH-4797`)
# or lose a mark of the first group (`#H-##-8478`).
_SSN_MASK = re.compile(
    # (a space OCR put inside the last four: `XXX-XX-974 1`)
    r"(?:[XxHKMN*#%]{2,3}|\d{3})\s?-\s?(?:[XxHKMN*#%]{2}|\d{2})\s?-\s?\d(?:\s?\d){3}(?!\d)"
    r"|[Xx*#]{5}\d{4}"
    # hyphens OCR lost (`XXX XX9334`): a mask of letters only, never digits
    r"|(?<!\w)[XxHKMN*#%]{3}\s[XxHKMN*#%]{2}\s?\d{4}(?!\d)"
    # some marks read as small letters (`HiHt-H#H-4096`): the groups' shape,
    # a mask's letter among them
    r"|(?<!\w)(?=[^\s-]{0,3}[XHK#*%])[^\s\d-]{2,4}-[^\s\d-]{2,3}-\d{4}(?!\d)"
    # the first group lost, its hyphen kept (`-##-0661`)
    r"|(?<![\w-])-[XxHKMN*#%]{2}-\d{4}(?!\d)"
)
_TRADE_HEADER = re.compile(r"(?:creditor|company|account\s*name|lender|subscriber)", re.I)
# (a speck before the section's title, `«Inquiries`, still ends the list)
_TRADE_END = re.compile(
    r"^\W*(?:inquiries|credit\s*inquiries|public\s*records?|collections|summary|"
    r"fraud|alerts?|consumer\s*statements?|creditor\s*contacts|end\s*of\s*report|"
    r"total(?:s)?\b|score\s*factors|addresses)",
    re.IGNORECASE,
)
# A running footer (`Credit Report Page 1 of 1`) is never a tradeline.
_PAGE_FOOTER = re.compile(r"\bpage\s*\d+\s*(?:of|/)\s*\d+\s*$", re.IGNORECASE)
_TYPE_WORDS = (
    ("mortgage", re.compile(r"^(?:mortgage|mtg|conventional|heloc|real\s*estate)$", re.I)),
    ("installment", re.compile(r"^(?:installment|inst|instl|auto|student)$", re.I)),
    ("revolving", re.compile(r"^(?:revolving|rev|revolv)$", re.I)),
    ("open", re.compile(r"^open$", re.I)),
    ("lease", re.compile(r"^lease$", re.I)),
)
_LONG_TYPES = ("mortgage", "installment", "revolving")
_TYPE_SIMILAR = 80.0
_TYPE_CODES = {"R": "revolving", "I": "installment", "M": "mortgage", "O": "open"}
_ACCT_NUMBER = re.compile(
    r"(?<![Xx*#])[Xx*#]{2,16}[\dXx*#-]{0,20}\d{0,12}(?!\w)"
    # (its first figures OCR may set apart by a space: `807 15018****`)
    # (a mark after a whole number of six figures or fewer, `346000*`, is a
    # speck on a balance, not a mask)
    r"|\b(?:\d{1,4} )?[A-Za-z]?(?:\d{4,20}[Xx*#]{2,16}|\d{7,20}[Xx*#])(?!\w)|#\s?\d{4,20}"
    # (or its last ones, one read as a letter and the mask's first as a
    # quote: `371581 16e"**`)
    r"|\b\d{4,12} \d{1,4}[A-Za-z]?[\"'\u201c\u201d\u2019\u00b0]?[Xx*#]{1,16}(?!\w)"
    # OCR keeps part of a trailing mask as a quote or a degree sign
    # (`94057598"`), or loses it, and may read a first digit as a letter
    # (`G1503782****`): a run of eight digits or more without a thousands
    # separator is an account number, never a consumer balance.
    # (a rule's underscore may lead it, `_62685838"***`, and a star of the
    # mask read as a figure trail it, `6164611197"9`)
    r"|(?<![A-Za-z0-9])[A-Za-z]?\d{7,20}[\"'\u201c\u201d\u2019\u00b0*]+(?:\d(?!\w))?"
    r"|\b\d{8,20}\b"
)
# The tradelines section's title: rows under it are tradelines even when its
# column header is too garbled to read.
_TRADE_SECTION = re.compile(
    r"^\W*(?:trade\s*lines?|credit\s*accounts?|account\s*history|credit\s*history)\W*$",
    re.IGNORECASE,
)
# Specks OCR reads at a name's edges (`*HARBOR CARD SVCS_—«`).
_EDGE_JUNK = re.compile(r"^(?:[^\w(]|_)+|(?:[^\w.)]|_)+$")
# (`of/22`: the month garbled to letters; still the opened date's cell)
_MONTH_YEAR = re.compile(r"(?<![\w/])(?:\d{1,2}|[A-Za-z][\dA-Za-z]?)/\d{2}(?![\d/])")
_KV_TYPE = re.compile(r"\btype\W{0,3}\s*([A-Za-z]+)", re.IGNORECASE)
# (`BALAN€E`: a letter OCR read as a symbol)
_KV_BALANCE = re.compile(r"\bbal\S{2,4}e\W{0,2}\s*(\$?\s?-?\d[\d,.]*)", re.IGNORECASE)
_KV_PAYMENT = re.compile(
    # `MONTHLY PAYM..`, `MONTHLY PAY..`: a label cut short by its box still
    # names the payment (`PAYM.._`: a speck after it; `PAYM!.`: a point read
    # as a mark; `Payment”`: a quote-mark speck; `Ponty Rayment`: its P
    # misread).
    r"\b(?:monthly\s*pay(?:m\w*)?|paym\w*|[a-z]ayment)(?:[^\w\s$-]{1,2})?[\s:_~]*"
    r"(\$?\s?-?\d[\d,.]*)",
    re.IGNORECASE,
)
_KV_LINE = re.compile(
    r"\b(?:account|balance|paym\w*|monthly\s*pay|type|opened|status)\b", re.IGNORECASE
)


def _last4(mask: str) -> str:
    return re.sub(r"\s", "", mask)[-4:]


# a small word in a cell of its own after the name (`Joanna A. Clark   rane`):
# a speck read as letters, never part of a capitalised name
_SPECK_CELL_END = re.compile(r"\s{2,}[a-z]{1,5}\W?\s*$")


def _parties(doc: DocText, out: dict[str, FieldValue]) -> None:
    """`Applicant  SSN  Address` over one row per borrower."""
    for i, line in enumerate(doc.lines):
        if not _PARTY_HEADER.search(line.text) or re.search(r"\d{3}", line.text):
            continue
        names = ("borrower_name", "co_borrower_name")
        ssns = ("ssn_last4", "co_borrower_ssn_last4")
        n = 0
        j: int | None = i
        while n < 2:
            j = doc.next_line(j) if j is not None else None
            if j is None:
                break
            row = doc.lines[j].text
            m = _SSN_MASK.search(row)
            if not m:
                break
            person = clean_person(_SPECK_CELL_END.sub("", row[: m.start()]))
            last4 = _last4(m.group(0))
            if person:
                set_field(out, names[n], doc.field(person, j))
            if last4:
                set_field(out, ssns[n], doc.field(last4, j))
            n += 1
        if n:
            return


def _money_columns(header: str) -> list[str]:
    cols = []
    for m in re.finditer(
        # `Hiigh Credit`: OCR doubles or drops a letter of the word
        # `High cred`: the word cut short; `High Gredit`: its C misread;
        # `_igh Credit`: its H lost; `High\u2019Credit` (a quote): a speck for the space
        # (`Highredit`: the C lost with the space)
        # (`fligh Creait`: its H read as `fl`, its d as an a)
        r"(?<![a-z])(?:h[a-z]{1,3}h|_?igh|fl?igh)(?:\s|['\u2018\u2019`\"])*"
        r"(?:[a-z]?red\w*|[a-z]?rea[a-z]t\w*|balance)|"
        r"credit\s*limit|\blimit\b|"
        r"past\s*due|"
        # `aAYMENT`, `Pgyment`: the P or the A read as another letter
        r"(?:monthly\s*)?(?:payment|pmt|(?<![a-z])(?:[a-z]?ayment|p[a-z]yment))s?|"
        # (`_Balance`: a rule's underscore before the caption)
        r"(?<![^\W_])balance\b|\bbal\b|\bterms?\b",
        header,
        re.IGNORECASE,
    ):
        word = m.group(0).lower()
        if word.lstrip("_").startswith(("h", "igh", "fl", "credit", "limit")):
            cols.append("limit")
        elif word.startswith("past"):
            cols.append("past_due")
        elif word.startswith("bal"):
            cols.append("balance")
        else:
            cols.append("payment")
    return cols


def _is_value(token: str) -> bool:
    # a quote or star speck before an amount (`"5,900`, `*$725946`) still
    # starts the amounts
    return bool(re.match(r"^[\"'*\u201c\u201d\u2018\u2019]?[$(-]?\d", token))


_MID_SPECK = re.compile(r"(?<=[A-Za-z])[®©™°](?=[A-Za-z])")


_FIGURE = re.compile(r"\d")


def _split_row(text: str, codes: bool) -> tuple[str, list[str]] | None:
    """A tradeline row's creditor (the leading words) and the tokens after it."""
    tokens = text.split()
    for n, token in enumerate(tokens):
        nxt = tokens[n + 1] if n + 1 < len(tokens) else ""
        if _is_value(token):
            break
        is_code = len(token) == 1 and token.isupper() and n > 0
        is_type = any(p.match(token) for _, p in _TYPE_WORDS)
        # (before a garbled amount too: `R  @132.00`)
        if (
            (is_code or is_type)
            and n > 0
            and (_is_value(nxt) or len(nxt) <= 1 or _FIGURE.search(nxt))
        ):
            break
    else:
        return None
    # a speck between two words (`BLUEWATER®CARD`) is the space between them
    creditor = _EDGE_JUNK.sub("", _MID_SPECK.sub(" ", " ".join(tokens[:n])))
    # (two letters alone are a speck read as letters, `OO  15.`)
    if not re.search(r"[A-Za-z]{2}", creditor) or sum(c.isalpha() for c in creditor) < 3:
        return None
    return creditor, tokens[n:]


# A token no creditor's name has: two marks or figures among its letters
_JUNK_TOKEN = re.compile(r"^(?=(?:\S*[^\sA-Za-z&.,'\u2019-]){2})\S{4,}$")


def _junk_cell_out(creditor: str, tokens: list[str]) -> tuple[str, list[str]]:
    """A scanned row whose cells before the amounts OCR garbled into marks
    (`HERITAGE CARD SVCS  e7e4qso42""  tti(iBCC#N2OO#C  8,954  265`):
    the marks are no part of the creditor, and the last of them is a cell
    that did not read (a garbled amount keeping its column)."""
    words = creditor.split()
    n = len(words)
    while n > 1 and _JUNK_TOKEN.match(words[n - 1]):
        n -= 1
    if n == len(words) or not re.search(r"[A-Za-z]{2}", " ".join(words[:n])):
        return creditor, tokens
    # (a short one, `om14`, is what is left of the opening date, no amount)
    cell = ["Sxx"] if len(words[-1]) >= _CELL_CHARS else []
    return " ".join(words[:n]).rstrip(" -"), [*cell, *tokens]


_CELL_CHARS = 6


# The payment's cell as printed: dollars, perhaps a speck after them (`$0_`).
_DOLLARS_CELL = re.compile(r"^\$(\d{1,3}(?:,\d{3})*|\d+)(?:\.\d\d)?[_\"'\u201d\u2019]?$")


def _payment_before_type(cells: list[str]) -> dict[str, Decimal]:
    """A scanned row whose amounts fit no column (`51S, B00  $0_ REV`: the
    balance and limit garbled) under a header whose payment column comes
    just before the type: the dollars right before the type word are the
    payment, though the other cells stay unknown."""
    for n, cell in enumerate(cells):
        if n and any(pattern.match(cell) for _, pattern in _TYPE_WORDS):
            found = _DOLLARS_CELL.match(cells[n - 1])
            return {"payment": Decimal(found.group(1).replace(",", ""))} if found else {}
    return {}


def _row_type(tokens: list[str], codes: bool, ecoa: bool = False) -> str | None:
    if codes:
        # A one-letter type column (R, I, M) comes before the status words;
        # with an ECOA column too, the first one-letter code is the ECOA's.
        if ecoa and tokens and len(tokens[0]) == 1:
            tokens = tokens[1:]
        letters = [t for t in tokens if t in _TYPE_CODES]
        if letters:
            return _TYPE_CODES[letters[0]]
    for token in tokens:
        for value, pattern in _TYPE_WORDS:
            if pattern.match(token):
                return value
    for token in tokens:
        # `Instaltment`, `Revolvmg`: a type word with an OCR letter or two wrong
        if len(token) >= 6:
            close = [v for v in _LONG_TYPES if ratio(token.lower(), v) >= _TYPE_SIMILAR]
            if len(close) == 1:
                return close[0]
    return None


def _amounts_in_header(text: str, ocr: bool) -> bool:
    """A line of captions holds no amount; on a scan a lone figure (`STATUS
    2`) is a speck, not one."""
    return any(
        not (ocr and v == v.to_integral_value() and abs(v) < 10) for _, _, v in money_tokens(text)
    )


def _tradelines(doc: DocText, ld: LogicalDocument) -> None:
    rows: list[dict[str, FieldValue]] = []
    cols: list[str] = []
    codes = ecoa = False
    active = False
    for i, line in enumerate(doc.lines):
        text = line.text
        if (
            # (the creditor column's caption may be garbled, `crepyTor`: a
            # balance and a payment column name the table too)
            (_TRADE_HEADER.search(text) or re.search(r"\bpayment\b", text, re.I))
            and re.search(r"balance|\bbal\b", text, re.I)
            and not _amounts_in_header(text, doc.ocr)
        ):
            cols = _money_columns(text)
            codes = bool(re.search(r"\btype\b", text, re.I))
            ecoa = bool(re.search(r"\becoa\b", text, re.I))
            active = "balance" in cols
            continue
        if (
            doc.ocr
            and _TRADE_HEADER.search(text)
            and re.search(r"\bpayment\b", text, re.I)
            and not _amounts_in_header(text, doc.ocr)
        ):
            # the balance's caption garbled past reading (`CREDITOR  TYPE  E
            # PAYMENT  STATUS`): the table is there, its amounts in the usual order
            cols, ecoa, active = [], False, True
            codes = bool(re.search(r"\btype\b", text, re.I))
            continue
        if _TRADE_SECTION.match(text):
            # A header read next sets the columns; until then, the usual order.
            cols, codes, ecoa, active = [], False, False, True
            continue
        if _TRADE_END.match(text):
            active = False
            continue
        block = _block(doc, i)
        if block is not None:
            rows.append(block)
            continue
        if not active or _PAGE_FOOTER.search(text):
            continue
        cleaned = _MONTH_YEAR.sub(" ", _ACCT_NUMBER.sub(" ", text))
        for s, e, _ in find_dates(cleaned):
            cleaned = cleaned[:s] + " " * (e - s) + cleaned[e:]
        split = _split_row(cleaned, codes)
        if split is None:
            continue
        creditor, tokens = split
        if doc.ocr and _speck_line(creditor, tokens):
            continue
        if doc.ocr:
            creditor, tokens = _junk_cell_out(creditor, tokens)
        cells = _after_ecoa(tokens) if ecoa else tokens
        if doc.ocr:
            cells = to_status(cells)
            if codes:
                cells = _codes_apart(cells)
        mapped = map_amounts(cells, cols, doc.ocr)
        if not mapped:
            continue
        if doc.ocr and codes and cols[-1:] == ["payment"] and mapped.get("payment") is None:
            mapped = {**mapped, **_payment_before_type(cells)}
        if doc.ocr:
            sign_as_figure(mapped)
        entry = {"creditor": doc.field(creditor, i)}
        for column, name in (("balance", "balance"), ("payment", "monthly_payment")):
            amount = mapped.get(column)
            if amount is not None:
                entry[name] = doc.field(amount, i)
        kind = _row_type(cells, codes, ecoa and cells is tokens)
        if doc.ocr and codes and kind is None and (glued := type_glued(cells)) is not None:
            entry["monthly_payment"], kind = doc.field(glued, i), "installment"
        if kind:
            entry["account_type"] = doc.field(kind, i)
        rows.append(entry)
    if rows:
        ld.rows["tradelines"] = rows


_LONG_WORD = re.compile(r"[A-Za-z]{4}")
_TWO_FIGURES = re.compile(r"\d\d")


def _speck_line(creditor: str, tokens: list[str]) -> bool:
    """`Nea        8` under the table: no word a creditor's name would have
    and no figure an amount would, marks on the scan rather than a row; nor
    is one word with a speck beside it (`LOAN.        7`, a disclaimer's
    last word), no dollar sign or amount's figures in it."""
    no_amount = not any("$" in t or _TWO_FIGURES.search(t) for t in tokens)
    return no_amount and (not _LONG_WORD.search(creditor) or len(creditor.split()) == 1)


_ECOA_CODE = re.compile(r"^[IJACMSUT]$")


def _after_ecoa(tokens: list[str]) -> list[str]:
    """The cells after the ECOA code: what comes before it is what OCR left
    of the account number (`233469)  7`, `43  1Q6866`), never an amount."""
    for n, token in enumerate(tokens):
        # (an amount, `$` or thousands, comes after the ECOA's column: a code
        # past one is the type's, `323,000  1125 M`, the ECOA's lost)
        if "$" in token or _THOUSANDS.match(token):
            break
        if _ECOA_CODE.match(token):
            return tokens[n + 1 :]
    return tokens


_THOUSANDS = re.compile(r"^\W?\d{1,3}(?:,\d{3})+")
# The type's one-letter code glued to a zero payment before it (`0R`, `OR`),
# or its I read as a figure or a bar after the payment (`321 1`)
_ZERO_CODE = re.compile(r"^[0O]([RIM])$")
_CODE_AS_FIGURE = re.compile(r"^[1l|]$")


def _codes_apart(cells: list[str]) -> list[str]:
    """A scanned row's type code told from the amounts beside it."""
    out: list[str] = []
    for n, cell in enumerate(cells):
        glued = _ZERO_CODE.match(cell)
        after = cells[n + 1] if n + 1 < len(cells) else ""
        if glued and n and _FIGURE.search(cells[n - 1]):
            out += ["0", glued.group(1)]
        elif (
            _CODE_AS_FIGURE.match(cell)
            and n
            and _FIGURE.search(cells[n - 1])
            and (not after or STATUS_WORD.match(after))
        ):
            out.append("I")
        else:
            out.append(cell)
    return out


_FIGURES = re.compile(r"(?<![A-Za-z])\d+(?![A-Za-z])")


def _block(doc: DocText, i: int) -> dict[str, FieldValue] | None:
    """A creditor's name on its own line over `Type: ... Balance: ... Payment: ...`."""
    # a speck OCR set apart after the name (`KEYSTONE FINANCE        5`)
    text = TRAILING_SPECK.sub("", doc.lines[i].text)
    # (a figure inside a word of letters is a letter misread: `CASCADE CARD 6VCS`)
    if ":" in text or _FIGURES.search(text) or not re.search(r"[A-Za-z]{3}", text):
        return None
    if _TRADE_END.match(text) or len(text) > 60:
        return None
    body: list[tuple[int, str]] = []
    j: int | None = i
    for _ in range(3):
        j = doc.next_line(j) if j is not None else None
        if j is None or not _KV_LINE.search(doc.lines[j].text):
            break
        body.append((j, doc.lines[j].text))
    joined = " ".join(t for _, t in body)
    bal = _KV_BALANCE.search(joined)
    if not bal:
        return None
    balance = money_tokens(bal.group(1))
    if not balance:
        return None
    where = next(k for k, t in body if _KV_BALANCE.search(t))
    entry = {
        "creditor": doc.field(_EDGE_JUNK.sub("", _MID_SPECK.sub(" ", text)), i),
        "balance": doc.field(abs(balance[0][2]), where),
    }
    pay = _KV_PAYMENT.search(joined)
    if pay and money_tokens(pay.group(1)):
        k = next(k for k, t in body if _KV_PAYMENT.search(t))
        entry["monthly_payment"] = doc.field(abs(money_tokens(pay.group(1))[0][2]), k)
    kind = _KV_TYPE.search(joined)
    # without its `Type` label (lost to OCR), the type word stands alone
    value = _row_type([kind.group(1)] if kind else re.findall(r"[A-Za-z]{6,}", joined), False)
    if value:
        entry["account_type"] = doc.field(value, where)
    return entry


def extract_credit_report(doc: DocText, ld: LogicalDocument) -> None:
    out = ld.fields
    _parties(doc, out)
    _CREDIT.read(doc, out)
    if "ssn_last4" not in out:
        _line_ssn(doc, out, "ssn_last4", MAIN, CO)
    if "co_borrower_ssn_last4" not in out and "co_borrower_name" in out:
        _line_ssn(doc, out, "co_borrower_ssn_last4", CO, None)
    if "co_borrower_ssn_last4" not in out and "co_borrower_name" in out:
        _second_ssn(doc, out)
    score_rows(doc, ld)
    _tradelines(doc, ld)


def _line_ssn(
    doc: DocText,
    out: dict[str, FieldValue],
    name: str,
    party: re.Pattern[str],
    other: re.Pattern[str] | None,
) -> None:
    """A masked SSN on the party's own line (`APPLICANT: ... SSNiy xxx-xx-1022`)
    whose caption OCR garbled: the line opens with the party's mark."""
    for i, line in enumerate(doc.lines):
        head = line.text[:24]
        if not party.search(head) or (other is not None and other.search(head)):
            continue
        masks = _SSN_MASK.findall(line.text)
        if len(masks) == 1:
            out[name] = doc.field(_last4(masks[0]), i)
            return


def _second_ssn(doc: DocText, out: dict[str, FieldValue]) -> None:
    first = out.get("ssn_last4")
    seen = first.value if first else None
    for i, line in enumerate(doc.lines):
        for m in _SSN_MASK.finditer(line.text):
            v = _last4(m.group(0))
            if v != seen:
                out["co_borrower_ssn_last4"] = doc.field(v, i)
                return
