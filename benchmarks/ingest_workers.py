"""Bulk ingest throughput with 1 and 2 local workers (issue 14), and the scaling between them.

    .venv/bin/python benchmarks/ingest_workers.py [--files 120] [--postgres URL] [--queue] [--versions]

Builds an archive (benchmarks/ingest_archive.py): by default every file the report of an agency of
its own, as in a province's archive; --versions the old one, every file a new version of one of
four (agency, year), on whose rows the workers queue. Then it times
`nianbao ingest DIR --recursive --jobs N` for N = 1 and 2, each into a fresh SQLite database. Prints files/s, the ratio (target >= 1.7x) and the load average, since
the machine may be shared; and the CPU time the run used (per file, and as CPUs over the wall time):
equal CPU a file with 1 and 2 workers means no per-file work is duplicated, and two workers using no
more CPUs than one means the machine, not the code, held the run back. It also prints the steady
rate (first to last file stored, from the jobs' finish times), which leaves out the start-up of the
processes and the wait for the last file.

--pin gives the run N CPUs for N workers (os.sched_setaffinity on the ingest command and the workers,
inherited by their parse sandboxes): a bulk worker parses one file while it stores others, so unpinned
one worker already uses ~1.3 of this machine's 2 CPUs and the 1 -> 2 ratio says more about the cores
left than about the workers. Pinned, each worker has one CPU, as one worker a machine would; the
database server is not pinned (it stands for the machine it runs on, and competes with 2 workers).

--postgres URL (a server URL, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/test) runs each
measurement in a fresh database of its own on that server (created and dropped here). --queue
starts N `nianbao worker` processes first (with the flags `--jobs` gives its workers) and hands them the files with `nianbao ingest --queue`
(PostgreSQL: through procrastinate), instead of `--jobs N`.
"""

from __future__ import annotations

