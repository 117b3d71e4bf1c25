"""A VOE year row's amounts checked against its total: the kinds of income
must add up to it, and when they do not, which one cell OCR misread (a
figure swapped, lost or gained, a point or a sign read as a figure) is the
one the total recomputes."""

from __future__ import annotations

from decimal import Decimal

from flightline.pipeline.normalize import (
    cent_digits,
    one_digit_more,
    one_figure_swapped,
)

CENT = Decimal("0.01")


# less than any year's income line (a year of overtime or bonus under ten
# dollars is a misread zero)
_LEAST_LINE = Decimal(10)


def checked_row(
    cols: list[str],
    cells: list[tuple[Decimal | None, bool]],
    year_before: dict[str, Decimal] | None = None,
    year_after: dict[str, Decimal] | None = None,
) -> dict[str, Decimal]:
    """A row's amounts by column, checked against its Total: the kinds must
    add up to it. One cell misread (stray marks, or unreadable) is the one
    the total recomputes; a row that does not add up otherwise is left unread
    rather than trusted (one of its figures is wrong and nothing says which).
    `year_before`: the next later year's row, which says which of two
    repairs that each make the total is the year's (`_in_line`);
    `year_after`: under a year-to-date row, the past full year's, its base
    for the same share of the year."""
    if "total" in cols:
        cells = _points_lost(cols, cells)
        cells = _total_led_by_marks(cols, cells)
    row = {c: v for c, (v, _) in zip(cols, cells, strict=True) if v is not None and c != "total"}
    if "total" not in cols:
        return row
    total, total_clean = cells[cols.index("total")]
    parts = [(c, v, ok) for c, (v, ok) in zip(cols, cells, strict=True) if c != "total"]
    known = sum((v for _, v, _ in parts if v is not None), Decimal(0))
    complete = all(v is not None for _, v, _ in parts)
    if total is not None and complete and abs(known - total) <= CENT:
        return row
    unread = [c for c, v, _ in parts if v is None]
    if total is not None and total_clean and len(unread) == 1 and known == total:
        # the parts read, specks and all (`"93,329.52  LOO  '18,865.92`), make
        # the total to the cent: they stand, and the unread one is zero
        row[unread[0]] = Decimal(0)
        return row
    if (
        total is not None
        and complete
        and all(ok for _, _, ok in parts)
        and _one_dropped(known, total)
        and not any(_one_added(v, total - (known - v)) for _, v, _ in parts if v is not None)
    ):
        # the total lost a digit (`6813.09` for 46,813.09), and no part
        # read with a digit too many explains the row instead: clean parts stand
        return row
    doubtful = [c for c, v, ok in parts if v is None or not ok]
    if total is not None and not total_clean and complete and len(doubtful) == 1:
        # a total in doubt (its first figure may be a sign) that the one
        # doubtful part, read without its point (`$17983656` for
        # 179,836.56), makes up exactly: both readings are confirmed
        c = doubtful[0]
        whole = total - sum((v for k, v, _ in parts if k != c and v is not None), Decimal(0))
        read = row.get(c)
        if (
            read is not None
            and read == read.to_integral_value()
            and cent_digits(whole) == str(read)
        ):
            row[c] = whole
            return row
    if total is not None and len(unread) == 1:
        settled = _point_lost_beside_unread(parts, total)
        if settled:
            row.update(settled)
            return row
    if (
        total is not None
        and not total_clean
        and len(unread) == 1
        and total == total.to_integral_value()
        and all(ok for _, v, ok in parts if v is not None)
        and 0 <= total - known < total
    ):
        # `53958.84  0.00  3901%2  57859.`: the total read to its point, its
        # cents lost, the one unread part what its dollars leave (short of
        # the part by the total's cents, under a dollar in a year's income)
        row[unread[0]] = total - known
        return row
    if total is None or not total_clean:
        # Nothing to check against: the cleanly read cells stand.
        return {c: v for c, v, ok in parts if v is not None and ok}
    if complete and not doubtful:
        if year_before:
            kept = _in_line(parts, total, known, year_before)
            if kept is not None:
                row[kept[0]] = kept[1]
                return row
        # one part lost a digit (`$6196.00` for 66,196.00): the total less
        # the others is that part whole, when exactly one part reads so
        # (a part read doubtfully is the one to recompute, not this)
        lost = [
            (c, whole)
            for c, v, _ in parts
            if v is not None
            and (whole := total - (known - v)) > v
            and _one_dropped(whole, v)
            and not _past_the_full_year(c, v, whole, total, known, year_after)
        ]
        if len(lost) == 1:
            row[lost[0][0]] = lost[0][1]
            return row
        # one part with a figure misread (`$9.00` for $0.00): the total less
        # the others is that part, a figure from it, when one part reads so
        swapped = [
            (c, whole)
            for c, v, _ in parts
            if v is not None
            and (whole := total - (known - v)) >= 0
            and one_figure_swapped(whole, v)
            and not _past_the_full_year(c, v, whole, total, known, year_after)
        ]
        explained = bool(swapped)
        if len(swapped) > 1:
            # no year's income line is under ten dollars: a `0.90` or a
            # `9.00` that is `0.00` with a figure misread is that one, not
            # another part; nor is a `0.00` that would make `0.40` another
            # explanation
            under = [(c, w) for c, w in swapped if w == 0 and 0 < row.get(c, w) < _LEAST_LINE]
            swapped = under or [(c, w) for c, w in swapped if not 0 < w < _LEAST_LINE]
        if len(swapped) == 1:
            row[swapped[0][0]] = swapped[0][1]
            return row
        if swapped and _immaterial(total - known, [row[c] for c, _ in swapped]):
            # several parts a figure off could each be the misread one
            # (`208,576.94  0.00  8,013.29  216,592.23`: a 2 for a 0 in one of
            # three), but in their last places: whichever it is, every part
            # as read is within a few dollars, so the row stands as read
            return row
        if _one_added(total, known):
            # no part explains it, and the total reads with a digit too many
            # (`867 046.04` for 86,046.04, a speck read as a figure): clean
            # parts stand
            return row
        if not explained and one_figure_swapped(total, known):
            # ... or with one figure misread (`$59113.06` for 59,113.96): no
            # part a figure off makes it up, so the clean parts stand
            return row
    if len(doubtful) == 1 and row.get(doubtful[0]) == 0 and complete:
        # the doubtful part read as zeros and specks (`000s)`), and one clean
        # part short of a figure or two (`124.01` for 12,411.01) that, with
        # the zero, makes up the total: that part whole, the zero standing
        short = [
            (k, whole)
            for k, v, ok in parts
            if ok
            and v is not None
            and (whole := total - (known - v)) > v
            and _figures_lost(whole, v)
        ]
        if len(short) == 1:
            row[short[0][0]] = short[0][1]
            return row
    if len(doubtful) == 1 and not row.get(doubtful[0]):
        both = _lost_figure_and_total_misread(parts, total, known)
        if both is not None:
            row[doubtful[0]] = Decimal(0)
            row[both[0]] = both[1]
            return row
    if len(doubtful) == 1:
        c = doubtful[0]
        rest = sum((v for k, v, _ in parts if k != c and v is not None), Decimal(0))
        if total - rest >= 0:
            row[c] = total - rest
            return row
        if total - rest > -1 and one_figure_swapped(total, rest):
            # the others make up the total but for a cents figure misread
            # in one of the three (`$128391.71` for 128,391.75): nothing is
            # left for the unreadable part, and the figures stand within cents
            row[c] = Decimal(0)
            return row
        if complete:
            # the others leave nothing for it: a clean part has a figure
            # misread (`427826.91` for 127,826.91) and the doubtful one stands
            # as read, when exactly one clean part reads so
            swapped = [
                (k, whole)
                for k, v, ok in parts
                if ok
                and v is not None
                and (whole := total - (known - v)) >= 0
                and one_figure_swapped(whole, v)
            ]
            if len(swapped) == 1:
                row[swapped[0][0]] = swapped[0][1]
                return row
    return {}


