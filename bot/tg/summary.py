"""/summary 地区 年份: the region table as an XLSX document, built off the event loop."""

from __future__ import annotations

from datetime import datetime

from telegram import InputFile, Message, Update

from bot.core.replies import bot as R
from bot.core.replies import summary as say
from bot.core.services import Services
from bot.core.summary import SummaryOutcome, SummaryResult, parse_summary_args, region_summary
from bot.tg.state import BotContext

COMMAND = "summary"


def _build(services: Services, region: str, year: int, now: datetime) -> tuple[SummaryResult, bytes | None]:
    result = region_summary(services, region, year, now=now)
    return result, result.xlsx() if result.outcome is SummaryOutcome.OK else None


async def export_message(update: Update, context: BotContext) -> Message | None:
    """The command's message when its sender may export (/export, /summary): those who may
    upload may take the data out; anyone else is told so, and gets None."""
    message = update.effective_message
    user = update.effective_user
    if message is None:
        return None
    if not context.state.access.may_upload(user.id if user else None, message.chat_id):
        await message.reply_text(R.EXPORT_NOT_ALLOWED)
        return None
    return message


async def cmd_summary(update: Update, context: BotContext) -> None:
    if (message := await export_message(update, context)) is None:
        return
    user = update.effective_user
    now = datetime.now(context.settings.tz)
    args = parse_summary_args(context.args or [], now=now)
    if args is None:
        await message.reply_text(say.USAGE)
        return
    if wait := context.state.buckets.take(user.id if user else 0):
        await message.reply_text(R.RATE_LIMITED.format(seconds=max(1, round(wait))))
        return
    result, data = await context.state.run_query(_build, context.services, args[0], args[1], now)
    if data is None:
        await message.reply_text(result.text())
        return
    await message.reply_document(InputFile(data, filename=result.filename), caption=result.text()[:1024])
