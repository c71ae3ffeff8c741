"""Worker processes: where parsing and storing happen (issue 14).

`nianbao worker` runs `work` on any machine. On SQLite it polls ingest_jobs (`claim_next`);
on PostgreSQL it is a procrastinate worker (bot.core.taskqueue). `LocalWorkers` starts
`nianbao worker` child processes for `nianbao run` and `nianbao ingest --jobs N`.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime, timedelta

from bot.config import Settings
from bot.core.jobs import has_unfinished, run_job
from bot.core.services import Services
from storage import jobs as store
from storage.db import write_lock

log = logging.getLogger(__name__)

HEARTBEAT_SECONDS = 5.0
# A running job whose worker has not beaten for this long is taken over by another worker.
STALE_SECONDS = 30.0
IDLE_POLL_SECONDS = 0.3


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def local_worker_count(settings: Settings) -> int:
    """NIANBAO_WORKERS, by default one per CPU. With PostgreSQL set it to 0 where `nianbao worker`
    runs on other machines (deploy/compose.yaml)."""
    if settings.workers is not None:
        return settings.workers
    return os.cpu_count() or 1


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
) -> int:
    """Claim and run jobs from ingest_jobs until stopped (or, `until_empty`, none is left)."""
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
                if until_empty and not has_unfinished(services):
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
) -> int:
    """Run jobs in this process: procrastinate on PostgreSQL, the polling loop on SQLite."""
    if services.engine.dialect.name == "postgresql":
        from bot.core.taskqueue import run_worker

        return run_worker(
            services, concurrency=concurrency, until_empty=until_empty, stale_seconds=stale_seconds
        )
    stop = threading.Event()
    with contextlib.suppress(ValueError):  # not the main thread (tests)
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
    return poll(
        services, concurrency=concurrency, until_empty=until_empty, stale_seconds=stale_seconds, stop=stop
    )


def _lower_priority() -> None:
    # Answers come first: parsing gives way to the bot on a shared machine.
    with contextlib.suppress(OSError):
        os.nice(10)


class LocalWorkers:
    """`nianbao worker` child processes on this machine, restarted if one dies."""

    def __init__(
        self,
        settings: Settings,
        db_url: str,
        count: int,
        *,
        until_empty: bool = False,
        nice: bool = True,
        stale_seconds: float = STALE_SECONDS,
    ) -> None:
        self.settings = settings
        self.db_url = db_url
        self.count = count
        self.until_empty = until_empty
        self.nice = nice
        self.stale_seconds = stale_seconds
        self.processes: list[subprocess.Popen[bytes]] = []
        self._lock = threading.Lock()

    def _spawn(self) -> subprocess.Popen[bytes]:
        env = {
            **os.environ,
            "NIANBAO_DATA_DIR": str(self.settings.data_dir.resolve()),
            "NIANBAO_PARSE_TIMEOUT": str(self.settings.parse_timeout),
            # A bulk run prints its own progress; the bot's workers log like the bot.
            "NIANBAO_LOG_LEVEL": "WARNING"
            if self.until_empty and "log_level" not in self.settings.model_fields_set
            else self.settings.log_level,
            "NIANBAO_TIMEZONE": self.settings.timezone,
        }
        command = [
            sys.executable,
            "-m",
            "bot",
            "worker",
            "--db",
            self.db_url,
            "--stale-after",
            str(self.stale_seconds),
        ]
        if self.until_empty:
            command.append("--until-empty")
        return subprocess.Popen(
            command, env=env, stdin=subprocess.DEVNULL, preexec_fn=_lower_priority if self.nice else None
        )

    def start(self) -> None:
        with self._lock:
            while len(self.processes) < self.count:
                self.processes.append(self._spawn())

    def ensure_running(self) -> None:
        """Start them if not yet, and replace any that died (a crash must not stall the queue)."""
        with self._lock:
            for i, process in enumerate(self.processes):
                if process.poll() is not None and not self.until_empty:
                    log.warning("local worker %d exited with %s; restarting", process.pid, process.returncode)
                    self.processes[i] = self._spawn()
        self.start()

    @property
    def pids(self) -> list[int]:
        return [p.pid for p in self.processes]

    def wait(self, timeout: float | None = None) -> bool:
        deadline = None if timeout is None else time.monotonic() + timeout
        for process in self.processes:
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                process.wait(remaining)
            except subprocess.TimeoutExpired:
                return False
        return True

    def stop(self, grace: float = 10.0) -> None:
        with self._lock:
            for process in self.processes:
                if process.poll() is None:
                    process.terminate()
            for process in self.processes:
                try:
                    process.wait(grace)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            self.processes = []