# How far a kind of income may move from one full year to the next and still
# be the same job's (a raise, a good year's overtime), as a share of the later
_YEAR_TO_YEAR = Decimal("0.5")


def _in_line(
    parts: list[tuple[str, Decimal | None, bool]],
    total: Decimal,
    known: Decimal,
    year_before: dict[str, Decimal],
) -> tuple[str, Decimal] | None:
    """`95,088.50  24,629.19  0.00  99,717.69` under `95,824.56  5,061.96`:
    the row is one figure off, and either part can take it (a 9 read for a 7
    in the base, a speck read as a figure before the overtime). Of the
    repairs that make the total (a figure swapped, lost or gained in one
    part), the one that leaves every kind within half of the later year's
    is the year's, when exactly one does."""
    fits: list[tuple[str, Decimal]] = []
    for c, v, _ in parts:
        if v is None:
            continue
        whole = total - (known - v)
        if whole < 0 or whole == v:
            continue
        if not (one_figure_swapped(whole, v) or _one_dropped(whole, v) or _one_added(v, whole)):
            continue
        repaired = {k: (whole if k == c else w) for k, w, _ in parts if w is not None}
        if all(
            abs(w - year_before[k]) <= year_before[k] * _YEAR_TO_YEAR
            for k, w in repaired.items()
            if year_before.get(k)
        ):
            fits.append((c, whole))
    return fits[0] if len(fits) == 1 else None


