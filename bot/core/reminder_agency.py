"""An agency's own reminders: before the deadline, on its last working day, and "received"."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.core.deadlines import Deadline, format_day, resolve
from bot.core.reminder_model import (
    LATE_AFTER,
    Button,
    Reminder,
    ReminderKind,
    Schedule,
    Snapshot,
    local_time,
    may_send,
)
from bot.core.replies import reminders as say
from bot.core.workdays import (
    DeadlineDays,
    FestivalRelation,
    deadline_days,
    estimate_matters,
    is_workday,
    last_workday_before,
)
from storage.registry import ReceivedReport, Reporter
from storage.send_log import SendKey, SendKind

# --- an agency's own reminders ----------------------------------------------------------------


def agency_reminders(
    snap: Snapshot, schedule: Schedule, now: datetime, reporter: Reporter, year: int
) -> list[Reminder]:
    assert reporter.chat_id is not None
    deadline = resolve(reporter, year, snap.rules)
    target = f"agency:{reporter.agency_id}"
    got = snap.reports.get((reporter.agency_id, year))
    if got is not None:
        # One confirmation per agency and year, whatever version arrives: a fixed key.
        key = SendKey(
            reporter.chat_id, target, year, SendKind.RECEIVED, schedule.moment(date(year + 1, 1, 1), time(0))
        )
        if not may_send(snap, key, now):
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
    points: list[tuple[datetime, SendKind, int | None]] = []
    for day, kind, offset in _schedule_days(schedule, deadline.day):
        at = schedule.moment(day)
        if at < reporter.registered_at:
            continue  # the /register reply already gave the deadline
        if any(s.created_at <= at < s.until for s in own_snoozes):
            continue  # replaced by the snooze's own reminder
        points.append((at, kind, offset))
    points.extend((s.until, SendKind.SNOOZE, None) for s in own_snoozes if s.until < end)
    passed = [p for p in points if p[0] <= now]
    if not passed:
        return []
    at, kind, offset = max(passed)
    key = SendKey(reporter.chat_id, target, year, kind, at, offset)
    if not may_send(snap, key, now):
        return []
    late = now - at > LATE_AFTER
    days = (deadline.day - now.date()).days
    buttons = (Button(say.SNOOZE_BUTTON, f"nb:snooze:{reporter.agency_id}:{year}"),) if days > 0 else ()
    reminder_kind = _KINDS.get(kind, ReminderKind.BEFORE)
    calendar = deadline_days(deadline.day, now.astimezone(schedule.tz).date())
    text = reminder_text(
        reporter, year, deadline, days, late_from=at if late else None, tz=schedule.tz,
        calendar=calendar, last_workday=reminder_kind is ReminderKind.LAST_WORKDAY,
    )  # fmt: skip
    return [Reminder(reminder_kind, key, reporter.agency_id, late, text, buttons, about=reporter.name)]


_KINDS = {
    SendKind.SNOOZE: ReminderKind.SNOOZED,
    SendKind.DUE_DAY: ReminderKind.DUE_DAY,
    SendKind.LAST_WORKDAY: ReminderKind.LAST_WORKDAY,
}


def _schedule_days(schedule: Schedule, deadline: date) -> list[tuple[date, SendKind, int | None]]:
    """The days reminders are due, with their send-log kinds.

    When the deadline is not a working day (a weekend, 春节), nobody is at work to read a reminder
    between the last working day before it and the deadline: those are dropped, and the last
    reminder goes out on that last working day.
    """
    days = [
        (deadline - timedelta(days=offset), *((SendKind.DUE_DAY, None) if offset == 0 else (SendKind.BEFORE, offset)))
        for offset in schedule.offsets
    ]
    if is_workday(deadline):
        return days
    last = last_workday_before(deadline)
    return [(d, k, n) for d, k, n in days if d < last] + [(last, SendKind.LAST_WORKDAY, None)]


def reminder_text(
    reporter: Reporter,
    year: int,
    deadline: Deadline,
    days: int,
    *,
    late_from: datetime | None,
    tz: ZoneInfo,
    calendar: DeadlineDays | None = None,
    last_workday: bool = False,
) -> str:
    fields = {
        "agency": reporter.name,
        "year": year,
        "deadline": format_day(deadline.day),
        "source": deadline.source,
    }
    if last_workday:
        lines = [say.LAST_WORKDAY.format(days=days, **fields)]
    else:
        lines = [say.DUE_DAY.format(**fields) if days <= 0 else say.BEFORE.format(days=days, **fields)]
    if calendar is not None:
        lines += calendar_lines(calendar, show_left=days > 0, last_workday=last_workday)
    lines.append(say.HOW_TO_SEND)
    if reporter.responsible:
        lines.append(say.RESPONSIBLE.format(who=reporter.responsible))
    if late_from is not None:
        lines.append(say.LATE_NOTE.format(scheduled=local_time(late_from, tz)))
    return "\n".join(lines)


def calendar_lines(calendar: DeadlineDays, *, show_left: bool, last_workday: bool = False) -> list[str]:
    """春节 next to the deadline, working days left, and whether the holiday schedule is official."""
    lines: list[str] = []
    festival = calendar.festival
    if festival is not None and calendar.relation is not FestivalRelation.NONE:
        template = {
            FestivalRelation.DURING: say.FESTIVAL_DURING,
            FestivalRelation.BEFORE: say.FESTIVAL_BEFORE,
            FestivalRelation.AFTER: say.FESTIVAL_AFTER,
        }[calendar.relation]
        lines.append(
            template.format(
                deadline=format_day(calendar.deadline), first=format_day(festival.first),
                last=format_day(festival.last),
                last_workday=format_day(calendar.last_workday),
            )
        )  # fmt: skip
    if show_left:
        lines.append(say.WORKDAYS_LEFT.format(workdays=calendar.workdays_left))
    if estimate_matters(calendar) or (last_workday and not calendar.official):
        year = calendar.deadline.year
        new_year = festival.new_year if festival is not None else None
        lines.append(
            say.SCHEDULE_ESTIMATED.format(year=year, new_year=format_day(new_year))
            if new_year is not None
            else say.SCHEDULE_UNKNOWN.format(year=year)
        )
    return lines


def received_text(name: str, year: int, got: ReceivedReport, deadline: Deadline, tz: ZoneInfo) -> str:
    received = format_day(got.received_at.astimezone(tz).date())
    if is_late(got, deadline, tz):
        return say.RECEIVED_LATE.format(
            agency=name, year=year, received=received, deadline=format_day(deadline.day)
        )
    return say.RECEIVED.format(agency=name, year=year, received=received)


def is_late(got: ReceivedReport, deadline: Deadline, tz: ZoneInfo) -> bool:
    dated_late = got.published_on is not None and got.published_on > deadline.day
    return got.received_at.astimezone(tz).date() > deadline.day or dated_late
