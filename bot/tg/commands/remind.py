"""`nianbao remind [--at DATETIME] [--dry-run]`: send (or preview) the reminders due at a moment.

--dry-run prints exactly what would be sent, to which chat, and records nothing. Without it the
messages go out through the bot token and are recorded, so the running bot will not repeat them.
Exit 0 on success, 1 when a message could not be sent, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.core.reminders import Reminder, SendOutcome, SendSummary, due_reminders, send_due
from bot.core.replies import reminders as say
from bot.core.services import Services
from bot.tg.commands.telegram_errors import telegram_failure

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def parse_moment(value: str | None, tz: ZoneInfo) -> datetime:
    """ISO 8601; a moment without a zone is local time in `tz`."""
    if not value:
        return datetime.now(tz)
    moment = datetime.fromisoformat(value.strip())
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


def render(reminders: list[Reminder], moment: datetime, tz: ZoneInfo) -> str:
    when = f"{moment.astimezone(tz):%Y-%m-%d %H:%M}"
    if not reminders:
        return say.DRY_RUN_NONE.format(moment=when, tz=tz.key)
    blocks = [say.DRY_RUN_HEAD.format(moment=when, tz=tz.key, count=len(reminders))]
    for reminder in reminders:
        lines = [
            say.DRY_RUN_ITEM.format(
                chat=reminder.chat_id,
                about=reminder.about,
                label=say.KIND_LABELS[reminder.kind.value],
                late=say.DRY_RUN_LATE if reminder.late else "",
            ),
            reminder.text,
        ]
        if reminder.buttons:
            lines.append(say.DRY_RUN_BUTTONS.format(labels="、".join(b.label for b in reminder.buttons)))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


async def _send(services: Services, moment: datetime, settings: Settings) -> SendSummary:
    from bot.tg.connect import opened_bot
    from bot.tg.reminders import TelegramSender

    async with opened_bot(settings) as bot:
        return await send_due(services, moment, TelegramSender(bot))


def main(args: argparse.Namespace, settings: Settings) -> int:
    try:
        moment = parse_moment(args.at, settings.tz)
    except (ValueError, OverflowError):  # OverflowError: year 9999 moved into the local zone
        print(say.BAD_MOMENT.format(value=args.at), file=sys.stderr)
        return EXIT_USAGE
    if not args.dry_run and not settings.telegram_bot_token:
        print(say.NEED_TOKEN, file=sys.stderr)
        return EXIT_USAGE
    services = Services.open(settings, args.db)
    try:
        if args.dry_run:
            print(render(due_reminders(services, moment), moment, settings.tz))
            return EXIT_OK
        if not due_reminders(services, moment):  # nothing to send: no need to reach Telegram
            summary = SendSummary()
        else:
            outcome: list[SendSummary] = []
            failed = telegram_failure(
                lambda: outcome.append(asyncio.run(_send(services, moment, settings))), settings
            )
            if failed is not None:
                return failed
            summary = outcome[0]
    finally:
        services.close()
    for reminder, sent in summary.outcomes:
        if sent is SendOutcome.SENT:
            print(render([reminder], moment, settings.tz).split("\n\n", 1)[1])
            print()
    print(
        say.SENT_SUMMARY.format(
            sent=summary.count(SendOutcome.SENT),
            taken=summary.count(SendOutcome.TAKEN),
            blocked=summary.count(SendOutcome.BLOCKED),
            retry=summary.count(SendOutcome.RETRY_LATER),
            failed=summary.count(SendOutcome.FAILED),
        )
    )
    failed = summary.count(SendOutcome.FAILED) + summary.count(SendOutcome.RETRY_LATER)
    return EXIT_FAILED if failed else EXIT_OK
