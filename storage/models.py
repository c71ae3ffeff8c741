"""SQLAlchemy 2 typed models. One current report per agency and year; history kept."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    ColumnElement,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    literal_column,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from storage.column_types import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Agency(Base):
    __tablename__ = "agencies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    # "山东省/威海市/文登区"; empty when unknown.
    region: Mapped[str] = mapped_column(String(200), default="")
    # "province" | "city" | "county" | "township" | "" (unknown): decides the statutory deadline.
    level: Mapped[str] = mapped_column(String(20), default="")
    # 部门 / 乡镇街道 / 开发区 / 政府 ...
    kind: Mapped[str] = mapped_column(String(20), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())

    aliases: Mapped[list[AgencyAlias]] = relationship(back_populates="agency", cascade="all, delete-orphan")
    reports: Mapped[list[ReportRow]] = relationship(back_populates="agency")


class AgencyAlias(Base):
    __tablename__ = "agency_aliases"
    __table_args__ = (UniqueConstraint("agency_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(200), index=True)
    # "generated" from the full name, or "user" when confirmed in chat.
    source: Mapped[str] = mapped_column(String(20), default="generated")

    agency: Mapped[Agency] = relationship(back_populates="aliases")


class SourceFile(Base):
    """An uploaded original, stored content-addressed under the data directory."""

    __tablename__ = "source_files"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str] = mapped_column(String(300))  # relative to the data directory
    original_name: Mapped[str] = mapped_column(String(300))
    size: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(20), default="")  # pdf / docx / html / ...
    sender_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    sender_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The page address, when the report was fetched from a link.
    source_url: Mapped[str | None] = mapped_column(Text, nullable=True)


class ReportRow(Base):
    __tablename__ = "reports"
    __table_args__ = (
        # At most one current version per agency and year.
        Index(
            "uq_reports_current",
            "agency_id",
            "year",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
        # agency_id last: "which agencies have no current report for this year" is then an index probe.
        Index("ix_reports_year_current", "year", "is_current", "agency_id"),
        # A year's reports that fail a check: counted and listed from this small range (issue 14).
        Index(
            "ix_reports_failed_checks",
            "year",
            "agency_id",
            sqlite_where=text("is_current AND NOT checks_ok"),
            postgresql_where=text("is_current AND NOT checks_ok"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="RESTRICT"))
    year: Mapped[int] = mapped_column(Integer)
    template: Mapped[str | None] = mapped_column(String(4), nullable=True)
    title: Mapped[str | None] = mapped_column(String(300), nullable=True)
    published_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Unique: one report per uploaded file, so two ingests of the same bytes cannot both store it.
    source_file_id: Mapped[int] = mapped_column(ForeignKey("source_files.id"), index=True, unique=True)
    parser_version: Mapped[str] = mapped_column(String(20))
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer, default=1)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"), nullable=True)
    # Human summary of what changed against the previous version ("发布后有变动").
    changes: Mapped[list[Any] | None] = mapped_column(JSON, nullable=True)
    warnings: Mapped[list[Any]] = mapped_column(JSON, default=list)
    checks_ok: Mapped[bool] = mapped_column(Boolean, default=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # Null unless read by OCR: engine, pages, confidence per value key, low-confidence keys.
    ocr: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)

    agency: Mapped[Agency] = relationship(back_populates="reports")
    source_file: Mapped[SourceFile] = relationship()
    cell_set: Mapped[CellRow | None] = relationship(back_populates="report", cascade="all, delete-orphan")
    facts: Mapped[list[FactRow]] = relationship(back_populates="report", cascade="all, delete-orphan")
    checks: Mapped[list[CheckRow]] = relationship(back_populates="report", cascade="all, delete-orphan")


# "The current report" spelt as the partial indexes on reports are (WHERE is_current): PostgreSQL does
# not match `is_current IS true` to them and scanned a year's reports (58 ms at 400 000; now 0.1 ms).
CURRENT_REPORT: ColumnElement[bool] = literal_column("reports.is_current")


class CellRow(Base):
    """The table cells of a report as one row (issue 14): {key: value} in printed order (None =
    blank) and where each was read, {key: [raw, page, table, row, col]}. A row per cell was ~200 rows
    and index entries a report, most of the store time and half the disk at a million reports;
    nothing queries one cell across reports (current_values does that), so nothing is lost."""

    __tablename__ = "report_cells"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True)
    cells: Mapped[dict[str, float | None]] = mapped_column(JSON)
    sources: Mapped[dict[str, list[Any]]] = mapped_column(JSON)

    report: Mapped[ReportRow] = relationship(back_populates="cell_set")


class FactRow(Base):
    __tablename__ = "report_facts"
    __table_args__ = (Index("ix_report_facts_key_value", "key", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    key: Mapped[str] = mapped_column(String(60))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(10))
    source: Mapped[str] = mapped_column(Text)
    page: Mapped[int | None] = mapped_column(Integer, nullable=True)
    paragraph: Mapped[int | None] = mapped_column(Integer, nullable=True)

    report: Mapped[ReportRow] = relationship(back_populates="facts")


class CheckRow(Base):
    __tablename__ = "report_checks"
    # "Which reports of a year fail a check" (and which could not be checked) starts from the few
    # checks that did not pass, not from every check of the year. Queries repeat the predicate.
    __table_args__ = (
        Index(
            "ix_report_checks_failed",
            "report_id",
            sqlite_where=text("status <> 'pass'"),
            postgresql_where=text("status <> 'pass'"),
        ),
        Index(
            "ix_report_checks_unverified",
            "report_id",
            "rule",
            sqlite_where=text("status NOT IN ('pass', 'fail')"),
            postgresql_where=text("status NOT IN ('pass', 'fail')"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    rule: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(20))  # pass / fail / unverifiable
    detail: Mapped[str] = mapped_column(Text)

    report: Mapped[ReportRow] = relationship(back_populates="checks")


# --- Reminders (H6): who reports where, which deadlines apply, what was sent --------------------


class ChatRegistration(Base):
    """An expected reporter: an agency, the chat its reminders go to (None: none yet), who answers."""

    __tablename__ = "chat_registrations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), unique=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)
    chat_title: Mapped[str] = mapped_column(String(200), default="")
    responsible: Mapped[str] = mapped_column(String(100), default="")  # "@username" or ""
    registered_by: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime())
    source: Mapped[str] = mapped_column(String(20), default="telegram")  # telegram / csv

    agency: Mapped[Agency] = relationship()


class SupervisorChat(Base):
    """A chat (政务公开办) that sees the roll-up of every agency in a region."""

    __tablename__ = "supervisor_chats"
    __table_args__ = (UniqueConstraint("chat_id", "region"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    region: Mapped[str] = mapped_column(String(200))  # "威海市" or "山东省/威海市"
    chat_title: Mapped[str] = mapped_column(String(200), default="")
    registered_by: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DeadlineRule(Base):
    """Overrides the statutory deadline: for one agency, or for a region (and optionally a category)."""

    __tablename__ = "deadline_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("agencies.id", ondelete="CASCADE"), nullable=True, index=True
    )
    region: Mapped[str] = mapped_column(String(200), default="")
    # "" = every agency; "department" / "government" / "township" otherwise.
    category: Mapped[str] = mapped_column(String(20), default="")
    month: Mapped[int] = mapped_column(Integer)
    day: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ReminderSend(Base):
    """One message the bot owes or has sent. The unique key is the exactly-once claim."""

    __tablename__ = "reminder_sends"
    __table_args__ = (
        UniqueConstraint("chat_id", "target", "year", "kind", "scheduled_for", name="uq_reminder_sends_key"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(BigInteger)
    # "agency:12", "region:威海市" or "chat:-100123" (blocked-chat notices): never NULL, so the key holds.
    target: Mapped[str] = mapped_column(String(220))
    agency_id: Mapped[int | None] = mapped_column(
        ForeignKey("agencies.id", ondelete="CASCADE"), nullable=True, index=True
    )
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(40))  # before:30 / due_day / received / digest:3 / ...
    scheduled_for: Mapped[datetime] = mapped_column(UTCDateTime())
    status: Mapped[str] = mapped_column(String(20))  # claimed / sent / failed / blocked
    claimed_by: Mapped[str] = mapped_column(String(100))
    claimed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text, default="")
    error: Mapped[str | None] = mapped_column(Text, nullable=True)


class BlockedChat(Base):
    """A chat that removed or blocked the bot: nothing more is sent there until it registers again."""

    __tablename__ = "blocked_chats"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    blocked_at: Mapped[datetime] = mapped_column(UTCDateTime())
    error: Mapped[str] = mapped_column(Text, default="")


class ReminderSnooze(Base):
    """ "Remind me tomorrow": regular reminders inside the window are replaced by one at `until`."""

    __tablename__ = "reminder_snoozes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    until: Mapped[datetime] = mapped_column(UTCDateTime())
    by_user: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


# --- Ingest jobs (issue 14): uploads waiting for, or done by, a worker process -------------------


class IngestJob(Base):
    """One file to parse and store. The bot (or `nianbao ingest --queue`) inserts it; a worker on any
    machine runs it; the bot edits the upload's status message from `result` and sets notified_at."""

    __tablename__ = "ingest_jobs"
    __table_args__ = (
        Index("ix_ingest_jobs_state_id", "state", "id"),
        Index("ix_ingest_jobs_batch_state", "batch", "state"),
        # The bot's poll for finished uploads to announce (jobs without a chat are born notified).
        Index("ix_ingest_jobs_state_notified_at", "state", "notified_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(300))
    # The bytes travel in the row (any machine can run the job); NULL once done, or when `path`
    # names a file on the machine that runs the job (`nianbao ingest --jobs N`).
    data: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    path: Mapped[str | None] = mapped_column(Text, nullable=True)
    caption: Mapped[str | None] = mapped_column(Text, nullable=True)
    agency: Mapped[str | None] = mapped_column(String(200), nullable=True)
    # `nianbao ingest --agency`: only for a report that names no agency (IngestRequest.fallback_agency).
    fallback_agency: Mapped[str | None] = mapped_column(String(200), nullable=True)
    sender_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    sender_name: Mapped[str | None] = mapped_column(String(200), nullable=True)
    chat_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    message_id: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # the status message
    file_id: Mapped[str | None] = mapped_column(String(300), nullable=True)  # Telegram's, to ask again
    batch: Mapped[str | None] = mapped_column(String(40), nullable=True)  # one `nianbao ingest` run
    source_url: Mapped[str | None] = mapped_column(Text, nullable=True)  # a report fetched from a link
    state: Mapped[str] = mapped_column(String(20), default="queued")  # queued / running / done
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(100), nullable=True)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(20), nullable=True)  # IngestOutcome
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    notified_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


# --- Corrections (issue 16): who changed a stored report's agency or year, or withdrew a version ----


class ReportCorrection(Base):
    """One correction of a stored report, with the values before and after; rows are never changed."""

    __tablename__ = "report_corrections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(20))  # agency / year / withdraw
    old_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)
    new_agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), nullable=True)
    old_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    new_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Withdrawing the current version makes the one it replaced current again (or none).
    restored_report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"), nullable=True)
    by_user: Mapped[int | None] = mapped_column(BigInteger, nullable=True)  # Telegram user id
    by_name: Mapped[str] = mapped_column(String(200), default="")
    via: Mapped[str] = mapped_column(String(20))  # telegram / cli
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(Text, default="")
