"""Scanned variants: each page rendered to a grayscale image, tilted, blurred,
speckled and JPEG-compressed, then re-wrapped as an image-only PDF or a
multi-page TIFF. All randomness comes from the file's rng (Pillow's own noise
generator is not seedable), so scans are reproducible byte for byte."""

from __future__ import annotations

import hashlib
import io
import random
import re
import time

import pypdfium2 as pdfium
from PIL import Image, ImageChops, ImageFilter

_EPOCH = time.gmtime(0)


_PDFIUM_DATE = re.compile(rb"/(CreationDate|ModDate)\(D:(\d{14})")
_PDFIUM_ID = re.compile(rb"/ID\[<([0-9A-Fa-f]{32})><([0-9A-Fa-f]{32})>")


def _freeze(data: bytes) -> bytes:
    """PDFium stamps new documents with the wall clock and a random file ID;
    pin both (same lengths, so cross-reference offsets stay valid)."""
    data = _PDFIUM_DATE.sub(lambda m: b"/" + m.group(1) + b"(D:20260101000000", data)
    digest = hashlib.md5(_PDFIUM_ID.sub(b"", data), usedforsecurity=False).hexdigest().upper()
    ident = digest.encode()
    return _PDFIUM_ID.sub(lambda m: b"/ID[<" + ident + b"><" + ident + b">", data)


def render_pages(pdf: bytes, dpi: int, pages: list[int] | None = None) -> list[Image.Image]:
    doc = pdfium.PdfDocument(pdf)
    try:
        idx = range(len(doc)) if pages is None else pages
        out = []
        for i in idx:
            page = doc[i]
            bitmap = page.render(scale=dpi / 72, grayscale=True)
            out.append(bitmap.to_pil().convert("L"))
            page.close()
        return out
    finally:
        doc.close()


def degrade(img: Image.Image, rng: random.Random) -> Image.Image:
    w, h = img.size
    img = img.rotate(
        rng.uniform(-1.5, 1.5), resample=Image.Resampling.NEAREST, expand=False, fillcolor=255
    )
    qw, qh = max(1, w // 4), max(1, h // 4)
    grain = Image.frombytes("L", (qw, qh), rng.randbytes(qw * qh))
    depth = rng.randint(20, 40)
    texture = grain.point(lambda v: v // depth).resize((w, h), Image.Resampling.NEAREST)
    img = ImageChops.subtract(img, texture)
    if rng.random() < 0.7:  # dust: a few hundred soft specks
        ew, eh = max(1, w // 8), max(1, h // 8)
        dust = Image.frombytes("L", (ew, eh), rng.randbytes(ew * eh))
        specks = dust.point(lambda v: 170 if v == 255 else 0).resize((w, h))
        img = ImageChops.subtract(img, specks)
    # one blur softens the rotation's jagged edges, the grain and the dust alike
    img = img.filter(ImageFilter.BoxBlur(rng.uniform(0.5, 1.1)))
    if rng.random() < 0.5:  # toner too light or too dark
        shift = rng.randint(-20, 15)
        img = img.point(lambda v: min(255, max(0, v + shift)))
    return img


def images_to_pdf(images: list[Image.Image], dpi: int, quality: int) -> bytes:
    buf = io.BytesIO()
    images[0].save(
        buf,
        "PDF",
        save_all=True,
        append_images=images[1:],
        resolution=dpi,
        quality=quality,
        creationDate=_EPOCH,
        modDate=_EPOCH,
    )
    return buf.getvalue()


def images_to_tiff(images: list[Image.Image], dpi: int) -> bytes:
    buf = io.BytesIO()
    # 1-bit group 4, as a document scanner writes it
    bw = [im.point(lambda v: 255 if v > 150 else 0).convert("1") for im in images]
    bw[0].save(
        buf, "TIFF", save_all=True, append_images=bw[1:], compression="group4", dpi=(dpi, dpi)
    )
    return buf.getvalue()


def scan_pdf(pdf: bytes, rng: random.Random, dpi: int = 200) -> bytes:
    """Every page an image: no text layer at all."""
    pages = [degrade(im, rng) for im in render_pages(pdf, dpi)]
    return images_to_pdf(pages, dpi, rng.randint(35, 75))


def scan_tiff(pdf: bytes, rng: random.Random, dpi: int = 200) -> bytes:
    pages = [degrade(im, rng) for im in render_pages(pdf, dpi)]
    return images_to_tiff(pages, dpi)


def scan_some_pages(pdf: bytes, rng: random.Random, which: list[int], dpi: int = 200) -> bytes:
    """A text PDF in which the listed pages were replaced by scans (a
    signature page printed, signed and scanned back in)."""
    src = pdfium.PdfDocument(pdf)
    out = pdfium.PdfDocument.new()
    try:
        n = len(src)
        for i in range(n):
            if i in which:
                img = degrade(render_pages(pdf, dpi, [i])[0], rng)
                scanned = pdfium.PdfDocument(images_to_pdf([img], dpi, rng.randint(40, 75)))
                out.import_pages(scanned)
                scanned.close()
            else:
                out.import_pages(src, [i])
        buf = io.BytesIO()
        out.save(buf)
        return _freeze(buf.getvalue())
    finally:
        out.close()
        src.close()


def merge_pdfs(parts: list[bytes]) -> bytes:
    out = pdfium.PdfDocument.new()
    try:
        for p in parts:
            src = pdfium.PdfDocument(p)
            out.import_pages(src)
            src.close()
        buf = io.BytesIO()
        out.save(buf)
        return _freeze(buf.getvalue())
    finally:
        out.close()


def page_count(data: bytes) -> int:
    doc = pdfium.PdfDocument(data)
    try:
        return len(doc)
    finally:
        doc.close()
