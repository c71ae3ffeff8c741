"""Worker processes: where parsing and storing happen (issue 14).

`nianbao worker` runs `work` on any machine. On SQLite it polls ingest_jobs (`claim_next`);
on PostgreSQL it is a procrastinate worker (bot.core.taskqueue). `LocalWorkers`
(bot.core.local_workers) starts `nianbao worker` child processes for `nianbao run` and
`nianbao ingest --jobs N`.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
from datetime import UTC, datetime, timedelta

from bot.core.jobs import has_unfinished, run_job
from bot.core.local_workers import STALE_SECONDS, LocalWorkers, local_worker_count, worker_name
from bot.core.services import Services
from storage import jobs as store
from storage.db import write_lock

log = logging.getLogger(__name__)

__all__ = ["STALE_SECONDS", "LocalWorkers", "local_worker_count", "poll", "work", "worker_name"]

HEARTBEAT_SECONDS = 5.0
IDLE_POLL_SECONDS = 0.3


class _Heartbeat:
    """Keeps the heartbeat of this process's running jobs fresh from a background thread."""

    def __init__(self, services: Services, interval: float) -> None:
        self.services = services
        self.interval = interval
        self.running: set[int] = set()
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._beat, name="heartbeat", daemon=True)
        self.thread.start()

    def _beat(self) -> None:
        while not self.stop.wait(self.interval):
            with self.lock:
                ids = set(self.running)
            if not ids:
                continue
            try:
                with write_lock(self.services.engine), self.services.sessions.begin() as session:
                    store.heartbeat(session, ids, now=datetime.now(UTC))
            except Exception:
                log.exception("heartbeat failed")


def poll(
    services: Services,
    *,
    concurrency: int = 1,
    until_empty: bool = False,
    stale_seconds: float = STALE_SECONDS,
    stop: threading.Event | None = None,
    queued: threading.Event | None = None,
) -> int:
    """Claim and run jobs from ingest_jobs until stopped (or, `until_empty`, none is left once
    `queued` is set: everything of the run is queued)."""
    stop = stop or threading.Event()
    beat = _Heartbeat(services, min(HEARTBEAT_SECONDS, stale_seconds / 3))
    done = 0
    done_lock = threading.Lock()

    def loop(slot: int) -> None:
        nonlocal done
        name = f"{worker_name()}/{slot}"
        while not stop.is_set():
            now = datetime.now(UTC)
            with write_lock(services.engine), services.sessions.begin() as session:
                job_id = store.claim_next(
                    session, worker=name, now=now, stale_before=now - timedelta(seconds=stale_seconds)
                )
            if job_id is None:
                # Until empty means no job left at all: one held by a dead worker is taken over
                # once its heartbeat is stale.
                if until_empty and (queued is None or queued.is_set()) and not has_unfinished(services):
                    return
                stop.wait(IDLE_POLL_SECONDS)
                continue
            with beat.lock:
                beat.running.add(job_id)
            try:
                run_job(services, job_id, worker=name, claimed=True)
            except Exception:
                # Left running: after STALE_SECONDS another worker (or this one) tries again.
                log.exception("job %d failed; it will be retried", job_id)
            finally:
                with beat.lock:
                    beat.running.discard(job_id)
            with done_lock:
                done += 1

    threads = [threading.Thread(target=loop, args=(i,), name=f"worker-{i}") for i in range(concurrency)]
    for thread in threads:
        thread.start()
    try:
        for thread in threads:
            while thread.is_alive():
                thread.join(0.5)
    finally:
        stop.set()
        beat.stop.set()
    return done


def work(
    services: Services,
    *,
    concurrency: int = 1,
    until_empty: bool = False,
    stale_seconds: float = STALE_SECONDS,
    queued: threading.Event | None = None,
) -> int:
    """Run jobs in this process: procrastinate on PostgreSQL, the polling loop on SQLite."""
    if services.engine.dialect.name == "postgresql":
        from bot.core.taskqueue import run_worker

        return run_worker(
            services, concurrency=concurrency, until_empty=until_empty, stale_seconds=stale_seconds, queued=queued
        )
    stop = threading.Event()
    with contextlib.suppress(ValueError):  # not the main thread (tests)
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    return poll(
        services,
        concurrency=concurrency,
        until_empty=until_empty,
        stale_seconds=stale_seconds,
        stop=stop,
        queued=queued,
    )
