"""Every sentence the uploader sees about an ingest: the bot sends `render(result, html=True)`,
`nianbao ingest` prints `render(result, html=False)` — the same words."""

from __future__ import annotations

import html as html_lib
from datetime import date

from tabulate import tabulate

from bot.core.ingest_result import FIRST_REPORT_YEAR, FailureReason, IngestOutcome, IngestResult
from bot.core.printable import printable, terminal_safe
from bot.core.replies import crossyear
from parsing import error_wording, formats
from parsing.model import CheckStatus, Report
from parsing.schema import TEMPLATE_2019, TEMPLATE_2021, cell_label
from parsing.vocabulary import facts
from parsing.wording import warning_text
from storage.reports import PUBLISHED_ON, ValueChange

PUBLISHED_ON_LABEL = "发布日期"
BLANK_VALUE = "空"
STORED = "✅ 已入库：{agency} {year}年度报告"
NEW_VERSION = "🔄 已更新：{agency} {year}年度报告（第{version}版，替换{previous}收到的版本）"
DUPLICATE = "这个文件已经收到过：{agency} {year}年度报告（{received}收到），没有重复保存。"
FAILED = "❌ 未能入库《{filename}》：{message}"
NEEDS_AGENCY = (
    "《{filename}》中没有写明完整的机关名称{partial}。请选择下面的单位，"
    "或直接回复单位全称（例如：威海市文登区科学技术局）。"
)
NEEDS_AGENCY_SPELLING = (
    "《{filename}》的单位“{name}”可能是已有的下列单位之一（写法不同）。请选择；"
    "若是另一个单位，请选“{name}”本身。"
)
NEEDS_AGENCY_PARTIAL = "（只写了“{partial}”）"
NO_YEAR = "未能确定报告的统计年度。请确认这是政府信息公开工作年度报告，或在附言中写明年度（例如“2021年度”）后重新发送。"
BAD_YEAR = (
    "报告的统计年度是{year}年，不合理（年度报告从{first}年度开始，且不会晚于收到报告的年份），未入库。"
    "请核对文件中的年度后重新发送。"
)
STORAGE_ERROR = "保存时出现错误，已记录；原文件已保留，请稍后重试。"
AGENCY_NAME_TOO_LONG = "单位名称过长（最多 200 字），请检查后重新指定单位全称。"
FILE_STORE_ERROR = "无法保存原文件（服务器磁盘已满或没有写入权限），报告未入库。已记录，请联系管理员。"
INTERNAL_ERROR = error_wording.CRASH  # one sentence for a crash in the parse or around it

FORMAT_LINE = "格式：{kind}，{template}；发布日期：{published}"
TEMPLATES = {TEMPLATE_2021: "2021版表格", TEMPLATE_2019: "2019版表格"}
# A report read by OCR: said at upload and in every answer drawn from it.
OCR_READ = "🔍 由扫描件/照片文字识别（{pages} 页，用时 {seconds:.0f} 秒），数值请与原件核对。"


def ocr_line(report: Report) -> str | None:
    if report.ocr is None:
        return None
    return OCR_READ.format(pages=report.ocr.pages, seconds=report.ocr.seconds)


CHECKS_OK = "勾稽关系：全部通过。"
CHECKS_FAILED = "⚠️ 勾稽关系有 {count} 处不一致（已照原样入库，请核对原文）："
CHECKS_PASSED_SOME = "勾稽关系：{passed}项通过，没有不一致；另有{count}项无法核对："
CHECKS_UNVERIFIABLE_HEAD = "另有{count}项无法核对："
BLANK_CELL = "表中为空"
SUM_HAS_BLANK = "无法相加（{parts}）"
CHANGES_HEAD = "发布后有变动（与上一版相比）："
CHANGES_NONE = "与上一版相比，表格和正文数字没有变化。"
CHANGES_MORE = "……另有 {count} 处变动"
WARNINGS_HEAD = "提示："
NOT_STATED = "未给出"
UNKNOWN = "未知"

