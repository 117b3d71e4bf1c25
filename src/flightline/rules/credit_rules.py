"""CRD-001 (representative score below the minimum) and CRD-002 (a debt on the
credit report that the URLA does not list)."""

from __future__ import annotations

from decimal import Decimal

from flightline.pipeline.model import DocType
from flightline.rules.access import Row, cell, dec, ev, money, row_evidence, rows, txt
from flightline.rules.compare import Verdict, compare_word_by_word, is_ocr, scanned
from flightline.rules.debts import unread_payment_balances
from flightline.rules.engine import Issue, LoanContext, rule
from flightline.rules.figures import computed
from flightline.rules.keys import employer_key


@rule("CRD-001")
def score_below_minimum(ctx: LoanContext) -> list[Issue]:
    c = computed(ctx)
    score = c.representative_score
    if score is None:
        return []
    minimum = ctx.policy.threshold("min_representative_score").value
    if score >= minimum:
        return []
    method = (
        "the average of the borrowers' median scores"
        if ctx.policy.representative_score_method == "average_of_medians"
        else "the lowest borrower's median score"
    )
    shown = format(score.quantize(Decimal("0.1")) if score % 1 else score.quantize(Decimal(1)), "f")
    return [
        ctx.issue(
            "CRD-001",
            f"The representative credit score is {shown} ({method}), below the minimum of "
            f"{minimum}; the loan is not eligible at this score.",
            evidence=c.score_evidence,
            observed=shown,
            limit=format(minimum, "f"),
            subject="credit_report",
        )
    ]


@rule("CRD-002")
def debt_missing_from_application(ctx: LoanContext) -> list[Issue]:
    # (a page taken for an application with nothing read on it lists nothing)
    urlas = [u for u in ctx.of_type(DocType.urla_1003) if u.fields or u.rows]
    if not urlas or not ctx.of_type(DocType.credit_report):
        return []
    listed_names: set[str] = set()
    listed_terms: set[tuple[Decimal, Decimal]] = set()
    for urla in urlas:
        for r in rows(urla, "liabilities"):
            name = txt(cell(r, "creditor"))
            if name:
                listed_names.add(employer_key(name))
            balance, payment = dec(cell(r, "balance")), dec(cell(r, "monthly_payment"))
            if balance is not None and payment is not None:
                listed_terms.add((balance, payment))
    issues = []
    open_debts = [d for d in computed(ctx).debts if not d.paid_off and d.stated is None]
    listed = listed_names or listed_terms
    if not listed and len(open_debts) > 1 and all(scanned(u) for u in urlas):
        # a scanned application with no liability read beside a report of
        # several debts: OCR lost the section more likely than the borrower
        # left every debt off
        ctx.could_not_read(
            "liabilities urla", "the liabilities on the URLA", [ev(urlas[0], "borrower_name")]
        )
        return []
    scan = any(scanned(u) for u in urlas)

    def on_urla(creditor: str, row: Row, balance: Decimal | None, payment: Decimal | None) -> bool:
        # the same debt under a creditor name spelt another way still counts as listed
        key = employer_key(creditor)
        # a scanned application's creditor may run on into the next cells
        # (`Frontier Credit Card 71700. Dale Oy`): its first words are the name
        words = len(key.split())
        return (
            key in listed_names
            or (balance is not None and (balance, payment) in listed_terms)
            or (
                (is_ocr(row.get("creditor")) or scan)
                and any(
                    compare_word_by_word(key, name, True) is not Verdict.DIFFERENT
                    for n in listed_names
                    for name in {n, " ".join(n.split()[:words])}
                )
            )
        )

    for debt in open_debts:
        if on_urla(debt.creditor, debt.row, debt.balance, debt.payment):
            continue
        issues.append(
            ctx.issue(
                "CRD-002",
                f"The credit report shows {debt.creditor} with a {money(debt.payment)} monthly "
                "payment that the URLA does not list; add the debt to the application and "
                "recompute the DTI.",
                evidence=[*debt.evidence(), ev(urlas[0], "borrower_name")],
                observed="not on URLA",
                limit="on URLA",
                subject=debt.creditor.upper(),
            )
        )
    # a debt whose payment the scan lost is owed all the same: its balance
    # shows it, and the application must list it
    for report, row, creditor, balance in unread_payment_balances(ctx):
        if on_urla(creditor, row, balance, None):
            continue
        issues.append(
            ctx.issue(
                "CRD-002",
                f"The credit report shows {creditor} with a {money(balance)} balance (its "
                "monthly payment unreadable on the scan) that the URLA does not list; add the "
                "debt to the application and recompute the DTI.",
                evidence=[
                    e
                    for e in (
                        row_evidence(report, "tradelines", row, "creditor"),
                        row_evidence(report, "tradelines", row, "balance"),
                        ev(urlas[0], "borrower_name"),
                    )
                    if e
                ],
                observed="not on URLA",
                limit="on URLA",
                subject=creditor.upper(),
            )
        )
    return issues
