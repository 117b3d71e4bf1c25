"""Income documents as OCR reads them: VOE year tables with a misread column
name or year, garbled cells in a row, rows that do not add up; paystub
earnings rows with a lost cell. What cannot be read is left out, not guessed."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from flightline.pipeline.extract import extract
from flightline.pipeline.model import DocType, LogicalDocument, PageText, Value

DOC = uuid.UUID("00000000-0000-0000-0000-0000000001c0")


def run(doc_type: DocType, text: str, method: str = "ocr") -> LogicalDocument:
    doc = LogicalDocument(uuid.uuid4(), doc_type, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, method)])
    return doc


def values(doc: LogicalDocument) -> dict[str, Value]:
    return {k: v.value for k, v in doc.fields.items()}


def earnings(doc: LogicalDocument) -> list[dict[str, Value]]:
    return [{k: v.value for k, v in r.items()} for r in doc.rows.get("earnings", [])]


VOE_REPORT = """\
Verification of Income & Employment
INFORMATION CURRENT AS..  05-05-2026        TRACKING NUMBER:        187165134
EMPLOYER:        Acme Regional Hospital Corp.
EMPLOYEE:        Dana Q. Example        SSN:        XxXxX-xx-1111
GROSS INCOME
Year        Base        Overtime        ponus        Total
{ytd}
2025        93,329.52        0.00        3,575.65        96,905.17
4024        90,278.64        00        3,150.96        93,429.60
The lender may verify any information contained in your application.
"""


def _with_prior_row(ytd: str, prior: str) -> str:
    """VOE_REPORT with its year-to-date row and its past year's row as given."""
    return VOE_REPORT.format(ytd=ytd).replace(
        "2025        93,329.52        0.00        3,575.65        96,905.17", prior
    )


def test_voe_year_row_whose_total_lost_its_cents_beside_one_garbled_part() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    prior = "2025        93,329.52        0.00        3575%5        96,905."
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    # the bonus is what the total's dollars leave it (3,575.48 for 3,575.65)
    assert got["prior_year_bonus_income"] == Decimal("3575.48")
    assert got["prior_year_base_income"] == Decimal("93329.52")
    # a total with its cents read settles nothing it cannot check
    whole = prior.replace("96,905.", "$96,905.17 bg")
    assert "prior_year_bonus_income" not in values(run(DocType.voe, _with_prior_row(ytd, whole)))


def test_voe_year_row_whose_cells_have_specks_beside_amounts_that_add_up() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    prior = "2025        $ 93,329.52        Pi 0.00        S$ 3,575.65        $ 96,905.17@"
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    assert got["prior_year_overtime_income"] == Decimal("0.00")
    assert got["prior_year_bonus_income"] == Decimal("3575.65")
    # amounts that do not make the total leave those cells unread
    off = prior.replace("S$ 3,575.65", "S$ 3,575.85")
    assert "prior_year_bonus_income" not in values(run(DocType.voe, _with_prior_row(ytd, off)))


def test_voe_year_table_whose_base_caption_has_a_speck_letter() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    text = VOE_REPORT.format(ytd=ytd).replace(
        "Year        Base        Overtime        ponus        Total",
        "_Ygar        Bases        Overtime        Bongs        Total",
    )
    got = values(run(DocType.voe, text))
    assert got["prior_year_base_income"] == Decimal("93329.52")
    assert got["prior_year_bonus_income"] == Decimal("3575.65")


def test_voe_year_table_with_a_misread_column_name_and_year() -> None:
    ytd = "20%6 yTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_base_income"] == Decimal("31833.36")
    assert got["ytd_bonus_income"] == Decimal("1387.91")
    assert got["ytd_overtime_income"] == Decimal("0.00")
    assert got["ytd_through_date"] == date(2026, 4, 30)
    assert got["prior_year_bonus_income"] == Decimal("3575.65")
    assert got["prior_year_base_income"] == Decimal("93329.52")


def test_voe_year_table_whose_ytd_row_lost_its_spaces() -> None:
    ytd = (
        "-2026YTD thruApr30,2026        $31,833.36        $0.00        $1,387.91        $33,221.27"
    )
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_base_income"] == Decimal("31833.36")
    assert got["ytd_bonus_income"] == Decimal("1387.91")
    assert got["ytd_through_date"] == date(2026, 4, 30)
    assert got["prior_year_bonus_income"] == Decimal("3575.65")


def test_voe_year_row_with_zeros_in_specks_and_a_part_short_of_two_figures() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    short = "2025        93,329.52        000s)        35.65        96,905.17"
    got = values(run(DocType.voe, _with_prior_row(ytd, short)))
    assert got["prior_year_bonus_income"] == Decimal("3575.65")
    assert got["prior_year_overtime_income"] == Decimal("0")
    # the specked zeros in a row that adds up are zero
    whole = "2025        93,329.52        000s)        3,575.65        96,905.17"
    got = values(run(DocType.voe, _with_prior_row(ytd, whole)))
    assert got["prior_year_bonus_income"] == Decimal("3575.65")
    assert got["prior_year_overtime_income"] == Decimal("0")


def test_voe_year_row_with_a_part_short_of_a_figure_and_its_total_a_figure_off() -> None:
    # two misreads in one row: the bonus lost its first figure (3,575.65)
    # and the total a cents figure (96,905.17); the specked zero is no
    # place for the difference
    ytd = "2026 YTD thru 04-30-2026     $31,833.36     $0.00     $1,387.91     $33,221.27"
    prior = "2025     $93,329.52     0 $0.00     $575.65     $96,905.77"
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    assert got["prior_year_bonus_income"] == Decimal("3575.65")
    assert got["prior_year_overtime_income"] == Decimal("0")
    assert got["prior_year_base_income"] == Decimal("93329.52")
    # an unread cell whose amount no such pair of misreads explains is what
    # the total leaves it
    prior = "2025     $93,329.52     0 $0.00     $3,575.65     $99,905.77"
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    assert got["prior_year_overtime_income"] == Decimal("3000.60")


def test_voe_year_row_whose_zero_reads_as_a_lone_figure() -> None:
    # `9.00` for 0.00, where the bonus a figure off would also make the total
    ytd = (
        "2026 YTD thru April 30, 2026        30,500.00        9.00        1,839.49        32,339.49"
    )
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_base_income"] == Decimal("30500.00")
    assert got["ytd_overtime_income"] == Decimal("0")
    assert got["ytd_bonus_income"] == Decimal("1839.49")


def test_voe_year_table_whose_bonus_caption_is_garbled_past_knowing() -> None:
    ytd = "2026 YTD thru 14-Aug-2026    $435,625.05    $0.00    $1,081.09    $136,706.14"
    text = VOE_REPORT.format(ytd=ytd).replace("ponus", "Sear").replace("2026 YTD", "2024 YTD")
    got = values(run(DocType.voe, text))
    # (its base with a figure misread: the total tells it)
    assert got["ytd_base_income"] == Decimal("135625.05")
    assert got["ytd_bonus_income"] == Decimal("1081.09")
    assert got["prior_year_bonus_income"] == Decimal("3575.65")


def test_voe_year_table_whose_bonus_caption_was_lost() -> None:
    ytd = "2026 YTD thru 14-Aug-2026    $135,625.05    $0.00    $1,081.09    $136,706.14"
    text = VOE_REPORT.format(ytd=ytd).replace("        ponus", "")
    got = values(run(DocType.voe, text))
    assert got["ytd_bonus_income"] == Decimal("1081.09")
    assert got["prior_year_bonus_income"] == Decimal("3575.65")


def test_voe_year_row_with_a_zero_read_as_letters_beside_a_speck_word() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    prior = '2025        "93,329.52        LOO    Gas     \u201818,865.92       112,195.44'
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    assert got["prior_year_base_income"] == Decimal("93329.52")
    assert got["prior_year_overtime_income"] == Decimal("0")
    assert got["prior_year_bonus_income"] == Decimal("18865.92")


def test_voe_year_table_whose_past_year_lost_its_first_digit() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    text = VOE_REPORT.format(ytd=ytd).replace("\n2025        93,329.52", "\n025        93,329.52")
    got = values(run(DocType.voe, text))
    assert got["prior_year_base_income"] == Decimal("93329.52")
    assert got["prior_year_bonus_income"] == Decimal("3575.65")


def test_voe_year_table_whose_past_year_lost_its_first_two_digits() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    text = VOE_REPORT.format(ytd=ytd).replace("\n2025        93,329.52", "\n25        93,329.52")
    got = values(run(DocType.voe, text))
    assert got["prior_year_bonus_income"] == Decimal("3575.65")
    # a row starting with a longer bare number is no year's
    speck = VOE_REPORT.format(ytd=ytd).replace(
        "\n2025        93,329.52", "\n2025,        93,329.52"
    )
    assert values(run(DocType.voe, speck))["prior_year_bonus_income"] == Decimal("3575.65")
    longer = "\n25000        93,329.52"
    other = VOE_REPORT.format(ytd=ytd).replace("\n2025        93,329.52", longer)
    assert "prior_year_bonus_income" not in values(run(DocType.voe, other))


def test_voe_year_to_date_row_with_a_speck_glued_to_thru() -> None:
    ytd = "2026 YTDathru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_base_income"] == Decimal("31833.36")
    assert got["prior_year_base_income"] == Decimal("93329.52")


def test_voe_year_row_whose_part_lost_a_digit_is_settled_by_its_total() -> None:
    # `$6196.00` for 66,196.00: the total less the other parts is the base
    ytd = "2026 YTD thru 09-18-2026    $6196.00    $963.54    $0.00    $67159.54"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_base_income"] == Decimal("66196.00")
    assert got["ytd_overtime_income"] == Decimal("963.54")
    # a gap no single lost digit explains leaves the row unread
    off = "2026 YTD thru 09-18-2026    $6196.00    $963.54    $0.00    $67259.54"
    assert "ytd_base_income" not in values(run(DocType.voe, VOE_REPORT.format(ytd=off)))


def test_voe_ytd_row_whose_total_or_a_part_may_be_misread_is_weighed_by_the_year_below() -> None:
    # `1,387.91` read for 1,387.91 but the total's first figure misread
    # (`63,221.27` for 33,221.27): a 3 lost before the bonus (31,387.91)
    # would explain it too, a part year's bonus nine times the whole year
    # below it (3,575.65): the total was misread, the parts stand
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        63,221.27"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_bonus_income"] == Decimal("1387.91")
    assert got["ytd_base_income"] == Decimal("31833.36")
    # a bonus the year below makes plausible is the part's figure lost
    big = VOE_REPORT.format(ytd=ytd).replace("3,575.65        96,905.17", "33,575.65  126,905.17")
    assert values(run(DocType.voe, big))["ytd_bonus_income"] == Decimal("31387.91")


def test_voe_year_row_cell_with_a_point_after_its_cents_is_clean() -> None:
    # the base lost its point (`179,52714`); the bonus has a speck after its
    # cents: still clean, so the total settles the base
    ytd = "2025 YTD thru 11-07-2025    $159,673.13    $0.00,    $13,686.81    $173,359.94"
    prior = "2024        $179,52714        $0.00        $12,239.73.        $191,766.87"
    text = _with_prior_row(ytd, prior)
    got = values(run(DocType.voe, text))
    assert got["prior_year_base_income"] == Decimal("179527.14")
    assert got["prior_year_bonus_income"] == Decimal("12239.73")
    assert got["ytd_overtime_income"] == Decimal("0.00")


def test_voe_year_table_with_two_letters_of_bonus_misread() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    text = VOE_REPORT.format(ytd=ytd).replace("ponus", "Bortus")
    assert values(run(DocType.voe, text))["ytd_bonus_income"] == Decimal("1387.91")


def test_voe_year_row_with_a_garbled_date_reads_the_amount_cells() -> None:
    # The through date lost its day; the amounts are still the last cells.
    ytd = "2026 YTD thru fo-apr-2026    $31,833.36    $0.00    $1,387.91    $33,221.27"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_bonus_income"] == Decimal("1387.91")
    assert "ytd_through_date" not in got


def test_voe_year_row_one_garbled_cell_is_recomputed_from_the_total() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,3#7.9)        33,221.27"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_bonus_income"] == Decimal("1387.91")


def test_voe_year_row_that_does_not_add_up_is_left_unread() -> None:
    # One of the clean-looking figures is wrong and nothing says which.
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,887.91        33,221.27"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert "ytd_bonus_income" not in got
    assert "ytd_base_income" not in got


def test_voe_year_row_whose_total_lost_a_digit_keeps_its_clean_cells() -> None:
    # 33,221.27 read as 3,321.27: only the total explains the row
    ytd = "2026 YTQ thru 04-30-2026        31,833.36        0.00        1,387.91        3,321.27"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_base_income"] == Decimal("31833.36")
    assert got["ytd_bonus_income"] == Decimal("1387.91")
    # read as 3,221.27, a base of 1,833.36 with a 3 too many fits as well: unread
    one_of_two = ytd.replace("3,321.27", "3,221.27")
    assert "ytd_base_income" not in values(run(DocType.voe, VOE_REPORT.format(ytd=one_of_two)))
    two = "2026 YTD thru 04-30-2026        54,000.00        0.00        2,813.09        6,813.09"
    assert "ytd_base_income" not in values(run(DocType.voe, VOE_REPORT.format(ytd=two)))
    # a total short by more than a lost digit still leaves the row unread
    ytd = ytd.replace("3,321.27", "3,421.27")
    assert "ytd_base_income" not in values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))


VOE_1005 = """\
Request for Verification of Employment
9. Applicant's Date of Employment        10. Present Position
07-26-2018        Sales Representative
12B. Gross Earnings-Type    Year To Date (Thru 09-30-2025)    Past Year 2024    Past Year 2023
BaSe Pay        $211500.00        $271629.12        $262534.80
Overtime        PEAR       190001        90,00        $0.00
Bonus        $4783.79        $1,200.00        $0.00
16. Remarks:        Employee in good standing
"""


def test_voe_1005_rows_leave_cells_that_are_not_amounts_unread() -> None:
    got = values(run(DocType.voe, VOE_1005))
    assert got["ytd_base_income"] == Decimal("211500.00")
    assert got["prior_year_base_income"] == Decimal("271629.12")
    assert got["ytd_bonus_income"] == Decimal("4783.79")
    assert got["prior_year_bonus_income"] == Decimal("1200.00")
    assert "ytd_overtime_income" not in got
    assert "prior_year_overtime_income" not in got


def test_voe_1005_commissions_row_is_read() -> None:
    text = VOE_1005.replace(
        "Bonus        $4783.79",
        "Commissions        $0.00        $0.00        $0.00\nBonus        $4783.79",
    )
    got = values(run(DocType.voe, text))
    assert (got["ytd_commission_income"], got["prior_year_commission_income"]) == (0, 0)
    assert got["ytd_bonus_income"] == Decimal("4783.79")


def test_voe_1005_row_captions_behind_an_underscore_are_read() -> None:
    text = VOE_1005.replace("BaSe Pay", "_Base Pay").replace(
        "Bonus        $4783", "_Bonus        $4783"
    )
    got = values(run(DocType.voe, text))
    assert got["ytd_base_income"] == Decimal("211500.00")
    assert got["prior_year_bonus_income"] == Decimal("1200.00")


LOST_YTD_1005 = """\
Request for Verification of Employment
12B. Gross Earnings - Type    Year To Date (Thru April 18, 2025)    Past Year 2024    Past Year 2023
Base Pay        {base}
Overtime        $0.00        $0.00
Bonus        $7543.39        $7165.92
16. Remarks:        Fulltime, active,
"""


SPLIT_1005 = """\
Request for Verification of Employment
12B. Gross Earnings - Type    Year To Date (Thru 07/31/2026)    Past Year 2025    Past Year 2024
Base Pay        110,833.31        183,143.52        178,881.60
Overtime        0.00        0.00        0.00
Bonus        6,055.28        7,403.24        {bonus}
16. Remarks:        Employee in good standing.
"""


def test_voe_period_cell_whose_comma_ocr_read_as_a_space_a_figure_off() -> None:
    got = values(run(DocType.voe, SPLIT_1005.format(bonus="71 20.70")))
    assert got["ytd_bonus_income"] == Decimal("6055.28")
    assert got["prior_year_bonus_income"] == Decimal("7403.24")
    assert got["two_years_prior_bonus_income"] == Decimal("7120.70")
    # two amounts with their cents run together are two cells: the row is not read
    got = values(run(DocType.voe, SPLIT_1005.format(bonus="71.00 20.70")))
    assert "two_years_prior_bonus_income" not in got


