"""A VOE's earnings tables: the captions both forms share, and a report's
rows by year under kind columns (`Year  Base  Overtime  Bonus  Total`);
Form 1005's rows by kind under period columns are `voe_periods`. OCR'd rows
are read cell by cell (`cells`), so a garbled cell keeps its column and is
left unread, and a row with a Total is checked against it (`row_sums`)."""

from __future__ import annotations

import re
from decimal import Decimal

from flightline.pipeline.extractors.base import DocText, set_field
from flightline.pipeline.extractors.cells import (
    cell_amounts,
    is_clean_amount,
    ocr_dates,
    row_cells,
)
from flightline.pipeline.extractors.row_sums import settled
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.extractors.voe_row_sums import CENT, adds_up, checked_row
from flightline.pipeline.model import FieldValue
from flightline.pipeline.normalize import (
    find_dates,
)

# (`Gross Earnifigs  Type  Year   Date (Thru ...`: OCR lost `To` and
# misread `Earnings`; the thru date still marks the year-to-date column)
VOE_HEADER = re.compile(
    r"(?:year\s*-?\s*(?:to\s*-?\s*)?date|\bytd\b|gross\s*earn\w*|\(\s*thru\b)"
    r".*(?:past|prior|last|previous|(?:19|20)\d\d)",
    re.IGNORECASE,
)
# A row's label may follow a speck OCR read as a letter (`e Overtime`) or an
# underscore (`_Base Pay`).
_SPECK = r"^[\W_]*(?:\w[\W_]+)?"
VOE_ROWS = (
    (
        "base",
        re.compile(_SPECK + r"(?:base\s*(?:pay|salary|income|earnings)?|salary|regular)\b", re.I),
    ),
    # (`Ovejtime`, `Overtlme`, `Overtnte`: a letter or two misread)
    ("overtime", re.compile(_SPECK + r"(?:ov\w{1,2}t(?:[il1]me|\w{2,3})|over\s*time)\b", re.I)),
    # (`Bénus`, `Bortus`, `Bopus`: the o, or the n, misread; `Bontisyy`: the u
    # read as `ti`, specks run on)
    ("bonus", re.compile(_SPECK + r"b(?:\wnu|o\w{1,2}u|o?nti)s(?:es|\w{0,2})?\b", re.I)),
    # (read so that a line of none shows none: the URLA's commission line
    # against the VOE's)
    ("commission", re.compile(_SPECK + r"commissions?\b", re.I)),
)


_YEAR_TABLE = re.compile(
    # (the year's caption may be garbled, `Weary`: base and total still name the table)
    # (`Bases`: a speck read as a letter after the caption)
    r"^[\W_]*(?:years?\b.*\b(?:base|overtime|total)|\S{1,6}\s{2,}bases?\W?\s{2,}.*\btotal)\b"
    # (or garbled into words, `easel  eee bee  mason  Base  Overtime  Bonus
    # Total`, `Yeat  3  Base`: a line of captions, no amount, from Base to Total)
    # (`Base_`, `Base*«`: marks run into the caption)
    r"|^(?!.*\d\d).*\bbases?[\W_]{0,2}\s{2,}.*\btotal\b",
    re.IGNORECASE,
)
# A first cell with a mark no amount has, before a row's amounts
# (`"302500   $ 195,819.00`); a bare number (`25000`) may be an amount.
_GARBLED_YEAR = re.compile(r"^(?=\S*[^\d\s,.$])([^\s$]{2,9})(?=\s{2,}\$?\s?\d)")
# A year cell OCR made words of (`DOTA   (erst   bere,` for 2024, `D025 en   Lea`
# for 2025) before the amounts (the first of them perhaps behind a rule's
# specks: `pees ine   _-$9255,289.32`); no word of it an amount
_JUNK_YEAR = re.compile(
    r"^((?:(?![\d,]*\d\.\d\d(?!\S))[^\s\d$][^\s$]*\s+){1,3})"
    r"(?=[_\-]{0,3}\$?\s?\d)"
)
# A row's year as OCR may leave it (`20%6`, `4024`, `024` or `24` its first
# digits lost, `2024,` a speck after it): two to four characters, mostly digits;
# a bar or a speck before it read as a figure (`12023`, `92025`) is no figure of
# it, nor is one after it (`20252`).
_YEAR_ROW = re.compile(
    r"^[\W_]*(?:[\dlI](?=(?:19|20)\d\d(?!\w)))?"
    r"((?:19|20)\d\d|[0-9][0-9%#*&@$oOlIAa]{2,3}|\d\d)(?:(?<=19\d\d|20\d\d)[\dlI])?(?!\w|[,.]\d)"
)
_YEAR_COLS = {
    "base": "base",
    "overtime": "overtime",
    "bonus": "bonus",
    "bonuses": "bonus",
    "commission": "commission",
    "commissions": "commission",
    "total": "total",
}
# How close a header word OCR misread (`Bopus`, `Bortus`) must be to a column's name
# (the nearest word that names no column, `date`, scores 50 against `base`).
_COLUMN_SCORE = 70
# The past years' rows under the YTD row, latest first.
PAST_PREFIXES = ("prior_year", "two_years_prior")


