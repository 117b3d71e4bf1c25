"""Borrowers, their jobs and every paycheck of the current and prior year.

Each paycheck is computed once (gross by earning kind, deductions, net) so the
paystubs, the VOE, the W-2s and the payroll deposits on the bank statements
all tell the same story."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from faker import Faker

from flightline.synth import calendar as cal
from flightline.synth.fmt import Address, Person
from flightline.synth.money import ZERO, D, cents

PERIODS = {"weekly": 52, "biweekly": 26, "semimonthly": 24, "monthly": 12}
STD_HOURS = {"weekly": D(40), "biweekly": D(80), "semimonthly": D("86.67"), "monthly": D("173.33")}
SS_WAGE_BASE = {2022: 147000, 2023: 160200, 2024: 168600, 2025: 176100, 2026: 184500, 2027: 190000}

_INDUSTRY = (
    "Logistics",
    "Health Partners",
    "Manufacturing",
    "Engineering",
    "Software",
    "Dental Group",
    "Construction",
    "Foods",
    "Medical Center",
    "Insurance Services",
    "Systems",
    "Hospitality Group",
    "Analytics",
    "Energy",
    "Distribution",
    "Architects",
    "Community Hospital",
    "Precision Tools",
    "Freight Lines",
    "Pharmacy Services",
    "Realty Group",
    "Electric",
    "Learning Academy",
)
_SUFFIX = (", Inc.", " Inc", " LLC", " Corp.", " Corporation", " Company", " Co.", "", " L.P.")
STREET_SUFFIXES = (
    "Street",
    "Avenue",
    "Road",
    "Drive",
    "Lane",
    "Court",
    "Boulevard",
    "Place",
    "Circle",
    "Terrace",
    "Parkway",
    "Way",
    "Trail",
)
_TREES = (
    "Oak",
    "Maple",
    "Cedar",
    "Willow",
    "Birch",
    "Aspen",
    "Magnolia",
    "Juniper",
    "Hickory",
    "Sycamore",
    "Chestnut",
    "Dogwood",
    "Laurel",
    "Poplar",
    "Spruce",
    "Cypress",
)
STATES = (
    "CA",
    "TX",
    "FL",
    "NY",
    "IL",
    "PA",
    "OH",
    "GA",
    "NC",
    "MI",
    "NJ",
    "VA",
    "WA",
    "AZ",
    "MA",
    "TN",
    "IN",
    "MO",
    "MD",
    "WI",
    "CO",
    "MN",
    "SC",
    "AL",
    "OR",
    "KY",
    "UT",
    "NV",
)
POSITIONS = (
    "Project Manager",
    "Registered Nurse",
    "Software Engineer",
    "Warehouse Supervisor",
    "Accountant",
    "Sales Representative",
    "Electrician",
    "Operations Analyst",
    "Teacher",
    "Dental Hygienist",
    "Machinist",
    "Customer Success Manager",
    "Pharmacist",
    "Truck Driver",
    "HR Generalist",
    "Financial Analyst",
    "Maintenance Technician",
    "Office Manager",
    "Physical Therapist",
    "Production Lead",
    "Network Administrator",
    "Paralegal",
)


def phone(rng: random.Random) -> str:
    return f"({rng.randint(201, 989)}) {rng.randint(200, 989)}-{rng.randint(1000, 9999)}"


def make_address(rng: random.Random, fake: Faker, state: str | None = None) -> Address:
    st = state or rng.choice(STATES)
    name = rng.choice(_TREES) if rng.random() < 0.35 else fake.last_name()
    return Address(
        number=str(rng.randint(12, 19999)),
        street=name,
        suffix=rng.choice(STREET_SUFFIXES),
        city=fake.city(),
        state=st,
        zip=fake.postcode_in_state(st),
    )


def company_name(rng: random.Random, fake: Faker, words: tuple[str, ...] = _INDUSTRY) -> str:
    base = fake.last_name() if rng.random() < 0.7 else f"{fake.last_name()} & {fake.last_name()}"
    return f"{base} {rng.choice(words)}{rng.choice(_SUFFIX)}"


def make_person(rng: random.Random, fake: Faker, last: str | None = None) -> Person:
    female = rng.random() < 0.5
    first = fake.first_name_female() if female else fake.first_name_male()
    middle = ""
    if rng.random() < 0.75:
        middle = fake.first_name_female() if female else fake.first_name_male()
    suffix = rng.choice(("Jr.", "III")) if (not female and rng.random() < 0.05) else ""
    return Person(first, middle, last or fake.last_name(), suffix)


@dataclass
class Paycheck:
    pay_date: date
    start: date
    end: date
    hours: Decimal | None
    var_hours: Decimal | None
    regular: Decimal
    variable: Decimal
    deductions: dict[str, Decimal]
    gross: Decimal = ZERO
    net: Decimal = ZERO
    ytd: dict[str, Decimal] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.pay_date.year


@dataclass
class Job:
    employer: str
    address: Address
    phone: str
    ein: str
    position: str
    start: date
    pay_type: str  # salaried | hourly
    frequency: str
    var_kind: str | None  # overtime | bonus | None
    annual_salary: Decimal | None = None
    hourly_rate: Decimal | None = None
    # annual figures by year: base and variable earnings
    base_by_year: dict[int, Decimal] = field(default_factory=dict)
    var_by_year: dict[int, Decimal] = field(default_factory=dict)
    k401_rate: Decimal = ZERO
    health: Decimal = ZERO  # per paycheck, pre-tax (section 125)
    fed_rate: Decimal = Decimal("0.10")
    state_rate: Decimal = Decimal("0.04")
    checks: list[Paycheck] = field(default_factory=list)
    pay_anchor: date | None = None

    def years_at(self, when: object) -> int:
        assert isinstance(when, date)
        return (when - self.start).days // 365

    @property
    def periods(self) -> int:
        return PERIODS[self.frequency]

    def base_rate_for(self, year: int, current_year: int) -> Decimal:
        """Per-paycheck regular pay in a year (raises land on January 1)."""
        if year >= current_year:
            if self.annual_salary is not None:
                return cents(self.annual_salary / self.periods)
            assert self.hourly_rate is not None
            return cents(self.hourly_rate * STD_HOURS[self.frequency])
        return cents(self.base_by_year[year] / self.periods)

    def hourly_for(self, year: int, current_year: int) -> Decimal | None:
        if self.hourly_rate is None:
            return None
        if year >= current_year:
            return self.hourly_rate
        return cents(self.base_by_year[year] / self.periods / STD_HOURS[self.frequency])


@dataclass
class Borrower:
    idx: int
    person: Person
    ssn4: str
    dob: date
    address: Address
    marital: str
    email: str
    phone: str
    job: Job
    # URLA stated monthly income by kind (base, overtime, bonus); set by the builder
    stated: dict[str, Decimal] = field(default_factory=dict)


def pay_dates(freq: str, first: date, last: date, anchor: date) -> list[tuple[date, date, date]]:
    """(pay_date, period_start, period_end) for every paycheck dated in [first, last].

    Weekly and biweekly checks fall every 7/14 days from `anchor` (a Friday
    normally); semimonthly on the 15th and last day, monthly on the last day,
    both moved back to the previous general business day."""
    out: list[tuple[date, date, date]] = []
    if freq in ("weekly", "biweekly"):
        step = 7 if freq == "weekly" else 14
        d = anchor - timedelta(days=step * ((anchor - first).days // step + 1))
        while d <= last:
            if d >= first:
                end = d - timedelta(days=5 if freq == "biweekly" else 2)
                out.append((d, end - timedelta(days=step - 1), end))
            d += timedelta(days=step)
        return out
    y, m = first.year, first.month
    while date(y, m, 1) <= last:
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        month_end = nxt - timedelta(days=1)
        spans = [(date(y, m, 1), month_end)]
        if freq == "semimonthly":
            spans = [(date(y, m, 1), date(y, m, 15)), (date(y, m, 16), month_end)]
        for s, e in spans:
            pd = e
            while not cal.is_general(pd):
                pd -= timedelta(days=1)
            if first <= pd <= last:
                out.append((pd, s, e))
        y, m = nxt.year, nxt.month
    return out


def build_checks(job: Job, rng: random.Random, first: date, last: date, current_year: int) -> None:
    """Every paycheck in [first, last], with YTD running totals per year."""
    assert job.pay_anchor is not None
    checks: list[Paycheck] = []
    ytd: dict[str, Decimal] = {}
    year = 0
    for pd, s, e in pay_dates(job.frequency, first, last, job.pay_anchor):
        if pd.year != year:
            year = pd.year
            ytd = {}
        regular = job.base_rate_for(pd.year, current_year)
        rate = job.hourly_for(pd.year, current_year)
        hours = STD_HOURS[job.frequency] if rate is not None else None
        variable = ZERO
        var_hours: Decimal | None = None
        annual_var = job.var_by_year.get(pd.year, ZERO)
        if job.var_kind and annual_var > 0:
            mean = annual_var / job.periods
            if job.var_kind == "overtime" and rate is not None:
                hrs = mean / (rate * D("1.5")) * D(str(rng.uniform(0.6, 1.4)))
                var_hours = (hrs * 4).quantize(D(1)) / 4
                variable = cents(var_hours * rate * D("1.5"))
            else:
                variable = cents(mean * D(str(rng.uniform(0.6, 1.4))))
        gross = regular + variable
        k401 = cents(gross * job.k401_rate)
        taxable = gross - k401 - job.health
        ded = {
            "federal": cents(taxable * job.fed_rate),
            "social_security": cents((gross - job.health) * D("0.062")),
            "medicare": cents((gross - job.health) * D("0.0145")),
            "state": cents(taxable * job.state_rate),
            "k401": k401,
            "health": job.health,
        }
        net = gross - sum(ded.values(), ZERO)
        for key, val in (
            ("regular", regular),
            ("variable", variable),
            ("gross", gross),
            ("net", net),
            *ded.items(),
        ):
            ytd[key] = ytd.get(key, ZERO) + val
        checks.append(
            Paycheck(pd, s, e, hours, var_hours, regular, variable, ded, gross, net, dict(ytd))
        )
    job.checks = checks


def year_totals(job: Job, year: int) -> dict[str, Decimal]:
    """Year totals from the paychecks of that year: what its W-2 reports."""
    last = [c for c in job.checks if c.year == year]
    if not last:
        return {}
    return last[-1].ytd
