"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from storage.db import make_engine
from storage.migrate import current_revision, head_revision, include_name, upgrade
from storage.models import Base


def _describe(diff: object) -> str:
    if isinstance(diff, tuple):
        target = getattr(diff[1], "name", diff[1])
        return f"{diff[0]} {target}"
    return repr(diff)  # a list of column changes


def test_upgrade_empty_database_to_head_matches_models(db_url: str) -> None:
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
        upgrade(engine)
        assert current_revision(engine) == head_revision()
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name})
            diffs = compare_metadata(context, Base.metadata)
        assert [_describe(d) for d in diffs] == [], "models and migrations differ: add a revision"
    finally:
        engine.dispose()


def test_upgrade_twice_is_a_no_op(db_url: str) -> None:
    upgrade(db_url)
    upgrade(db_url)
    assert current_revision(db_url) == head_revision()


def test_history_is_linear() -> None:
    from alembic.script import ScriptDirectory

    from storage.migrate import alembic_config

    script = ScriptDirectory.from_config(alembic_config())
    assert len(script.get_heads()) == 1
    assert len(script.get_bases()) == 1


def test_concurrent_upgrades_of_a_fresh_database(db_url: str) -> None:
    """Two bot processes starting at once on an empty database: both end at head, neither fails."""
    from concurrent.futures import ThreadPoolExecutor

    engines = [make_engine(db_url) for _ in range(3)]
    try:
        with ThreadPoolExecutor(len(engines)) as pool:
            for future in [pool.submit(upgrade, engine) for engine in engines]:
                future.result(timeout=60)
        assert current_revision(engines[0]) == head_revision()
    finally:
        for engine in engines:
            engine.dispose()
