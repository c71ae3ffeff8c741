"""store_reports on PostgreSQL: two stores of one (agency, year) at once (issue 14). The second waits
for the first and stores the next version, instead of failing on the one-current index and being
undone (each failed batch was stored again, one report at a time)."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.core.services import Services
from bot.core.store_group import store_batch
from storage import report_batch
from storage.models import ReportRow
from storage.report_batch import StoreItem, store_reports
from storage.reports import SourceInfo, StoreOutcome, StoreResult
from tests.factories import make_report


def _item(sha: str, total: int) -> StoreItem:
    agency = "威海市文登区科学技术局"
    report = make_report(agency=agency, year=2021, cells={"t3.new.total": total})
    return StoreItem(report, SourceInfo(sha.ljust(64, "0"), f"f/{sha}", "r.pdf", 1, "pdf"), agency)


def test_a_concurrent_new_version_waits_instead_of_failing(services: Services) -> None:
    if services.engine.dialect.name != "postgresql":
        return  # SQLite has one writer at a time
    with services.sessions.begin() as session:
        store_reports(session, [_item("a", 1)])
    first_stored = threading.Event()
    second: list[object] = []

    def store_second() -> None:
        first_stored.wait(10)
        try:
            with services.sessions.begin() as session:
                second.extend(store_reports(session, [_item("c", 3)]))
        except Exception as exc:
            second.append(exc)

    thread = threading.Thread(target=store_second)
    thread.start()
    with services.sessions.begin() as session:
        store_reports(session, [_item("b", 2)])
        first_stored.set()
        time.sleep(0.5)  # the second store reaches the (agency, year) while this one holds it
    thread.join(10)
    assert len(second) == 1 and not isinstance(second[0], Exception), second
    assert second[0].outcome is StoreOutcome.NEW_VERSION and second[0].version == 3  # type: ignore[attr-defined]
    with services.sessions() as session:
        rows = session.execute(select(ReportRow.version, ReportRow.is_current).order_by(ReportRow.version)).all()
    assert [tuple(r) for r in rows] == [(1, False), (2, False), (3, True)]


def test_one_file_stored_by_two_workers_at_once_is_stored_once(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The second store reads "not stored" just before the first commits; its COPY then meets the
    file's unique key, which must reach store_batch as SQLAlchemy's IntegrityError (retried, found
    a duplicate), not as the driver's own error (the file failed: CI of stop 22)."""
    if services.engine.dialect.name != "postgresql":
        return  # SQLite has one writer at a time
    first_read, first_committed = threading.Event(), threading.Event()
    real = report_batch.stored_duplicates

    def read_then_let_the_first_commit(session: Session, hashes: Sequence[str]) -> dict[str, StoreResult]:
        found = real(session, hashes)
        if threading.current_thread().name == "second" and not first_committed.is_set():
            first_read.set()
            first_committed.wait(10)
        return found

    monkeypatch.setattr(report_batch, "stored_duplicates", read_then_let_the_first_commit)
    second: list[object] = []

    def store_second() -> None:
        try:
            second.extend(store_batch(services, [_item("same", 1)]))
        except Exception as exc:
            second.append(exc)

    thread = threading.Thread(target=store_second, name="second")
    thread.start()
    assert first_read.wait(10)
    with services.sessions.begin() as session:
        first = store_reports(session, [_item("same", 1)])
    first_committed.set()
    thread.join(10)
    assert first[0].outcome is StoreOutcome.NEW
    assert len(second) == 1 and not isinstance(second[0], Exception), second
    assert second[0][0].outcome is StoreOutcome.DUPLICATE, second  # type: ignore[index]
    with services.sessions() as session:
        assert session.scalars(select(ReportRow.id)).all() == [first[0].report_id]
