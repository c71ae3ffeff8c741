"""What a region table reads: the agencies with their places, and their current reports on a year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.cells import cells_values
from storage.models import CURRENT_REPORT, Agency, ReportRow, SourceFile


@dataclass(frozen=True)
class AgencyPlace:
    agency_id: int
    name: str
    region: str


@dataclass(frozen=True)
class SummedReport:
    """A current report with its table cells: one column of the region table's detail sheet."""

    report_id: int
    agency_id: int
    agency: str
    year: int
    version: int
    template: str | None
    filename: str
    received_at: datetime
    published_on: date | None
    cells: dict[str, float | None] = field(default_factory=dict)


def agency_places(session: Session) -> list[AgencyPlace]:
    rows = session.execute(select(Agency.id, Agency.name, Agency.region).order_by(Agency.name))
    return [AgencyPlace(i, n, r) for i, n, r in rows]


def current_reports(session: Session, agency_ids: Sequence[int], year: int) -> list[SummedReport]:
    """The current report on `year` of each of the agencies that has one, by agency name."""
    found: list[SummedReport] = []
    ids = list(agency_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(ReportRow, Agency.name, SourceFile.original_name)
            .join(Agency, Agency.id == ReportRow.agency_id)
            .join(SourceFile, SourceFile.id == ReportRow.source_file_id)
            .where(ReportRow.agency_id.in_(chunk), ReportRow.year == year, CURRENT_REPORT)
        ).all()
        cells = cells_values(session, [r.id for r, _, _ in rows])
        found += [
            SummedReport(
                r.id, r.agency_id, name, r.year, r.version, r.template, filename, r.received_at,
                r.published_on, cells[r.id],
            )
            for r, name, filename in rows
        ]  # fmt: skip
    return sorted(found, key=lambda r: r.agency)
