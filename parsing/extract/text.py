"""Plain text -> Document, for the two text shapes the seed reports come in.

(a) one table row per line, cells separated by tabs;
(b) one cell per line, each prefixed by a tab, rows separated by blank lines; a line without
    the leading tab continues the previous cell (a label that wrapped when the report was
    copied out of Word), even across one blank line when the next line is a cell again.
Every other non-blank line is a paragraph.
"""

from __future__ import annotations

import codecs
import re

from parsing.errors import EmptyFile
from parsing.extract.base import Block, Document, Row, TableBlock, TextBlock
from parsing.magic import utf16_codec
from parsing.options import ParseOptions

# A numbered section heading never continues a table cell.
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with or without BOM), else GB18030."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if b"\x00" in data[:4096] and (codec := utf16_codec(data)):
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace")


def extract(data: bytes, filename: str, options: ParseOptions) -> Document:
    """The registry's entry point (parsing.formats): a text file needs neither name nor options."""
    return extract_text(data)


def extract_text(data: bytes) -> Document:
    """Raise EmptyFile for a file with no text at all."""
    return document_from_text(decode_text(data))


def document_from_text(text: str) -> Document:
    """Already-decoded text -> Document (blocks in order, tables reconstructed)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not any(line.strip() for line in lines):
        raise EmptyFile()
    blocks: list[Block] = []
    paragraphs = tables = 0
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        if "\t" in line:
            if _is_cell_line(line):
                rows, i = _cell_per_line_table(lines, i)
            else:
                rows, i = _tab_separated_table(lines, i)
            blocks.append(TableBlock(rows=tuple(rows), index=tables, positional=False))
            tables += 1
            continue
        if line.strip():
            blocks.append(TextBlock(text=line.strip(), index=paragraphs))
            paragraphs += 1
        i += 1
    return Document(blocks=tuple(blocks), kind="text")


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t") and line.count("\t") == 1


def _next_nonblank(lines: list[str], i: int) -> int:
    while i < len(lines) and not lines[i].strip():
        i += 1
    return i


def _tab_separated_table(lines: list[str], i: int) -> tuple[list[Row], int]:
    """Shape (a): consecutive tab lines; blank lines inside the table are skipped."""
    rows: list[Row] = []
    while i < len(lines):
        line = lines[i]
        if "\t" in line:
            rows.append(tuple(line.split("\t")))
            i += 1
            continue
        j = _next_nonblank(lines, i)
        if line.strip() or j >= len(lines) or "\t" not in lines[j]:
            break
        i = j
    return rows, i


def _cell_per_line_table(lines: list[str], i: int) -> tuple[list[Row], int]:
    """Shape (b): rows of tab-prefixed cells separated by blank lines, with continuation lines."""
    rows: list[Row] = []
    row: list[str] = []
    blanks = 0
    n = len(lines)
    while i < n:
        line = lines[i]
        if line.startswith("\t"):
            if blanks and row:
                rows.append(tuple(row))
                row = []
            blanks = 0
            row.extend(line[1:].split("\t"))
        elif not line.strip():
            blanks += 1
        else:
            next_is_cell = i + 1 < n and lines[i + 1].startswith("\t")
            continues = row and not _HEADING.match(line) and (blanks == 0 or (blanks == 1 and next_is_cell))
            if not continues:
                break
            row[-1] += line.strip()
            blanks = 0
        i += 1
    if row:
        rows.append(tuple(row))
    return rows, i