import argparse
import csv
import os
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(
    jobs: int, files: Path, tmp: Path, *, postgres: str | None, queue: bool, pin: bool = False
) -> tuple[float, float, float, float | None, str]:
    """(wall seconds, CPU seconds of the ingest command and every process under it, steady files/s,
    CPU seconds of the PostgreSQL server's processes for the run's database, when on this machine,
    what was stored)."""
    from sqlalchemy.engine import make_url

    data = tmp / f"data-{jobs}"
    data.mkdir()
    url = f"sqlite:///{data / 'nianbao.sqlite3'}" if postgres is None else _fresh_database(postgres, jobs)
    env = {**os.environ, "NIANBAO_DATA_DIR": str(data), "NIANBAO_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    env.pop("NIANBAO_WORKERS", None)
    env["NIANBAO_LOG_LEVEL"] = "WARNING"
    bot = [sys.executable, "-m", "bot"]
    cpus = set(range(jobs))
    pinned = {"preexec_fn": (lambda: os.sched_setaffinity(0, cpus))} if pin else {}
    subprocess.run([*bot, "db", "upgrade"], env=env, check=True, cwd=tmp, stdout=subprocess.DEVNULL)
    server = None if postgres is None else _ServerCpu(make_url(url).database or "")
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    workers = []
    if queue:  # the workers run already, as on the machines of a deployment
        from bot.core import local_workers as bulk  # as `--jobs` starts its own

        flags = ["--concurrency", str(bulk.BULK_CONCURRENCY), "--parsers", str(bulk.BULK_PARSERS),
                 "--store-batch", str(bulk.BULK_STORE_BATCH)]
        workers = [subprocess.Popen([*bot, "worker", *flags], env=env, cwd=tmp, **pinned) for _ in range(jobs)]
    how = ["--queue"] if queue else ["--jobs", str(jobs)]
    subprocess.run(
        [*bot, "ingest", str(files), "--recursive", *how, "--failures", str(tmp / f"failures-{jobs}.csv")],
        env=env, cwd=tmp, check=False, stdout=subprocess.DEVNULL, **pinned,
    )
    seconds = time.perf_counter() - t0
    server_cpu = server.seconds() if server is not None else None
    for worker in workers:
        worker.send_signal(signal.SIGTERM)
    for worker in workers:
        worker.wait(60)
    steady = _steady_rate(url)
    stored = _stored(url, tmp / f"failures-{jobs}.csv")
    if postgres is not None:
        _drop_database(postgres, url)
    return seconds, _children_cpu() - cpu0, steady, server_cpu, stored


def _stored(url: str, failures: Path) -> str:
    """Reports and agencies in the database, and the files the ingest listed as not stored."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        reports = connection.execute(text("SELECT count(*) FROM reports")).scalar_one()
        agencies = connection.execute(text("SELECT count(DISTINCT agency_id) FROM reports")).scalar_one()
    engine.dispose()
    rows = 0
    if failures.exists():
        with failures.open(encoding="utf-8", newline="") as f:
            rows = max(0, len(list(csv.reader(f))) - 1)  # a message may span lines
    return f"{reports} reports of {agencies} agencies stored, {rows} files not stored"


def _steady_rate(url: str) -> float:
    """Files stored a second between the first and the last job to finish."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as connection:
        done = sorted(
            _utc(t) for (t,) in connection.execute(text("SELECT finished_at FROM ingest_jobs WHERE finished_at IS NOT NULL"))
        )
    engine.dispose()
    span = done[-1] - done[0] if len(done) > 1 else 0.0
    return (len(done) - 1) / span if span > 0 else 0.0


def _utc(value: datetime | str) -> float:
    return (value if isinstance(value, datetime) else datetime.fromisoformat(value)).timestamp()


def _fresh_database(server: str, jobs: int) -> str:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"nianbao_ingest_bench_{jobs}_{os.getpid()}"
    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(server).set(database=name).render_as_string(hide_password=False)


def _drop_database(server: str, url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    engine.dispose()


class _ServerCpu:
    """CPU seconds of the PostgreSQL server processes serving one database, when the server runs on
    this machine: its backends and autovacuum workers (the database's name is in their process
    title), sampled from /proc every 0.2 s so a backend that ends is counted up to its last sample.
    Other databases' backends (another user of the server) and the shared WAL writer and
    checkpointer are left out."""

    def __init__(self, database: str) -> None:
        self.database = f" {database} ".encode()
        self.seen: dict[int, float] = {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _sample(self) -> None:
        tick = os.sysconf("SC_CLK_TCK")
        for proc in Path("/proc").iterdir():
            if not proc.name.isdigit():
                continue
            try:
                title = (proc / "cmdline").read_bytes()
                if not title.startswith(b"postgres:") or self.database not in title:
                    continue
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            self.seen[int(proc.name)] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime

    def _run(self) -> None:
        while not self.stop.wait(0.2):
            self._sample()

    def seconds(self) -> float:
        self.stop.set()
        self.thread.join()
        self._sample()
        return sum(self.seen.values())


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def main() -> int:
    from benchmarks import ingest_archive

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=120)
    parser.add_argument("--postgres", metavar="URL", help="measure on this PostgreSQL server (fresh databases)")
    parser.add_argument("--queue", action="store_true", help="running `nianbao worker`s and `ingest --queue`")
    kind = parser.add_mutually_exclusive_group()
    kind.add_argument("--distinct", dest="versions", action="store_false", default=False, help="an agency a file (the default)")
    kind.add_argument("--versions", action="store_true", help="every file a new version of one of 4 reports")
    parser.add_argument("--pin", action="store_true", help="one CPU a worker (see above)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nianbao-bulk-") as name:
        tmp = Path(name)
        t0 = time.perf_counter()
        ingest_archive.build(tmp / "archive", args.files, distinct=not args.versions)
        built = time.perf_counter() - t0
        where = "PostgreSQL" if args.postgres else "SQLite"
        print(f"{args.files} files ({'versions of 4 reports' if args.versions else 'an agency each'}, built in {built:.1f} s), {where}, {'--queue' if args.queue else '--jobs N'}{', one CPU a worker' if args.pin else ''}, "
              f"load average before: {os.getloadavg()[0]:.1f}; cpus: {os.cpu_count()}")
        rates = {}
        steady = {}
        for jobs in (1, 2):
            seconds, cpu, steady[jobs], server, stored = run(
                jobs, tmp / "archive", tmp, postgres=args.postgres, queue=args.queue, pin=args.pin
            )
            rates[jobs] = args.files / seconds
            on_server = "" if server is None else f", server {server / args.files * 1000:.1f} ms CPU a file ({server / seconds:.2f} CPUs)"
            # CPU got / wall time: about 1 with one worker and 2 with two on an idle 2-core machine.
            # When two workers get no more CPU than one, the machine is the limit, not the code.
            print(f"  {'workers' if args.queue else '--jobs'} {jobs}: {seconds:.1f} s, {rates[jobs]:.1f} files/s, "
                  f"steady {steady[jobs]:.1f} files/s, {cpu / args.files * 1000:.0f} ms CPU a file, {cpu / seconds:.2f} CPUs used"
                  f"{on_server} (load average now {os.getloadavg()[0]:.1f}); {stored}", flush=True)
        ratio = rates[2] / rates[1]
        print(f"scaling 1 -> 2 workers: {ratio:.2f}x ({'target met' if ratio >= 1.7 else 'TARGET MISSED'}); "
              f"steady rates {steady[2] / steady[1] if steady[1] else 0:.2f}x")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
