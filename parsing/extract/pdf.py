"""PDF -> Document: pypdfium2 for text (fast), pdfplumber's table finder where tables are.

pdfplumber (pdfminer underneath) costs tens of milliseconds per page, about 20x what
pypdfium2 needs for the text, so it runs only on pages whose pypdfium2 text carries the
report tables' labels. Text outside the tables comes from pypdfium2 line by line and is
joined into paragraphs by indentation and line ends.

Tables are found by their ruling lines; a page with table labels but no ruled table
falls back to pdfplumber's text-position strategy (borderless tables). A table broken
over pages comes back as consecutive TableBlocks, rows exactly as printed (a row cut by
the page break shows up as a row of fragments; parsing.tables joins them). Ruled tables: pdf_tables;
borderless ones: pdf_borderless.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from parsing.errors import CorruptFile, EmptyFile, EncryptedFile, NoTextLayer, TooLarge
from parsing.extract.base import Block, Document, TableBlock, TextBlock
from parsing.extract.pdf_borderless import borderless_tables
from parsing.extract.pdf_tables import Table, align_continuations, ruled_tables
from parsing.options import ParseOptions

log = logging.getLogger(__name__)

# Labels printed in tables 2-4; a page showing two of them holds (part of) a table.
TABLE_LABELS = (
    "信息内容",
    "第二十条第",
    "本年制发件数",
    "处理决定数量",
    "收费金额",
    "申请人情况",
    "法人或其他组织",
    "商业企业",
    "本年新收",
    "上年结转",
    "予以公开",
    "部分公开",
    "不予公开",
    "属于国家秘密",
    "无法提供",
    "不予处理",
    "其他处理",
    "结转下年度",
    "结果维持",
    "结果纠正",
    "尚未审结",
    "未经复议直接起诉",
    "复议后起诉",
)
_WHITESPACE = re.compile(r"\s+")
# Fewer characters than this per page on average, with images present: a scan.
_MIN_CHARS_PER_PAGE = 20


@dataclass(frozen=True)
class _Line:
    top: float  # distance from the top of the page, points
    bottom: float
    x0: float
    x1: float
    text: str


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
        tables: dict[int, list[Table]] = {}
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
            tables = borderless_tables(pdf, _form_pages([text for text, _ in pages]))
    finally:
        pdf.close()

    align_continuations(tables)
    blocks: list[Block] = []
    paragraphs = 0
    table_index = 0
    carry_over = False
    for number, (_, lines) in enumerate(pages):
        page_tables = tables.get(number, [])
        outside = [ln for ln in lines if not any(_inside(ln, t) for t in page_tables)]
        items: list[_Paragraph | Table] = [*_paragraphs(outside), *page_tables]
        items.sort(key=lambda item: item.top)
        for position, item in enumerate(items):
            if isinstance(item, Table):
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


def _read_page(pdf: pdfium.PdfDocument, number: int) -> tuple[str, list[_Line], list[Table]]:
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
            tables = ruled_tables(page, textpage) if page_has_table(text) else []
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


def _inside(line: _Line, table: Table) -> bool:
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


def _form_pages(texts: list[str]) -> list[int]:
    """Pages that look most like the form, and their neighbours showing some of its labels
    (a table begun at the foot of a page, or ended at the top of the next)."""
    dense = {i for i, text in enumerate(texts) if page_has_table(text, at_least=4)}
    near = {i for i, text in enumerate(texts) if ({i - 1, i + 1} & dense) and page_has_table(text)}
    return sorted(dense | near)
