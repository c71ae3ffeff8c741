"""Store many parsed reports in one transaction, set-based (issue 14): what storage.reports.store_report
does for one, with one statement per step for the whole batch instead of one per report.

The steps and their meaning are store_report's: a file already stored (by hash) is a duplicate; a
report for an (agency, year) with a current report supersedes it, with the value diff; current_values
follow the current report. Within a batch, a second item with the same bytes is a duplicate of the
first, and a later report of the same (agency, year) supersedes the earlier one: the batch is stored
in rounds, each holding at most one report of an (agency, year), so the one-current-report index and
the FOR UPDATE of store_report hold as they do for one report at a time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, delete, insert, select, text, tuple_, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from parsing import PARSER_VERSION
from parsing.model import Report
from storage import current_values
from storage.agency_batch import find_or_create_agencies
from storage.cells import cells_values, payload
from storage.current_tables import CurrentMark, CurrentValue
from storage.insert import bulk_insert, json_text
from storage.models import CURRENT_REPORT, Agency, FactRow, ReportRow, SourceFile
from storage.reports import (
    SourceInfo,
    StoreError,
    StoreOutcome,
    StoreResult,
    ValueChange,
    diff_values,
    ocr_record,
    storable,
)


@dataclass(frozen=True)
class StoreItem:
    report: Report
    source: SourceInfo
    agency_name: str


def _duplicate_result(row: ReportRow, agency_name: str) -> StoreResult:
    return StoreResult(
        outcome=StoreOutcome.DUPLICATE,
        report_id=row.id,
        agency_id=row.agency_id,
        agency_name=agency_name,
        year=row.year,
        version=row.version,
        previous_received_at=row.received_at,
    )


def stored_duplicates(session: Session, hashes: Sequence[str]) -> dict[str, StoreResult]:
    """sha256 -> the duplicate answer, for the files among `hashes` a report was stored from."""
    out: dict[str, StoreResult] = {}
    if not hashes:
        return out
    rows = session.execute(
        select(SourceFile.sha256, ReportRow, Agency.name)
        .join(ReportRow, ReportRow.source_file_id == SourceFile.id)
        .join(Agency, Agency.id == ReportRow.agency_id)
        .where(SourceFile.sha256.in_(list(dict.fromkeys(hashes))))
        .order_by(ReportRow.id)
    )
    for sha, row, name in rows:
        out.setdefault(sha, _duplicate_result(row, name))
    return out


def _source_ids(session: Session, sources: Sequence[SourceInfo], now: datetime) -> dict[str, int]:
    """sha256 -> source_files.id, inserting the files not yet there in one statement."""
    hashes = list(dict.fromkeys(s.sha256 for s in sources))
    ids = dict(
        session.execute(select(SourceFile.sha256, SourceFile.id).where(SourceFile.sha256.in_(hashes))).all()
    )
    missing = {s.sha256: s for s in sources if s.sha256 not in ids}
    if missing:
        rows = [
            {
                "sha256": s.sha256,
                "path": s.path,
                "original_name": s.original_name[:300],
                "size": s.size,
                "kind": s.kind[:20],
                "sender_id": s.sender_id,
                "sender_name": s.sender_name[:200] if s.sender_name else None,
                "chat_id": s.chat_id,
                "received_at": s.received_at or now,
                "source_url": s.source_url,
            }
            for s in missing.values()
        ]
        ids.update(
            session.execute(insert(SourceFile).returning(SourceFile.sha256, SourceFile.id), rows).all()
        )
    return ids


@dataclass
class _New:
    index: int
    item: StoreItem
    agency: Agency
    year: int


def store_reports(
    session: Session,
    items: Sequence[StoreItem],
    *,
    parser_version: str = PARSER_VERSION,
    now: datetime | None = None,
) -> list[StoreResult]:
    """store_report for each item, in order, in the caller's transaction; one result per item."""
    now = now or datetime.now(UTC)
    if session.get_bind().dialect.name == "postgresql":
        # See store_report: the job's own commit, synchronous, makes this one durable first.
        session.execute(text("SET LOCAL synchronous_commit = off"))
    results: list[StoreResult | None] = [None] * len(items)
    stored = stored_duplicates(session, [i.source.sha256 for i in items])
    first_of: dict[str, int] = {}  # sha256 -> index of the item of the batch that stores it
    todo: list[tuple[int, StoreItem]] = []
    for index, item in enumerate(items):
        sha = item.source.sha256
        if sha in stored:
            results[index] = stored[sha]
        elif sha not in first_of:
            if item.report.year is None:
                raise StoreError("report has no year")
            first_of[sha] = index
            todo.append((index, item))
    if todo:
        agencies = find_or_create_agencies(session, [i.agency_name for _, i in todo], now)
        sources = _source_ids(session, [i.source for _, i in todo], now)
        rounds: list[list[_New]] = []
        seen: dict[tuple[int, int], int] = {}
        for index, item in todo:
            agency = agencies[item.agency_name]
            year = item.report.year
            assert year is not None
            n = seen.get((agency.id, year), 0)
            seen[(agency.id, year)] = n + 1
            if n == len(rounds):
                rounds.append([])
            rounds[n].append(_New(index, item, agency, year))
        if session.get_bind().dialect.name == "postgresql":
            _lock_pairs(session, sorted(seen))
        for batch in rounds:
            for new, result in zip(
                batch, _store_round(session, batch, sources, parser_version, now), strict=True
            ):
                results[new.index] = result
    for index, item in enumerate(items):
        if results[index] is None:  # the same bytes as an earlier item of this batch
            first = results[first_of[item.source.sha256]]
            assert first is not None
            results[index] = StoreResult(
                outcome=StoreOutcome.DUPLICATE,
                report_id=first.report_id,
                agency_id=first.agency_id,
                agency_name=first.agency_name,
                year=first.year,
                version=first.version,
                previous_received_at=_received(items[first_of[item.source.sha256]], now),
            )
    return [r for r in results if r is not None]


