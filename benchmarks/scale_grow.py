"""Growing benchmarks/scale.py's database (issue 14): generated agencies with a report a year each,
written by server-side SQL (PostgreSQL: generate_series; SQLite: a recursive CTE), their figures filled
as the ingest keeps them (storage.current_values.fill)."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime

from sqlalchemy import Engine, text

from benchmarks.ask import RULES, YEARS, agencies
from parsing.schema import cell_keys
from storage import current_values

# A generated cell is blank 3 % of the time, else 0 with probability ZERO, else 1..40. Measured on
# the real reports in the repo (the five bot/samples PDFs, whose golden cells are tests/parsing/golden):
# 785 of 1 017 cells are 0 (77 %), 229 blank, 3 anything else. ZERO (0.77 of the 97 % not blank,
# 75 % of all cells) keeps 22 % of generated cells non-zero, 70 times the real share: zeros are
# what migration 0015 leaves out of the ranking index, so more non-zero cells is the harder case.
ZERO = 0.77

# storage.models' ranking index (migration 0015), dropped while a step grows and rebuilt after.
RANKING_INDEX = (
    "CREATE INDEX IF NOT EXISTS ix_current_values_year_key_nonzero "
    "ON current_values (year, key, value, agency_id) WHERE value <> 0"
)


VERBOSE = bool(os.environ.get("SCALE_VERBOSE"))


def _exec(engine: Engine, sql: str, **params: object) -> float:
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text(sql), params)
    seconds = time.perf_counter() - t0
    if VERBOSE:
        print(f"    {seconds:6.1f} s  {' '.join(sql.split())[:90]}", flush=True)
    return seconds


def _setup(engine: Engine) -> None:
    """Names of the first agencies (with aliases) and the cell keys per template, as helper tables."""
    now = datetime.now(UTC)
    names = agencies()
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_keys (template varchar(4), key varchar(60), pos integer)"))
        for template in ("2019", "2021"):
            conn.execute(
                text("INSERT INTO bench_keys VALUES (:t, :k, :p)"),
                [{"t": template, "k": k, "p": p} for p, k in enumerate(cell_keys(template))],
            )
        conn.execute(
            text(
                "INSERT INTO agencies (id, name, region, level, kind, created_at) VALUES (:i, :n, '', '', '', :now)"
            ),
            [{"i": i, "n": n, "now": now} for i, (n, _) in enumerate(names, 1)],
        )
        conn.execute(
            text("INSERT INTO agency_aliases (agency_id, alias, source) VALUES (:i, :a, 'generated')"),
            [{"i": i, "a": a} for i, (_, al) in enumerate(names, 1) for a in al],
        )


def _value_index(engine: Engine) -> float:
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL maintenance_work_mem = '1GB'"))
        conn.execute(text(RANKING_INDEX))
    return time.perf_counter() - t0


# Agencies whose figures one _fill writes (5 reports each, ~250 figures a report).
FILL_AGENCIES = 20_000


def _fill(engine: Engine, where: str, **params: int) -> float:
    """current_values and current_marks of the current reports matching `where` (storage.current_values).
    The generated facts are one per key a report, under keys no cell has: every one is a figure as it
    is (the first-fact-not-a-cell test parses the cells JSON once per fact: 80 s a step)."""
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text("SET LOCAL work_mem = '256MB'"))
        current_values.fill(conn, where, first_facts=False, **params)
    seconds = time.perf_counter() - t0
    if VERBOSE:
        print(f"    {seconds:6.1f} s  figures of reports {params}", flush=True)
    return seconds


def grow(engine: Engine, agencies_before: int, agencies_after: int) -> float:
    """Add agencies (agencies_before, agencies_after], each with one report per year."""
    a0, a1, ny, y0 = agencies_before, agencies_after, len(YEARS), YEARS[0]
    seconds = 0.0
    # Report id of agency a, year y: (a - 1) * years + (y - first year) + 1.
    seconds += _exec(
        engine,
        "INSERT INTO agencies (id, name, region, level, kind, created_at) "
        "SELECT g, '测试省第' || g || '号单位信息公开办公室', '', '', '', now() "
        "FROM generate_series(greatest(:a0, 2000) + 1, :a1) g",
        a0=a0,
        a1=a1,
    )
    seconds += _exec(
        engine,
        "INSERT INTO source_files (id, sha256, path, original_name, size, kind, received_at) "
        "SELECT g, lpad(to_hex(g), 64, '0'), 'f/' || g, 'r.pdf', 1, 'pdf', now() "
        "FROM generate_series(:r0 + 1, :r1) g",
        r0=a0 * ny,
        r1=a1 * ny,
    )
    seconds += _exec(
        engine,
        "INSERT INTO reports (id, agency_id, year, template, source_file_id, parser_version, is_current, "
        "version, warnings, checks_ok, received_at) "
        "SELECT g, (g - 1) / :ny + 1, :y0 + (g - 1) % :ny, CASE WHEN :y0 + (g - 1) % :ny < 2021 THEN '2019' "
        "ELSE '2021' END, g, 'bench', true, 1, '[]', random() > 0.05, now() FROM generate_series(:r0 + 1, :r1) g",
        ny=ny,
        y0=y0,
        r0=a0 * ny,
        r1=a1 * ny,
    )
    # One row a report, cells and where each was read, as storage.cells writes them.
    seconds += _exec(
        engine,
        "INSERT INTO report_cells (report_id, cells, sources) "
        "SELECT v.id, json_object_agg(v.key, v.value ORDER BY v.pos), coalesce(json_object_agg(v.key, "
        "json_build_array(CAST(v.value AS bigint)::text, 3, 1, v.pos, 7) ORDER BY v.pos) "
        "FILTER (WHERE v.value IS NOT NULL), '{}') FROM (SELECT r.id, k.key, k.pos, CASE WHEN random() < 0.03 "
        "THEN NULL WHEN random() < :zero THEN 0 ELSE 1 + floor(random() * 40) END AS value "
        "FROM reports r JOIN bench_keys k ON k.template = r.template WHERE r.id > :r0 AND r.id <= :r1) v GROUP BY v.id",
        zero=ZERO,
        r0=a0 * ny,
        r1=a1 * ny,
    )
    seconds += _exec(
        engine,
        "INSERT INTO report_facts (report_id, key, value, unit, source) "
        "SELECT r.id, f.key, floor(random() * 900), f.unit, '全年共主动公开政府信息若干条。' FROM reports r "
        "CROSS JOIN (VALUES ('proactive.total', '条'), ('proactive.website', '条'), "
        "('proactive.new_media', '条'), ('applications.received', '件')) f(key, unit) "
        "WHERE r.id > :r0 AND r.id <= :r1",
        r0=a0 * ny,
        r1=a1 * ny,
    )
    # The ingest keeps current_values and current_marks with every report it stores; generated rows
    # get theirs here, by the SQL that rebuilds them, 20 000 agencies at a time (its temporary table
    # of every figure stays a few GB). The (year, key, value) index is rebuilt afterwards: kept up
    # row by row it took 70 s per 10 000 reports (random leaf pages).
    seconds += _exec(engine, "DROP INDEX IF EXISTS ix_current_values_year_key_nonzero")
    for lo in range(a0, a1, FILL_AGENCIES):
        seconds += _fill(
            engine, "r.id > :r0 AND r.id <= :r1", r0=lo * ny, r1=min(a1, lo + FILL_AGENCIES) * ny
        )
    seconds += _value_index(engine)
    seconds += _exec(
        engine,
        "INSERT INTO report_checks (report_id, rule, status, detail) "
        "SELECT r.id, c.rule, CASE WHEN NOT r.checks_ok AND c.rule = 't3.balance' THEN 'fail' ELSE 'pass' END, '' "
        "FROM reports r CROSS JOIN unnest(CAST(:rules AS text[])) c(rule) WHERE r.id > :r0 AND r.id <= :r1",
        rules=list(RULES),
        r0=a0 * ny,
        r1=a1 * ny,
    )
    t0 = time.perf_counter()
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    for table in ("agencies", "agency_aliases", "source_files", "reports", "report_facts", "report_checks"):
        _exec(
            engine, f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        )
    return seconds + time.perf_counter() - t0


# SQLite has no generate_series: a recursive CTE counts instead.
_SQLITE_SERIES = "WITH RECURSIVE g(x) AS (SELECT :lo UNION ALL SELECT x + 1 FROM g WHERE x < :hi) "
_SQLITE_NOW = "'2024-03-01 00:00:00.000000'"


def grow_sqlite(engine: Engine, agencies_before: int, agencies_after: int) -> float:
    """grow() on SQLite (the default database, measured at 100 000 reports), a transaction per
    4 000 agencies so a run cut short keeps what it wrote; the (year, key, value) index rebuilt after."""
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text("DROP INDEX IF EXISTS ix_current_values_year_key_nonzero"))
    for lo in range(agencies_before, agencies_after, 4000):
        _grow_sqlite(engine, lo, min(agencies_after, lo + 4000))
        if VERBOSE:
            print(
                f"    {time.perf_counter() - t0:6.1f} s  SQLite: {min(agencies_after, lo + 4000)} agencies",
                flush=True,
            )
    with engine.begin() as conn:
        conn.execute(text(RANKING_INDEX))
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return time.perf_counter() - t0


def _grow_sqlite(engine: Engine, agencies_before: int, agencies_after: int) -> None:
    a0, a1, ny, y0 = agencies_before, agencies_after, len(YEARS), YEARS[0]
    r0, r1 = a0 * ny, a1 * ny
    rand = "(abs(random()) % 1000)"
    with engine.begin() as conn:
        conn.execute(text("PRAGMA cache_size = -1000000"))  # 1 GB: the bulk insert's working set
        for sql, lo, hi in (
            (
                "INSERT INTO agencies (id, name, region, level, kind, created_at) "
                + _SQLITE_SERIES
                + "SELECT x, '测试省第' || x || '号单位信息公开办公室', '', '', '', "
                + _SQLITE_NOW
                + " FROM g",
                max(a0, len(agencies())) + 1,
                a1,
            ),
            (
                "INSERT INTO source_files (id, sha256, path, original_name, size, kind, received_at) "
                + _SQLITE_SERIES
                + "SELECT x, printf('%064x', x), 'f/' || x, 'r.pdf', 1, 'pdf', "
                + _SQLITE_NOW
                + " FROM g",
                r0 + 1,
                r1,
            ),
            (
                "INSERT INTO reports (id, agency_id, year, template, source_file_id, parser_version, is_current, "
                "version, warnings, checks_ok, received_at) "
                + _SQLITE_SERIES
                + f"SELECT x, (x - 1) / {ny} + 1, {y0} + (x - 1) % {ny}, CASE WHEN {y0} + (x - 1) % {ny} < 2021 "
                f"THEN '2019' ELSE '2021' END, x, 'bench', 1, 1, '[]', {rand} >= 50, "
                + _SQLITE_NOW
                + " FROM g",
                r0 + 1,
                r1,
            ),
        ):
            if hi >= lo:
                conn.execute(text(sql), {"lo": lo, "hi": hi})
        rng = {"r0": r0, "r1": r1}
        conn.execute(
            text(
                "INSERT INTO report_cells (report_id, cells, sources) SELECT v.id, json_group_object(v.key, "
                "v.value), coalesce(json_group_object(v.key, json_array(CAST(v.value AS text), 3, 1, v.pos, 7)) "
                "FILTER (WHERE v.value IS NOT NULL), '{}') FROM (SELECT r.id, k.key, k.pos, CASE WHEN "
                f"{rand} < 30 THEN NULL WHEN {rand} < {ZERO * 1000:.0f} THEN 0 ELSE 1 + abs(random()) % 40 END "
                "AS value FROM reports r JOIN bench_keys k "
                "ON k.template = r.template WHERE r.id > :r0 AND r.id <= :r1 ORDER BY r.id, k.pos) v GROUP BY v.id"
            ),
            rng,
        )
        conn.execute(
            text(
                "INSERT INTO report_facts (report_id, key, value, unit, source) SELECT r.id, f.key, "
                "abs(random()) % 900, f.unit, '全年共主动公开政府信息若干条。' FROM reports r CROSS JOIN "
                "(SELECT 'proactive.total' AS key, '条' AS unit UNION ALL SELECT 'proactive.website', '条' "
                "UNION ALL SELECT 'proactive.new_media', '条' UNION ALL SELECT 'applications.received', '件') f "
                "WHERE r.id > :r0 AND r.id <= :r1"
            ),
            rng,
        )
        current_values.fill(conn, "r.id > :r0 AND r.id <= :r1", **rng)
        rules = " UNION ALL ".join(f"SELECT '{rule}' AS rule" for rule in RULES)
        conn.execute(
            text(
                "INSERT INTO report_checks (report_id, rule, status, detail) SELECT r.id, c.rule, CASE WHEN "
                f"NOT r.checks_ok AND c.rule = 't3.balance' THEN 'fail' ELSE 'pass' END, '' FROM reports r "
                f"CROSS JOIN ({rules}) c WHERE r.id > :r0 AND r.id <= :r1"
            ),
            rng,
        )
