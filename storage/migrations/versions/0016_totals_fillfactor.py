"""National scale (issue 14): room on each page of the totals tables for their rows' next versions.

Revision ID: 0016_totals_fillfactor
Revises: 0015_year_and_value_totals
Create Date: 2026-11-30 01:45:00

Every store updates the same few hundred value_totals rows (one per key of its year, in its
shard). A full page leaves no room for the new version on it, so each update also added a primary
key entry: 400 single-report stores made 185 000 updates of 720 rows, 193 of them HOT, and every
upsert then walked the dead entries. With pages 10 % full the new version stays on its page (165 000
of 182 000 HOT) and autovacuum comes after 10 000 dead rows instead of a fifth of the table.
PostgreSQL only: SQLite updates rows in place.
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0016_totals_fillfactor"
down_revision: str | None = "0015_year_and_value_totals"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("year_totals", "value_totals")
OPTIONS = ("fillfactor", "autovacuum_vacuum_scale_factor", "autovacuum_vacuum_threshold")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(
            f"ALTER TABLE {table} SET (fillfactor = 10, autovacuum_vacuum_scale_factor = 0, "
            "autovacuum_vacuum_threshold = 10000)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} RESET ({', '.join(OPTIONS)})")
