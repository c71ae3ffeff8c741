"""Ingest jobs: uploads wait in the database for worker processes (issue 14).

Revision ID: 0005_ingest_jobs
Revises: 0004_reports_source_file_unique
Create Date: 2026-11-29 14:30:00

On PostgreSQL the procrastinate task queue's own schema (procrastinate_* tables, types and
functions, from the installed procrastinate version) is created here too, so `nianbao db upgrade`
prepares everything a worker on another machine needs.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from storage.column_types import UTCDateTime

revision: str = "0005_ingest_jobs"
down_revision: str | None = "0004_reports_source_file_unique"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "ingest_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=300), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("caption", sa.Text(), nullable=True),
        sa.Column("agency", sa.String(length=200), nullable=True),
        sa.Column("sender_id", sa.BigInteger(), nullable=True),
        sa.Column("sender_name", sa.String(length=200), nullable=True),
        sa.Column("chat_id", sa.BigInteger(), nullable=True),
        sa.Column("message_id", sa.BigInteger(), nullable=True),
        sa.Column("file_id", sa.String(length=300), nullable=True),
        sa.Column("batch", sa.String(length=40), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("worker", sa.String(length=100), nullable=True),
        sa.Column("heartbeat_at", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=True),
        sa.Column("result", sa.JSON(), nullable=True),
        sa.Column("notified_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_jobs")),
    )
    op.create_index(op.f("ix_ingest_jobs_sha256"), "ingest_jobs", ["sha256"])
    op.create_index("ix_ingest_jobs_state_id", "ingest_jobs", ["state", "id"])
    op.create_index("ix_ingest_jobs_batch_state", "ingest_jobs", ["batch", "state"])
    op.create_index("ix_ingest_jobs_state_notified_at", "ingest_jobs", ["state", "notified_at"])
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        exists = bind.execute(sa.text("SELECT to_regclass('procrastinate_jobs')")).scalar()
        if exists is None:
            from procrastinate.schema import SchemaManager

            # Straight to psycopg: the script is many statements, with '%' in its messages.
            bind.connection.driver_connection.execute(SchemaManager.get_schema())  # type: ignore[union-attr]


def downgrade() -> None:
    op.drop_table("ingest_jobs")
