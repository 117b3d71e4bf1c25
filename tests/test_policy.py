from __future__ import annotations

from decimal import Decimal

import pytest

from flightline.rules.policy import PolicyError, load_policy, parse_policy


def test_the_2026_11_values() -> None:
    p = load_policy()
    assert (p.name, p.version, str(p.effective)) == ("mortgage_v1", "2026.11", "2026-11-01")
    t = {name: th.value for name, th in p.thresholds.items()}
    assert t["document_age_days"] == 120 and t["paystub_max_days_before_application"] == 30
    assert t["appraisal_update_after_days"] == 120 and t["appraisal_max_age_days"] == 365
    assert t["stated_income_tolerance_pct"] == 5 and t["variable_income_history_months"] == 12
    assert t["voe_max_business_days_before_note"] == 10 and t["min_representative_score"] == 620
    assert t["dti_max_pct"] == 50 and t["dti_1008_tolerance_points"] == 1
    assert t["large_deposit_pct_of_monthly_income"] == 50 and t["declining_income_ratio_pct"] == 90
    assert p.reserves_months.by_occupancy == {
        "principal_residence": 0,
        "second_home": 2,
        "investment": 6,
    }
    m = p.ltv_matrix
    cases = [
        ("purchase", "principal_residence", 1, 97),
        ("purchase", "principal_residence", 3, 95),
        ("refinance", "principal_residence", 1, 97),
        ("purchase", "second_home", 1, 90),
        ("purchase", "investment", 1, 85),
        ("purchase", "investment", 4, 75),
        ("refinance", "investment", 1, 75),
        ("refinance", "investment", 2, 75),
        ("cash_out_refinance", "principal_residence", 1, 80),
        ("cash_out_refinance", "principal_residence", 2, 75),
        ("cash_out_refinance", "second_home", 1, 75),
        ("cash_out_refinance", "investment", 1, 75),
        ("cash_out_refinance", "investment", 3, 70),
    ]
    for purpose, occupancy, units, limit in cases:
        assert m.limit(purpose, occupancy, units) == Decimal(limit), (purpose, occupancy, units)
    assert m.limit("purchase", "second_home", 2) is None
    for code, spec in p.rules.items():
        assert spec.citation.section, code


@pytest.mark.parametrize(
    "text",
    [
        "not: [valid",
        "name: mortgage_v1\nversion: '1'\n",
        "[]",
    ],
)
def test_malformed_policy_is_refused(text: str) -> None:
    with pytest.raises(PolicyError):
        parse_policy(text)


def test_missing_threshold_is_refused() -> None:
    from importlib import resources

    text = (resources.files("flightline.rules") / "policies/mortgage_v1/2026.11.yaml").read_text()
    broken = text.replace("  dti_max_pct:", "  dti_cap_renamed:")
    with pytest.raises(PolicyError, match="dti_max_pct"):
        parse_policy(broken)


def test_unknown_version_is_refused() -> None:
    with pytest.raises(PolicyError):
        load_policy("mortgage_v1", "1999.01")
