"""Paystubs (earnings statement, small-business stub, monospaced check stub),
W-2s (form boxes, statement listing, two-copies page), VOEs (Form 1005
style, employment data report, two verbal-VOE forms) and 1040s (form lines,
IRS-style transcript)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from flightline.synth.documents import Doc
from flightline.synth.money import ZERO, cents
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import dec, freq, money, notice_paragraph, s, ssn

KIND_WORDS = {
    "regular": ("Regular", "Regular Pay", "Salary", "REG", "Base Salary"),
    "overtime": ("Overtime", "OT 1.5x", "Overtime Pay", "OVERTIME"),
    "bonus": ("Bonus", "Incentive Bonus", "Performance Bonus", "Bonus Pay"),
}
DED_WORDS = {
    "federal": ("Federal Income Tax", "Fed Withholding", "FITW", "Federal Tax"),
    "social_security": ("Social Security Tax", "OASDI", "Soc Sec", "FICA - SS"),
    "medicare": ("Medicare Tax", "Medicare", "FICA - Med", "MED"),
    "state": ("State Income Tax", "State Withholding", "SIT", "State Tax"),
    "k401": ("401(k)", "401K Deferral", "Retirement 401k", "401(k) Pre-Tax"),
    "health": ("Medical Pre-Tax", "Health Ins (125)", "Medical/Dental", "Sec 125 Health"),
}
PAY_DATE = ("Pay Date", "Check Date", "Payment Date", "Advice Date", "Date Paid")
GROSS = ("Gross Pay", "Total Earnings", "Gross Earnings", "Total Gross", "Gross")
NET = ("Net Pay", "Net Amount", "Take Home Pay", "NET PAY", "Net Check")


def _earn_rows(doc: Doc, pen: Pen, with_rate: bool) -> list[list[str]]:
    st, rng = pen.s, pen.rng
    c = doc.extra["check"]
    job = doc.extra["job"]
    rows: list[list[str]] = []
    for e in doc.rows["earnings"]:
        kind = s(e["kind"])
        label = rng.choice(KIND_WORDS[kind])
        rate = hours = ""
        if with_rate and job.hourly_rate is not None:
            if kind == "regular":
                rate, hours = f"{job.hourly_rate:.4f}", f"{c.hours:.2f}"
            elif kind == "overtime" and c.var_hours is not None:
                rate, hours = f"{job.hourly_rate * Decimal('1.5'):.4f}", f"{c.var_hours:.2f}"
        row = [label, rate, hours, money(st, e["current_amount"])]
        if "ytd_amount" in e:
            row.append(money(st, e["ytd_amount"]))
        rows.append(row)
    return rows


def _ded_rows(doc: Doc, pen: Pen) -> list[list[str]]:
    st, rng = pen.s, pen.rng
    c = doc.extra["check"]
    rows: list[list[str]] = []
    for k, v in c.deductions.items():
        if v == 0 and k in ("health", "k401", "state"):
            continue
        row = [rng.choice(DED_WORDS[k]), money(st, v)]
        if not doc.extra["no_ytd"]:
            row.append(money(st, c.ytd[k]))
        rows.append(row)
    return rows


def paystub_statement(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    job = doc.extra["job"]
    pen.title(s(f["employer_name"]), 13, align="left")
    pen.line(job.address.one_line(), size=pen.size - 1)
    pen.title(
        rng.choice(("Earnings Statement", "Statement of Earnings and Deductions", "Pay Statement")),
        11,
        align="right",
    )
    pairs = [
        ("Period Beginning", st.date(f["pay_period_start_date"])),
        ("Employee", s(f["employee_name"])),
        ("Period Ending", st.date(f["pay_period_end_date"])),
        ("SSN", ssn(rng, f["ssn_last4"])),
        (rng.choice(PAY_DATE), st.date(f["pay_date"])),
        ("Employee ID", str(rng.randint(10000, 99999))),
        ("Pay Frequency", freq(rng, f["pay_frequency"])),
        ("Address", doc.extra["addr"].line1()),
    ]
    if "annual_salary" in f:
        pairs.append(("Annual Salary", money(st, f["annual_salary"])))
    pen.kv(pairs, cols=2)
    pen.space(6)
    ytd = not doc.extra["no_ytd"]
    heads = ["Earnings", "Rate", "Hours", "This Period"] + (["Year to Date"] if ytd else [])
    rows = _earn_rows(doc, pen, True)
    gross_label = rng.choice(GROSS)
    rows.append(
        [gross_label, "", "", money(st, f["gross_current"])]
        + ([money(st, f["gross_ytd"])] if ytd else [])
    )
    pen.table(heads, rows, [2.2, 1, 1, 1.4, 1.4][: len(heads)], "lrrrr")
    pen.table(
        ["Deductions", "This Period"] + (["Year to Date"] if ytd else []),
        _ded_rows(doc, pen),
        [3, 1.4, 1.4][: 3 if ytd else 2],
        "lrr",
    )
    pen.kv([(rng.choice(NET), money(st, f["net_pay"]))], cols=1, bold_values=True)
    pen.space(10)
    pen.line(
        f"Advice number: {rng.randint(100000, 999999)}   Deposited to account ****"
        f"{rng.randint(1000, 9999)}",
        size=pen.size - 1.5,
    )


def paystub_simple(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    job = doc.extra["job"]
    pen.title(rng.choice(("PAY STUB", "Payroll Check Stub", "EMPLOYEE PAY STUB")), 14)
    pen.boxes(
        [
            [("Employer", s(f["employer_name"])), ("Employee", s(f["employee_name"]))],
            [("Employer Address", job.address.one_line()), ("SSN", ssn(rng, f["ssn_last4"]))],
            [
                (rng.choice(PAY_DATE), st.date(f["pay_date"])),
                (
                    "Pay Period",
                    f"{st.date(f['pay_period_start_date'])} - {st.date(f['pay_period_end_date'])}",
                ),
                ("Frequency", freq(rng, f["pay_frequency"])),
            ],
        ]
    )
    ytd = not doc.extra["no_ytd"]
    rows = [[r[0], r[3]] + ([r[4]] if ytd else []) for r in _earn_rows(doc, pen, False)]
    heads = ["Description", "Current"] + (["YTD"] if ytd else [])
    pen.table(heads, rows, [3, 1.5, 1.5][: len(heads)], "lrr")
    totals = [(rng.choice(GROSS), money(st, f["gross_current"]))]
    if ytd:
        totals.append(("YTD " + rng.choice(("Gross", "Earnings")), money(st, f["gross_ytd"])))
    if "hourly_rate" in f:
        totals.append(("Hourly Rate", money(st, f["hourly_rate"])))
        totals.append(("Hours Worked", f"{dec(f['hours']):.2f}"))
    if "annual_salary" in f:
        totals.append(("Salary", money(st, f["annual_salary"]) + " / yr"))
    pen.kv(totals, cols=2)
    pen.table(
        ["Taxes & Deductions", "Current"] + (["YTD"] if ytd else []),
        _ded_rows(doc, pen),
        [3, 1.5, 1.5][: 3 if ytd else 2],
        "lrr",
    )
    pen.kv([(rng.choice(NET), money(st, f["net_pay"]))], cols=2, bold_values=True)


def paystub_check(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    job = doc.extra["job"]
    pen.line(s(f["employer_name"]).upper(), bold=True)
    pen.line(job.address.line1().upper())
    pen.line(job.address.line2().upper())
    pen.space(8)
    label = rng.choice(PAY_DATE).upper()
    pen.line(f"EMPLOYEE: {s(f['employee_name']).upper():<32} SSN: {ssn(rng, f['ssn_last4'])}")
    pen.line(
        f"PERIOD: {st.date(f['pay_period_start_date'])} TO {st.date(f['pay_period_end_date'])}"
        f"   {label}: {st.date(f['pay_date'])}"
    )
    pen.line(f"PAY FREQUENCY: {freq(rng, f['pay_frequency']).upper()}")
    if "annual_salary" in f:
        pen.line(f"ANNUAL SALARY: {money(st, f['annual_salary'])}")
    pen.space(6)
    ytd = not doc.extra["no_ytd"]
    pen.line(
        f"{'EARNINGS':<18}{'RATE':>10}{'HOURS':>9}{'CURRENT':>14}"
        + (f"{'YTD':>14}" if ytd else ""),
        bold=True,
    )
    for r in _earn_rows(doc, pen, True):
        pen.line(
            f"{r[0].upper():<18}{r[1]:>10}{r[2]:>9}{r[3]:>14}" + (f"{r[4]:>14}" if ytd else "")
        )
    g = rng.choice(GROSS).upper()
    pen.line(
        f"{g:<37}{money(st, f['gross_current']):>14}"
        + (f"{money(st, f['gross_ytd']):>14}" if ytd else ""),
        bold=True,
    )
    pen.space(6)
    pen.line(f"{'DEDUCTIONS':<37}{'CURRENT':>14}" + (f"{'YTD':>14}" if ytd else ""), bold=True)
    for r in _ded_rows(doc, pen):
        pen.line(f"{r[0].upper():<37}{r[1]:>14}" + (f"{r[2]:>14}" if ytd else ""))
    pen.space(4)
    pen.line(f"{rng.choice(NET).upper():<37}{money(st, f['net_pay']):>14}", bold=True)
    pen.space(30)
    pen.hr(1)
    pen.line("THIS IS NOT A CHECK - NON-NEGOTIABLE", align="center", bold=True)
    pen.line(f"PAY TO THE ORDER OF  {s(f['employee_name']).upper()}")
    pen.line(f"AMOUNT  {money(st, f['net_pay'])}    DATE  {st.date(f['pay_date'])}")


# ----------------------------------------------------------------------------- W-2


def _w2_values(doc: Doc, pen: Pen) -> dict[str, str]:
    f, st = doc.fields, pen.s
    t = doc.extra["totals"]
    box3 = dec(f["box3_ss_wages"])
    box5 = dec(f["box5_medicare_wages"])
    return {
        "1": money(st, f["box1_wages"]),
        "2": money(st, t["federal"]),
        "3": money(st, box3),
        "4": money(st, cents(box3 * Decimal("0.062"))),
        "5": money(st, box5),
        "6": money(st, cents(box5 * Decimal("0.0145"))),
        "16": money(st, f["box1_wages"]),
        "17": money(st, t["state"]),
        "12a": f"D  {money(st, doc.extra['k401'])}" if doc.extra["k401"] > 0 else "",
    }


def _w2_form(doc: Doc, pen: Pen, copy: str) -> None:
    f = doc.fields
    job = doc.extra["job"]
    v = _w2_values(doc, pen)
    pen.title(f"Form W-2 Wage and Tax Statement  {f['tax_year']}", 12, align="left", sub=copy)
    pen.boxes(
        [
            [
                ("a Employee's social security number", ssn(pen.rng, f["ssn_last4"])),
                ("1 Wages, tips, other compensation", v["1"]),
                ("2 Federal income tax withheld", v["2"]),
            ],
            [
                ("b Employer identification number (EIN)", s(f["employer_ein"])),
                ("3 Social security wages", v["3"]),
                ("4 Social security tax withheld", v["4"]),
            ],
            [
                ("c Employer's name, address, and ZIP code", s(f["employer_name"])),
                ("5 Medicare wages and tips", v["5"]),
                ("6 Medicare tax withheld", v["6"]),
            ],
            [
                ("", job.address.one_line()),
                ("12a", v["12a"]),
                ("13 Retirement plan", "X" if v["12a"] else ""),
            ],
            [
                ("e Employee's first name and initial, Last name", s(f["employee_name"])),
                ("16 State wages, tips, etc.", v["16"]),
                ("17 State income tax", v["17"]),
            ],
            [
                ("f Employee's address and ZIP code", doc.extra["addr"].one_line()),
                ("15 State", job.address.state),
                ("Employer's state ID number", f"{pen.rng.randint(1000000, 9999999)}"),
            ],
        ],
        h=26,
    )
    pen.line("Department of the Treasury - Internal Revenue Service", size=pen.size - 1.5)


def w2_form(doc: Doc, pen: Pen) -> None:
    _w2_form(doc, pen, "Copy B - To Be Filed With Employee's FEDERAL Tax Return")
    pen.space(8)
    pen.para(notice_paragraph(pen.rng, 3), size=pen.size - 1.5)


def w2_two_copies(doc: Doc, pen: Pen) -> None:
    _w2_form(doc, pen, "Copy B - To Be Filed With Employee's FEDERAL Tax Return")
    pen.space(30)
    pen.c.setDash(3, 3)
    pen.hr(0.5)
    pen.c.setDash()
    pen.space(20)
    _w2_form(doc, pen, "Copy C - For EMPLOYEE'S RECORDS")


def w2_statement(doc: Doc, pen: Pen) -> None:
    f = doc.fields
    job = doc.extra["job"]
    v = _w2_values(doc, pen)
    pen.title(f"{f['tax_year']} W-2 Wage and Tax Statement", 13)
    pen.line("Employee Reference Copy", align="center", italic=True)
    pen.heading("Employer")
    pen.kv(
        [
            ("Employer", s(f["employer_name"])),
            ("EIN", s(f["employer_ein"])),
            ("Address", job.address.one_line()),
        ],
        cols=1,
        label_frac=0.25,
    )
    pen.heading("Employee")
    pen.kv(
        [
            ("Employee", s(f["employee_name"])),
            ("SSN", ssn(pen.rng, f["ssn_last4"])),
            ("Address", doc.extra["addr"].one_line()),
        ],
        cols=1,
        label_frac=0.25,
    )
    pen.heading("Amounts")
    labels = {
        "1": "Box 1 Wages, tips, other comp.",
        "2": "Box 2 Federal income tax withheld",
        "3": "Box 3 Social security wages",
        "4": "Box 4 Social security tax withheld",
        "5": "Box 5 Medicare wages and tips",
        "6": "Box 6 Medicare tax withheld",
        "12a": "Box 12a",
        "16": "Box 16 State wages",
        "17": "Box 17 State income tax",
    }
    pen.table(["Box", "Amount"], [[labels[k], v[k]] for k in labels if v[k]], [3, 1.5], "lr")


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
