"""National scale (issue 14): per-year totals kept by triggers (storage.totals).

Revision ID: 0015_year_and_value_totals
Revises: 0014_current_values_no_fk
Create Date: 2026-11-30 01:20:00

A year's count of current reports, of failing ones, and each (year, key)'s count and sum of
current_values were read by counting every agency of the year: 120 000 index entries a question
at 600 000 reports (rank 53 ms, failed checks 55 ms), more with every report stored. year_totals
and value_totals hold them; triggers keep them in step with every write of the two tables, so no
code path (store, batch store, correction, rebuild, bulk SQL) can forget to. PostgreSQL: one
statement-level trigger per event with its transition table, one upsert per (year, key) a
statement, into the writing backend's shard; SQLite (no transition tables): row-level triggers.

With the counts kept here, the (year, key, value) index is needed only to read a ranking's first
rows, and zeros are left out of it: three in four cells of a real report are 0 (785 of 1 017 in
the five sample reports, 229 more blank), and that index was most of a bulk store's time (500
reports' 103 500 rows: 79 ms into the table alone, 976 ms with the index, at 100 000 reports).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015_year_and_value_totals"
down_revision: str | None = "0014_current_values_no_fk"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARDS = 16  # storage.totals.SHARDS
EVENTS = ("INSERT", "UPDATE", "DELETE")
NONZERO = "value <> 0"

# Deltas of a statement's rows, as (year[, key], shard, counts...) groups; "rows" is the transition
# table(s) with a sign column n (+1 new, -1 old). Sorted, so two writers sharing a shard lock their
# rows in the same order.
_VALUE_DELTAS = f"""SELECT year, key, pg_backend_pid() % {SHARDS}, sum(n), sum(CASE WHEN value IS NULL THEN 0 ELSE n END),
    sum(CASE WHEN value = 0 THEN n ELSE 0 END), coalesce(sum(n * value), 0) FROM ({{rows}}) d
    GROUP BY year, key ORDER BY year, key"""
_VALUE_UPSERT = """INSERT INTO value_totals AS t (year, key, shard, rows, numbers, zeros, total) {deltas}
ON CONFLICT (year, key, shard) DO UPDATE SET rows = t.rows + excluded.rows,
    numbers = t.numbers + excluded.numbers, zeros = t.zeros + excluded.zeros, total = t.total + excluded.total"""
_YEAR_DELTAS = f"""SELECT year, pg_backend_pid() % {SHARDS}, sum(CASE WHEN is_current THEN n ELSE 0 END) AS r,
    sum(CASE WHEN is_current AND NOT checks_ok THEN n ELSE 0 END) AS f FROM ({{rows}}) d
    GROUP BY year HAVING sum(CASE WHEN is_current THEN n ELSE 0 END) <> 0
    OR sum(CASE WHEN is_current AND NOT checks_ok THEN n ELSE 0 END) <> 0 ORDER BY year"""
_YEAR_UPSERT = """INSERT INTO year_totals AS t (year, shard, reports, failing) {deltas}
ON CONFLICT (year, shard) DO UPDATE SET reports = t.reports + excluded.reports,
    failing = t.failing + excluded.failing"""

_COLUMNS = {"current_values": "year, key, value", "reports": "year, is_current, checks_ok"}


def _pg_function(table: str, upsert: str, deltas: str) -> str:
    cols = _COLUMNS[table]
    new, old = f"SELECT {cols}, 1 AS n FROM new_rows", f"SELECT {cols}, -1 AS n FROM old_rows"

    def apply(rows: str) -> str:
        return upsert.format(deltas=deltas.format(rows=rows)) + ";"

    return f"""CREATE FUNCTION {table}_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN {apply(new)}
    ELSIF TG_OP = 'DELETE' THEN {apply(old)}
    ELSE {apply(f"{new} UNION ALL {old}")}
    END IF;
    RETURN NULL;
