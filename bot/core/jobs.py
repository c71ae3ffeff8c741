"""Uploads as jobs: the bot submits, a worker process runs `run_job`, the bot announces the result.

The one small interface over both databases (issue 14). `submit` stores the upload (bytes and
who is waiting for it) in ingest_jobs; on PostgreSQL the same transaction defers a procrastinate
job. `run_job` is what every worker runs, whichever machine it is on: ingest, then record the
reply in the row. The bot polls `finished` and edits the status message, so the message is
edited whichever machine ran the job, and a bot restart loses neither queued uploads nor
finished replies.
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bot.core.ingest import (
    FailureReason,
    IngestOutcome,
    IngestRequest,
    IngestResult,
    ParseFn,
    ingest,
    parse_upload,
)
from bot.core.local_files import read_regular
from bot.core.local_workers import worker_name
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from parsing import ParseError
from storage import jobs as store
from storage.db import read_session, write_lock
from storage.files import sha256_hex
from storage.jobs import FinishedJob, NewJob

log = logging.getLogger(__name__)

# A file that has killed its worker this often is given up (it would kill the next one too).
MAX_ATTEMPTS = 3

__all__ = [
    "MAX_ATTEMPTS",
    "FinishedJob",
    "JobReply",
    "finished",
    "has_unfinished",
    "release_dead",
    "run_job",
    "submit",
    "submit_many",
]


@dataclasses.dataclass(frozen=True)
class Upload:
    """Who waits for the result of an upload, besides the request itself."""

    message_id: int | None = None  # the status message to edit
    file_id: str | None = None  # Telegram's file id, to ask for the agency and download again
    batch: str | None = None
    path: str | None = None  # a file the worker reads itself (same machine), instead of the bytes


def _new_job(request: IngestRequest, upload: Upload) -> NewJob:
    return NewJob(
        sha256=sha256_hex(request.data) if request.data else "",
        filename=request.filename,
        data=None if upload.path else request.data,
        path=upload.path,
        caption=request.caption,
        agency=request.agency,
        fallback_agency=request.fallback_agency,
        sender_id=request.sender_id,
        sender_name=request.sender_name,
        chat_id=request.chat_id,
        message_id=upload.message_id,
        file_id=upload.file_id,
        source_url=request.source_url,
        batch=upload.batch,
    )


def submit(services: Services, request: IngestRequest, upload: Upload = Upload()) -> int:
    """Queue one upload; returns the job id. Committed before it returns."""
    return submit_many(services, [(request, upload)])[0]


def submit_many(
    services: Services, items: Sequence[tuple[IngestRequest, Upload]], *, hashes: Sequence[str] | None = None
) -> list[int]:
    """Queue many in one transaction. `hashes` (same order) saves hashing bytes not sent along."""
    new = [_new_job(request, upload) for request, upload in items]
    if hashes is not None:
        new = [dataclasses.replace(job, sha256=sha) for job, sha in zip(new, hashes, strict=True)]
    with write_lock(services.engine), services.sessions.begin() as session:
        return store.enqueue(session, new, now=datetime.now(UTC))


@dataclasses.dataclass(frozen=True)
class JobReply:
    """What the bot needs to announce a finished job (stored as JSON in the row)."""

    outcome: IngestOutcome
    html: str
    plain: str
    reason: FailureReason | None = None
    partial_agency: str | None = None
    agency_choices: tuple[str, ...] = ()
    report_id: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {**dataclasses.asdict(self), "agency_choices": list(self.agency_choices)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> JobReply:
        reason = data.get("reason")
        return cls(
            outcome=IngestOutcome(data["outcome"]),
            html=data["html"],
            plain=data["plain"],
            reason=FailureReason(reason) if reason else None,
            partial_agency=data.get("partial_agency"),
            agency_choices=tuple(data.get("agency_choices") or ()),
            report_id=data.get("report_id"),
        )

    @classmethod
    def of(cls, result: IngestResult) -> JobReply:
        return cls(
            outcome=result.outcome,
            html=ingest_reply(result, html=True),
            plain=ingest_reply(result, html=False),
            reason=result.reason,
            partial_agency=result.partial_agency,
            agency_choices=tuple(result.agency_choices),
            report_id=result.stored.report_id if result.stored else None,
        )


def _failed(request: IngestRequest, reason: FailureReason, message: str | None = None) -> IngestResult:
    return IngestResult(
        outcome=IngestOutcome.FAILED, filename=request.filename, sha256="", reason=reason, message=message
    )


def _own_earlier_attempt(result: IngestResult, received_at: datetime) -> bool:
    """A duplicate stored with this job's arrival time was stored by this job before its worker died."""
    stored = result.stored
    return (
        result.outcome is IngestOutcome.DUPLICATE
        and stored is not None
        and stored.previous_received_at is not None
        and abs((stored.previous_received_at - received_at).total_seconds()) < 1e-3
    )