def test_voe_period_cell_whose_point_ocr_read_as_a_space() -> None:
    # `$ 761 17` beside a smudge read as a word (`Mi`): one amount, 761.17
    text = SPLIT_1005.replace("Bonus        6,055.28", "Bonus        Mi        $ 761 17")
    got = values(run(DocType.voe, text.format(bonus="1,845.33")))
    assert got["ytd_bonus_income"] == Decimal("761.17")
    assert got["prior_year_bonus_income"] == Decimal("7403.24")
    assert got["two_years_prior_bonus_income"] == Decimal("1845.33")
    # three figures after the space are no cents: the cell stays unread
    text = SPLIT_1005.replace("Bonus        6,055.28", "Bonus        $ 761 170")
    assert "ytd_bonus_income" not in values(run(DocType.voe, text.format(bonus="1,845.33")))


def test_voe_period_cell_whose_point_ocr_lost() -> None:
    # `1517650` beside 14,795.15: its point lost, the cents put it by its row
    text = SPLIT_1005.replace(
        "Bonus        6,055.28        7,403.24", "Bonus   16436.1 I   1517650"
    )
    got = values(run(DocType.voe, text.format(bonus="14795.15")))
    assert got["prior_year_bonus_income"] == Decimal("15176.50")
    assert got["two_years_prior_bonus_income"] == Decimal("14795.15")
    assert "ytd_bonus_income" not in got
    # a point read as a figure (`15176150`) puts it ten times over: unread
    far = text.replace("1517650", "15176150")
    assert "prior_year_bonus_income" not in values(run(DocType.voe, far.format(bonus="14795.15")))


def test_voe_report_rate_of_pay_whose_of_ocr_lost() -> None:
    text = (
        "EMPLOYMENT DATA REPORT\n"
        "Employee,        Willie Anderson        SSN        XXX-XXx-5432\n"
        "Most Recent Start Date   Sep 27, 2022        Rate   Pay        $ 269,500.00 annually\n"
        "Pay Frequency        Weekly\n"
    )
    assert values(run(DocType.voe, text))["base_pay_rate"] == Decimal("269500.00")


def test_voe_1005_row_whose_year_to_date_cell_ocr_made_a_word() -> None:
    text = (
        "Request for Verification of Employment\n"
        "12B. Gross Earnings - Type        Year To Date (Thru May 15, 2026)        Past Year 2025"
        "        \u2018Past Year 2024\n"
        "Base Pay        ___$70961.50        \u00abS$ 184347.28     ___$182030.94\n"
        "Commissions        pigs        $0.00        $0.00        $0.00\n"
        "\u2018Bonus        SUSE        $13493.11        $11995.52\n"
        "16. REMARKS:        Employee in good standing.\n"
    )
    got = values(run(DocType.voe, text))
    assert "ytd_bonus_income" not in got
    assert got["prior_year_bonus_income"] == Decimal("13493.11")
    assert got["two_years_prior_bonus_income"] == Decimal("11995.52")
    # a first figure the part of the year could earn: the word is a smudge
    # and the row lost its last cell
    smaller = text.replace("$13493.11", "$3493.11")
    got = values(run(DocType.voe, smaller))
    assert got["ytd_bonus_income"] == Decimal("3493.11")


def test_voe_1005_row_whose_year_to_date_cell_ocr_made_a_word_beside_a_speck_column() -> None:
    # a smudge down the table read as a word on every row (`PERE`, `Mies`):
    # the bonus row's second word stands for its year-to-date cell
    text = (
        "Request for Verification of Employment\n"
        "12B.GrossEarnings-Type    ==\u2014\u2014S&    ear To atte (Thru 2026-08-28)"
        "        -Past Year 2025        Past Year 2024\n"
        "BasePay        PERE        46038.42        66162.98        65286.52\n"
        "Bonus        Mies        ROSE        4406.37        \u00ab4829.64\n"
        "16. REMARKS        None\n"
    )
    got = values(run(DocType.voe, text))
    assert "ytd_bonus_income" not in got
    assert got["prior_year_bonus_income"] == Decimal("4406.37")
    # a mark before a figure where it could be one is no clean amount
    assert "two_years_prior_bonus_income" not in got
    # without the column of specks the extra word is a smudge of the row alone
    plain = text.replace("PERE        ", "")
    got = values(run(DocType.voe, plain))
    assert got["ytd_bonus_income"] == Decimal("4406.37")


def test_voe_1005_whose_year_to_date_column_ocr_lost() -> None:
    # every row a cell short, the base pay's first cell a whole year's pay by
    # mid-April: the year-to-date column was lost, not the last past year
    got = values(run(DocType.voe, LOST_YTD_1005.format(base="$86616.40        $83761.34")))
    assert got["prior_year_base_income"] == Decimal("86616.40")
    assert got["prior_year_bonus_income"] == Decimal("7543.39")
    assert "ytd_base_income" not in got and "ytd_bonus_income" not in got
    # a first cell the part of the year could earn: the last column was lost
    got = values(run(DocType.voe, LOST_YTD_1005.format(base="$27076.96        $86616.40")))
    assert got["ytd_base_income"] == Decimal("27076.96")
    assert got["prior_year_base_income"] == Decimal("86616.40")
    assert got["ytd_bonus_income"] == Decimal("7543.39")


def test_voe_1005_amounts_with_a_quote_speck_beside_them_are_read() -> None:
    text = VOE_1005.replace("$4783.79        $1,200.00", '$4783.79"        \u00ab$1,200.00')
    got = values(run(DocType.voe, text))
    assert got["ytd_bonus_income"] == Decimal("4783.79")
    assert got["prior_year_bonus_income"] == Decimal("1200.00")
    # a mark in front of the digits may have been a digit: unread
    text = VOE_1005.replace("$4783.79", '"783.79')
    assert "ytd_bonus_income" not in values(run(DocType.voe, text))


def test_voe_1005_row_label_with_an_accent_ocr_put_on_a_speck() -> None:
    got = values(run(DocType.voe, VOE_1005.replace("Bonus ", "B\u00e9nus ")))
    assert got["ytd_bonus_income"] == Decimal("4783.79")
    assert got["prior_year_bonus_income"] == Decimal("1200.00")


PAYSTUB = """\
Payroll Check Stub
Employer,        Employee
ACME FOODS        Dana Q. Example
py Date        Pay Period        Frequency
09/19/2025        09/01/2025 - 09/14/2025        Biweekly
Description        Current        YTD
Regular Pay        M6154        84769.26
Performance Bonus        425.99        8852.84
GROSS PAY        4887.53        YTD EARNINGS        93622.10
"""


def test_voe_1005_overtime_row_with_a_letter_misread() -> None:
    text = VOE_1005.replace(
        "Overtime        PEAR       190001        90,00", "Ovejtime  $1,920.04  $0.00"
    )
    got = values(run(DocType.voe, text))
    assert got["ytd_overtime_income"] == Decimal("1920.04")
    assert got["prior_year_overtime_income"] == Decimal("0.00")


def test_paystub_row_with_a_garbled_cell_keeps_its_other_columns() -> None:
    rows = earnings(run(DocType.paystub, PAYSTUB))
    assert {"kind": "regular", "ytd_amount": Decimal("84769.26")} in rows
    assert {
        "kind": "bonus",
        "current_amount": Decimal("425.99"),
        "ytd_amount": Decimal("8852.84"),
    } in rows


def test_paystub_cell_with_a_fragment_of_an_amount_is_not_read() -> None:
    text = PAYSTUB.replace("M6154", "4,fo6.02")
    rows = earnings(run(DocType.paystub, text))
    assert {"kind": "regular", "ytd_amount": Decimal("84769.26")} in rows


VOE_1005_GARBLED_HEADER = """\
Request for Verification of Employment
12B. Gross Earnings - Type    Waa    Past Year 2024    Past Year 2023
Base Pay    31730.82    73    7276048    72758.92
\u201cBonus    2459.13    4482.16    5016.79
16. Remarks    None
"""


def test_voe_1005_year_to_date_column_counted_when_its_caption_is_lost() -> None:
    # Three period columns although OCR lost `Year To Date (Thru ...)`; the
    # smudge `73` is no column, `7276048` (its point lost) keeps its place.
    got = values(run(DocType.voe, VOE_1005_GARBLED_HEADER))
    assert got["ytd_base_income"] == Decimal("31730.82")
    assert got["prior_year_base_income"] == Decimal("72760.48")
    assert got["two_years_prior_base_income"] == Decimal("72758.92")
    assert got["ytd_bonus_income"] == Decimal("2459.13")
    assert got["prior_year_bonus_income"] == Decimal("4482.16")


def test_voe_1005_header_with_a_caption_word_lost_keeps_three_columns() -> None:
    text = VOE_1005_GARBLED_HEADER.replace(
        "Waa    Past Year 2024    Past Year 2023",
        "Year To Date (Thru 05-SEP-2025) ___\u2014Past Year 2024     ast Year 2023",
    )
    got = values(run(DocType.voe, text))
    assert got["prior_year_bonus_income"] == Decimal("4482.16")


VOE_GARBLED_ROWS = """\
EMPLOYMENT DATA REPORT
Employer:        Acme Software L.P.
Gross Income
Year        Base        Overtime        Bonus        Total
2025 Y\u00a5D thru August 29,2025.     cE        20335        000        18800        2223.56
2924        29862.72        0.00        2214.01        32076.73
2023        290192        0.00        2132.77        _31144,69
"""


def test_voe_ytd_row_misread_is_left_unread_and_past_year_keeps_its_place() -> None:
    got = values(run(DocType.voe, VOE_GARBLED_ROWS))
    assert got["ytd_through_date"] == date(2025, 8, 29)
    # none of the YTD cells is a whole amount and they do not add up
    assert not any(k.startswith("ytd_") and k.endswith("_income") for k in got)
    # `2924` is the row under the YTD row: the past year, its cells add up
    assert got["prior_year_base_income"] == Decimal("29862.72")
    assert got["prior_year_bonus_income"] == Decimal("2214.01")


def test_ocr_dates_with_one_slip_are_repaired() -> None:
    text = """\
Verification of Income & Employment
INFORMATION CURRENT AS..  01-dun-2026        TRACKING NUMBER:        551483927
EMPLOYER:        Acme Logistics Corp.
MOST RECENT START DATE:   15-Sep#2022        RATE OF PAY:        $127,000.00 annually
"""
    got = values(run(DocType.voe, text))
    assert got["verification_date"] == date(2026, 6, 1)
    assert got["employment_start_date"] == date(2022, 9, 15)
    # a month two letters off, or one letter off two months, stays unread
    got = values(run(DocType.voe, text.replace("01-dun-2026", "01-Maa-2026")))
    assert "verification_date" not in got


def test_urla_employer_is_not_the_caption_of_the_next_box() -> None:
    text = """\
CONTINUATION SHEET/RESIDENTIAL LOAN APPLICATION
Co-Borrower        Dana Q. Example        Social Security Number     XXX-XX-1111
IV. EMPLOYMENT INFORMATION
Name & Address of Employer        Yrs. on this job
Richardson & Mathis Manufacturing Company        9
Position/Tite/Type of Business        Date of Hire        Business Phone
Operations Analyst        01-Nov-2016        (343) 205-9896
"""
    got = values(run(DocType.urla_1003, text))
    assert got["employer_name"] == "Richardson & Mathis Manufacturing Company"


def test_paystub_employer_address_caption_is_not_the_employer() -> None:
    text = """\
Payroll Check Stub
Mmpioyer        lempioyee
Acme Manufactéring Company        Dana Q. Example
Employer Address        LJ
7994 Porter Parkway, New Josephmouth, UT 84371       *xx-xx-1111
"""
    assert values(run(DocType.paystub, text)).get("employer_name") != (
        "7994 Porter Parkway, New Josephmouth, UT"
    )


VOE_1005_BOXES = """\
Request for Verification of Employment
(1. 1. To. (Name and address of forever)
Acme Manufacturing Company, 7994 Porter Parkway, New Josephmouth, UT 84371
'12A. Current Grogs Base Pay (Enter Amount and Check Period)        Pay Frequency        PED eign
$26,500.00 [X] Annual   Hourly   Monthly   Weekly        Bi-Weekly
Part Il (continued) - Employer Certification
[20. Signature of Employer        T2t. Title        [22. Date
S. Carter        HR Manager        May 21, 2026
"""


def test_voe_1005_base_pay_under_a_misread_caption() -> None:
    got = values(run(DocType.voe, VOE_1005_BOXES))
    assert got["base_pay_rate"] == Decimal("26500.00")


def test_voe_employer_is_not_the_signer_or_a_section_title() -> None:
    got = values(run(DocType.voe, VOE_1005_BOXES))
    assert got.get("employer_name") not in ("S. Carter", "Certification")


URLA_SUMMARY = """\
Residential Loan Application - Summary
Name:        Dana Q. Example        SSN:        XXXXX5767
Employment & Income (Monthly)
Employer:        Acme Hospitality Group Inc        Start Date:        02-12-2022
Base Income:        $3288.13        Overtime Income:        $279.81
Bonus Income:        $6.00        Commission Income:       $0.00
Other Income:        $0.00        TOTAL Income:      "$3567.94
"""


def test_urla_income_line_its_total_contradicts_is_left_unread() -> None:
    # The lines add up to the total exactly without the bonus: `$0.00` misread.
    got = values(run(DocType.urla_1003, URLA_SUMMARY))
    assert "income_bonus_monthly" not in got
    assert got["income_overtime_monthly"] == Decimal("279.81")
    assert got["income_total_monthly"] == Decimal("3567.94")
    # on a text layer the figures stand as printed
    assert values(run(DocType.urla_1003, URLA_SUMMARY, "text"))["income_bonus_monthly"] == Decimal(
        "6.00"
    )


def test_urla_income_line_with_a_figure_too_many_is_the_one_the_total_confirms() -> None:
    box = (
        "Gross Monthly Income\n"
        "Base        $ 34,375.00        Overtime        $ 0.00        Bonus        $ 29755.93\n"
        'Commission      $"0.00        Other        $ 0.00        TOTAL        37,130.93\n'
    )
    got = values(run(DocType.urla_1003, box))
    # `$2,755.93` with its comma read as a 9: the total is the lines without it
    assert got["income_bonus_monthly"] == Decimal("2755.93")
    assert got["income_base_monthly"] == Decimal("34375.00")
    # a line off by more than one figure is not mended
    off = box.replace("29755.93", "29955.93")
    assert values(run(DocType.urla_1003, off))["income_bonus_monthly"] == Decimal("29955.93")


def test_urla_income_line_a_figure_short_of_the_total_is_what_the_total_leaves() -> None:
    box = (
        "Gross Monthly Income\n"
        "Base        6660.21        Overtime        0.00        Bonus        0.00\n"
        "Commission       0.00        Other        0.00        TOTAL        16660.21\n"
    )
    got = values(run(DocType.urla_1003, box))
    # `6660.21` for 16,660.21: the base lost its first figure
    assert got["income_base_monthly"] == Decimal("16660.21")
    assert got["income_total_monthly"] == Decimal("16660.21")
    # a shortfall no one lost figure explains mends nothing
    off = box.replace("16660.21", "17660.21")
    assert values(run(DocType.urla_1003, off))["income_base_monthly"] == Decimal("6660.21")


def test_urla_income_total_a_figure_short_is_the_sum_its_total_column_shows() -> None:
    box = (
        "V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION\n"
        "Gfoss Monthly Income        Borrower        Co-Borrower        Total\n"
        "Bage Empl. Income*        22057.13        22057.13\n"
        "Overtime        0.00        0.00.\n"
        "Bonuses        0.00        0.00\n"
        "Commissions        0.00        MES.        0.006\n"
        "Other        0.00        0,00\n"
        "Total        2057.13        22057.13\n"
    )
    got = values(run(DocType.urla_1003, box))
    # the base caption read with a letter garbled is still the base line, and
    # the total that lost its first figure is the lines' sum its row shows
    assert got["income_base_monthly"] == Decimal("22057.13")
    assert got["income_total_monthly"] == Decimal("22057.13")
    # ... and so is one with a figure misread (`43458.33` for 13,458.33)
    swapped = box.replace("22057.13", "13458.33").replace("2057.13        1", "43458.33        1")
    got = values(run(DocType.urla_1003, swapped))
    assert got["income_total_monthly"] == Decimal("13458.33")
    # a total column that does not show the sum mends nothing
    other = box.replace("2057.13        22057.13", "2057.13        2057.13")
    got = values(run(DocType.urla_1003, other))
    assert got["income_total_monthly"] == Decimal("2057.13")


