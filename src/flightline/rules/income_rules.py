"""INC-001 (stated income over the recalculated), INC-002 (declining income
not averaged down), INC-003 (variable income without the months of history),
INC-004 (no VOE within the business days before the note date) and INC-005
(employer differs across the income documents)."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from flightline.pipeline.model import DocType, LogicalDocument
from flightline.pipeline.normalize import one_digit_more, one_figure_swapped
from flightline.rules.access import (
    HUNDRED,
    doc_label,
    ev,
    integer,
    money,
    months_elapsed,
    num,
    ratio,
    text,
    when,
)
from flightline.rules.calendar import Calendar, add_business_days, business_days_between
from flightline.rules.compare import (
    Reading,
    Verdict,
    compare_name_words,
    compare_text,
    fold,
    is_ocr,
    scanned,
)
from flightline.rules.engine import Issue, IssueEvidence, LoanContext, rule
from flightline.rules.facts import facts, split_reporting_unsure
from flightline.rules.figures import computed, unread_variable
from flightline.rules.keys import employer_key, looks_like_company, name_key, name_words
from flightline.rules.qualifying import Income, latest_paystub
from flightline.rules.roster import Borrower

# Stated income is a sum of cent-rounded lines: this much above the recalculated
# figure is rounding, not income that was not averaged down.
_ROUNDING = Decimal(1)


def _stated(inc: Income) -> tuple[Decimal | None, IssueEvidence | None]:
    """The URLA's total monthly income; where OCR lost the total, the sum of
    its lines when every one was read."""
    urla = inc.borrower.urla
    total = num(urla, "income_total_monthly")
    if total is not None or urla is None:
        return total, ev(urla, "income_total_monthly")
    lines = [num(urla, f"income_{k}_monthly") for k in _STATED_LINES]
    if any(v is None for v in lines):
        return None, None
    return sum((v for v in lines if v is not None), Decimal(0)), ev(urla, "income_base_monthly")


_STATED_LINES = ("base", "overtime", "bonus", "commission", "other")


def _stated_lines(inc: Income, stated: Decimal) -> Decimal | None:
    """The sum of a scanned URLA's income lines, when every line was read; or
    when one was not (`OVERTIME  g00`) and the others make the total but for
    one figure misread, gained or lost (`4466.67` over a base of 4,166.67):
    the unread line may be nothing and the total the misread."""
    urla = inc.borrower.urla
    if not is_ocr(urla.fields.get("income_total_monthly") if urla else None):
        return None
    lines = [v for k in _STATED_LINES if (v := num(urla, f"income_{k}_monthly")) is not None]
    whole = sum(lines, Decimal(0))
    if len(lines) == len(_STATED_LINES):
        return whole
    if len(lines) == len(_STATED_LINES) - 1 and (
        one_figure_swapped(stated, whole) or one_digit_more(stated, whole)
    ):
        return whole
    return None


@rule("INC-001")
def stated_income_exceeds(ctx: LoanContext) -> list[Issue]:
    tolerance = ctx.policy.threshold("stated_income_tolerance_pct").value
    issues = []
    for inc in computed(ctx).incomes:
        stated, stated_ev = _stated(inc)
        recalc = inc.total
        if stated is None or recalc is None or recalc <= 0:
            continue
        ceiling = recalc * (1 + tolerance / HUNDRED)
        if stated <= ceiling:
            continue
        if unread_variable(ctx, inc):
            continue  # reported unread by the figures
        lines = _stated_lines(inc, stated)
        if lines is not None and lines != stated and lines <= ceiling:
            # a scanned total its own lines contradict, and the lines are
            # within tolerance: which one OCR misread decides the finding
            ctx.could_not_read(
                f"stated income {inc.borrower.label}",
                f"{inc.borrower.name}'s total monthly income on the URLA",
                [stated_ev],
            )
            continue
        over = (stated / recalc - 1) * HUNDRED
        issues.append(
            ctx.issue(
                "INC-001",
                f"The URLA states {inc.borrower.name}'s monthly income as {money(stated)}, "
                f"{ratio(over)}% above the recalculated {money(recalc)} (tolerance "
                f"{ratio(tolerance, 0)}%); requalify on the documented income.",
                evidence=[stated_ev, *inc.evidence],
                observed=money(stated),
                limit=money(ceiling),
                subject=inc.borrower.label,
            )
        )
    return issues


def _ytd_total(ctx: LoanContext, inc: Income) -> tuple[Decimal, date, list[IssueEvidence]] | None:
    """YTD gross and its through date: the written VOE's, else the latest paystub's."""
    voe = inc.voe
    if voe is not None and inc.through is not None:
        parts = [num(voe, f"ytd_{k}_income") for k in ("base", "overtime", "bonus", "commission")]
        if parts[0] is not None:
            found = [ev(voe, f"ytd_{k}_income") for k in ("base", "overtime", "bonus")]
            return (
                sum((p for p in parts if p is not None), Decimal(0)),
                inc.through,
                [e for e in (*found, ev(voe, "ytd_through_date")) if e],
            )
    stub = latest_paystub(ctx, inc.borrower)
    ytd, paid = num(stub, "gross_ytd"), when(stub, "pay_date")
    if stub is not None and ytd is not None and paid is not None:
        return ytd, paid, [e for e in (ev(stub, "gross_ytd"), ev(stub, "pay_date")) if e]
    return None


def _scanned_ev(ctx: LoanContext, e: IssueEvidence) -> bool:
    doc = next((d for d in ctx.documents if d.id == e.document_id), None)
    return doc is not None and scanned(doc)


_PRIOR_KINDS = ("base", "overtime", "bonus", "commission")


def _prior_year(
    inc: Income, through: date, w2: LogicalDocument | None
) -> tuple[Decimal, str, list[IssueEvidence]] | None:
    """The prior year's pay to measure the year to date against: the W-2's
    box 1; where no W-2 for that year was read (a scan garbled its boxes),
    the same employer's earnings for it on the VOE, when the VOE's year to
    date is this one's."""
    wages = num(w2, "box1_wages")
    if w2 is not None and wages is not None:
        return wages, "W-2 wages", [e for e in (ev(w2, "box1_wages"), ev(w2, "tax_year")) if e]
    voe = inc.voe
    if voe is None or inc.through is None or inc.through.year != through.year:
        return None
    parts = [num(voe, f"prior_year_{k}_income") for k in _PRIOR_KINDS]
    if parts[0] is None:
        return None
    found = [ev(voe, f"prior_year_{k}_income") for k in _PRIOR_KINDS]
    return (
        sum((p for p in parts if p is not None), Decimal(0)),
        "earnings on the VOE",
        [e for e in found if e],
    )


