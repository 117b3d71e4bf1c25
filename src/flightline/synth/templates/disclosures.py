"""Loan Estimate (3 pages) and Closing Disclosure (5 pages) in the H-24/H-25
structure, drawn in three layouts: boxed grid, plain list, monospaced."""

from __future__ import annotations

import random
from decimal import Decimal

from flightline.synth.deal import Fee
from flightline.synth.documents import Doc
from flightline.synth.money import ZERO
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import dec, legal_paragraph, money, purpose, rate, s

_SECTIONS_LE = {
    "A": "A. Origination Charges",
    "B": "B. Services You Cannot Shop For",
    "C": "C. Services You Can Shop For",
    "E": "E. Taxes and Other Government Fees",
    "F": "F. Prepaids",
    "G": "G. Initial Escrow Payment at Closing",
    "H": "H. Other",
}
_SECTIONS_CD = {
    "A": "A. Origination Charges",
    "B": "B. Services Borrower Did Not Shop For",
    "C": "C. Services Borrower Did Shop For",
    "E": "E. Taxes and Other Government Fees",
    "F": "F. Prepaids",
    "G": "G. Initial Escrow Payment at Closing",
    "H": "H. Other",
}


def _detail(fee: Fee | None, pen: Pen, cd: bool) -> str:
    if fee is None or not fee.detail:
        return ""
    st = pen.s
    if fee.key == "points":
        return f"{fee.detail} of Loan Amount"
    if fee.key == "prepaid_interest":
        daily, days, start, end = fee.detail.split("|")
        if cd:
            return f"({money(st, Decimal(daily))} per day from {start[5:]} to {end[5:]})"
        return f"({money(st, Decimal(daily))} per day for {days} days)"
    if fee.key in ("escrow_ins", "escrow_tax", "prop_tax_f"):
        per, n = fee.detail.split("|")
        return f"{money(st, Decimal(per))} per month for {n} mo."
    return ""


def _fees_by_section(doc: Doc) -> dict[str, list[tuple[str, Decimal]]]:
    out: dict[str, list[tuple[str, Decimal]]] = {}
    for r in doc.rows["fees"]:
        out.setdefault(s(r["section"]), []).append((s(r["name"]), dec(r["amount"])))
    return out


def _fee_table(doc: Doc, pen: Pen, cd: bool) -> dict[str, Decimal]:
    st, sc = pen.s, doc.extra["sc"]
    by = _fees_by_section(doc)
    fee_of = {f.name: f for f in sc.loan.fees}
    names = _SECTIONS_CD if cd else _SECTIONS_LE
    totals: dict[str, Decimal] = {}
    whole = not cd
    size = pen.size - 1

    def block(secs: str) -> None:
        for sec in secs:
            items = by.get(sec, [])
            tot = sum((a for _, a in items), ZERO)
            totals[sec] = tot
            pen.ensure(size + 4)
            pen.y -= size + 3
            pen.at(pen.x0, pen.y, names[sec], size, True)
            pen.at(pen.x1, pen.y, money(st, tot, whole), size, True, "right")
            for i, (name, amt) in enumerate(items):
                pen.y -= size + 1.5
                det = _detail(fee_of.get(name), pen, cd)
                pen.at(pen.x0 + 8, pen.y, f"{i + 1:02d} {name}", size - 0.5)
                if det:
                    pen.at(pen.x0 + 220, pen.y, det, size - 1)
                pen.at(pen.x1 - 4, pen.y, money(st, amt, whole), size - 0.5, align="right")

    pen.heading("Loan Costs")
    block("ABC")
    d_total = totals["A"] + totals["B"] + totals["C"]
    pen.line(f"D. TOTAL LOAN COSTS (A + B + C)   {money(st, d_total, whole)}", bold=True, size=size)
    pen.heading("Other Costs")
    block("EFGH")
    i_total = sum((totals[x] for x in "EFGH"), ZERO)
    pen.line(
        f"I. TOTAL OTHER COSTS (E + F + G + H)   {money(st, i_total, whole)}", bold=True, size=size
    )
    credit = dec(doc.fields["lender_credit"]) if cd else ZERO
    label = "Lender Credits"
    if credit:
        label += (
            f" (includes {money(st, credit)} credit for increase in Closing Costs above legal "
            "limit)"
        )
    pen.line(
        f"J. TOTAL CLOSING COSTS   {money(st, d_total + i_total - credit, whole)}",
        bold=True,
        size=size,
    )
    pen.line(f"    D + I   {money(st, d_total + i_total, whole)}", size=size)
    pen.line(f"    {label}   {money(st, -credit if credit else ZERO, whole)}", size=size)
    totals["D"], totals["I"], totals["J"] = d_total, i_total, d_total + i_total - credit
    return totals


