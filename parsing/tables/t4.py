"""Table 4 (政府信息公开行政复议、行政诉讼情况): one row of 15 values under three groups."""

from __future__ import annotations

from parsing.schema import T4_COLUMNS, T4_GROUPS
from parsing.tables.align import AlignNotes, Slot, align, is_blank, same_grid, split_label, store
from parsing.tables.rows import RawRow, TablesResult
from parsing.vocabulary import tables as V
from parsing.warnings import ParseWarning, WarningCode

_T4_COLUMN_WORDS = V.T4_COLUMN_WORDS
_T4_ORDER = list(T4_COLUMNS)


def _t4_column(text: str) -> str | None:
    for col, words in _T4_COLUMN_WORDS:
        if any(w in text for w in words):
            return col
    return None


def read_t4(rows: list[RawRow], result: TablesResult) -> None:
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
        _labels, region = split_label(row)
        if any(not is_blank(text) for _, text in region):
            data.append((row, region))
    positions = sorted(occurrences)
    headers = positions if [occurrences[p] for p in positions] == _T4_ORDER * 3 else None
    keys = [f"t4.{g}.{c}" for g in T4_GROUPS for c in T4_COLUMNS]
    if not data:
        for key in keys:
            result.cells.setdefault(key, None)
        result.warnings.append(ParseWarning.of(WarningCode.T4_NO_VALUES))
        return
    if len(data) > 1:
        result.warnings.append(ParseWarning.of(WarningCode.T4_MANY_ROWS))
    row, region = data[0]
    notes = AlignNotes()
    slots = align(region, same_grid(headers, header_width, row), n, "表四", notes, positional=row.positional)
    for key, slot in zip(keys, slots, strict=True):
        store(result, key, slot, row)
    if notes.extra:
        result.warnings.append(ParseWarning.of(WarningCode.T4_EXTRA_VALUES))
    if notes.unplaced:
        result.warnings.append(ParseWarning.of(WarningCode.T4_UNPLACED))
    for count in notes.short:
        result.warnings.append(ParseWarning.of(WarningCode.T4_SHORT, values=count))
