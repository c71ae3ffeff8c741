"""Thin adapters: unpack the Update, run the core function in a thread pool, reply.

No SQL, regexes or parsing here. Questions: any text in a private chat; in groups only a
mention of the bot or a reply to it (privacy mode on delivers nothing else anyway).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, InputFile, Message, MessageEntity, Update
from telegram.constants import ChatType, ParseMode
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, MessageHandler, filters

from bot.core import browse
from bot.core.answer import answer_question
from bot.core.links import find_url
from bot.core.questions import MAX_QUESTION_CHARS
from bot.core.replies import bot as R
from bot.core.replies.charts import NO_CHART
from bot.core.replies.charts import USAGE as CHART_USAGE
from bot.tg import charts, drafts, fix, summary, uploads
from bot.tg.links import on_link
from bot.tg.sending import split_message
from bot.tg.state import BotContext, ChoiceKind, PendingChoice, pressed

log = logging.getLogger(__name__)

CHOICE_CALLBACK = "c"  # c:<token>:<index>


async def send_html(
    message: Message, text: str, *, html: bool = True, markup: InlineKeyboardMarkup | None = None
) -> None:
    """Reply in as many messages as needed; buttons go on the last one."""
    chunks = split_message(text, html=html)
    for i, chunk in enumerate(chunks):
        last = i == len(chunks) - 1
        await message.reply_text(
            chunk,
            parse_mode=ParseMode.HTML if html else None,
            reply_markup=markup if last else None,
            do_quote=i == 0 and message.chat.type != ChatType.PRIVATE,
        )


def _choice_markup(
    context: BotContext,
    chat_id: int,
    kind: ChoiceKind,
    names: list[str],
    options: list[str],
    year: int | None = None,
) -> InlineKeyboardMarkup:
    token = context.state.choices.put(PendingChoice(chat_id, kind, tuple(options), year))
    return InlineKeyboardMarkup(
        [
            [InlineKeyboardButton(name, callback_data=f"{CHOICE_CALLBACK}:{token}:{i}")]
            for i, name in enumerate(names)
        ]
    )


def _allowed(context: BotContext, update: Update) -> float:
    """0 when the user may act now, else the seconds to wait."""
    user = update.effective_user
    return context.state.buckets.take(user.id) if user else 0.0


# --- questions --------------------------------------------------------------------------------


def _addressed_text(message: Message, bot_username: str, bot_id: int) -> str | None:
    """The question in this message, or None when it is group chatter not meant for the bot."""
    text = message.text or ""
    if message.chat.type == ChatType.PRIVATE:
        return text
    mention = f"@{bot_username}".lower()
    mentioned = any(
        e.type == MessageEntity.MENTION and message.parse_entity(e).lower() == mention
        for e in message.entities
    )
    replied = message.reply_to_message
    to_bot = replied is not None and replied.from_user is not None and replied.from_user.id == bot_id
    if not (mentioned or to_bot):
        return None
    if mentioned:
        lowered = text.lower()
        at = lowered.find(mention)
        text = text[:at] + text[at + len(mention) :]
    return text.strip()


async def on_text(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or message.text is None:
        return
    text = _addressed_text(message, context.bot.username, context.bot.id)
    if text is None:
        return
    pending = uploads.pending_for_text(context, message)
    if pending is not None:
        await uploads.on_agency_text(update, context, pending[0], pending[1], text)
        return
    if (url := find_url(text)) is not None:
        await on_link(update, context, text, url)
        return
    if len(text) > MAX_QUESTION_CHARS:
        await message.reply_text(R.TEXT_TOO_LONG.format(limit=MAX_QUESTION_CHARS))
        return
    if wait := _allowed(context, update):
        await message.reply_text(R.RATE_LIMITED.format(seconds=max(1, round(wait))))
        return
    answer = await context.state.run_query(answer_question, context.services, text, now=_now(context))
    markup = None
    if answer.choices and answer.choice_questions:  # ambiguous agency, or each agency of a place
        markup = _choice_markup(context, message.chat_id, ChoiceKind.QUESTION, answer.choices, answer.choice_questions)
    await send_html(message, answer.text, html=answer.html, markup=markup)
    if answer.chart is not None:
        await charts.send_chart(message, context, answer.chart)


def _now(context: BotContext) -> datetime:
    return datetime.now(context.settings.tz)


# --- buttons ------------------------------------------------------------------------------------


async def on_choice(update: Update, context: BotContext) -> None:
    """A button under an ambiguous question or /report, /history: redo it with that agency."""
    if (button := pressed(update)) is None:
        return
    choice = context.state.choices.get(button.token)
    if choice is None:
        await button.query.answer(R.CHOICE_EXPIRED, show_alert=True)
        return
    await button.query.answer()
    option = choice.options[button.index]
    message = button.message
    if choice.kind is ChoiceKind.QUESTION:
        answer = await context.state.run_query(answer_question, context.services, option, now=_now(context))
        await send_html(message, answer.text, html=answer.html)
        if answer.chart is not None:
            await charts.send_chart(message, context, answer.chart)
    elif choice.kind is ChoiceKind.REPORT:
        result = await context.state.run_query(browse.report_tables, context.services, option, choice.year)
        await send_html(message, result.text)
    elif choice.kind is ChoiceKind.HISTORY:
        result = await context.state.run_query(browse.agency_history, context.services, option)
        await send_html(message, result.text)


# --- commands ------------------------------------------------------------------------------------


async def cmd_start(update: Update, context: BotContext) -> None:
    if update.effective_message:
        await update.effective_message.reply_text(R.START)


async def cmd_help(update: Update, context: BotContext) -> None:
    if update.effective_message:
        await update.effective_message.reply_text(R.HELP, parse_mode=ParseMode.HTML)


async def _browse_reply(
    update: Update, context: BotContext, kind: ChoiceKind, result: browse.BrowseResult, year: int | None = None
) -> None:
    message = update.effective_message
    assert message is not None
    markup = None
    if result.outcome is browse.BrowseOutcome.AMBIGUOUS_AGENCY:
        markup = _choice_markup(context, message.chat_id, kind, result.choices, result.choices, year)
    await send_html(message, result.text, markup=markup)


async def cmd_report(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    args = browse.parse_report_args(context.args or [])
    if args is None:
        await message.reply_text(R.REPORT_USAGE)
        return
    if wait := _allowed(context, update):
        await message.reply_text(R.RATE_LIMITED.format(seconds=max(1, round(wait))))
        return
    result = await context.state.run_query(
        browse.report_tables, context.services, args.agency[:100], args.year
    )
    await _browse_reply(update, context, ChoiceKind.REPORT, result, args.year)


async def cmd_history(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    agency = "".join(context.args or []).strip()[:100]
    if not agency:
        await message.reply_text(R.HISTORY_USAGE)
        return
    result = await context.state.run_query(browse.agency_history, context.services, agency)
    await _browse_reply(update, context, ChoiceKind.HISTORY, result)


async def cmd_agencies(update: Update, context: BotContext) -> None:
    if update.effective_message is None:
        return
    result = await context.state.run_query(browse.agencies_overview, context.services)
    await send_html(update.effective_message, result.text)


async def cmd_export(update: Update, context: BotContext) -> None:
    if (message := await summary.export_message(update, context)) is None:
        return
    if wait := _allowed(context, update):
        await message.reply_text(R.RATE_LIMITED.format(seconds=max(1, round(wait))))
        return
    fmt = "xlsx" if (context.args or [""])[0].lower().lstrip(".") in ("xlsx", "excel") else "csv"
    export = await context.state.run_query(browse.export_file, context.services, fmt, now=_now(context))
    if export is None:
        await message.reply_text(R.EXPORT_EMPTY)
        return
    await message.reply_document(
        InputFile(export.data, filename=export.filename),
        caption=R.EXPORT_CAPTION.format(fmt=fmt.upper()),
    )


async def cmd_chart(update: Update, context: BotContext) -> None:
    """/chart 问题: the answer with its chart (trend or ranking), or why there is none."""
    message = update.effective_message
    if message is None:
        return
    question = " ".join(context.args or []).strip()[:MAX_QUESTION_CHARS]
    if not question:
        await message.reply_text(CHART_USAGE)
        return
    if wait := _allowed(context, update):
        await message.reply_text(R.RATE_LIMITED.format(seconds=max(1, round(wait))))
        return
    answer = await context.state.run_query(answer_question, context.services, question, now=_now(context))
    if answer.chart is None:
        await message.reply_text(NO_CHART.format(answer=answer.plain))
        return
    await send_html(message, answer.text, html=answer.html)
    await charts.send_chart(message, context, answer.chart)


async def cmd_cancel(update: Update, context: BotContext) -> None:
    message = update.effective_message
    user = update.effective_user
    if message is None or user is None:
        return
    found = context.state.uploads.find(lambda p: p.chat_id == message.chat_id and p.user_id == user.id)
    if found is None:
        await message.reply_text(R.NOTHING_TO_CANCEL)
        return
    context.state.uploads.pop(found[0])
    await message.reply_text(R.CANCELLED)


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    application.add_handler(CommandHandler("start", cmd_start))
    application.add_handler(CommandHandler("help", cmd_help))
    application.add_handler(CommandHandler("report", cmd_report))
    application.add_handler(CommandHandler("history", cmd_history))
    application.add_handler(CommandHandler("agencies", cmd_agencies))
    application.add_handler(CommandHandler("export", cmd_export))
    application.add_handler(CommandHandler("cancel", cmd_cancel))
    application.add_handler(CommandHandler(drafts.COMMAND, drafts.cmd_check))
    application.add_handler(CommandHandler(summary.COMMAND, summary.cmd_summary))
    application.add_handler(CommandHandler(charts.COMMAND, cmd_chart))
    application.add_handler(CommandHandler(fix.COMMAND, fix.cmd_fix))
    application.add_handler(CallbackQueryHandler(fix.on_fix_button, pattern=rf"^{fix.CALLBACK}:"))
    # Before the upload handler: a file captioned /check is a draft to check, not a report to store.
    application.add_handler(
        MessageHandler(
            filters.Document.ALL & filters.CaptionRegex(drafts.CAPTION_PATTERN), drafts.on_check_caption
        )
    )
    application.add_handler(MessageHandler(filters.Document.ALL, uploads.on_document))
    application.add_handler(MessageHandler(filters.PHOTO, uploads.on_photo))
    application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, on_text))
    application.add_handler(
        CallbackQueryHandler(uploads.on_agency_button, pattern=rf"^{uploads.AGENCY_CALLBACK}:")
    )
    application.add_handler(CallbackQueryHandler(on_choice, pattern=rf"^{CHOICE_CALLBACK}:"))
