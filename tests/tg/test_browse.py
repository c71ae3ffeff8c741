"""/report, /history, /agencies over a populated database."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from bot.config import Settings
from bot.core import browse
from bot.core.browse import BrowseOutcome, ReportArgs, parse_report_args
from bot.core.services import Services
from tests.answers.data import WENDENG, populate


@pytest.fixture
def filled(settings: Settings) -> Iterator[Services]:
    opened = Services.open(settings)
    populate(opened)
    try:
        yield opened
    finally:
        opened.close()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["文登科技局", "2021"], ReportArgs("文登科技局", 2021)),
        (["文登科技局2021"], ReportArgs("文登科技局", 2021)),
        (["2021年", "文登科技局"], ReportArgs("文登科技局", 2021)),
        (["文登", "科技局"], ReportArgs("文登科技局", None)),
        ([], None),
        (["2021"], None),
    ],
)
def test_parse_report_args(args: list[str], expected: ReportArgs | None) -> None:
    assert parse_report_args(args) == expected


def test_report_tables_show_every_table(filled: Services) -> None:
    result = browse.report_tables(filled, "文登科技局", 2021)
    assert result.outcome is BrowseOutcome.OK
    assert WENDENG in result.text
    for title in ("表二", "表三", "表四"):
        assert title in result.text
    assert result.text.count("<pre>") == 3 == result.text.count("</pre>")
    assert "253" in result.text  # the narrative total with its sentence
    # Only Telegram's tags survive; everything else is escaped.
    assert set(re.findall(r"</?([a-z]+)>", result.text)) <= {"b", "pre"}


def test_report_latest_year_and_missing_year(filled: Services) -> None:
    latest = browse.report_tables(filled, "文登科技局", None)
    assert latest.outcome is BrowseOutcome.OK
    missing = browse.report_tables(filled, "文登科技局", 1999)
    assert missing.outcome is BrowseOutcome.NO_REPORT
    assert "2021" in missing.text


def test_unknown_agency_and_history(filled: Services) -> None:
    assert browse.report_tables(filled, "火星气象局", 2021).outcome is BrowseOutcome.UNKNOWN_AGENCY
    history = browse.agency_history(filled, "文登科技局")
    assert history.outcome is BrowseOutcome.OK
    assert "2021年" in history.text and "当前" in history.text


def test_agencies_overview(filled: Services) -> None:
    result = browse.agencies_overview(filled)
    assert result.outcome is BrowseOutcome.OK
    assert WENDENG in result.text


def test_empty_database(services: Services) -> None:
    assert browse.agencies_overview(services).outcome is BrowseOutcome.NO_DATA
    assert browse.report_tables(services, "文登科技局", 2021).outcome is BrowseOutcome.NO_DATA
    assert browse.export_file(services, "csv") is None
