"""A malformed agency list fails in Chinese with line numbers, and imports nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.main import main


@pytest.mark.parametrize(
    "content",
    [
        b"name,region,level,chat\n\xe5\xa8\x81\x00\x00,a,b,c\n",  # NUL bytes
        b'name,region,level,chat\n"unclosed,a,b\n',
        b"name,region,level,chat\n" + "威海市文登区".encode() * 40 + "科学技术局,,,\n".encode(),  # > 200 chars
        b"name,region,level,chat\n\xe5\xa8\x81\xe6\xb5\xb7\xe5\xb8\x82\xe5\xb1\x80,,,99999999999999999999999\n",
    ],
)
def test_agencies_import_of_a_malformed_csv_fails_in_chinese_with_nothing_imported(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], content: bytes
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    csv_file = tmp_path / "名录.csv"
    csv_file.write_bytes(content)
    code = main(["agencies", "import", str(csv_file), "--db", db_url])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "导入失败" in err or "无法" in err
    assert main(["agencies", "list", "--db", db_url]) == 0
    assert "还没有登记应报送的机构" in capsys.readouterr().out  # nothing half-imported
