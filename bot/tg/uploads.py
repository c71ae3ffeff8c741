"""Receiving a report: reply at once, download, ingest off the loop, show the summary.

The file type is judged by content in the core (parsing.sniff), never here. Telegram's part
is the adapter's: the 20 MB getFile limit, progress edits, and asking for the agency when the
report does not name one (buttons of likely agencies, or a free-text reply).
"""

from __future__ import annotations

import asyncio
import logging

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, NetworkError

from bot.config import TELEGRAM_API_URL, Settings
from bot.core import ingest as core_ingest
from bot.core import jobs as core_jobs
from bot.core.replies import bot as R
from bot.tg.errors import report_failure
from bot.tg.sending import split_message
from bot.tg.state import BotContext, PendingUpload, pressed

log = logging.getLogger(__name__)

CLOUD_DOWNLOAD_LIMIT = 20 * 1024 * 1024
AGENCY_CALLBACK = "ag"


def download_limit(settings: Settings) -> int | None:
    """Telegram's cloud Bot API serves files up to 20 MB; a self-hosted server has no limit."""
    if settings.bot_api_url.rstrip("/") == TELEGRAM_API_URL:
        return CLOUD_DOWNLOAD_LIMIT
    return None


def sender_name(update: Update) -> str | None:
    user = update.effective_user
    return user.full_name if user else None


async def _download(context: BotContext, file_id: str) -> bytes:
    """getFile goes through the retrying limiter; the download itself is retried here."""
    file = await context.bot.get_file(file_id)
    for attempt in range(3):
        try:
            return bytes(await file.download_as_bytearray())
        except NetworkError:
            if attempt == 2:
                raise
            await asyncio.sleep(1 + attempt)
    raise AssertionError("unreachable")


