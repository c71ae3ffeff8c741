"""Cross-year checks against the database: after an ingest, and for a draft that is not stored.

The rules themselves are the pure functions of bot.core.crossyear; this module loads the
neighbouring years' reports and keeps the stored results (check rows `cross.*`) up to date.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.core.crossyear import CrossCheck, ReportRef, YearReport, cross_year_checks
from bot.core.replies import crossyear as say
from parsing.model import Report
from storage.history import StoredYear, replace_cross_checks, stored_years


def from_stored(stored: StoredYear) -> YearReport:
    ref = ReportRef(stored.agency, stored.year, stored.version, stored.filename, stored.report_id)
    return YearReport(ref, stored.template, stored.cells, stored.facts)


def from_draft(report: Report, agency: str, year: int, filename: str) -> YearReport:
    return YearReport(
        ReportRef(agency, year, filename=filename),
        report.template,
        dict(report.cells),
        {f.key: f.value for f in report.facts},
    )


def checks_against_neighbours(session: Session, agency_id: int, this: YearReport) -> list[CrossCheck]:
    """`this` (stored or draft) against the agency's stored reports on the year before and after."""
    year = this.ref.year
    around = stored_years(session, agency_id, (year - 1, year + 1))
    checks: list[CrossCheck] = []
    if year - 1 in around:
        checks += cross_year_checks(from_stored(around[year - 1]), this)
    if year + 1 in around:
        checks += cross_year_checks(this, from_stored(around[year + 1]))
    return checks


def _rows(checks: list[CrossCheck]) -> list[tuple[str, str, str]]:
    return [(c.rule.value, c.status.value, say.detail(c)) for c in checks]


def refresh_after_store(session: Session, agency_id: int, year: int) -> list[CrossCheck]:
    """Recompute and store the cross-year rows touching the agency's current report on `year`.

    Rows live on the later report of each pair: this report's own (against the year before) and
    the next year's (against this one), which a new version here may have fixed or broken.
    Flushes only; the caller's transaction commits.
    """
    held = stored_years(session, agency_id, (year - 1, year, year + 1))
    if year not in held:
        return []
    this = from_stored(held[year])
    mine = cross_year_checks(from_stored(held[year - 1]), this) if year - 1 in held else []
    replace_cross_checks(session, held[year].report_id, _rows(mine))
    following: list[CrossCheck] = []
    if year + 1 in held:
        following = cross_year_checks(this, from_stored(held[year + 1]))
        replace_cross_checks(session, held[year + 1].report_id, _rows(following))
    return mine + following
