"""`nianbao ingest DIR --recursive [--jobs N | --queue]`: an archive through the worker processes.

--jobs N starts N local workers that read the files from disk; --queue hands the bytes to the
workers already running (`nianbao worker`, any machine) through the database. Either way a
progress bar follows the run, a rerun resumes it, and a CSV lists every file not stored.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Settings
from bot.core.local_workers import BULK_CONCURRENCY, BULK_PARSERS, BULK_STORE_BATCH, LocalWorkers
from bot.core.replies import cli_ingest as say

if TYPE_CHECKING:
    from bot.core.services import Services

_RESTARTS_PER_WORKER = 3


def _bar(total: int) -> object | None:
    if not sys.stderr.isatty() or total == 0:
        return None
    from tqdm import tqdm

    bar: object = tqdm(total=total, unit=say.PROGRESS_UNIT, desc=say.PROGRESS_DESC, file=sys.stderr)
    return bar


def main(args: argparse.Namespace, settings: Settings) -> int:
    if args.year is not None:
        print(say.YEAR_NOT_BULK, file=sys.stderr)
        return 2
    started = time.monotonic()
    workers: LocalWorkers | None = None
    if not args.queue:
        # Started first, held at their gate until the first files are queued: their imports and
        # parse sandboxes overlap this process's imports, migration and hashing.
        url = settings.resolved_database_url(args.db)
        workers = LocalWorkers(
            settings, url, max(1, args.jobs or 1), until_empty=True, nice=False, gated=True,
            concurrency=BULK_CONCURRENCY, parsers=BULK_PARSERS, store_batch=BULK_STORE_BATCH,
        )
        workers.start()
    try:
        return _run(args, settings, workers, started)
    finally:
        if workers is not None:
            workers.stop()


def _run(args: argparse.Namespace, settings: Settings, workers: LocalWorkers | None, started: float) -> int:
    from bot.core import bulk
    from bot.core.services import Services

    services = Services.open(settings, args.db)
    try:
        paths = list(bulk.walk((Path(p) for p in args.files), recursive=args.recursive))
        for plan in bulk.plan_and_submit(services, paths, agency=args.agency, with_bytes=args.queue):
            if workers is not None and (plan.queue or plan.adopted):
                workers.go()  # on the first part; never, when nothing is to be done
        if workers is not None:
            workers.all_queued()
        skipped = {skip: sum(1 for _, s, _ in plan.skipped if s is skip) for skip in bulk.Skip}
        print(
            say.PLANNED.format(
                files=len(paths),
                stored=skipped[bulk.Skip.STORED],
                same=skipped[bulk.Skip.SAME_BYTES],
                unreadable=skipped[bulk.Skip.UNREADABLE],
                adopted=plan.adopted,
                queued=len(plan.queue),
            ),
            file=sys.stderr,
        )
        done, total = _follow(services, plan.batch, workers)
        if done < total:
            print(say.WORKERS_GONE, file=sys.stderr)
        result = bulk.summary(services, plan)
    finally:
        services.close()
    seconds = time.monotonic() - started
    print(say.DONE.format(outcomes=say.outcome_counts(result.outcomes), seconds=seconds, rate=done / seconds if seconds else 0.0))
    failures_path = Path(args.failures)
    if result.failures:
        with failures_path.open("w", encoding="utf-8-sig", newline="") as out:
            bulk.write_failures(out, result.failures)
        print(say.FAILURES.format(count=len(result.failures), path=failures_path))
    else:
        print(say.NO_FAILURES)
    return 1 if result.failures or done < total else 0


def _follow(services: Services, batch: str, workers: LocalWorkers | None) -> tuple[int, int]:
    """Wait for the run's jobs, with a progress bar. A local worker that dies (SIGKILL, a crash)
    has its running jobs queued again at once and, while the run is not over, another started."""
    from bot.core import bulk
    from bot.core.jobs import release_dead

    done, total = bulk.progress(services, batch)
    bar = _bar(total)
    shown = 0
    restarts = 0
    while done < total:
        time.sleep(0.1)  # one COUNT on an index; the run ends within 0.1 s of its last file
        done, total = bulk.progress(services, batch)
        if bar is not None:
            bar.update(done - shown)  # type: ignore[attr-defined]
            shown = done
        if workers is None or done >= total:
            continue
        # A file that kills every worker that reads it is given up after MAX_ATTEMPTS: the
        # budget only stops a worker that cannot start at all from being started for ever.
        restarts += workers.reap(replace=restarts < _RESTARTS_PER_WORKER * workers.count)
        release_dead(services, workers.take_dead())
        if workers.wait(0):  # every one has exited, none was replaced
            if restarts >= _RESTARTS_PER_WORKER * workers.count:
                break
            restarts += workers.count
            workers.processes = []
            workers.start()
    if bar is not None:
        bar.close()  # type: ignore[attr-defined]
    return done, total
