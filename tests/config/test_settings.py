"""Settings are data: every one is documented, typed and defaulted."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def _env_names() -> list[str]:
    names = []
    for field in Settings.model_fields.values():
        alias = field.validation_alias
        choices = getattr(alias, "choices", None)
        assert choices, "every setting declares its environment variable"
        names.append(str(choices[0]))
    return names


@pytest.mark.parametrize("name", _env_names())
def test_setting_is_documented(name: str) -> None:
    example = (ROOT / ".env.example").read_text(encoding="utf-8")
    # Documented either set or commented out (a default the deployments must not inherit).
    assert f"\n{name}=" in example or f"\n# {name}=" in example
    assert name in (ROOT / "README.md").read_text(encoding="utf-8")


def test_defaults_need_no_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(tmp_path)  # no .env here
    for name in _env_names():
        monkeypatch.delenv(name, raising=False)
    settings = Settings()
    assert settings.timezone == "Asia/Shanghai"
    assert settings.resolved_database_url().startswith("sqlite:///")
    assert settings.resolved_database_url().endswith("data/nianbao.sqlite3")
    assert settings.resolved_database_url("postgresql+psycopg://x@h/db") == "postgresql+psycopg://x@h/db"


def test_lists_and_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIANBAO_ADMINS", "11, 22")
    monkeypatch.setenv("NIANBAO_ALLOWED_CHATS", "-1001")
    settings = Settings()
    assert settings.admins == [11, 22]
    assert settings.allowed_chats == [-1001]
    monkeypatch.setenv("NIANBAO_TIMEZONE", "Mars/Olympus")
    with pytest.raises(ValidationError):
        Settings()


def test_database_url_setting_beats_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIANBAO_DATABASE_URL", "sqlite:////tmp/x.db")
    assert Settings().resolved_database_url() == "sqlite:////tmp/x.db"
    assert Settings().resolved_database_url("sqlite:////tmp/y.db") == "sqlite:////tmp/y.db"
