"""Issue 14: `nianbao ingest --jobs N` starts its workers first and holds them at a gate."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from bot.config import Settings
from bot.core.local_workers import LocalWorkers
from bot.core.services import Services


def test_a_gated_worker_closed_before_go_exits_without_touching_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parents[2]))
    database = tmp_path / "never.sqlite3"
    workers = LocalWorkers(
        Settings(data_dir=tmp_path / "data"), f"sqlite:///{database}", 1, until_empty=True, nice=False, gated=True
    )
    workers.start()
    (process,) = workers.processes
    assert process.stdin is not None
    process.stdin.close()  # the run failed before it queued anything
    assert process.wait(60) == 0
    assert not database.exists()
    workers.stop()


def test_a_released_worker_waits_for_the_rest_of_the_run_before_until_empty_ends_it(
    services: Services, settings: Settings, db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTHONPATH", str(Path(__file__).resolve().parents[2]))
    workers = LocalWorkers(settings, db_url, 1, until_empty=True, nice=False, gated=True)
    workers.start()
    try:
        workers.go()
        (process,) = workers.processes
        # The queue is empty, but the run may still be hashing its next files: no exit yet.
        with pytest.raises(subprocess.TimeoutExpired):
            process.wait(6)
        workers.all_queued()
        assert process.wait(60) == 0
    finally:
        workers.stop()
