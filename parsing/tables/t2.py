"""Table 2 (主动公开政府信息情况): items by their labels, columns by their headers."""

from __future__ import annotations

import re

from parsing.numbers import normalize
from parsing.schema import T2_2019, T2_2021, TEMPLATE_2019, TEMPLATE_2021
from parsing.tables.align import AlignNotes, align, same_grid, short_label, split_label, store
from parsing.tables.rows import RawRow, TablesResult
from parsing.vocabulary import tables as V
from parsing.warnings import ParseWarning, WarningCode

_T2_ITEMS = V.T2_ITEM_WORDS
_EXPLANATION = re.compile(r"[（(]")
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


def _t2_item(label: str, *, loose: bool = False) -> str | None:
    """The item a label names, read before any bracketed explanation: "其他主动公开文件（…除规范性
    文件以外…）" is no 规范性文件 row, "规章（设区的市…应提供相关数据）" is 规章. `loose` reads
    the loose words instead (a label the form does not print, never a column heading)."""
    head = _EXPLANATION.split(label, maxsplit=1)[0] or label
    if loose:
        if _t2_column(head):
            return None
        return next((item for item, _, words in V.T2_ITEM_LOOSE_WORDS if any(w in head for w in words)), None)
    for item, words in _T2_ITEMS:
        if any(w in head for w in words):
            return item
    return None


def _t2_column(text: str) -> str | None:
    for col, words in _T2_COLUMNS:
        if any(w in text for w in words):
            return col
    return None


def _t2_header(norm: tuple[str, ...], template: str) -> tuple[list[tuple[int, str]], list[tuple[str, str]]]:
    """The columns a heading row names, by position; a heading cut short ("本年新") is read as the
    form's heading in its place when every other heading of the row is the form's too. Returns
    the columns and the cut headings read that way (printed text, form heading)."""
    found = [(i, t, _t2_column(t)) for i, t in enumerate(norm) if t and V.T2_HEADER_MARK not in t]
    named = [(i, col) for i, _, col in found if col]
    if all(col for _, _, col in found):
        return named, []
    for form in V.T2_FORM_HEADINGS.get(template, ()):
        if len(form) != len(found):
            continue
        if all(
            col == want if col else len(t) >= V.T2_CUT_HEADING_MIN and normalize(label).startswith(t)
            for (_, t, col), (want, label) in zip(found, form, strict=True)
        ):
            cut = [(t, label) for (_, t, col), (_, label) in zip(found, form, strict=True) if not col]
            return [(i, want) for (i, _, _), (want, _) in zip(found, form, strict=True)], cut
    return named, []


def read_t2(rows: list[RawRow], template: str, result: TablesResult) -> None:
    allowed = set(T2_2021 if template == TEMPLATE_2021 else T2_2019)
    header: list[tuple[int, str]] = []
    header_width = 0
    notes = AlignNotes()
    read_as: list[tuple[str, str]] = []
    misread: list[tuple[str, str]] = []  # (label as printed, the form's) read by a loose word
    for row in rows:
        labels, region = split_label(row)
        if not labels:
            continue
        first = labels[0]
        if V.T2_HEADER_MARK in first or (_t2_item(first) is None and any(_t2_column(t) for t in row.norm)):
            header, cut = _t2_header(row.norm, template)
            for heading, label in cut:
                if (heading, label) not in read_as:
                    read_as.append((heading, label))
            header_width = len(row.cells)
            continue
        item = _t2_item(labels[-1]) or _t2_item(first)
        if item is None:
            item = _t2_item(labels[-1], loose=True) or _t2_item(first, loose=True)
            if item is None:
                continue
            form = next(name for key, name, _ in V.T2_ITEM_LOOSE_WORDS if key == item)
            if (labels[0], form) not in misread:
                misread.append((labels[0], form))
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
    for heading, label in read_as:
        result.warnings.append(
            ParseWarning.of(WarningCode.T2_HEADING_READ_AS, heading=heading, read_as=label)
        )
    for label, form in misread:
        result.warnings.append(ParseWarning.of(WarningCode.T2_LABEL_READ_AS, label=label, read_as=form))
    if notes.extra:
        result.warnings.append(ParseWarning.of(WarningCode.T2_EXTRA_VALUES, rows=tuple(notes.extra)))
    if notes.unplaced:
        result.warnings.append(ParseWarning.of(WarningCode.T2_UNPLACED, rows=tuple(notes.unplaced)))
