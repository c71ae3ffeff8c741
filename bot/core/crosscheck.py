"""Cross-year checks against the database: after an ingest, and for a draft that is not stored.

The rules themselves are the pure functions of bot.core.crossyear; this module loads the
neighbouring years' reports and keeps the stored results (check rows `cross.*`) up to date.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from bot.core.crossyear import CrossCheck, ReportRef, YearReport, cross_year_checks
from bot.core.replies import crossyear as say
from parsing.model import Report
from storage.history import StoredYear, replace_cross_checks_of, stored_years, stored_years_of


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
    return refresh_after_stores(session, [(agency_id, year)])[0]


def refresh_after_stores(session: Session, pairs: Sequence[tuple[int, int]]) -> list[list[CrossCheck]]:
    """refresh_after_store for each (agency, year) of a batch just stored, read and written at once."""
    held = stored_years_of(session, [(a, y + d) for a, y in pairs for d in (-1, 0, 1)])
    rows: dict[int, list[tuple[str, str, str]]] = {}
    out: list[list[CrossCheck]] = []
    for agency_id, year in pairs:
        if (agency_id, year) not in held:
            out.append([])
            continue
        this = from_stored(held[(agency_id, year)])
        before, after = held.get((agency_id, year - 1)), held.get((agency_id, year + 1))
        mine = cross_year_checks(from_stored(before), this) if before is not None else []
        rows[held[(agency_id, year)].report_id] = _rows(mine)
        following: list[CrossCheck] = []
        if after is not None:
            following = cross_year_checks(this, from_stored(after))
            rows[after.report_id] = _rows(following)
        out.append(mine + following)
    replace_cross_checks_of(session, rows)
    return out
