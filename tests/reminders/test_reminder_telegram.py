"""/register, /supervise, /deadline, /missing, the snooze button and the reminder job, through the
real python-telegram-bot Application polling the fake Bot API."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo

import pytest

from bot.core.services import Services
from bot.tg.app import BotApplication, build_application, running
from bot.tg.reminders import JOB_NAME
from storage import registry
from tests.conftest import make_settings
from tests.e2e.fake_bot_api import Call, FakeBotApi
from tests.reminders.support import add_agency, add_report

TZ = ZoneInfo("Asia/Shanghai")
ADMIN, GROUP_ADMIN, MEMBER = 9001, 9002, 9003
GROUP, SUPERVISOR = -100500, -100900


class ChatMembersApi(FakeBotApi):
    """The fake API plus getChatMember (group admins) and editMessageReplyMarkup."""

    group_admins: ClassVar[set[int]] = {GROUP_ADMIN}

    def _m_getChatMember(self, params: dict[str, Any], files: Any) -> Any:
        user_id = int(params["user_id"])
        status = "administrator" if user_id in self.group_admins else "member"
        member: dict[str, Any] = {"status": status, "user": self.user(user_id)}
        if status == "administrator":
            member |= {key: True for key in (
                "can_be_edited", "is_anonymous", "can_manage_chat", "can_delete_messages",
                "can_manage_video_chats", "can_restrict_members", "can_promote_members",
                "can_change_info", "can_invite_users", "can_post_stories", "can_edit_stories",
                "can_delete_stories",
            )}  # fmt: skip
        return member

    def _m_editMessageReplyMarkup(self, params: dict[str, Any], files: Any) -> Any:
        return self.messages[(int(params["chat_id"]), int(params["message_id"]))]


@pytest.fixture
async def api() -> AsyncIterator[ChatMembersApi]:
    fake = ChatMembersApi()
    await fake.start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
def job_overrides() -> dict[str, Any]:
    return {}


@pytest.fixture
async def bot(
    api: ChatMembersApi, data_dir: Path, db_url: str, job_overrides: dict[str, Any]
) -> AsyncIterator[BotApplication]:
    settings = make_settings(
        data_dir, db_url, telegram_bot_token=api.token, bot_api_url=api.url, admins=[ADMIN], **job_overrides
    )
    application = build_application(settings, Services.open)
    async with running(application, poll_timeout=1) as app:
        yield app


def _quoted_id(call: Call) -> int | None:
    quoted = call.params.get("reply_parameters")
    if isinstance(quoted, str):
        quoted = json.loads(quoted)
    return int(quoted["message_id"]) if isinstance(quoted, dict) and "message_id" in quoted else None


async def command(api: FakeBotApi, chat: dict[str, Any], user: int, text: str) -> Call:
    """The bot's answer to one command. In a group the answer quotes the command, and only that counts:
    the reminder job may post a digest into the same chat meanwhile (the real date decides that)."""
    message = await api.send_text(chat, user, text)
    in_group = chat.get("type") != "private"
    (reply,) = await api.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == chat["id"]
        and c.result.get("message_id", 0) > message["message_id"]
        and (not in_group or _quoted_id(c) == message["message_id"])
    )  # fmt: skip
    return reply


async def test_register_supervise_deadline_missing(api: ChatMembersApi, bot: BotApplication) -> None:
    group = api.group_chat(GROUP, "文登区科技局年报群")
    reply = await command(api, group, MEMBER, "/register 威海市文登区科学技术局")
    assert reply.text == "只有群管理员或机器人管理员可以使用这个命令。"
    reply = await command(api, api.private_chat(GROUP_ADMIN), GROUP_ADMIN, "/register 威海市文登区科学技术局")
    assert reply.text.startswith("请在本单位的群里使用 /register")
    reply = await command(api, group, GROUP_ADMIN, "/register")
    assert reply.text.startswith("用法：/register 机构全称")
    reply = await command(api, group, GROUP_ADMIN, "/register 科技局")
    assert reply.text.startswith("用法：/register 机构全称")  # not a full name: which one?
    reply = await command(api, group, GROUP_ADMIN, "/register 威海市文登区科学技术局 @kejiju")
    year = _season_year()
    assert reply.text.startswith(
        f"已登记：威海市文登区科学技术局 的年报催报将发到本群，负责人 @kejiju。\n{year}年度报告截止日："
    )
    reply = await command(api, group, GROUP_ADMIN, "/register 威海市文登区科学技术局 @kejiju")
    assert reply.text == "威海市文登区科学技术局 已登记在本群，无变化。"
    # A bot admin (NIANBAO_ADMINS) may register in any group, without being a group admin.
    other = api.group_chat(GROUP - 1, "教育局群")
    reply = await command(api, other, ADMIN, "/register 威海市文登区教育局")
    assert reply.text.startswith("已登记：威海市文登区教育局 的年报催报将发到本群。")

    reply = await command(api, group, GROUP_ADMIN, "/deadline")
    assert reply.text.startswith(f"威海市文登区科学技术局：{year}年度报告截止{year + 1}年1月31日")

    supervisor = api.group_chat(SUPERVISOR, "文登区政务公开办")
    reply = await command(api, supervisor, MEMBER, "/supervise 文登区")
    assert reply.text == "只有群管理员或机器人管理员可以使用这个命令。"
    reply = await command(api, supervisor, GROUP_ADMIN, "/supervise 文登区")
    assert reply.text.startswith("已登记：本群接收 文登区 各单位年报报送情况的汇总")
    # A local rule for the supervised region, set from the supervisor chat by an admin.
    reply = await command(api, supervisor, MEMBER, "/deadline 部门 01-26")
    assert reply.text == "只有群管理员或机器人管理员可以使用这个命令。"
    reply = await command(api, supervisor, GROUP_ADMIN, "/deadline 部门 下周")
    assert reply.text.startswith("用法：/deadline [部门|本级政府|乡镇|全部] 月-日")
    reply = await command(api, api.private_chat(ADMIN), ADMIN, "/deadline 部门 01-26")
    assert reply.text.startswith("请在汇总群里设置地区的截止日期")
    reply = await command(api, supervisor, GROUP_ADMIN, "/deadline 部门 01-26")
    assert reply.text.startswith("已设置：文登区 部门的年报截止日为每年1月26日")
    reply = await command(api, group, MEMBER, "/deadline")
    assert reply.text.startswith(f"威海市文登区科学技术局：{year}年度报告截止{year + 1}年1月26日（文登区规定）")
    reply = await command(api, supervisor, MEMBER, "/deadline")
    assert len(reply.text.splitlines()) == 2  # both agencies of the region
    reply = await command(api, supervisor, MEMBER, f"/missing {year - 5} 文登区")
    assert "逾期未报送：\n1. 威海市文登区教育局" in reply.text
    assert "2. 威海市文登区科学技术局（截止" in reply.text and "@kejiju" in reply.text
    # In the supervisor chat the region may be left out.
    assert (await command(api, supervisor, MEMBER, f"/missing {year - 5}")).text == reply.text
    reply = await command(api, api.private_chat(MEMBER), MEMBER, "/missing")
    assert reply.text.startswith("请写明地区")
    reply = await command(api, api.private_chat(MEMBER), MEMBER, "/missing 2026 环翠区")
    assert reply.text.startswith("环翠区 没有登记应报送的单位")


def _season_year() -> int:
    now = datetime.now(TZ)
    return now.year if now.month == 12 else now.year - 1


@pytest.fixture
def due_agency(data_dir: Path, db_url: str) -> int:
    """An agency whose 1-day reminder fell due today at 00:00 (deadline tomorrow)."""
    services = Services.open(make_settings(data_dir, db_url))
    tomorrow = datetime.now(TZ).date() + timedelta(days=1)
    agency = add_agency(
        services, "威海市文登区教育局", chat_id=GROUP, registered_at=datetime.now(TZ) - timedelta(days=3),
        deadline=(tomorrow.month, tomorrow.day),
    )  # fmt: skip
    services.close()
    return agency


@pytest.mark.parametrize(
    "job_overrides", [{"reminder_time": "00:00", "reminder_check_minutes": 0.02, "reminder_offsets": [1, 0]}]
)
async def test_job_sends_once_and_snooze_button_works(
    api: ChatMembersApi, due_agency: int, bot: BotApplication, db_url: str, data_dir: Path
) -> None:
    assert len(bot.job_queue.get_jobs_by_name(JOB_NAME)) == 1  # type: ignore[union-attr]
    (reminder,) = await api.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == GROUP, within=20)
    assert reminder.text.startswith("⏰ 年报催报：威海市文登区教育局")
    assert "距截止还有1天" in reminder.text
    (button,) = reminder.params["reply_markup"]["inline_keyboard"][0]
    assert button == {"text": "明天再提醒", "callback_data": f"nb:snooze:{due_agency}:{_deadline_year() - 1}"}
    # Several more job runs (every 1.2 s): nothing is sent twice.
    await _sleep(3)
    assert len(api.calls_to("sendMessage", GROUP)) == 1

    bot_message = api.messages[(GROUP, reminder.result["message_id"])]
    await api.click(api.group_chat(GROUP), MEMBER, bot_message, button["callback_data"])
    (answer,) = await api.wait_for(lambda c: c.method == "answerCallbackQuery")
    assert answer.params["text"] == "好的，明天此时再提醒。"
    await api.wait_for(lambda c: c.method == "editMessageReplyMarkup")
    services = Services.open(make_settings(data_dir, db_url))
    with services.sessions() as session:
        assert len(registry.snoozes(session, [_deadline_year() - 1])) == 1
    # The report arrives: the chat is told once, and reminders stop.
    add_report(services, due_agency, _deadline_year() - 1, datetime.now(TZ))
    services.close()
    (received,) = await api.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == GROUP and c.text.startswith("✅"), within=20
    )
    assert received.text.startswith("✅ 已收到威海市文登区教育局")
    await _sleep(3)
    assert len(api.calls_to("sendMessage", GROUP)) == 2


@pytest.mark.parametrize(
    "job_overrides", [{"reminder_time": "00:00", "reminder_check_minutes": 0.02, "reminder_offsets": [1, 0]}]
)
async def test_kicked_bot_tells_the_admins_once(
    api: ChatMembersApi, due_agency: int, bot: BotApplication
) -> None:
    api.fail_next("sendMessage", status=403, description="Forbidden: bot was kicked from the supergroup chat")
    (notice,) = await api.wait_for(lambda c: c.method == "sendMessage" and c.chat_id == ADMIN, within=20)
    assert notice.text.startswith(f"⚠️ 无法向群 {GROUP}（威海市文登区教育局） 发送催报：")
    await _sleep(3)
    assert len(api.calls_to("sendMessage", ADMIN)) == 1
    assert len(api.calls_to("sendMessage", GROUP)) == 1  # the failed attempt only, no retries


def _deadline_year() -> int:
    return (datetime.now(TZ).date() + timedelta(days=1)).year


async def _sleep(seconds: float) -> None:
    import asyncio

    await asyncio.sleep(seconds)