def _lock_pairs(session: Session, pairs: list[tuple[int, int]]) -> None:
    """Hold each (agency, year) of the batch until commit, in one order (no two batches wait for each
    other), before reading their current reports. Without it two stores of one (agency, year) read
    at once: the second's FOR UPDATE waits, then finds the first's new version invisible and the old
    one no longer current, stores a version 1 and fails on the one-current index; its whole batch
    was undone and stored again one by one (about 113 failed transactions in 600 files with 2 workers
    storing new versions of the same four reports, benchmarks/ingest_workers.py)."""
    session.execute(
        text(
            "SELECT count(pg_advisory_xact_lock(a, y)) FROM"
            " (SELECT a, y FROM unnest(CAST(:agencies AS int[]), CAST(:years AS int[])) AS p(a, y)"
            "  ORDER BY a, y) AS ordered"
        ),
        {"agencies": [a for a, _ in pairs], "years": [y for _, y in pairs]},
    )


def _received(item: StoreItem, now: datetime) -> datetime:
    return item.source.received_at or now


def _pairs_in(agency: Any, year: Any, pairs: Sequence[tuple[int, int]]) -> ColumnElement[bool]:
    """(agency, year) among `pairs`, as index probes: a row-value IN list is a sequential scan on
    PostgreSQL (4 s over current_values at 100 000 reports); each column IN its values probes the
    (agency_id, year) index for every combination (a batch holds few years), the row IN then drops
    the combinations that are no pair."""
    return and_(
        agency.in_(sorted({a for a, _ in pairs})),
        year.in_(sorted({y for _, y in pairs})),
        tuple_(agency, year).in_(list(pairs)),
    )