@rule("INC-002")
def declining_income(ctx: LoanContext) -> list[Issue]:
    f = facts(ctx)
    ratio_pct = ctx.policy.threshold("declining_income_ratio_pct").value
    issues = []
    for inc in computed(ctx).incomes:
        stated, stated_ev = _stated(inc)
        recalc = inc.total
        ytd = _ytd_total(ctx, inc)
        if stated is None or recalc is None or ytd is None:
            continue
        total, through, ytd_ev = ytd
        w2 = next(
            (
                w
                for w in f.docs_of(ctx, DocType.w2, inc.borrower)
                if integer(w, "tax_year") == through.year - 1 and num(w, "box1_wages")
            ),
            None,
        )
        prior = _prior_year(inc, through, w2)
        if prior is None:
            continue
        wages, source, prior_ev = prior
        annualised = total / months_elapsed(through) * 12
        if annualised >= wages * ratio_pct / HUNDRED or stated <= recalc + _ROUNDING:
            continue
        if annualised < wages / 2 and any(_scanned_ev(ctx, e) for e in (*ytd_ev, *prior_ev)):
            # a year's income halved is a digit lost on a scan, not a decline
            ctx.could_not_read(
                f"ytd income {inc.borrower.label}",
                f"{inc.borrower.name}'s year-to-date income or prior-year {source}",
                [*ytd_ev, *prior_ev],
            )
            continue
        medicare = num(w2, "box5_medicare_wages")
        if w2 is not None and scanned(w2) and medicare is not None and wages > medicare:
            # box 1 leaves out what box 5 counts, never the reverse: wages
            # above the Medicare wages are a figure misread (`227,602.54`)
            ctx.could_not_read(
                f"w2 wages {inc.borrower.label}",
                f"{inc.borrower.name}'s {through.year - 1} W-2 wages (above its Medicare wages)",
                [ev(w2, "box1_wages"), ev(w2, "box5_medicare_wages")],
            )
            continue
        share = annualised / wages * HUNDRED
        issues.append(
            ctx.issue(
                "INC-002",
                f"{inc.borrower.name}'s income is declining (YTD annualised {money(annualised)} "
                f"is {ratio(share)}% of the {through.year - 1} {source} {money(wages)}) but the "
                f"URLA states {money(stated)}, above the {money(recalc)} the lower current "
                "figure supports; requalify on the declining income.",
                evidence=[stated_ev, *ytd_ev, *prior_ev],
                observed=money(stated),
                limit=money(recalc),
                subject=inc.borrower.label,
            )
        )
    return issues


