"""Two statements of one account read with the same period (a copy in the
file, or two periods OCR made alike) do not stop the review."""

from __future__ import annotations

from datetime import date

from tests.rules.builders import run
from tests.rules.test_compare import _scanned, _statements


def test_two_statements_with_one_period_are_compared_by_period_only() -> None:
    loan = _statements(
        ("5678", date(2026, 1, 1), date(2026, 1, 20)),
        ("5678", date(2026, 1, 1), date(2026, 1, 20)),
        ("5678", date(2026, 3, 1), date(2026, 3, 31)),
    )
    assert isinstance(run(_scanned(loan), "AST-003"), list)
