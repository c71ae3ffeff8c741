"""The wording of cross-year checks (bot.core.crossyear): every result names both reports."""

from __future__ import annotations

from bot.core.crossyear import CrossCheck, CrossRule, CrossStatus, Finding, ReportRef
from parsing.model import Number
from parsing.schema import cell_label

RULES = {
    CrossRule.CARRY_OVER: "跨年 上年结转 = 上一年度报告的结转下年度继续办理",
    CrossRule.IN_FORCE: "跨年 表二现行有效 = 上年现行有效 + 本年制发 − 本年废止",
    CrossRule.JUMP: "跨年 主要数字与上一年度相差十倍以上（请核实）",
}
STATUS = {
    CrossStatus.PASS: "相符",
    CrossStatus.FAIL: "不符",
    CrossStatus.VERIFY: "请核实",
    CrossStatus.UNVERIFIABLE: "有空格无法核对",
}
STORED_REF = "{agency}{year}年度报告（第{version}版《{filename}》）"
STORED_REF_SHORT = "{agency}{year}年度报告"
DRAFT_REF = "本草稿《{filename}》（{year}年度）"
PAIR = "{later} 对照 {earlier}"
CARRY_LINE = "{column}：上年结转 {found}，上一年度结转下年度 {expected}"
IN_FORCE_LINE = "{label}：应为 {expected}（上年 {before} + 本年制发 − 本年废止），报告为 {found}"
JUMP_LINE = "{label}：上一年度 {before}，本年度 {found}"
BLANK = "空"
MAX_FINDINGS = 4
HEAD = "跨年核对（与上一年度报告对照）："
HEAD_PROBLEMS = "⚠️ 跨年核对有 {count} 项需要注意："
ALL_OK = "跨年核对：与上一年度报告一致。"


def _n(value: Number | None) -> str:
    if value is None:
        return BLANK
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def ref(report: ReportRef) -> str:
    if report.is_draft:
        return DRAFT_REF.format(filename=report.filename or "", year=report.year)
    if report.filename and report.version is not None:
        return STORED_REF.format(
            agency=report.agency, year=report.year, version=report.version, filename=report.filename
        )
    return STORED_REF_SHORT.format(agency=report.agency, year=report.year)


def _finding(rule: CrossRule, f: Finding) -> str:
    label = cell_label(f.later_key)
    if rule is CrossRule.CARRY_OVER:
        column = label.rsplit("/", 1)[-1].strip()
        return CARRY_LINE.format(column=column, found=_n(f.found), expected=_n(f.expected))
    if rule is CrossRule.IN_FORCE:
        return IN_FORCE_LINE.format(
            label=label, expected=_n(f.expected), before=_n(f.earlier_value), found=_n(f.found)
        )
    return JUMP_LINE.format(label=label, before=_n(f.earlier_value), found=_n(f.found))


def detail(check: CrossCheck) -> str:
    """One line: both reports, then the figures that disagree (or the number that agree)."""
    pair = PAIR.format(later=ref(check.later), earlier=ref(check.earlier))
    shown = check.problems or tuple(f for f in check.findings if f.status is CrossStatus.UNVERIFIABLE)
    if not shown:
        return f"{pair}：{len(check.findings)}处{STATUS[CrossStatus.PASS]}"
    lines = "；".join(_finding(check.rule, f) for f in shown[:MAX_FINDINGS])
    more = f"等{len(shown)}处" if len(shown) > MAX_FINDINGS else ""
    return f"{pair}：{STATUS[check.status]}，{lines}{more}"


def line(check: CrossCheck) -> str:
    return f"· {RULES[check.rule]}：{detail(check)}"


def summary(checks: list[CrossCheck] | tuple[CrossCheck, ...]) -> list[str]:
    """Lines for an upload or draft reply; nothing when there was no report of the year before."""
    if not checks:
        return []
    problems = [c for c in checks if c.status in (CrossStatus.FAIL, CrossStatus.VERIFY)]
    if not problems:
        return [ALL_OK]
    return [HEAD_PROBLEMS.format(count=len(problems))] + [line(c) for c in problems]
