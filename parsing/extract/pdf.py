"""PDF -> Document: pypdfium2 for text (fast), pdfplumber's table finder where tables are.

pdfplumber (pdfminer underneath) costs tens of milliseconds per page, about 20x what
pypdfium2 needs for the text, so it runs only on pages whose pypdfium2 text carries the
report tables' labels. Text outside the tables comes from pypdfium2 line by line and is
joined into paragraphs by indentation and line ends.

Tables are found by their ruling lines; a page with table labels but no ruled table
falls back to pdfplumber's text-position strategy (borderless tables). A table broken
over pages comes back as consecutive TableBlocks, rows exactly as printed (a row cut by
the page break shows up as a row of fragments; parsing.tables joins them).
"""

from __future__ import annotations

import ctypes
import dataclasses
import itertools
import logging
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsing.errors import CorruptFile, EmptyFile, EncryptedFile, NoTextLayer, TooLarge
from parsing.extract.base import Block, Document, Row, TableBlock, TextBlock
from parsing.options import ParseOptions
from parsing.vocabulary.tables import PAGE_TABLE_LABELS

log = logging.getLogger(__name__)

# Labels printed in tables 2-4; a page showing two of them holds (part of) a table.
TABLE_LABELS = PAGE_TABLE_LABELS
_WHITESPACE = re.compile(r"\s+")
# Fewer characters than this per page on average, with images present: a scan.
_MIN_CHARS_PER_PAGE = 20

LATTICE = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
BORDERLESS = {
    "vertical_strategy": "text",
    "horizontal_strategy": "text",
    "min_words_vertical": 2,
    "min_words_horizontal": 1,
}


@dataclass(frozen=True)
class _Line:
    top: float  # distance from the top of the page, points
    bottom: float
    x0: float
    x1: float
    text: str


@dataclass(frozen=True)
class _Table:
    top: float
    bottom: float
    x0: float
    x1: float
    rows: tuple[Row, ...]
    columns: tuple[float, ...] = ()  # left edge of each column, as the rows are laid out


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
        pages: list[tuple[str, list[_Line]]] = []
        tables: dict[int, list[_Table]] = {}
        for number in range(page_count):
            text, lines, ruled = _read_page(pdf, number)
            pages.append((text, lines))
            if ruled:
                tables[number] = ruled
        total_chars = sum(len(_WHITESPACE.sub("", text)) for text, _ in pages)
        if total_chars < _MIN_CHARS_PER_PAGE * page_count:
            if _has_images(pdf):
                raise NoTextLayer()
            if total_chars == 0:
                raise EmptyFile()
        if not tables:
            # No ruled table anywhere: borderless tables by glyph position, only on pages
            # that look most like the form, so prose is never cut up as a table.
            tables = _borderless_tables(pdf, _form_pages([text for text, _ in pages]))
    finally:
        pdf.close()

    _align_continuations(tables)
    blocks: list[Block] = []
    paragraphs = 0
    table_index = 0
    carry_over = False
    for number, (_, lines) in enumerate(pages):
        page_tables = tables.get(number, [])
        outside = [ln for ln in lines if not any(_inside(ln, t) for t in page_tables)]
        items: list[_Paragraph | _Table] = [*_paragraphs(outside), *page_tables]
        items.sort(key=lambda item: item.top)
        for position, item in enumerate(items):
            if isinstance(item, _Table):
                blocks.append(TableBlock(rows=item.rows, index=table_index, page=number + 1))
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
                # The last paragraph of the previous page goes on here: one block, so a
                # sentence cut by the page break stays whole.
                blocks[-1] = TextBlock(previous.text + item.text, previous.index, previous.page)
            else:
                blocks.append(TextBlock(text=item.text, index=paragraphs, page=number + 1))
                paragraphs += 1
        carry_over = bool(items) and isinstance(items[-1], _Paragraph) and items[-1].open_end
    return Document(blocks=tuple(blocks), kind="pdf", pages=page_count)


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


def _read_page(pdf: pdfium.PdfDocument, number: int) -> tuple[str, list[_Line], list[_Table]]:
    """The page's text, its lines, and — when it shows table labels — its ruled tables."""
    try:
        page = pdf[number]
    except pdfium.PdfiumError as exc:
        raise CorruptFile() from exc
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            lines = _lines(textpage, text, height)
            tables = _ruled_tables(page, textpage) if page_has_table(text) else []
        finally:
            textpage.close()
    finally:
        page.close()
    return text, lines, tables


_CJK_SPACE = re.compile(r"(?<=[^\x00-\x7f]) +| +(?=[^\x00-\x7f])")


