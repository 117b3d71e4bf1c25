"""Where a value read after its label ends: at the next label, found by its
colon, by a box that cut it short, or by the words that open it."""

from __future__ import annotations

import re

from flightline.pipeline.extractors.base import LABEL_WORDS

_COLON_LABEL = re.compile(
    r"((?<![A-Za-z#'\u2019./&()-])[A-Za-z#'\u2019./&()-]{1,30}(?:\s+[A-Za-z#'\u2019./&()-]{1,30}){0,4})"
    r"\s*:"
)


def truncated_label_cut(rest: str) -> int | None:
    """Where a label cut short by its box (`SOCIAL SECURITY NUMB..`) starts."""
    m = re.search(r"\S{1,40}\.\.(?=\s|$)", rest)
    if m is None:
        return None
    words = list(re.finditer(r"\S+", rest[: m.start()]))
    start = m.start()
    for w in reversed(words):
        if w.group(0).strip("().#").lower() not in LABEL_WORDS:
            break
        start = w.start()
    return start if start > 0 else None


# Words that may open a longer form of a known label (`Borrower Social
# Security Number`); any other label-like word before a known label is the
# value's (a surname such as Price or Case).
_LABEL_PREFIXES = frozenset(
    """borrower co-borrower borrower's co-borrower's applicant co-applicant applicant's
    employee employer property loan account""".split()  # noqa: SIM905
)


def label_prefix(words: str) -> bool:
    return all(w.strip("().#").lower() in _LABEL_PREFIXES for w in words.split())


# `Page` is a footer's label only before its number (`Page 2 of 3`); in
# `8192 Page Ct` it is a street's name.
_PAGE_NUMBER = re.compile(r"\s*(?:#|no\.?|:)?\s*\d")


def word_not_label(rest: str, m: re.Match[str]) -> bool:
    return m.group(0).lower() == "page" and not _PAGE_NUMBER.match(rest, m.end())


def colon_cut(rest: str) -> int | None:
    """Where a following `Some Label:` starts, walking back over label words."""
    for m in _COLON_LABEL.finditer(rest):
        words = list(re.finditer(r"\S+", rest[: m.end() - 1]))
        start = None
        for w in reversed(words):
            token = w.group(0).strip("().#").lower()
            if token in LABEL_WORDS or (token.endswith("'s") and token[:-2] in LABEL_WORDS):
                start = w.start()
                continue
            break
        if start is not None:
            return start
        return m.end() if m.start() == 0 else None
    return None