def _year_columns(header: str) -> list[str]:
    """The columns after `Year`, each header word matched to a column name
    tolerantly (one misread letter of `Bonus` still names the bonus column)."""
    from rapidfuzz import fuzz, process

    def best(word: str) -> tuple[str, float] | None:
        hit = process.extractOne(
            word.lower(), tuple(_YEAR_COLS), scorer=fuzz.ratio, score_cutoff=_COLUMN_SCORE
        )
        return None if hit is None else (_YEAR_COLS[hit[0]], hit[1])

    def column(word: str) -> str | None:
        hit = best(word)
        return None if hit is None else hit[0]

    def rest_of(before: str, word: str, col: str) -> bool:
        """`ime` after `Overt`: joined, they name the column better than alone."""
        joined, alone = best(before + word), best(before)
        return joined is not None and joined[0] == col and (alone is None or joined[1] > alone[1])

    # the first word is the year's caption, unless it names a column itself
    # (a header whose `Year` OCR lost: `Base  Overtime  Bonus  Total`)
    words = re.findall(r"[A-Za-z]+", header)
    words = words if words and len(words[0]) >= 3 and column(words[0]) else words[1:]
    named = {c for w in words if len(w) >= 3 and (c := column(w)) is not None}

    def begun(word: str) -> str | None:
        """A caption OCR cut short or garbled past matching (`B`, `Bows` for
        Bonus), a capital as captions begin: the one column of its first
        letter the header names nowhere else."""
        found = {c for name, c in _YEAR_COLS.items() if name.startswith(word[0].lower())}
        return (found - named).pop() if word[0].isupper() and len(found - named) == 1 else None

    def unnamed(word: str) -> str | None:
        """A caption garbled past knowing (`Sear` for Bonus) among the named
        ones: the one kind of income the header names nowhere else."""
        left = set(_KINDS) - named
        return left.pop() if word[0].isupper() and len(left) == 1 else None

    def outmatched(n: int, word: str, col: str) -> bool:
        """Another word of the header names the same column more nearly."""
        mine = best(word)
        return mine is not None and any(
            k != n
            and len(w) >= 3
            and (hit := best(w)) is not None
            and hit[0] == col
            and hit[1] > mine[1]
            for k, w in enumerate(words)
        )

    cols: list[str] = []
    guessed = False
    for n, word in enumerate(words):
        if len(word) < 3:
            if (short := begun(word)) is not None:
                cols.append(short)
            continue  # else a speck
        found = column(word)
        if found is not None and outmatched(n, word, found):
            continue  # a speck read as a word near a caption the header has (`bats  Base`)
        if found is None:
            if not cols:
                continue  # specks between `Year` and the first column (`Year  2  itil  Base`)
            if word[0].islower() and len(word) <= 5 and words[n - 1][0].isupper():
                continue  # a speck OCR read as small letters after a caption (`Base  ifice`)
            if rest_of(words[n - 1], word, cols[-1]):
                continue  # the rest of a word OCR split (`Overt ime`)
            found = begun(word)
            if found is None and (found := unnamed(word)) is not None:
                guessed = True
            if found is None:
                return []  # a word that names no column: not a header to place values under
        cols.append(found)
    if guessed and tuple(cols) != _USUAL_COLUMNS:
        return []  # a kind told by elimination only in its usual place
    return cols


