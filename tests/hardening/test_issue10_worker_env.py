"""Issue 10, item 7: parse workers read untrusted files; the token and the database password
are not in their environment."""

from __future__ import annotations

from pathlib import Path

import pytest

from parsing.sandbox import Sandbox, worker_environment
from tests.hardening import hooks

TOKEN = "123456:SECRET-worker-token-abcdefghij"
PASSWORD = "db-pass-w0rd-xyz"


def test_worker_environment_keeps_only_the_basics() -> None:
    env = worker_environment(
        {"PATH": "/usr/bin", "LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8", "HOME": "/home/n",
         "TELEGRAM_BOT_TOKEN": TOKEN, "NIANBAO_DATABASE_URL": f"postgresql://u:{PASSWORD}@h/db",
         "PGPASSWORD": PASSWORD, "AWS_SECRET_ACCESS_KEY": "x", "NIANBAO_PROXY_URL": "socks5://u:p@h:1"}
    )
    assert env == {"PATH": "/usr/bin", "LANG": "zh_CN.UTF-8", "LC_ALL": "C.UTF-8", "HOME": "/home/n"}


def test_worker_process_has_no_secrets(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    monkeypatch.setenv("NIANBAO_DATABASE_URL", f"postgresql+psycopg://nianbao:{PASSWORD}@127.0.0.1/nianbao")
    monkeypatch.setenv("PGPASSWORD", PASSWORD)
    sandbox = Sandbox(max_workers=1, target=f"{hooks.__name__}:environ_parse")
    try:
        environ = sandbox.parse(b"x", "a.pdf").title or ""
    finally:
        sandbox.close()
    assert "PATH=" in environ  # the hook did read the worker's environment
    assert TOKEN not in environ and PASSWORD not in environ
    assert "TELEGRAM_BOT_TOKEN" not in environ and "NIANBAO_" not in environ
