"""One populated database per backend for the answer tests (SQLite always, PostgreSQL with its URL)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from bot.core.services import Services
from storage.db import make_engine, make_sessionmaker, normalise_url
from storage.models import Base
from tests.answers.data import populate
from tests.conftest import make_settings

POSTGRES_ENV = "NIANBAO_TEST_POSTGRES_URL"


def _create_schema(engine: Engine) -> None:
    try:
        from storage.migrate import upgrade  # H3's migrations, once they exist
    except ImportError:
        Base.metadata.create_all(engine)
    else:
        upgrade(engine)


def _postgres_engine() -> tuple[Engine, Engine, str]:
    # The schema travels in the URL so `nianbao ask --db URL` lands in it too.
    base = os.environ[POSTGRES_ENV]
    schema = f"answers_{uuid.uuid4().hex[:10]}"
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(normalise_url(base)).update_query_dict({"options": f"-csearch_path={schema}"})
    return admin, make_engine(url.render_as_string(hide_password=False)), schema


@pytest.fixture(
    scope="module",
    params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)],
)
def answer_services(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Services]:
    data_dir: Path = tmp_path_factory.mktemp("answers")
    settings = make_settings(data_dir)
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
    populate(services)
    yield services
    services.close()
    if admin is not None:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
