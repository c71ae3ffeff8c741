"""Issue 14: "which reports fail their checks" over a national year lists a few and counts the rest."""

from __future__ import annotations

from bot.core.answer import AnswerOutcome, answer_question
from bot.core.answer_all import MAX_LISTED
from bot.core.services import Services
from parsing.model import Check, CheckStatus
from storage.report_batch import StoreItem, store_reports
from storage.reports import SourceInfo
from tests.factories import make_report


def test_failing_reports_beyond_a_reply_are_counted_not_listed(services: Services) -> None:
    failing = MAX_LISTED + 5
    items = []
    for i in range(failing + 3):
        ok = i >= failing
        checks = [Check("t3.balance", CheckStatus.PASS if ok else CheckStatus.FAIL, "1+1 = 3")]
        name = f"威海市第{i:02d}测试局"
        report = make_report(agency=name, year=2022, checks=checks)
        items.append(StoreItem(report, SourceInfo(f"{i:064x}", f"f/{i}", "r.pdf", 1, "pdf"), name))
    with services.sessions.begin() as session:
        store_reports(session, items)
    answer = answer_question(services, "2022年哪些报告勾稽关系不对")
    assert answer.outcome is AnswerOutcome.LISTED
    assert f"（{failing}份，共{failing + 3}份报告）" in answer.text
    assert "另有5家未列出" in answer.text
    listed = [i for i in range(failing + 3) if f"威海市第{i:02d}测试局" in answer.text]
    assert listed == list(range(MAX_LISTED))  # the first stored, never a passing one


def test_unchecked_rules_count_the_years_current_reports_only(services: Services) -> None:
    from storage.year_queries import unchecked_reports

    def item(i: int, agency: str, year: int, status: CheckStatus) -> StoreItem:
        report = make_report(agency=agency, year=year, checks=[Check("t3.balance", status, "")])
        return StoreItem(report, SourceInfo(f"{i:064x}", f"f/{i}", "r.pdf", 1, "pdf"), agency)

    unverifiable = CheckStatus.UNVERIFIABLE
    with services.sessions.begin() as session:
        store_reports(session, [item(1, "甲局", 2022, unverifiable), item(2, "乙局", 2022, unverifiable)])
        store_reports(session, [item(3, "甲局", 2021, unverifiable), item(4, "丙局", 2022, CheckStatus.PASS)])
        store_reports(session, [item(5, "乙局", 2022, CheckStatus.PASS)])  # supersedes 乙局's unverifiable one
    with services.sessions() as session:
        assert unchecked_reports(session, 2022) == {"t3.balance": 1}
        assert unchecked_reports(session, 2021) == {"t3.balance": 1}
        assert unchecked_reports(session, 2020) == {}
