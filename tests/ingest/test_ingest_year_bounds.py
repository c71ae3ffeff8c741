"""A report year outside what the regulations allow is refused, not stored."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.core.ingest import FailureReason, IngestOutcome, IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from parsing import Report
from storage.models import ReportRow
from tests.factories import make_report


def _parser(report: Report) -> Any:
    def parse(data: bytes, filename: str, **_: Any) -> Report:
        return report

    return parse


@pytest.mark.parametrize("year", [0, 1900, 2007, 2999])
def test_an_absurd_year_is_refused_in_chinese(services: Services, year: int) -> None:
    result = ingest(services, IngestRequest(data=b"x", filename="a.pdf"), parse=_parser(make_report(year=year)))
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.BAD_YEAR
    assert f"{year}年" in ingest_reply(result, html=False) and "年度" in ingest_reply(result, html=False)
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ReportRow)) == 0


def test_the_first_year_and_last_year_are_accepted(services: Services) -> None:
    received = datetime(2027, 1, 10, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
    for year, data in ((2008, b"first"), (2026, b"last")):
        request = IngestRequest(data=data, filename="a.pdf", received_at=received)
        result = ingest(services, request, parse=_parser(make_report(year=year)))
        assert result.outcome is IngestOutcome.STORED, ingest_reply(result, html=False)
    late = IngestRequest(data=b"future", filename="a.pdf", received_at=received)
    assert ingest(services, late, parse=_parser(make_report(year=2028))).reason is FailureReason.BAD_YEAR
