"""OCR pages through the pipeline's reader against raw Tesseract on the same
images, same run, both using all cores (a process pool per core,
OMP_THREAD_LIMIT=1).

    .venv/bin/python -m bench.ocr_throughput [--pages 24]

The pipeline's path includes rendering each image-only PDF page at 300 dpi,
the ink check, whitening table rules and rebuilding rows from the word boxes;
raw Tesseract (the same call: `image_to_data` with the pipeline's options) is
handed the already-rendered images.
"""

from __future__ import annotations

import argparse
import io
import os
import time
import uuid
from concurrent.futures import ProcessPoolExecutor

from PIL import Image, ImageDraw, ImageFont

from flightline.pipeline.pages import TESSERACT_CONFIG, OcrPool, read_pdf

WORDS = (
    "Borrower",
    "Employer",
    "Gross",
    "Pay",
    "Year",
    "to",
    "Date",
    "Statement",
    "Period",
    "Deposit",
    "Balance",
    "Payroll",
    "Interest",
    "Rate",
    "Loan",
    "Amount",
    "Closing",
    "Date",
    "Appraised",
    "Value",
    "Property",
    "Address",
)


def page_image(seed: int) -> Image.Image:
    image = Image.new("L", (2550, 3300), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=34)
    for line in range(48):
        words = [WORDS[(seed * 7 + line * 3 + i) % len(WORDS)] for i in range(6)]
        amount = f"{(seed * 997 + line * 131) % 100000:,}.{line:02d}"
        draw.text((150, 150 + line * 62), " ".join(words) + f"  {amount}", font=font, fill=0)
    return image


def _raw(png: bytes) -> int:
    import pytesseract

    # The pipeline's own Tesseract call (words with their boxes, same options).
    data = pytesseract.image_to_data(
        Image.open(io.BytesIO(png)), config=TESSERACT_CONFIG, output_type=pytesseract.Output.DICT
    )
    return sum(len(w) for w in data["text"])


def _init() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=24)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    images = [page_image(i) for i in range(args.pages)]
    pngs = []
    for image in images:
        out = io.BytesIO()
        image.save(out, format="PNG")
        pngs.append(out.getvalue())
    pdf = io.BytesIO()
    images[0].save(pdf, format="PDF", save_all=True, append_images=images[1:], resolution=300)

    with ProcessPoolExecutor(cores, initializer=_init) as pool:
        list(pool.map(_raw, pngs[:cores]))  # warm-up
        start = time.perf_counter()
        chars = sum(pool.map(_raw, pngs))
        raw_seconds = time.perf_counter() - start

    ocr = OcrPool(cores)
    read_pdf(uuid.uuid4(), _single_page(images[0]), ocr)  # warm-up
    start = time.perf_counter()
    result = read_pdf(uuid.uuid4(), pdf.getvalue(), ocr)
    ours_seconds = time.perf_counter() - start
    ocr.shutdown()
    assert all(p.method == "ocr" for p in result.pages), "every page should be OCR'd"
    raw_rate, ours_rate = args.pages / raw_seconds, args.pages / ours_seconds
    print(
        f"raw Tesseract: {raw_rate:.2f} pages/s ({chars} chars); pipeline OCR: {ours_rate:.2f} "
        f"pages/s; ratio {ours_rate / raw_rate:.3f} (target ≥ 0.85) on {cores} cores, "
        f"{args.pages} pages at 300 dpi"
    )


def _single_page(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PDF", resolution=300)
    return out.getvalue()


if __name__ == "__main__":
    main()
