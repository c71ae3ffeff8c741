"""Reaching Telegram: one HTTP client configuration (timeouts, NIANBAO_PROXY_URL) for the
Application, `nianbao remind`'s Bot and the start-up check, and typed errors when it fails.

People in mainland China reach Telegram only through a proxy; without one the connection
hangs until it times out. The check before start turns that into one Chinese sentence instead
of PTB's bootstrap retries and tracebacks.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TimedOut
from telegram.request import HTTPXRequest

from bot.config import Settings

log = logging.getLogger(__name__)

CHECK_TIMEOUT = 10.0


class TelegramUnreachable(Exception):
    def __init__(self, api: str, proxy: str, error: str) -> None:
        super().__init__(error)
        self.api = api
        self.proxy = proxy
        self.error = error


class TokenRejected(Exception):
    pass


class SocksSupportMissing(Exception):
    pass


def proxy_of(settings: Settings) -> str | None:
    return settings.proxy_url.strip() or None


def api_base(settings: Settings) -> str:
    return settings.bot_api_url.rstrip("/")


def make_request(settings: Settings, **timeouts: float) -> HTTPXRequest:
    """PTB's HTTP client through the configured proxy (None: direct, or HTTPS_PROXY if set)."""
    try:
        return HTTPXRequest(proxy=proxy_of(settings), **timeouts)  # type: ignore[arg-type]
    except RuntimeError as exc:  # PTB: "To use Socks5 proxies, PTB must be installed via ..."
        raise SocksSupportMissing(str(exc)) from exc


def make_bot(settings: Settings) -> Bot:
    base = api_base(settings)
    return Bot(
        settings.telegram_bot_token,
        base_url=f"{base}/bot",
        base_file_url=f"{base}/file/bot",
        request=make_request(settings, connect_timeout=CHECK_TIMEOUT, read_timeout=30.0),
    )


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


@asynccontextmanager
async def opened_bot(settings: Settings) -> AsyncIterator[Bot]:
    """An initialised Bot (getMe done) through the configured proxy, or a typed error."""
    bot = make_bot(settings)
    try:
        await bot.initialize()  # calls getMe
    except InvalidToken as exc:
        raise TokenRejected() from exc
    except (NetworkError, TimedOut) as exc:
        log.debug("Telegram unreachable", exc_info=True)
        raise TelegramUnreachable(api_base(settings), proxy_of(settings) or "", _first_line(exc)) from exc
    try:
        yield bot
    finally:
        await bot.shutdown()


async def check_reachable(settings: Settings) -> str:
    """getMe once: the bot's @username, or TelegramUnreachable / TokenRejected."""
    async with opened_bot(settings) as bot:
        return bot.username
