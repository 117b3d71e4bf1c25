"""Tri-merge credit reports: a tabular merged report, per-bureau blocks, and a
compact monospaced printout."""

from __future__ import annotations

from flightline.synth.documents import Doc
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import money, notice_paragraph, s, ssn

BUREAU = {
    "equifax": ("Equifax", "EFX", "Equifax Beacon 5.0"),
    "experian": ("Experian", "XPN", "Experian FICO II"),
    "transunion": ("TransUnion", "TU", "TransUnion FICO Classic 04"),
}
ACCT = {
    "revolving": ("Revolving", "REV", "R"),
    "installment": ("Installment", "INST", "I"),
    "mortgage": ("Mortgage", "MTG", "M"),
}


def _ecoa(owners: tuple[int, ...]) -> str:
    return "J" if len(owners) > 1 else ("I" if owners == (1,) else "C")


def _applicants(doc: Doc, pen: Pen) -> None:
    f, rng = doc.fields, pen.rng
    sc = doc.extra["sc"]
    rows = [
        [
            s(f["borrower_name"]),
            ssn(rng, f["ssn_last4"]),
            sc.borrowers[0].address.one_line().upper(),
        ]
    ]
    if "co_borrower_name" in f:
        rows.append(
            [
                s(f["co_borrower_name"]),
                ssn(rng, f["co_borrower_ssn_last4"]),
                sc.borrowers[1].address.one_line().upper(),
            ]
        )
    pen.table(["Applicant", "SSN", "Current Address"], rows, [2.2, 1.2, 3.5], "lll")


def credit_merged(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    v = rng.randrange(3)
    pen.title(
        rng.choice(
            (
                "MERGED INFILE CREDIT REPORT",
                "Tri-Merge Credit Report",
                "RESIDENTIAL MORTGAGE CREDIT REPORT",
            )
        ),
        14,
    )
    pen.line(sc.parties.credit_vendor, align="center")
    pen.kv(
        [
            ("Report Date", st.date(f["report_date"])),
            ("Report #", str(rng.randint(10**7, 10**8))),
            ("Prepared For", sc.parties.lender),
            ("Loan #", sc.parties.loan_number),
        ]
    )
    _applicants(doc, pen)
    pen.heading("Credit Scores")
    rows = []
    names = {1: s(f["borrower_name"]), 2: s(f.get("co_borrower_name", ""))}
    for r in doc.rows["scores"]:
        rows.append(
            [
                names[int(s(r["borrower"]))],
                BUREAU[s(r["bureau"])][v],
                s(r["score"]),
                rng.choice(
                    (
                        "Amount owed on accounts is too high",
                        "Length of time accounts have been established",
                        "Too many inquiries last 12 months",
                        "Proportion of balances to credit limits",
                    )
                ),
            ]
        )
    pen.table(
        ["Applicant", "Bureau / Model", "Score", "Key Factor"], rows, [2, 2, 0.7, 3.5], "llrl"
    )
    pen.heading("Tradelines")
    lines = doc.extra["lines"]
    rows = []
    for r, t in zip(doc.rows["tradelines"], lines, strict=True):
        rows.append(
            [
                s(r["creditor"]),
                t.account_no,
                _ecoa(t.borrowers),
                t.opened.strftime("%m/%y"),
                money(st, t.high_credit, True),
                money(st, r["balance"], True),
                money(st, r["monthly_payment"], True),
                ACCT[s(r["account_type"])][v],
                "CLOSED" if t.status == "closed" else "CURRENT",
            ]
        )
    pen.table(
        [
            "Creditor",
            "Account",
            "ECOA",
            "Opened",
            "High Credit",
            "Balance",
            "Payment",
            "Type",
            "Status",
        ],
        rows,
        [2.4, 1.4, 0.5, 0.7, 1, 1, 0.9, 0.8, 0.9],
        "lllrrrrll",
        size=pen.size - 1.5,
    )
    pen.heading("Inquiries")
    for _ in range(rng.randint(0, 4)):
        pen.line(
            f"{rng.choice(('MTG', 'AUTO', 'CARD'))} INQUIRY  {rng.randint(1, 12):02d}/"
            f"{st.date(f['report_date'])[-2:]}",
            size=pen.size - 1,
        )
    pen.heading("Public Records")
    pen.line("No public records reported.")
    pen.para(notice_paragraph(rng, 3), size=pen.size - 2)


def credit_blocks(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title(sc.parties.credit_vendor, 13, align="left", sub="Credit Report - All Bureaus")
    pen.kv([("Date of Report", st.date(f["report_date"])), ("Ordered By", sc.parties.lender)])
    pen.heading("Borrower Information")
    _applicants(doc, pen)
    pen.heading("Score Summary")
    for b in sorted({int(s(r["borrower"])) for r in doc.rows["scores"]}):
        who = s(f["borrower_name"]) if b == 1 else s(f.get("co_borrower_name"))
        parts = [
            f"{BUREAU[s(r['bureau'])][2]}: {r['score']}"
            for r in doc.rows["scores"]
            if r["borrower"] == b
        ]
        pen.line(f"{who} -  " + "   ".join(parts))
    pen.heading("Account Detail")
    for r, t in zip(doc.rows["tradelines"], doc.extra["lines"], strict=True):
        pen.ensure(50)
        pen.line(s(r["creditor"]), bold=True)
        pen.kv(
            [
                ("Account #", t.account_no),
                ("Type", ACCT[s(r["account_type"])][0]),
                ("Balance", money(st, r["balance"])),
                ("Monthly Payment", money(st, r["monthly_payment"])),
                ("Opened", st.date(t.opened)),
                ("Status", "Closed" if t.status == "closed" else "Open / Current"),
            ],
            cols=3,
            size=pen.size - 0.5,
        )
        pen.space(3)
    pen.heading("Consumer Statement")
    pen.para(notice_paragraph(rng, 2))


def credit_compact(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    pen.line("*** CREDIT REPORT ***", bold=True, align="center")
    pen.line(f"DATE COMPLETED: {st.date(f['report_date'])}")
    pen.line(f"APPLICANT: {s(f['borrower_name']).upper()}   SSN: {ssn(rng, f['ssn_last4'])}")
    if "co_borrower_name" in f:
        pen.line(
            f"CO-APPLICANT: {s(f['co_borrower_name']).upper()}   SSN: "
            f"{ssn(rng, f['co_borrower_ssn_last4'])}"
        )
    pen.space(6)
    pen.line("SCORES", bold=True)
    for r in doc.rows["scores"]:
        who = "APP" if r["borrower"] == 1 else "CO-APP"
        pen.line(f"  {who:<8}{BUREAU[s(r['bureau'])][1]:<6}{r['score']}")
    pen.space(6)
    w = max([len(s(r["creditor"])) for r in doc.rows["tradelines"]] + [8]) + 2
    pen.line(f"{'CREDITOR':<{w}}{'TYPE':<6}{'BALANCE':>12}{'PAYMENT':>10}{'STATUS':>10}", bold=True)
    for r, t in zip(doc.rows["tradelines"], doc.extra["lines"], strict=True):
        pen.line(
            f"{s(r['creditor']):<{w}}{ACCT[s(r['account_type'])][2]:<6}"
            f"{money(st, r['balance']):>12}{money(st, r['monthly_payment']):>10}"
            f"{'CLOSED' if t.status == 'closed' else 'OPEN':>10}"
        )
    pen.space(10)
    pen.para(notice_paragraph(rng, 2).upper(), size=pen.size - 1)
