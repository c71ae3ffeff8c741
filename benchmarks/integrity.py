"""Issue 10's integrity harness in full: run it after every storage change.

    .venv/bin/python benchmarks/integrity.py [--rounds 20] [--postgres URL] [--skip-kill]

1. kill -9 of a first `db upgrade` (SQLite) right after each SQL statement in turn, then
   `nianbao db upgrade` must complete, `nianbao db check` pass and the schema match the models.
2. `--rounds` rounds of 4 concurrent `nianbao ingest` of one overlapping set (new versions of
   the same agency and year among it), each on a fresh database, on SQLite and on PostgreSQL
   (--postgres or NIANBAO_TEST_POSTGRES_URL): every file stored exactly once, no traceback,
   every version chain unbroken. The parser is a stand-in (tests/integrity/children.py).

Prints one line per failure and a summary; exits 1 when anything failed.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.integrity.harness import (
    count_upgrade_statements,
    ingest_round,
    postgres_schema,
    report_set,
    upgrade_trial,
)


def kill_sweep(workdir: Path) -> bool:
    started = time.monotonic()
    total = count_upgrade_statements(workdir / "count")
    failed = 0
    for n in range(1, total + 1):
        trial = upgrade_trial(workdir / f"kill-{n}", n)
        if not trial.ok:
            failed += 1
            print(f"  FAIL {trial}")
    print(
        f"db upgrade kill -9 (SQLite): {total} statements, {total - failed}/{total} interrupted upgrades "
        f"completed by the next one ({time.monotonic() - started:.0f} s)"
    )
    return failed == 0


def ingest_rounds(name: str, urls: list[str], workdir: Path) -> bool:
    started = time.monotonic()
    files = report_set()
    failed = reports = 0
    for number, url in enumerate(urls, start=1):
        result = ingest_round(url, workdir / name, files, number=number)
        reports += result.reports
        if not result.ok:
            failed += 1
            print(f"  FAIL {name} {result}")
    rounds = len(urls)
    print(
        f"concurrent ingest ({name}): {rounds} rounds x 4 processes x {len(files)} files: "
        f"{rounds - failed}/{rounds} rounds exact, {reports} reports stored for {rounds * len(files)} distinct files "
        f"({time.monotonic() - started:.0f} s)"
    )
    return failed == 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--postgres", default=os.environ.get("NIANBAO_TEST_POSTGRES_URL"))
    parser.add_argument("--skip-kill", action="store_true")
    args = parser.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="nianbao-integrity-") as tmp:
        workdir = Path(tmp)
        if not args.skip_kill:
            ok &= kill_sweep(workdir / "kill")
        ok &= ingest_rounds(
            "SQLite", [f"sqlite:///{workdir / f'ingest-{n}.sqlite3'}" for n in range(args.rounds)], workdir
        )
        if args.postgres:
            ok &= _postgres_rounds(args.postgres, args.rounds, workdir)
        else:
            print("concurrent ingest (PostgreSQL): skipped, no --postgres or NIANBAO_TEST_POSTGRES_URL")
    print("integrity: OK" if ok else "integrity: FAILED")
    return 0 if ok else 1


def _postgres_rounds(base_url: str, rounds: int, workdir: Path) -> bool:
    from contextlib import ExitStack

    with ExitStack() as stack:
        urls = [stack.enter_context(postgres_schema(base_url)) for _ in range(rounds)]
        return ingest_rounds("PostgreSQL", urls, workdir)


if __name__ == "__main__":
    sys.exit(main())
