"""Issue 13 in the bot: a place alone answers per agency with a button per agency; two agencies in
one question are answered side by side (no "which one?")."""

from __future__ import annotations

from bot.tg.app import BotApplication
from tests.answers.data import WENDENG, Spec, add_report
from tests.e2e.fake_bot_api import FakeBotApi
from tests.e2e.test_bot import USER, ask
from tests.e2e.test_choices_and_limits import _buttons, _reply_after, _services

POLICE = "威海市文登区公安局"


def _store(bot: BotApplication) -> None:
    with _services(bot).sessions() as session:
        for i, (name, total) in enumerate(((WENDENG, 253), (POLICE, 410)), start=1):
            facts = (("proactive.total", total, "条", f"全年主动公开政府信息{total}条。"),)
            add_report(session, Spec(name, 2021, "2021", facts=facts), file_no=i)
        session.commit()


async def test_place_alone_answers_each_agency_with_buttons(api: FakeBotApi, bot: BotApplication) -> None:
    _store(bot)
    chat = api.private_chat(USER)
    reply = await ask(api, chat, USER, "文登2021主动公开多少条")
    assert "253条" in reply.text and "410条" in reply.text
    buttons = dict(_buttons(reply))
    assert set(buttons) == {WENDENG, POLICE}
    before = len(api.calls)
    await api.click(chat, USER, api.messages[(chat["id"], reply.result["message_id"])], buttons[POLICE])
    answer = await _reply_after(api, chat["id"], before)
    assert POLICE in answer.text and "410条" in answer.text and "253条" not in answer.text


async def test_two_agencies_are_compared_not_asked_about(api: FakeBotApi, bot: BotApplication) -> None:
    _store(bot)
    chat = api.private_chat(USER)
    reply = await ask(api, chat, USER, "文登科技局比文登公安局2021年主动公开少多少")
    assert "少157条" in reply.text and "reply_markup" not in reply.params
