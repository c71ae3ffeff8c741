"""Wiring: one Application, its services, handlers, error handler; polling or webhook."""

from __future__ import annotations

import asyncio
import gc
import hashlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults
from telegram.request import BaseRequest

from bot.config import Settings
from bot.core import jobs as core_jobs
from bot.core.charts import check_font
from bot.core.replies import bot as R
from bot.core.services import Services
from bot.tg import errors, handlers, reminders, results
from bot.tg.connect import proxy_of
from bot.tg.sending import RetryingLimiter
from bot.tg.state import BotContext, BotState
from bot.tg.transport import make_app_request

log = logging.getLogger(__name__)

ServicesFactory = Callable[[Settings], Services]
BotApplication = Application[Any, BotContext, Any, Any, BotState, Any]


@dataclass(frozen=True)
class WebhookConfig:
    url: str  # public URL Telegram posts to, e.g. https://bot.example.gov.cn/tg
    listen: str = "127.0.0.1"
    port: int = 8443

    @property
    def path(self) -> str:
        return urlsplit(self.url).path.lstrip("/")


def webhook_secret(token: str) -> str:
    """Stable per token (survives restarts), so only Telegram's posts are accepted."""
    return hashlib.sha256(f"nianbao-webhook:{token}".encode()).hexdigest()[:48]


def _state_type(settings: Settings, services_factory: ServicesFactory) -> type[BotState]:
    # PTB builds bot_data by calling the type with no arguments.
    class _State(BotState):
        def __init__(self) -> None:
            super().__init__(settings=settings, services_factory=services_factory)

    return _State


async def _post_init(application: BotApplication) -> None:
    state: BotState = application.bot_data
    state.services = await asyncio.to_thread(state.services_factory, state.settings)
    # Uploads queued before a restart get their local workers back at once.
    if await asyncio.to_thread(core_jobs.has_unfinished, state.services):
        state.ensure_workers()
    await application.bot.set_my_commands([BotCommand(name, text) for name, text in R.COMMANDS])
    if state.access.open_mode:
        log.warning(
            "NIANBAO_ADMINS and NIANBAO_ALLOWED_CHATS are empty: anyone may upload reports (open mode)"
        )
    # Found once at start: without a CJK font every chart's Chinese would be boxes; say so now.
    # In the chart process, started now so the first chart does not wait for matplotlib to load.
    await state.run_chart(check_font)
    # Everything loaded at start stays: out of the collector's way, so a full collection under load
    # walks only what answering allocates (one took 131 ms of the bot's loop, issue 14).
    gc.collect()
    gc.freeze()
    log.info("bot @%s ready", application.bot.username)


async def _post_shutdown(application: BotApplication) -> None:
    state: BotState = application.bot_data
    state.shutdown_pools()
    if state.services is not None:
        state.services.close()
        state.services = None


def build_application(
    settings: Settings, services_factory: ServicesFactory, *, request: BaseRequest | None = None
) -> BotApplication:
    """`request` replaces PTB's HTTP client (tests that run handlers without any network)."""
    # httpx logs request URLs, and those contain the bot token.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    base = settings.bot_api_url.rstrip("/")
    builder = (
        ApplicationBuilder()
        .token(settings.telegram_bot_token)
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .context_types(ContextTypes(context=BotContext, bot_data=_state_type(settings, services_factory)))
        .defaults(Defaults(tzinfo=settings.tz))
        .concurrent_updates(True)
        .rate_limiter(RetryingLimiter())
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:
        # aiohttp, not PTB's httpx: see bot.tg.transport. The proxy serves the Bot API, file
        # downloads and getUpdates alike.
        proxy = proxy_of(settings)
        builder = builder.request(
            make_app_request(proxy, pool_size=32, read_timeout=30, write_timeout=60, media_write_timeout=120)
        ).get_updates_request(make_app_request(proxy, pool_size=1))
    application: BotApplication = builder.build()
    handlers.register(application)
    reminders.register(application)
    results.register(application)
    application.add_error_handler(errors.on_error)
    return application


def _webhook_options(application: BotApplication, webhook: WebhookConfig) -> dict[str, Any]:
    """One listener configuration for `run` and `running`, so tests exercise what production runs."""
    return {
        "listen": webhook.listen,
        "port": webhook.port,
        "url_path": webhook.path,
        "webhook_url": webhook.url,
        "secret_token": webhook_secret(application.bot.token),
        "allowed_updates": Update.ALL_TYPES,
    }


def run(application: BotApplication, webhook: WebhookConfig | None = None) -> None:
    """Block until Ctrl-C / SIGTERM: long polling by default, else a webhook listener."""
    if webhook is None:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
        return
    application.run_webhook(**_webhook_options(application, webhook))


@asynccontextmanager
async def running(
    application: BotApplication, webhook: WebhookConfig | None = None, *, poll_timeout: int = 10
) -> AsyncIterator[BotApplication]:
    """The same start/stop sequence as `run`, inside an existing event loop (tests, benchmarks)."""
    await application.initialize()
    if application.post_init is not None:
        await application.post_init(application)
    updater = application.updater
    assert updater is not None
    if webhook is None:
        await updater.start_polling(poll_interval=0, timeout=poll_timeout, allowed_updates=Update.ALL_TYPES)
    else:
        await updater.start_webhook(**_webhook_options(application, webhook))
    await application.start()
    try:
        yield application
    finally:
        if updater.running:
            await updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
