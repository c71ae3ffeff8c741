"""The ingest_jobs table: uploads waiting for a worker, and their results waiting for the bot.

One table on both databases. Who hands a job to a worker differs:
- SQLite: local worker processes poll with `claim_next` (one UPDATE ... RETURNING, atomic);
- PostgreSQL: every enqueued row is also deferred as a procrastinate job (`nianbao.ingest`,
  args {"job_id": id}) in the same transaction, so a job exists in the queue exactly when its
  row does; procrastinate's workers, on any machine, then call `start` / `finish`.
A job whose worker died is claimed again (stale heartbeat here, procrastinate's stalled-job
retry there); running it twice is harmless because storing is idempotent by file hash.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import and_, func, or_, select, text, update
from sqlalchemy.orm import Session

from storage.models import IngestJob, ReportRow, SourceFile

PROCRASTINATE_TASK = "nianbao.ingest"
PROCRASTINATE_QUEUE = "ingest"
_CHUNK = 500


class JobState(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"


@dataclass(frozen=True)
class NewJob:
    sha256: str
    filename: str
    data: bytes | None = None  # the bytes, or None when `path` is readable by the worker
    path: str | None = None
    caption: str | None = None
    agency: str | None = None
    fallback_agency: str | None = None
    sender_id: int | None = None
    sender_name: str | None = None
    chat_id: int | None = None
    message_id: int | None = None
    file_id: str | None = None
    batch: str | None = None
    source_url: str | None = None  # the page a fetched report came from


def enqueue(session: Session, jobs: Sequence[NewJob], *, now: datetime) -> list[int]:
    """Insert the jobs (and on PostgreSQL defer them in procrastinate); the caller commits."""
    ids: list[int] = []
    for job in jobs:
        row = IngestJob(
            sha256=job.sha256,
            filename=job.filename[:300],
            data=job.data,
            path=job.path,
            caption=job.caption,
            agency=job.agency[:200] if job.agency else None,
            fallback_agency=job.fallback_agency[:200] if job.fallback_agency else None,
            sender_id=job.sender_id,
            sender_name=job.sender_name[:200] if job.sender_name else None,
            chat_id=job.chat_id,
            message_id=job.message_id,
            file_id=job.file_id,
            batch=job.batch,
            source_url=job.source_url,
            state=JobState.QUEUED,
            attempts=0,
            created_at=now,
            # Nobody waits for a message about a job without a chat.
            notified_at=now if job.chat_id is None else None,
        )
        session.add(row)
        session.flush()
        ids.append(row.id)
    if ids and session.get_bind().dialect.name == "postgresql":
        _defer(session, ids)
    return ids


def _defer(session: Session, ids: list[int]) -> None:
    # procrastinate_defer_jobs_v1 is the function procrastinate's own defer calls (versioned name).
    for start in range(0, len(ids), _CHUNK):
        session.execute(
            text(
                "SELECT procrastinate_defer_jobs_v1(ARRAY("
                " SELECT ROW(:queue, :task, 0, NULL, NULL, jsonb_build_object('job_id', j.id), NULL)"
                "::procrastinate_job_to_defer_v1 FROM ingest_jobs j WHERE j.id = ANY(:ids) ORDER BY j.id))"
            ),
            {"queue": PROCRASTINATE_QUEUE, "task": PROCRASTINATE_TASK, "ids": ids[start : start + _CHUNK]},
        )


def _claimable(stale_before: datetime) -> Any:
    return or_(
        IngestJob.state == JobState.QUEUED,
        and_(IngestJob.state == JobState.RUNNING, IngestJob.heartbeat_at < stale_before),
    )


def claim_next(session: Session, *, worker: str, now: datetime, stale_before: datetime) -> int | None:
    """The oldest queued job (or one whose worker stopped beating), now running for `worker`."""
    pick = select(IngestJob.id).where(_claimable(stale_before)).order_by(IngestJob.id).limit(1)
    if session.get_bind().dialect.name == "postgresql":
        pick = pick.with_for_update(skip_locked=True)
    claimed = session.execute(
        update(IngestJob)
        .where(IngestJob.id == pick.scalar_subquery(), _claimable(stale_before))
        .values(state=JobState.RUNNING, worker=worker[:100], heartbeat_at=now, attempts=IngestJob.attempts + 1)
        .returning(IngestJob.id)
    ).scalar()
    return claimed


def start(session: Session, job_id: int, *, worker: str, now: datetime) -> IngestJob | None:
    """Mark a job handed over by procrastinate as running; None when it is already done (or gone).
    One UPDATE ... RETURNING, which locks the row as SELECT ... FOR UPDATE did: a statement less a file."""
    return session.execute(
        update(IngestJob)
        .where(IngestJob.id == job_id, IngestJob.state != JobState.DONE)
        .values(state=JobState.RUNNING, worker=worker[:100], heartbeat_at=now, attempts=IngestJob.attempts + 1)
        .returning(IngestJob)
        .execution_options(synchronize_session=False)
    ).scalar()


def get(session: Session, job_id: int) -> IngestJob | None:
    return session.get(IngestJob, job_id)


def heartbeat(session: Session, job_ids: Iterable[int], *, now: datetime) -> None:
    ids = list(job_ids)
    if ids:
        session.execute(
            update(IngestJob)
            .where(IngestJob.id.in_(ids), IngestJob.state == JobState.RUNNING)
            .values(heartbeat_at=now)
        )


def release(session: Session, worker: str) -> list[int]:
    """Queue again, now, the jobs running for `worker` (`host:pid`, and its threads `host:pid/N`),
    a process known to be dead: no wait for its heartbeat to go stale. PostgreSQL: their
    procrastinate jobs are retried too (another worker fetches them at once)."""
    ids = list(
        session.execute(
            update(IngestJob)
            .where(
                IngestJob.state == JobState.RUNNING,
                or_(IngestJob.worker == worker, func.substr(IngestJob.worker, 1, len(worker) + 1) == worker + "/"),
            )
            .values(state=JobState.QUEUED, heartbeat_at=None)
            .returning(IngestJob.id)
        ).scalars()
    )
    if ids and session.get_bind().dialect.name == "postgresql":
        # With them, the jobs procrastinate had handed the same worker that it had not started yet
        # (its rows still queued): the procrastinate worker is known by the jobs it started.
        session.execute(
            text(
                "WITH mine AS (SELECT p.id, p.worker_id FROM procrastinate_jobs p WHERE p.status = 'doing'"
                "  AND p.task_name = :task AND (p.args->>'job_id')::bigint = ANY(:ids))"
                " SELECT procrastinate_retry_job_v2(p.id, now(), NULL, NULL, NULL) FROM procrastinate_jobs p"
                " WHERE p.status = 'doing' AND (p.id IN (SELECT id FROM mine)"
                "  OR p.worker_id IN (SELECT worker_id FROM mine WHERE worker_id IS NOT NULL))"
            ),
            {"task": PROCRASTINATE_TASK, "ids": ids},
        )
    return sorted(ids)


def finish(session: Session, job_id: int, *, outcome: str, result: dict[str, Any], now: datetime) -> bool:
    """Record the result once (False if another attempt already did) and drop the bytes."""
    done = session.execute(
        update(IngestJob)
        .where(IngestJob.id == job_id, IngestJob.state != JobState.DONE)
        .values(state=JobState.DONE, outcome=outcome, result=result, data=None, finished_at=now)
    )
    return bool(done.rowcount)  # type: ignore[attr-defined]


@dataclass(frozen=True)
class FinishedJob:
    id: int
    chat_id: int
    message_id: int | None
    filename: str
    outcome: str
    result: dict[str, Any]
    caption: str | None
    sender_id: int | None
    sender_name: str | None
    file_id: str | None


def has_finished(session: Session) -> bool:
    """Whether any finished job waits to be announced (a read, without the writers' lock)."""
    found = session.execute(
        select(IngestJob.id).where(IngestJob.state == JobState.DONE, IngestJob.notified_at.is_(None)).limit(1)
    )
    return found.first() is not None


def take_finished(session: Session, *, now: datetime, limit: int = 100) -> list[FinishedJob]:
    """Finished jobs nobody has announced yet, claimed for announcing (each is returned once)."""
    ids = list(
        session.execute(
            select(IngestJob.id)
            .where(IngestJob.state == JobState.DONE, IngestJob.notified_at.is_(None))
            .order_by(IngestJob.id)
            .limit(limit)
        ).scalars()
    )
    if not ids:
        return []
    rows = session.execute(
        update(IngestJob)
        .where(IngestJob.id.in_(ids), IngestJob.notified_at.is_(None))
        .values(notified_at=now)
        .returning(
            IngestJob.id, IngestJob.chat_id, IngestJob.message_id, IngestJob.filename, IngestJob.outcome,
            IngestJob.result, IngestJob.caption, IngestJob.sender_id, IngestJob.sender_name, IngestJob.file_id,
        )
    ).all()
    return sorted((FinishedJob(*row) for row in rows if row[1] is not None), key=lambda j: j.id)


def has_unfinished(session: Session) -> bool:
    return session.execute(select(IngestJob.id).where(IngestJob.state != JobState.DONE).limit(1)).first() is not None


def batch_counts(session: Session, batch: str) -> dict[str, int]:
    rows = session.execute(
        select(IngestJob.state, func.count()).where(IngestJob.batch == batch).group_by(IngestJob.state)
    )
    return {state: count for state, count in rows}


@dataclass(frozen=True)
class BatchResult:
    path: str | None
    filename: str
    sha256: str
    outcome: str | None
    result: dict[str, Any] | None


def batch_results(session: Session, batch: str) -> list[BatchResult]:
    rows = session.execute(
        select(IngestJob.path, IngestJob.filename, IngestJob.sha256, IngestJob.outcome, IngestJob.result)
        .where(IngestJob.batch == batch, IngestJob.state == JobState.DONE)
        .order_by(IngestJob.id)
    )
    return [BatchResult(*row) for row in rows]


def stored_hashes(session: Session, hashes: Iterable[str]) -> set[str]:
    """Which of these files already have a stored report."""
    wanted = list(hashes)
    found: set[str] = set()
    for i in range(0, len(wanted), _CHUNK):
        found.update(
            session.execute(
                select(SourceFile.sha256)
                .join(ReportRow, ReportRow.source_file_id == SourceFile.id)
                .where(SourceFile.sha256.in_(wanted[i : i + _CHUNK]))
            ).scalars()
        )
    return found


def pending_hashes(session: Session, hashes: Iterable[str]) -> dict[str, str | None]:
    """Files already waiting for or held by a worker: sha256 -> their batch."""
    wanted = list(hashes)
    found: dict[str, str | None] = {}
    for i in range(0, len(wanted), _CHUNK):
        rows = session.execute(
            select(IngestJob.sha256, IngestJob.batch).where(
                IngestJob.sha256.in_(wanted[i : i + _CHUNK]), IngestJob.state != JobState.DONE
            )
        )
        found.update({sha: batch for sha, batch in rows})
    return found
