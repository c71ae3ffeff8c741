"""The reminder planner's vocabulary: what is due, for whom, and what the database says now.

Shared by bot.core.reminders (planning and sending), bot.core.reminder_agency (an agency's own
reminders) and bot.core.digest (the supervisors' roll-up).
"""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Protocol
from zoneinfo import ZoneInfo

from bot.config import Settings
from bot.core.replies import reminders as say
from storage import send_log
from storage.models import DeadlineRule
from storage.registry import ReceivedReport, Reporter
from storage.send_log import SendKey, SendState, SendStatus

# A reminder sent more than this after its time says so ("补发").
LATE_AFTER = timedelta(minutes=30)
# Admin notices are not about a report year; they live under this year in the send log.
NOTICE_YEAR = 0
# Supervisor digests about report year Y stop on this day of Y + 1, when Y + 1's season begins.
NEXT_SEASON_OPENS = (12, 1)


class ReminderKind(StrEnum):
    BEFORE = "before"  # N days before the deadline
    DUE_DAY = "due_day"  # on the deadline day
    LAST_WORKDAY = "last_workday"  # the deadline is a day off: the last working day before it
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


def may_send(snap: Snapshot, key: SendKey, now: datetime) -> bool:
    state = snap.sends.get(key)
    if state is None:
        return True
    if state.status is SendStatus.FAILED:
        return state.attempts < send_log.MAX_ATTEMPTS
    if state.status is SendStatus.CLAIMED:
        return state.claimed_at < now - send_log.CLAIM_LEASE
    return False


def local_time(moment: datetime, tz: ZoneInfo) -> str:
    local = moment.astimezone(tz)
    return say.LOCAL_TIME.format(month=local.month, day=local.day, hhmm=f"{local:%H:%M}")
