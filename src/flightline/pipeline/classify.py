"""Step 3 of the pipeline: classify each page by its content and split a
stored document into logical documents.

Each page gets a score per type from weighted phrases (see `signatures`),
matched on a squashed copy of the text (OCR pages: approximately, line by
line). A page titled as a document of none of our types (a disclosure, a
checklist, a fax cover) is `other` whatever its body says; a short memo
(DATE / FROM / SUBJECT) is a letter of explanation.

Runs of pages then become documents: a page joins the open document when it
continues it (page numbering, same type, the type's continuation vocabulary,
a running header) and starts a new one when it clearly begins another: a
`Page 1 of`, a title of another type, a second title page of a one-page type,
or a different statement period, tax year, pay date, issue date or borrower
(SSN) than the open document's.
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from flightline.pipeline.model import DocType, LogicalDocument, PageText
from flightline.pipeline.normalize import find_dates, fix_ocr_digits
from flightline.pipeline.signatures import SIGNATURES, Signature, squash

# A page whose best type scores less than this is `other`.
MIN_SCORE = 6.0
# Vocabulary is capped so that a long page of prose cannot outweigh a title.
VOCAB_CAP = 16.0
TITLE_LINE_FACTOR = 1.5
TITLE_BODY_FACTOR = 0.6
HEAD_LINES = 8
FUZZY_MIN_LEN = 10
FUZZY_MIN_COVERAGE = 0.75

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
_YEAR_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# A label's value: on its line or (label over value) on the next one.
_NEXT = r"[^\n]{0,40}(?:\n[^\n]{0,30})?"
_PAY_DATE_RE = re.compile(
    r"(?:(?:pay|check|payment|advice|deposit)\s*(?:date|dt)|date\s*paid|paid\s*on)\b" + _NEXT,
    re.IGNORECASE,
)
_ISSUED_RE = re.compile(r"date\s*issued" + _NEXT, re.IGNORECASE)
_REPORT_DATE_RE = re.compile(
    r"(?:report\s*date|date\s*of\s*report|date\s*(?:issued|ordered|completed))" + _NEXT,
    re.IGNORECASE,
)
_W2_YEAR_LINE_RE = re.compile(r"wage\s*and\s*tax|w\s*-?\s*2|tax\s*year", re.IGNORECASE)
_1040_YEAR_LINE_RE = re.compile(r"1040|tax\s*return|tax\s*year", re.IGNORECASE)
_ACCOUNT_RE = re.compile(
    r"account\s*(?:number|no\.?|#)?\s*:?\s*(?:ending\s*in\s*)?[Xx*#.\s-]{0,20}(\d{4})(?!\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Compiled:
    sig: Signature
    titles: tuple[tuple[str, float], ...]
    forms: tuple[tuple[str, float], ...]
    vocab: tuple[tuple[str, float], ...]
    cont: tuple[tuple[str, float], ...]
    first: tuple[str, ...]
    line_titles: tuple[str, ...]


def _sq(items: tuple[tuple[str, float], ...]) -> tuple[tuple[str, float], ...]:
    return tuple((squash(p), w) for p, w in items)


_COMPILED = tuple(
    _Compiled(
        s,
        _sq(s.titles),
        _sq(s.forms),
        _sq(s.vocab),
        _sq(s.cont),
        tuple(squash(p) for p in s.first),
        tuple(squash(p) for p in s.line_titles),
    )
    for s in SIGNATURES
)
_SINGLE_PAGE = frozenset(s.type for s in SIGNATURES if s.single_page)
# Each distinct phrase is searched once per page; scoring then only looks up.
_ALL_PHRASES = tuple(
    sorted(
        {p for c in _COMPILED for items in (c.titles, c.forms, c.vocab, c.cont) for p, _ in items}
        | {p for c in _COMPILED for p in c.first}
    )
)
# Phrases indexed by their first four letters: a page's set of 4-grams, met
# with the index, leaves the few phrases worth searching for.
_BY_START: dict[str, list[str]] = {}
for _p in _ALL_PHRASES:
    _BY_START.setdefault(_p[:4], []).append(_p)
_STARTS = frozenset(_BY_START)
_SHORT = tuple(p for p in _ALL_PHRASES if len(p) < 4)


def _present(sq: str) -> frozenset[str]:
    grams = {sq[i : i + 4] for i in range(len(sq) - 3)}
    found = {p for g in grams & _STARTS for p in _BY_START[g] if p in sq}
    found.update(p for p in _SHORT if p in sq)
    return frozenset(found)


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


_TRIS: dict[str, tuple[str, ...]] = {}


def _coverage(phrase: str, grams: set[str]) -> float:
    tris = _TRIS.get(phrase)
    if tris is None:
        tris = _TRIS[phrase] = tuple(phrase[i : i + 3] for i in range(len(phrase) - 2))
    if not tris:
        return 0.0
    return sum(map(grams.__contains__, tris)) / len(tris)


class _Fuzzy:
    """Approximate phrase matching for OCR noise. A phrase's trigrams must be
    found together on one line (or two adjacent ones): spread over a whole
    page, any long phrase would be covered by chance."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = [
            _trigrams(squash(a + " " + b)) for a, b in zip(lines, [*lines[1:], ""], strict=True)
        ]
        self.page: set[str] = set().union(*self.lines) if self.lines else set()

    def coverage(self, phrase: str) -> float:
        if _coverage(phrase, self.page) < FUZZY_MIN_COVERAGE:
            return 0.0
        return max((_coverage(phrase, g) for g in self.lines), default=0.0)


