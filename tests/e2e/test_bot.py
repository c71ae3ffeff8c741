"""End to end: the real Application, over real HTTP, against the fake Bot API."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select

from bot.core.replies import bot as R
from bot.core.services import Services
from bot.tg.app import WebhookConfig, build_application, running, webhook_secret
from parsing import errors as parse_errors
from storage.db import make_engine
from storage.models import ReportRow, SourceFile
from tests.e2e.conftest import GENERATED, SEEDS, bot_settings
from tests.e2e.fake_bot_api import BOT_USERNAME, Call, FakeBotApi

USER = 501
WENDENG_PDF = GENERATED / "000.pdf"
SEED_000 = next(SEEDS.glob("000_*.txt"))
SEED_001 = next(SEEDS.glob("001_*.txt"))
QUESTION = "文登科技局2021主动公开多少条"
SEED_000_BYTES = SEED_000.read_bytes()


def _progress(name: str) -> set[str]:
    return {R.RECEIVED.format(name=name), R.PARSING.format(name=name), R.DOWNLOADING.format(name=name)}


async def upload(api: FakeBotApi, chat: dict[str, Any], user: int, path: Path, **kw: Any) -> str:
    """Send a file as `user`; return the text the bot's status message finally shows."""
    name = kw.pop("filename", path.name)
    data = kw.pop("data", None) or await asyncio.to_thread(path.read_bytes)
    message = await api.send_document(chat, user, data, name, **kw)
    return await final_status(api, chat["id"], name, after=message["message_id"])


async def final_status(api: FakeBotApi, chat_id: int, name: str, *, after: int = 0) -> str:
    received = R.RECEIVED.format(name=name)
    (status,) = await api.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == chat_id and c.text == received
        and c.result.get("message_id", 0) > after
    )
    status_id = status.result["message_id"]
    progress = _progress(name)

    def done(c: Call) -> bool:
        return (
            c.method == "editMessageText"
            and c.chat_id == chat_id
            and c.params.get("message_id") == status_id
            and c.text not in progress
            and not c.text.startswith("好的，按")
        )

    calls = await api.wait_for(done, within=60)
    return calls[-1].text


async def ask(api: FakeBotApi, chat: dict[str, Any], user: int, text: str, **kw: Any) -> Call:
    message = await api.send_text(chat, user, text, **kw)
    before = len(api.calls)
    (reply,) = await api.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == chat["id"] and api.calls.index(c) >= before
        and c.result.get("message_id", 0) > message["message_id"]
    )
    return reply


def _count(db_url: str, model: Any) -> int:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(model)).scalar_one()
    finally:
        engine.dispose()


async def test_commands_registered_and_start_help(api: FakeBotApi, bot: Any) -> None:
    (commands,) = api.calls_to("setMyCommands")
    names = [c["command"] for c in commands.params["commands"]]
    assert {"help", "report", "history", "agencies", "export", "cancel"} <= set(names)
    chat = api.private_chat(USER)
    reply = await ask(api, chat, USER, "/start")
    assert reply.text == R.START
    reply = await ask(api, chat, USER, "/help")
    assert "文登科技局2021主动公开多少条" in reply.text
    assert reply.params["parse_mode"] == "HTML"


async def test_pdf_upload_summary_then_question(api: FakeBotApi, bot: Any, db_url: str) -> None:
    chat = api.private_chat(USER)
    summary = await upload(api, chat, USER, WENDENG_PDF, filename="文登科技局年报.pdf", mime_type="application/pdf")
    assert "威海市文登区科学技术局" in summary
    assert "2021" in summary
    assert _count(db_url, ReportRow) == 1
    reply = await ask(api, chat, USER, QUESTION)
    assert "253" in reply.text
    # Same file again: recognised, nothing new stored.
    await upload(api, chat, USER, WENDENG_PDF, filename="again.pdf")
    assert _count(db_url, ReportRow) == 1


async def test_seed_text_upload_answers_253(api: FakeBotApi, bot: Any) -> None:
    chat = api.private_chat(USER)
    await upload(api, chat, USER, SEED_000, filename="文登科技局2021.txt")
    reply = await ask(api, chat, USER, QUESTION)
    assert "253" in reply.text
    assert "Traceback" not in reply.text


async def test_broken_file_gets_a_clear_message(api: FakeBotApi, bot: Any, db_url: str) -> None:
    chat = api.private_chat(USER)
    text = await upload(api, chat, USER, WENDENG_PDF, filename="坏文件.pdf", data=b"%PDF-1.7\n\x00\x01broken")
    messages = [cls.default_message for cls in vars(parse_errors).values()
                if isinstance(cls, type) and issubclass(cls, parse_errors.ParseError)]
    assert any(m in text for m in messages), text
    assert "Traceback" not in text
    assert _count(db_url, ReportRow) == 0


async def test_too_big_file(api: FakeBotApi, bot: Any) -> None:
    chat = api.private_chat(USER)
    text = await upload(api, chat, USER, WENDENG_PDF, filename="大文件.pdf", size=25 * 1024 * 1024)
    assert "20 MB" in text
    assert api.calls_to("getFile")[-1].result.status == 400


