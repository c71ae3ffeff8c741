"""The database's schema version: `nianbao db check` (the container's health check) and
`nianbao db upgrade`; and the one failure every command may meet, a database out of reach.

SQLAlchemy's errors stop here: callers get DatabaseUnreachable or UpgradeFailed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy.exc import InterfaceError, OperationalError, SQLAlchemyError

from bot.config import Settings
from bot.core.services import check_sqlite_dir, ensure_data_dir, parse_database_url
from storage.db import make_engine
from storage.migrate import current_revision, head_revision, upgrade

log = logging.getLogger(__name__)


class DatabaseFailure(Exception):
    """`error`: the driver's words, e.g. "OperationalError: ..." (not Chinese: worded by the caller)."""

    def __init__(self, error: str) -> None:
        super().__init__(error)
        self.error = error


class DatabaseUnreachable(DatabaseFailure):
    """The database did not answer."""


class UpgradeFailed(DatabaseFailure):
    """The migration stopped."""


@dataclass(frozen=True)
class SchemaVersion:
    current: str | None  # None: an empty database
    head: str | None

    @property
    def at_head(self) -> bool:
        return self.current == self.head


@dataclass(frozen=True)
class Upgrade:
    before: str | None
    after: str | None
    head: str | None


def _url(settings: Settings, db: str | None) -> str:
    # A malformed or unsupported URL: SetupError, worded by the caller.
    return parse_database_url(settings.resolved_database_url(db)).render_as_string(hide_password=False)


def _named(exc: BaseException) -> str:
    return f"{exc.__class__.__name__}: {exc}"


def schema_version(settings: Settings, db: str | None = None) -> SchemaVersion:
    """The database's revision and the newest; DatabaseUnreachable when it does not answer."""
    engine = make_engine(_url(settings, db))
    try:
        current = current_revision(engine)
    except SQLAlchemyError as exc:
        raise DatabaseUnreachable(_named(exc)) from exc
    finally:
        engine.dispose()
    return SchemaVersion(current, head_revision())


def upgrade_schema(settings: Settings, db: str | None = None) -> Upgrade:
    """Bring the database to the newest schema (creating a SQLite file's directory first)."""
    parsed = parse_database_url(settings.resolved_database_url(db))
    url = parsed.render_as_string(hide_password=False)
    if url.startswith("sqlite"):
        ensure_data_dir(settings.data_dir)
        check_sqlite_dir(parsed)
    engine = make_engine(url)
    try:
        before = current_revision(engine)
        upgrade(engine)
        after = current_revision(engine)
    except SQLAlchemyError as exc:
        raise UpgradeFailed(_named(exc)) from exc
    finally:
        engine.dispose()
    return Upgrade(before, after, head_revision())


def as_unreachable(exc: BaseException) -> DatabaseUnreachable | None:
    """A connection failure (server down, file unopenable) that escaped a command, typed; else None."""
    if isinstance(exc, DatabaseUnreachable):
        return exc
    if not isinstance(exc, OperationalError | InterfaceError):
        return None
    log.debug("database unreachable", exc_info=True)
    text = str(exc.orig or exc)
    return DatabaseUnreachable(text.splitlines()[0] if text else type(exc).__name__)
