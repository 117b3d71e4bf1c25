"""The URLA's assets and liabilities tables (section 2): one row per
account or debt, as printed."""

from __future__ import annotations

import re
from decimal import Decimal

from flightline.pipeline.extractors.base import DocText
from flightline.pipeline.extractors.names import clean_name
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue
from flightline.pipeline.normalize import normalize_account_last4

_ASSET_SECTION = re.compile(r"^\W*(?:2a\.?\s*)?assets\b", re.IGNORECASE)
# (OCR may garble the title, `2c. Lighilities`, `26. Liabilities`; its subtitle names it too)
_LIAB_SECTION = re.compile(
    # (`2CsLIABILITIES`: a speck after the box number; `2@.`: its letter read as a mark)
    # (`ac.`: the 2 read as a letter; `_Company Name`: a speck before the header)
    r"^[\W_]*(?:(?:2[a-z0-9@][^\w\s]?[a-z]?\.?\s*|[a-z]{2}\.\s*)?"
    r"(?:liabilities|l[a-z]{3,7}ities\s*-\s*credit\s*cards)\b"
    # or, the title garbled past reading (`DABILINES`), the table's own header
    r"|company\s*name.*unpaid\s*balance)",
    re.IGNORECASE,
)
# (`SECTION LOAN anu BRORERTX`: a section's number lost, its title garbled)
_NEXT_SECTION = re.compile(r"^\W*(?:[IVX]+\.\s|section\b|declarations)", re.IGNORECASE)
# (a `3` alone before a column gap, `3        BSE`, is a speck between rows,
# not section 3)
_SECTION_END = re.compile(
    r"^\W*(?:\d[a-e]\.?\s|section\b|2b\.?|2d\.?|3\.\s|3\s(?!\s)|[IVX]+\.\s|real\s*estate|"
    r"other\s*assets|other\s*liabilities|total\b|loan\s*and\s*property|declarations|"
    r"subject\s*loan|[a-z]\.\s)",
    re.IGNORECASE,
)
_ASSET_TYPES = re.compile(
    r"^(?:checking|savings|money\s*market|certificate\s*of\s*deposit|cd|mutual\s*fund|stocks?|"
    r"bonds?|retirement|401\s*\(?k\)?|ira|brokerage|cash\s*value|trust|bridge\s*loan|"
    r"individual\s*development|deposit(?:\s*acc(?:ou)?n?t\.?)?)(?:\s*account)?\b\.?",
    re.IGNORECASE,
)
_LIAB_TYPES = re.compile(
    r"^(?:revolving|installment|open\s*30[-\s]*day|lease|other|mortgage|heloc|auto\s*loan|"
    r"student\s*loan|credit\s*card)(?:\s*(?:loan|account))?\b",
    re.IGNORECASE,
)
_ACCT = re.compile(
    r"(?:(?<![Xx*#\u2022])[Xx*#\u2022]{2,16}[-\s]?\d{4}|\b\d{6,20}\b(?![.,]\d)"
    r"|\bending\s*(?:in\s*)?\d{4})"
)
_CENTS = re.compile(r"\.\d\d$")


def _rows(
    doc: DocText, start: re.Pattern[str], kinds: re.Pattern[str], liabilities: bool
) -> list[dict[str, FieldValue]]:
    rows: list[dict[str, FieldValue]] = []
    uncertain: list[int] = []  # rows of one word whose figures have no cents
    active = False
    for i, line in enumerate(doc.lines):
        text = line.text
        if start.match(text):
            active = True
            continue
        if not active:
            continue
        if _SECTION_END.match(text) and not kinds.match(text):
            # an empty table ends at the next section all the same (a page's
            # `Fannie Mae Form 1003  Page 2` further on is no liability)
            if rows or _NEXT_SECTION.match(text):
                break
            continue
        m = kinds.match(text)
        rest = text[m.end() :] if m else text
        acct = _ACCT.search(rest)
        figures = _ACCT.sub(" ", rest)
        if doc.ocr and liabilities:
            figures = _CENTS_COMMA.sub(r"\1.\2", figures)
        amounts = money_tokens(figures, boxes=False)
        first = amounts[0][0] if amounts else 0
        speck = False  # a garbled cell before the amounts
        if doc.ocr and liabilities:
            amounts, speck = _specks_out(figures, amounts)
        # A row is a type, an account number, or (liabilities) two amounts;
        # on a scan, a creditor and a balance in dollars and cents whose
        # payment OCR lost (`Keystone Retail Card  $8,181.00`).
        lost_payment = (
            doc.ocr
            and liabilities
            and len(amounts) == 1
            and _CENTS.search(figures[amounts[0][0] : amounts[0][1]]) is not None
        )
        if not amounts or (
            m is None
            and acct is None
            and not (liabilities and len(amounts) >= 2)
            and not lost_payment
        ):
            named = _named_row_garbled(rest) if doc.ocr and liabilities else None
            if named is not None:
                # the creditor read, its amounts garbled past reading
                # (`Heritage Motor Credit  Tour,  9G, 350  ielnce  t900,`):
                # listed on the application, its figures unknown
                rows.append({"creditor": doc.field(named, i)})
            continue
        name_end = acct.start() if acct else first
        cell = rest[:name_end].strip(" -|:")
        garbled = doc.ocr and liabilities and _garbled_after_name(cell)
        name = clean_name(re.split(r"\s{2,}", cell)[0] if garbled else cell)
        at = i
        if doc.ocr and liabilities and not _WORD.search(name or ""):
            # a speck for a name (`Pip  400 00une alia  $166.00`) over a line
            # that is a name alone: OCR set the row's name a line apart
            below = doc.lines[i + 1].text if i + 1 < len(doc.lines) else ""
            if _NAME_ALONE.match(below) and not _SECTION_END.match(below):
                name, at = clean_name(below), i + 1
        if not name or not re.search(r"[A-Za-z]{3}", name):
            continue
        row = {("creditor" if liabilities else "institution"): doc.field(name, at)}
        last4 = normalize_account_last4(acct.group(0)) if acct else None
        if last4 and not liabilities:
            row["account_last4"] = doc.field(last4, i)
        values = [abs(v) for _, _, v in amounts]
        if liabilities and len(values) == 1 and (speck or garbled):
            # the balance's cell garbled (`Apatite  -SABOD 00)  $104.00`): the
            # amount after it is the payment
            row["monthly_payment"] = doc.field(values[0], i)
        elif liabilities:
            row["balance"] = doc.field(values[0], i)
            if len(values) > 1:
                row["monthly_payment"] = doc.field(values[-1], i)
        else:
            row["value"] = doc.field(values[-1], i)
        rows.append(row)
        if not any(_CENTS.search(figures[a:b]) for a, b, _ in amounts) and " " not in name:
            uncertain.append(len(rows) - 1)
    if doc.ocr and len(rows) - len(uncertain) >= 2:
        # `endi  49,  $42.`: a mark on the scan read as one word and two
        # figures, in a table whose rows print their cents, is no row
        rows = [r for n, r in enumerate(rows) if n not in uncertain]
    return rows


