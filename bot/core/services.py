"""The long-lived services every use case needs, built once (CLI main or bot post_init)."""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from bot.core.setup import SetupError, SetupProblem
from storage.db import make_engine, make_sessionmaker, normalise_url

SUPPORTED_BACKENDS = ("sqlite", "postgresql")
__all__ = ["Services", "SetupError", "SetupProblem"]


def display_url(url: URL) -> str:
    """Where the data is, for a message: the SQLite file, or the URL without its password."""
    if url.get_backend_name() == "sqlite":
        return str(Path(url.database).expanduser().resolve()) if url.database else ":memory:"
    return url.render_as_string(hide_password=True)


def parse_database_url(raw: str) -> URL:
    """The URL, or SetupError when it is malformed, of another database kind, or names no database."""
    try:
        url = make_url(normalise_url(raw))
    except (ArgumentError, ValueError) as exc:
        raise SetupError(SetupProblem.DB_URL_MALFORMED, url=raw) from exc
    backend = url.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise SetupError(SetupProblem.DB_URL_UNSUPPORTED, url=raw, error=backend)
    if not url.database or url.database == ":memory:":
        raise SetupError(SetupProblem.DB_URL_NO_DATABASE, url=url.render_as_string(hide_password=True))
    return url


def check_sqlite_dir(url: URL) -> None:
    if url.get_backend_name() == "sqlite" and url.database and not url.database.startswith("file:"):
        parent = Path(url.database).expanduser().resolve().parent
        if not parent.is_dir():
            raise SetupError(SetupProblem.DB_FILE_NO_DIR, path=str(parent), url=url.database)


def _os_error_text(exc: OSError) -> str:
    return exc.strerror or str(exc)


def ensure_data_dir(path: Path) -> None:
    """Create the data directory (and its parents) and check that it is writable."""
    target = path.expanduser()
    if target.exists() and not target.is_dir():
        raise SetupError(SetupProblem.DATA_DIR_NOT_DIR, path=str(target))
    try:
        target.mkdir(parents=True, exist_ok=True)
        probe = target / f".nianbao-write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        problem = {
            errno.EEXIST: SetupProblem.DATA_DIR_NOT_DIR,  # a parent is a file
            errno.ENOTDIR: SetupProblem.DATA_DIR_NOT_DIR,
            errno.EACCES: SetupProblem.DATA_DIR_READ_ONLY,
            errno.EPERM: SetupProblem.DATA_DIR_READ_ONLY,
            errno.EROFS: SetupProblem.DATA_DIR_READ_ONLY,
        }.get(exc.errno or 0, SetupProblem.DATA_DIR_OTHER)
        raise SetupError(problem, path=str(target), error=_os_error_text(exc)) from exc


@dataclass
class Services:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def data_dir(self) -> Path:
        return self.settings.data_dir

    @classmethod
    def open(
        cls,
        settings: Settings,
        db_url: str | None = None,
        *,
        migrate: bool = True,
        read_only: bool = False,
    ) -> Services:
        """Create the data directory, connect, and bring the schema to head.

        `read_only` (ask, export): create nothing — no directory, no SQLite file, no table —
        and raise SetupError(DB_EMPTY / DB_OUTDATED) when the database is not ready.
        """
        url = parse_database_url(settings.resolved_database_url(db_url))
        if read_only:
            return cls._open_read_only(settings, url)
        ensure_data_dir(settings.data_dir)
        check_sqlite_dir(url)
        engine = make_engine(url.render_as_string(hide_password=False))
        if migrate:
            from storage.migrate import upgrade

            try:
                upgrade(engine)
            except BaseException:
                engine.dispose()
                raise
        return cls(settings=settings, engine=engine, sessions=make_sessionmaker(engine))

    @classmethod
    def _open_read_only(cls, settings: Settings, url: URL) -> Services:
        where = display_url(url)
        if url.get_backend_name() == "sqlite" and not Path(str(url.database)).expanduser().is_file():
            raise SetupError(SetupProblem.DB_EMPTY, url=where)  # connecting would create the file
        engine = make_engine(url.render_as_string(hide_password=False), read_only=True)
        try:
            from storage.migrate import current_revision, head_revision

            if not inspect(engine).has_table("reports"):
                raise SetupError(SetupProblem.DB_EMPTY, url=where)
            if current_revision(engine) != head_revision():
                raise SetupError(SetupProblem.DB_OUTDATED, url=where)
        except BaseException:
            engine.dispose()
            raise
        return cls(settings=settings, engine=engine, sessions=make_sessionmaker(engine))

    def close(self) -> None:
        self.engine.dispose()