def _lines(textpage: Any, text: str, height: float) -> list[_Line]:
    """Visual lines from pdfium's own line breaks, top to bottom (coordinates from the top).

    pdfium marks each line end with a generated CR LF and its character indices match
    the text, so a line's box comes from its first and last glyph: two calls per line
    instead of one per glyph or per text run.
    """
    raw = textpage.raw
    first_box, last_box = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    lines: list[_Line] = []
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
            _Line(
                height - max(first_box.top, last_box.top),
                height - min(first_box.bottom, last_box.bottom),
                min(first_box.left, last_box.left),
                max(first_box.right, last_box.right),
                _CJK_SPACE.sub("", body),
            )
        )
    lines.sort(key=lambda line: line.top)
    return lines


@dataclass(frozen=True)
class _Paragraph:
    top: float
    text: str
    indented: bool  # its first line is indented (so it did not continue a previous page)
    open_end: bool  # its last line runs to the right margin (it may go on overleaf)


def _paragraphs(lines: list[_Line]) -> Iterator[_Paragraph]:
    """Join wrapped lines: a paragraph ends at a short line, an indent, or a wide gap."""
    if not lines:
        return
    left = min(ln.x0 for ln in lines)
    right = max(ln.x1 for ln in lines)

    def size(line: _Line) -> float:
        return max(line.bottom - line.top, 1.0)

    def indented(line: _Line) -> bool:
        return line.x0 > left + size(line) * 1.2

    def short(line: _Line) -> bool:
        return line.x1 < right - size(line) * 2.5

    start = lines[0]
    parts = [start.text.strip()]
    previous = start
    for line in lines[1:]:
        new_paragraph = (
            indented(line)  # first-line indent, or a centred/right-aligned line
            or short(previous)  # the previous line stopped short
            or line.top - previous.bottom > size(line) * 1.2  # vertical gap
            or previous.x0 > left + size(line) * 4  # a centred line stands alone
        )
        if new_paragraph:
            yield _Paragraph(start.top, _join(parts), indented(start), not short(previous))
            start, parts = line, []
        parts.append(line.text.strip())
        previous = line
    yield _Paragraph(start.top, _join(parts), indented(start), not short(previous))


def _join(parts: list[str]) -> str:
    out = ""
    for part in parts:
        if out and out[-1].isascii() and out[-1].isalnum() and part[:1].isascii() and part[:1].isalnum():
            out += " "
        out += part
    return out


def _inside(line: _Line, table: _Table) -> bool:
    mid_y = (line.top + line.bottom) / 2
    mid_x = (line.x0 + line.x1) / 2
    return table.top - 1 <= mid_y <= table.bottom + 1 and table.x0 - 1 <= mid_x <= table.x1 + 1


def _has_images(pdf: pdfium.PdfDocument) -> bool:
    for number in range(len(pdf)):
        page = pdf[number]
        try:
            for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
                return True
        finally:
            page.close()
    return False


def _ruled_tables(page: Any, textpage: Any) -> list[_Table]:
    """pdfplumber's table finder over ruling lines and characters read by pdfium.

    pdfplumber's own page objects come from pdfminer, which spends ~50 ms parsing each
    page's content stream in Python; pdfium reads the same lines and glyph boxes in C.
    The finder and the cell text assembly are pdfplumber's, unchanged.
    """
    from pdfplumber.table import TableFinder, TableSettings

    view = _PdfiumPageView(page, textpage)
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


class _PdfiumPageView:
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


def _form_pages(texts: list[str]) -> list[int]:
    """Pages that look most like the form, and their neighbours showing some of its labels
    (a table begun at the foot of a page, or ended at the top of the next)."""
    dense = {i for i, text in enumerate(texts) if page_has_table(text, at_least=4)}
    near = {i for i, text in enumerate(texts) if ({i - 1, i + 1} & dense) and page_has_table(text)}
    return sorted(dense | near)


