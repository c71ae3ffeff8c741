"""bot.core.database: SQLAlchemy's errors end here, typed; the CLI never sees them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from bot.core.database import DatabaseUnreachable, as_unreachable, schema_version, upgrade_schema
from tests.conftest import make_settings

UNREACHABLE = "postgresql+psycopg://nobody@127.0.0.1:1/none"


def test_a_server_out_of_reach_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(DatabaseUnreachable) as exc:
        schema_version(make_settings(tmp_path), UNREACHABLE)
    assert exc.value.error.startswith("OperationalError")


def test_schema_version_before_and_after_the_upgrade(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "data")
    url = f"sqlite:///{tmp_path / 'data' / 'n.sqlite3'}"
    done = upgrade_schema(settings, url)
    assert done.before is None and done.after == done.head
    version = schema_version(settings, url)
    assert version.at_head and version.current == done.head


def test_as_unreachable_keeps_the_drivers_first_line_and_passes_other_errors_on() -> None:
    failure = OperationalError("SELECT 1", {}, Exception("connection refused\nis the server running?"))
    typed = as_unreachable(failure)
    assert typed is not None and typed.error == "connection refused"
    assert as_unreachable(ValueError("no")) is None
