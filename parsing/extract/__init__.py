"""bytes -> Document: pick the extractor for the file's kind (see parsing.sniff).

Each format's entry in parsing.formats names the extractor that reads it; modules are
imported on first use so that a text file never pays for pdfplumber. A kind nobody reads
raises UnsupportedFormat.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from parsing import formats
from parsing.errors import TooLarge, UnsupportedFormat
from parsing.extract.base import Document
from parsing.options import ParseOptions
from parsing.sniff import sniff

ExtractFn = Callable[[bytes, str, ParseOptions], Document]


def extractor_for(kind: str) -> ExtractFn:
    entry = formats.by_kind(kind)
    if entry is None:
        raise UnsupportedFormat()
    module, _, function = entry.extractor.partition(":")
    fn: ExtractFn = getattr(importlib.import_module(module), function)
    return fn


def extract_document(data: bytes, filename: str, options: ParseOptions) -> Document:
    """Raise TooLarge, EmptyFile, UnsupportedFormat or the extractor's own ParseError."""
    if len(data) > options.max_bytes:
        raise TooLarge()
    kind = sniff(data, filename)
    return extractor_for(kind)(data, filename, options)
