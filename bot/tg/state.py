"""What the bot keeps while running: services, thread pools, pending choices, rate limits.

Handlers reach it through `BotContext` (a CallbackContext subclass with typed properties,
as in PTB's examples/contexttypesbot.py) instead of casting `bot_data` entries.
"""

from __future__ import annotations

import asyncio
import functools
import multiprocessing
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from telegram import CallbackQuery, Message, Update
from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.core.charts import lower_priority
from bot.core.services import Services
from bot.tg.access import AccessPolicy, TokenBuckets

if TYPE_CHECKING:
    from bot.core.workers import LocalWorkers

T = TypeVar("T")
V = TypeVar("V")


class ExpiringStore(Generic[V]):
    """Bounded, time-limited map from short random tokens (fit in callback data) to values."""

    def __init__(self, ttl: float, max_items: int) -> None:
        self._ttl = ttl
        self._max = max_items
        self._items: OrderedDict[str, tuple[float, V]] = OrderedDict()

    def put(self, value: V) -> str:
        self._expire()
        token = secrets.token_hex(4)
        self._items[token] = (time.monotonic() + self._ttl, value)
        while len(self._items) > self._max:
            self._items.popitem(last=False)
        return token

    def get(self, token: str) -> V | None:
        self._expire()
        item = self._items.get(token)
        return item[1] if item else None

    def pop(self, token: str) -> V | None:
        self._expire()
        item = self._items.pop(token, None)
        return item[1] if item else None

    def find(self, predicate: Callable[[V], bool]) -> tuple[str, V] | None:
        """The newest live value matching, with its token."""
        self._expire()
        for token in reversed(self._items):
            value = self._items[token][1]
            if predicate(value):
                return token, value
        return None

    def __len__(self) -> int:
        return len(self._items)

    def _expire(self) -> None:
        now = time.monotonic()
        for token in [t for t, (deadline, _) in self._items.items() if deadline < now]:
            del self._items[token]


class SentCharts:
    """Telegram's file_id of each chart already sent, by what it shows (its ChartData; issue 14):
    the same ranking asked again is sent by id, with no render and no upload. Oldest forgotten first."""

    def __init__(self, max_items: int = 256) -> None:
        self._max = max_items
        self._ids: OrderedDict[Hashable, str] = OrderedDict()

    def get(self, chart: Hashable) -> str | None:
        file_id = self._ids.get(chart)
        if file_id is not None:
            self._ids.move_to_end(chart)
        return file_id

    def put(self, chart: Hashable, file_id: str) -> None:
        self._ids[chart] = file_id
        self._ids.move_to_end(chart)
        while len(self._ids) > self._max:
            self._ids.popitem(last=False)

    def forget(self, chart: Hashable) -> None:
        self._ids.pop(chart, None)


@dataclass(frozen=True)
class PendingUpload:
    """A file whose report names no agency, waiting for the user to say which one."""

    chat_id: int
    user_id: int
    file_id: str
    filename: str
    caption: str | None
    sender_name: str | None
    choices: tuple[str, ...]
    prompt_message_id: int | None = None


class ChoiceKind(StrEnum):
    """What pressing an agency button does: QUESTION re-asks options[i] (the question rewritten
    with that agency); REPORT / HISTORY rerun that command for agency options[i]."""

    QUESTION = "q"
    REPORT = "report"
    HISTORY = "history"


@dataclass(frozen=True)
class PendingChoice:
    chat_id: int
    kind: ChoiceKind
    options: tuple[str, ...]
    year: int | None = None


