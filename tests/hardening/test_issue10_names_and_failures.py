"""Issue 10, items 8 and 13: a file name cannot forge a log line or drive the terminal; a
storage failure is one Chinese line per file, its traceback only in the log at DEBUG."""

from __future__ import annotations

import io
import logging
import subprocess
import sys
from pathlib import Path

from bot.core.printable import printable, terminal_safe
from bot.logsetup import SafeLogFilter
from tests.hardening.support import ROOT, assert_no_traceback, clean_env

EVIL = "报告\n2026-01-01 00:00:00,000 ERROR bot.core.ingest: forged\x1b[2J\x1b]0;owned\x07\u202efdp.exe"
SAMPLE = next(p for p in sorted((ROOT / "bot" / "samples").iterdir()) if "文登" in p.name)


def test_printable_escapes_controls() -> None:
    assert printable("a\nb\r\x1b[31m\u202e.pdf") == "a\\nb\\r\\x1b[31m\\u202e.pdf"
    assert printable("威海市 文登区.pdf") == "威海市 文登区.pdf"
    assert terminal_safe("第一行\n\t第二行\x1b[0m") == "第一行\n\t第二行\\x1b[0m"


def test_log_arguments_cannot_forge_lines() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(SafeLogFilter())
    logger = logging.getLogger("tests.issue10.forging")
    logger.addHandler(handler)
    logger.propagate = False
    try:
        logger.warning("ingest %s: %s (%d bytes)", "ab12", EVIL, 10)
    finally:
        logger.removeHandler(handler)
    text = stream.getvalue()
    assert text.count("\n") == 1  # one record, one line
    assert "\x1b" not in text and "\u202e" not in text
    assert "forged" in text  # shown, not dropped


def _ingest_named(tmp_path: Path, name: str, *, level: str) -> subprocess.CompletedProcess[str]:
    evil = tmp_path / name
    evil.write_bytes(SAMPLE.read_bytes())
    env = clean_env({"NIANBAO_DATA_DIR": str(tmp_path / "data"), "NIANBAO_LOG_LEVEL": level})
    return subprocess.run(
        [sys.executable, "-m", "bot", "ingest", str(evil)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180, check=False,
    )


def test_file_name_with_newline_and_escapes_in_log_and_terminal(tmp_path: Path) -> None:
    done = _ingest_named(tmp_path, EVIL.replace("/", "_"), level="INFO")
    assert done.returncode == 0, done.stderr
    for stream in (done.stdout, done.stderr):
        assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
        # The forged "ERROR" record never starts a line of its own.
        assert not any(line.startswith("2026-01-01 00:00:00,000 ERROR") for line in stream.splitlines())
    assert "forged" in done.stderr  # the INFO line names the file, escaped
    assert "\\n2026-01-01" in done.stdout  # the terminal shows the name on one line


_FAILING_STORE = """
import sys
from sqlalchemy.exc import OperationalError
import bot.core.ingest as ingest

def refuse(*args, **kwargs):
    raise OperationalError("INSERT INTO reports", {}, Exception("disk I/O error"))

ingest._store = refuse
from bot.main import main
sys.exit(main(sys.argv[1:]))
"""


def _ingest_while_storage_fails(tmp_path: Path, level: str | None) -> subprocess.CompletedProcess[str]:
    files = []
    for i in range(3):
        path = tmp_path / f"报告{i}.pdf"
        path.write_bytes(SAMPLE.read_bytes())
        files.append(str(path))
    env = {"NIANBAO_DATA_DIR": str(tmp_path / "data")}
    if level:
        env["NIANBAO_LOG_LEVEL"] = level
    return subprocess.run(
        [sys.executable, "-c", _FAILING_STORE, "ingest", *files],
        cwd=tmp_path, env=clean_env(env), capture_output=True, text=True, timeout=300, check=False,
    )


def test_storage_failures_are_one_chinese_line_each(tmp_path: Path) -> None:
    done = _ingest_while_storage_fails(tmp_path, None)
    assert done.returncode == 1
    assert_no_traceback(done.stderr)
    assert_no_traceback(done.stdout)
    assert done.stderr.strip() == ""  # nothing but the Chinese summary, on stdout
    assert "失败 3" in done.stdout
    failed_lines = [line for line in done.stdout.splitlines() if line.startswith("· ")]
    assert len(failed_lines) == 3 and all("保存时出现错误" in line for line in failed_lines)


def test_storage_failure_traceback_only_at_debug(tmp_path: Path) -> None:
    info = _ingest_while_storage_fails(tmp_path, "INFO")
    assert_no_traceback(info.stderr)
    assert info.stderr.count("storing failed") == 3
    debug = _ingest_while_storage_fails(tmp_path, "DEBUG")
    assert "Traceback" in debug.stderr and "disk I/O error" in debug.stderr
