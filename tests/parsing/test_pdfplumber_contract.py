"""pdf_tables.py feeds pdfplumber's TableFinder with a page view built from pdfium, not pdfplumber's own
page. That leans on which attributes TableFinder and Table.extract read — internals, not API. This
test compares both paths on every ruled fixture: when a pdfplumber release moves those internals it
fails here, loudly, instead of tables silently coming out empty or shifted."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
import pytest

from parsing.extract.pdf_tables import LATTICE, ruled_tables

GENERATED = Path(__file__).resolve().parents[1] / "samples" / "generated"
RULED = sorted(p for p in GENERATED.glob("*.pdf") if "borderless" not in p.name)
_SPACE = re.compile(r"\s+")


def _norm(rows: list[list[str | None]] | tuple[tuple[str | None, ...], ...]) -> list[list[str]]:
    # Glyphs of one cell, sorted: pdfium's loose boxes may order a glyph differently inside a cell
    # (a narrow 一 placed after its bracket); what must agree is the grid and what each cell holds.
    return [["".join(sorted(_SPACE.sub("", cell or ""))) for cell in row] for row in rows]


@pytest.mark.parametrize("path", RULED, ids=lambda p: p.name)
def test_pdfium_view_finds_the_tables_pdfplumber_finds(path: Path) -> None:
    ours: list[list[list[str]]] = []
    pdf = pdfium.PdfDocument(path.read_bytes())
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            ours.extend(_norm(t.rows) for t in ruled_tables(page, textpage))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    with pdfplumber.open(path) as plumber:
        theirs = [
            _norm(table)
            for page in plumber.pages
            for table in page.extract_tables(LATTICE)
            if table and max(len(r) for r in table) >= 2
        ]
    assert ours, (
        f"no ruled table found in {path.name}: pdfplumber's TableFinder no longer reads our page view"
    )
    assert ours == theirs


def test_pdfplumber_is_within_the_tested_range() -> None:
    major, minor = (int(part) for part in pdfplumber.__version__.split(".")[:2])
    assert (major, minor) == (0, 11), (
        "pdf.py was verified against pdfplumber 0.11.x; re-run this file and bump the bound"
    )
