"""The catalogue of injectable defects (one per rule code of REVIEW_ENGINE.md)
and the plan a file is generated from: which defects, which near-misses (the
value sits exactly at, or just inside, the threshold), and the loan shape
those choices force (purpose, occupancy)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

PURPOSES = ("purchase", "refinance", "cash_out_refinance")
OCCUPANCIES = ("principal_residence", "second_home", "investment")
REFI = frozenset({"refinance", "cash_out_refinance"})


@dataclass(frozen=True, slots=True)
class Spec:
    code: str
    category: str
    severity: str  # the default (first) variant's severity
    variants: tuple[str, ...] = ("default",)
    purposes: frozenset[str] | None = None
    occupancies: frozenset[str] | None = None
    near_miss: bool = True
    # documents the check reads: a DOC-001 of one of them would hide it
    reads: frozenset[str] = frozenset()


def _s(*xs: str) -> frozenset[str]:
    return frozenset(xs)


CATALOG: dict[str, Spec] = {
    s.code: s
    for s in (
        Spec(
            "DOC-001",
            "documentation",
            "high",
            (
                "urla_1003",
                "note",
                "closing_disclosure",
                "loan_estimate",
                "credit_report",
                "appraisal_1004",
                "w2",
                "paystub",
                "bank_statement",
            ),
            near_miss=False,
        ),
        Spec(
            "DOC-002",
            "documentation",
            "medium",
            ("truncated", "garbage", "zeroed"),
            near_miss=False,
        ),
        Spec(
            "AGE-001",
            "documentation",
            "high",
            ("credit_report", "bank_statement"),
            reads=_s("credit_report", "bank_statement", "note"),
        ),
        Spec("AGE-002", "income", "medium", ("stale", "no_ytd"), reads=_s("paystub", "urla_1003")),
        Spec(
            "AGE-003",
            "property",
            "critical",
            ("critical", "high"),
            reads=_s("appraisal_1004", "note"),
        ),
        Spec("INC-001", "income", "high", reads=_s("urla_1003", "paystub", "w2")),
        Spec("INC-002", "income", "medium", reads=_s("urla_1003", "paystub", "w2")),
        Spec("INC-003", "income", "high", reads=_s("urla_1003", "paystub", "w2"), near_miss=False),
        Spec("INC-004", "income", "critical", ("stale", "missing"), reads=_s("note")),
        Spec(
            "INC-005",
            "income",
            "medium",
            ("voe", "w2", "paystub"),
            reads=_s("urla_1003", "paystub", "w2"),
        ),
        Spec("CRD-001", "credit", "critical", reads=_s("credit_report")),
        Spec("CRD-002", "credit", "high", reads=_s("credit_report", "urla_1003")),
        Spec(
            "DTI-001",
            "eligibility",
            "critical",
            ("over_cap", "mismatch_1008"),
            reads=_s("credit_report", "closing_disclosure", "paystub", "w2"),
        ),
        Spec(
            "LTV-001",
            "eligibility",
            "critical",
            reads=_s("appraisal_1004", "closing_disclosure", "note"),
        ),
        Spec(
            "RES-001",
            "assets",
            "high",
            occupancies=_s("second_home", "investment"),
            reads=_s("bank_statement", "closing_disclosure"),
        ),
        Spec("AST-001", "assets", "high", reads=_s("bank_statement", "paystub", "w2")),
        Spec(
            "AST-002",
            "assets",
            "critical",
            purposes=_s("purchase"),
            reads=_s("bank_statement", "closing_disclosure"),
        ),
        Spec(
            "AST-003",
            "assets",
            "medium",
            ("single", "gap"),
            reads=_s("bank_statement"),
            near_miss=False,
        ),
        Spec(
            "AST-004",
            "assets",
            "high",
            ("no_letter", "investment"),
            purposes=_s("purchase"),
            reads=_s("bank_statement"),
            near_miss=False,
        ),
        Spec(
            "IDN-001",
            "documentation",
            "medium",
            ("w2", "paystub", "credit_report", "note"),
            reads=_s("urla_1003"),
        ),
        Spec(
            "IDN-002",
            "documentation",
            "high",
            ("w2", "paystub", "credit_report"),
            reads=_s("urla_1003"),
            near_miss=False,
        ),
        Spec(
            "CNS-001",
            "compliance",
            "high",
            ("rate", "amount", "pi"),
            reads=_s("note", "closing_disclosure"),
            near_miss=False,
        ),
        Spec(
            "CNS-002",
            "property",
            "medium",
            ("appraisal_1004", "note", "urla_1003"),
            reads=_s("note", "closing_disclosure", "appraisal_1004", "urla_1003"),
        ),
        Spec("TRD-001", "compliance", "high", reads=_s("urla_1003", "loan_estimate")),
        Spec("TRD-002", "compliance", "high", reads=_s("loan_estimate", "note")),
        Spec(
            "TRD-003",
            "compliance",
            "high",
            ("esign", "mail"),
            reads=_s("closing_disclosure", "note"),
        ),
        Spec("TRD-004", "compliance", "high", reads=_s("loan_estimate", "closing_disclosure")),
        Spec("TRD-005", "compliance", "high", reads=_s("loan_estimate", "closing_disclosure")),
        Spec("APR-001", "compliance", "high", ("under", "over"), reads=_s("closing_disclosure")),
        Spec("TIL-001", "compliance", "high", reads=_s("closing_disclosure")),
        Spec("QM-001", "compliance", "high", reads=_s("closing_disclosure")),
        Spec(
            "RSC-001",
            "compliance",
            "critical",
            purposes=REFI,
            occupancies=_s("principal_residence"),
            reads=_s("closing_disclosure", "note"),
        ),
    )
}

SEVERITY_OF_VARIANT = {("AGE-003", "high"): "high", ("DTI-001", "mismatch_1008"): "medium"}
# A defect whose consequence is itself a rule breach: negative reserves.
IMPLIES = {"AST-002": ("RES-001",)}


def severity(code: str, variant: str) -> str:
    return SEVERITY_OF_VARIANT.get((code, variant), CATALOG[code].severity)


@dataclass
class Plan:
    defects: dict[str, str] = field(default_factory=dict)  # code -> variant
    near: dict[str, str] = field(default_factory=dict)  # code -> variant
    purpose: str = "purchase"
    occupancy: str = "principal_residence"
    units: int = 1
    co_borrower: bool = False

    def has(self, code: str, variant: str | None = None) -> bool:
        v = self.defects.get(code)
        return v is not None and (variant is None or v == variant)

    def near_has(self, code: str, variant: str | None = None) -> bool:
        v = self.near.get(code)
        return v is not None and (variant is None or v == variant)


def parse(item: str) -> tuple[str, str | None]:
    code, _, variant = item.partition(":")
    code = code.strip().upper()
    if code not in CATALOG:
        raise ValueError(f"unknown defect code {code!r}")
    spec = CATALOG[code]
    if variant and variant not in spec.variants:
        raise ValueError(f"{code} has no variant {variant!r}; choose from {spec.variants}")
    return code, variant or None


def _conflicts(chosen: dict[str, str], code: str, variant: str) -> bool:
    """True when `code` cannot sit beside `chosen`: a missing or unreadable
    document would hide a defect that needs it, or the same code twice."""
    if code in chosen:
        return True
    for other, ov in chosen.items():
        if "DOC-001" in (code, other):
            missing = variant if code == "DOC-001" else ov
            reader = other if code == "DOC-001" else code
            if missing in CATALOG[reader].reads or reader == "DOC-001":
                return True
            if missing == "paystub" and reader in ("AGE-002", "INC-005", "IDN-002"):
                return True
        if {code, other} == {"DOC-002", "DOC-001"}:
            return True
        pair = {code, other}
        # both rewrite the same stated income or the same fees
        if pair in (
            {"INC-001", "INC-002"},
            {"INC-001", "INC-003"},
            {"INC-002", "INC-003"},
            {"AST-002", "RES-001"},
            {"TRD-004", "TRD-005"},
            {"APR-001", "TIL-001"},
            {"TRD-004", "QM-001"},
            {"DTI-001", "CRD-002"},
            {"AST-001", "AST-003"},
            {"AGE-001", "AST-003"},
            {"TRD-002", "TRD-003"},
            {"TRD-001", "TRD-002"},
            {"INC-004", "TRD-002"},
            {"AST-004", "AST-003"},
        ):
            return True
    return False


def _shape_ok(codes: list[str], purpose: str, occupancy: str) -> bool:
    for c in codes:
        s = CATALOG[c]
        if s.purposes is not None and purpose not in s.purposes:
            return False
        if s.occupancies is not None and occupancy not in s.occupancies:
            return False
    return True


def resolve_shape(
    rng: random.Random, plan: Plan, purpose: str | None = None, occupancy: str | None = None
) -> None:
    """Pick purpose/occupancy/units compatible with every chosen defect."""
    codes = list(plan.defects) + list(plan.near)
    if plan.has("AST-004", "investment"):
        occupancy = "investment"
    if plan.has("AST-004", "no_letter") and occupancy == "investment":
        raise ValueError("AST-004:no_letter needs an owner-occupied or second home")
    purposes = [purpose] if purpose else list(PURPOSES)
    occs = [occupancy] if occupancy else list(OCCUPANCIES)
    options = [
        (p, o)
        for p in purposes
        for o in occs
        if _shape_ok(codes, p, o)
        and not (o != "principal_residence" and p == "cash_out_refinance" and rng.random() < 0.5)
    ]
    if not options:
        options = [(p, o) for p in purposes for o in occs if _shape_ok(codes, p, o)]
    if not options:
        raise ValueError(f"defects {codes} need incompatible loan shapes")
    weights = [
        (6 if p == "purchase" else 3 if p == "refinance" else 2)
        * (6 if o == "principal_residence" else 2 if o == "second_home" else 3)
        for p, o in options
    ]
    plan.purpose, plan.occupancy = rng.choices(options, weights)[0]
    if plan.occupancy == "second_home":
        plan.units = 1
    else:
        plan.units = rng.choices((1, 2, 3, 4), (80, 10, 5, 5))[0]


def choose(
    rng: random.Random,
    requested: tuple[str, ...] | None,
    near: tuple[str, ...] | None,
    clean: bool,
) -> Plan:
    plan = Plan()
    if requested is not None:
        for item in requested:
            code, variant = parse(item)
            variant = variant or rng.choice(CATALOG[code].variants)
            if _conflicts(plan.defects, code, variant):
                raise ValueError(f"{code}:{variant} cannot be combined with {plan.defects}")
            plan.defects[code] = variant
    elif not clean:
        want = rng.choice((1, 1, 1, 2, 2, 3))
        codes = sorted(CATALOG)
        for _ in range(60):
            if len(plan.defects) >= want:
                break
            code = rng.choice(codes)
            variant = rng.choice(CATALOG[code].variants)
            trial = [*plan.defects, code]
            if _conflicts(plan.defects, code, variant) or not any(
                _shape_ok(trial, p, o) for p in PURPOSES for o in OCCUPANCIES
            ):
                continue
            if (
                code == "AST-004"
                and variant == "investment"
                and any(
                    CATALOG[c].occupancies and "investment" not in (CATALOG[c].occupancies or ())
                    for c in plan.defects
                )
            ):
                continue
            plan.defects[code] = variant
    near_items: list[str]
    if near is None:
        near_items = [c for c in sorted(CATALOG) if CATALOG[c].near_miss]
        rng.shuffle(near_items)
        near_items = near_items[: rng.choice((0, 0, 1, 2))]
    else:
        near_items = list(near)
    for item in near_items:
        code, variant = parse(item)
        if not CATALOG[code].near_miss:
            raise ValueError(f"{code} has no near-miss variant")
        if code in plan.defects:
            if near is None:
                continue
            raise ValueError(f"{code} cannot be both a defect and a near-miss")
        trial = [*plan.defects, *plan.near, code]
        if not any(_shape_ok(trial, p, o) for p in PURPOSES for o in OCCUPANCIES):
            if near is None:
                continue
            raise ValueError(f"near-miss {code} conflicts with {list(plan.defects)}")
        plan.near[code] = variant or rng.choice(CATALOG[code].variants)
    if plan.has("AST-004", "investment") and not _shape_ok(
        [*plan.defects, *plan.near], "purchase", "investment"
    ):
        raise ValueError("AST-004:investment conflicts with the other choices")
    return plan
