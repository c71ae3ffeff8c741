"""The one error handler: log with traceback, apologise briefly in Chinese, tell the admins.

Users never see a traceback; admins get the error's type and message with an id that finds
the traceback in the log. A failing handler never stops the bot (PTB keeps polling).
"""

from __future__ import annotations

import contextlib
import html
import logging
import secrets

from telegram import Message, Update
from telegram.error import Conflict, NetworkError, RetryAfter, TelegramError, TimedOut

from bot.core.replies import bot as R
from bot.tg.state import BotContext

log = logging.getLogger(__name__)


def _describe(update: object) -> tuple[str, str, str]:
    if not isinstance(update, Update):
        return "-", "-", "-"
    chat = update.effective_chat
    user = update.effective_user
    message = update.effective_message
    content = ""
    if update.callback_query is not None:
        content = R.FAILED_ON_BUTTON.format(data=update.callback_query.data)
    elif message is not None:
        if message.document is not None:
            content = R.FAILED_ON_FILE.format(name=message.document.file_name)
        else:
            content = (message.text or message.caption or "")[:200]
    chat_text = f"{chat.id} {chat.title or chat.type}" if chat else "-"
    user_text = f"{user.id} {user.full_name}" if user else "-"
    return chat_text, user_text, content


async def report_failure(
    context: BotContext,
    update: object,
    error: BaseException | None,
    *,
    status: Message | None = None,
) -> None:
    """Log, apologise (editing `status` if given), notify the admins. Never raises."""
    error_id = secrets.token_hex(3)
    log.error("error %s while handling %r", error_id, update, exc_info=error)
    bot = getattr(context, "bot", None)
    try:
        if status is not None:
            await status.edit_text(R.APOLOGY)
        elif isinstance(update, Update) and update.effective_chat is not None:
            if update.callback_query is not None:
                # Usually answered by the handler already; a second answer is refused.
                with contextlib.suppress(TelegramError):
                    await update.callback_query.answer()
            await update.effective_chat.send_message(R.APOLOGY)
    except Exception:
        log.warning("could not apologise for error %s", error_id, exc_info=True)
    bot_data = getattr(context, "bot_data", None)
    admins: frozenset[int] = getattr(getattr(bot_data, "access", None), "admins", frozenset())
    if bot is None or not admins:
        return
    chat, user, content = _describe(update)
    text = R.ADMIN_ERROR.format(
        error_id=error_id,
        error=f"{type(error).__name__}: {error}"[:500] if error else "-",
        chat=chat,
        user=user,
        content=content,
    )
    for admin in admins:
        try:
            await bot.send_message(admin, html.escape(text, quote=False)[:4000])
        except Exception:
            log.warning("could not notify admin %s of error %s", admin, error_id, exc_info=True)


async def on_error(update: object, context: BotContext) -> None:
    error = context.error
    if update is None and isinstance(error, NetworkError | TimedOut | RetryAfter | Conflict):
        # Polling hiccups: PTB retries by itself; keep the log readable.
        log.warning("Bot API: %s", error)
        return
    await report_failure(context, update, error)
