"""year_totals and value_totals (storage.totals, issue 14) agree with a count of reports and
current_values after every kind of write: a store, a new version, a batch, a withdrawal, a move,
a rebuild; and migration 0015 fills them from what is there."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from parsing.model import Check, CheckStatus, Report
from storage import corrections, current_values
from storage.corrections import Who
from storage.current_tables import CurrentMark, CurrentValue
from storage.db import make_engine, make_sessionmaker
from storage.migrate import alembic_config, upgrade
from storage.models import ReportRow
from storage.report_batch import StoreItem, store_reports
from storage.reports import SourceInfo, store_report
from storage.totals import ValueTotal, YearTotal, key_total, year_reports
from storage.year_queries import year_top
from tests.storage.figures import figures

NOW = datetime(2026, 1, 20, tzinfo=UTC)
WHO = Who(user_id=1, name="admin", via="cli")


def _report(agency: str, year: int, total: float | None, *, failing: bool = False) -> Report:
    status = CheckStatus.FAIL if failing else CheckStatus.PASS
    return Report(
        agency=agency,
        year=year,
        template="2021",
        published_on=None,
        cells={"t3.new.total": total, "t3.granted.total": 1.5},
        checks=[Check("t3.balance", status, "")],
    )


def _source(sha: str) -> SourceInfo:
    return SourceInfo(sha * 64, f"f/{sha}", "r.pdf", 1)


def _store(sessions: sessionmaker[Session], report: Report, sha: str) -> int:
    with sessions.begin() as session:
        return store_report(
            session, report=report, source=_source(sha), agency_name=report.agency or ""
        ).report_id


def _kept(
    session: Session,
) -> tuple[dict[int, tuple[int, int]], dict[tuple[int, str], tuple[int, int, float]]]:
    years = {
        y: (r, f)
        for y, r, f in session.execute(
            select(YearTotal.year, func.sum(YearTotal.reports), func.sum(YearTotal.failing)).group_by(
                YearTotal.year
            )
        )
        if r or f
    }
    values = {
        (y, k): (int(r), int(n), float(t))
        for y, k, r, n, t in session.execute(
            select(
                ValueTotal.year,
                ValueTotal.key,
                func.sum(ValueTotal.rows),
                func.sum(ValueTotal.numbers),
                func.sum(ValueTotal.total),
            ).group_by(ValueTotal.year, ValueTotal.key)
        )
        if r
    }
    return years, values


def _counted(
    session: Session,
) -> tuple[dict[int, tuple[int, int]], dict[tuple[int, str], tuple[int, int, float]]]:
    years: dict[int, tuple[int, int]] = {}
    for year, ok in session.execute(select(ReportRow.year, ReportRow.checks_ok).where(ReportRow.is_current)):
        r, f = years.get(year, (0, 0))
        years[year] = (r + 1, f + (not ok))
    values: dict[tuple[int, str], tuple[int, int, float]] = {}
    for (_, year, key), value in figures(session).items():
        r, n, t = values.get((year, key), (0, 0, 0.0))
        values[(year, key)] = (r + 1, n + (value is not None), t + (value or 0.0))
    return years, values


def _agree(
    sessions: sessionmaker[Session],
) -> tuple[dict[int, tuple[int, int]], dict[tuple[int, str], tuple[int, int, float]]]:
    with sessions() as session:
        kept, counted = _kept(session), _counted(session)
    assert kept == counted
    return counted


def test_totals_follow_every_write(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    try:
        first = _store(sessions, _report("甲市财政局", 2021, 5, failing=True), "a")
        _store(sessions, _report("乙市财政局", 2021, None), "b")
        years, values = _agree(sessions)
        assert years == {2021: (2, 1)}
        assert values[(2021, "t3.new.total")] == (2, 1, 5.0)
        assert values[(2021, "t3.granted.total")] == (2, 2, 3.0)
        second = _store(sessions, _report("甲市财政局", 2021, 8), "c")  # a new version, now passing
        years, values = _agree(sessions)
        assert years == {2021: (2, 0)}
        assert values[(2021, "t3.new.total")] == (2, 1, 8.0)
        with sessions.begin() as session:  # a batch: two versions of one report, and a new year
            store_reports(
                session,
                [
                    StoreItem(_report("乙市财政局", 2021, 3, failing=True), _source("d"), "乙市财政局"),
                    StoreItem(_report("乙市财政局", 2021, 4, failing=True), _source("e"), "乙市财政局"),
                    StoreItem(_report("丙市财政局", 2022, 2), _source("f"), "丙市财政局"),
                ],
            )
        years, values = _agree(sessions)
        assert years == {2021: (2, 1), 2022: (1, 0)}
        assert values[(2021, "t3.new.total")] == (2, 2, 12.0)
        with sessions.begin() as session:
            assert isinstance(corrections.withdraw(session, second, WHO, NOW), corrections.Corrected)
        assert _agree(sessions)[0] == {2021: (2, 2), 2022: (1, 0)}  # the failing first version is back
        with sessions.begin() as session:
            assert isinstance(corrections.move(session, first, WHO, NOW, year=2022), corrections.Corrected)
        years, values = _agree(sessions)
        assert years == {2021: (1, 1), 2022: (2, 1)}
        with sessions() as session:
            assert year_reports(session, 2022) == (2, 1)
            kept = key_total(session, 2022, "t3.new.total")
            assert (kept.rows, kept.numbers, kept.total) == (2, 2, 7.0)
        with sessions.begin() as session:  # a rebuild deletes and refills every row
            current_values.rebuild(session.connection())
        assert _agree(sessions)[1] == values
        with sessions.begin() as session:
            session.execute(delete(CurrentValue).where(CurrentValue.year == 2021))
            session.execute(delete(CurrentMark).where(CurrentMark.year == 2021))
        assert (2021, "t3.new.total") not in _agree(sessions)[1]
    finally:
        engine.dispose()


def test_migration_fills_the_totals(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        upgrade(engine)
        _store(sessions, _report("甲市财政局", 2021, 5, failing=True), "a")
        _store(sessions, _report("甲市财政局", 2021, 6), "b")
        _store(sessions, _report("乙市财政局", 2022, None), "c")
        expected = _agree(sessions)
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0014_current_values_no_fk")
            # Written while no trigger kept the totals: the migration counts it too.
            connection.execute(text("UPDATE reports SET checks_ok = true"))
        upgrade(engine)
        years, values = _agree(sessions)
        assert years == {2021: (1, 0), 2022: (1, 0)}
        assert values == expected[1]
    finally:
        engine.dispose()


def test_rankings_reach_the_zeros_the_index_leaves_out(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    figures = {"甲局": 0.0, "乙局": 3.0, "丙局": 0.0, "丁局": -2.0, "戊局": None, "己局": 3.0, "庚局": 0.0}
    try:
        for i, (agency, value) in enumerate(figures.items()):
            _store(sessions, _report(agency, 2021, value), "abcdefg"[i])
        held = [(a, v) for a, v in figures.items() if v is not None]
        with sessions() as session:
            for descending in (True, False):
                ranked = sorted(held, key=lambda av: (-av[1] if descending else av[1], av[0]))
                for limit in (1, 2, 3, 4, 6, 10):
                    top, summary = year_top(
                        session, 2021, ["t3.new.total"], limit=limit, descending=descending
                    )
                    assert top == ranked[:limit], (descending, limit)
            assert (summary.reports, summary.with_number, summary.blank, summary.total) == (7, 6, 1, 4.0)
            assert key_total(session, 2021, "t3.new.total").zeros == 3
    finally:
        engine.dispose()
