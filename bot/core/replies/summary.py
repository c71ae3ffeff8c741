"""Words of the region table (/summary, `nianbao summary`): the reply, sheet names and headers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.core.deadlines import format_day

if TYPE_CHECKING:
    from bot.core.summary import SummaryResult

FILENAME = "{region}{year}年度政府信息公开工作年度报告汇总.xlsx"
SHEETS = ("表二 主动公开", "表三 依申请公开", "表四 复议诉讼", "报送单位", "明细（可追溯）")
AGENCY_HEADERS = ("单位", "状态", "截止日", "收到日期", "落款日期", "报告编号", "版本", "文件名")
DETAIL_KEY = "数据项"
DETAIL_LABEL = "表/行/列"
DETAIL_TOTAL = "合计"
DETAIL_REPORT_ID = "报告编号"
DETAIL_FILE = "文件（版本）"
DETAIL_FILE_VERSION = "{filename}（第{version}版）"

USAGE = "用法：/summary 地区 年份，例如 /summary 文登区 2021（汇总该地区已报送单位的表二至表四，Excel 文件）"
UNKNOWN_REGION = "没有找到“{region}”的单位。地区写法如：威海市、文登区、山东省/威海市。"
NO_REPORTS = "{region} 还没有单位报送{year}年度报告。"
HEAD = "📊 {region} {year}年度报告汇总：{included}家单位的表二至表四合计（{template}版格式）。"
LATE = "其中迟报 {count} 家。"
MISSING = "逾期未报 {count} 家：{names}。"
PENDING = "截止日未到、尚未报送 {count} 家。"
OTHER_FORMAT = "注意：{names} 的报告使用另一版格式，表二未计入合计（表三、表四已计入）。"
TRACE = "“报送单位”表列出纳入、迟报和未报的单位；“明细”表列出每份报告的每个数字，合计可逐项核对。"
CAPTION = "{region} {year}年度汇总（{included}家）"
MAX_NAMES = 10

# By bot.core.summary.AgencyState value.
STATES = {
    "included": "已报送，已纳入合计",
    "late": "迟报，已纳入合计",
    "missing": "逾期未报",
    "pending": "截止日未到，尚未报送",
}


def _names(names: list[str]) -> str:
    more = f"等{len(names)}家" if len(names) > MAX_NAMES else ""
    return "、".join(names[:MAX_NAMES]) + more


def render(result: SummaryResult) -> str:
    from bot.core.summary import AgencyState, SummaryOutcome

    if result.outcome is SummaryOutcome.UNKNOWN_REGION:
        return UNKNOWN_REGION.format(region=result.region)
    if result.outcome is SummaryOutcome.NO_REPORTS or result.summary is None:
        return NO_REPORTS.format(region=result.region, year=result.year)
    s = result.summary
    lines = [HEAD.format(region=s.region, year=s.year, included=len(s.reports), template=s.template)]
    if late := s.count(AgencyState.LATE):
        lines.append(LATE.format(count=late))
    missing = [a for a in s.agencies if a.state is AgencyState.MISSING]
    if missing:
        lines.append(
            MISSING.format(
                count=len(missing),
                names=_names(
                    [
                        f"{a.name}（截止{format_day(a.deadline.day)}）" if a.deadline else a.name
                        for a in missing
                    ]
                ),
            )
        )
    if pending := s.count(AgencyState.PENDING):
        lines.append(PENDING.format(count=pending))
    if s.other_format:
        lines.append(OTHER_FORMAT.format(names=_names(list(s.other_format))))
    lines.append(TRACE)
    return "\n".join(lines)
