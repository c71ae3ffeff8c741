"""Exactly once across processes, blocked chats, retries, stale claims, snoozes, staggering."""

from __future__ import annotations

import asyncio
import threading
from datetime import timedelta
from pathlib import Path

from bot.core import registration
from bot.core.reminders import ReminderKind, SendOutcome, due_reminders, send_due
from bot.core.services import Services
from storage import registry, send_log
from storage.send_log import SendKind
from tests.conftest import make_settings
from tests.reminders.support import RecordingSender, add_agency, add_report, at, no_sleep

ADMIN = 7001


def open_services(path: Path, db_url: str, **overrides: object) -> Services:
    return Services.open(make_settings(path, db_url, admins=[ADMIN], **overrides))


def test_two_processes_racing_send_each_reminder_once(tmp_path: Path, db_url: str) -> None:
    setup = open_services(tmp_path / "setup", db_url)
    chats = [-2000 - i for i in range(12)]
    for i, chat in enumerate(chats):
        add_agency(setup, f"威海市文登区测试局{i:02d}", chat_id=chat)
    setup.close()
    now = at(2027, 1, 1, 9, 1)
    results: dict[str, tuple[RecordingSender, object]] = {}
    barrier = threading.Barrier(2)

    class SlowSender(RecordingSender):
        async def send(self, chat_id, text, buttons):  # type: ignore[no-untyped-def]
            await asyncio.sleep(0.002)  # let the other process interleave
            await super().send(chat_id, text, buttons)

    # Two "processes": each its own Services (engine, pool, state) on the one database.
    processes = {name: open_services(tmp_path / name, db_url) for name in ("p1", "p2")}
    errors: list[BaseException] = []

    def process(name: str) -> None:
        sender = SlowSender()
        try:
            barrier.wait(timeout=30)
            summary = asyncio.run(send_due(processes[name], now, sender, claimed_by=name, sleep=no_sleep))
            results[name] = (sender, summary)
        except BaseException as exc:
            errors.append(exc)
            barrier.abort()

    threads = [threading.Thread(target=process, args=(n,)) for n in processes]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for services in processes.values():
        services.close()
    assert errors == []
    sent = [m.chat_id for sender, _ in results.values() for m in sender.sent]
    assert sorted(sent) == sorted(chats)  # every chat once, none twice
    outcomes = [summary.count for _, summary in results.values()]  # type: ignore[attr-defined]
    assert sum(count(SendOutcome.SENT) for count in outcomes) == len(chats)
    # Whatever both saw as due, only one could claim; the other reports it as taken.
    assert sum(count(SendOutcome.TAKEN) for count in outcomes) <= len(chats)
    check = open_services(tmp_path / "check", db_url)
    with check.sessions() as session:
        rows = send_log.sends(session)
    assert len(rows) == len(chats)
    assert {r.status for r in rows} == {"sent"}
    assert {r.claimed_by for r in rows} <= {"p1", "p2"}
    assert due_reminders(check, now) == []
    check.close()


async def test_blocked_chat_is_recorded_reported_to_admins_once_and_not_retried(
    tmp_path: Path, db_url: str
) -> None:
    services = open_services(tmp_path / "d", db_url)
    add_agency(services, "威海市文登区教育局", chat_id=-102)
    add_agency(services, "威海市文登区民政局", chat_id=-103)
    sender = RecordingSender(blocked={-102})
    summary = await send_due(services, at(2027, 1, 1, 9), sender, sleep=no_sleep)
    assert summary.count(SendOutcome.BLOCKED) == 1
    assert [m.chat_id for m in sender.sent] == [-103, ADMIN]
    assert sender.sent[1].text == (
        "⚠️ 无法向群 -102（威海市文登区教育局） 发送催报：Forbidden: bot was kicked from the group chat\n"
        "机器人已被移出、屏蔽或该群已不存在。已停止向该群发送；在群里重新 /register 或 /supervise 后恢复。"
    )
    with services.sessions() as session:
        assert set(registry.blocked_chats(session)) == {-102}
        statuses = {(r.chat_id, r.kind): r.status for r in send_log.sends(session)}
    assert statuses[(-102, "before:30")] == "blocked"
    # Later reminders skip the blocked chat; the admins are not told twice.
    sender.sent.clear()
    await send_due(services, at(2027, 1, 17, 9), sender, sleep=no_sleep)
    assert [m.chat_id for m in sender.sent] == [-103]
    # Registering the chat again lifts the block.
    result = registration.register(
        services, chat_id=-102, chat_title="教育局群", is_group=True, allowed=True,
        args=["威海市文登区教育局", "@jiaoyu"], user_id=1, now=at(2027, 1, 18, 10),
    )  # fmt: skip
    assert result.outcome is registration.RegisterOutcome.REGISTERED
    sender.blocked.clear()
    sender.sent.clear()
    await send_due(services, at(2027, 1, 24, 9), sender, sleep=no_sleep)
    assert sorted(m.chat_id for m in sender.sent) == [-103, -102]
    services.close()


async def test_rate_limited_send_is_retried_then_given_up(tmp_path: Path, db_url: str) -> None:
    services = open_services(tmp_path / "d", db_url)
    add_agency(services, "威海市文登区教育局", chat_id=-102)
    sender = RecordingSender(limited={-102})
    now = at(2027, 1, 1, 9)
    for attempt in range(1, send_log.MAX_ATTEMPTS + 1):
        summary = await send_due(services, now + timedelta(minutes=5 * attempt), sender, sleep=no_sleep)
        assert summary.count(SendOutcome.RETRY_LATER) == 1
    # Attempts exhausted: not retried for ever.
    assert due_reminders(services, now + timedelta(hours=2)) == []
    with services.sessions() as session:
        (row,) = send_log.sends(session)
    assert (row.status, row.attempts) == ("failed", send_log.MAX_ATTEMPTS)
    services.close()


