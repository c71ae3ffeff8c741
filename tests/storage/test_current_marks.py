"""Migration 0017 (issue 14): zeros and blanks are current_marks keys, not current_values rows, and
every year-wide answer tells 0, blank and absent apart as before: ranking (zeros by name), sums,
counts, several-key figures, combinations, corrections, rebuilds and the conversion itself."""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import command
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session, sessionmaker

from parsing.model import Fact, Report
from storage import corrections, current_values
from storage.corrections import Who
from storage.current_tables import CurrentMark, CurrentValue
from storage.db import make_engine, make_sessionmaker
from storage.migrate import alembic_config, upgrade
from storage.models import Agency
from storage.reports import SourceInfo, store_report
from storage.totals import key_total
from storage.year_queries import year_summary, year_top
from tests.storage.figures import figures

NOW = datetime(2026, 1, 20, tzinfo=UTC)
WHO = Who(user_id=1, name="admin", via="cli")
KEY = "t3.new.total"

# agency -> its report's t3.new.total (absent: the report has no such cell) and other cells.
CASES: dict[str, dict[str, float | None]] = {
    "甲局": {KEY: 0.0, "t3.granted.total": 2.0},
    "乙局": {KEY: 3.0, "t3.granted.total": 0.0},
    "丙局": {KEY: None, "t3.granted.total": None},
    "丁局": {"t3.granted.total": 1.0},  # absent
    "戊局": {KEY: 0.0, "t3.granted.total": 0.0},
    "己局": {KEY: 7.0, "t3.granted.total": 0.0},
}


def _store(
    sessions: sessionmaker[Session],
    agency: str,
    cells: dict[str, float | None],
    sha: str,
    facts: tuple[tuple[str, float], ...] = (),
) -> int:
    report = Report(
        agency=agency, year=2021, template="2021", published_on=None, cells=cells,
        facts=[Fact(key=k, value=v, unit="件", source="无依申请") for k, v in facts],
    )  # fmt: skip
    with sessions.begin() as session:
        return store_report(
            session, report=report, source=SourceInfo(sha * 64, f"f/{sha}", "r.pdf", 1), agency_name=agency
        ).report_id


def _named(sessions: sessionmaker[Session]) -> dict[tuple[str, int, str], float | None]:
    with sessions() as session:
        names = {i: n for i, n in session.execute(select(Agency.id, Agency.name))}
        return {(names[a], y, k): v for (a, y, k), v in figures(session).items()}


def _setup(db_url: str) -> tuple[Engine, sessionmaker[Session]]:
    engine = make_engine(db_url)
    upgrade(engine)
    sessions = make_sessionmaker(engine)
    for i, (agency, cells) in enumerate(CASES.items()):
        _store(sessions, agency, cells, "abcdef"[i])
    # 无依申请: a prose 0 and no table-3 cell; answered 0 through the combination 收到申请.
    _store(sessions, "庚局", {}, "g", facts=(("applications.received", 0.0),))
    return engine, sessions


