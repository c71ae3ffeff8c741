"""End to end: agency buttons, the error handler, the rate limit, a self-hosted Bot API, groups."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from bot.core import ingest as core_ingest
from bot.core import jobs as core_jobs
from bot.core.ingest import IngestOutcome, IngestRequest
from bot.core.replies import bot as R
from bot.core.services import Services
from bot.tg import handlers
from bot.tg.app import BotApplication
from parsing import parse_report
from storage.agencies import find_or_create_agency
from storage.db import make_engine
from storage.models import Agency, ReportRow
from tests.answers.data import SEED_001_AGENCY, WENDENG, Spec, add_report
from tests.e2e.fake_bot_api import BOT_USERNAME, Call, FakeBotApi
from tests.e2e.test_bot import QUESTION, SEED_000, SEED_001, USER, WENDENG_PDF, ask, upload

OTHER = 502
ADMIN = 9
JINAN = "济南市文登区科学技术局"
NOW = datetime(2023, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


def _services(bot: BotApplication) -> Services:
    return bot.bot_data.require_services()


async def _ingest(bot: BotApplication, path: Path) -> None:
    """Store a seed through the core, as `nianbao ingest` would (keeps the bot's rate limit untouched)."""
    def store() -> IngestOutcome:
        request = IngestRequest(data=path.read_bytes(), filename=path.name)
        return core_ingest.ingest(_services(bot), request, parse=parse_report).outcome

    assert await asyncio.to_thread(store) is IngestOutcome.STORED


def _stored(db_url: str) -> list[tuple[str, int]]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Agency.name, ReportRow.year).join(ReportRow, ReportRow.agency_id == Agency.id))
            return sorted((name, year) for name, year in rows)
    finally:
        engine.dispose()


def _buttons(call: Call) -> list[tuple[str, str]]:
    keyboard = call.params["reply_markup"]["inline_keyboard"]
    return [(button["text"], button["callback_data"]) for row in keyboard for button in row]


async def _reply_after(api: FakeBotApi, chat_id: int, before: int, *, method: str = "sendMessage") -> Call:
    (call,) = await api.wait_for(
        lambda c: c.method == method and c.chat_id == chat_id and api.calls.index(c) >= before
    )
    return call


# --- 1. a report that names no agency: buttons, only the uploader may choose --------------------


async def test_agency_button_stores_under_that_agency_only_for_the_uploader(
    api: FakeBotApi, bot: BotApplication, db_url: str
) -> None:
    with _services(bot).sessions() as session:
        find_or_create_agency(session, SEED_001_AGENCY, now=NOW)
        session.commit()
    group = api.group_chat(-100200)
    name = "科技工信局2022.txt"
    prompt_text = await upload(api, group, USER, SEED_001, filename=name)
    assert prompt_text == R.ASK_AGENCY.format(name=name)
    (prompt,) = [c for c in api.calls_to("editMessageText", group["id"]) if c.text == prompt_text]
    buttons = _buttons(prompt)
    assert [text for text, _ in buttons] == [SEED_001_AGENCY]
    status = api.messages[(group["id"], prompt.params["message_id"])]

    before = len(api.calls)
    await api.click(group, OTHER, status, buttons[0][1])
    (refused,) = await api.wait_for(
        lambda c: c.method == "answerCallbackQuery" and api.calls.index(c) >= before
    )
    assert refused.params.get("text") == R.ONLY_UPLOADER
    await asyncio.sleep(0.3)
    assert _stored(db_url) == []
    assert not [c for c in api.calls[before:] if c.method in ("editMessageText", "sendMessage")]

    before = len(api.calls)
    await api.click(group, USER, status, buttons[0][1])
    summary_calls = await api.wait_for(
        lambda c: c.method == "editMessageText" and api.calls.index(c) >= before
        and c.params.get("message_id") == status["message_id"]
        and not c.text.startswith(("好的，按", "《")),
        within=60,
    )
    summary = summary_calls[-1].text
    assert SEED_001_AGENCY in summary and "2022" in summary
    assert _stored(db_url) == [(SEED_001_AGENCY, 2022)]
    answered = [c for c in api.calls[before:] if c.method == "answerCallbackQuery"]
    assert answered and "text" not in answered[0].params  # a silent acknowledgement

    # The choice is used up: pressing again stores nothing more.
    before = len(api.calls)
    await api.click(group, USER, status, buttons[0][1])
    (expired,) = await api.wait_for(
        lambda c: c.method == "answerCallbackQuery" and api.calls.index(c) >= before
    )
    assert expired.params.get("text") == R.PENDING_EXPIRED
    assert _stored(db_url) == [(SEED_001_AGENCY, 2022)]


