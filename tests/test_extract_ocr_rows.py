"""Earnings rows OCR left a cell or a caption short: a paystub's year-to-date
cell that cannot be (below the period's own pay), a VOE row whose caption is
garbled past knowing. The form's own arithmetic and order settle them; where
they do not, the cell stays unread."""

from __future__ import annotations

import uuid
from decimal import Decimal

from flightline.pipeline.extract import extract
from flightline.pipeline.model import DocType, LogicalDocument, PageText, Value

DOC = uuid.UUID("00000000-0000-0000-0000-0000000e2a75")


def run(doc_type: DocType, text: str, method: str = "ocr") -> LogicalDocument:
    doc = LogicalDocument(uuid.uuid4(), doc_type, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, method)])
    return doc


def earnings(doc: LogicalDocument) -> dict[object, dict[str, Value]]:
    return {r["kind"].value: {k: v.value for k, v in r.items()} for r in doc.rows["earnings"]}


STUB = """\
SMITH REALTY GROUP L.P.
Statement of Earnings and Deductions
PERIOD BEGINNING        07-02-2026        EMPLOYEE        Eric White
PAY DATE        07-10-2026        EMPLOYEE ID        58580
Earfiings        Rate        Hours        This Period        Year to Date
Regular Pay        45.5600        40.00        $ 1,822.40        $ 5$.027.20
OVERTIME        68.3400        USO%e        $102.51        $ 3,194.96
Total Earnings        $ 1,924.91        54,222.16
NET PAY        $ 1,433.66
"""


def test_a_year_to_date_cell_below_the_periods_pay_is_the_total_less_the_others() -> None:
    rows = earnings(run(DocType.paystub, STUB))
    assert rows["regular"]["ytd_amount"] == Decimal("51027.20")
    assert rows["overtime"]["ytd_amount"] == Decimal("3194.96")


def test_a_year_to_date_cell_is_not_made_up_when_another_row_lacks_its_own() -> None:
    text = STUB.replace("$ 3,194.96", "$ 3,1#4.96")
    rows = earnings(run(DocType.paystub, text))
    assert rows["regular"].get("ytd_amount") != Decimal("51027.20")


VOE_1005 = """\
Request for Verification of Employment
Part Il - Verification of Present Employment
12B. Gross Earnings - Type  Year To Date (Thru 24-JUL-2026)  Past Year 2025  Past Year 2024
Base Pay        54672.00        92357.20        91664.56
Ouedina tin       SLA        \u201c9599399/90!<        4728.60        4478.65
Commissions        mast;        0.00 oi Li        0.00       =e.        0.00
Bonus        Paahe        0.00        0.00        0.00,
16. Remarks        Employee in good standing.
"""


def test_the_row_between_base_pay_and_commissions_is_overtime_whatever_ocr_made_of_it() -> None:
    got = run(DocType.voe, VOE_1005).fields
    assert got["prior_year_overtime_income"].value == Decimal("4728.60")
    assert got["two_years_prior_overtime_income"].value == Decimal("4478.65")
    # its garbled year-to-date cell is unread, not guessed
    assert "ytd_overtime_income" not in got
    # anywhere else such a row is nobody's
    moved = VOE_1005.replace("Commissions        mast;", "Remarks        mast;")
    assert "prior_year_overtime_income" not in run(DocType.voe, moved).fields


def test_an_underscore_before_a_years_amount_is_a_rules_speck_not_a_figure() -> None:
    text = VOE_1005.replace(
        "Bonus        Paahe        0.00        0.00        0.00,",
        "Bonus        4328.60        _5077.43        5328.71",
    )
    got = run(DocType.voe, text).fields
    assert got["prior_year_bonus_income"].value == Decimal("5077.43")
    assert got["two_years_prior_bonus_income"].value == Decimal("5328.71")
    # a mark that could be a figure's (`-`, a letter) still leaves the cell unread
    for mark in ("-5077.43", "s5077.43"):
        other = run(DocType.voe, text.replace("_5077.43", mark)).fields
        assert "prior_year_bonus_income" not in other


YEAR_TABLE = """\
Income and Employment Verification
EMPLOYEE        Colleen Tonya Porter        SSN        HHHT-##-6784
GROSS INCOME
Weary        Base        Overtime        Bohus        Total
2025 YTD thru 10-10-2025        121557.66        0.00        3301.40\u2014        124859.06
DOTA  (erst  bere,  150057.18  0.00  0.00  \u2014=\u2014__-150057.18
2023        146745.56        0.00        0.00,        _-146745.56
If you have questions, contact your loan officer.
"""


def test_a_year_table_whose_year_caption_and_a_years_cell_ocr_made_words_of() -> None:
    got = {k: v.value for k, v in run(DocType.voe, YEAR_TABLE).fields.items()}
    assert got["ytd_bonus_income"] == Decimal("3301.40")
    # `DOTA (erst bere,`: the year under the YTD row, whatever OCR made of it
    assert got["prior_year_base_income"] == Decimal("150057.18")
    assert got["prior_year_bonus_income"] == Decimal("0.00")
    assert got["two_years_prior_base_income"] == Decimal("146745.56")