def _page1(doc: Doc, pen: Pen, cd: bool, v: int) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    whole = not cd
    pen.title("Closing Disclosure" if cd else "Loan Estimate", 18, align="left")
    if not cd:
        pen.line(sc.parties.lender, bold=True)
    info = [("Date Issued", st.date(f["date_issued"]))]
    if cd:
        info += [
            ("Closing Date", st.date(f["closing_date"])),
            ("Disbursement Date", st.date(f["disbursement_date"])),
            ("Settlement Agent", sc.parties.title_co),
            ("File #", str(rng.randint(10**5, 10**6))),
        ]
    names = [s(f["borrower_name"])] + (
        [b.person.first + " " + b.person.last for b in sc.borrowers[1:]]
    )
    info += [
        ("Applicants" if not cd else "Borrower", " and ".join(names)),
        ("Property", s(f["property_address"])),
    ]
    if "sale_price" in f:
        info.append(("Sale Price", money(st, f["sale_price"], True)))
    elif not cd:
        info.append(("Est. Prop. Value", money(st, sc.prop.appraised, True)))
    if cd:
        info += [("Lender", sc.parties.lender)]
        if sc.prop.sellers:
            info.append(("Seller", " and ".join(sc.prop.sellers)))
    loan_info = [
        ("Loan Term", f"{dec(Decimal(s(f['loan_term_months']))) / 12:.0f} years"),
        ("Purpose", purpose(rng, f["loan_purpose"])),
        ("Product", "Fixed Rate"),
        ("Loan Type", "Conventional"),
        ("Loan ID #", sc.parties.loan_number),
    ]
    if v == 0:
        pen.boxes([[(a, b) for a, b in info[i : i + 2]] for i in range(0, len(info), 2)], h=21)
        pen.boxes([loan_info[:3], loan_info[3:]], h=21)
    else:
        pen.kv(info, cols=2, label_frac=0.36)
        pen.kv(loan_info, cols=3, label_frac=0.42)
    pen.heading("Loan Terms")
    terms = [
        ["Loan Amount", money(st, f["loan_amount"], whole), "NO"],
        ["Interest Rate", rate(f["interest_rate"]), "NO"],
        ["Monthly Principal & Interest", money(st, f["monthly_pi"]), "NO"],
        ["Prepayment Penalty", "", "NO"],
        ["Balloon Payment", "", "NO"],
    ]
    pen.table(["", "", "Can this amount increase after closing?"], terms, [2.5, 1.5, 2.5], "lrc")
    pen.heading("Projected Payments")
    esc = sc.loan.escrow
    pen.table(
        ["Payment Calculation", f"Years 1-{int(s(f['loan_term_months'])) // 12}"],
        [
            ["Principal & Interest", money(st, f["monthly_pi"])],
            ["Mortgage Insurance", "+ 0"],
            ["Estimated Escrow (amount can increase over time)", "+ " + money(st, esc)],
            ["Estimated Total Monthly Payment", money(st, sc.loan.pitia)],
        ],
        [4, 2],
        "lr",
    )
    pen.kv(
        [("Estimated Taxes, Insurance & Assessments", f"{money(st, esc)} a month")],
        cols=1,
        label_frac=0.5,
    )
    pen.heading("Costs at Closing")
    disc = sc.loan.cd if cd else sc.loan.le
    pen.kv(
        [
            (
                "Closing Costs" if cd else "Estimated Closing Costs",
                money(st, disc.closing_costs, whole),
            ),
            (
                "Cash to Close" if cd else "Estimated Cash to Close",
                money(st, f["cash_to_close"], whole)
                + (" From Borrower" if dec(f["cash_to_close"]) >= 0 else " To Borrower"),
            ),
        ],
        cols=1,
        label_frac=0.4,
        bold_values=True,
    )


