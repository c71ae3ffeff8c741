"""Issue 15 end to end: a photo (sent as a photo, not a file) and a link, answered by the bot."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pytest

from bot.core.replies import bot as R
from bot.core.replies import links as L
from tests.e2e.conftest import GENERATED
from tests.e2e.fake_bot_api import Call, FakeBotApi
from tests.e2e.test_bot import ask
from tests.links.server import report_site

USER = 502
CAPTION = "威海市文登区科学技术局2021年政府信息公开工作年度报告"


def _photo_of_table_4() -> tuple[bytes, int, int]:
    sys.path.insert(0, str(GENERATED.parent))
    from scans import photo_of_page, render_pages  # type: ignore[import-not-found]

    page = render_pages((GENERATED / "000.pdf").read_bytes(), 150, [3])[0]
    page = page.crop((0, 0, page.width, page.height // 2))
    return photo_of_page(page), page.width, page.height


async def _final_edit(api: FakeBotApi, chat_id: int, first_text: str, *, within: float) -> str:
    """The last text of the status message that began as `first_text` (a prefix)."""
    (status,) = await api.wait_for(
        lambda c: c.method == "sendMessage" and c.chat_id == chat_id and c.text.startswith(first_text)
    )
    status_id = status.result["message_id"]

    def done(c: Call) -> bool:
        return (
            c.method == "editMessageText"
            and c.params.get("message_id") == status_id
            and not c.text.endswith("…")  # "正在下载…", "正在解析…": still working
        )

    return (await api.wait_for(done, within=within))[-1].text


@pytest.fixture
def bot_overrides() -> dict[str, Any]:
    return {"fetch_allowed_networks": ["127.0.0.1/32"]}


async def test_photo_is_read_by_ocr_and_answered(api: FakeBotApi, bot: Any) -> None:
    chat = api.private_chat(USER)
    data, width, height = await asyncio.to_thread(_photo_of_table_4)
    await api.send_photo(chat, USER, data, width=width, height=height, caption=CAPTION)
    received_photo = R.RECEIVED.format(name=R.PHOTO_NAME.format(when="@")).split("@")[0]
    summary = await _final_edit(api, chat["id"], received_photo, within=240)
    assert "威海市文登区科学技术局" in summary
    assert "由扫描件/照片文字识别" in summary
    reply = await ask(api, chat, USER, "文登科技局2021年行政复议多少件")
    assert "0" in reply.text and "文字识别" in reply.text


async def test_link_to_a_page_with_the_report_attached(api: FakeBotApi, bot: Any) -> None:
    chat = api.private_chat(USER)
    with report_site() as site:
        url = f"{site}/art/attached.html"
        await api.send_text(chat, USER, f"今年的年报：{url}")
        summary = await _final_edit(api, chat["id"], L.FETCHING.format(url=url), within=120)
    assert "威海市文登区科学技术局" in summary
    reply = await ask(api, chat, USER, "文登科技局2021主动公开多少条")
    assert "253" in reply.text


async def test_link_into_the_internal_network_is_refused_in_chinese(api: FakeBotApi, bot: Any) -> None:
    chat = api.private_chat(USER)
    with report_site() as site:
        url = f"{site}/to-metadata"  # 127.0.0.1 is allowed here; the redirect to 169.254.169.254 is not
        await api.send_text(chat, USER, url)
        reply = await _final_edit(api, chat["id"], L.FETCHING.format(url=url), within=60)
    assert reply == L.PROBLEMS[L.FetchProblem.PRIVATE_ADDRESS]
