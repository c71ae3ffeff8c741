"""Issue 16 part 4: charts — typed chart data on trend and ranking answers, PNGs with CJK glyphs."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest

from bot.core import charts
from bot.core.answer import answer_question
from bot.core.chart_data import ChartData, ChartKind
from bot.core.ingest import IngestOutcome, IngestRequest, ingest
from bot.core.services import Services
from bot.main import main as cli_main
from parsing import Report
from tests.factories import make_report

PNG = b"\x89PNG\r\n\x1a\n"
TREND = ChartData(
    ChartKind.TREND, "主动公开", "条", (("2020", 180.0), ("2021", 253.0), ("2022", 301.0)),
    agency="威海市文登区科学技术局",
)  # fmt: skip
RANKING = ChartData(
    ChartKind.RANKING, "新收申请", "件", (("威海市文登区科学技术局", 12.0), ("平罗县科学技术局", 7.0)), year=2021
)


@pytest.mark.parametrize("chart", [TREND, RANKING], ids=["trend", "ranking"])
def test_png_with_every_cjk_glyph(chart: ChartData) -> None:
    assert charts.cjk_font() is not None, "no CJK font installed (fonts-noto-cjk)"
    png, missing = charts.render(chart)
    assert png.startswith(PNG) and len(png) > 5000
    assert missing == []


def test_without_a_cjk_font_glyphs_go_missing_and_start_up_warns(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(charts, "cjk_font", lambda: None)
    _, missing = charts.render(TREND)
    assert missing and "missing from" in missing[0]  # the assertion above can fail
    with caplog.at_level(logging.WARNING):
        assert charts.check_font() is False
    assert "fonts-noto-cjk" in caplog.text


def _parser(report: Report) -> Any:
    def parse(data: bytes, filename: str, **_: Any) -> Report:
        return report

    return parse


@pytest.fixture
def two_years(services: Services) -> Services:
    for name, year, total, new in [
        ("威海市文登区科学技术局", 2021, 253, 3),
        ("威海市文登区科学技术局", 2022, 301, 5),
        ("平罗县科学技术局", 2021, 120, 9),
    ]:
        report = make_report(name, year, cells={"t3.new.total": new}, facts={"proactive.total": total})
        result = ingest(services, IngestRequest(f"{name}{year}".encode(), f"{name}{year}.pdf"), parse=_parser(report))
        assert result.outcome is IngestOutcome.STORED
    return services


def test_trend_answer_carries_its_chart(two_years: Services) -> None:
    answer = answer_question(two_years, "文登科技局2021和2022主动公开对比")
    assert answer.chart is not None and answer.chart.kind is ChartKind.TREND
    assert answer.chart.points == (("2021", 253.0), ("2022", 301.0))
    assert answer.chart.agency == "威海市文登区科学技术局"


def test_ranking_answer_carries_its_chart(two_years: Services) -> None:
    answer = answer_question(two_years, "2021年哪个单位收到申请最多")
    assert answer.chart is not None and answer.chart.kind is ChartKind.RANKING
    assert [name for name, _ in answer.chart.points][:2] == ["平罗县科学技术局", "威海市文登区科学技术局"]
    assert answer_question(two_years, "文登科技局2021主动公开多少条").chart is None


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_nianbao_chart_writes_a_png(two_years: Services, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "趋势.png"
    assert cli_main(["chart", "文登科技局2021和2022主动公开对比", "-o", str(out), "--db", db_url]) == 0
    assert out.read_bytes().startswith(PNG)
    assert cli_main(["chart", "文登科技局2021主动公开多少条", "-o", str(tmp_path / "x.png"), "--db", db_url]) == 1
    assert "没有可以画图的数字" in capsys.readouterr().out
    assert not (tmp_path / "x.png").exists()
