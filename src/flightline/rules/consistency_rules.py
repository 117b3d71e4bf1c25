"""CNS-001 (Note and Closing Disclosure disagree on loan amount, rate or P&I)
and CNS-002 (property address differs across Note, CD, appraisal and URLA)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

from flightline.pipeline.model import DocType, LogicalDocument
from flightline.rules.engine import Issue, LoanContext, rule
from flightline.rules.facts import address_key, doc_label, ev, facts, money, num, text

# Money agrees to the cent; a rate to a thousandth of a point (how both print it).
_CENT = Decimal("0.005")
_RATE = Decimal("0.0005")
_TERMS = (
    ("principal_amount", "loan_amount", "loan amount", _CENT),
    ("interest_rate", "interest_rate", "interest rate", _RATE),
    ("monthly_pi", "monthly_pi", "monthly principal and interest", _CENT),
)


def _shown(name: str, v: Decimal) -> str:
    return f"{format(v.quantize(Decimal('0.001')), 'f')}%" if name == "interest_rate" else money(v)


@rule("CNS-001")
def note_vs_cd(ctx: LoanContext) -> list[Issue]:
    note = ctx.first(DocType.note)
    cd = facts(ctx).cd
    if note is None or cd is None:
        return []
    issues = []
    for note_field, cd_field, label, tolerance in _TERMS:
        on_note, on_cd = num(note, note_field), num(cd, cd_field)
        if on_note is None or on_cd is None or abs(on_note - on_cd) < tolerance:
            continue
        issues.append(
            ctx.issue(
                "CNS-001",
                f"The Note's {label} ({_shown(cd_field, on_note)}) differs from the Closing "
                f"Disclosure's ({_shown(cd_field, on_cd)}); correct the documents so the "
                "disclosed terms match the Note.",
                evidence=[ev(note, note_field), ev(cd, cd_field)],
                observed=_shown(cd_field, on_note),
                limit=_shown(cd_field, on_cd),
                subject=cd_field,
            )
        )
    return issues


@rule("CNS-002")
def property_address(ctx: LoanContext) -> list[Issue]:
    found: list[tuple[str, str, LogicalDocument]] = []
    for doc_type in (
        DocType.note,
        DocType.closing_disclosure,
        DocType.appraisal_1004,
        DocType.urla_1003,
    ):
        for d in ctx.of_type(doc_type):
            raw = text(d, "property_address")
            if raw:
                found.append((address_key(raw), raw, d))
    keys = Counter(k for k, _, _ in found)
    if len(keys) < 2:
        return []
    # the reading most documents agree on; on a tie the Note's, the legal description
    ref = max(found, key=lambda t: (keys[t[0]], t[2].type == DocType.note))
    odd = [t for t in found if t[0] != ref[0]]
    where = ", ".join(dict.fromkeys(doc_label(t[2]) for t in odd))
    return [
        ctx.issue(
            "CNS-002",
            f"The property address reads '{odd[0][1]}' on the {where} but '{ref[1]}' on the "
            f"{doc_label(ref[2])}; correct the address so every document names the same "
            "property.",
            evidence=[ev(ref[2], "property_address"), *(ev(t[2], "property_address") for t in odd)],
            observed=odd[0][1],
            limit=ref[1],
            subject="property_address",
        )
    ]