def _past_the_full_year(
    kind: str,
    read: Decimal,
    whole: Decimal,
    total: Decimal,
    known: Decimal,
    year_after: dict[str, Decimal] | None,
) -> bool:
    """`150,312.45  0.00  17,544.13  467,856.58` over a past year's bonus of
    20,529.49: a first figure lost in the bonus (317,544.13), or one misread
    in the base (450,312.45), and the total's first figure misread
    (167,856.58) each explain the row. A part of a year is not half as much
    again as the year before it (its base to the same date): such a repair
    is not the row's, and the parts stand as read."""
    full = (year_after or {}).get(kind)
    return (
        full is not None
        and full > 0
        and whole > read
        and one_figure_swapped(total, known)
        and whole > full * (1 + _YEAR_TO_YEAR)
    )


def _lost_figure_and_total_misread(
    parts: list[tuple[str, Decimal | None, bool]], total: Decimal, known: Decimal
) -> tuple[str, Decimal] | None:
    """`218,244.52  0 $0.00  4,822.05  233,066.67` for a bonus of 14,822.05 and
    a total of 233,066.57: two misreads in one row (a figure lost in a clean
    part, a figure of the total misread). With the part's figure back the
    parts make the total but for that one figure: the part, when exactly one
    part and one figure do so; the doubtful part (unread, or read as zero)
    is zero."""
    fits: set[tuple[str, Decimal]] = set()
    for c, v, ok in parts:
        if not ok or v is None or v <= 0:
            continue
        digits = cent_digits(v)
        for k in range(len(digits) - 2):
            for figure in "0123456789":
                whole = Decimal(digits[:k] + figure + digits[k:]) / 100
                if whole > v and one_figure_swapped(total, known - v + whole):
                    fits.add((c, whole))
    return fits.pop() if len(fits) == 1 else None


def _point_lost_beside_unread(
    parts: list[tuple[str, Decimal | None, bool]], total: Decimal
) -> dict[str, Decimal]:
    """`124,398.56  663850)  Tel  '131,037.46.`: one part read without its
    point, another unread, the others clean. The clean ones and the first
    with its point back make up the total (in doubt or not) but for less
    than any income line: the unread part is zero (no year's line is under
    ten dollars), and the first is what the total leaves it, a figure from
    its reading (6,638.90 read as 663850)."""
    clean = [v for _, v, ok in parts if ok and v is not None]
    doubtful = [(c, v) for c, v, ok in parts if not ok and v is not None]
    unread = [c for c, v, _ in parts if v is None]
    if len(unread) != 1 or len(doubtful) != 1 or len(clean) != len(parts) - 2:
        return {}
    c, read = doubtful[0]
    if read != read.to_integral_value() or read < _POINTLESS_MIN:
        return {}
    whole = total - sum(clean, Decimal(0))
    pointed = read / 100
    if whole < 0 or abs(whole - pointed) >= _LEAST_LINE:
        return {}
    if whole != pointed and not one_figure_swapped(whole, pointed):
        return {}
    return {c: whole, unread[0]: Decimal(0)}


