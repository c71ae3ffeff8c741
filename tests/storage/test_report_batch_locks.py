"""store_reports on PostgreSQL: two stores of one (agency, year) at once (issue 14). The second waits
for the first and stores the next version, instead of failing on the one-current index and being
undone (each failed batch was stored again, one report at a time)."""

from __future__ import annotations

import threading
import time

from sqlalchemy import select

from bot.core.services import Services
from storage.models import ReportRow
from storage.report_batch import StoreItem, store_reports
from storage.reports import SourceInfo, StoreOutcome
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
