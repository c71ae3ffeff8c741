"""DOCX -> Document with python-docx: paragraphs and tables in document order.

Merged cells are resolved from the XML itself (gridSpan, vMerge, gridBefore/After):
python-docx hands back the same cell once per grid position it covers, which would
repeat a merged header's text across columns; the logical grid wants it once, at the
top-left position, with None at every other covered position.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from lxml import etree

from parsing.errors import CorruptFile, TooLarge
from parsing.extract.base import Block, Document, Row, TableBlock, TextBlock
from parsing.options import ParseOptions

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# A member that inflates more than this many times over is a bomb, not a report.
MAX_RATIO = 200
_RATIO_FLOOR = 1024 * 1024  # small members may compress very well legitimately


def check_zip(data: bytes, options: ParseOptions) -> None:
    """Refuse corrupt archives and zip bombs from the central directory, before inflating."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise CorruptFile() from exc
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise TooLarge()
    if total > options.max_unzipped_bytes:
        raise TooLarge()


def extract(data: bytes, filename: str, options: ParseOptions) -> Document:
    check_zip(data, options)
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise CorruptFile() from exc
    except zipfile.LargeZipFile as exc:
        raise TooLarge() from exc
    return Document(blocks=tuple(_blocks(body)), kind="docx")


def _blocks(body: Any) -> Iterator[Block]:
    paragraphs = 0
    tables = 0
    # Walk body children in order; tables nested in cells follow their outer table.
    for element in _block_elements(body):
        if element.tag == f"{_W}p":
            text = paragraph_text(element)
            if text.strip():
                yield TextBlock(text=text, index=paragraphs)
                paragraphs += 1
        else:
            for table in _table_and_nested(element):
                yield TableBlock(rows=table_grid(table), index=tables)
                tables += 1


def _block_elements(parent: Any) -> Iterator[Any]:
    """w:p and w:tbl children in order, looking inside content controls (w:sdt)."""
    for child in parent.iterchildren():
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}sdtContent"):
            yield from _block_elements(child)


def _table_and_nested(tbl: Any) -> Iterator[Any]:
    yield tbl
    yield from tbl.iterdescendants(f"{_W}tbl")


def paragraph_text(p: Any) -> str:
    parts: list[str] = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        else:
            parts.append("\n")
    return "".join(parts)


def _cell_text(tc: Any) -> str:
    # Only the cell's own paragraphs: a nested table becomes its own TableBlock.
    lines = [paragraph_text(p) for p in _block_elements(tc) if p.tag == f"{_W}p"]
    return "\n".join(lines).strip()


def _int_attr(element: Any, path: str) -> int:
    found = element.find(path)
    if found is None:
        return 0
    try:
        return int(found.get(f"{_W}val", "1"))
    except ValueError:
        return 0


def _vmerge(tc: Any) -> str | None:
    found = tc.find(f"{_W}tcPr/{_W}vMerge")
    if found is None:
        return None
    value: str = found.get(f"{_W}val", "continue")
    return value


def table_grid(tbl: Any) -> tuple[Row, ...]:
    # Each row as (start column, span, text or None for a vMerge continuation).
    placed: list[list[tuple[int, int, str | None]]] = []
    width = 0
    for tr in tbl.iterchildren(f"{_W}tr"):
        column = _int_attr(tr, f"{_W}trPr/{_W}gridBefore")
        cells: list[tuple[int, int, str | None]] = []
        for tc in _row_cells(tr):
            span = max(1, _int_attr(tc, f"{_W}tcPr/{_W}gridSpan"))
            # A vMerge continuation is covered by the cell above it.
            cells.append((column, span, None if _vmerge(tc) == "continue" else _cell_text(tc)))
            column += span
        width = max(width, column + _int_attr(tr, f"{_W}trPr/{_W}gridAfter"))
        placed.append(cells)
    width = max(width, len(_grid_widths(tbl)))
    sliver = _sliver_columns(tbl, width)
    # Converters leave hair-thin grid columns at span boundaries; a cell that starts in
    # one really starts in the next column, and the sliver itself carries nothing.
    keep = [c for c in range(width) if c not in sliver]
    grid: list[Row] = []
    for cells in placed:
        row: list[str | None] = [None] * width
        for start, span, text in cells:
            at = start
            while at in sliver and at + 1 < start + span:
                at += 1
            if at < width:
                row[at] = text
        grid.append(tuple(row[c] for c in keep))
    return tuple(grid)


def _grid_widths(tbl: Any) -> list[int]:
    widths: list[int] = []
    for col in tbl.iterfind(f"{_W}tblGrid/{_W}gridCol"):
        try:
            widths.append(int(float(col.get(f"{_W}w", "0"))))
        except ValueError:
            widths.append(0)
    return widths


_SLIVER_TWIPS = 30  # about half a millimetre: no text fits


def _sliver_columns(tbl: Any, width: int) -> set[int]:
    widths = _grid_widths(tbl)
    if len(widths) != width or not any(widths):
        return set()
    return {c for c, w in enumerate(widths) if w < _SLIVER_TWIPS}


def _row_cells(tr: Any) -> Iterator[Any]:
    for child in tr.iterchildren():
        if child.tag == f"{_W}tc":
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}customXml", f"{_W}sdtContent"):
            yield from _row_cells(child)
