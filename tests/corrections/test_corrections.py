"""Issue 16 part 6: corrections — another agency or year for a stored report, a version withdrawn,
every change recorded with who and when, old values kept."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.core.corrections import ApplyFix, FixOutcome, ListVersions, parse_fix_args, run_fix
from bot.core.ingest import IngestOutcome, IngestRequest, ingest
from bot.core.services import Services
from bot.main import main as cli_main
from parsing import Report
from storage.corrections import Action, Refusal, Who, corrections
from storage.models import CellRow, CheckRow, ReportRow
from tests.factories import make_report
from tests.reminders.support import TZ

AGENCY = "威海市文登区科学技术局"
NOW = datetime(2026, 11, 29, 10, tzinfo=TZ)
ADMIN = Who(7001, "张三", "telegram")


def _parser(report: Report) -> Any:
    def parse(data: bytes, filename: str, **_: Any) -> Report:
        return report

    return parse


def _ingest(services: Services, name: str, year: int, tag: str, **cells: float) -> int:
    report = make_report(name, year, cells={k.replace("__", "."): v for k, v in cells.items()})
    result = ingest(services, IngestRequest(tag.encode(), f"{tag}.pdf"), parse=_parser(report))
    assert result.outcome in (IngestOutcome.STORED, IngestOutcome.NEW_VERSION)
    assert result.stored is not None
    return result.stored.report_id


@pytest.fixture
def stored(services: Services) -> dict[str, int]:
    return {
        "v1": _ingest(services, AGENCY, 2021, "v1", t3__new__total=1),
        "v2": _ingest(services, AGENCY, 2021, "v2", t3__new__total=2),
        "y2022": _ingest(services, AGENCY, 2022, "y2022", t3__carried_in__total=5),
    }


def _current(services: Services, year: int) -> list[int]:
    with services.sessions() as session:
        return list(session.scalars(select(ReportRow.id).where(ReportRow.year == year, ReportRow.is_current.is_(True))))


def test_withdraw_restores_the_version_it_replaced_and_keeps_everything(services: Services, stored: dict[str, int]) -> None:
    result = run_fix(services, [str(stored["v2"]), "撤回"], ADMIN, now=NOW)
    assert result.outcome is FixOutcome.DONE and result.corrected is not None
    assert result.corrected.restored_report_id == stored["v1"]
    assert _current(services, 2021) == [stored["v1"]]
    text = result.text()
    assert "已撤回" in text and "第1版" in text and "已记录操作人和时间" in text
    with services.sessions() as session:
        (log,) = corrections(session)
        assert (log.action, log.report_id, log.by_user, log.by_name, log.via) == (
            Action.WITHDRAW, stored["v2"], 7001, "张三", "telegram"
        )
        assert log.at == NOW and log.restored_report_id == stored["v1"] and log.old_year == 2021
        # The withdrawn version keeps its cells: nothing is deleted.
        assert session.scalar(select(func.count()).select_from(CellRow).where(CellRow.report_id == stored["v2"]))
    again = run_fix(services, [str(stored["v2"]), "撤回"], ADMIN, now=NOW)
    assert again.refusal is Refusal.ALREADY_WITHDRAWN
    last = run_fix(services, [str(stored["v1"]), "withdraw"], ADMIN, now=NOW)
    assert last.outcome is FixOutcome.DONE and _current(services, 2021) == []  # the withdrawn v2 stays out
    assert "已没有当前报告" in last.text()


def test_change_year_moves_every_version_and_records_old_and_new(services: Services, stored: dict[str, int]) -> None:
    result = run_fix(services, [str(stored["v2"]), "年度", "2020"], ADMIN, now=NOW)
    assert result.outcome is FixOutcome.DONE
    assert _current(services, 2020) == [stored["v2"]] and _current(services, 2021) == []
    with services.sessions() as session:
        years = set(session.scalars(select(ReportRow.year).where(ReportRow.id.in_([stored["v1"], stored["v2"]]))))
        assert years == {2020}
        (log,) = corrections(session)
        assert (log.action, log.old_year, log.new_year, log.old_agency, log.new_agency) == (
            Action.YEAR, 2021, 2020, AGENCY, AGENCY
        )
        # 2022's cross-year rows named the 2021 report: recomputed (nothing left to compare with).
        rows = session.scalars(
            select(CheckRow.rule).where(CheckRow.report_id == stored["y2022"], CheckRow.rule.startswith("cross."))
        ).all()
        assert rows == []
    assert "从“威海市文登区科学技术局 2021年”改为“威海市文登区科学技术局 2020年”" in result.text()


def test_change_agency_and_refusals(services: Services, stored: dict[str, int]) -> None:
    moved = run_fix(services, [str(stored["y2022"]), "单位", "威海市文登区教育局"], ADMIN, now=NOW)
    assert moved.outcome is FixOutcome.DONE and moved.corrected is not None
    assert moved.corrected.report.agency == "威海市文登区教育局"
    with services.sessions() as session:
        (log,) = corrections(session)
        assert (log.old_agency, log.new_agency) == (AGENCY, "威海市文登区教育局")
    taken = run_fix(services, [str(stored["y2022"]), "单位", AGENCY], ADMIN, now=NOW)
    assert taken.outcome is FixOutcome.DONE  # back again: 2022 is free for 科技局
    clash = run_fix(services, [str(stored["y2022"]), "年度", "2021"], ADMIN, now=NOW)
    assert clash.refusal is Refusal.TARGET_TAKEN and "请先撤回" in clash.text()
    assert run_fix(services, [str(stored["v1"]), "年度", "2021"], ADMIN, now=NOW).refusal is Refusal.SAME
    assert run_fix(services, ["99999", "撤回"], ADMIN, now=NOW).refusal is Refusal.NO_REPORT
    assert run_fix(services, [str(stored["v1"]), "年度", "2099"], ADMIN, now=NOW).outcome is FixOutcome.BAD_YEAR


def test_listing_versions(services: Services, stored: dict[str, int]) -> None:
    result = run_fix(services, ["文登科技局", "2021"], ADMIN, now=NOW)
    assert result.outcome is FixOutcome.LISTED
    assert [v.report_id for v in result.versions] == [stored["v2"], stored["v1"]]
    assert "（当前）" in result.text()
    assert run_fix(services, ["火星局"], ADMIN, now=NOW).outcome is FixOutcome.UNKNOWN_AGENCY


def test_fix_words() -> None:
    assert parse_fix_args(["12", "撤回"]) == ApplyFix(12, Action.WITHDRAW)
    assert parse_fix_args(["12", "年度", "2022年"]) == ApplyFix(12, Action.YEAR, year=2022)
    assert parse_fix_args(["12", "单位", "威海市", "文登区教育局"]) == ApplyFix(12, Action.AGENCY, agency="威海市文登区教育局")
    assert parse_fix_args(["文登科技局", "2021"]) == ListVersions("文登科技局", 2021)
    assert parse_fix_args(["12", "年度"]) is None
    assert parse_fix_args([]) is None


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_nianbao_fix(services: Services, stored: dict[str, int], db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["fix", "文登科技局", "--db", db_url]) == 0
    assert f"{stored['v2']} · 2021年 · 第2版（当前）" in capsys.readouterr().out
    assert cli_main(["fix", str(stored["v2"]), "撤回", "--by", "李四", "--db", db_url]) == 0
    assert "已撤回" in capsys.readouterr().out
    assert cli_main(["fix", "log", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert "李四（cli）撤回" in out
    assert cli_main(["fix", "--db", db_url]) == 2
