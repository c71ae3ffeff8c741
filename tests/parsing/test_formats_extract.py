"""Every format to the same logical grid; sniffing by content; bad input -> typed errors."""

from __future__ import annotations

import io
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from parsing.errors import (
    ConverterMissing,
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    NoTextLayer,
    TooLarge,
    UnsupportedFormat,
)
from parsing.extract import extract_document, extractor_for
from parsing.extract.base import Document
from parsing.options import ParseOptions
from parsing.schema import cell_keys
from parsing.sniff import sniff

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
GENERATED = SAMPLES / "generated"
BAD = GENERATED / "bad"
sys.path.insert(0, str(SAMPLES))
import fixture_layout as layout  # noqa: E402

OPTIONS = ParseOptions()
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason="soffice not installed")


def _extract(data: bytes, name: str, options: ParseOptions = OPTIONS) -> Document:
    return extract_document(data, name, options)


def _blocks(template: str, cells: dict[str, int | float | None]) -> list[layout.Block]:
    return [
        "某某局2021年政府信息公开工作年度报告",
        "二、主动公开政府信息情况",
        layout.table2(template, cells),
        "三、收到和处理政府信息公开申请情况",
        layout.table3(template, cells),
        "四、政府信息公开行政复议、行政诉讼情况",
        layout.table4(cells),
        "2022年1月27日",
    ]


def _expected_grids(blocks: list[layout.Block]) -> list[tuple[tuple[str | None, ...], ...]]:
    return [layout.logical_grid(b) for b in blocks if not isinstance(b, str)]


# -- sniffing -----------------------------------------------------------------------


def test_kind_comes_from_content_not_extension() -> None:
    pdf = (GENERATED / "000.pdf").read_bytes()
    docx = (GENERATED / "000.docx").read_bytes()
    assert sniff(pdf, "年报.docx") == "pdf"
    assert sniff(docx, "年报.pdf") == "docx"
    assert sniff((GENERATED / "001.doc").read_bytes(), "年报.doc") == "doc"
    assert sniff((GENERATED / "001.doc").read_bytes(), "年报.wps") == "wps"
    assert sniff((GENERATED / "000.html").read_bytes(), "年报.doc") == "html"
    assert sniff("信息内容\t本年制发件数\n规章\t0\n".encode("gb18030"), "a.txt") == "text"
    assert sniff("信息内容\t本年制发件数\n".encode(), "a.bin") == "text"
    assert sniff(b"{\\rtf1\\ansi hello}", "a.doc") == "rtf"


def test_renamed_pdf_still_extracts() -> None:
    document = _extract((GENERATED / "000.pdf").read_bytes(), "年报.docx")
    assert document.kind == "pdf" and document.tables


@pytest.mark.parametrize("data", [b"", b"   \n\t "])
def test_empty_file(data: bytes) -> None:
    with pytest.raises(EmptyFile):
        _extract(data, "x.pdf")


def test_unsupported_formats() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
    with pytest.raises(UnsupportedFormat):
        _extract(png, "scan.png")
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(UnsupportedFormat):
        _extract(archive.getvalue(), "表.docx")
    with pytest.raises(UnsupportedFormat):
        extractor_for("xlsx")


