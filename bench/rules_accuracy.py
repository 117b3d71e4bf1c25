"""Findings, figures and decisions on generated loan files, through the whole
pipeline (upload, pages, OCR, classification, extraction, figures, rules).

    .venv/bin/python -m bench.rules_accuracy [--text 200] [--scanned 20]

Per rule code of this catalogue (issue 5): precision and recall of the codes
the reports raise against the answer keys' expected issues. Figures
(qualifying income, DTI, LTV) within 1% of the answer key. Decision agreement,
the expected decision recomputed from the expected issues of these codes (the
compliance codes come with a later catalogue). Scanned files' OCR is cached in
bench/.cache between runs.
"""

from __future__ import annotations

import argparse
import asyncio
import io
import os
import uuid
from collections import Counter
from decimal import Decimal
from typing import Any

import httpx

from bench.common import MASTER_KEY, seed, throwaway_cluster
from bench.corpus import read_cached
from flightline.app import create_app
from flightline.core.db import Database, Tenant
from flightline.core.settings import load_settings
from flightline.pipeline import service as pipeline_service
from flightline.pipeline.pages import OcrPool, ReadResult
from flightline.pipeline.service import PipelineDeps, process_review
from flightline.synth import GeneratorOptions, generate
from flightline.synth.oracle import RULES_I_CODES, RULES_I_FIGURES

CODES = RULES_I_CODES
FIGURES = RULES_I_FIGURES


def _cached_reader(ocr: OcrPool) -> Any:
    real = pipeline_service.read_pdf

    def read(document_id: uuid.UUID, source: Any, pool: OcrPool) -> ReadResult:
        data = source if isinstance(source, bytes) else source.read()
        result = ReadResult()
        pages = read_cached(data, ocr, use_cache=True)
        result.pages = [
            p.__class__(document_id, p.page, p.text, p.method, p.confidence) for p in pages
        ]
        result.page_count = len(pages)
        result.readable = any(sum(c.isalnum() for c in p.text) >= 20 for p in pages)
        if not pages:
            return real(document_id, io.BytesIO(data), pool)  # type: ignore[no-any-return]
        return result

    return read


def _decision(issues: list[dict[str, Any]]) -> str:
    severities = {i["severity"] for i in issues}
    if "critical" in severities:
        return "ineligible"
    return "exception" if severities & {"high", "medium"} else "cleared"


def _close(a: str | None, b: Any) -> bool:
    if a is None or b is None:
        return False
    expected = Decimal(str(b))
    return abs(Decimal(a) - expected) <= abs(expected) * Decimal("0.01")


