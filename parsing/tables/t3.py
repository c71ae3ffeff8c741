"""Table 3 (收到和处理政府信息公开申请情况): rows by their printed labels, 7 applicant columns."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from parsing.model import Provenance
from parsing.schema import T3_COLUMNS, TEMPLATE_2019, TEMPLATE_2021, t3_rows
from parsing.tables.align import AlignNotes, Slot, align, is_blank, same_grid, short_label, split_label, store
from parsing.tables.rows import RawRow, TablesResult
from parsing.vocabulary import tables as V

_T3_HEADER_WORDS = V.T3_HEADER_WORDS
_T3_HEADER_MARKS = V.T3_HEADER_MARKS

_T3_ROW_WORDS = V.T3_ROW_WORDS
_T3_GROUP_WORDS = V.T3_GROUP_WORDS
_OTHER_OTHER = re.compile(V.T3_OTHER_OTHER_PATTERN)
_TOTAL = re.compile(V.T3_TOTAL_PATTERN)


def _t3_group_keys(template: str) -> dict[str, list[str]]:
    rows = list(t3_rows(template))
    groups = {g: [k for k in rows if k.startswith(g + "_")] for g in ("denied", "unable", "rejected")}
    groups["other"] = (
        ["other_overdue", "other_unpaid", "other_other"] if template == TEMPLATE_2021 else ["other"]
    )
    return groups


def _t3_header_positions(header_rows: list[RawRow]) -> list[int] | None:
    found: dict[str, int] = {}
    for row in header_rows:
        for i, text in enumerate(row.norm):
            key = _T3_HEADER_WORDS.get(text)
            if key and key not in found:
                found[key] = i
    cols = [found.get(c) for c in T3_COLUMNS]
    if any(c is None for c in cols):
        return None
    positions = [c for c in cols if c is not None]
    if any(b <= a for a, b in itertools.pairwise(positions)):
        return None
    return positions


def _t3_row_key(labels: list[str], group: str | None) -> tuple[str | None, str | None]:
    """(specific key or None, group named in this row or None)."""
    named_group = next((g for g, w in _T3_GROUP_WORDS for lab in labels if w in lab), None)
    for lab in reversed(labels):
        for key, words in _T3_ROW_WORDS:
            if any(w in lab for w in words):
                return key, named_group
        if (named_group or group) == "other" and _OTHER_OTHER.match(lab):
            return "other_other", "other"
        if _TOTAL.match(lab) or (lab.endswith(V.T3_TOTAL_WORD) and len(lab) <= 8):
            return "handled_total", named_group
    return None, named_group


@dataclass
class _T3Row:
    key: str
    slots: list[Slot | None]
    row: RawRow

    @property
    def empty(self) -> bool:
        return all(s is None or is_blank(s[1]) for s in self.slots)


def read_t3(rows: list[RawRow], template: str, result: TablesResult) -> None:
    n = len(T3_COLUMNS)
    groups = _t3_group_keys(template)
    key_group = {k: g for g, keys in groups.items() for k in keys}
    header_rows: list[RawRow] = []
    data_started = False
    assigned: dict[str, _T3Row] = {}
    order: list[str] = []
    group: str | None = None
    fallback_groups: set[str] = set()
    conflicts: list[str] = []
    notes = AlignNotes()
    headers: list[int] | None = None
    header_width = 0
    previous: _T3Row | None = None
    for row in rows:
        text = row.joined
        if not data_started and any(m in text for m in _T3_HEADER_MARKS) and V.T3_NEW_MARK not in text:
            header_rows.append(row)
            continue
        if not data_started:
            headers = _t3_header_positions(header_rows)
            header_width = max((len(r.cells) for r in header_rows), default=0)
        data_started = True
        labels, region = split_label(row)
        key, named_group = _t3_row_key(labels, group)
        if template == TEMPLATE_2019 and key in ("other_overdue", "other_unpaid", "other_other"):
            key = "other"
        if named_group:
            group = named_group
        elif key in key_group:
            group = key_group[key]
        elif key is not None:
            group = None
        slots = align(
            region,
            same_grid(headers, header_width, row),
            n,
            short_label(labels),
            notes,
            positional=row.positional,
        )
        has_values = any(s is not None and not is_blank(s[1]) for s in slots)
        if key is None and named_group == "other" and template == TEMPLATE_2019:
            key = "other"  # the 2019 format prints 其他处理 as one row
        if key is None:
            fragment = bool(labels) or row.first_of_block
            if fragment and previous is not None and previous.empty and has_values:
                # The second half of a row broken across a page: its values belong above.
                previous.slots = slots
                previous.row = row
                continue
            if group is None or (not has_values and labels):
                continue
            key = next((k for k in groups[group] if k not in assigned), None)
            if key is None:
                continue
            fallback_groups.add(group)
        if template == TEMPLATE_2019 and key == "other" and group == "other" and "other" in assigned:
            continue
        current = _T3Row(key, slots, row)
        if key in assigned:
            if assigned[key].empty and not current.empty:
                assigned[key] = current
            elif not current.empty:
                conflicts.append(t3_rows(template).get(key, key))
            previous = assigned[key]
            continue
        assigned[key] = current
        order.append(key)
        previous = current
    _t3_store(result, template, assigned)
    _t3_warnings(result, template, assigned, fallback_groups, conflicts, notes)


def _t3_store(result: TablesResult, template: str, assigned: dict[str, _T3Row]) -> None:
    for key in t3_rows(template):
        entry = assigned.get(key)
        for k, col in enumerate(T3_COLUMNS):
            cell_key = f"t3.{key}.{col}"
            if entry is None:
                result.cells.setdefault(cell_key, None)
            else:
                store(result, cell_key, entry.slots[k], entry.row)
    if template == TEMPLATE_2021 and "other" not in assigned:
        result.t3_other_derived = True
        parts = ("other_overdue", "other_unpaid", "other_other")
        for col in T3_COLUMNS:
            values = [result.cells.get(f"t3.{p}.{col}") for p in parts]
            key = f"t3.other.{col}"
            if any(v is None for v in values):
                result.cells[key] = None
                result.sources.pop(key, None)
                continue
            result.cells[key] = sum(v for v in values if v is not None)
            first = result.sources.get(f"t3.{parts[0]}.{col}")
            result.sources[key] = Provenance(
                page=first.page if first else None,
                table=first.table if first else None,
                raw="+".join(str(v) for v in values),
            )


def _t3_warnings(
    result: TablesResult,
    template: str,
    assigned: dict[str, _T3Row],
    fallback_groups: set[str],
    conflicts: list[str],
    notes: AlignNotes,
) -> None:
    names = dict(V.T3_GROUP_WORDS)
    for g in sorted(fallback_groups):
        result.warnings.append(f"表三“{names[g]}”下的小项缺少名称，已按标准格式的先后顺序对应")
    expected = [k for k in t3_rows(template) if not (template == TEMPLATE_2021 and k == "other")]
    missing = [t3_rows(template)[k] for k in expected if k not in assigned]
    if missing and len(missing) < len(expected):
        result.warnings.append(f"表三缺少以下行，记为空：{'、'.join(missing)}")
    if conflicts:
        result.warnings.append(f"表三有重复的行（{'、'.join(conflicts)}），已采用第一次出现的数值")
    if notes.extra:
        result.warnings.append(
            f"表三有{len(notes.extra)}行的数值多于7列（如“{notes.extra[0]}”），已取靠右的7个数值"
        )
    if notes.unplaced:
        result.warnings.append(
            f"表三有{len(notes.unplaced)}行的数值少于7列且无法确定所在的列（如“{notes.unplaced[0]}”），记为空"
        )
    for count, labels in sorted(notes.short.items()):
        result.warnings.append(
            f"表三有{len(labels)}行只有{count}个数值（应为7个，如“{labels[0]}”），已从左到右填入，缺少的列记为空"
        )