def _store_round(
    session: Session, batch: list[_New], sources: dict[str, int], parser_version: str, now: datetime
) -> list[StoreResult]:
    """Reports of distinct (agency, year)s: retire their current reports, insert them and their rows."""
    pairs = [(n.agency.id, n.year) for n in batch]
    # FOR UPDATE, in id order: two new versions of one report arriving at once must not both
    # become current, and two batches lock what they share in the same order.
    current = {
        (row.agency_id, row.year): row
        for row in session.scalars(
            select(ReportRow)
            .where(_pairs_in(ReportRow.agency_id, ReportRow.year, pairs), CURRENT_REPORT)
            .order_by(ReportRow.id)
            .with_for_update()
        )
    }
    old_cells = cells_values(session, [r.id for r in current.values()])
    old_facts: dict[int, dict[str, Any]] = {r.id: {} for r in current.values()}
    if current:
        for report_id, key, value in session.execute(
            select(FactRow.report_id, FactRow.key, FactRow.value)
            .where(FactRow.report_id.in_([r.id for r in current.values()]))
            .order_by(FactRow.id)
        ):
            old_facts[report_id][key] = value
        # The partial unique index allows one current row: retire the old ones before inserting.
        session.execute(
            update(ReportRow)
            .where(ReportRow.id.in_([r.id for r in current.values()]))
            .values(is_current=False)
            .execution_options(synchronize_session=False)
        )
        for row in current.values():  # the loaded objects say so too, for whoever reads them next
            set_committed_value(row, "is_current", False)
    changes: list[list[ValueChange]] = []
    rows = []
    for new in batch:
        report, previous = new.item.report, current.get((new.agency.id, new.year))
        diff: list[ValueChange] = []
        if previous is not None:
            diff = diff_values(
                old_cells[previous.id],
                dict(report.cells),
                old_facts[previous.id],
                {f.key: f.value for f in report.facts},
                previous.published_on,
                report.published_on,
            )
        changes.append(diff)
        rows.append(
            {
                "agency_id": new.agency.id,
                "year": new.year,
                "template": report.template,
                "title": report.title[:300] if report.title else None,
                "published_on": report.published_on,
                "source_file_id": sources[new.item.source.sha256],
                "parser_version": parser_version,
                "is_current": True,
                "version": previous.version + 1 if previous is not None else 1,
                "supersedes_id": previous.id if previous is not None else None,
                "changes": [c.stored() for c in diff] if previous is not None else None,
                "warnings": [w.to_json_dict() for w in report.warnings],
                "checks_ok": not report.failed_checks,
                "received_at": _received(new.item, now),
                "ocr": ocr_record(report),
            }
        )
    report_ids = _insert_reports(session, rows)
    # Each cell as a float column holds it, once for report_cells and current_values alike.
    stored_cells = [{k: storable(v) for k, v in n.item.report.cells.items()} for n in batch]
    _insert_children(
        session, [(rid, n.item.report) for rid, n in zip(report_ids, batch, strict=True)], stored_cells
    )
    _replace_values(session, batch, stored_cells, [p for p in pairs if p in current])
    out = []
    for new, report_id, diff in zip(batch, report_ids, changes, strict=True):
        previous = current.get((new.agency.id, new.year))
        out.append(
            StoreResult(
                outcome=StoreOutcome.NEW_VERSION if previous is not None else StoreOutcome.NEW,
                report_id=report_id,
                agency_id=new.agency.id,
                agency_name=new.agency.name,
                year=new.year,
                version=previous.version + 1 if previous is not None else 1,
                changes=tuple(diff),
                previous_report_id=previous.id if previous is not None else None,
                previous_received_at=previous.received_at if previous is not None else None,
            )
        )
    return out


# The reports columns that are JSON, written as JSON text by COPY (None as JSON null, as SQLAlchemy's
# JSON type writes it).
_JSON_COLUMNS = frozenset({"changes", "warnings", "ocr"})


