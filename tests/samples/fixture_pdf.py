"""Ruled PDFs of fixture layouts, drawn with reportlab at test time (no LibreOffice, nothing committed).

Two producers' habits, as they show in real reports:
- "word": each cell border is a stroked line and each cell's text one run per line, as
  Word's "save as PDF" writes it;
- "wps": borders are thin filled rectangles and every glyph is placed on its own, as WPS
  Office's PDF export writes them.
Cell text wraps inside its column (long labels run over two or three lines); merged cells
(col/row spans of fixture_layout.Cell) are drawn as one box. The font is reportlab's built-in
CID font STSong-Light, which needs no font file and keeps the text layer.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from fixture_layout import Block, Layout, column_widths_cm  # type: ignore[import-not-found]

_CM = 28.3465
_PAGE_W, _PAGE_H = 595.0, 842.0
_MARGIN = 50.0
_FONT = "STSong-Light"
_TEXT_SIZE = 10.5
_CELL_SIZE = 8.0
_PAD = 2.5


def _wrap(text: str, width: float, size: float) -> list[str]:
    per_line = max(1, int((width - 2 * _PAD) // size))
    lines: list[str] = []
    for part in text.split("\n"):
        units = 0.0
        line = ""
        for ch in part:
            w = 0.5 if ch.isascii() else 1.0
            if units + w > per_line and line:
                lines.append(line)
                line, units = "", 0.0
            line += ch
            units += w
        lines.append(line)
    return lines or [""]


def _grid(layout: Layout) -> list[tuple[int, int, int, int, str]]:
    """(row, col, rowspan, colspan, text) of every cell, placed as in the logical grid."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(layout):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, cell.rowspan, cell.colspan, cell.text))
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken.add((r + dr, c + dc))
            c += cell.colspan
    return out


def render_pdf(blocks: Sequence[Block], *, producer: str = "word") -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if producer not in ("word", "wps"):
        raise ValueError(producer)
    pdfmetrics.registerFont(UnicodeCIDFont(_FONT))
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=(_PAGE_W, _PAGE_H))
    y = _PAGE_H - _MARGIN

    def text_run(x: float, baseline: float, text: str, size: float) -> None:
        pdf.setFont(_FONT, size)
        if producer == "word":
            pdf.drawString(x, baseline, text)
            return
        for ch in text:  # WPS: one glyph at a time
            pdf.drawString(x, baseline, ch)
            x += size * (0.5 if ch.isascii() else 1.0)

    def rule(x0: float, y0: float, x1: float, y1: float) -> None:
        if producer == "word":
            pdf.setLineWidth(0.5)
            pdf.line(x0, y0, x1, y1)
        else:  # WPS: a thin filled rectangle
            pdf.rect(
                min(x0, x1) - 0.25,
                min(y0, y1) - 0.25,
                abs(x1 - x0) + 0.5,
                abs(y1 - y0) + 0.5,
                stroke=0,
                fill=1,
            )

    for block in blocks:
        if isinstance(block, str):
            lines = _wrap(block, _PAGE_W - 2 * _MARGIN, _TEXT_SIZE)
            for line in lines:
                if y - _TEXT_SIZE * 1.6 < _MARGIN:
                    pdf.showPage()
                    y = _PAGE_H - _MARGIN
                y -= _TEXT_SIZE * 1.6
                text_run(_MARGIN, y, line, _TEXT_SIZE)
            continue
        cells = _grid(block)
        columns = max(c + cs for _, c, _, cs, _ in cells)
        widths = [w * _CM for w in column_widths_cm(columns)]
        xs = [_MARGIN + sum(widths[:i]) for i in range(columns + 1)]
        line_h = _CELL_SIZE * 1.25
        heights = [line_h + 2 * _PAD] * len(block)
        for r, c, rs, cs, text in cells:
            if rs == 1:
                need = len(_wrap(text, xs[c + cs] - xs[c], _CELL_SIZE)) * line_h + 2 * _PAD
                heights[r] = max(heights[r], need)
        if y - sum(heights) < _MARGIN:
            pdf.showPage()
            y = _PAGE_H - _MARGIN
        y -= 6
        tops = [y - sum(heights[:i]) for i in range(len(block) + 1)]
        for r, c, rs, cs, text in cells:
            x0, x1, top, bottom = xs[c], xs[c + cs], tops[r], tops[r + rs]
            for a, b in (((x0, top), (x1, top)), ((x0, bottom), (x1, bottom)), ((x0, top), (x0, bottom)),
                         ((x1, top), (x1, bottom))):  # fmt: skip
                rule(a[0], a[1], b[0], b[1])
            baseline = top - _PAD - _CELL_SIZE
            for line in _wrap(text, x1 - x0, _CELL_SIZE):
                text_run(x0 + _PAD, baseline, line, _CELL_SIZE)
                baseline -= line_h
        y = tops[-1] - 6
    pdf.save()
    return out.getvalue()
