"""Normalising what documents state in many spellings: people's names,
employers and addresses, to the keys the rules compare; and whether an OCR'd
reading is a name at all.

Keys fold away what does not make two renderings different (case, order,
punctuation, suffixes, company words, address abbreviations); `compare`
decides what a remaining difference means for a value read by OCR.
"""

from __future__ import annotations

import re

from flightline.pipeline.signatures import unaccented

_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_NAME_DIGITS = str.maketrans({"0": "o", "1": "l", "5": "s", "8": "b", "|": "l"})


def _name_words(raw: str) -> list[str]:
    """Given names first: "Last, First M" reordered, case, punctuation and suffixes gone."""
    s = raw.strip()
    if "," in s:
        last, _, first = s.partition(",")
        s = f"{first} {last}"
    printed_last = (re.sub(r"[^\w|]+$", "", s).split() or [""])[-1]
    # a name has no digits: one inside a word is OCR's look-alike of a letter
    # an accent is no other name: OCR puts one on a speck over a letter
    # (`Barnétt`), and records drop the ones names have (`José`, `Jose`)
    # a mark between a word and the next capitalised one is a space OCR
    # read as a quote (`Michele'Jennifer`); O'Brien keeps its apostrophe
    s = re.sub(r"(?<=[a-z])['\u2019`](?=[A-Z])", " ", s)
    s = re.sub(r"['\u2019`]", "", unaccented(s).lower()).translate(_NAME_DIGITS)
    words = [w for w in re.sub(r"[^a-z]+", " ", s).split() if w not in _NAME_SUFFIXES]
    # `Ill`, `Il`, `lv`: a scan's II, III or IV after a whole name, not a surname
    # (read on the letters as printed: `Li` and `LI` are a surname, OCR reads
    # no I as an L)
    if (
        len(words) >= 3
        and _SUFFIX_LOOKALIKE.fullmatch(printed_last)
        and printed_last.lower() not in _NAME_SUFFIXES
    ):
        words.pop()
    return words


_SUFFIX_LOOKALIKE = re.compile(r"[Il1|]{2,3}|[Il1|][vV]")


def name_words(raw: str) -> tuple[str, ...]:
    """The words of a name, given names first, initials dropped when two
    longer words remain."""
    words = _name_words(raw)
    full = [w for w in words if len(w) > 1]
    return tuple(full if len(full) >= 2 else words)


def name_key(raw: str) -> frozenset[str] | None:
    """First and last name, ignoring case, order ("Last, First"), punctuation,
    suffixes and middle names or initials: what makes two renderings the same person."""
    words = name_words(raw)
    if not words:
        return None
    return frozenset((words[0], words[-1]))


_LABEL_WORDS = frozenset(
    {
        "first",
        "middle",
        "last",
        "suffix",
        "name",
        "borrower",
        "applicant",
        "bureau",
        "model",
        "did",
        "shop",
    }
)
_JUNK = re.compile(r"[^\w\s,.'\u2019&-]")
# Words of a sentence, never of one person's name: a phrase read where the
# name belongs (`and Lefider`, from "Borrower and Lender").
_PROSE_WORDS = frozenset({"and", "the", "of", "for", "with", "from"})
# ... nor a table's captions of amounts (`Unpaid Balance`, read beside a
# misread `Company Name`)
_AMOUNT_WORDS = frozenset({"balance", "unpaid", "payment", "monthly", "amount", "total"})


def garbled(raw: str) -> bool:
    """An OCR'd reading that is not a name: symbols a name never has (one
    inside it, or two anywhere: a speck at either end is only a speck), a
    capital after three small letters inside a word ("GhheSpie": names that
    mix case do it early, as in McDonald, MacArthur, DeShawn) or a word that
    switches case twice ("RoReKenW") or runs capitals into the small
    letters that end it ("BBs"), a word of
    prose, or fewer than two words of letters."""
    inner = _JUNK.sub("", raw[:1]) + raw[1:-1] + _JUNK.sub("", raw[-1:])
    return (
        len(_JUNK.findall(raw)) >= 2
        or bool(re.search(r"[a-z]{3}[A-Z]", raw))
        # case switching twice inside a word (`RoReKenW`): no name does
        or bool(re.search(r"[a-z][A-Z][A-Za-z]*?[a-z][A-Z]", raw))
        # capitals run into small letters that end the word (`BBs HANSEN`):
        # names that mix case open with one capital (McDonald, LeBlanc)
        or bool(re.search(r"\b[A-Z]{2,}[a-z]+\b", raw))
        or bool(_JUNK.search(inner.strip()))
        or bool(re.search(r"\d{3}", raw))  # a house number, a date: not a name
        or len(_LABEL_WORDS & set(_name_words(raw))) >= 2  # the form's label read
        or bool((_PROSE_WORDS | _AMOUNT_WORDS) & {w.lower() for w in re.findall(r"[A-Za-z]+", raw)})
        or len([w for w in _name_words(raw) if len(w) > 1]) < 2
        or re.sub(r"[^a-z]", "", raw.lower()) in _HEADINGS  # `INF ORMATION`: split by OCR
    )


