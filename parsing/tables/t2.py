"""Table 2 (主动公开政府信息情况): items by their labels, columns by their headers."""

from __future__ import annotations

from parsing.schema import T2_2019, T2_2021, TEMPLATE_2019, TEMPLATE_2021
from parsing.tables.align import AlignNotes, align, same_grid, short_label, split_label, store
from parsing.tables.rows import RawRow, TablesResult
from parsing.warnings import ParseWarning, WarningCode

_T2_ITEMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("other_services", ("对外管理服务",)),
    ("normative", ("规范性文件",)),
    ("rules", ("规章",)),
    ("licensing", ("行政许可",)),
    ("punishment", ("行政处罚",)),
    ("coercion", ("行政强制",)),
    ("fees", ("行政事业性收费", "事业性收费")),
    ("procurement", ("政府集中采购", "集中采购")),
)
_T2_COLUMNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("made", ("制发件数", "本年制发")),
    ("repealed", ("废止",)),
    ("in_force", ("现行有效",)),
    ("amount", ("收费金额", "采购总金额", "总金额")),
    ("new_made", ("新制作",)),
    ("new_published", ("新公开",)),
    ("total_published", ("对外公开总",)),
    ("prev_items", ("上一年项目", "上年项目")),
    ("change", ("增/减", "增减", "增(减)")),
    ("items", ("采购项目",)),
    ("decisions", ("处理决定",)),
)
_T2_DEFAULTS = {
    TEMPLATE_2021: {
        "rules": ["made", "repealed", "in_force"],
        "normative": ["made", "repealed", "in_force"],
        "licensing": ["decisions"],
        "punishment": ["decisions"],
        "coercion": ["decisions"],
        "fees": ["amount"],
    },
    TEMPLATE_2019: {
        "rules": ["new_made", "new_published", "total_published"],
        "normative": ["new_made", "new_published", "total_published"],
        "licensing": ["prev_items", "change", "decisions"],
        "other_services": ["prev_items", "change", "decisions"],
        "punishment": ["prev_items", "change", "decisions"],
        "coercion": ["prev_items", "change", "decisions"],
        "fees": ["prev_items", "change"],
        "procurement": ["items", "amount"],
    },
}


def _t2_item(label: str) -> str | None:
    for item, words in _T2_ITEMS:
        if any(w in label for w in words):
            return item
    return None


def _t2_column(text: str) -> str | None:
    for col, words in _T2_COLUMNS:
        if any(w in text for w in words):
            return col
    return None


def read_t2(rows: list[RawRow], template: str, result: TablesResult) -> None:
    allowed = set(T2_2021 if template == TEMPLATE_2021 else T2_2019)
    header: list[tuple[int, str]] = []
    header_width = 0
    notes = AlignNotes()
    for row in rows:
        labels, region = split_label(row)
        if not labels:
            continue
        first = labels[0]
        if "信息内容" in first or (_t2_item(first) is None and any(_t2_column(t) for t in row.norm)):
            header = [(i, col) for i, t in enumerate(row.norm) if t and (col := _t2_column(t))]
            header_width = len(row.cells)
            continue
        item = _t2_item(labels[-1]) or _t2_item(first)
        if item is None:
            continue
        defaults = _T2_DEFAULTS[template].get(item, [])
        header_cols = [col for _, col in header]
        if header and all(f"t2.{item}.{c}" in allowed for c in header_cols):
            positions: list[int] | None = same_grid([i for i, _ in header], header_width, row)
            columns = header_cols
        else:
            positions, columns = None, defaults
        if not columns:
            continue
        slots = align(region, positions, len(columns), short_label(labels), notes, positional=row.positional)
        for col, slot in zip(columns, slots, strict=True):
            store(result, f"t2.{item}.{col}", slot, row, allowed)
    if notes.extra:
        result.warnings.append(ParseWarning.of(WarningCode.T2_EXTRA_VALUES, rows=tuple(notes.extra)))
    if notes.unplaced:
        result.warnings.append(ParseWarning.of(WarningCode.T2_UNPLACED, rows=tuple(notes.unplaced)))
