"""`nianbao run`: start the Telegram bot (long polling, or a webhook listener)."""

from __future__ import annotations

import argparse
import asyncio
import sys

from bot.config import Settings
from bot.core.replies import bot as R
from bot.core.services import Services
from bot.tg.commands.telegram_errors import telegram_failure

EXIT_USAGE = 2


def main(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.telegram_bot_token.strip():
        print(R.NO_TOKEN, file=sys.stderr)
        return EXIT_USAGE
    from bot.tg.app import WebhookConfig, build_application, run
    from bot.tg.connect import check_reachable

    db_url = getattr(args, "db", None)
    # The database and the data directory first: their errors are worded by the CLI.
    Services.open(settings, db_url).close()
    failed = telegram_failure(lambda: asyncio.run(check_reachable(settings)), settings)
    if failed is not None:
        return failed
    application = build_application(settings, lambda s: Services.open(s, db_url))
    webhook = None
    if getattr(args, "webhook_url", None):
        webhook = WebhookConfig(url=args.webhook_url, listen=args.listen, port=args.port)
    return telegram_failure(lambda: run(application, webhook), settings) or 0