# --- 2. an ambiguous agency in a question --------------------------------------------------------


async def test_ambiguous_question_buttons_answer_for_the_chosen_agency(api: FakeBotApi, bot: BotApplication) -> None:
    await _ingest(bot, SEED_000)
    facts = (("proactive.total", 777, "条", "全年主动公开政府信息777条。"),)
    with _services(bot).sessions() as session:
        add_report(session, Spec(JINAN, 2021, "2021", facts=facts), file_no=1)
        session.commit()
    chat = api.private_chat(USER)
    question = await ask(api, chat, USER, QUESTION)
    buttons = dict(_buttons(question))
    assert set(buttons) == {WENDENG, JINAN}
    assert "253" not in question.text and "777" not in question.text
    bot_message = api.messages[(chat["id"], question.result["message_id"])]

    for agency, number, other in ((JINAN, "777", "253"), (WENDENG, "253", "777")):
        before = len(api.calls)
        await api.click(chat, USER, bot_message, buttons[agency])
        answer = await _reply_after(api, chat["id"], before)
        assert agency in answer.text and number in answer.text and other not in answer.text


# --- 3. the error handler ------------------------------------------------------------------------


@pytest.mark.parametrize("bot_overrides", [{"admins": [ADMIN, 10]}])
async def test_failing_handler_apologises_notifies_admins_and_the_bot_goes_on(
    api: FakeBotApi, bot: BotApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _ingest(bot, SEED_000)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("answer exploded")

    monkeypatch.setattr(handlers, "answer_question", broken)
    chat = api.private_chat(USER)
    apology = await ask(api, chat, USER, QUESTION)
    assert apology.text == R.APOLOGY
    reports = await api.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id in (ADMIN, 10), count=2
    )
    assert {c.chat_id for c in reports} == {ADMIN, 10}
    for report in reports:
        assert "RuntimeError: answer exploded" in report.text and QUESTION in report.text
    sent = [c.text for c in api.calls if c.method in ("sendMessage", "editMessageText")]
    assert not any("Traceback" in text or 'File "' in text for text in sent)
    assert not any("exploded" in c.text for c in api.calls_to("sendMessage", USER))

    monkeypatch.undo()
    reply = await ask(api, chat, USER, QUESTION)
    assert "253" in reply.text


