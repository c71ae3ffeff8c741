"""Issue 16 part 3: /summary and `nianbao summary` — the region's tables 2-4 in the national layout."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from bot.core.ingest import IngestOutcome, IngestRequest, ingest
from bot.core.services import Services
from bot.core.summary import AgencyState, SummaryOutcome, parse_summary_args, region_summary
from bot.core.summary_xlsx import _t3_rows
from bot.main import main as cli_main
from parsing import Report
from parsing.schema import T3_COLUMNS, T4_COLUMNS, T4_GROUPS, TEMPLATE_2021
from storage import registry
from storage.cells import cells_values
from storage.models import Agency, ReportRow
from tests.factories import make_report
from tests.reminders.support import TZ, add_agency

REGION = "山东省/威海市/文登区"
NOW = datetime(2022, 3, 1, 10, tzinfo=TZ)


def _parser(report: Report) -> Any:
    def parse(data: bytes, filename: str, **_: Any) -> Report:
        return report

    return parse


def _store(services: Services, name: str, received: datetime, **cells: float | None) -> None:
    report = make_report(name, 2021, cells={k.replace("__", "."): v for k, v in cells.items()})
    request = IngestRequest(f"{name}-2021".encode(), f"{name}2021.pdf", received_at=received)
    assert ingest(services, request, parse=_parser(report)).outcome is IngestOutcome.STORED


@pytest.fixture
def region(services: Services) -> Services:
    registered = datetime(2021, 12, 1, tzinfo=TZ)
    for i, name in enumerate(["威海市文登区科学技术局", "威海市文登区教育局", "威海市文登区民政局", "威海市文登区审计局"]):
        add_agency(services, name, region=REGION, chat_id=-500 - i, registered_at=registered)
    add_agency(services, "平罗县科学技术局", region="宁夏回族自治区/石嘴山市/平罗县", chat_id=-600, registered_at=registered)
    _store(services, "威海市文登区科学技术局", datetime(2022, 1, 20, tzinfo=TZ),
           t3__new__natural_person=2, t3__new__total=2, t2__licensing__decisions=10, t4__review__total=1, t4__review__upheld=1)
    _store(services, "威海市文登区教育局", datetime(2022, 1, 25, tzinfo=TZ),
           t3__new__natural_person=3, t3__new__commercial=1, t3__new__total=4, t2__licensing__decisions=None,
           t4__suit_direct__pending=2, t4__suit_direct__total=2)
    _store(services, "威海市文登区民政局", datetime(2022, 2, 10, tzinfo=TZ),  # late
           t3__new__natural_person=5, t3__new__total=5, t2__licensing__decisions=7, t2__fees__amount=0.0375)
    _store(services, "平罗县科学技术局", datetime(2022, 1, 20, tzinfo=TZ), t3__new__total=100)
    return services  # 审计局 never reports


def _db_sums(services: Services) -> dict[str, float]:
    with services.sessions() as session:
        ids = session.scalars(
            select(ReportRow.id)
            .join(Agency, Agency.id == ReportRow.agency_id)
            .where(ReportRow.year == 2021, ReportRow.is_current.is_(True), Agency.region == REGION)
        ).all()
        sums: dict[str, float] = {}
        for cells in cells_values(session, ids).values():
            for key, value in cells.items():
                if value is not None:
                    sums[key] = sums.get(key, 0.0) + value
        return sums


def test_region_xlsx_has_the_national_layout_and_totals_equal_the_stored_cells(region: Services) -> None:
    result = region_summary(region, "文登区", 2021, now=NOW)
    assert result.outcome is SummaryOutcome.OK and result.summary is not None
    states = {a.name: a.state for a in result.summary.agencies}
    assert states == {
        "威海市文登区科学技术局": AgencyState.INCLUDED,
        "威海市文登区教育局": AgencyState.INCLUDED,
        "威海市文登区民政局": AgencyState.LATE,
        "威海市文登区审计局": AgencyState.MISSING,
    }
    book = load_workbook(io.BytesIO(result.xlsx()))
    t2, t3, t4, agencies, detail = (book[name] for name in book.sheetnames)
    assert book.sheetnames[3] == "报送单位"

    merged3 = {str(r) for r in t3.merged_cells.ranges}
    assert {"A1:J1", "A2:C4", "D2:J2", "D3:D4", "E3:I3", "J3:J4", "A5:C5", "A6:C6"} <= merged3
    assert t3["D2"].value == "申请人情况" and t3["E3"].value == "法人或其他组织" and t3["E4"].value == "商业企业"
    merged4 = {str(r) for r in t4.merged_cells.ranges}
    assert {"A2:E2", "F2:O2", "F3:J3", "K3:O3", "A3:A4", "E3:E4"} <= merged4
    assert any(str(r).startswith("A") and ":" in str(r) and t3[str(r).split(":")[0]].value == "三、本年度办理结果"
               for r in t3.merged_cells.ranges)

    sums = _db_sums(region)
    assert sums["t3.new.total"] == 11  # 平罗 (another region) is not in it
    rows = _t3_rows(TEMPLATE_2021)
    for r, (key, _, _) in enumerate(rows):
        for c, column in enumerate(T3_COLUMNS):
            assert t3.cell(row=5 + r, column=4 + c).value == pytest.approx(sums.get(f"t3.{key}.{column}")), (key, column)
    for g, group in enumerate(T4_GROUPS):
        for i, column in enumerate(T4_COLUMNS):
            assert t4.cell(row=5, column=1 + g * 5 + i).value == pytest.approx(sums.get(f"t4.{group}.{column}"))
    t2_rows = {row[0].value: [c.value for c in row[1:]] for row in t2.iter_rows(min_row=2) if row[0].value != "信息内容"}
    assert t2_rows["行政许可"][0] == 17  # 10 + blank + 7: a blank is not a zero
    assert t2_rows["行政事业性收费"][0] == pytest.approx(0.0375)

    # Every figure traceable: the detail sheet's total is the sum of its reports' own cells.
    header = [c.value for c in detail[1]]
    ids = [c.value for c in detail[2]][3:]
    assert header[3:] == ["威海市文登区教育局", "威海市文登区民政局", "威海市文登区科学技术局"] and all(ids)
    for row in detail.iter_rows(min_row=4, values_only=True):
        key, _, total, *values = row
        present = [v for v in values if v is not None]
        assert total == (pytest.approx(sum(present)) if present else None), key
        assert (total or 0) == pytest.approx(sums.get(key, 0))
    listed = {row[0]: row[1] for row in agencies.iter_rows(min_row=2, values_only=True)}
    assert listed["威海市文登区审计局"] == "逾期未报" and listed["威海市文登区民政局"].startswith("迟报")

    text = result.text()
    assert "3家单位" in text and "迟报 1 家" in text and "逾期未报 1 家：威海市文登区审计局" in text


def test_unknown_region_and_no_reports(region: Services) -> None:
    assert region_summary(region, "火星区", 2021, now=NOW).outcome is SummaryOutcome.UNKNOWN_REGION
    result = region_summary(region, "文登区", 2019, now=NOW)
    assert result.outcome is SummaryOutcome.NO_REPORTS and "还没有单位报送2019年度报告" in result.text()


def test_summary_args() -> None:
    assert parse_summary_args(["文登区", "2021"], now=NOW) == ("文登区", 2021)
    assert parse_summary_args(["山东省/威海市", "2021年"], now=NOW) == ("山东省/威海市", 2021)
    assert parse_summary_args(["文登区"], now=NOW) == ("文登区", 2021)
    assert parse_summary_args([], now=NOW) is None


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_nianbao_summary_writes_the_xlsx(region: Services, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "文登.xlsx"
    assert cli_main(["summary", "文登区", "2021", "-o", str(out), "--db", db_url]) == 0
    assert load_workbook(out).sheetnames[:3] == ["表二 主动公开", "表三 依申请公开", "表四 复议诉讼"]
    assert cli_main(["summary", "火星区", "2021", "--db", db_url]) == 1
    assert "没有找到" in capsys.readouterr().out
    with region.sessions() as session:
        assert registry.reporters(session)
