"""Absurd inputs through the sandbox: each a typed ParseError with a Chinese message (or a
correct parse) within seconds, and the worker pool still parses a normal report afterwards."""

from __future__ import annotations

import io
import random
import time
import zipfile
from pathlib import Path

import pytest
from golden import assert_matches_golden, load_golden, seed_path  # type: ignore[import-not-found]

from parsing import parse_report
from parsing.errors import NotAnnualReport, ParseError, TooLarge
from parsing.sandbox import parse_report_isolated

GENERATED = Path(__file__).resolve().parents[1] / "samples" / "generated"
_CJK = range(0x4E00, 0xA000)


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % offset for offset in offsets)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _one_page_pdf(*, claimed_pages: int = 1, media_box: str = "0 0 595 842") -> bytes:
    content = b"BT /F1 12 Tf 72 720 Td (Annual report) Tj ET"
    return _pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count %d >>" % claimed_pages,
            b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>" % media_box.encode(),
            b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def _docx_bomb() -> bytes:
    """A DOCX whose document.xml inflates to 150 MB (about 1000:1)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(
                b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            )
            member.write(b"<w:body><w:p><w:r><w:t>")
            chunk = b" " * (1 << 20)
            for _ in range(150):
                member.write(chunk)
            member.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return out.getvalue()


def _html_without_tables() -> bytes:
    paragraph = "<p>本单位认真贯彻落实各项工作部署，持续推进各项工作。</p>\n".encode()
    body = paragraph * (5_000_000 // len(paragraph))
    return b"<!doctype html><html><head><meta charset='utf-8'></head><body>" + body + b"</body></html>"


def _random_bytes(size: int) -> bytes:
    return random.Random(7).randbytes(size)


@pytest.mark.parametrize(
    ("name", "build", "error"),
    [
        ("claims-100000-pages.pdf", lambda: _one_page_pdf(claimed_pages=100_000), TooLarge),
        ("giant-page.pdf", lambda: _one_page_pdf(media_box="0 0 14400000 14400000"), NotAnnualReport),
        ("bomb.docx", _docx_bomb, TooLarge),
        ("random.pdf", lambda: _random_bytes(60 * 1024 * 1024), TooLarge),
        ("no-tables.html", _html_without_tables, NotAnnualReport),
    ],
)
def test_absurd_input_is_a_typed_chinese_error_within_seconds(name: str, build: object, error: type) -> None:
    data = build()  # type: ignore[operator]
    started = time.perf_counter()
    with pytest.raises(ParseError) as caught:
        parse_report_isolated(data, name)
    elapsed = time.perf_counter() - started
    assert type(caught.value) is error, caught.value
    assert any(ord(ch) in _CJK for ch in caught.value.message)
    assert elapsed < 10, f"{name}: {elapsed:.1f} s"
    # The pool survives: a normal report still parses.
    path = GENERATED / "000.docx"
    assert parse_report_isolated(path.read_bytes(), path.name).agency == "威海市文登区科学技术局"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("stem", ["000_32627ba4512e0993", "004_8c18c7b7e1a52a6a"])
def test_utf16_text_without_bom_parses_to_golden(stem: str, codec: str) -> None:
    data = seed_path(stem).read_text(encoding="utf-8").encode(codec)
    assert not data.startswith((b"\xff\xfe", b"\xfe\xff"))
    assert_matches_golden(parse_report(data, f"{stem}.txt"), load_golden(stem))


def test_utf16_through_the_sandbox() -> None:
    data = seed_path("000_32627ba4512e0993").read_text(encoding="utf-8").encode("utf-16-le")
    assert parse_report_isolated(data, "年报.txt").year == 2021


def test_random_binary_with_nuls_is_not_taken_for_utf16() -> None:
    with pytest.raises(ParseError):
        parse_report(_random_bytes(100_000), "x.txt")
