"""storage.sqlite_lock: writers of one SQLite file queue on a file lock across processes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