def _year_cell_texts(rest: str, n: int) -> list[str] | None:
    """The last `n` cells of a year row, as read."""
    # the year-to-date caption and its date (`YTD thru 15~OCT-2026`, one a
    # scan did not read as a date) are no amount cell
    # (`160307 .68`: a space OCR put before the cents' point)
    cells = [_CENTS_GAP.sub(".", c) for c in row_cells(rest) if not _YTD_ROW.search(c)]
    if len(cells) > n:
        # a cell without a figure among more cells than columns is a speck
        # OCR read as a word (`Loita  $98,041.71  Hees  O00`)
        # (and so is a lone figure or two without a sign or point between
        # amounts: `$3184.25     7        $0.00`)
        keep = [bool(re.search(r"\d", c)) and not _LONE_FIGURES.fullmatch(c) for c in cells]
        if sum(keep) == n - 1:
            # one amount read as letters beside a speck read as a word
            # (`272,007.60  LOO  Gas  18,865.92`): the cell of zeros' shape
            # between amounts keeps its column
            inside = [
                k for k in range(len(cells)) if not keep[k] and any(keep[:k]) and any(keep[k + 1 :])
            ]
            shaped = [k for k in inside if _ZERO_SHAPED.fullmatch(cells[k])]
            chosen = shaped if len(shaped) == 1 else inside if len(inside) == 1 else []
            for k in chosen:
                keep[k] = True
        figured = [c for c, kept in zip(cells, keep, strict=True) if kept]
        cells = figured if len(figured) >= n else cells
    return cells[len(cells) - n :] if len(cells) >= n else None


# letters a scan made of a zero amount (`LOO`, `O.OO`)
_ZERO_SHAPED = re.compile(r"\W{0,2}[LlIiOoQD0][Oo0.,]{1,4}\W{0,2}")


def _year_cells(rest: str, n: int) -> list[tuple[Decimal | None, bool]] | None:
    """The last `n` cells of a year row: each cell's amount and whether it
    read cleanly; an unreadable cell is None."""
    row = _year_cell_texts(rest, n)
    if row is None:
        return None
    out: list[tuple[Decimal | None, bool]] = []
    dollars = sum(c.lstrip().startswith("$") for c in row)
    commas = sum("," in c for c in row)
    for cell in row:
        cell = _SPECK_BEFORE_SIGN.sub("", cell.strip())
        if _ZEROS.fullmatch(cell):
            out.append((Decimal(0), True))  # `$000`, `O00`: no figure but zeros
            continue
        if _SPECKED_ZEROS.fullmatch(cell):
            # `000s)`: zeros and a speck, most likely $0.00, but in doubt
            out.append((Decimal(0), False))
            continue
        amounts = cell_amounts(cell)
        if amounts is None or len(amounts) != 1:
            out.append((None, False))
        else:
            # where the row's other cells print a dollar sign, one without it
            # whose first figure could be that sign misread (`80.00` for
            # $0.00, or $80.00 with its sign lost) is doubtful
            lost_sign = dollars >= 2 and SIGN_AS_DIGIT.match(cell.strip()) is not None
            # ... and so is a thousands amount without the comma the others
            # print (`53897.45` for 5,947.45: the comma read as a figure)
            lost_comma = commas >= 2 and amounts[0] >= 1000 and "," not in cell
            # ... and one printed from a zero (`$0,505.60` for $80,505.60)
            zero_led = _ZERO_LED.match(cell.strip()) is not None
            out.append(
                (
                    amounts[0],
                    is_clean_amount(cell) and not (lost_sign or lost_comma or zero_led),
                )
            )
    return _specks_that_add_up(row, out)


def _specks_that_add_up(
    row: list[str], out: list[tuple[Decimal | None, bool]]
) -> list[tuple[Decimal | None, bool]]:
    """`$ 97,189.56  Pi 0.00  S$ 4,008.70  $ 101,198.26@`: cells unread for
    the specks beside their one amount with its cents. Where those amounts
    and the others make the last cell (the total) to the cent, each is read
    (in doubt); else the cells stay unread."""
    if all(v is not None for v, _ in out):
        return out
    filled: list[tuple[Decimal | None, bool]] = []
    for cell, (value, ok) in zip(row, out, strict=True):
        if value is None:
            found = [v for s, e, v in money_tokens(cell) if _WITH_CENTS.search(cell[s:e])]
            if len(found) != 1:
                return out
            value, ok = abs(found[0]), False
        filled.append((value, ok))
    parts = [v for v, _ in filled[:-1] if v is not None]
    total = filled[-1][0]
    if total is None or abs(sum(parts, Decimal(0)) - total) > Decimal("0.005"):
        return out
    return filled


