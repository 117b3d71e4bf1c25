"""Generated loan files read into pages, with an on-disk cache for OCR."""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flightline.pipeline.model import PageText
from flightline.pipeline.pages import OcrPool, read_pdf
from flightline.synth import GeneratorOptions, generate

CACHE = Path(__file__).parent / ".cache" / "pages"


@dataclass
class ReadFile:
    seed: int
    pages: list[PageText]
    truth: list[str]  # the true type of every page, in order


def read_cached(pdf: bytes, ocr: OcrPool, use_cache: bool) -> list[PageText]:
    digest = hashlib.sha256(pdf).hexdigest()
    path = CACHE / f"{digest}.json"
    doc = uuid.UUID(digest[:32])
    if use_cache and path.exists():
        rows = json.loads(path.read_text())
        return [PageText(doc, r["page"], r["text"], r["method"], r["confidence"]) for r in rows]
    pages = read_pdf(doc, pdf, ocr).pages
    if use_cache:
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(
            json.dumps(
                [
                    {"page": p.page, "text": p.text, "method": p.method, "confidence": p.confidence}
                    for p in pages
                ]
            )
        )
    return pages


def stacked_files(
    seeds: range, scanned: bool, ocr: OcrPool, use_cache: bool = True
) -> Iterator[ReadFile]:
    for seed in seeds:
        lf = generate(GeneratorOptions(seed=seed, scanned=scanned, packaging="stacked_pdf"))
        entries = {entry["name"]: entry for entry in lf.answer_key["files"]}
        for name, pdf in lf.files:
            entry = entries.get(name)
            if entry is None or entry.get("corrupt") or entry.get("format") != "pdf":
                continue  # a deliberately unreadable document has no page types
            truth = [p["type"] for p in entry["pages"]]
            yield ReadFile(seed, read_cached(pdf, ocr, use_cache), truth)