def test_urla_income_line_led_by_a_zero_is_a_misread() -> None:
    box = (
        "V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION\n"
        "Gross Monthly Income        Borrower        Co-Borrower        Total\n"
        "Base Empl. Income*        $4,641.87        $4,641.87\n"
        "Overtime        $453.37        $453.37\n"
        'Bonuses        $01008        "$0.00\n'
        'Commissions        $0.00        "$0.00\n'
    )
    # `$01008` for $0.00: no amount is printed with a leading zero; the
    # total column's reading is the line
    assert values(run(DocType.urla_1003, box))["income_bonus_monthly"] == Decimal("0.00")
    # with no total column beside it, the line is unread
    alone = box.replace('$01008        "$0.00', "$01008")
    assert "income_bonus_monthly" not in values(run(DocType.urla_1003, alone))


def test_urla_income_lines_two_zeros_misread_are_left_unread_together() -> None:
    box = (
        "Gross Monthly Income\n"
        "Base        $ 20 333.33        Overtime        $ 9.00        Bonus        1,045.21\n"
        "*Commission      \u00ae5:0.00        Other        $ 0.00        TOTAL        $ 21,378.54\n"
    )
    got = values(run(DocType.urla_1003, box))
    # `5:0.00` is no 5 (figures glued by a mark are fragments): the 9.00 alone
    # makes up the excess over the total, and is left unread
    assert "income_overtime_monthly" not in got
    assert got.get("income_commission_monthly", Decimal(0)) == 0
    assert got["income_bonus_monthly"] == Decimal("1045.21")


def test_urla_name_caption_hint_is_not_the_name_and_a_split_word_is_joined() -> None:
    text = """\
Uniform Residential Loan Application - Additional Borrower
Name (First, Middle, Last, Sutfix)        Social Security Number
Chri stopher J. Example        XXX-XX-8723
Other borrower(s) applying:        Dana Q. Example
Their SSN:        XXX-XX-6622
"""
    got = values(run(DocType.urla_1003, text))
    assert got["borrower_name"] == "Christopher J. Example"
    assert got["ssn_last4"] == "8723"
    assert got["co_borrower_ssn_last4"] == "6622"


def test_urla_other_applicants_ssn_is_not_the_borrowers() -> None:
    text = """\
Uniform Residential Loan Application
Name (First, Middle, Last, Suffix)        \u201c|social Security Number
Dana Q. Example        XXXKKE 622
Other borrower(s) applying:        Billy Example
Their SSN:        XXX-XX-8723
"""
    got = values(run(DocType.urla_1003, text))
    assert got.get("ssn_last4") != "8723"
    assert got["co_borrower_ssn_last4"] == "8723"


def test_thousands_comma_read_as_an_apostrophe() -> None:
    text = VOE_1005_BOXES.replace("$26,500.00", "$24'000.00")
    assert values(run(DocType.voe, text))["base_pay_rate"] == Decimal("24000.00")


def test_urla_employer_beside_a_caption_misread_past_knowing() -> None:
    text = """\
Uniform Residential Loan Application
IV. EMPLOYMENT INFORMATION
Name & Address of Employer        I Yes. on this job
Nelson & Riggs Pharmacy Services Corp.        13        I
Position/Title/Type of Business        Date of Hire        Business Phone
Network Administrator        11/29/2011        (774) 401-6566
"""
    got = values(run(DocType.urla_1003, text))
    assert got["employer_name"] == "Nelson & Riggs Pharmacy Services Corp."


def test_urla_ssn_beside_the_name_when_its_caption_is_lost() -> None:
    text = """\
LOAN APPLICATION SUMMARY
AGditional Applicant
Name:        Michelle Q. Example        XXX-XX-0522
Co-Applicant:        Kelly Example        Co-Appligant SSN:        xxx-xx-5933
"""
    got = values(run(DocType.urla_1003, text))
    assert got["ssn_last4"] == "0522"


def test_paystub_garbled_ytd_caption_is_still_a_column() -> None:
    text = """\
PAYSTUB
Date Paid        Pay Period        Frequency.
September 15, 2026        September 1, 2026 - September 15, 2026    Twice Monthly
Description        Current        yYT5_
Base Salary        cial        weet        $ 3,187.50        eel es!       $ 54,187.50
Bonus Pay        Eien        $ 165.30        $ 4,066.61
"""
    doc = run(DocType.paystub, text)
    # (the last column, after the period's, is the year to date's)
    assert {
        "kind": "regular",
        "current_amount": Decimal("3187.50"),
        "ytd_amount": Decimal("54187.50"),
    } in earnings(doc)
    # the earnings row is not an annual salary, specks between its amounts or not
    assert "annual_salary" not in values(doc)


def test_urla_ssn_box_beside_the_co_borrowers_is_the_borrowers() -> None:
    text = """\
III. BORROWER INFORMATION
Borrower's Name (include Jr. or Sr. if applicable)        Co-Borrower's Name
Dana Q. Example        Kelly Example
Social Security Number        Co-Borrower SSN
XXX-XX-1111        XXX-XX-2222
"""
    assert values(run(DocType.urla_1003, text))["ssn_last4"] == "1111"


VOE_1005_SPECKS = """\
Request for Verification of Employment
Part II - Verification of Present Employment
12A. Current Gross BasgPay (Enter Amount and Check Period)        Pay Frequency
34.57.    Annual [X] Hourly Monthly Weekly        Every Two Weeks
_12B. Gross Egrnings - Type        Year To Date (Thru 08/22/2025)        Past Year 2024
Base Pay        47015.20        70540.08
e Overtime        5600.34        7299.15
«Bonus        0.00        0.00
"""


def test_voe_1005_caption_and_row_labels_with_ocr_specks() -> None:
    got = values(run(DocType.voe, VOE_1005_SPECKS))
    # the box named by its own wording; a speck after the rate read as a full stop
    assert got["base_pay_rate"] == Decimal("34.57")
    # a speck before a row's label read as a letter
    assert (got["ytd_overtime_income"], got["prior_year_overtime_income"]) == (
        Decimal("5600.34"),
        Decimal("7299.15"),
    )


def test_paystub_year_to_date_caption_is_kept_as_where_the_column_is() -> None:
    stub = (
        "EARNINGS STATEMENT\n"
        "Pay Date: 05/15/2026\n"
        "Earnings   Rate   Hours   This Period   Year to Date\n"
        "Regular   28.85   80.00   2,308.00   ~~\n"
    )
    assert values(run(DocType.paystub, stub)).get("ytd_caption") == "Year to Date"
    without = stub.replace("   Year to Date", "").replace("   ~~", "")
    assert "ytd_caption" not in values(run(DocType.paystub, without))


def test_1040_ssn_after_a_speck_is_the_taxpayers_not_the_spouses() -> None:
    text = (
        "Form 1040 U.S. Individual Income Tax Return 2024\n"
        "Your first name and middie initial / Last name        Your social security number\n"
        "Joel J. Soto        _XXX-XX-7673\n"
        "In joint return, spouse's name        Spouse's SSN\n"
        "David Owens        XXX-XX-4254\n"
        "Total amount from Form(s) W-2, box 1        $ 93,502.23\n"
    )
    assert values(run(DocType.tax_return_1040, text))["ssn_last4"] == "7673"


def test_urla_declared_gifts_are_rows_of_source_state_and_value() -> None:
    text = (
        "Residential Loan Application - Summary\n"
        "ASSETS\n"
        "Deposit        North Joshuafort Credit Union        **#*8237        245,596.70\n"
        "4d.*Gifts or Grants You Have Been Given or Will Receive for this Loan\n"
        "Asset Type        Deposited/Not Deposited        Source        Cash or Market Value\n"
        "Cash Gift        Deposited        Sister        3,651.62\n"
        "Gift of Equity        Not Deposited        Parent        $ 20,000.00\n"
        "LIABILITIES\n"
        "Bluewater Motor Credit        12,166.00        586.00\n"
    )
    gifts = run(DocType.urla_1003, text).rows["gifts"]
    assert [{k: v.value for k, v in r.items()} for r in gifts] == [
        {"value": Decimal("3651.62"), "deposited": "yes", "source": "Sister"},
        {"value": Decimal("20000.00"), "deposited": "no", "source": "Parent"},
    ]


def test_1040_ssn_mask_after_an_underscore_with_a_hyphen_read_as_a_hash() -> None:
    text = (
        "Form 1040 U.S. Individual Income Tax Return 2025\n"
        'Your first name and middle"nitial /Last name        Your social security number\n'
        "Glen J. Banks        _XXX#XX-0021\n"
        "Home address\n"
    )
    assert values(run(DocType.tax_return_1040, text))["ssn_last4"] == "0021"


def test_1040_garbled_mask_in_a_shifted_row_and_never_the_spouses_ssn() -> None:
    text = (
        "Form 1040 U.S. Individual Income Tax Return 2025\n"
        "Your first name and middle initial / Last name        \u2018Your social security number\n"
        "CURTIS S FLOYD»        SHAE 5325        reall\n"
        "[Wjoim remm, spouse's name        Spouse's SSN\n"
        "Edwin Floyd        XXX-XX-854I\n"
        "Total amount from Form(s) W-2, box 1        132,984.05\n"
    )
    assert values(run(DocType.tax_return_1040, text))["ssn_last4"] == "5325"
    # the taxpayer's SSN unread: nothing, not the spouse's
    unread = text.replace("SHAE 5325", "SHAE")
    assert "ssn_last4" not in values(run(DocType.tax_return_1040, unread))
    # two SSN-like cells in the row: which is the taxpayer's is not known
    two = text.replace("reall", "XXX-XX-7777 ")
    assert values(run(DocType.tax_return_1040, two)).get("ssn_last4") != "5325"
    # `eence S075,` for ***-**-0737: a figure read as a mark after the four,
    # which may then be the break and three of the SSN's: not read
    shifted = text.replace("SHAE 5325", "eence S075,")
    assert "ssn_last4" not in values(run(DocType.tax_return_1040, shifted))


def test_urla_income_line_with_a_lone_digit_speck_before_the_amount() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION\n"
        "Gross Monthly Income        Borrower        Co-Borrower        Total\n"
        "Base Empl. Income*        2        $ 22,466.35        $ 22,466.35\n"
        "Overtime        $0.00        $ 0.00\n"
        "Bonuses        $ 1,847.82        $ 1,847.82\n"
        "Commissions        $0.00        $ 0.00\n"
        "Total        $ 24,314.17        $ 24,314.17\n"
    )
    assert values(run(DocType.urla_1003, text))["income_base_monthly"] == Decimal("22466.35")


def test_urla_income_total_after_a_speck() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "Gross Monthly Income\n"
        "BASE:        32791.67        OVERTIME:      0.00        BONUS:        1640.12\n"
        "COMMISSION:    0.00        OTHER:        0.00        TOTAL:        *34431.79\n"
    )
    assert values(run(DocType.urla_1003, text))["income_total_monthly"] == Decimal("34431.79")


URLA_ROWS = (
    "Uniform Residential Loan Application\n"
    "V. MONTHLY INCOME AND COMBINED HOUSING EXPENSE INFORMATION\n"
    "_Gross Monthly Income*        Borrower        Co-Borrower        Total\n"
    "Base Empl. Income\u201d        13291.67        13291 67\n"
    "Overtime        0.00,        0.00\n"
    "Bonuses        822.50        822.50\n"
    "Commissions        0.00        0.00\n"
    "Other        _0.00        0.00\n"
    "Total        {total}        14114.17\n"
)


def test_urla_income_total_that_lost_its_point_is_the_total_columns() -> None:
    got = values(run(DocType.urla_1003, URLA_ROWS.format(total="1411417")))
    assert got["income_total_monthly"] == Decimal("14114.17")
    assert got["income_other_monthly"] == Decimal("0.00")  # after a `_` speck
    # other figures beside it are no reading of it; a total without its cents
    # is a fragment, and the lines' sum that the total column prints is the total
    other = values(run(DocType.urla_1003, URLA_ROWS.format(total="1511417")))
    assert other["income_total_monthly"] == Decimal("14114.17")
    # a text layer is what it says
    text = values(run(DocType.urla_1003, URLA_ROWS.format(total="1411417"), method="text"))
    assert text["income_total_monthly"] == Decimal("1411417")


def test_urla_employer_under_its_label_when_a_garbled_caption_left_a_word_beside_it() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "IV. EMPLOYMENT INFORMATION\n"
        '[Name & Address of Employer        Perel        "er        ~Tyrs.onthisjob        7\n'
        "Cross Community Hospital L#.        13\n"
        "Position/Title/Type of Business        Date of Hire        Business Phone\n"
    )
    got = values(run(DocType.urla_1003, text))
    assert got["employer_name"] == "Cross Community Hospital L#."
    # an address under a one-word employer is not the employer
    text = text.replace("Cross Community Hospital L#.", "1600 Main Street, Springfield")
    assert values(run(DocType.urla_1003, text))["employer_name"] == "Perel"


W2_SCAN = """\
Form W-2 Wage and Tax Statement  2025
Copy B - To Be Filed With Employee's FEDERAL Tax Return
a Employee's social security number  1 Wages, tips, other compensation  2 Federal income tax
5125  116843.74  11807.38
b Employer identification number (EIN)  3 Social security wages  4 Social security tax withheld
30-8842976  116843.74  7244.31
Employer's name, address, and ZIP code     5 Medicare wages and tips  6 Medicare tax withheld
FLOYD COMMUNITY HOSPITAL, INC.  116843.74  1694.23
e Employee's first name and initial, Last n.. 16 State wages, tips, etc.  17 State income tax
Michael Pierce  116843.74  2864.94
Employee's address and ZIP code  15 State  |mployer's state ID number
4510 Dogwood Place, Port Wendymouth, MI 48095  MI  6270973
"""


def test_w2_scan_with_a_cut_short_name_caption_and_a_bare_ssn_cell() -> None:
    got = values(run(DocType.w2, W2_SCAN))
    assert got["employee_name"] == "Michael Pierce"
    assert got["ssn_last4"] == "5125"
    assert got["box1_wages"] == Decimal("116843.74")


def test_w2_box_number_behind_a_rule_read_as_digits_and_a_mask_read_as_letters() -> None:
    text = (
        "Form W-2 Wage and Tax Statement  2025\n"
        "la Employee's social security number        wagé, tips, other compensation"
        "        2 Federal income tax withheld\n"
        "eeeas=4417        $ 88,412.10        $ 9,120.55\n"
        "e Employee's first name and initial, Last     ||16 Sgate wages, @ips, etc."
        "        17 State income tax\n"
        "Dana Marie Okafor        $ 88,412.10        $ 2,210.30\n"
    )
    got = values(run(DocType.w2, text))
    assert got["employee_name"] == "Dana Marie Okafor"
    assert got["ssn_last4"] == "4417"


def test_w2_boxes_with_a_speck_read_as_a_figure_between_them() -> None:
    text = (
        "Form W-2 Wage and Tax Statement 2024\n"
        "aEmployee's social security number        1 Wages, tips, other compensation"
        "        2 Fedgral income tax withheld\n"
        '"XXX-XX-6267        $330535.24       7        $27650.92\n'
        "c Employer's name, address, and ZIP code        5 Meditare wages and tips"
        "        6 Medicare tax withheld\n"
        "Mcmillan & Bennett Pyecision Tools L.P.        $344320.03        $4992.64\n"
    )
    got = values(run(DocType.w2, text))
    assert got["box1_wages"] == Decimal("330535.24")
    assert got["box5_medicare_wages"] == Decimal("344320.03")
    # a figure at the row's head is a box's own (the SSN box's is no speck)
    headless = values(run(DocType.w2, text.replace('"XXX-XX-6267', "7")))
    assert headless.get("box1_wages") != Decimal("27650.92")


def test_voe_year_table_under_a_header_with_an_underscore_speck() -> None:
    text = (
        "Verification of Income & Employment\n"
        "Employee:        Maria M. Pena        SSN:        XXX-XX-1211\n"
        "Gross Income\n"
        "_Year        Base        Overtime        Bonus        Total\n"
        "2026 YTD thru 01-May-2026        88,961.58        0.00        2,445.24        91 406.82.\n"
        "2025        248,159.08        0.00        0.00        248,159.08\n"
    )
    got = values(run(DocType.voe, text))
    assert got["ytd_base_income"] == Decimal("88961.58")
    assert got["ytd_bonus_income"] == Decimal("2445.24")
    assert got["prior_year_base_income"] == Decimal("248159.08")
    assert got["prior_year_bonus_income"] == Decimal("0.00")


