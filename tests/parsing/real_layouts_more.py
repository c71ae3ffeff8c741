"""More table layouts of real reports (see real_layouts.py), each rebuilt from a page of the site
that published it, with the truth of every cell as that page gives it (blank stays blank).

The pages were read as stored text, which ends part-way through some reports: where a table runs
past the stored text, its remaining rows follow the page's own pattern, and the comment says so.
The shapes — label wording, wrapped or split headings, blank cells, spaces around figures — are
the page's.
"""

from __future__ import annotations

from real_layouts import RealLayout, Value  # type: ignore[import-not-found]  # puts tests/samples on sys.path

from fixture_layout import Cell, Layout, table2, table3  # type: ignore[import-not-found]  # isort: skip

from parsing.schema import T3_COLUMNS, T4_COLUMNS, cell_keys

_ROWS_2021 = ("other_overdue", "other_unpaid", "other_other")
_PASS4 = {"t3.balance": "pass", "t3.rows_sum": "pass", "t3.cols_sum": "pass", "t4.sums": "pass"}


def _truth(template: str, fill: Value, given: dict[str, list[Value] | Value]) -> dict[str, Value]:
    """Every cell `fill` (0 or blank) unless given (t3/t4 rows as 7 or 5 values, t2 cells one by
    one); a 2021 table's 其他处理 is the sum of its three items."""
    cells: dict[str, Value] = dict.fromkeys(cell_keys(template), fill)
    for key, value in given.items():
        if isinstance(value, list):
            columns = T3_COLUMNS if key.startswith("t3.") else T4_COLUMNS
            for col, v in zip(columns, value, strict=True):
                cells[f"{key}.{col}"] = v
        else:
            cells[key] = value
    if template == "2021":
        for col in T3_COLUMNS:
            items = [cells[f"t3.{r}.{col}"] for r in _ROWS_2021]
            cells[f"t3.other.{col}"] = None if None in items else sum(v or 0 for v in items)
    return cells


def _retext(layout: Layout, texts: dict[str, str]) -> Layout:
    """The same grid with some cells' wording as the page printed it."""
    return [[Cell(texts.get(c.text, c.text), c.colspan, c.rowspan) for c in row] for row in layout]


def _t4(cells: dict[str, Value], labels: tuple[str, ...] = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"),
        suit_labels: tuple[str, ...] | None = None) -> Layout:  # fmt: skip
    suit = suit_labels or labels
    values = [Cell("" if cells[f"t4.{g}.{c}"] is None else str(cells[f"t4.{g}.{c}"]))
              for g in ("review", "suit_direct", "suit_after_review") for c in T4_COLUMNS]  # fmt: skip
    return [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [
            *(Cell(x, rowspan=2) for x in labels),
            Cell("未经复议直接起诉", colspan=5),
            Cell("复议后起诉", colspan=5),
        ],
        [*(Cell(x) for x in suit), *(Cell(x) for x in suit)],
        values,
    ]


def _blocks(title: str, tables: tuple[Layout, Layout, Layout], prose: str, signature: str) -> list:
    t2, t3, t4 = tables
    return [
        title,
        "一、总体情况",
        prose,
        "二、主动公开政府信息情况",
        t2,
        "三、收到和处理政府信息公开申请情况",
        t3,
        "四、政府信息公开行政复议、行政诉讼情况",
        t4,
        "五、存在的主要问题及改进情况",
        "信息公开工作有待加强。",
        signature,
    ]


def _t3_split_head(cells: dict[str, Value], template: str) -> Layout:
    """Table 3 whose wrapped headings (商业/企业, 科研/机构) became a heading row of their own."""
    rows = table3(template, cells)
    head = [
        [
            Cell(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=4
            ),
            Cell("申请人情况", colspan=7),
        ],
        [Cell("自然人", rowspan=3), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=3)],
        [
            Cell("商业"),
            Cell("科研"),
            Cell("社会公益组织", rowspan=2),
            Cell("法律服务机构", rowspan=2),
            Cell("其他", rowspan=2),
        ],
        [Cell("企业"), Cell("机构")],
    ]
    return head + rows[3:]


