"""`nianbao worker`: parse and store queued uploads, on this or any other machine."""

from __future__ import annotations

import argparse
import logging
import sys
import threading

from bot.config import Settings
from bot.core.local_workers import GO

log = logging.getLogger(__name__)


def main(args: argparse.Namespace, settings: Settings) -> int:
    # The parse sandbox starts first and imports the parsers while this process imports the
    # database side (about 1 s): a bulk run's workers are ready sooner (issue 14).
    from bot.core.sandbox_start import warm_sandbox

    warm_sandbox(args.parsers)

    from bot.core.services import Services
    from bot.core.workers import work, worker_name

    queued = threading.Event()
    if args.wait_for_go:
        if sys.stdin.buffer.readline() != GO:
            return 0  # the run stopped before it queued anything
        # The run closes our stdin (or dies) once everything is queued: until then an empty
        # queue only means the next files are still being hashed.
        threading.Thread(target=_set_at_eof, args=(queued,), daemon=True, name="queued").start()
    else:
        queued.set()
    services = Services.open(settings, args.db, migrate=not args.wait_for_go)
    log.info("worker %s started (%s)", worker_name(), services.engine.dialect.name)
    if args.store_batch > 1:
        from bot.core.store_group import group_store

        group_store(services).gather(args.store_batch)
    try:
        work(
            services,
            concurrency=max(1, args.concurrency),
            until_empty=args.until_empty,
            stale_seconds=args.stale_after,
            queued=queued,
        )
    finally:
        services.close()
    return 0


def _set_at_eof(event: threading.Event) -> None:
    sys.stdin.buffer.read()
    event.set()
