"""Run `parsing.parse_report` in a separate process with a wall-clock and memory limit.

A hostile or pathological file must not hang or exhaust the bot, so the parse runs in a
worker process that the caller can kill. Workers are reused (importing pdfplumber and
friends costs more than a small parse) and recycled after many parses.

Workers are plain `python -m parsing.sandbox` subprocesses talking over a private pipe
pair, not multiprocessing children: spawn/forkserver re-run the caller's `__main__` in
every worker, which breaks any script without an `if __name__ == "__main__"` guard.

Thread-safe: the bot calls `parse_report_isolated` from `asyncio.to_thread` concurrently;
each call checks out its own worker.
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import importlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from multiprocessing.connection import Connection
from typing import Any

from parsing import error_wording
from parsing.errors import OcrTimeout, ParseError, ParseTimeout, TooLarge
from parsing.model import Report
from parsing.options import ParseOptions

log = logging.getLogger(__name__)

DEFAULT_TARGET = "parsing:parse_report"
# Address-space cap per worker. Generous for a real report, but a decompression bomb or a
# runaway table finder hits it (MemoryError -> TooLarge) instead of the host.
DEFAULT_MEMORY_LIMIT = 2 * 1024**3
# A worker is recycled after this many parses so slow leaks in C libraries cannot pile up.
DEFAULT_MAX_TASKS_PER_WORKER = 200
CRASH_MESSAGE = error_wording.CRASH
# Imported when a worker starts, so the first parse it serves does not pay for them.
_PRELOAD = ("parsing.extract", "parsing.report")
_OCR_STARTED = "ocr-started"


# -- the worker side ------------------------------------------------------------------


class _PipePair:
    """Two one-way pipes behind the Connection methods the sandbox uses."""

    def __init__(self, read_fd: int, write_fd: int) -> None:
        self._rx = Connection(read_fd, writable=False)
        self._tx = Connection(write_fd, readable=False)

    def send(self, obj: Any) -> None:
        self._tx.send(obj)

    def recv(self) -> Any:
        return self._rx.recv()

    def poll(self, timeout: float) -> bool:
        return self._rx.poll(timeout)

    def close(self) -> None:
        for conn in (self._tx, self._rx):
            conn.close()


def _report_to_wire(report: Report) -> dict[str, Any]:
    # Report holds read-only mapping proxies, which pickle cannot carry.
    out: dict[str, Any] = {}
    for f in dataclasses.fields(report):
        value = getattr(report, f.name)
        out[f.name] = dict(value) if isinstance(value, Mapping) else value
    return out


def _set_memory_limit(limit: int | None) -> None:
    try:
        import resource

        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = resource.RLIM_INFINITY if limit is None else limit
        if hard != resource.RLIM_INFINITY and (want == resource.RLIM_INFINITY or want > hard):
            want = hard
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: the timeout still holds
        pass


def _resolve(target: str) -> Callable[..., Report]:
    module, _, name = target.partition(":")
    fn: Callable[..., Report] = getattr(importlib.import_module(module), name)
    return fn


def _worker_main(conn: _PipePair, target: str, memory_limit: int | None) -> None:
    """Serve parse requests until the parent closes the pipe."""
    for module in _PRELOAD:
        with contextlib.suppress(ImportError):  # reported by the first parse that needs it
            importlib.import_module(module)
    parse = _resolve(target)
    _set_memory_limit(memory_limit)
    # A parse that turns to OCR says so, and the parent allows the OCR time limit from then on.
    from parsing.ocr import set_listener

    set_listener(lambda: conn.send((_OCR_STARTED,)))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        data, filename, caption, options = request
        reply: tuple[Any, ...]
        try:
            report = parse(data, filename, caption=caption, options=options)
            reply = ("ok", _report_to_wire(report))
        except ParseError as exc:
            reply = ("error", type(exc).__module__, type(exc).__qualname__, exc.message)
        except MemoryError:
            reply = ("error", TooLarge.__module__, TooLarge.__qualname__, TooLarge.default_message)
        except Exception:
            reply = ("crash", traceback.format_exc())
        del data, request
        try:
            conn.send(reply)
        except (EOFError, OSError):
            return


# -- the caller side ------------------------------------------------------------------

# Workers read untrusted files: they get only what Python, the locale and LibreOffice need,
# never the bot token or a database password (/proc/PID/environ of a compromised worker).
_WORKER_ENV = frozenset({"PATH", "HOME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TMP", "TEMP", "SYSTEMROOT"})


def worker_environment(parent: Mapping[str, str]) -> dict[str, str]:
    return {k: v for k, v in parent.items() if k in _WORKER_ENV or k.startswith("LC_")}



@dataclasses.dataclass
class _Worker:
    process: subprocess.Popen[bytes]
    conn: _PipePair
    tasks: int = 0

    def alive(self) -> bool:
        return self.process.poll() is None

    def stop(self, *, kill: bool) -> None:
        with contextlib.suppress(OSError):
            self.conn.close()
        if kill and self.alive():
            self.process.kill()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:  # ignored the closed pipe: make sure
            self.process.kill()
            self.process.wait(timeout=5)


def _error_from_reply(module: str, qualname: str, message: str) -> ParseError:
    try:
        cls = getattr(importlib.import_module(module), qualname)
    except (ImportError, AttributeError):
        cls = None
    if isinstance(cls, type) and issubclass(cls, ParseError):
        return cls(message)
    return ParseError(message)


class Sandbox:
    """A small pool of parse workers. `max_workers` bounds concurrent parses."""

    def __init__(
        self,
        *,
        max_workers: int | None = None,
        target: str = DEFAULT_TARGET,
        memory_limit: int | None = DEFAULT_MEMORY_LIMIT,
        max_tasks_per_worker: int = DEFAULT_MAX_TASKS_PER_WORKER,
    ) -> None:
        self._target = target
        self._memory_limit = memory_limit
        self._max_tasks = max_tasks_per_worker
        self._slots = threading.BoundedSemaphore(max_workers or max(1, os.cpu_count() or 1))
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._closed = False

    def _start_worker(self) -> _Worker:
        to_child_r, to_child_w = os.pipe()
        to_parent_r, to_parent_w = os.pipe()
        env = worker_environment(os.environ)
        # The worker imports the same code the caller sees (e.g. a test's hook module).
        env["PYTHONPATH"] = os.pathsep.join(p for p in sys.path if p)
        limit = "none" if self._memory_limit is None else str(self._memory_limit)
        try:
            process = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "parsing.sandbox",
                    str(to_child_r),
                    str(to_parent_w),
                    self._target,
                    limit,
                ],
                pass_fds=(to_child_r, to_parent_w),
                stdin=subprocess.DEVNULL,
                # Library chatter must never mix into `nianbao parse --json` on stdout.
                stdout=subprocess.DEVNULL,
                env=env,
                close_fds=True,
            )
        finally:
            os.close(to_child_r)
            os.close(to_parent_w)
        # One duplex-looking pair: send on one pipe, receive on the other.
        return _Worker(process=process, conn=_PipePair(to_parent_r, to_child_w))

    def warm(self) -> None:
        """Start a worker now, in the background of whatever the caller does next (a worker
        process importing its own modules): the first parse then finds it ready."""
        with self._lock:
            if self._closed or self._idle:
                return
        worker = self._start_worker()
        with self._lock:
            if not self._closed:
                self._idle.append(worker)
                return
        worker.stop(kill=True)

    def _checkout(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise RuntimeError("sandbox closed")
            while self._idle:
                worker = self._idle.pop()
                if worker.alive():
                    return worker
                worker.stop(kill=True)
        return self._start_worker()

    def _checkin(self, worker: _Worker) -> None:
        worker.tasks += 1
        with self._lock:
            if not self._closed and worker.tasks < self._max_tasks and worker.alive():
                self._idle.append(worker)
                return
        worker.stop(kill=False)

    def parse(
        self,
        data: bytes,
        filename: str,
        *,
        caption: str | None = None,
        options: ParseOptions | None = None,
    ) -> Report:
        opts = options or ParseOptions()
        with self._slots:
            worker = self._checkout()
            try:
                worker.conn.send((data, filename, caption, opts))
                reply = self._await_reply(worker, filename, opts)
            except (EOFError, OSError):
                worker.stop(kill=True)
                code = worker.process.returncode
                log.error("parse worker died on %r (exit code %s)", filename, code)
                raise ParseError(CRASH_MESSAGE) from None
            self._checkin(worker)
        kind = reply[0]
        if kind == "ok":
            return Report(**reply[1])
        if kind == "error":
            raise _error_from_reply(*reply[1:])
        log.error("parse of %r crashed in the worker:\n%s", filename, reply[1])
        raise ParseError(CRASH_MESSAGE)

    @staticmethod
    def _await_reply(worker: _Worker, filename: str, opts: ParseOptions) -> Any:
        """The worker's answer within the time limit: `timeout_s`, or `ocr_timeout_s` from
        the moment the worker reports that it turned to OCR."""
        limit, error = opts.timeout_s, ParseTimeout
        while True:
            if not worker.conn.poll(limit):
                log.warning("parse of %r exceeded %.1fs; killing worker", filename, limit)
                worker.stop(kill=True)
                raise error()
            reply = worker.conn.recv()
            if reply != (_OCR_STARTED,):
                return reply
            limit, error = opts.ocr_timeout_s, OcrTimeout

    def close(self) -> None:
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            worker.stop(kill=False)


_default: Sandbox | None = None
_default_lock = threading.Lock()


def default_sandbox(max_workers: int | None = None) -> Sandbox:
    """The process's sandbox; `max_workers` counts when it is first made (default: one per CPU)."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Sandbox(max_workers=max_workers)
            atexit.register(_default.close)
        return _default