@dataclass
class PageFeatures:
    page: PageText
    lines: list[str]
    scores: dict[DocType, float]
    cont: dict[DocType, float]
    title_types: set[DocType]
    first_types: set[DocType]
    page_of: tuple[int, int | None] | None
    head: str
    foot: str
    best: DocType = DocType.other
    best_score: float = 0.0
    confidence: float = 0.0
    _keys: dict[DocType, object] = field(default_factory=dict)

    def key(self, doc_type: DocType) -> object:
        """What tells two documents of this type apart (period, year, pay date)."""
        if doc_type not in self._keys:
            key: object
            if doc_type in _PERSON_KEYED:
                # Whose document it is, read where the form starts: a later
                # page may well show the other borrower's SSN.
                key = _ssn_key(self.lines) if doc_type in self.title_types else None
            else:
                key = _instance_key(doc_type, self.lines)
            self._keys[doc_type] = key
        return self._keys[doc_type]


def _match(phrase: str, sq: str | frozenset[str], grams: _Fuzzy | None) -> float:
    if phrase in sq:
        return 1.0
    if grams is not None and len(phrase) >= FUZZY_MIN_LEN:
        cov = grams.coverage(phrase)
        if cov >= FUZZY_MIN_COVERAGE:
            return cov
    return 0.0


def _best_of(
    items: tuple[tuple[str, float], ...], sq: str | frozenset[str], grams: _Fuzzy | None
) -> float:
    if grams is None:
        return max((w for p, w in items if p in sq), default=0.0)
    best = 0.0
    for phrase, weight in items:
        if weight > best:
            hit = _match(phrase, sq, grams)
            if hit:
                best = max(best, weight * hit)
    return best


def _sum_of(
    items: tuple[tuple[str, float], ...], sq: str | frozenset[str], grams: _Fuzzy | None
) -> float:
    if grams is None:
        # The common case, kept free of calls: this loop is most of the cost.
        return sum(w for p, w in items if p in sq)
    total = 0.0
    for phrase, weight in items:
        hit = _match(phrase, sq, grams)
        if hit:
            total += weight * hit
    return total


def _title_line(
    c: _Compiled,
    head_sq: list[str],
    head_grams: list[set[str]] | None,
    present: str | frozenset[str],
    titled: list[set[DocType]] | None = None,
) -> float:
    """The best title weight of `c` found as (most of) one of the top lines.
    (`titled`: the types whose title each line holds exactly; such a line is
    no other type's title read approximately.)"""
    best = 0.0
    titles = c.titles if head_grams is not None else [t for t in c.titles if t[0] in present]
    if not titles and not c.line_titles:
        return 0.0
    for i, line in enumerate(head_sq):
        if not line:
            continue
        # A title alone on its line near the top (a scan may put a recording
        # stamp or a speck line first).
        if i < (3 if head_grams is None else 6) and line in c.line_titles:
            best = max(best, max(w for _, w in c.titles) if c.titles else 10.0)
            continue
        for phrase, weight in titles:
            if weight <= best or len(phrase) * 2 < len(line):
                continue
            if phrase in line:
                best = weight
            elif (
                head_grams is not None
                and len(phrase) >= FUZZY_MIN_LEN
                and not (titled and titled[i] - {c.sig.type})
            ):
                cov = _coverage(phrase, head_grams[i])
                if cov >= FUZZY_MIN_COVERAGE:
                    best = max(best, weight * cov)
    return best


