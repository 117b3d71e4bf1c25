"""A small flowing-layout pen over a reportlab canvas: titles, headings,
label/value grids, boxed form cells, tables that continue across pages, and
wrapped paragraphs — enough to draw every template at canvas speed."""

from __future__ import annotations

import io
import random
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.pagesizes import letter  # type: ignore[import-untyped]
from reportlab.lib.utils import simpleSplit  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]

from flightline.synth.fmt import Style

W: float = float(letter[0])
H: float = float(letter[1])


class _NumberedCanvas(Canvas):  # type: ignore[misc]
    """Defers page output so footers can say "Page x of y"."""

    def __init__(self, *args: Any, footer: Callable[[Canvas, int, int], None], **kw: Any) -> None:
        super().__init__(*args, **kw)
        self._states: list[dict[str, Any]] = []
        self._footer = footer

    def showPage(self) -> None:
        self._states.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._states)
        for state in self._states:
            self.__dict__.update(state)
            self._footer(self, self._pageNumber, total)
            super().showPage()
        super().save()


class Pen:
    def __init__(
        self,
        style: Style,
        rng: random.Random,
        *,
        margin: float = 48,
        footer: str | None = None,
        numbered: bool = False,
    ) -> None:
        self.s = style
        self.rng = rng
        self.buf = io.BytesIO()
        self.footer_text = footer
        self.numbered = numbered and footer is not None
        if self.numbered:
            self.c: Canvas = _NumberedCanvas(
                self.buf, pagesize=letter, invariant=1, footer=self._numbered_footer
            )
        else:
            self.c = Canvas(self.buf, pagesize=letter, invariant=1)
        self.x0 = margin + rng.uniform(-6, 6)
        self.x1 = W - margin + rng.uniform(-6, 6)
        self.top = H - margin + rng.uniform(-4, 6)
        self.bottom = margin + 18
        self.y = self.top
        self.pages = 1
        self.on_new_page: Callable[[Pen], None] | None = None
        self.size = style.size

    # ------------------------------------------------------------------ basics

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    def font(self, size: float | None = None, bold: bool = False, italic: bool = False) -> None:
        name = self.s.bold if bold else self.s.italic if italic else self.s.regular
        self.c.setFont(name, size or self.size)

    def sw(self, text: str, size: float | None = None, bold: bool = False) -> float:
        return float(stringWidth(text, self.s.bold if bold else self.s.regular, size or self.size))

    def at(
        self,
        x: float,
        y: float,
        text: str,
        size: float | None = None,
        bold: bool = False,
        align: str = "left",
        italic: bool = False,
    ) -> None:
        self.font(size, bold, italic)
        if align == "right":
            self.c.drawRightString(x, y, text)
        elif align == "center":
            self.c.drawCentredString(x, y, text)
        else:
            self.c.drawString(x, y, text)

    def fit(self, text: str, width: float, size: float | None = None, bold: bool = False) -> str:
        """Clip text to a width (forms truncate long values too)."""
        if self.sw(text, size, bold) <= width:
            return text
        while text and self.sw(text + "..", size, bold) > width:
            text = text[:-1]
        return text + ".."

    def shrink(self, text: str, width: float, size: float, bold: bool = False) -> float:
        """The font size at which a value fits its cell: values are never
        clipped, since a reader must find every printed value whole."""
        w = self.sw(text, size, bold)
        if w <= width or w == 0:
            return size
        return max(4.0, size * width / w)

    def _numbered_footer(self, c: Canvas, n: int, total: int) -> None:
        c.setFont(self.s.regular, 7)
        c.drawRightString(self.x1, 28, f"{self.footer_text}    Page {n} of {total}")

    def _plain_footer(self) -> None:
        if self.footer_text is not None and not self.numbered:
            self.c.setFont(self.s.regular, 7)
            self.c.drawString(self.x0, 28, f"{self.footer_text}")
            self.c.drawRightString(self.x1, 28, f"Page {self.pages}")

    def new_page(self) -> None:
        self._plain_footer()
        self.c.showPage()
        self.pages += 1
        self.y = self.top
        if self.on_new_page is not None:
            self.on_new_page(self)

    def ensure(self, h: float) -> None:
        if self.y - h < self.bottom:
            self.new_page()

    def space(self, h: float = 6) -> None:
        self.y -= h

    def finish(self) -> bytes:
        self._plain_footer()
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()

    # ------------------------------------------------------------------ blocks

    def title(
        self,
        text: str,
        size: float = 14,
        align: str = "center",
        rule: bool = False,
        sub: str | None = None,
    ) -> None:
        self.ensure(size + 14)
        self.y -= size
        x = {"center": (self.x0 + self.x1) / 2, "left": self.x0, "right": self.x1}[align]
        self.c.setFillColorRGB(*self.s.accent)
        self.at(x, self.y, text, size, bold=True, align=align)
        self.c.setFillColorRGB(0, 0, 0)
        if sub:
            self.y -= size * 0.9
            self.at(x, self.y, sub, size * 0.6, align=align, italic=True)
        self.y -= 6
        if rule:
            self.hr(1.2)

    def heading(self, text: str, size: float | None = None) -> None:
        size = size or self.size + 1.5
        text = text.upper() if self.s.label_upper else text
        self.ensure(size + 16)
        self.y -= 4
        if self.s.shade:
            self.c.setFillColorRGB(0.86, 0.88, 0.92)
            self.c.rect(self.x0, self.y - size - 3, self.width, size + 6, stroke=0, fill=1)
            self.c.setFillColorRGB(0, 0, 0)
            self.y -= size
            self.at(self.x0 + 4, self.y, text, size, bold=True)
            self.y -= 7
        else:
            self.y -= size
            self.c.setFillColorRGB(*self.s.accent)
            self.at(self.x0, self.y, text, size, bold=True)
            self.c.setFillColorRGB(0, 0, 0)
            self.y -= 3
            if self.s.rules:
                self.hr(0.6)
            self.y -= 3

    def hr(self, weight: float = 0.5) -> None:
        self.c.setLineWidth(weight)
        self.c.line(self.x0, self.y, self.x1, self.y)
        self.y -= 4

    def line(
        self,
        text: str,
        size: float | None = None,
        bold: bool = False,
        indent: float = 0,
        align: str = "left",
        italic: bool = False,
    ) -> None:
        size = size or self.size
        self.ensure(size + 3)
        self.y -= size + 2.5
        x = (
            self.x0 + indent
            if align == "left"
            else (self.x1 if align == "right" else (self.x0 + self.x1) / 2)
        )
        self.at(
            x, self.y, text, self.shrink(text, self.width - indent, size, bold), bold, align, italic
        )

    def para(
        self,
        text: str,
        size: float | None = None,
        indent: float = 0,
        bold: bool = False,
        gap: float = 4,
    ) -> None:
        size = size or self.size
        name = self.s.bold if bold else self.s.regular
        for ln in simpleSplit(text, name, size, self.width - indent):
            self.ensure(size + 3)
            self.y -= size + 2.2
            self.at(self.x0 + indent, self.y, ln, size, bold)
        self.y -= gap

    def kv(
        self,
        pairs: Sequence[tuple[str, str]],
        cols: int = 2,
        size: float | None = None,
        label_frac: float = 0.45,
        bold_values: bool = False,
    ) -> None:
        size = size or self.size
        colw = self.width / cols
        lw = colw * label_frac
        for i in range(0, len(pairs), cols):
            self.ensure(size + 5)
            self.y -= size + 4
            for j, (label, value) in enumerate(pairs[i : i + cols]):
                x = self.x0 + j * colw
                self.at(x, self.y, self.fit(self.s.label(label), lw - 4, size, True), size, True)
                vs = self.shrink(value, colw - lw - 6, size, bold_values)
                self.at(x + lw, self.y, value, vs, bold_values)

    def boxes(
        self, rows: Sequence[Sequence[tuple[str, str]]], h: float = 24, size: float | None = None
    ) -> None:
        """Form cells: a small caption on top, the value below, boxed."""
        size = size or self.size
        self.c.setLineWidth(0.5)
        for row in rows:
            self.ensure(h + 2)
            w = self.width / max(1, len(row))
            for j, (label, value) in enumerate(row):
                x = self.x0 + j * w
                self.c.rect(x, self.y - h, w, h, stroke=1, fill=0)
                self.at(x + 2.5, self.y - 7.5, self.fit(label, w - 5, 6.2), 6.2)
                self.at(x + 4, self.y - h + 5, value, self.shrink(value, w - 8, size))
            self.y -= h

    def table(
        self,
        headers: Sequence[str],
        rows: Sequence[Sequence[str]],
        widths: Sequence[float],
        aligns: str = "",
        size: float | None = None,
        grid: bool | None = None,
        zebra: bool = False,
    ) -> None:
        size = size or self.size - 0.5
        grid = self.s.rules if grid is None else grid
        total = sum(widths)
        ws = [self.width * w / total for w in widths]
        aligns = aligns.ljust(len(headers), "l")
        rh = size + 5

        def draw_header() -> None:
            self.ensure(rh * 2)
            if self.s.shade:
                self.c.setFillColorRGB(0.85, 0.87, 0.9)
                self.c.rect(self.x0, self.y - rh, self.width, rh, stroke=0, fill=1)
                self.c.setFillColorRGB(0, 0, 0)
            self._row(headers, ws, aligns, size, True, rh)
            self.c.setLineWidth(0.7)
            self.c.line(self.x0, self.y, self.x1, self.y)

        draw_header()
        for i, r in enumerate(rows):
            if self.y - rh < self.bottom:
                self.new_page()
                draw_header()
            if zebra and i % 2:
                self.c.setFillColorRGB(0.95, 0.95, 0.95)
                self.c.rect(self.x0, self.y - rh, self.width, rh, stroke=0, fill=1)
                self.c.setFillColorRGB(0, 0, 0)
            self._row(r, ws, aligns, size, False, rh)
            if grid:
                self.c.setLineWidth(0.25)
                self.c.line(self.x0, self.y, self.x1, self.y)
        self.y -= 4

    def _row(
        self,
        cells: Sequence[str],
        ws: Sequence[float],
        aligns: str,
        size: float,
        bold: bool,
        rh: float,
    ) -> None:
        self.y -= rh
        x = self.x0
        for cell, w, a in zip(cells, ws, aligns, strict=False):
            text = cell
            cs = self.shrink(text, w - 6, size, bold)
            if a == "r":
                self.at(x + w - 3, self.y + 3.5, text, cs, bold, "right")
            elif a == "c":
                self.at(x + w / 2, self.y + 3.5, text, cs, bold, "center")
            else:
                self.at(x + 3, self.y + 3.5, text, cs, bold)
            x += w

    def check(self, label: str, on: bool, x: float | None = None) -> float:
        """A checkbox with its label on the current line; returns the next x."""
        x = self.x0 if x is None else x
        self.c.setLineWidth(0.5)
        self.c.rect(x, self.y - 1, 7, 7, stroke=1, fill=0)
        if on:
            self.at(x + 1.2, self.y, "X", 7, True)
        self.at(x + 10, self.y, label, self.size - 0.5)
        return x + 16 + self.sw(label, self.size - 0.5)

    def checks(self, items: Sequence[tuple[str, bool]], caption: str = "") -> None:
        self.ensure(self.size + 5)
        self.y -= self.size + 4
        x = self.x0
        if caption:
            self.at(x, self.y, self.s.label(caption), self.size, True)
            x += self.sw(self.s.label(caption), bold=True) + 8
        for label, on in items:
            x = self.check(label, on, x)

    def signature(self, who: str, date_text: str = "", label: str = "Date") -> None:
        self.ensure(40)
        self.y -= 30
        self.c.setLineWidth(0.6)
        self.c.line(self.x0, self.y, self.x0 + 230, self.y)
        self.c.line(self.x0 + 260, self.y, self.x0 + 380, self.y)
        self.at(self.x0, self.y - 9, who, self.size - 1)
        self.at(self.x0 + 260, self.y - 9, label, self.size - 1)
        if date_text:
            self.at(self.x0 + 262, self.y + 3, date_text, self.size)
        self.y -= 12

    def image_box(self, caption: str, h: float = 170, cols: int = 2) -> None:
        """Placeholder photo frames (appraisal photo pages, maps, sketches)."""
        self.ensure(h + 16)
        w = self.width / cols
        for j in range(cols):
            x = self.x0 + j * w + 4
            self.c.setFillColorRGB(0.78, 0.8, 0.78)
            self.c.rect(x, self.y - h, w - 8, h, stroke=1, fill=1)
            self.c.setFillColorRGB(0, 0, 0)
            self.at(
                x + (w - 8) / 2, self.y - h - 9, f"{caption} {j + 1}", self.size - 1, align="center"
            )
        self.y -= h + 16