def _total_led_by_marks(
    cols: list[str], cells: list[tuple[Decimal | None, bool]]
) -> list[tuple[Decimal | None, bool]]:
    """`95149794.99` for $149,794.99: a total in doubt read with a figure or
    two too many before it (its sign and a speck); without them it is the
    total when the clean parts make it up exactly, or with one figure of one
    part misread (`$42963.75` for 12,963.75): that reading of the total is
    then as good as a clean one."""
    n = cols.index("total")
    total, clean = cells[n]
    parts = [v for c, (v, ok) in zip(cols, cells, strict=True) if c != "total"]
    if total is None or clean or any(v is None for v in parts):
        return cells
    known = sum((v for v in parts if v is not None), Decimal(0))
    digits = cent_digits(total)
    for lead in (1, 2):
        whole = Decimal(digits[lead:]) / 100
        if whole >= known / 2 and (
            whole == known
            or any(v is not None and one_figure_swapped(v, whole - (known - v)) for v in parts)
        ):
            fixed = list(cells)
            fixed[n] = (whole, True)
            return fixed
    return cells


def _points_lost(
    cols: list[str], cells: list[tuple[Decimal | None, bool]]
) -> list[tuple[Decimal | None, bool]]:
    """`1012214   13181448` for 10,122.14 and 131,814.48: cells read as
    whole figures without their points; each with its last two figures as
    cents, when the row then adds up exactly (the total confirms them)."""
    lost = [
        n
        for n, (v, ok) in enumerate(cells)
        if v is not None and not ok and v >= _POINTLESS_MIN and v == v.to_integral_value()
    ]
    if not lost:
        return cells
    fixed = [
        (v / 100, True) if n in lost and v is not None else (v, ok)
        for n, (v, ok) in enumerate(cells)
    ]
    parts = [v for c, (v, _) in zip(cols, fixed, strict=True) if c != "total"]
    total = fixed[cols.index("total")][0]
    if total is None or any(v is None for v in parts):
        return cells
    known = sum((v for v in parts if v is not None), Decimal(0))
    if known == total:
        return fixed
    # ... and one other part read under a dollar (`0.90"` for 0.00,
    # no year's income line is under a dollar) that the total, so confirmed,
    # makes zero with a figure misread: that part is zero
    others = [
        n
        for n, ((v, _), c) in enumerate(zip(fixed, cols, strict=True))
        if c != "total" and n not in lost and v is not None and 0 < v < 1
    ]
    if len(others) == 1:
        n = others[0]
        read = fixed[n][0]
        assert read is not None
        whole = total - (known - read)
        if whole == 0 and one_figure_swapped(whole, read):
            fixed[n] = (whole, True)
            return fixed
    return cells


# The least a cell read without its point may be: four figures and more
_POINTLESS_MIN = Decimal(1000)


# A difference the row may leave unsettled: under the least income line, and
# a thousandth at most of any part that could carry it.
_MATERIAL_SHARE = Decimal("0.001")


def _immaterial(diff: Decimal, parts: list[Decimal]) -> bool:
    return abs(diff) < _LEAST_LINE and all(abs(diff) <= v * _MATERIAL_SHARE for v in parts)


def adds_up(cols: list[str], cells: list[tuple[Decimal | None, bool]]) -> bool:
    """Every cell read cleanly, and the parts (one figure misread in one at
    most) add up to the total."""
    if not all(v is not None and ok for v, ok in cells):
        return False
    row = checked_row(cols, cells)
    total = cells[cols.index("total")][0]
    return len(row) == len(cols) - 1 and sum(row.values(), Decimal(0)) == total


def _one_dropped(whole: Decimal, read: Decimal) -> bool:
    """`read` is `whole` with exactly one of its digits lost."""
    return whole >= 0 and read >= 0 and one_digit_more(whole, read)


def _figures_lost(whole: Decimal, read: Decimal) -> bool:
    """`read` is `whole` with one figure lost, or two side by side, the cents kept."""
    a, b = cent_digits(whole), cent_digits(read)
    lost = len(a) - len(b)
    return lost in (1, 2) and any(a[:k] + a[k + lost :] == b for k in range(len(a) - 2))


def _one_added(read: Decimal, whole: Decimal) -> bool:
    """`read` is `whole` with one digit too many (a dollar sign read as 5)."""
    return _one_dropped(read, whole)
