"""What the draft checker (/check, `nianbao check FILE`) tells the agency staff: what to fix."""

from __future__ import annotations

import html as html_lib
from typing import TYPE_CHECKING

from bot.core.printable import printable, terminal_safe
from bot.core.replies import crossyear
from bot.core.replies.ingest import CHECK_RULES, FAILED
from parsing.model import CheckStatus
from parsing.wording import warning_text

if TYPE_CHECKING:
    from bot.core.draft import DraftResult

HEAD = "📝 草稿核对《{filename}》：{agency} {year}年度（未入库，未保存文件）"
UNKNOWN_AGENCY = "未写明单位"
UNKNOWN_YEAR = "年度不明"
CANNOT_READ = "无法读取这份草稿"
NO_YEAR = "· 未能确定统计年度：请在标题中写明“20XX年政府信息公开工作年度报告”。"
NO_AGENCY = "· 标题或正文没有写明单位全称：请在标题中写明单位全称。"
OWN_HEAD = "需要修改的勾稽关系（{count} 处）："
UNVERIFIABLE = "· 部分表格留空，无法核对：{rules}。没有发生的事项请填 0，不要留空。"
NO_HISTORY = "未找到本单位已入库的其他年度报告，未做跨年核对。"
STORAGE_DOWN = "数据库暂时不可用，未做跨年核对。"
READY = "✅ 没有发现问题，可以发布。"
TO_FIX = "共 {count} 处需要修改或核实，改好后可再发 /check 核对。"
WARNINGS_HEAD = "解析提示："
MAX_LIST = 8


def render(result: DraftResult, *, html: bool) -> str:
    from bot.core.draft import DraftOutcome

    esc = html_lib.escape if html else terminal_safe
    # A file name is one line whatever it holds (a newline in it would forge a line).
    name = html_lib.escape if html else printable
    report = result.report
    if result.outcome is DraftOutcome.FAILED or report is None:
        return FAILED.format(filename=name(result.filename), message=esc(result.message or CANNOT_READ))
    lines = [
        HEAD.format(
            filename=name(result.filename),
            agency=esc(result.agency or UNKNOWN_AGENCY),
            year=report.year if report.year is not None else UNKNOWN_YEAR,
        )
    ]
    if report.year is None:
        lines.append(NO_YEAR)
    if result.agency is None:
        lines.append(NO_AGENCY)
    failed = report.failed_checks
    if failed:
        lines.append(OWN_HEAD.format(count=len(failed)))
        lines += [f"· {esc(CHECK_RULES.get(c.rule, c.rule))}：{esc(c.detail)}" for c in failed[:MAX_LIST]]
    unsure = [CHECK_RULES.get(c.rule, c.rule) for c in report.checks if c.status == CheckStatus.UNVERIFIABLE]
    if unsure:
        lines.append(UNVERIFIABLE.format(rules=esc("、".join(unsure))))
    if result.storage_down:
        lines.append(STORAGE_DOWN)
    elif report.year is not None and result.agency is not None:
        cross = crossyear.summary(result.cross_checks)
        lines += [esc(line) for line in cross] if cross else [NO_HISTORY]
    if report.warnings:
        lines.append(WARNINGS_HEAD)
        lines += [f"· {esc(warning_text(w))}" for w in report.warnings[:MAX_LIST]]
    lines.append(TO_FIX.format(count=result.problems) if result.problems else READY)
    return "\n".join(lines)
