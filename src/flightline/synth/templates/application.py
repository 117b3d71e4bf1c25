"""URLA (2021 redesign, legacy 1003 with continuation sheet, LOS summary),
the 1008 transmittal (form and summary) and AUS findings (DU, DU analysis
report, LPA feedback certificate)."""

from __future__ import annotations

from flightline.synth.documents import Doc
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import (
    legal_paragraph,
    money,
    notice_paragraph,
    occupancy,
    purpose,
    s,
    ssn,
)

_DECLARATIONS = (
    "Will you occupy the property as your primary residence?",
    "Have you had an ownership interest in another property in the last three years?",
    "Are you borrowing any money for this real estate transaction?",
    "Are there any outstanding judgments against you?",
    "Are you currently delinquent or in default on a Federal debt?",
    "Are you a party to a lawsuit in which you potentially have any personal financial liability?",
    "Have you conveyed title to any property in lieu of foreclosure in the past 7 years?",
    "Within the past 7 years, have you completed a pre-foreclosure sale or short sale?",
    "Have you had property foreclosed upon in the last 7 years?",
    "Have you declared bankruptcy within the past 7 years?",
)


def _income_rows(doc: Doc, pen: Pen) -> list[tuple[str, str]]:
    f, st = doc.fields, pen.s
    return [
        ("Base", money(st, f["income_base_monthly"])),
        ("Overtime", money(st, f["income_overtime_monthly"])),
        ("Bonus", money(st, f["income_bonus_monthly"])),
        ("Commission", money(st, f["income_commission_monthly"])),
        ("Other", money(st, f["income_other_monthly"])),
        ("TOTAL", money(st, f["income_total_monthly"])),
    ]


def _assets_liabs(doc: Doc, pen: Pen, legacy: bool) -> None:
    st, rng = pen.s, pen.rng
    paid = set(doc.extra.get("paid_off", []))
    if "assets" in doc.rows:
        pen.heading(
            "2a. Assets - Bank Accounts, Retirement, and Other Accounts You Have"
            if not legacy
            else "ASSETS"
        )
        rows = [
            [
                rng.choice(("Checking", "Savings", "Deposit Acct")) if not legacy else "Deposit",
                s(r["institution"]),
                f"****{r['account_last4']}",
                money(st, r["value"]),
            ]
            for r in doc.rows["assets"]
        ]
        pen.table(
            ["Account Type", "Financial Institution", "Account Number", "Cash or Market Value"],
            rows,
            [1.2, 3, 1.3, 1.6],
            "lllr",
        )
    if doc.extra.get("gifts"):
        pen.heading("4d. Gifts or Grants You Have Been Given or Will Receive for this Loan")
        pen.table(
            ["Asset Type", "Deposited/Not Deposited", "Source", "Cash or Market Value"],
            [["Cash Gift", "Deposited", rel, money(st, amt)] for rel, amt in doc.extra["gifts"]],
            [1.5, 1.5, 1.5, 1.5],
            "lllr",
        )
    if "liabilities" in doc.rows:
        pen.heading(
            "2c. Liabilities - Credit Cards, Other Debts, and Leases that You Owe"
            if not legacy
            else "LIABILITIES"
        )
        rows = [
            [
                s(r["creditor"]),
                money(st, r["balance"]),
                "X" if s(r["creditor"]).upper() in {p.upper() for p in paid} else "",
                money(st, r["monthly_payment"]),
            ]
            for r in doc.rows["liabilities"]
        ]
        pen.table(
            ["Company Name", "Unpaid Balance", "To be paid off", "Monthly Payment"],
            rows,
            [3.2, 1.5, 1.0, 1.5],
            "lrcr",
        )


