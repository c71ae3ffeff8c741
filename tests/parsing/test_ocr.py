"""Scans and photos (issue 15): OCR'd text boxes go through the borderless table reader.

OCR costs seconds a page on this machine, so the fixtures are one small crop at 150 dpi
(the end of table 3 and table 4 of seed 000), built at test time from the PDF fixture;
benchmarks/ocr.py runs the whole seeds at 150 and 300 dpi.
"""

from __future__ import annotations

import io
import sys
from functools import cache
from pathlib import Path

import numpy as np
import pytest
from golden import load_golden  # type: ignore[import-not-found]
from PIL import Image

from parsing import NoTextLayer, ParseOptions, Report, TooLarge, parse_report
from parsing.errors import EmptyFile, OcrTimeout
from parsing.sandbox import Sandbox
from parsing.sniff import sniff
from parsing.warnings import WarningCode

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
sys.path.insert(0, str(SAMPLES))
from scans import degrade, images_to_pdf, photo_of_page, render_pages  # noqa: E402

try:
    import sandbox_hooks as hooks  # type: ignore[import-not-found]
except ImportError:
    from tests.parsing import sandbox_hooks as hooks

STEM = "000_32627ba4512e0993"
CAPTION = "威海市文登区科学技术局2021年政府信息公开工作年度报告"
T4 = {k: v for k, v in load_golden(STEM)["cells"].items() if k.startswith("t4.")}


@cache
def _table4_page() -> Image.Image:
    """Page 4 of the ruled PDF, cut to the end of table 3, table 4 and a paragraph."""
    page = render_pages((SAMPLES / "generated" / "000.pdf").read_bytes(), 150, [3])[0]
    return page.crop((0, 0, page.width, int(page.height * 0.5)))


@cache
def _scanned() -> Report:
    crooked = degrade(_table4_page(), rotate=2.0, noise=0.002)
    return parse_report(images_to_pdf([crooked], 150), "scan.pdf", caption=CAPTION)


@cache
def _photographed() -> Report:
    return parse_report(photo_of_page(_table4_page()), "photo.jpg", caption=CAPTION)


def test_scanned_pdf_rotated_with_noise_reads_table_4_exactly() -> None:
    report = _scanned()
    assert {k: report.cells[k] for k in T4} == T4
    assert report.ocr is not None and report.ocr.pages == 1
    assert all(report.cell_sources[k].confidence is not None for k in T4)
    assert next(c for c in report.checks if c.rule == "t4.sums").status == "pass"


def test_fine_scan_reads_a_header_stacked_one_character_a_line() -> None:
    """A whole page at 300 dpi was shrunk to 2600 px and the detector took table 4's narrow
    header cells ("结/果/维/持", one character a line) for tall boxes across the columns: the
    table was lost. Text is now found on the page at a fixed working size and read at full size."""
    page = render_pages((SAMPLES / "generated" / "000.pdf").read_bytes(), 300, [3])[0]
    report = parse_report(images_to_pdf([page], 300), "scan.pdf", caption=CAPTION)
    assert {k: report.cells[k] for k in T4} == T4
    assert next(c for c in report.checks if c.rule == "t4.sums").status == "pass"


def test_a_thin_strip_is_padded_for_the_detector_not_enlarged() -> None:
    from parsing.ocr.engine import _padded

    strip = np.full((100, 2500, 3), 255, np.uint8)
    assert _padded(strip).shape == (736, 2500, 3)
    small = np.full((300, 400, 3), 255, np.uint8)
    assert _padded(small) is small  # enlarged by the detector: 736 x 981 stays within the working size


def test_photo_with_perspective_and_uneven_light_reads_table_4() -> None:
    report = _photographed()
    assert report.ocr is not None
    wrong = [k for k in T4 if report.cells[k] != T4[k]]
    unsure = set(report.ocr.low_confidence)
    failed = next(c for c in report.checks if c.rule == "t4.sums").status != "pass"
    assert len(wrong) <= 1
    assert all(k in unsure for k in wrong) or failed
    assert (report.agency, report.year) == ("威海市文登区科学技术局", 2021)


def test_low_confidence_and_unread_cells_are_typed_warnings() -> None:
    from parsing.extract.base import Document, OcrStats, TableBlock
    from parsing.report import build_report

    header = ("行政复议", "", "", "", "", "行政诉讼", "", "", "", "", "", "", "", "", "")
    labels = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计") * 3
    figures = ("1", "0", "0", "0", "1", "0", "0", "", "0", "0", "0", "0", "0", "0", "0")
    scores = tuple([0.99] * 15)
    low = (0.4, *scores[1:])
    block = TableBlock(rows=(header, labels, figures), index=0, page=1, confidence=((), (), low))
    assert block.confidence[2][0] == 0.4
    stats = OcrStats("test", 1, 0.1, low_below=0.6)
    report = build_report(Document((block,), "image", 1, stats), filename="x.png", caption=CAPTION)
    codes = {w.code: w for w in report.warnings}
    assert codes[WarningCode.OCR_LOW_CONFIDENCE].data["keys"] == ("t4.review.upheld",)
    assert codes[WarningCode.OCR_BLANK_AMONG_FIGURES].data["keys"] == ("t4.suit_direct.other",)
    assert report.cell_sources["t4.review.upheld"].confidence == 0.4
    assert report.to_json_dict()["ocr"]["low_confidence"] == ["t4.review.upheld", "t4.suit_direct.other"]


