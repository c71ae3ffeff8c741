"""Message splitting and the retrying limiter."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import httpx
import pytest
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.tg.sending import MESSAGE_LIMIT, RetryingLimiter, split_message


def test_short_text_is_one_message() -> None:
    assert split_message("你好") == ["你好"]


def test_long_text_splits_at_paragraphs_under_the_limit() -> None:
    paragraphs = [f"第{i}段 " + "字" * 1500 for i in range(6)]
    parts = split_message("\n\n".join(paragraphs))
    assert all(len(p) <= MESSAGE_LIMIT for p in parts)
    assert "\n\n".join(parts) == "\n\n".join(paragraphs)


def test_long_pre_block_is_closed_and_reopened() -> None:
    rows = "\n".join(f"行{i:04d} " + "0 " * 30 for i in range(300))
    parts = split_message(f"<b>表三</b>\n\n<pre>{rows}</pre>")
    assert len(parts) > 1
    for part in parts:
        assert len(part) <= MESSAGE_LIMIT
        assert part.count("<pre>") == part.count("</pre>")
    joined = "".join(re.sub(r"</?pre>|<b>表三</b>", "", p) for p in parts)
    assert joined.replace("\n", "") == rows.replace("\n", "")


def test_a_single_huge_line_is_cut_outside_entities() -> None:
    line = "&amp;" * 2000
    parts = split_message(line, limit=1000)
    assert all(len(p) <= 1000 for p in parts)
    assert all(re.fullmatch(r"(&amp;)+", p) for p in parts)


class _Flaky:
    def __init__(self, *errors: Exception) -> None:
        self.errors = list(errors)
        self.calls = 0

    async def __call__(self) -> Any:
        self.calls += 1
        if self.errors:
            raise self.errors.pop(0)
        return {"ok": True}


async def _run(limiter: RetryingLimiter, endpoint: str, flaky: _Flaky) -> Any:
    return await limiter.process_request(flaky, (), {}, endpoint, {}, None)


async def test_retry_after_is_respected() -> None:
    flaky = _Flaky(RetryAfter(timedelta(0)))
    assert await _run(RetryingLimiter(), "sendMessage", flaky) == {"ok": True}
    assert flaky.calls == 2


async def test_5xx_and_timeouts_are_retried_with_backoff() -> None:
    flaky = _Flaky(NetworkError("Internal Server Error"), TimedOut())
    result = await _run(RetryingLimiter(base_delay=0.001), "editMessageText", flaky)
    assert result == {"ok": True} and flaky.calls == 3


async def test_send_is_not_retried_after_a_read_timeout() -> None:
    """The message may already have arrived: a retry could duplicate it."""
    read_timeout = TimedOut()
    read_timeout.__cause__ = httpx.ReadTimeout("slow")
    with pytest.raises(TimedOut):
        await _run(RetryingLimiter(base_delay=0.001), "sendMessage", _Flaky(read_timeout))
    connect_timeout = TimedOut()
    connect_timeout.__cause__ = httpx.ConnectTimeout("down")
    flaky = _Flaky(connect_timeout)
    assert await _run(RetryingLimiter(base_delay=0.001), "sendMessage", flaky) == {"ok": True}


async def test_bad_request_is_not_retried_and_retries_end() -> None:
    flaky = _Flaky(BadRequest("Bad Request: chat not found"))
    with pytest.raises(BadRequest):
        await _run(RetryingLimiter(), "sendMessage", flaky)
    assert flaky.calls == 1
    flaky = _Flaky(*(NetworkError("Bad Gateway") for _ in range(10)))
    with pytest.raises(NetworkError):
        await _run(RetryingLimiter(max_retries=2, base_delay=0.001), "getFile", flaky)
    assert flaky.calls == 3
