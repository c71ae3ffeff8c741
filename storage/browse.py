"""Read-only lookups behind /report, /history and /agencies. Plain functions taking a Session."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage.cells import cell_values
from storage.models import Agency, CheckRow, FactRow, ReportRow, SourceFile
from storage.reports import ValueChange


@dataclass(frozen=True)
class AgencySummary:
    agency_id: int
    name: str
    years: tuple[int, ...]  # years with a current report, ascending


@dataclass(frozen=True)
class VersionSummary:
    report_id: int
    year: int
    version: int
    is_current: bool
    received_at: datetime
    filename: str
    checks_ok: bool
    changes: tuple[ValueChange, ...]


@dataclass(frozen=True)
class FactView:
    key: str
    value: float
    unit: str
    source: str


@dataclass(frozen=True)
class CheckView:
    rule: str
    status: str
    detail: str


@dataclass(frozen=True)
class ReportView:
    report_id: int
    agency: str
    year: int
    template: str | None
    published_on: date | None
    version: int
    filename: str
    cells: dict[str, float | None]
    facts: tuple[FactView, ...]
    checks: tuple[CheckView, ...]


def agencies_with_years(session: Session, *, limit: int = 500) -> list[AgencySummary]:
    """Every agency holding at least one current report, by name."""
    rows = session.execute(
        select(Agency.id, Agency.name, ReportRow.year)
        .join(ReportRow, ReportRow.agency_id == Agency.id)
        .where(ReportRow.is_current)
        .order_by(Agency.name, ReportRow.year)
    ).all()
    years: dict[int, list[int]] = {}
    names: dict[int, str] = {}
    for agency_id, name, year in rows:
        names[agency_id] = name
        years.setdefault(agency_id, []).append(year)
    return [AgencySummary(i, names[i], tuple(years[i])) for i in list(names)[:limit]]


def count_agencies(session: Session) -> int:
    return (
        session.scalar(select(func.count(func.distinct(ReportRow.agency_id))).where(ReportRow.is_current))
        or 0
    )


def agency_versions(session: Session, agency_id: int) -> list[VersionSummary]:
    """All stored versions of an agency's reports, newest year first, then newest version."""
    rows = session.execute(
        select(ReportRow, SourceFile.original_name)
        .join(SourceFile, SourceFile.id == ReportRow.source_file_id)
        .where(ReportRow.agency_id == agency_id)
        .order_by(ReportRow.year.desc(), ReportRow.version.desc())
    ).all()
    return [
        VersionSummary(
            report_id=r.id,
            year=r.year,
            version=r.version,
            is_current=r.is_current,
            received_at=r.received_at,
            filename=filename,
            checks_ok=r.checks_ok,
            changes=tuple(ValueChange.from_stored(str(c)) for c in (r.changes or ())),
        )
        for r, filename in rows
    ]


def current_report(session: Session, agency_id: int, year: int) -> ReportView | None:
    row = session.execute(
        select(ReportRow, Agency.name, SourceFile.original_name)
        .join(Agency, Agency.id == ReportRow.agency_id)
        .join(SourceFile, SourceFile.id == ReportRow.source_file_id)
        .where(ReportRow.agency_id == agency_id, ReportRow.year == year, ReportRow.is_current)
    ).first()
    if row is None:
        return None
    report, agency, filename = row
    cells = cell_values(session, report.id)
    facts = tuple(
        FactView(f.key, f.value, f.unit, f.source)
        for f in session.scalars(select(FactRow).where(FactRow.report_id == report.id).order_by(FactRow.id))
    )
    checks = tuple(
        CheckView(c.rule, c.status, c.detail)
        for c in session.scalars(
            select(CheckRow).where(CheckRow.report_id == report.id).order_by(CheckRow.id)
        )
    )
    return ReportView(
        report_id=report.id,
        agency=agency,
        year=report.year,
        template=report.template,
        published_on=report.published_on,
        version=report.version,
        filename=filename,
        cells=cells,
        facts=facts,
        checks=checks,
    )


def latest_year(session: Session, agency_id: int) -> int | None:
    return session.scalar(
        select(func.max(ReportRow.year)).where(ReportRow.agency_id == agency_id, ReportRow.is_current)
    )