def _borderless_tables(pdf: pdfium.PdfDocument, page_numbers: list[int]) -> dict[int, list[_Table]]:
    """Tables without ruling lines, rebuilt from glyph positions (see _borderless_grid).

    A page is cut at section titles ("四、政府信息公开行政复议、行政诉讼情况") first, so two
    tables on one page never share a column grid. The part of a table continued at the
    top of the next page takes the column starts of the part before: its rows may fill
    only some columns (a report with figures only under 总计), and each figure must stay
    in the column it is printed in.
    """
    lines: dict[int, list[_GlyphLine]] = {}
    for number in page_numbers:
        try:
            page = pdf[number]
        except pdfium.PdfiumError as exc:
            raise CorruptFile() from exc
        try:
            textpage = page.get_textpage()
            try:
                lines[number] = _glyph_lines(_PdfiumPageView(page, textpage, chars=True).chars)
            finally:
                textpage.close()
        finally:
            page.close()
    found: dict[int, list[_Table]] = {}
    previous: list[float] = []  # column starts of a table running off the foot of the page before
    for number, page_lines in lines.items():
        segments = _split_at_titles(page_lines)
        page_tables: list[_Table] = []
        ends_in_table = False
        for k, segment in enumerate(segments):
            carried = previous if k == 0 else []
            region = _table_region(segment, at_least=1 if carried else 3)
            ends_in_table = False
            if region is None:
                continue
            rows, line_pitch, size = region
            tolerance = size * 0.3
            if carried and _continues(rows, carried, tolerance):
                starts = carried
            elif len(_multi_word(rows)) >= 3:
                starts = _column_starts(rows, tolerance=tolerance)
            else:
                continue
            if len(starts) >= 2:
                page_tables.append(_borderless_grid(rows, line_pitch, starts, size))
                ends_in_table = k == len(segments) - 1
        if page_tables:
            found[number] = page_tables
        previous = list(page_tables[-1].columns) if ends_in_table and number + 1 in lines else []
    return found


# A section title between the tables: "三、收到和处理政府信息公开申请情况".
_SECTION_TITLE = re.compile(r"^[一二三四五六七八九十]+、\S*情况$")


def _split_at_titles(lines: list[_GlyphLine]) -> list[list[_GlyphLine]]:
    """The page's lines cut at section titles (the titles themselves are left out)."""
    segments: list[list[_GlyphLine]] = [[]]
    for line in lines:
        if len(line.words) == 1 and _SECTION_TITLE.match(line.words[0].text):
            segments.append([])
        else:
            segments[-1].append(line)
    return [segment for segment in segments if segment]


def _multi_word(lines: list[_GlyphLine]) -> list[_GlyphLine]:
    return [line for line in lines if len(line.words) >= 2]


def _continues(rows: list[_GlyphLine], starts: list[float], tolerance: float) -> bool:
    """Headerless rows with figures, every word standing at one of the column starts."""
    multi = _multi_word(rows)
    return (
        bool(multi)
        and _has_figures(rows[0].words[1:])
        and all(any(abs(w.x0 - x) <= tolerance for x in starts) for line in multi for w in line.words)
    )


def _has_figures(words: list[_Word]) -> bool:
    return any(_NUMERIC.match(w.text) for w in words)


@dataclass
class _Word:
    x0: float
    x1: float
    text: str


@dataclass
class _GlyphLine:
    top: float
    bottom: float
    words: list[_Word]


_ROW_LABEL = re.compile(r"^(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+、|\d{1,2}[.．、])")
_NUMERIC = re.compile(r"^[\d０-９.,，．/／—–\-]+$")


def _glyph_lines(chars: list[dict[str, Any]]) -> list[_GlyphLine]:
    """Chars -> visual lines (by vertical overlap) -> words (split at gaps wider than half a glyph)."""
    lines: list[tuple[float, float, list[dict[str, Any]]]] = []
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        middle = (ch["top"] + ch["bottom"]) / 2
        if lines and lines[-1][0] <= middle <= lines[-1][1]:
            lines[-1][2].append(ch)
        else:
            lines.append((ch["top"], ch["bottom"], [ch]))
    out: list[_GlyphLine] = []
    for top, bottom, members in lines:
        members.sort(key=lambda c: c["x0"])
        size = max(bottom - top, 1.0)
        words: list[_Word] = []
        for ch in members:
            if words and ch["x0"] - words[-1].x1 <= size * 0.5:
                words[-1].x1 = max(words[-1].x1, ch["x1"])
                words[-1].text += ch["text"]
            else:
                words.append(_Word(ch["x0"], ch["x1"], ch["text"]))
        out.append(_GlyphLine(top, max(c["bottom"] for c in members), words))
    return out


def _column_starts(lines: list[_GlyphLine], tolerance: float) -> list[float]:
    """Left edges shared by words of at least two multi-word lines: the columns' starts."""
    edges = sorted(w.x0 for line in lines if len(line.words) >= 2 for w in line.words)
    clusters: list[list[float]] = []
    for x in edges:
        if clusters and x - clusters[-1][-1] <= tolerance:
            clusters[-1].append(x)
        else:
            clusters.append([x])
    return [min(c) for c in clusters if len(c) >= 2]


