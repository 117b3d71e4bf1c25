"""Builders for test packages: documents and archives generated in memory."""

from __future__ import annotations

import io
import tarfile
import zipfile

import pypdfium2 as pdfium
from PIL import Image


def pdf(pages: int = 1, width: float = 612, tag: int = 0) -> bytes:
    """A small valid PDF; `tag` varies the page size so contents differ."""
    doc = pdfium.PdfDocument.new()
    for _ in range(pages):
        doc.new_page(width + tag, 792)
    buffer = io.BytesIO()
    doc.save(buffer)
    doc.close()
    return buffer.getvalue()


def text_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose lines are a text layer (Helvetica)."""
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({line}) '" for line in lines) + " ET"
    stream = DecodedStreamObject()
    stream.set_data(content.encode())
    page[NameObject("/Contents")] = writer._add_object(stream)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def joined_pdfs(*parts: bytes) -> bytes:
    """One PDF of the given PDFs' pages, in order."""
    doc = pdfium.PdfDocument.new()
    for part in parts:
        doc.import_pages(pdfium.PdfDocument(part))
    buffer = io.BytesIO()
    doc.save(buffer)
    doc.close()
    return buffer.getvalue()


def encrypted_pdf(password: str = "secret") -> bytes:  # noqa: S107 - a test fixture
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=612, height=792)
    writer.encrypt(user_password=password, owner_password=password + "-owner")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def png(size: int = 16, colour: int = 0) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (size, size), (colour, 0, 0)).save(out, format="PNG")
    return out.getvalue()


def tiff(pages: int = 3) -> bytes:
    frames = [Image.new("L", (32, 32), i * 40) for i in range(pages)]
    out = io.BytesIO()
    frames[0].save(out, format="TIFF", save_all=True, append_images=frames[1:])
    return out.getvalue()


def zip_of(members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=method) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return out.getvalue()


class _Pipe(io.RawIOBase):
    def __init__(self) -> None:
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b: bytes) -> int:  # type: ignore[override]
        self.data += b
        return len(b)


def piped_zip_of(
    members: list[tuple[str, bytes]], method: int = zipfile.ZIP_DEFLATED, zip64: bool = False
) -> bytes:
    """A zip written to a pipe, as streaming tools write them: each member's
    sizes and CRC follow its data (a data descriptor), none in its header."""
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w") as zf:
        for name, data in members:
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            with zf.open(info, "w", force_zip64=zip64) as member:
                member.write(data)
    return bytes(pipe.data)


def tar_of(
    members: list[tuple[str, bytes]], gz: bool = False, extra: list[tarfile.TarInfo] | None = None
) -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:gz" if gz else "w") as tf:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        for info in extra or []:
            tf.addfile(info)
    return out.getvalue()


def scanned_page(lines: list[str], size: tuple[int, int] = (1275, 1650)) -> Image.Image:
    """A page image with text drawn on it (no text layer), 150 dpi letter."""
    from PIL import ImageDraw, ImageFont

    image = Image.new("L", size, 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=28)
    for i, line in enumerate(lines):
        draw.text((80, 100 + i * 48), line, font=font, fill=0)
    return image


def image_pdf(pages: list[Image.Image]) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=150)
    return out.getvalue()


def multipage_tiff(pages: list[Image.Image]) -> bytes:
    out = io.BytesIO()
    pages[0].save(out, format="TIFF", save_all=True, append_images=pages[1:])
    return out.getvalue()
