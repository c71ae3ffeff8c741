"""Issue 10, items 5 and 11: the token is in no log line at any level (run, webhook, remind);
Telegram out of reach is one Chinese paragraph, not tracebacks; NIANBAO_PROXY_URL is used."""

from __future__ import annotations

import asyncio
import signal
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.core.services import Services
from bot.tg.app import build_application
from bot.tg.commands.telegram_errors import unreachable_text
from bot.tg.connect import make_bot
from tests.conftest import make_settings
from tests.e2e.fake_bot_api import FakeBotApi
from tests.hardening.support import assert_no_traceback, nianbao, nianbao_async
from tests.reminders.support import add_agency

TOKEN = "123456:SECRET-abcdefghijklmnopqrstuvwxyz"
SECRET = TOKEN.split(":", 1)[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _until(predicate: Callable[[], bool]) -> None:
    for _ in range(600):
        if predicate():
            return
        await asyncio.sleep(0.1)
    raise AssertionError("timed out")


async def _run_until(api: FakeBotApi, tmp_path: Path, method: str, *extra: str) -> str:
    """`nianbao run` at DEBUG against the fake API until it calls `method`, then SIGTERM."""
    env = {
        "TELEGRAM_BOT_TOKEN": api.token,
        "NIANBAO_BOT_API_URL": api.url,
        "NIANBAO_LOG_LEVEL": "DEBUG",
        "NIANBAO_DATA_DIR": str(tmp_path / "data"),
    }
    proc = await nianbao_async("run", *extra, cwd=tmp_path, env=env)
    output = asyncio.ensure_future(proc.communicate())  # keep draining: DEBUG output fills a pipe
    try:
        await _until(lambda: any(c.method == method for c in api.calls) or output.done())
        if not output.done():
            proc.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(output, 60)
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    return err.decode()


@pytest.mark.slow
async def test_run_polling_logs_no_token_at_debug(tmp_path: Path) -> None:
    api = FakeBotApi(TOKEN)
    await api.start()
    try:
        log = await _run_until(api, tmp_path, "deleteWebhook")
    finally:
        await api.stop()
    assert "Set Bot API URL" in log  # PTB's DEBUG line that used to carry the token
    assert "Calling Bot API endpoint `deleteWebhook`" in log
    assert SECRET not in log
    assert "<令牌已隐去>" in log


@pytest.mark.slow
async def test_run_webhook_logs_no_token_at_debug(tmp_path: Path) -> None:
    api = FakeBotApi(TOKEN)
    await api.start()
    port = _free_port()
    try:
        log = await _run_until(
            api, tmp_path, "setWebhook",
            "--webhook-url", f"http://127.0.0.1:{port}/tg", "--listen", "127.0.0.1", "--port", str(port),
        )
    finally:
        await api.stop()
    assert "Set Bot API URL" in log
    assert api.webhook_url == f"http://127.0.0.1:{port}/tg"
    assert SECRET not in log


async def test_remind_logs_no_token_at_debug(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    services = Services.open(make_settings(tmp_path / "s", f"sqlite:///{db}"))
    add_agency(services, "威海市文登区科学技术局", chat_id=-1001)
    services.close()
    api = FakeBotApi(TOKEN)
    await api.start()
    try:
        proc = await nianbao_async(
            "remind", "--at", "2027-01-24T09:00", "--db", f"sqlite:///{db}",
            cwd=tmp_path,
            env={"TELEGRAM_BOT_TOKEN": TOKEN, "NIANBAO_BOT_API_URL": api.url, "NIANBAO_LOG_LEVEL": "DEBUG"},
        )
        out, err = await asyncio.wait_for(proc.communicate(), 120)
    finally:
        await api.stop()
    log = err.decode()
    assert proc.returncode == 0, log
    assert [c.chat_id for c in api.calls if c.method == "sendMessage"] == [-1001]
    assert "Set Bot API URL" in log
    assert SECRET not in log and SECRET not in out.decode()


def _closed_port_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        "TELEGRAM_BOT_TOKEN": TOKEN,
        "NIANBAO_BOT_API_URL": f"http://127.0.0.1:{_free_port()}",
        "NIANBAO_DATA_DIR": str(tmp_path / "data"),
        **extra,
    }


@pytest.mark.parametrize("webhook", [False, True])
def test_run_without_telegram_is_one_chinese_error(tmp_path: Path, webhook: bool) -> None:
    extra = ["--webhook-url", "https://bot.example.org/tg", "--port", str(_free_port())] if webhook else []
    done = nianbao("run", *extra, cwd=tmp_path, env=_closed_port_env(tmp_path, NIANBAO_LOG_LEVEL="DEBUG"), timeout=60)
    assert done.returncode == 1
    assert "无法连接 Telegram" in done.stderr and "NIANBAO_PROXY_URL" in done.stderr
    assert SECRET not in done.stderr
    # At DEBUG the traceback may be logged; at the default level nothing but the sentence.
    quiet = nianbao("run", *extra, cwd=tmp_path, env=_closed_port_env(tmp_path), timeout=60)
    assert quiet.returncode == 1
    assert_no_traceback(quiet.stderr)
    assert quiet.stderr.count("无法连接 Telegram") == 1


def test_remind_without_telegram(tmp_path: Path) -> None:
    db = tmp_path / "r.sqlite3"
    services = Services.open(make_settings(tmp_path / "s", f"sqlite:///{db}"))
    add_agency(services, "威海市文登区科学技术局", chat_id=-1001)
    services.close()
    env = _closed_port_env(tmp_path)
    # Nothing due: Telegram is not needed at all.
    idle = nianbao("remind", "--at", "2027-06-01T09:00", "--db", f"sqlite:///{db}", cwd=tmp_path, env=env)
    assert idle.returncode == 0, idle.stderr
    assert "无法连接" not in idle.stderr
    due = nianbao("remind", "--at", "2027-01-24T09:00", "--db", f"sqlite:///{db}", cwd=tmp_path, env=env)
    assert due.returncode == 1
    assert_no_traceback(due.stderr)
    assert due.stderr.count("无法连接 Telegram") == 1


def test_wrong_token_is_a_configuration_error(tmp_path: Path) -> None:
    async def serve_then_run() -> tuple[int, str]:
        api = FakeBotApi("999:other-token-entirely")
        await api.start()
        try:
            env = {"TELEGRAM_BOT_TOKEN": TOKEN, "NIANBAO_BOT_API_URL": api.url, "NIANBAO_DATA_DIR": str(tmp_path / "d")}
            proc = await nianbao_async("run", cwd=tmp_path, env=env)
            _out, err = await asyncio.wait_for(proc.communicate(), 60)
            return proc.returncode or 0, err.decode()
        finally:
            await api.stop()

    code, err = asyncio.run(serve_then_run())
    assert code == 2
    assert "拒绝了机器人令牌" in err
    assert_no_traceback(err)


# --- the proxy ------------------------------------------------------------------------------------


class RecordingProxy:
    """An HTTP proxy on 127.0.0.1 that answers every Bot API request itself (getMe)."""

    def __init__(self) -> None:
        self.requests: list[str] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        head = await reader.readuntil(b"\r\n\r\n")
        request_line = head.split(b"\r\n", 1)[0].decode()
        self.requests.append(request_line)
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        if length:
            await reader.readexactly(length)
        body = (
            b'{"ok":true,"result":{"id":777,"is_bot":true,"first_name":"nb","username":"nb_bot",'
            b'"can_join_groups":true,"can_read_all_group_messages":false,"supports_inline_queries":false}}'
        )
        writer.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(body)).encode()
            + b"\r\nConnection: close\r\n\r\n"
            + body
        )
        await writer.drain()
        writer.close()


