"""CNS-001 (Note and Closing Disclosure disagree on loan amount, rate or P&I)
and CNS-002 (property address differs across Note, CD, appraisal and URLA)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from flightline.pipeline.extractors.terms import MAX_RATE, amortized
from flightline.pipeline.model import DocType, LogicalDocument
from flightline.rules.access import doc_label, ev, integer, money, num, text
from flightline.rules.compare import (
    Reading,
    Verdict,
    address_verdict,
    compare_amounts,
    compare_rates,
    is_ocr,
    scanned,
)
from flightline.rules.engine import Issue, LoanContext, rule
from flightline.rules.facts import facts, split_reporting_unsure
from flightline.rules.keys import address_garbled, address_key

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


def _payments(
    doc: LogicalDocument, amount_field: str, **instead: Decimal
) -> tuple[Decimal, Decimal] | None:
    """A document's stated P&I and the payment of its own amount, rate and
    term, with `instead` standing in for some of its values (None when they
    are not all read)."""
    values = {
        "amount": num(doc, amount_field),
        "rate": num(doc, "interest_rate"),
        "pi": num(doc, "monthly_pi"),
        **instead,
    }
    principal, rate, pi = values["amount"], values["rate"], values["pi"]
    term = integer(doc, "loan_term_months")
    if principal is None or rate is None or pi is None or rate <= 0:
        return None
    due = amortized(principal, rate, term) if term else None
    if (due is None or abs(pi - due) > 1) and scanned(doc):
        # a term OCR misread or lost (`2 years` for 20): the usual mortgage
        # term the document's own payment ties up with, when there is one
        for usual in _USUAL_TERMS:
            if abs(pi - (fits := amortized(principal, rate, usual))) <= 1:
                return pi, fits
    return None if due is None else (pi, due)


# Fixed-rate mortgage terms in months (10 to 40 years).
_USUAL_TERMS = (360, 180, 240, 300, 120, 480)


def _ties(doc: LogicalDocument, amount_field: str, **instead: Decimal) -> bool | None:
    """Whether a document's P&I is the payment of its own amount, rate and term."""
    found = _payments(doc, amount_field, **instead)
    return None if found is None else abs(found[0] - found[1]) <= 1


_TERM_OF = {"principal_amount": "amount", "interest_rate": "rate", "monthly_pi": "pi"}
# A stated P&I further than this from its own document's terms is another
# box's figure read in its place; a nearer one is what the document states.
_PI_NEAR = Decimal("0.10")


def _pi_misread(doc: LogicalDocument, amount_field: str, other_amount: Decimal | None) -> bool:
    """A P&I that does not tie up with its own document's amount, rate and
    term, and is either far from that payment or a misread of it (a figure
    read as another): not the document's statement. One a few dollars off
    its own terms (`3,013.62` for 3,001.95) is the document's error. An
    amount no loan has (`700.00` for 500,700.00) gives way to the other
    document's."""
    own = num(doc, amount_field)
    instead = (
        {"amount": other_amount}
        if own is not None and own < _MIN_LOAN and other_amount is not None
        else {}
    )
    found = _payments(doc, amount_field, **instead)
    if found is None or abs(found[0] - found[1]) <= 1:
        return False
    pi, due = found
    return abs(pi - due) > due * _PI_NEAR or compare_amounts(pi, due, True) is Verdict.UNSURE


# No monthly P&I is under the principal spread over 50 years or over 3% of
# the principal (a 36% rate).
_MIN_PI_SHARE = Decimal(1) / 600
_MAX_PI_SHARE = Decimal("0.03")
# No mortgage lends less (`184.00`: 184,100.00 with digits lost).
_MIN_LOAN = Decimal(1000)


def _implausible(
    field: str, value: Decimal, amount: Decimal | None, worth: Decimal | None = None
) -> bool:
    """A scanned term no loan has (`125.000%`, a P&I of 15.00 or 4,308,417.00
    on a 300,000 loan, a principal under a thousand dollars or of twice the
    home's value): a misread, not a difference."""
    if field == "interest_rate":
        return not 0 < value <= MAX_RATE
    if field == "monthly_pi" and amount:
        return not amount * _MIN_PI_SHARE <= value <= amount * _MAX_PI_SHARE
    if field == "loan_amount":
        return value < _MIN_LOAN or bool(worth and value > worth * 2)
    return False


def _misread(
    note: LogicalDocument, cd: LogicalDocument, note_field: str, on_note: Decimal, on_cd: Decimal
) -> bool:
    """On a scan, each document's P&I is the payment of its own amount, rate
    and term. A P&I that does not tie up on its own document was misread. An
    amount or rate is a neighbouring box's figure read in its place when it
    is not even of the other's size (twice or more apart) and its own document's
    terms tie up with the other's value instead: the one reading that fits.
    A figure of the right size stays a difference (a typo in one box), as do
    a Note and a CD that each tie up but disagree."""
    term = _TERM_OF[note_field]
    pairs = ((note, "principal_amount", on_cd), (cd, "loan_amount", on_note))
    if term == "pi":
        amounts = (num(cd, "loan_amount"), num(note, "principal_amount"))
        return any(
            _pi_misread(doc, amount_field, other)
            for (doc, amount_field, _), other in zip(pairs, amounts, strict=True)
        )
    low, high = sorted((abs(on_note), abs(on_cd)))
    if high < low * 2:
        return False
    if _front_lost(low, high):
        return True
    return any(
        _ties(doc, amount_field) is False and _ties(doc, amount_field, **{term: other}) is True
        for doc, amount_field, other in pairs
    )


