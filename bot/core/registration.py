"""/register, /supervise, /deadline, /missing and the snooze button: the use cases behind them.

Every function takes the Services and `now`, returns an outcome enum and the Chinese text to send.
Telegram specifics (who is a group admin) stay in bot.tg.reminders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy.orm import Session

from bot.core.deadlines import (
    CATEGORY_LABELS,
    Category,
    Deadline,
    format_day,
    parse_month_day,
    region_match_depth,
    resolve,
)
from bot.core.reminders import (
    Schedule,
    Snapshot,
    digest_text,
    load_snapshot,
    region_status,
    report_years,
    season_year,
)
from bot.core.replies import reminders as say
from bot.core.services import Services
from storage import registry
from storage.agencies import agencies_by_alias, find_or_create_agency, parse_agency_name
from storage.models import Agency
from storage.registry import ReceivedReport, Reporter

SNOOZE_FOR = timedelta(days=1)
_USERNAME = re.compile(r"@[A-Za-z][A-Za-z0-9_]{3,31}")


class RegisterOutcome(StrEnum):
    REGISTERED = "registered"
    UNCHANGED = "unchanged"
    USAGE = "usage"  # no name given
    NOT_GROUP = "not_group"
    NOT_ALLOWED = "not_allowed"


class SuperviseOutcome(StrEnum):
    SUPERVISING = "supervising"
    ALREADY = "already"
    USAGE = "usage"
    NOT_ALLOWED = "not_allowed"


class DeadlineOutcome(StrEnum):
    SET = "set"
    USAGE = "usage"
    NOT_SUPERVISOR = "not_supervisor"
    NOT_ALLOWED = "not_allowed"


class SnoozeOutcome(StrEnum):
    SNOOZED = "snoozed"
    RECEIVED = "received"  # nothing to snooze: the report is in
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Result:
    outcome: StrEnum
    text: str


def current_year(now: datetime, services: Services) -> int:
    return season_year(now.astimezone(services.settings.tz))


def split_register_args(args: list[str]) -> tuple[str, str]:
    """'/register 威海市文登区科学技术局 @zhangsan' -> (name, '@zhangsan')."""
    who = [a for a in args if _USERNAME.fullmatch(a)]
    name = "".join(a for a in args if a not in who)
    return name, who[0] if who else ""


def register(
    services: Services,
    *,
    chat_id: int,
    chat_title: str,
    is_group: bool,
    allowed: bool,
    args: list[str],
    user_id: int | None,
    now: datetime,
) -> Result:
    if not is_group:
        return Result(RegisterOutcome.NOT_GROUP, say.REGISTER_NOT_GROUP)
    if not allowed:
        return Result(RegisterOutcome.NOT_ALLOWED, say.NOT_ALLOWED)
    name, responsible = split_register_args(args)
    if not name:
        return Result(RegisterOutcome.USAGE, say.REGISTER_USAGE)
    with services.sessions.begin() as session:
        agency = _agency_for(session, name)
        if agency is None:
            return Result(RegisterOutcome.USAGE, say.REGISTER_USAGE)
        _, changed = registry.register_chat(
            session,
            agency.id,
            chat_id,
            now=now,
            chat_title=chat_title,
            responsible=responsible,
            registered_by=user_id,
        )
        agency_name = agency.name
    if not changed:
        return Result(RegisterOutcome.UNCHANGED, say.REGISTERED_UNCHANGED.format(agency=agency_name))
    year = current_year(now, services)
    snap = load_snapshot(services, [year])
    reporter = next(r for r in snap.reporters if r.name == agency_name)
    deadline = resolve(reporter, year, snap.rules)
    text = say.REGISTERED.format(
        agency=agency_name,
        who=say.REGISTERED_WHO.format(who=responsible) if responsible else "",
        year=year,
        deadline=format_day(deadline.day),
        source=deadline.source,
    )
    status = _status(deadline, snap.reports.get((reporter.agency_id, year)), now, services)
    return Result(RegisterOutcome.REGISTERED, f"{text}{_register_status(status)}")


def _agency_for(session: Session, name: str) -> Agency | None:
    """A known agency by full name or alias; else a new one, if the name is a full name."""
    known = agencies_by_alias(session, name)
    if len(known) == 1:
        return known[0]
    if not parse_agency_name(name).places:
        return None  # "科技局" alone: which one? Ask for the full name.
    agency, _ = find_or_create_agency(session, name)
    return agency


def supervise(
    services: Services,
    *,
    chat_id: int,
    chat_title: str,
    allowed: bool,
    region: str,
    user_id: int | None,
    now: datetime,
) -> Result:
    if not allowed:
        return Result(SuperviseOutcome.NOT_ALLOWED, say.NOT_ALLOWED)
    region = region.strip().strip("/")
    if not region:
        return Result(SuperviseOutcome.USAGE, say.SUPERVISE_USAGE)
    with services.sessions.begin() as session:
        added = registry.add_supervisor(
            session, chat_id, region, now=now, chat_title=chat_title, registered_by=user_id
        )
    if not added:
        return Result(SuperviseOutcome.ALREADY, say.SUPERVISED_ALREADY.format(region=region))
    interval = services.settings.digest_interval_days
    return Result(SuperviseOutcome.SUPERVISING, say.SUPERVISED.format(region=region, interval=interval))


# --- /deadline and /missing -------------------------------------------------------------------


@dataclass(frozen=True)
class _Status:
    received: str | None
    days: int


def _status(deadline: Deadline, got: ReceivedReport | None, now: datetime, services: Services) -> _Status:
    tz = services.settings.tz
    received = format_day(got.received_at.astimezone(tz).date()) if got else None
    return _Status(received, (deadline.day - now.astimezone(tz).date()).days)


def _register_status(status: _Status) -> str:
    if status.received:
        return "\n" + say.REGISTERED_STATUS_RECEIVED.format(received=status.received)
    if status.days >= 0:
        return "\n" + say.REGISTERED_STATUS_DAYS.format(days=status.days)
    return "\n" + say.REGISTERED_STATUS_OVERDUE.format(days=-status.days)


CATEGORY_WORDS = {
    "部门": Category.DEPARTMENT.value,
    "本级政府": Category.GOVERNMENT.value,
    "政府": Category.GOVERNMENT.value,
    "乡镇": Category.TOWNSHIP.value,
    "街道": Category.TOWNSHIP.value,
    "乡镇街道": Category.TOWNSHIP.value,
    "全部": "",
}


def deadline_text(services: Services, *, chat_id: int, now: datetime) -> str:
    """The deadline and status of every agency registered in this chat, or supervised from it."""
    year = current_year(now, services)
    snap = load_snapshot(services, [year])
    mine = [r for r in snap.reporters if r.chat_id == chat_id]
    with services.sessions() as session:
        regions = registry.supervised_regions(session, chat_id)
    mine += [
        r for r in snap.reporters
        if r not in mine and any(region_match_depth(r.region, r.name, g) for g in regions)
    ]  # fmt: skip
    if not mine:
        return say.DEADLINE_NONE
    return "\n".join(_deadline_line(snap, r, year, now, services) for r in mine)


def set_region_deadline(
    services: Services, *, chat_id: int, allowed: bool, args: list[str], now: datetime
) -> Result:
    """/deadline [部门|本级政府|乡镇|全部] MM-DD in a supervisor chat: the local rule for its regions."""
    if not allowed:
        return Result(DeadlineOutcome.NOT_ALLOWED, say.NOT_ALLOWED)
    days = [parse_month_day(a) for a in args]
    words = [a for a, d in zip(args, days, strict=True) if d is None]
    month_day = next((d for d in days if d is not None), None)
    if month_day is None or len(words) > 1 or (words and words[0] not in CATEGORY_WORDS):
        return Result(DeadlineOutcome.USAGE, say.DEADLINE_SET_USAGE)
    category = CATEGORY_WORDS[words[0]] if words else ""
    with services.sessions.begin() as session:
        regions = registry.supervised_regions(session, chat_id)
        if not regions:
            return Result(DeadlineOutcome.NOT_SUPERVISOR, say.DEADLINE_SET_NOT_SUPERVISOR)
        for region in regions:
            registry.set_region_deadline(session, region, category, month_day, now=now, note=say.DEADLINE_REGION_RULE.format(region=region))
    label = CATEGORY_LABELS[Category(category)] if category else say.ALL_CATEGORIES
    return Result(
        DeadlineOutcome.SET,
        say.DEADLINE_SET.format(
            regions="、".join(regions), label=label, month=month_day[0], day=month_day[1]
        ),
    )


def _deadline_line(snap: Snapshot, reporter: Reporter, year: int, now: datetime, services: Services) -> str:
    deadline = resolve(reporter, year, snap.rules)
    status = _status(deadline, snap.reports.get((reporter.agency_id, year)), now, services)
    if status.received:
        text = say.DEADLINE_STATUS_RECEIVED.format(received=status.received)
    elif status.days > 0:
        text = say.DEADLINE_STATUS_DAYS.format(days=status.days)
    elif status.days == 0:
        text = say.DEADLINE_STATUS_TODAY
    else:
        text = say.DEADLINE_STATUS_OVERDUE.format(days=-status.days)
    return say.DEADLINE_LINE.format(
        agency=reporter.name,
        year=year,
        deadline=format_day(deadline.day),
        source=deadline.source,
        status=text,
    )


def parse_missing_args(args: list[str]) -> tuple[int | None, str]:
    year = next((int(a.rstrip("年")) for a in args if re.fullmatch(r"(19|20)\d\d年?", a)), None)
    region = "".join(a for a in args if not re.fullmatch(r"(19|20)\d\d年?", a))
    return year, region


def missing_text(services: Services, *, chat_id: int, args: list[str], now: datetime) -> str:
    """/missing [年份] [地区]: who has not reported, and who reported late. Region defaults to the
    regions this chat supervises."""
    year, region = parse_missing_args(args)
    year = year or current_year(now, services)
    with services.sessions() as session:
        regions = [region] if region else registry.supervised_regions(session, chat_id)
    if not regions:
        return say.MISSING_NO_REGION
    snap = load_snapshot(services, sorted({year, *report_years(now)}))
    schedule = Schedule.from_settings(services.settings)
    parts = []
    for one in regions:
        status = region_status(snap, one, year, now, schedule.tz)
        if not status.expected:
            parts.append(say.MISSING_NONE_EXPECTED.format(region=one))
        elif not status.missing and not status.late:
            due = len(status.expected) - len(status.pending)
            parts.append(say.MISSING_ALL_IN.format(region=one, year=year, expected=due))
        else:
            parts.append(digest_text(status, now, schedule, next_at=None))
    return "\n\n".join(parts)


def snooze(services: Services, *, data: str, user_id: int | None, now: datetime) -> Result:
    """The "明天再提醒" button: callback data nb:snooze:<agency_id>:<year>."""
    try:
        _, _, agency_text, year_text = data.split(":")
        agency_id, year = int(agency_text), int(year_text)
    except ValueError:
        return Result(SnoozeOutcome.UNKNOWN, say.SNOOZE_UNKNOWN)
    with services.sessions.begin() as session:
        if session.get(Agency, agency_id) is None:
            return Result(SnoozeOutcome.UNKNOWN, say.SNOOZE_UNKNOWN)
        if (agency_id, year) in registry.received_reports(session, [year]):
            return Result(SnoozeOutcome.RECEIVED, say.SNOOZE_RECEIVED)
        registry.add_snooze(session, agency_id, year, now=now, until=now + SNOOZE_FOR, by_user=user_id)
    return Result(SnoozeOutcome.SNOOZED, say.SNOOZED)