_WITH_CENTS = re.compile(r"\.\d\d$")


_ZERO_LED = re.compile(r"^\W*\$?\s?0[\d,]")
_LONE_FIGURES = re.compile(r"[^\w$]*\d{1,2}[^\w$]*")
# (`i $ 99,482.09`: a speck read as a letter before the sign)
_SPECK_BEFORE_SIGN = re.compile(r"^[A-Za-z]\s+(?=\$)")
_ZEROS = re.compile(r"\$?\s?[0Oo]+(?:[.,][0Oo]+)?")
_SPECKED_ZEROS = re.compile(r"\$?\s?0[0Oo.,]{2,}[a-z]?[^\w\s]{0,2}")
# (`160307 .68`, and `254,361 25"`: the point read as a space after a thousands group)
_CENTS_GAP = re.compile(r"(?<=\d\d)\s\.(?=\d\d\W*$)|(?<=,\d{3})\s(?=\d\d\W*$)")
# A dollar sign OCR may read as a figure or a letter, before a whole amount
# (`665,186.68` for $65,186.68).
SIGN_AS_DIGIT = re.compile(r"^[\dS](?:\d{1,3}(?:,\d{3})+|\d+)\.\d\d$")


# The year-to-date row: `YTD` (one letter may be misread: `Y¥D`) or its `thru`
# date (a speck may glue it to `YTD`: `YTDathru`). A scan may lose the spaces
# around them (`-2025YTD thruJul31,2025`): the year's figures before `YTD`,
# the month's capital after `thru`.
_YTD_ROW = re.compile(
    r"(?<![a-z])y[^\s\d]d\b|year\s*to\s*date|thru(?:\b|(?=(?-i:[A-Z])))|\bthrough\b",
    re.IGNORECASE,
)


def voe_year_rows(doc: DocText, out: dict[str, FieldValue]) -> None:
    """Income by year as rows (`2026 YTD thru 04-03-2026 48,730.78 0.00 ...`)
    under a header naming the columns (`Year Base Overtime Bonus Total`)."""
    cols: list[str] = []
    assumed = False  # the columns the usual ones, the header unreadable
    past = 0  # past-year rows seen under the YTD row
    ytd_year: int | None = None
    year_before: dict[str, Decimal] | None = None  # the past year's row above
    for i, line in enumerate(doc.lines):
        text = line.text
        if _YEAR_TABLE.search(text):
            cols, assumed, year_before = _year_columns(text), False, None
            if doc.ocr and cols and "total" not in cols and _total_lost(doc, i, cols):
                cols = [*cols, "total"]
            if doc.ocr and "total" in cols:
                cols = _kind_lost(doc, i, cols) or cols
            continue
        if (
            doc.ocr
            and (_YEAR_CAPTION.match(text) or _CAPTIONS_TAIL.search(text))
            and not re.search(r"\d\d", text)
        ):
            # a header garbled past naming its columns (`Year  7  lBase)  5%.
            # 'Overdimnes)  Bonu  LOR`): the usual ones, for rows that add up
            cols, assumed = list(_USUAL_COLUMNS), True
            continue
        if not cols:
            continue
        m = _YEAR_ROW.match(text)
        ytd = _YTD_ROW.search(text)
        if not m and not ytd and ytd_year is not None and past < len(PAST_PREFIXES):
            # a past year's row whose year OCR garbled past reading
            # (`"302500` for 2025): it keeps its place under the YTD row
            m = _GARBLED_YEAR.match(text) or _JUNK_YEAR.match(text)
            if m and len(money_tokens(text[m.end() :])) < len(cols) - 1:
                m = None
        if not m and not ytd:
            if money_tokens(text):
                cols = []
            continue
        year = int(m.group(1)) if m and re.fullmatch(r"(?:19|20)\d\d", m.group(1)) else None
        rest = text[m.end() :] if m else text[ytd.end() :] if ytd else text
        numbers = [abs(v) for _, _, v in money_tokens(rest)]
        # OCR'd rows by cell: a garbled cell must not shift or split the others.
        cells = _year_cells(rest, len(cols)) if doc.ocr and "  " in rest.strip() else None
        if cells is not None and "base" not in cols and "total" in cols:
            # the header's `Base` lost (`Year  Overtime  Bonus  Total`) over
            # rows a cell longer that add up with it: the table has its base
            wider = _year_cells(rest, len(cols) + 1)
            if wider is not None and adds_up(["base", *cols], wider):
                cols, cells = ["base", *cols], wider
        if assumed and not _sums_to_last(cells):
            continue  # under assumed columns only a row whose parts make its total
        unplaced: Decimal | None = None
        row: dict[str, Decimal] | None
        if cells is not None:
            after = _next_year_row(doc, i, cols, rest) if ytd else None
            row = checked_row(cols, cells, None if ytd else year_before, after)
            if len(row) < len(cols) - 1 and "total" in cols:
                row = _settled_row(cols, rest) or row
        elif len(numbers) == len(cols):
            row = checked_row(cols, [(v, True) for v in numbers])
        else:
            row, unplaced = _blank_column(cols, rest, numbers, doc.ocr)
        if ytd:
            prefix, ytd_year, year_before = "ytd", year or 0, None
            dates = ocr_dates(rest) if doc.ocr else find_dates(rest)
            if dates:
                set_field(out, "ytd_through_date", doc.field(dates[0][2], i))
                if year is not None and dates[0][2].year != year:
                    # the row's year and its thru date disagree (`2024 YTD
                    # thru 14-Aug-2026`): one misread, and the past years'
                    # rows are taken in their order, unchecked
                    ytd_year = 0
        elif past < len(PAST_PREFIXES):
            past += 1
            # The rows under the YTD row are the past years in turn: a year
            # read as another one is not; a year OCR garbled (`2924`) keeps
            # its place.
            if year is None and ytd_year is None:
                past = len(PAST_PREFIXES)
                continue
            if year is not None and ytd_year and not _the_year(year, ytd_year - past):
                past = len(PAST_PREFIXES)
                continue
            prefix = PAST_PREFIXES[past - 1]
        else:
            continue
        for kind in ("base", "overtime", "bonus"):
            if row is not None and kind in row:
                set_field(out, f"{prefix}_{kind}_income", doc.field(row[kind], i))
        if prefix != "ytd":
            year_before = row
        if unplaced is not None and prefix != "two_years_prior":
            set_field(out, f"{prefix}_unplaced_variable_income", doc.field(unplaced, i))


