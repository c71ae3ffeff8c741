"""A region's tables 2-4 summed over every agency that reported, for the 政务公开办.

`/summary 地区 年份` and `nianbao summary` call `region_summary`; the XLSX is laid out like the
national table (bot.core.summary_xlsx), with a sheet of agencies included, missing and late and a
detail sheet of every report's own cells, so each total can be traced to its reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from bot.core.deadlines import Deadline, region_match_depth
from bot.core.digest import region_status
from bot.core.reminders import Schedule, load_snapshot
from bot.core.services import Services
from parsing.model import Number
from parsing.schema import TEMPLATE_2019, TEMPLATE_2021, cell_keys
from storage.summary import SummedReport, agency_places, current_reports

# Reports on 2021 and later use the 2021 format (SCHEMA.md).
FIRST_2021_FORMAT_YEAR = 2021


class SummaryOutcome(StrEnum):
    OK = "ok"
    UNKNOWN_REGION = "unknown_region"  # no agency of that place is known
    NO_REPORTS = "no_reports"  # agencies known, none has reported on the year


class AgencyState(StrEnum):
    INCLUDED = "included"  # reported on time (or no deadline known)
    LATE = "late"  # reported after its deadline: included, and listed as late
    MISSING = "missing"  # expected, deadline passed, nothing received
    PENDING = "pending"  # expected, deadline not reached yet


@dataclass(frozen=True)
class AgencyLine:
    name: str
    state: AgencyState
    deadline: Deadline | None = None
    report: SummedReport | None = None


@dataclass(frozen=True)
class RegionSummary:
    region: str
    year: int
    template: str
    keys: tuple[str, ...]  # the summed cells of 表二–表四, in printed order
    reports: tuple[SummedReport, ...]
    totals: dict[str, Number | None]  # None: blank in every report
    agencies: tuple[AgencyLine, ...]
    other_format: tuple[str, ...] = ()  # agencies whose report uses the other template

    def count(self, state: AgencyState) -> int:
        return sum(1 for a in self.agencies if a.state is state)


@dataclass(frozen=True)
class SummaryResult:
    outcome: SummaryOutcome
    region: str
    year: int
    summary: RegionSummary | None = None

    def xlsx(self) -> bytes:
        from bot.core.summary_xlsx import render_xlsx

        assert self.summary is not None
        return render_xlsx(self.summary)

    @property
    def filename(self) -> str:
        from bot.core.replies.summary import FILENAME

        return FILENAME.format(region=self.region.replace("/", "-"), year=self.year)

    def text(self) -> str:
        from bot.core.replies.summary import render

        return render(self)


def parse_summary_args(args: Sequence[str], *, now: datetime) -> tuple[str, int] | None:
    """ "文登区 2021" -> ("文登区", 2021); without a year, last year's reports (the season's)."""
    words = [a for a in args if a.strip()]
    year = now.year - 1
    if words and words[-1].rstrip("年").isdigit() and len(words[-1].rstrip("年")) == 4:
        year = int(words.pop().rstrip("年"))
    region = "".join(words).strip()
    return (region[:200], year) if region else None


def template_for(year: int) -> str:
    return TEMPLATE_2021 if year >= FIRST_2021_FORMAT_YEAR else TEMPLATE_2019


def sum_cells(reports: Sequence[SummedReport], keys: Sequence[str]) -> dict[str, Number | None]:
    """Per key, the sum of the reports that print a number there; None when none does."""
    totals: dict[str, Number | None] = {}
    for key in keys:
        values = [r.cells.get(key) for r in reports]
        present = [v for v in values if v is not None]
        total = sum(present) if present else None
        totals[key] = int(total) if isinstance(total, float) and total.is_integer() else total
    return totals


def region_summary(services: Services, region: str, year: int, *, now: datetime) -> SummaryResult:
    region = region.strip().strip("/")
    with services.sessions() as session:
        members = [a for a in agency_places(session) if region_match_depth(a.region, a.name, region)]
        if not members:
            return SummaryResult(SummaryOutcome.UNKNOWN_REGION, region, year)
        reports = current_reports(session, [a.agency_id for a in members], year)
    schedule = Schedule.from_settings(services.settings)
    status = region_status(load_snapshot(services, [year]), region, year, now, schedule.tz)
    if not reports:
        return SummaryResult(SummaryOutcome.NO_REPORTS, region, year)

    template = template_for(year)
    keys = tuple(k for k in cell_keys(template) if k.startswith(("t2.", "t3.", "t4.")))
    late = {r.agency_id for r, _, _ in status.late}
    deadlines = {r.agency_id: d for r, d in status.expected}
    lines = [
        AgencyLine(
            r.agency,
            AgencyState.LATE if r.agency_id in late else AgencyState.INCLUDED,
            deadlines.get(r.agency_id),
            r,
        )
        for r in reports
    ]
    lines += [AgencyLine(r.name, AgencyState.MISSING, d) for r, d in status.missing]
    lines += [AgencyLine(r.name, AgencyState.PENDING, d) for r, d in status.pending]
    summary = RegionSummary(
        region=region,
        year=year,
        template=template,
        keys=keys,
        reports=tuple(reports),
        totals=sum_cells(reports, keys),
        agencies=tuple(lines),
        other_format=tuple(r.agency for r in reports if r.template and r.template != template),
    )
    return SummaryResult(SummaryOutcome.OK, region, year, summary)