@pytest.mark.parametrize("bot_overrides", [{"admins": [ADMIN]}])
async def test_failing_ingest_turns_the_status_into_an_apology(
    api: FakeBotApi, bot: BotApplication, monkeypatch: pytest.MonkeyPatch, db_url: str
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("ingest exploded")

    # Parsing runs in worker processes; the bot's own part (queueing the upload) fails here.
    monkeypatch.setattr(core_jobs, "submit", broken)
    status = await upload(api, api.private_chat(ADMIN), ADMIN, SEED_000, filename="seed.txt")
    assert status == R.APOLOGY
    (report,) = await api.wait_for(lambda c: c.method == "sendMessage" and "ingest exploded" in c.text)
    assert report.chat_id == ADMIN and "Traceback" not in report.text
    assert _stored(db_url) == []


# --- 4. a self-hosted Bot API server serves files above 20 MB ------------------------------------


async def test_self_hosted_server_downloads_a_file_above_20_mb(api: FakeBotApi, bot: BotApplication) -> None:
    api.download_limit = None
    chat = api.private_chat(USER)
    summary = await upload(api, chat, USER, WENDENG_PDF, filename="大报告.pdf", size=25 * 1024 * 1024)
    assert WENDENG in summary and "20 MB" not in summary
    assert api.calls_to("getFile")[-1].result["file_size"] == 25 * 1024 * 1024


# --- 5. the per-user rate limit ------------------------------------------------------------------


@pytest.mark.parametrize("bot_overrides", [{"rate_limit_per_minute": 2}])
async def test_third_question_in_a_burst_is_rate_limited(api: FakeBotApi, bot: BotApplication) -> None:
    await _ingest(bot, SEED_000)
    limited = {R.RATE_LIMITED.format(seconds=s) for s in range(25, 31)}  # one token back in 30 s
    chat = api.private_chat(USER)
    replies = [await ask(api, chat, USER, QUESTION) for _ in range(3)]
    assert ["253" in r.text for r in replies] == [True, True, False]
    assert replies[2].text in limited

    # A burst sent without waiting: every message gets exactly one reply, one of them the limit.
    burst = api.private_chat(OTHER)
    before = len(api.calls)
    for _ in range(3):
        await api.send_text(burst, OTHER, QUESTION)
    await api.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == OTHER and api.calls.index(c) >= before, count=3
    )
    await asyncio.sleep(0.3)  # room for a (wrong) fourth reply
    calls = api.calls_to("sendMessage", OTHER)
    assert sorted("253" in c.text for c in calls) == [False, True, True]
    assert next(c.text for c in calls if "253" not in c.text) in limited

    # Other users are not held back.
    assert "253" in (await ask(api, api.private_chat(503), 503, QUESTION)).text


# --- 6. groups (privacy mode: commands and replies to the bot reach it) --------------------------


async def test_group_report_command_and_reply_to_the_bot(api: FakeBotApi, bot: BotApplication) -> None:
    await _ingest(bot, SEED_000)
    group = api.group_chat(-100300)
    for command in ("/report 文登科技局 2021", f"/report@{BOT_USERNAME} 文登科技局 2021"):
        tables = await ask(api, group, USER, command)
        assert WENDENG in tables.text and "表二" in tables.text
        assert tables.params["parse_mode"] == "HTML"
    bot_message = api.messages[(group["id"], tables.result["message_id"])]
    reply = await ask(api, group, OTHER, QUESTION, reply_to=bot_message)
    assert "253" in reply.text

    # The same question as a reply to a person is chatter, not for the bot.
    person = await api.send_text(group, OTHER, "收到")
    before = len(api.calls_to("sendMessage", group["id"]))
    await api.send_text(group, USER, QUESTION, reply_to=person)
    await asyncio.sleep(0.5)
    assert len(api.calls_to("sendMessage", group["id"])) == before


@pytest.mark.parametrize("bot_overrides", [{"admins": [ADMIN]}])
async def test_failing_button_still_apologises(
    api: FakeBotApi, bot: BotApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handler has already answered the button when it fails; the apology must still arrive."""
    await _ingest(bot, SEED_000)
    with _services(bot).sessions() as session:
        add_report(session, Spec(JINAN, 2021, "2021"), file_no=1)
        session.commit()
    chat = api.private_chat(USER)
    question = await ask(api, chat, USER, QUESTION)
    buttons = dict(_buttons(question))

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("button exploded")

    monkeypatch.setattr(handlers, "answer_question", broken)
    before = len(api.calls)
    await api.click(chat, USER, api.messages[(USER, question.result["message_id"])], buttons[JINAN])
    apology = await _reply_after(api, USER, before)
    assert apology.text == R.APOLOGY
    (report,) = await api.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == ADMIN)
    assert "RuntimeError: button exploded" in report.text
