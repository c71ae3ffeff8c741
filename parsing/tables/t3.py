"""Table 3 (收到和处理政府信息公开申请情况): rows by their printed labels, 7 applicant columns."""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass

from parsing.model import Provenance
from parsing.schema import T3_COLUMNS, TEMPLATE_2019, TEMPLATE_2021, t3_rows
from parsing.tables.align import AlignNotes, Slot, align, is_blank, same_grid, short_label, split_label, store
from parsing.tables.rows import RawRow, TablesResult
from parsing.vocabulary import tables as V
from parsing.warnings import ParseWarning, WarningCode

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


# A row number before a label: "2.", "（三）", "三、", "(1)".
_NUMBERING = re.compile(r"^(?:[(（]?[一二三四五六七八九十\d]+[)）]?[.、．]?)+")
_FUZZY_MIN = 0.8  # similarity to the one printed label it must be a misprint of
_FUZZY_MARGIN = 0.1  # ahead of the next best label
_FUZZY_MIN_LENGTH = 6  # short labels ("予以公开" / "不予公开") are too alike to guess between


def _fuzzy_key(labels: list[str], template: str) -> str | None:
    """The row a misspelt label stands for ("其他法律行政止公开"), when one label is clearly it."""
    canonical = {
        key: label.split("/")[-1]
        for key, label in t3_rows(template).items()
        if len(label.split("/")[-1]) >= _FUZZY_MIN_LENGTH
    }
    for lab in reversed(labels):
        core = _NUMBERING.sub("", lab)
        if len(core) < _FUZZY_MIN_LENGTH - 2 or any(w in core for _, w in _T3_GROUP_WORDS):
            continue
        scored = sorted(
            ((difflib.SequenceMatcher(None, core, text).ratio(), key) for key, text in canonical.items()),
            reverse=True,
        )
        best, key = scored[0]
        runner_up = scored[1][0] if len(scored) > 1 else 0.0
        if best >= _FUZZY_MIN and best - runner_up >= _FUZZY_MARGIN:
            return key
    return None


@dataclass
class _T3Row:
    key: str
    slots: list[Slot | None]
    row: RawRow

    @property
    def empty(self) -> bool:
        return all(s is None or is_blank(s[1]) for s in self.slots)


@dataclass
class _GroupRun:
    """A row naming a group (“（六）其他处理”) with figures of its own, and the unnamed rows
    with figures right after it. Settled when the run ends: as many unnamed rows as the
    group has items -> the first row is the group's sum; none -> the group was printed as one
    row; fewer -> the items lost their names and follow the printed order."""

    group: str
    head: _T3Row
    unnamed: list[_T3Row]


@dataclass
class _T3State:
    template: str
    groups: dict[str, list[str]]
    assigned: dict[str, _T3Row]
    fallback_groups: set[str]
    collapsed: list[str]
    conflicts: list[str]
    warnings: list[ParseWarning]

    def assign(self, entry: _T3Row) -> _T3Row:
        key = entry.key
        if key in self.assigned:
            if self.assigned[key].empty and not entry.empty:
                self.assigned[key] = entry
            elif not entry.empty:
                self.conflicts.append(key)
            return self.assigned[key]
        self.assigned[key] = entry
        return entry

    def next_item(self, group: str) -> str | None:
        return next((k for k in self.groups[group] if k not in self.assigned), None)

    def settle(self, run: _GroupRun) -> None:
        items = self.groups[run.group]
        if len(run.unnamed) < len(items) and run.unnamed:
            members = [run.head, *run.unnamed]  # the items lost their names: printed order
        else:
            members = run.unnamed
            self._parent(run.group, run.head)
        for member in members:
            key = self.next_item(run.group)
            if key is None:
                break
            self.fallback_groups.add(run.group)
            self.assign(_T3Row(key, member.slots, member.row))

    def _parent(self, group: str, head: _T3Row) -> None:
        """A row that stands for its group is read as the group: 其他处理 has a key of its own."""
        if group == "other":
            self.assign(_T3Row("other", head.slots, head.row))
        else:
            self.collapsed.append(group)


