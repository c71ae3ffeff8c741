"""What an ingest is asked and what it answers: plain values, shared by bot.core.ingest (which
produces them) and bot.core.replies.ingest (which words them) without either importing the other."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from bot.core.crossyear import CrossCheck
from parsing import Report
from parsing.model import Check
from parsing.warnings import ParseWarning
from storage.reports import StoreResult

# The regulations took effect on 1 May 2008; the first annual reports cover 2008.
FIRST_REPORT_YEAR = 2008


class IngestOutcome(StrEnum):
    STORED = "stored"
    DUPLICATE = "duplicate"
    NEW_VERSION = "new_version"
    FAILED = "failed"
    NEEDS_AGENCY = "needs_agency"


class FailureReason(StrEnum):
    PARSE = "parse"  # the parser's ParseError; its Chinese message is the reason
    NO_YEAR = "no_year"
    BAD_YEAR = "bad_year"  # before the regulations' first reports, or after the upload
    STORAGE = "storage"  # the database write failed; the original is kept
    FILE_STORE = "file_store"  # the original could not be written (disk full, permissions)
    AGENCY_NAME = "agency_name"  # longer than the agency column holds: surely not a name
    INTERNAL = "internal"


@dataclass(frozen=True)
class IngestRequest:
    data: bytes
    filename: str
    caption: str | None = None
    # The agency's full name when the report does not say (chosen by the sender in answer to
    # NEEDS_AGENCY): it replaces whatever name the report gives.
    agency: str | None = None
    # `nianbao ingest --agency`, given for a whole batch: the name of reports that name no agency,
    # or the answer to a spelling question when it is one of its choices. Never replaces a name
    # the report gives (the batch may hold other agencies' reports).
    fallback_agency: str | None = None
    source_url: str | None = None  # the page address, for a report fetched from a link
    # The year reported on, when the report does not say (nianbao ingest --year).
    year: int | None = None
    sender_id: int | None = None
    sender_name: str | None = None
    chat_id: int | None = None
    received_at: datetime | None = None


@dataclass(frozen=True)
class IngestResult:
    outcome: IngestOutcome
    filename: str
    sha256: str
    report: Report | None = None
    stored: StoreResult | None = None
    # FAILED: why, and the Chinese sentence for the user.
    reason: FailureReason | None = None
    message: str | None = None
    # NEEDS_AGENCY: the partial name the report gives, and known agencies it may mean.
    partial_agency: str | None = None
    agency_choices: tuple[str, ...] = ()
    spelling: bool = False  # NEEDS_AGENCY: the name is given but may be another spelling of a stored one
    file_kind: str = ""
    # Checks against the agency's reports on the neighbouring years (stored with the report).
    cross_checks: tuple[CrossCheck, ...] = ()
    ingest_id: str = field(default_factory=lambda: uuid.uuid4().hex[:8])

    @property
    def ok(self) -> bool:
        return self.outcome not in (IngestOutcome.FAILED, IngestOutcome.NEEDS_AGENCY)

    @property
    def failed_checks(self) -> tuple[Check, ...]:
        return self.report.failed_checks if self.report else ()

    @property
    def warnings(self) -> tuple[ParseWarning, ...]:
        return self.report.warnings if self.report else ()
