"""Every fixture in every format parses to the golden truth of its seed (cells, facts, checks)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from golden import assert_matches_golden, golden_stems, load_golden  # type: ignore[import-not-found]

from parsing import NotAnnualReport, parse_report
from parsing.sandbox import parse_report_isolated
from parsing.warnings import WarningCode

GENERATED = Path(__file__).resolve().parents[1] / "samples" / "generated"
BAD = GENERATED / "bad"
FORMATS = ["docx", "pdf", "html"]


def _fixture(stem: str, suffix: str) -> Path:
    return GENERATED / f"{stem[:3]}{suffix}"


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("stem", golden_stems())
def test_fixture_matches_golden(stem: str, fmt: str) -> None:
    path = _fixture(stem, f".{fmt}")
    report = parse_report(path.read_bytes(), path.name)
    assert_matches_golden(report, load_golden(stem))


def test_table_broken_over_a_page_matches_golden() -> None:
    path = GENERATED / "000-pagebreak.pdf"
    assert_matches_golden(parse_report(path.read_bytes(), path.name), load_golden("000_32627ba4512e0993"))


@pytest.mark.parametrize("stem", golden_stems())
def test_borderless_tables_match_golden(stem: str) -> None:
    """No ruling lines at all: headers wrapped char by char, labels wrapped, table 3 overleaf
    (in 004 with figures only under 总计, on a page that also holds table 4's header)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    path = _fixture(stem, "-borderless.pdf")
    document = pdfium.PdfDocument(path.read_bytes())
    paths = sum(
        1 for page in document for _ in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH], max_depth=4)
    )
    assert paths == 0  # the fixture really has nothing for a lattice finder
    report = parse_report(path.read_bytes(), path.name)
    assert_matches_golden(report, load_golden(stem))
    assert not {w.code for w in report.warnings} & {
        WarningCode.T2_UNPLACED,
        WarningCode.T3_UNPLACED,
        WarningCode.T4_UNPLACED,
    }


def test_borderless_continuation_keeps_figures_in_the_total_column() -> None:
    """Seed 004 prints its table 3 figures only under 总计; overleaf they must stay there."""
    path = GENERATED / "004-borderless.pdf"
    report = parse_report(path.read_bytes(), path.name)
    overleaf = [
        key
        for key, source in report.cell_sources.items()
        if key.startswith("t3.") and source.page == 4 and report.cells[key] is not None
    ]
    assert len(overleaf) >= 10
    assert all(k.endswith(".total") for k in overleaf), overleaf
    assert report.cells["t3.rejected_confirm.total"] == 0
    assert report.cells["t3.rejected_confirm.commercial"] is None


def test_pdf_renamed_docx_still_parses() -> None:
    data = (GENERATED / "004.pdf").read_bytes()
    assert_matches_golden(parse_report(data, "年报.docx"), load_golden("004_8c18c7b7e1a52a6a"))


def test_sandbox_gives_the_same_record() -> None:
    path = GENERATED / "000.pdf"
    isolated = parse_report_isolated(path.read_bytes(), path.name)
    assert isolated.to_json_dict() == parse_report(path.read_bytes(), path.name).to_json_dict()


@pytest.mark.soffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="soffice not installed")
def test_doc_converted_with_libreoffice_matches_golden() -> None:
    path = GENERATED / "001.doc"
    assert_matches_golden(parse_report(path.read_bytes(), path.name), load_golden("001_c3166346273e220a"))


@pytest.mark.parametrize("name", ["unrelated.docx", "unrelated.pdf"])
def test_unrelated_document_is_not_a_report(name: str) -> None:
    with pytest.raises(NotAnnualReport):
        parse_report((BAD / name).read_bytes(), name)
