"""Ruled tables of a PDF page: pdfplumber's table finder over lines and glyphs read by pdfium."""

from __future__ import annotations

import ctypes
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsing.errors import CorruptFile
from parsing.extract.base import Row
from parsing.extract.layout import Table

LATTICE = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}


def ruled_tables(page: Any, textpage: Any) -> list[Table]:
    """pdfplumber's table finder over ruling lines and characters read by pdfium.

    pdfplumber's own page objects come from pdfminer, which spends ~50 ms parsing each
    page's content stream in Python; pdfium reads the same lines and glyph boxes in C.
    The finder and the cell text assembly are pdfplumber's, unchanged.
    """
    from pdfplumber.table import TableFinder, TableSettings

    view = PdfiumPageView(page, textpage)
    if not view.edges:
        return []
    finder = TableFinder(view, TableSettings.resolve(LATTICE))  # type: ignore[arg-type]
    found = finder.tables
    if found:
        # Table.extract scans every char of the page for every row: hand it only the
        # chars inside some table.
        boxes = [t.bbox for t in found]
        view.chars = [
            ch
            for ch in view.chars
            if any(x0 - 1 <= ch["x0"] and ch["x1"] <= x1 + 1 and top - 1 <= ch["top"] and ch["bottom"] <= bottom + 1
                   for x0, top, x1, bottom in boxes)
        ]  # fmt: skip
    return _tables_from(found)


class PdfiumPageView:
    """The slice of a pdfplumber Page that TableFinder and Table.extract read."""

    def __init__(self, page: Any, textpage: Any, *, chars: bool = False) -> None:
        self.height = page.get_height()
        self.width = page.get_width()
        self.bbox = (0.0, 0.0, self.width, self.height)
        self.edges: list[dict[str, Any]] = []
        if not chars:
            self._collect_edges(page)
        # Glyphs are only needed where ruling lines make a table (or when asked for).
        self.chars = self._collect_chars(textpage) if self.edges or chars else []

    def _collect_chars(self, textpage: Any) -> list[dict[str, Any]]:
        chars: list[dict[str, Any]] = []
        raw = textpage.raw
        box = pdfium_c.FS_RECTF()
        for i in range(pdfium_c.FPDFText_CountChars(raw)):
            code = pdfium_c.FPDFText_GetUnicode(raw, i)
            if code <= 32 or code in (0xA0, 0x3000, 0xFFFE, 0xFFFF):
                continue
            # The loose box spans the font's ascent and descent, so one line of text
            # shares one top/bottom, as pdfplumber's own chars do.
            if not pdfium_c.FPDFText_GetLooseCharBox(raw, i, box):
                continue
            top, bottom = self.height - box.top, self.height - box.bottom
            chars.append(
                {
                    "text": chr(code),
                    "x0": box.left,
                    "x1": box.right,
                    "top": top,
                    "bottom": bottom,
                    "doctop": top,
                    "width": box.right - box.left,
                    "height": bottom - top,
                    "size": bottom - top,
                    "upright": True,
                    "object_type": "char",
                }
            )
        return chars

    def _collect_edges(self, page: Any) -> None:
        x, y = ctypes.c_float(), ctypes.c_float()
        matrix = pdfium_c.FS_MATRIX()
        for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4):
            raw = obj.raw
            pdfium_c.FPDFPageObj_GetMatrix(raw, matrix)
            start: tuple[float, float] | None = None
            previous: tuple[float, float] | None = None
            for i in range(pdfium_c.FPDFPath_CountSegments(raw)):
                segment = pdfium_c.FPDFPath_GetPathSegment(raw, i)
                pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
                point = (
                    matrix.a * x.value + matrix.c * y.value + matrix.e,
                    matrix.b * x.value + matrix.d * y.value + matrix.f,
                )
                if pdfium_c.FPDFPathSegment_GetType(segment) == pdfium_c.FPDF_SEGMENT_MOVETO:
                    start = point
                elif previous is not None:
                    self._add_edge(previous, point)
                if pdfium_c.FPDFPathSegment_GetClose(segment) and start is not None:
                    self._add_edge(point, start)
                previous = point

    def _add_edge(self, a: tuple[float, float], b: tuple[float, float]) -> None:
        (x0, y0), (x1, y1) = a, b
        if abs(y0 - y1) < 1 and abs(x0 - x1) >= 1:
            left, right = sorted((x0, x1))
            top = self.height - (y0 + y1) / 2
            self.edges.append(
                {"x0": left, "x1": right, "top": top, "bottom": top, "doctop": top,
                 "width": right - left, "height": 0.0, "orientation": "h", "object_type": "line"}
            )  # fmt: skip
        elif abs(x0 - x1) < 1 and abs(y0 - y1) >= 1:
            top, bottom = sorted((self.height - y0, self.height - y1))
            x = (x0 + x1) / 2
            self.edges.append(
                {"x0": x, "x1": x, "top": top, "bottom": bottom, "doctop": top,
                 "width": 0.0, "height": bottom - top, "orientation": "v", "object_type": "line"}
            )  # fmt: skip


def _tables_from(found: list[Any]) -> list[Table]:
    out: list[Table] = []
    for table in found:
        rows = table.extract()
        if not rows or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        grid: tuple[Row, ...] = tuple(tuple(cell for cell in row) for row in rows)
        # pdfplumber lays rows out over the distinct left edges of the cells.
        columns = tuple(sorted({cell[0] for cell in table.cells}))
        out.append(Table(top, bottom, x0, x1, grid, columns if len(columns) == len(grid[0]) else ()))
    return sorted(out, key=lambda t: t.top)


@contextmanager
def open_page(pdf: pdfium.PdfDocument, number: int) -> Iterator[tuple[pdfium.PdfPage, pdfium.PdfTextPage]]:
    """A page and its text layer, both closed after use; a page pdfium cannot load is corrupt."""
    try:
        page = pdf[number]
    except pdfium.PdfiumError as exc:
        raise CorruptFile() from exc
    try:
        textpage = page.get_textpage()
        try:
            yield page, textpage
        finally:
            textpage.close()
    finally:
        page.close()
