"""A report that never says its year (issue 12 item 3): `nianbao ingest --year` and a year in the
bot's caption store it; without either it is refused with the way to give the year."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.core.ingest import FailureReason, IngestOutcome, IngestRequest, ingest
from bot.core.services import Services
from bot.main import main
from parsing.warnings import WarningCode

SEED = Path(__file__).resolve().parents[1] / "samples" / "seeds" / "000_32627ba4512e0993.txt"


def _yearless() -> bytes:
    """Seed 000 with every mention of its year taken out (title, body and 统计期限)."""
    return re.sub(r"20(?:19|20|21)\s*年度?", "本年", SEED.read_text(encoding="utf-8")).encode("utf-8")


@pytest.fixture
def cli_env(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NIANBAO_DATABASE_URL", db_url)
    return tmp_path


def test_cli_year_stores_a_report_without_one(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = cli_env / "年报.txt"
    path.write_bytes(_yearless())
    assert main(["ingest", str(path)]) == 1
    out = capsys.readouterr().out
    assert "请用 --year 指定年度" in out and "失败 1" in out
    assert main(["ingest", str(path), "--year", "2021"]) == 0
    out = capsys.readouterr().out
    assert "新入库 1" in out and "2021" in out


def test_cli_year_is_not_for_bulk_mode(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(cli_env), "--recursive", "--year", "2021"]) == 2
    assert "--year" in capsys.readouterr().err


def test_year_in_the_caption_and_in_the_request(services: Services) -> None:
    missing = ingest(services, IngestRequest(data=_yearless(), filename="年报.txt"))
    assert missing.outcome is IngestOutcome.FAILED and missing.reason is FailureReason.NO_YEAR
    by_caption = ingest(services, IngestRequest(data=_yearless(), filename="年报.txt", caption="2021年度"))
    assert by_caption.outcome is IngestOutcome.STORED
    assert by_caption.report is not None and by_caption.report.year == 2021
    by_request = ingest(services, IngestRequest(data=_yearless() + b"\n", filename="b.txt", year=2020))
    assert by_request.outcome is IngestOutcome.STORED
    assert by_request.report is not None and by_request.report.year == 2020
    assert WarningCode.NO_YEAR not in {w.code for w in by_request.report.warnings}
