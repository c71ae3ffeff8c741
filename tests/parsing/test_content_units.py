"""Unit tests of the content side: numbers, text shapes, table alignment, narrative, checks."""

from __future__ import annotations

import pytest

from parsing.checks import run_checks
from parsing.errors import EmptyFile, NotAnnualReport
from parsing.extract.base import Document, TableBlock, TextBlock
from parsing.extract.text import document_from_text, extract_text
from parsing.model import Fact
from parsing.narrative import NarrativeIssue, extract_facts, read_narrative
from parsing.numbers import chinese_to_int, parse_int_token, parse_number, read_cell
from parsing.report import build_report
from parsing.schema import T3_COLUMNS, cell_keys, t3_rows
from parsing.tables import read_tables
from parsing.warnings import ParseWarning, WarningCode

# --- numbers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("0", 0),
        ("１２３", 123),
        ("1,234", 1234),
        ("1，234", 1234),
        (" 12 ", 12),
        ("0.0375", 0.0375),
        ("12.50", 12.5),
        ("-3", -3),
        ("5件", 5),
        ("3.2万元", 3.2),
    ],
)
def test_cell_numbers(text: str, value: float) -> None:
    got = parse_number(text)
    assert got == value and type(got) is type(value)


@pytest.mark.parametrize("text", [None, "", "  ", "/", "／", "—", "——", "-", "－", "无", "\xa0"])
def test_blank_cells_are_none_never_zero(text: str | None) -> None:
    assert read_cell(text).kind == "blank"
    assert parse_number(text) is None


def test_label_cells_are_text() -> None:
    assert read_cell("行政许可").kind == "text"
    assert read_cell("1.属于国家秘密").kind == "text"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一百二十三", 123),
        ("两", 2),
        ("十二", 12),
        ("十", 10),
        ("二十", 20),
        ("一千零五", 1005),
        ("〇", 0),
        ("零", 0),
        ("二〇二二", 2022),
        ("三万五千", 35000),
        ("一百零一", 101),
    ],
)
def test_chinese_numerals(text: str, value: int) -> None:
    assert chinese_to_int(text) == value


def test_int_tokens() -> None:
    assert parse_int_token("２５３") == 253
    assert parse_int_token("两") == 2
    assert parse_int_token("abc") is None
    assert chinese_to_int("百姓") is None


# --- text shapes ------------------------------------------------------------------------


def test_cell_per_line_continuations_and_rows() -> None:
    text = "标题\n\n\t信息内容\n\t本年新\n制作数量\n\n\t5.要求行政机关确认或重新\n\n出具已获取信息\n\t0\n\n\n五、其他\n"
    doc = document_from_text(text)
    tables = doc.tables
    assert len(tables) == 1
    assert tables[0].rows == (("信息内容", "本年新制作数量"), ("5.要求行政机关确认或重新出具已获取信息", "0"))
    assert [p.text for p in doc.paragraphs] == ["标题", "五、其他"]


def test_tab_separated_rows_across_blank_lines() -> None:
    doc = document_from_text("a\tb\n\nc\td\n文字\ne\tf\n")
    assert [t.rows for t in doc.tables] == [(("a", "b"), ("c", "d")), (("e", "f"),)]
    assert doc.paragraphs[0].text == "文字"


def test_encodings_and_empty() -> None:
    text = "政府信息公开\t1\n"
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("gb18030")):
        assert extract_text(data).tables[0].rows == (("政府信息公开", "1"),)
    with pytest.raises(EmptyFile):
        extract_text(b" \n\n")


# --- tables -----------------------------------------------------------------------------

T3_HEADER = (
    (
        "(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)",
        None,
        None,
        "申请人情况",
        None,
        None,
        None,
        None,
        None,
        None,
    ),
    (None, None, None, "自然人", "法人或其他组织", None, None, None, None, "总计"),
    (None, None, None, None, "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", None),
)


def _t3_rows_2021(values: dict[str, list[str]] | None = None) -> list[tuple[str | None, ...]]:
    """A DOCX-like logical grid of table 3 (2021 format): 3 label columns, merged cells None."""
    values = values or {}
    rows: list[tuple[str | None, ...]] = []
    for key, label in t3_rows("2021").items():
        if key == "other":
            continue
        cells = values.get(key, ["1", "0", "0", "0", "0", "0", "1"])
        rows.append((label.split("/")[-1], None, None, *cells))
    return rows


def _t2_2021() -> list[tuple[str | None, ...]]:
    return [
        ("第二十条第（一）项", None, None, None),
        ("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"),
        ("规  章", "１", "0", "5"),
        ("行政规范性文件", "2", "/", "7"),
        ("第二十条第（八）项", None, None, None),
        ("信息内容", "本年收费金额（单位：万元）", None, None),
        ("行政事业性收费", "0.0375", None, None),
    ]


