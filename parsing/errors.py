"""Typed parse errors. Each carries the short Chinese sentence the user sees, worded in
parsing.error_wording."""

from __future__ import annotations

from parsing import error_wording as W
from parsing import formats


class ParseError(Exception):
    """Base: a file that could not be turned into a report. `message` is shown to users."""

    default_message = W.PARSE_ERROR

    def __init__(self, message: str | None = None) -> None:
        self.message = message or self.default_message
        super().__init__(self.message)


class UnsupportedFormat(ParseError):
    def __init__(self, message: str | None = None) -> None:
        # Worded when raised, from the registry as it is then (parsing.formats).
        super().__init__(message or unsupported_format_message())


def unsupported_format_message() -> str:
    return W.UNSUPPORTED_FORMAT.format(formats=W.format_list(formats.listed_names()))


class EncryptedFile(ParseError):
    default_message = W.ENCRYPTED_FILE


class CorruptFile(ParseError):
    default_message = W.CORRUPT_FILE


# A file named .pdf / .docx whose content is no such thing (random bytes, a truncated download).
CORRUPT_BY_EXTENSION = W.CORRUPT_BY_EXTENSION


class EmptyFile(ParseError):
    default_message = W.EMPTY_FILE


class NoTextLayer(ParseError):
    default_message = W.NO_TEXT_LAYER


class NotAnnualReport(ParseError):
    default_message = W.NOT_ANNUAL_REPORT


class TooLarge(ParseError):
    default_message = W.TOO_LARGE


class ParseTimeout(ParseError):
    default_message = W.PARSE_TIMEOUT


class OcrTimeout(ParseTimeout):
    default_message = W.OCR_TIMEOUT


class OcrUnavailable(ParseError):
    default_message = W.OCR_UNAVAILABLE


class ConverterMissing(ParseError):
    default_message = W.CONVERTER_MISSING