def test_urla_ssn_mask_with_b_for_hash_is_the_borrowers_not_the_co_borrowers() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "Borrower's Name (include Jr. of Sr. if applicable)        Co-Borrower's Name\n"
        "Kimberly Wong        Jacob Wong\n"
        '"Social Security Number        Co-Borrower SSN\n'
        "#BBH-HH-4225        ###-##-0044\n"
    )
    got = values(run(DocType.urla_1003, text))
    assert (got["ssn_last4"], got["co_borrower_ssn_last4"]) == ("4225", "0044")


def test_w2_ssn_behind_a_garbled_mask_and_never_the_address_below() -> None:
    text = (
        "2024 W-2 Wage and Tax Statement\n"
        "EMPLOYEE:        DANIELLE A RIOS\n"
        "SSN:        \u201c*.+*.3052\n"
        "ADDRESS:        7163 Aspen Place, East Michele, MN 56643\n"
        "Box 1 Wages, tips, other comp.        255713.75\n"
    )
    assert values(run(DocType.w2, text))["ssn_last4"] == "3052"
    unread = text.replace("\u201c*.+*.3052", "\u201c*.+*.")
    assert values(run(DocType.w2, unread)).get("ssn_last4") != "7163"


def test_1008_borrower_under_a_header_ending_in_a_speck_and_never_the_co_borrower() -> None:
    text = (
        "Uniform Underwriting and Transmittal Summary\n"
        "Borrower Name        SSN        7\n"
        "Jessica Kidd        XXXXX2577\n"
        "Co-Borrower Name        SSN\n"
        "Andrew J. Thorffton        #4442729\n"
    )
    assert values(run(DocType.transmittal_1008, text))["borrower_name"] == "Jessica Kidd"
    unread = text.replace("Jessica Kidd", "")
    assert values(run(DocType.transmittal_1008, unread)).get("borrower_name") is None


def test_voe_year_header_with_specks_before_its_first_column() -> None:
    text = (
        "Verification of Income & Employment\n"
        "Gross Income\n"
        "Year        2        itil        Base        Overtithe        Bonus        Total\n"
        "2025 YTD thru 07-04-2025        $60307.66        $0.00        $3059.90        $63367.56\n"
        "2024        S111741.50        $0.00        $4250.32        $115991.82\n"
    )
    got = values(run(DocType.voe, text))
    assert (got["ytd_base_income"], got["ytd_bonus_income"]) == (
        Decimal("60307.66"),
        Decimal("3059.90"),
    )
    assert got["prior_year_bonus_income"] == Decimal("4250.32")
    # an unknown word between columns still makes the header unplaceable
    between = text.replace("Base        Overtithe", "Base        Zqxv        Overtithe")
    assert "ytd_base_income" not in values(run(DocType.voe, between))


def test_a_lenders_number_is_not_read_as_an_ss_label() -> None:
    # `557398` under `Lender's No.`: its `55` is no `SS#` caption
    text = (
        "Request for Verification of Employment\n"
        "3. Signature of Lender        4 Title        6. Lender's No.\n"
        "Processor        557398\n"
        "7. Name and Address of Applicant        8. SSN\n"
        "Mary Rachael Fisher        HHH-##-8138\n"
    )
    assert values(run(DocType.voe, text))["ssn_last4"] == "8138"


def test_paystub_row_with_a_speck_after_its_last_amount() -> None:
    stub = (
        "EMPLOYEE: SCHMITT, JULIE L        SSN: XXXXX7141\n"
        "PAY FREQUENCY: BI-WEEKLY\n"
        "EARNINGS        RATE    HOURS       CURRENT        YTD\n"
        "BASE SALARY        \u00a715115.38     $317422.98       |g\n"
    )
    [row] = earnings(run(DocType.paystub, stub))
    assert (row["current_amount"], row["ytd_amount"]) == (Decimal("15115.38"), Decimal("317422.98"))


def test_continuation_sheet_co_borrower_label_with_a_speck_after_its_colon() -> None:
    # the sheet is the co-borrower's application: `Co-Borrower:,` still names
    # its applicant, and the `Borrower` is the other one
    text = """\
CONTINUATION SHEET/RESIDENTIAL LOAN APPLICATION
Use this continuation sheet if you need more space to complete the Residential Loan Application.
Co-Borrower:,        Dana Q. Example        Social Security Number:    XXXXX1111
Borrower:        Lee Sample        Borrower SSN:        XXX-XX-2222
"""
    for speck in (",", ";"):
        got = values(run(DocType.urla_1003, text.replace(":,", ":" + speck)))
        assert got["borrower_name"] == "Dana Q. Example"
        assert got["co_borrower_name"] == "Lee Sample"
        assert got["ssn_last4"] == "1111" and got["co_borrower_ssn_last4"] == "2222"


def test_voe_year_cell_without_the_rows_dollar_sign_is_doubtful() -> None:
    # `$0.00` read as 80.00 among cells that print their dollar sign: with
    # the total unreadable, nothing says whether it is 80.00 or 0.00
    ytd = "2026 YTD thru 04-30-2026    $31,833.36    $0.00    $1,387.91    $33,221.27"
    prior = "2025        $93,329.52        80.00        $3,575.65        $96,9O5.1?"
    text = _with_prior_row(ytd, prior)
    got = values(run(DocType.voe, text))
    assert "prior_year_overtime_income" not in got
    assert got["prior_year_base_income"] == Decimal("93329.52")
    # a readable total says which reading it is
    totalled = text.replace("$96,9O5.1?", "$96,905.17")
    assert values(run(DocType.voe, totalled))["prior_year_overtime_income"] == Decimal("0.00")
    # a row that prints no dollar signs reads its bare figures
    bare = text.replace("$", "")
    assert values(run(DocType.voe, bare))["prior_year_overtime_income"] == Decimal("80.00")


def test_paystub_ssn_mask_ending_in_five_digits_is_unread() -> None:
    # `XXX-XX-2371` with a speck read as a trailing 1: which four digits are
    # the SSN's is unknown, so none is taken (an IDN-002 would be a guess)
    stub = PAYSTUB.replace(
        "ACME FOODS        Dana Q. Example",
        "ACME FOODS        Dana Q. Example\nEmployer Address        SSN\n"
        "1733 Hunt Lane, East Ronald, GA 31952        HHH -HH-{ssn}",
    )
    assert values(run(DocType.paystub, stub.format(ssn="2371")))["ssn_last4"] == "2371"
    assert "ssn_last4" not in values(run(DocType.paystub, stub.format(ssn="23711")))


STUB_DATES = """\
PAY STUB
Employer        Employee
KING & HAYNES MEDICAL CENTER CORP.        Misty Joyce
Payment Date        Sly Paicde   ara!        Frequency    7
{row}
Description        Current        YTD
Salary        12,458.33        49,833.32
Gross Pay:        13,849.77        YTD Gross:        55,278.86
"""


def test_paystub_dates_row_under_garbled_captions() -> None:
    row = "Apr 30, 2025        Apr 01, 2025 - Apr 30, 2025        MONTHLY"
    got = values(run(DocType.paystub, STUB_DATES.format(row=row)))
    assert got["pay_date"] == date(2025, 4, 30)
    assert got["pay_period_start_date"] == date(2025, 4, 1)
    assert got["pay_period_end_date"] == date(2025, 4, 30)
    # a date before the period's end is no pay date of it: nothing is guessed
    early = "Apr 10, 2025        Apr 01, 2025 - Apr 30, 2025        MONTHLY"
    assert "pay_date" not in values(run(DocType.paystub, STUB_DATES.format(row=early)))


# A Form 1005 whose masked SSN OCR garbled past reading, with specks for lines
# at its foot: `Ss` is no `SS#` label and the form's number is no SSN.
SPECKED_1005 = """\
Request for Verification of Employment
Name and Address of Applicant        8. SSN        Tl
Carol Rice        _Ht-HH-9.439
Part II - Verifitation of Present Employment
"9. Applicant's Date of Employment        10. Present Position
08/22/2016        Teacher
Signature of Employer        21. Title        22. Date
_S. Carter        HR Generalist        10/01/2026
aS
Part III - Verification of Previous Employment
Ss
*FannieyMae Form 1005        Page
"""


def test_a_speck_is_no_ssn_label_and_a_form_number_no_ssn() -> None:
    got = values(run(DocType.voe, SPECKED_1005))
    assert "ssn_last4" not in got
    assert got["employment_start_date"] == date(2016, 8, 22)


def test_the_employers_date_under_a_signature_caption_ocr_garbled() -> None:
    # `21. Title  22. Date` read as marks: the date ending the row under the
    # caption is the certification's
    garbled = "20. Signature of Employer        Wie       airatien     pada      eee tps.\n"
    text = SPECKED_1005.replace("Signature of Employer        21. Title        22. Date\n", garbled)
    assert values(run(DocType.voe, text))["verification_date"] == date(2026, 10, 1)
    # a row with two dates does not say which is the certification's
    two = text.replace("_S. Carter        HR", "_S. Carter        09/12/2026        HR")
    assert "verification_date" not in values(run(DocType.voe, two))
    # ... and `of` read `ef` in the signature's caption, specks after the date's
    ef = "20. Signature ef Employer        21. Title        22. Date        teas       peat\n"
    text = SPECKED_1005.replace("Signature of Employer        21. Title        22. Date\n", ef)
    assert values(run(DocType.voe, text))["verification_date"] == date(2026, 10, 1)


def test_voe_year_row_a_cents_figure_off_beside_an_unreadable_zero() -> None:
    # the overtime cell garbled (`"sQ,00`), the others a cents figure from
    # adding up: nothing is left for the overtime, the others stand
    ytd = "2025 YTD thru Oct 31, 2025    $106615.30    60.00    $4233.48    $110848.78"
    prior = '2024        $124400.90        "sQ,00        $3990.85        _$128391.71'
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    assert got["prior_year_base_income"] == Decimal("124400.90")
    assert got["prior_year_bonus_income"] == Decimal("3990.85")
    assert got["prior_year_overtime_income"] == Decimal(0)
    # dollars apart is no cents misread: the row stays unread
    off = prior.replace("_$128391.71", "_$128381.75")
    assert "prior_year_bonus_income" not in values(run(DocType.voe, _with_prior_row(ytd, off)))


def test_voe_year_row_whose_year_ocr_made_words_before_a_rules_specks() -> None:
    ytd = "2025 YTD thru 2025-08-08    $161,538.40    $0.00    $ 13,587.89    $175,126.29"
    prior = "pees ine        _-$9255,289.32        $0.00        $ 17,054.28        $ 272,343.60"
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    # the base a figure too many (`9255,289.32`): the total less the others
    assert got["prior_year_base_income"] == Decimal("255289.32")
    assert got["prior_year_bonus_income"] == Decimal("17054.28")


def test_voe_year_row_whose_part_gained_a_digit_is_settled_by_its_total() -> None:
    # `$65,186.68` with its dollar sign read as a 6, after a speck cell: the
    # total less the other parts is the base
    ytd = "2026 YTD thru 05-15-2026    $25,769.20    $0.00    $2,801.09    $28,570.29"
    prior = "2025        Ne...    665,186.68        $0.00        $5,667.54      $70,854.22"
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    assert got["prior_year_base_income"] == Decimal("65186.68")
    assert got["prior_year_bonus_income"] == Decimal("5667.54")
    # two cells whose first figure could be the sign: nothing says which
    two = "2025        665,186.68        $0.00        55,667.54      $70,854.22"
    assert "prior_year_base_income" not in values(run(DocType.voe, _with_prior_row(ytd, two)))


def _with_header(ytd: str, header: str) -> dict[str, Value]:
    """VOE_REPORT's year-to-date row and column header as given, read."""
    text = VOE_REPORT.format(ytd=ytd).replace(
        "Year        Base        Overtime        ponus        Total", header
    )
    return values(run(DocType.voe, text))


def test_voe_year_table_headed_years() -> None:
    ytd = "2026 YTD thru 15-MAY-2026        56,625.03        0.00        3,313.29        59,938.32."
    got = _with_header(ytd, "Years        Base        Ovetine        Bonus        Total")
    assert got["ytd_base_income"] == Decimal("56625.03")
    assert got["ytd_bonus_income"] == Decimal("3313.29")
    assert got["prior_year_base_income"] == Decimal("93329.52")


def test_voe_year_table_with_a_column_name_split_in_two() -> None:
    ytd = "2026 YTD thru 09/30/2026        166500.00        0.00        14600.07        181100.07"
    got = _with_header(ytd, "Year        Base        Overt ime        Bonfis        *Total")
    assert got["ytd_bonus_income"] == Decimal("14600.07")
    assert got["prior_year_bonus_income"] == Decimal("3575.65")


def test_voe_year_to_date_row_short_a_cell_is_not_read_from_its_garbled_date() -> None:
    # the through date OCR did not read is no amount cell to recompute (the
    # base as 0); which variable column is blank is not known
    ytd = "2026 YTD thru 15~OCT-2026        $23354.23        $1016.68        $24370.91"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_base_income"] == Decimal("23354.23")
    assert "ytd_overtime_income" not in got and "ytd_bonus_income" not in got


SIDE_BY_SIDE = """\
EMPLOYEE BAY STUB
Brployer        Employee
Ewing Bharmacy Services Corporation        Brandon    Santos
Check Date        pe Period        Frequency
September 30, 2026        September 16, 2026 - September 30, 2026 Twice Monthly
Description        Current        YTD
Gross Pay        1296.06        YTD Gross        23084.89
"""


def test_employer_and_employee_side_by_side_under_a_misread_caption() -> None:
    got = values(run(DocType.paystub, SIDE_BY_SIDE))
    assert got["employee_name"] == "Brandon Santos"
    assert got["employer_name"] == "Ewing Bharmacy Services Corporation"


def test_voe_year_cell_without_the_thousands_comma_its_row_prints_is_doubtful() -> None:
    # `53897.45` for 5,947.45 (the comma read as a figure): the total settles it
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    prior = "2025        176,033.26        0.00        53897.45        181,980.71"
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    assert got["prior_year_bonus_income"] == Decimal("5947.45")
    assert got["prior_year_base_income"] == Decimal("176033.26")


def test_voe_year_rows_with_a_variable_column_left_blank() -> None:
    # no overtime earned, its cells blank: the base stands, the other part
    # is one of the two kinds, which one the row does not say
    text = VOE_REPORT.format(
        ytd="2026 YTD thru 15~OCT-2026        $23354.23        $1016.68        $24370.91"
    ).replace(
        "2025        93,329.52        0.00        3,575.65        96,905.17",
        "2025        $29333.52        $1150.83        $30484.35",
    )
    got = values(run(DocType.voe, text))
    assert got["ytd_base_income"] == Decimal("23354.23")
    assert got["ytd_unplaced_variable_income"] == Decimal("1016.68")
    assert got["prior_year_base_income"] == Decimal("29333.52")
    assert got["prior_year_unplaced_variable_income"] == Decimal("1150.83")
    assert "ytd_bonus_income" not in got and "ytd_overtime_income" not in got
    # cells that do not add up are not placed at all
    off = text.replace("$30484.35", "$30484.95")
    got = values(run(DocType.voe, off))
    assert "prior_year_base_income" not in got
    assert "prior_year_unplaced_variable_income" not in got


def test_voe_year_row_with_both_variable_cells_lost() -> None:
    ytd = "2025 YTD thru Oct 31, 2025        60,500.00        0.00        2,361.63        62,861.63"
    prior = "2024        68,860.74        71,145.01"
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    # base and total: the variable part between them, of a kind the row does not say
    assert got["prior_year_base_income"] == Decimal("68860.74")
    assert got["prior_year_unplaced_variable_income"] == Decimal("2284.27")
    # two cells of which the second is no total of the first are not placed
    far = _with_prior_row(ytd, "2024        68,860.74        171,145.01")
    assert "prior_year_unplaced_variable_income" not in values(run(DocType.voe, far))