def test_tables_docx_like_grid_with_split_table3() -> None:
    t3 = [*T3_HEADER, *_t3_rows_2021()]
    # Table 3 breaks across pages after 8 rows: a second TableBlock without header.
    blocks = [
        TableBlock(rows=tuple(_t2_2021()), index=0, page=3),
        TableBlock(rows=tuple(t3[:8]), index=1, page=3),
        TableBlock(rows=tuple(t3[8:]), index=2, page=4),
    ]
    result = read_tables(blocks)
    assert result.template == "2021"
    cells = result.cells
    assert cells["t2.rules.made"] == 1 and cells["t2.rules.in_force"] == 5
    assert cells["t2.normative.repealed"] is None
    assert cells["t2.fees.amount"] == 0.0375
    assert cells["t3.carried_out.natural_person"] == 1 and cells["t3.carried_out.total"] == 1
    assert cells["t3.other.total"] == 3  # 2021: sum of the three 其他处理 rows
    assert result.sources["t3.carried_out.total"].page == 4
    assert result.sources["t3.carried_out.total"].raw == "1"
    assert "t4" not in result.found
    assert all(cells[k] is None for k in cells if k.startswith("t4."))
    assert ParseWarning.of(WarningCode.TABLE_MISSING, table="t4") in result.warnings


@pytest.mark.parametrize(
    ("first_label", "second_label"),
    [
        ("5.要求行政机关确认或", "重新出具已获取信息"),
        ("5.要求行政机关确认或重新出具", "已获取"),
        ("5.要求行政机关确认或重新出具", ""),
    ],
)
def test_row_broken_across_pages_takes_values_from_its_second_half(
    first_label: str, second_label: str
) -> None:
    rows = _t3_rows_2021()
    broken = next(i for i, r in enumerate(rows) if r[0] and "确认" in r[0])
    first_half = (first_label, None, None, "", "", "", "", "", "", "")
    second_half = (second_label, None, None, "2", "0", "0", "0", "0", "0", "2")
    rows[broken] = first_half
    blocks = [
        TableBlock(rows=(*T3_HEADER, *rows[: broken + 1]), index=0, page=5),
        TableBlock(rows=(second_half, *rows[broken + 1 :]), index=1, page=6),
    ]
    cells = read_tables(blocks, year=2021).cells
    assert cells["t3.rejected_confirm.natural_person"] == 2
    assert cells["t3.rejected_confirm.total"] == 2
    assert cells["t3.other_overdue.total"] == 1


def test_shifted_and_extra_columns() -> None:
    header = [
        ("(本列数据的勾稽关系)", "申请人情况", "", "", "", "", "", "总计"),
        ("", "自然人", "法人或其他组织", "", "", "", "", ""),
        ("", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""),
    ]
    rows = [
        ("一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3"),  # under the header
        ("二、上年结转政府信息公开申请数量", "", "", "", "", "", "", "", "4", ""),  # total one to the right
        ("(七) 总计", "", "9", "1", "0", "0", "0", "0", "0", "1", ""),  # 8 values: keep the rightmost 7
    ]
    result = read_tables([TableBlock(rows=tuple(header + rows), index=0)], year=2021)
    cells = result.cells
    assert cells["t3.new.natural_person"] == 3 and cells["t3.new.total"] == 3
    assert cells["t3.carried_in.total"] == 4 and cells["t3.carried_in.natural_person"] is None
    assert cells["t3.handled_total.natural_person"] == 1 and cells["t3.handled_total.total"] == 1
    assert WarningCode.T3_EXTRA_VALUES in {w.code for w in result.warnings}
    assert WarningCode.T3_ROWS_MISSING in {w.code for w in result.warnings}


def test_missing_sub_labels_follow_the_printed_order() -> None:
    rows = [
        *T3_HEADER,
        ("（三）不予公开", None, None, "1", "0", "0", "0", "0", "0", "1"),
        ("", None, None, "2", "0", "0", "0", "0", "0", "2"),
        ("（四）无法提供", None, None, "3", "0", "0", "0", "0", "0", "3"),
    ]
    result = read_tables([TableBlock(rows=tuple(rows), index=0)], year=2020)
    assert result.cells["t3.denied_secret.natural_person"] == 1
    assert result.cells["t3.denied_law.natural_person"] == 2
    assert ParseWarning.of(WarningCode.T3_UNNAMED_ITEMS, group="denied") in result.warnings
    # （四）无法提供 printed as one row with no items: its figures are the group's, never 1.本机关不掌握's.
    assert result.cells["t3.unable_no_info.total"] is None
    assert ParseWarning.of(WarningCode.T3_GROUP_COLLAPSED, group="unable") in result.warnings


