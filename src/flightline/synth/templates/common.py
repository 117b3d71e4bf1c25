"""Wording shared by templates: synonyms for enumerations, masked SSNs and a
boilerplate generator for the long legal pages."""

from __future__ import annotations

import random
from decimal import Decimal

from flightline.pipeline.model import Value
from flightline.synth.fmt import Style

PURPOSE_WORDS = {
    "purchase": ("Purchase", "Purchase Money", "Home Purchase"),
    "refinance": (
        "Refinance",
        "Rate/Term Refinance",
        "No Cash-Out Refinance",
        "Limited Cash-Out Refinance",
    ),
    "cash_out_refinance": ("Cash-Out Refinance", "Cash Out Refinance", "Refinance - Cash Out"),
}
OCCUPANCY_WORDS = {
    "principal_residence": ("Primary Residence", "Principal Residence", "Owner Occupied"),
    "second_home": ("Second Home", "Second Home", "Vacation / Second Home"),
    "investment": ("Investment Property", "Investment", "Non-Owner Occupied"),
}
FREQ_WORDS = {
    "weekly": ("Weekly", "Weekly", "WEEKLY"),
    "biweekly": ("Bi-Weekly", "Biweekly", "Every Two Weeks"),
    "semimonthly": ("Semi-Monthly", "Semimonthly", "Twice Monthly"),
    "monthly": ("Monthly", "Monthly", "MONTHLY"),
}
SSN_MASKS = ("XXX-XX-{}", "***-**-{}", "xxx-xx-{}", "XXXXX{}", "###-##-{}")


def purpose(rng: random.Random, code: Value | None) -> str:
    return rng.choice(PURPOSE_WORDS[str(code)])


def occupancy(rng: random.Random, code: Value | None) -> str:
    return rng.choice(OCCUPANCY_WORDS[str(code)])


def freq(rng: random.Random, code: Value | None) -> str:
    return rng.choice(FREQ_WORDS[str(code)])


def ssn(rng: random.Random, last4: Value | None) -> str:
    return rng.choice(SSN_MASKS).format(last4)


def s(v: Value | None) -> str:
    return "" if v is None else str(v)


def dec(v: Value | None) -> Decimal:
    assert isinstance(v, Decimal), v
    return v


def money(st: Style, v: Value | None, whole: bool = False) -> str:
    return st.money(v if isinstance(v, Decimal) else None, whole)


def rate(v: Value | None, places: int = 3) -> str:
    return f"{dec(v):.{places}f}%"


_SUBJ = (
    "Borrower",
    "Lender",
    "the Note Holder",
    "Borrower and Lender",
    "the Servicer",
    "any successor in interest",
    "the Trustee",
    "each party",
)
_VERB = (
    "shall promptly pay",
    "may require",
    "shall not be obligated to",
    "agrees to provide",
    "shall give notice of",
    "may apply",
    "will keep",
    "covenants and agrees to",
    "shall be entitled to",
    "waives any right to",
)
_OBJ = (
    "all sums secured by this Security Instrument",
    "the Periodic Payments when due",
    "written notice of any transfer",
    "insurance proceeds to restoration or repair",
    "the Escrow Items",
    "reasonable attorneys' fees and costs",
    "any condemnation award or claim for damages",
    "the Property in good repair",
    "amounts disbursed under this Section",
    "a release of this Security Instrument",
    "funds for the payment of taxes and assessments",
    "the Loan Application information",
    "any late charge or fee",
    "interest at the Note rate",
)
_TAIL = (
    "unless applicable law provides otherwise",
    "in accordance with Section {n}",
    "subject to the requirements of Applicable Law",
    "without further demand",
    "as described in the Note",
    "to the extent permitted by law",
    "within {d} days after notice is given",
    "as provided in this Security Instrument",
    "for so long as the Note is outstanding",
    "except as otherwise stated herein",
)


def legal_sentence(rng: random.Random) -> str:
    tail = rng.choice(_TAIL).format(n=rng.randint(1, 24), d=rng.choice((10, 15, 30, 60)))
    return f"{rng.choice(_SUBJ)} {rng.choice(_VERB)} {rng.choice(_OBJ)}, {tail}."


def legal_paragraph(rng: random.Random, sentences: int = 5) -> str:
    parts = [legal_sentence(rng) for _ in range(sentences)]
    return " ".join(p[0].upper() + p[1:] for p in parts)


_NOTICE = (
    "We are required by federal law to provide you with this notice.",
    "Please read this disclosure carefully and keep it for your records.",
    "You are not required to complete this agreement merely because you have received "
    "these disclosures or signed a loan application.",
    "This notice is provided for informational purposes only.",
    "If you have questions, contact your loan officer at the number shown above.",
    "Your information may be shared with affiliated companies as permitted by law.",
    "The lender may verify any information contained in your application.",
    "You may request a copy of any document used in connection with your application.",
    "Signing this form does not obligate you to accept the loan.",
    "We do not discriminate on the basis of race, color, religion, national origin, sex, "
    "marital status, or age.",
)


def notice_paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(rng.choice(_NOTICE) for _ in range(sentences))
