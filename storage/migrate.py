"""Bring a database to the newest schema with Alembic, from any working directory.

The Alembic config is built in code with `script_location` pointing at the installed
package, so it works after a non-editable install and needs no alembic.ini.
"""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path

# Alembic narrates every plugin (on import) and context at INFO, and every command opens the
# database: quieten it before importing it.
logging.getLogger("alembic").setLevel(logging.WARNING)

from alembic import command  # noqa: E402
from alembic.config import Config  # noqa: E402
from alembic.runtime.migration import MigrationContext  # noqa: E402
from alembic.script import ScriptDirectory  # noqa: E402
from sqlalchemy import Engine, text  # noqa: E402

from storage import current_tables, totals  # noqa: E402, F401  (their tables are in the models the migrations are compared with)
from storage.db import begin_sqlite_transaction, make_engine  # noqa: E402

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

log = logging.getLogger(__name__)

# Arbitrary constant naming "nianbao schema migration" among PostgreSQL advisory locks.
_PG_LOCK_KEY = 0x6E69616E62616F


# Tables, indexes and types of procrastinate's own schema (created by migration 0004 on PostgreSQL):
# not described by our models, so autogenerate and the model comparison leave them alone.
FOREIGN_PREFIX = "procrastinate_"


# PostgreSQL-only expression indexes made by a migration (0010: reverse(name) COLLATE "C"): SQLite has
# no reverse(), and autogenerate cannot compare expression indexes, so the models leave them out.
POSTGRES_ONLY_INDEXES = frozenset({"ix_agencies_name_reversed"})


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    if type_ == "index" and name in POSTGRES_ONLY_INDEXES:
        return False
    return not (name or "").startswith(FOREIGN_PREFIX)


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    # Descriptive revision file names: 2025_01_31_1200-<rev>_<slug>.py
    config.set_main_option(
        "file_template", "%%(year)d_%%(month).2d_%%(day).2d_%%(hour).2d%%(minute).2d-%%(rev)s_%%(slug)s"
    )
    if url:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def _engine(engine_or_url: Engine | str) -> tuple[Engine, bool]:
    if isinstance(engine_or_url, Engine):
        return engine_or_url, False
    return make_engine(engine_or_url), True


@contextmanager
def _sqlite_migration_lock(engine: Engine) -> Iterator[None]:
    """Serialise migrations of one SQLite file across processes.

    Two bot processes starting together on a fresh file would otherwise both see an empty
    database and race on CREATE TABLE (one then fails or waits on SQLite's lock).
    """
    database = engine.url.database
    if not database or database == ":memory:":
        yield
        return
    with open(f"{database}.migrate-lock", "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def upgrade(engine_or_url: Engine | str, revision: str = "head") -> None:
    """Migrate to `revision` (default: the newest) inside one transaction.

    Safe to call from several processes at once: SQLite takes a file lock, PostgreSQL a
    transaction-scoped advisory lock, and whoever comes second finds nothing left to do.
    """
    engine, owned = _engine(engine_or_url)
    is_sqlite = engine.dialect.name == "sqlite"
    try:
        with _sqlite_migration_lock(engine) if is_sqlite else nullcontext(), engine.begin() as connection:
            # Every DDL statement inside this one transaction: a kill -9 or Ctrl-C at any point
            # leaves the database as it was, and the next upgrade starts over cleanly.
            begin_sqlite_transaction(connection, immediate=True)
            if engine.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
            before = MigrationContext.configure(connection).get_current_revision()
            config = alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
            after = MigrationContext.configure(connection).get_current_revision()
        if before != after:
            log.info("database migrated from %s to %s", before, after)
    finally:
        if owned:
            engine.dispose()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine_or_url: Engine | str) -> str | None:
    engine, owned = _engine(engine_or_url)
    try:
        with engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()
    finally:
        if owned:
            engine.dispose()
