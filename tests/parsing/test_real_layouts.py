"""Real table layouts (tests/parsing/real_layouts.py) read cell for cell in every format:
HTML, DOCX, a PDF laid out like Word's and one like WPS Office's (both drawn at test time)."""

from __future__ import annotations

import pytest
from real_layouts import LAYOUTS, RealLayout  # type: ignore[import-not-found]  # puts tests/samples on sys.path
from real_layouts_more import LAYOUTS as MORE_LAYOUTS  # type: ignore[import-not-found]
from real_layouts_sparse import LAYOUTS as SPARSE_LAYOUTS  # type: ignore[import-not-found]

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
@pytest.mark.parametrize("layout", [*LAYOUTS, *MORE_LAYOUTS, *SPARSE_LAYOUTS], ids=lambda layout: layout.name)
def test_every_cell_of_a_real_layout(layout: RealLayout, fmt: str) -> None:
    data, name = _render(layout, fmt)
    report = parse_report(data, name)
    assert report.template == layout.template
    assert _mismatches(report, layout) == []
    codes = {str(w.code) for w in report.warnings}
    assert layout.warning_codes <= codes, codes
    statuses = {c.rule: c.status for c in report.checks}
    assert {rule: statuses.get(rule) for rule in layout.checks} == layout.checks


def test_an_extra_row_explained_with_another_items_name_is_not_that_item() -> None:
    """The town layout's extra row printed above 规范性文件: its figures stay out of 规范性文件."""
    from parsing.extract.base import TableBlock
    from parsing.tables import read_tables

    rows = (
        ("第二十条第（一）项", None, None, None),
        ("信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"),
        ("其他主动公开文件（除规范性文件以外的主动公开文件）", "5", "5", "12"),
        ("规范性文件（标题采用“规定”“办法”等字样的公文）", "34", "4", "47"),
        ("规章（设区的市、自治州人民政府应提供相关数据）", "0", "0", "0"),
    )
    cells = read_tables([TableBlock(rows=rows, index=0)], year=2020).cells
    assert [cells[f"t2.normative.{c}"] for c in ("new_made", "new_published", "total_published")] == [
        34,
        4,
        47,
    ]
    assert cells["t2.rules.new_made"] == 0


def test_a_cut_heading_is_read_by_its_place_only_where_the_form_puts_it() -> None:
    """“本年新” stands for 本年新制作数量 or 本年新公开数量 only in the form's first two places."""
    from parsing.extract.base import TableBlock
    from parsing.tables import read_tables

    def read(header: tuple[str, ...]) -> tuple[list[object], set[str]]:
        rows = (("第二十条第（一）项", None, None, None), header, ("规章", "1", "2", "3"))
        result = read_tables([TableBlock(rows=rows, index=0)], year=2020)
        keys = ("new_made", "new_published", "total_published")
        return [result.cells.get(f"t2.rules.{k}") for k in keys], {str(w.code) for w in result.warnings}

    values, codes = read(("信息内容", "本年新", "本年新", "对外公开总数量"))
    assert values == [1, 2, 3]
    assert "t2.heading_read_as" in codes
    values, codes = read(("信息内容", "对外公开总数量", "本年新", "本年新"))  # not the form's order
    assert values[:2] == [None, None]
    assert "t2.heading_read_as" not in codes


def test_a_misspelt_fee_item_is_read_as_the_fees_with_a_warning() -> None:
    """“行政事业型收费” is table 2's fee item (收费 names no other), said in a warning; the column
    heading 本年收费金额 stays a heading."""
    from parsing.extract.base import TableBlock
    from parsing.tables import read_tables

    rows = (
        ("第二十条第（八）项", None),
        ("信息内容", "本年收费金额（单位：万元）"),
        ("行政事业型收费", "0.5"),
    )
    result = read_tables([TableBlock(rows=rows, index=0)], year=2021)
    assert result.cells["t2.fees.amount"] == 0.5
    assert "t2.label_read_as" in {str(w.code) for w in result.warnings}