def test_a_blank_beside_figures_in_table_2_is_flagged() -> None:
    """Table 2's rows are short (采购项目数量 | 采购总金额): one figure beside a blank is enough to
    suspect a missed one; table 3's long rows still need two."""
    from parsing.extract.base import OcrStats
    from parsing.model import Number
    from parsing.report import _ocr_summary

    cells: dict[str, Number | None] = {
        "t2.procurement.items": 3,
        "t2.procurement.amount": None,
        "t2.normative.made": 1,
        "t2.normative.repealed": None,
        "t2.normative.in_force": 4,
        "t2.licence.decided": None,
        "t3.granted.natural_person": 2,
        "t3.granted.commercial": None,
        "t3.granted.research": None,
    }
    summary, _warnings = _ocr_summary(OcrStats("test", 1, 0.1, 0.6), cells, {}, [])
    assert summary.low_confidence == ("t2.procurement.amount", "t2.normative.repealed")


def _png(size: tuple[int, int] = (200, 100), fmt: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("L", size, 255).save(buffer, format=fmt)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "WEBP", "TIFF", "BMP", "GIF"])
def test_images_are_sniffed_by_content(fmt: str) -> None:
    assert sniff(_png(fmt=fmt), "报告.pdf") == "image"


def test_heic_photo_is_read() -> None:
    pillow_heif = pytest.importorskip("pillow_heif")
    pillow_heif.register_heif_opener()
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), "white").save(buffer, format="HEIF")
    assert sniff(buffer.getvalue(), "IMG_0001.HEIC") == "image"
    with pytest.raises(EmptyFile):  # a white photo: decoded, read, nothing on it
        parse_report(buffer.getvalue(), "IMG_0001.HEIC")


def test_blank_image_is_empty_in_chinese() -> None:
    with pytest.raises(EmptyFile) as exc:
        parse_report(_png(), "blank.png")
    assert "空" in exc.value.message


def test_image_bomb_is_too_large() -> None:
    with pytest.raises(TooLarge):
        parse_report(_png((3000, 3000)), "bomb.png", options=ParseOptions(max_image_pixels=1_000_000))


def test_scan_without_ocr_says_so() -> None:
    data = images_to_pdf([Image.fromarray(np.full((200, 150), 255, np.uint8))], 72)
    with pytest.raises(NoTextLayer):
        parse_report(data, "scan.pdf", options=ParseOptions(ocr=False))


def _ocr_sandbox() -> Sandbox:
    return Sandbox(target=f"{hooks.__name__}:ocr_parse", max_workers=1)


def test_sandbox_allows_the_ocr_time_limit_once_ocr_starts() -> None:
    sandbox = _ocr_sandbox()
    try:
        # Warm the worker first, so its start-up on a loaded machine does not eat the short limit.
        sandbox.parse(b"0", "warm.pdf", options=ParseOptions(timeout_s=60.0))
        options = ParseOptions(timeout_s=2.0, ocr_timeout_s=15.0)
        assert sandbox.parse(b"4", "scan.pdf", options=options).title == "scan.pdf"
        sandbox.parse(b"0", "warm.pdf", options=ParseOptions(timeout_s=60.0))
        with pytest.raises(OcrTimeout) as exc:
            sandbox.parse(b"30", "scan.pdf", options=ParseOptions(timeout_s=2.0, ocr_timeout_s=3.0))
        assert "识别" in exc.value.message
    finally:
        sandbox.close()


def test_a_cell_of_specks_is_unread_and_keeps_the_rows_other_figures_in_place() -> None:
    """A faint 0 read as "。": the cell is left blank (flagged among figures), not taken for a
    label that would push the row's figures out of their columns."""
    from parsing.extract.layout import Table
    from parsing.ocr.document import _clean_cells

    table = Table(0, 10, 0, 100, (("3.补正后申请内容仍不明确", "0", "。", "0", "o"),), (0, 40, 60, 80, 90))
    assert _clean_cells(table).rows == (("3.补正后申请内容仍不明确", "0", "", "0", "0"),)


@pytest.mark.parametrize(
    ("read", "figure"),
    [("o", "0"), ("O", "0"), ("0°", "0"), (".0", "0"), ("0.", "0"), ("0：", "0"), ("12", "12"), ("0.0375", "0.0375"), ("2021年", "2021年")],
)
def test_specks_around_a_figure_are_cleaned(read: str, figure: str) -> None:
    from parsing.ocr.document import clean_figure

    assert clean_figure(read) == figure
