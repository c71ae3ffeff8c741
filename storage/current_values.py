"""current_values and current_marks (issue 14): the figures of every current report, kept in step
with reports.

Whatever changes which report is current for an (agency, year) — a new report or version
(storage.reports, storage.report_batch), a move to another agency or year, a withdrawal
(storage.corrections) — calls one of these in its own transaction, so the tables never disagree
with reports.is_current.

A figure is stored by what it is (storage.current_tables): a number other than 0 is a current_values
row; 0 and blank are keys in the (agency, year)'s one current_marks row. Migration 0017 chose this:
a bulk store spent about 60 % of its time writing ~250 current_values rows a report, three quarters
of them 0 (77 % of real reports' cells, 22 % blank). Measured on one batch of 500 generated reports
(22 % non-zero) into a table of 40 000 reports: 125 000 rows 345-490 ms; 27 000 non-zero rows
180-210 ms plus 500 marks rows 80-95 ms with their totals trigger (JSON arrays; text[] 135-220 ms:
the driver formats arrays in Python). The ranking index keeps only the non-zero rows as before; what
a zero or a blank contributes to the year's counts is expanded from the marks by the totals triggers
(migration 0017), so storage.totals answers as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import (
    Connection,
    Float,
    cast,
    column,
    delete,
    func,
    insert,
    literal,
    null,
    select,
    table,
    text,
    true,
    union_all,
)
from sqlalchemy.orm import Session

from storage.cells import cell_values
from storage.current_tables import CurrentMark, CurrentValue
from storage.derived import combined_rows, combined_select
from storage.insert import bulk_insert, json_text
from storage.models import CURRENT_REPORT, FactRow, ReportRow

COLUMNS = ("agency_id", "year", "key", "value")
TABLE = CurrentValue.__tablename__
MARKS = CurrentMark.__tablename__
MARK_COLUMNS = ("agency_id", "year", "zeros", "blanks")

Row = tuple[str, float | None]


def value_rows(cells: Iterable[Row], facts: Iterable[Row]) -> list[Row]:
    """(key, value) of a report: every cell, then the first fact with a number of each other key,
    then the combinations questions ask (storage.derived)."""
    rows = dict(cells)
    for key, value in facts:
        if value is not None and key not in rows:
            rows[key] = value
    return list(rows.items()) + combined_rows(rows)


def split(
    agency_id: int,
    year: int,
    rows: Iterable[Row],
    values: list[tuple[Any, ...]],
    marks: list[tuple[Any, ...]],
) -> None:
    """Append the (agency, year)'s current_values rows (non-zero numbers) to `values` and its
    current_marks row (if it holds a 0 or a blank) to `marks`, as bulk_insert writes them."""
    zeros: list[str] = []
    blanks: list[str] = []
    for key, value in rows:
        if value is None:
            blanks.append(key)
        elif value == 0:
            zeros.append(key)
        else:
            values.append((agency_id, year, key, value))
    if zeros or blanks:
        marks.append((agency_id, year, json_text(zeros), json_text(blanks)))


def write(
    connection: Connection, values: Sequence[tuple[Any, ...]], marks: Sequence[tuple[Any, ...]]
) -> None:
    bulk_insert(connection, TABLE, COLUMNS, values)
    bulk_insert(connection, MARKS, MARK_COLUMNS, marks)


def _clear(connection: Connection, agency_id: int, year: int) -> None:
    for t in (CurrentValue, CurrentMark):
        connection.execute(delete(t).where(t.agency_id == agency_id, t.year == year))


def replace(session: Session, agency_id: int, year: int, rows: Sequence[Row]) -> None:
    """The (agency, year)'s figures are now `rows` (those of the report just made current)."""
    connection = session.connection()
    _clear(connection, agency_id, year)
    values: list[tuple[Any, ...]] = []
    marks: list[tuple[Any, ...]] = []
    split(agency_id, year, rows, values, marks)
    write(connection, values, marks)


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
        replace(session, agency_id, year, rows)


# --- Every figure as rows again (agency_id, year, key, value; None = blank) -----------------------

# A JSON array's members, as a table-valued function each dialect names its own way; both join it
# to the row whose column it reads without LATERAL.
_ELEMENTS = {"postgresql": "json_array_elements_text", "sqlite": "json_each"}


