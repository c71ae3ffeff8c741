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
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.core.deadlines import Deadline, format_day, region_match_depth, resolve
from bot.core.replies import reminders as say
from bot.core.services import Services
from storage import registry
from storage.models import DeadlineRule
from storage.registry import ReceivedReport, Reporter, SendKey, SendState

log = logging.getLogger(__name__)

# A reminder sent more than this after its time says so ("补发").
LATE_AFTER = timedelta(minutes=30)
# Admin notices are not about a report year; they live under this year in the send log.
NOTICE_YEAR = 0
# Supervisor digests about report year Y stop on this day of Y + 1, when Y + 1's season begins.
NEXT_SEASON_OPENS = (12, 1)


class ReminderKind(StrEnum):
    BEFORE = "before"  # N days before the deadline
    DUE_DAY = "due_day"  # on the deadline day
    SNOOZED = "snooze"  # the "remind me tomorrow" repeat
    RECEIVED = "received"  # the report arrived: reminders stop
    DIGEST = "digest"  # missing list to the supervisor chat, weekly after the deadline
    DIGEST_COMPLETE = "digest_complete"  # everything is in
    BLOCKED_NOTICE = "blocked_notice"  # to the admins: a chat blocked the bot


class SendOutcome(StrEnum):
    SENT = "sent"
    TAKEN = "taken"  # another process claimed it first
    BLOCKED = "blocked"
    RETRY_LATER = "retry_later"
    FAILED = "failed"


class ChatBlocked(Exception):
    """The chat removed or blocked the bot, or no longer exists: do not try again."""


class RetryLater(Exception):
    """Rate limited or a transient failure: try again on a later run."""

    def __init__(self, message: str = "", seconds: float = 0.0) -> None:
        super().__init__(message or f"retry after {seconds:g}s")
        self.seconds = seconds


@dataclass(frozen=True)
class Button:
    label: str
    data: str  # callback data, at most 64 bytes


@dataclass(frozen=True)
class Reminder:
    kind: ReminderKind
    key: SendKey
    agency_id: int | None
    late: bool
    text: str
    buttons: tuple[Button, ...] = ()
    about: str = ""  # agency name or region, for logs and dry runs

    @property
    def chat_id(self) -> int:
        return self.key.chat_id


class Sender(Protocol):
    """Delivers one message. May be sync or async; raises ChatBlocked or RetryLater."""

    def send(self, chat_id: int, text: str, buttons: Sequence[Button]) -> Awaitable[None] | None: ...


@dataclass
class SendSummary:
    outcomes: list[tuple[Reminder, SendOutcome]] = field(default_factory=list)

    def count(self, outcome: SendOutcome) -> int:
        return sum(1 for _, o in self.outcomes if o is outcome)

    @property
    def sent(self) -> list[Reminder]:
        return [r for r, o in self.outcomes if o is SendOutcome.SENT]


@dataclass(frozen=True)
class Schedule:
    offsets: tuple[int, ...]
    at: time
    digest_every: timedelta
    tz: ZoneInfo
    admins: tuple[int, ...]

    @classmethod
    def from_settings(cls, settings: Settings) -> Schedule:
        return cls(
            offsets=tuple(sorted({o for o in settings.reminder_offsets if o >= 0}, reverse=True)),
            at=time.fromisoformat(settings.reminder_time),
            digest_every=timedelta(days=settings.digest_interval_days),
            tz=settings.tz,
            admins=tuple(settings.admins),
        )

    def moment(self, day: date, at: time | None = None) -> datetime:
        """`day` at the reminder time (or `at`), local."""
        return datetime.combine(day, self.at if at is None else at, tzinfo=self.tz)


@dataclass(frozen=True)
class Supervision:
    chat_id: int
    region: str


@dataclass(frozen=True)
class Snooze:
    agency_id: int
    year: int
    created_at: datetime
    until: datetime


