"""Reminder registry queries: who reports where, which deadlines apply, snoozes and blocked chats
(plain functions). What was sent lives in storage.send_log."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.insert import insert_ignore
from storage.models import (
    CURRENT_REPORT,
    Agency,
    BlockedChat,
    ChatRegistration,
    DeadlineRule,
    ReminderSnooze,
    ReportRow,
    SupervisorChat,
)


@dataclass(frozen=True)
class Reporter:
    """An expected reporter with its registration."""

    agency_id: int
    name: str
    region: str
    level: str
    kind: str
    chat_id: int | None
    chat_title: str
    responsible: str
    registered_at: datetime


@dataclass(frozen=True)
class ReceivedReport:
    agency_id: int
    received_at: datetime
    published_on: date | None


# --- registrations -------------------------------------------------------------------------------


def register_chat(
    session: Session,
    agency_id: int,
    chat_id: int | None,
    *,
    now: datetime,
    chat_title: str = "",
    responsible: str = "",
    registered_by: int | None = None,
    source: str = "telegram",
) -> tuple[ChatRegistration, bool]:
    """Bind (or re-bind) an agency to a chat. Returns the row and whether anything changed."""
    row = session.scalar(select(ChatRegistration).where(ChatRegistration.agency_id == agency_id))
    if row is None:
        row = ChatRegistration(
            agency_id=agency_id,
            chat_id=chat_id,
            chat_title=chat_title,
            responsible=responsible,
            registered_by=registered_by,
            registered_at=now,
            source=source,
        )
        session.add(row)
        changed = True
    else:
        changed = (row.chat_id, row.responsible) != (chat_id, responsible) or (
            bool(chat_title) and row.chat_title != chat_title
        )
        if changed:
            row.chat_id = chat_id
            row.chat_title = chat_title or row.chat_title
            row.responsible = responsible
            row.registered_by = registered_by
            row.registered_at = now
            row.source = source
    if chat_id is not None:
        unblock_chat(session, chat_id)
    session.flush()
    return row, changed


def reporters(session: Session) -> list[Reporter]:
    # Plain columns, not ORM entities: the question "哪些单位没报" reads every registration.
    rows = session.execute(
        select(
            Agency.id,
            Agency.name,
            Agency.region,
            Agency.level,
            Agency.kind,
            ChatRegistration.chat_id,
            ChatRegistration.chat_title,
            ChatRegistration.responsible,
            ChatRegistration.registered_at,
        )
        .join(Agency, Agency.id == ChatRegistration.agency_id)
        .order_by(Agency.region, Agency.name)
    ).all()
    return [
        Reporter(
            agency_id=agency_id,
            name=name,
            region=region or "",
            level=level or "",
            kind=kind or "",
            chat_id=chat_id,
            chat_title=chat_title,
            responsible=responsible,
            registered_at=registered_at,
        )
        for agency_id, name, region, level, kind, chat_id, chat_title, responsible, registered_at in rows
    ]


def add_supervisor(
    session: Session,
    chat_id: int,
    region: str,
    *,
    now: datetime,
    chat_title: str = "",
    registered_by: int | None = None,
) -> bool:
    """Make a chat the supervisor of a region. False when it already was."""
    exists = session.scalar(
        select(SupervisorChat).where(SupervisorChat.chat_id == chat_id, SupervisorChat.region == region)
    )
    if exists is not None:
        return False
    session.add(
        SupervisorChat(
            chat_id=chat_id,
            region=region,
            chat_title=chat_title,
            registered_by=registered_by,
            registered_at=now,
        )
    )
    unblock_chat(session, chat_id)
    session.flush()
    return True


def supervisors(session: Session) -> list[SupervisorChat]:
    return list(session.scalars(select(SupervisorChat).order_by(SupervisorChat.id)))


def supervised_regions(session: Session, chat_id: int) -> list[str]:
    return list(
        session.scalars(
            select(SupervisorChat.region).where(SupervisorChat.chat_id == chat_id).order_by(SupervisorChat.id)
        )
    )


def update_agency_place(session: Session, agency_id: int, *, region: str, level: str) -> bool:
    agency = session.get(Agency, agency_id)
    if agency is None or (agency.region, agency.level) == (region, level):
        return False
    agency.region, agency.level = region, level
    return True


# --- deadline rules ------------------------------------------------------------------------------


def deadline_rules(session: Session) -> list[DeadlineRule]:
    return list(session.scalars(select(DeadlineRule).order_by(DeadlineRule.id)))


def set_agency_deadline(
    session: Session, agency_id: int, month_day: tuple[int, int] | None, *, now: datetime, note: str = ""
) -> bool:
    """Set (or with None remove) an agency's own deadline. Returns whether anything changed."""
    row = session.scalar(select(DeadlineRule).where(DeadlineRule.agency_id == agency_id))
    if month_day is None:
        if row is None:
            return False
        session.delete(row)
        return True
    if row is None:
        session.add(
            DeadlineRule(agency_id=agency_id, month=month_day[0], day=month_day[1], note=note, created_at=now)
        )
        return True
    if (row.month, row.day) == month_day:
        return False
    row.month, row.day, row.note = month_day[0], month_day[1], note
    return True


