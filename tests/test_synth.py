"""The synthetic loan-file generator: determinism, coverage of every document
type and defect code, answer-key arithmetic, text vs scanned variants and the
packagings."""

from __future__ import annotations

import io
import json
import re
import tarfile
import zipfile
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PIL import Image

from flightline.pipeline.model import FIELDS, ROWS, DocType
from flightline.synth import DEFECT_CODES, GeneratorOptions, LoanFile, generate
from flightline.synth.__main__ import main as cli_main
from flightline.synth.defects import CATALOG
from flightline.synth.fmt import DATE_FORMATS, MONEY_FORMATS, fmt_date, fmt_money


@cache
def gen(**kw: Any) -> LoanFile:
    return generate(GeneratorOptions(**kw))


def pdf_texts(data: bytes) -> list[str]:
    doc = pdfium.PdfDocument(data)
    try:
        return [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    finally:
        doc.close()


def page_count(name: str, data: bytes) -> int:
    if name.endswith(".tif"):
        with Image.open(io.BytesIO(data)) as im:
            return int(getattr(im, "n_frames", 1))
    doc = pdfium.PdfDocument(data)
    try:
        return len(doc)
    finally:
        doc.close()


def D(v: Any) -> Decimal:
    return Decimal(str(v))


def pi_formula(principal: Decimal, rate_pct: Decimal, n: int) -> Decimal:
    """Standard amortisation, written independently of the generator."""
    r = float(rate_pct) / 100 / 12
    payment = float(principal) * r / (1 - (1 + r) ** -n)
    return Decimal(str(payment)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def apr_float(amount_financed: float, payment: float, n: int) -> float:
    lo, hi = 0.0, 0.05
    for _ in range(100):
        mid = (lo + hi) / 2
        pv = payment * (1 - (1 + mid) ** -n) / mid
        lo, hi = (mid, hi) if pv > amount_financed else (lo, mid)
    return (lo + hi) / 2 * 1200


# ----------------------------------------------------------------------------- determinism


def test_same_seed_same_bytes_and_key() -> None:
    a = generate(GeneratorOptions(seed=5, packaging="zip", mixed=True))
    b = generate(GeneratorOptions(seed=5, packaging="zip", mixed=True))
    assert a.files == b.files
    assert json.dumps(a.answer_key, sort_keys=True) == json.dumps(b.answer_key, sort_keys=True)
    c = gen(seed=6, packaging="zip")
    assert c.files != a.files


# ----------------------------------------------------------------------------- coverage


def test_every_doc_type_appears_across_a_few_seeds() -> None:
    seen: set[str] = set()
    for seed in range(12):
        lf = gen(seed=seed, packaging="loose")
        seen |= {d["type"] for d in lf.answer_key["documents"]}
        if seen == {t.value for t in DocType}:
            break
    assert seen == {t.value for t in DocType}


def test_templates_vary() -> None:
    templates: dict[str, set[str]] = {}
    for seed in range(12):
        for d in gen(seed=seed, packaging="loose").answer_key["documents"]:
            templates.setdefault(d["type"], set()).add(d["template"])
    for t in ("urla_1003", "paystub", "w2", "bank_statement", "credit_report", "note"):
        assert len(templates[t]) >= 2, (t, templates[t])


def test_key_uses_contract_names_only() -> None:
    for seed in range(4):
        for d in gen(seed=seed, packaging="loose").answer_key["documents"]:
            t = DocType(d["type"])
            assert set(d["fields"]) <= set(FIELDS[t]), (t, set(d["fields"]) - set(FIELDS[t]))
            for group, rows in d["rows"].items():
                assert group in ROWS[t]
                for row in rows:
                    assert set(row) <= set(ROWS[t][group])


# ----------------------------------------------------------------------------- answer key


@pytest.mark.parametrize("seed", range(6))
def test_key_arithmetic(seed: int) -> None:
    lf = gen(seed=seed, clean=True, packaging="loose")
    key = lf.answer_key
    docs = {d["type"]: d for d in key["documents"]}
    note, cd = docs["note"]["fields"], docs["closing_disclosure"]["fields"]
    # P&I recomputes (Note and CD agree in a clean file)
    for f, amount in ((note, "principal_amount"), (cd, "loan_amount")):
        pi = pi_formula(D(f[amount]), D(f["interest_rate"]), int(f["loan_term_months"]))
        assert D(f["monthly_pi"]) == pi
    # PITIA, TILA identities, APR
    pitia = D(cd["monthly_pi"]) + D(cd["estimated_escrow_monthly"])
    assert D(cd["estimated_total_monthly_payment"]) == pitia
    assert D(key["figures"]["pitia_monthly"]) == pitia
    assert D(cd["total_of_payments"]) == D(cd["monthly_pi"]) * int(cd["loan_term_months"])
    assert D(cd["finance_charge"]) == D(cd["total_of_payments"]) - D(cd["amount_financed"])
    apr = apr_float(float(cd["amount_financed"]), float(cd["monthly_pi"]), cd["loan_term_months"])
    assert abs(apr - float(cd["apr"])) < 0.001
    # DTI from the credit report's debts, less the mortgage this loan pays off
    urla = next(d for d in key["documents"] if d["type"] == "urla_1003" and d["rows"])
    paid_off = {c.upper() for c in urla["extra_fields"].get("liabilities_paid_off_at_closing", [])}
    debts = sum(
        (
            D(t["monthly_payment"])
            for t in docs["credit_report"]["rows"]["tradelines"]
            if D(t["monthly_payment"]) > 0 and t["creditor"].upper() not in paid_off
        ),
        Decimal(0),
    )
    income = D(key["figures"]["qualifying_income_monthly"]["total"])
    back = (pitia + debts) / income * 100
    assert abs(back - D(key["figures"]["dti_back"])) < Decimal("0.01")
    assert abs(pitia / income * 100 - D(key["figures"]["dti_front"])) < Decimal("0.01")
    assert abs(D(docs["transmittal_1008"]["fields"]["dti_back"]) - back) < Decimal("0.01")
    # LTV from the appraisal and the sale price
    value = D(docs["appraisal_1004"]["fields"]["appraised_value"])
    if "sale_price" in cd:
        value = min(value, D(cd["sale_price"]))
    ltv = D(cd["loan_amount"]) / value * 100
    assert abs(ltv - D(key["figures"]["ltv"])) < Decimal("0.001")
    # reserves and funds to close from the latest statement of each account
    latest: dict[str, dict[str, Any]] = {}
    for d in key["documents"]:
        if d["type"] == "bank_statement":
            f = d["fields"]
            if (
                f["account_last4"] not in latest
                or f["period_end_date"] > latest[f["account_last4"]]["period_end_date"]
            ):
                latest[f["account_last4"]] = f
    assets = sum((D(f["closing_balance"]) for f in latest.values()), Decimal(0))
    assert assets == D(key["figures"]["assets_verified"])
    funds = max(D(cd["cash_to_close"]), Decimal(0))
    assert funds == D(key["figures"]["funds_to_close"])
    assert abs((assets - funds) / pitia - D(key["figures"]["reserves_months"])) < Decimal("0.01")
    # statements reconcile: opening + deposits - withdrawals = closing
    for doc in lf.documents:
        if doc.type == DocType.bank_statement:
            st = doc.extra["statement"]
            assert st.opening + sum(t.amount for t in st.txns) == st.closing
    # representative score: lowest borrower's middle score
    mids: dict[int, list[int]] = {}
    for r in docs["credit_report"]["rows"]["scores"]:
        mids.setdefault(r["borrower"], []).append(r["score"])
    assert key["figures"]["representative_score"] == min(sorted(v)[1] for v in mids.values())
    assert key["expected_issues"] == []
    assert key["expected_decision"] == "cleared"


def test_dates_are_consistent() -> None:
    for seed in range(6):
        lf = gen(seed=seed, clean=True, packaging="loose")
        d = {
            k: date.fromisoformat(v)
            for k, v in lf.answer_key["figures"]["dates"].items()
            if isinstance(v, str) and v[:2] == "20"
        }
        assert d["application"] <= d["le_issued"] <= d["cd_issued"] <= d["consummation"]
        assert d["consummation"] <= d["disbursement"]
        w2_years = {
            x["fields"]["tax_year"]
            for x in lf.answer_key["documents"]
            if x["type"] == "w2" and x["borrower"] == 1
        }
        assert w2_years == {d["application"].year - 1, d["application"].year - 2}


@pytest.mark.parametrize("code", DEFECT_CODES)
def test_every_defect_can_be_injected(code: str) -> None:
    for i, variant in enumerate(CATALOG[code].variants):
        lf = gen(seed=100 + i, defects=(f"{code}:{variant}",), packaging="loose")
        key = lf.answer_key
        assert [d["code"] for d in key["defects"]] == [code]
        assert key["defects"][0]["variant"] == variant
        assert key["defects"][0]["subjects"], (code, variant)
        assert code in {i["code"] for i in key["expected_issues"]}
        assert key["checks"] == {"defects_not_expected": [], "unplanned_issues": []}
        severities = {i["severity"] for i in key["expected_issues"]}
        want = "ineligible" if "critical" in severities else "exception"
        assert key["expected_decision"] == want


def test_defect_effects_are_in_the_data() -> None:
    stale = gen(seed=3, defects=("AGE-002:stale",), packaging="loose").answer_key
    app = date.fromisoformat(stale["figures"]["dates"]["application"])
    pays = [
        date.fromisoformat(d["fields"]["pay_date"])
        for d in stale["documents"]
        if d["type"] == "paystub" and d["borrower"] == 1
    ]
    assert (app - max(pays)).days > 30
    deposit = gen(seed=3, defects=("AST-001",), packaging="loose").answer_key
    assert any(not x["sourced"] for x in deposit["figures"]["large_deposits"])
    assert not any(d["type"] == "gift_letter" for d in deposit["documents"]) or all(
        x["source"] != "gift_letter"
        for x in deposit["figures"]["large_deposits"]
        if not x["sourced"]
    )
    debt = gen(seed=3, defects=("CRD-002",), packaging="loose").answer_key
    urla = next(d for d in debt["documents"] if d["type"] == "urla_1003" and d["rows"])
    listed = {r["creditor"].upper() for r in urla["rows"]["liabilities"]}
    credit = next(d for d in debt["documents"] if d["type"] == "credit_report")
    assert any(
        t["creditor"] not in listed and D(t["monthly_payment"]) > 0
        for t in credit["rows"]["tradelines"]
    )
    over = gen(seed=3, defects=("DTI-001:over_cap",), packaging="loose").answer_key
    assert D(over["figures"]["dti_back"]) > 50


def test_near_misses_sit_at_the_limit_and_do_not_fire() -> None:
    for i, code in enumerate(c for c, s in CATALOG.items() if s.near_miss):
        for variant in CATALOG[code].variants:
            lf = gen(
                seed=200 + i, clean=True, near_misses=(f"{code}:{variant}",), packaging="loose"
            )
            assert lf.answer_key["near_misses"] == [{"code": code, "variant": variant}]
            assert lf.answer_key["expected_issues"] == [], (code, variant)
    fig = gen(seed=201, clean=True, near_misses=("LTV-001",), packaging="loose").answer_key
    assert D(fig["figures"]["ltv"]) == D(fig["figures"]["max_ltv"])
    fig = gen(seed=202, clean=True, near_misses=("CRD-001",), packaging="loose").answer_key
    assert fig["figures"]["representative_score"] == 620


def test_random_defects_are_consistent() -> None:
    for seed in range(300, 312):
        key = gen(seed=seed, packaging="loose", near_misses=None).answer_key
        assert key["checks"] == {"defects_not_expected": [], "unplanned_issues": []}


def test_bad_requests_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown defect"):
        generate(GeneratorOptions(seed=1, defects=("XYZ-001",)))
    with pytest.raises(ValueError, match="cannot be combined"):
        generate(GeneratorOptions(seed=1, defects=("DOC-001:credit_report", "CRD-001")))
    with pytest.raises(ValueError, match="packaging"):
        generate(GeneratorOptions(seed=1, packaging="rar"))


# ----------------------------------------------------------------------------- text and scans


def _candidates(v: Any) -> list[str]:
    if isinstance(v, date):
        return [fmt_date(v, k) for k in DATE_FORMATS] + [v.strftime("%m/%d")]
    if isinstance(v, int):
        return [str(v), f"{v // 12}years"]
    if isinstance(v, Decimal):
        out = [str(v), f"{v:.2f}", f"{v:.3f}"]
        for k in MONEY_FORMATS:
            out += [fmt_money(v, k), fmt_money(v, k, whole=True)]
        return out
    return [str(v)]


ENUMS = {
    "loan_purpose",
    "occupancy",
    "pay_frequency",
    "account_type",
    "filing_status",
    "kind",
    "bureau",
    "section",
    "borrower",
}


def test_text_variant_pages_hold_the_key_values() -> None:
    for seed in range(3):
        lf = gen(seed=seed, packaging="loose")
        for doc in lf.documents:
            text = re.sub(r"\s+", "", "".join(pdf_texts(doc.pdf))).lower()
            values = list(doc.fields.items()) + [
                (k, v) for rows in doc.rows.values() for r in rows for k, v in r.items()
            ]
            for k, v in values:
                if k in ENUMS:
                    continue
                assert any(re.sub(r"\s+", "", c).lower() in text for c in _candidates(v)), (
                    doc.type,
                    doc.template,
                    k,
                    v,
                )


def test_scanned_variant_has_no_text_layer() -> None:
    lf = gen(seed=8, scanned=True, packaging="loose", tiff=False, dpi=90)
    assert all(d["scanned"] for d in lf.answer_key["documents"])
    for name, data in lf.stored:
        if not lf.pages[name]:
            continue  # corrupt file
        texts = pdf_texts(data)
        assert len(texts) == len(lf.pages[name])
        assert all(t.strip() == "" for t in texts), name


def test_mixed_and_tiff() -> None:
    lf = gen(seed=9, mixed=True, tiff=True, packaging="loose", dpi=90)
    kinds = {f["format"] for f in lf.answer_key["files"]}
    assert "tiff" in kinds
    flags = [p["scanned"] for f in lf.answer_key["files"] for p in f["pages"]]
    assert any(flags) and not all(flags)
    by_name = dict(lf.stored)
    for f in lf.answer_key["files"]:
        if f["format"] != "pdf" or f["corrupt"]:
            continue
        texts = pdf_texts(by_name[f["name"]])
        for page, t in zip(f["pages"], texts, strict=True):
            assert (t.strip() == "") == page["scanned"], (f["name"], page)


# ----------------------------------------------------------------------------- packaging


def test_packagings() -> None:
    z = gen(seed=4, packaging="zip")
    ((zname, zdata),) = z.files
    assert zname.endswith(".zip")
    with zipfile.ZipFile(io.BytesIO(zdata)) as zf:
        assert zf.testzip() is None
        assert sorted(zf.namelist()) == sorted(n for n, _ in z.stored)
    t = gen(seed=4, packaging="tar.gz")
    ((tname, tdata),) = t.files
    assert tname.endswith(".tar.gz")
    with tarfile.open(fileobj=io.BytesIO(tdata), mode="r:gz") as tf:
        assert sorted(tf.getnames()) == sorted(n for n, _ in t.stored)
    loose = gen(seed=4, packaging="loose")
    assert loose.files == loose.stored and len(loose.files) > 10
    s = gen(seed=4, packaging="stacked_pdf")
    assert len(s.files) == 1
    name, data = s.files[0]
    assert page_count(name, data) == len(s.pages[name]) >= 30
    # random order of documents: the stack is not in filing order
    order = [p["document"] for p in s.answer_key["files"][0]["pages"] if p["document_page"] == 1]
    assert order != sorted(order)
    sz = gen(seed=4, packaging="stacked_zip")
    with zipfile.ZipFile(io.BytesIO(sz.files[0][1])) as zf:
        (inner,) = zf.namelist()
        assert zf.read(inner) == s.files[0][1]


@pytest.mark.parametrize("packaging", ["zip", "stacked_pdf"])
def test_page_labels_cover_every_page(packaging: str) -> None:
    for seed in (10, 11):
        lf = gen(seed=seed, packaging=packaging, defects=("DOC-002",))
        files = {f["name"]: f for f in lf.answer_key["files"]}
        for name, data in lf.stored:
            entry = files[name]
            if entry["corrupt"]:
                with pytest.raises(pdfium.PdfiumError):
                    pdfium.PdfDocument(data)
                continue
            n = page_count(name, data)
            assert len(lf.pages[name]) == n == len(entry["pages"])
            assert all(isinstance(t, DocType) for t in lf.pages[name])
        for d in lf.answer_key["documents"]:
            lo, hi = d["pages"]
            pages = files[d["file"]]["pages"][lo - 1 : hi]
            assert {p["type"] for p in pages} == {d["type"]}
            assert {p["document"] for p in pages} == {d["index"]}


def test_fixed_length_disclosures() -> None:
    for seed in range(4):
        for d in gen(seed=seed, packaging="loose").documents:
            if d.type == DocType.loan_estimate:
                assert d.pages == 3
            if d.type == DocType.closing_disclosure:
                assert d.pages == 5


def test_big_file_and_speed() -> None:
    import time

    started = time.perf_counter()
    lf = gen(seed=12, packaging="stacked_pdf", target_pages=500)
    assert time.perf_counter() - started < 30  # about 1.3 s unloaded
    name, data = lf.files[0]
    assert page_count(name, data) >= 500
    started = time.perf_counter()
    small = generate(GeneratorOptions(seed=13, packaging="zip"))
    assert time.perf_counter() - started < 5  # about 0.1 s unloaded
    assert 30 <= sum(len(v) for v in small.pages.values()) <= 120


def test_cli(tmp_path: Path) -> None:
    assert (
        cli_main(
            [
                "--seed",
                "7",
                "--count",
                "2",
                "--out",
                str(tmp_path),
                "--packaging",
                "tar.gz",
                "--defects",
                "AGE-001,INC-003",
            ]
        )
        == 0
    )
    for seed in (7, 8):
        folder = tmp_path / f"seed-{seed}"
        key = json.loads((folder / "answer_key.json").read_text())
        assert {d["code"] for d in key["defects"]} == {"AGE-001", "INC-003"}
        assert len(list(folder.glob("*.tar.gz"))) == 1


def test_no_tradeline_has_a_negative_payment() -> None:
    # a DTI-over-cap defect whose housing payment alone passes the mark once
    # added a tradeline paying the (negative) difference
    lf = generate(GeneratorOptions(seed=9126))
    assert lf.scenario is not None
    assert all(t.payment >= 0 for t in lf.scenario.tradelines)


def test_statement_defects_are_expected_without_a_closing_disclosure() -> None:
    # funds to close and reserves need the closing disclosure; a single
    # month's statement is a finding whether or not the disclosure came
    key = gen(
        seed=7, defects=("DOC-001:closing_disclosure", "AST-003:single"), packaging="loose"
    ).answer_key
    codes = {i["code"] for i in key["expected_issues"]}
    assert {"DOC-001", "AST-003"} <= codes
    assert not codes & {"AST-002", "RES-001"}
