"""A whole season on a fake clock: 1 December to 31 March, agencies early, late and never, a restart."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from bot.core.reminders import ReminderKind, SendOutcome, due_reminders, send_due
from bot.core.services import Services
from storage import registry, send_log
from tests.conftest import make_settings
from tests.reminders.support import RecordingSender, add_agency, add_report, at, no_sleep

SUPERVISOR, ADMIN = -900, 7001
A, B, C, D, E = -101, -102, -103, -104, -105


def ticks(start: datetime, end: datetime) -> list[datetime]:
    """The moments the job runs: a few times a day, including right at and after 09:00."""
    moments = []
    day = start.date()
    while day <= end.date():
        for hour, minute in ((0, 0), (9, 0), (9, 5), (12, 0), (18, 0)):
            moment = at(day.year, day.month, day.day, hour, minute)
            if start <= moment <= end:
                moments.append(moment)
        day += timedelta(days=1)
    return moments


def open_services(settings_dir: Path, db_url: str) -> Services:
    return Services.open(make_settings(settings_dir, db_url, admins=[ADMIN]))


async def run_until(
    services: Services,
    sender: RecordingSender,
    start: datetime,
    end: datetime,
    events: dict[datetime, list[tuple[str, int]]],
    ids: dict[str, int],
    log: list[tuple[datetime, int, str]],
) -> None:
    """Drive the clock; before each tick, ingest the reports that arrived since the last one."""
    for now in ticks(start, end):
        for when in sorted(events):
            if when <= now:
                for name, year in events.pop(when):
                    add_report(services, ids[name], year, when)
        before = len(sender.sent)
        summary = await send_due(services, now, sender, claimed_by=f"p{id(services)}", sleep=no_sleep)
        assert summary.count(SendOutcome.FAILED) == 0
        for message in sender.sent[before:]:
            log.append((now, message.chat_id, message.text))


async def test_whole_season_exact_messages(tmp_path: Path, db_url: str) -> None:
    first = open_services(tmp_path / "data", db_url)
    ids = {
        "A": add_agency(first, "威海市文登区科学技术局", chat_id=A, responsible="@kejiju"),
        "B": add_agency(first, "威海市文登区教育局", chat_id=B),
        "C": add_agency(first, "威海市文登区民政局", chat_id=C),
        "D": add_agency(first, "威海市文登区人民政府", chat_id=D),
        "E": add_agency(first, "威海市文登区审计局", chat_id=E, deadline=(1, 26)),
    }
    with first.sessions.begin() as session:
        registry.add_supervisor(session, SUPERVISOR, "文登区", now=at(2026, 12, 1, 8))
    events = {
        at(2027, 1, 5, 10): [("A", 2026)],  # early
        at(2027, 1, 27, 11): [("E", 2026)],  # one day late, while the bot is down
        at(2027, 2, 3, 14): [("B", 2026)],  # late
        at(2027, 3, 20, 10): [("D", 2026)],  # on time (31 March)
    }  # C never reports
    sender = RecordingSender()
    log: list[tuple[datetime, int, str]] = []

    await run_until(first, sender, at(2026, 12, 1), at(2027, 1, 23, 20), events, ids, log)
    first.close()
    # The bot is down from 23 January 20:00 to 28 January 12:00; a new process, same database.
    second = open_services(tmp_path / "data2", db_url)
    await run_until(second, sender, at(2027, 1, 28, 12), at(2027, 3, 31, 23, 59), events, ids, log)

    summary = [(when.strftime("%m-%d %H:%M"), chat, text.splitlines()[0][:18]) for when, chat, text in log]
    expected = [  # within one tick: by scheduled time, then chat id
        ("12-27 09:00", E, "⏰ 年报催报：威海市文登区审计局"),
        ("01-01 09:00", C, "⏰ 年报催报：威海市文登区民政局"),
        ("01-01 09:00", B, "⏰ 年报催报：威海市文登区教育局"),
        ("01-01 09:00", A, "⏰ 年报催报：威海市文登区科学技术局"),
        ("01-05 12:00", A, "✅ 已收到威海市文登区科学技术局20"),
        ("01-12 09:00", E, "⏰ 年报催报：威海市文登区审计局"),
        ("01-17 09:00", C, "⏰ 年报催报：威海市文登区民政局"),
        ("01-17 09:00", B, "⏰ 年报催报：威海市文登区教育局"),
        ("01-19 09:00", E, "⏰ 年报催报：威海市文登区审计局"),
        ("01-23 09:00", E, "⏰ 年报催报：威海市文登区审计局"),
        # restart: E's report (arrived while down) acknowledged; the 3-day reminders of
        # 28 January 09:00 once, late; the missed 7-day, 1-day and due-day ones of E never
        ("01-28 12:00", E, "✅ 已收到威海市文登区审计局2026"),
        ("01-28 12:00", C, "⏰ 年报催报：威海市文登区民政局"),
        ("01-28 12:00", B, "⏰ 年报催报：威海市文登区教育局"),
        # 31 January 2027 is a Sunday: the last reminder on Friday 29th, the last working day before it
        ("01-29 09:00", C, "⏰ 年报催报：威海市文登区民政局"),
        ("01-29 09:00", B, "⏰ 年报催报：威海市文登区教育局"),
        ("02-01 09:00", SUPERVISOR, "📋 文登区 2026年度报告报送情况"),
        ("02-03 18:00", B, "✅ 已收到威海市文登区教育局2026"),
        ("02-08 09:00", SUPERVISOR, "📋 文登区 2026年度报告报送情况"),
        ("02-15 09:00", SUPERVISOR, "📋 文登区 2026年度报告报送情况"),
        ("02-22 09:00", SUPERVISOR, "📋 文登区 2026年度报告报送情况"),
        ("03-01 09:00", SUPERVISOR, "📋 文登区 2026年度报告报送情况"),
        ("03-01 09:00", D, "⏰ 年报催报：威海市文登区人民政府"),
        ("03-08 09:00", SUPERVISOR, "📋 文登区 2026年度报告报送情况"),
        ("03-15 09:00", SUPERVISOR, "📋 文登区 2026年度报告报送情况"),
        ("03-17 09:00", D, "⏰ 年报催报：威海市文登区人民政府"),
        ("03-20 12:00", D, "✅ 已收到威海市文登区人民政府202"),
        ("03-22 09:00", SUPERVISOR, "📋 文登区 2026年度报告报送情况"),
        ("03-29 09:00", SUPERVISOR, "📋 文登区 2026年度报告报送情况"),
    ]
    assert summary == expected
    assert len(log) == 28

    texts = {(when.strftime("%m-%d %H:%M"), chat): text for when, chat, text in log}
    assert texts[("01-01 09:00", A)] == (
        "⏰ 年报催报：威海市文登区科学技术局\n"
        "2026年政府信息公开工作年度报告须于2027年1月31日前公布（《政府信息公开条例》第四十九条（部门1月31日前）），"
        "距截止还有30天，目前尚未收到贵单位的报告。\n"
        "春节假期从2027年2月5日开始，紧接截止日2027年1月31日之后，请在节前报送。\n"
        "距截止还有20个工作日（含今天，已除去周末和法定节假日，计入调休上班日）。\n"
        "注：2027年春节是2027年2月6日；国务院2027年节假日安排尚未公布，假期和工作日按往年惯例估算。\n"
        "报送方法：把报告文件（PDF、DOCX、DOC、WPS、RTF、HTML、TXT）直接发到本群或私聊发给机器人，机器人会自动解析入库并回复确认。\n"
        "请 @kejiju 跟进。"
    )
    assert texts[("01-28 12:00", B)] == (
        "⏰ 年报催报：威海市文登区教育局\n"
        "2026年政府信息公开工作年度报告须于2027年1月31日前公布（《政府信息公开条例》第四十九条（部门1月31日前）），"
        "距截止还有3天，目前尚未收到贵单位的报告。\n"
        "春节假期从2027年2月5日开始，紧接截止日2027年1月31日之后，请在节前报送。\n"
        "距截止还有2个工作日（含今天，已除去周末和法定节假日，计入调休上班日）。\n"
        "注：2027年春节是2027年2月6日；国务院2027年节假日安排尚未公布，假期和工作日按往年惯例估算。\n"
        "报送方法：把报告文件（PDF、DOCX、DOC、WPS、RTF、HTML、TXT）直接发到本群或私聊发给机器人，机器人会自动解析入库并回复确认。\n"
        "（补发：原定1月28日 09:00发送，机器人当时未在运行）"
    )
    assert texts[("01-29 09:00", C)].startswith(
        "⏰ 年报催报：威海市文登区民政局\n今天是2026年政府信息公开工作年度报告截止日（2027年1月31日，"
    )
    assert "前的最后一个工作日，距截止还有2天" in texts[("01-29 09:00", C)]
    assert texts[("01-28 12:00", E)] == (
        "✅ 已收到威海市文登区审计局2026年政府信息公开工作年度报告（2027年1月27日，截止日为2027年1月26日），本年度催报已停止。"
    )
    assert texts[("02-01 09:00", SUPERVISOR)] == (
        "📋 文登区 2026年度报告报送情况（截至2027年2月1日）\n"
        "应报5家：已报2家，逾期未报2家，截止日未到1家。\n"
        "逾期未报送：\n"
        "1. 威海市文登区教育局（截止2027年1月31日，已逾期1天，其中1个工作日）\n"
        "2. 威海市文登区民政局（截止2027年1月31日，已逾期1天，其中1个工作日）\n"
        "迟报（截止日后收到或落款日期晚于截止日）：\n"
        "1. 威海市文登区审计局（截止2027年1月26日，2027年1月27日收到）\n"
        "报齐之前每7天汇总一次，下次：2月8日 09:00。"
    )
    assert "1. 威海市文登区民政局（截止2027年1月31日，已逾期57天，其中35个工作日）" in texts[("03-29 09:00", SUPERVISOR)]
    assert "威海市文登区教育局（截止2027年1月31日，2027年2月3日收到）" in texts[("03-29 09:00", SUPERVISOR)]

    # Running the last day again (a third process) sends nothing more.
    third = open_services(tmp_path / "data3", db_url)
    for now in ticks(at(2027, 3, 29), at(2027, 3, 31, 23)):
        assert due_reminders(third, now) == []
    with third.sessions() as session:
        rows = send_log.sends(session, year=2026)
    assert len(rows) == 28
    assert {r.status for r in rows} == {"sent"}
    assert sum(r.late for r in rows) == 2  # the two reminders caught up after the restart
    second.close()
    third.close()


async def test_completed_region_gets_one_all_in_message(tmp_path: Path, db_url: str) -> None:
    services = open_services(tmp_path / "data", db_url)
    late = add_agency(services, "威海市文登区教育局", chat_id=B)
    with services.sessions.begin() as session:
        registry.add_supervisor(session, SUPERVISOR, "文登区", now=at(2026, 12, 1, 8))
    sender = RecordingSender()
    await send_due(services, at(2027, 2, 1, 9), sender, sleep=no_sleep)
    assert [m.chat_id for m in sender.sent] == [SUPERVISOR]
    add_report(services, late, 2026, at(2027, 2, 2, 10), published_on=date(2027, 2, 2))
    due = due_reminders(services, at(2027, 2, 2, 11))
    assert [r.kind for r in due] == [ReminderKind.RECEIVED, ReminderKind.DIGEST_COMPLETE]
    await send_due(services, at(2027, 2, 2, 11), sender, sleep=no_sleep)
    assert sender.sent[-1].text == (
        "✅ 文登区 2026年度报告：截止日已到的1家已全部报齐。\n"
        "迟报（截止日后收到或落款日期晚于截止日）：\n"
        "1. 威海市文登区教育局（截止2027年1月31日，2027年2月2日收到，落款2027年2月2日）"
    )
    assert due_reminders(services, at(2027, 2, 9, 9)) == []
    services.close()
