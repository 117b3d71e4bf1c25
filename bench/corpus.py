"""Generated loan files read into pages, OCR through the benchmarks' cache.

Generating a scanned loan file costs seconds (every page rendered, degraded
and compressed); the stored files and answer key of each generated file are
kept in bench/.cache/files, keyed by the options and the generator's source,
so a change to the generator makes new ones.
"""

from __future__ import annotations

import hashlib
import pickle
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import flightline.synth
from bench.ocr_cache import cached
from flightline.pipeline.model import PageText
from flightline.pipeline.pages import TESSERACT_CONFIG, OcrPool, read_pdf
from flightline.synth import GeneratorOptions, generate

FILES_DIR = Path(__file__).parent / ".cache" / "files"


@dataclass
class ReadFile:
    seed: int
    pages: list[PageText]
    truth: list[str]  # the true type of every page, in order
    # the answer key's documents stored in this file (fields, rows, pages)
    documents: list[dict[str, Any]] = field(default_factory=list)


@cache
def _generator_digest() -> str:
    digest = hashlib.sha256()
    root = Path(flightline.synth.__file__).parent
    for path in sorted(root.rglob("*.py")):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def generated(opts: GeneratorOptions) -> tuple[list[tuple[str, bytes]], dict[str, Any]]:
    """(stored files, answer key) of a generated loan file, from the cache when
    the generator has not changed."""
    tag = f"{_generator_digest()}|{opts!r}"
    path = FILES_DIR / f"{hashlib.sha256(tag.encode()).hexdigest()}.pickle"
    if path.exists():
        files, key = pickle.loads(path.read_bytes())  # noqa: S301 - written by this module
        return files, key
    lf = generate(opts)
    FILES_DIR.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_bytes(pickle.dumps((lf.files, lf.answer_key)))
    tmp.replace(path)
    return lf.files, lf.answer_key


def read_cached(
    pdf: bytes, ocr: OcrPool, use_cache: bool = True, config: str = TESSERACT_CONFIG
) -> list[PageText]:
    """Every page of a PDF through the pipeline's reader; with `use_cache`,
    OCR goes through the pixel-keyed cache (`bench.ocr_cache`). `config` is
    the Tesseract call (the product's by default; others only with the cache)."""
    doc = uuid.UUID(hashlib.sha256(pdf).hexdigest()[:32])
    return read_pdf(doc, pdf, cached(ocr, config) if use_cache else ocr).pages


def stacked_files(
    seeds: range,
    scanned: bool,
    ocr: OcrPool,
    use_cache: bool = True,
    config: str = TESSERACT_CONFIG,
) -> Iterator[ReadFile]:
    for seed in seeds:
        opts = GeneratorOptions(seed=seed, scanned=scanned, packaging="stacked_pdf")
        files, key = generated(opts) if use_cache else _fresh(opts)
        entries = {entry["name"]: entry for entry in key["files"]}
        for name, pdf in files:
            entry = entries.get(name)
            if entry is None or entry.get("corrupt") or entry.get("format") != "pdf":
                continue  # a deliberately unreadable document has no page types
            truth = [p["type"] for p in entry["pages"]]
            documents = [d for d in key["documents"] if d["file"] == name]
            yield ReadFile(seed, read_cached(pdf, ocr, use_cache, config), truth, documents)


def _fresh(opts: GeneratorOptions) -> tuple[list[tuple[str, bytes]], dict[str, Any]]:
    lf = generate(opts)
    return lf.files, lf.answer_key
