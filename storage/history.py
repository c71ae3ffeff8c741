"""One agency's reports across years: what the cross-year checks read, and where their results go.

Cross-year results are stored as check rows of the later report, with rules named `cross.*`;
they are replaced whenever either of the two reports changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from storage.cells import cells_values
from storage.models import CURRENT_REPORT, Agency, CheckRow, FactRow, ReportRow, SourceFile

CROSS_PREFIX = "cross."


@dataclass(frozen=True)
class StoredYear:
    """A current report with every cell and fact, as the cross-year rules read it."""

    report_id: int
    agency_id: int
    agency: str
    year: int
    version: int
    filename: str
    template: str | None
    cells: dict[str, float | None] = field(default_factory=dict)
    facts: dict[str, float] = field(default_factory=dict)


def stored_years(session: Session, agency_id: int, years: Iterable[int]) -> dict[int, StoredYear]:
    """The agency's current report on each of `years` that it has, keyed by year."""
    return {y: found for (_, y), found in stored_years_of(session, [(agency_id, y) for y in years]).items()}


def stored_years_of(session: Session, pairs: Iterable[tuple[int, int]]) -> dict[tuple[int, int], StoredYear]:
    """The current report of each (agency, year) among `pairs` that has one: three queries for all."""
    wanted = set(pairs)
    if not wanted:
        return {}
    rows = session.execute(
        select(ReportRow, Agency.name, SourceFile.original_name)
        .join(Agency, Agency.id == ReportRow.agency_id)
        .join(SourceFile, SourceFile.id == ReportRow.source_file_id)
        .where(
            ReportRow.agency_id.in_(sorted({a for a, _ in wanted})),
            ReportRow.year.in_(sorted({y for _, y in wanted})),
            CURRENT_REPORT,
        )
    ).all()
    rows = [r for r in rows if (r[0].agency_id, r[0].year) in wanted]
    ids = [r[0].id for r in rows]
    cells = cells_values(session, ids)
    facts: dict[int, dict[str, float]] = {i: {} for i in ids}
    if ids:
        for report_id, key, value in session.execute(
            select(FactRow.report_id, FactRow.key, FactRow.value)
            .where(FactRow.report_id.in_(ids))
            .order_by(FactRow.id)
        ):
            facts[report_id][key] = value
    return {
        (report.agency_id, report.year): StoredYear(
            report.id, report.agency_id, name, report.year, report.version, filename, report.template,
            cells[report.id], facts[report.id],
        )
        for report, name, filename in rows
    }  # fmt: skip


def replace_cross_checks_of(session: Session, checks: Mapping[int, Sequence[tuple[str, str, str]]]) -> None:
    """Replace each report's cross-year check rows (report id -> (rule, status, detail) rows): one
    delete and one insert for all. Flushes only."""
    if not checks:
        return
    session.execute(
        delete(CheckRow).where(CheckRow.report_id.in_(list(checks)), CheckRow.rule.startswith(CROSS_PREFIX))
    )
    rows = [
        {"report_id": report_id, "rule": r, "status": s, "detail": d}
        for report_id, rows in checks.items()
        for r, s, d in rows
    ]
    if rows:
        session.execute(insert(CheckRow), rows)
