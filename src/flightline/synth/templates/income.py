"""Paystubs (earnings statement, small-business stub, monospaced check stub),
W-2s (form boxes, statement listing, two-copies page), VOEs (Form 1005
style, employment data report, two verbal-VOE forms) and 1040s (form lines,
IRS-style transcript)."""

from __future__ import annotations

from decimal import Decimal

from flightline.synth.documents import Doc
from flightline.synth.money import cents
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
