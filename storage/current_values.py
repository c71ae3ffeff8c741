"""current_values (issue 14): the figures of every current report, kept in step with reports.

Whatever changes which report is current for an (agency, year) — a new report or version
(storage.reports), a move to another agency or year, a withdrawal (storage.corrections) — calls
one of these in its own transaction, so the table never disagrees with reports.is_current.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, select, text, true
from sqlalchemy.orm import Session

from storage.cells import cell_values
from storage.derived import combined_insert, combined_rows
from storage.insert import bulk_insert
from storage.models import CURRENT_REPORT, CurrentValue, FactRow, ReportRow

COLUMNS = ("agency_id", "year", "key", "value")
TABLE = CurrentValue.__tablename__

# Every current report at once: the benchmarks that write rows directly. A report's cells are one
# JSON object (storage.cells), so each dialect spells "its members" its own way.
_CELLS = {
    "postgresql": "CROSS JOIN LATERAL json_each(c.cells) e",
    "sqlite": "JOIN json_each(c.cells) e",
}
_CELL_VALUE = {"postgresql": "CAST(e.value #>> '{}' AS double precision)", "sqlite": "e.value"}
# JSON null (a blank cell) is a member too: only a key the object lacks is "no cell holds it".
_NO_CELL = {
    "postgresql": "(c.cells -> f.key) IS NULL",
    "sqlite": "json_type(c.cells, '$.\"' || f.key || '\"') IS NULL",
}


def rebuild_sql(dialect: str, where: str = "TRUE") -> tuple[str, str]:
    """The two INSERTs that fill the table from every current report matching `where` (on r)."""
    return (
        f"""INSERT INTO {TABLE} (agency_id, year, key, value)
SELECT r.agency_id, r.year, e.key, {_CELL_VALUE[dialect]}
FROM reports r JOIN report_cells c ON c.report_id = r.id {_CELLS[dialect]}
WHERE r.is_current AND {where}""",
        f"""INSERT INTO {TABLE} (agency_id, year, key, value)
SELECT r.agency_id, r.year, f.key, f.value
FROM reports r JOIN report_facts f ON f.report_id = r.id LEFT JOIN report_cells c ON c.report_id = r.id
WHERE r.is_current AND {where}
  AND f.id = (SELECT min(f2.id) FROM report_facts f2 WHERE f2.report_id = f.report_id AND f2.key = f.key)
  AND (c.cells IS NULL OR {_NO_CELL[dialect]})""",
    )


def rebuild(connection: Connection) -> None:
    """Refill the table from every current report (after rows were written without the ingest)."""
    connection.execute(delete(CurrentValue))
    for sql in rebuild_sql(connection.dialect.name):
        connection.execute(text(sql))
    connection.execute(combined_insert(true()))


def value_rows(
    cells: Iterable[tuple[str, float | None]], facts: Iterable[tuple[str, float | None]]
) -> list[tuple[str, float | None]]:
    """(key, value) of a report: every cell, then the first fact with a number of each other key,
    then the combinations questions ask (storage.derived)."""
    rows = dict(cells)
    for key, value in facts:
        if value is not None and key not in rows:
            rows[key] = value
    return list(rows.items()) + combined_rows(rows)


def _clear(connection: Connection, agency_id: int, year: int) -> None:
    connection.execute(delete(CurrentValue).where(CurrentValue.agency_id == agency_id, CurrentValue.year == year))


def replace(session: Session, agency_id: int, year: int, rows: Sequence[tuple[str, float | None]]) -> None:
    """The (agency, year)'s figures are now `rows` (those of the report just made current)."""
    connection = session.connection()
    _clear(connection, agency_id, year)
    bulk_insert(connection, TABLE, COLUMNS, [(agency_id, year, key, value) for key, value in rows])


def resync(session: Session, pairs: Iterable[tuple[int, int]]) -> None:
    """Rebuild the figures of these (agency, year) pairs from whichever report is current now."""
    session.flush()
    connection = session.connection()
    for agency_id, year in dict.fromkeys(pairs):
        _clear(connection, agency_id, year)
        report_id = session.scalar(
            select(ReportRow.id).where(
                ReportRow.agency_id == agency_id, ReportRow.year == year, CURRENT_REPORT
            )
        )
        if report_id is None:
            continue
        facts = session.execute(
            select(FactRow.key, FactRow.value).where(FactRow.report_id == report_id).order_by(FactRow.id)
        )
        rows = value_rows(cell_values(session, report_id).items(), ((k, v) for k, v in facts))
        bulk_insert(connection, TABLE, COLUMNS, [(agency_id, year, key, value) for key, value in rows])
