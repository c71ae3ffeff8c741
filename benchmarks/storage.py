"""Storage at scale: store 10 000 synthetic reports, then time the typical queries.

    .venv/bin/python benchmarks/storage.py [--reports 10000] [--agencies 500] [--postgres URL]

Prints the insert rate (one transaction per report, as an ingest does; the original file's
fsync is timed separately) and p50/p95 latency of: one value (agency + year + key), the
ranking of all agencies for a year by a key, and the missing-report list for a year.
SQLite always (temporary file); PostgreSQL when --postgres or NIANBAO_TEST_POSTGRES_URL is
set, in a private schema that is dropped afterwards. Targets: >= 200 reports/s on SQLite,
p95 <= 20 ms per query on both.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, exists, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parsing.model import Check, CheckStatus, Fact, Provenance, Report
from parsing.schema import TEMPLATE_2019, TEMPLATE_2021, cell_keys
from storage.db import make_engine, make_sessionmaker, normalise_url, write_lock
from storage.files import store_original
from storage.migrate import upgrade
from storage.models import Agency, ReportRow
from storage.queries import report_values, year_top
from storage.reports import SourceInfo, store_report

BODIES = [
    "科学技术局",
    "教育局",
    "财政局",
    "民政局",
    "司法局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "商务局",
    "卫生健康局",
    "应急管理局",
    "审计局",
    "市场监督管理局",
    "统计局",
    "医疗保障局",
    "生态环境局",
    "发展和改革局",
    "人民政府办公室",
]
COUNTIES = [
    "文登区",
    "环翠区",
    "荣成市",
    "乳山市",
    "临港区",
    "经区",
    "高区",
    "火炬区",
    "南海新区",
    "张村区",
    "汶上县",
    "平罗县",
    "历下区",
    "市中区",
    "槐荫区",
    "天桥区",
    "历城区",
    "长清区",
    "章丘区",
    "济阳区",
    "莱芜区",
    "钢城区",
    "平阴县",
    "商河县",
    "高新区",
]
QUERY_KEYS = ["t3.new.total", "t3.granted.total", "t4.review.total", "t2.licensing.decisions"]


def synthetic_report(rng: random.Random, agency: str, year: int) -> Report:
    template = TEMPLATE_2021 if year >= 2021 else TEMPLATE_2019
    cells: dict[str, int | float | None] = {}
    sources: dict[str, Provenance] = {}
    for i, key in enumerate(cell_keys(template)):
        value: int | None = rng.choice((0, 0, 0, 1, 2, rng.randint(0, 500))) if rng.random() > 0.05 else None
        cells[key] = value
        sources[key] = Provenance(
            page=2 + i // 80, table=1 + i // 80, row=i % 30, col=i % 7, raw=str(value or "")
        )
    facts = (
        Fact(
            "proactive.total",
            rng.randint(10, 3000),
            "条",
            "本年度共主动公开政府信息若干条。",
            Provenance(paragraph=4),
        ),
        Fact(
            "proactive.website",
            rng.randint(5, 1000),
            "条",
            "通过政府网站公开若干条。",
            Provenance(paragraph=4),
        ),
    )
    checks = tuple(
        Check(rule, CheckStatus.PASS, "0+0 = 0+0")
        for rule in ("t3.balance", "t3.rows_sum", "t3.cols_sum", "t4.sums")
    )
    return Report(
        agency,
        year,
        template,
        date(year + 1, 1, 20),
        cells,
        facts,
        checks,
        (),
        f"{agency}{year}年报告",
        sources,
    )


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def load(
    engine: Engine, sessions: sessionmaker[Session], n_reports: int, n_agencies: int, data_dir: Path
) -> None:
    rng = random.Random(42)
    agencies = [
        f"威海市{COUNTIES[i % len(COUNTIES)]}{BODIES[(i // len(COUNTIES)) % len(BODIES)]}"
        + ("" if i < len(COUNTIES) * len(BODIES) else f"第{i}分局")
        for i in range(n_agencies)
    ]
    years = n_reports // n_agencies
    jobs = [(a, 2024 - y) for y in range(years) for a in agencies][:n_reports]
    reports = [synthetic_report(rng, a, y) for a, y in jobs]  # built up front: time storage only
    latencies: list[float] = []
    start = time.perf_counter()
    for i, report in enumerate(reports):
        t0 = time.perf_counter()
        with write_lock(engine), sessions.begin() as session:
            store_report(
                session,
                report=report,
                source=SourceInfo(f"{i:064x}", f"files/{i}", f"{i}.pdf", 100_000, "pdf"),
                agency_name=report.agency or "",
            )
        latencies.append(time.perf_counter() - t0)
    elapsed = time.perf_counter() - start
    p50, p95 = percentiles(latencies)
    print(
        f"  stored {len(reports)} reports ({len(agencies)} agencies x {years} years) in {elapsed:.1f} s: "
        f"{len(reports) / elapsed:.0f} reports/s (p50 {p50:.1f} ms, p95 {p95:.1f} ms per ingest transaction)"
    )
    # The original's atomic write (temp + fsync + rename) happens once per upload, outside the transaction.
    t0 = time.perf_counter()
    for _ in range(200):
        store_original(data_dir, rng.randbytes(200_000))
    per_file = (time.perf_counter() - t0) / 200 * 1000
    print(f"  original file write (200 KB, fsync, rename): {per_file:.1f} ms each")


def time_queries(sessions: sessionmaker[Session], runs: int) -> None:
    rng = random.Random(7)
    with sessions() as session:
        names = session.scalars(select(Agency.name)).all()
        years = session.scalars(select(ReportRow.year).distinct()).all()

    def one_value(session: Session) -> object:
        report_id = session.scalar(
            select(ReportRow.id)
            .join(Agency, Agency.id == ReportRow.agency_id)
            .where(Agency.name == rng.choice(names), ReportRow.year == rng.choice(years), ReportRow.is_current.is_(True))
        )
        return None if report_id is None else report_values(session, report_id, [rng.choice(QUERY_KEYS)])

    def ranking(session: Session) -> object:
        return year_top(session, rng.choice(years), [rng.choice(QUERY_KEYS)], limit=10**9)

    def missing(session: Session) -> object:
        year = rng.choice([*years, max(years) + 1])
        has_report = exists().where(
            ReportRow.agency_id == Agency.id, ReportRow.year == year, ReportRow.is_current.is_(True)
        )
        return session.scalars(select(Agency.name).where(~has_report).order_by(Agency.name)).all()

    queries: dict[str, Callable[[Session], object]] = {
        "one value (agency+year+key)": one_value,
        "ranking of all agencies for a year": ranking,
        "missing-report list for a year": missing,
    }
    with sessions() as session:
        for label, query in queries.items():
            query(session)  # warm the statement cache
            samples = []
            for _ in range(runs):
                t0 = time.perf_counter()
                query(session)
                samples.append(time.perf_counter() - t0)
            p50, p95 = percentiles(samples)
            verdict = "ok" if p95 <= 20 else "OVER TARGET"
            print(f"  {label:38s} p50 {p50:6.2f} ms   p95 {p95:6.2f} ms   ({verdict})")


def run(label: str, engine: Engine, args: argparse.Namespace, data_dir: Path) -> None:
    print(f"{label}:")
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    load(engine, sessions, args.reports, args.agencies, data_dir)
    time_queries(sessions, args.runs)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--agencies", type=int, default=500)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--postgres", default=os.environ.get("NIANBAO_TEST_POSTGRES_URL"))
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        if not args.skip_sqlite:
            engine = make_engine(f"sqlite:///{data_dir / 'bench.sqlite3'}")
            try:
                run("SQLite", engine, args, data_dir)
            finally:
                engine.dispose()
        if args.postgres:
            run_postgres(args, data_dir)
        else:
            print("PostgreSQL: skipped (no --postgres / NIANBAO_TEST_POSTGRES_URL)")
    return 0


def run_postgres(args: argparse.Namespace, data_dir: Path) -> None:
    schema = f"nb_bench_{uuid.uuid4().hex[:8]}"
    admin = make_engine(args.postgres)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # not reachable: say so and carry on
        print(f"PostgreSQL: skipped ({exc.__class__.__name__}: {exc})")
        admin.dispose()
        return
    url = make_url(normalise_url(args.postgres)).update_query_dict({"options": f"-csearch_path={schema}"})
    engine = make_engine(url.render_as_string(hide_password=False))
    try:
        run(f"PostgreSQL (schema {schema})", engine, args, data_dir)
    finally:
        engine.dispose()
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


if __name__ == "__main__":
    sys.exit(main())
