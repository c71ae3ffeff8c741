"""The Chinese wording of parser warnings (parsing.warnings) and check findings
(parsing.check_details), in one place.

The SCHEMA JSON and every reply that shows a warning word it through `warning_text`; every
Check's detail is `check_detail` of what parsing.checks found.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from parsing.check_details import CheckDetail, CheckStatus, DetailCode, Equation, Number, total
from parsing.schema import TEMPLATE_2021, cell_label, t3_rows
from parsing.vocabulary.facts import FACTS
from parsing.vocabulary.keys import TABLE_TITLES
from parsing.vocabulary.tables import T3_GROUP_WORDS
from parsing.warnings import ParseWarning, WarningCode, WarningValue

_TABLE_NAMES = TABLE_TITLES
GROUP_NAMES = dict(T3_GROUP_WORDS)

Data = Mapping[str, WarningValue]


def _list(value: WarningValue) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (str(value),)


def _rows(value: WarningValue) -> str:
    labels = t3_rows(TEMPLATE_2021)
    return "、".join(labels.get(key, key) for key in _list(value))


def _labels(value: WarningValue, most: int = 5) -> str:
    keys = _list(value)
    shown = "；".join(cell_label(key) for key in keys[:most])
    return shown + (f" 等{len(keys)}处" if len(keys) > most else "")


def _cell(d: Data) -> str:
    text, length = str(d["text"]), int(d["length"])  # type: ignore[arg-type]
    shown = text if length <= len(text) else f"{text[:12]}…（共{length}个字符）"
    return f"“{cell_label(str(d['key']))}”一格写的是“{shown}”"


_TEXTS: dict[WarningCode, Callable[[Data], str]] = {
    WarningCode.NO_YEAR: lambda d: "未能确定报告的统计年度",
    WarningCode.AGENCY_PARTIAL: lambda d: (
        f"报告只写了“{d['name']}”，没有写明所属地区，无法确定机关全称，请在说明中补充全称"
    ),
    WarningCode.NO_AGENCY: lambda d: "报告中没有找到发布机关的名称",
    WarningCode.NO_TITLE: lambda d: "没有找到报告标题（“…年政府信息公开工作年度报告”）",
    WarningCode.TEMPLATE_FROM_YEAR: lambda d: (
        f"无法从表头判断报告格式，按统计年度{d['year']}年推定为{d['template']}年版格式"
    ),
    WarningCode.TEMPLATE_UNKNOWN: lambda d: "无法判断报告格式（2019年版或2021年版）",
    WarningCode.TABLE_MISSING: lambda d: f"报告中没有找到{_TABLE_NAMES[str(d['table'])]}，相关数值记为空",
    WarningCode.T2_EXTRA_VALUES: lambda d: (
        f"表二“{'、'.join(_list(d['rows']))}”一行的数值多于表头列数，已取靠右的数值"
    ),
    WarningCode.T2_UNPLACED: lambda d: (
        f"表二“{'、'.join(_list(d['rows']))}”一行的数值无法确定所在的列，记为空"
    ),
    WarningCode.T2_LABEL_READ_AS: lambda d: f"表二的行名“{d['label']}”与标准格式不同，按“{d['read_as']}”读取",
    WarningCode.T2_HEADING_READ_AS: lambda d: (
        f"表二的列名“{d['heading']}”不完整，按标准格式同一位置的“{d['read_as']}”读取"
    ),
    WarningCode.T3_UNNAMED_ITEMS: lambda d: (
        f"表三“{GROUP_NAMES[str(d['group'])]}”下的小项缺少名称，已按标准格式的先后顺序对应"
    ),
    WarningCode.T3_ROWS_MISSING: lambda d: f"表三缺少以下行，记为空：{_rows(d['rows'])}",
    WarningCode.T3_DUPLICATE_ROWS: lambda d: f"表三有重复的行（{_rows(d['rows'])}），已采用第一次出现的数值",
    WarningCode.T3_EXTRA_VALUES: lambda d: (
        f"表三有{d['count']}行的数值多于7列（如“{d['example']}”），已取靠右的7个数值"
    ),
    WarningCode.T3_UNPLACED: lambda d: (
        f"表三有{d['count']}行的数值少于7列且无法确定所在的列（如“{d['example']}”），记为空"
    ),
    WarningCode.T3_SHORT_ROWS: lambda d: (
        f"表三有{d['count']}行只有{d['values']}个数值（应为7个，如“{d['example']}”），已从左到右填入，缺少的列记为空"
    ),
    WarningCode.T3_LABEL_READ_AS: lambda d: (
        f"表三的行名“{d['label']}”与标准格式不同，按“{_rows(d['row'])}”读取"
    ),
    WarningCode.T3_GROUP_COLLAPSED: lambda d: (
        f"表三“{GROUP_NAMES[str(d['group'])]}”只印了一行合计、没有分项，其数值无法对应到分项，分项记为空"
    ),
    WarningCode.T3_OTHER_WITHOUT_ITEMS: lambda d: (
        "表三“其他处理”只印了一行、没有分项，按其他处理合计读取，三个分项记为空"
    ),
    WarningCode.T4_NO_VALUES: lambda d: "表四没有读到数值，记为空",
    WarningCode.T4_MANY_ROWS: lambda d: "表四有多行数值，只采用第一行",
    WarningCode.T4_EXTRA_VALUES: lambda d: "表四的数值多于15列，已取靠右的15个数值",
    WarningCode.T4_UNPLACED: lambda d: "表四的数值少于15列且无法确定所在的列，记为空",
    WarningCode.T4_SHORT: lambda d: (
        f"表四只有{d['values']}个数值（应为15个），已从左到右填入，缺少的列记为空"
    ),
    WarningCode.OCR_LOW_CONFIDENCE: lambda d: (
        f"以下{len(_list(d['keys']))}个数值由扫描件/照片识别，把握不足（置信度低于{d['below']}%），"
        f"请与原件核对：{_labels(d['keys'])}"
    ),
    WarningCode.OCR_BLANK_AMONG_FIGURES: lambda d: (
        f"扫描件/照片中以下{len(_list(d['keys']))}个单元格未识别出数值（同一行其他格有数值），记为空，"
        f"请与原件核对：{_labels(d['keys'])}"
    ),
    WarningCode.CELL_TOO_LARGE: lambda d: f"{_cell(d)}，位数多得不可能是报告中的数值，记为空",
    WarningCode.CELL_NOT_A_FIGURE: lambda d: f"{_cell(d)}，不是报告中数值的写法，记为空",
    WarningCode.CELL_FRACTION: lambda d: f"{_cell(d)}，件数不应有小数，记为空",
    WarningCode.NARRATIVE_CONFLICT: lambda d: (
        f"正文中“{FACTS[str(d['key'])][0]}”前后不一致（{'、'.join(_list(d['values']))}），未采用"
    ),
}


def warning_text(warning: ParseWarning) -> str:
    """The warning as the user reads it."""
    return _TEXTS[warning.code](warning.data)


# --- consistency checks (parsing.check_details) -------------------------------------------

_SHOWN = 3  # equations quoted in a detail
_TABLE_SHORT = {"t2": "表二", "t3": "表三", "t4": "表四"}
# What the table calls the figure a prose<->table rule compares (parsing.checks.PROSE_TABLE_RULES).
PROSE_TABLE_WHAT = {
    "narrative.applications": "新收申请",
    "narrative.review": "行政复议",
    "narrative.suit": "行政诉讼",
    "narrative.normative": "本年制发规范性文件",
}


def _number(v: Number) -> str:
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def _side(values: tuple[Number | None, ...]) -> str:
    if len(values) > 4:
        blanks = sum(v is None for v in values)
        if blanks:
            return f"{len(values)}项（{blanks}项为空）"
        return f"{_number(total(values))}（{len(values)}项之和）"
    return "+".join("空" if v is None else _number(v) for v in values)


def equation_text(eq: Equation) -> str:
    outcome = eq.outcome()
    sign = "=" if outcome == CheckStatus.PASS else "≠" if outcome == CheckStatus.FAIL else "?"
    where = f"{eq.where}列" if eq.column else eq.where
    return f"{where}：{_side(eq.lhs)} {sign} {_side(eq.rhs)}"


def _shown(d: CheckDetail) -> str:
    return "；".join(equation_text(eq) for eq in d.equations[:_SHOWN])


def _unverifiable(d: CheckDetail) -> str:
    more = f"等{d.count}处" if d.count > _SHOWN else ""
    note = f"（另有{d.passed}处相符）" if d.passed else ""
    return f"有空格无法核对：{_shown(d)}{more}{note}"


def _passed(d: CheckDetail) -> str:
    shown = equation_text(d.equations[-1])
    return shown if d.count == 1 else f"{shown}（{d.count}处均相符）"


def _prose_table(d: CheckDetail) -> str:
    assert d.prose is not None and d.table_value is not None
    sign = "=" if d.status == CheckStatus.PASS else "≠"
    return f"正文 {_number(d.prose)} {sign} 表中 {_number(d.table_value)}"


_CHECK_TEXTS: dict[DetailCode, Callable[[CheckDetail], str]] = {
    DetailCode.FAILED: lambda d: _shown(d) + (f"等{d.count}处不符" if d.count > _SHOWN else ""),
    DetailCode.UNVERIFIABLE: _unverifiable,
    DetailCode.PASSED: _passed,
    DetailCode.NO_VALUES: lambda d: f"{_TABLE_SHORT[d.table]}没有数值",
    DetailCode.T3_OTHER_BLANK: lambda d: "表三其他处理均为空",
    DetailCode.T3_OTHER_ITEMS_BLANK: lambda d: "表三其他处理三项均为空",
    DetailCode.T3_OTHER_DERIVED: lambda d: "报告未单列其他处理合计，按三项之和计算",
    DetailCode.NEGATIVE: lambda d: "出现负数：" + "、".join(f"{k}={_number(v)}" for k, v in d.negatives),
    DetailCode.NONE_NEGATIVE: lambda d: f"表二{d.count}个数值均不为负",
    DetailCode.PROSE_TABLE: _prose_table,
    DetailCode.PROSE_TABLE_BLANK: lambda d: (
        f"正文 {_number(d.prose or 0)}，表中{PROSE_TABLE_WHAT.get(d.rule, d.rule)}为空"
    ),
    DetailCode.CRASHED: lambda d: "核对时出错，未能完成勾稽检查",
}


def check_detail(detail: CheckDetail) -> str:
    """A check's finding as the user reads it (Check.detail)."""
    return _CHECK_TEXTS[detail.code](detail)
