"""`nianbao worker` child processes on this machine (`nianbao run`, `nianbao ingest --jobs N`).

Light on purpose (standard library and settings only): `nianbao ingest` starts its workers
before it imports the database side, so their start-up (about 1.5 s of imports and the parse
sandbox's) runs while it hashes and queues the archive. Such `gated` workers wait for a `go`
line on stdin before they touch the database, which the run migrated meanwhile, and take the end
of their stdin for "everything is queued" (issue 14).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import sys
import threading
import time

from bot.config import Settings

log = logging.getLogger(__name__)

# A running job whose worker has not beaten for this long is taken over by another worker.
STALE_SECONDS = 30.0
GO = b"go\n"
# A bulk run's worker parses one file at a time (a worker is a CPU's worth of parsing) but holds
# several jobs: while one parses, the others read, check and store, several reports a transaction
# (bot.core.store_group.GroupStore.gather; a batch of 4 costs SQLite ~3.4 ms a report, one alone ~8.5).
BULK_CONCURRENCY = 8
BULK_PARSERS = 1
BULK_STORE_BATCH = 4


def worker_name(pid: int | None = None) -> str:
    """How a worker process (this one, or the child `pid` on this machine) signs the jobs it runs."""
    return f"{socket.gethostname()}:{pid or os.getpid()}"


def local_worker_count(settings: Settings) -> int:
    """NIANBAO_WORKERS, by default one per CPU. With PostgreSQL set it to 0 where `nianbao worker`
    runs on other machines (deploy/compose.yaml)."""
    if settings.workers is not None:
        return settings.workers
    return os.cpu_count() or 1


def _lower_priority() -> None:
    # Answers come first: parsing gives way to the bot on a shared machine.
    with contextlib.suppress(OSError):
        os.nice(10)


class LocalWorkers:
    """`nianbao worker` child processes on this machine, restarted if one dies.

    `gated`: they start at once but wait for `go()` before they open the database; `until_empty`
    holds for them only after `all_queued()` (or once this process is gone: their stdin closes)."""

    def __init__(
        self,
        settings: Settings,
        db_url: str,
        count: int,
        *,
        until_empty: bool = False,
        nice: bool = True,
        stale_seconds: float = STALE_SECONDS,
        gated: bool = False,
        concurrency: int = 1,
        parsers: int | None = None,
        store_batch: int = 1,
    ) -> None:
        self.settings = settings
        self.db_url = db_url
        self.count = count
        self.until_empty = until_empty
        self.nice = nice
        self.stale_seconds = stale_seconds
        self.gated = gated
        self.concurrency = concurrency
        self.parsers = parsers
        self.store_batch = store_batch
        self.processes: list[subprocess.Popen[bytes]] = []
        # Children that exited: every one seen (reap), and those whose jobs await release (take_dead).
        self._reaped: set[subprocess.Popen[bytes]] = set()
        self._dead: list[int] = []
        self._released = False
        self._queued = False
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
        if self.concurrency > 1:
            command += ["--concurrency", str(self.concurrency)]
        if self.parsers is not None:
            command += ["--parsers", str(self.parsers)]
        if self.store_batch > 1:
            command += ["--store-batch", str(self.store_batch)]
        if self.until_empty:
            command.append("--until-empty")
        if self.gated:
            command.append("--wait-for-go")
        process = subprocess.Popen(
            command,
            env=env,
            stdin=subprocess.PIPE if self.gated else subprocess.DEVNULL,
            preexec_fn=_lower_priority if self.nice else None,
        )
        if self.gated and self._released:  # a replacement after go() needs no wait
            self._release(process, close=self._queued)
        return process

    @staticmethod
    def _release(process: subprocess.Popen[bytes], *, close: bool) -> None:
        if process.stdin is None:
            return
        with contextlib.suppress(OSError):  # it died meanwhile: ensure_running replaces it
            process.stdin.write(GO)
            process.stdin.flush()
        if close:
            LocalWorkers._close(process)

    @staticmethod
    def _close(process: subprocess.Popen[bytes]) -> None:
        if process.stdin is not None:
            with contextlib.suppress(OSError):
                process.stdin.close()

    def go(self) -> None:
        """Let gated workers open the database and start on the queue (again: no-op)."""
        with self._lock:
            if self._released:
                return
            self._released = True
            for process in self.processes:
                self._release(process, close=False)

    def all_queued(self) -> None:
        """Tell gated workers that nothing more will be queued: `until_empty` holds from now on."""
        with self._lock:
            self._queued = True
            for process in self.processes:
                self._close(process)

    def start(self) -> None:
        with self._lock:
            while len(self.processes) < self.count:
                self.processes.append(self._spawn())

    def reap(self, *, replace: bool = True) -> int:
        """Note every child that exited (its running jobs are to be released: take_dead) and, if
        `replace`, start another in its place: any of the bot's; of a bulk run's (`until_empty`)
        only one that did not end normally (killed, crashed). Returns how many were started."""
        started = 0
        with self._lock:
            for i, process in enumerate(self.processes):
                if process.poll() is None or process in self._reaped:
                    continue
                self._reaped.add(process)
                self._dead.append(process.pid)
                if replace and (not self.until_empty or process.returncode != 0):
                    log.warning("local worker %d exited with %s; restarting", process.pid, process.returncode)
                    self.processes[i] = self._spawn()
                    started += 1
        return started

    def take_dead(self) -> list[int]:
        """Pids of the children reaped since the last call."""
        with self._lock:
            dead, self._dead = self._dead, []
            return dead

    def ensure_running(self) -> None:
        """Start them if not yet, and replace any that died (a crash must not stall the queue)."""
        self.reap()
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
                self._close(process)
                if process.poll() is None:
                    process.terminate()
            for process in self.processes:
                try:
                    process.wait(grace)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
            self.processes = []
