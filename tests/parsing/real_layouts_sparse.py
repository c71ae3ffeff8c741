"""Real layouts whose tables are sparse: figures only where the office had some, rows or whole
tables printed blank, labels misspelt (see real_layouts_more.py for how they were rebuilt).

Blank stays blank; a rule whose cells are blank is unverifiable, never passed — but a column
blank from top to bottom printed nothing to check, and the rule holds on the columns printed.
"""

from __future__ import annotations

from real_layouts import RealLayout, Value  # type: ignore[import-not-found]  # puts tests/samples on sys.path
from real_layouts_more import _blocks, _retext, _t3_split_head, _t4, _truth  # type: ignore[import-not-found]

from fixture_layout import Cell, Layout, table2, table3  # type: ignore[import-not-found]  # isort: skip

# --- 2. A district bureau, 2019 report: only 自然人 and 总计 filled in ----------------------------
# Headings wrapped with a space (“本年新 制作数量”); in table 3 the clerk typed figures only where
# there were applications (自然人 and 总计) and a 0 in 总计 for the empty rows; the other columns
# are blank. Rows past the stored text (after 三（三）) follow that pattern.

_N_T3: dict[str, list[Value] | Value] = {
    f"t3.{row}": [None] * 6 + [0]
    for row in (
        "partial",
        "denied_secret",
        "denied_law",
        "denied_safety",
        "denied_third_party",
        "denied_internal",
        "denied_process",
        "denied_enforcement",
        "denied_query",
        "unable_no_info",
        "unable_create",
        "unable_unclear",
        "rejected_petition",
        "rejected_repeat",
        "rejected_publication",
        "rejected_mass",
        "rejected_confirm",
        "other",
    )
}
_N = _truth("2019", 0, {
    **_N_T3,
    "t3.new": [3, None, None, None, None, None, 3],
    "t3.carried_in": [0, None, None, None, None, None, 0],
    "t3.granted": [3, None, None, None, None, None, 3],
    "t3.handled_total": [3, None, None, None, None, None, 3],
    "t3.carried_out": [0, None, None, None, None, None, 0],
})  # fmt: skip
NANHU_BUREAU_2019 = RealLayout(
    name="bureau-2019-person-and-total-only",
    source="https://yynanhu.yueyang.gov.cn/29509/29510/55038/55040/55223/55306/content_1649246.html",
    template="2019",
    blocks=_blocks(
        "南湖新区某局2019年政府信息公开工作年度报告",
        (
            _retext(
                table2("2019", _N), {"本年新制作数量": "本年新 制作数量", "本年新公开数量": "本年新 公开数量"}
            ),
            table3("2019", _N),
            _t4(_N),
        ),
        "全年我局主动公开信息25条。",
        "某局",
    ),
    cells=_N,
    # a column blank from top to bottom printed nothing to check; 自然人 and 总计 balance
    checks={
        "t3.balance": "pass",
        "t3.rows_sum": "unverifiable",
        "t3.cols_sum": "unverifiable",
        "t4.sums": "pass",
    },
)


# --- 3. A county bureau, 2021 format: headings split over two rows, only 总计 filled -------------
# 商业/企业 and 科研/机构 printed as two heading rows; 一、本年新收 gives 0 for 自然人 and 总计, every
# other row only its 总计 (0). The year is not in the stored text (2023 assumed); the rows past it
# follow the same pattern.

