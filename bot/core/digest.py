"""The supervisors' digest: who in a region has reported on a year, and the weekly missing list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.core.deadlines import Deadline, format_day, region_match_depth, resolve
from bot.core.reminder_agency import is_late
from bot.core.reminder_model import (
    LATE_AFTER,
    NEXT_SEASON_OPENS,
    Reminder,
    ReminderKind,
    Schedule,
    Snapshot,
    Supervision,
    local_time,
    may_send,
)
from bot.core.replies import reminders as say
from bot.core.workdays import workdays_overdue
from storage.registry import ReceivedReport, Reporter
from storage.send_log import SendKey, SendKind, SendStatus

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
        if is_late(got, deadline, tz):
            late.append((reporter, deadline, got))
    missing.sort(key=lambda m: (m[1].day, m[0].name))
    late.sort(key=lambda m: (m[1].day, m[0].name))
    return RegionStatus(region, year, members, missing, pending, late, received)


def digest(snap: Snapshot, schedule: Schedule, now: datetime, sup: Supervision, year: int) -> list[Reminder]:
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
        if (k.chat_id, k.target, k.year, k.kind) == (sup.chat_id, target, year, SendKind.DIGEST)
        and s.status is not SendStatus.FAILED
    ]  # fmt: skip
    if status.missing:
        at = schedule.moment(now.astimezone(schedule.tz).date())
        if now < at or any(at - schedule.digest_every < e < at for e in earlier):
            return []
        key = SendKey(sup.chat_id, target, year, SendKind.DIGEST, at)
        if not may_send(snap, key, now):
            return []
        text = digest_text(status, now, schedule, next_at=at + schedule.digest_every)
        return [Reminder(ReminderKind.DIGEST, key, None, now - at > LATE_AFTER, text, about=sup.region)]
    # Complete: say so once, and only to a chat that was told something was missing.
    passed = [d.day for _, d in status.expected if d.day < now.astimezone(schedule.tz).date()]
    if not earlier or not passed:
        return []
    # Keyed on the latest passed deadline: after a later one (31 March) it can be complete again.
    key = SendKey(sup.chat_id, target, year, SendKind.DIGEST_COMPLETE, schedule.moment(max(passed), time(0)))
    if max(earlier) < key.scheduled_for or not may_send(snap, key, now):
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
                    workdays=workdays_overdue(deadline.day, today),
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
        lines.append(
            say.DIGEST_NEXT.format(interval=schedule.digest_every.days, next=local_time(next_at, tz))
        )
    return "\n".join(lines)
