"""The bot token is part of every Bot API URL; it must never reach the logs."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_bot import QUESTION, USER, WENDENG_PDF, ask, upload


async def test_logs_never_contain_the_token(
    api: FakeBotApi, bot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    chat = api.private_chat(USER)
    await upload(api, chat, USER, WENDENG_PDF, filename="文登科技局年报.pdf", mime_type="application/pdf")
    reply = await ask(api, chat, USER, QUESTION)
    assert "253" in reply.text
    assert caplog.records, "the round produced log lines at DEBUG"
    secret = api.token.split(":", 1)[1]
    assert secret not in caplog.text
    assert logging.getLogger("httpx").getEffectiveLevel() >= logging.WARNING
