"""Importing this module registers every rule unit of mortgage_v1."""

from __future__ import annotations

from flightline.rules import (  # noqa: F401
    age_rules,
    asset_rules,
    consistency_rules,
    credit_rules,
    documents_rules,
    identity_rules,
    income_rules,
    ratio_rules,
)
