"""A report's table cells, stored as one report_cells row (issue 14): written by the ingest, read
back by every answer, export, history and check that needs the figures of particular reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parsing.model import Provenance
from storage.models import CellRow


@dataclass(frozen=True)
class Cell:
    """One stored cell; value None = blank, the rest where it was read (None when unknown)."""

    key: str
    value: float | None
    raw: str | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None


def _float(value: Any) -> float | None:
    # JSON written by PostgreSQL's own functions (the migration) reads back 3, not 3.0.
    return None if value is None else float(value)


def payload(
    cells: Mapping[str, float | None], sources: Mapping[str, Provenance]
) -> tuple[dict[str, float | None], dict[str, list[Any]]]:
    """The (cells, sources) columns of a report: values as stored, provenance where known."""
    where = {
        key: [p.raw, p.page, p.table, p.row, p.col] for key, p in sources.items() if key in cells
    }
    return dict(cells), where


def _values(stored: Mapping[str, Any] | None) -> dict[str, float | None]:
    return {key: _float(value) for key, value in (stored or {}).items()}


def cell_values(session: Session, report_id: int) -> dict[str, float | None]:
    """key -> value of every cell of the report, in printed order (empty if it has none)."""
    return _values(session.scalar(select(CellRow.cells).where(CellRow.report_id == report_id)))


def cells_values(session: Session, report_ids: Sequence[int]) -> dict[int, dict[str, float | None]]:
    """cell_values for several reports in one query; every id gets an entry."""
    out: dict[int, dict[str, float | None]] = {r: {} for r in report_ids}
    if report_ids:
        for report_id, stored in session.execute(
            select(CellRow.report_id, CellRow.cells).where(CellRow.report_id.in_(list(report_ids)))
        ):
            out[report_id] = _values(stored)
    return out


def _cell(key: str, value: Any, source: Sequence[Any] | None) -> Cell:
    raw, page, table, row, col = (list(source) + [None] * 5)[:5] if source else (None,) * 5
    return Cell(key, _float(value), raw, page, table, row, col)


def cells_of(session: Session, report_ids: Sequence[int], keys: Iterable[str]) -> dict[int, dict[str, Cell]]:
    """The cells among `keys` of each report, with where they were read."""
    wanted = list(dict.fromkeys(keys))
    out: dict[int, dict[str, Cell]] = {r: {} for r in report_ids}
    if not wanted or not report_ids:
        return out
    rows = session.execute(
        select(CellRow.report_id, CellRow.cells, CellRow.sources).where(CellRow.report_id.in_(list(report_ids)))
    )
    for report_id, stored, sources in rows:
        stored, sources = stored or {}, sources or {}
        out[report_id] = {k: _cell(k, stored[k], sources.get(k)) for k in wanted if k in stored}
    return out
