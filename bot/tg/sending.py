"""Telegram's limits, owned by the adapter: 4096-character messages and retries.

`RetryingLimiter` sits on PTB's rate-limiter hook, the one place every Bot API call (except
getUpdates) passes through. PTB's AIORateLimiter retries only RetryAfter and also throttles
every send to 30/s, which would queue answers behind a burst of upload progress edits; this
one does not throttle, and also retries timeouts and 5xx with back-off.
"""

from __future__ import annotations

import asyncio
import logging
import random
import re
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

import httpx
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter
from telegram.warnings import PTBDeprecationWarning

log = logging.getLogger(__name__)

MESSAGE_LIMIT = 4096
# Sends are not idempotent: after a read timeout the message may have arrived, so only
# failures before the request reached Telegram are retried for them.
_IDEMPOTENT_PREFIXES = ("get", "edit", "answer", "set", "delete")


def _retry_delay(attempt: int, base: float, cap: float) -> float:
    return float(min(cap, base * 2**attempt) * (0.5 + random.random() / 2))


def _request_never_left(exc: TimedOut) -> bool:
    return isinstance(exc.__cause__, httpx.ConnectTimeout | httpx.PoolTimeout) or "Pool timeout" in str(exc)


class RetryingLimiter(BaseRateLimiter[int]):
    """Retry RetryAfter (after retry_after), timeouts and 5xx (exponential back-off)."""

    def __init__(self, *, max_retries: int = 5, base_delay: float = 0.5, max_delay: float = 30.0) -> None:
        self.max_retries = max_retries
        self.base_delay = base_delay
        self.max_delay = max_delay

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict[str, Any] | list[dict[str, Any]]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> bool | dict[str, Any] | list[dict[str, Any]]:
        retries = self.max_retries if rate_limit_args is None else rate_limit_args
        for attempt in range(retries + 1):
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt >= retries:
                    raise
                with warnings.catch_warnings():  # int now, timedelta in PTB 23: both handled
                    warnings.simplefilter("ignore", PTBDeprecationWarning)
                    delay = exc.retry_after
                seconds = delay.total_seconds() if hasattr(delay, "total_seconds") else float(delay)
                log.warning("%s: flood control, retrying in %.1f s", endpoint, seconds)
                await asyncio.sleep(seconds + 0.1)
            except (BadRequest, Forbidden, InvalidToken):
                raise  # our mistake or the user's choice: retrying cannot help
            except TimedOut as exc:
                if attempt >= retries or not (
                    endpoint.startswith(_IDEMPOTENT_PREFIXES) or _request_never_left(exc)
                ):
                    raise
                log.warning("%s: timed out, retrying", endpoint)
                await asyncio.sleep(_retry_delay(attempt, self.base_delay, self.max_delay))
            except NetworkError as exc:
                # 5xx and connection errors; the Bot API answers 5xx before acting.
                if attempt >= retries:
                    raise
                log.warning("%s: %s, retrying", endpoint, exc.message)
                await asyncio.sleep(_retry_delay(attempt, self.base_delay, self.max_delay))
        raise AssertionError("unreachable")


# --- splitting -----------------------------------------------------------------------------

_PRE = re.compile(r"^<pre>(.*)</pre>$", re.S)


def split_message(text: str, *, limit: int = MESSAGE_LIMIT, html: bool = True) -> list[str]:
    """Cut a reply into messages under `limit`, at paragraph then line boundaries.

    HTML stays valid: cuts fall between blocks, and a <pre> block that is too long is
    closed and reopened at a line boundary. Entities (&amp;) are never cut.
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    for block in text.split("\n\n"):
        pieces.extend(_split_block(block, limit, html))
    out: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}\n\n{piece}" if current else piece
        if len(candidate) <= limit:
            current = candidate
        else:
            if current:
                out.append(current)
            current = piece
    if current:
        out.append(current)
    return out


def _split_block(block: str, limit: int, html: bool) -> list[str]:
    if len(block) <= limit:
        return [block]
    pre = _PRE.match(block) if html else None
    head, tail, body = ("<pre>", "</pre>", pre.group(1)) if pre else ("", "", block)
    room = limit - len(head) - len(tail)
    parts: list[str] = []
    current = ""
    for line in body.split("\n"):
        while len(line) > room:  # one very long line: hard cut, not inside an entity
            cut = room
            amp = line.rfind("&", 0, cut)
            if amp != -1 and ";" not in line[amp:cut]:
                cut = amp or room
            if current:
                parts.append(current)
                current = ""
            parts.append(line[:cut])
            line = line[cut:]
        candidate = f"{current}\n{line}" if current else line
        if len(candidate) <= room:
            current = candidate
        else:
            parts.append(current)
            current = line
    if current:
        parts.append(current)
    return [f"{head}{p}{tail}" for p in parts]
