"""Storing parsed reports in batches (issue 14): group commit over storage.report_batch.store_reports.

Every job of a worker process hands its parsed report to `store`. When no store is running, the
caller stores at once what is waiting (its own report, alone when nothing else is); while one runs,
reports that arrive wait and go in the next batch, one transaction for all of them. So an upload
is never held back to fill a batch, and batches grow exactly when storing is what limits a worker
(several jobs at once, `nianbao worker --concurrency N`, or a database far away). A bulk worker
(`nianbao worker --store-batch N`, which `nianbao ingest --jobs` starts) holds a store back a moment
to make up a batch: it parses meanwhile, and the batch costs its database little more than one report.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from bot.core.crosscheck import refresh_after_stores
from bot.core.crossyear import CrossCheck
from bot.core.services import Services
from storage.db import write_session
from storage.report_batch import StoreItem, store_reports
from storage.reports import StoreOutcome, StoreResult

log = logging.getLogger(__name__)

# Writes lost to a concurrent store (unique key taken, deadlock, lock timeout) before giving up.
STORE_ATTEMPTS = 6
MAX_BATCH = 500
# How long a bulk worker's store waits to make up its batch (GroupStore.gather).
LINGER_SECONDS = 0.2

Stored = tuple[StoreResult, list[CrossCheck]]


def store_batch(services: Services, items: Sequence[StoreItem]) -> list[Stored]:
    """store_reports in one transaction, with the cross-year checks of each report stored.

    A concurrent store can take a unique key first (the same file, an agency's name, a year's
    current report): the retry, after a short random pause, sees its row (duplicate, new version)."""
    for attempt in range(1, STORE_ATTEMPTS + 1):
        try:
            with write_session(services.sessions) as session:
                results = store_reports(session, items)
                stored = [r for r in results if r.outcome is not StoreOutcome.DUPLICATE]
                cross = iter(refresh_after_stores(session, [(r.agency_id, r.year) for r in stored]))
                return [(r, [] if r.outcome is StoreOutcome.DUPLICATE else next(cross)) for r in results]
        except (IntegrityError, OperationalError):
            if attempt == STORE_ATTEMPTS:
                raise
            log.info("store: concurrent write for a batch of %d, retry %d", len(items), attempt)
            time.sleep(random.uniform(0.01, 0.05) * attempt)
    raise AssertionError("unreachable")


@dataclass
class _Waiting:
    item: StoreItem
    since: float
    done: bool = False
    result: Stored | None = None
    error: BaseException | None = None


class GroupStore:
    """One per database per process: see the module's docstring."""

    def __init__(self, services: Services, max_batch: int = MAX_BATCH) -> None:
        self.services = services
        self.max_batch = max_batch
        self._cond = threading.Condition()
        self._waiting: list[_Waiting] = []
        self._storing = False
        self.min_batch = 1
        self.linger = 0.0

    def gather(self, min_batch: int, linger: float = LINGER_SECONDS) -> None:
        """Bulk ingest: a store waits, at most `linger` seconds, for `min_batch` reports (one
        statement a step for several reports costs little more than for one)."""
        self.min_batch = max(1, min(min_batch, self.max_batch))
        self.linger = linger

    def _wait_for_more(self) -> float:
        """Seconds the next store should still wait for more reports (0: store now)."""
        if len(self._waiting) >= self.min_batch or not self._waiting:
            return 0.0
        return self.linger - (time.monotonic() - self._waiting[0].since)

    def store(self, item: StoreItem) -> Stored:
        me = _Waiting(item, since=time.monotonic())
        with self._cond:
            self._waiting.append(me)
            self._cond.notify_all()  # a store gathering a batch may now have enough
        while True:
            with self._cond:
                while not me.done:
                    wait = None if self._storing else self._wait_for_more()
                    if wait is not None and wait <= 0:
                        break
                    self._cond.wait(wait)
                if me.done:
                    break
                # This thread stores what waits, oldest first (its own report may be in a later batch).
                self._storing = True
                batch, self._waiting = self._waiting[: self.max_batch], self._waiting[self.max_batch :]
            self._run(batch)
        if me.error is not None:
            raise me.error
        assert me.result is not None
        return me.result

    def _run(self, batch: list[_Waiting]) -> None:
        try:
            results = store_batch(self.services, [w.item for w in batch])
            for waiting, result in zip(batch, results, strict=True):
                waiting.result = result
        except BaseException as exc:
            if len(batch) == 1:
                batch[0].error = exc
            else:
                # One report's values must not fail the others: each alone, as a single upload would.
                log.warning(
                    "store: a batch of %d failed (%s); storing one by one", len(batch), type(exc).__name__
                )
                for waiting in batch:
                    try:
                        waiting.result = store_batch(self.services, [waiting.item])[0]
                    except BaseException as one:
                        waiting.error = one
        finally:
            with self._cond:
                for waiting in batch:
                    waiting.done = True
                self._storing = False
                self._cond.notify_all()


_groups: weakref.WeakKeyDictionary[Engine, GroupStore] = weakref.WeakKeyDictionary()
_groups_lock = threading.Lock()


def group_store(services: Services) -> GroupStore:
    """The process's GroupStore for this database."""
    with _groups_lock:
        group = _groups.get(services.engine)
        if group is None:
            group = _groups[services.engine] = GroupStore(services)
        return group
