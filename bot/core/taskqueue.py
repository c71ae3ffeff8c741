"""The PostgreSQL task queue: procrastinate (asyncio, psycopg 3, lives in the database already there).

Jobs are deferred by storage.jobs.enqueue in the same transaction as their ingest_jobs row; this
module is the worker side. A worker killed mid-job stops beating; every worker retries the jobs
of workers silent for `stale_seconds` (procrastinate's stalled-job API), and run_job is
idempotent, so the file ends stored exactly once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading

from procrastinate import App, PsycopgConnector, RetryStrategy

from bot.core.jobs import has_unfinished, run_job
from bot.core.services import Services
from storage.jobs import PROCRASTINATE_QUEUE, PROCRASTINATE_TASK

log = logging.getLogger(__name__)

_QUEUEING_POLL = 0.2


def conninfo(services: Services) -> str:
    """libpq URI of the engine's database (keeps ?options=-csearch_path=... of the URL)."""
    return services.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)


def make_app(services: Services, worker: str) -> App:
    app = App(connector=PsycopgConnector(conninfo=conninfo(services), min_size=1, max_size=4))

    # A database hiccup raises out of run_job: try again a few times, a few seconds apart.
    @app.task(name=PROCRASTINATE_TASK, queue=PROCRASTINATE_QUEUE, retry=RetryStrategy(max_attempts=5, wait=5))
    def ingest_job(job_id: int) -> None:
        run_job(services, job_id, worker=worker)

    return app


async def _retry_stalled(app: App, stale_seconds: float) -> int:
    stalled = list(await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stale_seconds))
    for job in stalled:
        log.warning("job %s of a silent worker: retrying", job.id)
        await app.job_manager.retry_job(job)
    return len(stalled)


def run_worker(
    services: Services,
    *,
    concurrency: int,
    until_empty: bool,
    stale_seconds: float,
    queued: threading.Event | None = None,
) -> int:
    """`until_empty`: return when no job is left once `queued` is set (everything is queued)."""
    from bot.core.workers import worker_name

    heartbeat = max(1.0, min(10.0, stale_seconds / 3))

    async def main() -> None:
        app = make_app(services, worker_name())
        async with app.open_async():

            async def reaper() -> None:
                while True:
                    await asyncio.sleep(heartbeat)
                    with contextlib.suppress(Exception):
                        await _retry_stalled(app, stale_seconds)

            task = asyncio.create_task(reaper())
            try:
                while True:
                    await _retry_stalled(app, stale_seconds)
                    await app.run_worker_async(
                        queues=[PROCRASTINATE_QUEUE],
                        concurrency=concurrency,
                        wait=not until_empty,
                        delete_jobs="successful",
                        update_heartbeat_interval=heartbeat,
                        stalled_worker_timeout=stale_seconds,
                        install_signal_handlers=True,
                    )
                    # Until empty means no job left: one a dead worker held is retried once stale.
                    if queued is not None and not queued.is_set():
                        await asyncio.sleep(_QUEUEING_POLL)  # the run is still hashing its next files
                        continue
                    if not until_empty or not await asyncio.to_thread(has_unfinished, services):
                        break
                    await asyncio.sleep(heartbeat)
            finally:
                task.cancel()

    asyncio.run(main())
    return 0
