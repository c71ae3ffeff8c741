"""Corrections by admins: a stored report to another agency or year, or a version withdrawn.

`/fix` (with buttons) and `nianbao fix` parse the same words (`parse_fix_args`) and call `run_fix`.
Every change is recorded with who and when (storage.corrections); the cross-year checks of the
agencies and years touched are recomputed in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.core.crosscheck import refresh_after_store
from bot.core.ingest import FIRST_REPORT_YEAR
from bot.core.services import Services
from storage.corrections import (
    Action,
    Corrected,
    Refusal,
    VersionInfo,
    Who,
    corrections,
    move,
    versions,
    withdraw,
)
from storage.db import write_lock
from storage.queries import find_agencies

__all__ = ["Action", "ApplyFix", "FixOutcome", "FixResult", "ListVersions", "Who", "parse_fix_args", "run_fix"]

# The words of each action, as typed after /fix or `nianbao fix` (Chinese or English).
ACTION_WORDS = {
    "撤回": Action.WITHDRAW, "withdraw": Action.WITHDRAW,
    "年度": Action.YEAR, "年份": Action.YEAR, "year": Action.YEAR,
    "单位": Action.AGENCY, "机构": Action.AGENCY, "agency": Action.AGENCY,
}  # fmt: skip


class FixOutcome(StrEnum):
    LISTED = "listed"  # the versions of an agency's report, to choose from
    DONE = "done"
    REFUSED = "refused"
    UNKNOWN_AGENCY = "unknown_agency"
    BAD_YEAR = "bad_year"
    USAGE = "usage"


@dataclass(frozen=True)
class ListVersions:
    agency: str
    year: int | None = None


@dataclass(frozen=True)
class ApplyFix:
    report_id: int
    action: Action
    agency: str | None = None
    year: int | None = None


FixCommand = ListVersions | ApplyFix


@dataclass(frozen=True)
class FixResult:
    outcome: FixOutcome
    versions: tuple[VersionInfo, ...] = ()
    corrected: Corrected | None = None
    refusal: Refusal | None = None
    agency: str = ""
    year: int | None = None
    choices: tuple[str, ...] = field(default=())  # close agency names for an unknown one

    def text(self, *, html: bool = False) -> str:
        from bot.core.replies.corrections import render

        return render(self, html=html)


def _year(word: str) -> int | None:
    word = word.strip().rstrip("年")
    return int(word) if word.isdigit() and len(word) == 4 else None


def parse_fix_args(words: Sequence[str]) -> FixCommand | None:
    """"123 撤回" / "123 年度 2022" / "123 单位 新全称" / "文登科技局 [2021]"; None when unusable."""
    words = [w for w in words if w.strip()]
    if not words:
        return None
    if words[0].isdigit() and len(words) >= 2 and words[1].lower() in ACTION_WORDS:
        report_id, action, rest = int(words[0]), ACTION_WORDS[words[1].lower()], words[2:]
        if action is Action.WITHDRAW:
            return ApplyFix(report_id, action) if not rest else None
        if action is Action.YEAR:
            year = _year(rest[0]) if len(rest) == 1 else None
            return ApplyFix(report_id, action, year=year) if year is not None else None
        name = "".join(rest).strip()
        return ApplyFix(report_id, action, agency=name[:200]) if name else None
    year = _year(words[-1]) if len(words) > 1 else None
    agency = "".join(words[:-1] if year is not None else words).strip()
    return ListVersions(agency[:100], year) if agency else None


def list_versions(services: Services, command: ListVersions) -> FixResult:
    with services.sessions() as session:
        match = find_agencies(session, command.agency)
        if match.unique is None:
            return FixResult(
                FixOutcome.UNKNOWN_AGENCY, agency=command.agency, choices=tuple(c.name for c in match.candidates)
            )
        found = versions(session, match.unique.agency_id, command.year)
    return FixResult(FixOutcome.LISTED, tuple(found), agency=match.unique.name, year=command.year)


def apply_fix(services: Services, command: ApplyFix, who: Who, *, now: datetime) -> FixResult:
    if command.action is Action.YEAR and not (
        command.year is not None and FIRST_REPORT_YEAR <= command.year <= now.astimezone(services.settings.tz).year
    ):
        return FixResult(FixOutcome.BAD_YEAR, year=command.year)
    with write_lock(services.engine), services.sessions.begin() as session:
        if command.action is Action.WITHDRAW:
            result = withdraw(session, command.report_id, who, now)
        else:
            result = move(session, command.report_id, who, now, agency_name=command.agency, year=command.year)
        if isinstance(result, Refusal):
            return FixResult(FixOutcome.REFUSED, refusal=result, agency=command.agency or "", year=command.year)
        for agency_id, year in result.touched:
            refresh_after_store(session, agency_id, year)
            refresh_after_store(session, agency_id, year + 1)  # the next year's rows name this one
    return FixResult(FixOutcome.DONE, corrected=result)


def correction_log(services: Services, *, tz: ZoneInfo, limit: int = 200) -> str:
    """Every correction recorded (the latest `limit`), one line each: when, who, what."""
    from bot.core.replies.corrections import log_text

    with services.sessions() as session:
        rows = corrections(session)[-limit:]
    return log_text(rows, tz)


def run_fix(services: Services, words: Sequence[str], who: Who, *, now: datetime) -> FixResult:
    command = parse_fix_args(words)
    if command is None:
        return FixResult(FixOutcome.USAGE)
    if isinstance(command, ListVersions):
        return list_versions(services, command)
    return apply_fix(services, command, who, now=now)