def test_zeros_and_blanks_are_marks_and_answers_keep_them_apart(db_url: str) -> None:
    engine, sessions = _setup(db_url)
    try:
        with sessions() as session:
            rows = session.scalars(select(CurrentValue.value)).all()
            assert rows and all(v for v in rows)  # only non-zero numbers are rows
            assert session.scalar(select(func.count()).select_from(CurrentMark)) == 6  # 己局 too: a 0
        held = _named(sessions)
        assert held[("甲局", 2021, KEY)] == 0.0
        assert held[("丙局", 2021, KEY)] is None
        assert ("丁局", 2021, KEY) not in held
        assert held[("庚局", 2021, "applications.received")] == 0.0
        assert held[("庚局", 2021, "=t3.new.total")] == 0.0  # the prose's 0 answers 收到申请
        with sessions() as session:
            top, summary = year_top(session, 2021, [KEY], descending=False)
            assert [v for _, v in top] == [0.0, 0.0, 3.0, 7.0]
            assert {n for n, v in top if v == 0} == {"甲局", "戊局"} and top[2:] == [("乙局", 3.0), ("己局", 7.0)]
            assert (summary.reports, summary.with_number, summary.blank, summary.missing, summary.total) == (
                7, 4, 1, 2, 10.0,
            )  # fmt: skip
            down, _ = year_top(session, 2021, [KEY], limit=3)
            assert [v for _, v in down] == [7.0, 3.0, 0.0]
            kept = key_total(session, 2021, KEY)
            assert (kept.rows, kept.numbers, kept.zeros, kept.total) == (5, 4, 2, 10.0)
            # 收到申请 (t3.new.total, else the prose): 庚局's 0 counts as a number, 丁局 holds neither.
            asked, asked_summary = year_top(session, 2021, [KEY, "applications.received"], descending=False)
            assert [v for _, v in asked] == [0.0, 0.0, 0.0, 3.0, 7.0]
            assert (asked_summary.with_number, asked_summary.blank, asked_summary.missing) == (5, 1, 1)
            # Several keys not kept as one: expanded from the marks, zeros and blanks included.
            both = year_summary(session, 2021, [], [KEY, "t3.granted.total"])
            assert (both.with_number, both.blank, both.missing, both.total) == (4, 1, 2, 12.0)
            either, _ = year_top(session, 2021, ["t3.granted.total", KEY], descending=False, limit=10)
            assert sorted(v for _, v in either) == [0.0, 0.0, 0.0, 1.0, 2.0]
    finally:
        engine.dispose()


def test_a_moved_report_takes_its_zeros_and_a_rebuild_writes_the_same(db_url: str) -> None:
    engine, sessions = _setup(db_url)
    try:
        report_id = _store(sessions, "戊局", {KEY: 0.0, "t3.granted.total": None}, "h")  # a new version
        with sessions.begin() as session:
            assert isinstance(corrections.move(session, report_id, WHO, NOW, year=2022), corrections.Corrected)
        held = _named(sessions)  # every version moves: 2021 keeps no figure of 戊局
        assert held[("戊局", 2022, KEY)] == 0.0 and held[("戊局", 2022, "t3.granted.total")] is None
        assert not [k for k in held if k[:2] == ("戊局", 2021)]
        with sessions() as session:
            kept = key_total(session, 2022, KEY)
            assert (kept.rows, kept.numbers, kept.zeros) == (1, 1, 1)
            assert key_total(session, 2021, KEY).zeros == 1  # 甲局's
            top, _ = year_top(session, 2022, [KEY], descending=False)
            assert top == [("戊局", 0.0)]
            top, _ = year_top(session, 2021, [KEY], descending=False, limit=2)
            assert top == [("甲局", 0.0), ("乙局", 3.0)]
        with sessions.begin() as session:  # the version it replaced is current again, in 2022
            assert isinstance(corrections.withdraw(session, report_id, WHO, NOW), corrections.Corrected)
        assert _named(sessions)[("戊局", 2022, "t3.granted.total")] == 0.0
        with sessions() as session:
            kept = key_total(session, 2022, "t3.granted.total")
            assert (kept.rows, kept.numbers, kept.zeros) == (1, 1, 1)
        before = _named(sessions)
        with sessions.begin() as session:
            current_values.rebuild(session.connection())
        assert _named(sessions) == before
    finally:
        engine.dispose()


def test_migration_moves_zero_and_blank_rows_into_marks_and_back(db_url: str) -> None:
    engine, sessions = _setup(db_url)
    try:
        before = _named(sessions)
        with sessions() as session:
            totals = key_total(session, 2021, KEY)
        with engine.begin() as connection:
            config = alembic_config()
            config.attributes["connection"] = connection
            command.downgrade(config, "0016_totals_fillfactor")
        with engine.connect() as connection:  # a row per figure again, 0 and blank included
            rows = connection.execute(select(CurrentValue.key, CurrentValue.value)).all()
            assert (KEY, 0.0) in rows and (KEY, None) in rows and len(rows) == len(before)
        upgrade(engine)
        assert _named(sessions) == before
        with sessions() as session:
            assert key_total(session, 2021, KEY) == totals
            top, _ = year_top(session, 2021, [KEY], descending=False, limit=2)
            assert [v for _, v in top] == [0.0, 0.0]
    finally:
        engine.dispose()
