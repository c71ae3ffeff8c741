"""The kill -9 and concurrency harness (issue 10): run it again after every storage change.

tests/integrity/test_integrity_harness.py runs a few trials in the normal suite;
benchmarks/integrity.py runs all of them (every statement of a migration, 20 ingest rounds).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import subprocess
import sys
import uuid
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.engine import make_url

from storage.db import make_engine, normalise_url
from storage.files import sha256_hex
from storage.models import Agency, Base, ReportRow, SourceFile

ROOT = Path(__file__).resolve().parents[2]
NIANBAO = [sys.executable, "-c", "import sys; from bot.main import main; sys.exit(main())"]
CHILD = [sys.executable, "-m", "tests.integrity.children"]


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NIANBAO_", "TELEGRAM_"))}
    env.update(NIANBAO_DATA_DIR=str(data_dir), PYTHONPATH=str(ROOT), NIANBAO_LOG_LEVEL="WARNING")
    return env


def _run(args: Sequence[str], data_dir: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    # cwd = the data dir: no .env of the developer's is read.
    return subprocess.run(
        list(args), cwd=data_dir, env=_env(data_dir), capture_output=True, text=True, timeout=timeout, check=False
    )


@contextlib.contextmanager
def postgres_schema(base_url: str) -> Iterator[str]:
    """A private schema in the PostgreSQL database at `base_url`, dropped afterwards; yields its URL."""
    schema = f"nb_int_{uuid.uuid4().hex[:10]}"
    url = make_url(normalise_url(base_url)).update_query_dict({"options": f"-csearch_path={schema}"})
    admin = make_engine(base_url)
    with admin.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


def schema_differences(url: str) -> list[str]:
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            diffs = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    finally:
        engine.dispose()
    return [repr(d) for d in diffs]


# --- 1. kill -9 of `db upgrade` after each SQL statement --------------------------------------


@dataclass
class UpgradeTrial:
    kill_after: int
    killed: bool
    upgrade_rc: int
    check_rc: int
    output: str
    schema_diffs: list[str]

    @property
    def ok(self) -> bool:
        return self.killed and self.upgrade_rc == 0 and self.check_rc == 0 and not self.schema_diffs

    def __str__(self) -> str:
        return f"kill after statement {self.kill_after}: killed={self.killed} upgrade={self.upgrade_rc} check={self.check_rc} diffs={self.schema_diffs} {self.output}"


def count_upgrade_statements(workdir: Path) -> int:
    workdir.mkdir(parents=True, exist_ok=True)
    done = _run([*CHILD, "upgrade", f"sqlite:///{workdir / 'count.sqlite3'}", "0"], workdir)
    assert done.returncode == 0, done.stderr
    return int(done.stdout)


def upgrade_trial(workdir: Path, kill_after: int) -> UpgradeTrial:
    """A fresh SQLite file; migrate it, SIGKILL after statement `kill_after`; then `db upgrade`, `db check`."""
    workdir.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{workdir / 'nianbao.sqlite3'}"
    killed = _run([*CHILD, "upgrade", url, str(kill_after)], workdir)
    upgraded = _run([*NIANBAO, "db", "upgrade", "--db", url], workdir)
    checked = _run([*NIANBAO, "db", "check", "--db", url], workdir)
    return UpgradeTrial(
        kill_after=kill_after,
        killed=killed.returncode == -9,
        upgrade_rc=upgraded.returncode,
        check_rc=checked.returncode,
        output=(upgraded.stdout + upgraded.stderr + checked.stderr).strip()[-400:],
        schema_diffs=schema_differences(url) if upgraded.returncode == 0 else [],
    )


# --- 2. concurrent ingests of one overlapping set ---------------------------------------------


@dataclass(frozen=True)
class FakeFile:
    agency: str
    year: int
    version: int

    @property
    def data(self) -> bytes:
        return json.dumps({"agency": self.agency, "year": self.year, "version": self.version}).encode()


def report_set(agencies: int = 5, years: Sequence[int] = (2020, 2021), versions: int = 3) -> list[FakeFile]:
    """Every agency and year once; the first agency's years also in `versions` different versions."""
    files = []
    for a in range(agencies):
        for year in years:
            for version in range(1, (versions if a == 0 else 1) + 1):
                files.append(FakeFile(f"并发测试市第{a + 1}局", year, version))
    return files


@dataclass
class IngestRound:
    number: int
    files: int
    returncodes: list[int]
    tracebacks: list[str]
    problems: list[str] = field(default_factory=list)
    reports: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and not self.tracebacks and all(rc == 0 for rc in self.returncodes)

    def __str__(self) -> str:
        return f"round {self.number}: {self.files} files -> {self.reports} reports, exit {self.returncodes}, problems {self.problems[:5]} tracebacks {self.tracebacks[:1]}"


def verify_store(url: str, files: Sequence[FakeFile]) -> tuple[int, list[str]]:
    """Every file stored exactly once; per agency and year one current report and an unbroken chain."""
    problems: list[str] = []
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(
                    ReportRow.id, Agency.name, ReportRow.year, ReportRow.version, ReportRow.is_current,
                    ReportRow.supersedes_id, SourceFile.sha256,
                )
                .join(Agency, Agency.id == ReportRow.agency_id)
                .join(SourceFile, SourceFile.id == ReportRow.source_file_id)
            ).all()
    finally:
        engine.dispose()
    stored: dict[str, int] = defaultdict(int)
    for row in rows:
        stored[row.sha256] += 1
    for f in files:
        count = stored.pop(sha256_hex(f.data), 0)
        if count != 1:
            problems.append(f"{f.agency} {f.year} v{f.version} stored {count} times")
    problems += [f"unexpected file {sha[:8]} stored" for sha in stored]
    chains: dict[tuple[str, int], list[tuple[int, int, bool, int | None]]] = defaultdict(list)
    for row in rows:
        chains[(row.name, row.year)].append((row.version, row.id, row.is_current, row.supersedes_id))
    for key, chain in chains.items():
        chain.sort()
        if [v for v, *_ in chain] != list(range(1, len(chain) + 1)):
            problems.append(f"{key}: versions {[v for v, *_ in chain]}")
        if [c for _, _, c, _ in chain] != [False] * (len(chain) - 1) + [True]:
            problems.append(f"{key}: current flags {[c for _, _, c, _ in chain]}")
        expected_links = [None] + [report_id for _, report_id, _, _ in chain[:-1]]
        if [s for *_, s in chain] != expected_links:
            problems.append(f"{key}: supersedes {[s for *_, s in chain]} != {expected_links}")
    return len(rows), problems


def ingest_round(url: str, workdir: Path, files: Sequence[FakeFile], *, number: int = 1, processes: int = 4) -> IngestRound:
    """`processes` concurrent `nianbao ingest` of the whole set, each in its own random order."""
    data_dir = workdir / f"round-{number}"
    data_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, f in enumerate(files):
        path = data_dir / f"{i:03d}.json"
        path.write_bytes(f.data)
        paths.append(str(path))
    children = []
    for p in range(processes):
        order = paths[:]
        random.Random(number * 100 + p).shuffle(order)
        children.append(
            subprocess.Popen(
                [*CHILD, "ingest", url, *order],
                cwd=data_dir, env=_env(data_dir), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
        )
    returncodes, tracebacks = [], []
    for child in children:
        out, err = child.communicate(timeout=300)
        returncodes.append(child.returncode)
        if "Traceback" in out + err or child.returncode != 0:
            tracebacks.append((out + err)[-1500:])
    result = IngestRound(number, len(files), returncodes, tracebacks)
    result.reports, result.problems = verify_store(url, files)
    return result
