"""current_values (issue 14): the figures of every current report, kept in step with reports.

Whatever changes which report is current for an (agency, year) — a new report or version
(storage.reports), a move to another agency or year, a withdrawal (storage.corrections) — calls
one of these in its own transaction, so the table never disagrees with reports.is_current.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete, text
from sqlalchemy.orm import Session

from storage.insert import bulk_insert
from storage.models import CurrentValue

COLUMNS = ("agency_id", "year", "key", "value")
TABLE = CurrentValue.__tablename__

# The current report's cells, then the first fact of each key no cell holds (as answers read them).
_FROM_CURRENT = f"""
INSERT INTO {TABLE} (agency_id, year, key, value)
SELECT r.agency_id, r.year, c.key, c.value
FROM reports r JOIN report_cells c ON c.report_id = r.id
WHERE r.agency_id = :agency_id AND r.year = :year AND r.is_current
UNION ALL
SELECT r.agency_id, r.year, f.key, f.value
FROM reports r JOIN report_facts f ON f.report_id = r.id
WHERE r.agency_id = :agency_id AND r.year = :year AND r.is_current
  AND f.id = (SELECT min(f2.id) FROM report_facts f2 WHERE f2.report_id = f.report_id AND f2.key = f.key)
  AND NOT EXISTS (SELECT 1 FROM report_cells c2 WHERE c2.report_id = r.id AND c2.key = f.key)
"""


# Every current report at once: the migration's backfill, and benchmarks that write rows directly.
REBUILD = (
    f"""INSERT INTO {TABLE} (agency_id, year, key, value)
SELECT r.agency_id, r.year, c.key, c.value
FROM reports r JOIN report_cells c ON c.report_id = r.id
WHERE r.is_current""",
    f"""INSERT INTO {TABLE} (agency_id, year, key, value)
SELECT r.agency_id, r.year, f.key, f.value
FROM reports r JOIN report_facts f ON f.report_id = r.id
WHERE r.is_current
  AND f.id = (SELECT min(f2.id) FROM report_facts f2 WHERE f2.report_id = f.report_id AND f2.key = f.key)
  AND NOT EXISTS (SELECT 1 FROM report_cells c WHERE c.report_id = r.id AND c.key = f.key)""",
)


def rebuild(connection: Connection) -> None:
    """Refill the table from every current report (after rows were written without the ingest)."""
    connection.execute(delete(CurrentValue))
    for sql in REBUILD:
        connection.execute(text(sql))


def value_rows(
    cells: Iterable[tuple[str, float | None]], facts: Iterable[tuple[str, float | None]]
) -> list[tuple[str, float | None]]:
    """(key, value) of a report: every cell, then the first fact with a number of each other key."""
    rows = dict(cells)
    for key, value in facts:
        if value is not None and key not in rows:
            rows[key] = value
    return list(rows.items())


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
        connection.execute(text(_FROM_CURRENT), {"agency_id": agency_id, "year": year})
