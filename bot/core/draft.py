"""Check a draft report before it is published: every check, cross-year ones included; nothing stored.

For the agency staff who fill the national table each January. `/check` in the bot and
`nianbao check FILE` build the same DraftRequest and call `check_draft`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.exc import SQLAlchemyError

from bot.core.crosscheck import checks_against_neighbours, from_draft
from bot.core.crossyear import CrossCheck, CrossStatus
from bot.core.ingest import ParseFn, parse_upload
from bot.core.services import Services
from parsing import ParseError, Report
from parsing.names import clean_name
from storage.agencies import find_agency

log = logging.getLogger(__name__)


class DraftOutcome(StrEnum):
    CHECKED = "checked"
    FAILED = "failed"  # could not be read at all


@dataclass(frozen=True)
class DraftRequest:
    data: bytes
    filename: str
    caption: str | None = None
    agency: str | None = None  # when the draft does not name its agency


@dataclass(frozen=True)
class DraftResult:
    outcome: DraftOutcome
    filename: str
    report: Report | None = None
    agency: str | None = None
    # The agency has reports stored here: the cross-year checks could run.
    agency_known: bool = False
    cross_checks: tuple[CrossCheck, ...] = ()
    message: str | None = None  # FAILED: the parser's Chinese reason
    storage_down: bool = False  # the cross-year checks were skipped: database unavailable

    @property
    def problems(self) -> int:
        """How many things to fix or verify (0: ready to publish)."""
        if self.report is None:
            return 1
        own = len(self.report.failed_checks)
        cross = sum(1 for c in self.cross_checks if c.status in (CrossStatus.FAIL, CrossStatus.VERIFY))
        return own + cross + (self.report.year is None) + (self.agency is None)

    def render(self, *, html: bool) -> str:
        from bot.core.replies.draft import render

        return render(self, html=html)


def check_draft(services: Services, request: DraftRequest, *, parse: ParseFn | None = None) -> DraftResult:
    """Parse in the sandbox, run the checks, compare with the stored neighbours. Writes nothing."""
    try:
        report = parse_upload(services, request.data, request.filename, request.caption, parse)
    except ParseError as exc:
        return DraftResult(DraftOutcome.FAILED, request.filename, message=exc.message)
    except Exception:
        log.exception("draft check: parser crashed on %s", request.filename)
        return DraftResult(DraftOutcome.FAILED, request.filename)
    agency = clean_name(request.agency) if request.agency else report.agency
    if not agency or report.year is None:
        return DraftResult(DraftOutcome.CHECKED, request.filename, report, agency or None)
    try:
        with services.sessions() as session:
            known = find_agency(session, agency)
            if known is None:
                return DraftResult(DraftOutcome.CHECKED, request.filename, report, agency)
            this = from_draft(report, known.name, report.year, request.filename)
            cross = checks_against_neighbours(session, known.id, this)
    except SQLAlchemyError:
        log.exception("draft check: database unavailable for the cross-year checks")
        return DraftResult(DraftOutcome.CHECKED, request.filename, report, agency, storage_down=True)
    return DraftResult(DraftOutcome.CHECKED, request.filename, report, known.name, True, tuple(cross))
