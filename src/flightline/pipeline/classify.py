"""Step 3 of the pipeline: classify each page by its content and split a
stored document into logical documents.

Each page is scored on its own (see `page_scores`). Runs of pages then become
documents: a page joins the open document when it continues it (page
numbering, same type, the type's continuation vocabulary, a running header)
and starts a new one when it clearly begins another: a `Page 1 of`, a title of
another type, a second title page of a one-page type, or a different
statement period, tax year, pay date, issue date or borrower (SSN) than the
open document's (see `page_keys`).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, timedelta

from flightline.pipeline.model import DocType, LogicalDocument, PageText
from flightline.pipeline.normalize import find_dates, fix_ocr_digits
from flightline.pipeline.page_scores import SINGLE_PAGE, PageFeatures, page_features


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
    if isinstance(mine, tuple):
        return _parts_differ(cur, mine)
    for prior in reversed(cur.pages):
        theirs = prior.key(cur.type)
        if theirs is not None:
            return bool(theirs != mine)
    return False


def _parts_differ(cur: _Open, mine: tuple[object, ...]) -> bool:
    """A key of several parts (a statement's period and account): each part
    against the latest earlier page that read that part. A part a page did
    not give tells nothing, and a continuation page showing only the account
    must not hide the period the next month's first page differs in."""
    for n, part in enumerate(mine):
        if part is None:
            continue
        for prior in reversed(cur.pages):
            theirs = prior.key(cur.type)
            if isinstance(theirs, tuple) and len(theirs) == len(mine) and theirs[n] is not None:
                if not _may_be(theirs[n], part):
                    return True
                break
    return False


def _may_be(a: object, b: object) -> bool:
    """Two key parts that may be the same: equal, or (a part OCR left open
    between readings, a frozenset) one among the other's."""

    def readings(x: object) -> frozenset[object]:
        return x if isinstance(x, frozenset) else frozenset({x})

    return not readings(a).isdisjoint(readings(b))


def _dated_elsewhere(cur: _Open, f: PageFeatures) -> bool:
    """A statement page whose period OCR garbled but whose rows are dated:
    when most of its dates fall outside the open statement's period, it is
    the next statement's first page (a continuation's rows are the period's
    own; a posting a few days past the cut-off is allowed for)."""
    if cur.type != DocType.bank_statement:
        return False
    period = None
    for prior in reversed(cur.pages):
        key = prior.key(cur.type)
        if isinstance(key, tuple) and isinstance(key[0], date) and isinstance(key[1], date):
            period = key[0] - _POSTING_SLACK, key[1] + _POSTING_SLACK
            break
    if period is None:
        return False
    dates = [d for ln in f.lines for _, _, d in find_dates(fix_ocr_digits(ln))]
    inside = sum(period[0] <= d <= period[1] for d in dates)
    return len(dates) >= _DATED_ROWS and inside * 2 < len(dates)


_POSTING_SLACK = timedelta(days=3)
_DATED_ROWS = 3


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


def _numbering_ended(cur: _Open) -> bool:
    """The open document's last page is the last its numbering counts (`Page
    1 of 1` on its only page): a page under its type's title after it is the
    next document's, though OCR lost what would tell them apart (a period)."""
    last = cur.last.page_of
    return last is not None and last[0] == last[1] == len(cur.pages)


def _summary_again(cur: _Open, f: PageFeatures) -> bool:
    """A statement page with its own account summary at the top (an opening
    and an ending balance) after a page of the open statement that had one:
    the next statement's first page, though OCR garbled what would tell them
    apart (`Ape27, 2025 to May @6, 2025`). A continuation carries no summary.
    (Where both pages' periods were read, their keys alone decide.)"""
    return (
        cur.type == DocType.bank_statement
        and _summary(f)
        and any(_summary(p) for p in cur.pages)
        and not (_period_read(f) and any(_period_read(p) for p in cur.pages))
    )


def _period_read(f: PageFeatures) -> bool:
    key = f.key(DocType.bank_statement)
    return isinstance(key, tuple) and key[1] is not None


def _summary(f: PageFeatures) -> bool:
    top = "\n".join(f.lines[:_SUMMARY_LINES])
    return bool(_OPENING_BALANCE.search(top) and _ENDING_BALANCE.search(top))


_SUMMARY_LINES = 15
_OPENING_BALANCE = re.compile(
    r"(?:balance\s*forward|previous\s*balance|beginning\s*balance|opening\s*balance|"
    r"starting\s*balance)\W{0,3}\s*\$?\s?\d",
    re.IGNORECASE,
)
_ENDING_BALANCE = re.compile(
    r"(?:ending\s*balance|new\s*balance|closing\s*balance|balance\s*this\s*statement)"
    r"\W{0,3}\s*\$?\s?\d",
    re.IGNORECASE,
)


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
        # (a page that reads as its type after one numbered as the open
        # document's last, `Page 1 of 1`, is the next one's though its title
        # did not read as one)
        if (
            _keys_differ(cur, f)
            or _numbering_ended(cur)
            or _dated_elsewhere(cur, f)
            or _summary_again(cur, f)
        ):
            return False
        # A title again at the top: a new one-page document, or a new
        # multi-page form when the page also carries first-page content.
        return not (t in f.title_types and (t in SINGLE_PAGE or t in f.first_types))
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
