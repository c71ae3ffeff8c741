"""A partial index on checks that did not pass: the year's failed and unchecked lists start there.

Revision ID: 0007_checks_failed_index
Revises: 0006_ingest_jobs_fallback_agency
Create Date: 2026-11-29 15:05:00

At 100 000 reports "2021年哪些报告勾稽关系不对" read every check of the year (p95 750 ms,
benchmarks/scale.py); checks that do not pass are a few per cent.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007_checks_failed_index"
down_revision: str | None = "0006_ingest_jobs_fallback_agency"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index(
        "ix_report_checks_failed",
        "report_checks",
        ["report_id"],
        sqlite_where=sa.text("status <> 'pass'"),
        postgresql_where=sa.text("status <> 'pass'"),
    )


def downgrade() -> None:
    op.drop_index("ix_report_checks_failed", table_name="report_checks")