CHECK_RULES = {
    "t3.balance": "表三 收支平衡（新收+上年结转 = 办理结果总计+结转下年度）",
    "t3.rows_sum": "表三 办理结果总计 = 各项办理结果之和",
    "t3.cols_sum": "表三 总计 = 各类申请人之和",
    "t3.other_sum": "表三 其他处理 = 三个子项之和",
    "t4.sums": "表四 总计 = 维持+纠正+其他+尚未审结",
    "t2.in_force": "表二 不应出现负数",
    "narrative.applications": "正文所述申请数与表三一致",
    "narrative.review": "正文所述行政复议数与表四一致",
    "narrative.suit": "正文所述行政诉讼数与表四一致",
    "narrative.normative": "正文所述规范性文件数与表二一致",
}
SUIT_PARTS = {"t4.suit_direct.total": "直接起诉", "t4.suit_after_review.total": "复议后起诉"}
# Cross-year rules (bot.core.crossyear), as stored with the later report.
CHECK_RULES.update({rule.value: label for rule, label in crossyear.RULES.items()})
MAX_CHANGES = 10
MAX_LIST = 5


def _n(value: float | int | None, unit: str = "") -> str:
    if value is None:
        return NOT_STATED
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value}{unit}"


def _cell(report: Report, key: str, unit: str = "件") -> str:
    """A cell as printed: its number, 表中为空 for a blank (never 0), 未给出 when the format lacks it."""
    if key not in report.cells:
        return NOT_STATED
    value = report.cells[key]
    return BLANK_CELL if value is None else _n(value, unit)


def _cells_sum(report: Report, keys: dict[str, str], unit: str = "件") -> str:
    """The sum of cells, only when every one holds a number; otherwise each part as printed."""
    values = [report.cells.get(k) for k in keys]
    if all(k in report.cells for k in keys) and all(v is not None for v in values):
        return _n(sum(v for v in values if v is not None), unit)
    if not any(k in report.cells for k in keys):
        return NOT_STATED
    return SUM_HAS_BLANK.format(
        parts="、".join(f"{label}{_cell(report, k, unit)}" for k, label in keys.items())
    )


def key_figures(report: Report) -> list[tuple[str, str]]:
    """主动公开 / 新收申请 / 行政复议 / 行政诉讼, as the report states them."""
    total = report.fact("proactive.total")
    if total is not None:
        proactive = _n(total.value, total.unit)
    else:
        # The channels of 主动公开 are the vocabulary's (FactWords.refines), named by their part_label.
        channels = [w for w in facts.FACT_WORDS if w.refines == "proactive.total"]
        parts = [(w.part_label, f) for w in channels if (f := report.fact(w.key)) is not None]
        proactive = (
            "、".join(f"{label}{_n(f.value, f.unit)}" for label, f in parts) + "，报告未给出合计"
            if parts
            else NOT_STATED
        )
    return [
        ("主动公开", proactive),
        ("新收申请", _cell(report, "t3.new.total")),
        ("行政复议", _cell(report, "t4.review.total")),
        ("行政诉讼", _cells_sum(report, SUIT_PARTS)),
    ]


def change_line(change: ValueChange) -> str:
    """ "表三 本年新收… / 总计：0 → 2"."""
    label = PUBLISHED_ON_LABEL if change.key == PUBLISHED_ON else cell_label(change.key)
    return f"{label}：{_change_value(change.old)} → {_change_value(change.new)}"


def _change_value(value: float | date | None) -> str:
    if value is None:
        return BLANK_VALUE
    if isinstance(value, date):
        return value.isoformat()
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _local_date(moment: object) -> str:
    from datetime import datetime

    # The core hands over moments already in the configured zone (NIANBAO_TIMEZONE).
    if isinstance(moment, datetime):
        return moment.strftime("%Y-%m-%d %H:%M")
    return UNKNOWN


