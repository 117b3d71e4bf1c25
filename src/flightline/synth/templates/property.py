"""Appraisals (URAR-style form and summary report; 2-4 units print the 1025
title and a rent schedule), title commitments, insurance declarations and
flood determinations."""

from __future__ import annotations

from datetime import timedelta

from flightline.synth.documents import Doc
from flightline.synth.money import D, dollars
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import dec, legal_paragraph, money, notice_paragraph, s


def _comps(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    value = dec(f["appraised_value"])
    rows = [
        [
            "Address",
            s(f["property_address"])[:28],
            *(
                f"{rng.randint(10, 9999)} {sc.prop.address.street} "
                + rng.choice(("St", "Ave", "Dr"))
                for _ in range(3)
            ),
        ]
    ]
    rows.append(
        ["Proximity to Subject", "", *(f"{rng.uniform(0.1, 1.5):.2f} miles" for _ in range(3))]
    )
    prices = [dollars(value * D(str(round(rng.uniform(0.93, 1.07), 3)))) for _ in range(3)]
    rows.append(
        [
            "Sale Price",
            money(st, f.get("sale_price"), True) if "sale_price" in f else "",
            *(money(st, p, True) for p in prices),
        ]
    )
    rows.append(
        [
            "Gross Living Area",
            str(sc.prop.gla),
            *(str(sc.prop.gla + rng.randint(-300, 300)) for _ in range(3)),
        ]
    )
    rows.append(
        [
            "Adjusted Sale Price",
            "",
            *(
                money(st, dollars(value * D(str(round(rng.uniform(0.98, 1.02), 3)))), True)
                for _ in range(3)
            ),
        ]
    )
    pen.table(
        ["Feature", "SUBJECT", "COMPARABLE 1", "COMPARABLE 2", "COMPARABLE 3"],
        rows,
        [1.6, 1.6, 1.6, 1.6, 1.6],
        "lllll",
        size=pen.size - 1.5,
    )


def _rent_schedule(doc: Doc, pen: Pen) -> None:
    sc = doc.extra["sc"]
    if sc.prop.units < 2:
        return
    pen.heading("Subject Rent Schedule")
    pen.table(
        ["Unit", "Bedrooms", "Baths", "Actual Rent", "Market Rent"],
        [
            [
                str(i + 1),
                str(pen.rng.randint(1, 3)),
                "1.0",
                money(pen.s, r, True),
                money(pen.s, r + 50, True),
            ]
            for i, r in enumerate(sc.prop.rents)
        ],
        [1, 1, 1, 1.5, 1.5],
        "lrrrr",
    )


def _certs(pen: Pen, n: int) -> None:
    pen.heading("APPRAISER'S CERTIFICATION")
    for i in range(1, n + 1):
        pen.para(f"{i}. {legal_paragraph(pen.rng, 2)}", size=pen.size - 1, gap=2)


def _appraiser(doc: Doc, pen: Pen) -> None:
    f, st = doc.fields, pen.s
    sc = doc.extra["sc"]
    pen.heading("APPRAISER")
    pen.kv(
        [
            ("Signature", sc.parties.appraiser),
            ("Name", sc.parties.appraiser),
            ("Date of Signature and Report", st.date(f["effective_date"] + timedelta(days=3))),  # type: ignore[operator]
            ("Effective Date of Appraisal", st.date(f["effective_date"])),
            ("State Certification #", sc.parties.appraiser_license),
            ("APPRAISED VALUE OF SUBJECT PROPERTY", money(st, f["appraised_value"], True)),
        ],
        cols=1,
        label_frac=0.45,
    )


def _photos(pen: Pen, pages: int) -> None:
    for p in range(pages):
        pen.new_page()
        pen.title(
            ("Subject Photo Page", "Comparable Photo Page", "Location Map", "Building Sketch")[
                p % 4
            ],
            12,
        )
        pen.image_box("Photo", 180)
        pen.image_box("Photo", 180)


def appraisal_urar(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    p = sc.prop
    multi = s(f["form_type"]) == "1025"
    pen.title(
        "Small Residential Income Property Appraisal Report"
        if multi
        else "Uniform Residential Appraisal Report",
        13,
        sub=f"Fannie Mae Form {f['form_type']}    File # {rng.randint(10000, 99999)}",
    )
    pen.heading("SUBJECT")
    a = p.address
    pen.boxes(
        [
            [("Property Address", s(f["property_address"])), ("County", p.county)],
            [
                ("Borrower", s(f["borrower_name"])),
                (
                    "Owner of Public Record",
                    " and ".join(p.sellers) if p.sellers else s(f["borrower_name"]),
                ),
            ],
            [("Legal Description", p.legal[:60]), ("Assessor's Parcel #", p.apn)],
            [
                ("R.E. Taxes $", money(st, p.tax_annual)),
                ("Occupant", "Owner" if p.occupancy == "principal_residence" else "Tenant"),
                (
                    "Assignment Type",
                    "Purchase Transaction" if "sale_price" in f else "Refinance Transaction",
                ),
            ],
            [
                ("Lender/Client", sc.parties.lender),
                ("Number of Units", s(f["units"])),
                ("State", a.state),
            ],
        ]
    )
    if "sale_price" in f:
        pen.heading("CONTRACT")
        pen.kv(
            [
                ("Contract Price $", money(st, f["sale_price"], True)),
                ("Date of Contract", st.date(sc.dates.app - timedelta(days=rng.randint(5, 30)))),
            ]
        )
    pen.heading("NEIGHBORHOOD")
    pen.para(notice_paragraph(rng, 2), size=pen.size - 1)
    pen.heading("IMPROVEMENTS")
    pen.kv(
        [
            ("Units", s(f["units"])),
            ("Year Built", str(p.year_built)),
            ("Bedrooms", str(p.beds)),
            ("Bath(s)", p.baths),
            ("Gross Living Area", f"{p.gla} sq ft"),
            ("Condition", rng.choice(("C3", "C4", "C2"))),
            ("Quality", rng.choice(("Q3", "Q4"))),
        ],
        cols=3,
    )
    pen.new_page()
    pen.heading("SALES COMPARISON APPROACH")
    _comps(doc, pen)
    _rent_schedule(doc, pen)
    pen.heading("RECONCILIATION")
    pen.kv(
        [("Indicated Value by Sales Comparison Approach $", money(st, f["appraised_value"], True))],
        cols=1,
        label_frac=0.55,
    )
    pen.para(
        f"Based on a complete visual inspection of the interior and exterior areas of the "
        f"subject property, my (our) opinion of the market value, as defined, of the real "
        f"property that is the subject of this report is {money(st, f['appraised_value'], True)}"
        f", as of {st.date(f['effective_date'])}, which is the date of inspection and the "
        "effective date of this appraisal."
    )
    pen.new_page()
    pen.heading("ADDITIONAL COMMENTS")
    pen.para(legal_paragraph(rng, 6), size=pen.size - 1)
    _certs(pen, rng.randint(18, 25))
    _appraiser(doc, pen)
    _photos(pen, rng.randint(2, 4))


def appraisal_summary(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    multi = s(f["form_type"]) == "1025"
    pen.title(
        "APPRAISAL REPORT",
        15,
        sub=("Form 1025 - 2-4 Unit" if multi else "Form 1004 - Single Family") + " Summary",
    )
    pen.boxes(
        [
            [
                ("Market Value", money(st, f["appraised_value"])),
                ("Effective Date", st.date(f["effective_date"])),
                ("Units", s(f["units"])),
            ]
        ],
        h=30,
    )
    pen.kv(
        [
            ("Subject", s(f["property_address"])),
            ("Client", sc.parties.lender),
            ("Borrower", s(f["borrower_name"])),
            ("Appraiser", sc.parties.appraiser),
            ("Sale Price", money(st, f["sale_price"]) if "sale_price" in f else "N/A - Refinance"),
        ],
        cols=1,
        label_frac=0.25,
    )
    pen.heading("Market Data")
    _comps(doc, pen)
    _rent_schedule(doc, pen)
    pen.heading("Scope of Work")
    for _ in range(3):
        pen.para(legal_paragraph(rng, 4), size=pen.size - 1)
    pen.new_page()
    _certs(pen, rng.randint(12, 20))
    _appraiser(doc, pen)
    _photos(pen, rng.randint(1, 3))


# ----------------------------------------------------------------------------- title


def title_alta(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title("COMMITMENT FOR TITLE INSURANCE", 14, sub=f"Issued by {sc.parties.title_co}")
    pen.heading("SCHEDULE A")
    pen.para(f"1. Commitment Date: {st.date(f['effective_date'])} at 8:00 a.m.")
    pen.para("2. Policy to be issued:")
    owners = " and ".join(f"{b.person.first} {b.person.last}" for b in sc.borrowers)
    if sc.prop.price is not None:
        pen.para(
            f"(a) ALTA Owner's Policy. Proposed Insured: {owners}. "
            f"Proposed Amount of Insurance: {money(st, sc.prop.price)}",
            indent=12,
        )
    pen.para(
        f"(b) ALTA Loan Policy. Proposed Insured: {s(f['proposed_insured'])}. Proposed "
        f"Amount of Insurance: {money(st, f['insured_amount'])}",
        indent=12,
    )
    pen.para(
        "3. The estate or interest in the Land described or referred to in this Commitment "
        "is Fee Simple."
    )
    pen.para(
        f"4. Title to the Fee Simple estate or interest in the Land is at the Commitment Date "
        f"vested in: {s(f['vesting'])}"
    )
    pen.para(
        f"5. The Land is described as follows: {sc.prop.legal}. Property Address: "
        f"{s(f['property_address'])}"
    )
    pen.new_page()
    pen.heading("SCHEDULE B, PART I - Requirements")
    for i in range(1, rng.randint(6, 11)):
        pen.para(f"{i}. {legal_paragraph(rng, 2)}")
    pen.heading("SCHEDULE B, PART II - Exceptions")
    for i in range(1, rng.randint(6, 12)):
        pen.para(f"{i}. {legal_paragraph(rng, 2)}")


def title_prelim(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title("PRELIMINARY TITLE REPORT", 14, align="left", rule=True)
    pen.kv(
        [
            ("Title Company", sc.parties.title_co),
            ("Order No.", str(rng.randint(10**5, 10**6))),
            ("Effective Date", st.date(f["effective_date"])),
            ("Property Address", s(f["property_address"])),
            ("Vested Owner", s(f["vesting"])),
            ("Proposed Lender", s(f["proposed_insured"])),
            ("Loan Policy Amount", money(st, f["insured_amount"])),
        ],
        cols=1,
        label_frac=0.3,
    )
    pen.heading("Legal Description")
    pen.para(sc.prop.legal)
    pen.heading("Exceptions and Requirements")
    for i in range(1, rng.randint(8, 16)):
        pen.para(f"{i}. {legal_paragraph(rng, 2)}")


# ----------------------------------------------------------------------------- hazard insurance


def _mortgagee(doc: Doc, pen: Pen) -> str:
    sc = doc.extra["sc"]
    return (
        f"{sc.parties.lender} ISAOA/ATIMA, {sc.parties.lender_address.one_line()}, "
        f"Loan # {sc.parties.loan_number}"
    )


def hazard_dec(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title(sc.parties.insurer, 14, align="left")
    pen.title(
        rng.choice(
            (
                "Homeowners Policy Declarations",
                "HO-3 DECLARATIONS PAGE",
                "Dwelling Policy Declarations",
            )
        ),
        11,
        align="left",
    )
    pen.boxes(
        [
            [("Named Insured", s(f["insured_name"])), ("Policy Number", sc.parties.policy_number)],
            [("Residence Premises", s(f["property_address"]))],
            [
                ("Policy Period From", st.date(f["effective_date"])),
                ("To", st.date(f["expiration_date"])),
                ("12:01 A.M. standard time", ""),
            ],
        ]
    )
    cov = dec(f["coverage_amount"])
    pen.table(
        ["Coverage", "Limit of Liability"],
        [
            ["A - Dwelling", money(st, cov, True)],
            ["B - Other Structures", money(st, dollars(cov / 10), True)],
            ["C - Personal Property", money(st, dollars(cov / 2), True)],
            ["D - Loss of Use", money(st, dollars(cov / 5), True)],
            ["E - Personal Liability", money(st, D(300000), True)],
        ],
        [3, 2],
        "lr",
    )
    pen.kv(
        [
            ("Deductible", money(st, D(rng.choice((1000, 2500, 5000))), True)),
            ("Total Annual Premium", money(st, f["annual_premium"])),
        ],
        cols=2,
        bold_values=True,
    )
    pen.heading("Mortgagee")
    pen.para(_mortgagee(doc, pen))
    pen.heading("Forms and Endorsements")
    pen.para(notice_paragraph(rng, 3), size=pen.size - 1)


def hazard_evidence(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title("EVIDENCE OF PROPERTY INSURANCE", 13)
    pen.kv(
        [
            ("Date", st.date(f["effective_date"] - timedelta(days=rng.randint(3, 20)))),  # type: ignore[operator]
            ("Company", sc.parties.insurer),
            ("Policy #", sc.parties.policy_number),
            ("Effective Date", st.date(f["effective_date"])),
            ("Expiration Date", st.date(f["expiration_date"])),
            ("Named Insured", s(f["insured_name"])),
            ("Location", s(f["property_address"])),
            ("Dwelling Coverage", money(st, f["coverage_amount"])),
            ("Annual Premium", money(st, f["annual_premium"])),
            ("Additional Interest", _mortgagee(doc, pen)),
        ],
        cols=1,
        label_frac=0.3,
    )
    pen.para(notice_paragraph(rng, 4), size=pen.size - 1)


def hazard_binder(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.space(20)
    pen.line(sc.parties.insurer, bold=True)
    pen.line(st.date(f["effective_date"]))
    pen.space(10)
    pen.para(f"RE: Insurance Binder for {s(f['insured_name'])}, {s(f['property_address'])}")
    pen.para(
        f"This letter confirms that coverage has been bound under policy "
        f"{sc.parties.policy_number} effective {st.date(f['effective_date'])} through "
        f"{st.date(f['expiration_date'])}. Dwelling coverage is "
        f"{money(st, f['coverage_amount'])} and the annual premium of "
        f"{money(st, f['annual_premium'])} is {rng.choice(('paid in full', 'due at closing'))}"
        f". Mortgagee: {_mortgagee(doc, pen)}."
    )
    pen.signature("Authorized Representative", "")


# ----------------------------------------------------------------------------- flood


def flood_sfhdf(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title("STANDARD FLOOD HAZARD DETERMINATION FORM (SFHDF)", 12)
    pen.heading("SECTION I - LOAN INFORMATION")
    pen.boxes(
        [
            [
                (
                    "1. Lender/Servicer Name and Address",
                    f"{sc.parties.lender}, {sc.parties.lender_address.one_line()}",
                )
            ],
            [
                (
                    "2. Collateral (Building/Mobile Home/Property) Information",
                    s(f["property_address"]),
                )
            ],
            [
                ("3. Lender ID No.", sc.parties.loan_number),
                ("4. Loan Identifier", sc.parties.loan_number),
                ("5. Amount of Flood Insurance Required", "N/A"),
            ],
        ]
    )
    pen.heading("SECTION II")
    pen.boxes(
        [
            [
                ("A. NFIP Community Name", sc.prop.address.city.upper()),
                ("County(ies)", sc.prop.county),
                ("State", sc.prop.address.state),
                ("NFIP Community Number", f"{rng.randint(100000, 999999)}"),
            ],
            [
                (
                    "B. NFIP Map Number or Community-Panel Number",
                    f"{rng.randint(10000, 99999)}C{rng.randint(1000, 9999)}{rng.choice('DEFGH')}",
                ),
                (
                    "NFIP Map Panel Effective/Revised Date",
                    st.date(sc.dates.app.replace(year=sc.year - 6)),
                ),
            ],
            [
                ("D. Is building/mobile home in Special Flood Hazard Area?", "NO"),
                ("Flood Zone", s(f["flood_zone"])),
            ],
        ]
    )
    pen.heading("E. DETERMINATION")
    pen.kv(
        [
            ("Date of Determination", st.date(f["determination_date"])),
            ("Preparer", sc.parties.flood_vendor),
        ],
        cols=2,
    )
    pen.para(notice_paragraph(rng, 2), size=pen.size - 1.5)


def flood_cert(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title(sc.parties.flood_vendor, 12, align="left", sub="Flood Zone Determination Certificate")
    pen.table(
        ["Field", "Value"],
        [
            ["Certificate #", str(rng.randint(10**8, 10**9))],
            ["Determination Date", st.date(f["determination_date"])],
            ["Property Address", s(f["property_address"])],
            ["Flood Zone", s(f["flood_zone"])],
            ["In SFHA", "No"],
            ["Flood Insurance Required", "No"],
            ["Life of Loan", "Yes"],
        ],
        [2, 4],
        "ll",
    )
