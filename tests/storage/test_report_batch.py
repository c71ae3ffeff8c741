"""store_reports, the batch path (issue 14): store_report's meaning for every item, on SQLite and PostgreSQL."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from sqlalchemy import func, select

from bot.core.services import Services
from bot.core.store_group import GroupStore, store_batch
from parsing.warnings import ParseWarning, WarningCode
from storage.cells import cell_values
from storage.db import make_engine, make_sessionmaker
from storage.models import Agency, ReportRow, SourceFile
from storage.report_batch import StoreItem, store_reports
from storage.reports import SourceInfo, StoreOutcome
from tests.conftest import make_settings
from tests.factories import make_report
from tests.storage.figures import figures


def _item(sha: str, agency: str = "威海市文登区科学技术局", year: int = 2021, total: int = 3) -> StoreItem:
    report = make_report(agency=agency, year=year, cells={"t3.new.total": total})
    return StoreItem(report, SourceInfo(sha.ljust(64, "0"), f"f/{sha}", "r.pdf", 1, "pdf"), agency)


def _store(services: Services, items: list[StoreItem]):  # type: ignore[no-untyped-def]
    with services.sessions.begin() as session:
        return store_reports(session, items)


def _values(services: Services, agency_id: int, year: int) -> dict[str, float | None]:
    with services.sessions() as session:
        return {k: v for (_, _, k), v in figures(session, agency_id, year).items()}


def test_a_batch_stores_each_report_with_its_agency(services: Services) -> None:
    items = [_item("a", year=2020), _item("b", year=2021), _item("c", agency="威海市环翠区科学技术局")]
    results = _store(services, items)
    assert [r.outcome for r in results] == [StoreOutcome.NEW] * 3
    assert results[0].agency_id == results[1].agency_id != results[2].agency_id
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Agency)) == 2
        assert cell_values(session, results[2].report_id)["t3.new.total"] == 3
    assert _values(services, results[2].agency_id, 2021)["t3.new.total"] == 3


def test_the_same_bytes_twice_in_a_batch_is_a_duplicate_of_the_first(services: Services) -> None:
    first, again = _store(services, [_item("a"), _item("a", total=9)])
    assert first.outcome is StoreOutcome.NEW
    assert again.outcome is StoreOutcome.DUPLICATE and again.report_id == first.report_id
    assert again.previous_received_at is not None
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(ReportRow)) == 1
        assert session.scalar(select(func.count()).select_from(SourceFile)) == 1


def test_a_file_stored_before_is_a_duplicate_in_a_batch(services: Services) -> None:
    (first,) = _store(services, [_item("a")])
    again, other = _store(services, [_item("a", total=9), _item("b", year=2020)])
    assert again.outcome is StoreOutcome.DUPLICATE and again.report_id == first.report_id
    assert again.agency_name == "威海市文登区科学技术局" and again.version == 1
    assert other.outcome is StoreOutcome.NEW


def test_a_new_version_in_the_batch_of_its_predecessor(services: Services) -> None:
    (old,) = _store(services, [_item("a", total=1)])
    second, third = _store(services, [_item("b", total=2), _item("c", total=5)])
    assert second.outcome is third.outcome is StoreOutcome.NEW_VERSION
    assert (second.version, third.version) == (2, 3)
    assert second.previous_report_id == old.report_id and third.previous_report_id == second.report_id
    assert [(c.key, c.old, c.new) for c in third.changes] == [("t3.new.total", 2, 5)]
    with services.sessions() as session:
        current = session.scalars(select(ReportRow.id).where(ReportRow.is_current.is_(True))).all()
        assert current == [third.report_id]
    assert _values(services, third.agency_id, 2021)["t3.new.total"] == 5


def test_store_batch_gives_each_report_its_cross_year_checks(services: Services) -> None:
    stored = store_batch(services, [_item("a", year=2020), _item("b", year=2021)])
    assert [r.outcome for r, _ in stored] == [StoreOutcome.NEW, StoreOutcome.NEW]


def test_group_store_stores_one_alone(services: Services) -> None:
    result, _cross = GroupStore(services).store(_item("a"))
    assert result.outcome is StoreOutcome.NEW


def _store_in_process(args: tuple[str, str, int]) -> list[str]:
    url, data_dir, first = args
    services = Services.open(make_settings(Path(data_dir), url), migrate=False)
    try:
        outcomes = []
        for round_ in range(4):
            items = [
                _item(
                    f"{first:02x}{round_:02x}{i:02x}",
                    agency=f"第{i}号测试单位",
                    year=2019 + round_ % 3,
                    total=first,
                )
                for i in range(12)
            ]
            outcomes += [r.outcome.value for r, _ in store_batch(services, items)]
        return outcomes
    finally:
        services.close()


def test_two_processes_storing_batches_of_the_same_agencies(services: Services, tmp_path: Path) -> None:
    url = services.engine.url.render_as_string(hide_password=False)
    jobs = [(url, str(services.data_dir), first) for first in (1, 2)]
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        outcomes = pool.map(_store_in_process, jobs)
    assert sorted(o for per in outcomes for o in per).count("duplicate") == 0
    engine = make_engine(url)
    with make_sessionmaker(engine)() as session:
        assert session.scalar(select(func.count()).select_from(Agency)) == 12
        assert session.scalar(select(func.count()).select_from(ReportRow)) == 96
        current = session.execute(
            select(ReportRow.agency_id, ReportRow.year, func.count())
            .where(ReportRow.is_current.is_(True))
            .group_by(ReportRow.agency_id, ReportRow.year)
        ).all()
        assert len(current) == 36 and all(n == 1 for _, _, n in current)
        # current_values hold the current report's figures, once per (agency, year)
        for agency_id, year, _ in current:
            report = session.scalar(
                select(ReportRow.id).where(
                    ReportRow.agency_id == agency_id, ReportRow.year == year, ReportRow.is_current.is_(True)
                )
            )
            total = cell_values(session, report)["t3.new.total"]
            assert _values_of(session, agency_id, year) == total
    engine.dispose()


def _values_of(session, agency_id: int, year: int) -> float | None:  # type: ignore[no-untyped-def]
    return figures(session, agency_id, year)[(agency_id, year, "t3.new.total")]


def test_a_batch_finds_agencies_as_one_store_at_a_time_would(services: Services) -> None:
    (stored,) = _store(services, [_item("a", agency="威海市文登区科学技术局", year=2019)])
    results = _store(
        services,
        [
            _item("b", agency="洪泽区人民政府"),
            _item("c", agency="淮安市洪泽区人民政府", year=2020),  # the longer spelling of b's, same batch
            _item("d", agency="文登区科学技术局", year=2020),  # a shorter spelling of a stored one
            _item("e", agency="新设测试单位"),
            _item("f", agency="威海市文登区科学技术局", year=2021),
            _item("g", agency="济南市历下区教育局"),  # new, nobody's other spelling: created with the batch
        ],
    )
    assert results[0].agency_id == results[1].agency_id and results[1].agency_name == "淮安市洪泽区人民政府"
    assert results[2].agency_id == results[4].agency_id == stored.agency_id
    with services.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Agency)) == 4
        new = session.scalar(select(Agency).where(Agency.name == "新设测试单位"))
        assert new is not None and new.created_at is not None
        lixia = session.scalar(select(Agency).where(Agency.name == "济南市历下区教育局"))
        assert lixia is not None and lixia.region == "济南市/历下区"
        assert "历下教育局" in {a.alias for a in lixia.aliases}


def test_group_store_batches_what_arrives_while_it_stores(services: Services) -> None:
    import threading

    group = GroupStore(services, max_batch=2)
    sizes: list[int] = []
    real = store_batch

    def counting(services_: Services, items: list[StoreItem]):  # type: ignore[no-untyped-def]
        sizes.append(len(items))
        return real(services_, items)

    import bot.core.store_group as module

    original, module.store_batch = module.store_batch, counting  # type: ignore[assignment]
    try:
        results: dict[int, StoreOutcome] = {}

        def one(i: int) -> None:
            results[i] = group.store(_item(f"{i:02x}", agency=f"第{i}号测试单位"))[0].outcome

        threads = [threading.Thread(target=one, args=(i,)) for i in range(7)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        module.store_batch = original  # type: ignore[assignment]
    assert results == dict.fromkeys(range(7), StoreOutcome.NEW)
    assert sum(sizes) == 7 and max(sizes) <= 2


def test_the_superseded_report_reads_as_not_current_in_the_same_session(services: Services) -> None:
    with services.sessions.begin() as session:
        (old,) = store_reports(session, [_item("a")])
        row = session.get(ReportRow, old.report_id)
        assert row is not None and row.is_current
        store_reports(session, [_item("b", total=7)])
        assert row.is_current is False


def test_a_warning_holding_a_figure_beyond_64_bits_is_stored_like_any_other(services: Services) -> None:
    # orjson refuses ints over 64 bits; the batch must not fail for one printed in a report
    huge = 10**20
    report = make_report(
        agency="威海市文登区科学技术局",
        year=2021,
        cells={"t3.new.total": 3},
        warnings=(ParseWarning.of(WarningCode.CELL_TOO_LARGE, key="t3.new.total", length=huge),),
    )
    item = StoreItem(report, SourceInfo("h".ljust(64, "0"), "f/h", "r.pdf", 1, "pdf"), "威海市文登区科学技术局")
    [result] = _store(services, [item])
    assert result.outcome == StoreOutcome.NEW
    with services.sessions() as session:
        stored = session.get(ReportRow, result.report_id)
        assert stored is not None and stored.warnings[0]["length"] == huge
