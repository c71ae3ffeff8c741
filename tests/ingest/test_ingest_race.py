"""The same file uploaded twice at the same moment ends as one STORED and one DUPLICATE."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func, select

from bot.core.ingest import IngestOutcome, IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from parsing import Report
from storage.models import ReportRow, SourceFile
from tests.factories import make_report


def _parser(report: Report, barrier: threading.Barrier) -> Any:
    def parse(data: bytes, filename: str, **_: Any) -> Report:
        barrier.wait(timeout=10)  # both uploads past the duplicate check before either stores
        return report

    return parse


def test_the_same_file_twice_at_once_is_one_stored_and_one_duplicate(services: Services) -> None:
    barrier = threading.Barrier(2)
    parse = _parser(make_report(), barrier)
    results: list[Any] = []

    def upload() -> None:
        try:
            results.append(ingest(services, IngestRequest(data=b"same bytes", filename="a.pdf"), parse=parse))
        except Exception as exc:
            results.append(exc)

    threads = [threading.Thread(target=upload) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    outcomes = sorted(r.outcome for r in results)
    assert outcomes == sorted([IngestOutcome.STORED, IngestOutcome.DUPLICATE]), results
    duplicate = next(r for r in results if r.outcome is IngestOutcome.DUPLICATE)
    assert "未知" not in ingest_reply(duplicate, html=False)  # says when the first copy arrived
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(SourceFile)) == 1
        assert session.scalar(select(func.count()).select_from(ReportRow)) == 1