# A form's heading words: one OCR split in two reads like a first and last name.
_HEADINGS = frozenset(
    {"information", "borrowerinformation", "employment", "verification", "applicant", "borrower"}
)


def first_name(raw: str) -> str | None:
    words = [w for w in _name_words(raw) if len(w) > 1]
    return words[0] if words else None


def middle_initial(raw: str) -> str | None:
    words = _name_words(raw)
    return words[1][0] if len(words) >= 3 else None


_COMPANY_WORDS = frozenset(
    {
        "inc",
        "incorporated",
        "llc",
        "llp",
        "corp",
        "corporation",
        "company",
        "co",
        "lp",
        "ltd",
        "limited",
        "the",
        "l",
        "p",
        "c",
        "pllc",
        "pc",
    }
)


_ENTITY = re.compile(
    r"\b(?:inc|incorporated|llc|llp|lp|l\.\s?p|l\.\s?l\.\s?c|co|corp|corporation|company|ltd|"
    r"limited|pllc)\b\.?",
    re.IGNORECASE,
)


def looks_like_company(raw: str) -> bool:
    """A legal-entity word: what was read as a person's name is an employer's
    (a field read from the wrong place), not a spelling of the borrower's."""
    return bool(_ENTITY.search(unaccented(raw)))


_WORD_DIGITS = str.maketrans({"0": "o", "1": "i", "5": "s", "8": "b"})


def resembles_employer(raw: str, employers: set[str]) -> bool:
    """An OCR'd name that is one of the file's employers read from the wrong
    box, entity suffix glued on or not (`Davis Engineering'L`)."""
    key = employer_key(raw).replace(" ", "")
    return any(len(e) >= 4 and key.startswith(e) for e in (e.replace(" ", "") for e in employers))


# `EngineeringCorporation`: a long entity word run into the word before it
_GLUED_ENTITY = re.compile(r"(?<=[a-z]{3})(?:corporation|company|incorporated|limited)$")


def employer_key(raw: str) -> str:
    # (an accent is a speck over a letter: `Brown Electric Cémpany`)
    words = re.sub(r"[^a-z0-9]+", " ", unaccented(raw).lower().replace("&", " and ")).split()
    # a digit inside a word of letters ("L0GISTICS", "1NC") is OCR's look-alike
    words = [w.translate(_WORD_DIGITS) if re.search(r"[a-z]", w) else w for w in words]
    # (a space lost on a scan); the short entity words (co, inc) end real names
    words = [_GLUED_ENTITY.sub("", w) for w in words]
    return " ".join(w for w in words if w not in _COMPANY_WORDS)


_ADDRESS_WORDS = {
    "street": "st",
    "str": "st",
    "avenue": "ave",
    "av": "ave",
    "road": "rd",
    "drive": "dr",
    "lane": "ln",
    "court": "ct",
    "boulevard": "blvd",
    "place": "pl",
    "circle": "cir",
    "terrace": "ter",
    "parkway": "pkwy",
    "trail": "trl",
    "highway": "hwy",
    "square": "sq",
    "crossing": "xing",
    "point": "pt",
    "north": "n",
    "south": "s",
    "east": "e",
    "west": "w",
    "northeast": "ne",
    "northwest": "nw",
    "southeast": "se",
    "southwest": "sw",
    "apartment": "unit",
    "apt": "unit",
    "suite": "unit",
    "ste": "unit",
    "no": "unit",
    "number": "unit",
}


# Marks no address prints (`360 [ieee Juniper Cir`): inside a scanned one, the
# line is garbled and its figures are not to be trusted. (A speck at either
# end is only a speck.)
_ADDRESS_JUNK = re.compile(r"[^\w\s,.'\u2019&#/-]")


def address_garbled(raw: str) -> bool:
    inner = raw.strip()
    inner = _ADDRESS_JUNK.sub("", inner[:1]) + inner[1:-1] + _ADDRESS_JUNK.sub("", inner[-1:])
    return _ADDRESS_JUNK.search(inner.strip()) is not None


def address_key(raw: str) -> str:
    """An address with abbreviations, case, punctuation and ZIP+4 folded away
    (St/Street, Ave/Avenue, Apt/Unit/#), so only a real difference remains."""
    s = re.sub(r"\b(\d{5})-\d{4}\b", r"\1", raw.lower()).replace("#", " unit ")
    words = re.sub(r"[^a-z0-9]+", " ", s).split()
    out = [_ADDRESS_WORDS.get(w, w) for w in words]
    # "unit unit 4" from "Apt # 4"
    return " ".join(
        w for i, w in enumerate(out) if not (w == "unit" and i and out[i - 1] == "unit")
    )
