"""Cleaning of names and addresses read from a page: a person's name, an
organisation's, a US street address; what is plainly not one is rejected."""

from __future__ import annotations

import re

from flightline.pipeline.normalize import normalize_name

_SPACE = re.compile(r"[ \u00a0]+")
_NAME_NOISE = re.compile(
    r"\s*(?:\(?(?:borrower|co-?borrower|applicant|employee|seal|date|signature)\)?\s*)+$",
    re.IGNORECASE,
)
CITY_STATE_ZIP = re.compile(r"\b[A-Z]{2}\s*,?\s*\d{5}(?:-\d{4})?\b")
_ZIP_END = re.compile(r"(\b[A-Z]{2}\s*,?\s*\d{5}(?:-\d{4})?)\b.*$")


_ABBREVIATIONS = frozenset({"corp", "assn", "bros", "intl"})


def clean_name(text: str) -> str | None:
    # `Acme Corp, 123 Main St, ...`: the address that follows a name is not part of it
    # (its comma read as a semicolon or a yen sign on a scan; the house
    # number run into the street, `12358sBerger Boulevard`).
    text = re.sub(r"[,;\u00a5]\s*(?:\d+\s+|\d{3,})[A-Za-z].*$", "", text)
    # (`SS:`: the caption with its N lost on a scan)
    text = re.sub(r"\s*(?:SSN|\bSS\s*[:#]|Social Security|XXX|\*\*\*|xxx)[\s\S]*$", "", text)
    text = _NAME_NOISE.sub("", text)
    # (a speck read as a quote mark run into the first letter, `«Barbara`)
    text = re.sub(r"^\s*[^\w\s(]+(?=[A-Za-z])", "", text)
    # (the next box's amount run into the name, its cents lost: `Systems
    # Corporation 125170.`; no name ends in four figures and more)
    text = re.sub(r"\s+\$?\d[\d,]{3,}(?:\.\d*)?\W*$", "", text)
    text = re.sub(r"[^A-Za-z.,'\u2019 &-]+$", "", text)
    # no name ends in an apostrophe: a quote mark after it is a speck
    text = re.sub(r"(?<=[A-Za-z])['\u2019]+\s*$", "", text)
    name = normalize_name(text)
    if name is None or not re.search(r"[A-Za-z]{2}", name):
        return None
    # A sentence's full stop is not part of a name; an abbreviation's is.
    m = re.search(r"(\w+)\.$", name)
    if m and len(m.group(1)) > 3 and m.group(1).lower() not in _ABBREVIATIONS:
        name = name[:-1]
    return name


_HINT = re.compile(r"\b(?:first|middle|last|suffix|include|jr|sr|if)\b", re.IGNORECASE)
_NOT_PERSON = re.compile(
    r"\b(?:copy|reference|statement|return|information|federal|section|signature|records?|"
    r"form|page\s*\d|name|number|date|address|amount|total|employer|company|bank|loan|application|"
    r"report|summary|applicable|none|n/a|tbd|see|the|this|that|of|for|with|from|"
    r"under|agrees?|promise|interest|payments?|property|lender|trust|"
    r"instrument|notice|rights?|consumer|transaction|gift|letter|savings|account|funds|"
    r"pay|stub|earnings|payroll|check|advice|deposit|note|rate|fixed|multistate|mortgage|deed|"
    r"closing|disclosure|estimate|verification|employment|uniform|residential|settlement|"
    r"appraisal|borrower|sign|original|only|witness|bureau|"
    # a caption's words (`Last La name`: `Last name` garbled beside its value)
    r"first|middle|last|initial|"
    # a W-2 box's caption read beside the name's (`State St   wages, tips`)
    r"state|wages|tips|"
    # a box's number or a street's (`16 State St`, the next caption read as a name)
    r"\d{2,})\b",
    re.IGNORECASE,
)


_LEADING_SPECK = re.compile(r"^[a-z]\s+(?=[A-Z][a-z]*\.?\s+[A-Z])")
_PARTICLES = frozenset({"and", "de", "del", "della", "la", "le", "van", "von", "der", "da", "di"})
_SPLIT_WORD = re.compile(r"\b([A-Z][a-z]+) ([a-z]{2,})\b")


def clean_person(text: str) -> str | None:
    """A person's name (or several joined by `and`), or None for words that
    are plainly not one (a label's leftover, a sentence)."""
    # A parenthesis opens a caption's hint (`Name (First, Middle, Last)`), not a
    # name; one that never closes before a name is a box edge OCR read (`(Gabriel Paul`).
    stripped = text.lstrip(" :")
    if stripped.startswith("("):
        if ")" in stripped or _HINT.search(stripped):
            return None
        text = stripped[1:]
    # `Mcint¥re`: a y read as a yen sign inside a word
    text = re.sub(r"(?<=[a-z])\u00a5(?=[a-z])", "y", text)
    # an opening quote (U+2018, U+201C) before a capital is a speck, not a
    # caption's leftover (those end in a closing one: `'s name`)
    text = re.sub(r"^\s*[\u2018\u201c\"]+(?=[A-Z])", "", text)
    name = clean_name(text)
    # `& Addressof Employem`: the rest of another caption, run together
    if name is None or name.startswith(("'", "\u2019", "&")):
        return None
    # `i Daniel J. Ayala`: a speck read as a lone small letter before the name
    # (no particle has one letter)
    name = _LEADING_SPECK.sub("", name)
    # OCR splits a word of a name at a wide letter (`Chri stopher`): a lower-case
    # piece that is no particle belongs to the word before it.
    name = _SPLIT_WORD.sub(
        lambda m: m.group(0) if m.group(2) in _PARTICLES else m.group(1) + m.group(2), name
    )
    # (`José`, or `Séott` for Scott: an accent on a speck is still one word)
    words = re.findall(r"[^\W\d_][^\W\d_.'\u2019-]*(?:[.'\u2019-][^\W\d_]*)*", name)
    if len(words) < 2 or len(words) > 12 or _NOT_PERSON.search(name):
        return None
    # Every word of a name is capitalised but its particles (and, de, van).
    if any(w[0].islower() and w.lower() not in _PARTICLES for w in words):
        return None
    return name


def clean_address(text: str) -> str:
    text = _SPACE.sub(" ", text).strip(" ,;:")
    # Nothing useful follows the ZIP code (county, parcel, labels).
    m = _ZIP_END.search(text)
    if m:
        text = text[: m.end(1)]
    return text
