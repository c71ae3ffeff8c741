"""Command-line input mistakes are explained in Chinese, never in English or a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.main import main


def test_cli_ingest_of_a_directory_or_missing_file_is_explained_in_chinese(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NIANBAO_DATABASE_URL", db_url)
    folder = tmp_path / "文件夹"
    folder.mkdir()
    assert main(["ingest", str(folder), str(tmp_path / "没有.pdf")]) == 1
    out = capsys.readouterr().out
    assert "是目录" in out and "不存在" in out
    assert "Is a directory" not in out and "No such file" not in out


@pytest.mark.parametrize("at", ["9999-12-31T23:59-10:00", "2027-02-30T09:00", "2027", "  "])
def test_remind_at_out_of_range_or_garbage_is_a_chinese_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], at: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    assert main(["remind", "--at", at, "--dry-run"]) == 2
    assert "无法识别的时刻" in capsys.readouterr().err


def test_remind_at_naive_is_local_time_in_the_configured_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NIANBAO_TIMEZONE", "Asia/Urumqi")
    assert main(["remind", "--at", "2027-01-24T09:00", "--dry-run"]) == 0
    assert "2027-01-24 09:00（Asia/Urumqi）" in capsys.readouterr().out