@rule("INC-003")
def variable_without_history(ctx: LoanContext) -> list[Issue]:
    needed = ctx.policy.threshold("variable_income_history_months").value
    issues = []
    for inc in computed(ctx).incomes:
        urla = inc.borrower.urla
        for kind, line in sorted(inc.variable.items()):
            counted = num(urla, f"income_{kind}_monthly")
            if counted is None or counted <= 0 or line.history_months >= needed:
                continue
            if line.history_unread:
                ctx.could_not_read(
                    f"{kind} history {inc.borrower.label}",
                    f"the past year's {kind} income of {inc.borrower.name} on the VOE",
                    line.evidence,
                )
                continue
            months = line.history_months.quantize(Decimal("0.1"))
            issues.append(
                ctx.issue(
                    "INC-003",
                    f"The URLA counts {money(counted)} a month of {kind} income for "
                    f"{inc.borrower.name}, which the VOE shows for only {months} months "
                    f"(minimum {ratio(needed, 0)}); remove it from qualifying income.",
                    evidence=[ev(urla, f"income_{kind}_monthly"), *line.evidence],
                    observed=f"{months} months",
                    limit=f"{ratio(needed, 0)} months",
                    subject=f"{inc.borrower.label} {kind}",
                )
            )
    return issues


@rule("INC-004")
def verification_of_employment(ctx: LoanContext) -> list[Issue]:
    f = facts(ctx)
    note = f.note_date
    if note is None:
        return []
    window = int(ctx.policy.threshold("voe_max_business_days_before_note").value)
    earliest = add_business_days(note, -window, Calendar.general)
    issues = []
    for who in f.borrowers:
        # a borrower without employment income needs no VOE
        if who.employer is None and not f.docs_of(ctx, DocType.paystub, who):
            continue
        voes = f.docs_of(ctx, DocType.voe, who)
        dated = [(d, v) for v in voes if (d := when(v, "verification_date"))]
        if any(earliest <= d <= note for d, _ in dated):
            continue
        # a scanned VOE dated after the note (`2035-10-17`) was misread too
        undated = [
            v
            for v in voes
            if scanned(v) and ((d := when(v, "verification_date")) is None or d > note)
        ]
        if undated:
            # the VOE whose date was not read may be the one in the window
            ctx.could_not_read(
                f"verification date {who.label}",
                f"the verification date of {who.name}'s VOE",
                [ev(v, "employer_name") for v in undated],
            )
            continue
        before = [(d, v) for d, v in dated if d <= note]
        if before:
            d, voe = max(before, key=lambda t: t[0])
            gap = business_days_between(d, note, Calendar.general)
            found = f"the latest, dated {d}, is {gap} business days before it"
            observed, evidence = f"{gap} business days", [ev(voe, "verification_date")]
        else:
            found = "the file holds none"
            observed, evidence = "none", []
        issues.append(
            ctx.issue(
                "INC-004",
                f"No verification of employment for {who.name} is dated within {window} business "
                f"days before the note date {note} ({found}); obtain a verbal VOE.",
                evidence=[*evidence, f.note_date_evidence],
                observed=observed,
                limit=f"{window} business days",
                subject=who.label,
            )
        )
    return issues


