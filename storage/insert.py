"""INSERT ... ON CONFLICT DO NOTHING, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def insert_ignore(session: Session, table: type, values: dict[str, object]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL; True when the row went in."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    # RETURNING, not rowcount: rowcount of ON CONFLICT DO NOTHING differs between drivers.
    key: Any = inspect(table).primary_key[0]
    result = session.execute(insert(table).values(**values).on_conflict_do_nothing().returning(key))
    return result.first() is not None
