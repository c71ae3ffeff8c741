"""The region table as XLSX, laid out like the national tables 2-4 (merged headers), plus the
agencies included, missing and late, and a detail sheet with every report's own cells."""

from __future__ import annotations

import io
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from bot.core.replies import summary as say
from bot.core.summary import RegionSummary
from parsing.model import Number
from parsing.schema import (
    T2_2019,
    T2_2021,
    T3_COLUMNS,
    T4_COLUMNS,
    T4_GROUPS,
    TEMPLATE_2021,
    cell_label,
    t3_rows,
)
from parsing.vocabulary import layout
from storage.export import neutral_text  # agency and file names are typed by users

_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_BOLD = Font(bold=True)


def _put(
    ws: Worksheet, row: int, col: int, value: object, *, to_row: int | None = None, to_col: int | None = None
) -> None:
    """Write a cell, merged over [row..to_row] x [col..to_col] when those are given."""
    cell = ws.cell(row=row, column=col, value=value)
    cell.alignment = _CENTER
    if (to_row or row) != row or (to_col or col) != col:
        ws.merge_cells(start_row=row, start_column=col, end_row=to_row or row, end_column=to_col or col)


def _title(ws: Worksheet, text: str, width: int) -> None:
    _put(ws, 1, 1, text, to_col=width)
    ws.cell(row=1, column=1).font = _BOLD


def _value(totals: dict[str, Number | None], key: str) -> Number | None:
    return totals.get(key)


def _t2(ws: Worksheet, s: RegionSummary) -> None:
    """Items in blocks of the same columns, each block with its own header row (as printed)."""
    labels = T2_2021 if s.template == TEMPLATE_2021 else T2_2019
    items: dict[str, list[tuple[str, str]]] = {}  # item label -> [(column label, key)]
    for key, label in labels.items():
        item, _, column = label.partition(" ")
        items.setdefault(item, []).append((column, key))
    width = 1 + max(len(cols) for cols in items.values())
    _title(ws, layout.T2_TITLE, width)
    row, previous = 2, None
    for item, cols in items.items():
        header = tuple(c for c, _ in cols)
        if header != previous:
            _put(ws, row, 1, layout.T2_ITEM)
            for i, column in enumerate(header):
                last = width if i == len(header) - 1 else None
                _put(ws, row, 2 + i, column, to_col=last)
            row, previous = row + 1, header
        _put(ws, row, 1, item)
        for i, (_, key) in enumerate(cols):
            last = width if i == len(cols) - 1 else None
            _put(ws, row, 2 + i, _value(s.totals, key), to_col=last)
        row += 1
    ws.column_dimensions["A"].width = 24


def _t3_rows(template: str) -> list[tuple[str, str, str]]:
    """(row key, group label, item label) as printed; the 2021 table prints no 其他处理 total row."""
    out = []
    for key, label in t3_rows(template).items():
        if key == "other" and template == TEMPLATE_2021:
            continue
        group, _, item = label.partition("/")
        out.append((key, group, item))
    return out


