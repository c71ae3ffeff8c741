"""Browsing what is stored: /report (full tables), /history (versions), /agencies.

Returns Telegram HTML (names escaped, tables in <pre>); the adapter splits long texts.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from tabulate import tabulate

from bot.core.crossyear import CrossStatus
from bot.core.replies import bot as R
from bot.core.replies.ingest import change_line
from bot.core.services import Services
from parsing.model import CheckStatus
from parsing.schema import (
    FACTS,
    T2_2019,
    T2_2021,
    T3_COLUMNS,
    T4_COLUMNS,
    T4_GROUPS,
    TEMPLATE_2019,
    t3_rows,
)
from storage import browse, export
from storage.queries import AgencyCandidate, MatchKind, find_agencies

T3_SHORT_COLUMNS = R.REPORT_T3_SHORT_COLUMNS
assert len(T3_SHORT_COLUMNS) == len(T3_COLUMNS)


class BrowseOutcome(StrEnum):
    OK = "ok"
    USAGE = "usage"
    NO_DATA = "no_data"
    UNKNOWN_AGENCY = "unknown_agency"
    AMBIGUOUS_AGENCY = "ambiguous_agency"  # see `choices`
    NO_REPORT = "no_report"


@dataclass(frozen=True)
class BrowseResult:
    outcome: BrowseOutcome
    text: str  # Telegram HTML
    choices: list[str] = field(default_factory=list)  # full agency names


@dataclass(frozen=True)
class ReportArgs:
    agency: str
    year: int | None


def parse_report_args(args: Sequence[str]) -> ReportArgs | None:
    """`文登科技局 2021`, `文登科技局2021`, `2021 文登科技局`; year optional (latest)."""
    words = " ".join(args).replace("年", " ").split()
    year = None
    rest: list[str] = []
    for word in words:
        if year is None and word.isdigit() and len(word) == 4:
            year = int(word)
        elif year is None and len(word) > 4 and word[-4:].isdigit() and not word[-5].isdigit():
            year, word = int(word[-4:]), word[:-4]
            rest.append(word)
        else:
            rest.append(word)
    agency = "".join(rest).strip()
    return ReportArgs(agency, year) if agency else None


def _esc(text: object) -> str:
    return html.escape(str(text), quote=False)


def _fmt(value: float | None) -> str:
    if value is None:
        return R.BLANK_CELL
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def _clip(sentence: str, limit: int = 80) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


def _pre(rows: list[list[str]], headers: Sequence[str]) -> str:
    return "<pre>" + _esc(tabulate(rows, headers=list(headers), disable_numparse=True)) + "</pre>"


def _resolve(services: Services, typed: str) -> AgencyCandidate | BrowseResult:
    with services.sessions() as session:
        match = find_agencies(session, typed)
        if match.unique is not None:
            return match.unique
        if match.kind != MatchKind.NONE and match.candidates:
            names = [c.name for c in match.candidates]
            return BrowseResult(
                BrowseOutcome.AMBIGUOUS_AGENCY, R.BROWSE_AMBIGUOUS.format(typed=_esc(typed)), names
            )
        if browse.count_agencies(session) == 0:
            return BrowseResult(BrowseOutcome.NO_DATA, R.BROWSE_NO_DATA)
        lines = [R.BROWSE_UNKNOWN_AGENCY.format(typed=_esc(typed))]
        if match.candidates:
            lines.append(R.BROWSE_CLOSE.format(names="、".join(_esc(c.name) for c in match.candidates)))
        return BrowseResult(BrowseOutcome.UNKNOWN_AGENCY, "\n".join(lines))


def report_tables(services: Services, agency: str, year: int | None) -> BrowseResult:
    """The full tables, narrative figures and failed checks of one current report."""
    found = _resolve(services, agency)
    if isinstance(found, BrowseResult):
        return found
    with services.sessions() as session:
        held = [v.year for v in browse.agency_versions(session, found.agency_id) if v.is_current]
        year = year or (max(held) if held else None)
        view = browse.current_report(session, found.agency_id, year) if year else None
    if view is None:
        years = "、".join(str(y) for y in sorted(set(held))) or R.NO_YEARS_HELD
        return BrowseResult(
            BrowseOutcome.NO_REPORT,
            R.BROWSE_NO_REPORT.format(agency=_esc(found.name), year=year or "", years=years),
        )
    return BrowseResult(BrowseOutcome.OK, render_report(view))


def render_report(view: browse.ReportView) -> str:
    template = view.template or "2021"
    published = R.REPORT_PUBLISHED.format(date=view.published_on.isoformat()) if view.published_on else ""
    parts = [
        R.REPORT_TITLE.format(agency=_esc(view.agency), year=view.year)
        + "\n"
        + R.REPORT_META.format(
            template=template, version=view.version, filename=_esc(view.filename), published=published
        )
    ]
    cells = view.cells
    t2 = T2_2019 if template == TEMPLATE_2019 else T2_2021
    parts.append(
        R.REPORT_T2 + "\n" + _pre([[label, _fmt(cells.get(k))] for k, label in t2.items()], R.REPORT_T2_HEADERS)
    )
    t3_headers = ["", *T3_SHORT_COLUMNS]
    t3 = [
        [label.split("/")[-1], *(_fmt(cells.get(f"t3.{row}.{col}")) for col in T3_COLUMNS)]
        for row, label in t3_rows(template).items()
    ]
    parts.append(R.REPORT_T3 + "\n" + _pre(t3, t3_headers))
    t4 = [
        [label, *(_fmt(cells.get(f"t4.{group}.{col}")) for col in T4_COLUMNS)]
        for group, label in T4_GROUPS.items()
    ]
    parts.append(R.REPORT_T4 + "\n" + _pre(t4, ["", *T4_COLUMNS.values()]))
    if view.facts:
        lines = [R.REPORT_FACTS]
        for fact in view.facts:
            label = FACTS.get(fact.key, (fact.key, ""))[0]
            lines.append(
                f"· {_esc(label)}：{_fmt(fact.value)}{_esc(fact.unit)}　“{_esc(_clip(fact.source))}”"
            )
        parts.append("\n".join(lines))
    failed = [c for c in view.checks if c.status == CheckStatus.FAIL]
    # Cross-year "please verify" results (bot.core.crossyear): shown whatever else holds.
    if verify := [c for c in view.checks if c.status == CrossStatus.VERIFY]:
        parts.append("\n".join([R.REPORT_CHECKS_VERIFY, *(f"· {_esc(c.detail)}" for c in verify)]))
    if failed:
        parts.append("\n".join([R.REPORT_CHECKS_FAILED, *(f"· {_esc(c.detail)}" for c in failed)]))
    elif unsure := [c for c in view.checks if c.status == CheckStatus.UNVERIFIABLE]:
        parts.append(R.REPORT_CHECKS_UNSURE.format(count=len(unsure)))
    elif view.checks:
        parts.append(R.REPORT_CHECKS_OK)
    return "\n\n".join(parts)


def agency_history(services: Services, agency: str) -> BrowseResult:
    found = _resolve(services, agency)
    if isinstance(found, BrowseResult):
        return found
    with services.sessions() as session:
        versions = browse.agency_versions(session, found.agency_id)
    lines = [R.HISTORY_TITLE.format(agency=_esc(found.name))]
    for v in versions:
        lines.append(
            R.HISTORY_LINE.format(
                year=v.year,
                version=v.version,
                current=R.HISTORY_CURRENT if v.is_current else "",
                received=v.received_at.strftime("%Y-%m-%d"),
                filename=_esc(v.filename),
                checks="" if v.checks_ok else R.HISTORY_CHECKS_FAILED,
            )
        )
        if v.changes:
            lines.append(R.HISTORY_CHANGES.format(changes=_esc("；".join(change_line(c) for c in v.changes[:5]))))
    return BrowseResult(BrowseOutcome.OK, "\n".join(lines))


def agencies_overview(services: Services, *, limit: int = 200) -> BrowseResult:
    with services.sessions() as session:
        total = browse.count_agencies(session)
        agencies = browse.agencies_with_years(session, limit=limit)
    if not agencies:
        return BrowseResult(BrowseOutcome.NO_DATA, R.BROWSE_NO_DATA)
    lines = [R.AGENCIES_TITLE.format(count=total)]
    lines += [
        R.AGENCIES_LINE.format(name=_esc(a.name), years="、".join(str(y) for y in a.years)) for a in agencies
    ]
    if total > len(agencies):
        lines.append(R.AGENCIES_MORE.format(more=total - len(agencies)))
    return BrowseResult(BrowseOutcome.OK, "\n".join(lines))


@dataclass(frozen=True)
class ExportFile:
    filename: str
    data: bytes


def export_file(services: Services, fmt: str, *, now: datetime | None = None) -> ExportFile | None:
    """All current reports as CSV or XLSX (storage.export), or None when nothing is stored."""
    with services.sessions() as session:
        if browse.count_agencies(session) == 0:
            return None
        data = export.export_bytes(session, fmt)
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d")
    return ExportFile(filename=f"nianbao-{stamp}.{fmt}", data=data)