def test_voe_year_table_reads_the_year_before_the_past_year() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    # `4024` for 2024: one figure misread into a year far from it keeps its row
    assert got["two_years_prior_base_income"] == Decimal("90278.64")
    assert got["two_years_prior_bonus_income"] == Decimal("3150.96")
    assert got["two_years_prior_overtime_income"] == Decimal("0")
    # a row two years back read as the past year's neighbour is another row
    near = VOE_REPORT.format(ytd=ytd).replace("4024        90,278.64", "2023        90,278.64")
    assert "two_years_prior_base_income" not in values(run(DocType.voe, near))


def test_voe_year_table_with_a_caption_cut_to_a_letter_and_a_garbled_past_year() -> None:
    text = """\
Gross Income
Year        B        Overtime        Bonus        Total
2026 YTD thru 18-Sep-2026        $ 148,711.48        $ 0.00        $ 17,735.86        166,447.34
"302500        $ 195,819.00        $ 0.00        $ 17,620.50        $ 213,439.50
2005        $ 190,402.16        $0.00        $ 16,720.97       $ 207,123.13
"""
    got = values(run(DocType.voe, text))
    assert got["ytd_base_income"] == Decimal("148711.48")
    assert got["ytd_bonus_income"] == Decimal("17735.86")
    assert got["prior_year_base_income"] == Decimal("195819.00")
    assert got["prior_year_bonus_income"] == Decimal("17620.50")
    # `2005`: 2024 is expected, and 2005 is two figures from it: not that row
    assert "two_years_prior_base_income" not in got
    # a lowercase letter is a speck, not a caption: the base's column is
    # the one the rows' cells, adding up to their totals, leave for it
    speck = text.replace("Year        B        Overtime", "Year        b        Overtime")
    assert values(run(DocType.voe, speck))["ytd_base_income"] == Decimal("148711.48")


def test_voe_1005_past_years_in_three_columns() -> None:
    got = values(run(DocType.voe, VOE_1005))
    assert got["two_years_prior_base_income"] == Decimal("262534.80")
    assert got["two_years_prior_bonus_income"] == Decimal("0.00")
    text = VOE_1005.replace("$4783.79", "$4783 .79")  # a space before the point
    assert values(run(DocType.voe, text))["ytd_bonus_income"] == Decimal("4783.79")
    # the text layer's row: the third amount is two years back
    plain = values(run(DocType.voe, VOE_1005, method="text"))
    assert plain["two_years_prior_base_income"] == Decimal("262534.80")


VERBAL = """\
10-Day Pre-Closing Verification of Employment
BORROWER        Whitney Peck
EMPLOYER        Price & Burton Freight Lines, Inc.
START DATE        20-OCT-2018
CURRENTLY EMPLOYED        Yes
DATE OF VERIFICATION        {8-JUN-2026
I certify that I spoke with the person named above, who confirmed the borrower's employment.
{signed}
Verified by (Lender Representative)        Date
"""


def test_verbal_voe_date_with_a_mark_glued_to_its_day_needs_the_signature_date() -> None:
    got = values(run(DocType.voe, VERBAL.replace("{signed}", "18-SUN-2026_")))
    assert got["verification_date"] == date(2026, 6, 18)
    # the signature agreeing with the day as read settles it too
    got = values(run(DocType.voe, VERBAL.replace("{signed}", "08-JUN-2026")))
    assert got["verification_date"] == date(2026, 6, 8)
    # nothing else on the page: 8, 18 or 28 is not known
    assert "verification_date" not in values(run(DocType.voe, VERBAL.replace("{signed}", "")))
    clean = VERBAL.replace("{8-JUN-2026", "18-JUN-2026").replace("{signed}", "")
    assert values(run(DocType.voe, clean))["verification_date"] == date(2026, 6, 18)


NO_YTD_STUB = """\
JOHNSON COMMUNITY HOSPITAL INC
EMPLOYEE: NICHOLAS M. REYNOLDS        SSN: xxx~xx-1564
PERIOD: 23-Jun-2025 TO 06-Jul-2025   PAY DATE: 11-Jul-2025
PAY FREQUENCY: BIWEEKLY
EARNINGS        RATE    HOURS       CURRENT
SALARY        $6304.62
GROSS EARNINGS        $6384.62
NET PAY        $4366.90
"""


def test_a_stub_without_a_ytd_column_gives_no_year_to_date_gross() -> None:
    got = values(run(DocType.paystub, NO_YTD_STUB))
    assert got["gross_current"] == Decimal("6384.62")
    assert "gross_ytd" not in got
    # a year-to-date caption on the line is still read
    ytd = NO_YTD_STUB.replace("GROSS EARNINGS        $6384.62", "YTD GROSS EARNINGS   $86384.62")
    assert values(run(DocType.paystub, ytd))["gross_ytd"] == Decimal("86384.62")


def test_voe_year_table_caption_garbled_past_matching_is_the_one_column_of_its_letter() -> None:
    text = """\
Gross Income
Year        \u201cae        Base        Overtime        Bows:        Potal;
2026 YTD thru 07-17-2026        $117,980.70        $0.00        $3,629.18        $121,609.88
2025        $197,640.30        $0.00        $0.00        $197,640.30
"""
    got = values(run(DocType.voe, text))
    assert got["ytd_bonus_income"] == Decimal("3629.18")
    assert got["prior_year_bonus_income"] == Decimal("0.00")
    assert got["ytd_base_income"] == Decimal("117980.70")
    # a word whose letter begins no column is the one kind the header
    # leaves unnamed, in its usual place
    other = text.replace("Bows:", "Dows:")
    assert values(run(DocType.voe, other))["ytd_bonus_income"] == Decimal("3629.18")
    # ... but not where two kinds are unnamed
    two = text.replace("Bows:", "Dows:").replace("Overtime", "Qvxxzzk")
    assert "ytd_bonus_income" not in values(run(DocType.voe, two))


def test_voe_1005_overtime_row_two_letters_misread_and_a_degree_sign_for_a_comma() -> None:
    text = VOE_1005.replace(
        "Overtime        PEAR       190001        90,00        $0.00",
        "Overtnte        $2,655.02        $4,302.73        $3,808.52",
    )
    text = text.replace("BaSe Pay        $211500.00", "BaSe Pay        $211\u00b0500.00")
    got = values(run(DocType.voe, text))
    assert got["ytd_overtime_income"] == Decimal("2655.02")
    assert got["two_years_prior_overtime_income"] == Decimal("3808.52")
    assert got["ytd_base_income"] == Decimal("211500.00")


URLA_COLUMNS = """\
Uniform Residential Loan Application
Gross Monthly Income        Borrower        Co-Borrower        Total
Base Empl. Income*        14,291.67        14,291.67
Overtime        0.00        0.00
Commissions        eS        {commission}        0.00
"""


def test_urla_income_cell_with_a_speck_read_as_a_one_is_the_total_columns() -> None:
    got = values(run(DocType.urla_1003, URLA_COLUMNS.format(commission="10.00)")))
    assert got["income_commission_monthly"] == Decimal("0.00")
    assert got["income_base_monthly"] == Decimal("14291.67")
    # another amount than the total's with a 1 before it stays as read
    got = values(run(DocType.urla_1003, URLA_COLUMNS.format(commission="12.00")))
    assert got["income_commission_monthly"] == Decimal("12.00")


def test_a_1008_ratio_whose_point_was_read_as_a_space() -> None:
    # `39 068%` is 39.068% (no ratio is printed `068%`); `22.115%` as read
    text = (
        "Form 1008 - Transmfttal Summary\n"
        "Borrower        Charfes Floyd        Loan Number        2550342709\n"
        "Loan Amount        $400400.00        Appraised Value        $766000.00\n"
        "Housing Ratio        22.115%        Debt Ratio (DTI)        39 068%\n"
        "LTV        55.000%        55.000%\n"
    )
    got = values(run(DocType.transmittal_1008, text))
    assert got["dti_back"] == Decimal("39.068")
    assert got["dti_front"] == Decimal("22.115")


URLA_DIGIT_LOST = """\
Uniform Residential Loan Application
III. BORROWER INFORMATION        J
Borfower's Name (include Jr. or SrMif applicable)        Co-Borrower's Name
Taylor Mcint\u00a5re        Cody D. Mcintyre
Social Security Number        Co-BorrowerSSN
XXX-XX-5799        HHH4H-O788
IV. EMPLOYMENT INFORMATION
Name & Address of Employem        rs. on this job
Mclaughlin & Maldonado Architects LLC        1]
V. MONTHLY INCOME,AND COMBINED HOUSING EXPENSE INFORMATION
Gross Monthly Income        Borrower        Co-Borrower        Total
Base Emp). Income*        $I 1682.67        $11682.67%
Overtime        $1021.98        $1021.98
Bonuses        $0.00        $0.00
Commissions        $0.00        $0.00
Other        $0.00        $0.00
Total        $12704.65        $12704.65
"""


def test_an_income_line_whose_first_figure_was_lost_is_the_total_columns() -> None:
    # `$I 1682.67` lost its 1; the total column beside it is whole and the
    # box's total adds up only with it. `Mcint¥re` is the borrower, never
    # the employer's caption below (`& Addressof Employem`)
    got = values(run(DocType.urla_1003, URLA_DIGIT_LOST))
    assert got["income_base_monthly"] == Decimal("11682.67")
    assert got["borrower_name"] == "Taylor Mcintyre"
    # without the box's total to confirm it the reading stands
    alone = URLA_DIGIT_LOST.replace("Total        $12704.65        $12704.65\n", "")
    assert values(run(DocType.urla_1003, alone))["income_base_monthly"] == Decimal("1682.67")


WORK_NUMBER = """\
EMPLOYMENT DATA REPORT*
Information current as of    Sept\u00e9mber 3, 2025        Tracking Number        628970320
Employer        adel
Employer        Lopez Distribution L.P.
Employee        Jodi Laura Edwards        SSN        XXXXX1820
Most Recent Start Date      June 13, 2012        Rate of Pay        195500.00 annually
Gros& Income
Yearo.        Base.        Overtime        Bonus        Total
2025 YTD thru August 22, 2025        427826.91        \u2014-9092.63\u2014*      136919.54
2024        193309.74        10264.23        203573.97
2023        191274.72        9702.55        200977.27
"""


def test_a_year_table_a_column_blank_with_a_figure_misread_in_its_base() -> None:
    # `Yearo.  Base.` is the table's header; the YTD row's base has a
    # figure misread (4 for 1), its other part is marked but reads, and the
    # total is clean: the base is the total less the part
    got = values(run(DocType.voe, WORK_NUMBER))
    assert got["ytd_base_income"] == Decimal("127826.91")
    assert got["ytd_unplaced_variable_income"] == Decimal("9092.63")
    assert got["prior_year_base_income"] == Decimal("193309.74")
    # a lowercase speck word beside the section's caption is no employer
    assert got["employer_name"] == "Lopez Distribution L.P."
    # two figures misread: nothing says which, the row stays unread
    twice = WORK_NUMBER.replace("427826.91", "427826.81")
    assert "ytd_base_income" not in values(run(DocType.voe, twice))


def test_a_year_table_whose_base_caption_was_lost() -> None:
    # `Year  Overtime  Bonus  Total` over rows of four amounts that add up:
    # the base's caption was lost, not its column; `160307 .68` is one amount
    text = (
        "Income and Employment Verification\n"
        "Employee        John Smith        SSN        XXX-XX-1604\n"
        "Gross Inceme\n"
        "Year        Overtime        Bonus        Total\n"
        "2025 YTD thru Aug 01, 2025 ee        160307 .68        0.00        1634.63"
        "        161942.31\n"
        "2024        255936 .98        9.00        110040.54        365977.52\n"
        "2023        21        251921.        103920.39        355841 .93\n"
    )
    got = values(run(DocType.voe, text))
    assert (got["ytd_base_income"], got["ytd_bonus_income"]) == (
        Decimal("160307.68"),
        Decimal("1634.63"),
    )
    assert got["prior_year_bonus_income"] == Decimal("110040.54")
    assert got["prior_year_overtime_income"] == Decimal("0.00")  # `9.00`, by the total
    # the garbled row is left unread, never placed under the wrong captions
    assert "two_years_prior_overtime_income" not in got
    assert "two_years_prior_bonus_income" not in got


def test_a_year_table_whose_total_caption_was_lost() -> None:
    # `Year  Base  Overtime  Bonus` over rows of four amounts whose parts make
    # the last: the total's caption was lost, and a year's salary is no bonus
    text = (
        "EMPLOYMENT DATA REPORT\n"
        "EMPLOYEE:        Adriana Hannah Robinson        SSN:        XXXXX2141\n"
        "RATE OF PAY:        $129,000.00 annually\n"
        "Year        Base        Overtime        Bonus\n"
        "4025 YTD thru 31-MAR-2025        Pere     5205000        $0.00        $0.00"
        "     \u2014\u2014\u2014_$32,250.00\n"
        "2024        $126,433.80        $0.00        $0.00       $126,433.80\n"
        "2023        \u00ab$125,566.44        $0.00        $0.00        $125,566.44\n"
    )
    got = values(run(DocType.voe, text))
    assert got["prior_year_base_income"] == Decimal("126433.80")
    assert got["two_years_prior_base_income"] == Decimal("125566.44")
    assert got["prior_year_bonus_income"] == Decimal("0")
    assert got.get("ytd_bonus_income", Decimal(0)) == 0
    # rows of three amounts under the three captions are read as they stand
    three = text.replace("        $126,433.80\n", "\n").replace("        $125,566.44\n", "\n")
    three = three.replace("     \u2014\u2014\u2014_$32,250.00", "")
    got = values(run(DocType.voe, three))
    assert (got["prior_year_base_income"], got["prior_year_bonus_income"]) == (
        Decimal("126433.80"),
        Decimal("0"),
    )


def test_a_1005_cell_garbled_past_reading_keeps_its_column() -> None:
    # `$4,274%82`: the year to date's bonus garbled; the past years' figures
    # stay under the past years, not shifted into the year to date
    text = (
        "Request for Verification of Employment\n"
        "7. Name and Address of Applicant\n"
        "Chelsea Brittany Ellis\n"
        "12A. Current Gross Base Pay (Enter Amount and Check Period)        Pay Frequency\n"
        "$ 168,500.00 [X] Annual   Hourly   Monthly   Weekly        Biweekly\n"
        "_12B. Gross Earnings - Type        Year To Date (Thru 03-20-2026)        "
        "Past Year 2025        Past Year 2024\n"
        "Base Pay        $38,884.62        $ 164,517.08        $160,335.24\n"
        "Overtime        $0.00        $ 0.00        $ 0.00\n"
        "Bonus        \u201cee        $4,274%82        $ 15,492.12        $16,473.09\n"
    )
    got = values(run(DocType.voe, text))
    assert "ytd_bonus_income" not in got
    assert got["prior_year_bonus_income"] == Decimal("15492.12")
    assert got["two_years_prior_bonus_income"] == Decimal("16473.09")
    # read whole, the cell is the year to date's
    fixed = values(run(DocType.voe, text.replace("$4,274%82", "$4,274.82")))
    assert fixed["ytd_bonus_income"] == Decimal("4274.82")


def test_a_1005_cell_whose_thousands_comma_ocr_read_as_a_figure_is_unread() -> None:
    # `61049. 26` beside cells printing their commas: 61,049.26 or 6,049.26;
    # `0,548.54`: no amount has a zero before its comma
    text = (
        "Request for Verification of Employment\n"
        "12B. Gross Earnings - Type        Year To Date (Thru Nov 07, 2025)        "
        "Past Year 2024        Past Year 2023\n"
        "Base Pay        70,326.87        79,185.08        76,973.52\n"
        "Bonus        61049. 26        0,548.54        5,326.13\n"
    )
    got = values(run(DocType.voe, text))
    assert "ytd_bonus_income" not in got and "prior_year_bonus_income" not in got
    assert got["two_years_prior_bonus_income"] == Decimal("5326.13")
    assert got["ytd_base_income"] == Decimal("70326.87")
    # a row that prints no commas reads its five figures as they stand
    plain = text.replace(",", "").replace("0548.54", "5548.54")
    assert values(run(DocType.voe, plain))["ytd_bonus_income"] == Decimal("61049.26")