def _t3(ws: Worksheet, s: RegionSummary) -> None:
    columns = list(T3_COLUMNS)
    first_value_col = 4
    last_col = first_value_col + len(columns) - 1
    _title(ws, layout.T3_TITLE, last_col)
    _put(ws, 2, 1, layout.T3_CORNER, to_row=4, to_col=3)
    _put(ws, 2, first_value_col, layout.T3_APPLICANTS, to_col=last_col)
    _put(ws, 3, first_value_col, T3_COLUMNS[columns[0]], to_row=4)
    _put(ws, 3, first_value_col + 1, layout.T3_LEGAL_PERSONS, to_col=last_col - 1)
    for i, column in enumerate(columns[1:-1]):
        _put(ws, 4, first_value_col + 1 + i, T3_COLUMNS[column])
    _put(ws, 3, last_col, T3_COLUMNS[columns[-1]], to_row=4)

    rows = _t3_rows(s.template)
    row = 5
    results_start = None
    group_start: dict[str, int] = {}
    for key, group, item in rows:
        for i, column in enumerate(columns):
            _put(ws, row, first_value_col + i, _value(s.totals, f"t3.{key}.{column}"))
        if key in layout.T3_OUTER_PREFIX:
            _put(ws, row, 1, layout.T3_OUTER_PREFIX[key] + group, to_col=3)
        else:
            results_start = results_start or row
            printed = layout.T3_PRINTED.get(group, group)
            if item:
                group_start.setdefault(group, row)
                _put(ws, row, 3, item)
            else:
                _put(ws, row, 2, layout.T3_GROUP_PREFIX.get(group, "") + printed, to_col=3)
        row += 1
    # Merge each group's label down its item rows, and 三、本年度办理结果 down the whole block.
    for group, start in group_start.items():
        end = start + sum(1 for _, g, item in rows if g == group and item) - 1
        _put(ws, start, 2, layout.T3_GROUP_PREFIX.get(group, "") + group, to_row=end)
    if results_start is not None:
        results_end = results_start + sum(1 for k, _, _ in rows if k not in layout.T3_OUTER_PREFIX) - 1
        _put(ws, results_start, 1, layout.T3_RESULTS, to_row=results_end)
    ws.column_dimensions["A"].width = 14
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 30


def _t4(ws: Worksheet, s: RegionSummary) -> None:
    columns = list(T4_COLUMNS)
    groups = list(T4_GROUPS)
    width = len(columns) * len(groups)
    _title(ws, layout.T4_TITLE, width)
    n = len(columns)
    _put(ws, 2, 1, layout.T4_REVIEW, to_col=n)
    _put(ws, 2, n + 1, layout.T4_SUIT, to_col=width)
    for i, column in enumerate(columns):
        _put(ws, 3, 1 + i, T4_COLUMNS[column], to_row=4)
    for g, group in enumerate(groups[1:]):
        start = n + 1 + g * n
        _put(ws, 3, start, layout.T4_SUIT_GROUPS[group], to_col=start + n - 1)
        for i, column in enumerate(columns):
            _put(ws, 4, start + i, T4_COLUMNS[column])
    for g, group in enumerate(groups):
        for i, column in enumerate(columns):
            _put(ws, 5, 1 + g * n + i, _value(s.totals, f"t4.{group}.{column}"))


def _agencies(ws: Worksheet, s: RegionSummary) -> None:
    ws.append(list(say.AGENCY_HEADERS))
    for line in s.agencies:
        report = line.report
        ws.append(
            [
                neutral_text(line.name),
                say.STATES[line.state],
                line.deadline.day.isoformat() if line.deadline else None,
                report.received_at.date().isoformat() if report else None,
                report.published_on.isoformat() if report and report.published_on else None,
                report.report_id if report else None,
                report.version if report else None,
                neutral_text(report.filename) if report else None,
            ]
        )
    ws.column_dimensions["A"].width = 36


def _detail(ws: Worksheet, s: RegionSummary) -> None:
    """One row per cell key, one column per report: every total is the sum of its row."""
    reports = list(s.reports)
    ws.append([say.DETAIL_KEY, say.DETAIL_LABEL, say.DETAIL_TOTAL] + [neutral_text(r.agency) for r in reports])
    ws.append([say.DETAIL_REPORT_ID, None, None] + [r.report_id for r in reports])
    ws.append([say.DETAIL_FILE, None, None] + [neutral_text(say.DETAIL_FILE_VERSION.format(filename=r.filename, version=r.version)) for r in reports])
    for key in s.keys:
        ws.append([key, cell_label(key), s.totals.get(key)] + [_number(r.cells.get(key)) for r in reports])
    ws.column_dimensions["B"].width = 40


def _number(value: float | None) -> Number | None:
    if value is None:
        return None
    return int(value) if value.is_integer() else value


def render_xlsx(summary: RegionSummary, sheets: Sequence[str] = say.SHEETS) -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    workbook.remove(first)
    builders = (_t2, _t3, _t4, _agencies, _detail)
    for name, build in zip(sheets, builders, strict=True):
        build(workbook.create_sheet(name), summary)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
