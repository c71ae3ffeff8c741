"""Ingest jobs keep `nianbao ingest --agency` apart from an agency chosen in answer to a question.

Revision ID: 0006_ingest_jobs_fallback_agency
Revises: 0005_ingest_jobs
Create Date: 2026-11-29 15:00:00

`--agency` names the agency of reports that name none (issue 10); stored in `agency`, it
re-filed every report of a queued batch under that name.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006_ingest_jobs_fallback_agency"
down_revision: str | None = "0005_ingest_jobs"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("ingest_jobs", sa.Column("fallback_agency", sa.String(length=200), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("ingest_jobs") as batch:
        batch.drop_column("fallback_agency")
