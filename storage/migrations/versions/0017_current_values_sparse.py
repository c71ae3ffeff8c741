"""National scale (issue 14): zeros and blanks leave current_values for one current_marks row each.

Revision ID: 0017_current_values_sparse
Revises: 0016_totals_fillfactor
Create Date: 2026-11-30 03:40:00

current_values kept a row per figure of every current report, ~250 a report, and writing them was
about 60 % of a bulk store at 1 000 000 reports; three quarters are 0 and a fifth blank in real
reports. Now a number other than 0 stays a row and the (agency, year)'s zeros and blanks are two JSON
arrays of keys in one current_marks row (storage.current_values says why and what it measured).
value_totals keeps counting every figure: triggers on current_marks add a row, and for a zero a
number and a zero, for each key of its arrays, as current_values' own triggers (migration 0015) did
for a row. The conversion moves what is there without changing a count, so the rows' delete is not
counted (the marks, written before their triggers exist, are not either).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017_current_values_sparse"
down_revision: str | None = "0016_totals_fillfactor"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SHARDS = 16  # storage.totals.SHARDS
EVENTS = ("INSERT", "UPDATE", "DELETE")
SPARSE = "value = 0 OR value IS NULL"

# A statement's marks as (year, key, is-a-zero, sign) rows; "rows" is the transition table(s) with
# a sign column n (+1 new, -1 old). Sorted, as migration 0015's, so two writers of a shard lock its
# rows in the same order.
_DELTAS = f"""SELECT year, key, pg_backend_pid() % {SHARDS}, sum(n), sum(z * n), sum(z * n), 0 FROM (
    SELECT year, json_array_elements_text(zeros) AS key, 1 AS z, n FROM ({{rows}}) a
    UNION ALL SELECT year, json_array_elements_text(blanks), 0, n FROM ({{rows}}) b) d
    GROUP BY year, key ORDER BY year, key"""
_UPSERT = """INSERT INTO value_totals AS t (year, key, shard, rows, numbers, zeros, total) {deltas}
ON CONFLICT (year, key, shard) DO UPDATE SET rows = t.rows + excluded.rows,
    numbers = t.numbers + excluded.numbers, zeros = t.zeros + excluded.zeros"""


def _pg_function() -> str:
    new, old = (
        "SELECT year, zeros, blanks, 1 AS n FROM new_rows",
        "SELECT year, zeros, blanks, -1 AS n FROM old_rows",
    )

    def apply(rows: str) -> str:
        return _UPSERT.format(deltas=_DELTAS.format(rows=rows)) + ";"

    return f"""CREATE FUNCTION current_marks_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN {apply(new)}
    ELSIF TG_OP = 'DELETE' THEN {apply(old)}
    ELSE {apply(f"{new} UNION ALL {old}")}
    END IF;
    RETURN NULL;
END $$"""


def _pg_triggers() -> list[str]:
    out = []
    for event in EVENTS:
        refs = {"INSERT": "NEW TABLE AS new_rows", "DELETE": "OLD TABLE AS old_rows"}.get(
            event, "NEW TABLE AS new_rows OLD TABLE AS old_rows"
        )
        out.append(
            f"CREATE TRIGGER current_marks_totals_{event.lower()} AFTER {event} ON current_marks "
            f"REFERENCING {refs} FOR EACH STATEMENT EXECUTE FUNCTION current_marks_totals()"
        )
    return out


def _sqlite_apply(row: str, sign: str) -> str:
    out = ""
    for column, zero in (("zeros", 1), ("blanks", 0)):
        # WHERE true: without it SQLite reads the ON of the upsert as a join's.
        out += (
            "INSERT INTO value_totals (year, key, shard, rows, numbers, zeros, total) "
            f"SELECT {row}.year, value, 0, {sign}1, {sign}{zero}, {sign}{zero}, 0 FROM json_each({row}.{column}) "
            "WHERE true ON CONFLICT (year, key, shard) DO UPDATE SET rows = rows + excluded.rows, "
            "numbers = numbers + excluded.numbers, zeros = zeros + excluded.zeros;"
        )
    return out


def _sqlite_triggers() -> list[str]:
    return [
        f"CREATE TRIGGER current_marks_totals_insert AFTER INSERT ON current_marks BEGIN {_sqlite_apply('NEW', '')} END",
        f"CREATE TRIGGER current_marks_totals_delete AFTER DELETE ON current_marks BEGIN {_sqlite_apply('OLD', '-')} END",
        "CREATE TRIGGER current_marks_totals_update AFTER UPDATE ON current_marks "
        f"BEGIN {_sqlite_apply('OLD', '-')} {_sqlite_apply('NEW', '')} END",
    ]


def _uncounted(table: str, event: str, sql: str) -> None:
    """Run `sql` without current_values' totals trigger for `event` (the move changes no count)."""
    trigger = f"{table}_totals_{event}"
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}")
        op.execute(sql)
        op.execute(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}")
        return
    # SQLite cannot disable a trigger: drop it and create it again as it was.
    create = (
        op.get_bind()
        .execute(
            sa.text("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = :n"), {"n": trigger}
        )
        .scalar_one()
    )
    op.execute(f"DROP TRIGGER {trigger}")
    op.execute(sql)
    op.execute(create)


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "current_marks",
        sa.Column("agency_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("zeros", sa.JSON(), nullable=False),
        sa.Column("blanks", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("agency_id", "year", name=op.f("pk_current_marks")),
    )
    agg, empty = ("json_agg", "CAST('[]' AS json)") if postgres else ("json_group_array", "'[]'")
    op.execute(
        f"""INSERT INTO current_marks (agency_id, year, zeros, blanks) SELECT agency_id, year,
coalesce({agg}(key) FILTER (WHERE value = 0), {empty}), coalesce({agg}(key) FILTER (WHERE value IS NULL), {empty})
FROM current_values WHERE {SPARSE} GROUP BY agency_id, year"""
    )
    _uncounted("current_values", "delete", f"DELETE FROM current_values WHERE {SPARSE}")
    if postgres:
        op.execute(_pg_function())
        for statement in _pg_triggers():
            op.execute(statement)
        op.execute("ANALYZE current_values")
        op.execute("ANALYZE current_marks")
    else:
        for statement in _sqlite_triggers():
            op.execute(statement)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for event in EVENTS:
        op.execute(
            f"DROP TRIGGER IF EXISTS current_marks_totals_{event.lower()}"
            + (" ON current_marks" if postgres else "")
        )
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS current_marks_totals()")
        elements = "json_array_elements_text({column}) AS e(value)"
    else:
        elements = "json_each({column}) e"
    rows = " UNION ALL ".join(
        f"SELECT m.agency_id, m.year, e.value, {value} FROM current_marks m, {elements.format(column='m.' + column)}"
        for column, value in (
            ("zeros", "CAST(0 AS double precision)"),
            ("blanks", "CAST(NULL AS double precision)"),
        )
    )
    _uncounted("current_values", "insert", f"INSERT INTO current_values (agency_id, year, key, value) {rows}")
    op.drop_table("current_marks")
