"""python -m flightline.synth --seed 7 --out DIR [--scanned] [--packaging zip]
[--defects AGE-001,INC-003] [--count N]

Writes, per generated file, a folder `DIR/seed-<n>/` holding the upload(s)
and `answer_key.json`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from flightline.synth.defects import CATALOG
from flightline.synth.generator import GeneratorOptions, generate
from flightline.synth.package import PACKAGINGS


def _codes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    return tuple(c.strip() for c in text.split(",") if c.strip())


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m flightline.synth", description=__doc__)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--count", type=int, default=1, help="files to generate (seeds seed..)")
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--scanned", action="store_true", help="every page an image")
    p.add_argument("--mixed", action="store_true", help="some documents and pages scanned")
    p.add_argument("--tiff", action="store_true", help="scanned documents as multi-page TIFF")
    p.add_argument("--packaging", choices=PACKAGINGS, default="zip")
    p.add_argument("--defects", help="comma-separated codes, CODE or CODE:variant; default random")
    p.add_argument("--near-misses", help="comma-separated codes planted just inside the limit")
    p.add_argument("--clean", action="store_true", help="no defects")
    p.add_argument("--target-pages", type=int, default=None)
    p.add_argument("--list-defects", action="store_true", help="print the defect catalogue")
    args = p.parse_args(argv)
    if args.list_defects:
        for code, spec in CATALOG.items():
            sys.stdout.write(f"{code}  {spec.category:<13} {spec.severity:<8} "
                             f"variants={','.join(spec.variants)}\n")  # fmt: skip
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for seed in range(args.seed, args.seed + args.count):
        started = time.perf_counter()
        lf = generate(
            GeneratorOptions(
                seed=seed,
                scanned=args.scanned,
                mixed=args.mixed,
                tiff=True if args.tiff else None,
                packaging=args.packaging,
                defects=_codes(args.defects),
                near_misses=_codes(args.near_misses) if args.near_misses else (),
                clean=args.clean,
                target_pages=args.target_pages,
            )
        )
        folder = args.out / f"seed-{seed}"
        folder.mkdir(parents=True, exist_ok=True)
        for name, data in lf.files:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (folder / "answer_key.json").write_text(json.dumps(lf.answer_key, indent=1))
        pages = sum(len(v) for v in lf.pages.values())
        codes = ",".join(d["code"] for d in lf.answer_key["defects"]) or "clean"
        sys.stdout.write(
            f"seed {seed}: {pages} pages, {len(lf.files)} upload(s), defects {codes}, "
            f"decision {lf.answer_key['expected_decision']}, "
            f"{time.perf_counter() - started:.2f}s -> {folder}\n"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
