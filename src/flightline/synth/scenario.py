"""One consistent loan, from the plan: people, dates, property, terms, fees,
credit, income and assets. Documents are printed from this; defects are
planted here (or on single documents afterwards) so every figure stays
consistent with every other."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from faker import Faker

from flightline.synth import calendar as cal
from flightline.synth.credit import Tradeline
from flightline.synth.deal import (
    Disclosure,
    Fee,
    max_ltv,
)
from flightline.synth.defects import Plan
from flightline.synth.fmt import Address, Person
from flightline.synth.incomecalc import VarHistory, base_monthly, variable_monthly
from flightline.synth.money import ZERO, D, cents, dollars, monthly_pi
from flightline.synth.people import (
    POSITIONS,
    STD_HOURS,
    Borrower,
    Job,
    company_name,
    make_address,
    make_person,
    phone,
)


@dataclass
class Dates:
    app: date
    le: date
    note: date
    cd_issued: date
    cd_received: date | None  # printed receipt date; None: mailed, mailbox rule
    cd_delivery: str  # esign | hand | mail
    final_cd: bool
    disbursement: date
    rescission_deadline: date | None
    credit_report: date
    appraisal: date
    title: date
    flood: date
    stmt_end: date
    voe_written: dict[int, date] = field(default_factory=dict)
    voe_verbal: dict[int, date | None] = field(default_factory=dict)
    paystub: dict[int, date] = field(default_factory=dict)

    @property
    def cd_effective_received(self) -> date:
        if self.cd_received is not None:
            return self.cd_received
        return cal.add_specific(self.cd_issued, 3)


@dataclass
class Property:
    address: Address
    county: str
    units: int
    occupancy: str
    purpose: str
    price: Decimal | None
    appraised: Decimal
    year_built: int
    gla: int
    beds: int
    baths: str
    tax_annual: Decimal
    premium: Decimal
    coverage: Decimal
    flood_zone: str
    legal: str
    apn: str
    sellers: list[str]
    rents: list[Decimal]


@dataclass
class Parties:
    lender: str
    lender_address: Address
    lender_nmls: str
    lender_phone: str
    lo_name: str
    lo_nmls: str
    loan_number: str
    title_co: str
    insurer: str
    appraiser: str
    appraiser_license: str
    amc: str
    credit_vendor: str
    flood_vendor: str
    settlement_agent: str
    policy_number: str


@dataclass
class Loan:
    amount: Decimal
    rate: Decimal
    term: int
    pi: Decimal
    tax_m: Decimal
    ins_m: Decimal
    fees: list[Fee]
    shopped: bool
    lender_credit: Decimal
    payoff: Decimal
    payoff_creditor: str
    le: Disclosure
    cd: Disclosure
    first_payment: date
    maturity: date
    # what the CD prints where a defect made it differ from the truth
    cd_apr: Decimal = ZERO
    cd_finance_charge: Decimal = ZERO
    cd_amount_financed: Decimal = ZERO

    @property
    def escrow(self) -> Decimal:
        return self.tax_m + self.ins_m

    @property
    def pitia(self) -> Decimal:
        return self.pi + self.escrow


@dataclass
class Gift:
    donor: Person
    relationship: str
    amount: Decimal
    day: date
    account: int  # index into accounts
    letter: bool


@dataclass
class Scenario:
    seed: int
    plan: Plan
    year: int
    dates: Dates
    borrowers: list[Borrower]
    married: bool
    prop: Property
    parties: Parties
    loan: Loan
    tradelines: list[Tradeline]
    scores: dict[int, dict[str, int]]
    accounts: list[object] = field(default_factory=list)  # funds.Account, set by assets
    gifts: list[Gift] = field(default_factory=list)
    explained: list[tuple[date, Decimal, str, str]] = field(default_factory=list)
    var_hist: dict[int, dict[str, VarHistory]] = field(default_factory=dict)
    voe_through: dict[int, date] = field(default_factory=dict)
    qual: dict[int, Decimal] = field(default_factory=dict)
    mismatch_1008: Decimal = ZERO
    notes: list[str] = field(default_factory=list)

    @property
    def qual_total(self) -> Decimal:
        return sum(self.qual.values(), ZERO)

    @property
    def debts(self) -> Decimal:
        return sum((t.payment for t in self.tradelines if t.counts), ZERO)


def _u(rng: random.Random, lo: float, hi: float) -> Decimal:
    return D(str(round(rng.uniform(lo, hi), 6)))


# ----------------------------------------------------------------------------- dates


def plan_dates(rng: random.Random, plan: Plan, app: date) -> Dates:
    p = plan
    if p.has("TRD-001"):
        le = cal.add_general(app, rng.randint(4, 6))
    elif p.near_has("TRD-001"):
        le = cal.add_general(app, 3)
    else:
        le = cal.add_general(app, rng.choice((0, 0, 1, 1, 2, 3)))
    refi_primary = p.purpose != "purchase" and p.occupancy == "principal_residence"
    if p.has("TRD-002"):
        note = cal.add_specific(le, rng.randint(4, 6))
        while not cal.is_general(note):
            note = cal.add_specific(note, -1)
    elif p.near_has("TRD-002"):
        note = cal.add_specific(le, 7)
    else:
        note = cal.next_general(app + timedelta(days=rng.randint(28, 52)))
    if p.near_has("RSC-001") and refi_primary:
        while note.weekday() != 2 or not cal.is_general(note):
            note += timedelta(days=1)
    # CD receipt: at least 3 specific business days before consummation
    delivery = rng.choice(("esign", "esign", "hand", "mail"))
    if p.has("TRD-003"):
        delivery = "mail" if p.defects["TRD-003"] == "mail" else "esign"
        received = cal.add_specific(note, -rng.randint(1, 2))
    elif p.near_has("TRD-003"):
        received = cal.add_specific(note, -3)
    else:
        received = cal.add_specific(note, -rng.randint(3, 7))
    if p.has("TRD-002"):
        delivery, received = "esign", cal.add_specific(note, -3)
    issued = cal.add_specific(received, -3) if delivery == "mail" else received
    if issued <= le:
        issued = le + timedelta(days=1)
        received = issued if delivery != "mail" else cal.add_specific(issued, 3)
    if not p.has("TRD-003") and note < cal.add_specific(received, 3):
        delivery = "esign"
        received = issued = cal.add_specific(note, -3)
    # rescission: midnight of the third specific business day after consummation
    deadline = cal.add_specific(note, 3) if refi_primary else None
    if deadline is not None:
        if p.has("RSC-001"):
            disb = rng.choice((note, cal.add_specific(note, 1), deadline))
        else:
            disb = cal.next_general(deadline + timedelta(days=1))
    else:
        disb = note if rng.random() < 0.7 else cal.add_general(note, 1)
    # credit report
    if p.has("AGE-001", "credit_report"):
        credit = note - timedelta(days=rng.randint(121, 170))
    elif p.near_has("AGE-001", "credit_report"):
        credit = note - timedelta(days=120)
    else:
        credit = cal.add_general(app, -rng.randint(0, 8))
    # appraisal effective date
    if p.has("AGE-003", "critical"):
        appraisal = note - timedelta(days=rng.randint(370, 520))
    elif p.has("AGE-003", "high"):
        appraisal = note - timedelta(days=rng.randint(125, 330))
    elif p.near_has("AGE-003"):
        appraisal = note - timedelta(days=120)
    else:
        appraisal = min(app + timedelta(days=rng.randint(-8, 20)), note - timedelta(days=3))
    # most recent bank statement end
    if p.has("AGE-001", "bank_statement"):
        stmt_end = note - timedelta(days=rng.randint(121, 150))
    elif p.near_has("AGE-001", "bank_statement"):
        stmt_end = note - timedelta(days=120)
    else:
        stmt_end = app - timedelta(days=rng.randint(3, 30))
    return Dates(
        app=app,
        le=le,
        note=note,
        cd_issued=issued,
        cd_received=None if delivery == "mail" else received,
        cd_delivery=delivery,
        final_cd=rng.random() < 0.3,
        disbursement=disb,
        rescission_deadline=deadline,
        credit_report=credit,
        appraisal=appraisal,
        title=min(app + timedelta(days=rng.randint(3, 20)), note - timedelta(days=1)),
        flood=min(cal.add_general(app, rng.randint(1, 6)), note),
        stmt_end=stmt_end,
    )


# ----------------------------------------------------------------------------- people


def make_borrowers(
    rng: random.Random, fake: Faker, plan: Plan, year: int, app: date
) -> tuple[list[Borrower], bool]:
    b1 = make_person(rng, fake)
    married = False
    people = [b1]
    if plan.co_borrower:
        married = rng.random() < 0.7
        people.append(
            make_person(rng, fake, last=b1.last if married and rng.random() < 0.8 else None)
        )
    home = make_address(rng, fake)
    out: list[Borrower] = []
    for i, person in enumerate(people, start=1):
        hourly = rng.random() < 0.4
        freq = (
            rng.choice(("weekly", "biweekly", "biweekly"))
            if hourly
            else rng.choice(("biweekly", "biweekly", "semimonthly", "monthly"))
        )
        start = date(year - 2, 1, 1) - timedelta(days=rng.randint(60, 4500))
        emp_addr = make_address(rng, fake, home.state if rng.random() < 0.8 else None)
        job = Job(
            employer=company_name(rng, fake),
            address=emp_addr,
            phone=phone(rng),
            ein=f"{rng.randint(10, 99)}-{rng.randint(1000000, 9999999)}",
            position=rng.choice(POSITIONS),
            start=start,
            pay_type="hourly" if hourly else "salaried",
            frequency=freq,
            var_kind=None,
            k401_rate=rng.choice((ZERO, D("0.03"), D("0.04"), D("0.05"), D("0.06"), D("0.08"))),
            health=D(rng.choice((0, 0, 25, 48, 62, 85, 110))),
            fed_rate=_u(rng, 0.07, 0.15),
            state_rate=D(0)
            if home.state in ("TX", "FL", "NV", "WA", "TN")
            else _u(rng, 0.02, 0.055),
            pay_anchor=_friday_near(date(year, 1, 9) + timedelta(days=rng.randint(-3, 10))),
        )
        if i == 1 and plan.near_has("AGE-002"):
            # a paycheck exactly 30 days before the application
            job.frequency = rng.choice(("weekly", "biweekly"))
            job.pay_anchor = app - timedelta(days=30)
        dob = date(year - rng.randint(24, 66), rng.randint(1, 12), rng.randint(1, 28))
        email_name = f"{person.first}.{person.last}".lower().replace(" ", "")
        domain = rng.choice(("example.com", "example.net", "example.org"))
        address = home if i == 1 or married else make_address(rng, fake, home.state)
        marital = "married" if married else rng.choice(("unmarried", "separated"))
        out.append(
            Borrower(
                i,
                person,
                f"{rng.randint(1, 9999):04d}",
                dob,
                address,
                marital,
                f"{email_name}@{domain}",
                phone(rng),
                job,
            )
        )
    return out, married


def _friday_near(d: date) -> date:
    return d + timedelta(days=(4 - d.weekday()) % 7)


def pick_paystub(rng: random.Random, plan: Plan, b: Borrower, app: date, note: date) -> date:
    """Pay date of the most recent paystub in the file."""
    job = b.job
    dates = [c.pay_date for c in job.checks]
    if b.idx == 1 and plan.has("AGE-002", "stale"):
        cands = [
            d
            for d in dates
            if app - timedelta(days=75) <= d <= app - timedelta(days=31) and (note - d).days <= 115
        ]
        if cands:
            return rng.choice(cands[-2:])
    if b.idx == 1 and plan.near_has("AGE-002"):
        exact = app - timedelta(days=30)
        if exact in dates and (note - exact).days <= 120:
            return exact
    lookback = app - timedelta(days=rng.randint(12, 25))
    after = [d for d in dates if d >= lookback]
    return after[0]


# ----------------------------------------------------------------------------- helpers


def property_and_terms(
    rng: random.Random, fake: Faker, plan: Plan, state: str
) -> tuple[Property, Decimal, Decimal, int]:
    purpose, occ, units = plan.purpose, plan.occupancy, plan.units
    cap = max_ltv(purpose, occ, units)
    if plan.has("LTV-001"):
        ltv = D(min(100, cap + rng.randint(1, 5)))
    elif plan.near_has("LTV-001"):
        ltv = D(cap)
    else:
        ltv = D(rng.randint(max(45, cap - 30), cap - 1))
    lo = max(160_000, int(155_000 / float(ltv) * 100) + 1000)
    base = D(rng.randint(lo // 1000, max(lo // 1000 + 10, 950)) * 1000)
    price: Decimal | None = None
    if purpose == "purchase":
        price = base
        r = rng.random()
        appraised = (
            base
            if r < 0.45
            else (
                dollars(base * _u(rng, 1.0, 1.06) / 1000) * 1000
                if r < 0.85
                else dollars(base * _u(rng, 0.96, 0.99) / 1000) * 1000
            )
        )
        value_base = min(price, appraised)
    else:
        appraised = base
        value_base = base
    if plan.near_has("LTV-001") or plan.has("LTV-001"):
        loan = value_base * ltv / 100
    else:
        loan = (value_base * ltv / 100 / 100).to_integral_value(rounding="ROUND_FLOOR") * 100
    addr = make_address(rng, fake, state)
    county = f"{fake.last_name()} County"
    tax_annual = cents(appraised * _u(rng, 0.007, 0.021))
    premium = dollars(appraised * _u(rng, 0.0025, 0.006) * (1 + D(units - 1) * D("0.2")))
    sellers = [fake.name() for _ in range(rng.choice((1, 2)))] if purpose == "purchase" else []
    prop = Property(
        address=addr,
        county=county,
        units=units,
        occupancy=occ,
        purpose=purpose,
        price=price,
        appraised=appraised,
        year_built=rng.randint(1925, 2022),
        gla=rng.randint(900, 3800) * units if units > 1 else rng.randint(900, 3800),
        beds=rng.randint(2, 5),
        baths=rng.choice(("1.0", "1.5", "2.0", "2.5", "3.0")),
        tax_annual=tax_annual,
        premium=premium,
        coverage=dollars(appraised * _u(rng, 0.75, 1.1) / 1000) * 1000,
        flood_zone=rng.choice(("X", "X", "X", "C", "B", "X (shaded)")),
        legal=(
            f"Lot {rng.randint(1, 240)}, Block {rng.randint(1, 40)}, "
            f"{fake.last_name()} {rng.choice(('Estates', 'Heights', 'Park', 'Addition'))}, "
            f"according to the plat recorded in Plat Book {rng.randint(10, 300)}, "
            f"Page {rng.randint(1, 99)}, {county}"
        ),
        apn=f"{rng.randint(100, 999)}-{rng.randint(10, 99)}-{rng.randint(1000, 9999)}",
        sellers=sellers,
        rents=[D(rng.randint(9, 30) * 100) for _ in range(units)] if units > 1 else [],
    )
    rate = D(rng.randint(44, 62)) * D("0.125") + (D("0.5") if occ == "investment" else ZERO)
    term = rng.choices((360, 240, 180), (80, 5, 15))[0]
    return prop, loan, rate, term


def parties(rng: random.Random, fake: Faker, state: str) -> Parties:
    lender_words = (
        "Home Loans",
        "Mortgage",
        "Bank",
        "Federal Savings",
        "Lending",
        "Mortgage Company",
        "Bank, N.A.",
        "Home Lending",
    )
    return Parties(
        lender=f"{fake.last_name()} {rng.choice(lender_words)}",
        lender_address=make_address(rng, fake),
        lender_nmls=str(rng.randint(10000, 2999999)),
        lender_phone=phone(rng),
        lo_name=fake.name(),
        lo_nmls=str(rng.randint(100000, 2999999)),
        loan_number=str(rng.randint(1000000000, 9999999999)),
        title_co=f"{fake.last_name()} {rng.choice(('Title', 'Title & Escrow', 'Land Title'))}"
        f"{rng.choice((' Company', ', LLC', ' Agency', ''))}",
        insurer=rng.choice(
            (
                "Harborline",
                "Shieldstone",
                "Granite State",
                "Keystone",
                "Prairie Mutual",
                "Lighthouse",
            )
        )
        + " "
        + rng.choice(("Insurance Company", "Mutual Insurance", "Casualty Co.", "Indemnity")),
        appraiser=fake.name(),
        appraiser_license=f"{state}-{rng.randint(100000, 999999)}",
        amc=f"{fake.last_name()} Valuation Services",
        credit_vendor=f"{rng.choice(('Meridian', 'Clearpoint', 'Tristate', 'Unity'))} "
        f"{rng.choice(('Credit Data', 'Credit Services', 'Reporting', 'Credco'))}",
        flood_vendor=f"{rng.choice(('Floodline', 'HazardCheck', 'Zone Data'))} "
        f"{rng.choice(('Services', 'Solutions', 'Inc.'))}",
        settlement_agent=fake.name(),
        policy_number=f"{rng.choice(('HO', 'DP', 'HOP'))}-{rng.randint(10000000, 99999999)}",
    )


def var_history(job: Job, through: date) -> VarHistory:
    """The variable-pay figures the VOE prints (YTD through `through`)."""
    y = through.year
    ytd = ZERO
    for c in job.checks:
        if c.year == y and c.pay_date <= through:
            ytd = c.ytd.get("variable", ZERO)

    def total(year: int) -> Decimal:
        last = [c for c in job.checks if c.year == year]
        return last[-1].ytd.get("variable", ZERO) if last else ZERO

    return VarHistory(ytd, total(y - 1), total(y - 2))


def set_income(
    rng: random.Random, plan: Plan, b: Borrower, target_monthly: Decimal, year: int
) -> None:
    """Pay rates and variable history giving about `target_monthly`."""
    job = b.job
    kind = "overtime" if job.pay_type == "hourly" else "bonus"
    var_share = D(0) if rng.random() < 0.45 else _u(rng, 0.04, 0.12)
    first = b.idx == 1
    if first and (plan.has("INC-002") or plan.near_has("INC-002")):
        var_share = _u(rng, 0.005, 0.02)
    if first and plan.has("INC-003"):
        var_share = _u(rng, 0.02, 0.035)
    base_m = target_monthly * (1 - var_share)
    if job.pay_type == "hourly":
        rate = cents(base_m * 12 / 2080)
        if rate < 16 or rate > 75:
            job.pay_type = "salaried"
            kind = "bonus"
    if job.pay_type == "hourly":
        job.hourly_rate = cents(base_m * 12 / 2080)
        annual = job.hourly_rate * STD_HOURS[job.frequency] * job.periods
    else:
        job.annual_salary = D(round(base_m * 12 / 500) * 500)
        annual = job.annual_salary
    job.base_by_year[year - 1] = cents(annual / _u(rng, 1.0, 1.045))
    job.base_by_year[year - 2] = cents(job.base_by_year[year - 1] / _u(rng, 1.0, 1.045))
    if var_share > 0:
        job.var_kind = kind
        cur = annual * var_share
        job.var_by_year[year] = cur
        if first and (plan.has("INC-002") or plan.near_has("INC-002")):
            job.var_by_year[year - 1] = annual * _u(rng, 0.4, 0.5)
            job.var_by_year[year - 2] = annual * _u(rng, 0.35, 0.5)
        elif first and plan.has("INC-003"):
            pass  # overtime or bonus started this year: under 12 months of history
        else:
            job.var_by_year[year - 1] = cur / _u(rng, 1.15, 1.3)
            job.var_by_year[year - 2] = job.var_by_year[year - 1] / _u(rng, 1.0, 1.1)


def qualifying(b: Borrower, h: VarHistory, through: date) -> tuple[Decimal, Decimal, bool]:
    """(base monthly, variable monthly counted, declining)."""
    job = b.job
    base = base_monthly(job.pay_type, job.annual_salary, job.hourly_rate)
    var, declining, _ = variable_monthly(h, through)
    return base, var, declining


def build_loan_terms(
    rng: random.Random, prop: Property, loan_amt: Decimal, rate: Decimal, term: int
) -> tuple[Decimal, Decimal, Decimal]:
    pi = monthly_pi(loan_amt, rate, term)
    return pi, cents(prop.tax_annual / 12), cents(prop.premium / 12)
