"""NIANBAO_TIMEZONE is obeyed wherever "now" is read: 今年/去年 in questions, the year a report may
be about at ingest, and the moments the upload reply shows. Honolulu is ten hours behind UTC and
eighteen behind Shanghai, so on 1 January 2027 02:00 UTC it is still 2026 there."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from bot.core.answer import answer_question
from bot.core.ingest import FailureReason, IngestOutcome, IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from parsing import Report
from tests.conftest import make_settings
from tests.factories import make_report

NEW_YEAR_UTC = datetime(2027, 1, 1, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, 16:00 on 31 Dec in Honolulu
AGENCY = "威海市文登区科学技术局"


def _services(tmp_path: Path, zone: str) -> Services:
    data = tmp_path / zone.replace("/", "_")
    data.mkdir()
    return Services.open(make_settings(data, f"sqlite:///{data / 'db.sqlite3'}", timezone=zone))


def _parser(report: Report) -> Any:
    return lambda data, filename, **_: report


def _store(services: Services, year: int, total: int) -> None:
    report = make_report(AGENCY, year, facts={"proactive.total": total})
    request = IngestRequest(data=f"{year}-{total}".encode(), filename=f"{year}.txt", received_at=NEW_YEAR_UTC)
    assert ingest(services, request, parse=_parser(report)).outcome is IngestOutcome.STORED


@pytest.mark.parametrize(("zone", "last_year", "total"), [("Pacific/Honolulu", 2025, 111), ("Asia/Shanghai", 2026, 222)])
def test_last_year_is_read_in_the_configured_zone(tmp_path: Path, zone: str, last_year: int, total: int) -> None:
    services = _services(tmp_path, zone)
    try:
        _store(services, 2025, 111)
        _store(services, 2026, 222)
        answer = answer_question(services, "文登区科学技术局去年主动公开多少条", now=NEW_YEAR_UTC)
        assert f"{last_year}年" in answer.text and f"{total}条" in answer.text, answer.text
    finally:
        services.close()


@pytest.mark.parametrize(("zone", "accepted"), [("Pacific/Honolulu", False), ("Asia/Shanghai", True)])
def test_a_report_on_the_arrival_year_is_judged_by_the_local_calendar(tmp_path: Path, zone: str, accepted: bool) -> None:
    services = _services(tmp_path, zone)
    try:
        report = make_report(AGENCY, 2027)
        request = IngestRequest(data=b"2027", filename="2027.txt", received_at=NEW_YEAR_UTC)
        result = ingest(services, request, parse=_parser(report))
        if accepted:
            assert result.outcome is IngestOutcome.STORED
        else:
            assert (result.outcome, result.reason) == (IngestOutcome.FAILED, FailureReason.BAD_YEAR)
    finally:
        services.close()


def test_duplicate_reply_shows_the_first_arrival_in_local_time(tmp_path: Path) -> None:
    services = _services(tmp_path, "Pacific/Honolulu")
    try:
        _store(services, 2026, 222)
        again = IngestRequest(data=b"2026-222", filename="again.txt", received_at=NEW_YEAR_UTC)
        result = ingest(services, again, parse=_parser(make_report(AGENCY, 2026)))
        assert result.outcome is IngestOutcome.DUPLICATE
        assert "2026-12-31 16:00" in ingest_reply(result, html=False), ingest_reply(result, html=False)
    finally:
        services.close()