def test_template_2019_from_ocr_headers() -> None:
    rows = [
        ("第二十条第（一）项", "", "", ""),
        ("信息内容", "本年新制作数里", "本年新公开数里", "对外公开总数里"),
        ("规章", "1", "2", "3"),
        ("第二十条第（九）项", "", "", ""),
        ("信息内容", "采购项目数里", "采购总金额", ""),
        ("政府集中采购", "4", "12.5", ""),
    ]
    result = read_tables([TableBlock(rows=tuple(rows), index=0)], year=2021)
    assert result.template == "2019"  # from the headers, not the year
    assert result.cells["t2.rules.total_published"] == 3
    assert result.cells["t2.procurement.amount"] == 12.5
    assert set(result.cells) == set(cell_keys("2019"))


def test_table4_blank_shanghai_style_and_positions() -> None:
    rows = [
        (
            "行政复议",
            None,
            None,
            None,
            None,
            "行政诉讼",
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        ),
        (
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
            "未经复议直接起诉",
            None,
            None,
            None,
            None,
            "复议后起诉",
            None,
            None,
            None,
            None,
        ),
        (
            None,
            None,
            None,
            None,
            None,
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
            "结果维持",
            "结果纠正",
            "其他结果",
            "尚未审结",
            "总计",
        ),
        ("1", "0", "0", "1", "2", "—", "", "", "", "", "0", "0", "0", "0", "0"),
    ]
    cells = read_tables([TableBlock(rows=tuple(rows), index=0)], year=2021).cells
    assert cells["t4.review.upheld"] == 1 and cells["t4.review.total"] == 2
    assert cells["t4.suit_direct.upheld"] is None
    assert cells["t4.suit_after_review.total"] == 0


# --- narrative --------------------------------------------------------------------------


def _facts(*texts: str) -> dict[str, int | float]:
    blocks = [TextBlock(text=t, index=i) for i, t in enumerate(texts)]
    return {f.key: f.value for f in extract_facts(blocks)}


def test_chinese_numerals_in_prose() -> None:
    facts = _facts(
        "全年共主动公开政府信息一百二十三条。", "共办理人大代表建议两件。", "开展政府开放日活动三次。"
    )
    assert facts == {"proactive.total": 123, "proposals.count": 2, "open_day.count": 3}


def test_figures_about_something_else_are_ignored() -> None:
    facts = _facts(
        "官方微信公开129条，相对于2020年同比增长约50%。",
        "电话：0631—8480818，办理了第107号提案答复函。",
        "统计时限自2021年1月1日起至2021年12月31日止。",
    )
    assert facts == {"proactive.new_media": 129}


def test_channel_figures_without_total() -> None:
    facts = _facts("通过政府网站公开125条，微信公众号发送信息98条。")
    assert facts == {"proactive.website": 125, "proactive.new_media": 98}


def test_negative_statements_give_zero() -> None:
    facts = _facts(
        "本年度未收到依申请公开案件。",
        "暂无收取信息处理费情况。",
        "本年度未发生政府信息公开行政复议、行政诉讼案件。",
    )
    assert facts == {"applications.received": 0, "fees.collected": 0, "review.count": 0, "suit.count": 0}


def test_positive_figures_and_a_figure_stated_twice_differently_is_a_conflict() -> None:
    # Issue 12: precision before recall -- two different statements of one figure are a
    # typed conflict, not a guess at the first.
    texts = ("本年度共收到政府信息公开申请12件。", "全年收到依申请公开申请3件。", "收取信息处理费200元。")
    assert _facts(*texts) == {"fees.collected": 200}
    result = read_narrative([TextBlock(t, i) for i, t in enumerate(texts)])
    (conflict,) = result.conflicts
    assert (conflict.code, conflict.key, conflict.values) == (
        NarrativeIssue.CONFLICT,
        "applications.received",
        (12, 3),
    )
    assert _facts("本年度共收到政府信息公开申请12件。", "全年收到依申请公开申请12件。") == {
        "applications.received": 12
    }


# --- checks -----------------------------------------------------------------------------


def _zero_cells(template: str = "2021") -> dict[str, int | float | None]:
    return dict.fromkeys(cell_keys(template), 0)


def _status(checks: list, rule: str) -> tuple[str, str]:
    check = next(c for c in checks if c.rule == rule)
    return check.status, check.detail


