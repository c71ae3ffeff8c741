"""Store a parsed report: new, duplicate (same bytes again) or a new version of a known report.

`store_report` only adds to the session and flushes; the caller owns the one transaction that
makes an ingest all-or-nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from parsing import PARSER_VERSION
from parsing.model import Number, Report
from storage import current_values
from storage.agencies import find_or_create_agency
from storage.cells import cell_values, payload
from storage.models import CellRow, CheckRow, FactRow, ReportRow, SourceFile


class StoreOutcome(StrEnum):
    NEW = "new"
    DUPLICATE = "duplicate"
    NEW_VERSION = "new_version"


@dataclass(frozen=True)
class SourceInfo:
    """The original file as stored by storage.files, and who sent it from where."""

    sha256: str
    path: str  # relative to the data directory
    original_name: str
    size: int
    kind: str = ""  # pdf / docx / html / txt ...
    sender_id: int | None = None
    sender_name: str | None = None
    chat_id: int | None = None
    received_at: datetime | None = None
    source_url: str | None = None  # the page it was fetched from


PUBLISHED_ON = "published_on"  # the key of a changed publication date


@dataclass(frozen=True)
class ValueChange:
    """One value that differs from the version replaced; None = blank. Worded in bot.core.replies."""

    key: str  # a cell or fact key, or PUBLISHED_ON
    old: float | date | None
    new: float | date | None

    def stored(self) -> str:
        """The reports.changes record form, "t3.new.total 0 -> 2" (blank: 空), as rows have always held."""
        return f"{self.key} {_fmt(self.old)} -> {_fmt(self.new)}"

    @classmethod
    def from_stored(cls, text: str) -> ValueChange:
        key, _, values = text.partition(" ")
        old, _, new = values.partition(" -> ")
        return cls(key, _read(key, old), _read(key, new))


def _read(key: str, text: str) -> float | date | None:
    if text in ("", _BLANK):
        return None
    try:
        return date.fromisoformat(text) if key == PUBLISHED_ON else float(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class StoreResult:
    outcome: StoreOutcome
    report_id: int
    agency_id: int
    agency_name: str
    year: int
    version: int
    # For a new version: what differs from the one it replaced.
    changes: tuple[ValueChange, ...] = ()
    previous_report_id: int | None = None
    previous_received_at: datetime | None = field(default=None)


class StoreError(ValueError):
    """A report that cannot be stored as given (no year); the caller words it for the user."""


_BLANK = "空"  # how the stored record writes a blank (a record format, not a reply)


def _fmt(value: Any) -> str:
    if isinstance(value, int | float):
        value = storable(value)
    if value is None:
        return _BLANK
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def storable(value: Number | None) -> float | None:
    """A figure as a float column holds it; None for what none can (10**400, NaN, inf).

    The parser already blanks such figures with a warning; this keeps one that slips through
    from raising OverflowError in the middle of a batch.
    """
    if value is None:
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


def ocr_record(report: Report) -> dict[str, Any] | None:
    """How OCR read the report, for the reports.ocr column; None for a text-layer report."""
    if report.ocr is None:
        return None
    confidence = {k: round(p.confidence, 3) for k, p in report.cell_sources.items() if p.confidence is not None}
    confidence |= {
        f.key: round(f.provenance.confidence, 3)
        for f in report.facts
        if f.provenance is not None and f.provenance.confidence is not None
    }
    return {**report.ocr.to_json_dict(), "confidence": confidence}


def _same(old: Number | None, new: Number | None) -> bool:
    old_f, new_f = storable(old), storable(new)
    if old_f is None or new_f is None:
        return old_f is None and new_f is None
    return abs(old_f - new_f) < 1e-9


def diff_values(
    old_cells: Mapping[str, Number | None],
    new_cells: Mapping[str, Number | None],
    old_facts: Mapping[str, Number],
    new_facts: Mapping[str, Number],
    old_published: date | None = None,
    new_published: date | None = None,
) -> list[ValueChange]:
    """Every changed value (cells in key order of the new report, then facts)."""
    changes: list[ValueChange] = []
    if old_published != new_published:
        changes.append(ValueChange(PUBLISHED_ON, old_published, new_published))
    for old_map, new_map in ((old_cells, new_cells), (old_facts, new_facts)):
        keys = list(new_map) + [k for k in old_map if k not in new_map]
        for key in keys:
            old, new = old_map.get(key), new_map.get(key)
            if not _same(old, new):
                changes.append(ValueChange(key, storable(old), storable(new)))
    return changes


def _source_row(session: Session, source: SourceInfo, now: datetime) -> SourceFile:
    row = SourceFile(
        sha256=source.sha256,
        path=source.path,
        original_name=source.original_name[:300],
        size=source.size,
        kind=source.kind[:20],
        sender_id=source.sender_id,
        sender_name=source.sender_name[:200] if source.sender_name else None,
        chat_id=source.chat_id,
        received_at=source.received_at or now,
        source_url=source.source_url,
    )
    session.add(row)
    return row


def find_duplicate(session: Session, sha256: str) -> ReportRow | None:
    """The report already stored from these exact bytes, if any."""
    return session.scalar(
        select(ReportRow)
        .join(SourceFile, SourceFile.id == ReportRow.source_file_id)
        .where(SourceFile.sha256 == sha256)
        .order_by(ReportRow.id)
        .limit(1)
    )


def store_report(
    session: Session,
    *,
    report: Report,
    source: SourceInfo,
    agency_name: str,
    parser_version: str = PARSER_VERSION,
    now: datetime | None = None,
) -> StoreResult:
    """Add the report, its cells, facts and checks. Flushes; the caller commits or rolls back."""
    now = now or datetime.now(UTC)
    if session.get_bind().dialect.name == "postgresql":
        # No fsync wait for this commit (issue 14): a report is announced only after its job's
        # result commits synchronously, which flushes the WAL up to and including this one; a
        # crash before that loses both and the job runs again (idempotent by file hash).
        session.execute(text("SET LOCAL synchronous_commit = off"))
    duplicate = find_duplicate(session, source.sha256)
    if duplicate is not None:
        return StoreResult(
            outcome=StoreOutcome.DUPLICATE,
            report_id=duplicate.id,
            agency_id=duplicate.agency_id,
            agency_name=duplicate.agency.name,
            year=duplicate.year,
            version=duplicate.version,
            previous_received_at=duplicate.received_at,
        )
    if report.year is None:
        raise StoreError("report has no year")

    agency, _created = find_or_create_agency(session, agency_name, now=now)
    source_row = session.scalar(select(SourceFile).where(SourceFile.sha256 == source.sha256))
    if source_row is None:
        source_row = _source_row(session, source, now)

    # FOR UPDATE: two new versions of one report arriving at once must not both become current.
    current = session.scalar(
        select(ReportRow)
        .where(
            ReportRow.agency_id == agency.id, ReportRow.year == report.year, ReportRow.is_current.is_(True)
        )
        .with_for_update()
    )
    changes: list[ValueChange] = []
    if current is not None:
        old_cells = cell_values(session, current.id)
        old_facts = {
            key: value
            for key, value in session.execute(
                select(FactRow.key, FactRow.value).where(FactRow.report_id == current.id)
            )
        }
        new_facts = {f.key: f.value for f in report.facts}
        changes = diff_values(
            old_cells, dict(report.cells), old_facts, new_facts, current.published_on, report.published_on
        )
        current.is_current = False
        # The partial unique index allows one current row: retire the old one before inserting.
        session.flush()

    row = ReportRow(
        agency_id=agency.id,
        year=report.year,
        template=report.template,
        title=report.title[:300] if report.title else None,
        published_on=report.published_on,
        source_file=source_row,
        parser_version=parser_version,
        is_current=True,
        version=(current.version + 1) if current is not None else 1,
        supersedes_id=current.id if current is not None else None,
        changes=[c.stored() for c in changes] if current is not None else None,
        warnings=[w.to_json_dict() for w in report.warnings],
        checks_ok=not report.failed_checks,
        received_at=source.received_at or now,
        ocr=ocr_record(report),
    )
    session.add(row)
    session.flush()
    _insert_children(session, row.id, report)
    current_values.replace(
        session,
        agency.id,
        report.year,
        current_values.value_rows(
            ((k, storable(v)) for k, v in report.cells.items()), ((f.key, storable(f.value)) for f in report.facts)
        ),
    )
    return StoreResult(
        outcome=StoreOutcome.NEW_VERSION if current is not None else StoreOutcome.NEW,
        report_id=row.id,
        agency_id=agency.id,
        agency_name=agency.name,
        year=report.year,
        version=row.version,
        changes=tuple(changes),
        previous_report_id=current.id if current is not None else None,
        previous_received_at=current.received_at if current is not None else None,
    )


def _insert_children(session: Session, report_id: int, report: Report) -> None:
    """Cells (one row), facts and checks as executemany inserts, no ORM objects: SQLAlchemy's
    per-row parameter processing was most of the cost of an ingest."""
    connection = session.connection()
    cells, sources = payload({k: storable(v) for k, v in report.cells.items()}, report.cell_sources)
    connection.execute(insert(CellRow), [{"report_id": report_id, "cells": cells, "sources": sources}])
    facts = [
        {
            "report_id": report_id,
            "key": f.key,
            "value": storable(f.value),
            "unit": f.unit[:10],
            "source": f.source,
            "page": f.provenance.page if f.provenance else None,
            "paragraph": f.provenance.paragraph if f.provenance else None,
        }
        for f in report.facts
        if storable(f.value) is not None
    ]
    if facts:
        connection.execute(insert(FactRow), facts)
    checks = [
        {"report_id": report_id, "rule": c.rule, "status": c.status, "detail": c.detail}
        for c in report.checks
    ]
    if checks:
        connection.execute(insert(CheckRow), checks)
