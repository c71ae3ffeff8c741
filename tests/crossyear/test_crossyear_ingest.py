"""Issue 16 part 1 and 2: two consecutive years of a seed agency on ingest, and a draft checked, not stored."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.core.crossyear import CrossRule, CrossStatus
from bot.core.draft import DraftOutcome, DraftRequest, check_draft
from bot.core.ingest import IngestOutcome, IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from bot.main import main as cli_main
from parsing import Report, parse_report
from parsing.schema import T3_COLUMNS
from storage.models import CellRow, CheckRow, ReportRow, SourceFile
from tests.factories import make_report

SEED_2021 = Path(__file__).resolve().parents[1] / "samples" / "seeds" / "000_32627ba4512e0993.txt"
AGENCY = "威海市文登区科学技术局"


def _parser(report: Report) -> Any:
    def parse(data: bytes, filename: str, **_: Any) -> Report:
        return report

    return parse


def _seed(services: Services) -> Report:
    result = ingest(services, IngestRequest(SEED_2021.read_bytes(), "文登科技局2021.txt"), parse=parse_report)
    assert result.outcome is IngestOutcome.STORED, ingest_reply(result, html=False)
    assert result.report is not None and result.report.agency == AGENCY
    return result.report


def _next_year(seed: Report, **changes: float) -> Report:
    """The seed agency's 2022 report, carrying over exactly what 2021 left, plus `changes`."""
    carried = {f"t3.carried_in.{c}": seed.cells.get(f"t3.carried_out.{c}") for c in T3_COLUMNS}
    # Nothing made or repealed in 2022 (the factory's zeros): 现行有效 stays as 2021 left it.
    carried.update({f"t2.{i}.in_force": seed.cells.get(f"t2.{i}.in_force") for i in ("rules", "normative")})
    carried.update({k.replace("__", "."): v for k, v in changes.items()})
    return make_report(AGENCY, 2022, cells=carried)


def _cross_rows(services: Services, year: int) -> list[tuple[str, str, str]]:
    with services.sessions() as session:
        return [
            (r.rule, r.status, r.detail)
            for r in session.scalars(
                select(CheckRow)
                .join(ReportRow, ReportRow.id == CheckRow.report_id)
                .where(ReportRow.year == year, ReportRow.is_current.is_(True), CheckRow.rule.startswith("cross."))
            )
        ]


def test_carry_over_matches_over_two_consecutive_years(services: Services) -> None:
    seed = _seed(services)
    result = ingest(services, IngestRequest(b"2022 v1", "文登科技局2022.pdf"), parse=_parser(_next_year(seed)))
    assert result.outcome is IngestOutcome.STORED
    carry = next(c for c in result.cross_checks if c.rule is CrossRule.CARRY_OVER)
    assert carry.status is CrossStatus.PASS
    assert (carry.earlier.year, carry.later.year) == (2021, 2022)
    rows = _cross_rows(services, 2022)
    assert ("cross.carry_over", "pass") in {(r, s) for r, s, _ in rows}
    assert "跨年核对：与上一年度报告一致" in ingest_reply(result, html=False)


def test_planted_mismatch_is_flagged_with_both_reports_named(services: Services) -> None:
    seed = _seed(services)
    planted = _next_year(seed, t3__carried_in__natural_person=3, t3__carried_in__total=3)
    result = ingest(services, IngestRequest(b"2022 planted", "文登科技局2022.pdf"), parse=_parser(planted))
    carry = next(c for c in result.cross_checks if c.rule is CrossRule.CARRY_OVER)
    assert carry.status is CrossStatus.FAIL
    assert {f.later_key for f in carry.problems} == {"t3.carried_in.natural_person", "t3.carried_in.total"}
    (_rule, status, detail), = [r for r in _cross_rows(services, 2022) if r[0] == "cross.carry_over"]
    assert status == "fail"
    assert "文登科技局2021.txt" in detail and "文登科技局2022.pdf" in detail
    assert "2021年度" in detail and "2022年度" in detail
    assert "跨年核对有" in ingest_reply(result, html=False) and "文登科技局2021.txt" in ingest_reply(result, html=False)


