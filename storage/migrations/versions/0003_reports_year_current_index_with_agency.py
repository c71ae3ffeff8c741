"""Index reports by (year, is_current, agency_id) so the missing-report list is an index probe.

Revision ID: 0003_reports_year_index
Revises: 0002_reminders
Create Date: 2026-11-23 13:05:00

SQLite reads `is_current IS 1` (what SQLAlchemy renders for is_(True)) as not implying the
partial unique index's `WHERE is_current`, and fell back to scanning a whole year per agency.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0003_reports_year_index"
down_revision: str | None = "0002_reminders"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_reports_year_current", table_name="reports")
    op.create_index("ix_reports_year_current", "reports", ["year", "is_current", "agency_id"])


def downgrade() -> None:
    op.drop_index("ix_reports_year_current", table_name="reports")
    op.create_index("ix_reports_year_current", "reports", ["year", "is_current"])
