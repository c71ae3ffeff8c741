"""Review: a question typed in a private chat while an upload waits for its agency is a question,
not the agency's name (it must not create an agency called "文登科技局2021主动公开多少条")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.core.ingest import could_be_agency_name
from storage.db import make_engine
from storage.models import Agency, ReportRow
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_bot import QUESTION, SEED_001, USER, ask, final_status_after_choice, upload


def _agencies(db_url: str) -> list[str]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return list(conn.scalars(select(Agency.name)))
    finally:
        engine.dispose()


def test_agency_names_and_questions_told_apart() -> None:
    for name in ("威海市文登区科学技术局", "某区科学技术和工业信息化局", "文登区人民政府办公室"):
        assert could_be_agency_name(name)
    for text in (QUESTION, "2021年哪个单位收到申请最多", "有多少份报告？", "", "局" * 300):
        assert not could_be_agency_name(text)


async def test_question_while_an_upload_waits_is_answered_not_taken_as_agency(
    api: FakeBotApi, bot: Any, db_url: str
) -> None:
    chat = api.private_chat(USER)
    prompt = await upload(api, chat, USER, SEED_001, filename="科技工信局2022.txt")
    assert "没有写明" in prompt
    reply = await ask(api, chat, USER, QUESTION)
    assert not reply.text.startswith("好的，按")
    assert QUESTION not in _agencies(db_url)
    # The upload still waits: the agency's name, typed next, stores it.
    await api.send_text(chat, USER, "某区科学技术和工业信息化局")
    summary = await final_status_after_choice(api, chat["id"])
    assert "某区科学技术和工业信息化局" in summary
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            assert conn.scalar(select(ReportRow.id)) is not None
    finally:
        engine.dispose()
