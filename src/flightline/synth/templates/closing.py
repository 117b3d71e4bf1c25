"""The Note (uniform-instrument style, lender promissory note with summary
box, typed fixed-rate note), the security instrument (deed of trust or
mortgage, by state) and the notice of right to cancel (H-8 and H-9 wording)."""

from __future__ import annotations

from flightline.synth.documents import Doc
from flightline.synth.fmt import amount_words
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import dec, legal_paragraph, money, rate, s

DOT_STATES = frozenset(
    {
        "CA",
        "TX",
        "VA",
        "CO",
        "AZ",
        "NC",
        "TN",
        "WA",
        "MO",
        "NV",
        "UT",
        "OR",
        "GA",
        "MD",
        "MN",
        "MI",
        "AL",
    }
)


def _city_state(doc: Doc) -> str:
    a = doc.extra["sc"].prop.address
    return f"{a.city}, {a.state}"


def _note_clauses(doc: Doc, pen: Pen, numbered: bool) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    amt = dec(f["principal_amount"])
    words = rng.random() < 0.5
    principal = (
        f"{amount_words(amt)} Dollars (U.S. {money(st, amt)})"
        if words
        else f"U.S. {money(st, amt)}"
    )
    sections = [
        (
            "BORROWER'S PROMISE TO PAY",
            f"In return for a loan that I have received, I promise to pay {principal} (this amount "
            f'is called "Principal"), plus interest, to the order of the Lender. The Lender is '
            f"{s(f['lender'])}. I will make all payments under this Note in the form of cash, "
            "check or money order.",
        ),
        (
            "INTEREST",
            f"Interest will be charged on unpaid principal until the full amount of Principal has "
            f"been paid. I will pay interest at a yearly rate of {rate(f['interest_rate'])}. The "
            "interest rate required by this Section is the rate I will pay both before and after "
            "any default.",
        ),
        (
            "PAYMENTS",
            "(A) Time and Place of Payments. I will pay principal and interest by making a "
            f"payment every month for {f['loan_term_months']} months. I will make my monthly "
            "payment on the "
            f"1st day of each month beginning on {st.date(f['first_payment_date'])}. If, on "
            f"{st.date(f['maturity_date'])}, I still owe amounts under this Note, I will pay those "
            'amounts in full on that date, which is called the "Maturity Date." '
            f"(B) Amount of Monthly Payments. My monthly payment will be in the amount of U.S. "
            f"{money(st, f['monthly_pi'])}.",
        ),
        ("BORROWER'S RIGHT TO PREPAY", legal_paragraph(rng, rng.randint(5, 9))),
        ("LOAN CHARGES", legal_paragraph(rng, rng.randint(4, 8))),
        (
            "BORROWER'S FAILURE TO PAY AS REQUIRED",
            f"(A) Late Charge for Overdue Payments. If the Note Holder has not received the full "
            f"amount of any monthly payment by the end of {rng.choice((10, 15))} calendar days "
            "after "
            f"the date it is due, I will pay a late charge to the Note Holder of "
            f"{rng.choice(('4', '5'))}% of my overdue payment. {legal_paragraph(rng, 3)}",
        ),
        ("GIVING OF NOTICES", legal_paragraph(rng, rng.randint(4, 8))),
        ("OBLIGATIONS OF PERSONS UNDER THIS NOTE", legal_paragraph(rng, rng.randint(5, 9))),
        ("WAIVERS", legal_paragraph(rng, rng.randint(3, 6))),
        ("UNIFORM SECURED NOTE", legal_paragraph(rng, rng.randint(8, 14))),
    ]
    for i, (head, body) in enumerate(sections, start=1):
        pen.line(f"{i}. {head}" if numbered else head, bold=True)
        pen.para(body)


def _note_signatures(doc: Doc, pen: Pen) -> None:
    f = doc.fields
    pen.line("WITNESS THE HAND(S) AND SEAL(S) OF THE UNDERSIGNED.", bold=True)
    pen.signature(f"{s(f['borrower_name'])} - Borrower", "(Seal)", label="")
    if "co_borrower_name" in f:
        pen.signature(f"{s(f['co_borrower_name'])} - Borrower", "(Seal)", label="")


def note_uniform(doc: Doc, pen: Pen) -> None:
    f, st, _ = doc.fields, pen.s, pen.rng
    pen.title("NOTE", 16)
    pen.kv([(st.date(f["note_date"]), _city_state(doc))], cols=1, label_frac=0.5)
    pen.line(s(f["property_address"]), align="center")
    pen.line("[Property Address]", align="center", size=pen.size - 2)
    pen.space(6)
    _note_clauses(doc, pen, numbered=True)
    _note_signatures(doc, pen)
    pen.line("[Sign Original Only]", align="right", size=pen.size - 1)