def _next_year_row(
    doc: DocText, i: int, cols: list[str], ytd_rest: str
) -> dict[str, Decimal] | None:
    """The past year's row under a year-to-date row, as read and checked on
    its own: the year the part year's amounts are weighed against, its base
    (paid evenly) for the share of the year the YTD row's date has passed."""
    j = doc.next_line(i)
    if j is None:
        return None
    text = doc.lines[j].text
    m = _YEAR_ROW.match(text)
    cells = _year_cells(text[m.end() :], len(cols)) if m is not None else None
    if cells is None:
        return None
    row = checked_row(cols, cells)
    dates = ocr_dates(ytd_rest)
    if dates and "base" in row:
        thru = dates[0][2]
        row["base"] = row["base"] * (thru.timetuple().tm_yday) / 365
    return row


def _total_lost(doc: DocText, header: int, cols: list[str]) -> bool:
    """The header's last caption (`Total`) lost: a row below it a cell
    wider than the captions, whose parts add up to that last cell. (Its
    cells read under the captions alone would shift the total into the
    last part, a year's salary taken for its bonus.)"""
    for line in doc.lines[header + 1 : header + 1 + _TABLE_ROWS]:
        row = _YEAR_ROW.match(line.text) or _YTD_ROW.search(line.text)
        if row is None:
            continue
        wider = _year_cells(line.text[row.end() :], len(cols) + 1)
        if wider is not None and adds_up([*cols, "total"], wider):
            return True
    return False


def _kind_lost(doc: DocText, header: int, cols: list[str]) -> list[str] | None:
    """The header's caption of one kind garbled past naming it (`Base
    Overtime  Sear  Total`): rows below a cell wider than the captions whose
    parts, with that kind in its usual place, add up to the total. None when
    no row, or more than one kind, explains them."""
    if not set(cols) < set(_USUAL_COLUMNS):
        return None
    found: set[tuple[str, ...]] = set()
    for line in doc.lines[header + 1 : header + 1 + _TABLE_ROWS]:
        row = _YEAR_ROW.match(line.text) or _YTD_ROW.search(line.text)
        if row is None:
            continue
        wider = _year_cells(line.text[row.end() :], len(cols) + 1)
        if wider is None:
            continue
        for kind in _USUAL_COLUMNS:
            if kind not in cols:
                candidate = [c for c in _USUAL_COLUMNS if c in cols or c == kind]
                if adds_up(candidate, wider):
                    found.add(tuple(candidate))
    return list(found.pop()) if len(found) == 1 else None


