"""Review: command-line input mistakes are explained in Chinese, never in English or a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main


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
