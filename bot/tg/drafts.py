"""/check: a draft report checked without storing it — a file sent with the caption /check, or
/check in reply to a file."""

from __future__ import annotations

from telegram import Document, Message, Update

from bot.core.draft import DraftRequest, check_draft
from bot.core.replies import bot as R
from bot.tg.errors import report_failure
from bot.tg.state import BotContext
from bot.tg.uploads import _edit, download_or_explain, refused_as_too_big

COMMAND = "check"
# "/check", "/check@nianbao_bot", "/check 单位全称"
CAPTION_PATTERN = rf"^\s*/{COMMAND}(?:@\w+)?(?:\s|$)"


def _agency_in(caption: str | None) -> str | None:
    """The agency's full name after /check, when the draft does not give it."""
    parts = (caption or "").strip().split(maxsplit=1)
    return parts[1].strip()[:200] if len(parts) == 2 and parts[1].strip() else None


async def check_document(
    update: Update, context: BotContext, message: Message, document: Document, agency: str | None
) -> None:
    name = document.file_name or R.UNNAMED_FILE
    status = await message.reply_text(R.DRAFT_RECEIVED.format(name=name))
    if await refused_as_too_big(context, status, name, document.file_size):
        return
    try:
        data = await download_or_explain(context, status, document.file_id, name)
        if data is None:
            return
        request = DraftRequest(data=data, filename=name, agency=agency)
        result = await context.state.run_draft(check_draft, context.services, request)
        await _edit(status, result.render(html=True), html=True)
    except Exception as exc:  # the status message must not stay at "正在核对…"
        await report_failure(context, update, exc, status=status)


async def on_check_caption(update: Update, context: BotContext) -> None:
    """A document sent with the caption "/check [单位全称]"."""
    message = update.effective_message
    if message is None or message.document is None:
        return
    if wait := context.state.buckets.take(update.effective_user.id if update.effective_user else 0):
        await message.reply_text(R.RATE_LIMITED.format(seconds=max(1, round(wait))))
        return
    await check_document(update, context, message, message.document, _agency_in(message.caption))


async def cmd_check(update: Update, context: BotContext) -> None:
    """/check [单位全称] in reply to a document."""
    message = update.effective_message
    if message is None:
        return
    replied = message.reply_to_message
    if replied is None or replied.document is None:
        await message.reply_text(R.CHECK_USAGE)
        return
    if wait := context.state.buckets.take(update.effective_user.id if update.effective_user else 0):
        await message.reply_text(R.RATE_LIMITED.format(seconds=max(1, round(wait))))
        return
    agency = " ".join(context.args or []).strip()[:200] or None
    await check_document(update, context, message, replied.document, agency)
