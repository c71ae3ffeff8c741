"""store_report: new, duplicate, new version with changes, history kept (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from bot.core.services import Services
from storage.cells import cell_values, cells_of
from storage.models import Agency, CellRow, CheckRow, FactRow, ReportRow, SourceFile
from storage.reports import PUBLISHED_ON, SourceInfo, StoreOutcome, ValueChange, diff_values, store_report
from tests.factories import make_report


def _source(sha: str, name: str = "report.pdf") -> SourceInfo:
    return SourceInfo(sha256=sha * 64, path=f"files/{sha}", original_name=name, size=10, kind="pdf", chat_id=-100)


def _store(services: Services, sha: str, **report_kwargs: object):  # type: ignore[no-untyped-def]
    report = make_report(**report_kwargs)  # type: ignore[arg-type]
    with services.sessions.begin() as session:
        return store_report(session, report=report, source=_source(sha), agency_name=report.agency or "")


def _count(services: Services, model: type) -> int:
    with services.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_new_report_stores_cells_facts_checks_with_provenance(services: Services) -> None:
    result = _store(services, "a", cells={"t3.new.total": 3, "t2.fees.amount": 0.0375, "t3.new.legal": None})
    assert result.outcome is StoreOutcome.NEW and result.version == 1 and result.changes == ()
    with services.sessions() as session:
        row = session.get(ReportRow, result.report_id)
        assert row is not None and row.is_current and row.template == "2021"
        assert row.published_on == date(2022, 1, 27) and row.received_at.tzinfo is not None
        assert row.agency.name == "威海市文登区科学技术局" and row.agency.region == "威海市/文登区"
        cells = cells_of(session, [row.id], ["t3.new.total", "t2.fees.amount", "t3.new.legal"])[row.id]
        assert cells["t3.new.total"].value == 3 and cells["t3.new.total"].raw == "3"
        assert cells["t2.fees.amount"].value == 0.0375  # 万元 amounts are not rounded
        assert cells["t3.new.legal"].value is None  # blank stays blank, not 0
        assert cells["t3.new.total"].page == 1 and cells["t3.new.total"].table == 1
        assert [(f.key, f.value, f.unit) for f in row.facts] == [("proactive.total", 253, "条")]
        assert [(c.rule, c.status) for c in row.checks] == [("t3.balance", "pass")]
        assert row.checks_ok
        assert row.source_file.chat_id == -100


def test_same_file_again_is_a_duplicate_and_stores_nothing(services: Services) -> None:
    first = _store(services, "a")
    counts = [_count(services, m) for m in (ReportRow, CellRow, FactRow, CheckRow, SourceFile, Agency)]
    again = _store(services, "a", cells={"t3.new.total": 9})
    assert again.outcome is StoreOutcome.DUPLICATE and again.report_id == first.report_id
    assert [_count(services, m) for m in (ReportRow, CellRow, FactRow, CheckRow, SourceFile, Agency)] == counts


def test_different_file_becomes_current_and_keeps_history(services: Services) -> None:
    first = _store(services, "a")
    second = _store(
        services, "b", cells={"t3.new.total": 2, "t3.new.natural_person": 2}, facts={"proactive.total": 260}
    )
    assert second.outcome is StoreOutcome.NEW_VERSION
    assert second.version == 2 and second.previous_report_id == first.report_id
    assert second.changes == (
        ValueChange("t3.new.natural_person", 0, 2),
        ValueChange("t3.new.total", 0, 2),
        ValueChange("proactive.total", 253, 260),
    )
    with services.sessions() as session:
        old, new = session.get(ReportRow, first.report_id), session.get(ReportRow, second.report_id)
        assert old is not None and new is not None
        assert not old.is_current and new.is_current and new.supersedes_id == old.id
        assert new.changes == ["t3.new.natural_person 0 -> 2", "t3.new.total 0 -> 2", "proactive.total 253 -> 260"]
        assert [ValueChange.from_stored(c) for c in new.changes] == list(second.changes)
        # The old version keeps its own values.
        assert cell_values(session, old.id)["t3.new.total"] == 0
    third = _store(services, "c")
    assert third.version == 3 and third.changes[-1] == ValueChange("proactive.total", 260, 253)
    with services.sessions() as session:
        current = session.scalars(select(ReportRow.id).where(ReportRow.is_current.is_(True))).all()
        assert current == [third.report_id]
        assert _count(services, ReportRow) == 3


def test_other_year_or_agency_is_a_separate_report(services: Services) -> None:
    assert _store(services, "a").outcome is StoreOutcome.NEW
    assert _store(services, "b", year=2022).outcome is StoreOutcome.NEW
    assert _store(services, "c", agency="威海市环翠区科学技术局").outcome is StoreOutcome.NEW
    with services.sessions() as session:
        assert session.scalar(select(func.count()).where(ReportRow.is_current.is_(True))) == 3


def test_failed_checks_are_stored_and_flagged(services: Services) -> None:
    from parsing.model import Check, CheckStatus

    result = _store(services, "a", checks=[Check("t3.balance", CheckStatus.FAIL, "1+0 ≠ 0+0"), Check("t4.sums", CheckStatus.PASS, "")])
    with services.sessions() as session:
        row = session.get(ReportRow, result.report_id)
        assert row is not None and not row.checks_ok
        assert {(c.rule, c.status) for c in row.checks} == {("t3.balance", "fail"), ("t4.sums", "pass")}


def test_diff_values_formats_blanks_and_dates() -> None:
    changes = diff_values(
        {"t3.new.total": 1.0, "t3.new.legal": None},
        {"t3.new.total": 1, "t3.new.legal": 0},
        {},
        {"proactive.total": 5},
        date(2022, 1, 1),
        None,
    )
    assert changes == [
        ValueChange(PUBLISHED_ON, date(2022, 1, 1), None),
        ValueChange("t3.new.legal", None, 0),
        ValueChange("proactive.total", None, 5),
    ]
    assert [c.stored() for c in changes] == [
        "published_on 2022-01-01 -> 空",
        "t3.new.legal 空 -> 0",
        "proactive.total 空 -> 5",
    ]
    assert [ValueChange.from_stored(c.stored()) for c in changes] == changes
