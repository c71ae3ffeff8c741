"""Store a parsed report: new, duplicate (same bytes again) or a new version of a known report.

`store_report` only adds to the session and flushes; the caller owns the one transaction that
makes an ingest all-or-nothing.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from parsing import PARSER_VERSION
from parsing.model import Number, Report
from storage.models import ReportRow, SourceFile


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
    """Add the report, its cells, facts and checks. Flushes; the caller commits or rolls back.

    A batch of one (storage.report_batch): one path for an upload and a bulk store."""
    from storage.report_batch import StoreItem, store_reports  # it builds on this module's types

    item = StoreItem(report, source, agency_name)
    return store_reports(session, [item], parser_version=parser_version, now=now)[0]