# Words of a form's printed labels: an OCR'd "employer" holding them is a
# label read as the value (a column misaligned), not another employer.
_FORM_WORDS = re.compile(
    r"\b(?:address|zip|identification|employer'?s|employee'?s|wages|tips|withheld|ssn|"
    r"certification|verification|signature|yrs|on\s+this\s+job)\b",
    re.IGNORECASE,
)


def _not_an_employer(raw: str) -> bool:
    """An OCR'd reading that is a label, a fragment or an address (the box
    under the employer's name read in its place), not a company's name."""
    letters = sum(c.isalpha() for c in raw)
    return (
        _caption_word(raw)
        or _misspelt_form_word(raw)
        or bool(_FORM_WORDS.search(raw) or _BOX_STEMS.search(raw) or _BOX_LABEL.match(raw))
        or bool(_STREET_ADDRESS.match(raw) or _PROSE_START.match(raw) or _SYMBOL.search(raw))
        or raw.count("(") != raw.count(")")
        or _mostly_small(raw)
        or letters < _MIN_LETTERS
        # one word in small letters (`joyee`, the end of `Employee`): a
        # fragment; a company's name is capitalised
        or bool(re.fullmatch(r"\W*[a-z]+\W*", raw))
        # ... nor ends in a short word of small letters (`TERE ty`) but for
        # its legal form (`Acme co`)
        or (bool(_SMALL_LAST_WORD.search(raw)) and not looks_like_company(raw))
    )


_SMALL_LAST_WORD = re.compile(r"\s[a-z]{1,3}\W*$")


def _a_borrowers_name(raw: str, borrowers: list[Borrower]) -> bool:
    """A scanned employer that reads as one of the borrowers' names, a letter
    or two apart (`Brian Alan Copeland` for Briag Copeland): the box beside."""
    if looks_like_company(raw):
        return False
    words = name_words(raw)
    return any(
        compare_name_words(words, name_words(p.name), True) is not Verdict.DIFFERENT
        for p in borrowers
    )


def _misspelt_form_word(raw: str) -> bool:
    """A long word of a form's labels read with a letter wrong
    (`CERYIFICATION`)."""
    return any(
        fuzz.ratio(w.lower(), label) >= _CAPTION_SCORE + 15
        for w in re.findall(r"[A-Za-z]{8,}", raw)
        for label in _LONG_FORM_WORDS
    )


_LONG_FORM_WORDS = ("certification", "verification", "identification", "signature", "employment")


def _caption_word(raw: str) -> bool:
    """One word that is a caption OCR misspelt (`Etptoyee` for Employee,
    `Addregs` for Address), or split in two (`Enp Lloyee`)."""
    words = re.findall(r"[A-Za-z]+", raw)
    joined = "".join(words).lower()
    return 1 <= len(words) <= 2 and any(
        fuzz.ratio(joined, c) >= _CAPTION_SCORE
        # (two words only as long as the caption: `Ace Employers` is a company)
        and (len(words) == 1 or abs(len(joined) - len(c)) <= 2)
        for c in ("employee", "employer", "address")
    )


