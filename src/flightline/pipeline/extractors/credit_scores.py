"""A credit report's scores: one row per borrower and bureau."""

from __future__ import annotations

import re

from flightline.pipeline.extractors.base import DocText
from flightline.pipeline.extractors.names import clean_person
from flightline.pipeline.model import FieldValue, LogicalDocument
from flightline.pipeline.normalize import name_key

_BUREAUS = (
    ("equifax", re.compile(r"equifax|\bEFX\b|\bEQ\b|beacon", re.IGNORECASE)),
    ("experian", re.compile(r"experian|\bEXP\b|\bXPN\b|\bEX\b|fair\s*isaac", re.IGNORECASE)),
    ("transunion", re.compile(r"trans\s*union|\bTU\b|\bTUC\b|classic\s*04", re.IGNORECASE)),
)
# a score may end a sentence-like run (`652.`); a decimal is not a score
_SCORE = re.compile(r"(?<![\d.,$/-])([3-8]\d\d)(?![\d,/%]|\.\d)")
CO = re.compile(r"co-?\s*(?:borrower|applicant|app)\b|joint\s*applicant|spouse", re.IGNORECASE)
MAIN = re.compile(r"(?<!\bco-)(?<!\bco )\b(?:borrower|applicant|app)\b", re.IGNORECASE)


def _who(text: str, keys: list[str | None], current: int) -> int:
    """Which borrower a line is about: a co-applicant mark, else a name."""
    lowered = name_key(text)
    if CO.search(text):
        return 2
    for n, key in enumerate(keys, start=1):
        if key and lowered.startswith(key):
            return n
    if MAIN.search(text[:20]):
        return 1
    return current


def score_rows(doc: DocText, ld: LogicalDocument) -> None:
    scores: list[dict[str, FieldValue]] = []
    seen: set[tuple[int, str]] = set()
    keys = [
        name_key(str(ld.fields[f].value)) if f in ld.fields else None
        for f in ("borrower_name", "co_borrower_name")
    ]
    borrower = 1
    two_columns = False
    score_lines: set[int] = set()
    unnamed: list[tuple[int, int, int]] = []  # (line, borrower, score)
    for i, line in enumerate(doc.lines):
        text = line.text
        bureaus = [(b, m.start()) for b, p in _BUREAUS for m in [p.search(text)] if m]
        if not bureaus and doc.ocr and (score := _unnamed_score(text)) is not None:
            unnamed.append((i, _who(text, keys, borrower), score))
            continue
        if not bureaus:
            lowered = name_key(text)
            has_co = bool(CO.search(text)) or bool(keys[1] and keys[1] in lowered)
            has_b = bool(MAIN.search(text)) or bool(keys[0] and keys[0] in lowered)
            if has_co and has_b and not re.search(r"\d{3}", text):
                two_columns = True
            elif has_co and len(text) < 80:
                borrower, two_columns = 2, False
            elif has_b and len(text) < 80 and not re.search(r"\d{3}", text):
                borrower = 1
            continue
        if re.search(r"\d,\d{3}|\.\d\d\b", text):
            continue  # amounts: a tradeline, not a score
        # `Beacon 5.0:.790`: a speck between a label's colon and the score
        text = re.sub(r"([:;])\s*[.,](?=\d{3}\b)", r"\1 ", text)
        found = [(m.start(1), int(m.group(1))) for m in _SCORE.finditer(text)]
        found = [(pos, v) for pos, v in found if 300 <= v <= 850]
        if not found or "$" in text[: found[0][0]]:
            # a dollar sign before the score is a tradeline's; one after it is
            # a key factor's words OCR misread (`sast $2 months`)
            continue
        if len(bureaus) == 1 and len(found) >= 2 and two_columns:
            # Bureau rows, one column per borrower.
            for n, (_, score) in enumerate(found[:2], start=1):
                _add_score(doc, scores, seen, i, n, bureaus[0][0], score)
            continue
        who = _who(text, keys, borrower)
        named = clean_person(re.sub(r"[\s-]+$", "", text[: min(b[1] for b in bureaus)]))
        if (
            who == 1
            and named
            and keys[0]
            and not name_key(named).startswith(keys[0])
            and all((1, b) in seen for b, _ in bureaus)
        ):
            # the first borrower's scores are all read: a line of scores
            # naming someone else (a co-borrower whose mark OCR lost) is the
            # second's
            who = 2
        bureaus.sort(key=lambda b: b[1])
        for n, (bureau, start) in enumerate(bureaus):
            end = bureaus[n + 1][1] if n + 1 < len(bureaus) else len(text)
            mine = [v for pos, v in found if start < pos < end]
            if mine:
                _add_score(doc, scores, seen, i, who, bureau, mine[0])
                score_lines.add(i)
    for i, who, score in unnamed:
        # a bureau row whose bureau OCR lost (`app*   767` under the EFX and
        # XPN rows): beside its borrower's other rows, the one bureau left
        left = [b for b, _ in _BUREAUS if (who, b) not in seen]
        beside = {i - 1, i + 1} & score_lines
        mates = [u for u in unnamed if u[1] == who]
        if len(left) == 1 and beside and len(mates) == 1:
            _add_score(doc, scores, seen, i, who, left[0], score)
    if scores:
        ld.rows["scores"] = scores


# A score row's line with its bureau lost: a borrower mark and one score,
# specks aside (no figure but the score's, a few letters at most).
_UNNAMED_ROW = re.compile(r"^[\W_]*(?:co-?\s*)?(?:app|applicant|borrower|b\d?)?[\W_]*")


def _unnamed_score(text: str) -> int | None:
    mark = _UNNAMED_ROW.match(text)
    rest = text[mark.end() :] if mark else text
    found = [m for m in _SCORE.finditer(rest) if 300 <= int(m.group(1)) <= 850]
    if len(found) != 1 or len(text) > 40:
        return None
    others = rest[: found[0].start()] + rest[found[0].end() :]
    if re.search(r"\d", others) or len(re.findall(r"[A-Za-z]", others)) > 3:
        return None
    return int(found[0].group(1))


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
