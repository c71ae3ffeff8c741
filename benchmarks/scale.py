"""PostgreSQL at national scale (issue 14): question latency and store rate from 100 000 reports up.

    nice -n 10 .venv/bin/python benchmarks/scale.py \\
        --admin-url postgresql+psycopg://postgres@127.0.0.1:5432/postgres --sizes 100000,200000,300000

Resumable: the database `nianbao_scale_bench` is kept between runs (--drop removes it at the end, --fresh
starts over), so a run continues from the size the last one reached and the curve can be grown
stepwise. Each step grows it with server-side SQL (generate_series; ~200 cells, 4 facts and 6 checks
a report, 5 years per agency; the first 2 000 agencies are benchmarks/ask.py's names with aliases),
current_values and current_marks filled from the new reports as the ingest would
(benchmarks/scale_grow.py). At each size it prints p50/p95 of
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
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from benchmarks.ask import YEARS, agencies, bench
from benchmarks.scale_grow import RANKING_INDEX, ZERO, _exec, _setup, _value_index, grow, grow_sqlite
from benchmarks.storage import synthetic_report
from bot.core.services import Services
from bot.core.store_group import store_batch
from parsing.model import Number, Report
from storage.db import make_engine, make_sessionmaker, normalise_url
from storage.migrate import upgrade
from storage.report_batch import StoreItem, store_reports
from storage.reports import SourceInfo
from tests.conftest import make_settings

DB = "nianbao_scale_bench"


# New reports stored by the store-rate runs: the next year of generated agencies (what the January
# rush is: every agency's report on the year just ended), and one in NEW_AGENCY a new agency.
STORE_YEAR = YEARS[-1] + 1
NEW_AGENCY = 10


# SCALE_STORE_CELLS=synthetic: store benchmarks/storage.py's cells as they are (half of them 0,
# 45 % non-zero) instead of the grown reports' mix; the rates of the two are both in docs/benchmarks.md.
SYNTHETIC_CELLS = os.environ.get("SCALE_STORE_CELLS") == "synthetic"


def _as_grown(rng: random.Random, report: Report) -> Report:
    """The report with its cells drawn as grow() draws them (3 % blank, ZERO of the rest 0, else 1..40)."""
    if SYNTHETIC_CELLS:
        return report
    cells: dict[str, Number | None] = {}
    for key in report.cells:
        cells[key] = None if rng.random() < 0.03 else 0 if rng.random() < ZERO else 1 + rng.randrange(40)
    return replace(report, cells=cells)


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
        report, sha = _as_grown(rng, synthetic_report(rng, name, STORE_YEAR)), f"{i:x}".rjust(64, "f")
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
