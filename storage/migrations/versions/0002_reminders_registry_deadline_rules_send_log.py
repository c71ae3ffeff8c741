"""Reminders: chat registrations, supervisor chats, deadline rules, the send log, blocked chats, snoozes.

Revision ID: 0002_reminders
Revises: 0001
Create Date: 2026-11-23 12:40:00
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002_reminders"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# storage.column_types.UTCDateTime stores aware UTC datetimes in this column type.
AwareDateTime = sa.DateTime(timezone=True)


def _agency_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["agency_id"], ["agencies.id"], name=op.f(f"fk_{table}_agency_id_agencies"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "chat_registrations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("chat_title", sa.String(length=200), nullable=False),
        sa.Column("responsible", sa.String(length=100), nullable=False),
        sa.Column("registered_by", sa.BigInteger(), nullable=True),
        sa.Column("registered_at", AwareDateTime, nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        _agency_fk("chat_registrations"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_chat_registrations")),
        sa.UniqueConstraint("agency_id", name=op.f("uq_chat_registrations_agency_id")),
    )
    op.create_index(op.f("ix_chat_registrations_chat_id"), "chat_registrations", ["chat_id"])

    op.create_table(
        "supervisor_chats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("region", sa.String(length=200), nullable=False),
        sa.Column("chat_title", sa.String(length=200), nullable=False),
        sa.Column("registered_by", sa.BigInteger(), nullable=True),
        sa.Column("registered_at", AwareDateTime, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervisor_chats")),
        sa.UniqueConstraint("chat_id", "region", name=op.f("uq_supervisor_chats_chat_id")),
    )

    op.create_table(
        "deadline_rules",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("region", sa.String(length=200), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", AwareDateTime, nullable=False),
        _agency_fk("deadline_rules"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline_rules")),
    )
    op.create_index(op.f("ix_deadline_rules_agency_id"), "deadline_rules", ["agency_id"])

    # The unique key is the exactly-once claim: a row is inserted (or ignored) before sending.
    op.create_table(
        "reminder_sends",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("chat_id", sa.BigInteger(), nullable=False),
        sa.Column("target", sa.String(length=220), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=True),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("scheduled_for", AwareDateTime, nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("claimed_by", sa.String(length=100), nullable=False),
        sa.Column("claimed_at", AwareDateTime, nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("sent_at", AwareDateTime, nullable=True),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        _agency_fk("reminder_sends"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_sends")),
        sa.UniqueConstraint("chat_id", "target", "year", "kind", "scheduled_for", name="uq_reminder_sends_key"),
    )
    op.create_index(op.f("ix_reminder_sends_agency_id"), "reminder_sends", ["agency_id"])

    op.create_table(
        "blocked_chats",
        sa.Column("chat_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("blocked_at", AwareDateTime, nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("chat_id", name=op.f("pk_blocked_chats")),
    )

    op.create_table(
        "reminder_snoozes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("created_at", AwareDateTime, nullable=False),
        sa.Column("until", AwareDateTime, nullable=False),
        sa.Column("by_user", sa.BigInteger(), nullable=True),
        _agency_fk("reminder_snoozes"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reminder_snoozes")),
    )
    op.create_index(op.f("ix_reminder_snoozes_agency_id"), "reminder_snoozes", ["agency_id"])


def downgrade() -> None:
    op.drop_table("reminder_snoozes")
    op.drop_table("blocked_chats")
    op.drop_table("reminder_sends")
    op.drop_table("deadline_rules")
    op.drop_table("supervisor_chats")
    op.drop_table("chat_registrations")