_CAPTION_SCORE = 70


def _without_borrower(raw: str, who: str) -> str:
    """An OCR'd employer with the borrower's name run on after it (`Allis6n
    Systems Co. Heather Cross`): the box beside it read into the same line."""
    from rapidfuzz.distance import Levenshtein

    words, person = raw.split(), re.findall(r"[A-Za-z]+", who)
    if len(person) < 2 or len(words) < 3:
        return raw
    tail = [re.sub(r"[^a-z]", "", w.lower()) for w in words[-2:]]
    ends = [person[0].lower(), person[-1].lower()]
    if all(Levenshtein.distance(a, b) <= 1 for a, b in zip(tail, ends, strict=True)):
        return " ".join(words[:-2])
    return raw


_QUOTE_SPECK = re.compile(r"^[\"\u201c\u201d\u2018\u2019](?=[A-Z])")
# `Evans*Analytics Inc`: a speck read as a mark in the space between two words
_SPACE_SPECK = re.compile(r"(?<=[a-z])[*~^#](?=[A-Z][a-z])")
# A symbol no company's name holds (`[Empboyee`): a caption's edge read.
_SYMBOL = re.compile(r"[\[\]{}<>|~^*#@$%=+;!?\"\u201c\u201d\u2018]")


def _mostly_small(raw: str) -> bool:
    """Words mostly in small letters (`Yon tis job`): a caption's sentence,
    not a company's name, whose words are capitalised or in capitals."""
    words = [w for w in re.findall(r"[A-Za-z]+", raw) if len(w) > 1]
    return len(words) >= 2 and sum(w[0].islower() for w in words) * 2 > len(words)


# A caption's tail (`or Busines`, from "Employer or Business Name"): a
# company's name does not open with a small joining word.
# Nor with a word all in small letters (`jes State`, a caption's fragment;
# a brand's small first letter, `eBay`, has a capital after it).
_PROSE_START = re.compile(r"^\W*(?:or|and|of|for|the|[a-z]+)\s")
# A house number and a street: `18789 Calderon Street, South Williamstad, UT`.
_STREET = (
    r"\d{2,6}\s+(?:[A-Za-z.'-]+\s+){1,4}(?:street|st|avenue|ave|road|rd|drive|dr|"
    r"lane|ln|way|court|ct|boulevard|blvd|place|pl|terrace|ter|parkway|pkwy|circle|cir|"
    r"highway|hwy|trail|trl)\b"
)
_STREET_ADDRESS = re.compile(r"^\W*" + _STREET, re.IGNORECASE)
# `Anderson & Munoz Health Partners LP: 8173 Young Street, West Katelynton,
# MI`: the employer's address read onto the line of its name
_ADDRESS_RUN_ON = re.compile(r"[\s:;,]+" + _STREET + r".*$", re.IGNORECASE)


# A W-2's box captions run together by OCR ("SMedicaremage and ips").
_BOX_STEMS = re.compile(r"medicare|withh[eo]ld|zip\s*cod", re.IGNORECASE)
# An OCR'd employer this short is a fragment of the line, not a company's name.
_MIN_LETTERS = 5
_BOX_LABEL = re.compile(r"^\W*\d{1,2}[a-z]?\s+[A-Za-z]")


