"""/fix (admins): list a report's versions with buttons, move a report to another agency or year,
withdraw a version. The core records who and when; this module only speaks Telegram."""

from __future__ import annotations

from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User

from bot.core.corrections import FixOutcome, FixResult, Who, run_fix
from bot.core.ingest import FIRST_REPORT_YEAR
from bot.core.replies import corrections as say
from bot.tg.state import BotContext

COMMAND = "fix"
CALLBACK = "fx"  # fx:<report_id>:w  |  fx:<report_id>:y:<year>
MAX_BUTTON_ROWS = 8


def _admin(context: BotContext, user: User | None) -> Who | None:
    if user is None or user.id not in context.settings.admins:
        return None
    return Who(user.id, user.full_name, "telegram")


def _buttons(result: FixResult, this_year: int) -> InlineKeyboardMarkup | None:
    rows = []
    for v in result.versions:
        if v.withdrawn:
            continue
        row = [InlineKeyboardButton(say.BUTTON_WITHDRAW.format(id=v.report_id), callback_data=f"{CALLBACK}:{v.report_id}:w")]
        if v.is_current:
            row += [
                InlineKeyboardButton(
                    say.BUTTON_YEAR.format(id=v.report_id, year=year), callback_data=f"{CALLBACK}:{v.report_id}:y:{year}"
                )
                for year in (v.year - 1, v.year + 1)
                if FIRST_REPORT_YEAR <= year <= this_year
            ]
        rows.append(row)
    return InlineKeyboardMarkup(rows[:MAX_BUTTON_ROWS]) if rows else None


async def _run(message: Message, context: BotContext, words: list[str], who: Who) -> None:
    now = datetime.now(context.settings.tz)
    result = await context.state.run_query(run_fix, context.services, words, who, now=now)
    markup = _buttons(result, now.year) if result.outcome is FixOutcome.LISTED else None
    await message.reply_text(result.text(), reply_markup=markup)


async def cmd_fix(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    who = _admin(context, update.effective_user)
    if who is None:
        await message.reply_text(say.NOT_ADMIN)
        return
    await _run(message, context, list(context.args or []), who)


async def on_fix_button(update: Update, context: BotContext) -> None:
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return
    who = _admin(context, query.from_user)
    if who is None:
        await query.answer(say.NOT_ADMIN, show_alert=True)
        return
    parts = query.data.split(":")
    await query.answer()
    words = [parts[1], "撤回"] if parts[2] == "w" else [parts[1], "年度", parts[3]]
    await _run(query.message, context, words, who)