def test_checks_fail_with_numbers() -> None:
    cells = _zero_cells()
    cells["t3.new.natural_person"] = 2
    cells["t3.new.total"] = 2
    cells["t3.handled_total.natural_person"] = 1
    cells["t3.handled_total.total"] = 1
    cells["t3.granted.natural_person"] = 1
    cells["t3.granted.total"] = 1
    cells["t4.review.total"] = 3
    cells["t2.normative.in_force"] = -1
    facts = [
        Fact("applications.received", 0, "件", "本年度未收到申请。"),
        Fact("review.count", 3, "件", "复议3件。"),
    ]
    checks = run_checks(cells, "2021", facts, t3_other_derived=True)
    status, detail = _status(checks, "t3.balance")
    assert status == "fail" and "2+0 ≠ 1+0" in detail
    assert _status(checks, "t3.rows_sum")[0] == "pass"
    assert _status(checks, "t3.cols_sum")[0] == "pass"
    assert _status(checks, "t4.sums")[0] == "fail"
    assert _status(checks, "t2.in_force") == ("fail", "出现负数：t2.normative.in_force=-1")
    assert _status(checks, "narrative.applications") == ("fail", "正文 0 ≠ 表中 2")
    assert _status(checks, "narrative.review") == ("pass", "正文 3 = 表中 3")


def test_checks_blank_cells() -> None:
    cells: dict[str, int | float | None] = dict.fromkeys(cell_keys("2021"))
    checks = run_checks(cells, "2021", [])
    assert all(c.status == "unverifiable" for c in checks)
    cells = _zero_cells()
    for col in T3_COLUMNS:  # a fully blank column is skipped, not a failure
        if col != "total":
            for row in t3_rows("2021"):
                cells[f"t3.{row}.{col}"] = None
    checks = run_checks(cells, "2021", [])
    assert _status(checks, "t3.balance")[0] == "pass"
    assert _status(checks, "t3.cols_sum")[0] == "unverifiable"


def test_printed_other_row_is_checked_against_its_parts() -> None:
    cells = _zero_cells()
    cells["t3.other.total"] = 1
    checks = run_checks(cells, "2021", [], t3_other_derived=False)
    assert _status(checks, "t3.other_sum")[0] == "fail"


# --- report -----------------------------------------------------------------------------


def test_not_a_report() -> None:
    doc = Document(blocks=(TextBlock("会议纪要", 0), TextBlock("今天讨论了食堂菜单。", 1)), kind="text")
    with pytest.raises(NotAnnualReport):
        build_report(doc, filename="menu.txt")


def test_header_variants() -> None:
    doc = document_from_text(
        "某某市某某区教育局 二〇二一年 政府信息公开工作年度报告\n正文。\n某某市某某区教育局\n二〇二二年一月二十日\n"
    )
    report = build_report(doc, filename="x.txt")
    assert report.agency == "某某市某某区教育局"
    assert report.year == 2021
    assert report.published_on is not None and report.published_on.isoformat() == "2022-01-20"
    assert all(v is None for v in report.cells.values())


def test_header_positions_do_not_apply_to_a_continuation_of_another_width() -> None:
    # Page 2 lost the empty 自然人 cell's column: 6 values after a blank, as in seed 003's PDF.
    page1 = TableBlock(rows=(*T3_HEADER, *_t3_rows_2021()[:-1]), index=0, page=1)
    page2 = TableBlock(
        rows=(("四、结转下年度继续办理", None, "", "0", "0", "0", "0", "0", "5"),), index=1, page=2
    )
    cells = read_tables([page1, page2], year=2021).cells
    assert cells["t3.carried_out.natural_person"] is None
    assert cells["t3.carried_out.total"] == 5


def _carried_out_overleaf(
    row: tuple[str | None, ...], *, positional: bool
) -> tuple[list[int | float | None], list[str]]:
    page1 = TableBlock(rows=(*T3_HEADER, *_t3_rows_2021()[:-1]), index=0, page=1)
    page2 = TableBlock(rows=(row,), index=1, page=2, positional=positional)
    result = read_tables([page1, page2], year=2021)
    return [result.cells[f"t3.carried_out.{c}"] for c in T3_COLUMNS], result.warnings


def test_short_row_of_an_unknown_grid_stays_blank_never_filled_from_the_left() -> None:
    # Overleaf, in a grid of its own: one figure (printed under 总计) whose column is unknown.
    cells, warnings = _carried_out_overleaf(("四、结转下年度继续办理", "", "", "7"), positional=True)
    assert cells == [None] * 7
    assert WarningCode.T3_UNPLACED in {w.code for w in warnings}


def test_short_row_of_plain_text_fills_from_the_left() -> None:
    # Plain text lists only the non-blank cells (seed 002's 6-of-7 rows): left to right.
    row = ("四、结转下年度继续办理", "1", "2", "3", "4", "5", "6")
    cells, warnings = _carried_out_overleaf(row, positional=False)
    assert cells == [1, 2, 3, 4, 5, 6, None]
    assert WarningCode.T3_SHORT_ROWS in {w.code for w in warnings}


def test_stray_empty_column_between_values_is_skipped() -> None:
    # A grid with one column too many, empty in this row: seven values for seven columns.
    row = ("四、结转下年度继续办理", "", "1", "2", "3", "4", "", "5", "6", "7")
    cells, _ = _carried_out_overleaf(row, positional=True)
    assert cells == [1, 2, 3, 4, 5, 6, 7]
