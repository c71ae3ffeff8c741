"""storage.db: a worker's repeated statements stay prepared on PostgreSQL (issue 14).

psycopg forgets its prepared statements at every ROLLBACK; read_session ends reads with COMMIT, so
a statement run again after a read is not parsed and planned again."""

from __future__ import annotations

from sqlalchemy import select, text

from bot.core.services import Services
from storage.db import read_session
from storage.models import IngestJob


def _prepared(services: Services) -> list[str]:
    with services.engine.connect() as connection:
        return list(connection.execute(text("SELECT statement FROM pg_prepared_statements")).scalars())


def test_reads_keep_prepared_statements(services: Services) -> None:
    if services.engine.dialect.name != "postgresql":
        # SQLite has no server-side prepared statements; read_session still reads.
        with read_session(services.sessions) as session:
            assert session.scalar(select(IngestJob.id).limit(1)) is None
        return
    for _ in range(3):
        with read_session(services.sessions) as session:
            session.scalar(select(IngestJob.id).where(IngestJob.sha256 == "x").limit(1))
    assert any("FROM ingest_jobs" in s for s in _prepared(services))


def test_rollback_forgets_them(services: Services) -> None:
    """Why read_session exists: the same reads in sessions that roll back prepare nothing."""
    if services.engine.dialect.name != "postgresql":
        return
    for _ in range(3):
        with services.sessions() as session:
            session.scalar(select(IngestJob.id).where(IngestJob.sha256 == "x").limit(1))
    assert not any("FROM ingest_jobs" in s for s in _prepared(services))
