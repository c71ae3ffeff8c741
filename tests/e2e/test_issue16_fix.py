"""Issue 16 part 6 over the fake Bot API: /fix with buttons, admins only."""

from __future__ import annotations

from typing import Any

import pytest

from bot.core.replies import corrections as say
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_bot import SEED_000, ask, upload

ADMIN, MEMBER = 9001, 9002


@pytest.fixture
def bot_overrides() -> dict[str, Any]:
    return {"admins": [ADMIN]}


async def test_admin_withdraws_a_version_with_a_button(api: FakeBotApi, bot: Any) -> None:
    chat = api.private_chat(ADMIN)
    await upload(api, chat, ADMIN, SEED_000, filename="文登科技局2021.txt")
    listing = await ask(api, chat, ADMIN, "/fix 文登科技局 2021")
    assert "第1版（当前）" in listing.text
    keyboard = listing.params["reply_markup"]["inline_keyboard"]
    withdraw = keyboard[0][0]
    assert withdraw["text"].startswith("撤回")
    before = len(api.calls)
    await api.click(chat, ADMIN, listing.result, withdraw["callback_data"])
    (done,) = await api.wait_for(
        lambda c: c.method == "sendMessage" and api.calls.index(c) >= before and "已撤回" in c.text, within=30
    )
    assert "已记录操作人和时间" in done.text
    member_chat = api.private_chat(MEMBER)
    refused = await ask(api, member_chat, MEMBER, "/fix 文登科技局 2021")
    assert refused.text == say.NOT_ADMIN
