"""The 20 MB pre-check: decided by the Bot API URL, run through the real handlers without network."""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram._utils.types import ODVInput
from telegram.request import BaseRequest, RequestData

from bot.config import TELEGRAM_API_URL
from bot.core.replies import bot as R
from bot.tg.app import BotApplication, build_application
from bot.tg.uploads import CLOUD_DOWNLOAD_LIMIT, download_limit
from parsing.errors import UnsupportedFormat
from tests.conftest import make_settings

USER = 501
BOT = {"id": 777, "is_bot": True, "first_name": "年报", "username": "nianbao_test_bot"}


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        (TELEGRAM_API_URL, CLOUD_DOWNLOAD_LIMIT),
        (f"{TELEGRAM_API_URL}/", CLOUD_DOWNLOAD_LIMIT),
        ("http://127.0.0.1:8081", None),
        ("https://tg-api.example.gov.cn", None),
    ],
)
def test_download_limit_depends_on_the_bot_api_url(tmp_path: Path, url: str, limit: int | None) -> None:
    assert download_limit(make_settings(tmp_path, bot_api_url=url)) == limit


class RecordingRequest(BaseRequest):
    """Answers the Bot API in-process: records each call, never opens a socket."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self._ids = itertools.count(2000)

    @property
    def read_timeout(self) -> float | None:
        return 1.0

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = DEFAULT_NONE,
        write_timeout: ODVInput[float] = DEFAULT_NONE,
        connect_timeout: ODVInput[float] = DEFAULT_NONE,
        pool_timeout: ODVInput[float] = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        params = request_data.parameters if request_data else {}
        self.calls.append((endpoint, params))
        if endpoint == "getMe":
            return self._ok(BOT)
        if endpoint in ("sendMessage", "editMessageText"):
            chat = {"id": int(params["chat_id"]), "type": "private", "first_name": "用户"}
            message_id = params.get("message_id") or next(self._ids)
            return self._ok(
                {"message_id": message_id, "date": int(time.time()), "chat": chat, "from": BOT, "text": params["text"]}
            )
        if endpoint == "getFile":  # what the cloud Bot API says above 20 MB
            body = {"ok": False, "error_code": 400, "description": "Bad Request: file is too big"}
            return 400, json.dumps(body).encode()
        return self._ok(True)

    @staticmethod
    def _ok(result: Any) -> tuple[int, bytes]:
        return 200, json.dumps({"ok": True, "result": result}).encode()

    def endpoints(self) -> list[str]:
        return [endpoint for endpoint, _ in self.calls]


@pytest.fixture
def request_log() -> RecordingRequest:
    return RecordingRequest()


@asynccontextmanager
async def _application(tmp_path: Path, url: str, request: RecordingRequest) -> AsyncIterator[BotApplication]:
    settings = make_settings(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}", bot_api_url=url)
    settings = settings.model_copy(update={"telegram_bot_token": "123:TEST"})
    application = build_application(settings, lambda _: None, request=request)  # type: ignore[arg-type,return-value]
    await application.initialize()
    try:
        yield application
    finally:
        await application.shutdown()


def _document_update(application: BotApplication, size: int, name: str = "大文件.pdf", mime: str | None = None) -> Update:
    chat = {"id": USER, "type": "private", "first_name": "用户"}
    message = {
        "message_id": 10,
        "date": int(time.time()),
        "chat": chat,
        "from": {"id": USER, "is_bot": False, "first_name": "用户"},
        "document": {"file_id": "f1", "file_unique_id": "u1", "file_name": name, "file_size": size},
    }
    if mime is not None:
        message["document"]["mime_type"] = mime  # type: ignore[index]
    return Update.de_json({"update_id": 1, "message": message}, application.bot)


async def test_cloud_api_refuses_a_big_file_before_get_file(tmp_path: Path, request_log: RecordingRequest) -> None:
    size = 25 * 1024 * 1024
    async with _application(tmp_path, TELEGRAM_API_URL, request_log) as application:
        await application.process_update(_document_update(application, size))
    assert "getFile" not in request_log.endpoints()
    edits = [params["text"] for endpoint, params in request_log.calls if endpoint == "editMessageText"]
    assert edits == [R.TOO_BIG.format(name="大文件.pdf", size_mb=25.0, limit_mb=20)]


async def test_self_hosted_api_tries_a_big_file(tmp_path: Path, request_log: RecordingRequest) -> None:
    async with _application(tmp_path, "http://127.0.0.1:8081", request_log) as application:
        await application.process_update(_document_update(application, 25 * 1024 * 1024))
    assert request_log.endpoints().count("getFile") == 1
    # The server's own refusal still ends in the clear message, not an apology.
    edits = [params["text"] for endpoint, params in request_log.calls if endpoint == "editMessageText"]
    assert edits and edits[-1].startswith("《大文件.pdf》") and "20 MB" in edits[-1]
    # Issue 10 (14): the limit is stated as the limit, not as the file's size ("有 20.0 MB").
    assert edits[-1] == R.TOO_BIG_REFUSED.format(name="大文件.pdf", limit_mb=20)
    assert "有 20.0 MB" not in edits[-1]


async def test_a_format_nobody_reads_is_refused_before_get_file(tmp_path: Path, request_log: RecordingRequest) -> None:
    """Issue 11: the upload check is the format registry's (parsing.formats), not a list of its own."""
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    async with _application(tmp_path, TELEGRAM_API_URL, request_log) as application:
        await application.process_update(_document_update(application, 1000, "报表.xlsx", xlsx))
        await application.process_update(_document_update(application, 1000, "年报.docx", "application/zip"))
    sent = [params["text"] for endpoint, params in request_log.calls if endpoint == "sendMessage"]
    assert sent[0] == UnsupportedFormat().message
    assert sent[1] == R.RECEIVED.format(name="年报.docx")  # a known ending: its bytes decide
    assert request_log.endpoints().count("getFile") == 1


@pytest.mark.parametrize("command", ["/export", "/summary 文登区 2021"])
async def test_export_and_summary_refused_to_who_may_not_upload(
    tmp_path: Path, request_log: RecordingRequest, command: str
) -> None:
    settings = make_settings(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}", admins=[9999])
    settings = settings.model_copy(update={"telegram_bot_token": "123:TEST"})
    application = build_application(settings, lambda _: None, request=request_log)  # type: ignore[arg-type,return-value]
    await application.initialize()
    try:
        chat = {"id": USER, "type": "private", "first_name": "用户"}
        entity = {"type": "bot_command", "offset": 0, "length": len(command.split()[0])}
        message = {
            "message_id": 10,
            "date": int(time.time()),
            "chat": chat,
            "from": {"id": USER, "is_bot": False, "first_name": "用户"},
            "text": command,
            "entities": [entity],
        }
        await application.process_update(Update.de_json({"update_id": 1, "message": message}, application.bot))
    finally:
        await application.shutdown()
    sent = [params["text"] for endpoint, params in request_log.calls if endpoint == "sendMessage"]
    assert sent == [R.EXPORT_NOT_ALLOWED]
    assert "sendDocument" not in request_log.endpoints()