def _employer_verdict(a: str, b: str, ocr: bool) -> Verdict:
    """Two employer keys; on a scan, one that is the other's first words
    (`Porter` for `Porter & Marshall Insurance Services`, a speck on either:
    `eJenkins`) is the box read short, which cannot be told from another
    employer."""
    found = compare_text(a, b, ocr)
    if ocr and found is Verdict.UNSURE and _one_word_another(a.split(), b.split()):
        return Verdict.DIFFERENT
    if ocr and found is Verdict.DIFFERENT:
        short, long = sorted((a.split(), b.split()), key=len)
        # (a word of it with a speck glued on or a letter misread, `eJenkins`)
        if short and all(
            x == y or (min(len(x), len(y)) >= 4 and Levenshtein.distance(x, y) <= 1)
            for x, y in zip(short, long, strict=False)
        ):
            return Verdict.UNSURE
        # ... or the box's first words garbled to a fragment of a letter or
        # two, the rest the other's (`Fn Partners Company` for Park Health
        # Partners Company): too little left to tell
        if (
            len(short) >= 2
            and len(short[0]) <= 2
            and len("".join(short[1:])) >= 5
            and len(long) > len(short) - 1
            and short[1:] == long[len(long) - len(short) + 1 :]
        ):
            return Verdict.UNSURE
    return found


def _one_word_another(a: list[str], b: list[str]) -> bool:
    """Names alike but for one word that shares next to nothing with its
    partner (`Jennings Pharmacy Services` and `Williams Pharmacy Services`):
    another company in the same trade, no misread; a garbled word keeps most
    of its letters."""
    if len(a) != len(b) or len(a) < 2:
        return False
    apart = [(x, y) for x, y in zip(a, b, strict=True) if fold(x) != fold(y)]
    return len(apart) == 1 and all(
        min(len(x), len(y)) >= _WORD_LETTERS and fuzz.ratio(fold(x), fold(y)) < _OTHER_WORD
        for x, y in apart
    )


# A word of at least this many letters, under this likeness (rapidfuzz's
# ratio, 0-100) to its partner, is another word rather than a misread.
_WORD_LETTERS = 4
_OTHER_WORD = 40.0


@rule("INC-005")
def employer_mismatch(ctx: LoanContext) -> list[Issue]:
    f = facts(ctx)
    issues = []
    people = {p.key for p in f.borrowers}
    for who in f.borrowers:
        seen: list[Reading[str]] = []
        for doc_type in (DocType.urla_1003, DocType.paystub, DocType.w2, DocType.voe):
            for d in f.docs_of(ctx, doc_type, who):
                name = text(d, "employer_name")
                if not name:
                    continue
                ocr = is_ocr(d.fields.get("employer_name"))
                if ocr:
                    # (`"Paul & Choi Electric L.P.`: a speck before the box
                    # read as a quote mark)
                    name = _without_borrower(_QUOTE_SPECK.sub("", name), who.name)
                    name = _SPACE_SPECK.sub(" ", name)
                    name = _ADDRESS_RUN_ON.sub("", name)
                if (
                    name_key(name) in people
                    or (ocr and _not_an_employer(name))
                    or (ocr and _a_borrowers_name(name, f.borrowers))
                ):
                    # a borrower's name or a label read as the employer: the wrong place
                    ctx.could_not_read(
                        f"employer {who.label} {d.id}",
                        f"{who.name}'s employer on the {doc_label(d)}",
                        [ev(d, "employer_name")],
                    )
                    continue
                seen.append(Reading(employer_key(name), name, d, "employer_name", ocr))
        # the name most documents agree on (the URLA's on a tie) is the reference
        split = split_reporting_unsure(
            ctx,
            seen,
            _employer_verdict,
            lambda r: (r.doc.type == DocType.urla_1003, not r.ocr),
            f"employer {who.label}",
            f"{who.name}'s employer",
        )
        if split is None:
            continue
        ref, odd = split
        if not odd:
            continue
        where = ", ".join(sorted({doc_label(s.doc) for s in odd}))
        issues.append(
            ctx.issue(
                "INC-005",
                f"{who.name}'s employer reads '{odd[0].raw}' on the {where} but '{ref.raw}' on "
                f"the {doc_label(ref.doc)}; confirm the employer and obtain consistent documents.",
                evidence=[ev(ref.doc, "employer_name"), *(ev(s.doc, "employer_name") for s in odd)],
                observed=odd[0].raw,
                limit=ref.raw,
                subject=who.label,
            )
        )
    return issues
