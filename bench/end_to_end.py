"""A 500-page text loan file from upload to report, with the stage breakdown.

    .venv/bin/python -m bench.end_to_end [--pages 500] [--scanned]

The API runs in-process (ASGI, no TLS) against a throwaway private cluster;
the pipeline runs as the worker would, with an OCR pool sized to the cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import time
import uuid

import httpx
import pypdfium2 as pdfium

from bench.common import MASTER_KEY, seed, throwaway_cluster
from flightline.app import create_app
from flightline.core.db import Database, Tenant
from flightline.core.settings import load_settings
from flightline.pipeline.pages import OcrPool
from flightline.pipeline.service import PipelineDeps, process_review
from flightline.synth import GeneratorOptions, generate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--scanned", action="store_true")
    parser.add_argument("--seed", type=int, default=77)
    args = parser.parse_args()
    lf = generate(
        GeneratorOptions(
            seed=args.seed, packaging="stacked_pdf", target_pages=args.pages, scanned=args.scanned
        )
    )
    corrupt = {f["name"] for f in lf.answer_key["files"] if f.get("corrupt")}
    pages = sum(
        len(pdfium.PdfDocument(b)) for n, b in lf.files if n.endswith(".pdf") and n not in corrupt
    )
    os.environ["FLIGHTLINE_MASTER_KEY"] = MASTER_KEY
    with throwaway_cluster() as cluster:
        seeded = seed(cluster)

        async def run() -> None:
            db = Database(cluster.app_url, pool_size=4)
            app = create_app(load_settings(cluster.data_dir), database=db)
            ocr = OcrPool()
            deps = PipelineDeps(db, app.state.intake.store, app.state.intake.keys, ocr)
            headers = {"Authorization": f"Bearer {seeded.secret}"}
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="https://t") as client:
                start = time.perf_counter()
                r = await client.post(
                    "/v1/reviews",
                    data={"review_type": "mortgage_v1"},
                    headers=headers,
                    files=[("documents", (n, b, "application/pdf")) for n, b in lf.files],
                )
                upload = time.perf_counter() - start
                review_id = uuid.UUID(r.json()["review_id"])
                stages: dict[str, float] = {}
                await process_review(
                    deps, Tenant(uuid.UUID(seeded.org_id), False), review_id, stages
                )
                report = await client.get(f"/v1/reviews/{review_id}/report", headers=headers)
                total = time.perf_counter() - start
            ocr.shutdown()
            await db.dispose()
            assert report.status_code == 200, report.text
            breakdown = ", ".join(f"{k} {v:.2f} s" for k, v in {"upload": upload, **stages}.items())
            print(
                f"{pages} {'scanned' if args.scanned else 'text'} pages from upload to report: "
                f"{total:.2f} s (target ≤ 15 s) — {breakdown}; "
                f"{len(report.json()['documents'])} logical documents"
            )

        asyncio.run(run())


if __name__ == "__main__":
    main()
