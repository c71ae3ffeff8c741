"""A command whose database cannot be reached says so in Chinese (exit 1), no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.main import main

UNREACHABLE = "postgresql+psycopg://nobody@127.0.0.1:1/none"


@pytest.mark.parametrize("argv", [["ingest", "a.txt"], ["export", "--format", "csv"], ["agencies", "list"]])
def test_unreachable_database_is_a_chinese_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    (tmp_path / "a.txt").write_text("报告", encoding="utf-8")
    assert main([*argv, "--db", UNREACHABLE]) == 1
    err = capsys.readouterr().err
    assert "无法连接数据库" in err and "NIANBAO_DATABASE_URL" in err
    assert "Traceback" not in err


def test_db_check_and_upgrade_word_the_core_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """On SQLite: db check is 1 before the upgrade, 0 after; an unreachable server is one line."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    sqlite = f"sqlite:///{tmp_path / 'data' / 'n.sqlite3'}"
    assert main(["db", "upgrade", "--db", sqlite]) == 0
    assert "升级到" in capsys.readouterr().out
    assert main(["db", "check", "--db", sqlite]) == 0
    assert "数据库正常" in capsys.readouterr().out
    assert main(["db", "check", "--db", UNREACHABLE]) == 1
    err = capsys.readouterr().err
    assert err.startswith("数据库无法连接：OperationalError") and "Traceback" not in err
    assert main(["db", "upgrade", "--db", UNREACHABLE]) == 1
    err = capsys.readouterr().err
    assert err.startswith("数据库升级失败：OperationalError") and "Traceback" not in err
