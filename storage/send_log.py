"""The reminder send log (`reminder_sends`): the source of truth for "exactly once".

`claim_send` inserts the row before anything is sent, and only the transaction whose insert (or
retake) succeeded may send. A row's kind is stored as text ("before:7"); in code it is a typed
`SendKind` plus the days before the deadline.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import and_, or_, select, update
from sqlalchemy.orm import Session

from storage.insert import insert_ignore
from storage.models import ReminderSend

# A claim older than this is taken to belong to a process that died mid-send.
CLAIM_LEASE = timedelta(minutes=15)
# Transient failures (rate limits, network) are retried this many times, then given up.
MAX_ATTEMPTS = 5


class SendStatus(StrEnum):
    CLAIMED = "claimed"
    SENT = "sent"
    FAILED = "failed"
    BLOCKED = "blocked"


class SendKind(StrEnum):
    BEFORE = "before"  # `days` before the deadline
    DUE_DAY = "due_day"
    LAST_WORKDAY = "last_workday"
    SNOOZE = "snooze"
    RECEIVED = "received"
    DIGEST = "digest"
    DIGEST_COMPLETE = "digest_complete"
    BLOCKED = "blocked"  # the notice to the admins that a chat blocked the bot


@dataclass(frozen=True)
class SendKey:
    chat_id: int
    target: str
    year: int
    kind: SendKind
    scheduled_for: datetime
    days: int | None = None  # days before the deadline, for SendKind.BEFORE

    @property
    def stored_kind(self) -> str:
        return self.kind.value if self.days is None else f"{self.kind.value}:{self.days}"


def _key(row: ReminderSend) -> SendKey:
    kind, _, days = row.kind.partition(":")
    return SendKey(row.chat_id, row.target, row.year, SendKind(kind), row.scheduled_for, int(days) if days else None)


@dataclass(frozen=True)
class SendState:
    status: SendStatus
    attempts: int
    claimed_at: datetime
    sent_at: datetime | None


def send_states(session: Session, years: Iterable[int]) -> dict[SendKey, SendState]:
    rows = session.scalars(select(ReminderSend).where(ReminderSend.year.in_(list(years))))
    return {
        _key(r): SendState(
            SendStatus(r.status), r.attempts, r.claimed_at, r.sent_at
        )
        for r in rows
    }


def claim_send(
    session: Session,
    key: SendKey,
    *,
    agency_id: int | None,
    text: str,
    late: bool,
    claimed_by: str,
    now: datetime,
) -> int | None:
    """Claim the right to send `key`; the row id when this caller won, None when someone else has it.

    Insert-or-ignore on the unique key, so of two racing processes only one inserts. An existing row
    is retaken only when its earlier attempt failed transiently, or its claimer went silent for
    longer than the lease; the conditional UPDATE makes that retake atomic too.
    """
    values = {
        "chat_id": key.chat_id,
        "target": key.target,
        "year": key.year,
        "kind": key.stored_kind,
        "scheduled_for": key.scheduled_for,
        "agency_id": agency_id,
        "status": SendStatus.CLAIMED,
        "claimed_by": claimed_by,
        "claimed_at": now,
        "attempts": 1,
        "late": late,
        "text": text,
    }
    if not insert_ignore(session, ReminderSend, values):
        where = and_(
            ReminderSend.chat_id == key.chat_id,
            ReminderSend.target == key.target,
            ReminderSend.year == key.year,
            ReminderSend.kind == key.stored_kind,
            ReminderSend.scheduled_for == key.scheduled_for,
            or_(
                and_(ReminderSend.status == SendStatus.FAILED, ReminderSend.attempts < MAX_ATTEMPTS),
                and_(ReminderSend.status == SendStatus.CLAIMED, ReminderSend.claimed_at < now - CLAIM_LEASE),
            ),
        )
        retaken = session.execute(
            update(ReminderSend)
            .where(where)
            .values(
                status=SendStatus.CLAIMED,
                claimed_by=claimed_by,
                claimed_at=now,
                attempts=ReminderSend.attempts + 1,
                late=late,
                text=text,
                error=None,
            )
            .returning(ReminderSend.id)
            .execution_options(synchronize_session=False)
        )
        if retaken.first() is None:
            return None
    return session.scalar(
        select(ReminderSend.id).where(
            ReminderSend.chat_id == key.chat_id,
            ReminderSend.target == key.target,
            ReminderSend.year == key.year,
            ReminderSend.kind == key.stored_kind,
            ReminderSend.scheduled_for == key.scheduled_for,
        )
    )


def finish_send(
    session: Session, send_id: int, status: SendStatus, *, now: datetime, error: str | None = None
) -> None:
    session.execute(
        update(ReminderSend)
        .where(ReminderSend.id == send_id)
        .values(status=status, sent_at=now if status == SendStatus.SENT else None, error=error)
        .execution_options(synchronize_session=False)
    )


def sends(session: Session, *, year: int | None = None) -> list[ReminderSend]:
    query = select(ReminderSend).order_by(ReminderSend.id)
    if year is not None:
        query = query.where(ReminderSend.year == year)
    return list(session.scalars(query))
