"""Bank statements (running-balance table, deposits/withdrawals sections,
credit-union monospaced), gift letters and letters of explanation."""

from __future__ import annotations

from flightline.synth.documents import Doc
from flightline.synth.money import ZERO
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import money, notice_paragraph, s

BEGIN = ("Beginning Balance", "Opening Balance", "Previous Balance", "Balance Forward")
END = ("Ending Balance", "Closing Balance", "New Balance", "Balance This Statement")
PERIOD = ("Statement Period", "For the period", "Statement Dates", "Period Covered")


def _period(doc: Doc, pen: Pen) -> str:
    f, st = doc.fields, pen.s
    sep = pen.rng.choice((" - ", " through ", " to "))
    return f"{st.date(f['period_start_date'])}{sep}{st.date(f['period_end_date'])}"


def _header(doc: Doc, pen: Pen) -> None:
    f = doc.fields
    acct = doc.extra["account"]
    holder = doc.extra["holders"][0]
    pen.title(s(f["institution"]), 15, align="left")
    pen.line(acct.address, size=pen.size - 1)
    pen.line(f"Customer Service {acct.phone}", size=pen.size - 1)
    pen.space(10)
    pen.line(s(f["holder_name"]), bold=True)
    pen.line(holder.address.line1().upper())
    pen.line(holder.address.line2().upper())
    pen.space(8)