def render(result: IngestResult, *, html: bool) -> str:

    esc = html_lib.escape if html else terminal_safe
    # A file name is one line whatever it holds (a newline in it would forge a line).
    name = html_lib.escape if html else printable
    outcome = result.outcome
    if outcome is IngestOutcome.FAILED:
        message = {
            FailureReason.NO_YEAR: NO_YEAR,
            FailureReason.STORAGE: STORAGE_ERROR,
            FailureReason.FILE_STORE: FILE_STORE_ERROR,
            FailureReason.AGENCY_NAME: AGENCY_NAME_TOO_LONG,
            FailureReason.INTERNAL: INTERNAL_ERROR,
        }.get(result.reason or FailureReason.INTERNAL, result.message or INTERNAL_ERROR)
        if result.reason is FailureReason.PARSE and result.message:
            message = result.message
        if result.reason is FailureReason.BAD_YEAR and result.report and result.report.year is not None:
            message = BAD_YEAR.format(year=result.report.year, first=FIRST_REPORT_YEAR)
        return FAILED.format(filename=name(result.filename), message=esc(message))
    if outcome is IngestOutcome.NEEDS_AGENCY and result.spelling:
        return NEEDS_AGENCY_SPELLING.format(
            filename=name(result.filename), name=esc(result.partial_agency or "")
        )
    if outcome is IngestOutcome.NEEDS_AGENCY:
        partial = (
            NEEDS_AGENCY_PARTIAL.format(partial=esc(result.partial_agency)) if result.partial_agency else ""
        )
        return NEEDS_AGENCY.format(filename=name(result.filename), partial=partial)
    stored = result.stored
    assert stored is not None
    if outcome is IngestOutcome.DUPLICATE:
        return DUPLICATE.format(
            agency=esc(stored.agency_name),
            year=stored.year,
            received=_local_date(stored.previous_received_at),
        )

    report = result.report
    assert report is not None
    lines: list[str] = []
    if outcome is IngestOutcome.NEW_VERSION:
        lines.append(
            NEW_VERSION.format(
                agency=esc(stored.agency_name),
                year=stored.year,
                version=stored.version,
                previous=_local_date(stored.previous_received_at),
            )
        )
    else:
        lines.append(STORED.format(agency=esc(stored.agency_name), year=stored.year))
    lines.append(
        FORMAT_LINE.format(
            kind=formats.label_of(result.file_kind or "") or result.file_kind or UNKNOWN,
            template=TEMPLATES.get(report.template or "", UNKNOWN),
            published=report.published_on.isoformat() if report.published_on else NOT_STATED,
        )
    )
    if (read_by_ocr := ocr_line(report)) is not None:
        lines.append(read_by_ocr)
    table = tabulate(key_figures(report), tablefmt="plain")
    lines.append(f"<pre>{esc(table)}</pre>" if html else table)

    failed = result.failed_checks
    if failed:
        lines.append(CHECKS_FAILED.format(count=len(failed)))
        for check in failed[:MAX_LIST]:
            lines.append(f"· {esc(CHECK_RULES.get(check.rule, check.rule))}：{esc(check.detail)}")
    unchecked = [c for c in report.checks if c.status not in (CheckStatus.PASS, CheckStatus.FAIL)]
    if unchecked:
        # 全部通过 only when every rule could be checked: name the others and why.
        head = CHECKS_UNVERIFIABLE_HEAD if failed else CHECKS_PASSED_SOME
        passed = sum(c.status == CheckStatus.PASS for c in report.checks)
        lines.append(head.format(count=len(unchecked), passed=passed))
        for check in unchecked[:MAX_LIST]:
            lines.append(f"· {esc(CHECK_RULES.get(check.rule, check.rule))}：{esc(check.detail)}")
    elif not failed:
        lines.append(CHECKS_OK)

    lines += [esc(line) for line in crossyear.summary(result.cross_checks)]

    if outcome is IngestOutcome.NEW_VERSION:
        if stored.changes:
            lines.append(CHANGES_HEAD)
            lines += [f"· {esc(change_line(c))}" for c in stored.changes[:MAX_CHANGES]]
            if len(stored.changes) > MAX_CHANGES:
                lines.append(CHANGES_MORE.format(count=len(stored.changes) - MAX_CHANGES))
        else:
            lines.append(CHANGES_NONE)

    if report.warnings:
        lines.append(WARNINGS_HEAD)
        lines += [f"· {esc(warning_text(w))}" for w in report.warnings[:MAX_LIST]]
    return "\n".join(lines)
