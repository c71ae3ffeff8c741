"""Real table layouts (tests/parsing/real_layouts.py) read cell for cell in every format:
HTML, DOCX, a PDF laid out like Word's and one like WPS Office's (both drawn at test time)."""

from __future__ import annotations

import pytest
from real_layouts import LAYOUTS, RealLayout  # type: ignore[import-not-found]  # puts tests/samples on sys.path

from fixture_layout import render_docx, render_html  # type: ignore[import-not-found]  # isort: skip
from fixture_pdf import render_pdf  # type: ignore[import-not-found]  # isort: skip

from parsing import parse_report
from parsing.model import Report


def _render(layout: RealLayout, fmt: str) -> tuple[bytes, str]:
    if fmt == "html":
        return render_html(layout.blocks, title=layout.name), f"{layout.name}.html"
    if fmt == "docx":
        return render_docx(layout.blocks), f"{layout.name}.docx"
    return render_pdf(layout.blocks, producer=fmt.split("-")[1]), f"{layout.name}.pdf"


def _mismatches(report: Report, layout: RealLayout) -> list[str]:
    got = dict(report.cells)
    problems = [f"{k}: got {got.get(k)!r}, want {v!r}" for k, v in layout.cells.items() if got.get(k) != v]
    problems += [f"unexpected key {k}" for k in set(got) - set(layout.cells)]
    return problems


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf-word", "pdf-wps"])
@pytest.mark.parametrize("layout", LAYOUTS, ids=lambda layout: layout.name)
def test_every_cell_of_a_real_layout(layout: RealLayout, fmt: str) -> None:
    data, name = _render(layout, fmt)
    report = parse_report(data, name)
    assert report.template == layout.template
    assert _mismatches(report, layout) == []
    codes = {str(w.code) for w in report.warnings}
    assert layout.warning_codes <= codes, codes
    statuses = {c.rule: c.status for c in report.checks}
    assert {rule: statuses.get(rule) for rule in layout.checks} == layout.checks
