"""storage.sqlite_lock: writers of one SQLite file queue on a file lock across processes."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from storage import sqlite_lock
from storage.db import make_engine, write_lock

_TRY = """
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_RDWR)
try:
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
except BlockingIOError:
    sys.exit(3)
sys.exit(0)
"""


def _other_process_can_lock(path: Path) -> bool:
    code = subprocess.run([sys.executable, "-c", _TRY, str(path)], check=False).returncode
    assert code in (0, 3)
    return code == 0


def test_write_lock_excludes_other_processes_and_nests(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'n.sqlite3'}")
    lock_file = tmp_path / "n.sqlite3-writelock"
    with write_lock(engine):
        assert lock_file.exists()
        assert not _other_process_can_lock(lock_file)
        with write_lock(engine):  # nested in the same thread: no deadlock
            assert not _other_process_can_lock(lock_file)
        assert not _other_process_can_lock(lock_file)  # still held by the outer level
    assert _other_process_can_lock(lock_file)
    engine.dispose()


def test_in_memory_database_needs_no_lock_file(tmp_path: Path) -> None:
    engine = make_engine("sqlite://")
    with write_lock(engine):
        pass
    assert not list(tmp_path.iterdir())
    engine.dispose()


_HOLD = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)
fcntl.flock(fd, fcntl.LOCK_EX)
print("held", flush=True)
time.sleep(8)  # longer than the assertion below allows: without the bounded wait this fails
"""


def test_a_writer_stuck_on_the_lock_gives_up_after_the_wait(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another process that never lets go must not hang this one: past the wait, SQLite's busy handler decides.
    monkeypatch.setattr(sqlite_lock, "WAIT_SECONDS", 0.05)
    engine = make_engine(f"sqlite:///{tmp_path / 'n.sqlite3'}")
    lock_file = tmp_path / "n.sqlite3-writelock"
    holder = subprocess.Popen([sys.executable, "-c", _HOLD, str(lock_file)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        started = time.monotonic()
        with write_lock(engine):
            pass
        assert time.monotonic() - started < 5
    finally:
        holder.kill()
        holder.wait()
    with write_lock(engine):  # free again: taken, and released after
        assert not _other_process_can_lock(lock_file)
    assert _other_process_can_lock(lock_file)
    engine.dispose()
