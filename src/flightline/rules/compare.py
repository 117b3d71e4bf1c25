"""Comparing values read from different documents, knowing how each was read.

A value from a text layer is what the document says, so it is compared exactly
(after the normalising keys of `facts`: case, order, suffixes, abbreviations).
A value read by OCR may carry look-alike characters (0/O, 1/l/I, 5/S, rn/m)
and a dropped or doubled letter that the page does not have. Comparing it
exactly turns OCR noise into findings; ignoring every difference hides real
ones. So a comparison involving an OCR'd value has three answers:

- SAME: equal once look-alikes are folded together;
- DIFFERENT: far apart, or apart in a way OCR does not produce (another digit
  in a number, a different name);
- UNSURE: a difference of the size OCR noise makes (a glyph or two misread;
  one look-alike digit). The value cannot be judged from this read: the rule
  reports it once as an unreadable input (DOC-002, low), never as a finding.
  A transposition of neighbouring characters is a typist's, not OCR's: it
  stays a difference.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, Decimal
from enum import Enum
from typing import Generic, TypeVar

from rapidfuzz.distance import Hamming, Levenshtein
from rapidfuzz.fuzz import ratio

from flightline.pipeline.model import FieldValue, LogicalDocument

T = TypeVar("T")


class Verdict(Enum):
    SAME = "same"
    DIFFERENT = "different"
    UNSURE = "unsure"


def is_ocr(*found: FieldValue | None) -> bool:
    """Whether any of these values was read by OCR."""
    return any(f is not None and f.evidence.method == "ocr" for f in found)


def scanned(doc: LogicalDocument) -> bool:
    """Whether the document was read by OCR (a value missing from it may be
    one OCR could not read, not one the document lacks)."""
    return any(f.evidence.method == "ocr" for f in doc.fields.values())


# Characters Tesseract confuses with each other on printed forms, folded to
# one representative; and letter pairs it reads as one letter.
_LOOKALIKE = str.maketrans({"0": "o", "1": "l", "i": "l", "|": "l", "!": "l", "5": "s", "8": "b"})
# (`iii` for m, its three strokes read apart: `Holiiies` for Holmes)
_DIGRAPHS = (
    ("iii", "m"),
    ("rn", "m"),
    ("in", "m"),
    ("ni", "m"),
    ("vv", "w"),
    ("cl", "d"),
    ("ii", "u"),
)
# Letters Tesseract may read as one ligature glyph (and a glyph it may read as
# a ligature: `Christiffla` for Christina) count as one character.
_LIGATURES = re.compile(r"ff[il]|f[fil]")
# the three stems of `rri` (its i as any look-alike) read as one m: `Tem`
# for Terri
_RRI = re.compile(r"rr[il1|!]")


def fold(text: str, ligatures: bool = True) -> str:
    """`text` lower-cased with OCR look-alikes made equal and spacing dropped
    (and, with `ligatures`, a ligature's letters one character)."""
    s = re.sub(r"[^a-z0-9|!]", "", text.lower())
    if ligatures:
        s = _LIGATURES.sub("#", s)
    s = _RRI.sub("m", s)
    for pair, one in _DIGRAPHS:
        s = s.replace(pair, one)
    return s.translate(_LOOKALIKE)


def _transposed(a: str, b: str) -> bool:
    """`b` is `a` with two neighbouring characters swapped: a typist's slip
    that OCR, reading each glyph in place, does not make."""
    if len(a) != len(b) or a == b:
        return False
    apart = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return len(apart) == 2 and apart[1] == apart[0] + 1 and a[apart[0]] == b[apart[1]]


# OCR of a degraded scan misreads a glyph or two in a word ("Garct" for
# "Garcia", "Joan" for "loan"): this close, a difference cannot be told from
# noise. A long string this similar is the same one read with noise.
_NOISE_EDITS = 2
_NOISE_RATIO = 75.0
_SAME_LONG = 90.0
_LONG = 12


def compare_text(a: str, b: str, ocr: bool) -> Verdict:
    """Two already-normalised strings (name words, employer or address keys)."""
    if a == b:
        return Verdict.SAME
    if not ocr:
        return Verdict.DIFFERENT
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return Verdict.SAME
    if _transposed(fa, fb) or _transposed(fold(a, False), fold(b, False)):
        return Verdict.DIFFERENT
    similar = ratio(fa, fb)
    if min(len(fa), len(fb)) >= _LONG and similar >= _SAME_LONG:
        return Verdict.SAME
    if Levenshtein.distance(fa, fb) <= _NOISE_EDITS or similar >= _NOISE_RATIO:
        return Verdict.UNSURE
    return Verdict.DIFFERENT


def compare_word_by_word(a: str, b: str, ocr: bool) -> Verdict:
    """Two names of as many words compared word against word, so the words
    they share (`credit card`) cannot outweigh the one that tells them apart
    (`Heritage`, `Granite`); names of different lengths (a gap OCR lost or
    added) compare whole."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or len(wa) < 2:
        return compare_text(a, b, ocr)
    return worst([compare_text(x, y, ocr) for x, y in zip(wa, wb, strict=True)])


def compare_names(a: frozenset[str], b: frozenset[str], ocr: bool) -> Verdict:
    """Two `name_key`s (first and last name): each word against its best partner."""
    if a == b:
        return Verdict.SAME
    if not ocr:
        return Verdict.DIFFERENT
    return (
        compare_text(" ".join(sorted(a)), " ".join(sorted(b)), ocr)
        if len(a) != len(b)
        else _pairwise(sorted(a), sorted(b))
    )


def _pairwise(a: list[str], b: list[str]) -> Verdict:
    # the order of a frozenset's words is arbitrary: try both pairings
    best: Verdict = Verdict.DIFFERENT
    for bb in (b, b[::-1]):
        verdicts = [compare_text(x, y, True) for x, y in zip(a, bb, strict=True)]
        if all(v is Verdict.SAME for v in verdicts):
            return Verdict.SAME
        if all(v is not Verdict.DIFFERENT for v in verdicts):
            best = Verdict.UNSURE
    return best


def compare_name_words(a: tuple[str, ...], b: tuple[str, ...], ocr: bool) -> Verdict:
    """Two names' words (`facts.name_words`): the same person when first and
    last names agree. On an OCR'd page stray tokens come and go ("Hl ROBERT A
    WOLF"): one side's first and last names found among the other's words is
    the same name."""
    if not a or not b:
        return Verdict.DIFFERENT
    ka, kb = frozenset((a[0], a[-1])), frozenset((b[0], b[-1]))
    if ka == kb or not ocr:
        return Verdict.SAME if ka == kb else Verdict.DIFFERENT

    def within(key: frozenset[str], words: tuple[str, ...]) -> bool:
        return all(any(compare_text(k, w, True) is Verdict.SAME for w in words) for k in key)

    # (`DONNA DAV IS`: a wide letter read as a gap, the letters all there in order)
    if within(ka, b) or within(kb, a) or "".join(a) == "".join(b):
        return Verdict.SAME
    if a[0] == b[0] and _glued_on(a[-1], b[-1]):
        return Verdict.UNSURE
    if _first_name_glued_to_garble(a, b) or _first_name_glued_to_garble(b, a):
        return Verdict.UNSURE
    if len(a) > 1 and len(b) > 1 and a[-1] == b[-1] and _given_names_glued(a[0], b[0]):
        return Verdict.UNSURE
    if len(a) > 1 and len(b) > 1 and a[-1] == b[-1] and _first_name_garbled(a[0], b[0]):
        return Verdict.UNSURE
    # a first name of two letters or fewer beside the same last name (`Pe
    # Gray` for Ashley Gray): what OCR left of a word, too little to tell
    if len(a) > 1 and len(b) > 1 and a[-1] == b[-1] and min(len(a[0]), len(b[0])) <= 2:
        return Verdict.UNSURE
    # ... and the last name so garbled beside the same first name
    # (`Merfillan` for Mcmillan); two letters swapped stay a typist's slip
    if (
        len(a) > 1
        and len(b) > 1
        and a[0] == b[0]
        and _first_name_garbled(a[-1], b[-1])
        and not _transposed(fold(a[-1], False), fold(b[-1], False))
    ):
        return Verdict.UNSURE
    return compare_names(ka, kb, ocr)


# A first name OCR garbled in two or three glyphs (`Kerfheth` for Kenneth,
# `Biyily` for Emily) beside the same last name: too close to call. Another
# person's first name is further off (`Karen`, `Kevin`: 40).
_GARBLED_FIRST_EDITS = 3
_GARBLED_FIRST_RATIO = 60.0
_AS_READ_EDITS = 2
_AS_READ_RATIO = 70.0


def _first_name_garbled(x: str, y: str) -> bool:
    fx, fy = fold(x), fold(y)
    if Levenshtein.distance(fx, fy) <= _GARBLED_FIRST_EDITS and ratio(fx, fy) >= (
        _GARBLED_FIRST_RATIO
    ):
        return True
    # folding a pair the other name does not hold (`ni` in `Knistife` for
    # Kristine, made an m) can part names two glyphs apart as read
    px, py = x.lower(), y.lower()
    if _split_glyph(px, py) or _split_glyph(py, px):
        return True
    return Levenshtein.distance(px, py) <= _AS_READ_EDITS and ratio(px, py) >= _AS_READ_RATIO


def _split_glyph(long: str, short: str) -> bool:
    """`long` is `short` with one letter read as two (`Girfa` for Gina, `rn`
    for m): a wide glyph OCR split, the rest in place; in a name of five
    letters or more, one other letter misread too (`Narfty` for Nancy)."""
    if len(short) < 3 or len(long) != len(short) + 1:
        return False
    slack = 1 if len(short) >= 5 else 0
    return any(
        long[i] != short[i]
        and Hamming.distance(long[:i] + long[i + 2 :], short[:i] + short[i + 1 :]) <= slack
        for i in range(len(short))
    )


def _glued_on(x: str, y: str) -> bool:
    """One last name is the other with a middle name OCR glued in front of it
    (`jamiprice` for J. Price; `paulkong` for Paul Long, a glyph of it
    misread too): the same person, read badly."""
    short, long = sorted((x, y), key=len)
    return (
        len(short) >= 4
        and len(long) - len(short) >= 2
        and Levenshtein.distance(long[-len(short) :], short) <= 1
    )


def _first_name_glued_to_garble(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """`IL Lindsayehay` for Lindsay Brown: the first name run into what OCR
    made of the last, beside a speck; what is left of the last name is too
    little to tell the person by."""
    first = b[0]
    return (
        len(b) > 1
        and len(first) >= 4
        and b[-1] not in a
        and any(len(w) >= len(first) + 3 and w.startswith(first) for w in a)
        and all(len(w) <= 2 or w.startswith(first) for w in a)
    )


def _given_names_glued(x: str, y: str) -> bool:
    """One first name is the other's first and middle names run together, each
    read with a glyph misread (`Sameswames` for James James): too close to call."""
    short, long = sorted((fold(x), fold(y)), key=len)
    n = len(short)
    return (
        n >= 4
        and len(long) - n >= 3
        and min(Levenshtein.distance(long[:n], short), Levenshtein.distance(long[-n:], short)) <= 1
    )


def compare_digits(a: str, b: str, ocr: bool) -> Verdict:
    """Two digit strings (an amount, a date, an SSN's last four): on an OCR'd
    value one digit apart (or one dropped) is UNSURE; anything else DIFFERENT."""
    if a == b:
        return Verdict.SAME
    if not ocr:
        return Verdict.DIFFERENT
    if len(a) != len(b):
        # a digit dropped or doubled by OCR ("51,500" for "551,500")
        short, long = sorted((a, b), key=len)
        one_out = any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
        return Verdict.UNSURE if len(long) - len(short) == 1 and one_out else Verdict.DIFFERENT
    apart = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    # one digit misread (a degraded scan confuses 2/5, 3/9 as well as the
    # look-alikes); two neighbours swapped is a typist's slip, not OCR's
    if len(apart) == 1:
        return Verdict.UNSURE
    return Verdict.DIFFERENT


def compare_ssn(a: str, b: str, ocr: bool, whole: bool = False) -> Verdict:
    """Two SSNs' last four: `compare_digits`, and on a scan two figures
    apart (`3500` for 3592, `1996` for 1226) is UNSURE too: a degraded
    mask's region misreads a pair of figures as readily as one. Two
    neighbours swapped stay a typist's slip; three or four figures apart
    are another number. `whole`: each was read with its mask intact
    (`xxx-xx-7069`), no degraded region, so two figures apart differ."""
    verdict = compare_digits(a, b, ocr)
    if verdict is not Verdict.DIFFERENT or not ocr or whole:
        return verdict
    return Verdict.UNSURE if _two_figures_misread(a, b) else verdict


def compare_amounts(a: Decimal, b: Decimal, ocr: bool) -> Verdict:
    if ocr and (_cents_lost(a, b) or _cents_lost(b, a)):
        # `2,066. 8g` read as 2,066 for 2,066.88: the cents split off the
        # figure, a misread rather than another amount
        return Verdict.UNSURE
    return compare_digits(_amount_digits(a), _amount_digits(b), ocr)


def compare_rates(a: Decimal, b: Decimal, ocr: bool) -> Verdict:
    """Two interest rates: as amounts, but a rate read with its decimals
    (`8.000%`) kept them; only one read with none (`8%`) may have lost them."""
    if ocr and any(
        _cents_lost(whole, full) and whole.as_tuple().exponent == 0
        for whole, full in ((a, b), (b, a))
    ):
        return Verdict.UNSURE
    return compare_digits(_amount_digits(a), _amount_digits(b), ocr)


def _cents_lost(whole: Decimal, full: Decimal) -> bool:
    """`whole` is `full` without its cents."""
    return whole != full and whole == whole.to_integral_value() == full.to_integral_value(
        rounding=ROUND_FLOOR
    )


def _amount_digits(v: Decimal) -> str:
    return format(v.quantize(Decimal("0.001")), "f").replace(".", "").lstrip("-")


def compare_dates(a: date, b: date, ocr: bool) -> Verdict:
    return compare_digits(a.strftime("%Y%m%d"), b.strftime("%Y%m%d"), ocr)


def address_verdict(a: str, b: str, ocr: bool) -> Verdict:
    """Two `address_key`s: the numbers (house, unit, ZIP) digit by digit, the
    words as text; the worse of the two answers."""
    if a == b:
        return Verdict.SAME
    if not ocr:
        return Verdict.DIFFERENT
    a, b = _through_zip(a), _through_zip(b)
    a, b = _zip_completed(a, b), _zip_completed(b, a)
    if any(_zip_cut_short(k) or _no_state(k) or _no_street(k) for k in (a, b)):
        # `TX 7978`, `CO BrO25`: a ZIP has five digits; `tm 46340`: no state is TM;
        # `247009 .00`: an amount from the next cell, no street at all. OCR
        # garbled this line, so its other figures are not to be trusted
        return Verdict.UNSURE
    if _has_zip(a) != _has_zip(b):
        # a scanned line that stops at the street (`4054 Macdonald Boulevard`,
        # its city and ZIP on a line not read): unsure when the street agrees
        short, whole = (b, a) if _has_zip(a) else (a, b)
        zip_read = re.search(r"\b\d{5}$", short)
        if zip_read is not None:
            # ... or whose state OCR lost, its city garbled (`new epesbunix
            # 76125` for New Jamesbury, TX): the house, the street's first
            # word and the ZIP agreeing, what lies between was misread
            zip_whole = re.search(r"\b[a-z]{2} (\d{5})\b", whole)
            if zip_whole is not None and (
                compare_digits(zip_read.group(0), zip_whole.group(1), ocr) is Verdict.DIFFERENT
            ):
                return Verdict.DIFFERENT
            short = " ".join(short.split()[:_STREET_WORDS])
        head = " ".join(whole.split()[: len(short.split())])
        street = _parts_verdict(short, head, ocr)
        return Verdict.DIFFERENT if street is Verdict.DIFFERENT else Verdict.UNSURE
    return _parts_verdict(a, b, ocr)


# A house number and the street's first word: enough of a line to tell a
# house whose city OCR garbled
_STREET_WORDS = 2


def _parts_verdict(a: str, b: str, ocr: bool) -> Verdict:
    """The numbers digit by digit, the words as text: the worse answer."""
    if a == b:
        return Verdict.SAME
    na, nb = re.findall(r"\d+", a), re.findall(r"\d+", b)
    if len(na) != len(nb):
        return compare_text(a, b, ocr)
    verdicts = [compare_digits(x, y, ocr) for x, y in zip(na, nb, strict=True)]
    if (
        ocr
        and verdicts
        and a.startswith(na[0])
        and b.startswith(nb[0])
        and (
            _lead_lost(na[0], nb[0])
            # (fewer than three kept, `5 Beck Road` for 635: the street and
            # the rest of the numbers, the ZIP, agreeing say it is one house)
            or (
                _lead_lost(na[0], nb[0], keep=1)
                and len(na) >= 2
                and all(v is Verdict.SAME for v in verdicts[1:])
                and _same_street(a, b)
            )
        )
    ):
        # a house number at the line's edge whose first figures OCR lost
        # (`706 Gould Parkway` for 14706): the rest of it is all there
        verdicts[0] = Verdict.UNSURE
    if (
        ocr
        and verdicts[0] is Verdict.DIFFERENT
        and all(v is Verdict.SAME for v in verdicts[1:])
        and len(na) >= 2
        and _same_street(a, b)
        and _two_figures_misread(na[0], nb[0])
    ):
        # `45290 Hickory Drive` for 15230 on a degraded scan, ZIP and street
        # agreeing: two figures of one number misread apart, not the typist's
        # swapped neighbours another house number is made of
        verdicts[0] = Verdict.UNSURE
    words = compare_text(re.sub(r"\d+", " ", a), re.sub(r"\d+", " ", b), ocr)
    if words is Verdict.DIFFERENT and na == nb and len(na) >= 2 and _same_street(a, b):
        # house number, street and ZIP agree: the ZIP names the city, so a
        # city read another way (`Whoneonign` for Wilkinsonton) is a misread
        words = Verdict.UNSURE
    verdicts.append(words)
    return worst(verdicts)


def _two_figures_misread(x: str, y: str) -> bool:
    """Two figures apart, at least two kept, and not two neighbours swapped."""
    if len(x) != len(y) or len(x) < 4:
        return False
    apart = [i for i, (p, q) in enumerate(zip(x, y, strict=True)) if p != q]
    if len(apart) != 2:
        return False
    i, j = apart
    return not (j == i + 1 and x[i] == y[j] and x[j] == y[i])


def _lead_lost(x: str, y: str, keep: int = 3) -> bool:
    """One number is the other without its first figure or two, `keep` kept."""
    short, long = sorted((x, y), key=len)
    return len(short) >= keep and 0 < len(long) - len(short) <= 2 and long.endswith(short)


def _has_zip(key: str) -> bool:
    """A ZIP after the state (`va 24621`), not a five-figure house number."""
    return re.search(r"\b[a-z]{2} \d{5}\b", key) is not None


def _same_street(a: str, b: str) -> bool:
    """The words right after the house number agree (`hampton street`), OCR's
    look-alike glyphs taken as one (`oneill bivd` for Blvd)."""
    wa, wb = a.split(), b.split()
    return len(wa) > 2 and len(wb) > 2 and [fold(w) for w in wa[1:3]] == [fold(w) for w in wb[1:3]]


# An address ends at its ZIP: words after it on a scanned line are the
# neighbouring column (`..., CA 95381 Walters Bank`), not part of it.
_AFTER_ZIP = re.compile(r"(?<=\b\d{5})(?: [a-z]+)+$")


def _through_zip(key: str) -> str:
    return _AFTER_ZIP.sub("", key)


def _zip_completed(key: str, other: str) -> str:
    """`... ny 1393` beside `... ny 13932`: a ZIP that lost its last figure
    is the other's, where the state is the same; the rest of the line is
    compared as read."""
    short, full = _SHORT_ZIP.search(key), _STATE_ZIP.search(other)
    if short is None or full is None:
        return key
    state, figures = short.group(0).split()
    whole = full.group(0).split()
    if state != whole[0] or len(figures) != 4 or not whole[1].startswith(figures):
        return key
    return key[: short.start()] + full.group(0)


def _zip_cut_short(key: str) -> bool:
    """The address ends with a state and a number too short for a ZIP, or
    one with letters among its digits (`bro25`: OCR garbled it)."""
    return _SHORT_ZIP.search(key) is not None or _LETTERED_ZIP.search(key) is not None


_SHORT_ZIP = re.compile(r"\b[a-z]{2} \d{3,4}$")
_LETTERED_ZIP = re.compile(r"\b[a-z]{2} (?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z])[a-z0-9]{4,6}$")
_STATE_ZIP = re.compile(r"\b([a-z]{2}) \d{5}$")
_STATES = frozenset(
    (
        *("al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il"),
        *("in", "ia", "ks", "ky", "la", "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne"),
        *("nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or", "pa", "ri", "sc", "sd"),
        *("tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy", "pr", "vi", "gu", "as", "mp"),
    )
)


def _no_state(key: str) -> bool:
    """Two letters before the ZIP that name no state (`tm 46340`)."""
    m = _STATE_ZIP.search(key)
    return m is not None and m.group(1) not in _STATES


def _no_street(key: str) -> bool:
    """Not a word of two letters in it: no street, city or state was read."""
    return re.search(r"[a-z]{2}", key) is None


def worst(verdicts: list[Verdict]) -> Verdict:
    for v in (Verdict.DIFFERENT, Verdict.UNSURE):
        if v in verdicts:
            return v
    return Verdict.SAME


@dataclass
class Reading(Generic[T]):
    """One document's reading of a value several documents state."""

    key: T  # the normalised value compared
    raw: str  # as read, for sentences
    doc: LogicalDocument
    field: str
    ocr: bool


def readings_split(
    readings: list[Reading[T]],
    verdict: Callable[[T, T, bool], Verdict],
    prefer: Callable[[Reading[T]], tuple[int, ...]] = lambda r: (),
) -> tuple[Reading[T], list[Reading[T]], list[Reading[T]]] | None:
    """(reference, differing, unsure): the reading most others agree with (then
    `prefer`), the readings that really differ from it, and those too noisy to
    tell. None when fewer than two readings."""
    if len(readings) < 2:
        return None

    def judge(a: Reading[T], b: Reading[T]) -> Verdict:
        return verdict(a.key, b.key, a.ocr or b.ocr)

    def votes(r: Reading[T]) -> int:
        return sum(1 for o in readings if judge(r, o) is Verdict.SAME)

    ref = max(readings, key=lambda r: (votes(r), *prefer(r)))
    judged = [(r, judge(ref, r)) for r in readings]
    odd = [r for r, v in judged if v is Verdict.DIFFERENT]
    unsure = [r for r, v in judged if v is Verdict.UNSURE]
    return ref, odd, unsure