# The rows a year table has under its header: the year to date and past years.
_TABLE_ROWS = 1 + len(PAST_PREFIXES)
# A year table's caption (`Year`, `Yeat`: a letter misread) over columns
# whose captions OCR garbled past matching
_YEAR_CAPTION = re.compile(r"^[\W_]*ye\w{1,2}\b", re.IGNORECASE)
# the year's and base's captions garbled into words (`Vagracr.  "EPS  UBSSe
# "Overtime  Bonus  Total`, or the overtime's too): the captions after them
# still end the header
_CAPTIONS_TAIL = re.compile(
    r"\s{2,}(?:\W?overtime\W{0,2}\s{2,})?\W?bonus\W{0,2}\s{2,}total\W*$", re.IGNORECASE
)
# The columns of a verification's year table as the usual report prints them
_USUAL_COLUMNS = ("base", "overtime", "bonus", "total")
_KINDS = ("base", "overtime", "bonus")


def _settled_row(cols: list[str], rest: str) -> dict[str, Decimal] | None:
    """A row with parts garbled past reading one by one (`"313022712
    8.0.00  \u2014-$12,58L09  $142,808.21`): the one choice of their possible
    readings that makes the total (`row_sums.settled`)."""
    texts = _year_cell_texts(rest, len(cols))
    if texts is None:
        return None
    k = cols.index("total")
    parts = [c for c in cols if c != "total"]
    found = settled([t for n, t in enumerate(texts) if n != k], texts[k])
    return dict(zip(parts, found, strict=True)) if found is not None else None


def _sums_to_last(cells: list[tuple[Decimal | None, bool]] | None) -> bool:
    """Four cells read whose first three add up to the last."""
    if cells is None or len(cells) != len(_USUAL_COLUMNS):
        return False
    values = [v for v, _ in cells if v is not None]
    return len(values) == len(cells) and abs(sum(values[:-1], Decimal(0)) - values[-1]) <= CENT


def _the_year(read: int, expected: int) -> bool:
    """`read` is the row's expected year, or it with one figure misread
    into a year far from it (`2005` for 2025): a year next to it (`2024`)
    is another row."""
    a, b = str(read), str(expected)
    misread = len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    return read == expected or (misread and abs(read - expected) > 2)


def _blank_column(
    cols: list[str], rest: str, numbers: list[Decimal], ocr: bool
) -> tuple[dict[str, Decimal] | None, Decimal | None]:
    """A `Base  Overtime  Bonus  Total` row a cell short whose cells add up
    (`$23,354.23  $1,016.68  $24,370.91`): one variable column was left
    blank, a kind the borrower does not earn. The base is the first cell;
    the other part is one of the two kinds, which one the row does not say
    (the rules place it by the kind the paystubs show). (base row, that part).
    A row two cells short, base and total, leaves the part between them."""
    if cols != ["base", "overtime", "bonus", "total"]:
        return None, None
    cells: list[tuple[Decimal | None, bool]] = [(v, True) for v in numbers]
    if ocr and "  " in rest.strip():
        # checked as a row of its own (a cell misread is the one the total
        # recomputes), and then it must add up
        cells = _year_cells(rest, len(cols) - 1) or []
    if len(numbers) == 2 and len(cells) != 3:
        return _base_and_total(rest, numbers, ocr)
    if len(cells) != 3:
        return None, None
    row = checked_row(["base", "part", "total"], cells)
    base, part, total = row.get("base"), row.get("part"), cells[2][0]
    if base is None or part is None or base + part != total or part <= 0:
        return None, None
    return {"base": base}, part


def _base_and_total(
    rest: str, numbers: list[Decimal], ocr: bool
) -> tuple[dict[str, Decimal] | None, Decimal | None]:
    """A row with both variable cells lost (`68,860.74        71,145.01`):
    base and total, the variable part between them, no more than the base."""
    cells = _year_cells(rest, 2) if ocr and "  " in rest.strip() else None
    cells = cells or [(v, True) for v in numbers]
    base, total = cells[0][0], cells[1][0]
    if base is None or total is None or not all(ok for _, ok in cells):
        return None, None
    part = total - base
    return ({"base": base}, part) if 0 < part <= base else (None, None)