def parse_report_isolated(
    data: bytes,
    filename: str,
    *,
    caption: str | None = None,
    options: ParseOptions | None = None,
) -> Report:
    """`parsing.parse_report` in a worker process, killed after `options.timeout_s`.

    Raises the worker's ParseError subclass (with its Chinese message), ParseTimeout, or a
    generic ParseError when the worker crashed (the traceback goes to the log only).
    """
    return default_sandbox().parse(data, filename, caption=caption, options=options)


_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:
    """End this worker when the process that started it dies, even in the middle of a parse.

    An idle worker sees its pipe close; a busy one would parse a hostile file to its end with
    nobody left to kill it at the time limit. Linux: the kernel sends SIGKILL (PR_SET_PDEATHSIG);
    elsewhere a watchdog thread polls the parent's pid.
    """
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()
    if os.getppid() != parent:  # died before the signal was armed
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _run_worker(argv: list[str]) -> None:
    _die_with_parent()
    read_fd, write_fd, target, limit = argv
    conn = _PipePair(int(read_fd), int(write_fd))
    _worker_main(conn, target, None if limit == "none" else int(limit))
    # The caller closed the pipe and waits for this exit: skip the interpreter's teardown of
    # the parsers' modules (about 0.2 s; nothing is left to flush or clean up).
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    _run_worker(sys.argv[1:])
