"""Corrections of stored reports: another agency or year for a report, or a version withdrawn.

Every change writes one ReportCorrection row with who, when and the values before and after; the
report rows keep their cells, facts and checks. Functions flush only: the caller commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage import current_values
from storage.agencies import find_or_create_agency
from storage.models import CURRENT_REPORT, Agency, ReportCorrection, ReportRow, SourceFile


class Action(StrEnum):
    AGENCY = "agency"
    YEAR = "year"
    WITHDRAW = "withdraw"


class Refusal(StrEnum):
    NO_REPORT = "no_report"
    SAME = "same"  # the report already has that agency / year
    TARGET_TAKEN = "target_taken"  # the target agency already has a current report on that year
    ALREADY_WITHDRAWN = "already_withdrawn"


@dataclass(frozen=True)
class Who:
    user_id: int | None
    name: str
    via: str  # telegram / cli


@dataclass(frozen=True)
class VersionInfo:
    report_id: int
    agency_id: int
    agency: str
    year: int
    version: int
    is_current: bool
    withdrawn: bool
    filename: str
    received_at: datetime


@dataclass(frozen=True)
class Corrected:
    """What changed: the affected (agency_id, year) pairs, for re-running the cross-year checks."""

    correction_id: int
    action: Action
    report: VersionInfo  # as it is now
    old_agency: str
    old_year: int
    restored_report_id: int | None = None
    restored_version: int | None = None
    touched: tuple[tuple[int, int], ...] = ()


def _withdrawn_ids(session: Session, report_ids: list[int]) -> set[int]:
    return set(
        session.scalars(
            select(ReportCorrection.report_id).where(
                ReportCorrection.report_id.in_(report_ids), ReportCorrection.action == Action.WITHDRAW.value
            )
        )
    )


def versions(session: Session, agency_id: int, year: int | None = None) -> list[VersionInfo]:
    """Every stored version of the agency's reports (of `year`), newest year and version first."""
    query = (
        select(ReportRow, Agency.name, SourceFile.original_name)
        .join(Agency, Agency.id == ReportRow.agency_id)
        .join(SourceFile, SourceFile.id == ReportRow.source_file_id)
        .where(ReportRow.agency_id == agency_id)
        .order_by(ReportRow.year.desc(), ReportRow.version.desc())
    )
    if year is not None:
        query = query.where(ReportRow.year == year)
    rows = session.execute(query).all()
    withdrawn = _withdrawn_ids(session, [r.id for r, _, _ in rows])
    return [
        VersionInfo(r.id, r.agency_id, n, r.year, r.version, r.is_current, r.id in withdrawn, f, r.received_at)
        for r, n, f in rows
    ]


def version(session: Session, report_id: int) -> VersionInfo | None:
    report = session.get(ReportRow, report_id)
    if report is None:
        return None
    return next(v for v in versions(session, report.agency_id, report.year) if v.report_id == report_id)


def _chain(session: Session, report: ReportRow) -> list[ReportRow]:
    """All versions of the report's agency and year: they move together."""
    return list(
        session.scalars(
            select(ReportRow).where(ReportRow.agency_id == report.agency_id, ReportRow.year == report.year)
        )
    )


def _record(session: Session, report: ReportRow, action: Action, who: Who, now: datetime, **values: object) -> int:
    row = ReportCorrection(
        report_id=report.id, action=action.value, by_user=who.user_id, by_name=who.name[:200], via=who.via,
        at=now, note="", **values,
    )  # fmt: skip
    session.add(row)
    session.flush()
    return row.id


