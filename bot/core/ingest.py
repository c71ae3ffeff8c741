"""One upload -> stored report: keep the original, parse it in a sandbox, store it in one transaction.

The Telegram handler, `nianbao ingest` and the tests build the same IngestRequest and call
`ingest`; the wording of every outcome lives in bot.core.replies.ingest.
"""

from __future__ import annotations

import dataclasses
import logging
import re
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, tzinfo

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from bot.core.crossyear import CrossCheck
from bot.core.ingest_result import (
    FIRST_REPORT_YEAR,
    FailureReason,
    IngestOutcome,
    IngestRequest,
    IngestResult,
)
from bot.core.services import Services
from bot.core.store_group import group_store
from parsing import ParseError, Report, UnsupportedFormat, formats
from parsing.errors import TooLarge
from parsing.names import clean_name
from parsing.sniff import sniff
from parsing.warnings import WarningCode
from storage.agencies import candidate_agencies, spelling_choices
from storage.db import read_session
from storage.files import StoredFile, sha256_hex, store_original
from storage.report_batch import StoreItem
from storage.reports import SourceInfo, StoreOutcome, StoreResult, find_duplicate
from storage.retention import discard_unreferenced_original

__all__ = [
    "FIRST_REPORT_YEAR",
    "FailureReason",
    "IngestOutcome",
    "IngestRequest",
    "IngestResult",
    "ingest",
]

log = logging.getLogger(__name__)

ParseFn = Callable[..., Report]


# What agencies.name holds; a longer "name" is a pasted paragraph, refused before the write.
MAX_AGENCY_NAME = 200


_TITLE_PREFIX = re.compile(r"^(?P<name>.+?)(?:\d{4}\s*年|[一二三四五六七八九〇零]{4}\s*年)")
_NATIONAL = ("国家", "国务院", "中华人民共和国", "中国")


def partial_agency_name(report: Report) -> str | None:
    """What the report does say about its agency, when it gives no full name."""
    for warning in report.warnings:
        if warning.code is WarningCode.AGENCY_PARTIAL:
            return str(warning.data["name"])
    if report.title:
        match = _TITLE_PREFIX.match(report.title)
        if match and len(match.group("name")) >= 2:
            return match.group("name")
    return None


def with_year(report: Report, year: int) -> Report:
    """The report with the year its sender gives: the parser's "no year" warning no longer holds."""
    warnings = tuple(w for w in report.warnings if w.code is not WarningCode.NO_YEAR)
    return dataclasses.replace(report, year=year, warnings=warnings)




def latest_report_year(received_at: datetime, tz: tzinfo) -> int:
    """A report cannot be about a year later than the one it arrived in (local calendar)."""
    return received_at.astimezone(tz).year


_QUESTION_WORDS = ("多少", "哪", "几", "吗", "怎么", "什么", "?", "？")


def could_be_agency_name(text: str) -> bool:
    """Whether a chat message may be the agency's name rather than a question (no digits, no question words)."""
    text = text.strip()
    return (
        2 <= len(text) <= 60
        and not any(ch.isdigit() for ch in text)
        and not any(word in text for word in _QUESTION_WORDS)
    )


def upload_refusal(filename: str, mime_type: str | None) -> str | None:
    """The refusal to send before downloading a file that is of no format we read, else None."""
    if formats.may_be_readable(filename, mime_type):
        return None
    return UnsupportedFormat().message


def default_parse() -> ParseFn:
    # Imported on first use: the sandbox pulls in the parsers, which most commands never need.
    from parsing.sandbox import parse_report_isolated

    return parse_report_isolated


def parse_upload(services: Services, data: bytes, filename: str, caption: str | None, parse: ParseFn | None) -> Report:
    """The parse every use case runs (ingest, job retry, draft check): the sandboxed parser, or
    `parse` (tests), under the settings' limits. Raises ParseError, or whatever the parser raised."""
    parse_fn = parse or default_parse()
    return parse_fn(data, filename, caption=caption, options=services.settings.parse_options())


def _kind(data: bytes, filename: str) -> str:
    try:
        return sniff(data, filename)
    except ParseError:
        return ""


