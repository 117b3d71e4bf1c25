"""The 1008 transmittal (form and LOS summary) and AUS findings (DU findings,
DU analysis report, LPA feedback certificate)."""

from __future__ import annotations

from decimal import Decimal

from flightline.synth.documents import Doc
from flightline.synth.fmt import fmt_name
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import (
    dec,
    money,
    notice_paragraph,
    occupancy,
    purpose,
    rate,
    s,
    ssn,
)

# ----------------------------------------------------------------------------- 1008


def _ratios(doc: Doc, pen: Pen) -> list[tuple[str, str]]:
    f = doc.fields
    return [
        ("Primary Housing Expense/Income", rate(f["dti_front"])),
        ("Total Obligations/Income", rate(f["dti_back"])),
        ("LTV", rate(f["ltv"])),
        ("CLTV/TLTV", rate(f["cltv"])),
    ]


def transmittal_form(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title("Uniform Underwriting and Transmittal Summary", 13, rule=True)
    pen.heading("I. Borrower and Property Information")
    co = sc.borrowers[1] if len(sc.borrowers) > 1 else None
    pen.boxes(
        [
            [("Borrower Name", s(f["borrower_name"])), ("SSN", ssn(rng, sc.borrowers[0].ssn4))],
            [
                ("Co-Borrower Name", fmt_name(co.person, "full") if co else ""),
                ("SSN", ssn(rng, co.ssn4) if co else ""),
            ],
            [
                ("Property Address", doc.extra["addr_style"].one(sc.prop.address)),
                ("Number of Units", s(f["units"])),
            ],
            [
                ("Occupancy Status", occupancy(rng, f["occupancy"])),
                (
                    "Sales Price",
                    money(st, f.get("sale_price"), True) if "sale_price" in f else "N/A",
                ),
                ("Appraised Value", money(st, f["appraised_value"], True)),
            ],
        ]
    )
    pen.heading("II. Mortgage Information")
    pen.boxes(
        [
            [
                ("Loan Type", "Conventional"),
                ("Amortization Type", "Fixed-Rate"),
                ("Loan Purpose", purpose(rng, f["loan_purpose"])),
            ],
            [
                ("Original Loan Amount", money(st, f["loan_amount"])),
                ("Initial Note Rate", rate(f["note_rate"])),
                ("Loan Term (in months)", str(sc.loan.term)),
            ],
        ]
    )
    pen.heading("III. Underwriting Information")
    total = dec(f["qualifying_income_monthly"])
    b_inc = [sc.qual[b.idx] for b in sc.borrowers]
    pen.table(
        ["Stable Monthly Income", "Borrower", "Co-Borrower", "Total"],
        [
            [
                "Total Income",
                money(st, b_inc[0]),
                money(st, b_inc[1]) if len(b_inc) > 1 else "",
                money(st, total),
            ]
        ],
        [2.2, 1.3, 1.3, 1.3],
        "lrrr",
    )
    ln = sc.loan
    debts = sum((t.payment for t in sc.tradelines if t.counts and t.on_urla), Decimal(0))
    pen.table(
        ["Proposed Monthly Payments", "Amount"],
        [
            ["First Mortgage P&I", money(st, ln.pi)],
            ["Hazard Insurance", money(st, ln.ins_m)],
            ["Taxes", money(st, ln.tax_m)],
            ["Mortgage Insurance", money(st, Decimal(0))],
            ["Total Primary Housing Expense", money(st, ln.pitia)],
            ["All Other Monthly Payments", money(st, debts)],
            ["Total All Monthly Payments", money(st, ln.pitia + debts)],
        ],
        [3, 1.5],
        "lr",
    )
    pen.heading("Qualifying Ratios")
    pen.kv(_ratios(doc, pen), cols=2)
    pen.kv(
        [
            ("Level of Property Review", "Interior/Exterior"),
            ("Representative Credit/Indicator Score", s(f["representative_score"])),
            ("Escrow (T&I)", "Yes"),
            ("Underwriter's Name", rng.choice(("A. Patel", "R. Kim", "D. Morales"))),
        ]
    )
    pen.heading("Underwriter Comments")
    pen.para(notice_paragraph(rng, 3))


def transmittal_summary(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title(
        rng.choice(
            (
                "Form 1008 - Transmittal Summary",
                "UNDERWRITING TRANSMITTAL (1008)",
                "Loan Underwriting & Transmittal",
            )
        ),
        13,
        align="left",
    )
    pen.kv(
        [
            ("Borrower", s(f["borrower_name"])),
            ("Loan Number", sc.parties.loan_number),
            ("Purpose", purpose(rng, f["loan_purpose"])),
            ("Occupancy", occupancy(rng, f["occupancy"])),
            ("Units", s(f["units"])),
            ("Note Rate", rate(f["note_rate"])),
            ("Loan Amount", money(st, f["loan_amount"])),
            ("Appraised Value", money(st, f["appraised_value"])),
            ("Sales Price", money(st, f["sale_price"]) if "sale_price" in f else "N/A"),
            ("Qualifying Income (monthly)", money(st, f["qualifying_income_monthly"])),
            ("Housing Ratio", rate(f["dti_front"])),
            ("Debt Ratio (DTI)", rate(f["dti_back"])),
            ("LTV", rate(f["ltv"])),
            ("CLTV", rate(f["cltv"])),
            ("Credit Score (representative)", s(f["representative_score"])),
            ("Property", doc.extra["addr_style"].one(sc.prop.address)),
        ],
        cols=2,
    )
    pen.heading("Conditions")
    for i in range(rng.randint(3, 7)):
        pen.line(f"{i + 1}. {notice_paragraph(rng, 1)}")


# ----------------------------------------------------------------------------- AUS

_MESSAGES = (
    "Verify the borrower's employment and income as required by the Selling Guide.",
    "The lender must obtain a verbal verification of employment for each borrower.",
    "Funds required to close must be verified with the most recent statements.",
    "The appraisal must support the value used in the submission.",
    "Verify that the debts listed on the loan application are complete.",
    "This loan is eligible for delivery subject to the conditions listed.",
    "Obtain a copy of the sales contract and all addenda.",
    "Large deposits must be sourced and documented.",
    "Resubmit if the loan terms change after this submission.",
    "The credit report used for this submission must be retained in the loan file.",
)


def aus_du(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title("Desktop Underwriter Underwriting Findings", 14, align="left", rule=True)
    pen.kv(
        [
            ("Recommendation", s(f["recommendation"])),
            ("Casefile ID", s(f["casefile_id"])),
            ("Submission Number", str(rng.randint(1, 14))),
            ("Submission Date", st.date(f["submission_date"])),
            ("Primary Borrower", s(f["borrower_name"])),
            ("Lender Loan Number", sc.parties.loan_number),
        ],
        cols=2,
    )
    pen.heading("SUMMARY OF RISK FACTORS")
    pen.para(notice_paragraph(rng, 3))
    pen.heading("RATIOS AND LOAN INFORMATION")
    pen.table(
        ["Item", "Value"],
        [
            ["Housing Expense Ratio", rate(doc.extra["front"], 2)],
            ["Debt-to-Income Ratio", f"{dec(f['dti_back']):.2f}%"],
            [
                "LTV/CLTV/HCLTV",
                f"{dec(f['ltv']):.2f}% / {dec(f['ltv']):.2f}% / {dec(f['ltv']):.2f}%",
            ],
            ["Loan Amount", money(st, f["loan_amount"])],
            ["Note Rate", rate(sc.loan.rate)],
        ],
        [3, 2],
        "lr",
    )
    pen.heading("VERIFICATION MESSAGES/APPROVAL CONDITIONS")
    for i in range(rng.randint(8, 20)):
        pen.para(f"{i + 1}  {rng.choice(_MESSAGES)} {notice_paragraph(rng, 1)}", indent=4)


def aus_report(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    pen.title("DU Underwriting Analysis Report", 13)
    pen.table(
        ["Casefile ID", "Recommendation", "Submitted", "DTI", "LTV"],
        [
            [
                s(f["casefile_id"]),
                s(f["recommendation"]),
                st.date(f["submission_date"]),
                f"{dec(f['dti_back']):.2f}%",
                f"{dec(f['ltv']):.2f}%",
            ]
        ],
        [1.6, 1.8, 1.4, 0.9, 0.9],
        "lllrr",
    )
    pen.kv([("Borrower", s(f["borrower_name"])), ("Loan Amount", money(st, f["loan_amount"]))])
    for section in ("Credit", "Income", "Assets", "Property", "Eligibility"):
        pen.heading(section)
        for _ in range(rng.randint(2, 5)):
            pen.para(rng.choice(_MESSAGES), indent=8)


def aus_lpa(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    pen.title("Loan Product Advisor", 15, align="left", sub="Feedback Certificate")
    pen.boxes(
        [
            [
                ("Risk Class", s(f["recommendation"])),
                (
                    "Purchase Eligibility",
                    "Freddie Mac Eligible" if s(f["recommendation"]) == "Accept" else "Ineligible",
                ),
            ],
            [("LPA Key", s(f["casefile_id"])), ("Submission Date", st.date(f["submission_date"]))],
        ]
    )
    pen.heading("Summary")
    pen.kv(
        [
            ("Borrower", s(f["borrower_name"])),
            ("Loan Amount", money(st, f["loan_amount"])),
            ("Total Debt Ratio", f"{dec(f['dti_back']):.2f}%"),
            ("Housing Ratio", f"{dec(doc.extra['front']):.2f}%"),
            ("LTV", f"{dec(f['ltv']):.2f}%"),
            ("TLTV", f"{dec(f['ltv']):.2f}%"),
        ],
        cols=2,
    )
    pen.heading("Feedback Messages")
    for i in range(rng.randint(6, 16)):
        pen.line(f"{i + 1:02d}  {rng.choice(_MESSAGES)}", size=pen.size - 0.5)
