"""What every extractor produces: the document as an ordered list of blocks.

Conventions shared by all extractors (tables.py relies on them):
- A TableBlock's rows are the logical grid: a merged (rowspan/colspan) cell's text
  stands in its top-left position and every other position it covers is None.
- A cell that exists but is empty is "" (never None).
- Text is as printed; extractors do not normalise digits or spaces (tables.py does).
- `page` is the 1-based PDF page, None for formats without pages.
- A table broken across pages is returned as consecutive TableBlocks; tables.py joins them.
"""

from __future__ import annotations

from dataclasses import dataclass

Row = tuple[str | None, ...]


@dataclass(frozen=True)
class TextBlock:
    text: str
    index: int  # paragraph index in document order
    page: int | None = None
    confidence: float | None = None  # lowest OCR confidence of its lines; None when not OCR'd


@dataclass(frozen=True)
class TableBlock:
    rows: tuple[Row, ...]
    index: int  # table index in document order
    page: int | None = None
    # Page of each row when a table spans pages (same length as rows), else empty.
    row_pages: tuple[int | None, ...] = ()
    # Whether each cell stands at its printed column (False for plain text, which lists
    # only the non-blank cells of a row: a short row's columns are then unknown).
    positional: bool = True
    # OCR confidence of each cell, shaped like rows (None where nothing was read); empty
    # when the table was not OCR'd.
    confidence: tuple[tuple[float | None, ...], ...] = ()


Block = TextBlock | TableBlock


@dataclass(frozen=True)
class OcrStats:
    engine: str
    pages: int
    seconds: float
    low_below: float  # a value read with less confidence than this is flagged


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    kind: str  # "pdf", "docx", "html", "text", "image", ...
    pages: int | None = None
    ocr: OcrStats | None = None  # set when the text was read by OCR

    @property
    def paragraphs(self) -> list[TextBlock]:
        return [b for b in self.blocks if isinstance(b, TextBlock)]

    @property
    def tables(self) -> list[TableBlock]:
        return [b for b in self.blocks if isinstance(b, TableBlock)]