def note_promissory(doc: Doc, pen: Pen) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    pen.title(
        rng.choice(("PROMISSORY NOTE", "Fixed Rate Promissory Note")),
        15,
        align="left",
        sub=s(f["lender"]),
    )
    pen.boxes(
        [
            [
                ("Note Date", st.date(f["note_date"])),
                ("Loan Amount", money(st, f["principal_amount"])),
                ("Interest Rate", rate(f["interest_rate"])),
            ],
            [
                ("Monthly Payment", money(st, f["monthly_pi"])),
                ("First Payment Date", st.date(f["first_payment_date"])),
                ("Maturity Date", st.date(f["maturity_date"])),
            ],
            [("Term (months)", str(f["loan_term_months"])), ("Property", s(f["property_address"]))],
        ]
    )
    borrowers = s(f["borrower_name"]) + (
        f" and {s(f['co_borrower_name'])}" if "co_borrower_name" in f else ""
    )
    pen.para(f"Borrower(s): {borrowers}", bold=True)
    _note_clauses(doc, pen, numbered=rng.random() < 0.5)
    _note_signatures(doc, pen)


def note_typed(doc: Doc, pen: Pen) -> None:
    f, st, _ = doc.fields, pen.s, pen.rng
    pen.line("FIXED RATE NOTE", bold=True, align="center", size=pen.size + 3)
    pen.space(8)
    pen.line(f"DATE: {st.date(f['note_date'])}")
    pen.line(f"CITY/STATE: {_city_state(doc).upper()}")
    pen.line(f"PROPERTY ADDRESS: {s(f['property_address']).upper()}")
    pen.line(f"PRINCIPAL: {money(st, f['principal_amount'])}")
    pen.line(f"RATE: {rate(f['interest_rate'])}   PAYMENT: {money(st, f['monthly_pi'])}")
    pen.space(8)
    _note_clauses(doc, pen, numbered=True)
    _note_signatures(doc, pen)


# ----------------------------------------------------------------------------- security instrument


def _security(doc: Doc, pen: Pen, dot: bool) -> None:
    f, st, rng = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    names = doc.extra["names"]
    amt = dec(f["loan_amount"])
    pen.line("Recording Requested By and When Recorded Return To:", size=pen.size - 1)
    pen.line(f"{s(f['lender'])}, {sc.parties.lender_address.one_line()}", size=pen.size - 1)
    pen.line(f"Loan Number: {sc.parties.loan_number}    APN: {sc.prop.apn}", size=pen.size - 1)
    pen.space(16)
    pen.hr()
    pen.line("[Space Above This Line For Recording Data]", align="center", size=pen.size - 2)
    pen.title("DEED OF TRUST" if dot else "MORTGAGE", 16)
    pen.heading("DEFINITIONS")
    defs = [
        f'(A) "Security Instrument" means this document, which is dated '
        f"{st.date(f['instrument_date'])}, together with all Riders to this document.",
        f'(B) "Borrower" is {" and ".join(names)}. Borrower is the '
        f"{'trustor' if dot else 'mortgagor'} under this Security Instrument.",
        f'(C) "Lender" is {s(f["lender"])}. Lender is the '
        f"{'beneficiary' if dot else 'mortgagee'} under this Security Instrument.",
    ]
    if dot:
        defs.append(f'(D) "Trustee" is {sc.parties.title_co}.')
    defs.append(
        f'({"E" if dot else "D"}) "Note" means the promissory note signed by Borrower and dated '
        f"{st.date(f['instrument_date'])}. The Note states that Borrower owes Lender "
        f"{amount_words(amt)} Dollars (U.S. {money(st, amt)}) plus interest. Borrower has "
        f"promised to pay this debt in regular Periodic Payments and to pay the debt in full "
        f"not later than {st.date(sc.loan.maturity)}."
    )
    defs.append(
        f'({"F" if dot else "E"}) "Property" means the property that is described below '
        'under the heading "Transfer of Rights in the Property."'
    )
    for d in defs:
        pen.para(d)
    for letter in "GHIJKLMNOP":
        pen.para(f"({letter}) {legal_paragraph(rng, 2)}", size=pen.size - 0.5)
    pen.heading("TRANSFER OF RIGHTS IN THE PROPERTY")
    pen.para(
        f"Borrower irrevocably grants and conveys to {'Trustee, in trust' if dot else 'Lender'}"
        f", with power of sale, the following described property located in {sc.prop.county}: "
        f'SEE EXHIBIT "A" ATTACHED HERETO, which currently has the address of '
        f'{s(f["property_address"])} ("Property Address").'
    )
    pen.heading("UNIFORM COVENANTS")
    for i in range(1, rng.randint(20, 27)):
        pen.para(f"{i}. {legal_paragraph(rng, rng.randint(7, 16))}", size=pen.size - 0.5)
    pen.heading("NON-UNIFORM COVENANTS")
    for i in range(24, 24 + rng.randint(2, 5)):
        pen.para(f"{i}. {legal_paragraph(rng, rng.randint(3, 6))}", size=pen.size - 0.5)
    pen.heading("RIDERS")
    pen.checks(
        [
            ("1-4 Family Rider", sc.prop.units > 1),
            ("Second Home Rider", sc.prop.occupancy == "second_home"),
            ("Condominium Rider", False),
            ("Other(s)", False),
        ]
    )
    pen.para(
        "BY SIGNING BELOW, Borrower accepts and agrees to the terms and covenants contained "
        "in this Security Instrument and in any Rider executed by Borrower."
    )
    for n in names:
        pen.signature(f"{n} - Borrower", "(Seal)", label="")
    pen.new_page()
    pen.heading("ACKNOWLEDGMENT")
    pen.para(
        f"State of {sc.prop.address.state}, County of {sc.prop.county}. On "
        f"{st.date(f['instrument_date'])} before me, the undersigned notary public, personally "
        f"appeared {' and '.join(names)}, known to me to be the person(s) whose name(s) is/are "
        "subscribed to the within instrument."
    )
    pen.signature("Notary Public", "")
    pen.heading('EXHIBIT "A" - LEGAL DESCRIPTION')
    pen.para(sc.prop.legal)
    pen.para(f"Commonly known as: {s(f['property_address'])}")
    pen.para(f"APN: {sc.prop.apn}")


