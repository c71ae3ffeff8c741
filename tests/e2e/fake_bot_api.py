"""A small fake Telegram Bot API server (aiohttp) for end-to-end tests and the load benchmark.

The real python-telegram-bot Application talks to it over HTTP exactly as it talks to
api.telegram.org: long-polling getUpdates, getFile + the file download path, sendMessage,
editMessageText, sendDocument and sendPhoto (multipart), answerCallbackQuery, setMyCommands and the
webhook calls. Every call is recorded; failures (429 RetryAfter, 5xx, "file is too big")
can be injected. Test code plays the users through `send_text`, `send_document`, `send_photo`, `click`.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

BOT_ID = 777000111
BOT_USERNAME = "nianbao_test_bot"
CLOUD_DOWNLOAD_LIMIT = 20 * 1024 * 1024


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    at: float  # time.monotonic()
    files: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # field -> (filename, data)
    result: Any = None

    @property
    def chat_id(self) -> int | None:
        value = self.params.get("chat_id")
        return int(value) if value is not None else None

    @property
    def text(self) -> str:
        return str(self.params.get("text") or self.params.get("caption") or "")


@dataclass
class _Failure:
    method: str
    status: int
    description: str
    retry_after: int | None
    remaining: int


@dataclass
class _StoredFile:
    data: bytes
    path: str
    size: int


# Parameters the client sends JSON-encoded; everything else stays a string.
_JSON_PARAMS = {"reply_markup", "commands", "reply_parameters", "allowed_updates", "link_preview_options",
                "entities", "caption_entities", "scope"}
_INT_PARAMS = {"chat_id", "message_id", "offset", "limit", "timeout", "reply_to_message_id"}


class FakeBotApi:
    def __init__(self, token: str = "123456:TEST-token") -> None:
        self.token = token
        self.calls: list[Call] = []
        self.photos: list[bytes] = []  # sendPhoto uploads, in order
        self.updates: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._file_ids = itertools.count(1)
        self._files: dict[str, _StoredFile] = {}
        self._answered_queries: set[str] = set()
        self._failures: list[_Failure] = []
        self._new_update = asyncio.Condition()
        self._new_call = asyncio.Condition()
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.webhook_url: str | None = None
        self.webhook_secret: str | None = None
        self.polls = 0
        # Telegram's cloud API refuses getFile above 20 MB; None plays a self-hosted server.
        self.download_limit: int | None = CLOUD_DOWNLOAD_LIMIT
        # Called with every recorded call (the load benchmark routes replies to its users).
        self.listeners: list[Callable[[Call], None]] = []
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None
        self.port = 0

    # -- lifecycle ------------------------------------------------------------------

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        app = web.Application(client_max_size=64 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets  # type: ignore[attr-defined]
        self.port = server.sockets[0].getsockname()[1]  # type: ignore[attr-defined]

    async def stop(self) -> None:
        async with self._new_update:
            self._new_update.notify_all()
        if self._http is not None:
            await self._http.close()
        if self._runner is not None:
            await self._runner.cleanup()

    # -- failure injection ------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        *,
        status: int = 429,
        description: str = "Too Many Requests: retry after 1",
        retry_after: int | None = 1,
        times: int = 1,
    ) -> None:
        """The next `times` calls of `method` fail with this status (429 carries retry_after)."""
        if status != 429:
            retry_after = None
        self._failures.append(_Failure(method, status, description, retry_after, times))

    # -- what users do --------------------------------------------------------------------

    @staticmethod
    def private_chat(user_id: int) -> dict[str, Any]:
        return {"id": user_id, "type": "private", "first_name": f"用户{user_id}"}

    @staticmethod
    def group_chat(chat_id: int, title: str = "政务公开群") -> dict[str, Any]:
        return {"id": chat_id, "type": "supergroup", "title": title}

    @staticmethod
    def user(user_id: int) -> dict[str, Any]:
        return {"id": user_id, "is_bot": False, "first_name": f"用户{user_id}", "language_code": "zh-hans"}

    def _message(self, chat: dict[str, Any], user_id: int, **fields: Any) -> dict[str, Any]:
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self.user(user_id),
            **fields,
        }
        self.messages[(chat["id"], message["message_id"])] = message
        return message

    async def send_text(
        self,
        chat: dict[str, Any],
        user_id: int,
        text: str,
        *,
        reply_to: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        fields: dict[str, Any] = {"text": text}
        entities = []
        if text.startswith("/"):
            entities.append({"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
        mention = f"@{BOT_USERNAME}"
        if mention in text:
            offset = len(text[: text.index(mention)].encode("utf-16-le")) // 2
            entities.append({"type": "mention", "offset": offset, "length": len(mention)})
        if entities:
            fields["entities"] = entities
        if reply_to is not None:
            fields["reply_to_message"] = reply_to
        message = self._message(chat, user_id, **fields)
        await self.push_update({"message": message})
        return message

    def add_file(self, data: bytes, filename: str, *, size: int | None = None) -> str:
        file_id = f"file-{next(self._file_ids)}"
        self._files[file_id] = _StoredFile(data, f"documents/{file_id}_{filename}", size or len(data))
        return file_id

    async def send_document(
        self,
        chat: dict[str, Any],
        user_id: int,
        data: bytes,
        filename: str,
        *,
        mime_type: str = "application/octet-stream",
        caption: str | None = None,
        media_group_id: str | None = None,
        size: int | None = None,
    ) -> dict[str, Any]:
        """`size` pretends the file is that large (to provoke the 20 MB limit) without the bytes."""
        file_id = self.add_file(data, filename, size=size)
        document = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": filename,
            "mime_type": mime_type,
            "file_size": size or len(data),
        }
        fields: dict[str, Any] = {"document": document}
        if caption:
            fields["caption"] = caption
        if media_group_id:
            fields["media_group_id"] = media_group_id
        message = self._message(chat, user_id, **fields)
        await self.push_update({"message": message})
        return message

    async def send_photo(
        self, chat: dict[str, Any], user_id: int, data: bytes, *, width: int, height: int, caption: str | None = None
    ) -> dict[str, Any]:
        """A photo as Telegram delivers it: several sizes (a thumbnail and the full image), no file name."""
        thumb = self.add_file(data[:1024], "thumb.jpg")
        full = self.add_file(data, "photo.jpg")
        sizes = [
            {"file_id": thumb, "file_unique_id": f"u{thumb}", "width": 90, "height": 90 * height // width,
             "file_size": 1024},
            {"file_id": full, "file_unique_id": f"u{full}", "width": width, "height": height, "file_size": len(data)},
        ]  # fmt: skip
        fields: dict[str, Any] = {"photo": sizes}
        if caption:
            fields["caption"] = caption
        message = self._message(chat, user_id, **fields)
        await self.push_update({"message": message})
        return message

    async def click(self, chat: dict[str, Any], user_id: int, bot_message: dict[str, Any], data: str) -> None:
        await self.push_update(
            {
                "callback_query": {
                    "id": f"cq{next(self._update_ids)}",
                    "from": self.user(user_id),
                    "chat_instance": str(chat["id"]),
                    "message": bot_message,
                    "data": data,
                }
            }
        )

    async def push_update(self, body: dict[str, Any]) -> int:
        update = {"update_id": next(self._update_ids), **body}
        if self.webhook_url:
            await self._deliver_webhook(update)
            return update["update_id"]
        async with self._new_update:
            self.updates.append(update)
            self._new_update.notify_all()
        return update["update_id"]

    async def _deliver_webhook(self, update: dict[str, Any]) -> None:
        assert self.webhook_url is not None
        if self._http is None:
            self._http = aiohttp.ClientSession()
        headers = {}
        if self.webhook_secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook_secret
        async with self._http.post(self.webhook_url, json=update, headers=headers) as response:
            response.raise_for_status()

    # -- waiting for the bot ----------------------------------------------------------------

    async def wait_for(
        self, predicate: Callable[[Call], bool], *, within: float = 20.0, count: int = 1
    ) -> list[Call]:
        """Wait until `count` recorded calls match; returns them."""
        deadline = time.monotonic() + within
        async with self._new_call:
            while True:
                found = [c for c in self.calls if predicate(c)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [(c.method, c.params.get("chat_id"), c.text[:80]) for c in self.calls[-15:]]
                    raise TimeoutError(f"bot did not make the expected call; last calls: {seen}")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._new_call.wait(), remaining)

    def calls_to(self, method: str, chat_id: int | None = None) -> list[Call]:
        return [c for c in self.calls if c.method == method and (chat_id is None or c.chat_id == chat_id)]

    # -- the API ------------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]]:
        params: dict[str, Any] = {}
        files: dict[str, tuple[str, bytes]] = {}
        if request.content_type == "application/json":
            params = await request.json()
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
                else:
                    params[key] = value
        params.update(request.query)
        for key in list(params):
            value = params[key]
            if key in _JSON_PARAMS and isinstance(value, str):
                params[key] = json.loads(value)
            elif key in _INT_PARAMS and isinstance(value, str) and value.lstrip("-").isdigit():
                params[key] = int(value)
        # A sendDocument upload names its field "attach://<name>" or sends the bytes directly.
        for key, value in list(params.items()):
            if isinstance(value, str) and value.startswith("attach://"):
                name = value.removeprefix("attach://")
                if name in files:
                    files[key] = files.pop(name)
        return params, files

    @staticmethod
    def _ok(result: Any) -> web.Response:
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    def _error(status: int, description: str, retry_after: int | None = None) -> web.Response:
        body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
        if retry_after is not None:
            body["parameters"] = {"retry_after": retry_after}
        return web.json_response(body, status=status)

    async def _record(self, call: Call) -> None:
        async with self._new_call:
            self.calls.append(call)
            self._new_call.notify_all()
        for listener in self.listeners:
            listener(call)

    async def _api(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return self._error(401, "Unauthorized")
        method = request.match_info["method"]
        params, files = await self._params(request)
        if method == "getUpdates":
            return self._ok(await self._get_updates(params))
        call = Call(method, params, time.monotonic(), files)
        for failure in self._failures:
            if failure.method == method and failure.remaining > 0:
                failure.remaining -= 1
                call.result = {"error": failure.status}
                await self._record(call)
                return self._error(failure.status, failure.description, failure.retry_after)
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            await self._record(call)
            return self._error(404, f"Not Found: method {method} not faked")
        response = handler(params, files)
        call.result = response
        await self._record(call)
        if isinstance(response, web.Response):
            return response
        return self._ok(response)

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        self.polls += 1
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + timeout
        async with self._new_update:
            # Confirmed updates (below offset) are forgotten, as Telegram does.
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            while not self.updates:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                try:
                    await asyncio.wait_for(self._new_update.wait(), remaining)
                except TimeoutError:
                    break
            return self.updates[:limit]

    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "年报",
            "username": BOT_USERNAME,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _bot_message(self, chat_id: int, **fields: Any) -> dict[str, Any]:
        chat = next(
            (m["chat"] for (cid, _), m in self.messages.items() if cid == chat_id),
            self.private_chat(chat_id),
        )
        message = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": chat,
            "from": self._bot_user(),
            **fields,
        }
        self.messages[(chat_id, message["message_id"])] = message
        return message

    def _m_getMe(self, params: dict[str, Any], files: Any) -> Any:
        return self._bot_user()

    def _m_deleteWebhook(self, params: dict[str, Any], files: Any) -> Any:
        self.webhook_url = None
        return True

    def _m_setWebhook(self, params: dict[str, Any], files: Any) -> Any:
        self.webhook_url = params.get("url") or None
        self.webhook_secret = params.get("secret_token") or None
        return True

    def _m_getWebhookInfo(self, params: dict[str, Any], files: Any) -> Any:
        return {"url": self.webhook_url or "", "has_custom_certificate": False, "pending_update_count": 0}

    def _m_setMyCommands(self, params: dict[str, Any], files: Any) -> Any:
        return True

    def _m_answerCallbackQuery(self, params: dict[str, Any], files: Any) -> Any:
        # Telegram takes one answer per query; a second one is refused.
        query_id = str(params.get("callback_query_id"))
        if query_id in self._answered_queries:
            return self._error(400, "Bad Request: query is too old and response timeout expired or query ID is invalid")
        self._answered_queries.add(query_id)
        return True

    def _m_sendChatAction(self, params: dict[str, Any], files: Any) -> Any:
        return True

    def _m_getFile(self, params: dict[str, Any], files: Any) -> Any:
        stored = self._files.get(str(params.get("file_id")))
        if stored is None:
            return self._error(400, "Bad Request: invalid file_id")
        if self.download_limit is not None and stored.size > self.download_limit:
            return self._error(400, "Bad Request: file is too big")
        return {
            "file_id": params["file_id"],
            "file_unique_id": f"u{params['file_id']}",
            "file_size": stored.size,
            "file_path": stored.path,
        }

    async def _download(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        path = request.match_info["path"]
        for stored in self._files.values():
            if stored.path == path:
                return web.Response(body=stored.data, content_type="application/octet-stream")
        return web.Response(status=404)

    def _m_sendMessage(self, params: dict[str, Any], files: Any) -> Any:
        chat_id = int(params["chat_id"])
        fields: dict[str, Any] = {"text": params["text"]}
        if "reply_markup" in params:
            fields["reply_markup"] = params["reply_markup"]
        return self._bot_message(chat_id, **fields)

    def _m_editMessageText(self, params: dict[str, Any], files: Any) -> Any:
        key = (int(params["chat_id"]), int(params["message_id"]))
        message = self.messages.get(key)
        if message is None:
            return self._error(400, "Bad Request: message to edit not found")
        if message.get("text") == params["text"] and "reply_markup" not in params:
            return self._error(400, "Bad Request: message is not modified")
        message = {**message, "text": params["text"], "edit_date": int(time.time())}
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        else:
            message.pop("reply_markup", None)
        self.messages[key] = message
        return message

    def _m_sendPhoto(self, params: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> Any:
        chat_id = int(params["chat_id"])
        filename, data = files.get("photo", ("", b""))
        self.photos.append(data)
        file_id = self.add_file(data, filename or "photo.png")
        fields: dict[str, Any] = {
            "photo": [{"file_id": file_id, "file_unique_id": f"u{file_id}", "width": 800, "height": 480}]
        }
        if params.get("caption"):
            fields["caption"] = params["caption"]
        return self._bot_message(chat_id, **fields)

    def _m_sendDocument(self, params: dict[str, Any], files: dict[str, tuple[str, bytes]]) -> Any:
        chat_id = int(params["chat_id"])
        filename, data = files.get("document", ("", b""))
        document = {
            "file_id": self.add_file(data, filename),
            "file_unique_id": "sent",
            "file_name": filename,
            "file_size": len(data),
        }
        fields: dict[str, Any] = {"document": document}
        if params.get("caption"):
            fields["caption"] = params["caption"]
        return self._bot_message(chat_id, **fields)
