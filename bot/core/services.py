"""The long-lived services every use case needs, built once (CLI main or bot post_init)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.config import Settings
from storage.db import make_engine, make_sessionmaker


@dataclass
class Services:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]

    @property
    def data_dir(self) -> Path:
        return self.settings.data_dir

    @classmethod
    def open(cls, settings: Settings, db_url: str | None = None, *, migrate: bool = True) -> Services:
        """Create the data directory, connect, and bring the schema to head."""
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = make_engine(settings.resolved_database_url(db_url))
        if migrate:
            from storage.migrate import upgrade

            upgrade(engine)
        return cls(settings=settings, engine=engine, sessions=make_sessionmaker(engine))

    def close(self) -> None:
        self.engine.dispose()
