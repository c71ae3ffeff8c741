"""Bulk ingest of an archive: plan (skip what is stored, by hash), queue, follow, list what failed.

`nianbao ingest DIR --recursive [--jobs N | --queue]` is a thin adapter over these functions.
A rerun hashes the files again: stored ones are skipped, ones still queued from an interrupted
run are adopted into this run, the rest are queued, so the run resumes where it stopped.
"""

from __future__ import annotations

import csv
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TextIO

from sqlalchemy import update

from bot.core.ingest import IngestOutcome, IngestRequest
from bot.core.jobs import JobReply, Upload, submit_many
from bot.core.local_files import hash_regular, read_regular
from bot.core.services import Services
from storage import jobs as store
from storage.db import read_session, write_lock
from storage.models import IngestJob

_SUBMIT_CHUNK = 200


class Skip(StrEnum):
    STORED = "stored"  # a report from these bytes is in the database
    SAME_BYTES = "same_bytes"  # another file of this run has the same bytes
    UNREADABLE = "unreadable"


def walk(paths: Iterable[Path], *, recursive: bool) -> Iterator[Path]:
    """Files named, and (recursive) every file under the directories named, in a stable order."""
    for path in paths:
        if path.is_dir() and recursive:
            yield from sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        else:
            yield path


def file_hash(path: Path) -> str:
    """A FIFO or device is refused (OSError) rather than read for ever."""
    return hash_regular(path)


@dataclass
class Plan:
    batch: str
    queue: list[tuple[Path, str]] = field(default_factory=list)  # (path, sha256) to send to workers
    adopted: int = 0  # still queued from an earlier run, now followed by this one
    skipped: list[tuple[Path, Skip, str]] = field(default_factory=list)  # (path, why, detail)


def plan(services: Services, paths: Iterable[Path]) -> Plan:
    result = Plan(batch=uuid.uuid4().hex[:16])
    _plan_part(services, result, list(paths), {})
    return result


def _plan_part(services: Services, result: Plan, paths: list[Path], seen: dict[str, Path]) -> list[tuple[Path, str]]:
    """Hash `paths` into `result` (`seen`: the files of the run hashed so far); their part of the
    queue is returned too."""
    hashed: list[tuple[Path, str]] = []
    for path in paths:
        try:
            sha = file_hash(path)
        except OSError as exc:
            result.skipped.append((path, Skip.UNREADABLE, exc.strerror or type(exc).__name__))
            continue
        if sha in seen:
            result.skipped.append((path, Skip.SAME_BYTES, str(seen[sha])))
            continue
        seen[sha] = path
        hashed.append((path, sha))
    wanted = [sha for _, sha in hashed]
    with services.sessions() as session:
        stored = store.stored_hashes(session, wanted)
        pending = store.pending_hashes(session, wanted)
    part: list[tuple[Path, str]] = []
    for path, sha in hashed:
        if sha in stored:
            result.skipped.append((path, Skip.STORED, ""))
        elif sha not in pending:
            part.append((path, sha))
    result.queue.extend(part)
    if pending:
        # Jobs of an interrupted run: this run follows them instead of queueing the files twice.
        with write_lock(services.engine), services.sessions.begin() as session:
            session.execute(
                update(IngestJob)
                .where(IngestJob.sha256.in_(list(pending)), IngestJob.state != store.JobState.DONE)
                .values(batch=result.batch)
            )
        result.adopted += len(pending)
    return part


def submit(services: Services, plan: Plan, *, agency: str | None, with_bytes: bool) -> int:
    """Queue the planned files. `with_bytes`: the bytes travel in the database (workers on other
    machines); otherwise workers read the files by path (this machine)."""
    return _submit(services, plan.batch, plan.queue, agency=agency, with_bytes=with_bytes)


def _submit(
    services: Services, batch: str, queue: list[tuple[Path, str]], *, agency: str | None, with_bytes: bool
) -> int:
    count = 0
    for start in range(0, len(queue), _SUBMIT_CHUNK):
        chunk = queue[start : start + _SUBMIT_CHUNK]
        items = []
        for path, _sha in chunk:
            data = read_regular(path) if with_bytes else b""
            upload = Upload(batch=batch, path=None if with_bytes else str(path.resolve()))
            items.append((IngestRequest(data=data, filename=path.name, fallback_agency=agency), upload))
        submit_many(services, items, hashes=[sha for _, sha in chunk])
        count += len(chunk)
    return count


def plan_and_submit(
    services: Services, paths: Iterable[Path], *, agency: str | None, with_bytes: bool
) -> Iterator[Plan]:
    """plan + submit a part of the archive at a time, yielding the plan so far after each part:
    workers start on the first part while the rest is still being hashed (an archive of
    thousands of files takes seconds to hash)."""
    result = Plan(batch=uuid.uuid4().hex[:16])
    seen: dict[str, Path] = {}
    part: list[Path] = []
    for path in paths:
        part.append(path)
        if len(part) == _SUBMIT_CHUNK:
            _submit(services, result.batch, _plan_part(services, result, part, seen), agency=agency, with_bytes=with_bytes)
            part = []
            yield result
    _submit(services, result.batch, _plan_part(services, result, part, seen), agency=agency, with_bytes=with_bytes)
    yield result


def progress(services: Services, batch: str) -> tuple[int, int]:
    """(finished, total) jobs of the run."""
    with read_session(services.sessions) as session:
        counts = store.batch_counts(session, batch)
    return counts.get(store.JobState.DONE, 0), sum(counts.values())


@dataclass(frozen=True)
class Summary:
    outcomes: dict[str, int]
    failures: list[tuple[str, str, str, str]]  # (path, sha256, outcome or reason, message)


_OK = {IngestOutcome.STORED, IngestOutcome.NEW_VERSION, IngestOutcome.DUPLICATE}


def summary(services: Services, plan: Plan) -> Summary:
    outcomes: dict[str, int] = {}
    failures: list[tuple[str, str, str, str]] = []
    with services.sessions() as session:
        results = store.batch_results(session, plan.batch)
    for row in results:
        outcome = row.outcome or "unknown"
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        if outcome not in _OK:
            reply = JobReply.from_json(row.result) if row.result else None
            why = str(reply.reason) if reply and reply.reason else outcome
            failures.append((row.path or row.filename, row.sha256, why, reply.plain if reply else ""))
    for path, skip, detail in plan.skipped:
        outcomes[f"skipped_{skip}"] = outcomes.get(f"skipped_{skip}", 0) + 1
        if skip is Skip.UNREADABLE:
            failures.append((str(path), "", str(skip), detail))
    return Summary(outcomes, failures)


CSV_HEADER = ("path", "sha256", "reason", "message")


def write_failures(out: TextIO, failures: list[tuple[str, str, str, str]]) -> None:
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    writer.writerows(failures)
