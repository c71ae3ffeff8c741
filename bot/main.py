"""The composition root: the `nianbao` console script.

bot.cli and bot.tg are siblings that never import each other. This module, above both, hands the
CLI the two commands that start Telegram; each is imported only when it runs.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot import cli


def _run() -> cli.Handler:
    from bot.tg.commands import run

    return run.main


def _remind() -> cli.Handler:
    from bot.tg.commands import remind

    return remind.main


TELEGRAM_COMMANDS: dict[str, cli.Loader] = {"run": _run, "remind": _remind}


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, more=TELEGRAM_COMMANDS)
