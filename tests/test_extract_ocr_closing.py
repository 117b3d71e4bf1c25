"""Closing Disclosure and Note terms as OCR reads them: a digit dropped from
the loan amount, a speck before the payment or after the cents, a misspelt
word in the Note's payment sentence. The amount, rate, term and payment are
checked against each other; a text layer is taken as printed."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

from flightline.pipeline.extract import extract
from flightline.pipeline.extractors.terms import amortized
from flightline.pipeline.model import DocType, LogicalDocument, PageText

DOC = uuid.UUID("00000000-0000-0000-0000-00000000c105")


def run(doc_type: DocType, text: str, method: str = "ocr") -> LogicalDocument:
    doc = LogicalDocument(uuid.uuid4(), doc_type, 1.0, DOC, [1])
    extract(doc, [PageText(DOC, 1, text, method)])
    return doc


CD = """\
Closing Disclosure
Closing Information        Transaction Information        Loan Information
Date Issued        08/18/2026        Borrower        Jonathan Bowen
Loan Term        15 years        Purpose        Refinance  Product        Fixed Rate
Loan Terms
Loan Amount        Ati        $51,500.00        waa!        NO
Interest Rate        7.250%        NO
Monthly Principal & Interest        5,034.44        NO
Estimated Total Monthly Payment        6,093.73
"""


def test_amortized_payment() -> None:
    assert amortized(Decimal(551500), Decimal("7.25"), 180) == Decimal("5034.44")


def test_a_dropped_digit_in_the_loan_amount_is_the_one_the_payment_gives() -> None:
    assert run(DocType.closing_disclosure, CD).get("loan_amount") == Decimal("551500.00")


def test_a_text_layer_is_taken_as_printed() -> None:
    doc = run(DocType.closing_disclosure, CD, method="text")
    assert doc.get("loan_amount") == Decimal("51500.00")


def test_an_amount_two_digits_off_is_left_as_read() -> None:
    text = CD.replace("$51,500.00", "$51,900.00")
    assert run(DocType.closing_disclosure, text).get("loan_amount") == Decimal("51900.00")


def test_specks_around_the_amount_and_before_the_payment() -> None:
    text = CD.replace("$51,500.00        waa!", "551500.00g").replace(
        "Interest        5,034.44", "Interest        7        5034.44"
    )
    doc = run(DocType.closing_disclosure, text)
    assert doc.get("loan_amount") == Decimal("551500.00")
    assert doc.get("monthly_pi") == Decimal("5034.44")


NOTE = """\
NOTE
3. PAYMENTS
(A) Time and Place of Payments. I will pay principal and interest by making a payment every month
for 180 months. (B) Amount of,Monthly Payments. My monthly paymeng will be in the amount
of U.S. $5034.44.
"""


def test_the_note_payment_sentence_with_a_misspelt_word() -> None:
    assert run(DocType.note, NOTE).get("monthly_pi") == Decimal("5034.44")


def test_cash_to_close_from_the_calculating_table_is_the_final_column() -> None:
    text = CD.replace("Estimated Total Monthly Payment        6,093.73", "") + (
        "CASHTOCLOSH        55018.99 From Borrower\n"
        "Calculating Cash to Close\n"
        "Loan Estimate        Final        Did this change?\n"
        "Cash to Close        53230        55018.99        YES\n"
    )
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("55018.99")


CASH = """\
Closing Disclosure
Date Issued        07/13/2026
CASH TO CLOSE:        {first} From Borrower
Calculating Cash to Close
Cash to Close        $158031        {second}        YES
CASH TO CLOSE FROM BORROWER:        {third}
"""


def test_a_dollar_sign_read_as_a_digit_is_told_by_the_amounts_repeats() -> None:
    text = CASH.format(first="3157590.84", second="$157590.84", third="$157590.84")
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("157590.84")
    # two later readings agree one digit away: they are the amount
    text = CASH.format(first="$157990.84", second="$157590.84", third="$157590.84")
    doc = run(DocType.closing_disclosure, text.replace("$158031        ", ""))
    assert doc.get("cash_to_close") == Decimal("157590.84")
    # a repeat that is another amount altogether leaves the first reading
    text = CASH.format(first="$157590.84", second="$12,000.00", third="$12,000.00")
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("157590.84")
    # on a text layer the first reading is what the form says
    text = CASH.format(first="3157590.84", second="$157590.84", third="$157590.84")
    doc = run(DocType.closing_disclosure, text, method="text")
    assert doc.get("cash_to_close") == Decimal("3157590.84")


def test_an_amount_ocr_split_with_a_space_is_told_by_a_repeat() -> None:
    # `2941 23.30` for 294,123.30: a later reading holds its figures in order
    text = CASH.format(first="2941 23.30", second="294123.30", third="294123.30")
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("294123.30")
    # repeats of another amount leave the first reading
    text = CASH.format(first="2941 23.30", second="294124.30", third="294124.30")
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("2941")


def test_cash_to_close_from_the_estimate_column_gives_way_to_the_final_figure() -> None:
    # the table's Loan Estimate figure on the line under its caption, the
    # CD's own (with its cents) on the `From Borrower` line
    text = (
        "Closing Disclosure\n"
        "Cash to Close\n"
        "84037\n"
        "Summaries of Transactions\n"
        "Sale Price of Property        238000.00\n"
        "Cash to Close From Borrower        84440.76\n"
    )
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("84440.76")
    # without it the reading stands
    alone = text.replace("Cash to Close From Borrower        84440.76\n", "")
    assert run(DocType.closing_disclosure, alone).get("cash_to_close") == Decimal("84037")


def test_a_form_title_in_the_footer_is_not_the_borrower() -> None:
    # `... From Borrower` ends a line; the footer under it is the form's title
    text = (
        "Closing Disclosure\nDate Issued        Closing Date\n02-Sep-2025        02-Sep-2025\n"
        "CASH TO CLOSE        $ 138,960.21 From Borrower\n2\n7\n"
        "7        CLOSING DISCLOSURE Page 1 of 5\n"
    )
    assert run(DocType.closing_disclosure, text).get("borrower_name") is None


def test_repeats_a_digit_longer_do_not_override_the_first_reading() -> None:
    # each repeat may carry its dollar sign read as a digit
    text = CASH.format(first="$157590.84", second="3157590.84", third="3157590.84")
    doc = run(DocType.closing_disclosure, text.replace("$158031        ", ""))
    assert doc.get("cash_to_close") == Decimal("157590.84")


def test_the_apr_line_misspelt_is_not_the_interest_rate() -> None:
    text = (
        "Closing Disclosure\n"
        "Loan Amount        454300.00\n"
        "Interest Rate        zoos\n"
        "Annual p\u00e9fcentage Rate (APR). Your costs over the loan term expressed as a rate."
        " 7.702%\n"
    )
    doc = run(DocType.closing_disclosure, text)
    assert doc.fields.get("interest_rate") is None
    assert doc.fields["apr"].value == Decimal("7.702")


def test_a_garbled_escrow_is_not_the_total_payment_on_the_line_below() -> None:
    text = CD.replace(
        "Estimated Total Monthly Payment        6,093.73",
        "Estimated Escrow (amount can increase over time)        1,734835\n"
        "Estimated Total Monthly Payment        $ 6,093.73",
    )
    doc = run(DocType.closing_disclosure, text)
    assert doc.get("estimated_escrow_monthly") is None
    assert doc.get("estimated_total_monthly_payment") == Decimal("6093.73")


SPOKEN_NOTE = """\
FIXED RATE NOTE
DATE: 01-SEP-2026
PRINCIPAL: 168700.00
RATE: 8.250%   {header}
In return for a loan that I have received, I promise to pay U.S. $168,700.00 (this amount is called
"Principal" plus interest. I will pay interest at a yearly rate of 8.250%.
(A) Time and Place of Payments. I will pay principal and interest by making a payment
every month for 360
months. I wil? make my monthly payment, on the 1st day of each month beginning on
01-NOV-2026. If, gon
01-OCT-2056, I still owe amounts under this Note, I will pay those amounts in full.
(B) Amount of Monthly Payments. My monthly payment {sentence} be in fhe amount of U.S. $1,267.39.
"""


def test_note_terms_from_its_sentences_with_specks_and_a_payment_without_cents() -> None:
    doc = run(DocType.note, SPOKEN_NOTE.format(header="PAYMENT: 1267.39", sentence="wil}"))
    assert doc.get("loan_term_months") == 360
    assert doc.get("maturity_date") == date(2056, 10, 1)
    # `for 360` is no payment: the one the terms give, printed in the header
    assert doc.get("monthly_pi") == Decimal("1267.39")
    # a payment the terms give that the page prints nowhere is not taken
    unprinted = SPOKEN_NOTE.format(header="", sentence="wil}").replace(
        "U.S. $1,267.39", "the schedule"
    )
    assert run(DocType.note, unprinted).get("monthly_pi") is None


def test_a_note_payment_with_a_figure_read_as_a_mark_is_the_terms_payment() -> None:
    garbled = SPOKEN_NOTE.format(header="", sentence="will").replace(
        "U.S. $1,267.39.", "U.S.\n{267.39."
    )
    # `{267.39`: its first figure garbled past reading, the rest the terms' payment
    assert run(DocType.note, garbled).get("monthly_pi") == Decimal("1267.39")
    # a figure read as another figure may be what the page says: not taken
    other = garbled.replace("{267.39", "7267.39")
    assert run(DocType.note, other).get("monthly_pi") != Decimal("1267.39")


def test_note_payment_sentence_with_a_mark_for_a_letter() -> None:
    text = NOTE.replace("paymeng will be", "payment wil} be")
    assert run(DocType.note, text).get("monthly_pi") == Decimal("5034.44")


def test_an_amount_read_with_a_leading_zero_lost_its_first_figures() -> None:
    text = (
        "Closing Disclosure\n"
        "Loan Amount        $481 100.00        NO\n"
        "Interest Rate        8.125%        NO\n"
        "monthly Principal & Interest        071.57        NO\n"
        "Projected Payments\n"
        "Payment Calculation        Years 1-30\n"
        "principal & Interest        2,071.57\n"
        "Estimated Escrow (amount can increase over time)        506.73\n"
        "Estimated Total Monthly Payment        2,578.30\n"
    )
    doc = run(DocType.closing_disclosure, text)
    # `071.57`: no amount prints a leading zero; the repeat under the shorter
    # caption that ends with the same figures is the amount
    assert doc.get("monthly_pi") == Decimal("2071.57")
    # `$481 100.00`: the thousands comma read as a space
    assert doc.get("loan_amount") == Decimal("481100.00")
    # a figure the repeat does not end with stays as read
    other = run(DocType.closing_disclosure, text.replace("2,071.57", "2,095.10"))
    assert other.get("monthly_pi") == Decimal("71.57")


def test_a_notes_captions_read_with_braces() -> None:
    text = """NOTE
09-Jun-2025:        "West"Troy, MN
(Date}
91619 Larson Ln, West Troy, MN 56723
[Property Address}
1. BORROWER'S PROMISE TO PAY
"""
    doc = run(DocType.note, text)
    assert doc.get("property_address") == "91619 Larson Ln, West Troy, MN 56723"
    assert doc.get("note_date") == date(2025, 6, 9)


def test_a_note_header_rate_and_a_percent_sign_read_as_an_at_sign() -> None:
    header = "FIXED RATE NOTE\nDATE: 2026-09-28\nPRINCIPAL: $803,700.00\n"
    header += "RATE: 7.875%   PAYMENT: $6% 660.08\n"
    assert run(DocType.note, header).get("interest_rate") == Decimal("7.875")
    sentence = (
        "FIXED RATE NOTE\nInterest will be charged on unpaid principal. I will pay interest\n"
    )
    sentence += (
        "at a yearly rate of 7.875@. The interest rate required by this Section is the rate\n"
    )
    assert run(DocType.note, sentence).get("interest_rate") == Decimal("7.875")


def test_a_garbled_initial_escrow_deposit_is_no_monthly_escrow() -> None:
    text = "Closing Disclosure\nProjected Payments\n"
    text += "Estimated Escrow (amount can increase over time)        giisi\n"
    text += "Escrow Account\nfhitial Escrow Payment        $4849.18\n"
    assert run(DocType.closing_disclosure, text).get("estimated_escrow_monthly") is None


NOTE_PAYMENTS = """\
FIXED RATE NOTE
(A) Time and Place of Payments. I will pay principal and interest by making a payment every
month for 360 months. (B) Amount of Monthly Payments. My monthly
payment will be ia the amount of U.S. 1,537.57.
(A) Late Charge for Overdue Payments. If the Note Holder has not received the full amount of
any monthly payment by the
end of 10 calendar days after the date it is due, I will pay a late charge to the Note Holder.
"""


def test_a_note_payment_sentence_with_in_misread_and_never_the_late_charge_days() -> None:
    assert run(DocType.note, NOTE_PAYMENTS).get("monthly_pi") == Decimal("1537.57")
    # the payment garbled: nothing, not the late charge's 10 days
    garbled = NOTE_PAYMENTS.replace("1,537.57", "1,53?.57")
    assert run(DocType.note, garbled).get("monthly_pi") is None


def test_a_cds_escrow_account_lines_are_more_readings_of_the_escrow() -> None:
    text = (
        "Closing Disclosure\n"
        "Estimated Escrow (amount can increase overgime)        \u2014+$9,231.60_\n"
        "Estimated Total Monthly Payment        $57113.18\n"
        "Loan Disclosures\n"
        "Escrow Account\n"
        "Escrowed Property Costs over Year 1        $14,779.20\n"
        "Non-Escrowed Property Costs over Year 1        $0.00\n"
        "Initial Escrow Payment        $2,873.38\n"
        "Monthly Escrow Payment        $1,231.60\n"
    )
    doc = run(DocType.closing_disclosure, text)
    assert doc.get("escrow_account_monthly") == Decimal("1231.60")
    assert doc.get("escrowed_costs_year1") == Decimal("14779.20")
    # the non-escrowed costs and the initial payment are neither
    only = "Closing Disclosure\nNon-Escrowed Property Costs over Year 1        $650.00\n"
    only += "Initial Escrow Payment        $2,873.38\n"
    doc = run(DocType.closing_disclosure, only)
    assert doc.get("escrowed_costs_year1") is None and doc.get("escrow_account_monthly") is None


GARBLED_TERMS_NOTE = """\
FIXED RATE NOTE\u201d
DATE: 2026-06-04
PRINCIPAL: 410,300.00
RATE: 6.625%   PAYMENT: 2,656.97
at a yearly rate of 6.625%. The interest rate required by this Section is the rate I wl pay
3." PAYMENT
(A) Time and Place #of Payments. I will pay principal and interest by, making a payment
every month for 360@months. I
\u2018will make my monghly payment on the lst day of ea\u00a2h month beginnitfhg on 2026-08-01.
Jf, on 2056-07-01, I still Swe
amounts under this Note, I will pay those amoynts in full on that date,
#which #s called the "Maturity Date." (B)
Amoupt of Monghly Payments. My monthly payment will be in the amount of UTS. 2,654.97.
"""


def test_note_terms_whose_sentences_ocr_garbled_are_still_read() -> None:
    doc = run(DocType.note, GARBLED_TERMS_NOTE)
    # `360@months`: a speck between the count and its word
    assert doc.get("loan_term_months") == 360
    # `beginnitfhg on`, `Jf, on ... I still Swe`: letters misread
    assert doc.get("first_payment_date") == date(2026, 8, 1)
    assert doc.get("maturity_date") == date(2056, 7, 1)
    # `UTS.`: the payment sentence read, never the count of payments
    assert doc.get("monthly_pi") == Decimal("2654.97")


def test_a_note_payment_sentence_whose_us_lost_its_s_and_a_month_misread() -> None:
    text = GARBLED_TERMS_NOTE.replace(
        "every month for 360@months", "every mdnth for 360\n\u2018months"
    ).replace("UTS. 2,654.97", "U.    2,654.97")
    doc = run(DocType.note, text)
    assert doc.get("loan_term_months") == 360
    assert doc.get("monthly_pi") == Decimal("2654.97")
    # the sentence lost: the header's payment, printed with its cents
    header_only = text.replace("the amount of U.    2,654.97.", "the amount of")
    assert run(DocType.note, header_only).get("monthly_pi") == Decimal("2656.97")


def test_a_scanned_security_instrument_naming_two_people_for_its_borrower_leaves_it_unread() -> (
    None
):
    from tests.test_extract import DEED

    signed = DEED + "_____________________ (Seal)\nMaria L Garcia - Borrower\n"
    garbled = signed.replace('"Borrower" is Maria L Garcia.', '"Borrower" is fen L Garcia.')
    # the term's sentence and the signature read as two people: one is a misread
    assert run(DocType.security_instrument, garbled).get("borrower_name") is None
    # the two alike, or a letter apart, name the borrower
    assert run(DocType.security_instrument, signed).get("borrower_name") == "Maria L Garcia"
    near = signed.replace('"Borrower" is Maria L Garcia.', '"Borrower" is Marla L Garcia.')
    assert run(DocType.security_instrument, near).get("borrower_name") == "Marla L Garcia"
    # a text layer is no misread: its sentence stands
    got = run(DocType.security_instrument, garbled, method="text").get("borrower_name")
    assert got == "fen L Garcia"


def test_a_note_rate_sentence_with_a_speck_after_its_words_beats_a_misread_header() -> None:
    text = (
        "FIXED RATE NOTE\n"
        "Note Date        Loan Amount        Interest Rate\n"
        "2025-06-12        $243,500.00        7.425%\n"
        "Interest will be charged on unpaid principal. I will pay interest at a yearly rate of*\n"
        "7.125%. The interest rate required by this Section is the rate I will pay.\n"
    )
    # the sentence's rate, its `of` followed by a speck, is read before the header's
    assert run(DocType.note, text).get("interest_rate") == Decimal("7.125")


HEADED_NOTE = """\
FIXED RATE NOTE
DATE: 10-06-2025
PRINCIPAL: $527,600.00
RATE: 8.000%   PAYMENT: $3,871.34
1. BORROWER'S PROMISE TO PAY
In return for a loan that I have received, I promise to pay {words}(U.S. {amount}) (this amount
is called "Principal"), plus interest.
2. INTEREST
I will pay interest at a yearly rate of 8.000%.
3. PAYMENTS
I will pay principal and interest by making a payment every month for 360 months.
"""


def test_a_note_amount_two_digits_off_is_the_heading_amount_the_payment_fits() -> None:
    # `$537, 600.08`: two figures misread in the promise to pay; the heading
    # prints the amount whole, and only it gives the payment to the cent
    text = HEADED_NOTE.format(amount="$537, 600.08", words="")
    assert run(DocType.note, text).get("principal_amount") == Decimal("527600.00")
    # (`a payment, every month`: a speck read as a comma; the term still read)
    specked = text.replace("a payment every", "a payment, every")
    assert run(DocType.note, specked).get("principal_amount") == Decimal("527600.00")
    # a heading amount the payment does not fit settles nothing: the one-figure
    # repair stands (cents within the payment's rounding)
    other = text.replace("PRINCIPAL: $527,600.00", "PRINCIPAL: $527,900.00")
    assert run(DocType.note, other).get("principal_amount") == Decimal("527600.08")


def test_a_note_amount_in_figures_that_differs_from_its_words_is_the_words() -> None:
    words = "Five Hundred Twenty= -Seven Thousand six Hundred\nand 00/100 Dollars "
    text = HEADED_NOTE.format(amount="$537, 600.08", words=words).replace(
        "PRINCIPAL: $527,600.00", "PRINCIPAL: $827,600.00"
    )
    # the heading's figures misread too: the words prevail, specks and all
    assert run(DocType.note, text).get("principal_amount") == Decimal("527600.00")
    # a word misread past reading (`Sevcn`) settles nothing
    garbled = text.replace("-Seven", "-Sevcn")
    assert run(DocType.note, garbled).get("principal_amount") != Decimal("527600.00")
    # nor do words far from the figures: another amount's
    other = text.replace("Five Hundred", "Two Hundred")
    assert run(DocType.note, other).get("principal_amount") != Decimal("227600.00")


def test_a_cash_to_close_whose_sign_ocr_lost_goes_where_the_page_says_it_goes() -> None:
    text = (
        "Closing Disclosure\n"
        "Date Issued        07/23/2025\n"
        "Calculating Cash to Close\n"
        "cash to Close        -320,602        \u00ab320,906.39        YES\n"
        "CASH TO CLOSE        -320,906.39 To Borrower\n"
    )
    assert run(DocType.closing_disclosure, text).get("cash_to_close") == Decimal("-320906.39")
    # the same amount printed from the borrower: it stays the borrower's to pay
    paid = text.replace("-320,906.39 To Borrower", "320,906.39 From Borrower")
    assert run(DocType.closing_disclosure, paid).get("cash_to_close") == Decimal("320906.39")
