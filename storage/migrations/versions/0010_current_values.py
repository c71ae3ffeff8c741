"""National scale (issue 14): every current figure of a year in one table, and agency suffix lookup.

Revision ID: 0010_current_values
Revises: 0009_ocr_and_source_url
Create Date: 2026-11-29 17:10:00

current_values holds one row per (agency, year, key) of the current report: its cells (value NULL
= blank) and the first fact of each narrative key. The ingest and the corrections keep it in the
same transaction as the reports they change. "Which agency received most / how many in all" reads
one (year, key) range of ix_current_values_year_key_value instead of a correlated lookup of every
report's cells: at 100 000 reports on PostgreSQL rank p95 went from 1 491 ms, sum from 1 080 ms
(benchmarks/scale.py) to the figures in the README.

ix_agencies_name_reversed (PostgreSQL only): a new agency's longer spellings (names ending in its
name) were a sequential LIKE '%name' scan of every agency, 20 ms at 20 000 agencies, in every store.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010_current_values"
down_revision: str | None = "0009_ocr_and_source_url"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BACKFILL_CELLS = """
INSERT INTO current_values (agency_id, year, key, value)
SELECT r.agency_id, r.year, c.key, c.value
FROM reports r JOIN report_cells c ON c.report_id = r.id
WHERE r.is_current
"""

# The first fact of each key (the one answers show), unless a cell holds the key.
BACKFILL_FACTS = """
INSERT INTO current_values (agency_id, year, key, value)
SELECT r.agency_id, r.year, f.key, f.value
FROM reports r JOIN report_facts f ON f.report_id = r.id
WHERE r.is_current
  AND f.id = (SELECT min(f2.id) FROM report_facts f2 WHERE f2.report_id = f.report_id AND f2.key = f.key)
  AND NOT EXISTS (SELECT 1 FROM report_cells c WHERE c.report_id = r.id AND c.key = f.key)
"""


def upgrade() -> None:
    op.create_table(
        "current_values",
        sa.Column("agency_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.ForeignKeyConstraint(
            ["agency_id"], ["agencies.id"], name=op.f("fk_current_values_agency_id_agencies"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("agency_id", "year", "key", name=op.f("pk_current_values")),
    )
    op.execute(BACKFILL_CELLS)
    op.execute(BACKFILL_FACTS)
    op.create_index("ix_current_values_year_key_value", "current_values", ["year", "key", "value", "agency_id"])
    if op.get_context().dialect.name == "postgresql":
        op.execute("ANALYZE current_values")  # the planner's statistics, before the first question
        op.execute('CREATE INDEX ix_agencies_name_reversed ON agencies ((reverse(name) COLLATE "C"))')


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_agencies_name_reversed")
    op.drop_index("ix_current_values_year_key_value", table_name="current_values")
    op.drop_table("current_values")
