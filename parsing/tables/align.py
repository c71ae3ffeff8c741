"""Aligning a row's values under its columns, and storing cells with their provenance."""

from __future__ import annotations

from dataclasses import dataclass, field

from parsing.numbers import CellProblem, read_cell
from parsing.tables.rows import RawRow, TablesResult
from parsing.vocabulary.keys import AMOUNT_KEYS

Slot = tuple[int, str | None]  # (column index in the raw row, raw text)


def is_blank(text: str | None) -> bool:
    return read_cell(text).kind == "blank"


@dataclass
class AlignNotes:
    extra: list[str] = field(default_factory=list)  # row labels with extra values
    short: dict[int, list[str]] = field(default_factory=dict)  # count -> row labels
    unplaced: list[str] = field(default_factory=list)  # row labels left blank: columns unknown


def align(
    region: list[Slot],
    headers: list[int] | None,
    n: int,
    label: str,
    notes: AlignNotes,
    *,
    positional: bool = True,
) -> list[Slot | None]:
    filled = [slot for slot in region if not is_blank(slot[1])]
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
    while len(cells) > n and is_blank(cells[-1][1]):
        cells.pop()
    while len(cells) > n and is_blank(cells[0][1]):
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


def same_grid(headers: list[int] | None, width: int, row: RawRow) -> list[int] | None:
    """Header positions apply only to rows of the same grid width (a table continued on the
    next page is often extracted with different columns)."""
    return headers if headers is not None and len(row.cells) == width else None


def split_label(row: RawRow) -> tuple[list[str], list[Slot]]:
    """Label texts (normalized, non-empty) and the value region after the last label cell."""
    last_label = -1
    for i, cell in enumerate(row.cells):
        if read_cell(cell).kind == "text":
            last_label = i
    labels = [row.norm[i] for i in range(last_label + 1) if row.norm[i]]
    region = [(i, row.cells[i]) for i in range(last_label + 1, len(row.cells))]
    return labels, region


def store(
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
    value, problem = cell.value, cell.problem
    if isinstance(value, float) and key not in AMOUNT_KEYS:
        # A count with decimals (3.14159 requests) is no count; 12.0 is 12.
        value, problem = (int(value), None) if value.is_integer() else (None, CellProblem.FRACTION)
    result.cells[key] = value
    result.sources[key] = row.provenance(col)
    if problem is not None:
        result.problems[key] = (problem, text or "")
    else:
        result.problems.pop(key, None)


def short_label(labels: list[str]) -> str:
    return labels[-1][:16] if labels else "（无标签）"
