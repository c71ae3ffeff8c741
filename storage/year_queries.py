"""Queries over every current report of a year: counts, sums and rankings of one figure,
failed checks. Resolved inside the database so no per-report row crosses into Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, false, func, literal_column, or_, select
from sqlalchemy.orm import Session

from parsing.model import CheckStatus
from storage.models import Agency, CellRow, CheckRow, FactRow, ReportRow


def count_reports(session: Session, year: int) -> int:
    return session.execute(
        select(func.count(ReportRow.id)).where(ReportRow.year == year, ReportRow.is_current.is_(True))
    ).scalar_one()


@dataclass(frozen=True)
class YearSummary:
    year: int
    reports: int  # current reports of the year
    with_number: int
    blank: int  # the cell is there but blank
    missing: int  # the report holds none of the keys
    total: float


def _is_cell(key: str) -> bool:
    return key.startswith(("t2.", "t3.", "t4."))


# Stands for a blank cell inside the per-report subquery, so one primary-key lookup tells
# "blank" (sentinel) from "absent" (NULL). Far outside any figure a report can hold.
_BLANK = -1.0e300


def _per_report(year: int, keys: Sequence[str], sum_of: Sequence[str]) -> Any:
    """One row per current report of `year`: (report_id, agency_id, value, present).

    Resolved inside the database so no per-report row crosses into Python: value = the
    explicit sum of `sum_of` (NULL if any is blank or absent), else the first of `keys` with a
    number; present = the report holds the figure at all (a blank cell counts as present).
    Each cell is a correlated lookup on the primary key (report_id, key): PostgreSQL would
    otherwise pick a sequential scan of all cells for a join. OFFSET 0 keeps the inner
    query from being flattened, so each lookup runs once per report.
    """
    raw: list[Any] = []
    if sum_of:
        # One index range scan of the report's cells: all parts held, else absent (NULL).
        raw.append(
            select(case((func.count(CellRow.value) == len(sum_of), func.sum(CellRow.value)), else_=_BLANK))
            .where(CellRow.report_id == ReportRow.id, CellRow.key.in_(list(sum_of)))
            .having(func.count() == len(sum_of))
            .scalar_subquery()
        )
    for key in keys:
        if _is_cell(key):
            raw.append(
                select(func.coalesce(CellRow.value, _BLANK))
                .where(CellRow.report_id == ReportRow.id, CellRow.key == key)
                .scalar_subquery()
            )
        else:
            raw.append(
                select(FactRow.value)
                .where(FactRow.report_id == ReportRow.id, FactRow.key == key)
                .order_by(FactRow.id)
                .limit(1)
                .scalar_subquery()
            )
    inner = (
        select(
            ReportRow.id.label("report_id"),
            ReportRow.agency_id.label("agency_id"),
            *(r.label(f"raw{i}") for i, r in enumerate(raw)),
        )
        .where(ReportRow.year == year, ReportRow.is_current.is_(True))
        .offset(0)
        .subquery()
    )
    columns = [inner.c[f"raw{i}"] for i in range(len(raw))]
    numbers = [func.nullif(c, _BLANK) for c in columns]
    value = numbers[0] if len(numbers) == 1 else func.coalesce(*numbers)
    present = or_(*(c.is_not(None) for c in columns)) if columns else false()
    return select(
        inner.c.report_id, inner.c.agency_id, value.label("value"), present.label("present")
    ).subquery()


def year_summary(session: Session, year: int, keys: Sequence[str], sum_of: Sequence[str] = ()) -> YearSummary:
    """Counts and the total of a figure over the current reports of a year."""
    v = _per_report(year, keys, sum_of)
    row = (
        session.connection()
        .execute(
            select(
                func.count(),
                func.count(v.c.value),
                func.sum(case((and_(v.c.present, v.c.value.is_(None)), 1), else_=0)),
                func.coalesce(func.sum(v.c.value), 0.0),
            ).select_from(v)
        )
        .one()
    )
    reports, numbers, blank, total = int(row[0]), int(row[1]), int(row[2] or 0), float(row[3])
    return YearSummary(year, reports, numbers, blank, reports - numbers - blank, total)


def year_top(
    session: Session,
    year: int,
    keys: Sequence[str],
    sum_of: Sequence[str] = (),
    *,
    limit: int = 10,
    descending: bool = True,
) -> tuple[list[tuple[str, float]], YearSummary]:
    """(agency name, value) of the first `limit` reports of a year by a figure (ties by name),
    with the year's counts from window aggregates of the same single pass over the reports."""
    v = _per_report(year, keys, sum_of)
    blank = case((and_(v.c.present, v.c.value.is_(None)), 1), else_=0)
    # NULLS LAST instead of WHERE value IS NOT NULL: a filter would run the lookups twice.
    order = v.c.value.desc().nulls_last() if descending else v.c.value.asc().nulls_last()
    rows = (
        session.connection()
        .execute(
            select(
                Agency.name,
                v.c.value,
                func.count().over(),
                func.count(v.c.value).over(),
                func.sum(blank).over(),
                func.sum(v.c.value).over(),
            )
            .join(Agency, Agency.id == v.c.agency_id)
            .order_by(order, Agency.name)
            .limit(limit)
        )
        .all()
    )
    if not rows:
        return [], YearSummary(year, 0, 0, 0, 0, 0.0)
    reports, numbers, blanks, total = int(rows[0][2]), int(rows[0][3]), int(rows[0][4] or 0), rows[0][5]
    summary = YearSummary(year, reports, numbers, blanks, reports - numbers - blanks, float(total or 0.0))
    return [(name, float(value)) for name, value, *_ in rows if value is not None], summary


@dataclass(frozen=True)
class FailedReport:
    report_id: int
    agency_name: str
    year: int
    rules: tuple[str, ...]


# ix_report_checks_failed's predicate, written as a literal: SQLite uses a partial index only when
# the query repeats its WHERE with the same constant (a bound parameter does not count).
_NOT_PASSED = CheckRow.status != literal_column("'pass'")


def failed_check_reports(session: Session, year: int, *, agency_id: int | None = None) -> list[FailedReport]:
    query = (
        select(ReportRow.id, Agency.name, ReportRow.year, CheckRow.rule)
        .join(Agency, Agency.id == ReportRow.agency_id)
        .join(CheckRow, CheckRow.report_id == ReportRow.id)
        .where(ReportRow.year == year, ReportRow.is_current.is_(True), _NOT_PASSED, CheckRow.status == CheckStatus.FAIL)
        .order_by(Agency.name, CheckRow.id)
    )
    if agency_id is not None:
        query = query.where(ReportRow.agency_id == agency_id)
    grouped: dict[int, tuple[str, int, list[str]]] = {}
    for report_id, name, yr, rule in session.execute(query):
        grouped.setdefault(report_id, (name, yr, []))[2].append(rule)
    return [
        FailedReport(rid, name, yr, tuple(dict.fromkeys(rules))) for rid, (name, yr, rules) in grouped.items()
    ]


def unchecked_reports(session: Session, year: int) -> dict[str, int]:
    """Rule -> how many current reports of the year could not have it checked."""
    rows = session.execute(
        select(CheckRow.rule, func.count())
        .join(ReportRow, ReportRow.id == CheckRow.report_id)
        .where(
            ReportRow.year == year,
            ReportRow.is_current.is_(True),
            _NOT_PASSED,
            CheckRow.status.not_in((CheckStatus.PASS, CheckStatus.FAIL)),
        )
        .group_by(CheckRow.rule)
        .order_by(CheckRow.rule)
    )
    return {rule: int(n) for rule, n in rows}
