"""One agency's reports across years: what the cross-year checks read, and where their results go.

Cross-year results are stored as check rows of the later report, with rules named `cross.*`;
they are replaced whenever either of the two reports changes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from storage.cells import cell_values
from storage.models import Agency, CheckRow, FactRow, ReportRow, SourceFile

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
    rows = session.execute(
        select(ReportRow, Agency.name, SourceFile.original_name)
        .join(Agency, Agency.id == ReportRow.agency_id)
        .join(SourceFile, SourceFile.id == ReportRow.source_file_id)
        .where(ReportRow.agency_id == agency_id, ReportRow.year.in_(list(years)), ReportRow.is_current.is_(True))
    ).all()
    found: dict[int, StoredYear] = {}
    for report, name, filename in rows:
        cells = cell_values(session, report.id)
        facts = {k: v for k, v in session.execute(select(FactRow.key, FactRow.value).where(FactRow.report_id == report.id))}
        found[report.year] = StoredYear(
            report.id, agency_id, name, report.year, report.version, filename, report.template, cells, facts
        )
    return found


def replace_cross_checks(session: Session, report_id: int, checks: Sequence[tuple[str, str, str]]) -> None:
    """Replace the report's cross-year check rows with (rule, status, detail) rows. Flushes only."""
    session.execute(
        delete(CheckRow).where(CheckRow.report_id == report_id, CheckRow.rule.startswith(CROSS_PREFIX))
    )
    if checks:
        session.execute(
            insert(CheckRow),
            [{"report_id": report_id, "rule": r, "status": s, "detail": d} for r, s, d in checks],
        )
