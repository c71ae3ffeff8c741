"""Issue 10, item 14: what a file is follows its structure; broken PDFs and DOCX files are
called broken; a long single line of UTF-8 text is still text."""

from __future__ import annotations

import io
import random
import zipfile

import pytest

from parsing.errors import CorruptFile, UnsupportedFormat
from parsing.magic import looks_like_text
from parsing.sniff import sniff


def _docx_with(text: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        # Stored (not deflated) first: the bytes "%PDF-" appear within the first kilobyte.
        archive.writestr("word/document.xml", f"<w:document><w:body><w:p>{text}</w:p></w:body></w:document>")
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


def test_docx_holding_pdf_magic_early_is_a_docx() -> None:
    data = _docx_with("附件：%PDF-1.7 原件另附")
    assert b"%PDF-" in data[:1024]
    assert sniff(data, "报告.docx") == "docx"
    assert sniff(data, "报告") == "docx"


def test_pdf_with_leading_junk_is_still_a_pdf() -> None:
    assert sniff(b"\r\n\x00junk%PDF-1.4\n1 0 obj\n", "a.pdf") == "pdf"


@pytest.mark.parametrize(("name", "words"), [("报告.pdf", "不是有效的 PDF"), ("报告.docx", "不是有效的 DOCX")])
def test_random_bytes_with_a_report_extension_are_corrupt(name: str, words: str) -> None:
    data = random.Random(10).randbytes(50_000)
    with pytest.raises(CorruptFile) as caught:
        sniff(data, name)
    assert words in caught.value.message


def test_random_bytes_with_another_name_are_unsupported() -> None:
    with pytest.raises(UnsupportedFormat):
        sniff(random.Random(10).randbytes(50_000), "x.bin")


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_long_single_line_text_is_text(encoding: str) -> None:
    line = ("本机关2021年共主动公开政府信息253条，" * 8000).encode(encoding)
    assert b"\n" not in line[:65536] and len(line) > 65536
    for trim in range(4):  # whatever byte the 64 KiB sample ends on
        data = b"x" * trim + line
        assert looks_like_text(data), trim
        assert sniff(data, "报告.txt") == "text"
