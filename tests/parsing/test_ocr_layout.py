"""Positional table rebuilding of OCR'd pages (issue 15), without running OCR: glyph lines in,
table rows out. The whole seeds are in benchmarks/ocr.py."""

from __future__ import annotations

from parsing.extract.borderless import Glyph, borderless_tables, glyph_lines

_SIZE = 10.0
# Table 3's columns: the label, then 6 applicant columns and 总计.
_COLUMNS = [88.0, 316.0, 346.0, 376.0, 406.0, 437.0, 467.0, 497.0]


def _line(top: float, *words: tuple[float, str]) -> list[Glyph]:
    return [Glyph(text, x, x + _SIZE * len(text), top, top + _SIZE, 0.99) for x, text in words]


def test_continuation_with_label_sub_columns_keeps_the_figures_under_their_columns() -> None:
    """Table 3 runs overleaf with figures only under 总计; on the new page its labels stand in
    sub-columns ("（三）不予公开 | 1.属于国家秘密") the first part never showed."""
    first = [
        *_line(86, (88, "申请人情况"), *zip(_COLUMNS[1:], "自商科社法其总", strict=True)),
        *_line(100, *zip(_COLUMNS[1:], "然业研会律他计", strict=True)),
        *_line(120, (88, "一、本年新收政府信息公开申请数量"), (497, "3")),
        *_line(140, (88, "二、上年结转政府信息公开申请数量"), (497, "1")),
    ]
    overleaf = [
        *_line(100, (88, "三、本年"), (146, "（一）予以公开"), (497, "2")),
        *_line(120, (88, "度办理结果"), (146, "（三）不"), (197, "1.属于国家秘密"), (497, "0")),
        *_line(140, (140, "予公开"), (197, "2.其他法律行政法规禁止公开"), (497, "1")),
        *_line(160, (146, "（七）总计"), (497, "3")),
    ]
    tables = borderless_tables({0: glyph_lines(first), 1: glyph_lines(overleaf)})
    before, after = tables[0][-1], tables[1][0]
    width = len(before.columns)
    # Every figure overleaf stands under 总计, the last of the carried value columns.
    assert [row[-width + 1 :] for row in after.rows] == [
        ("", "", "", "", "", "", figure) for figure in ("2", "0", "1", "3")
    ]
    assert after.columns[-width + 1 :] == before.columns[1:]
    assert ["1.属于国家秘密" in row for row in after.rows] == [False, True, False, False]


def test_continuation_label_a_little_off_the_first_parts_label_column_still_continues() -> None:
    """A scan turned 2°: overleaf, "（七）总计" stands 7 points right of the first part's
    sub-label column; its figures still stand under the value columns and must stay there."""
    first = [
        *_line(86, (88, "申请人情况"), *zip(_COLUMNS[1:], "自商科社法其总", strict=True)),
        *_line(100, *zip(_COLUMNS[1:], "然业研会律他计", strict=True)),
        *_line(120, (88, "三、本年"), (138, "（一）予以公开"), *((x, "1") for x in _COLUMNS[1:])),
        *_line(140, (138, "（二）部分公开"), *((x, "2") for x in _COLUMNS[1:])),
    ]
    overleaf = [
        *_line(100, (145, "（七）总计"), *((x + 1, "3") for x in _COLUMNS[1:])),
        *_line(120, (88, "四、结转下年度继续办理"), *((x - 1, "4") for x in _COLUMNS[2:])),
    ]
    tables = borderless_tables({0: glyph_lines(first), 1: glyph_lines(overleaf)})
    before, after = tables[0][-1], tables[1][0]
    assert after.columns == before.columns
    assert [row[-7:] for row in after.rows] == [("3",) * 7, ("", *("4",) * 6)]