def _padded(layout: Layout) -> Layout:
    """Figures typed with stray spaces around them, as the page has them ("  0", " 0", "0 ")."""
    pads = ("  {}", " {}", "{} ")
    out, n = [], 0
    for row in layout:
        cells = []
        for c in row:
            if c.text.isdigit():
                cells.append(Cell(pads[n % 3].format(c.text), c.colspan, c.rowspan))
                n += 1
            else:
                cells.append(c)
        out.append(cells)
    return out


# --- 1. A town, 2020 report (2019 format): table 2's headings cut to “本年新” -------------------
# Both 本年新制作数量 and 本年新公开数量 printed as “本年新”; every figure 0 as the page gives the
# tables up to 三（一）; the rows past the stored text are 0 too (no application new or carried).

_W = _truth("2019", 0, {})
WEISHAN_TOWN_2020 = RealLayout(
    name="town-2020-t2-headings-cut",
    source="http://www.weishan.gov.cn/module/xxgk/xxgkAnnualReport.jsp?area=113708260043292687&fbtime=2020",
    template="2019",
    blocks=_blocks(
        "两城镇人民政府2020年政府信息公开工作年度报告",
        (
            _retext(table2("2019", _W), {"本年新制作数量": "本年新", "本年新公开数量": "本年新"}),
            table3("2019", _W),
            _t4(_W),
        ),
        "本报告中所列数据的统计期限为2020年1月1日至2020年12月31日。",
        "微山县两城镇人民政府",
    ),
    cells=_W,
    warning_codes=frozenset({"t2.heading_read_as"}),
    checks=_PASS4,
)

# --- 4. A district's department, 2024: real figures, headings with a space inside ---------------
# “商业 企业”, “科研 机构”. The figures are the page's up to 三（三）6; the rest (past the stored
# text) are completed by hand so that every sum holds.

_L = _truth("2021", 0, {
    "t2.normative.made": 5, "t2.normative.repealed": 1, "t2.normative.in_force": 25,
    "t3.new": [58, 7, 0, 0, 1, 0, 66],
    "t3.carried_in": [2, 0, 0, 0, 0, 0, 2],
    "t3.granted": [2, 1, 0, 0, 0, 0, 3],
    "t3.partial": [16, 1, 0, 0, 0, 0, 17],
    "t3.denied_internal": [1, 0, 0, 0, 0, 0, 1],
    "t3.unable_no_info": [30, 4, 0, 0, 1, 0, 35],
    "t3.rejected_petition": [3, 0, 0, 0, 0, 0, 3],
    "t3.rejected_repeat": [2, 0, 0, 0, 0, 0, 2],
    "t3.other_overdue": [4, 1, 0, 0, 0, 0, 5],
    "t3.other_other": [2, 0, 0, 0, 0, 0, 2],
    "t3.handled_total": [60, 7, 0, 0, 1, 0, 68],
    "t4.review": [1, 0, 0, 0, 1],
})  # fmt: skip
LONGGANG_DEPARTMENT_2024 = RealLayout(
    name="department-2024-spaced-headings",
    source="https://www.lg.gov.cn/xxgk/xxgknb/qzfgzbm/content/post_11956962.html",
    template="2021",
    blocks=_blocks(
        "深圳市龙岗区某局2024年政府信息公开工作年度报告",
        (
            table2("2021", _L),
            _retext(table3("2021", _L), {"商业企业": "商业 企业", "科研机构": "科研 机构"}),
            _t4(_L),
        ),
        "本报告所列数据的统计期限为2024年1月1日至2024年12月31日。",
        "深圳市龙岗区某局",
    ),
    cells=_L,
    checks={**_PASS4, "t3.other_sum": "pass"},
)

# --- 5. A district audit bureau, 2020 (a PDF flip-book): table 4's headings printed vertically ---
# One character a line (“结\n果\n维\n持”), 行政复议's 总计 across; the page holds only the end of
# table 3 (结转 0) and table 4 (all 0); tables 2 and 3 before it follow the national form with 0.

