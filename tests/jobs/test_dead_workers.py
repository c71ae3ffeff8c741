"""Issue 14: the jobs of a local worker that died are queued again at once, not after the 30 s
heartbeat rule; only that worker's (a job on another machine keeps the rule)."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from sqlalchemy import or_, select, text

from bot.config import Settings
from bot.core import jobs
from bot.core.ingest import IngestRequest
from bot.core.local_workers import STALE_SECONDS, LocalWorkers, worker_name
from bot.core.services import Services
from storage import jobs as store
from storage.models import IngestJob
from tests.jobs.test_jobs import ROOT, WENDENG, _archive, _open, reports_per_file

NOW = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)


def _queue(services: Services, count: int) -> list[int]:
    return [
        jobs.submit(services, IngestRequest(data=WENDENG.read_bytes() + b"\n" * (i + 1), filename=f"{i}.txt"))
        for i in range(count)
    ]


def _claim(services: Services, worker: str) -> int:
    with services.sessions.begin() as session:
        job_id = store.claim_next(session, worker=worker, now=NOW, stale_before=NOW - timedelta(seconds=30))
    assert job_id is not None
    return job_id


def _states(services: Services) -> dict[int, str]:
    with services.sessions() as session:
        return dict(session.execute(select(IngestJob.id, IngestJob.state)).all())


def test_only_the_dead_workers_jobs_are_queued_again(services: Services) -> None:
    _queue(services, 5)
    dead = worker_name(4242)
    mine = [_claim(services, f"{dead}/0"), _claim(services, f"{dead}/7"), _claim(services, dead)]
    other_pid = _claim(services, f"{worker_name(42)}/0")  # a pid that starts like the dead one's
    other_host = _claim(services, "elsewhere:4242/0")  # the same pid on another machine
    assert jobs.release_dead(services, [4242]) == sorted(mine)
    states = _states(services)
    assert [states[i] for i in mine] == ["queued"] * 3
    assert states[other_pid] == states[other_host] == "running"
    assert jobs.release_dead(services, [4242]) == []  # once


@pytest.mark.parametrize("db_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_the_procrastinate_jobs_of_a_dead_worker_are_retried_at_once(services: Services) -> None:
    started, fetched, others = _queue(services, 3)
    with services.sessions.begin() as session:
        dead, alive = session.scalars(text("INSERT INTO procrastinate_workers (last_heartbeat) VALUES (now()), (now()) RETURNING id"))
        # procrastinate handed the dead worker two jobs, run_job had started one; another worker holds the third.
        for job_id, worker in ((started, dead), (fetched, dead), (others, alive)):
            session.execute(
                text("UPDATE procrastinate_jobs SET status = 'doing', worker_id = :w WHERE (args->>'job_id')::bigint = :id"),
                {"w": worker, "id": job_id},
            )
        store.start(session, started, worker=worker_name(4242), now=NOW)
    assert jobs.release_dead(services, [4242]) == [started]
    with services.sessions() as session:
        status = dict(session.execute(text("SELECT (args->>'job_id')::bigint, status FROM procrastinate_jobs")).all())
    assert status == {started: "todo", fetched: "todo", others: "doing"}
    assert _states(services)[started] == "queued"


class _Process:
    def __init__(self, pid: int, returncode: int | None) -> None:
        self.pid, self.returncode, self.stdin = pid, returncode, None

    def poll(self) -> int | None:
        return self.returncode


def _workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *, until_empty: bool) -> tuple[LocalWorkers, list[int]]:
    spawned: list[int] = []
    workers = LocalWorkers(Settings(data_dir=tmp_path), "sqlite:///x", 2, until_empty=until_empty)

    def spawn() -> Any:
        spawned.append(1000 + len(spawned))
        return _Process(spawned[-1], None)

    monkeypatch.setattr(workers, "_spawn", spawn)
    return workers, spawned


def test_a_bulk_run_replaces_a_killed_worker_not_one_that_ended(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workers, spawned = _workers(tmp_path, monkeypatch, until_empty=True)
    workers.processes = [_Process(1, -signal.SIGKILL), _Process(2, 0)]  # type: ignore[list-item]
    assert workers.reap() == 1 and spawned == [1000]
    assert workers.take_dead() == [1, 2] and workers.take_dead() == []
    assert workers.reap() == 0 and workers.take_dead() == []  # each is reaped once
    assert workers.reap(replace=False) == 0


def test_the_bot_releases_the_jobs_of_a_worker_that_died(
    services: Services, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.tg.results import announce
    from bot.tg.state import BotState

    (job_id,) = _queue(services, 1)
    _claim(services, f"{worker_name(4242)}/0")
    state = BotState(settings=settings, services_factory=lambda _: services)
    state.services = services
    state.workers, spawned = _workers(tmp_path, monkeypatch, until_empty=False)
    state.workers.processes = [_Process(4242, -signal.SIGKILL), _Process(4243, None)]  # type: ignore[list-item]
    try:
        asyncio.run(announce(SimpleNamespace(state=state, bot=None)))  # type: ignore[arg-type]
    finally:
        state.workers = None
        state.shutdown_pools()
    assert spawned == [1000]  # replaced
    assert _states(services)[job_id] == "queued"


def _worker_pids(services: Services) -> set[int]:
    with services.sessions() as session:
        names = session.scalars(select(IngestJob.worker).where(IngestJob.state == "running")).all()
    return {int(name.split(":")[1].split("/")[0]) for name in names if name}


def test_sigkill_a_worker_of_ingest_jobs_its_jobs_are_retried_at_once(
    settings: Settings, db_url: str, tmp_path: Path
) -> None:
    files = _archive(tmp_path / "archive", 4)
    env = {**os.environ, "NIANBAO_DATA_DIR": str(settings.data_dir), "NIANBAO_DATABASE_URL": db_url, "PYTHONPATH": str(ROOT)}
    with _open(settings) as services:  # migrated before the run, so it can be watched from here
        run = subprocess.Popen(
            [sys.executable, "-m", "bot", "ingest", str(tmp_path / "archive"), "--recursive", "--jobs", "2",
             "--failures", str(tmp_path / "failures.csv")],
            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )
        try:
            victim = None
            deadline = time.monotonic() + 120
            while victim is None and run.poll() is None and time.monotonic() < deadline:
                victim = next(iter(_worker_pids(services)), None)
                time.sleep(0.01)
            assert victim is not None, "no worker ever ran a job"
            with services.sessions() as session:
                name = worker_name(victim)  # on PostgreSQL its jobs are signed `host:pid`, here `host:pid/slot`
                held = set(
                    session.scalars(
                        select(IngestJob.id).where(or_(IngestJob.worker == name, IngestJob.worker.like(f"{name}/%")))
                    )
                )
            os.kill(victim, signal.SIGKILL)
            killed_at = datetime.now(UTC)
            _out, err = run.communicate(timeout=240)
        finally:
            if run.poll() is None:
                run.kill()
        assert run.returncode == 0, err.decode()
        with services.sessions() as session:
            retried = session.execute(
                select(IngestJob.finished_at).where(IngestJob.id.in_(held), IngestJob.attempts >= 2)
            ).scalars().all()
            per_file = reports_per_file(session)
        assert retried, "the killed worker's jobs were not run again"
        # Well before the heartbeat rule would have let another worker take them.
        assert max(t - killed_at for t in retried) < timedelta(seconds=STALE_SECONDS / 3)
        assert len(per_file) == len(files) and set(per_file.values()) == {1}
