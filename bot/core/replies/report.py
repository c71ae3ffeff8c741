"""`nianbao parse` without --json: one parsed report as a person reads it."""

from __future__ import annotations

from tabulate import tabulate

from bot.core.replies.ingest import ocr_line
from parsing.model import CheckStatus, Report
from parsing.schema import cell_label
from parsing.wording import warning_text

FILE_NOT_FOUND = "找不到文件：{path}"
FILE_UNREADABLE = "无法读取文件：{path}（{error}）"
UNPARSABLE = "{name}：{message}"

STATUS_WORDS = {CheckStatus.PASS: "通过", CheckStatus.FAIL: "不符", CheckStatus.UNVERIFIABLE: "无法核对"}
BLANK = "（空白）"


def _value(value: object) -> str:
    return BLANK if value is None else str(value)


def summary(report: Report, filename: str) -> str:
    """The record as a person reads it: header, narrative figures, checks, cells."""
    lines = [
        f"文件：{filename}",
        f"机构：{report.agency or '（报告未写明）'}",
        f"年度：{report.year or '（未识别）'}",
        f"格式：{report.template or '（未识别）'}版",
        f"发布日期：{report.published_on.isoformat() if report.published_on else '（未写明）'}",
        "",
    ]
    if (read_by_ocr := ocr_line(report)) is not None:
        lines[-1:-1] = [read_by_ocr]
    if report.facts:
        lines.append("正文中的数字：")
        # Sentences are long and the figure is often near their end: quote them whole.
        lines.extend(
            f"· {cell_label(f.key)}（{f.key}）：{f.value}{f.unit}\n  “{f.source}”" for f in report.facts
        )
        lines.append("")
    if report.checks:
        lines.append("勾稽关系核对：")
        rows = [[c.rule, STATUS_WORDS.get(c.status, c.status), c.detail] for c in report.checks]
        lines.append(tabulate(rows, headers=["规则", "结果", "说明"]))
        lines.append("")
    filled = {k: v for k, v in report.cells.items() if v is not None}
    blank = len(report.cells) - len(filled)
    lines.append(f"表格数据：共 {len(report.cells)} 格，其中空白 {blank} 格。")
    nonzero = [[cell_label(k), _value(v)] for k, v in report.cells.items() if v not in (None, 0)]
    if nonzero:
        lines.append(tabulate(nonzero, headers=["单元格", "数值"]))
    else:
        lines.append("所有填写的单元格均为 0。")
    if report.warnings:
        lines.append("")
        lines.append("提示：")
        lines.extend(f"- {warning_text(w)}" for w in report.warnings)
    return "\n".join(lines) + "\n"