def bank_running(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    stmt = doc.extra["statement"]
    _header(doc, pen)
    kind = s(f["account_type"]).title()
    pen.kv(
        [
            (rng.choice(PERIOD), _period(doc, pen)),
            ("Account Number", f"****{f['account_last4']}"),
            ("Account Type", rng.choice((f"{kind}", f"Everyday {kind}", f"Personal {kind}"))),
            ("Page", "1"),
        ],
        cols=2,
    )
    pen.heading("Account Summary")
    deps = sum((t.amount for t in stmt.txns if t.amount > 0), ZERO)
    wds = -sum((t.amount for t in stmt.txns if t.amount < 0), ZERO)
    pen.kv(
        [
            (rng.choice(BEGIN), money(st, f["opening_balance"])),
            ("Deposits and Additions", money(st, deps)),
            ("Withdrawals and Subtractions", money(st, wds)),
            (rng.choice(END), money(st, f["closing_balance"])),
        ],
        cols=2,
    )
    pen.heading("Transaction Detail")
    rows = [
        [st.date(t.day), t.description, money(st, t.amount), money(st, t.balance)]
        for t in stmt.txns
    ]
    pen.table(
        ["Date", "Description", "Amount", "Balance"],
        rows,
        [1.1, 3.6, 1.2, 1.3],
        "llrr",
        zebra=rng.random() < 0.5,
    )
    if rng.random() < 0.5:
        pen.heading("Important Information")
        pen.para(notice_paragraph(rng, 6), size=pen.size - 1.5)


def bank_sections(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    stmt = doc.extra["statement"]
    _header(doc, pen)
    pen.boxes(
        [
            [
                (rng.choice(PERIOD), _period(doc, pen)),
                ("Account", f"{s(f['account_type']).title()} ...{f['account_last4']}"),
            ],
            [
                (rng.choice(BEGIN), money(st, f["opening_balance"])),
                (rng.choice(END), money(st, f["closing_balance"])),
            ],
        ]
    )
    pen.heading(rng.choice(("Deposits and Other Credits", "Deposits & Credits", "Credits")))
    pen.table(
        ["Date", "Description", "Amount"],
        [[st.date(t.day), t.description, money(st, t.amount)] for t in stmt.txns if t.amount > 0],
        [1.1, 4.5, 1.3],
        "llr",
    )
    pen.heading(rng.choice(("Withdrawals and Other Debits", "Checks & Debits", "Debits")))
    pen.table(
        ["Date", "Description", "Amount"],
        [[st.date(t.day), t.description, money(st, -t.amount)] for t in stmt.txns if t.amount < 0],
        [1.1, 4.5, 1.3],
        "llr",
    )
    pen.heading("Daily Balance Summary")
    seen: dict[str, str] = {}
    for t in stmt.txns:
        seen[st.date(t.day)] = money(st, t.balance)
    items = list(seen.items())
    rows = [
        [a, b, *(items[i + 1] if i + 1 < len(items) else ("", ""))]
        for i, (a, b) in enumerate(items)
        if i % 2 == 0
    ]
    pen.table(["Date", "Balance", "Date", "Balance"], rows, [1, 1, 1, 1], "lrlr")


def bank_courier(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    stmt = doc.extra["statement"]
    pen.line(s(f["institution"]).upper(), bold=True, size=pen.size + 2)
    pen.line(f"MEMBER STATEMENT   {_period(doc, pen).upper()}")
    pen.space(6)
    pen.line(s(f["holder_name"]).upper())
    pen.line(doc.extra["holders"][0].address.one_line().upper())
    pen.space(8)
    share = "SHARE DRAFT CHECKING" if f["account_type"] == "checking" else "REGULAR SHARE SAVINGS"
    pen.line(f"{share}   ACCOUNT {'X' * 6}{f['account_last4']}", bold=True)
    pen.line(f"{rng.choice(BEGIN).upper():<30}{money(st, f['opening_balance']):>16}")
    w = max([len(t.description) for t in stmt.txns] + [11]) + 2
    pen.line(
        f"{'POSTED':<8}{'DESCRIPTION':<{w}}{'WITHDRAWAL':>12}{'DEPOSIT':>12}{'BALANCE':>13}",
        bold=True,
    )
    for t in stmt.txns:
        wd = money(st, -t.amount) if t.amount < 0 else ""
        dp = money(st, t.amount) if t.amount > 0 else ""
        pen.line(
            f"{t.day.strftime('%m/%d'):<8}{t.description:<{w}}{wd:>12}{dp:>12}"
            f"{money(st, t.balance):>13}"
        )
    pen.line(f"{rng.choice(END).upper():<30}{money(st, f['closing_balance']):>16}", bold=True)
    pen.space(10)
    pen.para(notice_paragraph(rng, 3).upper(), size=pen.size - 1)


# ----------------------------------------------------------------------------- gift letters


def gift_form(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    pen.title(rng.choice(("GIFT LETTER", "Gift Letter", "DONOR GIFT LETTER")), 16)
    pen.space(10)
    pen.kv(
        [("Borrower(s)", s(f["borrower_name"])), ("Property Address", s(f["property_address"]))],
        cols=1,
        label_frac=0.25,
    )
    pen.para(
        f"I/We, {s(f['donor_name'])}, do hereby certify that I/we have given a gift of "
        f"{money(st, f['gift_amount'])} to {s(f['borrower_name'])}, my/our "
        f"{rng.choice(('daughter', 'son', 'grandchild', 'niece', 'nephew', 'sibling'))}, "
        "to be applied toward the purchase of the property listed above."
    )
    pen.para(
        "No repayment of this gift is expected or implied, either in the form of cash or by "
        "future services of the recipient. The funds are not from any party to the sale."
    )
    pen.kv(
        [
            ("Donor's Name", s(f["donor_name"])),
            ("Relationship to Borrower", s(f["donor_relationship"])),
            ("Date Funds Transferred", st.date(f["gift_date"])),
            ("Amount of Gift", money(st, f["gift_amount"])),
            ("Donor Phone", f"({rng.randint(201, 989)}) 555-{rng.randint(1000, 9999)}"),
        ],
        cols=1,
        label_frac=0.35,
    )
    pen.signature("Donor Signature", st.date(f["letter_date"]))
    pen.signature("Borrower Signature", st.date(f["letter_date"]))


def gift_letterstyle(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    pen.space(30)
    pen.line(st.date(f["letter_date"]))
    pen.space(14)
    pen.line("To Whom It May Concern:")
    pen.space(8)
    pen.para(
        f"My name is {s(f['donor_name'])} and I am the {s(f['donor_relationship']).lower()} "
        f"of {s(f['borrower_name'])}. On {st.date(f['gift_date'])} I transferred "
        f"{money(st, f['gift_amount'])} as a gift to help with the purchase of the home at "
        f"{s(f['property_address'])}.",
        gap=8,
    )
    pen.para(
        "This money is a gift. It does not have to be paid back and there is no expectation "
        "of repayment in any form. The funds came from my own savings account.",
        gap=8,
    )
    pen.line("Sincerely,")
    pen.signature(s(f["donor_name"]), "")
    pen.line(rng.choice(("Relationship: ", "Donor relationship: ")) + s(f["donor_relationship"]))


def gift_statement(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    pen.title("Donor's Statement of Gift", 14, align="left", rule=True)
    pen.table(
        ["Item", "Information"],
        [
            ["Applicant", s(f["borrower_name"])],
            ["Donor", s(f["donor_name"])],
            ["Donor Relationship", s(f["donor_relationship"])],
            ["Gift Amount", money(st, f["gift_amount"])],
            ["Transfer Date", st.date(f["gift_date"])],
            ["Subject Property", s(f["property_address"])],
            ["Repayment Required", "No"],
            [
                "Source of Funds",
                rng.choice(("Donor checking account", "Donor savings", "Donor brokerage account")),
            ],
        ],
        [2, 4],
        "ll",
    )
    pen.para(notice_paragraph(rng, 2), size=pen.size - 1)
    pen.signature("Donor", st.date(f["letter_date"]))


# ----------------------------------------------------------------------------- LOE


def loe_letter(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    pen.space(20)
    pen.line(st.date(f["letter_date"]))
    pen.space(10)
    pen.line(
        rng.choice(("To: Underwriting Department", "Dear Underwriter,", "To Whom It May Concern:"))
    )
    pen.line(f"RE: {s(f['subject'])}", bold=True)
    pen.space(6)
    if "explained_amount" in f:
        pen.para(
            f"I am writing to explain the deposit of {money(st, f['explained_amount'])} made "
            f"on {st.date(f['explained_date'])} into my account. These funds came from "
            f"{doc.extra['why']}. The deposit appears on my statement as "
            f'"{doc.extra["desc"]}".',
            gap=8,
        )
    else:
        pen.para(
            "The recent credit inquiries on my credit report were made while I was shopping "
            "for a mortgage. No new debt was opened as a result of these inquiries.",
            gap=8,
        )
    pen.para("Please let me know if you need any additional information.")
    pen.line("Sincerely,")
    pen.signature(s(f["borrower_name"]), "")


def loe_form(doc: Doc, pen: Pen) -> None:
    f, st, _ = doc.fields, pen.s, pen.rng
    pen.title("LETTER OF EXPLANATION", 14)
    pen.kv(
        [
            ("Borrower", s(f["borrower_name"])),
            ("Date", st.date(f["letter_date"])),
            ("Regarding", s(f["subject"])),
        ],
        cols=1,
        label_frac=0.25,
    )
    if "explained_amount" in f:
        pen.kv(
            [
                ("Amount", money(st, f["explained_amount"])),
                ("Date of Deposit", st.date(f["explained_date"])),
            ],
            cols=2,
        )
        pen.heading("Explanation")
        pen.para(f"The funds were {doc.extra['why']}.")
    else:
        pen.heading("Explanation")
        pen.para("Inquiries were from mortgage lenders while comparing rates. No new accounts.")
    pen.para("I certify that the above explanation is true and correct.")
    pen.signature("Borrower Signature", st.date(f["letter_date"]))


def loe_note(doc: Doc, pen: Pen) -> None:
    f, st, _ = doc.fields, pen.s, pen.rng
    pen.line(f"DATE: {st.date(f['letter_date'])}")
    pen.line(f"FROM: {s(f['borrower_name'])}")
    pen.line(f"SUBJECT: {s(f['subject']).upper()}")
    pen.space(10)
    if "explained_amount" in f:
        pen.para(
            f"THE {money(st, f['explained_amount'])} DEPOSITED ON "
            f"{st.date(f['explained_date'])} IS FROM {doc.extra['why'].upper()}."
        )
    else:
        pen.para("THE INQUIRIES WERE FOR MY MORTGAGE APPLICATION ONLY. NO NEW CREDIT WAS OPENED.")
    pen.signature(s(f["borrower_name"]).upper(), "")