@dataclass(frozen=True)
class Snapshot:
    """Everything `due_reminders` reads, loaded in one session."""

    reporters: list[Reporter]
    supervisions: list[Supervision]
    rules: list[DeadlineRule]
    reports: dict[tuple[int, int], ReceivedReport]
    snoozes: list[Snooze]
    sends: dict[SendKey, SendState]
    blocked: dict[int, tuple[datetime, str]]


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
            sends=registry.send_states(session, [NOTICE_YEAR, *years]),
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
            due.extend(_agency_reminders(snap, schedule, now, reporter, year))
        for supervision in snap.supervisions:
            if supervision.chat_id not in snap.blocked:
                due.extend(_digest(snap, schedule, now, supervision, year))
    due.extend(_blocked_notices(snap, schedule, now))
    return sorted(due, key=lambda r: (r.key.scheduled_for, r.chat_id, r.about, r.key.kind))


def _may_send(snap: Snapshot, key: SendKey, now: datetime) -> bool:
    state = snap.sends.get(key)
    if state is None:
        return True
    if state.status == registry.STATUS_FAILED:
        return state.attempts < registry.MAX_ATTEMPTS
    if state.status == registry.STATUS_CLAIMED:
        return state.claimed_at < now - registry.CLAIM_LEASE
    return False


def _local(moment: datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz)
    return f"{local.month}月{local.day}日 {local:%H:%M}"


# --- an agency's own reminders ----------------------------------------------------------------


def _agency_reminders(
    snap: Snapshot, schedule: Schedule, now: datetime, reporter: Reporter, year: int
) -> list[Reminder]:
    assert reporter.chat_id is not None
    deadline = resolve(reporter, year, snap.rules)
    target = f"agency:{reporter.agency_id}"
    got = snap.reports.get((reporter.agency_id, year))
    if got is not None:
        # One confirmation per agency and year, whatever version arrives: a fixed key.
        key = SendKey(
            reporter.chat_id, target, year, "received", schedule.moment(date(year + 1, 1, 1), time(0))
        )
        if not _may_send(snap, key, now):
            return []
        return [
            Reminder(
                ReminderKind.RECEIVED, key, reporter.agency_id, False,
                received_text(reporter.name, year, got, deadline, schedule.tz), about=reporter.name,
            )
        ]  # fmt: skip

    end = schedule.moment(deadline.day + timedelta(days=1), time(0))
    if now >= end:
        return []  # after the deadline the supervisor digest takes over
    own_snoozes = [s for s in snap.snoozes if (s.agency_id, s.year) == (reporter.agency_id, year)]
    points: list[tuple[datetime, str]] = []
    for offset in schedule.offsets:
        at = schedule.moment(deadline.day - timedelta(days=offset))
        if at < reporter.registered_at:
            continue  # the /register reply already gave the deadline
        if any(s.created_at <= at < s.until for s in own_snoozes):
            continue  # replaced by the snooze's own reminder
        points.append((at, "due_day" if offset == 0 else f"before:{offset}"))
    points.extend((s.until, "snooze") for s in own_snoozes if s.until < end)
    passed = [p for p in points if p[0] <= now]
    if not passed:
        return []
    at, kind = max(passed)
    key = SendKey(reporter.chat_id, target, year, kind, at)
    if not _may_send(snap, key, now):
        return []
    late = now - at > LATE_AFTER
    days = (deadline.day - now.date()).days
    buttons = (Button(say.SNOOZE_BUTTON, f"nb:snooze:{reporter.agency_id}:{year}"),) if days > 0 else ()
    reminder_kind = (
        ReminderKind.SNOOZED
        if kind == "snooze"
        else ReminderKind.DUE_DAY
        if kind == "due_day"
        else ReminderKind.BEFORE
    )
    text = reminder_text(reporter, year, deadline, days, late_from=at if late else None, tz=schedule.tz)
    return [Reminder(reminder_kind, key, reporter.agency_id, late, text, buttons, about=reporter.name)]


def reminder_text(
    reporter: Reporter, year: int, deadline: Deadline, days: int, *, late_from: datetime | None, tz: ZoneInfo
) -> str:
    fields = {
        "agency": reporter.name,
        "year": year,
        "deadline": format_day(deadline.day),
        "source": deadline.source,
    }
    lines = [say.DUE_DAY.format(**fields) if days <= 0 else say.BEFORE.format(days=days, **fields)]
    lines.append(say.HOW_TO_SEND)
    if reporter.responsible:
        lines.append(say.RESPONSIBLE.format(who=reporter.responsible))
    if late_from is not None:
        lines.append(say.LATE_NOTE.format(scheduled=_local(late_from, tz)))
    return "\n".join(lines)