def test_earlier_year_arriving_later_updates_the_later_reports_checks(services: Services) -> None:
    seed = parse_report(SEED_2021.read_bytes(), "文登科技局2021.txt")
    planted = _next_year(seed, t3__carried_in__total=9)
    ingest(services, IngestRequest(b"2022 first", "文登科技局2022.pdf"), parse=_parser(planted))
    assert _cross_rows(services, 2022) == []  # nothing to compare with yet
    result = ingest(services, IngestRequest(SEED_2021.read_bytes(), "文登科技局2021.txt"), parse=parse_report)
    assert any(c.status is CrossStatus.FAIL and c.later.year == 2022 for c in result.cross_checks)
    assert ("cross.carry_over", "fail") in {(r, s) for r, s, _ in _cross_rows(services, 2022)}


def _counts(services: Services) -> tuple[int, ...]:
    with services.sessions() as session:
        return tuple(session.scalar(select(func.count()).select_from(m)) or 0 for m in (ReportRow, CellRow, SourceFile, CheckRow))


def test_draft_is_checked_and_not_stored(services: Services) -> None:
    seed = _seed(services)
    before, files_before = _counts(services), sorted(p for p in services.data_dir.rglob("*") if p.is_file())
    draft = _next_year(seed, t3__carried_in__natural_person=3, t3__carried_in__total=3)
    result = check_draft(services, DraftRequest(b"a draft", "2022草稿.docx"), parse=_parser(draft))
    assert result.outcome is DraftOutcome.CHECKED and result.agency_known
    carry = next(c for c in result.cross_checks if c.rule is CrossRule.CARRY_OVER)
    assert carry.status is CrossStatus.FAIL and carry.later.is_draft
    text = result.render(html=False)
    assert "未入库" in text and "2022草稿.docx" in text and "文登科技局2021.txt" in text
    assert result.problems >= 1 and "需要修改或核实" in text
    assert _counts(services) == before
    assert sorted(p for p in services.data_dir.rglob("*") if p.is_file()) == files_before


def test_clean_draft_is_ready_to_publish(services: Services) -> None:
    seed = _seed(services)
    result = check_draft(services, DraftRequest(b"clean", "2022.docx"), parse=_parser(_next_year(seed)))
    assert result.problems == 0
    assert "可以发布" in result.render(html=True)


def test_unreadable_draft_says_why(services: Services) -> None:
    result = check_draft(services, DraftRequest(b"\x00\x01 not a report", "x.bin"))
    assert result.outcome is DraftOutcome.FAILED
    assert "x.bin" in result.render(html=False)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_nianbao_check_prints_what_to_fix_and_stores_nothing(
    services: Services, db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(services)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(services.data_dir))
    before = _counts(services)
    assert cli_main(["check", str(SEED_2021), "--db", db_url]) == 0  # the stored report itself is clean
    out = capsys.readouterr().out
    assert "草稿核对" in out and "可以发布" in out
    assert _counts(services) == before


def test_report_on_request_shows_cross_year_results(services: Services) -> None:
    """/report (on request) lists the stored cross-year results, both reports named."""
    from bot.core.browse import report_tables

    seed = _seed(services)
    jumped = _next_year(seed, t3__carried_in__total=7)
    jumped = make_report(AGENCY, 2022, cells={**dict(jumped.cells)}, facts={"proactive.total": 25300})
    ingest(services, IngestRequest(b"2022 jump", "文登科技局2022.pdf"), parse=_parser(jumped))
    text = report_tables(services, AGENCY, 2022).text
    assert "请核实" in text and "25300" in text
    assert "上年结转 7" in text and "文登科技局2021.txt" in text
