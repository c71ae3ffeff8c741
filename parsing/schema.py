"""The keys of ../shared/SCHEMA.md: which keys each template has, and their labels.

The keys and labels themselves are spelled once, in parsing.vocabulary; this module derives
the per-template key lists from them (and re-exports the names its readers always used).
"""

from __future__ import annotations

from parsing.vocabulary.facts import FACTS
from parsing.vocabulary.keys import (
    AMOUNT_KEYS,
    T2_2019,
    T2_2021,
    T3_COLUMNS,
    T3_ROWS_COMMON_HEAD,
    T3_ROWS_OTHER_2021,
    T3_ROWS_TAIL,
    T4_COLUMNS,
    T4_GROUPS,
    TEMPLATE_2019,
    TEMPLATE_2021,
    TEMPLATES,
)

__all__ = [
    "AMOUNT_KEYS",
    "FACTS",
    "T2_2019",
    "T2_2021",
    "T3_COLUMNS",
    "T3_ROWS_COMMON_HEAD",
    "T3_ROWS_OTHER_2021",
    "T3_ROWS_TAIL",
    "T4_COLUMNS",
    "T4_GROUPS",
    "TEMPLATES",
    "TEMPLATE_2019",
    "TEMPLATE_2021",
    "all_cell_keys",
    "cell_keys",
    "cell_label",
    "t3_rows",
]


def t3_rows(template: str) -> dict[str, str]:
    """Row keys of table 3 in printed order for a template (2021 adds three 其他处理 rows)."""
    rows = dict(T3_ROWS_COMMON_HEAD)
    if template == TEMPLATE_2021:
        rows.update(T3_ROWS_OTHER_2021)
    rows.update(T3_ROWS_TAIL)
    return rows


def cell_keys(template: str) -> list[str]:
    """Every table cell key of a template, in printed order."""
    keys = list(T2_2021 if template == TEMPLATE_2021 else T2_2019)
    for row in t3_rows(template):
        keys.extend(f"t3.{row}.{col}" for col in T3_COLUMNS)
    for group in T4_GROUPS:
        keys.extend(f"t4.{group}.{col}" for col in T4_COLUMNS)
    return keys


def all_cell_keys() -> list[str]:
    """Union of both templates' keys, 2021 order first (for exports and storage)."""
    seen: dict[str, None] = dict.fromkeys(cell_keys(TEMPLATE_2021))
    seen.update(dict.fromkeys(cell_keys(TEMPLATE_2019)))
    return list(seen)


def cell_label(key: str) -> str:
    """Chinese label of a cell key, e.g. t3.new.total -> 表三 本年新收政府信息公开申请数量 / 总计."""
    if key in T2_2021:
        return f"表二 {T2_2021[key]}"
    if key in T2_2019:
        return f"表二 {T2_2019[key]}"
    parts = key.split(".")
    if len(parts) == 3 and parts[0] == "t3":
        rows = t3_rows(TEMPLATE_2021)
        return f"表三 {rows.get(parts[1], parts[1])} / {T3_COLUMNS.get(parts[2], parts[2])}"
    if len(parts) == 3 and parts[0] == "t4":
        return f"表四 {T4_GROUPS.get(parts[1], parts[1])} / {T4_COLUMNS.get(parts[2], parts[2])}"
    if key in FACTS:
        return FACTS[key][0]
    return key