def page_features(page: PageText) -> PageFeatures:
    text = page.text or ""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    sq = squash(text)
    # On a short page the last lines are footers, not the head.
    head_sq = [squash(ln) for ln in lines[: min(HEAD_LINES, max(2, len(lines) // 2))]]
    return _score(page, lines, sq, head_sq, fuzzy=page.method == "ocr")


def _score(
    page: PageText, lines: list[str], sq: str, head_sq: list[str], *, fuzzy: bool
) -> PageFeatures:
    grams = _Fuzzy(lines) if fuzzy else None
    head_grams = [_trigrams(h) for h in head_sq] if fuzzy else None
    titled = (
        [{c.sig.type for c in _COMPILED for p, _ in c.titles if p in h} for h in head_sq]
        if fuzzy
        else None
    )
    # Without fuzzy matching the phrases present are all that matters.
    present: str | frozenset[str] = sq if fuzzy else _present(sq)
    scores: dict[DocType, float] = {}
    cont: dict[DocType, float] = {}
    title_types: set[DocType] = set()
    first_types: set[DocType] = set()
    for c in _COMPILED:
        t = c.sig.type
        title_line = _title_line(c, head_sq, head_grams, present, titled)
        body = _best_of(c.titles, present, grams)
        form = _best_of(c.forms, present, grams)
        vocab = min(VOCAB_CAP, _sum_of(c.vocab, present, grams))
        score = max(title_line * TITLE_LINE_FACTOR, body * TITLE_BODY_FACTOR) + form + vocab
        scores[t] = score
        if c.cont:
            cont[t] = min(VOCAB_CAP, _sum_of(c.cont, present, grams) + vocab * 0.5)
        if title_line:
            title_types.add(t)
            if c.first and any(p in sq for p in c.first):
                first_types.add(t)
    page_of = _page_of(lines, page.method == "ocr")
    f = PageFeatures(
        page=page,
        lines=lines,
        scores=scores,
        cont=cont,
        title_types=title_types,
        first_types=first_types,
        page_of=page_of,
        head=squash(lines[0]) if lines else "",
        foot=squash(lines[-1]) if lines else "",
    )
    if _is_fax_cover(lines) or _is_checklist(lines):
        # TO / FROM / PAGES / RE: a fax cover sheet, whatever its title reads
        # as; the words of its notice do not make it a loan document.
        f.best, f.best_score, f.confidence = DocType.other, 0.0, 0.7
        f.title_types.add(DocType.other)
        return f
    if _is_memo(lines):
        # DATE / FROM / SUBJECT over a few lines of prose: a note from the
        # borrower, which in a loan file is a letter of explanation.
        scores[DocType.letter_of_explanation] += MEMO_BONUS
    ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
    best_type, best = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    if best < MIN_SCORE and not fuzzy and page.method != "text":
        # OCR reads a few letters wrong: before calling such a page `other`,
        # match phrases approximately. (A PDF's text layer is exact.)
        return _score(page, lines, sq, head_sq, fuzzy=True)
    if _foreign_title(lines, best_type, page.method == "ocr"):
        # Titled as something else (a disclosure, a checklist, a fax cover):
        # words of a loan document in its body do not make it one, nor is it
        # a page of the document before it.
        f.best, f.best_score = DocType.other, best
        f.title_types.add(DocType.other)
        f.confidence = 0.7 if best >= MIN_SCORE else 0.8
        return f
    if best < MIN_SCORE:
        f.best, f.best_score = DocType.other, best
        f.confidence = round(0.5 + 0.5 * (1 - best / MIN_SCORE), 3)
        return f
    f.best, f.best_score = best_type, best
    f.confidence = _confidence(best, second)
    return f


MEMO_BONUS = 5.0
_MEMO_HEAD = re.compile(r"^\W*(from|to|subject|re|regarding|date)\s*:", re.IGNORECASE)


# A head word and its value: after a colon, or (OCR rows) a wide gap.
_FAX_HEAD = re.compile(
    r"^\W*(from|to|date|re|pages|no\.?\s*of\s*pages|fax)(?:\s*[:#,.]|\s{2,})", re.IGNORECASE
)
_CHECKBOX_LINE = re.compile(r"^\W{0,2}[\[({|][ xXJ\u2713\u2714]{0,2}[\])}|]\s*[A-Za-z]")


def _is_fax_cover(lines: list[str]) -> bool:
    heads = {m.group(1).lower() for ln in lines[:8] for m in [_FAX_HEAD.match(ln)] if m}
    return "pages" in heads and len(heads) >= 3


def _is_checklist(lines: list[str]) -> bool:
    """Many lines that start with a check box (`[X] Pay Stubs`): a checklist.
    (OCR drops many empty boxes, so a third of the lines will do.)"""
    boxed = sum(1 for ln in lines if _CHECKBOX_LINE.match(ln))
    return boxed >= 5 and boxed * 3 >= len(lines)


def _is_memo(lines: list[str]) -> bool:
    if len(lines) > 40:
        return False
    heads = {m.group(1).lower() for ln in lines[:6] for m in [_MEMO_HEAD.match(ln)] if m}
    return bool(heads & {"subject", "re", "regarding"}) and len(heads) >= 2


_OTHER_TITLE = re.compile(
    r"\b(?:certification|notice|disclosures?|agreement|authorization|checklist|stacking\s+order|"
    r"acknowledge?ments?|affidavit|policy|counseling|identification|intent\s+to\s+proceed|"
    r"arrangement|fax|cover\s+sheet|consent|separator|appendix|privacy|organizations\s+list)\b",
    re.IGNORECASE,
)
_TITLE_TEXT = {s.type: tuple(p.lower() for p, _ in s.titles) for s in SIGNATURES}


_FOLD_LETTERS = str.maketrans(
    {"0": "o", "1": "l", "i": "l", "5": "s", "8": "b", "|": "l", "!": "l"}
)


def _fold(word: str) -> str:
    return word.lower().translate(_FOLD_LETTERS).replace("rn", "m")


_OTHER_WORDS = tuple(
    _fold(w)
    for w in re.sub(r"\\[a-z]\+?|[^a-z|]", " ", _OTHER_TITLE.pattern.replace("|", " ")).split()
    if len(w) >= 6
)
# Words of our own types' titles are never read as another title's word
# (`Verification` is one letter from `Certification`).
_OWN_TITLE_WORDS = frozenset(
    _fold(w) for s in SIGNATURES for p, _ in s.titles for w in re.findall(r"[a-z]+", p.lower())
) - {w for o in _OTHER_WORDS for w in (o, o.removesuffix("s"))}


def _ocr_title_word(line: str) -> str | None:
    """A title word of `_OTHER_TITLE` read with a letter or two wrong
    (`Disc1osure`, `Certifcation`, `Notlce`)."""
    from rapidfuzz import fuzz, process

    for token in re.findall(r"[A-Za-z0-9|!]{5,}", line):
        word = _fold(token)
        if word in _OWN_TITLE_WORDS:
            continue
        hit = process.extractOne(word, _OTHER_WORDS, scorer=fuzz.ratio, score_cutoff=85)
        if hit is not None:
            return str(hit[0])
    return None


def _foreign_title(lines: list[str], best: DocType, ocr: bool = False) -> bool:
    """The page's first line is the title of a document of none of our types.
    (On an OCR'd page, the first line that has words: specks and a stamp may
    come first.)"""
    if not lines:
        return False
    first = lines[0]
    if ocr:
        # Skip a line of specks, not a short title (`FAX`).
        first = next((ln for ln in lines[:3] if len(re.findall(r"[A-Za-z]", ln)) >= 3), first)
    if len(first) > 70 or ":" in first or re.search(r"\d\d", first):
        return False
    m = _OTHER_TITLE.search(first)
    if m is not None:
        word = m.group(0).lower()
    elif ocr:
        found = _ocr_title_word(first)
        if found is None:
            return False
        word = found
    else:
        return False
    line_sq = squash(first)
    stem = _fold(word).removesuffix("s")
    return not any(
        stem in _fold(t) and _contains(line_sq, squash(t), ocr) for t in _TITLE_TEXT.get(best, ())
    )


def _contains(text: str, phrase: str, ocr: bool) -> bool:
    if phrase in text:
        return True
    if not ocr or len(phrase) < FUZZY_MIN_LEN:
        return False
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(phrase, text) >= 92


def _confidence(best: float, second: float) -> float:
    strength = 1 - math.exp(-best / 12)
    margin = (best - second) / best if best > 0 else 0.0
    return round(min(0.99, strength * (0.55 + 0.45 * margin)), 3)


def _page_of(lines: list[str], ocr: bool = False) -> tuple[int, int | None] | None:
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
        m = _PAGE_ONLY_RE.match(ln)
        if m:
            return int(m.group(1)), None
    return None


def _first_date(chunks: list[str]) -> date | None:
    for chunk in chunks:
        found = find_dates(fix_ocr_digits(chunk))
        if found:
            return found[0][2]
    return None


def _instance_key(doc_type: DocType, lines: list[str]) -> object:
    text = "\n".join(lines)
    if doc_type == DocType.paystub:
        return _first_date([m.group(0) for m in _PAY_DATE_RE.finditer(text)])
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
        for (_, _, a), (_, _, b) in pairwise(top):
            if 20 <= (b - a).days <= 100:
                acct = _ACCOUNT_RE.search(text)
                return (a, b, acct.group(1) if acct else None)
        return None
    if doc_type in (DocType.loan_estimate, DocType.closing_disclosure):
        return _first_date([m.group(0) for m in _ISSUED_RE.finditer(text)])
    if doc_type == DocType.credit_report:
        return _first_date([m.group(0) for m in _REPORT_DATE_RE.finditer(text)])
    return None


# One per borrower, often back to back in a stacked file.
_PERSON_KEYED = frozenset({DocType.voe, DocType.urla_1003, DocType.tax_return_1040})
_SSN_RE = re.compile(
    r"(?<![\w-])(?:[Xx*#]{3}|\d{3})-(?:[Xx*#]{2}|\d{2})-(\d{4})(?!\d)"
    r"|(?<![Xx*#])[Xx*#]{5}(\d{4})(?!\d)"
)


_SSN_LAST4_RE = re.compile(
    r"\b(?:ssn|social\s*security)\b[^\d\n]{0,24}(?:last\s*(?:4|four)\W{0,3})?(\d{4})(?!\d)", re.I
)


def _ssn_key(lines: list[str]) -> str | None:
    for ln in lines[:25]:
        m = _SSN_RE.search(ln)
        if m:
            return m.group(1) or m.group(2)
        m2 = _SSN_LAST4_RE.search(ln)
        if m2:
            return m2.group(1)
    return None


@dataclass
class _Open:
    type: DocType
    pages: list[PageFeatures]
    confidence: float

    @property
    def last(self) -> PageFeatures:
        return self.pages[-1]


def _keys_differ(cur: _Open, f: PageFeatures) -> bool:
    mine = f.key(cur.type)
    if mine is None:
        return False
    for prior in reversed(cur.pages):
        theirs = prior.key(cur.type)
        if theirs is not None:
            return bool(theirs != mine)
    return False


SCANTY_WORDS = 12
_AMOUNT_OR_DATE = re.compile(r"\d[\d,]*\.\d\d(?!\d)|(?<!\d)\d{1,2}[/-]\d{1,2}[/-]\d{2,4}(?!\d)")


def _tabular(f: PageFeatures) -> bool:
    """Most lines hold an amount or a date."""
    valued = sum(1 for ln in f.lines if _AMOUNT_OR_DATE.search(ln))
    return len(f.lines) >= 5 and valued * 4 >= len(f.lines) * 3


def _words(f: PageFeatures) -> int:
    return sum(1 for ln in f.lines for w in ln.split() if sum(ch.isalpha() for ch in w) >= 3)


def _numbered_next(cur: _Open, f: PageFeatures) -> bool:
    if f.page_of is None:
        return False
    x, y = f.page_of
    if cur.last.page_of is None:
        # The last page's number was not read (a scan): `3 of 5` still follows
        # an open document of two pages numbered `1 of 5` or not at all.
        totals = {p.page_of[1] for p in cur.pages if p.page_of is not None}
        return x == len(cur.pages) + 1 and x > 1 and (y is None or totals <= {y})
    lx, ly = cur.last.page_of
    return x == lx + 1 and _same_total(ly, y, f)


def _same_total(a: int | None, b: int | None, f: PageFeatures) -> bool:
    # OCR misreads a total (`of S`, `of s` for 8) more often than two documents
    # number their pages on, one after the other.
    return a is None or b is None or a == b or f.page.method == "ocr"


def _continues(cur: _Open, f: PageFeatures) -> bool:
    t = cur.type
    others = {x for x in f.title_types if x != t}
    if _numbered_next(cur, f):
        return not _keys_differ(cur, f)
    if f.page_of is not None and f.page_of[0] == 1:
        return False
    if t == DocType.other:
        if DocType.other in f.title_types:
            # Another titled page: the same document only under the same title.
            first = cur.pages[0].head
            return bool(first) and (f.head.startswith(first) or first.startswith(f.head))
        return f.best == DocType.other
    if DocType.other in f.title_types:
        # A titled page of its own (an acknowledgment, a disclosure): part of
        # the open document only if it speaks that document's language.
        return f.cont.get(t, 0.0) >= 4.0
    if f.best == t or t in f.title_types:
        if _keys_differ(cur, f):
            return False
        # A title again at the top: a new one-page document, or a new
        # multi-page form when the page also carries first-page content.
        return not (t in f.title_types and (t in _SINGLE_PAGE or t in f.first_types))
    if others and f.best != DocType.other:
        # Another type's title at the top of the page: a new document, unless
        # the open one's own vocabulary outweighs it (CD page 3 quotes the
        # Loan Estimate in its table).
        return f.cont.get(t, 0.0) + f.scores.get(t, 0.0) > 2 * f.best_score
    own = f.cont.get(t, 0.0) + f.scores.get(t, 0.0)
    if f.best == DocType.other:
        if own >= 2.0:
            return True
        if (
            f.page.method == "ocr"
            and not f.title_types
            and (_words(f) < SCANTY_WORDS or _tabular(f))
        ):
            # A scan with next to nothing readable (a photo page, a signature
            # page), or only rows of amounts and dates (a table carried over),
            # belongs with the pages before it.
            return True
        return bool(
            (f.head and f.head == cur.pages[0].head and len(f.head) > 3)
            or (f.foot and f.foot == cur.pages[0].foot and len(f.foot) > 3)
        )
    # Best is another type with no title line: keep with the open document if
    # its continuation vocabulary is at least as strong.
    return own >= f.best_score


def classify_and_split(pages: list[PageText]) -> list[LogicalDocument]:
    """Pages of one stored document, in order -> its logical documents."""
    runs: list[_Open] = []
    for page in pages:
        if page.method == "blank" or not (page.text or "").strip():
            continue
        f = page_features(page)
        if runs and _continues(runs[-1], f):
            runs[-1].pages.append(f)
            continue
        runs.append(_Open(f.best, [f], f.confidence))
    return [_close(run) for run in _join_numbered(runs)]


def _join_numbered(runs: list[_Open]) -> list[_Open]:
    """A run that carries on another's page numbering (`Page 4 of 8` two pages
    after that run's `Page 2 of 8`) is part of it: an OCR'd page between them
    whose number was not read, and whose words looked like another type's,
    split them."""
    out: list[_Open] = []
    for run in runs:
        prev = out[-1] if out else None
        if prev is not None and run.pages[0].page_of is None and _numbering_continues(prev, run):
            prev.pages.extend(run.pages)
            continue
        out.append(run)
    return out


def _numbering_continues(prev: _Open, run: _Open) -> bool:
    anchor = next(
        ((k, p.page_of) for k, p in reversed(list(enumerate(prev.pages))) if p.page_of), None
    )
    if anchor is None:
        return False
    k, (x0, y0) = anchor
    for d, p in enumerate(run.pages):
        if p.page_of is None:
            continue
        x, y = p.page_of
        # The distance in pages is the distance in page numbers.
        return _same_total(y0, y, p) and x - x0 == len(prev.pages) - k + d
    return False


def _close(cur: _Open) -> LogicalDocument:
    confidence = cur.confidence
    if len(cur.pages) > 1 and cur.type != DocType.other:
        # Later pages that scored as the same type corroborate the first.
        agree = sum(1 for p in cur.pages[1:] if p.best == cur.type)
        confidence = min(0.99, confidence + 0.05 * agree)
    return LogicalDocument(
        id=uuid.uuid4(),
        type=cur.type,
        confidence=round(confidence, 3),
        source_document_id=cur.pages[0].page.document_id,
        pages=[p.page.page for p in cur.pages],
    )


def classify_page(page: PageText) -> tuple[DocType, float]:
    """One page on its own: its best type and the confidence in it."""
    f = page_features(page)
    return f.best, f.confidence