def received_text(name: str, year: int, got: ReceivedReport, deadline: Deadline, tz: ZoneInfo) -> str:
    received = format_day(got.received_at.astimezone(tz).date())
    if _is_late(got, deadline, tz):
        return say.RECEIVED_LATE.format(
            agency=name, year=year, received=received, deadline=format_day(deadline.day)
        )
    return say.RECEIVED.format(agency=name, year=year, received=received)


def _is_late(got: ReceivedReport, deadline: Deadline, tz: ZoneInfo) -> bool:
    dated_late = got.published_on is not None and got.published_on > deadline.day
    return got.received_at.astimezone(tz).date() > deadline.day or dated_late


# --- the supervisor's digest ------------------------------------------------------------------


@dataclass(frozen=True)
class RegionStatus:
    """Who in a region has reported on a year, as of a day."""

    region: str
    year: int
    expected: list[tuple[Reporter, Deadline]]
    missing: list[tuple[Reporter, Deadline]]  # deadline passed, nothing received
    pending: list[tuple[Reporter, Deadline]]  # deadline not reached, nothing received
    late: list[tuple[Reporter, Deadline, ReceivedReport]]
    received: int


def region_status(snap: Snapshot, region: str, year: int, now: datetime, tz: ZoneInfo) -> RegionStatus:
    today = now.astimezone(tz).date()
    members = [
        (r, resolve(r, year, snap.rules))
        for r in snap.reporters
        if not region or region_match_depth(r.region, r.name, region)  # "": every reporter
    ]
    missing: list[tuple[Reporter, Deadline]] = []
    pending: list[tuple[Reporter, Deadline]] = []
    late: list[tuple[Reporter, Deadline, ReceivedReport]] = []
    received = 0
    for reporter, deadline in members:
        got = snap.reports.get((reporter.agency_id, year))
        if got is None:
            (missing if deadline.day < today else pending).append((reporter, deadline))
            continue
        received += 1
        if _is_late(got, deadline, tz):
            late.append((reporter, deadline, got))
    missing.sort(key=lambda m: (m[1].day, m[0].name))
    late.sort(key=lambda m: (m[1].day, m[0].name))
    return RegionStatus(region, year, members, missing, pending, late, received)


def _digest(snap: Snapshot, schedule: Schedule, now: datetime, sup: Supervision, year: int) -> list[Reminder]:
    """Missing list at the reminder time of a day when something is overdue, then every interval.

    Keyed on that day, not on a fixed calendar: a digest missed while the bot was down goes out
    once when it is back, and the next one follows a full interval later.
    """
    if now >= schedule.moment(date(year + 1, *NEXT_SEASON_OPENS), time(0)):
        return []  # a new season: stop chasing last year's stragglers
    status = region_status(snap, sup.region, year, now, schedule.tz)
    if not status.expected:
        return []
    target = f"region:{sup.region}"
    earlier = [
        k.scheduled_for
        for k, s in snap.sends.items()
        if (k.chat_id, k.target, k.year, k.kind) == (sup.chat_id, target, year, "digest")
        and s.status != registry.STATUS_FAILED
    ]  # fmt: skip
    if status.missing:
        at = schedule.moment(now.astimezone(schedule.tz).date())
        if now < at or any(at - schedule.digest_every < e < at for e in earlier):
            return []
        key = SendKey(sup.chat_id, target, year, "digest", at)
        if not _may_send(snap, key, now):
            return []
        text = digest_text(status, now, schedule, next_at=at + schedule.digest_every)
        return [Reminder(ReminderKind.DIGEST, key, None, now - at > LATE_AFTER, text, about=sup.region)]
    # Complete: say so once, and only to a chat that was told something was missing.
    passed = [d.day for _, d in status.expected if d.day < now.astimezone(schedule.tz).date()]
    if not earlier or not passed:
        return []
    # Keyed on the latest passed deadline: after a later one (31 March) it can be complete again.
    key = SendKey(sup.chat_id, target, year, "digest_complete", schedule.moment(max(passed), time(0)))
    if max(earlier) < key.scheduled_for or not _may_send(snap, key, now):
        return []
    text = digest_text(status, now, schedule, next_at=None)
    return [Reminder(ReminderKind.DIGEST_COMPLETE, key, None, False, text, about=sup.region)]


