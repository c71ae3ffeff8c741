"""bytes -> Report (docs/record.md). Pure: no database, no Telegram, no settings."""

from __future__ import annotations

from parsing.errors import (
    ConverterMissing,
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    NotAnnualReport,
    NoTextLayer,
    ParseError,
    ParseTimeout,
    TooLarge,
    UnsupportedFormat,
)
from parsing.model import Check, Fact, Provenance, Report
from parsing.options import ParseOptions

PARSER_VERSION = "1"

__all__ = [
    "PARSER_VERSION",
    "Check",
    "ConverterMissing",
    "CorruptFile",
    "EmptyFile",
    "EncryptedFile",
    "Fact",
    "NoTextLayer",
    "NotAnnualReport",
    "ParseError",
    "ParseOptions",
    "ParseTimeout",
    "Provenance",
    "Report",
    "TooLarge",
    "UnsupportedFormat",
    "parse_report",
]


def parse_report(
    data: bytes,
    filename: str,
    *,
    caption: str | None = None,
    options: ParseOptions | None = None,
) -> Report:
    """Parse one file in this process. Raises a ParseError subclass on bad input.

    For untrusted input use `parsing.sandbox.parse_report_isolated`, which runs this
    in a separate process with a wall-clock limit.
    """
    from parsing.extract import extract_document
    from parsing.report import build_report

    opts = options or ParseOptions()
    document = extract_document(data, filename, opts)
    return build_report(document, filename=filename, caption=caption)
