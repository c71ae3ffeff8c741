"""Helpers for reminder tests: agencies, registrations, reports, a recording sender, a clock."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.core.reminders import Button, ChatBlocked, RetryLater
from bot.core.services import Services
from storage import registry
from storage.models import Agency, ReportRow, SourceFile

TZ = ZoneInfo("Asia/Shanghai")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=TZ)


def add_agency(
    services: Services,
    name: str,
    *,
    region: str = "山东省/威海市/文登区",
    level: str = "county",
    kind: str = "",
    chat_id: int | None = None,
    responsible: str = "",
    registered_at: datetime | None = None,
    deadline: tuple[int, int] | None = None,
) -> int:
    now = registered_at or at(2026, 12, 1, 8)
    with services.sessions.begin() as session:
        agency = Agency(name=name, region=region, level=level, kind=kind, created_at=now)
        session.add(agency)
        session.flush()
        registry.register_chat(
            session, agency.id, chat_id, now=now, responsible=responsible, source="test"
        )
        if deadline:
            registry.set_agency_deadline(session, agency.id, deadline, now=now, note="本机构规定")
        return agency.id


def add_report(
    services: Services,
    agency_id: int,
    year: int,
    received_at: datetime,
    published_on: date | None = None,
) -> None:
    with services.sessions.begin() as session:
        source = SourceFile(
            sha256=f"{agency_id:032x}{year:032x}"[:64],
            path=f"originals/{agency_id}-{year}",
            original_name=f"{agency_id}.pdf",
            size=1,
            kind="pdf",
            received_at=received_at,
        )
        session.add(source)
        session.flush()
        session.add(
            ReportRow(
                agency_id=agency_id,
                year=year,
                template="2021",
                published_on=published_on,
                source_file_id=source.id,
                parser_version="test",
                is_current=True,
                version=1,
                warnings=[],
                checks_ok=True,
                received_at=received_at,
            )
        )


@dataclass
class Sent:
    chat_id: int
    text: str
    buttons: tuple[Button, ...]


@dataclass
class RecordingSender:
    """Records what would reach Telegram; chats in `blocked` raise ChatBlocked, `limited` RetryLater."""

    sent: list[Sent] = field(default_factory=list)
    blocked: set[int] = field(default_factory=set)
    limited: set[int] = field(default_factory=set)

    async def send(self, chat_id: int, text: str, buttons: Sequence[Button]) -> None:
        if chat_id in self.blocked:
            raise ChatBlocked("Forbidden: bot was kicked from the group chat")
        if chat_id in self.limited:
            raise RetryLater(seconds=30)
        self.sent.append(Sent(chat_id, text, tuple(buttons)))


async def no_sleep(_seconds: float) -> None:
    return None
