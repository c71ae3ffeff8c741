"""HTML pages saved from government sites -> Document.

Tables with rowspan/colspan are expanded to the logical grid (text at the top-left
position, None elsewhere). The site's chrome — menus, headers, footers, share bars,
scripts — is dropped, unless such an element holds the report itself (some sites put
the title in a "header" div).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from parsing.errors import CorruptFile, TooLarge
from parsing.extract.base import Block, Document, Row, TableBlock, TextBlock
from parsing.magic import decode_text
from parsing.options import ParseOptions

_SKIP_TAGS = frozenset(
    {"head", "script", "style", "noscript", "template", "iframe", "nav", "header", "footer",
     "aside", "form", "select", "button", "input", "textarea", "svg", "object", "embed"}
)  # fmt: skip
_BLOCK_TAGS = frozenset(
    {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article",
     "blockquote", "pre", "dd", "dt", "dl", "center", "address", "main", "body", "tr", "td", "th"}
)  # fmt: skip
_CHROME_WORDS = frozenset(
    {"nav", "navbar", "menu", "menus", "header", "footer", "foot", "breadcrumb", "crumb", "crumbs",
     "share", "sidebar", "copyright", "sitemap", "topbar", "banner", "search", "login", "logo",
     "position", "location", "dqwz", "toolbar", "print", "related", "links"}
)  # fmt: skip
_TOKENS = re.compile(r"[a-z]+")
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u3000]+")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
_MAX_SPAN = 1000
_MAX_GRID_CELLS = 200_000  # spans multiply: a hostile page must not build a huge grid
_REPORT_WORDS = ("年度报告",)


def detect_encoding(data: bytes) -> str:
    """BOM, then <meta charset>, then whichever of UTF-8 / GB18030 decodes cleanly."""
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    match = _CHARSET.search(data[:8192])
    if match:
        declared = match.group(1).decode("ascii").lower()
        if declared in {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn"}:
            return "gb18030"  # a superset: pages declared GB2312 often use GBK characters
        if declared in {"utf-8", "utf8"}:
            return "utf-8"
        try:
            "".encode(declared)
            return declared
        except LookupError:
            pass
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def extract(data: bytes, filename: str, options: ParseOptions) -> Document:
    encoding = detect_encoding(data)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text = decode_text(data) or data.decode(encoding, errors="replace")
    # lxml refuses str input that still declares an XML encoding.
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        root = lxml_html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise CorruptFile() from exc
    _drop_chrome(root)
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return Document(blocks=tuple(walker.blocks), kind="html")


def _is_chrome(element: Any) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style or element.get("hidden") is not None:
        return True
    words = set(_TOKENS.findall(f"{element.get('id') or ''} {element.get('class') or ''}".lower()))
    if tag not in _SKIP_TAGS and not (words & _CHROME_WORDS):
        return False
    if tag in {"script", "style", "noscript", "template", "head"}:
        return True
    # Keep a "header"/"nav"-looking element when it holds the report itself.
    if element.find(".//table") is not None:
        return False
    content = element.text_content()
    return not any(word in content for word in _REPORT_WORDS) or len(content) > 5000


def _drop_chrome(root: Any) -> None:
    doomed = [el for el in root.iter() if isinstance(el.tag, str) and _is_chrome(el)]
    for element in doomed:
        parent = element.getparent()
        if parent is None:
            continue
        # Keep the tail text: it belongs to the parent, not to the dropped element.
        if element.tail and element.tail.strip():
            previous = element.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + element.tail
            else:
                parent.text = (parent.text or "") + element.tail
        parent.remove(element)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


class _Walker:
    """Document order: flush a text block at each block-level boundary, tables whole."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self._buffer: list[str] = []
        self._paragraphs = 0
        self._tables = 0

    def flush(self) -> None:
        for line in "".join(self._buffer).split("\n"):
            text = _clean(line)
            if text:
                self.blocks.append(TextBlock(text=text, index=self._paragraphs))
                self._paragraphs += 1
        self._buffer = []

    def walk(self, element: Any) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if not tag:  # comments, processing instructions
            return
        tag = tag.lower()
        if tag == "table":
            self.flush()
            for table in _tables_in_order(element):
                self.blocks.append(TableBlock(rows=table_grid(table), index=self._tables))
                self._tables += 1
            return
        if tag == "br":
            self._buffer.append("\n")
            return
        block = tag in _BLOCK_TAGS
        if block:
            self.flush()
        self._buffer.append(element.text or "")
        for child in element:
            self.walk(child)
            self._buffer.append(child.tail or "")
        if block:
            self.flush()


def _tables_in_order(table: Any) -> Iterator[Any]:
    yield table
    yield from table.iterdescendants("table")


def _own_rows(table: Any) -> list[Any]:
    rows: list[Any] = []
    for child in table:
        tag = child.tag.lower() if isinstance(child.tag, str) else ""
        if tag == "tr":
            rows.append(child)
        elif tag in {"thead", "tbody", "tfoot"}:
            rows.extend(c for c in child if isinstance(c.tag, str) and c.tag.lower() == "tr")
    return rows


def _span(value: str | None) -> int:
    match = re.match(r"\s*(\d+)", value or "")
    number = int(match.group(1)) if match else 1
    return min(max(number, 1), _MAX_SPAN)


def cell_text(cell: Any) -> str:
    """The cell's own text, lines kept (<br>, <p>), nested tables left out."""
    parts: list[str] = []

    def walk(element: Any, top: bool) -> None:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if not tag or (tag == "table" and not top):
            return
        if tag == "br":
            parts.append("\n")
            return
        block = not top and tag in _BLOCK_TAGS
        if block:
            parts.append("\n")
        parts.append(element.text or "")
        for child in element:
            walk(child, False)
            parts.append(child.tail or "")
        if block:
            parts.append("\n")

    walk(cell, True)
    lines = [_clean(line) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


def table_grid(table: Any) -> tuple[Row, ...]:
    taken: dict[tuple[int, int], str | None] = {}
    rows = _own_rows(table)
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            tag = cell.tag.lower() if isinstance(cell.tag, str) else ""
            if tag not in {"td", "th"}:
                continue
            while (r, c) in taken:
                c += 1
            rowspan = min(_span(cell.get("rowspan")), len(rows) - r)
            colspan = _span(cell.get("colspan"))
            text = cell_text(cell)
            for dr in range(rowspan):
                for dc in range(colspan):
                    taken[(r + dr, c + dc)] = text if dr == dc == 0 else None
            c += colspan
            if len(taken) > _MAX_GRID_CELLS:
                raise TooLarge()
    width = max((col + 1 for (_row, col) in taken), default=0)
    grid: list[Row] = []
    for r in range(len(rows)):
        grid.append(tuple(taken.get((r, c)) for c in range(width)))
    return tuple(grid)
