"""Raw table rows -> the SCHEMA cells of tables 2, 3 and 4.

Tables are found by their printed labels, not by their position in the document, and
every cell is placed by its printed row and column labels. Extractors disagree about
columns (merged label cells, trailing empties, a value shifted by one), so a data row's
values are aligned in three steps, first that fits:
  1. exactly under the header's column positions;
  2. under the nearest header column (at most one off, no two values in one column);
  3. by count: trim blank edge cells; extra values keep the rightmost (or, in a grid with
     stray empty columns, exactly as many values as there are columns, in order). Too few
     values: in a grid whose cells stand at their columns (PDF, DOCX, HTML) the columns are
     unknown, so the row stays blank with a warning — never a figure under the wrong
     column; plain text lists only the non-blank cells, and there they fill from the left
     (with a warning).
One pass over the rows; all patterns are plain substring tests or precompiled regexes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from parsing.extract.base import TableBlock
from parsing.model import Number, Provenance
from parsing.numbers import normalize, read_cell
from parsing.schema import (
    T2_2019,
    T2_2021,
    T3_COLUMNS,
    T4_COLUMNS,
    T4_GROUPS,
    TEMPLATE_2019,
    TEMPLATE_2021,
    cell_keys,
    t3_rows,
)
from parsing.vocabulary import tables as V
from parsing.vocabulary.keys import TABLE_TITLES

# --- one row of a raw table, with where it came from ----------------------------------


@dataclass(frozen=True)
class RawRow:
    cells: tuple[str | None, ...]
    norm: tuple[str, ...]  # normalized cell texts ("" for None)
    table: int
    row: int
    page: int | None
    first_of_block: bool
    positional: bool = True

    @property
    def joined(self) -> str:
        return "".join(self.norm)

    def provenance(self, col: int) -> Provenance:
        raw = self.cells[col] if col < len(self.cells) else None
        return Provenance(page=self.page, table=self.table, row=self.row, col=col, raw=raw)


@dataclass
class TablesResult:
    template: str | None
    cells: dict[str, Number | None]
    sources: dict[str, Provenance]
    found: set[str] = field(default_factory=set)  # subset of {"t2", "t3", "t4"}
    warnings: list[str] = field(default_factory=list)
    t3_other_derived: bool = False


def _raw_rows(tables: Iterable[TableBlock]) -> list[RawRow]:
    out: list[RawRow] = []
    for block in tables:
        for r, cells in enumerate(block.rows):
            page = block.row_pages[r] if r < len(block.row_pages) else block.page
            norm = tuple(normalize(c) if c else "" for c in cells)
            out.append(RawRow(tuple(cells), norm, block.index, r, page, r == 0, block.positional))
    return out


# --- which table a row belongs to -------------------------------------------------------


def _strong_kind(text: str) -> str | None:
    if any(m in text for m in V.T4_STRONG) or all(m in text for m in V.T4_BOTH_GROUPS):
        return "t4"
    if any(m in text for m in V.T3_STRONG):
        return "t3"
    if any(m in text for m in V.T2_STRONG):
        return "t2"
    return None


def _weak_kind(text: str) -> str | None:
    if any(m in text for m in V.T4_WEAK):
        return "t4"
    if any(m in text for m in V.T3_WEAK):
        return "t3"
    if any(m in text for m in V.T2_WEAK):
        return "t2"
    return None


def split_by_table(rows: Sequence[RawRow]) -> dict[str, list[RawRow]]:
    """Assign rows to t2/t3/t4. A strong marker switches the context; a new block with no
    strong marker takes its kind from weak markers, else continues the previous table
    (the rest of a table broken across pages)."""
    out: dict[str, list[RawRow]] = {"t2": [], "t3": [], "t4": []}
    context: str | None = None
    for row in rows:
        text = row.joined
        strong = _strong_kind(text)
        if strong:
            context = strong
        elif row.first_of_block or context is None:
            weak = _weak_kind(text)
            if weak:
                context = weak
        if context:
            out[context].append(row)
    return out


# --- template ---------------------------------------------------------------------------


def detect_template(by_kind: dict[str, list[RawRow]], year: int | None) -> tuple[str | None, list[str]]:
    """The format, from the table headers themselves (not from the year)."""
    t2_text = "".join(r.joined for r in by_kind["t2"])
    n2021 = sum(t2_text.count(w) for w in V.T2_2021_WORDS)
    n2019 = sum(t2_text.count(w) for w in V.T2_2019_WORDS)
    t3_text = "".join(r.joined for r in by_kind["t3"])
    if any(w in t3_text for w in V.T3_2021_WORDS):
        n2021 += 1
    if n2021 != n2019:
        return (TEMPLATE_2021 if n2021 > n2019 else TEMPLATE_2019), []
    if year is not None:
        template = TEMPLATE_2021 if year >= 2021 else TEMPLATE_2019
        return template, [f"无法从表头判断报告格式，按统计年度{year}年推定为{template}年版格式"]
    return None, ["无法判断报告格式（2019年版或2021年版）"]


# --- aligning a row's values under its columns ------------------------------------------

Slot = tuple[int, str | None]  # (column index in the raw row, raw text)


def _is_blank(text: str | None) -> bool:
    return read_cell(text).kind == "blank"


@dataclass
class _AlignNotes:
    extra: list[str] = field(default_factory=list)  # row labels with extra values
    short: dict[int, list[str]] = field(default_factory=dict)  # count -> row labels
    unplaced: list[str] = field(default_factory=list)  # row labels left blank: columns unknown


def _align(
    region: list[Slot],
    headers: list[int] | None,
    n: int,
    label: str,
    notes: _AlignNotes,
    *,
    positional: bool = True,
) -> list[Slot | None]:
    filled = [slot for slot in region if not _is_blank(slot[1])]
    if headers is not None:
        position = {col: k for k, col in enumerate(headers)}
        if all(col in position for col, _ in filled):
            out: list[Slot | None] = [None] * n
            for col, text in region:
                if col in position:
                    out[position[col]] = (col, text)
            return out
        snapped: dict[int, Slot] = {}
        for col, text in filled:
            k = min(range(n), key=lambda k: (abs(headers[k] - col), headers[k]))
            if abs(headers[k] - col) > 1 or k in snapped:
                break
            snapped[k] = (col, text)
        else:
            return [snapped.get(k) for k in range(n)]
    cells = list(region)
    while len(cells) > n and _is_blank(cells[-1][1]):
        cells.pop()
    while len(cells) > n and _is_blank(cells[0][1]):
        cells.pop(0)
    if len(cells) > n and positional and len(filled) == n:
        return list(filled)  # stray empty columns in between: one value per column, in order
    if len(cells) > n:
        notes.extra.append(label)
        cells = cells[len(cells) - n :]
    elif filled and len(cells) < n:
        if positional:
            notes.unplaced.append(label)
            return [None] * n
        notes.short.setdefault(len(cells), []).append(label)
    return [*cells, *([None] * (n - len(cells)))]


def _same_grid(headers: list[int] | None, width: int, row: RawRow) -> list[int] | None:
    """Header positions apply only to rows of the same grid width (a table continued on the
    next page is often extracted with different columns)."""
    return headers if headers is not None and len(row.cells) == width else None


def _split_label(row: RawRow) -> tuple[list[str], list[Slot]]:
    """Label texts (normalized, non-empty) and the value region after the last label cell."""
    last_label = -1
    for i, cell in enumerate(row.cells):
        if read_cell(cell).kind == "text":
            last_label = i
    labels = [row.norm[i] for i in range(last_label + 1) if row.norm[i]]
    region = [(i, row.cells[i]) for i in range(last_label + 1, len(row.cells))]
    return labels, region


def _store(
    result: TablesResult, key: str, slot: Slot | None, row: RawRow, allowed: set[str] | None = None
) -> None:
    if allowed is not None and key not in allowed:
        return
    if slot is None:
        result.cells.setdefault(key, None)
        return
    col, text = slot
    cell = read_cell(text)
    if key in result.cells and result.cells[key] is not None:
        return  # first reading wins
    result.cells[key] = cell.value
    result.sources[key] = row.provenance(col)


def _short_label(labels: list[str]) -> str:
    return labels[-1][:16] if labels else "（无标签）"


# --- table 2 ----------------------------------------------------------------------------

_T2_ITEMS = V.T2_ITEM_WORDS
_T2_COLUMNS = V.T2_COLUMN_WORDS
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


def _read_t2(rows: list[RawRow], template: str, result: TablesResult) -> None:
    allowed = set(T2_2021 if template == TEMPLATE_2021 else T2_2019)
    header: list[tuple[int, str]] = []
    header_width = 0
    notes = _AlignNotes()
    for row in rows:
        labels, region = _split_label(row)
        if not labels:
            continue
        first = labels[0]
        if V.T2_HEADER_MARK in first or (_t2_item(first) is None and any(_t2_column(t) for t in row.norm)):
            header = [(i, col) for i, t in enumerate(row.norm) if t and (col := _t2_column(t))]
            header_width = len(row.cells)
            continue
        item = _t2_item(labels[-1]) or _t2_item(first)
        if item is None:
            continue
        defaults = _T2_DEFAULTS[template].get(item, [])
        header_cols = [col for _, col in header]
        if header and all(f"t2.{item}.{c}" in allowed for c in header_cols):
            positions: list[int] | None = _same_grid([i for i, _ in header], header_width, row)
            columns = header_cols
        else:
            positions, columns = None, defaults
        if not columns:
            continue
        slots = _align(
            region, positions, len(columns), _short_label(labels), notes, positional=row.positional
        )
        for col, slot in zip(columns, slots, strict=True):
            _store(result, f"t2.{item}.{col}", slot, row, allowed)
    if notes.extra:
        result.warnings.append(f"表二“{'、'.join(notes.extra)}”一行的数值多于表头列数，已取靠右的数值")
    if notes.unplaced:
        result.warnings.append(f"表二“{'、'.join(notes.unplaced)}”一行的数值无法确定所在的列，记为空")


# --- table 3 ----------------------------------------------------------------------------

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
        return all(s is None or _is_blank(s[1]) for s in self.slots)


def _read_t3(rows: list[RawRow], template: str, result: TablesResult) -> None:
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
    notes = _AlignNotes()
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
        labels, region = _split_label(row)
        key, named_group = _t3_row_key(labels, group)
        if template == TEMPLATE_2019 and key in ("other_overdue", "other_unpaid", "other_other"):
            key = "other"
        if named_group:
            group = named_group
        elif key in key_group:
            group = key_group[key]
        elif key is not None:
            group = None
        slots = _align(
            region,
            _same_grid(headers, header_width, row),
            n,
            _short_label(labels),
            notes,
            positional=row.positional,
        )
        has_values = any(s is not None and not _is_blank(s[1]) for s in slots)
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
                _store(result, cell_key, entry.slots[k], entry.row)
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
    notes: _AlignNotes,
) -> None:
    names = {group: word for group, word in V.T3_GROUP_WORDS}
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


# --- table 4 ----------------------------------------------------------------------------

_T4_COLUMN_WORDS = V.T4_COLUMN_WORDS
_T4_ORDER = list(T4_COLUMNS)


def _t4_column(text: str) -> str | None:
    for col, words in _T4_COLUMN_WORDS:
        if any(w in text for w in words):
            return col
    return None


def _read_t4(rows: list[RawRow], result: TablesResult) -> None:
    n = len(T4_GROUPS) * len(T4_COLUMNS)
    occurrences: dict[int, str] = {}
    header_width = 0
    data: list[tuple[RawRow, list[Slot]]] = []
    for row in rows:
        cols = [(i, c) for i, t in enumerate(row.norm) if t and (c := _t4_column(t))]
        if cols or any(w in row.joined for w in V.T4_HEADER_WORDS):
            for i, c in cols:
                occurrences.setdefault(i, c)
            header_width = max(header_width, len(row.cells))
            continue
        _labels, region = _split_label(row)
        if any(not _is_blank(text) for _, text in region):
            data.append((row, region))
    positions = sorted(occurrences)
    headers = positions if [occurrences[p] for p in positions] == _T4_ORDER * 3 else None
    keys = [f"t4.{g}.{c}" for g in T4_GROUPS for c in T4_COLUMNS]
    if not data:
        for key in keys:
            result.cells.setdefault(key, None)
        result.warnings.append("表四没有读到数值，记为空")
        return
    if len(data) > 1:
        result.warnings.append("表四有多行数值，只采用第一行")
    row, region = data[0]
    notes = _AlignNotes()
    slots = _align(
        region, _same_grid(headers, header_width, row), n, "表四", notes, positional=row.positional
    )
    for key, slot in zip(keys, slots, strict=True):
        _store(result, key, slot, row)
    if notes.extra:
        result.warnings.append("表四的数值多于15列，已取靠右的15个数值")
    if notes.unplaced:
        result.warnings.append("表四的数值少于15列且无法确定所在的列，记为空")
    for count in notes.short:
        result.warnings.append(f"表四只有{count}个数值（应为15个），已从左到右填入，缺少的列记为空")


# --- entry point ------------------------------------------------------------------------

_TABLE_NAMES = TABLE_TITLES


def read_tables(tables: Iterable[TableBlock], *, year: int | None = None) -> TablesResult:
    """Every SCHEMA cell of the template (None where blank or absent), with provenance."""
    by_kind = split_by_table(_raw_rows(tables))
    template, warnings = detect_template(by_kind, year)
    result = TablesResult(template=template, cells={}, sources={}, warnings=list(warnings))
    effective = template or TEMPLATE_2021
    if by_kind["t2"]:
        _read_t2(by_kind["t2"], effective, result)
    if by_kind["t3"]:
        _read_t3(by_kind["t3"], effective, result)
    if by_kind["t4"]:
        _read_t4(by_kind["t4"], result)
    for kind, rows in by_kind.items():
        if rows:
            result.found.add(kind)
        else:
            result.warnings.append(f"报告中没有找到{_TABLE_NAMES[kind]}，相关数值记为空")
    # Every key of the template is present, in printed order.
    result.cells = {key: result.cells.get(key) for key in cell_keys(effective)}
    result.sources = {k: v for k, v in result.sources.items() if k in result.cells}
    return result
