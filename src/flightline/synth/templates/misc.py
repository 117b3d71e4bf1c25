"""`other` documents: fax cover sheets, checklists and the assorted
disclosures every loan file carries; also the page filler for big files."""

from __future__ import annotations

from flightline.synth.documents import Doc
from flightline.synth.pdf import Pen
from flightline.synth.templates.common import legal_paragraph, notice_paragraph

_DISCLOSURES = (
    "Privacy Notice",
    "Servicing Disclosure Statement",
    "Borrower's Certification and Authorization",
    "Equal Credit Opportunity Act Notice",
    "Notice of Right to Receive a Copy of Appraisal",
    "Intent to Proceed",
    "Anti-Coercion Insurance Disclosure",
    "Affiliated Business Arrangement Disclosure",
    "Homeownership Counseling Organizations List",
    "Patriot Act Customer Identification",
    "Occupancy Certification",
    "Compliance Agreement",
    "Errors and Omissions Agreement",
    "Hazard Insurance Authorization",
    "Notice to Applicant of Right to Privacy",
)


def fax_cover(doc: Doc, pen: Pen) -> None:
    rng, st = pen.rng, pen.s
    sc = doc.extra["sc"]
    pen.title("FAX", 28, align="left")
    pen.kv(
        [
            ("To", sc.parties.lender),
            ("From", sc.parties.title_co if rng.random() < 0.5 else sc.parties.lo_name),
            ("Date", st.date(sc.dates.app)),
            ("Pages", str(rng.randint(2, 30))),
            ("Re", f"Loan {sc.parties.loan_number}"),
        ],
        cols=1,
        label_frac=0.2,
    )
    pen.space(12)
    pen.para(notice_paragraph(rng, 2))
    pen.para(
        "CONFIDENTIALITY NOTICE: The documents accompanying this transmission contain "
        "confidential information intended only for the recipient named above."
    )


def checklist(doc: Doc, pen: Pen) -> None:
    rng = pen.rng
    pen.title(
        rng.choice(
            (
                "Loan Submission Checklist",
                "Underwriting Stacking Order",
                "Closing Package Checklist",
            )
        ),
        13,
    )
    items = (
        "Application",
        "Credit Report",
        "Pay Stubs",
        "W-2s",
        "Bank Statements",
        "Appraisal",
        "Title Commitment",
        "Insurance",
        "Flood Certificate",
        "Loan Estimate",
        "Closing Disclosure",
        "Note",
        "Security Instrument",
    )
    for it in items:
        pen.checks([(it, rng.random() < 0.8)])
    pen.para(notice_paragraph(rng, 2))


def disclosure(doc: Doc, pen: Pen) -> None:
    rng = pen.rng
    name = doc.extra.get("title") or rng.choice(_DISCLOSURES)
    pen.title(name, 13)
    for _ in range(doc.extra.get("paragraphs", rng.randint(3, 8))):
        pen.para(legal_paragraph(rng, rng.randint(3, 7)))
    pen.signature("Borrower", "")


def blank_separator(doc: Doc, pen: Pen) -> None:
    pen.space(300)
    pen.line(doc.extra.get("title") or "DOCUMENT SEPARATOR", align="center", bold=True, size=20)
