"""Credit scores: each borrower's middle score of three (lower of two), the
figure the representative score is taken from."""

from __future__ import annotations

from flightline.pipeline.model import DocType
from flightline.rules.access import cell, ev, integer, integer_of, row_evidence, rows
from flightline.rules.compare import scanned
from flightline.rules.engine import IssueEvidence, LoanContext


def medians(ctx: LoanContext) -> tuple[dict[int, int], list[IssueEvidence]]:
    """Each borrower's median score (by borrower number) and its evidence."""
    report = ctx.first(DocType.credit_report)
    per: dict[int, list[tuple[int, IssueEvidence | None]]] = {}
    for r in rows(report, "scores"):
        who = cell(r, "borrower")
        score = cell(r, "score")
        b = integer_of(who) if who is not None else 1
        s = integer_of(score) if score is not None else None
        if b is None or s is None or report is None:
            continue
        per.setdefault(b, []).append((s, row_evidence(report, "scores", r, "score")))
    stated = _stated_score(ctx)
    out: dict[int, int] = {}
    evidence: list[IssueEvidence] = []
    for b, found in sorted(per.items()):
        found.sort(key=lambda t: t[0])
        # middle of three, lower of two (and the one of one)
        pick = found[1] if len(found) >= 3 else found[0]
        if (
            len(found) == 2
            and report is not None
            and scanned(report)
            and stated is not None
            and found[0][0] < stated[0] < found[1][0]
        ):
            # a scan that read two scores where the underwriter's 1008
            # states one between them: a third bureau's (the middle) was lost
            pick = stated
        out[b] = pick[0]
        if pick[1] is not None:
            evidence.append(pick[1])
    return out, evidence


def _stated_score(ctx: LoanContext) -> tuple[int, IssueEvidence | None] | None:
    for t in ctx.of_type(DocType.transmittal_1008):
        score = integer(t, "representative_score")
        if score is not None:
            return score, ev(t, "representative_score")
    return None
