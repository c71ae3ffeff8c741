"""Deadline reminders and missing-report digests: what is due now, and sending it exactly once.

The database is the source of truth. `due_reminders` is a pure function of the database and `now`:
for each registered agency, only the latest schedule point that has passed is due (so a bot that
was down sends one reminder, marked late, never the whole backlog, and never a 30-day reminder
after the deadline). `send_due` claims each one in the send log before sending it, so two
processes, or a restart, never send the same message twice.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import os
import socket
import time as monotonic_clock
import uuid
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime

from bot.core.digest import RegionStatus, digest, digest_text, region_status
from bot.core.reminder_agency import agency_reminders, is_late, received_text, reminder_text
from bot.core.reminder_model import (
    LATE_AFTER,
    NEXT_SEASON_OPENS,
    NOTICE_YEAR,
    Button,
    ChatBlocked,
    Reminder,
    ReminderKind,
    RetryLater,
    Schedule,
    Sender,
    SendOutcome,
    SendSummary,
    Snapshot,
    Snooze,
    Supervision,
    may_send,
)
from bot.core.replies import reminders as say
from bot.core.services import Services
from storage import registry, send_log
from storage.send_log import SendKey, SendKind, SendStatus

log = logging.getLogger(__name__)

# Re-exported: callers import the whole reminder vocabulary from here.
__all__ = [
    "LATE_AFTER", "NEXT_SEASON_OPENS", "NOTICE_YEAR", "Button", "ChatBlocked", "RegionStatus", "Reminder",
    "ReminderKind", "RetryLater", "Schedule", "SendOutcome", "SendSummary", "Sender", "Snapshot", "Snooze",
    "Supervision", "digest_text", "due_reminders", "is_late", "load_snapshot", "plan", "received_text",
    "region_status", "reminder_text", "report_years", "season_year", "send_due",
]  # fmt: skip


def season_year(now: datetime) -> int:
    """The report year being chased at `now`: last year's, or this year's from 1 December."""
    return now.year if (now.month, now.day) >= NEXT_SEASON_OPENS else now.year - 1


def report_years(now: datetime) -> list[int]:
    """Report years whose season may be running: last year's (deadline this year) and this year's."""
    return [now.year - 1, now.year]


def load_snapshot(services: Services, years: Sequence[int]) -> Snapshot:
    with services.sessions() as session:
        return Snapshot(
            reporters=registry.reporters(session),
            supervisions=[Supervision(s.chat_id, s.region) for s in registry.supervisors(session)],
            rules=registry.deadline_rules(session),
            reports=registry.received_reports(session, years),
            snoozes=[
                Snooze(s.agency_id, s.year, s.created_at, s.until) for s in registry.snoozes(session, years)
            ],
            sends=send_log.send_states(session, [NOTICE_YEAR, *years]),
            blocked={c: (b.blocked_at, b.error) for c, b in registry.blocked_chats(session).items()},
        )


def due_reminders(services: Services, now: datetime) -> list[Reminder]:
    """What should be sent at `now`; reads the database, writes nothing."""
    schedule = Schedule.from_settings(services.settings)
    now = now.astimezone(schedule.tz)
    years = report_years(now)
    return plan(load_snapshot(services, years), schedule, now, years)


def plan(snap: Snapshot, schedule: Schedule, now: datetime, years: Sequence[int]) -> list[Reminder]:
    due: list[Reminder] = []
    for year in years:
        for reporter in snap.reporters:
            if reporter.chat_id is None or reporter.chat_id in snap.blocked:
                continue
            due.extend(agency_reminders(snap, schedule, now, reporter, year))
        for supervision in snap.supervisions:
            if supervision.chat_id not in snap.blocked:
                due.extend(digest(snap, schedule, now, supervision, year))
    due.extend(_blocked_notices(snap, schedule, now))
    return sorted(due, key=lambda r: (r.key.scheduled_for, r.chat_id, r.about, r.key.kind))


# --- telling the admins about blocked chats ---------------------------------------------------


def _blocked_notices(snap: Snapshot, schedule: Schedule, now: datetime) -> list[Reminder]:
    due = []
    for chat_id, (blocked_at, error) in sorted(snap.blocked.items()):
        names = [r.name for r in snap.reporters if r.chat_id == chat_id]
        names += [say.BLOCKED_SUPERVISION.format(region=s.region) for s in snap.supervisions if s.chat_id == chat_id]
        who = say.BLOCKED_FOR.format(names="、".join(names)) if names else ""
        text = say.BLOCKED_NOTICE.format(chat=chat_id, who=who, error=error or say.BLOCKED_UNKNOWN_ERROR)
        for admin in schedule.admins:
            if admin in snap.blocked:
                continue
            key = SendKey(admin, f"chat:{chat_id}", NOTICE_YEAR, SendKind.BLOCKED, blocked_at)
            if may_send(snap, key, now):
                due.append(Reminder(ReminderKind.BLOCKED_NOTICE, key, None, False, text, about=str(chat_id)))
    return due


# --- sending ----------------------------------------------------------------------------------


def default_claimer() -> str:
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


async def send_due(
    services: Services,
    now: datetime,
    sender: Sender,
    *,
    claimed_by: str | None = None,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    clock: Callable[[], float] = monotonic_clock.monotonic,
) -> SendSummary:
    """Send everything due at `now`, each message at most once across processes and restarts."""
    claimer = claimed_by or default_claimer()
    gap = services.settings.reminder_chat_gap
    summary = SendSummary()
    last_sent: dict[int, float] = {}
    paused: set[int] = set()  # chats rate-limited or blocked during this run

    async def deliver(reminders: list[Reminder]) -> bool:
        newly_blocked = False
        for reminder in reminders:
            if reminder.chat_id in paused:
                continue
            send_id = await asyncio.to_thread(_claim, services, reminder, claimer, now)
            if send_id is None:
                summary.outcomes.append((reminder, SendOutcome.TAKEN))
                continue
            wait = last_sent.get(reminder.chat_id, -gap) + gap - clock()
            if wait > 0:
                await sleep(wait)  # Telegram allows about 20 messages a minute per group
            outcome = await _deliver_one(services, sender, reminder, send_id, now)
            last_sent[reminder.chat_id] = clock()
            summary.outcomes.append((reminder, outcome))
            if outcome in (SendOutcome.BLOCKED, SendOutcome.RETRY_LATER):
                paused.add(reminder.chat_id)
            newly_blocked |= outcome is SendOutcome.BLOCKED
        return newly_blocked

    if await deliver(await asyncio.to_thread(due_reminders, services, now)):
        # Tell the admins in the same run rather than on the next tick.
        notices = await asyncio.to_thread(due_reminders, services, now)
        await deliver([r for r in notices if r.kind is ReminderKind.BLOCKED_NOTICE])
    return summary


def _claim(services: Services, reminder: Reminder, claimer: str, now: datetime) -> int | None:
    with services.sessions.begin() as session:
        return send_log.claim_send(
            session, reminder.key, agency_id=reminder.agency_id, text=reminder.text,
            late=reminder.late, claimed_by=claimer, now=now,
        )  # fmt: skip


async def _deliver_one(
    services: Services, sender: Sender, reminder: Reminder, send_id: int, now: datetime
) -> SendOutcome:
    try:
        result = sender.send(reminder.chat_id, reminder.text, reminder.buttons)
        if inspect.isawaitable(result):
            await result
    except ChatBlocked as exc:
        log.warning("chat %s blocked the bot: %s", reminder.chat_id, exc)
        await asyncio.to_thread(
            _finish, services, send_id, SendStatus.BLOCKED, now, str(exc), True, reminder
        )
        return SendOutcome.BLOCKED
    except RetryLater as exc:
        log.info("chat %s: retry later (%s)", reminder.chat_id, exc)
        await asyncio.to_thread(
            _finish, services, send_id, SendStatus.FAILED, now, str(exc), False, reminder
        )
        return SendOutcome.RETRY_LATER
    except Exception as exc:
        log.exception("reminder %s to chat %s failed", reminder.key.kind, reminder.chat_id)
        await asyncio.to_thread(
            _finish,
            services,
            send_id,
            SendStatus.FAILED,
            now,
            f"{type(exc).__name__}: {exc}",
            False,
            reminder,
        )
        return SendOutcome.FAILED
    await asyncio.to_thread(_finish, services, send_id, SendStatus.SENT, now, None, False, reminder)
    log.info("sent %s for %s to chat %s", reminder.key.kind, reminder.about, reminder.chat_id)
    return SendOutcome.SENT


def _finish(
    services: Services, send_id: int, status: SendStatus, now: datetime, error: str | None, blocked: bool,
    reminder: Reminder,
) -> None:  # fmt: skip
    with services.sessions.begin() as session:
        send_log.finish_send(session, send_id, status, now=now, error=error)
        if blocked:
            registry.mark_blocked(session, reminder.chat_id, now=now, error=error or "")