def security_standard(doc: Doc, pen: Pen) -> None:
    _security(doc, pen, doc.extra["sc"].prop.address.state in DOT_STATES)


def security_short(doc: Doc, pen: Pen) -> None:
    # same legal structure, a county-recorder style header and denser text
    pen.size = max(7.0, pen.size - 1)
    pen.line(f"INSTRUMENT # {pen.rng.randint(2020000000, 2029999999)}", bold=True, align="right")
    _security(doc, pen, doc.extra["sc"].prop.address.state in DOT_STATES)


# ----------------------------------------------------------------------------- right to cancel


def rtc_h8(doc: Doc, pen: Pen) -> None:
    f, st = doc.fields, pen.s
    sc = doc.extra["sc"]
    pen.title("NOTICE OF RIGHT TO CANCEL", 15)
    pen.kv(
        [
            ("Borrower", s(f["borrower_name"])),
            ("Loan No.", sc.parties.loan_number),
            ("Property", s(f["property_address"])),
        ],
        cols=1,
        label_frac=0.2,
    )
    pen.heading("YOUR RIGHT TO CANCEL")
    pen.para(
        "You are entering into a transaction that will result in a mortgage on your home. "
        "You have a legal right under federal law to cancel this transaction, without cost, "
        "within THREE BUSINESS DAYS from whichever of the following events occurs last:"
    )
    pen.para(
        f"(1) the date of the transaction, which is {st.date(f['transaction_date'])}; or", indent=12
    )
    pen.para("(2) the date you received your Truth in Lending disclosures; or", indent=12)
    pen.para("(3) the date you received this notice of your right to cancel.", indent=12)
    pen.para(
        "If you cancel the transaction, the mortgage is also cancelled. Within 20 calendar "
        "days after we receive your notice, we must take the steps necessary to reflect the "
        "fact that the mortgage on your home has been cancelled."
    )
    pen.heading("HOW TO CANCEL")
    pen.para(
        f"If you decide to cancel this transaction, you may do so by notifying us in writing, "
        f"at {sc.parties.lender}, {sc.parties.lender_address.one_line()}."
    )
    pen.para(
        f"If you cancel by mail or telegram, you must send the notice no later than MIDNIGHT "
        f"of {st.date(f['rescission_deadline_date'])} (or MIDNIGHT of the THIRD BUSINESS DAY "
        "following the latest of the three events listed above)."
    )
    pen.line("I WISH TO CANCEL", bold=True)
    pen.signature("Consumer's Signature", "")
    pen.para(
        f"The undersigned each acknowledge receipt of two copies of this notice on "
        f"{st.date(f['transaction_date'])}.",
        size=pen.size - 0.5,
    )
    pen.signature(s(f["borrower_name"]), st.date(f["transaction_date"]))


def rtc_h9(doc: Doc, pen: Pen) -> None:
    f, st, _ = doc.fields, pen.s, pen.rng
    sc = doc.extra["sc"]
    pen.title("NOTICE OF RIGHT TO CANCEL", 14, sub="(Refinancing)")
    pen.boxes(
        [
            [
                ("Name(s) of Borrower", s(f["borrower_name"])),
                ("Date of Transaction", st.date(f["transaction_date"])),
            ],
            [("Security Property", s(f["property_address"]))],
        ]
    )
    pen.heading("Your Right to Cancel")
    pen.para(
        "You are entering into a new transaction to increase the amount of credit previously "
        "provided to you. Your home is the security for this new transaction. You have a "
        "legal right under federal law to cancel this new transaction, without cost, within "
        "three business days from whichever of the following events occurs last: (1) the "
        "date of this new transaction; (2) the date you received your new Truth in Lending "
        "disclosures; or (3) the date you received this notice."
    )
    pen.heading("How to Cancel")
    pen.para(
        f"Send or deliver your written notice to {sc.parties.lender}. You must send the "
        f"notice no later than midnight of {st.date(f['rescission_deadline_date'])}."
    )
    pen.signature("Borrower", st.date(f["transaction_date"]))
