"""VOEs (Form 1005 style, employment data report, verbal VOE) and 1040s (form
lines, IRS-style transcript)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flightline.synth.documents import Doc
from flightline.synth.money import ZERO
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import dec, freq, money, notice_paragraph, s, ssn

# ----------------------------------------------------------------------------- VOE


def voe_1005(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    job = doc.extra["job"]
    year = doc.extra["year"]
    p2 = doc.extra["prior_year2"]
    pen.title("Request for Verification of Employment", 13, rule=True)
    pen.para(
        "Privacy Act Notice: This information is to be used by the agency collecting it in "
        "determining whether you qualify as a prospective mortgagor.",
        size=pen.size - 1.5,
    )
    pen.heading("Part I - Request")
    pen.boxes(
        [
            [
                (
                    "1. To (Name and address of employer)",
                    f"{s(f['employer_name'])}, {job.address.one_line()}",
                )
            ],
            [
                ("3. Signature of Lender", ""),
                ("4. Title", "Processor"),
                ("6. Lender's No.", str(rng.randint(100000, 999999))),
            ],
            [
                ("7. Name and Address of Applicant", s(f["employee_name"])),
                ("8. SSN", ssn(rng, f["ssn_last4"])),
            ],
        ]
    )
    pen.heading("Part II - Verification of Present Employment")
    period = doc.extra["rate_period"]
    checks = " ".join(
        f"[{'X' if p == period else ' '}] {p.title()}"
        for p in ("annual", "hourly", "monthly", "weekly")
    )
    pen.boxes(
        [
            [
                ("9. Applicant's Date of Employment", st.date(f["employment_start_date"])),
                ("10. Present Position", s(f["position"])),
                ("11. Probability of Continued Employment", "Good"),
            ],
            [
                (
                    "12A. Current Gross Base Pay (Enter Amount and Check Period)",
                    f"{money(st, f['base_pay_rate'])}   {checks}",
                ),
                ("Pay Frequency", freq(rng, f["pay_frequency"])),
            ],
        ]
    )
    through = st.date(f["ytd_through_date"])
    pen.table(
        [
            "12B. Gross Earnings - Type",
            f"Year To Date (Thru {through})",
            f"Past Year {year - 1}",
            f"Past Year {year - 2}",
        ],
        [
            [
                "Base Pay",
                money(st, f["ytd_base_income"]),
                money(st, f["prior_year_base_income"]),
                money(st, p2["base"]),
            ],
            [
                "Overtime",
                money(st, f["ytd_overtime_income"]),
                money(st, f["prior_year_overtime_income"]),
                money(st, p2["overtime"]),
            ],
            ["Commissions", money(st, ZERO), money(st, ZERO), money(st, ZERO)],
            [
                "Bonus",
                money(st, f["ytd_bonus_income"]),
                money(st, f["prior_year_bonus_income"]),
                money(st, p2["bonus"]),
            ],
        ],
        [1.6, 1.8, 1.3, 1.3],
        "lrrr",
    )
    pen.kv(
        [("16. Remarks", rng.choice(("Employee in good standing.", "None", "Full time, active.")))],
        cols=1,
        label_frac=0.2,
    )
    pen.heading("Part II (continued) - Employer Certification")
    pen.boxes(
        [
            [
                (
                    "20. Signature of Employer",
                    rng.choice(("T. Walsh", "HR Department", "S. Carter")),
                ),
                ("21. Title", rng.choice(("HR Manager", "Payroll Specialist", "HR Generalist"))),
                ("22. Date", st.date(f["verification_date"])),
            ]
        ]
    )
    pen.heading("Part III - Verification of Previous Employment")
    pen.line("N/A")


def voe_report(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    year = doc.extra["year"]
    p2 = doc.extra["prior_year2"]
    pen.title(
        rng.choice(
            (
                "Verification of Income & Employment",
                "EMPLOYMENT DATA REPORT",
                "Income and Employment Verification",
            )
        ),
        13,
        align="left",
    )
    pen.kv(
        [
            ("Information current as of", st.date(f["verification_date"])),
            ("Tracking Number", f"{rng.randint(10**8, 10**9 - 1)}"),
        ],
        cols=2,
    )
    pen.heading("Employer")
    pen.kv(
        [("Employer", s(f["employer_name"])), ("Address", doc.extra["job"].address.one_line())],
        cols=1,
        label_frac=0.25,
    )
    pen.heading("Employee")
    period = "per hour" if doc.extra["rate_period"] == "hourly" else "annually"
    pen.kv(
        [
            ("Employee", s(f["employee_name"])),
            ("SSN", ssn(rng, f["ssn_last4"])),
            ("Employment Status", "Active"),
            ("Job Title", s(f["position"])),
            ("Most Recent Start Date", st.date(f["employment_start_date"])),
            ("Rate of Pay", f"{money(st, f['base_pay_rate'])} {period}"),
            ("Pay Frequency", freq(rng, f["pay_frequency"])),
        ],
        cols=2,
    )
    pen.heading("Gross Income")
    pen.table(
        ["Year", "Base", "Overtime", "Bonus", "Total"],
        [
            [
                f"{year} YTD thru {st.date(f['ytd_through_date'])}",
                money(st, f["ytd_base_income"]),
                money(st, f["ytd_overtime_income"]),
                money(st, f["ytd_bonus_income"]),
                money(
                    st,
                    dec(f["ytd_base_income"])
                    + dec(f["ytd_overtime_income"])
                    + dec(f["ytd_bonus_income"]),
                ),
            ],
            [
                str(year - 1),
                money(st, f["prior_year_base_income"]),
                money(st, f["prior_year_overtime_income"]),
                money(st, f["prior_year_bonus_income"]),
                money(
                    st,
                    dec(f["prior_year_base_income"])
                    + dec(f["prior_year_overtime_income"])
                    + dec(f["prior_year_bonus_income"]),
                ),
            ],
            [
                str(year - 2),
                money(st, p2["base"]),
                money(st, p2["overtime"]),
                money(st, p2["bonus"]),
                money(st, p2["base"] + p2["overtime"] + p2["bonus"]),
            ],
        ],
        [2.4, 1.2, 1.2, 1.2, 1.2],
        "lrrrr",
    )
    pen.para(notice_paragraph(rng, 3), size=pen.size - 1.5)


def voe_verbal(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    job = doc.extra["job"]
    pen.title(
        rng.choice(
            (
                "Verbal Verification of Employment",
                "VERBAL VOE",
                "10-Day Pre-Closing Verification of Employment",
            )
        ),
        13,
    )
    pairs = [
        ("Borrower", s(f["employee_name"])),
        ("SSN (last 4)", s(f["ssn_last4"])),
        ("Employer", s(f["employer_name"])),
        ("Employer Phone", job.phone),
        (
            "Phone number source",
            rng.choice(("Internet search", "Directory assistance", "State business registry")),
        ),
        ("Position", s(f["position"])),
        ("Start Date", st.date(f["employment_start_date"])),
        ("Currently Employed", "Yes"),
        (
            "Contact Name / Title",
            f"{rng.choice(('Dana', 'Chris', 'Pat'))} {rng.choice(('Lee', 'Ford', 'Reyes'))} / HR",
        ),
        ("Date of Verification", st.date(f["verification_date"])),
    ]
    if rng.random() < 0.5:
        pairs = pairs[2:6] + pairs[:2] + pairs[6:]
    pen.kv(pairs, cols=1, label_frac=0.35)
    pen.space(10)
    pen.para(
        "I certify that I spoke with the person named above, who confirmed the borrower's "
        "employment status as stated.",
        size=pen.size - 0.5,
    )
    pen.signature("Verified by (Lender Representative)", st.date(f["verification_date"]))


# ----------------------------------------------------------------------------- 1040

STATUS_WORDS = {
    "single": ("Single", "SINGLE"),
    "married_filing_jointly": ("Married filing jointly", "Married Filing Joint"),
    "married_filing_separately": ("Married filing separately", "Married Filing Separate"),
}


def tax_1040(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    people = doc.extra["people"]
    pen.title(
        f"Form 1040  U.S. Individual Income Tax Return  {f['tax_year']}",
        13,
        align="left",
        rule=True,
    )
    pen.checks(
        [(STATUS_WORDS[k][0], k == f["filing_status"]) for k in STATUS_WORDS], "Filing Status"
    )
    pen.boxes(
        [
            [
                ("Your first name and middle initial / Last name", s(f["taxpayer_name"])),
                ("Your social security number", ssn(rng, f["ssn_last4"])),
            ]
        ]
        + (
            [
                [
                    (
                        "If joint return, spouse's name",
                        people[1].person.first + " " + people[1].person.last,
                    ),
                    ("Spouse's SSN", ssn(rng, people[1].ssn4)),
                ]
            ]
            if len(people) > 1
            else []
        )
        + [[("Home address", people[0].address.one_line())]]
    )
    pen.heading("Income")
    lines = [
        ("1a", "Total amount from Form(s) W-2, box 1", money(st, f["wages"])),
        ("1z", "Add lines 1a through 1h", money(st, f["wages"])),
        ("2b", "Taxable interest", money(st, doc.extra["interest"])),
        (
            "9",
            "Add lines 1z, 2b, 3b, 4b, 5b, 6b, 7, and 8. This is your total income",
            money(st, f["total_income"]),
        ),
        ("10", "Adjustments to income from Schedule 1", money(st, doc.extra["adjustments"])),
        (
            "11",
            "Subtract line 10 from line 9. This is your adjusted gross income",
            money(st, f["adjusted_gross_income"]),
        ),
    ]
    pen.table(["Line", "Description", "Amount"], [list(x) for x in lines], [0.6, 5, 1.5], "llr")
    pen.new_page()
    pen.heading("Tax and Credits")
    for n in range(12, 25):
        pen.line(f"{n}  {notice_paragraph(rng, 1)[:70]}", size=pen.size - 1)
    pen.signature("Your signature", "")


def tax_transcript(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    pen.title("Tax Return Transcript", 13)
    pen.kv(
        [
            (
                "Request Date",
                st.date(date(int(s(f["tax_year"])) + 1, rng.randint(5, 11), rng.randint(1, 28))),
            ),
            ("Tracking Number", str(rng.randint(10**11, 10**12 - 1))),
            ("SSN Provided", ssn(rng, f["ssn_last4"])),
            ("Tax Period Ending", f"Dec. 31, {f['tax_year']}"),
        ],
        cols=2,
    )
    pen.line(f"NAME(S) SHOWN ON RETURN: {s(f['taxpayer_name']).upper()}")
    pen.line(f"FILING STATUS: {STATUS_WORDS[s(f['filing_status'])][1]}")
    pen.heading("Income")
    for label, v in (
        ("WAGES, SALARIES, TIPS, ETC", f["wages"]),
        ("TAXABLE INTEREST INCOME", doc.extra["interest"]),
        ("TOTAL INCOME", f["total_income"]),
        ("TOTAL ADJUSTMENTS", doc.extra["adjustments"]),
        ("ADJUSTED GROSS INCOME", f["adjusted_gross_income"]),
    ):
        pen.line(f"{label}:{'.' * (40 - len(label))}{money(st, v):>16}")
    pen.heading("Tax and Credits")
    for label in ("TAXABLE INCOME", "TENTATIVE TAX", "TOTAL CREDITS", "TOTAL TAX LIABILITY"):
        pen.line(
            f"{label}:{'.' * (40 - len(label))}{money(st, Decimal(rng.randint(0, 20000))):>16}"
        )
