"""Reminders on Telegram: /register, /supervise, /deadline, /missing, the snooze button, the job.

The job only asks bot.core.reminders what is due; the database decides, so re-creating the
job at start (under a stable name) can neither duplicate nor lose a reminder.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from telegram import ChatMember, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatType
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.core import registration
from bot.core.reminders import Button, ChatBlocked, RetryLater, SendOutcome, send_due
from bot.core.replies import reminders as say
from bot.tg.handlers import send_html
from bot.tg.sending import split_message
from bot.tg.state import BotContext

log = logging.getLogger(__name__)

JOB_NAME = "nianbao-reminders"
SNOOZE_PATTERN = r"^nb:snooze:"
# Bad Requests that mean the chat is gone for good, not that the message was wrong.
_GONE = ("chat not found", "bot was kicked", "group chat was deactivated", "have no rights to send")


class TelegramSender:
    """bot.core's Sender over a PTB Bot: plain text, split at 4096 characters, typed errors."""

    def __init__(self, bot: Any) -> None:
        self.bot = bot

    async def send(self, chat_id: int, text: str, buttons: Sequence[Button]) -> None:
        markup = (
            InlineKeyboardMarkup([[InlineKeyboardButton(b.label, callback_data=b.data)] for b in buttons])
            if buttons
            else None
        )
        chunks = split_message(text, html=False)
        try:
            for i, chunk in enumerate(chunks):
                last = i == len(chunks) - 1
                await self.bot.send_message(
                    chat_id, chunk, parse_mode=None, reply_markup=markup if last else None
                )
        except RetryAfter as exc:
            delay = exc.retry_after
            seconds = delay.total_seconds() if isinstance(delay, timedelta) else float(delay)
            raise RetryLater(str(exc), seconds=seconds) from exc
        except ChatMigrated as exc:
            raise ChatBlocked(say.CHAT_MIGRATED.format(chat_id=exc.new_chat_id)) from exc
        except Forbidden as exc:
            raise ChatBlocked(exc.message) from exc
        except BadRequest as exc:
            if any(gone in exc.message.lower() for gone in _GONE):
                raise ChatBlocked(exc.message) from exc
            raise
        except NetworkError as exc:  # includes TimedOut
            raise RetryLater(str(exc)) from exc


def _now(context: BotContext) -> datetime:
    return datetime.now(context.settings.tz)


async def _may_manage(update: Update, context: BotContext) -> bool:
    """Bot admins (NIANBAO_ADMINS) anywhere; in a group also the group's own administrators."""
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None:
        return False
    if user.id in context.settings.admins:
        return True
    if chat.type == ChatType.PRIVATE:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        log.warning("getChatMember failed in chat %s", chat.id, exc_info=True)
        return False
    return member.status in (ChatMember.ADMINISTRATOR, ChatMember.OWNER)


async def _reply_to_manager(
    update: Update, context: BotContext, action: Callable[..., registration.Result], **extra: Any
) -> None:
    """Run a registration action for this chat and its sender, and reply with what it says."""
    message, chat = update.effective_message, update.effective_chat
    if message is None or chat is None:
        return
    user = update.effective_user
    result = await context.state.run_query(
        action,
        context.services,
        chat_id=chat.id,
        chat_title=chat.title or "",
        allowed=await _may_manage(update, context),
        user_id=user.id if user else None,
        now=_now(context),
        **extra,
    )
    await send_html(message, result.text, html=False)


async def cmd_register(update: Update, context: BotContext) -> None:
    chat = update.effective_chat
    await _reply_to_manager(
        update,
        context,
        registration.register,
        is_group=chat is not None and chat.type in (ChatType.GROUP, ChatType.SUPERGROUP),
        args=list(context.args or []),
    )


async def cmd_supervise(update: Update, context: BotContext) -> None:
    await _reply_to_manager(update, context, registration.supervise, region="".join(context.args or []))


async def cmd_deadline(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    args = list(context.args or [])
    if args:  # setting a regional rule
        result = await context.state.run_query(
            registration.set_region_deadline,
            context.services,
            chat_id=message.chat_id,
            allowed=await _may_manage(update, context),
            args=args,
            now=_now(context),
        )
        await send_html(message, result.text, html=False)
        return
    text = await context.state.run_query(
        registration.deadline_text, context.services, chat_id=message.chat_id, now=_now(context)
    )
    await send_html(message, text, html=False)


async def cmd_missing(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None:
        return
    text = await context.state.run_query(
        registration.missing_text,
        context.services,
        chat_id=message.chat_id,
        args=list(context.args or []),
        now=_now(context),
    )
    await send_html(message, text, html=False)


async def on_snooze(update: Update, context: BotContext) -> None:
    query = update.callback_query
    if query is None or query.data is None:
        return
    user = update.effective_user
    result = await context.state.run_query(
        registration.snooze,
        context.services,
        data=query.data,
        user_id=user.id if user else None,
        now=_now(context),
    )
    await query.answer(result.text)
    if result.outcome is not registration.SnoozeOutcome.UNKNOWN:
        try:
            await query.edit_message_reply_markup(reply_markup=None)
        except TelegramError:
            log.debug("could not remove the snooze button", exc_info=True)


async def reminder_job(context: BotContext) -> None:
    """Send what is due now; whatever fell due while the bot was down goes out once, late."""
    summary = await send_due(context.services, _now(context), TelegramSender(context.bot))
    if summary.outcomes:
        log.info(
            "reminders: %d sent, %d taken by another process, %d blocked, %d to retry, %d failed",
            summary.count(SendOutcome.SENT),
            summary.count(SendOutcome.TAKEN),
            summary.count(SendOutcome.BLOCKED),
            summary.count(SendOutcome.RETRY_LATER),
            summary.count(SendOutcome.FAILED),
        )


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    application.add_handler(CommandHandler("register", cmd_register))
    application.add_handler(CommandHandler("supervise", cmd_supervise))
    application.add_handler(CommandHandler("deadline", cmd_deadline))
    application.add_handler(CommandHandler("missing", cmd_missing))
    application.add_handler(CallbackQueryHandler(on_snooze, pattern=SNOOZE_PATTERN))
    job_queue = application.job_queue
    if job_queue is None:
        log.warning("no JobQueue (install python-telegram-bot[job-queue]): reminders are not sent")
        return
    for job in job_queue.get_jobs_by_name(JOB_NAME):
        job.schedule_removal()
    minutes = application.bot_data.settings.reminder_check_minutes
    job_queue.run_repeating(
        reminder_job, interval=timedelta(minutes=minutes), first=timedelta(seconds=2), name=JOB_NAME
    )
