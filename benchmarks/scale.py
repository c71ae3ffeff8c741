"""PostgreSQL at national scale (issue 14): question latency and store rate from 100 000 reports up.

    nice -n 10 .venv/bin/python benchmarks/scale.py \\
        --admin-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres --sizes 100000,200000,300000

Resumable: the database `nianbao_scale_bench` is kept between runs (--drop removes it at the end, --fresh
starts over), so a run continues from the size the last one reached and the curve can be grown
stepwise. Each step grows it with server-side SQL (generate_series; ~200 cells, 4 facts and 6 checks
a report, 5 years per agency; the first 2 000 agencies are benchmarks/ask.py's names with aliases),
current_values and current_marks filled from the new reports as the ingest would. At each size it prints p50/p95 of
`answer_question` per question type (benchmarks/ask.py's questions), and the rate of `store_report`
for new reports into the full database, one transaction per report (as a worker stores an upload)
and --batch reports per transaction (a bulk store). Targets: p95 <= 50 ms per type, >= 1 000 reports/s.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import multiprocessing
import os
import random
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from benchmarks.ask import RULES, YEARS, agencies, bench
from benchmarks.storage import synthetic_report
from bot.core.services import Services
from bot.core.store_group import store_batch
from parsing.schema import cell_keys
from storage import current_values
from storage.db import make_engine, make_sessionmaker, normalise_url
from storage.migrate import upgrade
from storage.report_batch import StoreItem, store_reports
from storage.reports import SourceInfo
from tests.conftest import make_settings

DB = "nianbao_scale_bench"

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


# New reports stored by the store-rate runs: the next year of generated agencies (what the January
# rush is: every agency's report on the year just ended), and one in NEW_AGENCY a new agency.
STORE_YEAR = YEARS[-1] + 1
NEW_AGENCY = 10


def _store_some(args: tuple[str, int, int, int, int, bool]) -> float:
    """Store `count` new synthetic reports, `batch` to a transaction (store_reports; `worker`: as a
    worker stores them, bot.core.store_group.store_batch, with the cross-year checks); returns seconds."""
    url, first, count, batch, agencies_have, worker = args
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    rng = random.Random(first)
    named = len(agencies())
    usable = agencies_have - named
    items = []
    for i in range(first, first + count):
        # Generated agencies after the first len(agencies()) are named by their number.
        name = (
            f"测试省新增{i}号单位"
            if i % NEW_AGENCY == 0
            else f"测试省第{named + 1 + i % usable}号单位信息公开办公室"
        )
        report, sha = synthetic_report(rng, name, STORE_YEAR), f"{i:x}".rjust(64, "f")
        items.append(StoreItem(report, SourceInfo(sha, f"f/{sha}", "n.pdf", 1, "pdf"), name))
    postgres = engine.dialect.name == "postgresql"
    with sessions.begin() as session:  # connect (and warm the pool) before the clock starts
        if postgres:
            session.execute(text("CREATE TABLE IF NOT EXISTS bench_ack (n integer)"))
    t0 = time.perf_counter()
    services = Services(settings=make_settings(Path("/tmp"), url), engine=engine, sessions=sessions)
    for start in range(0, count, batch):
        if worker:
            store_batch(services, items[start : start + batch])
        else:
            with sessions.begin() as session:
                store_reports(session, items[start : start + batch])
        if postgres:
            # store_reports commits without waiting for the WAL flush; what makes a store durable
            # before anyone is told is the worker's next commit, synchronous (the job's result).
            # Each store is followed by one here too, so the rate counts the flush.
            with sessions.begin() as session:
                session.execute(text("INSERT INTO bench_ack VALUES (1)"))
    seconds = time.perf_counter() - t0
    engine.dispose()
    return seconds


def _forget_stored(engine: Engine, agencies: int, reports: int) -> None:
    """Remove what the store-rate runs added (and their ids), so the next step grows from clean ids."""
    # Each deleted report's supersedes_id reference, and each deleted agency's reports, are checked
    # by a scan of reports (neither key has an index: nothing else deletes reports or agencies).
    _exec(engine, "CREATE INDEX IF NOT EXISTS bench_reports_supersedes ON reports (supersedes_id)")
    _exec(engine, "CREATE INDEX IF NOT EXISTS bench_reports_agency ON reports (agency_id)")
    for table in ("current_values", "current_marks"):
        _exec(engine, f"DELETE FROM {table} WHERE agency_id > :a OR year = :y", a=agencies, y=STORE_YEAR)
    _exec(engine, "DELETE FROM reports WHERE id > :r", r=reports)
    _exec(engine, "DELETE FROM source_files WHERE id > :r", r=reports)
    _exec(engine, "DELETE FROM agencies WHERE id > :a", a=agencies)


def store_rate(
    url: str, first: int, count: int, processes: int, batch: int, agencies_have: int, worker: bool = False
) -> float:
    """Reports/s of `processes` storing at once, each timed from its first store to its last."""
    per = count // processes
    jobs = [(url, first + i * per, per, batch, agencies_have, worker) for i in range(processes)]
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        seconds = pool.map(_store_some, jobs)
    return per * processes / max(seconds)


@contextlib.contextmanager
def _locked(path: str | None) -> Iterator[None]:
    """The shared benchmark lock, held while timing only (growing runs beside other benchmarks)."""
    if path is None:
        yield
        return
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _store_rates(args: argparse.Namespace, url: str, sqlite: bool, have: int, stored: int) -> int:
    """Print the store rates at this size; returns how many reports they stored."""
    # SQLite has one writer at a time: one storing process there.
    runs: tuple[tuple[int, int, bool], ...] = ((1, 1, False), (1, args.batch, False))
    if not sqlite:
        runs = (
            (1, 1, False),
            (2, 1, False),
            (1, args.batch, False),
            (2, args.batch, False),
            (2, args.batch, True),
        )
    total = 0
    for processes, batch, worker in runs:
        count = args.store if batch == 1 else max(args.store, 4 * batch * processes)
        rate = store_rate(
            url, 10**9 + stored + total, count, processes, batch, max(have, len(agencies()) + 1), worker
        )
        total += count
        print(
            f"  {'store_batch (worker)' if worker else 'store_reports'}, {processes} process(es), "
            f"{batch} report(s) a transaction: "
            f"{rate:.0f} reports/s (load average {os.getloadavg()[0]:.1f})",
            flush=True,
        )
    return total


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--admin-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--store", type=int, default=2000, help="reports stored at each size")
    parser.add_argument(
        "--batch", type=int, default=500, help="reports per transaction in the bulk store rate"
    )
    parser.add_argument(
        "--lock", metavar="FILE", help="hold an flock on FILE while timing (not while growing)"
    )
    parser.add_argument("--fresh", action="store_true", help="start over (the database is kept otherwise)")
    parser.add_argument("--drop", action="store_true", help="drop the database at the end")
    parser.add_argument(
        "--sqlite", metavar="FILE", help="measure SQLite in FILE (kept) instead of PostgreSQL"
    )
    args = parser.parse_args()
    admin = make_engine(args.admin_url, isolation_level="AUTOCOMMIT")
    if args.sqlite:
        path = Path(args.sqlite)
        if args.fresh:
            for old in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                old.unlink(missing_ok=True)
        exists = path.exists()
        url = f"sqlite:///{path}"
    else:
        with admin.connect() as conn:
            exists = (
                conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": DB}).first()
                is not None
            )
            if args.fresh or not exists:
                conn.execute(text(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)"))
                conn.execute(text(f"CREATE DATABASE {DB}"))
        url = make_url(normalise_url(args.admin_url)).set(database=DB).render_as_string(hide_password=False)
    reuse = exists and not args.fresh
    sqlite = bool(args.sqlite)
    engine = make_engine(url)
    try:
        upgrade(engine)
        have, stored = 0, 0  # agencies generated; reports stored by the store-rate runs
        if reuse:
            with engine.connect() as conn:
                # Checks are the last rows a step writes: a step cut short (Ctrl-C, a kill) is removed.
                done = conn.execute(
                    text(
                        "SELECT coalesce(max(c.report_id), 0) FROM report_checks c JOIN reports r "
                        "ON r.id = c.report_id WHERE r.parser_version = 'bench'"
                    )
                ).scalar_one()
                have = done // len(YEARS)
            _forget_stored(engine, max(have, len(agencies())), have * len(YEARS))
            if not sqlite:
                _value_index(engine)  # a step cut short between dropping and rebuilding it
        else:
            _setup(engine)
        if sqlite:  # a run cut short between dropping and rebuilding it
            _exec(engine, RANKING_INDEX)
        for size in (int(s) for s in args.sizes.split(",")):
            want = size // len(YEARS)
            grow_to = grow_sqlite if sqlite else grow
            seconds = grow_to(engine, have, want) if want > have else 0.0
            have = want
            with engine.connect() as conn:
                n = conn.execute(text("SELECT count(*) FROM reports")).scalar()
                db_size = (
                    f"{Path(args.sqlite).stat().st_size / 2**20:.0f} MB"
                    if sqlite
                    else conn.execute(
                        text("SELECT pg_size_pretty(pg_database_size(current_database()))")
                    ).scalar()
                )
            print(
                f"{'SQLite' if sqlite else 'PostgreSQL'}, {n} reports ({db_size}), grown in {seconds:.0f} s; load average "
                f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}:",
                flush=True,
            )
            services = Services(
                settings=make_settings(Path("/tmp"), url), engine=engine, sessions=make_sessionmaker(engine)
            )
            with _locked(args.lock):
                bench(services, args.rounds)
                stored += _store_rates(args, url, sqlite, have, stored)
            _forget_stored(engine, max(have, len(agencies())), have * len(YEARS))
    finally:
        engine.dispose()
        if args.drop and not sqlite:
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)"))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
