"""Corrections of stored reports: a new table, nothing else changes.

Revision ID: 0008_report_corrections
Revises: 0007_checks_failed_index
Create Date: 2026-11-29 14:40:00

Admins move a report to another agency or year, or withdraw a version (issue 16); each change
is one row with who, when, and the values before and after.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008_report_corrections"
down_revision: str | None = "0007_checks_failed_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "report_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("old_agency_id", sa.Integer(), nullable=True),
        sa.Column("new_agency_id", sa.Integer(), nullable=True),
        sa.Column("old_year", sa.Integer(), nullable=True),
        sa.Column("new_year", sa.Integer(), nullable=True),
        sa.Column("restored_report_id", sa.Integer(), nullable=True),
        sa.Column("by_user", sa.BigInteger(), nullable=True),
        sa.Column("by_name", sa.String(length=200), nullable=False),
        sa.Column("via", sa.String(length=20), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),  # storage.column_types.UTCDateTime
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"], ["reports.id"], name=op.f("fk_report_corrections_report_id_reports"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["old_agency_id"], ["agencies.id"], name=op.f("fk_report_corrections_old_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["new_agency_id"], ["agencies.id"], name=op.f("fk_report_corrections_new_agency_id_agencies")
        ),
        sa.ForeignKeyConstraint(
            ["restored_report_id"], ["reports.id"], name=op.f("fk_report_corrections_restored_report_id_reports")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_corrections")),
    )
    op.create_index(op.f("ix_report_corrections_report_id"), "report_corrections", ["report_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_report_corrections_report_id"), table_name="report_corrections")
    op.drop_table("report_corrections")