def digest_text(status: RegionStatus, now: datetime, schedule: Schedule, *, next_at: datetime | None) -> str:
    tz = schedule.tz
    today = now.astimezone(tz).date()
    due_count = len(status.expected) - len(status.pending)
    if not status.missing:
        lines = [say.DIGEST_COMPLETE.format(region=status.region, year=status.year, expected=due_count)]
    else:
        lines = [
            say.DIGEST_HEAD.format(region=status.region, year=status.year, today=format_day(today)),
            say.DIGEST_COUNTS.format(
                expected=len(status.expected),
                received=status.received,
                missing=len(status.missing),
                pending=len(status.pending),
            ),
            say.DIGEST_MISSING_HEAD,
        ]
        for n, (reporter, deadline) in enumerate(status.missing, 1):
            who = f" {reporter.responsible}" if reporter.responsible else ""
            lines.append(
                say.DIGEST_MISSING_LINE.format(
                    n=n, agency=reporter.name, deadline=format_day(deadline.day),
                    days=(today - deadline.day).days, who=who,
                )
            )  # fmt: skip
    if status.late:
        lines.append(say.DIGEST_LATE_HEAD)
        for n, (reporter, deadline, got) in enumerate(status.late, 1):
            received_day = got.received_at.astimezone(tz).date()
            what = [say.DIGEST_LATE_RECEIVED.format(received=format_day(received_day))]
            if got.published_on is not None and got.published_on > deadline.day:
                what.append(say.DIGEST_LATE_DATED.format(published=format_day(got.published_on)))
            lines.append(
                say.DIGEST_LATE_LINE.format(
                    n=n, agency=reporter.name, deadline=format_day(deadline.day), what="，".join(what)
                )
            )
    if status.missing and next_at is not None:
        lines.append(say.DIGEST_NEXT.format(interval=schedule.digest_every.days, next=_local(next_at, tz)))
    return "\n".join(lines)


# --- telling the admins about blocked chats ---------------------------------------------------


def _blocked_notices(snap: Snapshot, schedule: Schedule, now: datetime) -> list[Reminder]:
    due = []
    for chat_id, (blocked_at, error) in sorted(snap.blocked.items()):
        names = [r.name for r in snap.reporters if r.chat_id == chat_id]
        names += [f"{s.region}汇总" for s in snap.supervisions if s.chat_id == chat_id]
        who = say.BLOCKED_FOR.format(names="、".join(names)) if names else ""
        text = say.BLOCKED_NOTICE.format(chat=chat_id, who=who, error=error or "未知错误")
        for admin in schedule.admins:
            if admin in snap.blocked:
                continue
            key = SendKey(admin, f"chat:{chat_id}", NOTICE_YEAR, "blocked", blocked_at)
            if _may_send(snap, key, now):
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
        return registry.claim_send(
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
            _finish, services, send_id, registry.STATUS_BLOCKED, now, str(exc), True, reminder
        )
        return SendOutcome.BLOCKED
    except RetryLater as exc:
        log.info("chat %s: retry later (%s)", reminder.chat_id, exc)
        await asyncio.to_thread(
            _finish, services, send_id, registry.STATUS_FAILED, now, str(exc), False, reminder
        )
        return SendOutcome.RETRY_LATER
    except Exception as exc:
        log.exception("reminder %s to chat %s failed", reminder.key.kind, reminder.chat_id)
        await asyncio.to_thread(
            _finish,
            services,
            send_id,
            registry.STATUS_FAILED,
            now,
            f"{type(exc).__name__}: {exc}",
            False,
            reminder,
        )
        return SendOutcome.FAILED
    await asyncio.to_thread(_finish, services, send_id, registry.STATUS_SENT, now, None, False, reminder)
    log.info("sent %s for %s to chat %s", reminder.key.kind, reminder.about, reminder.chat_id)
    return SendOutcome.SENT


def _finish(
    services: Services, send_id: int, status: str, now: datetime, error: str | None, blocked: bool,
    reminder: Reminder,
) -> None:  # fmt: skip
    with services.sessions.begin() as session:
        registry.finish_send(session, send_id, status, now=now, error=error)
        if blocked:
            registry.mark_blocked(session, reminder.chat_id, now=now, error=error or "")
