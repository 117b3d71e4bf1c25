"""Value normalisers: dates, money, percentages, SSN and account tails, names."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flightline.pipeline.normalize import (
    find_dates,
    find_money,
    find_percents,
    fix_ocr_digits,
    name_key,
    normalize_account_last4,
    normalize_date,
    normalize_money,
    normalize_name,
    normalize_percent,
    normalize_ssn_last4,
)

JAN9 = date(2026, 1, 9)


@pytest.mark.parametrize(
    "text",
    [
        "01/09/2026",
        "1/9/26",
        "1/9/2026",
        "January 9, 2026",
        "Jan 9 2026",
        "Jan. 9, 2026",
        "JAN 09, 2026",
        "2026-01-09",
        "09-Jan-2026",
        "09-JAN-2026",
        "9 January 2026",
        "01-09-2026",
        "01.09.2026",
        "9th January 2026",
        "January 9th, 2026",
        "Pay Date: 01/09/2026",
        "O1/O9/2O26",
        # the comma after the day read as another mark on a scan
        "CHECK DATE: Jan 09% 2026",
        "Jan 9; 2026",
    ],
)
def test_dates(text: str) -> None:
    assert normalize_date(text) == JAN9


@pytest.mark.parametrize("text", ["", None, "13/45/2026", "Pay Date", "February 30, 2026", "2026"])
def test_not_dates(text: str | None) -> None:
    assert normalize_date(text) is None


def test_two_digit_years_are_recent() -> None:
    assert normalize_date("3/1/99") == date(1999, 3, 1)
    assert normalize_date("3/1/30") == date(2030, 3, 1)


def test_find_dates_in_a_range() -> None:
    assert [d for _, _, d in find_dates("12/21/2025 - 01/03/2026")] == [
        date(2025, 12, 21),
        date(2026, 1, 3),
    ]


def test_a_capitalised_month_glued_to_a_word_starts_a_date() -> None:
    # OCR lost the space in "through Feb 28"
    assert [d for _, _, d in find_dates("Feb 01, 2025 throughFeb 28, 2025")] == [
        date(2025, 2, 1),
        date(2025, 2, 28),
    ]
    # a month's letters inside a lower-case word are not a date
    assert find_dates("xfeb 01, 2025") == []
    assert find_dates("tableDec") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("$1,234.56", "1234.56"),
        ("1234.56", "1234.56"),
        ("$ 1,234", "1234"),
        ("(1,234.56)", "-1234.56"),
        ("($1,234.56)", "-1234.56"),
        ("USD 1,234.56", "1234.56"),
        ("-$50.00", "-50.00"),
        ("$-50.00", "-50.00"),
        ("1,234.56-", "-1234.56"),
        ("$1,234,567.89", "1234567.89"),
        ("Balance: $l,234.56", "1234.56"),
        ("$4,333.33/month", "4333.33"),
        ("Total 0.00", "0.00"),
        # a scan's thousands comma read as a point, the cents set apart
        ("the deposit of $ 19.279. 88 made", "19279.88"),
        # specks read as look-alike letters before the dollar sign
        ("o|,$282,000.00        May'l, 2025", "282000.00"),
    ],
)
def test_money(text: str, expected: str) -> None:
    value = normalize_money(text)
    assert value == Decimal(expected)
    assert isinstance(value, Decimal)


@pytest.mark.parametrize("text", ["", None, "6.875%", "n/a", "01/09/2026", "1.234.567.89"])
def test_not_money(text: str | None) -> None:
    assert normalize_money(text) is None


def test_money_after_a_forms_blank_line() -> None:
    assert [v for _, _, v in find_money("Northstar Bank Usa   __2,229.00   54.00")] == [
        Decimal("2229.00"),
        Decimal("54.00"),
    ]


def test_money_skips_date_parts_and_rates() -> None:
    assert [v for _, _, v in find_money("01/09/2026 6.5% $1,200.00")] == [Decimal("1200.00")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6.875%", "6.875"),
        ("6.875 %", "6.875"),
        ("6.875 percent", "6.875"),
        ("APR 7.012% (rate 6.875)", "7.012"),
        ("0.06875", "6.875"),
        ("43.20", "43.20"),
        ("Debt Ratio (DTI)   36. 745%", "36.745"),  # OCR's space after the point
    ],
)
def test_percent(text: str, expected: str) -> None:
    assert normalize_percent(text) == Decimal(expected)


def test_percent_prefers_explicit_and_bare_is_optional() -> None:
    assert normalize_percent("0.5 then 6.5%") == Decimal("6.5")
    assert normalize_percent("0.06875", bare=False) is None
    assert normalize_percent("250") is None


@pytest.mark.parametrize(
    "text",
    ["XXX-XX-1234", "***-**-1234", "xxx-xx-1234", "SSN: 123-45-1234", "XXXXX1234",
     "ending in 1234", "xxx xx 1234",
     "_XXX-XX-1234",  # a speck OCR read as an underscore before the mask
     "Jo Doe   -##-1234   18 Elm",  # the mask's first group lost, its hyphen kept
     "Elm St, Troy,  53789   xxx 1234"],  # ... or its middle group
)  # fmt: skip
def test_ssn_last4(text: str) -> None:
    assert normalize_ssn_last4(text) == "1234"


def test_ssn_absent() -> None:
    assert normalize_ssn_last4("Phone (555) 123-4567") is None
    # a short mask with no hyphen before it, or glued to a word, is no SSN
    assert normalize_ssn_last4("##-1234") is None
    assert normalize_ssn_last4("Ln-##-1234") is None
    assert normalize_ssn_last4(None) is None


@pytest.mark.parametrize(
    "text",
    [
        "****4455",
        "XXXXXX4455",
        "Account ending in 4455",
        "000123454455",
        "XXXX-XXXX-4455",
        "7000x4455",  # OCR read most of the mask as digits
        "##4%4455",  # a mark read as a digit, another as a percent sign
    ],
)
def test_account_last4(text: str) -> None:
    assert normalize_account_last4(text) == "4455"


def test_a_date_is_no_account_number() -> None:
    assert normalize_account_last4("2026-08-07 through 2026-09-06") is None
    assert normalize_account_last4("2026-08-07 through 2026-09-06 Checking .. -3078") == "3078"


def test_names_keep_case_and_trim() -> None:
    assert normalize_name("  John   Q.  Smith ,") == "John Q. Smith"
    assert normalize_name("SMITH, JOHN Q") == "SMITH, JOHN Q"
    assert normalize_name("   ") is None
    assert name_key("SMITH,  John q.") == name_key("smith john Q")


def test_ocr_digit_fix_leaves_words() -> None:
    assert (
        fix_ocr_digits("Pay Date O1/O9/2O26 Total l,234.56") == "Pay Date 01/09/2026 Total 1,234.56"
    )
    assert fix_ocr_digits("Oil Lane 12") == "Oil Lane 12"


def test_a_space_on_either_side_of_the_cents_point() -> None:
    assert fix_ocr_digits("Bonus  13051 .93  550. 48") == "Bonus  13051.93  550.48"
    # a lone figure before a point is no amount split apart
    assert fix_ocr_digits("v 1 .25") == "v 1 .25"
    # ... but one after a dollar sign is (`$0 .00`)
    assert fix_ocr_digits("CARD  $0 .00  $0. 00  OPEN") == "CARD  $0.00  $0.00  OPEN"
    # the last cent read as a bracket, or set apart by a space
    assert fix_ocr_digits("Taxes:  $1,729.6]   a month") == "Taxes:  $1,729.61   a month"
    assert fix_ocr_digits("Escrow   4,729.6 1") == "Escrow   4,729.61"
    # a ZIP's bracket, a rate's digit beside: left alone
    assert fix_ocr_digits("FL 32271]  Rate 6.5 1") == "FL 32271]  Rate 6.5 1"


def test_a_colon_for_a_thousands_comma_after_a_dollar_sign() -> None:
    assert fix_ocr_digits("CARD  $11:600)  $0") == "CARD  $11,600)  $0"
    # a time of day, or figures without a sign, stay as they are
    assert fix_ocr_digits("at 10:30 and 12:300") == "at 10:30 and 12:300"


def test_a_cents_point_read_as_a_comma_and_a_thousands_comma_as_a_degree() -> None:
    assert fix_ocr_digits("$54079,92  $23\u00b0356.80") == "$54079.92  $23,356.80"
    # thousands commas, however many, stay commas
    assert fix_ocr_digits("1,234,56 and 12345,678") == "1,234,56 and 12345,678"


def test_a_rule_before_a_dollar_sign_is_not_a_digit() -> None:
    assert normalize_money(fix_ocr_digits("|$917000.00")) == Decimal("917000.00")
    # before the digits themselves it may well be a 1
    assert fix_ocr_digits("|2,345.00") == "12,345.00"


@given(st.decimals(min_value=Decimal("-9999999.99"), max_value=Decimal("9999999.99"), places=2))
def test_money_round_trip(value: Decimal) -> None:
    text = f"${abs(value):,.2f}"
    if value < 0:
        text = f"({text})"
    assert normalize_money(text) == value


@given(st.dates(min_value=date(1971, 1, 1), max_value=date(2069, 12, 31)))
def test_date_round_trip(value: date) -> None:
    for fmt in ("%m/%d/%Y", "%B %d, %Y", "%Y-%m-%d", "%d-%b-%Y", "%b %d %Y", "%d %B %Y"):
        assert normalize_date(value.strftime(fmt)) == value
    assert normalize_date(f"{value.month}/{value.day}/{value.year % 100:02d}") == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("S1,234.56", Decimal("1234.56")),  # `$` read as S
        ("4,5S0.00", Decimal("4550.00")),  # 5 read as S
        ("3B8.71", Decimal("388.71")),  # 8 read as B
        ("550. 48", Decimal("550.48")),  # a stray space after the point
        ("1 ,234.56", Decimal("1234.56")),
        ("12, 345.67", Decimal("12345.67")),
        ("$l,2O8.33", Decimal("1208.33")),
    ],
)
def test_ocr_confusions_in_amounts(text: str, expected: Decimal) -> None:
    assert normalize_money(text) == expected


@pytest.mark.parametrize(
    "text", ["SSN 1234", "Box B", "Section S", "SALES TAX", "Schedule B 2024", "Apr 15, 2025"]
)
def test_ocr_fixes_leave_words_and_dates_alone(text: str) -> None:
    assert fix_ocr_digits(text) == text


def test_ocr_confusions_in_dates() -> None:
    assert normalize_date("Apr l5, 2O2S") == date(2025, 4, 15)
    assert normalize_date("O4/1S/2025") == date(2025, 4, 15)


@pytest.mark.parametrize("text", ["Apr 15, $025", "Apr 15°2025", "Apr 15»2025", "Apr 15,2025"])
def test_ocr_marks_in_written_dates(text: str) -> None:
    assert normalize_date(text) == date(2025, 4, 15)


def test_a_notes_signing_instruction_is_not_a_person() -> None:
    from flightline.pipeline.extractors.names import clean_person

    assert clean_person("{Sign Original Only") is None
    assert clean_person("Witness Signature") is None
    assert clean_person("Joseph Johnson") == "Joseph Johnson"
    # the next box's caption read as a name (`16 State St wages`)
    assert clean_person("16 State St") is None
    # ... its box number lost
    assert clean_person("State St") is None
    # a credit report's score table caption under a garbled `Applicant`
    assert clean_person("Bureau / Model") is None


def test_a_speck_read_as_a_small_letter_before_a_name_is_dropped() -> None:
    from flightline.pipeline.extractors.names import clean_person

    assert clean_person("i Daniel J. Ayala") == "Daniel J. Ayala"
    assert clean_person("l Mary Jones") == "Mary Jones"
    # a particle is a name's own word; one word after a speck is no name
    assert clean_person("de La Cruz Maria") == "de La Cruz Maria"
    assert clean_person("i Daniel") is None


def test_an_opening_quote_before_a_name_is_a_speck() -> None:
    from flightline.pipeline.extractors.names import clean_person

    assert clean_person("\u2018Tina T. West") == "Tina T. West"
    assert clean_person("\u201cAmy Lee") == "Amy Lee"
    # a closing quote's leftover of a caption (`'s name`) is still none
    assert clean_person("\u2019s Name") is None


def test_a_yen_sign_inside_a_name_is_a_y_and_a_caption_tail_is_no_name() -> None:
    from flightline.pipeline.extractors.names import clean_person

    assert clean_person("Taylor Mcint\u00a5re") == "Taylor Mcintyre"
    assert clean_person("& Addressof Employem") is None
    # a caption's words beside its value (`Last La name`) are no name
    assert clean_person("Last La") is None
    assert clean_person("Mary Middleton") == "Mary Middleton"


def test_a_month_number_no_calendar_has_is_repaired_only_when_one_digit_makes_one_month() -> None:
    from flightline.pipeline.extractors.cells import repair_dates

    assert repair_dates("Year To Date (Thru 99-30-2025)") == "Year To Date (Thru 09-30-2025)"
    assert repair_dates("39/01/2024") == "09/01/2024"
    # 15 could be 05, 10, 11 or 12; 00 any of 01-09: left as read
    assert repair_dates("15-30-2025") == "15-30-2025"
    assert repair_dates("00-12-2025") == "00-12-2025"
    assert repair_dates("09-30-2025") == "09-30-2025"


def test_repair_dates_joins_a_two_digit_month_split_by_a_space() -> None:
    from flightline.pipeline.extractors.cells import repair_dates

    assert repair_dates("859000.00        1 1/23/2026        2") == (
        "859000.00        11/23/2026        2"
    )
    assert repair_dates("1 2-01-2025") == "12-01-2025"
    # a lone 1 before a month that cannot take a second digit, or a cell apart
    assert repair_dates("1 3/23/2026") == "1 3/23/2026"
    assert repair_dates("Units 1        1/23/2026") == "Units 1        1/23/2026"
    # part of a longer number or amount: not a month's first digit
    assert repair_dates("$21 1/23/2026") == "$21 1/23/2026"


def test_repair_dates_joins_a_day_split_by_a_space() -> None:
    from flightline.pipeline.extractors.cells import repair_dates

    assert repair_dates("05/1 5/2026        04/27/2026") == "05/15/2026        04/27/2026"
    assert repair_dates("05-2 8-2026") == "05-28-2026"
    # a day's first figure is 0-3; a cell apart is another value
    assert repair_dates("05/4 5/2026") == "05/4 5/2026"
    assert repair_dates("05/1        5/2026") == "05/1        5/2026"


def test_repair_dates_drops_a_speck_before_a_written_dates_year() -> None:
    from flightline.pipeline.extractors.cells import repair_dates

    assert repair_dates("Information current a.. May 16, 92025") == (
        "Information current a.. May 16, 2025"
    )
    # a numeric date or a year of its own is left as read
    assert repair_dates("05/16/92025") == "05/16/92025"
    assert repair_dates("Tracking 92025") == "Tracking 92025"


def test_repair_dates_reads_a_months_zero_read_as_a_round_letter() -> None:
    from flightline.pipeline.extractors.cells import repair_dates

    assert repair_dates("Date of Verification:        Q6-18-2025") == (
        "Date of Verification:        06-18-2025"
    )
    # within a word it is a letter
    assert repair_dates("REQ6-18-2025") == "REQ6-18-2025"
    # ... and a day's
    assert repair_dates("10-Q9-2025    ONLINE TRANSFER") == "10-09-2025    ONLINE TRANSFER"
    assert repair_dates("10-QQ9-2025") == "10-QQ9-2025"


def test_repair_dates_reads_a_years_zero_read_as_a_round_letter() -> None:
    from flightline.pipeline.extractors.cells import ocr_dates, repair_dates

    assert repair_dates("PAY DATE:        24-JUL-2Q26") == "PAY DATE:        24-JUL-2026"
    assert repair_dates("Pay date 07/24/2O26") == "Pay date 07/24/2026"
    assert ocr_dates("PAY DATE:        24-JUL-2Q26")[0][2] == date(2026, 7, 24)
    # not a date's year: a code stays as read
    assert repair_dates("REF 24-JUL-2Q26X") == "REF 24-JUL-2Q26X"
    assert repair_dates("A1/2Q26") == "A1/2Q26"


def test_fix_ocr_digits_joins_a_percentage_split_in_its_decimals() -> None:
    assert fix_ocr_digits("TOTAL OBLIGATIONS/INC.. 29.1 97%") == "TOTAL OBLIGATIONS/INC.. 29.197%"
    assert fix_ocr_digits("29.19 7%") == "29.197%"
    # two cells, each a whole figure: not one percentage
    assert fix_ocr_digits("24.004%  29.197%") == "24.004%  29.197%"
    assert fix_ocr_digits("Units 2 97%") == "Units 2 97%"


def test_a_thousands_comma_read_as_a_space_after_a_dollar_sign_or_alone_in_its_cell() -> None:
    assert fix_ocr_digits("Loan Amount  $481 100.00  NO") == "Loan Amount  $481,100.00  NO"
    assert fix_ocr_digits("LOAN AMOUNT        481 100.00") == "LOAN AMOUNT        481,100.00"
    # words before the figures: a count and an amount, not one amount
    assert fix_ocr_digits("STORE 12 100.00") == "STORE 12 100.00"


def test_a_cents_point_read_as_a_degree_sign() -> None:
    assert fix_ocr_digits("Salary  $5,182\u00b069  $103,653.80") == "Salary  $5,182.69  $103,653.80"
    assert fix_ocr_digits("$182\u00b069") == "$182.69"
    # no amount, no point: an angle stays one
    assert fix_ocr_digits("slope 45\u00b030") == "slope 45\u00b030"


def test_a_dollar_sign_read_as_a_five_before_a_four_figure_group() -> None:
    assert fix_ocr_digits("M     ,5249,000. 00 $2,551.00") == "M     $249,000.00 $2,551.00"
    assert fix_ocr_digits("M  5249,000.00  OPEN") == "M  $249,000.00  OPEN"
    # a well-grouped figure starting with 5 is that figure
    assert fix_ocr_digits("M  549,000.00  OPEN") == "M  549,000.00  OPEN"
    assert fix_ocr_digits("M  5,249,000.00  OPEN") == "M  5,249,000.00  OPEN"


def test_a_percent_sign_inside_a_number_leaves_no_amount() -> None:
    assert normalize_money("LOAN AMOUNT:  53%500.00") is None
    # a mask read with one is a mask still; a rate is a rate
    assert fix_ocr_digits("ACCOUNT ##4%4110") == "ACCOUNT ##4%4110"
    assert fix_ocr_digits("rate 5.5% 10 years") == "rate 5.5% 10 years"


def test_a_percentage_after_a_speck_mark_is_a_fragment() -> None:
    # `54 .#68%` (54.768%): the figures after the mark are no percentage
    assert find_percents("Total Obligations/Inc.. 54 .#68%") == []
    assert find_percents("Primary Housing Expen.. 49.345%") == [(24, 31, Decimal("49.345"))]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Debt Ratio (DTI)        39 068%", Decimal("39.068")),  # the point read as a space
        ("DTI 41 250%", Decimal("41.250")),  # 250% is no ratio of ours
        ("LTV 80 100%", Decimal("100")),  # 100% can be printed alone
        ("Rate 7.625%", Decimal("7.625")),
        ("Debt Ratio (DTI)        42..550%", Decimal("42.550")),  # a point read twice
        ("Housing Ratio        26 .083%", Decimal("26.083")),  # a point set apart
        ("Debt Ratio (DTI)        22m 057%", Decimal("22.057")),  # the point a letter
        ("Total Obligations/Income: 33,904%", Decimal("33.904")),  # the point a comma
        ("Total Obligations/Income: 33,100%", Decimal("100")),  # 100% stands alone
    ],
)
def test_a_percentage_whose_point_was_read_as_a_space(text: str, want: Decimal) -> None:
    assert [v for _, _, v in find_percents(text)][-1] == want
    assert normalize_percent(text) == want


def test_a_dollar_amount_split_by_a_space_inside_its_last_group() -> None:
    assert fix_ocr_digits("NOOK #8887        $2041 1.16") == "NOOK #8887        $20411.16"
    assert fix_ocr_digits("the deposit of $1 4669.35 made") == "the deposit of $14669.35 made"
    # a percentage stays as read, and so do two cells a wide gap apart
    assert fix_ocr_digits("Pay $25 1.50%") == "Pay $25 1.50%"
    assert fix_ocr_digits("$12        3.00") == "$12        3.00"
    # a whole-dollar amount split where it ends its cell
    assert fix_ocr_digits("VALUE OF SUBJECT PROPERTY:        $77 1000") == (
        "VALUE OF SUBJECT PROPERTY:        $771000"
    )
    assert (
        fix_ocr_digits("Value  $77 1000        25-Apr-2025") == "Value  $771000        25-Apr-2025"
    )
    # a count after an amount in a sentence is no part of it
    assert fix_ocr_digits("rent of $900 1000 times") == "rent of $900 1000 times"


@pytest.mark.parametrize("text", ["LTV        .994%", "Debt Ratio 057%", "Ratio 05%"])
def test_a_percentages_fraction_whose_whole_part_was_lost_is_no_percentage(text: str) -> None:
    # `68.994%` read `.994%`: neither 994% nor a bare 0.994 (99.4%)
    assert normalize_percent(text) is None
    assert find_percents(text) == []


def test_a_numeric_dates_separator_read_as_a_tilde() -> None:
    text = fix_ocr_digits("PERIOD: 08~11-2025 TO 08-24-2025")
    assert text == "PERIOD: 08-11-2025 TO 08-24-2025"
    assert fix_ocr_digits("09~14/2025") == "09/14/2025"
    # a tilde between other figures is left as read
    assert fix_ocr_digits("approx 08~11 units") == "approx 08~11 units"


def test_a_speck_before_a_month_in_capitals() -> None:
    text = fix_ocr_digits("DATE PAID: 10-dJUL-2026")
    assert text == "DATE PAID: 10-JUL-2026"
    # a word in small letters before a month is left as it is
    assert fix_ocr_digits("Unit 5 aJULY 2026") == "Unit 5 aJULY 2026"
    # and a space after an ISO date's first dash
    assert fix_ocr_digits("2026- 03-01 - 2026-03-31") == "2026-03-01 - 2026-03-31"


def test_a_month_in_capitals_whose_middle_letter_was_garbled() -> None:
    text = fix_ocr_digits("MEMBER STATEMENT   01-J[L-2026 TO 31-JUL-2026")
    assert text == "MEMBER STATEMENT   01-JUL-2026 TO 31-JUL-2026"
    assert fix_ocr_digits("15-S|P-2025") == "15-SEP-2025"
    # J_N could be January or June: left unread
    assert fix_ocr_digits("01-J[N-2026") == "01-J[N-2026"
    # not a date's month (no year after it): left as it is
    assert fix_ocr_digits("Unit 4-J[L-B") == "Unit 4-J[L-B"


def test_an_account_masks_last_four_whose_one_was_read_as_a_letter() -> None:
    assert normalize_account_last4("REGULAR SHARE SAVINGS   ACCOUNT XXXXXXL189") == "1189"
    assert normalize_account_last4("Checking ****I204") == "1204"
    # a letter a 1 does not look like is no figure of the number
    assert normalize_account_last4("ACCOUNT XXXXXXB189") is None


def test_an_account_mask_read_with_ks_and_a_speck_in_the_next_column() -> None:
    # `XXXKXK6507        4`: the mask's X read as K, a speck a column away
    assert normalize_account_last4("SHARE DRAFT CHECKING   ACCOUNT XXXKXK6507        4") == "6507"
    # a state before a number is no mask; groups one space apart are one number
    assert normalize_account_last4("MN 1234") is None
    assert normalize_account_last4("Account 1234 5678 9012") == "9012"


def test_a_dates_first_dash_read_as_a_figure_is_a_dash_again() -> None:
    from flightline.pipeline.extractors.cells import repair_dates

    line = "Statement Dates:        09-22-2026 to 10421-2026"
    assert repair_dates(line) == "Statement Dates:        09-22-2026 to 10-21-2026"
    # no month 14: an amount or a number, left as read
    assert repair_dates("Ref 14421-2026") == "Ref 14421-2026"
    # a speck after the month's name read as a comma
    assert repair_dates("Jun,18, 2025 to Jul 17, 2025") == "Jun 18, 2025 to Jul 17, 2025"
    # an ISO date's dash read as a degree sign
    assert repair_dates("2025-09\u00b007 to 2025-10-06") == "2025-09-07 to 2025-10-06"
    assert repair_dates("2025\u00b009-07") == "2025-09-07"
    # ... or as a semicolon; a month's 1 read as a T
    assert repair_dates("2026-T0-23  2026-10;05 - 2026-10-18") == (
        "2026-10-23  2026-10-05 - 2026-10-18"
    )
    # a T before a month no calendar has with a 1 is left as read
    assert repair_dates("2026-T5-23") == "2026-T5-23"


def test_a_quote_mark_after_a_name_is_a_speck() -> None:
    from flightline.pipeline.extractors.names import clean_person

    # no name ends in an apostrophe: `Williams\u2019` is a speck after the name
    assert clean_person("April D. Williams\u2019") == "April D. Williams"
    assert clean_person("April D. Williams'") == "April D. Williams"
    assert clean_person("Shaquille O'Neal") == "Shaquille O'Neal"


def test_a_year_one_figure_misread_is_settled_against_a_date_after_it() -> None:
    from datetime import date

    from flightline.pipeline.normalize import year_misread

    assert year_misread(date(2035, 8, 22), date(2025, 9, 3)) == date(2025, 8, 22)
    # two figures off, or no candidate within the span, or a leap day
    assert year_misread(date(2036, 8, 22), date(2025, 9, 3)) is None
    assert year_misread(date(2035, 8, 22), date(2025, 9, 3), days_before=5) is None
    assert year_misread(date(2028, 2, 29), date(2025, 9, 3)) is None


def test_an_amount_glued_to_figures_by_a_mark_is_a_fragment() -> None:
    from flightline.pipeline.normalize import find_money

    # `$ 278,670.18` read `$ 27\u00a78670.18`: the figures after the mark are
    # no amount of their own (the mark may be a figure, or a comma)
    assert [v for _, _, v in find_money("Closing Balance  $ 27\u00a78670.18")] == []
    assert [v for _, _, v in find_money("$1'234.56")] == []
    # a mark between an amount and a figure elsewhere leaves both
    assert [v for _, _, v in find_money("2 $100.00")] == [Decimal(2), Decimal("100.00")]
    assert [v for _, _, v in find_money("Line 2: $100.00")] == [Decimal(2), Decimal("100.00")]


def test_a_date_with_a_dash_doubled_across_a_space() -> None:
    from flightline.pipeline.extractors.cells import ocr_dates, repair_dates

    # `(Thru: 04-11- -2025)`: a speck read as a second dash
    assert [d for _, _, d in ocr_dates("Year To Date (Thru: 04-11- -2025)")] == [date(2025, 4, 11)]
    # a range of two dates is no such date
    assert repair_dates("04-11 - 05-2025") == "04-11 - 05-2025"


def test_cents_run_into_a_garbled_figure_are_no_amount() -> None:
    from flightline.pipeline.extractors.values import money_tokens

    assert money_tokens("2362%.00") == []
    # a lone point's cents after a space or a sign still are
    assert [v for _, _, v in money_tokens("Fee $.50")] == [Decimal("0.50")]


def test_repair_numbers_reads_a_thousands_comma_read_as_a_brace() -> None:
    from flightline.pipeline.extractors.cells import repair_numbers

    assert repair_numbers("Gift Amounts       ieee        $30{000.00") == (
        "Gift Amounts       ieee        $30,000.00"
    )
    # a brace not between figure groups stays
    assert repair_numbers("{30000.00}") == "{30000.00}"


def test_a_dash_at_the_end_of_a_rule_is_no_minus_sign() -> None:
    # `OPENING  CLOSING` over `$434462.65  ---___-$134463.06`: the rule's
    # last dash sits against the dollar sign
    got = [v for _, _, v in find_money("$434462.65 \u2014___-$134463.06")]
    assert got == [Decimal("434462.65"), Decimal("134463.06")]
    assert [v for _, _, v in find_money("\u2014-$5.00")] == [Decimal("5.00")]
    # a minus after a space is still one
    assert [v for _, _, v in find_money("Balance -$1,234.00")] == [Decimal("-1234.00")]


def test_a_month_whose_leading_one_is_read_as_a_stroke() -> None:
    [(_, _, value)] = find_dates("Date of Verification:        l 2/03/2026")
    assert value == date(2026, 12, 3)
    assert find_dates("Dated | 1/05/26")[0][2] == date(2026, 11, 5)
    # an unpadded day, or no stroke before the month, stays as printed
    assert find_dates("Date:  l 2/3/2026")[0][2] == date(2026, 2, 3)
    assert find_dates("Date:  2/03/2026")[0][2] == date(2026, 2, 3)
    # a month past 12 is no date: the figures stay as read
    assert find_dates("Date:  l 5/03/2026")[0][2] == date(2026, 5, 3)
