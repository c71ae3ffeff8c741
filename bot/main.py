"""The composition root: the `nianbao` console script.

bot.cli and bot.tg are siblings that never import each other. This module, above both, hands the
CLI the two commands that start Telegram; each is imported only when it runs.
"""

from __future__ import annotations

import atexit
import gc
from collections.abc import Sequence

from bot import cli


def _run() -> cli.Handler:
    from bot.tg.commands import run

    return run.main


def _remind() -> cli.Handler:
    from bot.tg.commands import remind

    return remind.main


_exit_hook = False

TELEGRAM_COMMANDS: dict[str, cli.Loader] = {"run": _run, "remind": _remind}


def main(argv: Sequence[str] | None = None) -> int:
    global _exit_hook
    if not _exit_hook:
        # Registered first, so it runs last: the interpreter's final collections then skip the
        # objects of every imported module (0.1-0.2 s off each exit; a bulk run waits for three).
        atexit.register(gc.freeze)
        _exit_hook = True
    return cli.main(argv, more=TELEGRAM_COMMANDS)