def ingest(services: Services, request: IngestRequest, *, parse: ParseFn | None = None) -> IngestResult:
    """Keep the original, parse, and store. Never raises for a bad file: the outcome says what happened.

    `parse` replaces the sandboxed parser (tests); it takes (data, filename, caption=, options=).
    """
    ingest_id = uuid.uuid4().hex[:8]
    received_at = request.received_at or datetime.now(UTC)
    kind = _kind(request.data, request.filename)
    log.info("ingest %s: %s (%d bytes, %s)", ingest_id, request.filename, len(request.data), kind or "?")

    def result(outcome: IngestOutcome, **kwargs: object) -> IngestResult:
        if (
            outcome is IngestOutcome.FAILED
            and _rejected(kwargs)
            and stored_file is not None
            and discard_unreferenced_original(services.sessions, services.data_dir, stored_file)
        ):
            log.info("ingest %s: original of a refused file removed", ingest_id)
        stored = kwargs.get("stored")
        if isinstance(stored, StoreResult) and stored.previous_received_at is not None:
            # Replies word moments as they come: hand them over in the configured zone.
            local = stored.previous_received_at.astimezone(services.settings.tz)
            kwargs["stored"] = dataclasses.replace(stored, previous_received_at=local)
        return IngestResult(
            outcome=outcome,
            filename=request.filename,
            sha256=digest,
            file_kind=kind,
            ingest_id=ingest_id,
            **kwargs,  # type: ignore[arg-type]
        )

    digest = sha256_hex(request.data)
    stored_file: StoredFile | None = None
    options = services.settings.parse_options()
    if len(request.data) > options.max_bytes:
        # Refused before a byte is written: an upload open to anyone must not fill the disk.
        return result(IngestOutcome.FAILED, reason=FailureReason.PARSE, message=TooLarge().message)
    # The original first, outside any transaction: it survives whatever happens next (but a
    # file refused as no report is removed again, see _forget_rejected).
    try:
        stored_file = store_original(services.data_dir, request.data, sha256=digest) if request.data else None
    except OSError as exc:
        # Nothing may be stored without its original: stop here and say so.
        _log_failure(ingest_id, f"could not keep the original under {services.data_dir}", exc)
        return result(IngestOutcome.FAILED, reason=FailureReason.FILE_STORE)

    try:
        with read_session(services.sessions) as session:
            duplicate = _known_duplicate(session, digest)
    except SQLAlchemyError as exc:
        _log_failure(ingest_id, "database unavailable; original kept", exc)
        return result(IngestOutcome.FAILED, reason=FailureReason.STORAGE)
    if duplicate is not None:
        log.info("ingest %s: duplicate of report %d", ingest_id, duplicate.report_id)
        return result(IngestOutcome.DUPLICATE, stored=duplicate)

    try:
        report = parse_upload(services, request.data, request.filename, request.caption, parse)
    except ParseError as exc:
        log.info("ingest %s: parse failed: %s", ingest_id, type(exc).__name__)
        return result(IngestOutcome.FAILED, reason=FailureReason.PARSE, message=exc.message)
    except Exception:
        log.exception("ingest %s: parser crashed on %s", ingest_id, request.filename)
        return result(IngestOutcome.FAILED, reason=FailureReason.INTERNAL)

    if report.year is None and request.year is not None:
        report = with_year(report, request.year)
    if report.year is None:
        return result(IngestOutcome.FAILED, reason=FailureReason.NO_YEAR, report=report)
    if not FIRST_REPORT_YEAR <= report.year <= latest_report_year(received_at, services.settings.tz):
        log.info("ingest %s: implausible year %d", ingest_id, report.year)
        return result(IngestOutcome.FAILED, reason=FailureReason.BAD_YEAR, report=report)

    agency_name = _agency_name(request, report)
    if agency_name is not None and len(agency_name) > MAX_AGENCY_NAME:
        return result(IngestOutcome.FAILED, reason=FailureReason.AGENCY_NAME, report=report)
    if agency_name is None:
        partial = partial_agency_name(report)
        choices: tuple[str, ...] = ()
        try:
            if partial:
                with read_session(services.sessions) as session:
                    choices = tuple(a.name for a in candidate_agencies(session, partial))
        except SQLAlchemyError as exc:
            # The guesses are a convenience: the user can still type the full name.
            _log_failure(ingest_id, "agency guesses unavailable", exc)
        log.info("ingest %s: needs agency (partial %r, %d choices)", ingest_id, partial, len(choices))
        return result(
            IngestOutcome.NEEDS_AGENCY, report=report, partial_agency=partial, agency_choices=choices
        )

    if not request.agency:
        # A new spelling of an agency that could be one of several stored ones (洪泽区人民政府 of two
        # cities): not merged by guess, the uploader picks (or picks the name itself: a new agency).
        try:
            with read_session(services.sessions) as session:
                spellings = tuple(spelling_choices(session, agency_name))
        except SQLAlchemyError as exc:
            _log_failure(ingest_id, "spelling check unavailable", exc)
            spellings = ()
        fallback = clean_name(request.fallback_agency or "")
        if spellings and fallback in (*spellings, agency_name):
            agency_name = fallback
        elif spellings:
            log.info(
                "ingest %s: %r may be one of %d stored spellings", ingest_id, agency_name, len(spellings)
            )
            return result(
                IngestOutcome.NEEDS_AGENCY,
                report=report,
                partial_agency=agency_name,
                agency_choices=(*spellings, agency_name),
                spelling=True,
            )

    assert stored_file is not None  # an empty file never parses
    try:
        stored, cross = _store(services, request, report, stored_file, agency_name, kind, received_at)
    except SQLAlchemyError as exc:
        _log_failure(ingest_id, f"storing failed; original kept at {stored_file.relative_path}", exc)
        return result(IngestOutcome.FAILED, reason=FailureReason.STORAGE, report=report)
    except Exception:
        # A bug met by one file's values must not stop the batch or the bot: this file fails.
        log.exception("ingest %s: storing crashed; original kept at %s", ingest_id, stored_file.relative_path)
        return result(IngestOutcome.FAILED, reason=FailureReason.INTERNAL, report=report)
    outcome = {
        StoreOutcome.NEW: IngestOutcome.STORED,
        StoreOutcome.NEW_VERSION: IngestOutcome.NEW_VERSION,
        StoreOutcome.DUPLICATE: IngestOutcome.DUPLICATE,
    }[stored.outcome]
    log.info(
        "ingest %s: %s report %d (%s %d)",
        ingest_id,
        outcome,
        stored.report_id,
        stored.agency_name,
        stored.year,
    )
    return result(outcome, report=report, stored=stored, cross_checks=tuple(cross))


