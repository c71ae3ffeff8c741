"""`nianbao run`: start the Telegram bot (long polling, or a webhook listener)."""

from __future__ import annotations

import argparse
import sys

from bot.config import Settings
from bot.core.replies import bot as R
from bot.core.services import Services

EXIT_USAGE = 2


def main(args: argparse.Namespace, settings: Settings) -> int:
    if not settings.telegram_bot_token.strip():
        print(R.NO_TOKEN, file=sys.stderr)
        return EXIT_USAGE
    from bot.tg.app import WebhookConfig, build_application, run

    db_url = getattr(args, "db", None)
    application = build_application(settings, lambda s: Services.open(s, db_url))
    webhook = None
    if getattr(args, "webhook_url", None):
        webhook = WebhookConfig(url=args.webhook_url, listen=args.listen, port=args.port)
    run(application, webhook)
    return 0
