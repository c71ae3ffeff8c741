"""Queries over every current report of a year: counts, sums and rankings of one figure
(from current_values), failed checks. Resolved inside the database so no per-report row crosses
into Python."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from parsing.model import CheckStatus
from storage.current_tables import CurrentValue
from storage.current_values import figure_rows, zero_names_sql
from storage.derived import combined_key
from storage.models import CURRENT_REPORT, Agency, CheckRow, ReportRow
from storage.totals import key_total, year_reports


def count_reports(session: Session, year: int) -> int:
    # Kept by the database with every write of reports (storage.totals): not a count of the year.
    return year_reports(session, year)[0]


@dataclass(frozen=True)
class YearSummary:
    year: int
    reports: int  # current reports of the year
    with_number: int
    blank: int  # the cell is there but blank
    missing: int  # the report holds none of the keys
    total: float


# Stands for a blank figure inside the per-agency subquery, so one aggregate tells "blank"
# (sentinel) from "absent" (NULL). Far outside any figure a report can hold.
_BLANK = -1.0e300


def _per_agency(dialect: str, year: int, keys: Sequence[str], sum_of: Sequence[str]) -> Any:
    """One row per agency holding any of the figures in its current report of `year`:
    (agency_id, value, present), read from current_values (issue 14), nothing per report in Python.

    value = the explicit sum of `sum_of` (NULL if any is blank or absent), else the first of `keys`
    with a number; present = the report holds the figure at all (a blank cell counts as present).
    Several keys only (one is read from storage.totals and the ranking index): every figure of the
    year's keys, zeros and blanks expanded from current_marks (storage.current_values.figure_rows).
    Every figure the bot asks across a year is kept as one key (storage.derived), so this is the
    path of other callers.
    """
    cv = figure_rows(dialect, year, (*sum_of, *keys)).c
    raw: list[Any] = []
    if sum_of:
        part = cv.key.in_(list(sum_of))
        every = func.count().filter(part) == len(sum_of)
        numbers = func.count(cv.value).filter(part) == len(sum_of)
        raw.append(case((and_(every, numbers), func.sum(cv.value).filter(part)), (every, _BLANK), else_=None))
    for key in keys:
        raw.append(
            case(
                (
                    func.count().filter(cv.key == key) > 0,
                    func.coalesce(func.max(cv.value).filter(cv.key == key), _BLANK),
                ),
                else_=None,
            )
        )
    # Grouped by agency_id + 0, not agency_id: SQLite would otherwise walk (agency_id, year) in
    # agency order with a skip-scan of every agency, slower than one pass and a small sort (issue 14).
    agency = (cv.agency_id + 0).label("agency_id")
    inner = select(agency, *(r.label(f"raw{i}") for i, r in enumerate(raw))).group_by(agency).subquery()
    columns = [inner.c[f"raw{i}"] for i in range(len(raw))]
    numbers_ = [func.nullif(c, _BLANK) for c in columns]
    value = numbers_[0] if len(numbers_) == 1 else func.coalesce(*numbers_)
    present = or_(*(c.is_not(None) for c in columns)) if columns else false()
    return select(inner.c.agency_id, value.label("value"), present.label("present")).subquery()


def _stored_as_one(keys: Sequence[str], sum_of: Sequence[str]) -> tuple[Sequence[str], Sequence[str]]:
    """A combination the ingest keeps as its own key (storage.derived) is read as that one key."""
    key = combined_key(keys, sum_of)
    return ((key,), ()) if key is not None else (keys, sum_of)


def year_summary(session: Session, year: int, keys: Sequence[str], sum_of: Sequence[str] = ()) -> YearSummary:
    """Counts and the total of a figure over the current reports of a year."""
    keys, sum_of = _stored_as_one(keys, sum_of)
    reports = count_reports(session, year)
    if not reports or not (keys or sum_of):
        return YearSummary(year, reports, 0, 0, reports, 0.0)
    if len(keys) == 1 and not sum_of:  # one key: its (year, key) totals (storage.totals)
        kept = key_total(session, year, keys[0])
        numbers, blank, total = kept.numbers, kept.rows - kept.numbers, kept.total
        return YearSummary(year, reports, numbers, blank, reports - numbers - blank, total)
    v = _per_agency(session.get_bind().dialect.name, year, keys, sum_of)
    row = (
        session.connection()
        .execute(
            select(
                func.count(v.c.value),
                func.sum(case((and_(v.c.present, v.c.value.is_(None)), 1), else_=0)),
                func.coalesce(func.sum(v.c.value), 0.0),
            ).select_from(v)
        )
        .one()
    )
    numbers, blank, total = int(row[0]), int(row[1] or 0), float(row[2])
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
    with the year's counts. A single key: the counts from one index range, the top read straight
    off the index. Several: one pass over the per-agency figures, counts as window aggregates."""
    keys, sum_of = _stored_as_one(keys, sum_of)
    if len(keys) == 1 and not sum_of:
        summary = year_summary(session, year, keys)
        if not summary.with_number:
            return [], summary
        return _top_of_key(session, year, keys[0], limit, descending), summary
    reports = count_reports(session, year)
    if not reports or not (keys or sum_of):
        return [], YearSummary(year, reports, 0, 0, reports, 0.0)
    v = _per_agency(session.get_bind().dialect.name, year, keys, sum_of)
    blank = case((and_(v.c.present, v.c.value.is_(None)), 1), else_=0)
    # NULLS LAST instead of WHERE value IS NOT NULL: a filter would leave blanks out of the counts.
    order = v.c.value.desc().nulls_last() if descending else v.c.value.asc().nulls_last()
    rows = (
        session.connection()
        .execute(
            select(
                Agency.name,
                v.c.value,
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
        return [], YearSummary(year, reports, 0, 0, reports, 0.0)
    numbers, blanks, total = int(rows[0][2]), int(rows[0][3] or 0), float(rows[0][4] or 0.0)
    summary = YearSummary(year, reports, numbers, blanks, reports - numbers - blanks, total)
    return [(name, float(value)) for name, value, *_ in rows if value is not None], summary


# ix_current_values_year_key_nonzero's predicate, as literally (see _NOT_PASSED below).
_NONZERO: ColumnElement[bool] = literal_column("current_values.value <> 0")


def _top_of_key(
    session: Session, year: int, key: str, limit: int, descending: bool
) -> list[tuple[str, float]]:
    """The first `limit` (agency name, value) of one key by value, ties by name. The ranking index
    leaves zeros out (migration 0015): the non-zero figures come off it; zeros, when the ranking
    reaches them (an ascending one, or a year with few non-zero figures), are the first agencies
    by name holding a 0, each probed through its current_marks row (migration 0017)."""
    cv = CurrentValue
    order = cv.value.desc() if descending else cv.value.asc()
    rows = [
        (name, float(value))
        for name, value in session.execute(
            select(Agency.name, cv.value)
            .join(Agency, Agency.id == cv.agency_id)
            .where(cv.year == year, cv.key == key, _NONZERO)
            .order_by(order, Agency.name)
            .limit(limit)
        )
        if value is not None  # never (NULL <> 0 is not true): for the type checker
    ]
    before = [r for r in rows if (r[1] > 0) == descending]  # the figures ranked ahead of a zero
    if len(before) >= limit or not key_total(session, year, key).zeros:
        return rows
    zeros = session.scalars(
        text(zero_names_sql(session.get_bind().dialect.name)),
        {"year": year, "key": key, "n": limit - len(before)},
    )
    after = [r for r in rows if (r[1] > 0) != descending]
    return (before + [(name, 0.0) for name in zeros] + after)[:limit]


@dataclass(frozen=True)
class FailedReport:
    report_id: int
    agency_name: str
    year: int
    rules: tuple[str, ...]


# ix_report_checks_failed's predicate, written as a literal: SQLite uses a partial index only when
# the query repeats its WHERE with the same constant (a bound parameter does not count).
_NOT_PASSED = CheckRow.status != literal_column("'pass'")
_UNVERIFIED: ColumnElement[bool] = literal_column("report_checks.status NOT IN ('pass', 'fail')")


# ix_reports_failed_checks's predicate, as literally (see _NOT_PASSED).
_FAILING = and_(literal_column("reports.is_current"), literal_column("NOT reports.checks_ok"))


def failing_reports(session: Session, year: int, *, limit: int) -> tuple[int, list[FailedReport]]:
    """How many current reports of the year fail a check, and the first `limit` of them (by
    agency id, then listed by name): a bot reply shows a few, not the 10 000 of a national year."""
    count = year_reports(session, year)[1]
    ids = session.scalars(
        select(ReportRow.id)
        .where(ReportRow.year == year, _FAILING)
        .order_by(ReportRow.agency_id)
        .limit(limit)
    ).all()
    return count, failed_check_reports(session, year, report_ids=list(ids)) if ids else []


def failed_check_reports(
    session: Session, year: int, *, agency_id: int | None = None, report_ids: Sequence[int] | None = None
) -> list[FailedReport]:
    query = (
        select(ReportRow.id, Agency.name, ReportRow.year, CheckRow.rule)
        .join(Agency, Agency.id == ReportRow.agency_id)
        .join(CheckRow, CheckRow.report_id == ReportRow.id)
        .where(
            ReportRow.year == year,
            CURRENT_REPORT,
            _NOT_PASSED,
            CheckRow.status == CheckStatus.FAIL,
        )
        .order_by(Agency.name, CheckRow.id)
    )
    if agency_id is not None:
        query = query.where(ReportRow.agency_id == agency_id)
    if report_ids is not None:
        query = query.where(ReportRow.id.in_(list(report_ids)))
    grouped: dict[int, tuple[str, int, list[str]]] = {}
    for report_id, name, yr, rule in session.execute(query):
        grouped.setdefault(report_id, (name, yr, []))[2].append(rule)
    return [
        FailedReport(rid, name, yr, tuple(dict.fromkeys(rules))) for rid, (name, yr, rules) in grouped.items()
    ]


def unchecked_reports(session: Session, year: int) -> dict[str, int]:
    """Rule -> how many current reports of the year could not have it checked."""
    # SQLite walked every check of the year's reports through the report_id index (22 ms at 100 000
    # reports); with that index ruled out (+) it reads the partial index of the unverified ones,
    # which are few, and finds their reports by id (under 1 ms).
    check_report: Any = CheckRow.report_id
    if session.get_bind().dialect.name == "sqlite":
        check_report = literal_column("+report_checks.report_id")
    rows = session.execute(
        select(CheckRow.rule, func.count())
        .join(ReportRow, ReportRow.id == check_report)
        .where(
            ReportRow.year == year,
            CURRENT_REPORT,
            _UNVERIFIED,
        )
        .group_by(CheckRow.rule)
        .order_by(CheckRow.rule)
    )
    return {rule: int(n) for rule, n in rows}
