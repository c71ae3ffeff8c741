"""A message holding a link to a report page: fetched in a thread, then queued like a file."""

from __future__ import annotations

import logging

from telegram import Update

from bot.core.fetch import FetchError
from bot.core.links import link_request, policy_for, without_url
from bot.core.replies import links as L
from bot.tg.errors import report_failure
from bot.tg.state import BotContext
from bot.tg.uploads import may_upload_now, queue_request, sender_name

log = logging.getLogger(__name__)


async def on_link(update: Update, context: BotContext, text: str, url: str) -> None:
    message = update.effective_message
    chat, user = update.effective_chat, update.effective_user
    if message is None or chat is None:
        return
    if (refusal := may_upload_now(context, update)) is not None:
        await message.reply_text(refusal)
        return
    status = await message.reply_text(L.FETCHING.format(url=url), disable_web_page_preview=True)
    try:
        request = await context.state.run_query(
            link_request,
            url,
            policy_for(context.settings),
            caption=without_url(text, url),
            sender_id=user.id if user else None,
            sender_name=sender_name(update),
            chat_id=chat.id,
        )
    except FetchError as error:
        log.info("link %s not fetched: %s", url, error.problem)
        await status.edit_text(L.fetch_failed(error))
        return
    try:
        await queue_request(context, status, request, file_id=None)
    except Exception as exc:  # the status message must not stay at "正在下载…"
        await report_failure(context, update, exc, status=status)