END $$"""


def _pg_triggers(table: str) -> list[str]:
    out = []
    for event in EVENTS:
        refs = {"INSERT": "NEW TABLE AS new_rows", "DELETE": "OLD TABLE AS old_rows"}.get(
            event, "NEW TABLE AS new_rows OLD TABLE AS old_rows"
        )
        out.append(
            f"CREATE TRIGGER {table}_totals_{event.lower()} AFTER {event} ON {table} "
            f"REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION {table}_totals()"
        )
    return out


def _sqlite_value(row: str, sign: str) -> str:
    return (
        "INSERT INTO value_totals (year, key, shard, rows, numbers, zeros, total) "
        f"VALUES ({row}.year, {row}.key, 0, {sign}1, {sign}({row}.value IS NOT NULL), "
        f"{sign}coalesce({row}.value = 0, 0), {sign}coalesce({row}.value, 0)) "
        "ON CONFLICT (year, key, shard) DO UPDATE SET rows = rows + excluded.rows, "
        "numbers = numbers + excluded.numbers, zeros = zeros + excluded.zeros, total = total + excluded.total;"
    )


def _sqlite_year(row: str, sign: str) -> str:
    return (
        "INSERT INTO year_totals (year, shard, reports, failing) "
        f"SELECT {row}.year, 0, {sign}1, {sign}(NOT {row}.checks_ok) WHERE {row}.is_current "
        "ON CONFLICT (year, shard) DO UPDATE SET reports = reports + excluded.reports, "
        "failing = failing + excluded.failing;"
    )


def _sqlite_triggers() -> list[str]:
    out = []
    for table, apply, update_of in (
        ("current_values", _sqlite_value, ""),
        ("reports", _sqlite_year, " OF year, is_current, checks_ok"),
    ):
        out += [
            f"CREATE TRIGGER {table}_totals_insert AFTER INSERT ON {table} BEGIN {apply('NEW', '')} END",
            f"CREATE TRIGGER {table}_totals_delete AFTER DELETE ON {table} BEGIN {apply('OLD', '-')} END",
            f"CREATE TRIGGER {table}_totals_update AFTER UPDATE{update_of} ON {table} "
            f"BEGIN {apply('OLD', '-')} {apply('NEW', '')} END",
        ]
    return out


def upgrade() -> None:
    op.create_table(
        "year_totals",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("shard", sa.Integer(), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("failing", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", "shard", name=op.f("pk_year_totals")),
    )
    op.create_table(
        "value_totals",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("shard", sa.Integer(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("numbers", sa.Integer(), nullable=False),
        sa.Column("zeros", sa.Integer(), nullable=False),
        sa.Column("total", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("year", "key", "shard", name=op.f("pk_value_totals")),
    )
    op.execute(
        "INSERT INTO year_totals (year, shard, reports, failing) SELECT year, 0, count(*), "
        "sum(CASE WHEN checks_ok THEN 0 ELSE 1 END) FROM reports WHERE is_current GROUP BY year"
    )
    op.execute(
        "INSERT INTO value_totals (year, key, shard, rows, numbers, zeros, total) SELECT year, key, 0, count(*), "
        "count(value), sum(CASE WHEN value = 0 THEN 1 ELSE 0 END), coalesce(sum(value), 0) "
        "FROM current_values GROUP BY year, key"
    )
    op.drop_index("ix_current_values_year_key_value", table_name="current_values")
    op.create_index(
        "ix_current_values_year_key_nonzero",
        "current_values",
        ["year", "key", "value", "agency_id"],
        sqlite_where=sa.text(NONZERO),
        postgresql_where=sa.text(NONZERO),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(_pg_function("current_values", _VALUE_UPSERT, _VALUE_DELTAS))
        op.execute(_pg_function("reports", _YEAR_UPSERT, _YEAR_DELTAS))
        for statement in _pg_triggers("current_values") + _pg_triggers("reports"):
            op.execute(statement)
    else:
        for statement in _sqlite_triggers():
            op.execute(statement)


def downgrade() -> None:
    op.drop_index("ix_current_values_year_key_nonzero", table_name="current_values")
    op.create_index(
        "ix_current_values_year_key_value", "current_values", ["year", "key", "value", "agency_id"]
    )
    for table in ("current_values", "reports"):
        for event in EVENTS:
            op.execute(
                f"DROP TRIGGER IF EXISTS {table}_totals_{event.lower()}"
                + (f" ON {table}" if op.get_bind().dialect.name == "postgresql" else "")
            )
        if op.get_bind().dialect.name == "postgresql":
            op.execute(f"DROP FUNCTION IF EXISTS {table}_totals()")
    op.drop_table("value_totals")
    op.drop_table("year_totals")
