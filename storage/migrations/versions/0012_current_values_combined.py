"""National scale (issue 14): the figures questions combine from several keys, kept per report.

Revision ID: 0012_current_values_combined
Revises: 0011_report_cells_one_row
Create Date: 2026-11-29 19:50:00

current_values gains a row per combination a report holds (storage.derived: "收到申请" = the table's
t3.new.total or else the prose's applications.received; "不予公开" = the sum of eight table-3 rows;
...), so a year's rank or sum of such a figure reads one (year, key) range of the index instead of
grouping every agency's rows of each key. This fills them from the rows already there.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import true

from storage.derived import PREFIX, combined_insert

revision: str = "0012_current_values_combined"
down_revision: str | None = "0011_report_cells_one_row"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The combinations as storage.derived lists them now: computed from rows, nothing else read.
    op.get_bind().execute(combined_insert(true()))
    if op.get_context().dialect.name == "postgresql":
        op.execute("ANALYZE current_values")


def downgrade() -> None:
    op.execute(f"DELETE FROM current_values WHERE key LIKE '{PREFIX}%'")
