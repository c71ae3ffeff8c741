"""The reminders' registry for a question: who of the expected reporters of a year has no
report, and whose report may be late. Narrowed in the database (see registry_year)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from storage.models import CURRENT_REPORT, Agency, ChatRegistration, ReportRow
from storage.registry import ReceivedReport, Reporter


@dataclass(frozen=True)
class RegistryYear:
    """Registered reporters of a year: how many, how many reported, and the ones to look at —
    those without a current report, and those whose report may be late (first arrival on or
    after `since`, or dated after `first_deadline`)."""

    expected: int
    received: int
    without_report: list[Reporter]
    maybe_late: list[tuple[Reporter, ReceivedReport]]


def registry_year(
    session: Session,
    year: int,
    *,
    since: datetime,
    first_deadline: date,
    agency_ids: Sequence[int] | None = None,
) -> RegistryYear:
    current = (
        select(ReportRow.agency_id, ReportRow.published_on, ReportRow.received_at)
        .where(ReportRow.year == year, CURRENT_REPORT)
        .subquery()
    )
    # Every registration without a current report is read below, so received = expected - those.
    counting = select(func.count()).select_from(ChatRegistration)
    if agency_ids is not None:
        counting = counting.where(ChatRegistration.agency_id.in_(list(agency_ids)))
    expected = int(session.execute(counting).scalar_one())
    # The current version arriving on or after `since` (or dated late) makes a candidate; the
    # first version's arrival, which decides lateness, is then read for the candidates only.
    query = (
        select(
            Agency.id, Agency.name, Agency.region, Agency.level, Agency.kind,
            ChatRegistration.chat_id, ChatRegistration.chat_title, ChatRegistration.responsible,
            ChatRegistration.registered_at, current.c.agency_id, current.c.published_on,
        )
        .join(Agency, Agency.id == ChatRegistration.agency_id)
        .join(current, current.c.agency_id == ChatRegistration.agency_id, isouter=True)
        .where(
            or_(
                current.c.agency_id.is_(None),
                current.c.received_at >= since,
                current.c.published_on > first_deadline,
            )
        )
        .order_by(Agency.region, Agency.name)
    )  # fmt: skip
    if agency_ids is not None:
        query = query.where(ChatRegistration.agency_id.in_(list(agency_ids)))
    without: list[Reporter] = []
    candidates: list[tuple[Reporter, date | None]] = []
    for aid, name, region, level, kind, chat, title, who, at, has, published in session.execute(query):
        reporter = Reporter(aid, name, region or "", level or "", kind or "", chat, title, who, at)
        if has is None:
            without.append(reporter)
        else:
            candidates.append((reporter, published))
    first: dict[int, datetime] = {}
    if candidates:
        rows = session.execute(
            select(ReportRow.agency_id, ReportRow.received_at).where(
                ReportRow.year == year, ReportRow.agency_id.in_([r.agency_id for r, _ in candidates])
            )
        )
        for aid, received in rows:
            received = received if received.tzinfo else received.replace(tzinfo=UTC)
            if aid not in first or received < first[aid]:
                first[aid] = received
    late = [(r, ReceivedReport(r.agency_id, first[r.agency_id], published)) for r, published in candidates]
    return RegistryYear(expected, expected - len(without), without, late)
