"""Answer latency over 10 000 stored reports, per question type, on SQLite and PostgreSQL.

    .venv/bin/python benchmarks/ask.py                       # SQLite only
    NIANBAO_TEST_POSTGRES_URL=postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        .venv/bin/python benchmarks/ask.py                   # both (PostgreSQL in a private schema)

Synthetic data: 2 000 agencies x 5 years (2019-2023; 2019/2020 in the 2019 format), every
table cell stored, three to four narrative facts and six checks per report (5 % failing),
two generated aliases per agency. Prints p50/p95 of `answer_question` per question type.
Target: p95 <= 50 ms.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import Engine, insert, text
from sqlalchemy.engine import make_url

from bot.core.answer import answer_question
from bot.core.services import Services
from parsing.schema import cell_keys
from storage import current_values
from storage.agencies import generate_aliases
from storage.db import make_engine, make_sessionmaker, normalise_url
from storage.migrate import upgrade
from storage.models import (
    Agency,
    AgencyAlias,
    CellRow,
    ChatRegistration,
    CheckRow,
    FactRow,
    ReportRow,
    SourceFile,
)
from tests.conftest import make_settings

NOW = datetime(2024, 3, 1, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
YEARS = (2019, 2020, 2021, 2022, 2023)
CITIES = ("威海", "济南", "青岛", "烟台", "潍坊", "临沂", "淄博", "济宁", "泰安", "德州")
DISTRICTS = (
    "文登",
    "环翠",
    "荣成",
    "乳山",
    "历下",
    "市中",
    "槐荫",
    "天桥",
    "历城",
    "长清",
    "黄岛",
    "崂山",
    "李沧",
    "城阳",
    "即墨",
    "芝罘",
    "福山",
    "牟平",
    "莱山",
    "蓬莱",
)
DEPARTMENTS = (
    "科学技术局",
    "公安局",
    "财政局",
    "教育和体育局",
    "人力资源和社会保障局",
    "自然资源局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "商务局",
)
RULES = ("t3.balance", "t3.rows_sum", "t3.cols_sum", "t3.other_sum", "t4.sums", "t2.in_force")


def agencies() -> list[tuple[str, list[str]]]:
    out = []
    for city in CITIES:
        for district in DISTRICTS:
            for full in DEPARTMENTS:
                name = f"{city}市{district}区{full}"
                # The aliases the ingest path stores; [0] is the city-qualified short form.
                out.append((name, generate_aliases(name)))
    return out


def populate(engine: Engine, n_reports: int) -> float:
    rng = random.Random(7)
    started = time.perf_counter()
    now = datetime.now(UTC)
    names = agencies()
    per_year = max(1, n_reports // len(YEARS))
    names = names[:per_year]
    with engine.begin() as conn:
        conn.execute(
            insert(Agency), [{"id": i, "name": n, "created_at": now} for i, (n, _) in enumerate(names, 1)]
        )
        conn.execute(
            insert(AgencyAlias),
            [
                {"agency_id": i, "alias": a, "source": "generated"}
                for i, (_, al) in enumerate(names, 1)
                for a in al
            ],
        )
        files, reports, cells, facts, checks = [], [], [], [], []
        rid = 0
        for year in YEARS:
            template = "2019" if year < 2021 else "2021"
            keys = cell_keys(template)
            for aid in range(1, len(names) + 1):
                rid += 1
                files.append(
                    {
                        "id": rid,
                        "sha256": f"{rid:064x}",
                        "path": f"f/{rid}",
                        "original_name": "r.pdf",
                        "size": 1,
                        "kind": "pdf",
                        "received_at": now,
                    }
                )
                failing = rng.random() < 0.05
                reports.append(
                    {
                        "id": rid,
                        "agency_id": aid,
                        "year": year,
                        "template": template,
                        "source_file_id": rid,
                        "parser_version": "bench",
                        "is_current": True,
                        "version": 1,
                        "warnings": [],
                        "checks_ok": not failing,
                        # One in ten arrives after the 31 January deadline (reported late).
                        "received_at": datetime(year + 1, 2 if aid % 10 == 0 else 1, 20, tzinfo=UTC),
                        "published_on": date(year + 1, 1, 15),
                    }
                )
                values = {k: None if rng.random() < 0.03 else float(rng.randint(0, 40)) for k in keys}
                cells.append({"report_id": rid, "cells": values, "sources": {}})
                total = rng.randint(20, 900)
                if rng.random() < 0.8:
                    facts.append((rid, "proactive.total", total, "条", f"全年共主动公开政府信息{total}条。"))
                facts.append((rid, "proactive.website", total // 2, "条", f"政府网站公开{total // 2}条。"))
                facts.append(
                    (
                        rid,
                        "proactive.new_media",
                        total - total // 2,
                        "条",
                        f"微信公开{total - total // 2}条。",
                    )
                )
                facts.append((rid, "applications.received", rng.randint(0, 30), "件", "收到申请若干件。"))
                for rule in RULES:
                    status = "fail" if failing and rule == "t3.balance" else "pass"
                    checks.append({"report_id": rid, "rule": rule, "status": status, "detail": ""})
        conn.execute(insert(SourceFile), files)
        conn.execute(insert(ReportRow), reports)
        if engine.dialect.name == "postgresql":
            _copy(conn, "report_facts", ("report_id", "key", "value", "unit", "source"), facts)
        else:
            conn.execute(
                insert(FactRow),
                [{"report_id": r, "key": k, "value": v, "unit": u, "source": s} for r, k, v, u, s in facts],
            )
        conn.execute(insert(CellRow), cells)  # one row a report (storage.cells)
        conn.execute(insert(CheckRow), checks)
        # The reminders' registry: every agency is expected to report; 2023 misses one in twenty.
        conn.execute(
            insert(ChatRegistration),
            [
                {"agency_id": i, "chat_id": None, "registered_at": now, "source": "csv"}
                for i in range(1, len(names) + 1)
            ],
        )
        conn.execute(
            text(
                "DELETE FROM report_checks WHERE report_id IN (SELECT id FROM reports WHERE year = 2023 AND agency_id % 20 = 0)"
            )
        )
        conn.execute(
            text(
                "DELETE FROM report_facts WHERE report_id IN (SELECT id FROM reports WHERE year = 2023 AND agency_id % 20 = 0)"
            )
        )
        conn.execute(
            text(
                "DELETE FROM report_cells WHERE report_id IN (SELECT id FROM reports WHERE year = 2023 AND agency_id % 20 = 0)"
            )
        )
        conn.execute(text("DELETE FROM reports WHERE year = 2023 AND agency_id % 20 = 0"))
        # Rows written directly, not by the ingest: fill the year-wide figures the ingest keeps.
        current_values.rebuild(conn)
    with engine.connect() as conn:
        conn.execute(text("ANALYZE"))
        conn.commit()
    return time.perf_counter() - started


def _copy(conn, table: str, columns: tuple[str, ...], rows: list[tuple[object, ...]]) -> None:  # type: ignore[no-untyped-def]
    # COPY is the PostgreSQL bulk path; executemany of 2 million rows would dominate the run.
    raw = conn.connection.driver_connection
    buf = io.StringIO()
    for row in rows:
        buf.write("\t".join("\\N" if v is None else str(v) for v in row) + "\n")
    with raw.cursor().copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        copy.write(buf.getvalue())


_NAMES = agencies()[:400]
# How people write a district department unambiguously: city + district + short name
# (威海文登科技局). Districts repeat across the synthetic cities, so the bare short form
# (文登科技局) is rightly ambiguous and would only measure the "which one?" reply.
_SHORT = [name[: name.index("市")] + min(aliases, key=len) for name, aliases in _NAMES]


def _pick(r: random.Random) -> str:
    """An agency as people write one of several: a stored short form with its city half the time."""
    name, aliases = r.choice(_NAMES)
    city = name[: name.index("市") + 1]
    return name if r.random() < 0.5 else next((a for a in aliases if a.startswith(city)), name)


QUESTIONS: dict[str, Callable[[random.Random], str]] = {
    "value (full name)": lambda r: f"{r.choice(_NAMES)[0]}2022年主动公开多少条",
    "value (alias)": lambda r: f"{r.choice(_SHORT)}2021年收到多少申请",
    "value (typo/fuzzy)": lambda r: (
        f"威海{r.choice(DISTRICTS[:5])}科学技术局{r.choice(YEARS)}年行政复议被纠正几件"
    ),
    "value (no year)": lambda r: f"{r.choice(_SHORT)}不予公开多少件",
    "compare years": lambda r: f"{r.choice(_SHORT)}2021和2022主动公开对比",
    "ambiguous short name": lambda r: f"{min(r.choice(_NAMES)[1], key=len)}2021年收到多少申请",
    "rank": lambda r: f"{r.choice(YEARS)}年哪个单位收到申请最多",
    "sum": lambda r: f"{r.choice(YEARS)}年一共收到多少申请",
    "count reports": lambda r: f"有多少份{r.choice(YEARS)}年报告",
    "failed checks": lambda r: f"{r.choice(YEARS)}年哪些报告勾稽关系不对",
    # --- issue 13: several agencies, places, years, two items, dates, who has not reported
    "each (2 agencies)": lambda r: f"{_pick(r)}和{_pick(r)}2021年主动公开比较",
    "sum (2 agencies)": lambda r: f"{_pick(r)}和{_pick(r)}2021年收到申请一共多少",
    "difference (2)": lambda r: f"{_pick(r)}比{_pick(r)}2022年收到申请多多少",
    "rank (3 agencies)": lambda r: f"{_pick(r)}、{_pick(r)}和{_pick(r)}2021年谁收到申请最多",
    "place alone": lambda r: f"威海{r.choice(DISTRICTS[:4])}2021年主动公开多少条",
    "year change": lambda r: f"{_pick(r)}2022年比上一年多公开了多少条",
    "trend (all years)": lambda r: f"{_pick(r)}主动公开趋势",
    "item difference": lambda r: f"{_pick(r)}2022年予以公开比部分公开多几件",
    "item share": lambda r: f"{_pick(r)}2022年予以公开占比",
    "published / version": lambda r: f"{_pick(r)}{r.choice(YEARS)}年报告什么时候发布的",
    "not reported": lambda r: f"{r.choice(YEARS)}年哪些单位没报",
    "not reported (place)": lambda r: f"威海{r.choice(DISTRICTS[:4])}{r.choice(YEARS)}年哪些单位没报",
    "fuzzy (unknown city)": lambda r: f"火星市{r.choice(DISTRICTS)}区科技局2021主动公开",
    "not understood": lambda r: "今天天气怎么样",
}


def bench(services: Services, rounds: int) -> None:
    rng = random.Random(11)
    answer_question(services, "文登科技局2021主动公开多少条", now=NOW)  # builds the agency index once
    print(f"  {'question type':<22}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  outcomes")
    for name, make in QUESTIONS.items():
        times, outcomes = [], set()
        for _ in range(rounds):
            question = make(rng)
            t0 = time.perf_counter()
            answer = answer_question(services, question, now=NOW)
            times.append((time.perf_counter() - t0) * 1000)
            outcomes.add(str(answer.outcome))
        times.sort()
        p50 = statistics.median(times)
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        print(f"  {name:<22}{p50:>9.1f}{p95:>9.1f}{times[-1]:>9.1f}  {','.join(sorted(outcomes))}")


def run(label: str, url: str, n_reports: int, rounds: int, data_dir: Path) -> None:
    engine = make_engine(url)
    upgrade(engine)
    seconds = populate(engine, n_reports)
    services = Services(
        settings=make_settings(data_dir, url), engine=engine, sessions=make_sessionmaker(engine)
    )
    with engine.connect() as conn:
        n = conn.execute(text("SELECT count(*) FROM reports")).scalar()
        values = conn.execute(text("SELECT count(*) FROM current_values")).scalar()
    print(f"{label}: {n} reports ({values} current values) stored in {seconds:.1f} s; {rounds} questions per type")
    bench(services, rounds)
    services.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--postgres-url", default=os.environ.get("NIANBAO_TEST_POSTGRES_URL", ""))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run("SQLite", f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args.reports, args.rounds, Path(tmp))
        if args.postgres_url:
            schema = f"bench_ask_{uuid.uuid4().hex[:8]}"
            admin = make_engine(args.postgres_url)
            with admin.begin() as conn:
                conn.execute(text(f'CREATE SCHEMA "{schema}"'))
            try:
                url = make_url(normalise_url(args.postgres_url)).update_query_dict(
                    {"options": f"-csearch_path={schema}"}
                )
                run(
                    "PostgreSQL",
                    url.render_as_string(hide_password=False),
                    args.reports,
                    args.rounds,
                    Path(tmp),
                )
            finally:
                with admin.begin() as conn:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
                admin.dispose()
        else:
            print("PostgreSQL: skipped (set NIANBAO_TEST_POSTGRES_URL or --postgres-url)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
