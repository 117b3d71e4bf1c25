"""A rule or the figures meeting something they cannot handle: the check is
reported as not made (DOC-002), the other rules still run, and the loan
cannot clear on a check that never ran."""

from __future__ import annotations

import logging

import pytest

from flightline.rules import figures as figures_module
from flightline.rules.engine import REGISTRY, LoanContext, decide, run_rules
from flightline.rules.figures import compute_figures
from tests.rules.builders import clean_loan


def _raise(ctx: LoanContext) -> object:
    raise ValueError("John Michael Smith 123-45-6789")


def test_a_clean_loan_clears() -> None:
    ctx = clean_loan().context()
    compute_figures(ctx)
    assert decide(run_rules(ctx))[1] == "cleared"


def test_a_rule_that_raises_is_reported_as_not_checked(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    ctx = clean_loan().context()
    monkeypatch.setitem(REGISTRY, "CRD-001", _raise)
    compute_figures(ctx)
    with caplog.at_level(logging.ERROR, logger="flightline.rules"):
        issues = run_rules(ctx)
    not_checked = [i for i in issues if i.code == "DOC-002"]
    assert [i.subject for i in not_checked] == ["check: rule CRD-001"]
    assert "rule CRD-001" in not_checked[0].summary
    assert decide(issues)[1] == "exception"
    assert not any(i.code == "CRD-001" for i in issues)
    assert [r.__dict__.get("task") for r in caplog.records] == ["CRD-001"]


def test_figures_that_cannot_be_computed_are_one_finding(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(figures_module, "_compute", _raise)
    ctx = clean_loan().context()
    compute_figures(ctx)
    assert ctx.figures == {}
    issues = run_rules(ctx)
    not_checked = [i for i in issues if i.code == "DOC-002"]
    assert [i.subject for i in not_checked] == ["check: figures"]
    assert "figures" in not_checked[0].summary
    assert decide(issues)[1] == "exception"
