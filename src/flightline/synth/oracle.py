"""The answer key's expectations: loan-level figures and the issues a correct
engine raises, computed from the documents' true values by the conventions of
REVIEW_ENGINE.md. It is a small reference reading of the rules, so a planted
defect that drags another rule along (insufficient funds leave negative
reserves) shows up here rather than as a surprise in the benchmark."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise
from typing import Any

from flightline.pipeline.model import DocType, Value
from flightline.synth import calendar as cal
from flightline.synth.deal import RESERVES_MONTHS, max_ltv
from flightline.synth.defects import severity as default_severity
from flightline.synth.documents import Doc
from flightline.synth.fmt import SUFFIX_ABBR
from flightline.synth.incomecalc import ytd_annualised
from flightline.synth.money import ZERO, D, cents, pct, q
from flightline.synth.scenario import Scenario

SEVERITY = {
    "DOC-001": "high",
    "DOC-002": "medium",
    "AGE-001": "high",
    "AGE-002": "medium",
    "INC-001": "high",
    "INC-002": "medium",
    "INC-003": "high",
    "INC-004": "critical",
    "INC-005": "medium",
    "CRD-001": "critical",
    "CRD-002": "high",
    "LTV-001": "critical",
    "RES-001": "high",
    "AST-001": "high",
    "AST-002": "critical",
    "AST-003": "medium",
    "AST-004": "high",
    "IDN-001": "medium",
    "IDN-002": "high",
    "CNS-001": "high",
    "CNS-002": "medium",
    "TRD-001": "high",
    "TRD-002": "high",
    "TRD-003": "high",
    "TRD-004": "high",
    "TRD-005": "high",
    "APR-001": "high",
    "TIL-001": "high",
    "QM-001": "high",
    "RSC-001": "critical",
}
# The codes and figures of the first rules catalogue (documents, income,
# credit, ratios, assets, identity): what its accuracy is measured on.
RULES_I_CODES = frozenset(
    (
        *("DOC-001", "AGE-001", "AGE-002", "AGE-003"),
        *(f"INC-00{n}" for n in range(1, 6)),
        *("CRD-001", "CRD-002", "DTI-001", "LTV-001", "RES-001"),
        *(f"AST-00{n}" for n in range(1, 5)),
        *("IDN-001", "IDN-002", "CNS-001", "CNS-002"),
    )
)
RULES_I_FIGURES = ("qualifying_income_monthly", "dti_back", "ltv")
REQUIRED = (
    DocType.urla_1003,
    DocType.note,
    DocType.closing_disclosure,
    DocType.loan_estimate,
    DocType.credit_report,
    DocType.appraisal_1004,
    DocType.w2,
    DocType.paystub,
    DocType.bank_statement,
)
_CO_SUFFIX = {
    "inc",
    "llc",
    "corp",
    "corporation",
    "company",
    "co",
    "lp",
    "incorporated",
    "ltd",
    "the",
    "l",
    "p",
    "c",
}
_NAME_SUFFIX = {"jr", "sr", "ii", "iii", "iv"}


def norm_employer(s: str) -> str:
    words = re.sub(r"[^a-z0-9& ]", " ", s.lower()).replace("&", " and ").split()
    return " ".join(w for w in words if w not in _CO_SUFFIX)


def norm_name(s: str) -> tuple[str, str]:
    """(first, last), ignoring case, punctuation, order and middle names."""
    s = s.strip()
    if "," in s:
        last, _, first = s.partition(",")
        s = f"{first} {last}"
    words = [w for w in re.sub(r"[^a-z ]", " ", s.lower()).split() if w not in _NAME_SUFFIX]
    return (words[0], words[-1]) if words else ("", "")


_ADDR_WORDS = {k.lower(): v.lower() for k, v in SUFFIX_ABBR.items()}


def norm_address(s: str) -> str:
    words = re.sub(r"[^a-z0-9 ]", " ", s.lower()).split()
    return " ".join(_ADDR_WORDS.get(w, w) for w in words)


def _d(v: Value | None) -> Decimal:
    assert isinstance(v, Decimal), v
    return v


def _date(v: Value | None) -> date:
    assert isinstance(v, date), v
    return v


def _s(v: Value | None) -> str:
    return str(v) if v is not None else ""


class Key:
    """Answer-key computations over one file's documents."""

    def __init__(self, sc: Scenario, docs: list[Doc], corrupt: list[Doc]) -> None:
        self.sc = sc
        self.docs = docs
        self.corrupt = corrupt
        self.by: dict[DocType, list[Doc]] = defaultdict(list)
        for d in docs:
            self.by[d.type].append(d)
        self.issues: list[dict[str, Any]] = []

    def one(self, t: DocType) -> Doc | None:
        return self.by[t][0] if self.by[t] else None

    # ------------------------------------------------------------------ figures

    @property
    def income(self) -> Decimal:
        return self.sc.qual_total

    def cd(self) -> Doc | None:
        cds = self.by[DocType.closing_disclosure]
        return max(cds, key=lambda d: _date(d.fields["date_issued"])) if cds else None

    def pitia(self) -> Decimal:
        cd = self.cd()
        return _d(cd.fields["estimated_total_monthly_payment"]) if cd else self.sc.loan.pitia

    def debts(self) -> Decimal:
        return sum((t.payment for t in self.sc.tradelines if t.counts), ZERO)

    def dti(self) -> tuple[Decimal, Decimal]:
        return pct(self.pitia(), self.income, 4), pct(self.pitia() + self.debts(), self.income, 4)

    def ltv(self) -> Decimal:
        p = self.sc.prop
        base = min(p.price, p.appraised) if p.price is not None else p.appraised
        return pct(self.sc.loan.amount, base, 4)

    def latest_statements(self) -> list[Doc]:
        latest: dict[str, Doc] = {}
        for d in self.by[DocType.bank_statement]:
            k = _s(d.fields["account_last4"])
            if k not in latest or _date(d.fields["period_end_date"]) > _date(
                latest[k].fields["period_end_date"]
            ):
                latest[k] = d
        return list(latest.values())

    def assets(self) -> Decimal:
        return sum((_d(d.fields["closing_balance"]) for d in self.latest_statements()), ZERO)

    def funds(self) -> Decimal:
        cd = self.cd()
        return max(_d(cd.fields["cash_to_close"]), ZERO) if cd else ZERO

    def reserves(self) -> Decimal:
        return (self.assets() - self.funds()) / self.pitia()

    def recent_statements(self) -> list[Doc]:
        """The two most recent statements of each account (what sourcing reviews)."""
        per: dict[str, list[Doc]] = defaultdict(list)
        for d in self.by[DocType.bank_statement]:
            per[_s(d.fields["account_last4"])].append(d)
        out: list[Doc] = []
        for docs in per.values():
            docs.sort(key=lambda d: _date(d.fields["period_end_date"]))
            out.extend(docs[-2:])
        return out

    def large_deposits(self) -> list[dict[str, Any]]:
        threshold = self.income / 2
        gifts = [
            (_d(g.fields["gift_amount"]), _date(g.fields["gift_date"]))
            for g in self.by[DocType.gift_letter]
        ]
        loes = [
            (_d(e.fields["explained_amount"]), _date(e.fields["explained_date"]))
            for e in self.by[DocType.letter_of_explanation]
            if "explained_amount" in e.fields
        ]
        out: list[dict[str, Any]] = []
        for d in self.recent_statements():
            st = d.extra["statement"]
            for t in st.txns:
                if t.amount <= threshold:
                    continue
                source = None
                if t.kind == "payroll":
                    source = "payroll"
                elif (t.amount, t.day) in gifts:
                    source = "gift_letter"
                elif (t.amount, t.day) in loes:
                    source = "letter_of_explanation"
                out.append(
                    {
                        "account_last4": _s(d.fields["account_last4"]),
                        "date": t.day.isoformat(),
                        "amount": str(t.amount),
                        "description": t.description,
                        "sourced": source is not None,
                        "source": source,
                    }
                )
        return out

    def points_and_fees(self) -> Decimal:
        cd = self.cd()
        if cd is None:
            return ZERO
        return sum((_d(r["amount"]) for r in cd.rows["fees"] if r["section"] == "A"), ZERO)

    def tolerance(self) -> dict[str, Decimal]:
        zero_inc = ZERO
        le_ten = cd_ten = ZERO
        for f in self.sc.loan.fees:
            le, cdv = f.le or ZERO, f.cd or ZERO
            if f.tolerance == "zero" and f.cd is not None and cdv > le:
                zero_inc += cdv - le
            elif f.tolerance == "ten":
                le_ten += le
                cd_ten += cdv
        ten_excess = max(ZERO, cd_ten - le_ten * D("1.1"))
        return {
            "zero_tolerance_increase": zero_inc,
            "ten_percent_le": le_ten,
            "ten_percent_cd": cd_ten,
            "ten_percent_excess": ten_excess,
            "cure": self.sc.loan.lender_credit,
        }

    def figures(self) -> dict[str, Any]:
        sc = self.sc
        front, back = self.dti()
        pitia = self.pitia()
        tol = self.tolerance()
        d = sc.dates
        med = {b: sorted(s.values())[1] for b, s in sc.scores.items()}
        qual = {f"borrower_{b}": str(cents(v)) for b, v in sorted(sc.qual.items())}
        qual["total"] = str(cents(self.income))
        cd = sc.loan.cd
        # A figure whose source document is missing from the file is null: the
        # review reports the missing document (DOC-001) and never guesses it.
        has_cd = self.cd() is not None
        has_debts = has_cd and self.one(DocType.credit_report) is not None
        has_value = self.one(DocType.appraisal_1004) is not None
        return {
            "qualifying_income_monthly": qual,
            "pitia_monthly": str(pitia) if has_cd else None,
            "debts_monthly": str(self.debts()),
            "dti_front": str(q(front, 3)) if has_cd else None,
            "dti_back": str(q(back, 3)) if has_debts else None,
            "ltv": str(q(self.ltv(), 3)) if has_value else None,
            "cltv": str(q(self.ltv(), 3)) if has_value else None,
            "max_ltv": str(max_ltv(sc.prop.purpose, sc.prop.occupancy, sc.prop.units)),
            "representative_score": min(med.values()),
            "average_median_score": str(q(D(sum(med.values())) / len(med), 1)),
            "median_scores": {f"borrower_{b}": v for b, v in sorted(med.items())},
            "assets_verified": str(self.assets()),
            "funds_to_close": str(self.funds()),
            "reserves_months": str(q(self.reserves(), 2)),
            "reserves_required_months": RESERVES_MONTHS[sc.prop.occupancy],
            "large_deposit_threshold": str(cents(self.income / 2)),
            "large_deposits": self.large_deposits(),
            "apr_recomputed": str(q(cd.apr, 4)),
            "amount_financed_recomputed": str(cd.amount_financed),
            "finance_charge_recomputed": str(cd.finance_charge),
            "prepaid_finance_charges": str(cd.pfc),
            "total_of_payments": str(cd.total_of_payments),
            "points_and_fees": str(self.points_and_fees()),
            "points_and_fees_cap": str(cents(sc.loan.amount * D("0.03"))),
            "tolerance": {k: str(cents(v)) for k, v in tol.items()},
            "dates": {
                "application": d.app.isoformat(),
                "le_issued": d.le.isoformat(),
                "cd_issued": d.cd_issued.isoformat(),
                "cd_received": d.cd_effective_received.isoformat(),
                "cd_delivery": d.cd_delivery,
                "consummation": d.note.isoformat(),
                "disbursement": d.disbursement.isoformat(),
                "rescission_deadline": d.rescission_deadline.isoformat()
                if d.rescission_deadline
                else None,
            },
        }

    # ------------------------------------------------------------------ rules

    def add(self, code: str, subject: str, sev: str | None = None) -> None:
        self.issues.append({"code": code, "severity": sev or SEVERITY[code], "subject": subject})

    def evaluate(self) -> list[dict[str, Any]]:
        self.issues = []
        sc, by = self.sc, self.by
        present = {d.type for d in self.docs}
        for t in REQUIRED:
            if t not in present:
                self.add("DOC-001", t.value)
        for b in sc.borrowers:
            years = {int(str(d.fields["tax_year"])) for d in by[DocType.w2] if d.borrower == b.idx}
            if DocType.w2 in present and len(years) < 2:
                self.add("DOC-001", f"w2 borrower {b.idx}")
        for d in self.corrupt:
            self.add("DOC-002", d.label)
        note = self.one(DocType.note)
        cd = self.cd()
        note_date = (
            _date(note.fields["note_date"])
            if note
            else (_date(cd.fields["closing_date"]) if cd else sc.dates.note)
        )
        self._ages(note_date)
        self._income(note_date)
        self._credit()
        self._ratios()
        self._assets()
        self._identity()
        self._compliance(note_date)
        return self.issues

    def _ages(self, note_date: date) -> None:
        by = self.by
        for d in by[DocType.credit_report]:
            if (note_date - _date(d.fields["report_date"])).days > 120:
                self.add("AGE-001", "credit_report")
        for d in self.latest_statements():
            if (note_date - _date(d.fields["period_end_date"])).days > 120:
                self.add("AGE-001", f"bank_statement {d.fields['account_last4']}")
        urla = self.one(DocType.urla_1003)
        for b in self.sc.borrowers:
            stubs = [d for d in by[DocType.paystub] if d.borrower == b.idx]
            if not stubs:
                continue
            last = max(stubs, key=lambda d: _date(d.fields["pay_date"]))
            pay = _date(last.fields["pay_date"])
            if (note_date - pay).days > 120:
                self.add("AGE-001", f"paystub borrower {b.idx}")
            app = _date(urla.fields["application_date"]) if urla else self.sc.dates.app
            if (app - pay).days > 30 or "gross_ytd" not in last.fields:
                self.add("AGE-002", f"paystub borrower {b.idx}")
        for d in by[DocType.appraisal_1004]:
            age = (note_date - _date(d.fields["effective_date"])).days
            if age > 365:
                self.add("AGE-003", "appraisal_1004", "critical")
            elif age > 120:
                self.add("AGE-003", "appraisal_1004", "high")

    def _income(self, note_date: date) -> None:
        sc, by = self.sc, self.by
        for b in sc.borrowers:
            urla = next((d for d in by[DocType.urla_1003] if d.borrower == b.idx), None)
            recalc = sc.qual[b.idx]
            stated = _d(urla.fields["income_total_monthly"]) if urla else None
            if stated is not None and stated > recalc * D("1.05"):
                self.add("INC-001", f"borrower {b.idx}")
            written = [
                d for d in by[DocType.voe] if d.borrower == b.idx and "ytd_through_date" in d.fields
            ]
            w2 = [d for d in by[DocType.w2] if d.borrower == b.idx]
            if written and w2 and stated is not None:
                v = written[0].fields
                through = _date(v["ytd_through_date"])
                ytd = (
                    _d(v["ytd_base_income"])
                    + _d(v["ytd_overtime_income"])
                    + _d(v["ytd_bonus_income"])
                )
                prior = [d for d in w2 if d.fields["tax_year"] == through.year - 1]
                if prior:
                    box1 = _d(prior[0].fields["box1_wages"])
                    if ytd_annualised(ytd, through) < box1 * D("0.9") and stated > recalc + 1:
                        self.add("INC-002", f"borrower {b.idx}")
                kinds = (
                    ("overtime", "income_overtime_monthly", "prior_year_overtime_income"),
                    ("bonus", "income_bonus_monthly", "prior_year_bonus_income"),
                )
                for kind, ufield, vfield in kinds:
                    assert urla is not None
                    p2 = written[0].extra["prior_year2"][kind]
                    if _d(urla.fields[ufield]) > 0 and (_d(v[vfield]) == 0 or p2 == 0):
                        self.add("INC-003", f"borrower {b.idx} {kind}")
            lo = cal.add_general(note_date, -10)
            if not any(
                lo <= _date(d.fields["verification_date"]) <= note_date
                for d in by[DocType.voe]
                if d.borrower == b.idx
            ):
                self.add("INC-004", f"borrower {b.idx}")
            names = set()
            for t in (DocType.urla_1003, DocType.paystub, DocType.w2, DocType.voe):
                for d in by[t]:
                    if d.borrower == b.idx and "employer_name" in d.fields:
                        names.add(norm_employer(_s(d.fields["employer_name"])))
            if len(names) > 1:
                self.add("INC-005", f"borrower {b.idx}")

    def _credit(self) -> None:
        cr = self.one(DocType.credit_report)
        if cr is None:
            return
        med: dict[int, list[int]] = defaultdict(list)
        for r in cr.rows["scores"]:
            med[int(str(r["borrower"]))].append(int(str(r["score"])))
        rep = min(sorted(v)[1] for v in med.values())
        if rep < 620:
            self.add("CRD-001", "credit_report")
        urla = next((d for d in self.by[DocType.urla_1003] if d.borrower == 1), None)
        if urla is not None:
            listed = {norm_employer(_s(r["creditor"])) for r in urla.rows.get("liabilities", [])}
            for t in self.sc.tradelines:
                if t.counts and norm_employer(t.creditor) not in listed:
                    self.add("CRD-002", t.creditor.upper())

    def _ratios(self) -> None:
        sc = self.sc
        if self.cd() is None:
            return
        _, back = self.dti()
        if back > 50:
            self.add("DTI-001", "dti_back", "critical")
        t = self.one(DocType.transmittal_1008)
        if t is not None and abs(_d(t.fields["dti_back"]) - back) > 1:
            self.add("DTI-001", "transmittal_1008", "medium")
        if self.one(DocType.appraisal_1004) and self.ltv() > max_ltv(
            sc.prop.purpose, sc.prop.occupancy, sc.prop.units
        ):
            self.add("LTV-001", "ltv")

    def _assets(self) -> None:
        sc = self.sc
        if not self.by[DocType.bank_statement]:
            return
        # only funds to close and reserves need the closing disclosure; deposits,
        # statement months and gifts are judged on the statements alone
        if self.cd() is not None:
            if self.assets() < self.funds():
                self.add("AST-002", "assets")
            if self.reserves() < RESERVES_MONTHS[sc.prop.occupancy]:
                self.add("RES-001", "reserves")
        for dep in self.large_deposits():
            if not dep["sourced"]:
                self.add("AST-001", f"{dep['account_last4']} {dep['date']} {dep['amount']}")
        per: dict[str, list[tuple[date, date]]] = defaultdict(list)
        for d in self.by[DocType.bank_statement]:
            per[_s(d.fields["account_last4"])].append(
                (_date(d.fields["period_start_date"]), _date(d.fields["period_end_date"]))
            )
        for acct, spans in per.items():
            spans.sort()
            ok = any(b[0] - a[1] == timedelta(days=1) for a, b in pairwise(spans))
            if not ok:
                self.add("AST-003", acct)
        gift_deposit = any(
            t.kind == "gift" for d in self.recent_statements() for t in d.extra["statement"].txns
        )
        letters = self.by[DocType.gift_letter]
        if gift_deposit and not letters:
            self.add("AST-004", "gift without letter")
        # REVIEW_ENGINE: "a gift without a gift letter, or on an investment
        # property" -- a gift deposit is a gift whether or not a letter came
        if (letters or gift_deposit) and sc.prop.occupancy == "investment":
            self.add("AST-004", "gift on investment property")

    def _identity(self) -> None:
        names: dict[int, set[tuple[str, str]]] = defaultdict(set)
        ssns: dict[int, set[str]] = defaultdict(set)
        for d in self.docs:
            f = d.fields
            own = d.borrower or 1
            for key, who in (
                (
                    "borrower_name",
                    own if d.type in (DocType.urla_1003, DocType.right_to_cancel) else 1,
                ),
                ("employee_name", own),
                ("taxpayer_name", own),
                ("co_borrower_name", 2 if own == 1 else 1),
            ):
                if key in f:
                    names[who].add(norm_name(_s(f[key])))
            for key, who in (
                ("ssn_last4", own if d.type != DocType.credit_report else 1),
                ("co_borrower_ssn_last4", 2 if own == 1 else 1),
            ):
                if key in f:
                    ssns[who].add(_s(f[key]))
        for b, s in names.items():
            if len(s) > 1:
                self.add("IDN-001", f"borrower {b}")
        for b, ss in ssns.items():
            if len(ss) > 1:
                self.add("IDN-002", f"borrower {b}")
        note, cd = self.one(DocType.note), self.cd()
        if note and cd:
            for nk, ck in (
                ("principal_amount", "loan_amount"),
                ("interest_rate", "interest_rate"),
                ("monthly_pi", "monthly_pi"),
            ):
                if _d(note.fields[nk]) != _d(cd.fields[ck]):
                    self.add("CNS-001", ck)
        addrs = set()
        for t in (
            DocType.note,
            DocType.closing_disclosure,
            DocType.appraisal_1004,
            DocType.urla_1003,
        ):
            for d in self.by[t]:
                addrs.add(norm_address(_s(d.fields["property_address"])))
        if len(addrs) > 1:
            self.add("CNS-002", "property_address")

    def _compliance(self, note_date: date) -> None:
        sc, d = self.sc, self.sc.dates
        le = self.one(DocType.loan_estimate)
        cds = self.by[DocType.closing_disclosure]
        if le is not None:
            issued = _date(le.fields["date_issued"])
            if issued > cal.add_general(d.app, 3):
                self.add("TRD-001", "loan_estimate")
            if note_date < cal.add_specific(issued, 7):
                self.add("TRD-002", "loan_estimate")
        if cds:
            first = min(cds, key=lambda c: _date(c.fields["date_issued"]))
            rec = first.fields.get("received_date")
            received = (
                _date(rec)
                if rec is not None
                else cal.add_specific(_date(first.fields["date_issued"]), 3)
            )
            if note_date < cal.add_specific(received, 3):
                self.add("TRD-003", "closing_disclosure")
        cd = self.cd()
        if cd is not None and le is not None:
            tol = self.tolerance()
            cure = tol["cure"]
            zero = tol["zero_tolerance_increase"]
            if zero > cure:
                self.add("TRD-004", "zero tolerance")
            if tol["ten_percent_excess"] > max(ZERO, cure - zero):
                self.add("TRD-005", "ten percent")
        if cd is not None:
            true = sc.loan.cd
            if abs(_d(cd.fields["apr"]) - true.apr) > D("0.125"):
                self.add("APR-001", "apr")
            if true.finance_charge - _d(cd.fields["finance_charge"]) > 100:
                self.add("TIL-001", "finance_charge")
            if self.points_and_fees() > sc.loan.amount * D("0.03"):
                self.add("QM-001", "points_and_fees")
            if d.rescission_deadline is not None:
                disb = _date(cd.fields["disbursement_date"])
                if disb <= d.rescission_deadline:
                    self.add("RSC-001", "disbursement")


def decision(issues: list[dict[str, Any]]) -> str:
    sev = {i["severity"] for i in issues}
    if "critical" in sev:
        return "ineligible"
    if sev & {"high", "medium"}:
        return "exception"
    return "cleared"


__all__ = ["Key", "decision", "default_severity", "norm_address", "norm_employer", "norm_name"]