def _compare(field: str) -> Callable[[Decimal, Decimal, bool], Verdict]:
    return compare_rates if field == "interest_rate" else compare_amounts


def _front_lost(low: Decimal, high: Decimal) -> bool:
    """`1400.00` for 461,400.00: the other's figures with its first ones
    lost (a scan read them as specks), no other amount."""
    short, long = (format(v.quantize(Decimal("0.01")), "f") for v in (low, high))
    return len(short) >= len("100.00") and long.endswith(short)


@rule("CNS-001")
def note_vs_cd(ctx: LoanContext) -> list[Issue]:
    note = ctx.first(DocType.note)
    cd = facts(ctx).cd
    if note is None or cd is None:
        return []
    issues = []
    appraisal = ctx.first(DocType.appraisal_1004)
    worth = num(appraisal, "appraised_value") or num(cd, "sale_price")
    for note_field, cd_field, label, tolerance in _TERMS:
        on_note, on_cd = num(note, note_field), num(cd, cd_field)
        if on_note is None or on_cd is None or abs(on_note - on_cd) < tolerance:
            continue
        ocr = is_ocr(note.fields.get(note_field), cd.fields.get(cd_field))
        amount = num(note, "principal_amount") or num(cd, "loan_amount")
        if (
            _compare(cd_field)(on_note, on_cd, ocr) is Verdict.UNSURE
            or (ocr and _misread(note, cd, note_field, on_note, on_cd))
            or (ocr and any(_implausible(cd_field, v, amount, worth) for v in (on_note, on_cd)))
        ):
            ctx.could_not_read(
                f"{cd_field} note vs cd",
                f"the {label} on the Note and the Closing Disclosure (misread on a scan)",
                [ev(note, note_field), ev(cd, cd_field)],
            )
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


def _address_unread(ctx: LoanContext, doc: LogicalDocument) -> None:
    ctx.could_not_read(
        f"property address {doc.id}",
        f"the property address on the {doc_label(doc)}",
        [ev(doc, "property_address")],
    )


@rule("CNS-002")
def property_address(ctx: LoanContext) -> list[Issue]:
    found: list[Reading[str]] = []
    for doc_type in (
        DocType.note,
        DocType.closing_disclosure,
        DocType.appraisal_1004,
        DocType.urla_1003,
    ):
        for d in ctx.of_type(doc_type):
            raw = text(d, "property_address")
            if not raw:
                continue
            ocr = is_ocr(d.fields.get("property_address"))
            if ocr and address_garbled(raw):
                _address_unread(ctx, d)
                continue
            found.append(Reading(address_key(raw), raw, d, "property_address", ocr))
    # The file's other documents naming the property (title, flood, hazard)
    # break a tie among these: two scans each misreading a figure of the
    # number (`9599`, `5699`) are both set against the `5599` the rest print.
    compared = {r.doc.id for r in found}
    others = [
        (address_key(raw), is_ocr(d.fields.get("property_address")))
        for d in ctx.documents
        if d.id not in compared and (raw := text(d, "property_address"))
    ]

    def seconded(r: Reading[str]) -> int:
        return sum(address_verdict(r.key, k, r.ocr or ocr) is Verdict.SAME for k, ocr in others)

    # the reading most documents agree on; on a tie the one the rest of the
    # file seconds, then the Note's, the legal description
    split = split_reporting_unsure(
        ctx,
        found,
        address_verdict,
        lambda r: (seconded(r), r.doc.type == DocType.note, not r.ocr),
        "property address",
        "the property address",
    )
    if split is None:
        return []
    ref, odd = split
    # a scan read apart from another document of its own type that reads the
    # file's address (an application's two forms): the misread is the scan's
    agreeing = {
        r.doc.type
        for r in found
        if all(r is not o for o in odd) and address_verdict(r.key, ref.key, r.ocr) is Verdict.SAME
    }
    for r in [r for r in odd if r.ocr and r.doc.type in agreeing and r.doc is not ref.doc]:
        odd.remove(r)
        _address_unread(ctx, r.doc)
    if not odd:
        return []
    where = ", ".join(dict.fromkeys(doc_label(r.doc) for r in odd))
    return [
        ctx.issue(
            "CNS-002",
            f"The property address reads '{odd[0].raw}' on the {where} but '{ref.raw}' on the "
            f"{doc_label(ref.doc)}; correct the address so every document names the same "
            "property.",
            evidence=[
                ev(ref.doc, "property_address"),
                *(ev(r.doc, "property_address") for r in odd),
            ],
            observed=odd[0].raw,
            limit=ref.raw,
            subject="property_address",
        )
    ]
