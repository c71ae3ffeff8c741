"""One populated database per backend for the answer tests (SQLite always, PostgreSQL with its URL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from bot.config import Settings
from bot.core.services import Services
from storage.db import make_engine, make_sessionmaker
from storage.models import Base
from tests.answers.data import populate

POSTGRES_ENV = "NIANBAO_TEST_POSTGRES_URL"


def _create_schema(engine: Engine) -> None:
    try:
        from storage.migrate import upgrade  # H3's migrations, once they exist
    except ImportError:
        Base.metadata.create_all(engine)
    else:
        upgrade(engine)


def _postgres_engine() -> tuple[Engine, Engine, str]:
    url = os.environ[POSTGRES_ENV]
    schema = f"answers_{uuid.uuid4().hex[:10]}"
    admin = make_engine(url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine = make_engine(url, connect_args={"options": f"-csearch_path={schema}"})
    return admin, engine, schema


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def answer_services(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Services]:
    data_dir: Path = tmp_path_factory.mktemp("answers")
    settings = Settings(NIANBAO_DATA_DIR=str(data_dir), NIANBAO_DATABASE_URL="")  # type: ignore[call-arg]
    admin = None
    schema = ""
    if request.param == "postgres":
        if not os.environ.get(POSTGRES_ENV):
            pytest.skip(f"{POSTGRES_ENV} not set")
        admin, engine, schema = _postgres_engine()
    else:
        engine = make_engine(f"sqlite:///{data_dir / 'answers.sqlite3'}")
    _create_schema(engine)
    services = Services(settings=settings, engine=engine, sessions=make_sessionmaker(engine))
    with services.sessions() as session:
        populate(session)
    yield services
    services.close()
    if admin is not None:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