def read_t3(rows: list[RawRow], template: str, result: TablesResult) -> None:
    n = len(T3_COLUMNS)
    groups = _t3_group_keys(template)
    key_group = {k: g for g, keys in groups.items() for k in keys}
    state = _T3State(template, groups, {}, set(), [], [], [])
    header_rows: list[RawRow] = []
    data_started = False
    group: str | None = None
    notes = AlignNotes()
    headers: list[int] | None = None
    header_width = 0
    previous: _T3Row | None = None
    run: _GroupRun | None = None
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
        if key is None and named_group is None and labels:
            key = _fuzzy_key(labels, template)
            if key is not None:
                label = labels[-1]
                state.warnings.append(ParseWarning.of(WarningCode.T3_LABEL_READ_AS, label=label, row=key))
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
        if run is not None:
            if key is None and not labels and has_values and group == run.group:
                run.unnamed.append(_T3Row("", slots, row))
                continue
            state.settle(run)
            run = None
        if key is None and named_group is not None and has_values:
            run = _GroupRun(named_group, _T3Row("", slots, row), [])
            previous = None
            continue
        if key is None:
            fragment = bool(labels) or row.first_of_block
            if fragment and previous is not None and previous.empty and has_values:
                # The second half of a row broken across a page: its values belong above.
                previous.slots = slots
                previous.row = row
                continue
            if group is None or (not has_values and labels):
                continue
            key = state.next_item(group)
            if key is None:
                continue
            state.fallback_groups.add(group)
        if template == TEMPLATE_2019 and key == "other" and group == "other" and "other" in state.assigned:
            continue
        previous = state.assign(_T3Row(key, slots, row))
    if run is not None:
        state.settle(run)
    _t3_store(result, template, state.assigned)
    _t3_warnings(result, template, state, notes)


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


def _t3_warnings(result: TablesResult, template: str, state: _T3State, notes: AlignNotes) -> None:
    warnings = result.warnings
    warnings.extend(state.warnings)
    assigned = state.assigned
    for g in sorted(state.fallback_groups):
        warnings.append(ParseWarning.of(WarningCode.T3_UNNAMED_ITEMS, group=g))
    collapsed = [g for g in state.collapsed if not any(k in assigned for k in state.groups[g])]
    for g in collapsed:
        warnings.append(ParseWarning.of(WarningCode.T3_GROUP_COLLAPSED, group=g))
    other_items = state.groups["other"] if template == TEMPLATE_2021 else []
    other_alone = bool(other_items) and "other" in assigned and not any(k in assigned for k in other_items)
    if other_alone:
        warnings.append(ParseWarning.of(WarningCode.T3_OTHER_WITHOUT_ITEMS))
    # Rows of a group printed as one row (or 其他处理 alone) are not missing: they were never printed.
    printed_as_one = {k for g in collapsed for k in state.groups[g]} | (
        set(other_items) if other_alone else set()
    )
    expected = [k for k in t3_rows(template) if not (template == TEMPLATE_2021 and k == "other")]
    missing = [k for k in expected if k not in assigned and k not in printed_as_one]
    if missing and len(missing) < len(expected):
        warnings.append(ParseWarning.of(WarningCode.T3_ROWS_MISSING, rows=tuple(missing)))
    if state.conflicts:
        warnings.append(ParseWarning.of(WarningCode.T3_DUPLICATE_ROWS, rows=tuple(state.conflicts)))
    if notes.extra:
        warnings.append(
            ParseWarning.of(WarningCode.T3_EXTRA_VALUES, count=len(notes.extra), example=notes.extra[0])
        )
    if notes.unplaced:
        warnings.append(
            ParseWarning.of(WarningCode.T3_UNPLACED, count=len(notes.unplaced), example=notes.unplaced[0])
        )
    for count, labels in sorted(notes.short.items()):
        warnings.append(
            ParseWarning.of(WarningCode.T3_SHORT_ROWS, count=len(labels), values=count, example=labels[0])
        )