# A speck OCR read as a figure or two (`3`, `2-t`, `00)`): no dollar sign, no
# thousands comma, no cents
_SPECK_FIGURES = re.compile(r"^[^\w$]*\d{1,2}[^\w$.,]*$")
# A cell no creditor's name has: one led by a mark, or holding a figure or mark
_GARBLED_CELL = re.compile(r"^[^A-Za-z]|[^A-Za-z\s&.,'\u2019]")


_WORD = re.compile(r"[A-Za-z]{4}")
# `$ 167,00`: the point read as a comma (a thousands comma has three figures
# after it, never two)
_CENTS_COMMA = re.compile(r"(?<![\d,.])(\d{1,3}),(\d\d)(?![\d,.])")
# A line that is a creditor's name and nothing else
_NAME_ALONE = re.compile(r"^\W*(?=.*[A-Za-z]{4})[A-Za-z][A-Za-z &.,'\u2019-]*$")


def _specks_out(
    figures: str, amounts: list[tuple[int, int, Decimal]]
) -> tuple[list[tuple[int, int, Decimal]], bool]:
    """A scanned liabilities row's amounts without the specks before them,
    in a row whose amounts print their cents; and whether one was dropped."""
    if not any(_CENTS.search(figures[a:b]) for a, b, _ in amounts):
        return amounts, False
    kept = [t for t in amounts if not _SPECK_FIGURES.match(figures[t[0] : t[1]].strip())]
    dropped = len(kept) < len(amounts) and (not kept or amounts[0] not in kept)
    return (kept, dropped) if kept else (amounts, False)


def _garbled_after_name(cell: str) -> bool:
    """The creditor's cell is followed by cells of marks (`Granite Credit
    Card        Apatite    -SABOD`): a garbled amount, not more of the name."""
    cells = re.split(r"\s{2,}", cell)
    return len(cells) > 1 and any(_GARBLED_CELL.search(c) for c in cells[1:])


# A creditor's name as a liabilities row prints it: two words or more, no
# figure (OCR may drop a capital to a small letter: `sterifhg Retail card`)
_CREDITOR_CELL = re.compile(r"^[A-Za-z][A-Za-z&.'\u2019]+(?:\s[A-Za-z&][A-Za-z&.'\u2019]*){1,5}$")


def _named_row_garbled(rest: str) -> str | None:
    """A scanned row whose first cell is a creditor's name and whose other
    cells hold figures no amount reads as (three figures or more among
    marks): that name."""
    cells = [c for c in re.split(r"\s{2,}", rest.strip(" -|:\u2018\u2019'\"")) if c]
    if len(cells) < 2 or not _CREDITOR_CELL.match(cells[0]):
        return None
    if len(re.findall(r"\d", " ".join(cells[1:]))) < 3:
        return None
    return clean_name(cells[0])


def asset_rows(doc: DocText) -> list[dict[str, FieldValue]]:
    return _rows(doc, _ASSET_SECTION, _ASSET_TYPES, liabilities=False)


def liability_rows(doc: DocText) -> list[dict[str, FieldValue]]:
    return _rows(doc, _LIAB_SECTION, _LIAB_TYPES, liabilities=True)
