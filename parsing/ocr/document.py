"""Page images -> Document, through OCR and the positional readers shared with PDFs."""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Iterable

import numpy as np

from parsing.errors import EmptyFile, OcrTimeout
from parsing.extract.base import Document, OcrStats
from parsing.extract.borderless import Glyph, GlyphLine, borderless_tables, glyph_lines
from parsing.extract.layout import Line, Page, Table, align_continuations, assemble, join_words
from parsing.extract.pdf import form_pages, page_has_table
from parsing.ocr import announce_ocr
from parsing.ocr.engine import ENGINE_NAME, Box, read_boxes
from parsing.ocr.straighten import even_light, flatten_page, horizontal_rules, skew_angle, to_grey, unrotate
from parsing.options import ParseOptions

# Positions are handed on in points of an A4-wide page, so the positional readers'
# tolerances (a few points, or a share of the glyph height) mean the same as for a PDF.
_PAGE_WIDTH_PT = 595.0
_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def read_page_images(
    images: Iterable[np.ndarray], options: ParseOptions, *, kind: str, photo: bool
) -> Document:
    """OCR each page image; `photo` also flattens the page and evens the light first.

    Raises OcrTimeout past options.ocr_timeout_s (checked between pages, so a page in
    progress finishes; the sandbox's own limit is the hard stop) and EmptyFile when no
    text is found at all.
    """
    announce_ocr()
    started = time.monotonic()
    all_lines: list[list[GlyphLine]] = []
    rules: dict[int, list[float]] = {}
    for number, image in enumerate(images):
        if time.monotonic() - started > options.ocr_timeout_s:
            raise OcrTimeout()
        lines, rules[number] = _page_lines(image, options, photo=photo)
        all_lines.append(lines)
    if not any(all_lines):
        raise EmptyFile()
    texts = ["".join(w.text for line in lines for w in line.words) for lines in all_lines]
    # A photo is often one page showing part of a table: any page with some of the form's
    # labels is read for tables, besides the pages most like the form.
    candidates = set(form_pages(texts)) | {n for n, text in enumerate(texts) if page_has_table(text)}
    tables = borderless_tables({n: all_lines[n] for n in sorted(candidates)}, rules)
    # A speck read as a glyph of its own joins the figure's cell ("0" + "." -> "0."): clean the cells too.
    tables = {n: [_clean_cells(t) for t in page_tables] for n, page_tables in tables.items()}
    align_continuations(tables)
    pages = [Page([_line(gl) for gl in lines], tables.get(n, [])) for n, lines in enumerate(all_lines)]
    stats = OcrStats(
        engine=ENGINE_NAME,
        pages=len(all_lines),
        seconds=round(time.monotonic() - started, 2),
        low_below=options.ocr_min_confidence,
    )
    return Document(blocks=assemble(pages), kind=kind, pages=len(all_lines), ocr=stats)


def _page_lines(image: np.ndarray, options: ParseOptions, *, photo: bool) -> tuple[list[GlyphLine], list[float]]:
    """The page's text lines and the heights of its horizontal ruling lines, in points."""
    grey = to_grey(image)
    if photo:
        grey = even_light(flatten_page(grey))
    boxes = read_boxes(grey, threads=options.ocr_threads)
    height, width = grey.shape[:2]
    angle = skew_angle(boxes)
    boxes = unrotate(boxes, angle, (width / 2, height / 2))
    scale = _PAGE_WIDTH_PT / width
    lines = glyph_lines(g for box in boxes if (g := _glyph(box, scale)) is not None)
    return lines, [y * scale for y in horizontal_rules(grey, angle)]


# A figure read with a speck of noise: "o" for 0, "0°", ".0". Only tokens made of digits and such
# confusables are touched; anything with a letter or a Chinese character stays as read.
_FIGURE_LIKE = re.compile(r"^[\d oO°.,，·'`‘’:：。、]+$")
_SPECKS = re.compile(r"[°·'`‘’:：、\s]")


def clean_figure(text: str) -> str:
    if not _FIGURE_LIKE.match(text) or not re.search(r"[\doO]", text):
        return text
    cleaned = _SPECKS.sub("", text.replace("o", "0").replace("O", "0")).strip(".,，。")
    return cleaned or text


# A cell holding only a speck or a stop ("。" for a faint 0) was not read: left blank, it is
# flagged as a blank among figures, and the row's other figures keep their columns.
_ONLY_SPECKS = re.compile(r"^[°·'`‘’:：、。.,，\s]+$")


def _clean_cell(text: str) -> str:
    return "" if _ONLY_SPECKS.match(text) else clean_figure(text)


def _clean_cells(table: Table) -> Table:
    rows = tuple(tuple(_clean_cell(c) if c else c for c in row) for row in table.rows)
    return dataclasses.replace(table, rows=rows)


def _glyph(box: Box, scale: float) -> Glyph | None:
    text = clean_figure(_CJK_SPACE.sub("", box.text.strip()))
    if not text:
        return None
    xs = [x for x, _ in box.points]
    ys = [y for _, y in box.points]
    return Glyph(text, min(xs) * scale, max(xs) * scale, min(ys) * scale, max(ys) * scale, box.confidence)


def _line(line: GlyphLine) -> Line:
    scores = [w.confidence for w in line.words if w.confidence is not None]
    text = join_words([w.text for w in line.words])
    return Line(line.top, line.bottom, line.x0, line.x1, text, min(scores) if scores else None)
