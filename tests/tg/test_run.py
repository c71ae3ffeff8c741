"""`nianbao run` without a token explains how to get one."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.core.replies import bot as R
from bot.main import main


def test_run_without_token_exits_2(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    assert main(["run"]) == 2
    err = capsys.readouterr().err
    assert "@BotFather" in err and "TELEGRAM_BOT_TOKEN" in err
    assert err.strip() == R.NO_TOKEN
