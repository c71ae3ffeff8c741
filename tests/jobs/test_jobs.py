"""Issue 14: uploads as jobs run by worker processes; bulk ingest; a worker killed mid-run loses nothing."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.config import Settings
from bot.core import bulk, jobs
from bot.core.ingest import IngestOutcome, IngestRequest
from bot.core.local_workers import BULK_CONCURRENCY, BULK_PARSERS, BULK_STORE_BATCH
from bot.core.services import Services
from bot.core.workers import poll
from bot.main import main
from storage.models import IngestJob, ReportRow, SourceFile

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
ROOT = SAMPLES.parents[1]
WENDENG = SAMPLES / "seeds" / "000_32627ba4512e0993.txt"


def reports_per_file(session: Session) -> dict[str, int]:
    """sha256 -> how many reports the file became (exactly once is 1)."""
    rows = session.execute(
        select(SourceFile.sha256, func.count(ReportRow.id))
        .join(ReportRow, ReportRow.source_file_id == SourceFile.id)
        .group_by(SourceFile.sha256)
    ).all()
    return {sha: int(n) for sha, n in rows}


def _archive(root: Path, copies: int) -> list[Path]:
    """`copies` distinct files per sample (a trailing comment or newline makes the bytes differ)."""
    sources = [*sorted((SAMPLES / "generated").glob("00[0234].pdf")), *sorted((SAMPLES / "seeds").glob("00[0234]*.txt"))]
    out = []
    for i in range(copies):
        folder = root / f"part{i}"
        folder.mkdir(parents=True)
        for src in sources:
            pad = b"\n%" * (i + 1) if src.suffix == ".pdf" else b"\n" * (i + 1)
            target = folder / src.name
            target.write_bytes(src.read_bytes() + pad)
            out.append(target)
    return out


class _open:
    def __init__(self, settings: Settings) -> None:
        self.services = Services.open(settings)

    def __enter__(self) -> Services:
        return self.services

    def __exit__(self, *exc: object) -> None:
        self.services.close()


def test_a_job_survives_a_restart_and_is_announced_once(settings: Settings) -> None:
    with _open(settings) as services:
        job_id = jobs.submit(
            services, IngestRequest(data=WENDENG.read_bytes(), filename="文登.txt", chat_id=42), jobs.Upload(message_id=7)
        )
    # The bot went away; a worker (another process, here a fresh Services) runs the job later.
    with _open(settings) as services:
        assert poll(services, until_empty=True) == 1
        assert jobs.run_job(services, job_id, worker="again") is None  # already done: not run twice
    with _open(settings) as services:
        (found,) = jobs.finished(services)
        job, reply = found
        assert (job.chat_id, job.message_id, reply.outcome) == (42, 7, IngestOutcome.STORED)
        assert "已入库" in reply.html and "威海市文登区科学技术局" in reply.html
        assert jobs.finished(services) == []


def test_bulk_ingest_recursive_resumes_and_lists_failures(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NIANBAO_DATABASE_URL", db_url)
    files = _archive(tmp_path / "archive", 1)
    (tmp_path / "archive" / "part0" / "坏文件.txt").write_text("不是年报", encoding="utf-8")
    shutil.copy(files[0], tmp_path / "archive" / "same-bytes.pdf")
    report = tmp_path / "failures.csv"

    code = main(["ingest", str(tmp_path / "archive"), "--recursive", "--jobs", "2", "--failures", str(report)])
    out = capsys.readouterr()
    assert code == 1
    assert f"新排队 {len(files) + 1}" in out.err and "同一文件重复 1" in out.err
    rows = list(csv.DictReader(report.open(encoding="utf-8-sig")))
    assert [(Path(r["path"]).name, r["reason"]) for r in rows] == [("坏文件.txt", "parse")]
    assert "不是政府信息公开工作年度报告" in rows[0]["message"]

    # A rerun skips every stored file and tries only the one that failed.
    code = main(["ingest", str(tmp_path / "archive"), "--recursive", "--jobs", "1", "--failures", str(report)])
    assert code == 1
    assert f"已入库跳过 {len(files)}" in capsys.readouterr().err


_BULK_FLAGS = (
    "--concurrency", str(BULK_CONCURRENCY), "--parsers", str(BULK_PARSERS), "--store-batch", str(BULK_STORE_BATCH)
)


def _worker(db_url: str, data_dir: Path, *extra: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "NIANBAO_DATA_DIR": str(data_dir), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "worker", "--db", db_url, "--stale-after", "3", *extra],
        env=env, cwd=ROOT, stdin=subprocess.DEVNULL,
    )


def test_sigkill_a_worker_mid_run_every_file_stored_exactly_once(settings: Settings, db_url: str, tmp_path: Path) -> None:
    files = _archive(tmp_path / "archive", 3)
    with _open(settings) as services:
        plan = bulk.plan(services, files)
        bulk.submit(services, plan, agency=None, with_bytes=True)
        # Configured as `nianbao ingest --jobs` configures its workers: several jobs held at once.
        victim = _worker(db_url, settings.data_dir, *_BULK_FLAGS)
        try:
            deadline = time.monotonic() + 120
            running = None
            while running is None and time.monotonic() < deadline:
                with services.sessions() as session:
                    running = session.scalar(
                        select(IngestJob.id).where(
                            IngestJob.state == "running", IngestJob.worker.like(f"%:{victim.pid}%")
                        )
                    )
                time.sleep(0.01)
            assert running is not None, "the worker never started a job"
            victim.send_signal(signal.SIGKILL)
            victim.wait()
        finally:
            if victim.poll() is None:
                victim.kill()
        survivors = [_worker(db_url, settings.data_dir, "--until-empty") for _ in range(2)]
        try:
            deadline = time.monotonic() + 240
            while bulk.progress(services, plan.batch)[0] < len(files) and time.monotonic() < deadline:
                time.sleep(0.5)
        finally:
            for worker in survivors:
                worker.terminate()
                worker.wait(30)
        assert bulk.progress(services, plan.batch) == (len(files), len(files))
        with services.sessions() as session:
            killed = session.get(IngestJob, running)
            assert killed is not None and killed.attempts >= 2 and killed.outcome in ("stored", "new_version")
            per_file = reports_per_file(session)
        assert sorted(per_file) == sorted(sha for _, sha in plan.queue)
        assert set(per_file.values()) == {1}


def test_announcing_finished_jobs_writes_under_the_writers_lock(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import contextlib

    import storage.jobs as store

    with _open(settings) as services:
        jobs.submit(services, IngestRequest(data=WENDENG.read_bytes(), filename="文登.txt", chat_id=42))
        assert poll(services, until_empty=True) == 1
        held: list[bool] = []
        inside = False
        real_lock, real_take = jobs.write_lock, store.take_finished

        @contextlib.contextmanager
        def recording_lock(engine):  # type: ignore[no-untyped-def]
            nonlocal inside
            with real_lock(engine):
                inside = True
                try:
                    yield
                finally:
                    inside = False

        def take(*args, **kwargs):  # type: ignore[no-untyped-def]
            held.append(inside)
            return real_take(*args, **kwargs)

        monkeypatch.setattr(jobs, "write_lock", recording_lock)
        monkeypatch.setattr(store, "take_finished", take)
        assert len(jobs.finished(services)) == 1
        assert held == [True]
        assert jobs.finished(services) == [] and held == [True]  # nothing waiting: no write at all