def test_a_1005_cell_whose_dollar_sign_may_be_its_first_figure_is_unread() -> None:
    # the row prints `$`; `52,000.40` may be $2,000.40 with its sign read as
    # a 5 (or $52,000.40 with it lost): nothing says which, so it is unread
    text = (
        "Request for Verification of Employment\n"
        "12B. Gross Earnings - Type        Year To Date (Thru Jun 20, 2025)        "
        "Past Year 2024        Past Year 2023\n"
        "Base Pay        RESIS 5007        $30,347.20        $29,166.80\n"
        "Bonus        $1,359.62        $2,147.41        52,000.40\n"
    )
    got = values(run(DocType.voe, text))
    assert (got["ytd_bonus_income"], got["prior_year_bonus_income"]) == (
        Decimal("1359.62"),
        Decimal("2147.41"),
    )
    assert "two_years_prior_bonus_income" not in got
    # printed with its sign, it is read
    signed = text.replace("  52,000.40", "  $2,000.40")
    assert values(run(DocType.voe, signed))["two_years_prior_bonus_income"] == Decimal("2000.40")


def test_a_year_table_whose_year_caption_ocr_made_words() -> None:
    rows = (
        "2025 YTD thru 04-15e2025        $19833.31        $0.00        $0.00        $19833.31\n"
        '2024        $67147.44        Te.     $0.00"        $0.00        $67147.44\n'
    )
    head = "EMPLOYMENT DATA REPORT\nGross Income\n"
    garbled = "easel     eee bee     mason        Base        \u201cOvertime        Bonus"
    garbled += "        Total\n"
    got = values(run(DocType.voe, head + garbled + rows))
    assert got["ytd_base_income"] == Decimal("19833.31")
    # a speck cell in the row: the base is the total less the others
    assert got["prior_year_base_income"] == Decimal("67147.44")
    # the year's caption lost altogether: the first caption is a column
    lost = "Base        Overtime        Bonus        Total\n"
    assert values(run(DocType.voe, head + lost + rows))["ytd_base_income"] == Decimal("19833.31")
    # a speck read as a figure between the year's caption and the first column
    speck = "Yeat        3        Base        Overtime        Bonus        Total\n"
    assert values(run(DocType.voe, head + speck + rows))["ytd_base_income"] == Decimal("19833.31")


def test_a_year_table_whose_caption_ocr_ran_into_a_mark_and_whose_cells_hold_specks() -> None:
    text = (
        "Gross Income\n"
        "NGO rats   ire.        a,        Base_        Overtime        Bonus        Total\n"
        "2025 YTD thru 09-12-2025        ears     $301,442.22        $0\u00b000     "
        "$26,976.02       $328,418.24\n"
        "2024       21)        Pita       ten.        Te        $407,476.68        $0.00"
        "        $30,909.85.        $438,386.53\n"
        "12023 Femi        $400,742.68        $0.00        $31,361.10        $432,103.78\n"
    )
    got = values(run(DocType.voe, text))
    assert got["ytd_bonus_income"] == Decimal("26976.02")
    assert got["prior_year_base_income"] == Decimal("407476.68")
    assert got["prior_year_bonus_income"] == Decimal("30909.85")
    # `12023`: the year with a bar before it read as a 1
    assert got["two_years_prior_bonus_income"] == Decimal("31361.10")


def test_a_year_table_without_its_year_caption_whose_base_ran_into_marks() -> None:
    text = (
        "GROSS INCOME\n"
        "Base*\u00ab        Overtime        Bonus,        Total\n"
        "2026 YTD thru July 31,2026        $22,461.60        -PHE\u00a7     0.00        "
        "$2,492.96        24,954.56\n"
        "2025        36,378.16        $ 0.00        $ 3,039.35        $ 39,417.51\n"
    )
    got = values(run(DocType.voe, text))
    assert got["ytd_bonus_income"] == Decimal("2492.96")
    assert got["prior_year_bonus_income"] == Decimal("3039.35")


def test_a_year_row_whose_cells_lost_their_points_is_read_when_it_adds_up() -> None:
    text = (
        "GROSS INCOME\n"
        "Year        Base        Overtime        Bonus        Total\n"
        "2025 YTD thru 04-JULg2025        121692.34        _0.00       1012214      13181448\n"
        "2024        224454.88        0.00        15404.61        239859.49\n"
    )
    got = values(run(DocType.voe, text))
    # each with its last two figures as cents, the row adds up
    assert got["ytd_bonus_income"] == Decimal("10122.14")
    assert got["prior_year_bonus_income"] == Decimal("15404.61")
    # a row that does not add up so leaves the figures unread
    off = values(run(DocType.voe, text.replace("13181448", "13181548")))
    assert "ytd_bonus_income" not in off


def test_a_pointless_row_with_a_zero_cell_a_figure_off_is_read_when_it_adds_up() -> None:
    text = (
        "Gross Income\n"
        'Year        Base        Overtime       "Bonus        \u2018Total\n'
        '2025 YTD thry18-Apr-202        58307.68        0.90"        622563        6453331,\n'
        "2024        180674.66        0.00        15837.05      196511.71\n"
    )
    got = values(run(DocType.voe, text))
    # the points lost, and `0.90"` the zero the row's total then leaves
    assert got["ytd_bonus_income"] == Decimal("6225.63")
    assert got["ytd_overtime_income"] == Decimal("0")
    # a total the zero would not make leaves the row unread
    off = values(run(DocType.voe, text.replace("6453331,", "6453431,")))
    assert "ytd_bonus_income" not in off


def test_a_year_table_whose_column_captions_ocr_garbled_past_matching() -> None:
    text = (
        "GROSS INCOME        ees,\n"
        "Year        7        lBase)   5%.  \u2018Overdimnes)        Bonu        LOR\n"
        "2026 YTD thru 07-AUG-2026        104307.68        ~\u20140.00       4312.51"
        "       108620.19\n"
        "2025        168457.38        0.00        6263.02        174720.40\n"
        "2024        Pax      164537.88        0.00        5438.32      169976.20\n"
    )
    got = values(run(DocType.voe, text))
    # rows whose first three amounts make the fourth: base, overtime, bonus, total
    assert got["ytd_bonus_income"] == Decimal("4312.51")
    assert got["prior_year_base_income"] == Decimal("168457.38")
    assert got["two_years_prior_bonus_income"] == Decimal("5438.32")
    # a row that does not add up is not placed under columns only assumed
    off = text.replace("174720.40", "174720.90")
    assert "prior_year_bonus_income" not in values(run(DocType.voe, off))


def test_a_1008_ratio_caption_cut_short_with_a_letter_and_a_point_misread() -> None:
    text = (
        "Uniform Underwriting and Transmittal Summary\n"
        "QUALIFYING RATIOS\n"
        "PRIMARY HOUSING EXPE.. 24.331%        TOTAL OBLIGATIONS/ING. 37.176%\n"
        "LTV:        80.993%        CLTV/TLTV:        80.993%\n"
    )
    got = values(run(DocType.transmittal_1008, text))
    # `OBLIGATIONS/ING.` for `OBLIGATIONS/INC..`: the cut caption of the debt ratio
    assert (got["dti_front"], got["dti_back"]) == (Decimal("24.331"), Decimal("37.176"))
    # two slips in a caption this long still name it (`Obligatfons/iInc..`,
    # a letter misread and the slash read as one) ...
    two = text.replace("OBLIGATIONS/ING.", "Obligatfons/iInc..")
    assert values(run(DocType.transmittal_1008, two))["dti_back"] == Decimal("37.176")
    # ... three do not
    far = text.replace("OBLIGATIONS/ING.", "OBLIGATIQNS/IMG.")
    assert "dti_back" not in values(run(DocType.transmittal_1008, far))


def test_a_1008_debt_ratio_whose_dti_aside_ocr_garbled() -> None:
    text = (
        "\u201cLoan Underwriting & Transmittal\n"
        "BORROWER        Rebecca S. Ford        LOAN NUMBER        9831052170\n"
        "HOUSING RATIO        \u2014=32.242%        DEBT RATIO (DTD        33.765%\n"
        "LTV        94.994%        CLTV        94.994%\n"
    )
    got = values(run(DocType.transmittal_1008, text))
    assert (got["dti_front"], got["dti_back"]) == (Decimal("32.242"), Decimal("33.765"))


def test_a_work_number_table_with_specks_for_words_and_a_point_lost() -> None:
    text = """\
EMPLOYMENT DATA REPORT
Information current as of    16-JUL-2026        Tracking Number        865311298
Employee        Maureen Sandoval        SSN        XXX-XX-6157
Gross Income
Year        Base    ifice   Overtime fot     4   Bonus        Total
2026 YTD thru 15-JUL-2026   Loita   $98,041. 715ae   Hees  O00   1,440.38   i $ 99,482.09
2025        Pe.        $17983656        $000        $74,943.72        254,780.28
2024        $ 173,192.64        $ 0.00        $ 81,168.61        $ 254,361 25"
"""
    got = values(run(DocType.voe, text))
    # specks read as small words in the header and the rows are no columns
    # or cells; `O00` is zero; the total makes up the garbled base
    assert got["ytd_base_income"] == Decimal("98041.71")
    assert got["ytd_overtime_income"] == 0
    assert got["ytd_bonus_income"] == Decimal("1440.38")
    # `$17983656` is 179,836.56 without its point: the total (whose first
    # figure could be a sign) and it confirm each other
    assert got["prior_year_base_income"] == Decimal("179836.56")
    assert got["prior_year_bonus_income"] == Decimal("74943.72")
    assert got["two_years_prior_bonus_income"] == Decimal("81168.61")
    # a base without its point that the total does not make up stays unread
    other = text.replace("254,780.28", "254,780.29")
    assert "prior_year_base_income" not in values(run(DocType.voe, other))


def test_a_scanned_gift_letters_amount_beside_a_garbled_as() -> None:
    letter = (
        "05-12-2025\nTo Whom It May Concern:\nMy name is \u201cPatrick R. Phillips and I am the "
        "\u201cuncle of Joseph Wright. On 05-18-2025 I transferred 36,000.00,s a gift to help "
        "withethe\npurchase of the home at 11864 POPLAR CT., OWENSMOUTH, MD 21076.\n"
    )
    assert values(run(DocType.gift_letter, letter))["gift_amount"] == Decimal(36000)
    # a figure before other words is no gift amount
    other = letter.replace("36,000.00,s a gift", "36,000.00 to a friend")
    assert "gift_amount" not in values(run(DocType.gift_letter, other))


def test_a_year_rows_total_read_with_a_figure_too_many() -> None:
    text = """\
EMPLOYMENT DATA REPORT
Information current as of October 1, 2025
Year        Base        Overtime        Bonus        Total
2025 YTD thru September 19, 2025    $ 59,192.22    $ 0.00    $ 5,674.61    $ 64,866.83
2024        $ 79,231.62        $ 0.00        $ 6,814.42        $ 867 046.04
"""
    # `867 046.04` for 86,046.04: the clean parts add up to it but for one figure
    got = values(run(DocType.voe, text))
    assert got["prior_year_base_income"] == Decimal("79231.62")
    assert got["prior_year_bonus_income"] == Decimal("6814.42")
    # a total further off says one of the parts is wrong: none is taken
    other = values(run(DocType.voe, text.replace("867 046.04", "867 046.74")))
    assert "prior_year_base_income" not in other


def test_a_year_rows_total_read_with_a_figure_misread() -> None:
    text = """\
Income and Employment Verification
Year        Base        Overtime        Bonus        Total
2025 YTD thru 2025-03-28        $15204.00        $1343.93        $0.00        $16547.93
2024        $54172.82        $4941 .14        $0.00        $59113.06
"""
    # `59113.06` for 59,113.96, no part a figure from making it up: the parts stand
    got = values(run(DocType.voe, text))
    assert got["prior_year_base_income"] == Decimal("54172.82")
    assert got["prior_year_overtime_income"] == Decimal("4941.14")
    # two figures off says a part is wrong as well: none is taken
    other = values(run(DocType.voe, text.replace("$59113.06", "$59173.06")))
    assert "prior_year_base_income" not in other


def test_a_year_rows_zero_read_as_cents_is_the_misread_one() -> None:
    text = """\
Income and Employment Verification
Information current as of   08-19-2026
Year        Base        Overtime      Bonus        Total
2026 YTD thru 07-31-2026        65708.31        0.00        3482.83      69191.14
2025        114545.04        0.90        4885.94        119430.98
"""
    # `0.90` for 0.00, or 4,885.04 for 4,885.94: both one figure off what the
    # total leaves, but no year's income line is under a dollar
    got = values(run(DocType.voe, text))
    assert got["prior_year_overtime_income"] == 0
    assert got["prior_year_bonus_income"] == Decimal("4885.94")


def test_two_letters_read_as_one_the_second_explains_the_deposit() -> None:
    first = (
        "2025-08-07\nTo Whom It May Concern:\nRE: Credit Inquiries\n"
        "The recent credit inquiries were made while I was shopping for a mortgage.\n"
        "Sincerely,\nElizabeth Shepherd        Date\n"
    )
    second = (
        "August 7, 2025\nTo: Underwriting Department\nRE: Source of Funds\n"
        "I am writing to explain the deposit of 8,801.94 made on July 19, 2025 into my "
        "account.\nSincerely,\nElizabeth Shepherd        Date\n"
    )
    doc = LogicalDocument(uuid.uuid4(), DocType.letter_of_explanation, 1.0, DOC, [1, 2])
    extract(doc, [PageText(DOC, 1, first, "ocr"), PageText(DOC, 2, second, "ocr")])
    got = values(doc)
    assert got["explained_amount"] == Decimal("8801.94")
    assert got["explained_date"] == date(2025, 7, 19)
    # one letter ends at its sign-off: what follows on its page is no explanation
    doc = LogicalDocument(uuid.uuid4(), DocType.letter_of_explanation, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, first + "Account ending 1234: $5,000.00\n", "ocr")])
    assert "explained_amount" not in values(doc)


def test_a_garbled_caption_beside_the_employers_is_no_employer() -> None:
    text = """Employer        Empl8ycc
Salas Energy LLC        TrangMichael C.
Employer Address        SSN
13832 Rodriguez Court, East Kerrifurt, TX 76592        7062
Pay Date        Pay Period        Frequency
08-08-2025        07-21-2025 - 08-03-2025        Biweekly
Gross        4,365.38        YTD Gross        69,846.08
NET PAY        3,536.76
"""
    assert values(run(DocType.paystub, text))["employer_name"] == "Salas Energy LLC"


def test_urla_income_cells_garbled_beside_their_total_column() -> None:
    # `_Base` after a speck, its point lost, a percent sign read after the
    # total column's cents; `S865` the dollar sign read as an S and the
    # cents lost, beside the total column's `865.63`
    text = """UNIFORM RESIDENTIAL LOAN APPLICATION
V. MONTHLY ILY INCOME AND COMBINED HOUSING EXPENSE INFORMATION        minal
Gross Monthly Income        poe Borrower,        Co-Borrower        Total\u201d
_Base Empl. Income*        J        1670833        Fi:        16708. 33%
"Overtime        Sete    EAE        ecard    0.00.
Bonuses        eb.        S865: 0gp we        Meaf irk    Ae    865.63.
\u201cCommissions        0.00        0.00_
"""
    found = values(run(DocType.urla_1003, text))
    assert found["income_base_monthly"] == Decimal("16708.33")
    assert found["income_bonus_monthly"] == Decimal("865.63")
    assert found["income_commission_monthly"] == Decimal("0.00")


def test_a_continuation_sheet_titled_with_a_speck_is_the_co_borrowers() -> None:
    text = """CONTINUATION*SHEET/RESIDENTIAL LOAN APPLICATION
Use (his Condivanon sheet if you need more space to complete the Residential Loan Application.
CO-BORROWER:        Joseph Jacob Jones        SOCIAL SECURITY NUMBE.. XXXXX6178
BORROWER:        Ann Jessica Jones        BORROWER SSN:        XXXXX3797
APPLICATION DATE:        2025-09-23        LOAN AMOUNT:        $ 623,300.00
"""
    found = values(run(DocType.urla_1003, text))
    assert found["borrower_name"] == "Joseph Jacob Jones"
    assert found["co_borrower_name"] == "Ann Jessica Jones"
    assert found["ssn_last4"] == "6178" and found["co_borrower_ssn_last4"] == "3797"


def test_a_lone_figure_speck_between_a_year_rows_amounts() -> None:
    text = """Income and Employment Verification
GROSS INCOME
Year        Base        Overtime        Bonus        Total
2025 YTD thru 2025-11-14        $61511.20        $3184.25     7        $0.00        $64695.45
2024        $69058.60        $3012.90        $0.00        $72071.50
"""
    found = values(run(DocType.voe, text))
    assert found["ytd_base_income"] == Decimal("61511.20")
    assert found["ytd_overtime_income"] == Decimal("3184.25")
    assert found["ytd_bonus_income"] == 0