_V4 = tuple("\n".join(x) for x in ("结果维持", "结果纠正", "其他结果", "尚未审结"))
_S = _truth("2019", 0, {})
AUDIT_BUREAU_2020 = RealLayout(
    name="bureau-2020-t4-vertical-headings",
    source="http://180.76.149.248:88/book/dzs/shenji/files/basic-html/page9.html",
    template="2019",
    blocks=_blocks(
        "某区审计局2020年政府信息公开工作年度报告",
        (table2("2019", _S), table3("2019", _S), _t4(_S, (*_V4, "总计"), (*_V4, "总\n计"))),
        "2020年，我局主动公开政府信息36条。",
        "某区审计局",
    ),
    cells=_S,
    checks=_PASS4,
)

# --- 8. A town, 2020: wrapped headings and figures typed with spaces -----------------------------
# “本年新\n制作数量”; figures printed “  0”, “ 0”, “0 ”. All 0 as the page gives them to 三（三）1;
# the rest 0 (nothing new, nothing carried).

_Q = _truth("2019", 0, {})
QIANAN_TOWN_2020 = RealLayout(
    name="town-2020-padded-figures",
    source="http://www.qianan.gov.cn/single/29/71869.html",
    template="2019",
    blocks=_blocks(
        "大五里镇2020年政府信息公开工作年度报告",
        (
            _padded(
                _retext(
                    table2("2019", _Q),
                    {"本年新制作数量": "本年新\n制作数量", "本年新公开数量": "本年新\n公开数量"},
                )
            ),
            _padded(table3("2019", _Q)),
            _padded(_t4(_Q)),
        ),
        "我镇通过不同渠道和方式主动公开政务信息共217条。",
        "大五里镇人民政府",
    ),
    cells=_Q,
    checks=_PASS4,
)

# --- 9. A sub-district office (街道), 2022 ---------------------------------------------------------
# The national form as a 街道 fills it: 行政规范性文件 4/0/4, no application, tables 0 past the
# stored text.

_R = _truth("2021", 0, {"t2.normative.made": 4, "t2.normative.in_force": 4})
ERLANG_STREET_2022 = RealLayout(
    name="street-2022",
    source="http://cqjlp.gov.cn/bmjz/qzfjz_97456/eljd_97738/zwgk_97461/zfxxgknb_97478/202301/t20230130_11545442.html",
    template="2021",
    blocks=_blocks(
        "重庆市九龙坡区二郎街道办事处2022年政府信息公开工作年度报告",
        (table2("2021", _R), table3("2021", _R), _t4(_R)),
        "全年新收政府信息公开申请数量0件，上年结转政府信息公开申请数量0件。",
        "重庆市九龙坡区二郎街道办事处",
    ),
    cells=_R,
    checks={**_PASS4, "t3.other_sum": "pass"},
)

# --- 6. A town, 2023 report on the old (2019) form: cut headings, items left blank ---------------
# The office kept the 2019 form for its 2023 report: 规章 1/1/1 and 规范性文件 22/22/22 under
# headings cut to “本年新”, the rows of 第（五）（六）（八）项 printed without figures, 政府集中采购
# 0/0. Tables 3 and 4 (past the stored text) follow the same form, with 0.

_H = _truth(
    "2019",
    0,
    {
        **{f"t2.rules.{c}": 1 for c in ("new_made", "new_published", "total_published")},
        **{f"t2.normative.{c}": 22 for c in ("new_made", "new_published", "total_published")},
        **{
            f"t2.{item}.{c}": None
            for item in ("licensing", "other_services", "punishment", "coercion")
            for c in ("prev_items", "change", "decisions")
        },
        "t2.fees.prev_items": None,
        "t2.fees.change": None,
    },
)
HENGDONG_TOWN_2023 = RealLayout(
    name="town-2023-on-the-2019-form",
    source="http://www.hengdong.gov.cn/zwgk/xxgkndbg/xzxxgkndbg/20240326/i3300070.html",
    template="2019",
    blocks=_blocks(
        "衡阳市衡东县杨林镇2023年政府信息公开年度报告",
        (
            _retext(table2("2019", _H), {"本年新制作数量": "本年新", "本年新公开数量": "本年新"}),
            table3("2019", _H),
            _t4(_H),
        ),
        "本年度报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。",
        "衡东县杨林镇人民政府",
    ),
    cells=_H,
    warning_codes=frozenset({"t2.heading_read_as"}),
    checks=_PASS4,
)

