"""generate(): plan -> scenario -> documents -> PDFs (text or scanned) ->
stored files -> upload package, with the answer key alongside."""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from typing import Any

from faker import Faker

from flightline.pipeline.model import DocType, Value
from flightline.synth import documents as D
from flightline.synth import income_docs as I
from flightline.synth import scan
from flightline.synth.build import build_scenario
from flightline.synth.defects import CATALOG, choose, resolve_shape, severity
from flightline.synth.documents import Doc
from flightline.synth.mutate import apply_doc_defects, corrupt_bytes, remove_missing
from flightline.synth.oracle import Key, decision
from flightline.synth.package import PACKAGINGS, PageRef, Stored, package
from flightline.synth.scenario import Scenario
from flightline.synth.templates import render

SCHEMA = "flightline.synth/1"


@dataclass(frozen=True, slots=True)
class GeneratorOptions:
    seed: int = 0
    scanned: bool = False
    packaging: str = "zip"
    defects: tuple[str, ...] | None = None  # None: random unless clean
    clean: bool = False
    target_pages: int | None = None
    near_misses: tuple[str, ...] | None = ()  # None: random
    mixed: bool = False  # some documents, and some single pages, scanned
    tiff: bool | None = None  # scanned documents as multi-page TIFF (None: sometimes)
    dpi: int = 200
    purpose: str | None = None
    occupancy: str | None = None


@dataclass
class LoanFile:
    files: list[tuple[str, bytes]]  # what a client uploads
    answer_key: dict[str, Any]
    pages: dict[str, list[DocType | None]]  # stored file -> true type per page
    stored: list[tuple[str, bytes]] = field(default_factory=list)  # after unpacking
    documents: list[Doc] = field(default_factory=list)
    scenario: Scenario | None = None


@lru_cache(maxsize=1)
def _faker() -> Faker:
    return Faker("en_US")


def _rng(seed: int, stream: str) -> random.Random:
    return random.Random(f"{seed}:{stream}")  # noqa: S311 - test data, not secrets


def assemble(rng: random.Random, sc: Scenario, stubs: int = 0) -> list[Doc]:
    """Every document of the file, in a natural filing order."""
    docs: list[Doc] = []
    docs += D.urla_docs(rng, sc)
    t = D.transmittal(rng, sc)
    docs += [t, D.aus(rng, sc, t), D.credit_report(rng, sc)]
    for b in sc.borrowers:
        docs += I.paystubs(rng, sc, b, stubs or rng.choice((1, 2, 2)))
        docs += I.w2s(rng, sc, b)
        docs += I.voes(rng, sc, b)
    if rng.random() < 0.5:
        docs += I.tax_returns(rng, sc)
    docs += I.bank_statements(rng, sc)
    docs += I.gift_letters(rng, sc)
    docs += I.explanations(rng, sc)
    docs += [
        D.appraisal(rng, sc),
        D.title_commitment(rng, sc),
        D.hazard(rng, sc),
        D.flood(rng, sc),
        D.loan_estimate(rng, sc),
    ]
    docs += D.closing_disclosures(rng, sc)
    docs += [D.note(rng, sc), D.security_instrument(rng, sc)]
    docs += D.rescission_notices(rng, sc)
    for _ in range(rng.randint(1, 3)):
        docs.append(Doc(DocType.other, {}, {}, {"sc": sc}, None, "misc"))
    return docs