async def test_bot_api_goes_through_the_http_proxy(tmp_path: Path) -> None:
    proxy = RecordingProxy()
    server = await asyncio.start_server(proxy.handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    # A host that cannot resolve: only the proxy can answer.
    settings = make_settings(
        tmp_path, telegram_bot_token=TOKEN, bot_api_url="http://telegram.invalid",
        proxy_url=f"http://127.0.0.1:{port}",
    )
    try:
        async with make_bot(settings) as bot:
            assert bot.username == "nb_bot"
    finally:
        server.close()
        await server.wait_closed()
    assert proxy.requests and proxy.requests[0].startswith("POST http://telegram.invalid/bot")


def test_application_and_downloads_use_the_socks_proxy(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path, telegram_bot_token=TOKEN, proxy_url="socks5://user:pw@127.0.0.1:1080"
    )
    application = build_application(settings, Services.open)
    # Both clients: the one for API calls and file downloads, and the getUpdates one.
    for request in application.bot._request:  # type: ignore[attr-defined]
        assert str(request._client_kwargs["proxy"]) == "socks5://user:pw@127.0.0.1:1080"
    assert make_bot(settings)._request[1]._client_kwargs["proxy"] == settings.proxy_url  # type: ignore[attr-defined]


def test_proxy_setting_is_validated_and_hidden_in_messages(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="代理地址"):
        make_settings(tmp_path, proxy_url="ftp://127.0.0.1:21")
    text = unreachable_text("https://api.telegram.org", "socks5://user:pw@127.0.0.1:1080", "refused")
    assert "pw" not in text and "检查代理" in text
