"""Byte tests that tell file formats apart: each answers "is this X?" from the bytes, and from
the file's name only where a container is shared (DOC and WPS are both OLE2).

Pure and quiet: no parse errors here. parsing.formats names a test per format; parsing.sniff
runs them in the registry's order and decides what to raise.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

ZIP = (b"PK\x03\x04", b"PK\x05\x06")
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<table", b"<meta")
# Photos and scans: JPEG, PNG, GIF, BMP, TIFF, WebP (RIFF....WEBP), HEIC/HEIF/AVIF (ISO-BMFF "ftyp").
_IMAGE_MAGIC = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"BM", b"II*\x00", b"MM\x00*")
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"heim", b"heis", b"mif1", b"msf1", b"avif")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml")


def extension(filename: str) -> str:
    return PurePath(filename).suffix.lower()


def container(data: bytes) -> str | None:
    """ "zip" or "ole2" for the containers several formats share, else None."""
    if data.startswith(ZIP):
        return "zip"
    if data.startswith(OLE2):
        return "ole2"
    return None


def zip_names(data: bytes) -> frozenset[str] | None:
    """The member names of a ZIP archive; None when it is broken."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return frozenset(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError):
        return None


def is_pdf(data: bytes, filename: str) -> bool:
    return b"%PDF-" in data[:1024]  # a PDF may carry a little junk before its header


def is_docx(data: bytes, filename: str) -> bool:
    names = zip_names(data)
    return names is not None and "word/document.xml" in names


def is_wps(data: bytes, filename: str) -> bool:
    return data.startswith(OLE2) and extension(filename) == ".wps"


def is_doc(data: bytes, filename: str) -> bool:
    # DOC and WPS share the OLE2 container; LibreOffice reads both.
    return data.startswith(OLE2) and extension(filename) != ".wps"


def is_rtf(data: bytes, filename: str) -> bool:
    return data.lstrip().startswith(b"{\\rtf")


def is_html(data: bytes, filename: str) -> bool:
    text_head = _strip_bom(data[:4096]).lstrip().lower()
    if b"\x00" in text_head:
        return False
    named_html = extension(filename) in HTML_SUFFIXES and text_head.startswith(b"<")
    return named_html or any(m in text_head for m in _HTML_MARKERS)


def is_text(data: bytes, filename: str) -> bool:
    return looks_like_text(data)


def is_image(data: bytes, filename: str = "") -> bool:
    if data.startswith(_IMAGE_MAGIC):
        return True
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return True
    return data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS


def _strip_bom(data: bytes) -> bytes:
    for bom in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :]
    return data


def utf16_codec(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" for UTF-16 text saved without a BOM, else None.

    Its ASCII characters (digits, tabs, line ends) put a NUL in every other byte, mostly
    on one side (CJK characters such as 一 U+4E00 put a few on the other); binary data has
    NULs on both sides alike, and does not decode to readable characters.
    """
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(sample) < 4 or max(even, odd) < 4 * min(even, odd) or not (even or odd):
        return None
    codec = "utf-16-le" if odd > even else "utf-16-be"
    text = sample.decode(codec, errors="replace")
    # The sample may end inside a surrogate pair: one replacement character is allowed.
    readable = sum(1 for ch in text if (ch.isprintable() and ch != "\ufffd") or ch.isspace())
    return codec if readable >= len(text) - 1 - len(text) // 100 else None


def decode_text(data: bytes) -> str | None:
    """Decode as UTF-16 (BOM or not), UTF-8 (BOM or not) or GB18030; None when none reads cleanly."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    if b"\x00" in data[:4096] and (codec := utf16_codec(data)):
        try:
            return data.decode(codec)
        except UnicodeDecodeError:
            return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def looks_like_text(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample and not sample.startswith((b"\xff\xfe", b"\xfe\xff")) and not utf16_codec(sample):
        return False
    text = None
    if len(data) > len(sample):
        # Cut at a line end so a multi-byte character is not split by the sample boundary;
        # without one (a long single line), back off up to 3 bytes to a character boundary.
        cut = sample.rfind(b"\n")
        if cut > 0:
            text = decode_text(sample[: cut + 1])
        else:
            text = next((t for k in range(4) if (t := decode_text(sample[: len(sample) - k])) is not None), None)
    else:
        text = decode_text(sample)
    if text is None:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls <= max(2, len(text) // 200)