def _log_failure(ingest_id: str, what: str, exc: BaseException) -> None:
    """A storage failure the user is told about in Chinese: one log line (INFO, so a one-shot
    command's terminal shows only the Chinese sentence), the traceback at DEBUG only."""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    log.info("ingest %s: %s (%s: %s)", ingest_id, what, type(exc).__name__, first[:300])
    log.debug("ingest %s: %s", ingest_id, what, exc_info=exc)


# Files refused for what they are (not a report, unreadable, no year, the parser crashed on
# them): their originals are not kept (issue 10). A report that failed for the database's or the
# disk's sake is kept for the retry; one waiting for its agency is kept for the answer.
_REJECTED = frozenset({FailureReason.PARSE, FailureReason.NO_YEAR, FailureReason.BAD_YEAR, FailureReason.AGENCY_NAME})


def _rejected(fields: dict[str, object]) -> bool:
    reason = fields.get("reason")
    return reason in _REJECTED or (reason is FailureReason.INTERNAL and fields.get("report") is None)


def _known_duplicate(session: Session, digest: str) -> StoreResult | None:
    duplicate = find_duplicate(session, digest)
    if duplicate is None:
        return None
    return StoreResult(
        outcome=StoreOutcome.DUPLICATE,
        report_id=duplicate.id,
        agency_id=duplicate.agency_id,
        agency_name=duplicate.agency.name,
        year=duplicate.year,
        version=duplicate.version,
        previous_received_at=duplicate.received_at,
    )


def _agency_name(request: IngestRequest, report: Report) -> str | None:
    if request.agency and clean_name(request.agency):
        return clean_name(request.agency)
    if report.agency:
        return report.agency
    if request.fallback_agency and clean_name(request.fallback_agency):
        return clean_name(request.fallback_agency)
    return None


def _store(
    services: Services,
    request: IngestRequest,
    report: Report,
    stored_file: StoredFile,
    agency_name: str,
    kind: str,
    received_at: datetime,
) -> tuple[StoreResult, list[CrossCheck]]:
    # Written again if a concurrent upload of the same bytes, refused (a parse timeout under
    # load), removed it meanwhile: no report without its original.
    store_original(services.data_dir, request.data, sha256=stored_file.sha256)
    source = SourceInfo(
        sha256=stored_file.sha256,
        path=stored_file.relative_path,
        original_name=request.filename,
        size=stored_file.size,
        kind=kind,
        sender_id=request.sender_id,
        sender_name=request.sender_name,
        chat_id=request.chat_id,
        received_at=received_at,
        source_url=request.source_url,
    )
    # With the reports other jobs of this process are storing at the same moment (bot.core.store_group).
    return group_store(services).store(StoreItem(report, source, agency_name))
