"""INSERT ... ON CONFLICT DO NOTHING, and bulk inserts (COPY), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


def insert_ignore(session: Session, table: type, values: dict[str, object]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL; True when the row went in."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # RETURNING, not rowcount: rowcount of ON CONFLICT DO NOTHING differs between drivers.
    key: Any = inspect(table).primary_key[0]
    result = session.execute(insert(table).values(**values).on_conflict_do_nothing().returning(key))
    return result.first() is not None


def bulk_insert(connection: Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """Many rows in one statement: COPY on PostgreSQL (inside the caller's transaction), executemany
    straight to the driver on SQLite (SQLAlchemy's per-row parameter processing costs more)."""
    if not rows:
        return
    if connection.dialect.name == "postgresql":
        driver = connection.connection.driver_connection
        statement = f"COPY {table} ({', '.join(columns)}) FROM STDIN"
        try:
            with driver.cursor() as cursor, cursor.copy(statement) as copy:  # type: ignore[union-attr]
                for row in rows:
                    copy.write_row(row)
        except connection.dialect.loaded_dbapi.Error as exc:
            # The driver's own error, as SQLAlchemy would have wrapped it: callers retry a unique
            # key taken by a concurrent store (IntegrityError) or a deadlock (OperationalError).
            raise DBAPIError.instance(statement, None, exc, connection.dialect.loaded_dbapi.Error) from exc
        return
    marks = ", ".join("?" if connection.dialect.paramstyle == "qmark" else "%s" for _ in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    connection.exec_driver_sql(f"INSERT INTO {table} ({names}) VALUES ({marks})", list(rows))


def json_text(value: Any) -> str:
    """A JSON column's text for bulk_insert, as SQLAlchemy's JSON type would write it.

    orjson: a report's cells and sources are ~400 members; the stdlib encoder took 0.2 ms a report
    of a bulk store's ~1.7 ms of CPU (issue 14). What orjson refuses (a figure beyond 64 bits in a
    warning, a key that is no string) the stdlib writes, as before: no report fails for it."""
    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value)