async def run(args: argparse.Namespace, cluster: Any, seeded: Any) -> None:
    if True:
        db = Database(cluster.app_url, pool_size=4)
        app = create_app(load_settings(cluster.data_dir), database=db)
        ocr = OcrPool()
        pipeline_service.read_pdf = _cached_reader(ocr)  # type: ignore[assignment]
        deps = PipelineDeps(db, app.state.intake.store, app.state.intake.keys, ocr)
        headers = {"Authorization": f"Bearer {seeded.secret}"}
        tenant = Tenant(uuid.UUID(seeded.org_id), False)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="https://t") as client:
            for label, count, scanned in (
                ("text", args.text, False),
                ("scanned", args.scanned, True),
            ):
                tp: Counter[str] = Counter()
                fp: Counter[str] = Counter()
                fn: Counter[str] = Counter()
                figures_ok: Counter[str] = Counter()
                figures_n: Counter[str] = Counter()
                decisions = files = clean_files = 0
                for index in range(count):
                    # Scanned files reuse the classification benchmark's seeds and
                    # packaging, so most of their OCR is already cached.
                    s = (args.scanned_first_seed if scanned else args.first_seed) + index
                    if args.only and s not in args.only:
                        continue
                    clean = index % 4 == 0
                    files += 1
                    clean_files += clean
                    packaging = "stacked_pdf" if scanned else "zip"
                    lf = generate(
                        GeneratorOptions(seed=s, scanned=scanned, clean=clean, packaging=packaging)
                    )
                    r = await client.post(
                        "/v1/reviews",
                        data={"review_type": "mortgage_v1"},
                        headers=headers,
                        files=[
                            ("documents", (n, b, "application/octet-stream")) for n, b in lf.files
                        ],
                    )
                    review_id = uuid.UUID(r.json()["review_id"])
                    await process_review(deps, tenant, review_id)
                    report = (
                        await client.get(f"/v1/reviews/{review_id}/report", headers=headers)
                    ).json()
                    got = Counter(i["code"] for i in report.get("issues", []) if i["code"] in CODES)
                    expected_issues = [
                        i for i in lf.answer_key["expected_issues"] if i["code"] in CODES
                    ]
                    want = Counter(i["code"] for i in expected_issues)
                    for code in CODES:
                        hit = min(got[code], want[code])
                        tp[code] += hit
                        fp[code] += got[code] - hit
                        fn[code] += want[code] - hit
                    if args.explain:
                        for code in CODES:
                            if got[code] != want[code]:
                                said = [
                                    i["summary"]
                                    for i in report.get("issues", [])
                                    if i["code"] == code
                                ]
                                print(f"seed {s} {code}: raised {got[code]}, expected {want[code]}")
                                for line in said:
                                    print(f"    {line}")
                    ours = [i for i in report.get("issues", []) if i["code"] in CODES]
                    decisions += _decision(ours) == _decision(expected_issues)
                    if args.explain and _decision(ours) != _decision(expected_issues):
                        print(
                            f"seed {s} decision: ours {_decision(ours)}, "
                            f"expected {_decision(expected_issues)}"
                        )
                    truth = lf.answer_key["figures"]
                    for name in FIGURES:
                        expected = truth.get(name)
                        if isinstance(expected, dict):
                            expected = expected.get("total")
                        figures_n[name] += 1
                        value = report.get("figures", {}).get(name, {}).get("value")
                        # null in the key: the file lacks a document the figure needs,
                        # and the report must leave the figure out rather than guess
                        agree = value is None if expected is None else _close(value, expected)
                        figures_ok[name] += agree
                        if args.explain and not agree:
                            print(f"seed {s} {name}: ours {value}, expected {expected}")
                print(f"\n{label}: {files} files ({clean_files} clean)")
                print(f"{'code':8} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>9} {'recall':>7}")
                for code in sorted(CODES):
                    p = tp[code] / (tp[code] + fp[code]) if tp[code] + fp[code] else 1.0
                    rc = tp[code] / (tp[code] + fn[code]) if tp[code] + fn[code] else 1.0
                    print(f"{code:8} {tp[code]:4d} {fp[code]:4d} {fn[code]:4d} {p:9.3f} {rc:7.3f}")
                for name in FIGURES:
                    n = figures_n[name]
                    print(f"figure {name}: within 1% on {figures_ok[name]}/{n} files")
                print(f"decision agreement: {decisions}/{files}")
        ocr.shutdown()
        await db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--text", type=int, default=200)
    parser.add_argument("--scanned", type=int, default=20)
    parser.add_argument("--first-seed", type=int, default=5000)
    parser.add_argument("--scanned-first-seed", type=int, default=1000)
    parser.add_argument(
        "--explain", action="store_true", help="print each file's wrong codes and their summaries"
    )
    parser.add_argument(
        "--only",
        type=lambda v: {int(s) for s in v.split(",")},
        default=None,
        help="only these seeds of the batch (each still clean or not as in the full batch)",
    )
    os.environ["FLIGHTLINE_MASTER_KEY"] = MASTER_KEY
    with throwaway_cluster() as cluster:
        seeded = seed(cluster)
        asyncio.run(run(parser.parse_args(), cluster, seeded))


if __name__ == "__main__":
    main()