def figure_rows(dialect: str, year: int, keys: Sequence[str]) -> Any:
    """A subquery of every figure among `keys` of the year's current reports, zeros and blanks
    included: what current_values held before migration 0017 (the path of several-key figures
    that are not kept as one key; storage.year_queries)."""
    cv, m = CurrentValue, CurrentMark
    wanted = list(dict.fromkeys(keys))
    parts: list[Any] = [
        select(cv.agency_id, cv.year, cv.key, cv.value).where(cv.year == year, cv.key.in_(wanted))
    ]
    for marked, value in ((m.zeros, literal(0.0, Float)), (m.blanks, cast(null(), Float))):
        member = getattr(func, _ELEMENTS[dialect])(marked).table_valued("value")
        parts.append(
            select(m.agency_id, m.year, member.c.value.label("key"), value.label("value"))
            .select_from(m)
            .join(member, true())
            .where(m.year == year, member.c.value.in_(wanted))
        )
    return union_all(*parts).subquery()


def zero_names_sql(dialect: str) -> str:
    """The first :n agencies by name whose current report of :year holds :key as 0."""
    return f"""SELECT a.name FROM agencies a WHERE EXISTS (SELECT 1 FROM {MARKS} m, {_ELEMENTS[dialect]}(m.zeros) z
WHERE m.agency_id = a.id AND m.year = :year AND z.value = :key) ORDER BY a.name LIMIT :n"""


# --- Filling the tables from reports in the database (rebuilds, migrations, benchmarks) ----------

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
_AGGREGATE = {"postgresql": ("json_agg", "CAST('[]' AS json)"), "sqlite": ("json_group_array", "'[]'")}
_FILL = "fill_rows"


def rebuild_sql(dialect: str, where: str = "TRUE", *, first_facts: bool = True) -> tuple[str, str]:
    """The two SELECTs of every cell and of the first fact of each other key, (agency_id, year, key,
    value), of the current reports matching `where` (on r). Without `first_facts` every fact is taken
    as it is (benchmarks whose facts are one per key, under keys no cell has)."""
    facts = f"""SELECT r.agency_id, r.year, f.key, f.value FROM reports r JOIN report_facts f ON f.report_id = r.id
WHERE r.is_current AND {where}"""
    if first_facts:
        facts = f"""SELECT r.agency_id, r.year, f.key, f.value
FROM reports r JOIN report_facts f ON f.report_id = r.id LEFT JOIN report_cells c ON c.report_id = r.id
WHERE r.is_current AND {where}
  AND f.id = (SELECT min(f2.id) FROM report_facts f2 WHERE f2.report_id = f.report_id AND f2.key = f.key)
  AND (c.cells IS NULL OR {_NO_CELL[dialect]})"""
    return (
        f"""SELECT r.agency_id, r.year, e.key, {_CELL_VALUE[dialect]}
FROM reports r JOIN report_cells c ON c.report_id = r.id {_CELLS[dialect]}
WHERE r.is_current AND {where}""",
        facts,
    )


def fill(connection: Connection, where: str = "TRUE", *, first_facts: bool = True, **params: Any) -> None:
    """Write the figures of every current report matching `where` (on r, with `params`), whose
    (agency, year)s hold none yet: every figure into a temporary table, the combinations computed
    from it, then split as the ingest splits them."""
    dialect = connection.dialect.name
    connection.execute(text(f"DROP TABLE IF EXISTS {_FILL}"))
    connection.execute(
        text(
            f"CREATE TEMPORARY TABLE {_FILL} (agency_id integer, year integer, key varchar(60), value double precision)"
        )
    )
    for sql in rebuild_sql(dialect, where, first_facts=first_facts):
        connection.execute(text(f"INSERT INTO {_FILL} (agency_id, year, key, value) {sql}"), params)
    rows = table(_FILL, *(column(c) for c in COLUMNS))
    connection.execute(insert(rows).from_select(list(COLUMNS), combined_select(rows)))
    if dialect == "postgresql":
        connection.execute(text(f"ANALYZE {_FILL}"))
    connection.execute(
        text(
            f"INSERT INTO {TABLE} (agency_id, year, key, value) SELECT agency_id, year, key, value FROM {_FILL} WHERE value <> 0"
        )
    )
    agg, empty = _AGGREGATE[dialect]
    connection.execute(
        text(
            f"""INSERT INTO {MARKS} (agency_id, year, zeros, blanks) SELECT agency_id, year,
coalesce({agg}(key) FILTER (WHERE value = 0), {empty}), coalesce({agg}(key) FILTER (WHERE value IS NULL), {empty})
FROM {_FILL} WHERE value = 0 OR value IS NULL GROUP BY agency_id, year"""
        )
    )
    connection.execute(text(f"DROP TABLE {_FILL}"))


def rebuild(connection: Connection) -> None:
    """Refill the tables from every current report (after rows were written without the ingest)."""
    connection.execute(delete(CurrentValue))
    connection.execute(delete(CurrentMark))
    fill(connection)