def test_a_year_to_date_column_whose_caption_ocr_lost() -> None:
    text = (
        "FLORES ENERGY, INC.\n"
        "EMPLOYEE: REBECCA DIAZ        SSN: ###-##-6610\n"
        "PERIOD: 09-22-2025 TO 10-05-2025   PAY DATE: 10-10-2025\n"
        "EARNINGS        RATE    HOURS       CURRENT\n"
        "BASE SALARY        $1980.77      $44,596.17\n"
        "BONUS PAY        $101.57      $1722.40\n"
        "GROSS PAY        $2082.34     $46318.57\n"
    )
    doc = run(DocType.paystub, text)
    # no period holds 1,980.77 hours: the second figure is the year to date
    rows = earnings(doc)
    assert rows["regular"]["current_amount"] == Decimal("1980.77")
    assert rows["regular"]["ytd_amount"] == Decimal("44596.17")
    assert doc.get("gross_current") == Decimal("2082.34")
    assert doc.get("gross_ytd") == Decimal("46318.57")
    # an hourly row's hours stay hours
    hourly = text.replace("$1980.77      $44,596.17", "$45.10   80.00   $3,608.00")
    assert earnings(run(DocType.paystub, hourly))["regular"]["current_amount"] == Decimal("3608.00")


def test_a_year_cell_printed_from_a_zero_is_the_one_the_total_recomputes() -> None:
    text = (
        "Income and Employment Verification\n"
        "GROSS INCOME\n"
        "Year        Base        Overtime        Bonus        Total,\n"
        "2026 YTD thru October 46, 2026  $0,505.60  7,062.21  0.00  87,567.81\n"
        "2025        96,484.44        7,306.43        0.00        103,790.87\n"
    )
    got = {k: v.value for k, v in run(DocType.voe, text).fields.items()}
    # `$0,505.60`: no amount starts from a zero; not the overtime a digit short
    assert got["ytd_base_income"] == Decimal("80505.60")
    assert got["ytd_overtime_income"] == Decimal("7062.21")


def test_a_year_cell_with_one_figure_misread_is_the_total_less_the_others() -> None:
    text = (
        "Income and Employment Verification\n"
        "GROSS INCOME\n"
        "Year        Base        Overtime        Bonus        Total\n"
        "2025 YTD thru Oct 03, 2025  $53040.00  $4065.02  $0.00  $57105.02\n"
        "2024        $68541.72        $4250.57        $9.00        $72792.29\n"
    )
    got = {k: v.value for k, v in run(DocType.voe, text).fields.items()}
    # `$9.00` for $0.00: one figure from what the total leaves it
    assert got["prior_year_bonus_income"] == Decimal("0.00")
    assert got["prior_year_overtime_income"] == Decimal("4250.57")


def test_a_lone_figure_after_a_rows_year_to_date_is_a_speck() -> None:
    text = STUB.replace(
        "Regular Pay        45.5600        40.00        $ 1,822.40        $ 5$.027.20",
        "Regular Pay        45.5600        40.00        $ 1,822.40        $ 51,027.20    4",
    )
    rows = earnings(run(DocType.paystub, text))
    assert rows["regular"]["current_amount"] == Decimal("1822.40")
    assert rows["regular"]["ytd_amount"] == Decimal("51027.20")


def test_a_past_years_cell_read_as_a_word_with_figures_and_the_next_with_none() -> None:
    text = """\
EMPLOYMENT DATA REPORT
GROSS INCOME
Year        Base        Overtime        Bonus        \u2018Total
2026 YTD thru17-JUL-2026        \u2014-$41342.40        $3742.28        $0.00        $45084.68
D025 en        Lea        $73804.64 weer     $5415.26        $0.00        $79219.90
ee:        $71781.84        $4904.78        $0.00        $76686.62
If you have questions, contact your loan officer.
"""
    got = {k: v.value for k, v in run(DocType.voe, text).fields.items()}
    # `D025 en  Lea` for 2025, `ee:` for 2024: the rows keep their places
    assert got["prior_year_base_income"] == Decimal("73804.64")
    assert got["prior_year_overtime_income"] == Decimal("5415.26")
    assert got["two_years_prior_overtime_income"] == Decimal("4904.78")
    # a first word that is an amount is no year cell
    bare = text.replace("D025 en        Lea        $73804.64", "73804.64 en  Lea  $73804.64")
    assert "prior_year_base_income" not in run(DocType.voe, bare).fields


def test_a_row_either_of_two_parts_could_repair_takes_the_one_in_line_with_the_year_after() -> None:
    text = """\
Income and Employment Verification
Gross Income
Year        _Base_     Overtime        Bonug        ofall,
2025 YTD thru 04-Apr-2025        26,952.80        1895.11        0.00        28,847.91
2024        95,824.56        5,061.96        0.00        100,886.52
2023        95,088.50        24,629.19        0.00        99,717.69
We do not discriminate on the basis of race.
"""
    got = {k: v.value for k, v in run(DocType.voe, text).fields.items()}
    # a 7 read as a 9 in the base, or a speck as a 2 before the overtime: the
    # overtime's repair keeps both near 2024's
    assert got["two_years_prior_base_income"] == Decimal("95088.50")
    assert got["two_years_prior_overtime_income"] == Decimal("4629.19")
    # where 2024's own figures say the base moved, the base's repair is taken
    moved = text.replace(
        "95,824.56        5,061.96        0.00        100,886.52",
        "75,824.56        25,061.96        0.00        100,886.52",
    )
    got = {k: v.value for k, v in run(DocType.voe, moved).fields.items()}
    assert got["two_years_prior_base_income"] == Decimal("75088.50")
