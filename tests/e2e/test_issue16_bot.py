"""Issue 16 over the fake Bot API: /check on a draft (nothing stored)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.core import charts
from bot.core.replies import bot as R
from storage.models import ReportRow, SourceFile
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_bot import SEED_000, SEED_001, _count, ask, final_status, upload

USER = 616


async def _draft_reply(api: FakeBotApi, chat: dict[str, Any], name: str, after: int) -> str:
    received = R.DRAFT_RECEIVED.format(name=name)
    (status,) = await api.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == chat["id"] and c.text == received
        and c.result.get("message_id", 0) > after
    )
    calls = await api.wait_for(
        lambda c: c.method == "editMessageText" and c.params.get("message_id") == status.result["message_id"],
        within=60,
    )
    return calls[-1].text


async def test_draft_with_check_caption_is_checked_not_stored(api: FakeBotApi, bot: Any, db_url: str) -> None:
    chat = api.private_chat(USER)
    message = await api.send_document(chat, USER, SEED_000.read_bytes(), "草稿.txt", caption="/check")
    text = await _draft_reply(api, chat, "草稿.txt", message["message_id"])
    assert "草稿核对" in text and "未入库" in text and "威海市文登区科学技术局" in text
    assert _count(db_url, ReportRow) == 0 and _count(db_url, SourceFile) == 0


async def test_check_in_reply_to_a_file_compares_with_the_stored_year(api: FakeBotApi, bot: Any, db_url: str) -> None:
    chat = api.private_chat(USER)
    await upload(api, chat, USER, SEED_000, filename="文登科技局2021.txt")
    # The same report as a draft of itself: no neighbours on 2020/2022, so no cross-year lines but a verdict.
    document = await api.send_document(chat, USER, SEED_000.read_bytes() + b"\n", "改过的.txt")
    assert "已更新" in await final_status(api, chat["id"], "改过的.txt", after=document["message_id"])
    reply_msg = await api.send_text(chat, USER, "/check", reply_to=document)
    text = await _draft_reply(api, chat, "改过的.txt", reply_msg["message_id"])
    assert "草稿核对" in text
    usage = await ask(api, chat, USER, "/check")
    assert usage.text == R.CHECK_USAGE


async def test_summary_sends_the_region_xlsx(api: FakeBotApi, bot: Any) -> None:
    chat = api.private_chat(USER)
    await upload(api, chat, USER, SEED_000, filename="文登科技局2021.txt")
    await api.send_text(chat, USER, "/summary 文登区 2021")
    (sent,) = await api.wait_for(lambda c: c.method == "sendDocument" and c.chat_id == chat["id"], within=60)
    assert sent.result["document"]["file_name"].endswith(".xlsx")
    assert "1家" in sent.params["caption"]
    reply = await ask(api, chat, USER, "/summary")
    assert "用法：/summary" in reply.text


async def test_ranking_answer_comes_with_a_chart_whose_cjk_glyphs_render(
    api: FakeBotApi, bot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    chat = api.private_chat(USER)
    await upload(api, chat, USER, SEED_000, filename="文登科技局2021.txt")
    await upload(api, chat, USER, SEED_001, filename="第二份.txt")
    with caplog.at_level(logging.WARNING, logger="bot.core.charts"):
        reply = await ask(api, chat, USER, "2021年哪个单位收到申请最多")
        assert "排名" in reply.text or "最多" in reply.text
        (photo,) = await api.wait_for(lambda c: c.method == "sendPhoto" and c.chat_id == chat["id"], within=60)
        assert "排名" in photo.params["caption"]
        assert api.photos[-1].startswith(b"\x89PNG\r\n\x1a\n") and len(api.photos[-1]) > 5000
        # /chart: the same picture on request; a question without one says why.
        await api.send_text(chat, USER, "/chart 2021年哪个单位收到申请最多")
        (_, again) = await api.wait_for(lambda c: c.method == "sendPhoto" and len(api.photos) == 2, within=60, count=2)
        # The same chart again is sent by Telegram's file_id: no render, no upload.
        assert again.params["photo"] == photo.result["photo"][-1]["file_id"] and not again.files
        no_chart = await ask(api, chat, USER, "/chart 文登科技局2021主动公开多少条")
        assert "没有可以画图的数字" in no_chart.text
    assert "glyphs missing" not in caplog.text  # every CJK character of the chart had a glyph
    assert charts.cjk_font() is not None
