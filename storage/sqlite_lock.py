"""One writer at a time across the processes sharing a SQLite file, woken as soon as it is free.

SQLite's own busy handler waits for the write lock by sleeping 1, 2, 5, 10, 15, 20, 25 ms... and
trying again: with two bulk-ingest workers each holding the lock ~15-20 ms a file, a waiter
overslept the release and the other worker took the lock again (claim, store, finish). An
exclusive flock on `<database>-writelock`, polled every 0.5 ms, hands it over within a fraction of
a millisecond instead (issue 14). Held around write transactions by storage.db.write_lock, after the
in-process lock, so only one thread of a process ever takes it; writers that do not take it are
still correct, they just fall back to the busy handler.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import time
from collections.abc import Iterator

from sqlalchemy import Engine

_fds: dict[str, int] = {}
_depth: dict[str, int] = {}
# As long as SQLite's busy timeout (storage.db): a writer stuck holding the file lock must end in
# SQLite's own "database is locked" error, not in a wait without end.
WAIT_SECONDS = 10.0
_POLL_SECONDS = 0.0005


def _acquire(fd: int, wait: float) -> bool:
    """Take the lock within `wait` seconds; False if another process held it all that time."""
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            if time.monotonic() >= deadline:
                return False
            time.sleep(_POLL_SECONDS)


def _lock_path(engine: Engine) -> str | None:
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file:") or "mode=memory" in str(engine.url):
        return None
    return os.path.abspath(database) + "-writelock"


@contextlib.contextmanager
def file_write_lock(engine: Engine) -> Iterator[None]:
    """Hold the file lock; nested use by the thread that holds it is a no-op. The caller must hold
    the process's write lock (the depth count relies on it)."""
    path = _lock_path(engine)
    if path is None:
        yield
        return
    depth = _depth.get(path, 0)
    if depth == 0:
        fd = _fds.get(path)
        if fd is None:
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:  # a directory we may not write to: the busy handler alone
                yield
                return
            _fds[path] = fd
        if not _acquire(fd, WAIT_SECONDS):  # past the wait: SQLite's busy handler decides
            yield
            return
    _depth[path] = depth + 1
    try:
        yield
    finally:
        _depth[path] -= 1
        if _depth[path] == 0:
            fcntl.flock(_fds[path], fcntl.LOCK_UN)
