"""The printed layout of the report tables, and renderers to DOCX and HTML.

One model (HTML-like: each row lists the cells that start in it, with col/row spans)
drives every format, so the DOCX gets real merged cells, the HTML real rowspan/colspan,
and the expected logical grid of each table is known exactly.
Used by make_fixtures.py and by the round-trip property tests.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape

Value = int | float | None


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1


Layout = list[list[Cell]]
Block = str | Layout  # a paragraph or a table


def fmt(value: Value) -> str:
    """How a value is printed: blank stays blank, decimals keep every digit."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)
        return text if "e" not in text else f"{value:.10f}".rstrip("0")
    return str(value)


def _values(cells: Mapping[str, Value], keys: Sequence[str]) -> list[Cell]:
    return [Cell(fmt(cells.get(k))) for k in keys]


# -- table 2 ----------------------------------------------------------------------


def table2(template: str, cells: Mapping[str, Value]) -> Layout:
    def section(title: str) -> list[Cell]:
        return [Cell(title, colspan=4)]

    def header(*labels: str) -> list[Cell]:
        out = [Cell("信息内容")] + [Cell(label) for label in labels]
        if len(labels) < 3:  # the last heading spans the rest of the 4-column grid
            last = out.pop()
            out.append(Cell(last.text, colspan=4 - len(out)))
        return out

    def values(label: str, keys: Sequence[str]) -> list[Cell]:
        out = [Cell(label), *_values(cells, keys)]
        if len(keys) < 3:
            last = out.pop()
            out.append(Cell(last.text, colspan=4 - len(out)))
        return out

    if template == "2021":
        return [
            section("第二十条第（一）项"),
            header("本年制发件数", "本年废止件数", "现行有效件数"),
            values("规章", ["t2.rules.made", "t2.rules.repealed", "t2.rules.in_force"]),
            values("行政规范性文件", ["t2.normative.made", "t2.normative.repealed", "t2.normative.in_force"]),
            section("第二十条第（五）项"),
            header("本年处理决定数量"),
            values("行政许可", ["t2.licensing.decisions"]),
            section("第二十条第（六）项"),
            header("本年处理决定数量"),
            values("行政处罚", ["t2.punishment.decisions"]),
            values("行政强制", ["t2.coercion.decisions"]),
            section("第二十条第（八）项"),
            header("本年收费金额（单位：万元）"),
            values("行政事业性收费", ["t2.fees.amount"]),
        ]
    per_item = ("上一年项目数量", "本年增/减", "处理决定数量")

    def item(label: str, name: str) -> list[Cell]:
        return values(label, [f"t2.{name}.prev_items", f"t2.{name}.change", f"t2.{name}.decisions"])

    return [
        section("第二十条第（一）项"),
        header("本年新制作数量", "本年新公开数量", "对外公开总数量"),
        values("规章", ["t2.rules.new_made", "t2.rules.new_published", "t2.rules.total_published"]),
        values(
            "规范性文件",
            ["t2.normative.new_made", "t2.normative.new_published", "t2.normative.total_published"],
        ),
        section("第二十条第（五）项"),
        header(*per_item),
        item("行政许可", "licensing"),
        item("其他对外管理服务事项", "other_services"),
        section("第二十条第（六）项"),
        header(*per_item),
        item("行政处罚", "punishment"),
        item("行政强制", "coercion"),
        section("第二十条第（八）项"),
        header("上一年项目数量", "本年增/减"),
        values("行政事业性收费", ["t2.fees.prev_items", "t2.fees.change"]),
        section("第二十条第（九）项"),
        header("采购项目数量", "采购总金额"),
        values("政府集中采购", ["t2.procurement.items", "t2.procurement.amount"]),
    ]


# -- table 3 ----------------------------------------------------------------------

