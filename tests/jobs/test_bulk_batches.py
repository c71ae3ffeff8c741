"""Issue 14: a bulk-ingest worker parses one file at a time but stores several reports a transaction."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

import bot.core.store_group as module
from bot.config import Settings
from bot.core.local_workers import BULK_CONCURRENCY, BULK_PARSERS, BULK_STORE_BATCH, LocalWorkers
from bot.core.services import Services
from bot.core.store_group import GroupStore
from storage.report_batch import StoreItem
from storage.reports import SourceInfo, StoreOutcome
from tests.factories import make_report


def _item(i: int) -> StoreItem:
    agency = f"第{i}号测试单位"
    report = make_report(agency=agency, year=2021, cells={"t3.new.total": i})
    sha = f"{i:02x}".ljust(64, "0")
    return StoreItem(report, SourceInfo(sha, f"f/{sha}", "r.pdf", 1, "pdf"), agency)


@pytest.fixture
def sizes(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    seen: list[int] = []
    real = module.store_batch

    def counting(services: Services, items: list[StoreItem]):  # type: ignore[no-untyped-def]
        seen.append(len(items))
        return real(services, items)

    monkeypatch.setattr(module, "store_batch", counting)
    return seen


def test_a_gathering_store_waits_for_its_batch(services: Services, sizes: list[int]) -> None:
    group = GroupStore(services)
    group.gather(3, linger=30.0)
    outcomes: dict[int, StoreOutcome] = {}

    def one(i: int) -> None:
        outcomes[i] = group.store(_item(i))[0].outcome

    threads = [threading.Thread(target=one, args=(i,)) for i in range(3)]
    for thread in threads:
        thread.start()
        time.sleep(0.1)  # reports parsed one after another, as by one parser
    for thread in threads:
        thread.join(30)
    assert outcomes == dict.fromkeys(range(3), StoreOutcome.NEW)
    assert sizes == [3]


def test_a_gathering_store_waits_no_longer_than_its_linger(services: Services, sizes: list[int]) -> None:
    group = GroupStore(services)
    group.gather(4, linger=0.5)
    started = time.monotonic()
    assert group.store(_item(1))[0].outcome is StoreOutcome.NEW  # the last file of a run: alone
    assert 0.45 <= time.monotonic() - started < 5
    assert sizes == [1]


def test_an_upload_is_stored_at_once(services: Services, sizes: list[int]) -> None:
    group = GroupStore(services)  # the bot's workers: no batch to make up
    group.linger = 30.0
    started = time.monotonic()
    group.store(_item(1))
    assert time.monotonic() - started < 10
    assert sizes == [1]


def test_bulk_workers_hold_several_jobs_parse_one_at_a_time_and_store_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[list[str]] = []

    class Recorded:
        def __init__(self, command: list[str], **_: object) -> None:
            started.append(command)
            self.stdin = None
            self.pid = 0

    monkeypatch.setattr("bot.core.local_workers.subprocess.Popen", Recorded)
    workers = LocalWorkers(
        Settings(data_dir=tmp_path),
        "sqlite:///x",
        2,
        until_empty=True,
        concurrency=BULK_CONCURRENCY,
        parsers=BULK_PARSERS,
        store_batch=BULK_STORE_BATCH,
    )
    workers.start()
    assert BULK_CONCURRENCY > BULK_STORE_BATCH > BULK_PARSERS == 1
    for command in started:
        assert command[:4] == [sys.executable, "-m", "bot", "worker"]
        flags = " ".join(command[4:])
        assert f"--concurrency {BULK_CONCURRENCY}" in flags and "--parsers 1" in flags
        assert f"--store-batch {BULK_STORE_BATCH}" in flags