def _table_region(
    lines: list[_GlyphLine], *, at_least: int = 3
) -> tuple[list[_GlyphLine], float, float] | None:
    """The lines from the first to the last with two or more words, the pitch of wrapped
    lines and the glyph height; None when fewer than `at_least` lines have several words."""
    multi = [i for i, line in enumerate(lines) if len(line.words) >= 2]
    if not multi or len(multi) < at_least:
        return None
    first, last = multi[0], multi[-1]
    size = statistics.median(line.bottom - line.top for line in lines[first : last + 1])
    # Wrapped lines of one cell follow each other at the font's line pitch; rows stand
    # farther apart (cell padding, paragraph spacing). Lines closer than a glyph's
    # height are one line's pieces at slightly different baselines. Prose on the page
    # shows the pitch too; single spacing is below twice the glyph height.
    pitches = [b.top - a.top for a, b in itertools.pairwise(lines)]
    line_pitch = min([p for p in pitches if p > size * 1.2] + [size * 1.9])
    # The last row's label may wrap below the last line with two words.
    while last + 1 < len(lines) and lines[last + 1].top - lines[last].top <= line_pitch * 1.25:
        last += 1
    return lines[first : last + 1], line_pitch, size


def _borderless_grid(region: list[_GlyphLine], line_pitch: float, starts: list[float], size: float) -> _Table:
    """A borderless table as printed by a word processor: cells left-aligned in columns,
    wrapped cell text on lines closer together than the rows.

    A word belongs to the last column starting at or left of it, so a label spanning
    columns stands at its top-left position as a merged cell does. A line starts a new
    row when it stands farther from the line above than wrapped lines do, when it brings
    figures while the row has some already, or when it begins with a row number;
    otherwise it is a wrapped continuation and is appended cell by cell.
    """

    def column(word: _Word) -> int:
        return max((i for i, x in enumerate(starts) if x <= word.x0 + size * 0.3), default=0)

    rows: list[list[str]] = []
    row_has_figures = False
    previous: _GlyphLine | None = None
    for line in region:
        cells = [""] * len(starts)
        for word in line.words:
            at = column(word)
            cells[at] = f"{cells[at]} {word.text}" if cells[at] else word.text
        figures = any(_NUMERIC.match(c) for c in cells[1:] if c)
        new_row = (
            previous is None
            or line.top - previous.top > line_pitch * 1.25
            or (figures and row_has_figures)
            or bool(_ROW_LABEL.match(line.words[0].text))  # "（三）", "2.", "四、" open a row
        )
        if new_row:
            rows.append(cells)
            row_has_figures = figures
        else:
            rows[-1] = [a + b for a, b in zip(rows[-1], cells, strict=True)]
            row_has_figures = row_has_figures or figures
        previous = line
    x0 = min(w.x0 for line in region for w in line.words)
    x1 = max(w.x1 for line in region for w in line.words)
    grid: tuple[Row, ...] = tuple(tuple(row) for row in rows)
    return _Table(region[0].top, region[-1].bottom, x0, x1, grid, tuple(starts))


_SAME_X = 2.0  # points


def _align_continuations(tables: dict[int, list[_Table]]) -> None:
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
            or abs(before.x0 - after.x0) > _SAME_X
            or abs(before.x1 - after.x1) > _SAME_X
        ):
            continue
        mapping: list[int | None] = []
        for x in before.columns:
            match = next((i for i, y in enumerate(after.columns) if abs(x - y) <= _SAME_X), None)
            mapping.append(match)
        if sorted(i for i in mapping if i is not None) != list(range(len(after.columns))):
            continue  # not the same grid: leave it as printed
        rows = tuple(tuple(None if i is None else row[i] for i in mapping) for row in after.rows)
        tables[number][0] = dataclasses.replace(after, rows=rows, columns=before.columns)


def _tables_from(found: list[Any]) -> list[_Table]:
    out: list[_Table] = []
    for table in found:
        rows = table.extract()
        if not rows or max(len(r) for r in rows) < 2:
            continue
        x0, top, x1, bottom = table.bbox
        grid: tuple[Row, ...] = tuple(tuple(cell for cell in row) for row in rows)
        # pdfplumber lays rows out over the distinct left edges of the cells.
        columns = tuple(sorted({cell[0] for cell in table.cells}))
        out.append(_Table(top, bottom, x0, x1, grid, columns if len(columns) == len(grid[0]) else ()))
    return sorted(out, key=lambda t: t.top)