def test_an_ssn_whose_last_four_ocr_read_half_as_letters_is_unread() -> None:
    text = (
        "EARNINGS STATEMENT\n"
        "Jones Medical Center\n"
        "Period Beginning:       07-01-2026        Employee:        STONE, ALAN\n"
        "Period Ending:        07-15-2026        SSN:        uoahion   OO04\n"
        "Payment Date:        07-15-2026        Employee ID:        39397\n"
    )
    # `OO04` for 8994: two of the four are letters, no reading of the SSN
    assert "ssn_last4" not in values(run(DocType.paystub, text))
    # one letter among them is a look-alike of its figure (`89O4`)
    assert values(run(DocType.paystub, text.replace("OO04", "89O4")))["ssn_last4"] == "8904"


def test_a_caption_misread_as_near_another_fields_as_its_own_is_neither() -> None:
    # `EMPLOYBE` is as near `Employer` as `Employee`: the name beside it is
    # not taken for the employer
    text = (
        "HART & FRAZIER REALTY GROUP CORP.\n"
        "16624 REESE LANE\n"
        "WEST JOHN, NC 27663\n"
        "EMPLOYBE: APRIL D WILLIAMS        ssn: xxxxx0810\n"
        "PERIOD: 03/09/2026 TO 03/22/2026   CHECK DATE: 03/27/2026\n"
        "EARNINGS        RATE    HOURS       CURRENT        YTD\n"
        "SALARY        $6,538.46    $45,769.22\n"
    )
    assert values(run(DocType.paystub, text)).get("employer_name") != "APRIL D WILLIAMS"
    # a caption misread nearer one field's label is still that field's
    got = values(run(DocType.paystub, text.replace("EMPLOYBE", "EMPLOYFR")))
    assert got.get("employer_name") == "APRIL D WILLIAMS"


def test_voe_employer_caption_beside_a_speck_reads_the_line_below() -> None:
    text = (
        "Request for Verification of Employment\n"
        "14. To (Name and address of employer)        es.\n"
        "_Perez Electric Co., 16624 Reese Lane, West John, NC 27663\n"
        "4.Title        WS        6. Lender's No.\n"
    )
    assert values(run(DocType.voe, text))["employer_name"] == "Perez Electric Co."


def test_voe_year_row_whose_total_or_bonus_has_a_figure_misread() -> None:
    # parts 28,618.58 against a total read 28,618.98: the bonus or the total
    # has a figure misread (an overtime of $0.40 is no income line); the
    # row is read either way within cents
    text = (
        "Verification of Income & Employment\n"
        "Gross Income\n"
        "\u2018Year        Base        Overtime        Bonus        Total\n"
        "2026 YTD thru 03-31-2026        $28,374.99        $0.00        $243.59"
        "        $28,618.98,\n"
    )
    got = values(run(DocType.voe, text))
    assert got["ytd_base_income"] == Decimal("28374.99")
    assert got["ytd_overtime_income"] == 0
    assert abs(got["ytd_bonus_income"] - Decimal("243.59")) < 1


def test_voe_year_row_with_three_cells_garbled_that_make_its_total() -> None:
    text = (
        "VERIFICATION OF INCOME & EMPLOYMENT\n"
        "GROSS INCOME\n"
        "Year        Pee        Base        Overtimes      y Bonus     Total\n"
        "2025 YTD thru May 30,2025        $56,041.65        $0.00     $5,784.35     $61,826.00\n"
        '2024        Ee"        "313022712        8.0.00     \u2014-$12,58L09       $142,808.21\n'
        "2023        $125,642.28        $000        $12,413.09        138,055.37\n"
    )
    got = values(run(DocType.voe, text))
    assert got["prior_year_base_income"] == Decimal("130227.12")
    assert got["prior_year_overtime_income"] == 0
    assert got["prior_year_bonus_income"] == Decimal("12581.09")
    # a total no choice of readings makes leaves the garbled cells unread
    got = values(run(DocType.voe, text.replace("$142,808.21", "$142,808.11")))
    assert "prior_year_bonus_income" not in got


def test_voe_year_row_whose_year_has_a_speck_read_as_a_figure_before_it() -> None:
    text = (
        "Verification of Income & Employment\n"
        "Gross Income\n"
        "Year        Base        Overtime        Bonus        Total\n"
        "2026 YTD thru 30-JUN-2026        78500 .04        0.0        7172.66        85672.70\n"
        "92025        153921.36        0.00        10887.65        164809.01\n"
        "2024        16952420        0.00        9130.43        158655.23\n"
    )
    got = values(run(DocType.voe, text))
    assert got["prior_year_bonus_income"] == Decimal("10887.65")
    assert got["two_years_prior_bonus_income"] == Decimal("9130.43")
    assert got["two_years_prior_base_income"] == Decimal("149524.80")


def test_voe_year_row_whose_year_has_a_speck_read_as_a_figure_after_it() -> None:
    # `20252` for 2025: a tick after the year read as a figure; the row keeps
    # its place, and the one under it is still read
    text = (
        "Verification of Income & Employment\n"
        "GROSS INCOME\n"
        "Year        Base        Overtime        Bonus        Total\n"
        "2026 YTD thru 07/24/2026        $49,326.90    $0.00    $1,766.41    $51,093.31\n"
        "20252        $83,105.36        $0.00        $2,871.02        $85,976.38\n"
        "2024        $79,743.30        $0.00        $2,680.22        $82,423.52.\n"
    )
    got = values(run(DocType.voe, text))
    assert got["prior_year_bonus_income"] == Decimal("2871.02")
    assert got["prior_year_base_income"] == Decimal("83105.36")
    assert got["two_years_prior_bonus_income"] == Decimal("2680.22")
    # a figure after it that makes another year is no speck: that row is not 2025
    other = values(run(DocType.voe, text.replace("20252  ", "20232  ")))
    assert "prior_year_bonus_income" not in other


def test_voe_year_table_whose_year_and_base_captions_ocr_made_words() -> None:
    text = (
        "EMPLOYMENT DATA REPORT\n"
        "Gross Income\n"
        'Vagracr.        \u201cEPS        UBSSe    "Overtime        Bonus        Total\n'
        "2025 YTD thru 23-MAY-2025        $59496.80        $3650.93        $0.00        $63147.73\n"
        '2024        "$140097.62        $7526.38        $0.00        $147624.00\n'
        "2023        $137271,42        $8093.25        $0.00        $145364.67\n"
    )
    got = values(run(DocType.voe, text))
    assert got["ytd_overtime_income"] == Decimal("3650.93")
    assert got["prior_year_overtime_income"] == Decimal("7526.38")
    assert got["two_years_prior_overtime_income"] == Decimal("8093.25")
    # the usual columns assumed: a row whose parts do not make its total is not read
    off = values(run(DocType.voe, text.replace("$147624.00", "$147000.00")))
    assert "prior_year_overtime_income" not in off
    # the overtime's caption garbled too: `Bonus  Total` still end the header
    words = text.replace('"Overtime', "een amen ard")
    assert values(run(DocType.voe, words))["prior_year_overtime_income"] == Decimal("7526.38")


def test_voe_pay_frequency_is_the_last_cell_under_its_caption() -> None:
    # the base pay's period boxes lost their empty frames: `Weekly` among
    # them is not the frequency; the cell under `Pay Frequency` is
    text = (
        "Request for Verification of Employment\n"
        "12A. Current Gross Base Pay (Enter Amount and Gheck Period)        Pay Frequency\n"
        "265000.00 [X] Annual   Hourly   Monthly   Weekly        Every Two Weeks\n"
    )
    got = values(run(DocType.voe, text))
    assert got["pay_frequency"] == "biweekly"
    assert got["base_pay_rate"] == Decimal("265000.00")
    weekly = values(run(DocType.voe, text.replace("Every Two Weeks", "Weekly")))
    assert weekly["pay_frequency"] == "weekly"


def test_voe_through_date_whose_year_ocr_misread_after_the_verification() -> None:
    # `Thru 08/22/2035` on a VOE verified 09/03/2025: one figure of the year
    # misread; the year that puts it before the verification is the one
    text = SPLIT_1005.format(bonus="7,100.00").replace("07/31/2026", "08/22/2035")
    text += "20. Signature of Employer        22. Date\nS. Carter        09/03/2025\n"
    got = values(run(DocType.voe, text))
    assert got["verification_date"] == date(2025, 9, 3)
    assert got["ytd_through_date"] == date(2025, 8, 22)
    # no year one figure away falls in the year before: it stays as read
    far = values(run(DocType.voe, text.replace("08/22/2035", "08/22/2036")))
    assert far["ytd_through_date"] == date(2036, 8, 22)


def test_urla_income_box_whose_title_ocr_garbled() -> None:
    text = (
        "Uniform Residential Loan Application\n"
        "Gross Monthly Taccme\n"
        "Base:        $ 10,093.20        Overtime:        $ 516.52        Bonus:        $ 0.00\n"
        "Commission:       $ 0.00        Other:        $ 0.00        TOTAL:        $ 10,609.72\n"
    )
    got = values(run(DocType.urla_1003, text))
    assert got["income_other_monthly"] == 0
    assert got["income_total_monthly"] == Decimal("10609.72")
    # the title lost altogether: the box opens at its row of base and overtime
    lost = values(run(DocType.urla_1003, text.replace("Gross Monthly Taccme\n", "")))
    assert lost["income_total_monthly"] == Decimal("10609.72")


W2_TWO_COPIES = "\n".join(
    (
        "Form W-2 Wage and Tax Statement 2023",
        "Copy B - To Be Filed With Employee's FEDERAL Tax Return",
        "a Employee's social security number        1 Wages, tips, other compensation"
        "        2 Federal income tax withheld",
        "{first}        $112227.36        $10060.32",
        "Employer identification number (EIN)        3 Social security wages"
        "        4 Social security tax withheld",
        "98-7328548        $112227.36        $6958.10",
        "c Employer's name, address, and ZIP code        5 Medicare wages and tips"
        "        Medicare tax withheld",
        "THOMAS & KLEIN REALTY GROUP CORP. $112227.36        $1627.30",
        "Employee's first name and initial, Last name        16 State wages, lips, etc."
        "        17 State income tax",
        "JAMES T WOODS        -$112227.36        $0.00",
        "Form W-2 Wage and Tax Statement 2023",
        "Copy C For EMPLOYEE'S RECORDS",
        "a Employee's social security number        1 Wages, tips, other compensation"
        "        2 Federal income tax withheld",
        "{second}        $112227.36        $10060.32",
    )
)


def test_w2_ssn_with_a_speck_inside_an_unbroken_mask_is_not_taken() -> None:
    # `XXXXX89I80` for XXXXX8980: five figures after a whole mask, one a
    # speck; its last four (`9180`) are no more the SSN's than any other four
    got = values(run(DocType.w2, W2_TWO_COPIES.format(first="XXXXX89I80", second="XXXXX8980")))
    assert got.get("ssn_last4") in (None, "8980")
    alone = values(run(DocType.w2, W2_TWO_COPIES.format(first="XXXXX89I80", second="")))
    assert "ssn_last4" not in alone
    plain = values(run(DocType.w2, W2_TWO_COPIES.format(first="XXXXX8980", second="")))
    assert plain["ssn_last4"] == "8980"


def test_paystub_earnings_header_whose_first_caption_ocr_garbled() -> None:
    text = """\
JACKSON FREIGHT LINES CORPORATION
Pay Statement
PERIOD BEGINNING:        2025-04-17        EMPLOYEE:        Hall, Robert E*
PERIOD ENDING:        2025-04-23        SSN:        ###-##-8429
ADVICE DATE:        2025-04-25        EMPLOYEE ID:        94125
PAY FREQUENCY:        WEEKLY
Ednings        viii        Rate        Hours        This Period
Regular Pay        50.3500        40.00        __2014,00
Gross Earnings        2014.00
_Deductions        This Period
FITW        200.52
TAKE HOME PAY:        1462.62
"""
    doc = run(DocType.paystub, text)
    got = values(doc)
    # no year-to-date column: the last figure is this period's, not the year's
    assert got["gross_current"] == Decimal("2014.00") and "gross_ytd" not in got
    assert got["hourly_rate"] == Decimal("50.35") and got["hours"] == Decimal(40)
    [row] = doc.rows["earnings"]
    assert row["current_amount"].value == Decimal("2014.00") and "ytd_amount" not in row


def test_form_1005_header_with_to_lost_and_earnings_misread() -> None:
    text = """\
Request for Verification of Employment
2B. Gross Earnifigs \u201cType    Year   Date (Thru 08/28/2026)    Past Year 2025    Past Year 2024
Base Pay        $ 313,615.44        $ 437,336.38        $431,022.02
Overtime        $0.00        $ 0.00        $ 0.00
Bonus        $ 13,066.40        $ 14,954.92        $ 13,472.02
16. Remarks:        Full time, active.
"""
    got = values(run(DocType.voe, text))
    assert got["ytd_bonus_income"] == Decimal("13066.40")
    assert got["prior_year_bonus_income"] == Decimal("14954.92")
    assert got["two_years_prior_base_income"] == Decimal("431022.02")


def test_paystub_hourly_rate_line_under_the_earnings_is_no_earning() -> None:
    text = (
        "EMPLOYEE PAY STUB\n"
        "Payment Date        Pay Period        Frequency\n"
        "June 12, 2026        May 25, 2026 - June 7, 2026        Bi-Weekly\n"
        "Description 7        Current        hur', YTD\n"
        "Regular Pay        $2910.40        $34924.80.\n"
        "Gross Earnings        $2910.40        YTD Gross        $34924.80\n"
        "Hourly Rate        $36.38        Hours Worked        80.00\n"
        "Taxes & Deductions        Current        YTD\n"
    )
    doc = run(DocType.paystub, text)
    assert earnings(doc) == [
        {"kind": "regular", "current_amount": Decimal("2910.40"), "ytd_amount": Decimal("34924.80")}
    ]
    assert values(doc)["hourly_rate"] == Decimal("36.38")


def test_voe_1005_amount_behind_an_underscore_speck() -> None:
    text = (
        "Request for Verification of Employment\n"
        "12B. Gross Earnings - Type        Year To Date (Thru 05-29-2026)"
        "        Past Year 2025        Past Year 2024\n"
        "Base Pay        $91,250.00        $214,400.00        $208,100.00\n"
        "Bonus        $4,120.50        _$12,310.40        $11,980.25\n"
    )
    got = values(run(DocType.voe, text))
    assert got["prior_year_bonus_income"] == Decimal("12310.40")
    assert got["two_years_prior_bonus_income"] == Decimal("11980.25")


def test_voe_heading_over_its_own_caption_row_read_wrong() -> None:
    text = (
        "Income and Employment Verification\n"
        "EMPLOYER\n"
        "{caption}        Harlow & Pike Instruments Co.\n"
        "ADDRESS        120 Elm Street, Dover, DE 19901\n"
    )
    # the row's caption misread: the value beside it is the employer's name
    got = values(run(DocType.voe, text.format(caption="BHELCYER")))
    assert got["employer_name"] == "Harlow & Pike Instruments Co."
    # a first cell that is no echo of the heading is the value below it
    got = values(run(DocType.voe, text.format(caption="ACME")))
    assert got["employer_name"] == "ACME"


def test_w2_name_caption_run_into_the_next_with_a_misread_between() -> None:
    text = (
        "Form W-2 Wage and Tax Statement  2024\n"
        "c Employer's name, address, and ZIP code      5 Medicare wages and tips\n"
        "Larkin Dental Group        71200.50\n"
        "e Employee's first name and initial, Tae Ine State wages, tips, etc."
        "        7 State income tax\n"
        "Nora Beth Castillo        70110.25        2950.00\n"
    )
    assert values(run(DocType.w2, text))["employee_name"] == "Nora Beth Castillo"
    # a name beside its caption with no caption after it is the name
    beside = text.replace("Tae Ine State wages, tips, etc.", "Nora B Castillo")
    assert values(run(DocType.w2, beside))["employee_name"] == "Nora B Castillo"
    # a caption with its colon holds its value beside it, a caption after it or not
    paired = text.replace("initial, Tae Ine", "initial: Nora B Castillo")
    assert values(run(DocType.w2, paired))["employee_name"] == "Nora B Castillo"


