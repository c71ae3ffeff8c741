"""Bad input and bad moments around ingest must end in an outcome, never an exception."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

import bot.core.ingest as core_ingest
from bot.core.ingest import FailureReason, IngestOutcome, IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from parsing import Report
from storage.files import relative_path_for, sha256_hex
from tests.factories import make_report


def _parser(report: Report, barrier: threading.Barrier | None = None) -> Any:
    def parse(data: bytes, filename: str, **_: Any) -> Report:
        if barrier is not None:
            barrier.wait(timeout=10)  # both uploads past the duplicate check before either stores
        return report

    return parse


def test_database_down_before_parsing_keeps_the_file_and_says_so(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(session: Any, sha256: str) -> None:
        raise OperationalError("SELECT", {}, Exception("connection refused"))

    monkeypatch.setattr(core_ingest, "find_duplicate", unavailable)
    result = ingest(services, IngestRequest(data=b"report", filename="a.pdf"), parse=_parser(make_report()))
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.STORAGE
    assert "原文件已保留" in ingest_reply(result, html=False)
    assert (services.data_dir / relative_path_for(sha256_hex(b"report"))).read_bytes() == b"report"


def test_original_that_cannot_be_written_stores_nothing_and_says_so(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(core_ingest, "store_original", disk_full)
    result = ingest(services, IngestRequest(data=b"report", filename="a.pdf"), parse=_parser(make_report()))
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.FILE_STORE
    assert "无法保存原文件" in ingest_reply(result, html=False)
    from sqlalchemy import func, select

    from storage.models import ReportRow

    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ReportRow)) == 0


def test_agency_name_longer_than_the_column_is_refused_in_chinese(services: Services) -> None:
    report = make_report(agency=None)
    request = IngestRequest(data=b"report", filename="a.pdf", agency="某" * 201)
    result = ingest(services, request, parse=_parser(report))
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.AGENCY_NAME
    assert "单位名称过长" in ingest_reply(result, html=False)
    ok = ingest(services, IngestRequest(data=b"report", filename="a.pdf", agency="某" * 200), parse=_parser(report))
    assert ok.outcome is IngestOutcome.STORED
