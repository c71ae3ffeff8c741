"""current_values (issue 14) follows the current report through every change: a new report, a new
version, a duplicate, a move to another agency or year, a withdrawal; and the migration fills it."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from parsing.model import Fact, Report
from storage import corrections
from storage.corrections import Who
from storage.db import make_engine, make_sessionmaker
from storage.derived import PREFIX
from storage.migrate import alembic_config, upgrade
from storage.models import Agency
from storage.reports import SourceInfo, store_report
from storage.year_queries import year_summary, year_top
from tests.storage.figures import figures

NOW = datetime(2026, 1, 20, tzinfo=UTC)
WHO = Who(user_id=1, name="admin", via="cli")


def _report(
    agency: str, year: int, new_total: float | None, facts: tuple[tuple[str, float], ...] = ()
) -> Report:
    return Report(
        agency=agency,
        year=year,
        template="2021",
        published_on=None,
        cells={"t3.new.total": new_total, "t3.granted.total": 1},
        facts=[Fact(key=k, value=v, unit="条", source="") for k, v in facts],
    )


def _store(sessions: sessionmaker[Session], report: Report, sha: str) -> int:
    with sessions.begin() as session:
        return store_report(
            session,
            report=report,
            source=SourceInfo(sha * 64, f"f/{sha}", "r.pdf", 1),
            agency_name=report.agency or "",
        ).report_id


def _values(
    sessions: sessionmaker[Session], *, combined: bool = False
) -> dict[tuple[str, int, str], float | None]:
    """(agency, year, key) -> value; the combinations of storage.derived only when asked."""
    with sessions() as session:
        names = {i: n for i, n in session.execute(select(Agency.id, Agency.name))}
        return {
            (names[a], y, k): v
            for (a, y, k), v in figures(session).items()
            if combined or not k.startswith(PREFIX)
        }


def test_values_follow_the_current_report(db_url: str) -> None:
    engine = make_engine(db_url)
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    try:
        first = _store(
            sessions, _report("甲市财政局", 2021, 5, (("proactive.total", 7), ("proactive.total", 9))), "a"
        )
        _store(sessions, _report("乙市财政局", 2021, None), "b")
        assert _values(sessions) == {
            ("甲市财政局", 2021, "t3.new.total"): 5.0,
            ("甲市财政局", 2021, "t3.granted.total"): 1.0,
            ("甲市财政局", 2021, "proactive.total"): 7.0,  # the first fact of a key, as answers show
            ("乙市财政局", 2021, "t3.new.total"): None,  # blank
            ("乙市财政局", 2021, "t3.granted.total"): 1.0,
        }
        combined = {k: v for k, v in _values(sessions, combined=True).items() if k[2].startswith(PREFIX)}
        # 收到申请: the table's figure; held but blank when the table leaves it blank and no prose says it.
        assert combined == {
            ("甲市财政局", 2021, "=t3.new.total"): 5.0,
            ("乙市财政局", 2021, "=t3.new.total"): None,
        }
        _store(sessions, _report("甲市财政局", 2021, 5), "a")  # the same bytes: nothing changes
        second = _store(sessions, _report("甲市财政局", 2021, 8), "c")  # a new version replaces the figures
        values = _values(sessions)
        assert values[("甲市财政局", 2021, "t3.new.total")] == 8.0
        assert ("甲市财政局", 2021, "proactive.total") not in values
        with sessions() as session:
            top, summary = year_top(session, 2021, ["t3.new.total"])
            assert top == [("甲市财政局", 8.0)]
            assert (summary.reports, summary.with_number, summary.blank, summary.total) == (2, 1, 1, 8.0)
            both = year_summary(session, 2021, [], ["t3.new.total", "t3.granted.total"])
            assert (both.with_number, both.blank, both.total) == (1, 1, 9.0)

        with sessions.begin() as session:  # withdrawn: the version it replaced is current again
            assert isinstance(corrections.withdraw(session, second, WHO, NOW), corrections.Corrected)
        assert _values(sessions)[("甲市财政局", 2021, "proactive.total")] == 7.0
        with sessions.begin() as session:  # moved to another year: the figures move along
            assert isinstance(corrections.move(session, first, WHO, NOW, year=2022), corrections.Corrected)
        values = _values(sessions)
        assert values[("甲市财政局", 2022, "t3.new.total")] == 5.0
        assert not [k for k in values if k[0] == "甲市财政局" and k[1] == 2021]
        with sessions.begin() as session:
            assert isinstance(
                corrections.move(session, first, WHO, NOW, agency_name="丙市财政局"), corrections.Corrected
            )
        assert _values(sessions)[("丙市财政局", 2022, "t3.new.total")] == 5.0
        assert not [k for k in _values(sessions) if k[0] == "甲市财政局"]
    finally:
        engine.dispose()


def test_migration_fills_the_table_from_current_reports(db_url: str) -> None:
    engine = make_engine(db_url)
    sessions = make_sessionmaker(engine)
    try:
        upgrade(engine)
        _store(sessions, _report("甲市财政局", 2021, 5, (("proactive.total", 7),)), "a")
        _store(sessions, _report("甲市财政局", 2021, 6), "b")
        _store(sessions, _report("乙市财政局", 2021, None, (("applications.received", 4),)), "c")
        expected = _values(sessions, combined=True)
        assert expected[("乙市财政局", 2021, "=t3.new.total")] == 4.0  # the prose fills the blank cell
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0009_ocr_and_source_url")
        upgrade(engine)
        assert _values(sessions, combined=True) == expected  # the migrations compute what the ingest does
        assert expected[("甲市财政局", 2021, "t3.new.total")] == 6.0
    finally:
        engine.dispose()