_X = _truth("2021", 0, {
    **{f"t3.{row}": [None] * 6 + [0] for row in
       ("carried_in", "granted", "partial", "denied_secret", "denied_law", "denied_safety",
        "denied_third_party", "denied_internal", "denied_process", "denied_enforcement", "denied_query",
        "unable_no_info", "unable_create", "unable_unclear", "rejected_petition", "rejected_repeat",
        "rejected_publication", "rejected_mass", "rejected_confirm", "other_overdue", "other_unpaid",
        "other_other", "handled_total", "carried_out")},
    "t3.new": [0, None, None, None, None, None, 0],
    "t2.normative.made": 3, "t2.normative.in_force": 101,
})  # fmt: skip
XUWEN_BUREAU_2023 = RealLayout(
    name="bureau-2021-format-split-headings-totals-only",
    source="http://www.xuwen.gov.cn/zfxxgk/zjsxwxsfj/content/post_1865610.html",
    template="2021",
    blocks=_blocks(
        "徐闻县某局2023年政府信息公开工作年度报告",
        (table2("2021", _X), _t3_split_head(_X, "2021"), _t4(_X)),
        "我局积极落实政府信息公开工作要求，不断拓展政府信息公开的深度和广度。",
        "徐闻县某局",
    ),
    cells=_X,
    # 总计 sums down its column; 结转 left blank for 自然人 beside its 0 cannot be balanced
    checks={
        "t3.balance": "unverifiable",
        "t3.rows_sum": "pass",
        "t3.cols_sum": "unverifiable",
        "t4.sums": "pass",
    },
)


# --- 6. A township, 2019: the tables printed without figures ------------------------------------
# Only 规章's first cell carries a 0; every other cell of the three tables is blank. Nothing can be
# checked, so no rule may pass.

_E = _truth("2019", None, {"t2.rules.new_made": 0})
XIONGXIAN_TOWNSHIP_2019 = RealLayout(
    name="township-2019-tables-left-blank",
    source="http://www.xiongxian.gov.cn/zwgkcontent-888888040-56270.html",
    template="2019",
    blocks=_blocks(
        "某乡2019年政府信息公开工作年度报告",
        (table2("2019", _E), table3("2019", _E), _t4(_E)),
        "2019年，我乡明确专人负责政务内网及政务公开工作，较好地完成了政务信息公开工作。",
        "某乡人民政府",
    ),
    cells=_E,
    warning_codes=frozenset({"t4.no_values"}),
    checks={
        "t3.balance": "unverifiable",
        "t3.rows_sum": "unverifiable",
        "t3.cols_sum": "unverifiable",
        "t4.sums": "unverifiable",
    },
)


# --- 7. A district office, 2022: 自然人 and 总计 only, labels misspelt ---------------------------
# “只计这一情况”, “5.属于三类内容事务信息”; 予以公开 18 given for 自然人 with 总计 left blank;
# every row without applications blank. Past the stored text (after 三（三）8): 无法提供/1 38 for
# 自然人, 总计 56 and 结转 0 in 自然人 and 总计, the rest blank.

_C = _truth("2021", None, {
    **{f"t2.{k}": 0 for k in ("rules.made", "rules.repealed", "rules.in_force", "normative.made",
                               "normative.repealed", "normative.in_force", "licensing.decisions",
                               "punishment.decisions", "coercion.decisions", "fees.amount")},
    "t3.new": [56, None, None, None, None, None, 56],
    "t3.carried_in": [0, None, None, None, None, None, 0],
    "t3.granted": [18, None, None, None, None, None, None],
    "t3.unable_no_info": [38, None, None, None, None, None, None],
    "t3.handled_total": [56, None, None, None, None, None, 56],
    "t3.carried_out": [0, None, None, None, None, None, 0],
    "t4.review": [0] * 5, "t4.suit_direct": [0] * 5, "t4.suit_after_review": [0] * 5,
})  # fmt: skip
ERDAO_OFFICE_2022 = RealLayout(
    name="office-2022-misspelt-labels-sparse",
    source="http://zwgk.changchun.gov.cn/ed/qzfzcbm/edqfwzsyglbgs/zfxxgknb/202301/t20230117_3105437.html",
    template="2021",
    blocks=_blocks(
        "关于2022年度政府信息公开情况的报告",
        (
            _retext(
                table2("2021", _C),
                {"第二十条第（一）项": "第二十条 第（一）项", "第二十条第（五）项": "第二十条 第（五）项"},
            ),
            _retext(
                table3("2021", _C),
                {
                    "（二）部分公开（区分处理的，只计这一情形，不计其他情形）": "（二）部分公开（区分处理的，只计这一情况，不计其他情形）",
                    "5.属于三类内部事务信息": "5.属于三类内容事务信息",
                },
            ),
            _t4(_C),
        ),
        "2022年，二道区房屋征收工作管理办公室认真贯彻落实《条例》，扎实推进政府信息公开工作。",
        "长春市二道区房屋征收工作管理办公室",
    ),
    cells=_C,
    warning_codes=frozenset({"t3.label_read_as"}),
    checks={
        "t3.balance": "pass",
        "t3.rows_sum": "unverifiable",
        "t3.cols_sum": "unverifiable",
        "t4.sums": "pass",
    },
)

