"""Garbled amount cells of a table row settled by the row's total."""

from __future__ import annotations

from decimal import Decimal

from flightline.pipeline.extractors.row_sums import readings, settled


def test_a_garbled_cell_reads_with_its_point_restored_or_its_sign_dropped() -> None:
    # `$130,227.12`: the sign read as a 3, the point and comma lost
    assert readings('"313022712') == [Decimal("130227.12"), Decimal("3130227.12")]
    # an L for a 1, the point lost
    assert Decimal("12581.09") in readings("\u2014-$12,58L09")
    # a clean cell is as read, and only that
    assert readings("$142,808.21") == [Decimal("142808.21")]
    # words and a figure or two are no amount
    assert readings("Wee") == [] and readings("7") == []


def test_the_one_choice_that_makes_the_total() -> None:
    parts = ['"313022712', "8.0.00", "\u2014-$12,58L09"]
    assert settled(parts, "$142,808.21") == [
        Decimal("130227.12"),
        Decimal("0.00"),
        Decimal("12581.09"),
    ]
    # a total that no choice makes, or one read garbled, settles nothing
    assert settled(parts, "$142,808.22") is None
    assert settled(parts, "$142,8O8.21") is None
    # a part with no reading at all leaves the row unread
    assert settled(["Wee", "$0.00", "$5.00"], "$10.00") is None


def test_two_choices_that_make_the_total_settle_nothing() -> None:
    # 120 + 30 and 20 + 130 both make 150: neither is taken
    assert settled(["12000", "13000"], "$150.00") is None
    assert settled(["12000", "13000"], "$250.00") == [Decimal("120.00"), Decimal("130.00")]