def generate(opts: GeneratorOptions) -> LoanFile:
    if opts.packaging not in PACKAGINGS:
        raise ValueError(f"packaging must be one of {PACKAGINGS}")
    seed = opts.seed
    rng = _rng(seed, "plan")
    fake = _faker()
    fake.seed_instance(seed)
    plan = choose(rng, opts.defects, opts.near_misses, opts.clean)
    resolve_shape(rng, plan, opts.purpose, opts.occupancy)
    months, activity, stubs = 2, 1, 0
    if opts.target_pages and opts.target_pages > 80:
        # a big file is mostly what big files hold: a year of busy statements,
        # every paystub of the year, then appendices
        extra = opts.target_pages - 80
        months = min(24, 2 + extra // 25)
        activity = min(6, 1 + extra // 100)
        stubs = min(12, 2 + extra // 60)
    sc = build_scenario(rng, fake, plan, seed, months, activity)
    docs = assemble(_rng(seed, "docs"), sc, stubs)
    apply_doc_defects(_rng(seed, "mutate"), fake, plan, sc, docs)
    docs = remove_missing(plan, sc, docs)
    corrupt: list[Doc] = []
    if "DOC-002" in plan.defects:
        pool = [
            d
            for d in docs
            if d.type
            in (
                DocType.title_commitment,
                DocType.hazard_insurance,
                DocType.flood_certificate,
                DocType.other,
            )
        ]
        victim = _rng(seed, "corrupt").choice(pool)
        docs.remove(victim)
        corrupt.append(victim)
    draw = _rng(seed, "draw")
    for d in [*docs, *corrupt]:
        render(d, draw)
    if opts.target_pages:
        _pad(draw, sc, docs, opts.target_pages)
    for d in corrupt:
        d.pdf = corrupt_bytes(d.pdf, plan.defects["DOC-002"], _rng(seed, "corrupt-bytes"))
    stored = _store(_rng(seed, "store"), opts, sc, docs, corrupt)
    key_calc = Key(sc, docs, corrupt)
    issues = key_calc.evaluate()
    key = _answer_key(opts, sc, docs, corrupt, stored, key_calc, issues)
    uploads = package(
        stored,
        "stacked_zip" if opts.packaging == "stacked_zip" else opts.packaging,
        f"loanfile_{sc.parties.loan_number}",
    )
    key["package"] = {"packaging": opts.packaging, "uploads": [n for n, _ in uploads]}
    pages: dict[str, list[DocType | None]] = {
        s.name: [docs[p.doc].type for p in s.pages] if s.corrupt_doc is None else [] for s in stored
    }
    return LoanFile(uploads, key, pages, [(s.name, s.data) for s in stored], docs, sc)


def _pad(rng: random.Random, sc: Scenario, docs: list[Doc], target: int) -> None:
    """Appendices (disclosures and addenda) until the file reaches `target` pages."""
    total = sum(d.pages for d in docs)
    while total < target:
        d = Doc(
            DocType.other,
            {},
            {},
            {"sc": sc, "kind": "disclosure", "paragraphs": rng.randint(4, 30)},
            None,
            "appendix",
        )
        render(d, rng)
        docs.insert(rng.randrange(len(docs) + 1), d)
        total += d.pages


def _names(rng: random.Random, sc: Scenario) -> Any:
    scheme = rng.randrange(4)
    counter = iter(range(1, 10_000))
    stamp = sc.dates.note.strftime("%Y%m%d")

    def name(d: Doc | None, label: str, ext: str) -> str:
        n = next(counter)
        s = scheme if rng.random() < 0.85 else rng.randrange(4)
        if s == 0:
            return f"{label.replace(' ', '_')}_{n:02d}.{ext}"
        if s == 1:
            return f"DOC_{n:04d}.{ext}"
        if s == 2:
            return f"Scan_{stamp}_{n:04d}.{ext}"
        return f"{sc.parties.loan_number}_{n:03d}.{ext}"

    return name


def _store(
    rng: random.Random, opts: GeneratorOptions, sc: Scenario, docs: list[Doc], corrupt: list[Doc]
) -> list[Stored]:
    stacked = opts.packaging in ("stacked_pdf", "stacked_zip")
    for i, d in enumerate(docs):
        d.extra["_index"] = i
    # which documents are scans, and which text documents carry a scanned page
    scanned_pages: dict[int, list[int]] = {}
    for i, d in enumerate(docs):
        if opts.scanned or (opts.mixed and rng.random() < 0.3):
            d.scanned = True
        elif opts.mixed and rng.random() < 0.2 and d.pages > 1:
            scanned_pages[i] = [d.pages - 1]
    name = _names(rng, sc)
    out: list[Stored] = []

    def pdf_of(i: int) -> bytes:
        d = docs[i]
        if d.scanned:
            return scan.scan_pdf(d.pdf, rng, opts.dpi)
        if i in scanned_pages:
            return scan.scan_some_pages(d.pdf, rng, scanned_pages[i], opts.dpi)
        return d.pdf

    def refs(i: int) -> list[PageRef]:
        d = docs[i]
        sp = set(scanned_pages.get(i, []))
        return [PageRef(i, p + 1, d.scanned or p in sp) for p in range(d.pages)]

    if stacked:
        order = list(range(len(docs)))
        rng.shuffle(order)
        merged = scan.merge_pdfs([pdf_of(i) for i in order])
        stored = Stored(f"loan_file_{sc.parties.loan_number}.pdf", merged, "pdf")
        for i in order:
            stored.pages += refs(i)
        out.append(stored)
    else:
        groups = _groups(rng, docs)
        for members in groups:
            label = (
                docs[members[0]].label
                if len(members) == 1
                else rng.choice(("combined", "package", "docs", "income", "assets"))
            )
            single_scan = len(members) == 1 and docs[members[0]].scanned
            use_tiff = single_scan and (opts.tiff if opts.tiff is not None else rng.random() < 0.25)
            if use_tiff:
                data = scan.scan_tiff(docs[members[0]].pdf, rng, opts.dpi)
                st = Stored(name(docs[members[0]], label, "tif"), data, "tiff")
            else:
                parts = [pdf_of(i) for i in members]
                data = parts[0] if len(parts) == 1 else scan.merge_pdfs(parts)
                st = Stored(name(docs[members[0]], label, "pdf"), data, "pdf")
            for i in members:
                st.pages += refs(i)
            out.append(st)
    for ci, d in enumerate(corrupt):
        out.insert(
            rng.randrange(len(out) + 1), Stored(name(d, d.label, "pdf"), d.pdf, "pdf", [], ci)
        )
    return out


def _groups(rng: random.Random, docs: list[Doc]) -> list[list[int]]:
    """Documents stored together in one PDF (an income packet, an account's
    statements); the rest one file each."""
    taken: set[int] = set()
    groups: list[list[int]] = []
    by_key: dict[tuple[str, str], list[int]] = {}
    for i, d in enumerate(docs):
        if d.scanned and rng.random() < 0.5:
            continue
        if d.type in (DocType.paystub, DocType.w2):
            by_key.setdefault(("income", str(d.borrower)), []).append(i)
        elif d.type == DocType.bank_statement:
            by_key.setdefault(("bank", str(d.fields["account_last4"])), []).append(i)
        elif d.type in (DocType.loan_estimate, DocType.closing_disclosure):
            by_key.setdefault(("disclosures", ""), []).append(i)
    for members in by_key.values():
        if len(members) > 1 and rng.random() < 0.4:
            groups.append(members)
            taken.update(members)
    for i in range(len(docs)):
        if i not in taken:
            groups.append([i])
    groups.sort(key=lambda g: g[0])
    return groups


# ----------------------------------------------------------------------------- answer key


def jsonable(v: Value | None) -> Any:
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, Decimal):
        return str(v)
    return v


def _answer_key(
    opts: GeneratorOptions,
    sc: Scenario,
    docs: list[Doc],
    corrupt: list[Doc],
    stored: list[Stored],
    key: Key,
    issues: list[dict[str, Any]],
) -> dict[str, Any]:
    plan = sc.plan
    where: dict[int, tuple[str, list[int]]] = {}
    files = []
    for s in stored:
        pages = []
        for n, ref in enumerate(s.pages, start=1):
            pages.append(
                {
                    "page": n,
                    "type": docs[ref.doc].type.value,
                    "document": ref.doc,
                    "document_page": ref.page,
                    "scanned": ref.scanned,
                }
            )
            where.setdefault(ref.doc, (s.name, []))[1].append(n)
        entry: dict[str, Any] = {
            "name": s.name,
            "format": s.fmt,
            "corrupt": s.corrupt_doc is not None,
            "pages": pages,
        }
        if s.corrupt_doc is not None:
            entry["intended_type"] = corrupt[s.corrupt_doc].type.value
        files.append(entry)
    documents = []
    for i, d in enumerate(docs):
        fname, span = where[i]
        documents.append(
            {
                "index": i,
                "type": d.type.value,
                "file": fname,
                "pages": [min(span), max(span)],
                "label": d.label,
                "template": d.template,
                "borrower": d.borrower,
                "scanned": d.scanned,
                "fields": {k: jsonable(v) for k, v in _key_fields(d).items()},
                "rows": {
                    g: [{k: jsonable(v) for k, v in r.items()} for r in rows]
                    for g, rows in d.rows.items()
                },
                "extra_fields": _extra_fields(d),
            }
        )
    expected_codes = {i["code"] for i in issues}
    defects = []
    for code, variant in plan.defects.items():
        spec = CATALOG[code]
        defects.append(
            {
                "code": code,
                "variant": variant,
                "category": spec.category,
                "severity": severity(code, variant),
                "subjects": [i["subject"] for i in issues if i["code"] == code],
            }
        )
    return {
        "schema": SCHEMA,
        "seed": opts.seed,
        "options": {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(opts).items()},
        "loan": {
            "loan_number": sc.parties.loan_number,
            "purpose": sc.prop.purpose,
            "occupancy": sc.prop.occupancy,
            "units": sc.prop.units,
            "loan_amount": str(sc.loan.amount),
            "interest_rate": str(sc.loan.rate),
            "term_months": sc.loan.term,
            "monthly_pi": str(sc.loan.pi),
            "property_address": sc.prop.address.one_line(),
            "lender": sc.parties.lender,
            "borrowers": [
                {
                    "index": b.idx,
                    "name": f"{b.person.first} {b.person.middle} {b.person.last}".replace(
                        "  ", " "
                    ),
                    "ssn_last4": b.ssn4,
                    "employer": b.job.employer,
                    "pay_type": b.job.pay_type,
                    "pay_frequency": b.job.frequency,
                    "variable_income": b.job.var_kind,
                }
                for b in sc.borrowers
            ],
            "fees": [
                {
                    "name": f.name,
                    "le_section": f.section,
                    "cd_section": f.cd_section,
                    "le_amount": jsonable(f.le),
                    "cd_amount": jsonable(f.cd),
                    "tolerance": f.tolerance,
                    "finance_charge": f.fc,
                }
                for f in sc.loan.fees
            ],
        },
        "files": files,
        "documents": documents,
        "corrupt_documents": [{"type": d.type.value, "label": d.label} for d in corrupt],
        "figures": key.figures(),
        "defects": defects,
        "near_misses": [{"code": c, "variant": v} for c, v in plan.near.items()],
        "expected_issues": issues,
        "expected_decision": decision(issues),
        "checks": {
            "defects_not_expected": sorted(set(plan.defects) - expected_codes),
            "unplanned_issues": sorted(
                expected_codes
                - set(plan.defects)
                - ({"RES-001"} if "AST-002" in plan.defects else set())
            ),
        },
    }


def _key_fields(d: Doc) -> dict[str, Any]:
    """The document's contract fields as printed: a VOE's two-years-prior
    column is kept with the rest of its history (`extra`), which the
    defects and the oracle change together."""
    out = dict(d.fields)
    if d.type == DocType.voe and "prior_year2" in d.extra:
        for kind, v in d.extra["prior_year2"].items():
            out[f"two_years_prior_{kind}_income"] = v
    return out


def _extra_fields(d: Doc) -> dict[str, Any]:
    """Printed values the contract has no field for (see the report)."""
    out: dict[str, Any] = {}
    if d.type == DocType.voe and "prior_year2" in d.extra:
        out["base_pay_period"] = d.extra["rate_period"]
    if d.type == DocType.urla_1003:
        if d.extra.get("paid_off"):
            out["liabilities_paid_off_at_closing"] = d.extra["paid_off"]
        if d.extra.get("gifts"):
            out["gifts"] = [{"source": r, "value": str(a)} for r, a in d.extra["gifts"]]
    if d.type == DocType.closing_disclosure:
        out["delivery"] = d.extra["delivery"]
    return out
