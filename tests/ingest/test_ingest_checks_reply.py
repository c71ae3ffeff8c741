"""The upload reply never calls a rule that could not be checked "passed" (issue 12 item 4)."""

from __future__ import annotations

from typing import Any

from bot.core.ingest import IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from parsing import Report
from parsing.model import Check, CheckStatus
from tests.factories import make_report


def _parser(report: Report) -> Any:
    def parse(data: bytes, filename: str, **_: Any) -> Report:
        return report

    return parse


def test_unverifiable_rule_is_named_not_passed(services: Services) -> None:
    checks = [
        Check("t3.balance", CheckStatus.PASS, "0+0 = 0+0"),
        Check("narrative.normative", CheckStatus.UNVERIFIABLE, "正文 2，表中本年制发规范性文件为空"),
    ]
    report = make_report(checks=checks)
    result = ingest(services, IngestRequest(data=b"x", filename="a.pdf"), parse=_parser(report))
    assert "全部通过" not in ingest_reply(result, html=False)
    assert "1项无法核对" in ingest_reply(result, html=False) and "规范性文件" in ingest_reply(result, html=False)


def test_all_passed_only_when_every_rule_passed(services: Services) -> None:
    report = make_report(checks=[Check("t3.balance", CheckStatus.PASS, "0+0 = 0+0")])
    result = ingest(services, IngestRequest(data=b"y", filename="b.pdf"), parse=_parser(report))
    assert "全部通过" in ingest_reply(result, html=False)
