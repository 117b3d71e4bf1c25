"""Template registry: for each document type, the genuinely different layouts
it can be drawn in, and the font/size constraints each layout needs."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from flightline.pipeline.model import DocType
from flightline.synth.documents import Doc
from flightline.synth.fmt import FONTS, random_style
from flightline.synth.pdf import Pen
from flightline.synth.templates import (
    application,
    assets,
    closing,
    credit,
    disclosures,
    employment,
    income,
    misc,
    property,
    underwriting,
)

Draw = Callable[[Doc, Pen], None]
MONO = ("Courier",)


@dataclass(frozen=True, slots=True)
class Template:
    name: str
    draw: Draw
    fonts: tuple[str, ...] = FONTS
    footer: str | None = None
    numbered: bool = False
    max_size: float = 10.0


T = Template
REGISTRY: dict[DocType, tuple[Template, ...]] = {
    DocType.urla_1003: (
        T(
            "urla_2021",
            application.urla_2021,
            footer="Uniform Residential Loan Application",
            numbered=True,
            max_size=8.5,
        ),
        T(
            "urla_legacy",
            application.urla_legacy,
            ("Times", "Helvetica"),
            footer="Fannie Mae Form 1003",
            max_size=8.5,
        ),
        T("urla_summary", application.urla_summary),
    ),
    DocType.transmittal_1008: (
        T("1008_form", underwriting.transmittal_form, footer="Form 1008", max_size=8.5),
        T("1008_summary", underwriting.transmittal_summary),
    ),
    DocType.aus_findings: (
        T("aus_du", underwriting.aus_du, footer="DU Findings", numbered=True),
        T("aus_du_report", underwriting.aus_report),
        T("aus_lpa", underwriting.aus_lpa, footer="LPA Feedback Certificate"),
    ),
    DocType.paystub: (
        T("paystub_statement", income.paystub_statement),
        T("paystub_simple", income.paystub_simple),
        T("paystub_check", income.paystub_check, MONO),
    ),
    DocType.w2: (
        T("w2_form", income.w2_form, ("Helvetica", "Courier")),
        T("w2_two_copies", income.w2_two_copies, ("Helvetica", "Times")),
        T("w2_statement", income.w2_statement),
    ),
    DocType.tax_return_1040: (
        T("1040_form", employment.tax_1040, ("Helvetica", "Times"), footer="Form 1040"),
        T("1040_transcript", employment.tax_transcript, MONO),
    ),
    DocType.bank_statement: (
        T(
            "bank_running",
            assets.bank_running,
            ("Helvetica", "Times"),
            footer="Statement",
            numbered=True,
            max_size=8.5,
        ),
        T(
            "bank_sections",
            assets.bank_sections,
            ("Helvetica", "Times"),
            footer="Member FDIC",
            max_size=8.5,
        ),
        T("bank_courier", assets.bank_courier, MONO),
    ),
    DocType.gift_letter: (
        T("gift_form", assets.gift_form),
        T("gift_letterstyle", assets.gift_letterstyle, ("Times", "Helvetica")),
        T("gift_statement", assets.gift_statement),
    ),
    DocType.letter_of_explanation: (
        T("loe_letter", assets.loe_letter, ("Times", "Helvetica")),
        T("loe_form", assets.loe_form),
        T("loe_note", assets.loe_note, MONO),
    ),
    DocType.credit_report: (
        T(
            "credit_merged",
            credit.credit_merged,
            ("Helvetica", "Times"),
            footer="Credit Report",
            numbered=True,
            max_size=8.5,
        ),
        T("credit_blocks", credit.credit_blocks, ("Helvetica", "Times"), max_size=8.5),
        T("credit_compact", credit.credit_compact, MONO),
    ),
    DocType.loan_estimate: (
        T(
            "le_h24",
            disclosures.loan_estimate,
            ("Helvetica", "Times"),
            footer="LOAN ESTIMATE",
            numbered=True,
            max_size=8.0,
        ),
        T("le_mono", disclosures.loan_estimate, MONO, footer="LOAN ESTIMATE", max_size=7.5),
    ),
    DocType.closing_disclosure: (
        T(
            "cd_h25",
            disclosures.closing_disclosure,
            ("Helvetica", "Times"),
            footer="CLOSING DISCLOSURE",
            numbered=True,
            max_size=8.0,
        ),
        T(
            "cd_mono",
            disclosures.closing_disclosure,
            MONO,
            footer="CLOSING DISCLOSURE",
            max_size=7.5,
        ),
    ),
    DocType.note: (
        T(
            "note_uniform",
            closing.note_uniform,
            ("Times",),
            footer="MULTISTATE FIXED RATE NOTE",
            numbered=True,
        ),
        T("note_promissory", closing.note_promissory, ("Helvetica", "Times"), footer="Note"),
        T("note_typed", closing.note_typed, MONO),
    ),
    DocType.security_instrument: (
        T(
            "security_standard",
            closing.security_standard,
            ("Times", "Helvetica"),
            footer="Single Family - Uniform Instrument",
            numbered=True,
        ),
        T("security_recorder", closing.security_short, ("Times", "Courier"), footer="Page"),
    ),
    DocType.right_to_cancel: (
        T("rtc_h8", closing.rtc_h8),
        T("rtc_h9", closing.rtc_h9, ("Times", "Helvetica")),
    ),
    DocType.appraisal_1004: (
        T(
            "appraisal_urar",
            property.appraisal_urar,
            ("Helvetica", "Times"),
            footer="Freddie Mac Form 70 / Fannie Mae Form 1004",
            numbered=True,
            max_size=8.5,
        ),
        T(
            "appraisal_summary",
            property.appraisal_summary,
            ("Helvetica", "Times"),
            footer="Appraisal Report",
            max_size=9.0,
        ),
    ),
    DocType.title_commitment: (
        T(
            "title_alta",
            property.title_alta,
            ("Times", "Helvetica"),
            footer="ALTA Commitment for Title Insurance",
            numbered=True,
        ),
        T("title_prelim", property.title_prelim),
    ),
    DocType.hazard_insurance: (
        T("hazard_dec", property.hazard_dec),
        T("hazard_evidence", property.hazard_evidence, ("Helvetica", "Times")),
        T("hazard_binder", property.hazard_binder, ("Times", "Helvetica")),
    ),
    DocType.flood_certificate: (
        T(
            "flood_sfhdf",
            property.flood_sfhdf,
            ("Helvetica", "Times"),
            footer="FEMA Form 086-0-32",
            max_size=8.5,
        ),
        T("flood_cert", property.flood_cert),
    ),
    DocType.other: (
        T("fax_cover", misc.fax_cover),
        T("checklist", misc.checklist),
        T("disclosure", misc.disclosure, footer="Disclosure", numbered=True),
    ),
}

VERBAL_VOE = (T("voe_verbal", employment.voe_verbal),)
WRITTEN_VOE = (
    T(
        "voe_1005",
        employment.voe_1005,
        ("Helvetica", "Times"),
        footer="Fannie Mae Form 1005",
        max_size=8.5,
    ),
    T("voe_report", employment.voe_report),
)


def choices(doc: Doc) -> tuple[Template, ...]:
    if doc.type == DocType.voe:
        return VERBAL_VOE if doc.extra.get("verbal") else WRITTEN_VOE
    if doc.type == DocType.other and doc.extra.get("kind"):
        return tuple(t for t in REGISTRY[DocType.other] if t.name == doc.extra["kind"])
    return REGISTRY[doc.type]


def render(doc: Doc, rng: random.Random, template: Template | None = None) -> None:
    """Draw `doc` with one of its templates into doc.pdf (text layer)."""
    t = template or rng.choice(choices(doc))
    style = random_style(rng, fonts=t.fonts)
    pen = Pen(style, rng, footer=t.footer, numbered=t.numbered)
    pen.size = min(pen.size, t.max_size)
    t.draw(doc, pen)
    doc.pdf = pen.finish()
    doc.pages = pen.pages
    doc.template = t.name
