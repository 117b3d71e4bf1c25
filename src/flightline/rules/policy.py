"""The versioned policy file: thresholds with citations, validated at start-up."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["critical", "high", "medium", "low", "info"]
Category = Literal[
    "income", "assets", "credit", "property", "compliance", "documentation", "eligibility"
]


class Citation(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    source: str
    section: str


class Threshold(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    value: Decimal
    citation: Citation


class RuleSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    category: Category
    severity: Severity | dict[str, Severity]
    title: str
    citation: Citation

    def severity_of(self, variant: str | None = None) -> Severity:
        if isinstance(self.severity, str):
            return self.severity
        if variant is None or variant not in self.severity:
            raise KeyError(f"rule severity needs a variant among {sorted(self.severity)}")
        return self.severity[variant]


class Reserves(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    citation: Citation
    by_occupancy: dict[str, Decimal]


class LtvMatrix(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    citation: Citation
    purchase: dict[str, dict[str, Decimal]]
    rate_term_refinance: dict[str, dict[str, Decimal]]
    cash_out_refinance: dict[str, dict[str, Decimal]]

    def limit(self, purpose: str, occupancy: str, units: int) -> Decimal | None:
        table = {
            "purchase": self.purchase,
            "refinance": self.rate_term_refinance,
            "rate_term_refinance": self.rate_term_refinance,
            "cash_out_refinance": self.cash_out_refinance,
        }.get(purpose)
        if table is None or occupancy not in table:
            return None
        return table[occupancy].get("1" if units <= 1 else "2-4")


class Policy(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str
    version: str
    effective: date
    representative_score_method: Literal["lowest_middle", "average_of_medians"]
    thresholds: dict[str, Threshold]
    reserves_months: Reserves
    ltv_matrix: LtvMatrix
    rules: dict[str, RuleSpec] = Field(min_length=1)

    def threshold(self, name: str) -> Threshold:
        return self.thresholds[name]

    def rule(self, code: str) -> RuleSpec:
        return self.rules[code]


REQUIRED_THRESHOLDS = frozenset(
    {
        "document_age_days",
        "paystub_max_days_before_application",
        "appraisal_update_after_days",
        "appraisal_max_age_days",
        "stated_income_tolerance_pct",
        "variable_income_history_months",
        "voe_max_business_days_before_note",
        "min_representative_score",
        "dti_max_pct",
        "dti_1008_tolerance_points",
        "large_deposit_pct_of_monthly_income",
        "declining_income_ratio_pct",
    }
)


class PolicyError(Exception):
    """The policy file is missing, malformed or incomplete."""


def parse_policy(text: str) -> Policy:
    try:
        policy = Policy.model_validate(yaml.safe_load(text))
    except (yaml.YAMLError, ValueError) as exc:
        raise PolicyError(f"invalid policy file: {exc}") from None
    missing = REQUIRED_THRESHOLDS - set(policy.thresholds)
    if missing:
        raise PolicyError(f"policy {policy.version} lacks thresholds: {sorted(missing)}")
    return policy


@lru_cache(maxsize=8)
def load_policy(name: str = "mortgage_v1", version: str = "2026.11") -> Policy:
    path = resources.files("flightline.rules") / "policies" / name / f"{version}.yaml"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PolicyError(f"no policy {name} {version}") from None
    policy = parse_policy(text)
    if (policy.name, policy.version) != (name, version):
        raise PolicyError(f"policy file {name}/{version} declares {policy.name} {policy.version}")
    return policy