async def test_retry_after_a_rate_limit_succeeds(tmp_path: Path, db_url: str) -> None:
    services = open_services(tmp_path / "d", db_url)
    add_agency(services, "威海市文登区教育局", chat_id=-102)
    sender = RecordingSender(limited={-102})
    await send_due(services, at(2027, 1, 1, 9), sender, sleep=no_sleep)
    sender.limited.clear()
    await send_due(services, at(2027, 1, 1, 9, 5), sender, sleep=no_sleep)
    assert [m.chat_id for m in sender.sent] == [-102]
    assert "（补发" not in sender.sent[0].text  # five minutes late is on time
    services.close()


async def test_stale_claim_of_a_dead_process_is_taken_over(tmp_path: Path, db_url: str) -> None:
    services = open_services(tmp_path / "d", db_url)
    add_agency(services, "威海市文登区教育局", chat_id=-102)
    now = at(2027, 1, 1, 9)
    (due,) = due_reminders(services, now)
    with services.sessions.begin() as session:
        assert send_log.claim_send(
            session, due.key, agency_id=due.agency_id, text="", late=False, claimed_by="dead", now=now
        )
    sender = RecordingSender()
    # Within the lease the claim stands: nothing is sent.
    await send_due(services, now + timedelta(minutes=5), sender, sleep=no_sleep)
    assert sender.sent == []
    await send_due(services, now + send_log.CLAIM_LEASE + timedelta(minutes=1), sender, sleep=no_sleep)
    assert [m.chat_id for m in sender.sent] == [-102]
    with services.sessions() as session:
        (row,) = send_log.sends(session)
    assert (row.status, row.attempts) == ("sent", 2)
    services.close()


async def test_snooze_repeats_tomorrow_and_replaces_covered_reminders(tmp_path: Path, db_url: str) -> None:
    services = open_services(tmp_path / "d", db_url)
    agency = add_agency(services, "威海市文登区教育局", chat_id=-102)
    sender = RecordingSender()
    await send_due(services, at(2027, 1, 1, 9), sender, sleep=no_sleep)
    assert len(sender.sent) == 1
    (first,) = due_reminders(services, at(2027, 1, 17, 9))
    assert first.buttons[0].data == f"nb:snooze:{agency}:2026"
    await send_due(services, at(2027, 1, 17, 9), sender, sleep=no_sleep)
    result = registration.snooze(services, data=first.buttons[0].data, user_id=5, now=at(2027, 1, 17, 9, 30))
    assert result.outcome is registration.SnoozeOutcome.SNOOZED
    assert due_reminders(services, at(2027, 1, 18, 9, 29)) == []
    (again,) = due_reminders(services, at(2027, 1, 18, 9, 30))
    assert again.kind is ReminderKind.SNOOZED
    assert "距截止还有13天" in again.text
    add_report(services, agency, 2026, at(2027, 1, 18, 9, 0))
    assert [r.kind for r in due_reminders(services, at(2027, 1, 18, 9, 30))] == [ReminderKind.RECEIVED]
    result = registration.snooze(services, data=first.buttons[0].data, user_id=5, now=at(2027, 1, 18, 10))
    assert result.outcome is registration.SnoozeOutcome.RECEIVED
    assert registration.snooze(services, data="nb:snooze:x", user_id=5, now=at(2027, 1, 18)).outcome is (
        registration.SnoozeOutcome.UNKNOWN
    )
    services.close()


async def test_sends_to_one_chat_are_staggered(tmp_path: Path, db_url: str) -> None:
    services = open_services(tmp_path / "d", db_url, reminder_chat_gap=3.0)
    for i in range(3):
        add_agency(services, f"威海市文登区测试局{i}", chat_id=-500)
    add_agency(services, "威海市文登区其他局", chat_id=-600)
    waits: list[float] = []

    async def fake_sleep(seconds: float) -> None:
        waits.append(seconds)

    sender = RecordingSender()
    summary = await send_due(services, at(2027, 1, 1, 9), sender, sleep=fake_sleep, clock=lambda: 100.0)
    assert summary.count(SendOutcome.SENT) == 4
    assert waits == [3.0, 3.0]  # two waits between the three messages to -500, none for -600
    services.close()


def test_obsolete_reminders_are_never_sent(tmp_path: Path, db_url: str) -> None:
    services = open_services(tmp_path / "d", db_url)
    add_agency(services, "威海市文登区教育局", chat_id=-102)
    # Down from before 1 January until 30 January 12:00: only the latest reminder, late. The deadline
    # (31 January 2027) is a Sunday: the last one was due on Friday 29 January, the last working day.
    (due,) = due_reminders(services, at(2027, 1, 30, 12))
    assert (due.key.kind, due.late) == ("last_workday", True)
    # After the deadline day: nothing for the agency itself.
    assert due_reminders(services, at(2027, 2, 1, 0, 1)) == []
    services.close()


def test_points_before_registration_are_skipped(tmp_path: Path, db_url: str) -> None:
    services = open_services(tmp_path / "d", db_url)
    add_agency(services, "威海市文登区教育局", chat_id=-102, registered_at=at(2027, 1, 20, 15))
    # The 14-day point (17 January) predates the registration, whose reply gave the deadline.
    assert due_reminders(services, at(2027, 1, 21, 9)) == []
    (due,) = due_reminders(services, at(2027, 1, 24, 9))
    assert (due.key.kind, due.key.days, due.key.stored_kind) == (SendKind.BEFORE, 7, "before:7")
    services.close()