# --- A town, 2021 format: misspelt item, 总计 heading moved, and a total that does not add up ----
# “行政事业型收费”, “规范性文件” for 行政规范性文件, “（本列）数据的勾稽关系为”; the 总计 heading sits
# in the lower heading row after 其他, a blank cell above it. The page's 一、本年新收 and 三（一）
# give 1 under 法律服务机构 and 0 under 总计: the office's own error, which the checks must report
# (t3.cols_sum fails). Past the stored text the rows follow that pattern (总计 0).

_ONE_LEGAL: list[Value] = [0, 0, 0, 0, 1, 0, 0]
_J = _truth(
    "2021",
    0,
    {
        "t2.normative.made": 2,
        "t2.normative.in_force": 2,
        "t2.licensing.decisions": 213,
        "t2.punishment.decisions": 5,
        "t2.coercion.decisions": 2,
        "t3.new": _ONE_LEGAL,
        "t3.granted": _ONE_LEGAL,
        "t3.handled_total": _ONE_LEGAL,
    },
)


def _suijiang_t3() -> Layout:
    rows = table3("2021", _J)
    head = [
        [Cell("（本列）数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3),
         Cell("申请人情况", colspan=7)],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("")],
        [Cell("商业企业"), Cell("科研机构"), Cell("社会公益组织"), Cell("法律服务机构"), Cell("其他"), Cell("总计")],
    ]  # fmt: skip
    return head + rows[3:]


SUIJIANG_TOWN_2021 = RealLayout(
    name="town-2021-misspelt-fees-total-heading-moved",
    source=(
        "http://suijiang.gov.cn/subsiteIndex/toPage?subsiteFlag=suijiangpc&subsiteId=1&newsClassId=693"
        "&pageType=view&objectId=27650"
    ),
    template="2021",
    blocks=_blocks(
        "会仪镇人民政府2021年信息公开年度报告",
        (
            _retext(table2("2021", _J), {"行政规范性文件": "规范性文件", "行政事业性收费": "行政事业型收费"}),
            _suijiang_t3(),
            _t4(_J),
        ),
        "本报告中所列数据统计期限为2021年1月1日起至2021年12月31日止。",
        "会仪镇人民政府",
    ),
    cells=_J,
    warning_codes=frozenset({"t2.label_read_as"}),
    checks={
        "t3.balance": "pass",
        "t3.rows_sum": "pass",
        "t3.cols_sum": "fail",
        "t3.other_sum": "pass",
        "t4.sums": "pass",
    },
)


# --- A town's 2022 report on the old (2019) form, printed without figures -------------------------
# 螅镇 kept the 2019 form (本年新制作数量…, 其他处理 as one row) for its 2022 report and filled
# in no figure: the tables are the 2019 form's, every cell blank, nothing checkable.

_K = _truth("2019", None, {})
JIAXIAN_TOWN_2022 = RealLayout(
    name="town-2022-on-the-2019-form-blank",
    source="http://www.sxjiaxian.gov.cn/zwgk/zfxxgkzl/xtjdbnb/ct/49959.htm",
    template="2019",
    blocks=_blocks(
        "2022年度螅镇政府信息公开工作年度报告",
        (table2("2019", _K), table3("2019", _K), _t4(_K)),
        "2022年以来，螅镇主动公开政务文件11份，开展政策解读活动15次。",
        "螅镇人民政府",
    ),
    cells=_K,
    warning_codes=frozenset({"t4.no_values"}),
    checks={
        "t3.balance": "unverifiable",
        "t3.rows_sum": "unverifiable",
        "t3.cols_sum": "unverifiable",
        "t4.sums": "unverifiable",
    },
)