def urla_2021(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    b = doc.extra["borrower"]
    extra = doc.extra["additional"]
    pen.title(
        "Uniform Residential Loan Application" + (" - Additional Borrower" if extra else ""),
        15,
        sub="Verify and complete the information on this application.",
    )
    pen.kv(
        [
            ("Lender Loan No.", str(rng.randint(10**9, 10**10 - 1))),
            ("Application Date", st.date(f["application_date"])),
        ],
        cols=2,
    )
    pen.heading("Section 1: Borrower Information.")
    pen.line("1a. Personal Information", bold=True)
    pen.boxes(
        [
            [
                ("Name (First, Middle, Last, Suffix)", s(f["borrower_name"])),
                ("Social Security Number", ssn(rng, f["ssn_last4"])),
            ],
            [
                ("Date of Birth (mm/dd/yyyy)", b.dob.strftime("%m/%d/%Y")),
                ("Citizenship", "U.S. Citizen"),
                ("Marital Status", b.marital.title()),
            ],
            [("Current Address", b.address.one_line()), ("Housing", rng.choice(("Own", "Rent")))],
            [("Phone", b.phone), ("Email", b.email)],
        ]
    )
    if "co_borrower_name" in f:
        pen.kv(
            [
                ("Other borrower(s) applying", s(f["co_borrower_name"])),
                ("Their SSN", ssn(rng, f["co_borrower_ssn_last4"])),
                ("Type of Credit", "Joint Credit"),
            ],
            cols=1,
            label_frac=0.35,
        )
    pen.line("1b. Current Employment/Self-Employment and Income", bold=True)
    job = b.job
    pen.boxes(
        [
            [("Employer or Business Name", s(f["employer_name"])), ("Phone", job.phone)],
            [("Street", job.address.line1()), ("City, State, ZIP", job.address.line2())],
            [
                ("Position or Title", job.position),
                ("Start Date", st.date(f["employment_start_date"])),
                ("How long in this line of work?", f"{rng.randint(3, 20)} Years"),
            ],
        ]
    )
    pen.line("Gross Monthly Income", bold=True)
    pen.kv(_income_rows(doc, pen), cols=3)
    pen.line(
        "1c. IF APPLICABLE, Complete Information for Additional Employment  [X] Does not apply"
    )
    pen.line("1e. Income from Other Sources  [X] Does not apply")
    pen.new_page()
    pen.heading("Section 2: Financial Information - Assets and Liabilities.")
    _assets_liabs(doc, pen, legacy=False)
    pen.heading("Section 4: Loan and Property Information.")
    pen.boxes(
        [
            [
                ("Loan Amount", money(st, f["loan_amount"])),
                ("Loan Purpose", purpose(rng, f["loan_purpose"])),
            ],
            [("Property Address", s(f["property_address"])), ("Number of Units", s(f["units"]))],
            [
                ("Sale Price", money(st, f["sale_price"]) if "sale_price" in f else "N/A"),
                ("Occupancy", occupancy(rng, f["occupancy"])),
            ],
        ]
    )
    if "sale_price" in f:
        pen.kv([("Sale Price", money(st, f["sale_price"]))], cols=1, label_frac=0.3)
    pen.heading("Section 5: Declarations.")
    occ = f["occupancy"] == "principal_residence"
    for i, q in enumerate(_DECLARATIONS):
        pen.line(
            f"{chr(65 + i)}. {q}   {'[X] YES  [ ] NO' if (i == 0 and occ) else '[ ] YES  [X] NO'}"
        )
    pen.new_page()
    pen.heading("Section 6: Acknowledgments and Agreements.")
    for _ in range(3):
        pen.para(notice_paragraph(rng, 5))
    pen.signature("Borrower Signature", st.date(f["application_date"]))
    pen.heading("Section 7: Military Service.")
    pen.line(
        "Did you (or your deceased spouse) ever serve in the United States Armed Forces?  [X] NO"
    )
    pen.heading("Section 8: Demographic Information.")
    pen.checks(
        [
            ("Hispanic or Latino", False),
            ("Not Hispanic or Latino", False),
            ("I do not wish to provide this information", True),
        ],
        "Ethnicity",
    )
    pen.checks([("Female", False), ("Male", False), ("I do not wish to provide", True)], "Sex")
    if not extra:
        pen.heading("Section 9: Loan Originator Information.")
        pen.kv(
            [
                ("Loan Originator Organization", rng.choice(("See Lender", "Retail Branch"))),
                ("Date", st.date(f["application_date"])),
            ],
            cols=2,
        )


def urla_legacy(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    b = doc.extra["borrower"]
    if doc.extra["additional"]:
        pen.title("CONTINUATION SHEET/RESIDENTIAL LOAN APPLICATION", 12, rule=True)
        pen.line(
            "Use this continuation sheet if you need more space to complete the Residential "
            "Loan Application.",
            size=pen.size - 1,
        )
        pen.kv(
            [
                ("Co-Borrower", s(f["borrower_name"])),
                ("Social Security Number", ssn(rng, f["ssn_last4"])),
                ("Borrower", s(f.get("co_borrower_name"))),
                ("Borrower SSN", ssn(rng, f.get("co_borrower_ssn_last4"))),
                ("Application Date", st.date(f["application_date"])),
                ("Loan Amount", money(st, f["loan_amount"])),
                ("Units", s(f["units"])),
                ("Sale Price", money(st, f["sale_price"]) if "sale_price" in f else "N/A"),
            ]
        )
        pen.kv(
            [
                ("Subject Property", s(f["property_address"])),
                (
                    "Purpose / Occupancy",
                    f"{purpose(rng, f['loan_purpose'])} / {occupancy(rng, f['occupancy'])}",
                ),
            ],
            cols=1,
            label_frac=0.3,
        )
    else:
        pen.title("Uniform Residential Loan Application", 14, rule=True)
        pen.line(
            "This application is designed to be completed by the applicant(s) with the "
            "Lender's assistance.",
            size=pen.size - 1,
        )
        pen.heading("I. TYPE OF MORTGAGE AND TERMS OF LOAN")
        pen.boxes(
            [
                [
                    ("Mortgage Applied for", "Conventional"),
                    ("Amount", money(st, f["loan_amount"])),
                    ("Amortization Type", "Fixed Rate"),
                ]
            ]
        )
        pen.heading("II. PROPERTY INFORMATION AND PURPOSE OF LOAN")
        pen.boxes(
            [
                [
                    ("Subject Property Address", s(f["property_address"])),
                    ("No. of Units", s(f["units"])),
                ],
                [
                    ("Purpose of Loan", purpose(rng, f["loan_purpose"])),
                    ("Property will be", occupancy(rng, f["occupancy"])),
                ],
            ]
        )
        pen.heading("III. BORROWER INFORMATION")
        pen.boxes(
            [
                [
                    ("Borrower's Name (include Jr. or Sr. if applicable)", s(f["borrower_name"])),
                    ("Co-Borrower's Name", s(f.get("co_borrower_name", ""))),
                ],
                [
                    ("Social Security Number", ssn(rng, f["ssn_last4"])),
                    (
                        "Co-Borrower SSN",
                        ssn(rng, f["co_borrower_ssn_last4"])
                        if "co_borrower_ssn_last4" in f
                        else "",
                    ),
                ],
                [("Present Address", b.address.one_line()), ("DOB", b.dob.strftime("%m/%d/%Y"))],
            ]
        )
    pen.heading("IV. EMPLOYMENT INFORMATION")
    pen.boxes(
        [
            [
                ("Name & Address of Employer", s(f["employer_name"])),
                ("Yrs. on this job", str(b.job.years_at(f["application_date"]))),
            ],
            [
                ("Position/Title/Type of Business", b.job.position),
                ("Date of Hire", st.date(f["employment_start_date"])),
                ("Business Phone", b.job.phone),
            ],
        ]
    )
    pen.heading("V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION")
    labels = ("Base Empl. Income*", "Overtime", "Bonuses", "Commissions", "Other", "Total")
    rows = [[lab, v, "", v] for lab, (_, v) in zip(labels, _income_rows(doc, pen), strict=True)]
    pen.table(
        ["Gross Monthly Income", "Borrower", "Co-Borrower", "Total"],
        rows,
        [2, 1.3, 1.3, 1.3],
        "lrrr",
    )
    if doc.extra["additional"]:
        return
    pen.new_page()
    pen.heading("VI. ASSETS AND LIABILITIES")
    _assets_liabs(doc, pen, legacy=True)
    pen.heading("VII. DETAILS OF TRANSACTION")
    pen.kv(
        [
            ("a. Purchase price", money(st, f["sale_price"]) if "sale_price" in f else "N/A"),
            ("m. Loan amount", money(st, f["loan_amount"])),
        ],
        cols=1,
        label_frac=0.4,
    )
    pen.heading("VIII. DECLARATIONS")
    for i, q in enumerate(_DECLARATIONS[1:8]):
        pen.line(f"{chr(97 + i)}. {q}  No")
    pen.heading("IX. ACKNOWLEDGEMENT AND AGREEMENT")
    pen.para(legal_paragraph(rng, 6), size=pen.size - 1)
    pen.signature("Borrower's Signature", st.date(f["application_date"]))
    pen.heading("X. INFORMATION FOR GOVERNMENT MONITORING PURPOSES")
    pen.para(notice_paragraph(rng, 3), size=pen.size - 1)
    pen.kv(
        [
            ("This application was taken by", "Face-to-face interview"),
            ("Interviewer's Name", rng.choice(("J. Ortiz", "K. Nguyen", "M. Brooks"))),
            ("Date", st.date(f["application_date"])),
        ],
        cols=1,
        label_frac=0.4,
    )


def urla_summary(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    b = doc.extra["borrower"]
    pen.title(
        rng.choice(
            (
                "LOAN APPLICATION SUMMARY",
                "1003 Application Snapshot",
                "Residential Loan Application - Summary",
            )
        ),
        13,
        align="left",
    )
    pen.line(
        "Printed from loan origination system. Application received "
        f"{st.date(f['application_date'])}."
        if rng.random() < 0.5
        else "Applicant information as captured at application."
    )
    order = [0, 1, 2] if rng.random() < 0.5 else [2, 0, 1]
    for part in order:
        if part == 0:
            pen.heading("Applicant" if not doc.extra["additional"] else "Additional Applicant")
            pairs = [
                ("Name", s(f["borrower_name"])),
                ("SSN", ssn(rng, f["ssn_last4"])),
                ("Application Date", st.date(f["application_date"])),
                ("Marital Status", b.marital.title()),
            ]
            if "co_borrower_name" in f:
                pairs.append(("Co-Applicant", s(f["co_borrower_name"])))
                pairs.append(("Co-Applicant SSN", ssn(rng, f["co_borrower_ssn_last4"])))
            pen.kv(pairs, cols=2)
        elif part == 1:
            pen.heading("Employment & Income (Monthly)")
            pen.kv(
                [
                    ("Employer", s(f["employer_name"])),
                    ("Start Date", st.date(f["employment_start_date"])),
                    ("Position", b.job.position),
                    ("Pay Type", b.job.pay_type.title()),
                ],
                cols=2,
            )
            pen.kv([(f"{k} Income", v) for k, v in _income_rows(doc, pen)], cols=2)
        else:
            pen.heading("Subject Loan")
            pairs = [
                ("Loan Amount", money(st, f["loan_amount"])),
                ("Purpose", purpose(rng, f["loan_purpose"])),
                ("Occupancy", occupancy(rng, f["occupancy"])),
                ("Units", s(f["units"])),
                ("Subject Property", s(f["property_address"])),
            ]
            if "sale_price" in f:
                pairs.append(("Purchase Price", money(st, f["sale_price"])))
            pen.kv(pairs, cols=1, label_frac=0.3)
    if not doc.extra["additional"]:
        _assets_liabs(doc, pen, legacy=True)
        pen.heading("Declarations")
        for q in _DECLARATIONS[:6]:
            pen.line(f"- {q}  {'Y' if rng.random() < 0.05 else 'N'}")