def set_region_deadline(
    session: Session,
    region: str,
    category: str,
    month_day: tuple[int, int],
    *,
    now: datetime,
    note: str = "",
) -> None:
    row = session.scalar(
        select(DeadlineRule).where(
            DeadlineRule.agency_id.is_(None),
            DeadlineRule.region == region,
            DeadlineRule.category == category,
        )
    )
    if row is None:
        session.add(
            DeadlineRule(
                region=region,
                category=category,
                month=month_day[0],
                day=month_day[1],
                note=note,
                created_at=now,
            )
        )
    else:
        row.month, row.day, row.note = month_day[0], month_day[1], note
    session.flush()


# --- reports -------------------------------------------------------------------------------------


def received_reports(session: Session, years: Iterable[int]) -> dict[tuple[int, int], ReceivedReport]:
    """(agency_id, year) -> when its current report arrived, for the given report years.

    "Arrived" is the first version's arrival: a corrected re-upload does not make a report late.
    """
    years = list(years)
    current = session.execute(
        select(ReportRow.agency_id, ReportRow.year, ReportRow.published_on).where(
            ReportRow.year.in_(years), CURRENT_REPORT
        )
    ).all()
    earliest: dict[tuple[int, int], datetime] = {}
    for agency_id, year, received in session.execute(
        select(ReportRow.agency_id, ReportRow.year, ReportRow.received_at).where(ReportRow.year.in_(years))
    ).all():
        received = _aware(received)
        key = (agency_id, year)
        if key not in earliest or received < earliest[key]:
            earliest[key] = received
    return {
        (agency_id, year): ReceivedReport(agency_id, earliest[(agency_id, year)], published_on)
        for agency_id, year, published_on in current
    }


def _aware(value: datetime) -> datetime:
    # SQLite returns naive values for timezone-aware columns; they were written as UTC there.
    return value if value.tzinfo is not None else value.replace(tzinfo=UTC)


# --- snoozes -------------------------------------------------------------------------------------


def add_snooze(
    session: Session, agency_id: int, year: int, *, now: datetime, until: datetime, by_user: int | None
) -> None:
    session.add(ReminderSnooze(agency_id=agency_id, year=year, created_at=now, until=until, by_user=by_user))
    session.flush()


def snoozes(session: Session, years: Iterable[int]) -> list[ReminderSnooze]:
    return list(
        session.scalars(
            select(ReminderSnooze).where(ReminderSnooze.year.in_(list(years))).order_by(ReminderSnooze.id)
        )
    )


# --- blocked chats -------------------------------------------------------------------------------


def mark_blocked(session: Session, chat_id: int, *, now: datetime, error: str) -> bool:
    """Record a chat as blocked. False when it already was (so admins are told once)."""
    inserted = insert_ignore(session, BlockedChat, {"chat_id": chat_id, "blocked_at": now, "error": error})
    return inserted


def unblock_chat(session: Session, chat_id: int) -> None:
    session.execute(delete(BlockedChat).where(BlockedChat.chat_id == chat_id))


def blocked_chats(session: Session) -> dict[int, BlockedChat]:
    return {row.chat_id: row for row in session.scalars(select(BlockedChat))}
