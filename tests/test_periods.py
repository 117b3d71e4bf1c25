"""A statement's period as OCR leaves it, read alike by the splitting and by
the bank statement reader: one date garbled is the other's month, a year no
statement has is a misread, and a guess between two readings is no reading."""

from __future__ import annotations

from datetime import date

from flightline.pipeline.model import DocType
from flightline.pipeline.periods import pay_frequency_of, statement_period, statement_periods
from tests.test_classify import split


def test_both_dates_read() -> None:
    got = statement_period("April 1, 2026 through April 30,2026")
    assert got == (date(2026, 4, 1), date(2026, 4, 30))
    # a yearly statement is still a period; dates out of order are not
    assert statement_period("01/01/2026 - 12/31/2026") == (date(2026, 1, 1), date(2026, 12, 31))
    assert statement_period("03/01/2026 - 02/01/2026") is None


def test_a_year_no_statement_has_is_the_other_dates_month_misread() -> None:
    want = (date(2025, 9, 29), date(2025, 10, 28))
    assert statement_period("MEMBER STATEMENT   2025-09-29 THROUGH 2925-10-28") == want
    # either date may hold the misread: the period of a year a statement can have
    assert statement_period("2925-09-29 THROUGH 2025-10-28") == want


def test_tildes_for_hyphens_and_a_garbled_first_day() -> None:
    got = statement_period("MEMBER STATEMENT   @1-MAR-2026 TO 31~MAR~2026")
    assert got == (date(2026, 3, 1), date(2026, 3, 31))
    # two characters off the implied date is no reading
    assert statement_period("MEMBER STATEMENT   @@-MAR-2026 TO 31~MAR~2026") is None


def test_a_rule_before_the_first_date_and_a_written_month_two_letters_off() -> None:
    want = (date(2026, 2, 20), date(2026, 3, 19))
    assert statement_period("_20-FEB-2026 - 19-MAR-2026        Checking ...6433") == want
    # a written date is long enough to tell with two characters misread
    assert statement_period("Febryary'20, 2026 - March 19, 2026 ACCOUNT") == want
    # not three, nor a short form with two
    assert statement_period("Fabryary'20, 2026 - March 19, 2026") is None
    assert statement_period("2@-FEB-2O2% - 19-MAR-2026") is None
    # a 1 read as a bracket (`3]`): one character off the month's last day
    got = statement_period("01-AUG-2025 through 3]-AUG-2025        Checking ...8649")
    assert got == (date(2025, 8, 1), date(2025, 8, 31))
    assert statement_period("01-AUG-2025 through 3]-SEP-2025") is None
    # ... or a brace (`0}`)
    got = statement_period("FOR THE PERIOD: Aug 0}, 2026 - Aug 31, 2026 ACCOUNT NUMBER: *8*#2159")
    assert got == (date(2026, 8, 1), date(2026, 8, 31))


_PAGE = """\
EAST MONICAFORT FEDERAL CREDIT UNION
MEMBER STATEMENT   {period}
ANGELA GUERRA
3590 WILSON TRAIL, SMITHSHIRE, OR 97503
SHARE DRAFT CHECKING   ACCOUNT XXXXXX5679
PREVIOUS BALANCE        {opening}
POSTED DESCRIPTION        WITHDRAWAL     DEPOSIT      BALANCE
03/05   ONLINE PMT LIBERTY CARD SERVICES        170.00        177308.95
03/06   ACH CREDIT MURPHY PHARMACY SERVIC PAYRL        1702.65    179011.60
ENDING BALANCE        {closing}
"""


def test_two_months_of_one_account_split_when_one_period_is_garbled() -> None:
    april = _PAGE.format(
        period="April 1, 2026 through April 30, 2026", opening="179607.30", closing="180692.69"
    )
    march = _PAGE.format(
        period="@1-MAR-2026 TO 31~MAR~2026", opening="177478.95", closing="179607.30"
    )
    got = split(april, march, method="ocr")
    assert got == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]


def test_either_date_the_misread_one_gives_both_periods_and_no_reading() -> None:
    line = "MEMBER STATEMENT   2025-10-01 THROUGH 2028-10-31"
    assert statement_periods(line) == {
        (date(2025, 10, 1), date(2025, 10, 31)),
        (date(2028, 10, 1), date(2028, 10, 31)),
    }
    assert statement_period(line) is None


def test_a_page_whose_period_may_be_either_reading_splits_only_from_neither() -> None:
    september = _PAGE.format(
        period="Sep 01, 2025 through Sep 30, 2025", opening="14430.02", closing="14434.63"
    )
    october = _PAGE.format(
        period="2025-10-01 THROUGH 2028-10-31", opening="14434.63", closing="14442.85"
    )
    got = split(september, october, method="ocr")
    assert got == [(DocType.bank_statement, [1]), (DocType.bank_statement, [2])]
    # a page one of whose readings is the open statement's period goes with it
    same = _PAGE.format(
        period="2025-09-01 THROUGH 2028-09-30", opening="14430.02", closing="14434.63"
    )
    assert split(september, same, method="ocr") == [(DocType.bank_statement, [1, 2])]


def test_a_period_end_run_into_its_through_with_a_figure_read_as_a_bracket() -> None:
    # `througha)7/21/2025`: a speck glued to the word, the month's 0 read `)`
    line = "06/22/2025 througha)7/21/2025,        My        Checking ...9309"
    assert statement_periods(line) == {(date(2025, 6, 22), date(2025, 7, 21))}


def test_a_pay_periods_length_gives_its_frequency() -> None:
    d = date
    assert pay_frequency_of(d(2026, 4, 20), d(2026, 5, 3)) == "biweekly"
    assert pay_frequency_of(d(2026, 3, 20), d(2026, 3, 26)) == "weekly"
    assert pay_frequency_of(d(2026, 2, 16), d(2026, 2, 28)) == "semimonthly"
    assert pay_frequency_of(d(2026, 3, 1), d(2026, 3, 15)) == "semimonthly"
    assert pay_frequency_of(d(2026, 2, 1), d(2026, 2, 28)) == "monthly"
    # a length no schedule has (a date misread) gives none
    assert pay_frequency_of(d(2026, 4, 20), d(2026, 5, 5)) is None
    assert pay_frequency_of(d(2026, 3, 2), d(2026, 3, 31)) is None
