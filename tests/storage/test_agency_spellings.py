"""Issue 12 item 6: one agency across spellings. A name another stored name extends with its city
or province (same region) is the same agency, both spellings kept; two places' bureaus never
merge; an unsure merge asks the uploader."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from bot.core.answer import AnswerOutcome, answer_question
from bot.core.ingest import IngestOutcome, IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from parsing import Report
from storage.agencies import find_or_create_agency, same_agency
from tests.factories import make_report

NOW = datetime(2024, 3, 1, tzinfo=UTC)


def test_city_prefix_is_the_same_agency_either_way_round(services: Services) -> None:
    with services.sessions.begin() as session:
        short, _ = find_or_create_agency(session, "洪泽区人民政府", now=NOW)
        long, created = find_or_create_agency(session, "淮安市洪泽区人民政府", now=NOW)
        assert long.id == short.id and not created
        assert long.name == "淮安市洪泽区人民政府"  # the fuller spelling names it
        assert "洪泽区人民政府" in {a.alias for a in long.aliases}
        again, created = find_or_create_agency(session, "江苏省淮安市洪泽区人民政府", now=NOW)
        assert again.id == short.id and not created
        back, created = find_or_create_agency(session, "洪泽区人民政府", now=NOW)
        assert back.id == short.id and not created


def test_two_places_bureaus_never_merge(services: Services) -> None:
    with services.sessions.begin() as session:
        city, _ = find_or_create_agency(session, "威海市科学技术局", now=NOW)
        county, created = find_or_create_agency(session, "威海市文登区科学技术局", now=NOW)
        assert created and county.id != city.id
        bare, created = find_or_create_agency(session, "科学技术局", now=NOW)
        assert created and bare.id not in (city.id, county.id)
        other, created = find_or_create_agency(session, "济南市历下区科学技术局", now=NOW)
        assert created and other.id not in (city.id, county.id)


def test_a_region_that_disagrees_is_not_merged(services: Services) -> None:
    with services.sessions.begin() as session:
        stored, _ = find_or_create_agency(session, "洪泽区人民政府", region="江苏省/宿迁市/洪泽区", now=NOW)
        assert same_agency(session, "淮安市洪泽区人民政府") is None
        assert stored.name == "洪泽区人民政府"


def _parser(report: Report) -> Any:
    return lambda data, filename, **_: report


def test_unsure_merge_asks_the_uploader(services: Services) -> None:
    with services.sessions.begin() as session:
        find_or_create_agency(session, "淮安市洪泽区人民政府", now=NOW)
        find_or_create_agency(session, "宿迁市洪泽区人民政府", now=NOW)
    report = make_report("洪泽区人民政府", 2022)
    request = IngestRequest(data=b"hz", filename="hz.txt", received_at=NOW)
    result = ingest(services, request, parse=_parser(report))
    assert result.outcome is IngestOutcome.NEEDS_AGENCY and result.spelling
    assert set(result.agency_choices) == {"淮安市洪泽区人民政府", "宿迁市洪泽区人民政府", "洪泽区人民政府"}
    assert "可能是已有的下列单位之一" in ingest_reply(result, html=False)
    picked = ingest(
        services,
        IngestRequest(data=b"hz", filename="hz.txt", received_at=NOW, agency="淮安市洪泽区人民政府"),
        parse=_parser(report),
    )
    assert (
        picked.outcome is IngestOutcome.STORED
        and picked.stored
        and picked.stored.agency_name == "淮安市洪泽区人民政府"
    )


def test_two_spellings_answer_a_year_comparison(services: Services) -> None:
    for name, year, total in (("洪泽区人民政府", 2021, 500), ("淮安市洪泽区人民政府", 2022, 640)):
        request = IngestRequest(data=f"{year}".encode(), filename=f"{year}.txt", received_at=NOW)
        outcome = ingest(
            services, request, parse=_parser(make_report(name, year, facts={"proactive.total": total}))
        ).outcome
        assert outcome is IngestOutcome.STORED
    answer = answer_question(services, "洪泽区人民政府2022年比上一年主动公开多了多少", now=NOW)
    assert answer.outcome is AnswerOutcome.COMPARED, answer.text
    assert "500条" in answer.text and "640条" in answer.text and "增加140条" in answer.text
