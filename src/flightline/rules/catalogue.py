"""Importing this module registers every rule unit of mortgage_v1."""

from __future__ import annotations

from flightline.rules import documents_rules  # noqa: F401
