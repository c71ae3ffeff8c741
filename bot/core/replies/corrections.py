"""What /fix and `nianbao fix` say: versions to choose from, what changed, why not."""

from __future__ import annotations

import html as html_lib
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from storage.corrections import Action, CorrectionView, Refusal

if TYPE_CHECKING:
    from bot.core.corrections import FixResult

USAGE = (
    "用法（管理员）：\n"
    "/fix 单位 [年份] — 列出该单位报告的各个版本（带编号和按钮）\n"
    "/fix 编号 撤回 — 撤回这一版（它所替换的上一版恢复为当前版本）\n"
    "/fix 编号 年度 2022 — 改为另一年度的报告\n"
    "/fix 编号 单位 单位全称 — 改为另一单位的报告\n"
    "每次更正都记录操作人和时间，原来的数值保留。"
)
NOT_ADMIN = "只有机器人管理员（NIANBAO_ADMINS）可以更正已入库的报告。"
UNKNOWN_AGENCY = "没有找到“{agency}”的报告。{close}"
CLOSE = "相近的单位：{names}"
NO_VERSIONS = "{agency}没有{year}的报告。"
ANY_YEAR = "任何年度"
LIST_HEAD = "{agency} 的报告（编号 · 年度 · 版本）："
LIST_LINE = "{id} · {year}年 · 第{version}版{state} · 《{filename}》 · {received}收到"
STATE_CURRENT = "（当前）"
STATE_WITHDRAWN = "（已撤回）"
LIST_HINT = "按下面的按钮撤回或改年度；改单位请发：/fix 编号 单位 单位全称"
BUTTON_WITHDRAW = "撤回 {id}"
BUTTON_YEAR = "{id} 改为{year}年"
BAD_YEAR = "年度 {year} 不合理（应在2008年到今年之间）。"
DONE_MOVE = "✅ 已更正：报告 {id}（《{filename}》，共该单位该年度全部版本）从“{old_agency} {old_year}年”改为“{agency} {year}年”。"
DONE_WITHDRAW = "✅ 已撤回：报告 {id}（{agency} {year}年 第{version}版《{filename}》）。{restored}"
RESTORED = "第{version}版（报告 {id}）恢复为当前版本。"
NONE_LEFT = "该单位该年度已没有当前报告。"
RECORDED = "已记录操作人和时间（更正记录 {correction}）。"
REFUSALS = {
    Refusal.NO_REPORT: "没有编号为该数字的报告。用 /fix 单位 查看编号。",
    Refusal.SAME: "报告已经是这个单位和年度，没有更改。",
    Refusal.TARGET_TAKEN: "{agency} {year}年已有当前报告：请先撤回其中一份，再更正。",
    Refusal.ALREADY_WITHDRAWN: "这一版已经撤回过了。",
}
ACTIONS = {Action.AGENCY: "改单位", Action.YEAR: "改年度", Action.WITHDRAW: "撤回"}
LOG_LINE = "{at} {who}（{via}）{action} 报告{report}：{change}"
LOG_MOVE = "{old_agency} {old_year}年 → {new_agency} {new_year}年"
LOG_WITHDRAW = "撤回{restored}"
LOG_RESTORED = "，报告{id}恢复为当前"
LOG_EMPTY = "还没有任何更正记录。"


def render(result: FixResult, *, html: bool) -> str:
    from bot.core.corrections import FixOutcome

    esc = html_lib.escape if html else (lambda s: s)
    if result.outcome is FixOutcome.USAGE:
        return esc(USAGE)
    if result.outcome is FixOutcome.BAD_YEAR:
        return BAD_YEAR.format(year=result.year)
    if result.outcome is FixOutcome.UNKNOWN_AGENCY:
        close = CLOSE.format(names="、".join(result.choices)) if result.choices else ""
        return esc(UNKNOWN_AGENCY.format(agency=result.agency, close=close))
    if result.outcome is FixOutcome.REFUSED:
        assert result.refusal is not None
        return esc(REFUSALS[result.refusal].format(agency=result.agency, year=result.year))
    if result.outcome is FixOutcome.LISTED:
        if not result.versions:
            year = f"{result.year}年" if result.year else ANY_YEAR
            return esc(NO_VERSIONS.format(agency=result.agency, year=year))
        lines = [LIST_HEAD.format(agency=result.agency)]
        for v in result.versions:
            state = STATE_WITHDRAWN if v.withdrawn else STATE_CURRENT if v.is_current else ""
            lines.append(
                LIST_LINE.format(
                    id=v.report_id, year=v.year, version=v.version, state=state, filename=v.filename,
                    received=v.received_at.date().isoformat(),
                )
            )  # fmt: skip
        lines.append(LIST_HINT)
        return esc("\n".join(lines))
    done = result.corrected
    assert done is not None
    r = done.report
    if done.action is Action.WITHDRAW:
        restored = RESTORED.format(version=done.restored_version, id=done.restored_report_id) if done.restored_report_id else NONE_LEFT
        text = DONE_WITHDRAW.format(
            id=r.report_id, agency=r.agency, year=r.year, version=r.version, filename=r.filename, restored=restored
        )
    else:
        text = DONE_MOVE.format(
            id=r.report_id, filename=r.filename, old_agency=done.old_agency, old_year=done.old_year,
            agency=r.agency, year=r.year,
        )  # fmt: skip
    return esc(text + RECORDED.format(correction=done.correction_id))


def log_text(rows: list[CorrectionView], tz: ZoneInfo) -> str:
    if not rows:
        return LOG_EMPTY
    lines = []
    for r in rows:
        if r.action is Action.WITHDRAW:
            restored = LOG_RESTORED.format(id=r.restored_report_id) if r.restored_report_id else ""
            change = LOG_WITHDRAW.format(restored=restored)
        else:
            change = LOG_MOVE.format(
                old_agency=r.old_agency, old_year=r.old_year, new_agency=r.new_agency, new_year=r.new_year
            )
        lines.append(
            LOG_LINE.format(
                at=r.at.astimezone(tz).strftime("%Y-%m-%d %H:%M"), who=r.by_name or r.by_user or "",
                via=r.via, action=ACTIONS[r.action], report=r.report_id, change=change,
            )
        )  # fmt: skip
    return "\n".join(lines)