@dataclass
class BotState:
    """`bot_data` of the Application."""

    settings: Settings
    services_factory: Callable[[Settings], Services]
    services: Services | None = None
    access: AccessPolicy = field(init=False)
    buckets: TokenBuckets = field(init=False)
    uploads: ExpiringStore[PendingUpload] = field(
        default_factory=lambda: ExpiringStore(ttl=30 * 60, max_items=500)
    )
    choices: ExpiringStore[PendingChoice] = field(
        default_factory=lambda: ExpiringStore(ttl=60 * 60, max_items=2000)
    )
    workers: LocalWorkers | None = None
    # /check drafts: parsed in the sandbox, never stored. Uploads go to worker processes instead.
    draft_pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=2, thread_name_prefix="draft")
    )
    # Questions and reads; parsing and storing run in worker processes (bot.core.workers).
    query_pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=8, thread_name_prefix="query")
    )
    # Upload submits and the finished-upload poll: writes, which on SQLite wait for the workers'
    # write lock. Apart from the query pool, so no answer ever queues behind one (issue 14).
    write_pool: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=2, thread_name_prefix="write")
    )
    # Charts render in a process of their own (run_chart).
    chart_pool: ProcessPoolExecutor | None = None
    sent_charts: SentCharts = field(default_factory=SentCharts)

    def __post_init__(self) -> None:
        self.access = AccessPolicy.from_settings(self.settings)
        per_minute = self.settings.rate_limit_per_minute
        self.buckets = TokenBuckets(capacity=per_minute, per_second=per_minute / 60.0)

    def require_services(self) -> Services:
        if self.services is None:
            raise RuntimeError("services are not open (post_init has not run)")
        return self.services

    async def run_query(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.query_pool, functools.partial(fn, *args, **kwargs))

    async def run_write(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.write_pool, functools.partial(fn, *args, **kwargs))

    async def run_draft(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.draft_pool, functools.partial(fn, *args, **kwargs))

    def ensure_workers(self, *, start: bool = True) -> None:
        """The local worker processes (NIANBAO_WORKERS): started at the first upload, restarted if
        one died. `start=False` only restarts dead ones."""
        if self.services is None:
            return
        if self.workers is None:
            if not start:
                return
            from bot.core.workers import LocalWorkers, local_worker_count

            url = self.services.engine.url.render_as_string(hide_password=False)
            count = local_worker_count(self.settings)
            if count == 0:
                return
            self.workers = LocalWorkers(self.settings, url, count)
        self.workers.ensure_running()

    async def run_chart(self, fn: Callable[..., T], *args: Any) -> T:
        """Run `fn` (bot.core.charts) in the chart process: matplotlib never loads into the bot
        (issue 14: ~50 MB of the bot's RSS), and a render never holds the bot's GIL. Started at the
        first call; a crashed one is replaced at the next."""
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            if self.chart_pool is None:
                self.chart_pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"), initializer=lower_priority
                )
            try:
                return await loop.run_in_executor(self.chart_pool, functools.partial(fn, *args))
            except BrokenProcessPool:
                self.chart_pool = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def shutdown_pools(self) -> None:
        if self.workers is not None:
            self.workers.stop()
            self.workers = None
        self.draft_pool.shutdown(wait=False, cancel_futures=True)
        self.query_pool.shutdown(wait=False, cancel_futures=True)
        self.write_pool.shutdown(wait=False, cancel_futures=True)
        if self.chart_pool is not None:
            self.chart_pool.shutdown(wait=False, cancel_futures=True)
            self.chart_pool = None


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], BotState]):
    """The context every handler gets: `context.state`, `context.services`, `context.settings`."""

    def __init__(
        self,
        application: Application[Any, Any, Any, Any, Any, Any],
        chat_id: int | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def state(self) -> BotState:
        return self.bot_data

    @property
    def services(self) -> Services:
        return self.bot_data.require_services()

    @property
    def settings(self) -> Settings:
        return self.bot_data.settings


@dataclass(frozen=True)
class Pressed:
    """A pressed button whose data is "prefix:token:index", under a message the bot can edit."""

    query: CallbackQuery
    message: Message
    token: str
    index: int


def pressed(update: Update) -> Pressed | None:
    query = update.callback_query
    if query is None or query.data is None or not isinstance(query.message, Message):
        return None
    _, token, index = query.data.split(":")
    return Pressed(query, query.message, token, int(index))