# --- A district approval bureau, 2021: “/” in every cell it had nothing for -------------------------
# 行政许可 11839; every other cell of tables 2 and 3 printed “/” (table 4, past the stored text,
# too); “商业\n企业”, “科研\n机构” wrapped. A “/” is blank: nothing to check.


def _slashed(layout: Layout) -> Layout:
    return [[Cell(c.text or "/", c.colspan, c.rowspan) for c in row] for row in layout]


_G = _truth("2021", None, {"t2.licensing.decisions": 11839})
GAOLING_BUREAU_2021 = RealLayout(
    name="bureau-2021-slashes",
    source="http://www.gaoling.gov.cn/zwgk/zfxxgknb/jbbmnb/61e26d0ef8fd1c0bdc7a23eb.html",
    template="2021",
    blocks=_blocks(
        "西安市高陵区行政审批服务局2021年政府信息公开工作年度报告",
        (
            _slashed(table2("2021", _G)),
            _slashed(_retext(table3("2021", _G), {"商业企业": "商业\n企业", "科研机构": "科研\n机构"})),
            _slashed(_t4(_G)),
        ),
        "2021年全年，区行政审批服务局累计公开政府信息217条。",
        "西安市高陵区行政审批服务局",
    ),
    cells=_G,
    warning_codes=frozenset({"t4.no_values"}),
    checks={
        "t3.balance": "unverifiable",
        "t3.rows_sum": "unverifiable",
        "t3.cols_sum": "unverifiable",
        "t3.other_sum": "unverifiable",
        "t4.sums": "unverifiable",
    },
)

# --- A sub-district office (街道), 2021: a fee in 万元 to the thousandth, an empty row after table 2 --
# 规范性文件 0/0/0, 行政许可 2910, 行政处罚 46, 行政强制 0, 行政事业性收费 0.092 (万元); table 2 ends
# in a row of empty cells. Tables 3 and 4 (past the stored text) 0.

_Z = _truth(
    "2021",
    0,
    {"t2.licensing.decisions": 2910, "t2.punishment.decisions": 46, "t2.fees.amount": 0.092},
)
ZHONGSHAN_STREET_2021 = RealLayout(
    name="street-2021-fee-thousandths",
    source=(
        "http://www.sjzqx.gov.cn/columns/841725bf-e99b-41f7-826a-121bc6b18a93/202202/09/"
        "c9aa51fa-a7ef-4c85-9d43-8874fc10b890.html"
    ),
    template="2021",
    blocks=_blocks(
        "石家庄市桥西区中山街道办事处2021年政府信息公开工作年度报告",
        (
            [*_retext(table2("2021", _Z), {"行政规范性文件": "规范性文件"}), [Cell("") for _ in range(4)]],
            table3("2021", _Z),
            _t4(_Z),
        ),
        "中山街道累计对外公示2021年政务135条，处理行政决定数量2910个。",
        "石家庄市桥西区中山街道办事处",
    ),
    cells=_Z,
    checks={
        "t3.balance": "pass",
        "t3.rows_sum": "pass",
        "t3.cols_sum": "pass",
        "t3.other_sum": "pass",
        "t4.sums": "pass",
    },
)


LAYOUTS = [
    NANHU_BUREAU_2019,
    XUWEN_BUREAU_2023,
    XIONGXIAN_TOWNSHIP_2019,
    ERDAO_OFFICE_2022,
    SUIJIANG_TOWN_2021,
    JIAXIAN_TOWN_2022,
    GAOLING_BUREAU_2021,
    ZHONGSHAN_STREET_2021,
]