async def edit_status(
    bot: Bot,
    chat_id: int,
    message_id: int,
    text: str,
    *,
    html: bool = False,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Replace a status message; a long summary continues in further messages."""
    chunks = split_message(text, html=html)
    parse_mode = "HTML" if html else None
    try:
        await bot.edit_message_text(
            chunks[0], chat_id=chat_id, message_id=message_id, parse_mode=parse_mode, reply_markup=markup
        )
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            raise
    for chunk in chunks[1:]:
        await bot.send_message(chat_id, chunk, parse_mode=parse_mode)


async def _edit(
    status: Message, text: str, *, html: bool = False, markup: InlineKeyboardMarkup | None = None
) -> None:
    await edit_status(status.get_bot(), status.chat_id, status.message_id, text, html=html, markup=markup)


async def refused_as_too_big(context: BotContext, status: Message, name: str, size: int | None) -> bool:
    """Whether the file is over the download limit (then `status` says so)."""
    limit = download_limit(context.settings)
    if limit is not None and (size or 0) > limit:
        await _edit(status, R.TOO_BIG.format(name=name, size_mb=(size or 0) / 2**20, limit_mb=limit / 2**20))
        return True
    return False


async def download_or_explain(context: BotContext, status: Message, file_id: str, name: str) -> bytes | None:
    """The file's bytes, or None when Telegram refused it as too big (then `status` says so)."""
    try:
        return await _download(context, file_id)
    except BadRequest as exc:
        if "too big" not in exc.message.lower():
            raise
        await _edit(status, R.TOO_BIG_REFUSED.format(name=name, limit_mb=CLOUD_DOWNLOAD_LIMIT / 2**20))
        return None


async def on_document(update: Update, context: BotContext) -> None:
    message = update.effective_message
    if message is None or message.document is None:
        return
    document = message.document
    name = document.file_name or R.UNNAMED_FILE
    await _upload(update, context, document.file_id, name, document.file_size, document.mime_type)


async def on_photo(update: Update, context: BotContext) -> None:
    """A report photographed and sent as a photo (not as a file): read by OCR like a scan."""
    message = update.effective_message
    if message is None or not message.photo:
        return
    largest = max(message.photo, key=lambda size: size.width * size.height)
    name = R.PHOTO_NAME.format(when=message.date.astimezone(context.settings.tz).strftime("%Y%m%d_%H%M%S"))
    await _upload(update, context, largest.file_id, name, largest.file_size)


def may_upload_now(context: BotContext, update: Update) -> str | None:
    """None when the sender may upload now, else the refusal to send."""
    user, chat = update.effective_user, update.effective_chat
    user_id = user.id if user else None
    state = context.state
    if chat is None or not state.access.may_upload(user_id, chat.id):
        return R.UPLOAD_NOT_ALLOWED if chat is None or chat.type == "private" else R.UPLOAD_NOT_ALLOWED_GROUP
    if user_id is not None and (wait := state.buckets.take(user_id)):
        return R.RATE_LIMITED.format(seconds=max(1, round(wait)))
    return None


async def _upload(
    update: Update, context: BotContext, file_id: str, name: str, size: int | None, mime_type: str | None = None
) -> None:
    message = update.effective_message
    user = update.effective_user
    chat = update.effective_chat
    if message is None or chat is None:
        return
    user_id = user.id if user else None
    refusal = may_upload_now(context, update) or core_ingest.upload_refusal(name, mime_type)
    if refusal is not None:
        await message.reply_text(refusal)
        return
    status = await message.reply_text(R.RECEIVED.format(name=name))
    if await refused_as_too_big(context, status, name, size):
        return
    pending = PendingUpload(
        chat_id=chat.id,
        user_id=user_id or 0,
        file_id=file_id,
        filename=name,
        caption=message.caption,
        sender_name=sender_name(update),
        choices=(),
        prompt_message_id=status.message_id,
    )
    await ingest_upload(update, context, status, pending, agency=None)


async def ingest_upload(
    update: Update | None, context: BotContext, status: Message, upload: PendingUpload, *, agency: str | None
) -> None:
    """Download and queue for a worker; `status` says "parsing" until bot.tg.results edits it."""
    try:
        data = await download_or_explain(context, status, upload.file_id, upload.filename)
        if data is None:
            return
        request = core_ingest.IngestRequest(
            data=data,
            filename=upload.filename,
            caption=upload.caption,
            agency=agency,
            sender_id=upload.user_id or None,
            sender_name=upload.sender_name,
            chat_id=upload.chat_id,
        )
        await queue_request(context, status, request, file_id=upload.file_id)
    except Exception as exc:  # the status message must not stay at "正在解析…"
        await report_failure(context, update, exc, status=status)


async def queue_request(
    context: BotContext, status: Message, request: core_ingest.IngestRequest, *, file_id: str | None
) -> None:
    """Hand the upload to a worker process; bot.tg.results edits `status` when the job ends."""
    await _edit(status, R.PARSING.format(name=request.filename))
    meta = core_jobs.Upload(message_id=status.message_id, file_id=file_id)
    await context.state.run_write(core_jobs.submit, context.services, request, meta)
    context.state.ensure_workers()


async def ask_agency(
    context: BotContext, chat_id: int, message_id: int, upload: PendingUpload, choices: tuple[str, ...]
) -> None:
    pending = PendingUpload(**{**upload.__dict__, "choices": choices[:6], "prompt_message_id": message_id})
    token = context.state.uploads.put(pending)
    buttons = [
        [InlineKeyboardButton(name, callback_data=f"{AGENCY_CALLBACK}:{token}:{i}")]
        for i, name in enumerate(pending.choices)
    ]
    text = (R.ASK_AGENCY if buttons else R.ASK_AGENCY_NO_GUESS).format(name=upload.filename)
    markup = InlineKeyboardMarkup(buttons) if buttons else None
    await edit_status(context.bot, chat_id, message_id, text, markup=markup)


async def on_agency_button(update: Update, context: BotContext) -> None:
    if (button := pressed(update)) is None:
        return
    query = button.query
    pending = context.state.uploads.get(button.token)
    if pending is None:
        await query.answer(R.PENDING_EXPIRED, show_alert=True)
        return
    if query.from_user.id != pending.user_id:
        await query.answer(R.ONLY_UPLOADER)
        return
    context.state.uploads.pop(button.token)
    await query.answer()
    agency = pending.choices[button.index]
    await _edit(button.message, R.AGENCY_CHOSEN.format(agency=agency, name=pending.filename))
    await ingest_upload(update, context, button.message, pending, agency=agency)


def pending_for_text(context: BotContext, message: Message) -> tuple[str, PendingUpload] | None:
    """The upload this text names the agency for: a reply to the prompt, or (private) the latest."""
    user = message.from_user
    if user is None:
        return None
    replied = message.reply_to_message
    if replied is not None:
        found = context.state.uploads.find(
            lambda p: p.chat_id == message.chat_id and p.prompt_message_id == replied.message_id
        )
        if found and found[1].user_id == user.id:
            return found
    # Without a reply only a name-like text counts: a question typed meanwhile stays a question.
    if message.chat.type == "private" and core_ingest.could_be_agency_name(message.text or ""):
        return context.state.uploads.find(lambda p: p.chat_id == message.chat_id and p.user_id == user.id)
    return None


async def on_agency_text(
    update: Update, context: BotContext, token: str, pending: PendingUpload, text: str
) -> None:
    message = update.effective_message
    assert message is not None
    context.state.uploads.pop(token)
    agency = text.strip()[:200]
    status = await message.reply_text(R.AGENCY_CHOSEN.format(agency=agency, name=pending.filename))
    await ingest_upload(update, context, status, pending, agency=agency)
