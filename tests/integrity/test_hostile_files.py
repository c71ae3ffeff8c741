"""Issue 10, items 9 and 10: refused files leave no bytes behind; FIFOs, devices, orphaned
parse workers and endless sentences cannot hang or bloat anything."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from bot.core.ingest import FailureReason, IngestOutcome, IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from bot.main import main
from parsing import ParseOptions, parse_report
from parsing.excerpt import MAX_SOURCE
from tests.factories import make_report

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "tests" / "samples" / "seeds"
WENDENG = SEEDS / "000_32627ba4512e0993.txt"
NO_AGENCY = SEEDS / "001_c3166346273e220a.txt"


def _originals(data_dir: Path) -> list[Path]:
    return [p for p in (data_dir / "files").rglob("*") if p.is_file()] if (data_dir / "files").exists() else []


# --- 9. what a refused file leaves behind --------------------------------------------------


def test_not_a_report_leaves_no_original(services: Services) -> None:
    result = ingest(services, IngestRequest(data="关于举办职工篮球比赛的通知\n各部门：……".encode(), filename="通知.txt"))
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.PARSE
    assert _originals(services.data_dir) == []


def test_oversize_file_is_refused_before_it_is_written(services: Services) -> None:
    data = b"%PDF-1.4\n" + b"0" * ParseOptions().max_bytes
    called = []
    result = ingest(services, IngestRequest(data=data, filename="big.pdf"), parse=lambda *a, **k: called.append(1))
    assert result.outcome is IngestOutcome.FAILED and "上限" in ingest_reply(result, html=False)
    assert called == [] and _originals(services.data_dir) == []


def test_kept_originals_stored_and_waiting_for_agency(services: Services) -> None:
    stored = ingest(services, IngestRequest(data=WENDENG.read_bytes(), filename=WENDENG.name))
    waiting = ingest(services, IngestRequest(data=NO_AGENCY.read_bytes(), filename=NO_AGENCY.name))
    assert stored.outcome is IngestOutcome.STORED and waiting.outcome is IngestOutcome.NEEDS_AGENCY
    assert len(_originals(services.data_dir)) == 2


def test_parser_crash_leaves_no_original_but_a_storage_crash_keeps_it(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("bug")

    assert ingest(services, IngestRequest(data=b"x", filename="a.pdf"), parse=crash).reason is FailureReason.INTERNAL
    assert _originals(services.data_dir) == []
    import bot.core.store_group as core

    monkeypatch.setattr(core, "store_reports", crash)
    failed = ingest(services, IngestRequest(data=b"y", filename="b.pdf"), parse=lambda *a, **k: make_report())
    assert failed.reason is FailureReason.INTERNAL
    assert len(_originals(services.data_dir)) == 1  # a report that could not be stored: kept for the retry


def _cli(tmp_path: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIANBAO_")}
    env.update(NIANBAO_DATA_DIR=str(tmp_path / "data"), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", "import sys; from bot.main import main; sys.exit(main())", *args],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=timeout, check=False,
    )


def test_symlink_to_etc_passwd_leaves_no_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    link = tmp_path / "年报.txt"
    link.symlink_to("/etc/passwd")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NIANBAO_DATABASE_URL", f"sqlite:///{tmp_path / 'db.sqlite3'}")
    assert main(["ingest", str(link)]) == 1
    assert _originals(tmp_path / "data") == []


# --- 10. FIFOs, devices, orphaned workers, endless sentences -------------------------------


def test_ingest_of_a_fifo_and_dev_zero_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "管道.pdf"
    os.mkfifo(fifo)
    started = time.monotonic()
    done = _cli(tmp_path, "ingest", str(fifo), "/dev/zero", str(WENDENG), timeout=90)
    assert time.monotonic() - started < 60
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout.count("不是普通文件") == 2
    assert "新入库 1" in done.stdout


def test_parse_of_dev_zero_is_refused(tmp_path: Path) -> None:
    done = _cli(tmp_path, "parse", "/dev/zero", timeout=60)
    assert done.returncode == 1 and "不是普通文件" in done.stderr


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc").exists(), reason="reads /proc")
def test_parse_worker_dies_with_its_parent(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import threading, time
        from parsing.options import ParseOptions
        from parsing.sandbox import Sandbox
        box = Sandbox(target="tests.parsing.sandbox_hooks:slow_parse", max_workers=1)
        threading.Thread(target=box.parse, args=(b"120", "x.pdf"), kwargs={"options": ParseOptions(timeout_s=300)}, daemon=True).start()
        print("ready", flush=True)
        time.sleep(300)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout is not None and parent.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 30
        while not (workers := _children(parent.pid)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert workers, "no worker started"
        time.sleep(1.0)  # the worker is inside slow_parse now
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(w) for w in workers), "the parse worker outlived its parent"
    finally:
        if parent.poll() is None:
            parent.kill()
        for w in _children(parent.pid):
            os.kill(w, signal.SIGKILL)


def test_a_fact_from_an_endless_sentence_keeps_a_bounded_source() -> None:
    text = WENDENG.read_text(encoding="utf-8")
    filler = "不断深入推进政务公开制度建设" * 20000  # 280 000 characters, no clause mark
    text = text.replace("我局2021年来，共主动公开政务信息253条。", f"我局{filler}2021年来，共主动公开政务信息253条{filler}。")
    report = parse_report(text.encode(), "x.txt")
    fact = report.fact("proactive.total")
    assert fact is not None and fact.value == 253
    assert len(fact.source) <= MAX_SOURCE and "253条" in fact.source
    assert all(len(f.source) <= MAX_SOURCE for f in report.facts)
