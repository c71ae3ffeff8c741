"""Borderless PDF tables: the page's glyphs read by pdfium, handed to parsing.extract.borderless."""

from __future__ import annotations

import pypdfium2 as pdfium

from parsing.extract.borderless import Glyph, GlyphLine, glyph_lines
from parsing.extract.borderless import borderless_tables as tables_from_lines
from parsing.extract.layout import Table
from parsing.extract.pdf_tables import PdfiumPageView, open_page


def borderless_tables(pdf: pdfium.PdfDocument, page_numbers: list[int]) -> dict[int, list[Table]]:
    """Tables without ruling lines on the given pages, rebuilt from glyph positions."""
    lines: dict[int, list[GlyphLine]] = {}
    for number in page_numbers:
        with open_page(pdf, number) as (page, textpage):
            chars = PdfiumPageView(page, textpage, chars=True).chars
            lines[number] = glyph_lines(Glyph(c["text"], c["x0"], c["x1"], c["top"], c["bottom"]) for c in chars)
    return tables_from_lines(lines)