T3_COLUMNS = ("natural_person", "commercial", "research", "social", "legal", "other_org", "total")
_GROUPS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "（三）不予公开",
        [
            ("denied_secret", "1.属于国家秘密"),
            ("denied_law", "2.其他法律行政法规禁止公开"),
            ("denied_safety", "3.危及“三安全一稳定”"),
            ("denied_third_party", "4.保护第三方合法权益"),
            ("denied_internal", "5.属于三类内部事务信息"),
            ("denied_process", "6.属于四类过程性信息"),
            ("denied_enforcement", "7.属于行政执法案卷"),
            ("denied_query", "8.属于行政查询事项"),
        ],
    ),
    (
        "（四）无法提供",
        [
            ("unable_no_info", "1.本机关不掌握相关政府信息"),
            ("unable_create", "2.没有现成信息需要另行制作"),
            ("unable_unclear", "3.补正后申请内容仍不明确"),
        ],
    ),
    (
        "（五）不予处理",
        [
            ("rejected_petition", "1.信访举报投诉类申请"),
            ("rejected_repeat", "2.重复申请"),
            ("rejected_publication", "3.要求提供公开出版物"),
            ("rejected_mass", "4.无正当理由大量反复申请"),
            ("rejected_confirm", "5.要求行政机关确认或重新出具已获取信息"),
        ],
    ),
]
_OTHER_2021 = [
    ("other_overdue", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
    ("other_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
    ("other_other", "3.其他"),
]


def table3(template: str, cells: Mapping[str, Value]) -> Layout:
    def vals(row: str) -> list[Cell]:
        return _values(cells, [f"t3.{row}.{col}" for col in T3_COLUMNS])

    groups = list(_GROUPS)
    if template == "2021":
        groups.append(("（六）其他处理", _OTHER_2021))
    result_rows = 2 + sum(len(rows) for _, rows in groups) + (0 if template == "2021" else 1) + 1
    rows: Layout = [
        [
            Cell(
                "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3
            ),
            Cell("申请人情况", colspan=7),
        ],
        [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
        [Cell("商业企业"), Cell("科研机构"), Cell("社会公益组织"), Cell("法律服务机构"), Cell("其他")],
        [Cell("一、本年新收政府信息公开申请数量", colspan=3), *vals("new")],
        [Cell("二、上年结转政府信息公开申请数量", colspan=3), *vals("carried_in")],
        [
            Cell("三、本年度办理结果", rowspan=result_rows),
            Cell("（一）予以公开", colspan=2),
            *vals("granted"),
        ],
        [Cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2), *vals("partial")],
    ]
    for title, members in groups:
        for i, (key, label) in enumerate(members):
            lead = [Cell(title, rowspan=len(members))] if i == 0 else []
            rows.append([*lead, Cell(label), *vals(key)])
    if template != "2021":
        rows.append([Cell("（六）其他处理", colspan=2), *vals("other")])
    rows.append([Cell("（七）总计", colspan=2), *vals("handled_total")])
    rows.append([Cell("四、结转下年度继续办理", colspan=3), *vals("carried_out")])
    return rows


# -- table 4 ----------------------------------------------------------------------

T4_COLUMNS = ("upheld", "corrected", "other", "pending", "total")
T4_LABELS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")


def table4(cells: Mapping[str, Value]) -> Layout:
    values = [
        Cell(fmt(cells.get(f"t4.{group}.{col}")))
        for group in ("review", "suit_direct", "suit_after_review")
        for col in T4_COLUMNS
    ]
    return [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [
            *(Cell(label, rowspan=2) for label in T4_LABELS),
            Cell("未经复议直接起诉", colspan=5),
            Cell("复议后起诉", colspan=5),
        ],
        [*(Cell(label) for label in T4_LABELS), *(Cell(label) for label in T4_LABELS)],
        values,
    ]


# -- the logical grid every extractor must return -------------------------------------


def logical_grid(layout: Layout) -> tuple[tuple[str | None, ...], ...]:
    taken: dict[tuple[int, int], str | None] = {}
    width = 0
    for r, row in enumerate(layout):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    taken[(r + dr, c + dc)] = cell.text if dr == dc == 0 else None
            c += cell.colspan
            width = max(width, c)
    return tuple(tuple(taken.get((r, c)) for c in range(width)) for r in range(len(layout)))


# -- renderers ----------------------------------------------------------------------


def column_widths_cm(columns: int) -> list[float]:
    """Widths like the official template: wide label columns, narrow number columns."""
    if columns == 4:  # table 2
        return [4.6, 3.6, 3.6, 3.6]
    if columns == 10:  # table 3
        return [1.9, 2.1, 4.3] + [1.1] * 7
    return [15.4 / columns] * columns


def render_docx(
    blocks: Sequence[Block],
    *,
    page_break_before_table: int | None = None,
    padding_paragraphs: int = 0,
    borders: bool = True,
) -> bytes:
    """A DOCX of paragraphs and tables with real merged cells.

    `padding_paragraphs` filler lines go just before table number `page_break_before_table`
    (0-based) so that, once converted to PDF, that table runs over a page break.
    `borders=False` draws no ruling lines at all (the PDF then needs the text-position
    table finder).
    """
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    document = docx.Document()
    style = document.styles["Normal"]
    style.font.size = Pt(10.5)
    style.font.name = "Noto Sans CJK SC"
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Sans CJK SC")
    table_no = 0
    for block in blocks:
        if isinstance(block, str):
            document.add_paragraph(block)
            continue
        if table_no == page_break_before_table:
            for i in range(padding_paragraphs):
                document.add_paragraph(f"（本段为排版测试而加，第{i + 1}段。）")
        table_no += 1
        grid = logical_grid(block)
        table = document.add_table(rows=len(grid), cols=len(grid[0]))
        if borders:
            table.style = "Table Grid"
        table.autofit = False
        for i, width in enumerate(column_widths_cm(len(grid[0]))):
            table.columns[i].width = Cm(width)
            for row_cells in table.rows:
                row_cells.cells[i].width = Cm(width)
        r_taken: set[tuple[int, int]] = set()
        for r, row in enumerate(block):
            c = 0
            for cell in row:
                while (r, c) in r_taken:
                    c += 1
                target = table.cell(r, c)
                if cell.rowspan > 1 or cell.colspan > 1:
                    target = target.merge(table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
                target.text = cell.text
                for dr in range(cell.rowspan):
                    for dc in range(cell.colspan):
                        r_taken.add((r + dr, c + dc))
                c += cell.colspan
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


_CHROME_TOP = """<div id="header" class="header"><div class="logo">XX市人民政府门户网站</div>
<ul class="nav menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li>
<li><a href="/hdjl/">互动交流</a></li><li><a href="/bsfw/">办事服务</a></li></ul></div>
<nav class="breadcrumb">当前位置：首页 &gt; 政务公开 &gt; 政府信息公开年报</nav>
<script>var _hmt = _hmt || []; document.write("统计代码 12345");</script>
<style>.nav li{float:left} td{border:1px solid #000}</style>
"""
_CHROME_BOTTOM = """<div class="share">分享到：微信 微博</div>
<div id="footer" class="footer"><p>主办单位：XX市人民政府办公室 网站标识码：3710000001</p>
<p>鲁ICP备05001234号 联系电话：0631-1234567</p></div>
<footer><a href="/sitemap">网站地图</a> <a href="/contact">联系我们</a></footer>
"""


def render_html(
    blocks: Sequence[Block], *, title: str, encoding: str = "utf-8", declared: str | None = None
) -> bytes:
    """A page as saved from a government site: the report inside the site's chrome."""
    body: list[str] = []
    for block in blocks:
        if isinstance(block, str):
            body.append(f"<p>{escape(block)}</p>")
            continue
        body.append('<table border="1" cellspacing="0" cellpadding="2">')
        for row in block:
            tds = []
            for cell in row:
                spans = ""
                if cell.colspan > 1:
                    spans += f' colspan="{cell.colspan}"'
                if cell.rowspan > 1:
                    spans += f' rowspan="{cell.rowspan}"'
                tds.append(f"<td{spans}>{escape(cell.text)}</td>")
            body.append("<tr>" + "".join(tds) + "</tr>")
        body.append("</table>")
    # Sites often declare gb2312 and send GBK; `declared` lets a fixture do the same.
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={declared or encoding}">'
    page = (
        f"<!DOCTYPE html>\n<html><head>{meta}<title>{escape(title)}_XX市人民政府</title></head>\n<body>\n"
        + _CHROME_TOP
        + '<div class="article"><div class="content" id="zoom">\n'
        + "\n".join(body)
        + "\n</div></div>\n"
        + _CHROME_BOTTOM
        + "</body></html>\n"
    )
    return page.encode(encoding)


# -- seeds -> blocks ------------------------------------------------------------------

_HEAD2 = "二、主动公开政府信息情况"
_HEAD3 = "三、收到和处理政府信息公开申请情况"
_HEAD4 = "四、政府信息公开行政复议、行政诉讼情况"
_HEAD5 = "五、存在的主要问题及改进情况"


def _last(lines: list[str], wanted: str) -> int:
    hits = [i for i, line in enumerate(lines) if line.strip() == wanted]
    return hits[-1] if hits else -1


def seed_blocks(text: str, template: str, cells: Mapping[str, Value]) -> list[Block]:
    """The seed's prose verbatim, its tables re-laid out in the official format."""
    lines = [re.sub(r"^\[bookmark: [^\]]*\]", "", line) for line in text.splitlines()]
    i2, i3, i4, i5 = (_last(lines, h) for h in (_HEAD2, _HEAD3, _HEAD4, _HEAD5))
    if min(i2, i3, i5) < 0:
        raise ValueError("seed lacks a table section heading")

    def prose(part: list[str]) -> list[Block]:
        return [line.strip() for line in part if line.strip()]

    blocks = prose(lines[: i2 + 1])
    blocks.append(table2(template, cells))
    blocks.append(_HEAD3)
    blocks.append(table3(template, cells))
    if i4 > i3:
        blocks.append(_HEAD4)
        blocks.append(table4(cells))
    blocks.extend(prose(lines[i5:]))
    return blocks
