"""Run the real `nianbao` command in a subprocess with a clean environment (issue 10 tests)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Everything a setting could come from is replaced: no stray .env, no inherited NIANBAO_*.
_KEEP = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


def clean_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k in _KEEP}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra or {})
    return env


def nianbao(
    *args: str, cwd: Path, env: Mapping[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        cwd=cwd,
        env=clean_env(env),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


async def nianbao_async(*args: str, cwd: Path, env: Mapping[str, str] | None = None) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env=clean_env(env),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


def assert_no_traceback(text: str) -> None:
    assert "Traceback" not in text, text
