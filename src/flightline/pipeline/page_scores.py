"""How one page is scored against the document types.

Each page gets a score per type from weighted phrases (see `signatures`),
matched on a squashed copy of the text (OCR pages: approximately, line by
line). A page titled as a document of none of our types (a disclosure, a
checklist, a fax cover) is `other` whatever its body says; a short memo
(DATE / FROM / SUBJECT) is a letter of explanation. The result,
`PageFeatures`, also carries what `classify` needs to split pages into
documents: title types, continuation scores, page number, header and footer.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from flightline.pipeline.model import DocType, PageText
from flightline.pipeline.page_keys import PERSON_KEYED, instance_key, page_number, ssn_key
from flightline.pipeline.signatures import SIGNATURES, Signature, squash, unaccented

# A page whose best type scores less than this is `other`.
MIN_SCORE = 6.0
# Vocabulary is capped so that a long page of prose cannot outweigh a title.
VOCAB_CAP = 16.0
TITLE_LINE_FACTOR = 1.5
TITLE_BODY_FACTOR = 0.6
HEAD_LINES = 8
FUZZY_MIN_LEN = 10
FUZZY_MIN_COVERAGE = 0.75


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
SINGLE_PAGE = frozenset(s.type for s in SIGNATURES if s.single_page)
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
            if doc_type in PERSON_KEYED:
                # Whose document it is, read where the form starts: a later
                # page may well show the other borrower's SSN.
                key = ssn_key(self.lines) if doc_type in self.title_types else None
            else:
                key = instance_key(doc_type, self.lines)
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
                cov = max(_coverage(phrase, head_grams[i]), _one_glyph_off(phrase, line))
                if cov >= FUZZY_MIN_COVERAGE:
                    best = max(best, weight * cov)
    return best


# A title line one or two glyphs off (`CREDIP REPORT`): a letter misread in
# the middle of a short title loses three of its ten trigrams, but keeps
# this much of its characters in order.
TITLE_EDIT_SCORE = 90.0


def _one_glyph_off(phrase: str, line: str) -> float:
    from rapidfuzz import fuzz

    if len(line) < len(phrase) - 2:
        return 0.0  # (a short line would be found inside the title instead)
    score = fuzz.partial_ratio(phrase, line)
    return score / 100 if score >= TITLE_EDIT_SCORE else 0.0


_WORD = re.compile(r"[A-Za-z]{5,}")
# Lines of specks at a scan's top (a picture or a stain OCR read as letters)
# this many and more push the title down past the head
NOISE_BLOCK = 3


def _noise(line: str) -> bool:
    """A line OCR made of a picture: no word of five letters among several
    tokens (`I  Aja] Cur  Si:  it)  eas wae`), or no letter at all."""
    return not re.search(r"[A-Za-z]", line) or (len(line.split()) >= 3 and not _WORD.search(line))


def _after_noise(lines: list[str]) -> list[str]:
    """The page from its first line that is not a block of noise at the top."""
    n = 0
    while n < len(lines) and _noise(lines[n]):
        n += 1
    return lines[n:] if n >= NOISE_BLOCK and n < len(lines) else lines


def page_features(page: PageText) -> PageFeatures:
    text = page.text or ""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    sq = squash(text)
    # On a short page the last lines are footers, not the head.
    top = _after_noise(lines) if page.method == "ocr" else lines
    head = top[: min(HEAD_LINES, max(2, len(top) // 2))]
    if page.method == "ocr":
        # a letter's `To:` line is whom it is for, no title read approximately
        # (`To: Underwriting Department` is not `DU Underwriting`)
        head = ["" if _MEMO_FIELD.match(ln) else ln for ln in head]
    head_sq = [squash(ln) for ln in head]
    return _score(page, lines, sq, head_sq, fuzzy=page.method == "ocr")


_MEMO_FIELD = re.compile(r"^\W{0,2}(?:to|from|attn|cc)\s*:", re.IGNORECASE)


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
    page_of = page_number(lines, page.method == "ocr")
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
_MEMO_HEAD = re.compile(r"^\W*([a-z]{2,9})\s*:", re.IGNORECASE)
_MEMO_WORDS = ("from", "to", "subject", "re", "regarding", "date")


def _memo_head(word: str) -> str | None:
    """A memo's head word, or a long one OCR misread a letter of (`SUBJEGT`)."""
    word = word.lower()
    if word in _MEMO_WORDS:
        return word
    near = [w for w in _MEMO_WORDS if len(w) >= 5 and Levenshtein.distance(w, word) <= 1]
    return near[0] if len(word) >= 5 and near else None


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
    heads = {_memo_head(m.group(1)) for ln in lines[:6] for m in [_MEMO_HEAD.match(ln)] if m}
    heads.discard(None)
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

    found = re.findall(r"[A-Za-z0-9|!]+", unaccented(line))
    # (and two pieces of a word OCR split, `Ceftificat ion`)
    pieces = [*found, *(a + b for a, b in pairwise(found))]
    for token in (t for t in pieces if len(t) >= 5):
        word = _fold(token)
        if word in _OWN_TITLE_WORDS:
            continue
        hit = process.extractOne(word, _OTHER_WORDS, scorer=fuzz.ratio, score_cutoff=85)
        if hit is None:
            continue
        # a misreading nearer one of our own titles' words is that word
        # (`Vertification` is Verification misread, not Certification)
        own = process.extractOne(word, _OWN_WORDS, scorer=fuzz.ratio)
        if own is None or own[1] < hit[1]:
            return str(hit[0])
    return None


_OWN_WORDS = tuple(w for w in _OWN_TITLE_WORDS if len(w) >= 6)


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
    # (on a scan, also without the specks read as a short word inside the
    # title: `Closing Gg Disclosure`)
    readings = {squash(first)}
    if ocr:
        readings.add(squash(" ".join(w for w in first.split() if len(w) > 2)))
    stem = _fold(word).removesuffix("s")
    return not any(
        stem in _fold(t) and _contains(line_sq, squash(t), ocr)
        for t in _TITLE_TEXT.get(best, ())
        for line_sq in readings
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
