"""National scale (issue 14): "which reports of a year fail their checks" from a small index.

Revision ID: 0013_reports_failed_checks_index
Revises: 0012_current_values_combined
Create Date: 2026-11-29 22:10:00

A partial index of the current reports whose checks_ok is false, by (year, agency_id): a year's
count of failing reports and the first few to list are an index range, not a pass over every
failing check of every year joined to its report (232 ms at 400 000 reports). checks_ok is set
from the same checks when a report is stored; rows where it disagrees with them are put right.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013_reports_failed_checks_index"
down_revision: str | None = "0012_current_values_combined"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHERE = "is_current AND NOT checks_ok"
UNVERIFIED = "status NOT IN ('pass', 'fail')"


def upgrade() -> None:
    # Only rows that disagree are written: a full rewrite of reports at a million rows is minutes.
    failing = "EXISTS (SELECT 1 FROM report_checks c WHERE c.report_id = reports.id AND c.status = 'fail')"
    op.execute(f"UPDATE reports SET checks_ok = NOT checks_ok WHERE checks_ok = ({failing})")
    op.create_index(
        "ix_reports_failed_checks",
        "reports",
        ["year", "agency_id"],
        sqlite_where=sa.text(WHERE),
        postgresql_where=sa.text(WHERE),
    )
    op.create_index(
        "ix_report_checks_unverified",
        "report_checks",
        ["report_id", "rule"],
        sqlite_where=sa.text(UNVERIFIED),
        postgresql_where=sa.text(UNVERIFIED),
    )


def downgrade() -> None:
    op.drop_index("ix_report_checks_unverified", table_name="report_checks")
    op.drop_index("ix_reports_failed_checks", table_name="reports")