def _insert_reports(session: Session, rows: list[dict[str, Any]]) -> list[int]:
    """Insert the reports' rows; their ids in order. PostgreSQL: ids drawn from the sequence, then
    one COPY — INSERT ... VALUES of 500 rows is a 190 000-character statement that psycopg parsed in
    Python at 0.2 ms a report (issue 14). SQLite: INSERT ... RETURNING."""
    if session.get_bind().dialect.name != "postgresql":
        ids = {
            (agency_id, year): report_id
            for report_id, agency_id, year in session.execute(
                insert(ReportRow).returning(ReportRow.id, ReportRow.agency_id, ReportRow.year), rows
            )
        }
        return [ids[(r["agency_id"], r["year"])] for r in rows]
    report_ids = list(
        session.scalars(
            text("SELECT nextval(pg_get_serial_sequence('reports', 'id')) FROM generate_series(1, :n)"),
            {"n": len(rows)},
        )
    )
    columns = ("id", *rows[0])
    copied = [
        (report_id, *(json_text(v) if k in _JSON_COLUMNS else v for k, v in row.items()))
        for report_id, row in zip(report_ids, rows, strict=True)
    ]
    bulk_insert(session.connection(), ReportRow.__tablename__, columns, copied)
    return report_ids


def _insert_children(
    session: Session, reports: list[tuple[int, Report]], stored_cells: list[dict[str, float | None]]
) -> None:
    """Cells (one row a report), facts and checks of every report: one COPY (PostgreSQL) or
    executemany (SQLite) each, no ORM objects."""
    connection = session.connection()
    cells: list[tuple[Any, ...]] = []
    facts: list[tuple[Any, ...]] = []
    checks: list[tuple[Any, ...]] = []
    for (report_id, report), stored in zip(reports, stored_cells, strict=True):
        values, where = payload(stored, report.cell_sources)
        cells.append((report_id, json_text(values), json_text(where)))
        for f in report.facts:
            value = storable(f.value)
            if value is not None:
                page = f.provenance.page if f.provenance else None
                paragraph = f.provenance.paragraph if f.provenance else None
                facts.append((report_id, f.key, value, f.unit[:10], f.source, page, paragraph))
        checks.extend((report_id, c.rule, str(c.status), c.detail) for c in report.checks)
    bulk_insert(connection, "report_cells", ("report_id", "cells", "sources"), cells)
    bulk_insert(
        connection,
        "report_facts",
        ("report_id", "key", "value", "unit", "source", "page", "paragraph"),
        facts,
    )
    bulk_insert(connection, "report_checks", ("report_id", "rule", "status", "detail"), checks)


def _replace_values(
    session: Session,
    batch: list[_New],
    stored_cells: list[dict[str, float | None]],
    superseded: list[tuple[int, int]],
) -> None:
    """current_values and current_marks of the batch's (agency, year)s are now those of its reports.

    Only a superseded report's rows are deleted: an (agency, year) without a current report has none
    (every change of the current report keeps the table in step, storage.current_values). The delete
    of the new ones was most of a batch's time: in the rush of a new year its statistics still say
    the year is empty, and PostgreSQL read every row of the year through the (year, key, value)
    index for each batch (0.8 s at 100 000 reports, growing with each report stored)."""
    connection = session.connection()
    if superseded:
        for t in (CurrentValue, CurrentMark):
            connection.execute(delete(t).where(_pairs_in(t.agency_id, t.year, superseded)))
    values: list[tuple[Any, ...]] = []
    marks: list[tuple[Any, ...]] = []
    for new, cells in zip(batch, stored_cells, strict=True):
        rows = current_values.value_rows(
            cells.items(), ((f.key, storable(f.value)) for f in new.item.report.facts)
        )
        # Non-zero numbers as rows, zeros and blanks as one marks row (storage.current_values).
        current_values.split(new.agency.id, new.year, rows, values, marks)
    current_values.write(connection, values, marks)
