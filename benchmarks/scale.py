"""PostgreSQL at national scale (issue 14): question latency and store rate from 100 000 reports up.

    .venv/bin/python benchmarks/scale.py --admin-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres \\
        --sizes 100000,300000,1000000 [--keep]

Creates the database `nianbao_bench` (dropped at the end unless --keep), migrates it, and grows it
step by step to each size with server-side SQL (generate_series; ~200 cells, 4 facts and 6 checks a
report, 5 years per agency; the first 2 000 agencies are benchmarks/ask.py's names with aliases).
At each size it prints p50/p95 of `answer_question` per question type (benchmarks/ask.py's
questions) and the rate of `store_report` (one transaction per report, as a worker stores) for
new reports into the full database. Targets: p95 <= 50 ms per type, >= 1 000 reports/s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from benchmarks.ask import RULES, YEARS, agencies, bench
from benchmarks.storage import synthetic_report
from bot.core.services import Services
from parsing.schema import cell_keys
from storage.db import make_engine, make_sessionmaker, normalise_url
from storage.migrate import upgrade
from storage.reports import SourceInfo, store_report
from tests.conftest import make_settings

DB = "nianbao_bench"


def _exec(engine: Engine, sql: str, **params: object) -> float:
    t0 = time.perf_counter()
    with engine.begin() as conn:
        conn.execute(text(sql), params)
    return time.perf_counter() - t0


def _setup(engine: Engine) -> None:
    """Names of the first agencies (with aliases) and the cell keys per template, as helper tables."""
    now = datetime.now(UTC)
    names = agencies()
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE bench_keys (template varchar(4), key varchar(60))"))
        for template in ("2019", "2021"):
            conn.execute(
                text("INSERT INTO bench_keys VALUES (:t, :k)"), [{"t": template, "k": k} for k in cell_keys(template)]
            )
        conn.execute(
            text("INSERT INTO agencies (id, name, region, level, kind, created_at) VALUES (:i, :n, '', '', '', :now)"),
            [{"i": i, "n": n, "now": now} for i, (n, _) in enumerate(names, 1)],
        )
        conn.execute(
            text("INSERT INTO agency_aliases (agency_id, alias, source) VALUES (:i, :a, 'generated')"),
            [{"i": i, "a": a} for i, (_, al) in enumerate(names, 1) for a in al],
        )


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
        a0=a0, a1=a1,
    )
    seconds += _exec(
        engine,
        "INSERT INTO source_files (id, sha256, path, original_name, size, kind, received_at) "
        "SELECT g, lpad(to_hex(g), 64, '0'), 'f/' || g, 'r.pdf', 1, 'pdf', now() "
        "FROM generate_series(:r0 + 1, :r1) g",
        r0=a0 * ny, r1=a1 * ny,
    )
    seconds += _exec(
        engine,
        "INSERT INTO reports (id, agency_id, year, template, source_file_id, parser_version, is_current, "
        "version, warnings, checks_ok, received_at) "
        "SELECT g, (g - 1) / :ny + 1, :y0 + (g - 1) % :ny, CASE WHEN :y0 + (g - 1) % :ny < 2021 THEN '2019' "
        "ELSE '2021' END, g, 'bench', true, 1, '[]', random() > 0.05, now() FROM generate_series(:r0 + 1, :r1) g",
        ny=ny, y0=y0, r0=a0 * ny, r1=a1 * ny,
    )
    seconds += _exec(
        engine,
        "INSERT INTO report_cells (report_id, key, value) "
        "SELECT r.id, k.key, CASE WHEN random() < 0.03 THEN NULL ELSE floor(random() * 41) END "
        "FROM reports r JOIN bench_keys k ON k.template = r.template WHERE r.id > :r0 AND r.id <= :r1",
        r0=a0 * ny, r1=a1 * ny,
    )
    seconds += _exec(
        engine,
        "INSERT INTO report_facts (report_id, key, value, unit, source) "
        "SELECT r.id, f.key, floor(random() * 900), f.unit, '全年共主动公开政府信息若干条。' FROM reports r "
        "CROSS JOIN (VALUES ('proactive.total', '条'), ('proactive.website', '条'), "
        "('proactive.new_media', '条'), ('applications.received', '件')) f(key, unit) "
        "WHERE r.id > :r0 AND r.id <= :r1",
        r0=a0 * ny, r1=a1 * ny,
    )
    seconds += _exec(
        engine,
        "INSERT INTO report_checks (report_id, rule, status, detail) "
        "SELECT r.id, c.rule, CASE WHEN NOT r.checks_ok AND c.rule = 't3.balance' THEN 'fail' ELSE 'pass' END, '' "
        "FROM reports r CROSS JOIN unnest(CAST(:rules AS text[])) c(rule) WHERE r.id > :r0 AND r.id <= :r1",
        rules=list(RULES), r0=a0 * ny, r1=a1 * ny,
    )
    t0 = time.perf_counter()
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT").execute(text("VACUUM ANALYZE"))
    for table in ("agencies", "agency_aliases", "source_files", "reports", "report_facts", "report_checks"):
        _exec(engine, f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))")
    return seconds + time.perf_counter() - t0


def _store_some(args: tuple[str, int, int]) -> float:
    """Store `count` new synthetic reports (new agencies) in one process; returns seconds."""
    url, first, count = args
    engine = make_engine(url)
    sessions = make_sessionmaker(engine)
    rng = random.Random(first)
    reports = [synthetic_report(rng, f"新增测试单位{first + i}号", 2023) for i in range(count)]
    t0 = time.perf_counter()
    for i, report in enumerate(reports):
        sha = f"{first + i:x}".rjust(64, "f")
        with sessions.begin() as session:
            store_report(
                session, report=report, source=SourceInfo(sha, f"f/{sha}", "n.pdf", 1, "pdf"),
                agency_name=report.agency or "",
            )
    seconds = time.perf_counter() - t0
    engine.dispose()
    return seconds


def store_rate(url: str, first: int, count: int, processes: int) -> float:
    per = count // processes
    jobs = [(url, first + i * per, per) for i in range(processes)]
    t0 = time.perf_counter()
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        pool.map(_store_some, jobs)
    return per * processes / (time.perf_counter() - t0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--admin-url", default="postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--sizes", default="100000,300000,1000000")
    parser.add_argument("--rounds", type=int, default=60)
    parser.add_argument("--store", type=int, default=2000, help="reports stored at each size")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument("--reuse", action="store_true", help="continue in a database kept by --keep")
    args = parser.parse_args()
    admin = make_engine(args.admin_url, isolation_level="AUTOCOMMIT")
    if not args.reuse:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {DB}"))
            conn.execute(text(f"CREATE DATABASE {DB}"))
    url = make_url(normalise_url(args.admin_url)).set(database=DB).render_as_string(hide_password=False)
    engine = make_engine(url)
    try:
        upgrade(engine)
        have, stored = 0, 0
        if args.reuse:
            with engine.connect() as conn:
                have = conn.execute(text("SELECT count(*) FROM reports WHERE parser_version = 'bench'")).scalar_one()
                have //= len(YEARS)
                stored = conn.execute(text("SELECT count(*) FROM reports WHERE year = 2023 AND parser_version <> 'bench'")).scalar_one()
        else:
            _setup(engine)
        for size in (int(s) for s in args.sizes.split(",")):
            want = size // len(YEARS)
            seconds = grow(engine, have, want) if want > have else 0.0
            have = want
            with engine.connect() as conn:
                n = conn.execute(text("SELECT count(*) FROM reports")).scalar()
                db_size = conn.execute(text("SELECT pg_size_pretty(pg_database_size(current_database()))")).scalar()
            print(f"PostgreSQL, {n} reports ({db_size}), generated in {seconds:.0f} s:", flush=True)
            services = Services(
                settings=make_settings(Path("/tmp"), url), engine=engine, sessions=make_sessionmaker(engine)
            )
            bench(services, args.rounds)
            for processes in (1, 2):
                rate = store_rate(url, 10**9 + stored, args.store, processes)
                stored += args.store
                print(f"  store_report, {processes} process(es): {rate:.0f} reports/s", flush=True)
    finally:
        engine.dispose()
        if not args.keep:
            with admin.connect() as conn:
                conn.execute(text(f"DROP DATABASE IF EXISTS {DB} WITH (FORCE)"))
        admin.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
