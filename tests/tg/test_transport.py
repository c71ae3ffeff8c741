"""The aiohttp Bot API client: errors typed as PTB's, no token in their messages."""

from __future__ import annotations

import asyncio
import socket

import pytest
from aiohttp import web
from telegram.error import NetworkError, TimedOut
from telegram.request import HTTPXRequest, RequestData
from telegram.request._requestparameter import RequestParameter

from bot.tg.sending import _request_never_left
from bot.tg.transport import AiohttpRequest, make_app_request

TOKEN = "123456:SECRET-token"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def test_refused_connection_is_a_network_error_without_the_token() -> None:
    request = AiohttpRequest(connect_timeout=2)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as caught:
            await request.do_request(f"http://127.0.0.1:{_free_port()}/bot{TOKEN}/getMe", "POST")
        assert "SECRET" not in str(caught.value)
    finally:
        await request.shutdown()


async def test_no_free_connection_in_time_is_a_timeout_that_was_never_sent() -> None:
    release = asyncio.Event()

    async def slow(_: web.Request) -> web.Response:
        await release.wait()
        return web.json_response({"ok": True, "result": True})

    app = web.Application()
    app.router.add_post("/{tail:.*}", slow)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    request = AiohttpRequest(connection_pool_size=1, pool_timeout=0.2, connect_timeout=0.2)
    await request.initialize()
    url = f"http://127.0.0.1:{port}/bot{TOKEN}/sendMessage"
    try:
        first = asyncio.create_task(request.do_request(url, "POST"))
        await asyncio.sleep(0.1)
        with pytest.raises(TimedOut) as caught:
            await request.do_request(url, "POST")
        assert _request_never_left(caught.value)
        release.set()
        assert (await first)[0] == 200
    finally:
        release.set()
        await request.shutdown()
        await runner.cleanup()


async def test_form_fields_and_files_arrive() -> None:
    seen: dict[str, object] = {}

    async def handler(req: web.Request) -> web.Response:
        form = await req.post()
        for key, value in form.items():
            seen[key] = (value.filename, value.file.read()) if isinstance(value, web.FileField) else value
        return web.json_response({"ok": True, "result": True})

    app = web.Application()
    app.router.add_post("/{tail:.*}", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    request = AiohttpRequest()
    await request.initialize()
    try:
        from telegram import InputFile

        photo = InputFile(b"PNGDATA", filename="c.png", attach=False)
        data = RequestData(
            [
                RequestParameter("chat_id", 5, []),
                RequestParameter("caption", "图", []),
                RequestParameter("photo", None, [photo]),
            ]
        )
        status, _ = await request.do_request(f"http://127.0.0.1:{port}/bot{TOKEN}/sendPhoto", "POST", data)
        assert status == 200
        assert seen["chat_id"] == "5" and seen["caption"] == "图"
        assert seen["photo"] == ("c.png", b"PNGDATA")
    finally:
        await request.shutdown()
        await runner.cleanup()


def test_socks_proxy_keeps_httpx() -> None:
    assert isinstance(make_app_request("socks5://127.0.0.1:1080", pool_size=4), HTTPXRequest)
    assert isinstance(make_app_request("http://127.0.0.1:7890", pool_size=4), AiohttpRequest)
    assert isinstance(make_app_request(None, pool_size=4), AiohttpRequest)


def test_environment_proxy_is_read_once_per_host(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://127.0.0.1:7890")
    monkeypatch.setenv("NO_PROXY", "localhost")
    request = AiohttpRequest()
    assert request._env_proxy("https://api.telegram.org/botX/getMe") == "http://127.0.0.1:7890"
    assert request._env_proxy("http://localhost:8081/botX/getMe") is None
    monkeypatch.delenv("HTTPS_PROXY")
    assert request._env_proxy("https://api.telegram.org/botX/sendMessage") == "http://127.0.0.1:7890"
