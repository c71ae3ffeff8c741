"""National scale (issue 14): a report's cells in one row; current_values without its wide key.

Revision ID: 0011_report_cells_one_row
Revises: 0010_current_values
Create Date: 2026-11-29 19:30:00

report_cells held a row per cell (~200 a report, each with its primary-key entry): at 400 000
reports that was half of a 29 GB database and most of the time of every store. It now holds one
row a report: `cells` {key: value} (null = blank) and `sources` {key: [raw, page, table, row, col]}.
Answers about one report read that row; answers across reports read current_values.

current_values loses its (agency_id, year, key) primary key for a plain (agency_id, year) index:
rows are replaced a whole (agency, year) at a time, and PostgreSQL keeps a report's ~250 equal
entries as one deduplicated posting list instead of ~250 entries carrying the key text.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011_report_cells_one_row"
down_revision: str | None = "0010_current_values"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_HAS_SOURCE = "(raw IS NOT NULL OR page IS NOT NULL OR table_index IS NOT NULL OR row_index IS NOT NULL OR col_index IS NOT NULL)"

# Old rows to one row a report. PostgreSQL's physical order is the order the cells were written
# (printed order); SQLite's table was clustered by key.
_FOLD = {
    "postgresql": f"""
INSERT INTO report_cells (report_id, cells, sources)
SELECT report_id, json_object_agg(key, value ORDER BY ctid),
       coalesce(json_object_agg(key, json_build_array(raw, page, table_index, row_index, col_index) ORDER BY ctid)
                FILTER (WHERE {_HAS_SOURCE}), '{{}}'::json)
FROM report_cells_old GROUP BY report_id""",
    "sqlite": f"""
INSERT INTO report_cells (report_id, cells, sources)
SELECT report_id, json_group_object(key, value),
       coalesce(json_group_object(key, json_array(raw, page, table_index, row_index, col_index))
                FILTER (WHERE {_HAS_SOURCE}), '{{}}')
FROM report_cells_old GROUP BY report_id""",
}

_UNFOLD = {
    "postgresql": """
INSERT INTO report_cells (report_id, key, value, raw, page, table_index, row_index, col_index)
SELECT c.report_id, e.key, CAST(e.value #>> '{}' AS double precision), s.value ->> 0,
       CAST(s.value ->> 1 AS integer), CAST(s.value ->> 2 AS integer), CAST(s.value ->> 3 AS integer),
       CAST(s.value ->> 4 AS integer)
FROM report_cells_old c CROSS JOIN LATERAL json_each(c.cells) e
LEFT JOIN LATERAL json_each(c.sources) s ON s.key = e.key""",
    "sqlite": """
INSERT INTO report_cells (report_id, key, value, raw, page, table_index, row_index, col_index)
SELECT c.report_id, e.key, e.value, json_extract(s.value, '$[0]'), json_extract(s.value, '$[1]'),
       json_extract(s.value, '$[2]'), json_extract(s.value, '$[3]'), json_extract(s.value, '$[4]')
FROM report_cells_old c JOIN json_each(c.cells) e LEFT JOIN json_each(c.sources) s ON s.key = e.key""",
}


def _rename_old() -> None:
    op.rename_table("report_cells", "report_cells_old")
    if op.get_context().dialect.name == "postgresql":
        # The primary key's index shares the schema's namespace with the new table's.
        op.execute("ALTER TABLE report_cells_old RENAME CONSTRAINT pk_report_cells TO pk_report_cells_old")


def _fk() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["report_id"], ["reports.id"], name=op.f("fk_report_cells_report_id_reports"), ondelete="CASCADE"
    )


def upgrade() -> None:
    dialect = op.get_context().dialect.name
    _rename_old()
    op.create_table(
        "report_cells",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("cells", sa.JSON(), nullable=False),
        sa.Column("sources", sa.JSON(), nullable=False),
        _fk(),
        sa.PrimaryKeyConstraint("report_id", name=op.f("pk_report_cells")),
    )
    op.execute(_FOLD[dialect])
    op.drop_table("report_cells_old")
    if dialect == "postgresql":
        op.execute("ALTER TABLE current_values DROP CONSTRAINT pk_current_values")
    else:
        with op.batch_alter_table("current_values", recreate="always") as batch:
            batch.drop_constraint("pk_current_values", type_="primary")
    op.create_index("ix_current_values_agency_year", "current_values", ["agency_id", "year"])


def downgrade() -> None:
    dialect = op.get_context().dialect.name
    op.drop_index("ix_current_values_agency_year", table_name="current_values")
    if dialect == "postgresql":
        op.execute("ALTER TABLE current_values ADD CONSTRAINT pk_current_values PRIMARY KEY (agency_id, year, key)")
    else:
        with op.batch_alter_table("current_values", recreate="always") as batch:
            batch.create_primary_key("pk_current_values", ["agency_id", "year", "key"])
    _rename_old()
    op.create_table(
        "report_cells",
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("raw", sa.Text(), nullable=True),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("table_index", sa.Integer(), nullable=True),
        sa.Column("row_index", sa.Integer(), nullable=True),
        sa.Column("col_index", sa.Integer(), nullable=True),
        _fk(),
        sa.PrimaryKeyConstraint("report_id", "key", name=op.f("pk_report_cells")),
        sqlite_with_rowid=False,
    )
    op.execute(_UNFOLD[dialect])
    op.drop_table("report_cells_old")
