"""PDF -> Document: pypdfium2 for text (fast), pdfplumber's table finder where tables are.

pdfplumber (pdfminer underneath) costs tens of milliseconds per page, about 20x what
pypdfium2 needs for the text, so it runs only on pages whose pypdfium2 text carries the
report tables' labels. Text outside the tables comes from pypdfium2 line by line and is
joined into paragraphs by indentation and line ends.

Tables are found by their ruling lines; a page with table labels but no ruled table
falls back to pdfplumber's text-position strategy (borderless tables). A table broken
over pages comes back as consecutive TableBlocks, rows exactly as printed (a row cut by
the page break shows up as a row of fragments; parsing.tables joins them). Ruled tables: pdf_tables;
borderless ones: pdf_borderless; paragraphs and page assembly: layout (shared with OCR).
"""

from __future__ import annotations

import logging
import re
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsing.errors import CorruptFile, EmptyFile, EncryptedFile, NoTextLayer, TooLarge
from parsing.extract.base import Document
from parsing.extract.layout import Line, Page, Table, align_continuations, assemble
from parsing.extract.pdf_borderless import borderless_tables
from parsing.extract.pdf_tables import open_page, ruled_tables
from parsing.options import ParseOptions
from parsing.vocabulary.tables import PAGE_TABLE_LABELS

log = logging.getLogger(__name__)

# Labels printed in tables 2-4; a page showing two of them holds (part of) a table.
TABLE_LABELS = PAGE_TABLE_LABELS
_WHITESPACE = re.compile(r"\s+")
# Fewer characters than this per page on average, with images present: a scan.
_MIN_CHARS_PER_PAGE = 20


def page_has_table(text: str, *, at_least: int = 2) -> bool:
    compact = _WHITESPACE.sub("", text)
    return sum(1 for label in TABLE_LABELS if label in compact) >= at_least


def extract(data: bytes, filename: str, options: ParseOptions) -> Document:
    pdf = _open(data)
    try:
        page_count = len(pdf)
        if page_count > options.max_pages:
            raise TooLarge()
        if page_count == 0:
            raise EmptyFile()
        pages: list[tuple[str, list[Line]]] = []
        tables: dict[int, list[Table]] = {}
        for number in range(page_count):
            text, lines, ruled = _read_page(pdf, number)
            pages.append((text, lines))
            if ruled:
                tables[number] = ruled
        total_chars = sum(len(_WHITESPACE.sub("", text)) for text, _ in pages)
        if total_chars < _MIN_CHARS_PER_PAGE * page_count:
            if _has_images(pdf):
                if not options.ocr:
                    raise NoTextLayer()
                from parsing.ocr.scans import read_scanned_pdf

                return read_scanned_pdf(pdf, options)
            if total_chars == 0:
                raise EmptyFile()
        if not tables:
            # No ruled table anywhere: borderless tables by glyph position, only on pages
            # that look most like the form, so prose is never cut up as a table.
            tables = borderless_tables(pdf, form_pages([text for text, _ in pages]))
    finally:
        pdf.close()

    align_continuations(tables)
    blocks = assemble([Page(lines, tables.get(number, [])) for number, (_, lines) in enumerate(pages)])
    return Document(blocks=blocks, kind="pdf", pages=page_count)


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        code = getattr(exc, "err_code", None)
        if code == pdfium_c.FPDF_ERR_PASSWORD or "password" in str(exc).lower():
            raise EncryptedFile() from exc
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise EncryptedFile() from exc
        raise CorruptFile() from exc


def _read_page(pdf: pdfium.PdfDocument, number: int) -> tuple[str, list[Line], list[Table]]:
    """The page's text, its lines, and — when it shows table labels — its ruled tables."""
    with open_page(pdf, number) as (page, textpage):
        text = textpage.get_text_range()
        lines = _lines(textpage, text, page.get_height())
        tables = ruled_tables(page, textpage) if page_has_table(text) else []
    return text, lines, tables


_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def _lines(textpage: Any, text: str, height: float) -> list[Line]:
    """Visual lines from pdfium's own line breaks, top to bottom (coordinates from the top).

    pdfium marks each line end with a generated CR LF and its character indices match
    the text, so a line's box comes from its first and last glyph: two calls per line
    instead of one per glyph or per text run.
    """
    raw = textpage.raw
    first_box, last_box = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    lines: list[Line] = []
    position = 0
    for segment in text.split("\r\n"):
        start, position = position, position + len(segment) + 2
        body = segment.strip()
        if not body:
            continue
        first = start + len(segment) - len(segment.lstrip())
        last = start + len(segment.rstrip()) - 1
        if not (
            pdfium_c.FPDFText_GetLooseCharBox(raw, first, first_box)
            and pdfium_c.FPDFText_GetLooseCharBox(raw, last, last_box)
        ):
            continue
        # pdfium adds a space wherever glyphs stand apart; in Chinese text that is
        # layout, not content ("2021 年" is printed "2021年").
        lines.append(
            Line(
                height - max(first_box.top, last_box.top),
                height - min(first_box.bottom, last_box.bottom),
                min(first_box.left, last_box.left),
                max(first_box.right, last_box.right),
                _CJK_SPACE.sub("", body),
            )
        )
    lines.sort(key=lambda line: line.top)
    return lines


def _has_images(pdf: pdfium.PdfDocument) -> bool:
    for number in range(len(pdf)):
        page = pdf[number]
        try:
            for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
                return True
        finally:
            page.close()
    return False


def form_pages(texts: list[str]) -> list[int]:
    """Pages that look most like the form, and their neighbours showing some of its labels
    (a table begun at the foot of a page, or ended at the top of the next)."""
    dense = {i for i, text in enumerate(texts) if page_has_table(text, at_least=4)}
    near = {i for i, text in enumerate(texts) if ({i - 1, i + 1} & dense) and page_has_table(text)}
    return sorted(dense | near)
