"""Positioned text -> blocks: the part of reading a page that does not care where the
positions came from (a PDF's text layer or OCR of a scan).

A page is handed over as visual lines (`Line`, coordinates from the top of the page)
and the tables found on it (`Table`); lines outside the tables are joined into
paragraphs by indentation and line ends, and the page's paragraphs and tables become
the document's blocks in reading order.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from parsing.extract.base import Block, Row, TableBlock, TextBlock

Confidences = tuple[tuple[float | None, ...], ...]


@dataclass(frozen=True)
class Line:
    top: float  # distance from the top of the page
    bottom: float
    x0: float
    x1: float
    text: str
    confidence: float | None = None  # OCR's, None for a text layer


@dataclass(frozen=True)
class Table:
    top: float
    bottom: float
    x0: float
    x1: float
    rows: tuple[Row, ...]
    columns: tuple[float, ...] = ()  # left edge of each column, as the rows are laid out
    confidence: Confidences = ()  # per cell, like rows, when read by OCR


@dataclass(frozen=True)
class Page:
    lines: Sequence[Line]
    tables: Sequence[Table] = ()


@dataclass(frozen=True)
class _Paragraph:
    top: float
    text: str
    indented: bool  # its first line is indented (so it did not continue a previous page)
    open_end: bool  # its last line runs to the right margin (it may go on overleaf)
    confidence: float | None = None


def assemble(pages: Sequence[Page]) -> tuple[Block, ...]:
    """The blocks of the document: per page, paragraphs and tables from top to bottom.

    A paragraph running to the right margin at the foot of a page and continued without
    indent at the top of the next is one block, so a sentence cut by the page break stays whole.
    """
    blocks: list[Block] = []
    paragraphs = 0
    table_index = 0
    carry_over = False
    for number, page in enumerate(pages):
        outside = [ln for ln in page.lines if not any(_inside(ln, t) for t in page.tables)]
        items: list[_Paragraph | Table] = [*_paragraphs(outside), *page.tables]
        items.sort(key=lambda item: item.top)
        for position, item in enumerate(items):
            if isinstance(item, Table):
                blocks.append(
                    TableBlock(rows=item.rows, index=table_index, page=number + 1, confidence=item.confidence)
                )
                table_index += 1
                continue
            previous = blocks[-1] if blocks else None
            if (
                position == 0
                and carry_over
                and not item.indented
                and isinstance(previous, TextBlock)
                and previous.page == number
            ):
                blocks[-1] = TextBlock(
                    previous.text + item.text,
                    previous.index,
                    previous.page,
                    confidence=_lowest(previous.confidence, item.confidence),
                )
            else:
                blocks.append(
                    TextBlock(text=item.text, index=paragraphs, page=number + 1, confidence=item.confidence)
                )
                paragraphs += 1
        carry_over = bool(items) and isinstance(items[-1], _Paragraph) and items[-1].open_end
    return tuple(blocks)


def _lowest(a: float | None, b: float | None) -> float | None:
    present = [c for c in (a, b) if c is not None]
    return min(present) if present else None


def _paragraphs(lines: list[Line]) -> Iterator[_Paragraph]:
    """Join wrapped lines: a paragraph ends at a short line, an indent, or a wide gap."""
    if not lines:
        return
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)

    def size(line: Line) -> float:
        return max(line.bottom - line.top, 1.0)

    def indented(line: Line) -> bool:
        return line.x0 > left + size(line) * 1.2

    def short(line: Line) -> bool:
        return line.x1 < right - size(line) * 2.5

    def close(start: Line, members: list[Line]) -> _Paragraph:
        confidence = _lowest_of(ln.confidence for ln in members)
        text = join_words([ln.text.strip() for ln in members])
        return _Paragraph(start.top, text, indented(start), not short(members[-1]), confidence)

    members = [lines[0]]
    for line in lines[1:]:
        previous = members[-1]
        new_paragraph = (
            indented(line)  # first-line indent, or a centred/right-aligned line
            or short(previous)  # the previous line stopped short
            or line.top - previous.bottom > size(line) * 1.2  # vertical gap
            or previous.x0 > left + size(line) * 4  # a centred line stands alone
        )
        if new_paragraph:
            yield close(members[0], members)
            members = []
        members.append(line)
    yield close(members[0], members)


def _lowest_of(values: Iterator[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return min(present) if present else None


def join_words(parts: list[str]) -> str:
    """Concatenate pieces of text; a space only between two Latin letters or digits."""
    out = ""
    for part in parts:
        if out and out[-1].isascii() and out[-1].isalnum() and part[:1].isascii() and part[:1].isalnum():
            out += " "
        out += part
    return out


def _inside(line: Line, table: Table) -> bool:
    mid_y = (line.top + line.bottom) / 2
    mid_x = (line.x0 + line.x1) / 2
    return table.top - 1 <= mid_y <= table.bottom + 1 and table.x0 - 1 <= mid_x <= table.x1 + 1


_SAME_X = 2.0  # points


def align_continuations(tables: dict[int, list[Table]], *, same_x: float = _SAME_X) -> None:
    """Give a table continued overleaf the column grid of its first part.

    A continuation only has the column borders its own rows draw: when the label
    columns of table 3 merge on the new page, pdfplumber returns fewer columns there.
    Where the continuation's column edges are a subset of the previous part's, the
    missing columns are put back as covered (None) positions, as in a merged cell.
    """
    for number in sorted(tables):
        previous_part = tables.get(number - 1)
        if not previous_part or not tables[number]:
            continue
        before, after = previous_part[-1], tables[number][0]
        if (
            not before.columns
            or not after.columns
            or len(after.columns) >= len(before.columns)
            or abs(before.x0 - after.x0) > same_x
            or abs(before.x1 - after.x1) > same_x
        ):
            continue
        mapping: list[int | None] = []
        for x in before.columns:
            match = next((i for i, y in enumerate(after.columns) if abs(x - y) <= same_x), None)
            mapping.append(match)
        if sorted(i for i in mapping if i is not None) != list(range(len(after.columns))):
            continue  # not the same grid: leave it as printed
        rows = tuple(tuple(None if i is None else row[i] for i in mapping) for row in after.rows)
        confidence = tuple(tuple(None if i is None else row[i] for i in mapping) for row in after.confidence)
        tables[number][0] = dataclasses.replace(
            after, rows=rows, columns=before.columns, confidence=confidence
        )