def move(
    session: Session, report_id: int, who: Who, now: datetime, *, agency_name: str | None = None,
    year: int | None = None,
) -> Corrected | Refusal:  # fmt: skip
    """Give the report (all versions of its agency and year) another agency or year."""
    report = session.get(ReportRow, report_id, with_for_update=True)
    if report is None:
        return Refusal.NO_REPORT
    old_agency, old_year = report.agency, report.year
    new_agency = find_or_create_agency(session, agency_name, now=now)[0] if agency_name else old_agency
    new_year = year if year is not None else old_year
    if (new_agency.id, new_year) == (old_agency.id, old_year):
        return Refusal.SAME
    taken = session.scalar(
        select(ReportRow.id).where(
            ReportRow.agency_id == new_agency.id, ReportRow.year == new_year, CURRENT_REPORT
        )
    )
    if taken is not None:
        return Refusal.TARGET_TAKEN
    old_agency_name = old_agency.name
    chain = _chain(session, report)
    # The partial unique index allows one current row per agency and year: move them one by one.
    for row in chain:
        session.execute(
            update(ReportRow).where(ReportRow.id == row.id).values(agency_id=new_agency.id, year=new_year)
        )
    session.flush()
    session.expire_all()
    current_values.resync(session, ((old_agency.id, old_year), (new_agency.id, new_year)))
    action = Action.AGENCY if agency_name else Action.YEAR
    correction_id = _record(
        session, report, action, who, now,
        old_agency_id=old_agency.id, new_agency_id=new_agency.id, old_year=old_year, new_year=new_year,
    )  # fmt: skip
    info = version(session, report_id)
    assert info is not None
    return Corrected(
        correction_id, action, info, old_agency_name, old_year,
        touched=((old_agency.id, old_year), (new_agency.id, new_year)),
    )  # fmt: skip


def withdraw(session: Session, report_id: int, who: Who, now: datetime) -> Corrected | Refusal:
    """Withdraw one version: it stops being current; the version it replaced becomes current again."""
    report = session.get(ReportRow, report_id, with_for_update=True)
    if report is None:
        return Refusal.NO_REPORT
    if _withdrawn_ids(session, [report_id]):
        return Refusal.ALREADY_WITHDRAWN
    restored: ReportRow | None = None
    if report.is_current:
        report.is_current = False
        session.flush()
        withdrawn = _withdrawn_ids(session, [r.id for r in _chain(session, report)])
        candidates = [
            r for r in _chain(session, report) if r.id != report.id and r.id not in withdrawn
        ]
        if candidates:
            restored = max(candidates, key=lambda r: r.version)
            restored.is_current = True
            session.flush()
        current_values.resync(session, [(report.agency_id, report.year)])
    agency_name, year = report.agency.name, report.year
    correction_id = _record(
        session, report, Action.WITHDRAW, who, now,
        old_agency_id=report.agency_id, old_year=year,
        restored_report_id=restored.id if restored else None,
    )  # fmt: skip
    info = version(session, report_id)
    assert info is not None
    return Corrected(
        correction_id, Action.WITHDRAW, info, agency_name, year,
        restored_report_id=restored.id if restored else None,
        restored_version=restored.version if restored else None, touched=((report.agency_id, year),),
    )  # fmt: skip


@dataclass(frozen=True)
class CorrectionView:
    id: int
    report_id: int
    action: Action
    old_agency: str | None
    new_agency: str | None
    old_year: int | None
    new_year: int | None
    restored_report_id: int | None
    by_user: int | None
    by_name: str
    via: str
    at: datetime


def corrections(session: Session, report_id: int | None = None) -> list[CorrectionView]:
    query = select(ReportCorrection).order_by(ReportCorrection.id)
    if report_id is not None:
        query = query.where(ReportCorrection.report_id == report_id)
    rows = session.scalars(query).all()
    names = {i: n for i, n in session.execute(select(Agency.id, Agency.name))} if rows else {}
    return [
        CorrectionView(
            r.id, r.report_id, Action(r.action), names.get(r.old_agency_id or 0), names.get(r.new_agency_id or 0),
            r.old_year, r.new_year, r.restored_report_id, r.by_user, r.by_name, r.via, r.at,
        )
        for r in rows
    ]  # fmt: skip
