"""`nianbao ingest / export / db` through bot.main.main, on the db_url database."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from bot.main import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SEEDS = sorted((SAMPLES / "seeds").glob("*.txt"))
WENDENG = SAMPLES / "seeds" / "000_32627ba4512e0993.txt"
NO_AGENCY = SAMPLES / "seeds" / "001_c3166346273e220a.txt"


@pytest.fixture
def cli_env(db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NIANBAO_DATABASE_URL", db_url)
    return tmp_path


def test_ingest_many_summary_and_exit_code(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = cli_env / "坏文件.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    missing = cli_env / "不存在.pdf"
    code = main(["ingest", *map(str, SEEDS), str(bad), str(missing)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"共 {len(SEEDS) + 2} 个文件：新入库 {len(SEEDS) - 1}，新版本 0，重复 0，失败 2，待确认单位 1。" in out
    assert "未入库的文件：" in out
    assert "坏文件.pdf" in out and "不存在.pdf：无法读取文件" in out
    assert "科学技术和工业信息化局" in out  # the report without a full agency name
    assert "请用 --agency 指定单位全称" in out  # the command line's way to answer, not the chat's buttons
    assert "请选择下面的单位" not in out

    # Again with the agency for the nameless one: the others are duplicates, exit 0.
    code = main(["ingest", str(WENDENG), str(NO_AGENCY), "--agency", "威海市文登区科学技术和工业信息化局"])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "新入库 1，新版本 0，重复 1，失败 0" in out


def test_export_csv_to_stdout_and_xlsx_to_file(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(WENDENG)]) == 0
    capsys.readouterr()
    assert main(["export", "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeff机关名称,年度")  # BOM on stdout too: `> file.csv` opens in Excel
    rows = list(csv.DictReader(io.StringIO(out.split("\n", 1)[1])))  # row 1 labels, row 2 keys
    assert [(r["agency"], r["year"], r["proactive.total"]) for r in rows] == [("威海市文登区科学技术局", "2021", "253")]
    out_file = cli_env / "年报.csv"
    assert main(["export", "--format", "csv", "-o", str(out_file)]) == 0
    assert out_file.read_bytes().startswith("\ufeff机关名称,年度".encode())
    xlsx = cli_env / "年报.xlsx"
    assert main(["export", "--format", "xlsx", "-o", str(xlsx)]) == 0
    assert xlsx.read_bytes()[:2] == b"PK"
    assert main(["export", "--format", "xlsx"]) == 2  # XLSX needs a file


def test_db_upgrade(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "upgrade"]) == 0
    assert "升级到" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert "已是最新结构" in capsys.readouterr().out


def test_db_check_is_a_health_check(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["db", "check"]) == 1  # nothing migrated yet
    assert "nianbao db upgrade" in capsys.readouterr().err
    assert main(["db", "upgrade"]) == 0
    assert main(["db", "check"]) == 0
    assert "数据库正常" in capsys.readouterr().out
    assert main(["db", "check", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"]) == 1
    assert "无法连接" in capsys.readouterr().err