def test_paystub_ytd_caption_garbled_after_current_and_a_day_split_by_a_space() -> None:
    text = (
        "PAY STUB\n"
        "Pay Date        Period        Frequency\n"
        "05/1 5/2026        04/27/2026 - 05/10/2026        Biweekly\n"
        "Description        Current        1D\n"
        "Salary        $3,120.00        $31,200.00\n"
        "Overtime        $210.40        $1,480.25\n"
        "GROSS EARNINGS       $3,330.40        YTD GROSS        $32,680.25\n"
    )
    doc = run(DocType.paystub, text)
    assert values(doc)["pay_date"] == date(2026, 5, 15)
    assert [(r["kind"], r.get("ytd_amount")) for r in earnings(doc)] == [
        ("regular", Decimal("31200.00")),
        ("overtime", Decimal("1480.25")),
    ]


def test_a_form_1005s_boxes_read_below_specks_beside_their_captions() -> None:
    text = (
        "Request for Verification of Employment\n"
        "1. To (Name and address of employer)        Sores\n"
        "Miller Precision Tools LLC, 1953 Laurel Terrace, West Jamesstad, NJ 08250\n"
        "7, Name and Address of Applicant        SSN        7-ie\n"
        "Melissa C. Carter        XXXXX702%\n"
        "Part II - Verification of Present Employment\n"
    )
    got = values(run(DocType.voe, text))
    assert got["employer_name"] == "Miller Precision Tools LLC"
    assert got["employee_name"] == "Melissa C. Carter"
    # a line under the applicant's captions that is no person gives none
    other = text.replace("Melissa C. Carter", "4420 Elm Street")
    assert "employee_name" not in values(run(DocType.voe, other))


def test_voe_year_total_led_by_extra_figures_still_checks_its_parts() -> None:
    # `95149794.99` for $149,794.99: without its two leading figures the
    # total is a figure from the parts, so one part is misread (`$42963.75`
    # for 12,963.75, or the base): the row is not taken as read
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    row = "2024        $136831.24        $0.00        $42963.75        95149794.99"
    text = VOE_REPORT.format(ytd=ytd).replace(
        "4024        90,278.64        00        3,150.96        93,429.60", row
    )
    got = values(run(DocType.voe, text))
    assert got.get("two_years_prior_bonus_income") != Decimal("42963.75")
    # parts that make up the total so read stand
    fine = text.replace("$42963.75", "$12963.75")
    assert values(run(DocType.voe, fine))["two_years_prior_bonus_income"] == Decimal("12963.75")


def test_a_scanned_earnings_row_read_past_the_gross_leaves_the_salary_stated() -> None:
    stub = (
        "Pay Statement\n"
        "Period Beginning:        October 1, 2026        Employee:        Dana Example\n"
        "Pay Frequency:        Monthly\n"
        "Annual Salary:        $146500.00\n"
        "Earnings        Rate        Hours        This Period        Year to Date\n"
        "Base Salary        aule     $1220893        $122083.30\n"
        "Gross Pay        $12208.33        $122083.30\n"
    )
    # the row lost its point and a digit: it is no period's pay beside the
    # gross, so the salary the stub states stands
    assert values(run(DocType.paystub, stub))["annual_salary"] == Decimal("146500.00")


def test_voe_1005_a_past_year_led_by_a_speck_figure_is_read_without_it() -> None:
    text = VOE_1005.replace(
        "Bonus        $4783.79        $1,200.00        $0.00",
        '"Bonus        4,667.16        14,032.59        414,471.13',
    )
    got = values(run(DocType.voe, text))
    # thirty times the year after, and without its first figure near it
    assert got["two_years_prior_bonus_income"] == Decimal("14471.13")
    assert got["prior_year_bonus_income"] == Decimal("14032.59")
    # a real leap of a few times stands as read
    leap = text.replace("414,471.13", "44,471.13")
    assert values(run(DocType.voe, leap))["two_years_prior_bonus_income"] == Decimal("44471.13")


def test_w2_next_boxs_caption_misread_in_a_cell_of_its_own_beside_the_name_caption() -> None:
    text = (
        "Form W-2 Wage and Tax Statement  2024\n"
        "c Employer's name, address, and ZIP code      5 Medicare wages and tips\n"
        "Larkin Dental Group        71200.50\n"
        "Employee's first name and initial, Last name        Staiswuges, Wa"
        "        17 State income tax\n"
        "Denise Rivera        $65031.58        $0.00\n"
    )
    # `16 State wages` garbled where a name would stand, `17 State income
    # tax` after it: the name is the one under the caption
    assert values(run(DocType.w2, text))["employee_name"] == "Denise Rivera"
    # a name beside it that the one below shares a word with stands
    beside = text.replace("Staiswuges, Wa", "Denise A Rivera")
    assert values(run(DocType.w2, beside))["employee_name"] == "Denise A Rivera"


def test_voe_1005_a_cell_with_a_speck_and_its_dollar_sign_read_as_a_five() -> None:
    text = VOE_1005.replace(
        "Bonus        $4783.79        $1,200.00        $0.00",
        'Bonus        4,301.21        "56,770.83        6,095.88',
    )
    # `"56,770.83`: a speck, then $6,770.83 with its sign read as a 5, beside
    # the year before's 6,095.88
    assert values(run(DocType.voe, text))["prior_year_bonus_income"] == Decimal("6770.83")
    # far from the row's other figures, the cell stays unread
    far = text.replace("6,095.88", "26,095.88").replace("4,301.21", "1,301.21")
    assert "prior_year_bonus_income" not in values(run(DocType.voe, far))


def test_voe_garbled_signature_of_employer_caption_names_no_employer() -> None:
    text = SPLIT_1005.format(bonus="7,100.00")
    text += "20. Signflure of Employer        \u201c2. Title        22. Date\n"
    text += "_S. Carter        HR Manager        16-SEP-2026\n"
    assert values(run(DocType.voe, text)).get("employer_name") != "S. Carter"


def test_voe_1005_bonus_row_whose_u_read_as_ti_with_a_speck_word() -> None:
    text = VOE_1005.replace("Bonus        $4783.79", "Bontisyy     thal        $4783%9")
    got = values(run(DocType.voe, text))
    assert "ytd_bonus_income" not in got
    assert got["prior_year_bonus_income"] == Decimal("1200.00")
    assert got["two_years_prior_bonus_income"] == Decimal("0.00")


def test_voe_year_row_a_figure_off_in_its_last_places_stands_as_read() -> None:
    # a 2 for a 1 in base, bonus or total: each reading is within a dollar
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,222.27"
    got = values(run(DocType.voe, VOE_REPORT.format(ytd=ytd)))
    assert got["ytd_base_income"] == Decimal("31833.36")
    assert got["ytd_bonus_income"] == Decimal("1387.91")
    # a hundred dollars off (a figure of base or of bonus) is more than a doubt
    far = ytd.replace("33,222.27", "33,321.27")
    assert "ytd_bonus_income" not in values(run(DocType.voe, VOE_REPORT.format(ytd=far)))


def test_paystub_regular_pay_read_past_its_gross_without_its_point_and_a_bonu_row() -> None:
    text = (
        "EMPLOYEE PAY STUB\n"
        "Employer        Employee\n"
        "Salazar Pharmacy Services        HEATHER C JOHNSON\n"
        "Qheck Dite        Pay Period        Frequency\n"
        "10-OCT-2025        22-SEP-2025 - 05-OCT-2025        Bi-Weekly\n"
        "Description        Current        YTD\n"
        "Base Salary        \u2018\u00a7948077,        $ 199,096.17\n"
        "Bonu        $ 420.22        $ 7,687.95\n"
        "Gross:        $9,900.99        YTD Gross:        $ 206,784.12\n"
    )
    doc = run(DocType.paystub, text)
    # the earnings row is no annual salary
    assert "annual_salary" not in values(doc)
    rows = earnings(doc)
    assert [r["kind"] for r in rows] == ["regular", "bonus"]
    # the gross less the bonus is the regular pay, its figures as read
    assert rows[0]["current_amount"] == Decimal("9480.77")
    # a gross the figures do not make leaves the row as read
    other = run(DocType.paystub, text.replace("$9,900.99", "$9,910.99"))
    assert earnings(other)[0]["current_amount"] == Decimal("948077")


def test_voe_year_row_a_part_without_its_point_beside_an_unread_one() -> None:
    ytd = "2026 YTD thru 04-30-2026        31,833.36        0.00        1,387.91        33,221.27"
    # overtime unread, the bonus read without its point and a figure off
    # (357555 for 3,575.65), the total behind specks
    prior = "2025        93,329.52        Tel        357555)        \u201896,905.17."
    got = values(run(DocType.voe, _with_prior_row(ytd, prior)))
    assert got["prior_year_bonus_income"] == Decimal("3575.65")
    assert got["prior_year_overtime_income"] == 0
    # what the total leaves past any income line is no figure misread: unread
    far = prior.replace("357555)", "355555)")
    got = values(run(DocType.voe, _with_prior_row(ytd, far)))
    assert "prior_year_bonus_income" not in got
    assert "prior_year_overtime_income" not in got


def test_voe_year_table_with_a_speck_word_near_a_caption_and_years_with_letters() -> None:
    text = (
        "EMPLOYMENT DATA REPORT\n"
        "Employer:        Johnson Realty Group Company\n"
        "Gross Income     Bele        oie.\n"
        # `bats` is nearer Base than any column is to a speck, but Base is there
        "Year        bats        Base        Overtime        Bonus        Total\n"
        "2025 YTD thru 26-SEP-2025        107983.20        4880.09        0.00"
        "      \u2014-112863.29\n"
        # (`202A`, `02a`: the years' 4s and first figures misread)
        "202A        eee tines      41e(Biaon        4866.23        0.00      146184.55\n"
        "02a        136914.44        5059.95        0.00      141974.39\n"
        "We do not discriminate on the basis of race.\n"
    )
    got = values(run(DocType.voe, text))
    assert got["ytd_base_income"] == Decimal("107983.20")
    assert got["ytd_overtime_income"] == Decimal("4880.09")
    assert got["prior_year_overtime_income"] == Decimal("4866.23")
    assert got["prior_year_base_income"] == Decimal("141318.32")
    assert got["two_years_prior_overtime_income"] == Decimal("5059.95")


def test_paystub_pay_date_a_year_off_its_own_period_had_a_figure_misread() -> None:
    text = (
        "EMPLOYEE PAY STUB\n"
        "Employer        Employee\n"
        "Wilson & Hernandez Engineering Co.        JASON BRYANT\n"
        "Pay Date        Pay Period        Frequency\n"
        "{paid}        07/07/2025 - 07/20/2025        Bi-Weekly\n"
        "Description        Current        YTD\n"
        "Base Salary        $6,423.08        $96,346.20\n"
        "Gross:        $6,423.08        YTD Gross:        $96,346.20\n"
    )
    assert values(run(DocType.paystub, text.format(paid="07/25/2026")))["pay_date"] == date(
        2025, 7, 25
    )
    # a date no single figure brings within the month after the period stands
    assert values(run(DocType.paystub, text.format(paid="11/25/2025")))["pay_date"] == date(
        2025, 11, 25
    )


STUB_FREQUENCY_GARBLED = """\
WISE & WALKER MANUFACTURING
EMPLOYEE: NELSON, MARK N        SSN: ###-##-8764
PERIOD: 20-APR-2026 TO 03-MAY-2026   PAY DATE: @8-MAY-2026
PAY FREQUENCY: EVERY TWQ WEEKS
EARNINGS        RATE    HOURS       CURRENT        YTD
SALARY        $6,500.00       $65,000.00
GROSS        $6,500.00    $65,000.00
NET CHECK        $5,106.21
"""


def test_a_stubs_frequency_with_a_letter_misread_or_garbled_is_its_periods() -> None:
    assert values(run(DocType.paystub, STUB_FREQUENCY_GARBLED))["pay_frequency"] == "biweekly"
    # garbled past reading: fourteen days from the period's dates
    garbled = STUB_FREQUENCY_GARBLED.replace("EVERY TWQ WEEKS", "EYFRX TW\u00a7 WFFKS")
    assert values(run(DocType.paystub, garbled))["pay_frequency"] == "biweekly"
    # on a text layer a stub that prints none has none
    assert "pay_frequency" not in values(run(DocType.paystub, garbled, method="text"))


def test_a_scanned_gift_letter_with_its_i_lost_and_a_rule_before_as() -> None:
    letter = (
        "04-Sep-2025\nTo Whom It May'Concern:\nMy name is Matthew M. Nichols and am the brother "
        "of Timothy Martinez. On09-Sep-2025 transferred $13000.00_as a\ngift to help with the "
        "purchase of theshome at 12433 Perry Ln, North Carol, TX 77346.\n"
    )
    got = values(run(DocType.gift_letter, letter))
    assert got["gift_amount"] == Decimal(13000)
    # the date run into `On` is past reading; with its space, the lost `I` is no matter
    assert "gift_date" not in got
    spaced = values(run(DocType.gift_letter, letter.replace("On09", "On 09")))
    assert spaced["gift_date"] == date(2025, 9, 9)


HOURLY_STUB = """\
BROWN INSURANCE SERVICES COMPANY
5423 HATFIELD AVENUE
NORTH CYNTHIA, SC 29797
EMPLOYEE: JANE L. CAREY        SSN: {ssn}
PERIOD: {period}   ADVICE DATE: 07-31-2026
PAY FREQUENCY: BIWEEKLY
EARNINGS        RATE    HOURS       CURRENT        YTD
REGULAR PAY        35.9900    80.00       {current}      46,067.20
GROSS PAY        2,879.20     46,067.20
NET CHECK        2,066.95
"""


def _hourly(
    ssn: str = "XXX-XX-2687",
    period: str = "07-13-2026 TO 07-26-2026",
    current: str = "2,879.20",
) -> LogicalDocument:
    return run(DocType.paystub, HOURLY_STUB.format(ssn=ssn, period=period, current=current))


def test_paystub_cell_led_by_a_lone_figure_keeps_the_rows_columns() -> None:
    # `2 4879.20` for 2,879.20 (its comma read as a space and a figure): one
    # garbled cell, not an hours cell and a current one
    doc = _hourly(current="2 4879.20")
    got = values(doc)
    assert (got["hourly_rate"], got["hours"]) == (Decimal("35.9900"), Decimal("80.00"))
    assert earnings(doc) == [{"kind": "regular", "ytd_amount": Decimal("46067.20")}]
    assert got["gross_current"] == Decimal("2879.20")
    # the row read whole is read as printed
    assert earnings(_hourly())[0]["current_amount"] == Decimal("2879.20")


def test_paystub_period_whose_first_date_is_past_reading() -> None:
    # `0f-13-2026 TO 07-26-2026  ADVICE DATE: 07-31-2026`: the end is the
    # date after `TO`; the advice date is no end of the period
    got = values(_hourly(period="0f-13-2026 TO 07-26-2026"))
    assert got["pay_period_end_date"] == date(2026, 7, 26)
    assert "pay_period_start_date" not in got
    whole = values(_hourly())
    assert (whole["pay_period_start_date"], whole["pay_period_end_date"]) == (
        date(2026, 7, 13),
        date(2026, 7, 26),
    )


def test_paystub_ssn_mask_with_an_x_read_as_a_yen_sign() -> None:
    assert values(_hourly(ssn="X\u00a5XXX2971"))["ssn_last4"] == "2971"
    assert values(_hourly())["ssn_last4"] == "2687"


def test_paystub_date_paid_caption_misread_gives_the_pay_date_after_the_period() -> None:
    stub = (
        "Jones Engineering Corp.\n"
        "Pay Statement\n"
        "PERIOD BEGINNING:        16-MAR-2026        EMPLOYEE:        Wendy Robinson\n"
        "PERIOD ENDING:        29-MAR-2026        SSN:        xxx-xx-3320\n"
        "DATE PATO        {paid} e        EMPLOYEE ID:        99432\n"
        "PAY FREQUENCY:        Biweekly\n"
        "Earnings        Rate        Hours        This Period        Year to Date\n"
        "REG        50.4800        80.00        4038.40        28268.80\n"
        "Gross Pay        4398.07        30862.21\n"
    )
    assert values(run(DocType.paystub, stub.format(paid="03-APR-2026")))["pay_date"] == date(
        2026, 4, 3
    )
    # a date no pay date could be (before the period's end) is not taken
    assert "pay_date" not in values(run(DocType.paystub, stub.format(paid="03-JAN-2026")))