async def test_group_answers_mentions_and_replies_only(api: FakeBotApi, bot: Any) -> None:
    group = api.group_chat(-100123)
    await upload(api, api.private_chat(USER), USER, SEED_000, filename="seed.txt")
    chatter = await api.send_text(group, USER, "大家好，今天开会")
    unrelated = await api.send_text(group, USER, QUESTION)  # no mention: not for the bot
    reply = await ask(api, group, USER, f"@{BOT_USERNAME} {QUESTION}")
    assert "253" in reply.text
    assert reply.params["reply_parameters"]["message_id"] > unrelated["message_id"]
    # A reply to the bot's message is a question too.
    bot_message = api.messages[(group["id"], reply.result["message_id"])]
    follow_up = await ask(api, group, USER, "文登科技局2021年新收多少申请", reply_to=bot_message)
    assert follow_up.text
    await asyncio.sleep(0.5)
    to_group = api.calls_to("sendMessage", group["id"])
    assert len(to_group) == 2
    quoted = {c.params["reply_parameters"]["message_id"] for c in to_group}
    assert chatter["message_id"] not in quoted and unrelated["message_id"] not in quoted


async def test_export_returns_a_file(api: FakeBotApi, bot: Any) -> None:
    chat = api.private_chat(USER)
    await upload(api, chat, USER, SEED_000, filename="seed.txt")
    await api.send_text(chat, USER, "/export")
    (call,) = await api.wait_for(lambda c: c.method == "sendDocument")
    filename, data = call.files["document"]
    assert filename.endswith(".csv")
    assert "威海市文登区科学技术局" in data.decode("utf-8-sig")
    await api.send_text(chat, USER, "/export xlsx")
    calls = await api.wait_for(lambda c: c.method == "sendDocument", count=2)
    filename, data = calls[1].files["document"]
    assert filename.endswith(".xlsx") and data[:2] == b"PK"


async def test_upload_hitting_429_still_gets_its_reply(api: FakeBotApi, bot: Any) -> None:
    api.fail_next("sendMessage", status=429, retry_after=1)
    api.fail_next("editMessageText", status=502, description="Bad Gateway")
    chat = api.private_chat(USER)
    summary = await upload(api, chat, USER, SEED_000, filename="seed.txt")
    assert "威海市文登区科学技术局" in summary
    first, second = api.calls_to("sendMessage")[:2]
    assert first.result == {"error": 429}
    assert second.at - first.at >= 1.0  # waited retry_after
    assert any(c.result == {"error": 502} for c in api.calls_to("editMessageText"))


async def test_report_that_names_no_agency_asks(api: FakeBotApi, bot: Any, db_url: str) -> None:
    chat = api.private_chat(USER)
    prompt = await upload(api, chat, USER, SEED_001, filename="科技工信局2022.txt")
    assert "没有写明" in prompt
    assert _count(db_url, ReportRow) == 0
    await api.send_text(chat, USER, "某区科学技术和工业信息化局")
    summary = await final_status_after_choice(api, chat["id"])
    assert "某区科学技术和工业信息化局" in summary
    assert _count(db_url, ReportRow) == 1


async def final_status_after_choice(api: FakeBotApi, chat_id: int) -> str:
    (chosen,) = await api.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == chat_id and c.text.startswith("好的，按")
    )
    calls = await api.wait_for(
        lambda c: c.method == "editMessageText" and c.params.get("message_id") == chosen.result["message_id"]
        and not c.text.startswith("《"),
        within=60,
    )
    return calls[-1].text


async def test_burst_each_file_gets_its_own_result(api: FakeBotApi, bot: Any, db_url: str) -> None:
    chat = api.private_chat(USER)
    files = [(SEED_000, "a.txt"), (GENERATED / "000.docx", "b.docx"), (WENDENG_PDF, "c.pdf")]
    for path, name in files:
        data = await asyncio.to_thread(path.read_bytes)
        await api.send_document(chat, USER, data, name, media_group_id="album1")
    results = await asyncio.gather(*(final_status(api, chat["id"], name) for _, name in files))
    assert len(results) == 3
    assert all("威海市文登区科学技术局" in r for r in results)
    assert _count(db_url, SourceFile) == 3


@pytest.mark.parametrize("bot_overrides", [{"admins": [9]}])
async def test_strangers_may_not_upload(api: FakeBotApi, bot: Any, db_url: str) -> None:
    chat = api.private_chat(USER)
    await api.send_document(chat, USER, SEED_000_BYTES, "seed.txt")
    (refusal,) = await api.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == USER)
    assert refusal.text == R.UPLOAD_NOT_ALLOWED
    assert _count(db_url, SourceFile) == 0
    reply = await ask(api, chat, USER, QUESTION)  # questions stay open to everyone
    assert reply.text


async def test_webhook_mode_receives_an_update(
    api: FakeBotApi, data_dir: Path, db_url: str, unused_tcp_port: int
) -> None:
    settings = bot_settings(data_dir, db_url, api)
    application = build_application(settings, Services.open)
    hook = WebhookConfig(url=f"http://127.0.0.1:{unused_tcp_port}/tg", listen="127.0.0.1", port=unused_tcp_port)
    async with running(application, hook):
        assert api.webhook_url == hook.url
        assert api.webhook_secret == webhook_secret(api.token)
        reply = await ask(api, api.private_chat(USER), USER, "/start")
        assert reply.text == R.START
        # A forged post without the secret is refused.
        async with aiohttp.ClientSession() as http, http.post(hook.url, json={"update_id": 99}) as response:
            assert response.status == 403
    assert api.polls == 0
