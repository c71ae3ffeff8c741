"""Read-only queries behind the question answering. Plain functions taking a Session.

Every function filters on indexed columns (reports: uq_reports_current / ix_reports_year_current;
cells: one row a report; facts and checks: report_id), so each stays in the low
milliseconds with 10 000 stored reports. Agency lookup lives in storage.agency_lookup, queries
over a whole year in storage.year_queries, the registry question in storage.expected; their
names are re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from parsing.model import CheckStatus
from storage.agency_lookup import (
    AgencyCandidate,
    AgencyMatch,
    MatchKind,
    agency_lexicon,
    agency_names,
    find_agencies,
    place_names,
)
from storage.cells import Cell, cells_of
from storage.expected import RegistryYear, registry_year
from storage.models import CURRENT_REPORT, Agency, CheckRow, FactRow, ReportRow
from storage.year_queries import (
    FailedReport,
    YearSummary,
    count_reports,
    failed_check_reports,
    failing_reports,
    unchecked_reports,
    year_summary,
    year_top,
)

__all__ = [
    "AgencyCandidate",
    "AgencyMatch",
    "CheckState",
    "FailedCheck",
    "FailedReport",
    "MatchKind",
    "RegistryYear",
    "ReportInfo",
    "StoredValue",
    "ValueKind",
    "Version",
    "YearSummary",
    "agency_lexicon",
    "agency_names",
    "check_states",
    "count_reports",
    "current_report",
    "current_reports",
    "failed_check_reports",
    "failed_checks",
    "failing_reports",
    "find_agencies",
    "latest_year",
    "latest_year_of",
    "place_names",
    "registry_year",
    "report_facts",
    "report_values",
    "report_versions",
    "reports_values",
    "unchecked_reports",
    "year_summary",
    "year_top",
    "years_held",
    "years_with_reports",
]


# --- reports -------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportInfo:
    id: int
    agency_id: int
    agency_name: str
    year: int
    template: str | None
    published_on: date | None
    checks_ok: bool
    # Read by OCR: {"pages", "confidence": {key: 0-1}, "low_confidence": [keys], ...}; else None.
    ocr: dict[str, Any] | None = None


def _report_select() -> Any:
    return select(
        ReportRow.id,
        ReportRow.agency_id,
        Agency.name,
        ReportRow.year,
        ReportRow.template,
        ReportRow.published_on,
        ReportRow.checks_ok,
        ReportRow.ocr,
    ).join(Agency, Agency.id == ReportRow.agency_id)


def _report_info(row: Any) -> ReportInfo:
    return ReportInfo(
        id=row[0],
        agency_id=row[1],
        agency_name=row[2],
        year=row[3],
        template=row[4],
        published_on=row[5],
        checks_ok=bool(row[6]),
        ocr=row[7],
    )


def current_report(session: Session, agency_id: int, year: int) -> ReportInfo | None:
    row = session.execute(
        _report_select().where(
            ReportRow.agency_id == agency_id, ReportRow.year == year, CURRENT_REPORT
        )
    ).first()
    return _report_info(row) if row else None


def current_reports(
    session: Session, agency_ids: Sequence[int], years: Sequence[int]
) -> dict[tuple[int, int], ReportInfo]:
    """(agency id, year) -> the current report, for several agencies and years in one query."""
    if not agency_ids or not years:
        return {}
    rows = session.execute(
        _report_select().where(
            ReportRow.agency_id.in_(list(agency_ids)),
            ReportRow.year.in_(list(years)),
            CURRENT_REPORT,
        )
    )
    return {(r[1], r[3]): _report_info(r) for r in rows}


def years_held(session: Session, agency_id: int) -> list[int]:
    rows = session.execute(
        select(ReportRow.year)
        .where(ReportRow.agency_id == agency_id, CURRENT_REPORT)
        .order_by(ReportRow.year)
    ).scalars()
    return list(rows.all())


def latest_year(session: Session, agency_id: int) -> int | None:
    return session.execute(
        select(func.max(ReportRow.year)).where(
            ReportRow.agency_id == agency_id, CURRENT_REPORT
        )
    ).scalar()


def latest_year_of(session: Session, agency_ids: Sequence[int]) -> int | None:
    """The latest year any of these agencies has a current report for."""
    return session.execute(
        select(func.max(ReportRow.year)).where(
            ReportRow.agency_id.in_(list(agency_ids)), CURRENT_REPORT
        )
    ).scalar()


# One index probe per year held (ix_reports_year_current) instead of a DISTINCT over every report:
# 32 ms at 100 000 reports on PostgreSQL, which has no skip scan, and growing with the table.
_YEARS_HELD = text("""
WITH RECURSIVE held(year) AS (
    SELECT min(year) FROM reports WHERE is_current = true
    UNION ALL
    SELECT (SELECT min(r.year) FROM reports r WHERE r.is_current = true AND r.year > held.year)
    FROM held WHERE held.year IS NOT NULL
)
SELECT year FROM held WHERE year IS NOT NULL ORDER BY year""")


def years_with_reports(session: Session) -> list[int]:
    return [int(y) for y in session.execute(_YEARS_HELD).scalars()]


# --- values --------------------------------------------------------------------------


class ValueKind(StrEnum):
    """Where a stored figure came from: a table cell or a fact read from the prose."""

    CELL = "cell"
    FACT = "fact"


@dataclass(frozen=True)
class StoredValue:
    """One figure of a report with where it was read. value None = the cell is blank."""

    key: str
    kind: ValueKind
    value: float | None
    unit: str | None = None
    source: str | None = None  # the sentence, for facts
    raw: str | None = None
    page: int | None = None
    row: int | None = None
    col: int | None = None


def _cell_value(c: Cell) -> StoredValue:
    return StoredValue(key=c.key, kind=ValueKind.CELL, value=c.value, raw=c.raw, page=c.page, row=c.row, col=c.col)


def _fact_value(f: FactRow) -> StoredValue:
    return StoredValue(key=f.key, kind=ValueKind.FACT, value=f.value, unit=f.unit, source=f.source, page=f.page)


def report_values(session: Session, report_id: int, keys: Sequence[str]) -> dict[str, StoredValue]:
    """The cells and facts of one report among `keys` (first fact wins when a key repeats)."""
    return reports_values(session, [report_id], keys)[report_id]


def reports_values(
    session: Session, report_ids: Sequence[int], keys: Sequence[str]
) -> dict[int, dict[str, StoredValue]]:
    """The cells and facts among `keys` of several reports in two queries (cells, facts)."""
    keys = list(dict.fromkeys(keys))
    out: dict[int, dict[str, StoredValue]] = {r: {} for r in report_ids}
    if not keys or not report_ids:
        return out
    for report_id, cells in cells_of(session, report_ids, keys).items():
        out[report_id] = {key: _cell_value(c) for key, c in cells.items()}
    facts = session.execute(
        select(FactRow)
        .where(FactRow.report_id.in_(list(report_ids)), FactRow.key.in_(keys))
        .order_by(FactRow.id)
    ).scalars()
    for f in facts:
        out[f.report_id].setdefault(f.key, _fact_value(f))
    return out


def report_facts(session: Session, report_id: int) -> list[StoredValue]:
    rows = session.execute(
        select(FactRow).where(FactRow.report_id == report_id).order_by(FactRow.id)
    ).scalars()
    return [_fact_value(f) for f in rows]


@dataclass(frozen=True)
class FailedCheck:
    rule: str
    detail: str


@dataclass(frozen=True)
class CheckState:
    rule: str
    status: str  # pass / fail / anything else: could not be checked
    detail: str


def check_states(session: Session, report_id: int) -> list[CheckState]:
    rows = session.execute(
        select(CheckRow.rule, CheckRow.status, CheckRow.detail)
        .where(CheckRow.report_id == report_id)
        .order_by(CheckRow.id)
    )
    return [CheckState(rule, status, detail) for rule, status, detail in rows]


@dataclass(frozen=True)
class Version:
    version: int
    is_current: bool
    published_on: date | None
    received_at: datetime
    changes: int


def report_versions(session: Session, agency_id: int, year: int) -> list[Version]:
    rows = session.execute(
        select(
            ReportRow.version,
            ReportRow.is_current,
            ReportRow.published_on,
            ReportRow.received_at,
            ReportRow.changes,
        )
        .where(ReportRow.agency_id == agency_id, ReportRow.year == year)
        .order_by(ReportRow.version)
    )
    return [Version(v, bool(c), p, r, len(ch or [])) for v, c, p, r, ch in rows]


def failed_checks(session: Session, report_id: int) -> list[FailedCheck]:
    rows = session.execute(
        select(CheckRow.rule, CheckRow.detail)
        .where(CheckRow.report_id == report_id, CheckRow.status == CheckStatus.FAIL)
        .order_by(CheckRow.id)
    )
    return [FailedCheck(rule, detail) for rule, detail in rows]
