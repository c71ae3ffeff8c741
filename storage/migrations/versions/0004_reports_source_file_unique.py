"""One report per source file: reports.source_file_id becomes a unique index.

Revision ID: 0004_reports_source_file_unique
Revises: 0003_reports_year_index
Create Date: 2026-11-29 14:20:00

Two ingests of the same bytes at the same moment both found no duplicate and both stored a
report (issue 10). The unique index makes the second write fail, and the ingest retries it
as a duplicate. Databases that already hold such twins keep the first report of each file:
the later twins are removed (cells, facts and checks with them), the version chain is spliced
around them, and the newest remaining report of an agency and year becomes current again.
A unique index, not a constraint: SQLite then needs no table rebuild.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004_reports_source_file_unique"
down_revision: str | None = "0003_reports_year_index"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_reports = sa.table(
    "reports",
    sa.column("id", sa.Integer),
    sa.column("agency_id", sa.Integer),
    sa.column("year", sa.Integer),
    sa.column("source_file_id", sa.Integer),
    sa.column("supersedes_id", sa.Integer),
    sa.column("is_current", sa.Boolean),
)
_CHILDREN = ("report_cells", "report_facts", "report_checks")


def _remove_twins(connection: sa.Connection) -> None:
    r = _reports
    first = (
        sa.select(r.c.source_file_id, sa.func.min(r.c.id).label("keep"))
        .group_by(r.c.source_file_id)
        .having(sa.func.count() > 1)
        .subquery()
    )
    twins = connection.execute(
        sa.select(r.c.id, r.c.agency_id, r.c.year, r.c.supersedes_id)
        .join(first, first.c.source_file_id == r.c.source_file_id)
        .where(r.c.id != first.c.keep)
        .order_by(r.c.id.desc())
    ).all()
    touched: set[tuple[int, int]] = set()
    for twin_id, agency_id, year, supersedes_id in twins:
        connection.execute(r.update().where(r.c.supersedes_id == twin_id).values(supersedes_id=supersedes_id))
        for child in _CHILDREN:
            connection.execute(sa.text(f"DELETE FROM {child} WHERE report_id = :id"), {"id": twin_id})
        connection.execute(r.delete().where(r.c.id == twin_id))
        touched.add((agency_id, year))
    for agency_id, year in touched:
        same = (r.c.agency_id == agency_id) & (r.c.year == year)
        if connection.scalar(sa.select(sa.func.count()).where(same & r.c.is_current.is_(True))):
            continue
        newest = connection.scalar(sa.select(sa.func.max(r.c.id)).where(same))
        if newest is not None:
            connection.execute(r.update().where(r.c.id == newest).values(is_current=True))


def upgrade() -> None:
    _remove_twins(op.get_bind())
    op.drop_index("ix_reports_source_file_id", table_name="reports")
    op.create_index("ix_reports_source_file_id", "reports", ["source_file_id"], unique=True)


def downgrade() -> None:
    op.drop_index("ix_reports_source_file_id", table_name="reports")
    op.create_index("ix_reports_source_file_id", "reports", ["source_file_id"])
