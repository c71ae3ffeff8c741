"""The formats we read: one entry a format, and everything that lists formats reads it.

An entry says how to recognise the format (its byte test, parsing.magic), which extractor
reads it, its file name endings and MIME types, and how it is named to users. parsing.sniff
tries the entries in this order; parsing.extract loads the entry's extractor; the
unsupported-format sentence, the bot's help and reminders, the links followed on a web page
(bot.core.links) and the upload check (bot.core.ingest.upload_refusal) are all derived from
here. Adding a format is adding an entry here plus its extractor.

Read the registry through the functions below (or `FORMATS` at call time), never copy it:
a test swaps `FORMATS` to prove that every reader follows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from parsing import magic

ByteTest = Callable[[bytes, str], bool]


@dataclass(frozen=True)
class Format:
    kind: str  # what parsing.sniff answers and Document.kind holds
    label: str  # how an ingest summary names it ("网页")
    suffixes: tuple[str, ...]  # file name endings, lower case with the dot; the first one names it
    mime_types: tuple[str, ...]
    test: ByteTest  # (data, filename) -> is it this format?
    extractor: str  # "module:function" taking (data, filename, options)
    # The shared container it lives in (parsing.magic.container): a ZIP or OLE2 file is tried
    # only against the formats of its container, and one no format claims is unsupported.
    container: str | None = None
    listed: bool = True  # named in the lists of accepted formats (photos are worded apart)
    attached: bool = False  # a link to such a file on a web page is followed as the report

    @property
    def name(self) -> str:
        """ "PDF", "DOCX", "TXT": how lists of accepted formats name it."""
        return self.suffixes[0].lstrip(".").upper()


_OFFICE = "parsing.extract.office:extract"

# In the order parsing.sniff tries them: a PDF header before anything weaker, text last but
# one (almost any bytes decode as GB18030; the test also weighs control characters).
FORMATS: tuple[Format, ...] = (
    Format("pdf", "PDF", (".pdf",), ("application/pdf",), magic.is_pdf, "parsing.extract.pdf:extract", attached=True),
    Format(
        "docx",
        "DOCX",
        (".docx",),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
        magic.is_docx,
        "parsing.extract.docx:extract",
        container="zip",
        attached=True,
    ),
    Format("doc", "DOC", (".doc",), ("application/msword",), magic.is_doc, _OFFICE, container="ole2", attached=True),
    Format(
        "wps",
        "WPS",
        (".wps",),
        ("application/vnd.ms-works", "application/kswps", "application/wps-office.wps"),
        magic.is_wps,
        _OFFICE,
        container="ole2",
        attached=True,
    ),
    Format("rtf", "RTF", (".rtf",), ("application/rtf", "text/rtf"), magic.is_rtf, _OFFICE),
    Format(
        "html",
        "网页",
        magic.HTML_SUFFIXES,
        ("text/html", "application/xhtml+xml", "message/rfc822", "multipart/related"),
        magic.is_html,
        "parsing.extract.html:extract",
    ),
    Format("text", "文本", (".txt",), ("text/plain",), magic.is_text, "parsing.extract.text:extract"),
    Format(
        "image",
        "图片",
        (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp", ".heic", ".heif", ".avif"),
        ("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp", "image/heic", "image/heif"),
        magic.is_image,
        "parsing.ocr.scans:extract_image",
        listed=False,
    ),
)

# MIME types that say nothing of the content: such an upload is judged by its bytes alone.
_UNTOLD_MIME_TYPES = ("", "application/octet-stream", "application/binary", "binary/octet-stream")


def by_kind(kind: str) -> Format | None:
    return next((f for f in FORMATS if f.kind == kind), None)


def label_of(kind: str) -> str | None:
    found = by_kind(kind)
    return found.label if found else None


def listed_names() -> tuple[str, ...]:
    """The accepted formats as users are told them: ("PDF", "DOCX", ...)."""
    return tuple(f.name for f in FORMATS if f.listed)


def attachment_suffixes() -> tuple[str, ...]:
    """File name endings of the links on a web page that are followed as the report."""
    return tuple(s for f in FORMATS if f.attached for s in f.suffixes)


def page_suffixes() -> tuple[str, ...]:
    """File name endings of a web page saved as a file."""
    return tuple(s for f in FORMATS if f.kind == "html" for s in f.suffixes)


def may_be_readable(filename: str, mime_type: str | None) -> bool:
    """Whether a file so named and typed may be one we read, before its bytes are fetched.

    Refused only when both its name's ending and its declared MIME type are of no format we
    read (a spreadsheet, a video): the content decides, so a PDF renamed .docx, a name
    without an ending or an untold MIME type ("application/octet-stream") goes on to sniff.
    """
    suffix = magic.extension(filename)
    mime = (mime_type or "").split(";")[0].strip().lower()
    if not suffix or mime in _UNTOLD_MIME_TYPES:
        return True
    return any(suffix in f.suffixes or mime in f.mime_types for f in FORMATS)
