"""Telegram out of reach or refusing the token, for `nianbao run` and `nianbao remind`: one
Chinese paragraph on stderr and an exit code, the traceback only in the log at DEBUG."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from urllib.parse import urlsplit

from bot.config import Settings
from bot.core.printable import printable
from bot.core.replies import cli as say

EXIT_FAILED, EXIT_USAGE = 1, 2

log = logging.getLogger(__name__)


def telegram_failure(action: Callable[[], object], settings: Settings) -> int | None:
    """Run `action`; a Telegram that cannot be reached or refuses the token is one Chinese
    paragraph on stderr and an exit code (None: it went fine)."""
    from telegram.error import InvalidToken, NetworkError

    from bot.tg.connect import SocksSupportMissing, TelegramUnreachable, TokenRejected, api_base, proxy_of

    try:
        action()
    except TokenRejected:
        print(say.TELEGRAM_TOKEN_REJECTED, file=sys.stderr)
        return EXIT_USAGE
    except SocksSupportMissing:
        print(say.TELEGRAM_PROXY_MISSING, file=sys.stderr)
        return EXIT_USAGE
    except TelegramUnreachable as exc:
        print(unreachable_text(exc.api, exc.proxy, exc.error), file=sys.stderr)
        return EXIT_FAILED
    except InvalidToken:
        print(say.TELEGRAM_TOKEN_REJECTED, file=sys.stderr)
        return EXIT_USAGE
    except NetworkError as exc:  # lost between the check and the start
        log.debug("Telegram unreachable at start", exc_info=True)
        print(unreachable_text(api_base(settings), proxy_of(settings) or "", str(exc)), file=sys.stderr)
        return EXIT_FAILED
    return None


def unreachable_text(api: str, proxy: str, error: str) -> str:
    via = say.TELEGRAM_VIA_PROXY.format(proxy=_without_password(proxy)) if proxy else ""
    advice = say.TELEGRAM_CHECK_PROXY if proxy else say.TELEGRAM_NEED_PROXY
    return say.TELEGRAM_UNREACHABLE.format(api=api, via=via, advice=advice, error=printable(error.splitlines()[0] if error else ""))


def _without_password(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc).geturl()
