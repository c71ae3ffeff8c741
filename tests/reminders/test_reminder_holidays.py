"""Issue 16 part 5: holiday-aware deadlines on a fake clock (chinese-calendar's table, and beyond it)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from bot.core import workdays
from bot.core.reminders import due_reminders
from bot.core.workdays import FestivalRelation
from storage import registry
from tests.reminders.support import RecordingSender, add_agency, at
from tests.reminders.test_reminder_season import open_services, run_until

CHAT, SUPERVISOR = -301, -901


async def _season(tmp_path: Path, db_url: str, report_year: int) -> list[tuple[date, str, str]]:
    """Every message of one agency that never reports, 1 December to 10 February, 09:00 daily ticks."""
    services = open_services(tmp_path / "d", db_url)
    start = at(report_year, 12, 1, 8)
    add_agency(services, "威海市文登区民政局", chat_id=CHAT, registered_at=start)
    with services.sessions.begin() as session:
        registry.add_supervisor(session, SUPERVISOR, "文登区", now=start)
    log: list = []
    sender = RecordingSender()
    await run_until(services, sender, start, at(report_year + 1, 2, 10, 23), {}, {}, log)
    services.close()
    return [(when.date(), chat, text) for when, chat, text in log]


def _kinds(services_log: list[tuple[date, str, str]]) -> list[date]:
    return [day for day, chat, _ in services_log if chat == CHAT]


async def test_season_covered_by_the_holiday_table(tmp_path: Path, db_url: str) -> None:
    # Report year 2024: deadline Friday 31 January 2025, inside 春节 (28 January - 4 February 2025);
    # Sunday 26 January 2025 is a 调休 working day.
    assert workdays.is_covered(2025)
    log = await _season(tmp_path, db_url, 2024)
    days = _kinds(log)
    assert days == [date(2025, 1, 1), date(2025, 1, 17), date(2025, 1, 24), date(2025, 1, 27)]
    texts = {day: text for day, chat, text in log if chat == CHAT}
    week_before = texts[date(2025, 1, 24)]
    assert "截止日2025年1月31日正值春节假期（2025年1月28日至2025年2月4日放假），请在节前、最迟2025年1月27日报送。" in week_before
    # Friday 24th, Sunday 26th (调休) and Monday 27th.
    assert "距截止还有3个工作日" in week_before
    assert "尚未公布" not in week_before
    last = texts[date(2025, 1, 27)]
    assert "截止日（2025年1月31日，" in last and "前的最后一个工作日" in last
    assert "距截止还有1个工作日" in last
    # The supervisors' digest counts working days overdue: 1-4 February are 春节, 5 February is one.
    digest = next(text for day, chat, text in log if chat == SUPERVISOR and day == date(2025, 2, 1))
    assert "已逾期1天，其中0个工作日" in digest
    later = [text for day, chat, text in log if chat == SUPERVISOR and day == date(2025, 2, 8)]
    assert later and "已逾期8天，其中4个工作日" in later[0]  # 5-7 February and Saturday 8th (调休)


async def test_2028_season_beyond_the_holiday_table(tmp_path: Path, db_url: str) -> None:
    # Report year 2027: deadline Monday 31 January 2028; 春节 is 26 January 2028, the official
    # schedule is not published (chinese-calendar stops earlier): estimated 25 January - 1 February.
    assert not workdays.is_covered(2028)
    log = await _season(tmp_path, db_url, 2027)
    days = _kinds(log)
    assert days[-1] == date(2028, 1, 24)  # Monday: the last working day before the holiday
    assert date(2028, 1, 28) not in days and date(2028, 1, 31) not in days
    last = next(text for day, chat, text in log if chat == CHAT and day == date(2028, 1, 24))
    assert "前的最后一个工作日" in last
    assert "正值春节假期（2028年1月25日至2028年2月1日放假）" in last
    assert "2028年春节是2028年1月26日；国务院2028年节假日安排尚未公布" in last
    assert "距截止还有1个工作日" in last


def test_due_reminders_on_the_last_working_day_names_its_kind(tmp_path: Path, db_url: str) -> None:
    services = open_services(tmp_path / "d", db_url)
    add_agency(services, "威海市文登区民政局", chat_id=CHAT, registered_at=at(2027, 12, 1, 8))
    (due,) = due_reminders(services, at(2028, 1, 24, 9, 5))
    assert due.key.kind == "last_workday" and not due.late
    # The deadline day is a holiday: no due-day reminder; a bot down since the 24th catches up once.
    (late,) = due_reminders(services, at(2028, 1, 31, 9, 5))
    assert (late.key.kind, late.late) == ("last_workday", True)
    services.close()


@pytest.mark.parametrize("year", [1850, 2026, 2028, 2099, 2150])
def test_any_year_never_crashes(year: int) -> None:
    deadline = date(year, 1, 31)
    days = workdays.deadline_days(deadline, deadline - timedelta(days=10))
    assert 0 <= days.workdays_left <= 11
    assert days.last_workday < deadline
    assert workdays.workdays_overdue(deadline, deadline + timedelta(days=30)) <= 30
    if days.festival is None:
        assert days.relation is FestivalRelation.NONE


def test_calendar_facts() -> None:
    festival = workdays.spring_festival(2025)
    assert festival is not None and festival.official
    assert (festival.new_year, festival.first, festival.last) == (date(2025, 1, 29), date(2025, 1, 28), date(2025, 2, 4))
    assert workdays.is_workday(date(2025, 1, 26))  # Sunday, 调休
    assert not workdays.is_workday(date(2025, 1, 31))
    estimated = workdays.spring_festival(2028)
    assert estimated is not None and not estimated.official and estimated.new_year == date(2028, 1, 26)
    assert not workdays.is_workday(date(2028, 1, 1))  # 元旦 is kept for an unpublished year
    assert workdays.last_workday_before(date(2028, 1, 31)) == date(2028, 1, 24)
