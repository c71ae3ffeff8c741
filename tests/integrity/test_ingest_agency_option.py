"""Issue 10, item 4: `nianbao ingest FILES… --agency NAME` names only the reports that name no agency."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from bot.main import main
from storage.db import make_engine
from storage.models import Agency, ReportRow

SEEDS = Path(__file__).resolve().parents[1] / "samples" / "seeds"
WENDENG = SEEDS / "000_32627ba4512e0993.txt"  # 威海市文登区科学技术局
NO_AGENCY = SEEDS / "001_c3166346273e220a.txt"  # 科学技术和工业信息化局, no region
WENSHANG = SEEDS / "002_7bbd7f4dd634da89.txt"  # 汶上县科学技术局
GIVEN = "某市科学技术和工业信息化局"


def _filed(db_url: str) -> dict[str, str]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                select(ReportRow.title, Agency.name).join(Agency, Agency.id == ReportRow.agency_id)
            ).all()
    finally:
        engine.dispose()
    return {str(title): name for title, name in rows}


@pytest.mark.parametrize("mode", [[], ["--jobs", "1"]], ids=["direct", "queued"])
def test_agency_option_fills_only_the_unnamed_report(
    mode: list[str], db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NIANBAO_DATABASE_URL", db_url)
    code = main(["ingest", str(WENDENG), str(NO_AGENCY), str(WENSHANG), "--agency", GIVEN, *mode])
    capsys.readouterr()
    assert code == 0
    filed = sorted(_filed(db_url).values())
    assert filed == sorted(["威海市文登区科学技术局", GIVEN, "汶上县科学技术局"])
