"""bytes -> Document: pick the extractor for the file's kind (see parsing.sniff).

Each extractor declares the kinds it reads; modules are imported on first use so that a
text file never pays for pdfplumber. A kind nobody reads raises UnsupportedFormat.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from parsing.errors import TooLarge, UnsupportedFormat
from parsing.extract.base import Document
from parsing.options import ParseOptions
from parsing.sniff import sniff

ExtractFn = Callable[[bytes, str, ParseOptions], Document]


@dataclass(frozen=True)
class Extractor:
    name: str
    kinds: frozenset[str]
    target: str  # "module:function" taking (data, filename, options)

    def load(self) -> ExtractFn:
        module, _, function = self.target.partition(":")
        fn: ExtractFn = getattr(importlib.import_module(module), function)
        return fn


REGISTRY: tuple[Extractor, ...] = (
    Extractor("pdf", frozenset({"pdf"}), "parsing.extract.pdf:extract"),
    Extractor("docx", frozenset({"docx"}), "parsing.extract.docx:extract"),
    Extractor("office", frozenset({"doc", "wps", "rtf"}), "parsing.extract.office:extract"),
    Extractor("html", frozenset({"html"}), "parsing.extract.html:extract"),
    Extractor("text", frozenset({"text"}), "parsing.extract:_extract_text"),
    Extractor("image", frozenset({"image"}), "parsing.ocr.scans:extract_image"),
)


def extractor_for(kind: str) -> Extractor:
    for extractor in REGISTRY:
        if kind in extractor.kinds:
            return extractor
    raise UnsupportedFormat()


def extract_document(data: bytes, filename: str, options: ParseOptions) -> Document:
    """Raise TooLarge, EmptyFile, UnsupportedFormat or the extractor's own ParseError."""
    if len(data) > options.max_bytes:
        raise TooLarge()
    kind = sniff(data, filename)
    return extractor_for(kind).load()(data, filename, options)


def _extract_text(data: bytes, filename: str, options: ParseOptions) -> Document:
    from parsing.extract.text import extract_text

    return extract_text(data)
