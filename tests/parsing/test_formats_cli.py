"""`nianbao parse`: JSON is exactly the record; errors are one Chinese line and exit 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from bot.main import main
from parsing import parse_report

GENERATED = Path(__file__).resolve().parents[1] / "samples" / "generated"


def test_json_is_exactly_the_record(capsys: pytest.CaptureFixture[str]) -> None:
    path = GENERATED / "000.docx"
    assert main(["parse", str(path), "--json"]) == 0
    out = capsys.readouterr().out
    expected = parse_report(path.read_bytes(), path.name).to_json_dict()
    assert json.loads(out) == json.loads(json.dumps(expected, ensure_ascii=False))
    assert "威海市文登区科学技术局" in out  # UTF-8, not \\u escapes


def test_summary_is_chinese_and_readable(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(GENERATED / "000.pdf")]) == 0
    out = capsys.readouterr().out
    assert "机构：威海市文登区科学技术局" in out
    assert "年度：2021" in out
    assert "勾稽关系核对" in out


def test_caption_reaches_the_parser(capsys: pytest.CaptureFixture[str]) -> None:
    path = GENERATED / "001.docx"
    caption = "科学技术和工业信息化局年报"
    assert main(["parse", str(path), "--json", "--caption", caption]) == 0
    record = json.loads(capsys.readouterr().out)
    expected = parse_report(path.read_bytes(), path.name, caption=caption).to_json_dict()
    assert record["agency"] == expected["agency"]


@pytest.mark.parametrize(
    ("name", "words"),
    [("bad/encrypted.pdf", "密码"), ("bad/truncated.pdf", "损坏")],
)
def test_parse_error_is_one_chinese_line(name: str, words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(GENERATED / name)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert words in captured.err
    assert "Traceback" not in captured.err


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["parse", str(tmp_path / "没有这个文件.pdf")]) == 1
    assert "找不到文件" in capsys.readouterr().err


_FIXTURES = sorted(p.name for p in GENERATED.iterdir() if p.is_file())
# The image-only scan is no longer bad input: OCR reads it (test_scanned_pdf_is_read_by_ocr_and_says_so).
_BAD = sorted(p.name for p in (GENERATED / "bad").iterdir() if p.name != "image-only.pdf")


@pytest.mark.parametrize("name", _FIXTURES)
def test_every_fixture_gives_a_chinese_summary(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    if name.endswith((".doc", ".wps")) and shutil.which("soffice") is None:
        pytest.skip("soffice not installed")
    assert main(["parse", str(GENERATED / name)]) == 0
    captured = capsys.readouterr()
    assert "机构：" in captured.out and "年度：" in captured.out and "勾稽关系核对" in captured.out
    assert "Traceback" not in captured.out + captured.err


@pytest.mark.parametrize("name", _BAD)
def test_every_bad_input_is_one_chinese_line_on_stderr(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(GENERATED / "bad" / name)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert any("\u4e00" <= ch <= "\u9fff" for ch in captured.err)
    assert "Traceback" not in captured.err


def test_scanned_pdf_is_read_by_ocr_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 15: the image-only fixture (2 pages at 72 dpi) is read, not refused."""
    assert main(["parse", str(GENERATED / "bad/image-only.pdf")]) == 0
    out = capsys.readouterr().out
    assert "由扫描件/照片文字识别" in out
    assert "威海市文登区科学技术局" in out and "253条" in out