def test_corrupt_zip() -> None:
    docx = (GENERATED / "000.docx").read_bytes()
    with pytest.raises(CorruptFile):
        _extract(docx[: len(docx) // 2], "年报.docx")


def test_size_limit() -> None:
    with pytest.raises(TooLarge):
        _extract((GENERATED / "000.pdf").read_bytes(), "a.pdf", ParseOptions(max_bytes=1000))


def test_page_limit() -> None:
    with pytest.raises(TooLarge):
        _extract((GENERATED / "000.pdf").read_bytes(), "a.pdf", ParseOptions(max_pages=2))


# -- bad PDFs and zip bombs ------------------------------------------------------------


def test_encrypted_pdf() -> None:
    with pytest.raises(EncryptedFile):
        _extract((BAD / "encrypted.pdf").read_bytes(), "年报.pdf")


def test_truncated_pdf() -> None:
    with pytest.raises(CorruptFile):
        _extract((BAD / "truncated.pdf").read_bytes(), "年报.pdf")


def test_image_only_pdf_is_a_scan_when_ocr_is_off() -> None:
    with pytest.raises(NoTextLayer) as exc:
        _extract((BAD / "image-only.pdf").read_bytes(), "扫描件.pdf", ParseOptions(ocr=False))
    assert "扫描件" in exc.value.message


def _bomb(member_bytes: int) -> bytes:
    docx = zipfile.ZipFile(io.BytesIO((GENERATED / "000.docx").read_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in docx.infolist():
            z.writestr(info, docx.read(info))
        with z.open("word/media/padding.bin", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(member_bytes // len(chunk)):
                member.write(chunk)
    return out.getvalue()


def test_zip_bomb_by_ratio() -> None:
    bomb = _bomb(8 * 1024 * 1024)  # 8 MB of zeros deflates about 1000:1
    assert len(bomb) < 200_000
    with pytest.raises(TooLarge):
        _extract(bomb, "年报.docx")


def test_zip_bomb_by_total_size() -> None:
    with pytest.raises(TooLarge):
        _extract(_bomb(2 * 1024 * 1024), "年报.docx", ParseOptions(max_unzipped_bytes=1024 * 1024))


# -- DOCX ---------------------------------------------------------------------------


@pytest.mark.parametrize("template", ["2021", "2019"])
def test_docx_merged_cells_resolve_to_logical_grid(template: str) -> None:
    cells = {k: i % 5 for i, k in enumerate(cell_keys(template))}
    blocks = _blocks(template, cells)
    document = _extract(layout.render_docx(blocks), "a.docx")
    assert [t.rows for t in document.tables] == _expected_grids(blocks)
    assert [p.text for p in document.paragraphs] == [b for b in blocks if isinstance(b, str)]
    # The header merge: 申请人情况 once, at its top-left, covered positions None.
    header = document.tables[1].rows[0]
    assert header.count("申请人情况") == 1 and header[4] is None


def test_docx_document_order_and_nested_tables() -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("前言")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = "外"
    outer.cell(0, 1).add_table(rows=1, cols=2).cell(0, 0).text = "内"
    document.add_paragraph("后记")
    out = io.BytesIO()
    document.save(out)
    blocks = _extract(out.getvalue(), "a.docx").blocks
    kinds = [type(b).__name__ for b in blocks]
    assert kinds == ["TextBlock", "TableBlock", "TableBlock", "TextBlock"]
    assert blocks[1].rows[0][0] == "外"  # type: ignore[union-attr]
    assert blocks[2].rows[0][0] == "内"  # type: ignore[union-attr]


# -- HTML ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "declared"), [("utf-8", "utf-8"), ("gbk", "gb2312"), ("gb18030", "gbk")]
)
def test_html_spans_expand_and_chrome_is_dropped(encoding: str, declared: str) -> None:
    cells = {k: i % 7 for i, k in enumerate(cell_keys("2021"))}
    blocks = _blocks("2021", cells)
    page = layout.render_html(blocks, title="年报", encoding=encoding, declared=declared)
    document = _extract(page, "年报.html")
    assert [t.rows for t in document.tables] == _expected_grids(blocks)
    texts = [p.text for p in document.paragraphs]
    assert texts == [b for b in blocks if isinstance(b, str)]
    for chrome in ("首页", "网站地图", "统计代码", "ICP", "当前位置"):
        assert not any(chrome in t for t in texts)


def test_html_fixture_matches_docx_fixture() -> None:
    for stem in ("000", "001"):
        html = _extract((GENERATED / f"{stem}.html").read_bytes(), "a.html")
        docx = _extract((GENERATED / f"{stem}.docx").read_bytes(), "a.docx")
        assert [t.rows for t in html.tables] == [t.rows for t in docx.tables]
        assert [p.text for p in html.paragraphs] == [p.text for p in docx.paragraphs]


# -- PDF ----------------------------------------------------------------------------


def _compact(text: str | None) -> str:
    return "".join((text or "").split())


def test_pdf_tables_and_text() -> None:
    document = _extract((GENERATED / "000.pdf").read_bytes(), "a.pdf")
    assert document.kind == "pdf" and document.pages
    text = "".join(_compact(p.text) for p in document.paragraphs)
    assert "共主动公开政务信息253条" in text
    assert "威海市文登区科学技术局" in _compact(document.paragraphs[0].text)
    assert "2022年1月27日" in _compact(document.paragraphs[-1].text)
    # Table text stays out of the paragraphs.
    assert "本年制发件数" not in text
    grids = [t.rows for t in document.tables]
    flat = [_compact(c) for rows in grids for row in rows for c in row]
    assert "申请人情况" in flat and "行政规范性文件" in flat and "复议后起诉" in flat
    normative = next(row for rows in grids for row in rows if _compact(row[0]) == "行政规范性文件")
    assert [_compact(c) for c in normative] == ["行政规范性文件", "1", "2", "1"]
    assert all(p.page for p in document.paragraphs) and all(t.page for t in document.tables)


def test_pdf_table_broken_over_a_page_comes_back_as_consecutive_tables() -> None:
    document = _extract((GENERATED / "000-pagebreak.pdf").read_bytes(), "a.pdf")
    # Table 3 is the only 10-column table of the form.
    table3 = [t for t in document.tables if len(t.rows[0]) == 10]
    pages = [t.page for t in table3]
    assert len(table3) >= 2 and pages == sorted(pages) and len(set(pages)) >= 2
    indices = [t.index for t in document.tables]
    assert indices == list(range(len(indices)))
    # Every data row of the form is still there, in order, across the break.
    labels = [_compact(row[2]) for t in table3 for row in t.rows if len(row) > 2 and row[2]]
    wanted = ["1.属于国家秘密", "8.属于行政查询事项", "1.本机关不掌握相关政府信息", "3.其他"]
    positions = [next(i for i, label in enumerate(labels) if label.startswith(w[:6])) for w in wanted]
    assert positions == sorted(positions)


def test_pdf_unrelated_text_has_no_tables() -> None:
    document = _extract((BAD / "unrelated.pdf").read_bytes(), "通知.pdf")
    assert document.tables == []
    assert "篮球比赛" in "".join(p.text for p in document.paragraphs)


# -- DOC via LibreOffice ---------------------------------------------------------------


@pytest.mark.soffice
@needs_soffice
def test_doc_converts_to_the_same_document_as_docx() -> None:
    doc = _extract((GENERATED / "001.doc").read_bytes(), "年报.doc")
    docx = _extract((GENERATED / "001.docx").read_bytes(), "年报.docx")
    assert doc.kind == "doc"
    assert [t.rows for t in doc.tables] == [t.rows for t in docx.tables]
    assert [p.text for p in doc.paragraphs] == [p.text for p in docx.paragraphs]


@pytest.mark.soffice
@needs_soffice
def test_wps_name_on_ole2_word_file_goes_through_libreoffice() -> None:
    wps = _extract((GENERATED / "001.doc").read_bytes(), "年报.wps")
    docx = _extract((GENERATED / "001.docx").read_bytes(), "年报.docx")
    assert wps.kind == "wps"
    assert [t.rows for t in wps.tables] == [t.rows for t in docx.tables]


@pytest.mark.parametrize("name", ["年报.doc", "年报.wps"])
def test_doc_without_libreoffice_says_so(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(shutil, "which", lambda name: None)
    with pytest.raises(ConverterMissing) as exc:
        _extract((GENERATED / "001.doc").read_bytes(), name)
    assert exc.value.message == ConverterMissing.default_message
    assert "LibreOffice" in exc.value.message and "PDF 或 DOCX" in exc.value.message


def test_doc_with_empty_path_says_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH on which no soffice exists
    with pytest.raises(ConverterMissing):
        _extract((GENERATED / "001.doc").read_bytes(), "年报.wps")


# -- property: random values survive render -> extract ---------------------------------

_value = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=99999),
    st.decimals(min_value=0, max_value=9999, places=4, allow_nan=False, allow_infinity=False).map(float),
)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(template=st.sampled_from(["2021", "2019"]), data=st.data())
def test_random_values_survive_docx_and_html(template: str, data: st.DataObject) -> None:
    keys = cell_keys(template)
    values = data.draw(st.lists(_value, min_size=len(keys), max_size=len(keys)))
    cells = dict(zip(keys, values, strict=True))
    blocks = _blocks(template, cells)
    expected = _expected_grids(blocks)
    for rendered, name in (
        (layout.render_docx(blocks), "a.docx"),
        (layout.render_html(blocks, title="t", encoding="gb18030"), "a.html"),
    ):
        assert [t.rows for t in _extract(rendered, name).tables] == expected
