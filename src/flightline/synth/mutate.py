"""Defects planted on single documents after the file is consistent: a
misspelt name, a wrong SSN, another employer, a Note that disagrees with the
CD, a different house number — plus missing and corrupt documents."""

from __future__ import annotations

import random
import re
from dataclasses import replace

from faker import Faker

from flightline.pipeline.model import DocType
from flightline.synth.defects import Plan
from flightline.synth.documents import Doc
from flightline.synth.fmt import AddrStyle, fmt_name
from flightline.synth.money import D, monthly_pi
from flightline.synth.oracle import norm_name
from flightline.synth.people import company_name
from flightline.synth.scenario import Scenario

_VOWELS = "aeiou"


def misspell(word: str, rng: random.Random) -> str:
    """A real spelling difference (not case or punctuation)."""
    low = word.lower()
    for _ in range(20):
        i = rng.randrange(1, max(2, len(word) - 1))
        op = rng.randrange(3)
        if op == 0 and i + 1 < len(word) and low[i] != low[i + 1]:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        elif op == 1 and len(word) > 4:
            out = word[:i] + word[i + 1 :]
        elif low[i] in _VOWELS:
            v = rng.choice([c for c in _VOWELS if c != low[i]])
            out = word[:i] + (v.upper() if word[i].isupper() else v) + word[i + 1 :]
        else:
            continue
        if out.lower() != low:
            return out
    return word + ("e" if not word.endswith("e") else "a")


def _swap_name(text: str, last: str, rng: random.Random) -> str:
    bad = misspell(last, rng)
    pattern = re.compile(re.escape(last), re.IGNORECASE)
    return pattern.sub(lambda m: bad.upper() if m.group(0).isupper() else bad, text, count=1)


def _other_ssn(ssn: str, rng: random.Random) -> str:
    while True:
        cand = f"{rng.randint(0, 9999):04d}"
        if cand != ssn:
            return cand


def _first(docs: list[Doc], t: DocType, borrower: int | None = 1) -> list[Doc]:
    return [d for d in docs if d.type == t and (borrower is None or d.borrower in (borrower, None))]


def _name_field(d: Doc) -> str:
    for k in ("employee_name", "borrower_name", "taxpayer_name"):
        if k in d.fields:
            return k
    raise KeyError(d.type)


def apply_doc_defects(
    rng: random.Random, fake: Faker, plan: Plan, sc: Scenario, docs: list[Doc]
) -> None:
    b1 = sc.borrowers[0]
    both = {**plan.near, **plan.defects}
    if "IDN-001" in both:
        t = DocType(both["IDN-001"])
        targets = _first(docs, t)
        target = max(targets, key=lambda d: str(d.fields.get("tax_year", "")))
        key = _name_field(target)
        if "IDN-001" in plan.defects:
            target.fields[key] = _swap_name(str(target.fields[key]), b1.person.last, rng)
            assert norm_name(str(target.fields[key])) != norm_name(fmt_name(b1.person, "full"))
        else:  # same person, other formatting
            target.fields[key] = fmt_name(
                b1.person, rng.choice(("upper_last_first", "no_middle", "full_middle"))
            )
    if "IDN-002" in plan.defects:
        t = DocType(plan.defects["IDN-002"])
        target = _first(docs, t)[0]
        target.fields["ssn_last4"] = _other_ssn(b1.ssn4, rng)
    if "INC-005" in both:
        t = DocType(both["INC-005"])
        targets = [
            d
            for d in _first(docs, t)
            if ("employer_name" in d.fields and "ytd_through_date" in d.fields) or t != DocType.voe
        ]
        targets = [d for d in targets if d.borrower == 1]
        if "INC-005" in plan.defects:
            other = company_name(rng, fake)
            for d in targets:
                d.fields["employer_name"] = other
        else:
            for d in targets:
                d.fields["employer_name"] = re.sub(
                    r"[.,]", "", str(d.fields["employer_name"])
                ).upper()
    if "CNS-001" in plan.defects:
        note = _first(docs, DocType.note, None)[0]
        f = note.fields
        variant = plan.defects["CNS-001"]
        amount, rate, term = sc.loan.amount, sc.loan.rate, sc.loan.term
        if variant == "rate":
            rate = rate + rng.choice((D("0.125"), D("0.25"), D("-0.125")))
            f["interest_rate"] = rate
            f["monthly_pi"] = monthly_pi(amount, rate, term)
        elif variant == "amount":
            amount = amount + D(rng.randint(10, 100) * 100)
            f["principal_amount"] = amount
            f["monthly_pi"] = monthly_pi(amount, rate, term)
        else:
            f["monthly_pi"] = sc.loan.pi + D(rng.randint(1000, 6000)) / 100
    if "CNS-002" in both:
        t = DocType(both["CNS-002"])
        targets = _first(docs, t, None)
        a = sc.prop.address
        for d in targets:
            style: AddrStyle = d.extra["addr_style"]
            if "CNS-002" in plan.defects:
                num = a.number
                new = (
                    num[1] + num[0] + num[2:]
                    if len(num) > 1 and num[0] != num[1]
                    else str(int(num) + 2)
                )
                d.fields["property_address"] = style.one(replace(a, number=new))
            else:
                alt = AddrStyle(not style.abbrev, not style.upper, style.dot)
                d.fields["property_address"] = alt.one(a)


def remove_missing(plan: Plan, sc: Scenario, docs: list[Doc]) -> list[Doc]:
    """DOC-001: the required document(s) the file lacks."""
    missing = plan.defects.get("DOC-001")
    if missing is None:
        return docs
    t = DocType(missing)
    if t == DocType.w2:
        return [
            d
            for d in docs
            if not (d.type == t and d.borrower == 1 and d.fields["tax_year"] == sc.year - 1)
        ]
    return [d for d in docs if d.type != t]


def corrupt_bytes(pdf: bytes, variant: str, rng: random.Random) -> bytes:
    """Bytes no PDF reader can open: truncated in the header area, overwritten
    with noise after the signature, or zero-filled."""
    if variant == "truncated":
        return pdf[: rng.randint(40, 300)]
    if variant == "zeroed":
        return pdf[:9] + bytes(len(pdf) - 9)
    return b"%PDF-1.4\n" + rng.randbytes(max(2000, len(pdf) // 3))