def _run(services: Services, request: IngestRequest, parse: ParseFn | None) -> IngestResult:
    assert request.received_at is not None
    result = ingest(services, request, parse=parse)
    if not _own_earlier_attempt(result, request.received_at) or result.stored is None:
        return result
    # Say "stored", as the first attempt would have: parse again for the summary.
    log.info("job for %s: stored by an earlier attempt", request.filename)
    try:
        report = parse_upload(services, request.data, request.filename, request.caption, parse)
    except ParseError:
        return result
    stored = dataclasses.replace(result.stored, previous_received_at=None)
    return dataclasses.replace(result, outcome=IngestOutcome.STORED, report=report, stored=stored)


def run_job(
    services: Services, job_id: int, *, worker: str, claimed: bool = False, parse: ParseFn | None = None
) -> IngestOutcome | None:
    """Run one job to its recorded result. `claimed`: the caller already marked it running
    (claim_next); otherwise it is marked here (procrastinate). None when it was already done."""
    # A claimed job is only read here: no writers' lock (on SQLite one write less a file).
    with write_lock(services.engine) if not claimed else contextlib.nullcontext(), services.sessions.begin() as session:
        now = datetime.now(UTC)
        job = store.get(session, job_id) if claimed else store.start(session, job_id, worker=worker, now=now)
        if job is None or job.state == store.JobState.DONE:
            return None
        request = IngestRequest(
            data=job.data or b"",
            filename=job.filename,
            caption=job.caption,
            agency=job.agency,
            fallback_agency=job.fallback_agency,
            sender_id=job.sender_id,
            sender_name=job.sender_name,
            chat_id=job.chat_id,
            received_at=job.created_at,
            source_url=job.source_url,
        )
        path, attempts = job.path, job.attempts
    if attempts > MAX_ATTEMPTS:
        log.error("job %d (%s): given up after %d attempts", job_id, request.filename, attempts - 1)
        result = _failed(request, FailureReason.INTERNAL)
    else:
        result = _read_and_run(services, request, path, parse)
    reply = JobReply.of(result)
    with write_lock(services.engine), services.sessions.begin() as session:
        store.finish(session, job_id, outcome=result.outcome, result=reply.to_json(), now=datetime.now(UTC))
    log.info("job %d (%s): %s, by %s", job_id, request.filename, result.outcome, worker)
    return result.outcome


def _read_and_run(
    services: Services, request: IngestRequest, path: str | None, parse: ParseFn | None
) -> IngestResult:
    if path is not None:
        try:
            request = dataclasses.replace(request, data=read_regular(Path(path)))
        except OSError as exc:
            log.warning("job for %s: cannot read %s: %s", request.filename, path, exc)
            return _failed(request, FailureReason.FILE_STORE)
    return _run(services, request, parse)


def release_dead(services: Services, pids: Sequence[int]) -> list[int]:
    """The jobs that local worker processes `pids`, now dead, were running: queued again at once
    (a job on another machine still waits for its heartbeat to go stale). Returns their ids."""
    released: list[int] = []
    for pid in pids:
        with write_lock(services.engine), services.sessions.begin() as session:
            ids = store.release(session, worker_name(pid))
        if ids:
            log.warning("worker %d died: jobs %s queued again", pid, ids)
        released += ids
    return released


def has_unfinished(services: Services) -> bool:
    """Uploads still waiting for a worker (queued before a restart, say)."""
    with read_session(services.sessions) as session:
        return store.has_unfinished(session)


def finished(services: Services) -> list[tuple[FinishedJob, JobReply]]:
    """Finished uploads with a chat waiting, each handed out once (then marked announced)."""
    with read_session(services.sessions) as session:
        if not store.has_finished(session):
            return []  # the bot asks often: no writer's lock for nothing
    # Marking them announced is a write: on SQLite it queues with the other processes' writers.
    with write_lock(services.engine), services.sessions.begin() as session:
        found = store.take_finished(session, now=datetime.now(UTC))
    return [(job, JobReply.from_json(job.result)) for job in found]
