"""Engines and sessions. SQLite: foreign keys, WAL, busy timeout. PostgreSQL: psycopg 3."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from storage.sqlite_lock import file_write_lock


def normalise_url(url: str) -> str:
    """postgres:// and postgresql:// (what people paste) -> the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgres", "postgresql"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()


def _sqlite_read_only_pragmas(dbapi_connection: Any, _record: Any) -> None:
    if isinstance(dbapi_connection, sqlite3.Connection):
        dbapi_connection.execute("PRAGMA busy_timeout=10000")
        dbapi_connection.execute("PRAGMA query_only=ON")


def _sqlite_read_only(path: str) -> sqlite3.Connection:
    """Open without creating or writing anything. A WAL database in a directory we may not
    write to cannot get its shared-memory file: read it as immutable when no WAL is pending."""
    connection = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True, timeout=10, check_same_thread=False)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return connection
    except sqlite3.OperationalError:
        connection.close()
        if os.path.exists(f"{path}-wal"):
            raise
    return sqlite3.connect(
        f"file:{quote(path)}?mode=ro&immutable=1", uri=True, timeout=10, check_same_thread=False
    )


def make_engine(url: str, *, read_only: bool = False, **kwargs: Any) -> Engine:
    """`read_only`: nothing is created or written (SQLite: mode=ro, no WAL switch; PostgreSQL:
    read-only transactions), for commands that only read."""
    url = normalise_url(url)
    if url.startswith("sqlite"):
        if read_only:
            path = make_url(url).database or ""
            engine = create_engine("sqlite://", creator=lambda: _sqlite_read_only(path), **kwargs)
            event.listen(engine, "connect", _sqlite_read_only_pragmas)
            return engine
        engine = create_engine(url, connect_args={"timeout": 10}, **kwargs)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if read_only:
        kwargs.setdefault("execution_options", {"postgresql_readonly": True})
    engine = create_engine(url, pool_pre_ping=True, **kwargs)
    event.listen(engine, "connect", _postgres_settings)
    return engine


def _postgres_settings(dbapi_connection: Any, _record: Any) -> None:
    # JIT compiles a plan costed as "big" (a year's ranking) for ~35 ms, more than it saves on
    # these short queries (measured at 100 000 reports, benchmarks/scale.py).
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET jit = off")
    dbapi_connection.commit()
    # A statement run twice on a connection is prepared (psycopg's default: five times): parsing
    # and planning cost the server more than running most of these short statements.
    dbapi_connection.prepare_threshold = 1


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


# SQLite allows one writer at a time; serialising writers in the process avoids "database is
# locked" retries under the busy timeout (datasette keeps one write thread for the same reason).
_SQLITE_WRITE_LOCK = threading.RLock()


@contextlib.contextmanager
def write_lock(engine: Engine) -> Iterator[None]:
    """Hold around a write transaction: one writer at a time on SQLite, no-op on PostgreSQL."""
    if engine.dialect.name != "sqlite":
        yield
        return
    with _SQLITE_WRITE_LOCK, file_write_lock(engine):
        yield


def begin_sqlite_transaction(connection: Connection, *, immediate: bool = False) -> None:
    """Open the SQLite transaction explicitly, as the first statement of `connection`'s transaction.

    pysqlite (the legacy isolation mode SQLAlchemy uses) only sends BEGIN before INSERT, UPDATE
    and DELETE: every SELECT before the first write, and every CREATE/DROP, runs on its own in
    autocommit. A migration killed halfway then leaves half a schema; a write transaction reads
    a duplicate check outside its own transaction. An explicit BEGIN puts them all in one
    transaction (the driver sees it open and adds none). IMMEDIATE also takes the write lock at
    once, so a concurrent writer waits for the whole read-then-write, not for a stale snapshot.
    No-op on other databases, whose transactions already cover DDL and reads.
    """
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextlib.contextmanager
def read_session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session for reads that ends with COMMIT, not ROLLBACK: psycopg forgets every statement
    it prepared on the connection at a ROLLBACK, so a worker whose reads rolled back parsed and
    planned every statement of every file afresh (about a fifth of the server's CPU, issue 14).
    Only for reads: whatever is written in it is committed."""
    with sessions.begin() as session:
        yield session


@contextlib.contextmanager
def write_session(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """A session whose one transaction holds the write lock from its first statement; commits on exit."""
    engine = sessions.kw["bind"]
    with write_lock(engine), sessions.begin() as session:
        begin_sqlite_transaction(session.connection(), immediate=True)
        yield session
