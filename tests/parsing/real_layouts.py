"""Table layouts of real reports, rebuilt cell by cell, with the truth of every cell.

Each layout follows a report as its site published it (the address is kept with it): the
national template bent the way real offices bend it. The figures are the layout's own
(every cell is asserted, blank stays blank); the shapes are what the parser must survive.
Rendered at test time to HTML, DOCX and two kinds of PDF (tests/samples/fixture_pdf.py).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
sys.path.insert(0, str(SAMPLES))
from fixture_layout import Block, Cell, Layout  # type: ignore[import-not-found]  # noqa: E402

from parsing.schema import T3_COLUMNS, T4_COLUMNS, T4_GROUPS, cell_keys  # noqa: E402

Value = int | float | None
COLS = list(T3_COLUMNS)


@dataclass(frozen=True)
class RealLayout:
    name: str
    source: str  # where the layout was seen
    template: str
    blocks: list[Block]
    cells: dict[str, Value]  # every cell key of the template
    warning_codes: frozenset[str] = field(default_factory=frozenset)
    checks: dict[str, str] = field(default_factory=dict)  # rule -> status


def _vals(values: Sequence[Value]) -> list[Cell]:
    return [Cell("" if v is None else str(v)) for v in values]


def _t3_head() -> Layout:
    return [
        [Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3),
         Cell("申请人情况", colspan=7)],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell("商业企业"), Cell("科研机构"), Cell("社会公益组织"), Cell("法律服务机构"), Cell("其他")],
    ]  # fmt: skip


def _t4(values: dict[str, list[Value]]) -> Layout:
    labels = list(T4_COLUMNS.values())
    return [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [
            *(Cell(x, rowspan=2) for x in labels),
            Cell("未经复议直接起诉", colspan=5),
            Cell("复议后起诉", colspan=5),
        ],
        [*(Cell(x) for x in labels), *(Cell(x) for x in labels)],
        _vals([v for g in T4_GROUPS for v in values[g]]),
    ]


def _fill(template: str, given: dict[str, list[Value]] | dict[str, Value]) -> dict[str, Value]:
    """The full truth: t3/t4 rows given as 7 or 5 values, t2 cells one by one; the rest blank."""
    cells: dict[str, Value] = dict.fromkeys(cell_keys(template))
    for key, value in given.items():
        if isinstance(value, list):
            columns = COLS if key.startswith("t3.") else list(T4_COLUMNS)
            for col, v in zip(columns, value, strict=True):
                cells[f"{key}.{col}"] = v
        else:
            cells[key] = value
    return cells


# --- 1. A district government, 2021 format ------------------------------------------------
# 三（六）其他处理 printed as one row with no items; “2.其他法律行政止公开” misspelt; table 2
# condensed into one grid without its 第二十条 section rows, the column heading of the single
# figures printed beside the item instead of above it.

_D_T3: list[tuple[str, list[Value]]] = [
    ("new", [12, 2, 0, 0, 0, 0, 14]),
    ("carried_in", [1, 0, 0, 0, 0, 0, 1]),
    ("granted", [5, 1, 0, 0, 0, 0, 6]),
    ("partial", [2, 0, 0, 0, 0, 0, 2]),
    ("denied_secret", [0, 0, 0, 0, 0, 0, 0]),
    ("denied_law", [0, 0, 0, 0, 0, 0, 0]),
    ("denied_safety", [0, 0, 0, 0, 0, 0, 0]),
    ("denied_third_party", [1, 0, 0, 0, 0, 0, 1]),
    ("denied_internal", [0, 0, 0, 0, 0, 0, 0]),
    ("denied_process", [1, 0, 0, 0, 0, 0, 1]),
    ("denied_enforcement", [0, 0, 0, 0, 0, 0, 0]),
    ("denied_query", [0, 0, 0, 0, 0, 0, 0]),
    ("unable_no_info", [2, 1, 0, 0, 0, 0, 3]),
    ("unable_create", [0, 0, 0, 0, 0, 0, 0]),
    ("unable_unclear", [0, 0, 0, 0, 0, 0, 0]),
    ("rejected_petition", [1, 0, 0, 0, 0, 0, 1]),
    ("rejected_repeat", [0, 0, 0, 0, 0, 0, 0]),
    ("rejected_publication", [0, 0, 0, 0, 0, 0, 0]),
    ("rejected_mass", [0, 0, 0, 0, 0, 0, 0]),
    ("rejected_confirm", [0, 0, 0, 0, 0, 0, 0]),
    ("other", [1, 0, 0, 0, 0, 0, 1]),
    ("handled_total", [13, 2, 0, 0, 0, 0, 15]),
    ("carried_out", [0, 0, 0, 0, 0, 0, 0]),
]
_D_LABELS = {
    "denied": ("（三）不予公开", [
        ("denied_secret", "1.属于国家秘密"), ("denied_law", "2.其他法律行政止公开"),
        ("denied_safety", "3.危及“三安全一稳定”"), ("denied_third_party", "4.保护第三方合法权益"),
        ("denied_internal", "5.属于三类内部事务信息"), ("denied_process", "6.属于四类过程性信息"),
        ("denied_enforcement", "7.属于行政执法案卷"), ("denied_query", "8.属于行政查询事项")]),
    "unable": ("（四）无法提供", [
        ("unable_no_info", "1.本机关不掌握相关政府信息"), ("unable_create", "2.没有现成信息需要另行制作"),
        ("unable_unclear", "3.补正后申请内容仍不明确")]),
    "rejected": ("（五）不予处理", [
        ("rejected_petition", "1.信访举报投诉类申请"), ("rejected_repeat", "2.重复申请"),
        ("rejected_publication", "3.要求提供公开出版物"), ("rejected_mass", "4.无正当理由大量反复申请"),
        ("rejected_confirm", "5.要求行政机关确认或重新出具已获取信息")]),
}  # fmt: skip


def _district_t3() -> Layout:
    v = dict(_D_T3)
    groups_rows = sum(len(items) for _, items in _D_LABELS.values())
    rows = _t3_head()
    rows.append([Cell("一、本年新收政府信息公开申请数量", colspan=3), *_vals(v["new"])])
    rows.append([Cell("二、上年结转政府信息公开申请数量", colspan=3), *_vals(v["carried_in"])])
    rows.append([Cell("三、本年度办理结果", rowspan=2 + groups_rows + 2), Cell("（一）予以公开", colspan=2),
                 *_vals(v["granted"])])  # fmt: skip
    rows.append(
        [Cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2), *_vals(v["partial"])]
    )
    for title, items in _D_LABELS.values():
        for i, (key, label) in enumerate(items):
            lead = [Cell(title, rowspan=len(items))] if i == 0 else []
            rows.append([*lead, Cell(label), *_vals(v[key])])
    rows.append([Cell("（六）其他处理", colspan=2), *_vals(v["other"])])
    rows.append([Cell("（七）总计", colspan=2), *_vals(v["handled_total"])])
    rows.append([Cell("四、结转下年度继续办理", colspan=3), *_vals(v["carried_out"])])
    return rows


def _district_t2() -> Layout:
    return [
        [Cell("信息内容"), Cell("本年制发件数"), Cell("本年废止件数"), Cell("现行有效件数")],
        [Cell("规章"), Cell("/"), Cell("/"), Cell("/")],
        [Cell("行政规范性文件"), Cell("2"), Cell("0"), Cell("5")],
        [Cell("行政许可"), Cell("本年处理决定数量"), Cell("112", colspan=2)],
        [Cell("行政处罚"), Cell("本年处理决定数量"), Cell("5", colspan=2)],
        [Cell("行政强制"), Cell("本年处理决定数量"), Cell("0", colspan=2)],
        [Cell("行政事业性收费"), Cell("本年收费金额（单位：万元）"), Cell("0", colspan=2)],
    ]


DISTRICT_2021 = RealLayout(
    name="district-2021-other-one-row",
    source="a district government's 2021 report (PDF), as described in issue 12",
    template="2021",
    blocks=[
        "某市某区人民政府2021年政府信息公开工作年度报告",
        "本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。",
        "一、总体情况",
        "2021年，区政府共主动公开政府信息1862条。",
        "二、主动公开政府信息情况",
        _district_t2(),
        "三、收到和处理政府信息公开申请情况",
        _district_t3(),
        "四、政府信息公开行政复议、行政诉讼情况",
        _t4(
            {"review": [1, 0, 0, 0, 1], "suit_direct": [0, 0, 0, 1, 1], "suit_after_review": [0, 0, 0, 0, 0]}
        ),
        "五、存在的主要问题及改进情况",
        "信息公开的及时性有待提高。",
        "某市某区人民政府",
        "2022年1月20日",
    ],
    cells=_fill(
        "2021",
        {
            **{f"t3.{k}": vals for k, vals in _D_T3},
            "t3.other_overdue": [None] * 7,
            "t3.other_unpaid": [None] * 7,
            "t3.other_other": [None] * 7,
            "t2.normative.made": 2,
            "t2.normative.repealed": 0,
            "t2.normative.in_force": 5,
            "t2.licensing.decisions": 112,
            "t2.punishment.decisions": 5,
            "t2.coercion.decisions": 0,
            "t2.fees.amount": 0,
            "t4.review": [1, 0, 0, 0, 1],
            "t4.suit_direct": [0, 0, 0, 1, 1],
            "t4.suit_after_review": [0, 0, 0, 0, 0],
        },
    ),
    warning_codes=frozenset({"t3.label_read_as", "t3.other_without_items"}),
    checks={
        "t3.balance": "pass",
        "t3.rows_sum": "pass",
        "t3.cols_sum": "pass",
        "t3.other_sum": "unverifiable",  # the items were never printed
        "t4.sums": "pass",
    },
)

LAYOUTS = [DISTRICT_2021]


# --- 2. A county bureau, 2021 format: rows collapsed, missing, and a 其他处理 sum row -------
# Two label columns (no “三、本年度办理结果” column); 二、上年结转 left out; （四）无法提供
# printed as one row without its items; （六）其他处理 printed as a sum row above its three
# items; stray “?” before figures in table 2, as a site's encoding left them (“? 0”).

_B_T3: list[tuple[str, str, list[Value] | None]] = [
    ("new", "一、本年新收政府信息公开申请数量", [3, 1, 0, 0, 0, 0, 4]),
    ("granted", "（一）予以公开", [1, 0, 0, 0, 0, 0, 1]),
    ("partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [0, 0, 0, 0, 0, 0, 0]),
    *[
        (k, label, [1, 0, 0, 0, 0, 0, 1] if k == "denied_internal" else [0] * 7)
        for k, label in _D_LABELS["denied"][1]
    ],
    ("", "（四）无法提供", [1, 0, 0, 0, 0, 0, 1]),
    *[(k, label, [0] * 7) for k, label in _D_LABELS["rejected"][1]],
    ("other", "（六）其他处理", [0, 1, 0, 0, 0, 0, 1]),
    (
        "other_overdue",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        [0, 1, 0, 0, 0, 0, 1],
    ),
    ("other_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", [0] * 7),
    ("other_other", "3.其他", [0] * 7),
    ("handled_total", "（七）总计", [3, 1, 0, 0, 0, 0, 4]),
    ("carried_out", "四、结转下年度继续办理", [0] * 7),
]
_B_T3[3] = ("denied_secret", "（三）不予公开 1.属于国家秘密", [0] * 7)  # group and item in one cell


def _bureau_t3() -> Layout:
    rows: Layout = [
        [Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", rowspan=3),
         Cell("申请人情况", colspan=7)],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell("商业企业"), Cell("科研机构"), Cell("社会公益组织"), Cell("法律服务机构"), Cell("其他")],
    ]  # fmt: skip
    rows += [[Cell(label), *_vals(values or [])] for _, label, values in _B_T3]
    return rows


def _bureau_t2() -> Layout:
    def section(title: str) -> list[Cell]:
        return [Cell(title, colspan=4)]

    return [
        section("第二十条第（一）项"),
        [Cell("信息内容"), Cell("本年制发件数"), Cell("本年废止件数"), Cell("现行有效件数")],
        [Cell("规章"), Cell("0"), Cell("? 0"), Cell("0")],
        [Cell("行政规范性文件"), Cell("1"), Cell("? 0"), Cell("3")],
        section("第二十条第（五）项"),
        [Cell("信息内容"), Cell("本年处理决定数量", colspan=3)],
        [Cell("行政许可"), Cell("27", colspan=3)],
        section("第二十条第（六）项"),
        [Cell("信息内容"), Cell("本年处理决定数量", colspan=3)],
        [Cell("行政处罚"), Cell("9", colspan=3)],
        [Cell("行政强制"), Cell("0", colspan=3)],
        section("第二十条第（八）项"),
        [Cell("信息内容"), Cell("本年收费金额（单位：万元）", colspan=3)],
        [Cell("行政事业性收费"), Cell("0.35", colspan=3)],
    ]


BUREAU_2021 = RealLayout(
    name="bureau-2021-collapsed-rows",
    source=(
        "shapes of county-bureau pages: m.pjmajestic.com/xxgk/zfxxgknb/2021/202201/t20220113_2996311.shtml "
        "(“? 0” in table 2), 61.150.65.235/zfxxgk/zfxxgknb/bmxxgknb/1906985018193408001.html (rows printed "
        "without figures); group rows without items as issue 12 describes"
    ),
    template="2021",
    blocks=[
        "某县某局2021年政府信息公开工作年度报告",
        "一、总体情况",
        "2021年，我局主动公开政府信息86条。",
        "二、主动公开政府信息情况",
        _bureau_t2(),
        "三、收到和处理政府信息公开申请情况",
        _bureau_t3(),
        "四、政府信息公开行政复议、行政诉讼情况",
        _t4(
            {"review": [0, 0, 0, 0, 0], "suit_direct": [0, 0, 0, 0, 0], "suit_after_review": [0, 0, 0, 0, 0]}
        ),
        "五、存在的主要问题及改进情况",
        "某县某局",
        "2022年1月25日",
    ],
    cells=_fill(
        "2021",
        {
            **{f"t3.{k}": values for k, _, values in _B_T3 if k and values is not None},
            "t2.rules.made": 0,
            "t2.rules.repealed": 0,
            "t2.rules.in_force": 0,
            "t2.normative.made": 1,
            "t2.normative.repealed": 0,
            "t2.normative.in_force": 3,
            "t2.licensing.decisions": 27,
            "t2.punishment.decisions": 9,
            "t2.coercion.decisions": 0,
            "t2.fees.amount": 0.35,
            "t4.review": [0] * 5,
            "t4.suit_direct": [0] * 5,
            "t4.suit_after_review": [0] * 5,
        },
    ),
    warning_codes=frozenset({"t3.group_collapsed", "t3.rows_missing"}),
    checks={
        "t3.balance": "unverifiable",  # 上年结转 not printed
        "t3.rows_sum": "unverifiable",  # 无法提供's items not printed
        "t3.cols_sum": "pass",
        "t3.other_sum": "pass",
        "t4.sums": "pass",
    },
)

LAYOUTS.append(BUREAU_2021)


# --- 3. A town government, 2019 format: table 2 with explanations in its labels ---------------
# As www.tianmen.gov.cn printed its 2020 report: headings wrapped ("本年新\n制作数量"), the labels
# carry the form's explanations in brackets (one of them lists “规定”“办法”…), and an extra row
# 其他主动公开文件 that the national form does not have — its figures must not be taken for
# 规范性文件's, although its explanation names 规范性文件.


def _town_t2() -> Layout:
    def section(title: str) -> list[Cell]:
        return [Cell(title, colspan=4)]

    return [
        section("第二十条第（一）项"),
        [Cell("信息内容"), Cell("本年新\n制作数量"), Cell("本年新\n公开数量"), Cell("对外公开总数量")],
        [Cell("规章（设区的市、自治州人民政府应提供相关数据）"), Cell("0"), Cell("0"), Cell("0")],
        [Cell("规范性文件（行政机关制定发布的决定、公告、通告、意见、通知，以及标题采用“规定”“办法”“细则”"
              "“规范”“规程”“规则”等字样的公文，一般情况下属于规范性文件）"), Cell("34"), Cell("4"), Cell("47")],
        [Cell("其他主动公开文件（含以本单位或本单位办公室名义正式签发的、除规范性文件以外的主动公开文件）"),
         Cell("5"), Cell("5"), Cell("12")],
        section("第二十条第（五）项"),
        [Cell("信息内容"), Cell("上一年项目数量"), Cell("本年增/减"), Cell("处理决定数量")],
        [Cell("行政许可"), Cell("3"), Cell("0"), Cell("6")],
        [Cell("其他对外管理服务事项"), Cell("0"), Cell("0"), Cell("0")],
        section("第二十条第（六）项"),
        [Cell("信息内容"), Cell("上一年项目数量"), Cell("本年增/减"), Cell("处理决定数量")],
        [Cell("行政处罚"), Cell("1"), Cell("0"), Cell("2")],
        [Cell("行政强制"), Cell("0"), Cell("0"), Cell("0")],
        section("第二十条第（八）项"),
        [Cell("信息内容"), Cell("上一年项目数量"), Cell("本年增/减", colspan=2)],
        [Cell("行政事业性收费"), Cell("0"), Cell("0", colspan=2)],
        section("第二十条第（九）项"),
        [Cell("信息内容"), Cell("采购项目数量"), Cell("采购总金额", colspan=2)],
        [Cell("政府集中采购"), Cell("2"), Cell("12.5", colspan=2)],
    ]  # fmt: skip


_T_ROWS_2019: list[tuple[str, str, str | None]] = [
    ("denied_secret", "1.属于国家秘密", "（三）不予公开"),
    ("denied_law", "2.其他法律行政法规禁止公开", None),
    ("denied_safety", "3.危及“三安全一稳定”", None),
    ("denied_third_party", "4.保护第三方合法权益", None),
    ("denied_internal", "5.属于三类内部事务信息", None),
    ("denied_process", "6.属于四类过程性信息", None),
    ("denied_enforcement", "7.属于行政执法案卷", None),
    ("denied_query", "8.属于行政查询事项", None),
    ("unable_no_info", "1.本机关不掌握相关政府信息", "（四）无法提供"),
    ("unable_create", "2.没有现成信息需要另行制作", None),
    ("unable_unclear", "3.补正后申请内容仍不明确", None),
    ("rejected_petition", "1.信访举报投诉类申请", "（五）不予处理"),
    ("rejected_repeat", "2.重复申请", None),
    ("rejected_publication", "3.要求提供公开出版物", None),
    ("rejected_mass", "4.无正当理由大量反复申请", None),
    ("rejected_confirm", "5.要求行政机关确认或重新出具已获取信息", None),
]
_T_VALUES: dict[str, list[Value]] = {
    "new": [2, 0, 0, 0, 0, 0, 2],
    "carried_in": [0] * 7,
    "granted": [1, 0, 0, 0, 0, 0, 1],
    "partial": [0] * 7,
    **{key: [0] * 7 for key, _, _ in _T_ROWS_2019},
    "unable_no_info": [1, 0, 0, 0, 0, 0, 1],
    "other": [0] * 7,
    "handled_total": [2, 0, 0, 0, 0, 0, 2],
    "carried_out": [0] * 7,
}


def _town_t3() -> Layout:
    v = _T_VALUES
    spans = {"（三）不予公开": 8, "（四）无法提供": 3, "（五）不予处理": 5}
    rows = _t3_head()
    rows.append([Cell("一、本年新收政府信息公开申请数量", colspan=3), *_vals(v["new"])])
    rows.append([Cell("二、上年结转政府信息公开申请数量", colspan=3), *_vals(v["carried_in"])])
    rows.append(
        [
            Cell("三、本年度办理结果", rowspan=2 + 16 + 2),
            Cell("（一）予以公开", colspan=2),
            *_vals(v["granted"]),
        ]
    )
    rows.append(
        [Cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2), *_vals(v["partial"])]
    )
    for key, label, group in _T_ROWS_2019:
        lead = [Cell(group, rowspan=spans[group])] if group else []
        rows.append([*lead, Cell(label), *_vals(v[key])])
    rows.append([Cell("（六）其他处理", colspan=2), *_vals(v["other"])])
    rows.append([Cell("（七）总计", colspan=2), *_vals(v["handled_total"])])
    rows.append([Cell("四、结转下年度继续办理", colspan=3), *_vals(v["carried_out"])])
    return rows


TOWN_2019 = RealLayout(
    name="town-2020-t2-explained-labels",
    source="www.tianmen.gov.cn/zwgk/bmhxzxxgkml/xzbcy/tsz/zfxxgk/xxgknb/202101/t20210126_3310750.shtml (表二)",
    template="2019",
    blocks=[
        "拖市镇2020年政府信息公开工作年度报告",
        "一、总体情况",
        "2020年，全镇累计主动公开政府信息114条。",
        "二、主动公开政府信息情况",
        _town_t2(),
        "三、收到和处理政府信息公开申请情况",
        _town_t3(),
        "四、政府信息公开行政复议、行政诉讼情况",
        _t4({"review": [0] * 5, "suit_direct": [0] * 5, "suit_after_review": [0] * 5}),
        "五、存在的主要问题及改进情况",
        "拖市镇人民政府",
        "2021年1月26日",
    ],
    cells=_fill(
        "2019",
        {
            **{f"t3.{k}": vals for k, vals in _T_VALUES.items()},
            "t2.rules.new_made": 0,
            "t2.rules.new_published": 0,
            "t2.rules.total_published": 0,
            "t2.normative.new_made": 34,
            "t2.normative.new_published": 4,
            "t2.normative.total_published": 47,
            "t2.licensing.prev_items": 3,
            "t2.licensing.change": 0,
            "t2.licensing.decisions": 6,
            "t2.other_services.prev_items": 0,
            "t2.other_services.change": 0,
            "t2.other_services.decisions": 0,
            "t2.punishment.prev_items": 1,
            "t2.punishment.change": 0,
            "t2.punishment.decisions": 2,
            "t2.coercion.prev_items": 0,
            "t2.coercion.change": 0,
            "t2.coercion.decisions": 0,
            "t2.fees.prev_items": 0,
            "t2.fees.change": 0,
            "t2.procurement.items": 2,
            "t2.procurement.amount": 12.5,
            "t4.review": [0] * 5,
            "t4.suit_direct": [0] * 5,
            "t4.suit_after_review": [0] * 5,
        },
    ),
    checks={"t3.balance": "pass", "t3.rows_sum": "pass", "t3.cols_sum": "pass", "t4.sums": "pass"},
)

LAYOUTS.append(TOWN_2019)
