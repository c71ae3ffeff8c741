"""National scale (issue 14): current_values without its foreign key to agencies.

Revision ID: 0014_current_values_no_fk
Revises: 0013_reports_failed_checks_index
Create Date: 2026-11-29 22:35:00

Each report writes ~250 current_values rows, and PostgreSQL checked the key of every one with its
own lookup in agencies: a third of the time of a bulk store (COPY of 522 000 rows at 100 000
reports: 120 000 rows/s with the key, 196 000 without). The table is derived: only
storage.current_values and storage.report_batch write it, always for the agency of a report in the
same transaction, and agencies are never deleted.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0014_current_values_no_fk"
down_revision: str | None = "0013_reports_failed_checks_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FK = "fk_current_values_agency_id_agencies"


def upgrade() -> None:
    with op.batch_alter_table("current_values") as batch:
        batch.drop_constraint(FK, type_="foreignkey")


def downgrade() -> None:
    with op.batch_alter_table("current_values") as batch:
        batch.create_foreign_key(FK, "agencies", ["agency_id"], ["id"], ondelete="CASCADE")