# --- 7. A district petition bureau, 2022 (a PDF flip-book): table 4 under another title ----------
# “四、因政府信息公开工作被申请行政复议提起行政诉讼情况”, its headings wrapped two characters a
# line (“结果\n维持”, “总\n计”), every figure 0. The page holds only table 4; tables 2 and 3
# before it follow the national form with 0.

_V2 = tuple(f"{x[:2]}\n{x[2:]}" for x in ("结果维持", "结果纠正", "其他结果", "尚未审结"))
_F = _truth("2021", 0, {})
WENDENG_PETITION_2022 = RealLayout(
    name="bureau-2022-t4-retitled-two-char-lines",
    source="http://180.76.149.248:88/book/2022dzs/xinfang/files/basic-html/page8.html",
    template="2021",
    blocks=[
        b.replace(
            "四、政府信息公开行政复议、行政诉讼情况", "四、因政府信息公开工作被申请行政复议提起行政诉讼情况"
        )
        if isinstance(b, str)
        else b
        for b in _blocks(
            "威海市文登区信访局2022年政府信息公开工作年度报告",
            (table2("2021", _F), table3("2021", _F), _t4(_F, (*_V2, "总\n计"))),
            "总结我局本年度政府信息公开工作，公开信息数量明显增加，公开形式更加规范。",
            "威海市文登区信访局",
        )
    ],
    cells=_F,
    checks={**_PASS4, "t3.other_sum": "pass"},
)


# --- 8. A district government's office, 2022: trailing empty columns, a heading with a note -------
# “现行有效件数 (历史累计)”; 规章's 现行有效件数 blank; 行政规范性文件 5/12/8 as printed (more
# repealed than made); “商业 企业”; every row of table 3 runs on into empty cells (sixteen columns).
# Table 3's figures are the page's, its prose states every one of them (all natural persons);
# table 4 (past the stored text) 0.

_A = _truth(
    "2021",
    0,
    {
        "t2.rules.in_force": None,
        "t2.normative.made": 5,
        "t2.normative.repealed": 12,
        "t2.normative.in_force": 8,
        "t3.new": [8, 0, 0, 0, 0, 0, 8],
        "t3.granted": [2, 0, 0, 0, 0, 0, 2],
        "t3.partial": [2, 0, 0, 0, 0, 0, 2],
        "t3.denied_process": [1, 0, 0, 0, 0, 0, 1],
        "t3.unable_no_info": [2, 0, 0, 0, 0, 0, 2],
        "t3.other_other": [1, 0, 0, 0, 0, 0, 1],
        "t3.handled_total": [8, 0, 0, 0, 0, 0, 8],
    },
)


def _run_on(layout: Layout, extra: int) -> Layout:
    """Every row continued by `extra` empty cells (the heading rows' spans keep them aligned)."""
    return [
        row + [Cell("") for _ in range(extra)] if i != 1 and i != 2 else row for i, row in enumerate(layout)
    ]


HANYANG_OFFICE_2022 = RealLayout(
    name="office-2022-run-on-columns",
    source="https://www.hanyang.gov.cn/bmxxgk/zfgzjg/qrmzfbgs/zfxxgkndbg/202301/t20230119_2136694.shtml",
    template="2021",
    blocks=_blocks(
        "武汉市汉阳区人民政府办公室2022年政府信息公开工作年度报告",
        (
            _retext(table2("2021", _A), {"现行有效件数": "现行有效件数 (历史累计)"}),
            _run_on(_retext(table3("2021", _A), {"商业企业": "商业 企业", "科研机构": "科研 机构"}), 6),
            _t4(_A),
        ),
        "2022年，区政府办公室共收到8份政府信息公开申请，均为自然人申请。",
        "武汉市汉阳区人民政府办公室",
    ),
    cells=_A,
    checks={**_PASS4, "t3.other_sum": "pass"},
)


LAYOUTS = [
    WEISHAN_TOWN_2020,
    LONGGANG_DEPARTMENT_2024,
    AUDIT_BUREAU_2020,
    QIANAN_TOWN_2020,
    ERLANG_STREET_2022,
    HENGDONG_TOWN_2023,
    WENDENG_PETITION_2022,
    HANYANG_OFFICE_2022,
]