def loan_estimate(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    v = rng.randrange(3)
    _page1(doc, pen, False, v)
    pen.new_page()
    pen.title("Closing Cost Details", 12, align="left")
    t = _fee_table(doc, pen, cd=False)
    pen.heading("Calculating Cash to Close")
    ctc = dec(f["cash_to_close"])
    rows = [
        ["Total Closing Costs (J)", money(st, t["J"], True)],
        ["Closing Costs Financed", money(st, ZERO, True)],
    ]
    if sc.prop.price is not None:
        rows.append(
            ["Down Payment/Funds from Borrower", money(st, sc.prop.price - sc.loan.amount, True)]
        )
    else:
        rows.append(["Payoffs and Payments", money(st, sc.loan.payoff, True)])
    rows.append(["Estimated Cash to Close", money(st, ctc, True)])
    pen.table(["", "Amount"], rows, [4, 1.5], "lr")
    pen.new_page()
    pen.title("Additional Information About This Loan", 12, align="left")
    pen.kv(
        [
            ("Lender", sc.parties.lender),
            ("NMLS/License ID", sc.parties.lender_nmls),
            ("Loan Officer", sc.parties.lo_name),
            ("NMLS ID", sc.parties.lo_nmls),
            ("Phone", sc.parties.lender_phone),
        ],
        cols=1,
        label_frac=0.3,
    )
    pen.heading("Comparisons")
    pen.table(
        ["Use these measures to compare this loan with other loans.", ""],
        [
            ["In 5 Years", f"{money(st, sc.loan.pi * 60 + t['D'], True)} Total you will have paid"],
            ["Annual Percentage Rate (APR)", rate(f["apr"])],
            ["Total Interest Percentage (TIP)", f"{rng.uniform(60, 140):.3f}%"],
        ],
        [3, 3],
        "ll",
    )
    pen.heading("Other Considerations")
    for topic in (
        "Appraisal",
        "Assumption",
        "Homeowner's Insurance",
        "Late Payment",
        "Refinance",
        "Servicing",
    ):
        pen.para(f"{topic}  {legal_paragraph(rng, 1)}", size=pen.size - 1.5, gap=1)
    pen.heading("Confirm Receipt")
    pen.para(
        "By signing, you are only confirming that you have received this form. You do not "
        "have to accept this loan because you have signed or received this form.",
        size=pen.size - 1,
    )
    pen.signature("Applicant Signature", "")


def _payoffs(pen: Pen, creditor: str, amount: Decimal) -> None:
    """Section K of a refinance: who is paid off, in one of the ways closing
    software prints it. Its own random stream, so the rest of the file (and a
    scanned file's other pages) draw as before."""
    st = pen.s
    layout = random.Random(f"{creditor}|{amount}").randrange(4)  # noqa: S311 - test data
    name = creditor if layout % 2 else creditor.upper()
    if layout == 0:
        pen.heading("Payoffs and Payments")
        pen.table(["To", "Amount"], [[f"Payoff to {name}", money(st, amount)]], [4, 1.5], "lr")
    elif layout == 1:
        pen.heading("K. Payoffs and Payments")
        pen.table(
            ["", "To", "Amount"],
            [
                ["01", f"Payoff of First Mortgage Loan to {name}", money(st, amount)],
                ["", "Total Payoffs and Payments (K)", money(st, amount)],
            ],
            [0.4, 4, 1.5],
            "llr",
        )
    elif layout == 2:
        pen.heading("Payoffs and Payments")
        pen.kv([(f"{name} (payoff)", money(st, amount))], cols=1, label_frac=0.6)
    else:
        pen.heading("Payoffs and Payments")
        pen.kv([("Payoff", f"{name}  {money(st, amount)}")], cols=1, label_frac=0.25)


def closing_disclosure(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    v = rng.randrange(3)
    _page1(doc, pen, True, v)
    pen.new_page()
    pen.title("Closing Cost Details", 12, align="left")
    t = _fee_table(doc, pen, cd=True)
    pen.new_page()
    pen.title("Calculating Cash to Close", 12, align="left")
    le = sc.loan.le
    ctc = dec(f["cash_to_close"])
    rows = [
        [
            "Total Closing Costs (J)",
            money(st, le.closing_costs, True),
            money(st, t["J"]),
            "YES" if abs(le.closing_costs - t["J"]) >= 1 else "NO",
        ],
        ["Closing Costs Paid Before Closing", money(st, ZERO, True), money(st, ZERO), "NO"],
    ]
    if sc.prop.price is not None:
        dp = sc.prop.price - sc.loan.amount
        rows += [
            ["Down Payment/Funds from Borrower", money(st, dp, True), money(st, dp), "NO"],
            ["Deposit", money(st, ZERO, True), money(st, ZERO), "NO"],
            ["Seller Credits", money(st, ZERO, True), money(st, ZERO), "NO"],
        ]
    else:
        rows += [
            [
                "Total Payoffs and Payments (K)",
                money(st, -sc.loan.payoff, True),
                money(st, -sc.loan.payoff),
                "NO",
            ]
        ]
    rows.append(
        [
            "Cash to Close",
            money(st, le.cash_to_close, True),
            money(st, ctc),
            "YES" if abs(le.cash_to_close - ctc) >= 1 else "NO",
        ]
    )
    pen.table(["", "Loan Estimate", "Final", "Did this change?"], rows, [3, 1.3, 1.3, 1.2], "lrrc")
    if sc.prop.price is not None:
        pen.heading("Summaries of Transactions")
        pen.kv(
            [
                ("Sale Price of Property", money(st, sc.prop.price)),
                ("Closing Costs Paid at Closing (J)", money(st, t["J"])),
                ("Loan Amount", money(st, sc.loan.amount)),
                ("Cash to Close From Borrower", money(st, ctc)),
            ],
            cols=1,
            label_frac=0.5,
        )
    else:
        _payoffs(pen, sc.loan.payoff_creditor, sc.loan.payoff)
        pen.kv(
            [
                (
                    "Cash to Close",
                    money(st, ctc) + (" From Borrower" if ctc >= 0 else " To Borrower"),
                )
            ],
            cols=1,
        )
    pen.new_page()
    pen.title("Additional Information About This Loan", 12, align="left")
    pen.heading("Loan Disclosures")
    for topic in (
        "Assumption",
        "Demand Feature",
        "Late Payment",
        "Negative Amortization",
        "Partial Payments",
    ):
        pen.para(f"{topic}  {legal_paragraph(rng, 1)}", size=pen.size - 1.5, gap=1)
    pen.para(
        f"Security Interest  You are granting a security interest in {s(f['property_address'])}.",
        size=pen.size - 1,
    )
    pen.heading("Escrow Account")
    esc = dec(f["estimated_escrow_monthly"])
    pen.table(
        ["", "Amount"],
        [
            ["Escrowed Property Costs over Year 1", money(st, esc * 12)],
            ["Non-Escrowed Property Costs over Year 1", money(st, ZERO)],
            [
                "Initial Escrow Payment",
                money(
                    st, sum((fee.cd or ZERO for fee in sc.loan.fees if fee.section == "G"), ZERO)
                ),
            ],
            ["Monthly Escrow Payment", money(st, esc)],
        ],
        [4, 1.5],
        "lr",
    )
    pen.new_page()
    pen.title("Loan Calculations", 12, align="left")
    calc = [
        (
            "Total of Payments. Total you will have paid after you make all payments of "
            "principal, interest, mortgage insurance, and loan costs, as scheduled.",
            money(st, f["total_of_payments"]),
        ),
        (
            "Finance Charge. The dollar amount the loan will cost you.",
            money(st, f["finance_charge"]),
        ),
        (
            "Amount Financed. The loan amount available after paying your upfront finance charge.",
            money(st, f["amount_financed"]),
        ),
        (
            "Annual Percentage Rate (APR). Your costs over the loan term expressed as a rate.",
            rate(f["apr"]),
        ),
        (
            "Total Interest Percentage (TIP). The total amount of interest that you will pay over "
            "the loan term as a percentage of your loan amount.",
            f"{rng.uniform(60, 140):.3f}%",
        ),
    ]
    pen.table(["", ""], [[a, b] for a, b in calc], [5, 1.2], "lr", size=pen.size - 1.5)
    pen.heading("Other Disclosures")
    for topic in (
        "Appraisal",
        "Contract Details",
        "Liability after Foreclosure",
        "Refinance",
        "Tax Deductions",
    ):
        pen.para(f"{topic}  {legal_paragraph(rng, 1)}", size=pen.size - 2, gap=1)
    pen.heading("Contact Information")
    pen.table(
        ["", "Lender", "Settlement Agent"],
        [
            ["Name", sc.parties.lender, sc.parties.title_co],
            ["NMLS ID", sc.parties.lender_nmls, ""],
            ["Contact", sc.parties.lo_name, sc.parties.settlement_agent],
        ],
        [1, 2.5, 2.5],
        "lll",
        size=pen.size - 1,
    )
    pen.heading("Confirm Receipt")
    pen.para(
        "By signing, you are only confirming that you have received this form. You do not "
        "have to accept this loan because you have signed or received this form.",
        size=pen.size - 1.5,
    )
    received = f.get("received_date")
    how = doc.extra["delivery"]
    text = ""
    if received is not None:
        text = st.date(received) + (" (e-signed)" if how == "esign" else "")
    pen.signature("Applicant Signature", text)
