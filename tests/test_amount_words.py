"""An amount written in words, as instruments print it, read back."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from flightline.pipeline.extractors.amount_words import words_amounts
from flightline.synth.fmt import amount_words


@given(st.integers(min_value=1, max_value=999_999_999_99))
def test_any_amount_in_words_reads_back(cents: int) -> None:
    value = Decimal(cents) / 100
    text = f"I promise to pay {amount_words(value)} Dollars (U.S. ${value:,.2f})"
    assert words_amounts(text) == [(17, value)]


def test_words_out_of_a_numbers_order_are_no_amount() -> None:
    for words in ("Twenty Twelve", "Five Six Hundred", "Thousand Five", "Six Thousand Million"):
        assert words_amounts(f"owes Lender {words} and 00/100 Dollars") == []
