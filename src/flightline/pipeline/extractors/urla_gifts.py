"""The gifts and grants an application declares (URLA section 4d): a table
of type, whether it is deposited, its source and its value.

A declared gift tells a statement's deposit of that amount for a gift
whatever the bank's description says (a scan may garble the word `GIFT`;
a wire's description rarely carries it at all).
"""

from __future__ import annotations

import re

from flightline.pipeline.extractors.base import DocText
from flightline.pipeline.extractors.names import clean_name
from flightline.pipeline.extractors.values import money_tokens
from flightline.pipeline.model import FieldValue

# `4d. Gifts or Grants You Have Been Given ...` (`4d.*Gifts`: a speck after the number)
_SECTION = re.compile(r"^\W*(?:4\s*d\W*)?gifts?\s+or\s+grants?\b", re.IGNORECASE)
_KIND = re.compile(r"^\W*(?:cash\s*gift|gift\s*of\s*equity|grant|gift)\b\W*", re.IGNORECASE)
_DEPOSITED = re.compile(r"\b(not\s*)?deposited\b\W*", re.IGNORECASE)
# the header row and a blank line or two may sit between the title and the rows
_LOOK_AHEAD = 4


def gift_rows(doc: DocText) -> list[dict[str, FieldValue]]:
    rows: list[dict[str, FieldValue]] = []
    start: int | None = None
    for i, line in enumerate(doc.lines):
        text = line.text
        if start is None:
            if _SECTION.match(text):
                start = i
            continue
        kind = _KIND.match(text)
        if kind is None:
            # the table ends at its first line that is no gift
            if rows or i - start > _LOOK_AHEAD:
                break
            continue
        rest = text[kind.end() :]
        amounts = money_tokens(rest, boxes=False)
        if not amounts:
            continue
        row = {"value": doc.field(abs(amounts[-1][2]), i)}
        state = _DEPOSITED.search(rest, 0, amounts[-1][0])
        source_from = 0
        if state is not None:
            row["deposited"] = doc.field("no" if state.group(1) else "yes", i)
            source_from = state.end()
        source = clean_name(rest[source_from : amounts[-1][0]].strip(" -|:"))
        if source and re.search(r"[A-Za-z]{3}", source):
            row["source"] = doc.field(source, i)
        rows.append(row)
    return rows
