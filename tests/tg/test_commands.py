"""Every command the bot handles is in Telegram's menu and in /help, and vice versa."""

from __future__ import annotations

from pathlib import Path

from telegram.ext import CommandHandler

from bot.core.replies import bot as R
from bot.tg.app import build_application
from tests.conftest import make_settings


def test_menu_and_help_list_exactly_the_handled_commands(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    settings = settings.model_copy(update={"telegram_bot_token": "123:TEST"})
    application = build_application(settings, lambda: None)  # type: ignore[arg-type,return-value]
    handled = {
        command
        for group in application.handlers.values()
        for handler in group
        if isinstance(handler, CommandHandler)
        for command in handler.commands
    }
    menu = {name for name, _ in R.COMMANDS}
    assert handled == menu
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    for name in handled - {"start", "help"}:
        assert f"/{name}" in R.HELP
        assert f"/{name}" in readme, f"/{name} is not in the README"
