"""Shared fixtures: a database per test (SQLite always, PostgreSQL when its URL is set) and Services.

PostgreSQL tests each get a private schema (several developers share one `test` database): the
schema travels in the URL (`?options=-csearch_path=...`), so anything that builds its own engine
from `db_url` — Services.open, the CLI's --db — lands in the same private schema.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.config import Settings
from bot.core.services import Services
from storage.db import make_engine, normalise_url
from tests.factories import make_report as _make_report

POSTGRES_ENV = "NIANBAO_TEST_POSTGRES_URL"


def make_settings(data_dir: Path, db_url: str = "", **overrides: Any) -> Settings:
    """Settings from explicit values only: every field at its default unless overridden.

    Keys of `overrides` are field names (data_dir, parse_timeout, ...). Environment variables
    and .env are ignored because every field is passed explicitly.
    """
    values: dict[str, Any] = {}
    for name, field in Settings.model_fields.items():
        if name in overrides:
            value = overrides.pop(name)
        elif field.default_factory is not None:
            value = field.default_factory()  # type: ignore[call-arg]
        else:
            value = field.default
        alias = str(field.validation_alias.choices[0])  # type: ignore[union-attr]
        values[alias] = value
    if overrides:
        raise TypeError(f"unknown settings: {sorted(overrides)}")
    values["NIANBAO_DATA_DIR"] = str(data_dir)
    values["NIANBAO_DATABASE_URL"] = db_url
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


def _private_postgres_url(base_url: str) -> tuple[str, str]:
    schema = f"nb_{uuid.uuid4().hex[:12]}"
    url = make_url(normalise_url(base_url)).update_query_dict({"options": f"-csearch_path={schema}"})
    return schema, url.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL; the schema is not created (Services.open / upgrade does that)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.sqlite3'}"
        return
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"{POSTGRES_ENV} not set")
    schema, url = _private_postgres_url(base)
    admin = make_engine(base)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield url
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


@pytest.fixture
def settings(data_dir: Path, db_url: str) -> Settings:
    return make_settings(data_dir, db_url)


@pytest.fixture
def services(settings: Settings) -> Iterator[Services]:
    """Services on a temporary data directory and the `db_url` database, migrated to head."""
    opened = Services.open(settings)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def make_report() -> Any:
    """tests.factories.make_report, for tests that prefer a fixture to an import."""
    return _make_report
