"""Issue 10, items 6 and 16: the export neutralises formulas, has a BOM on stdout, infers XLSX
from -o x.xlsx, and heads its columns with the national table's Chinese labels over the keys."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, select

from bot.core.services import Services
from parsing.schema import cell_label
from storage.export import Header, column_labels, export_bytes, export_columns, neutral_text
from storage.models import Agency
from storage.reports import SourceInfo, store_report
from tests.conftest import make_settings
from tests.factories import make_report
from tests.hardening.support import assert_no_traceback, nianbao

HOSTILE = ["=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=1+1", "\r=1+1"]


def _store(services: Services, agency: str, sha: str) -> None:
    report = make_report(agency=agency, cells={"t3.new.total": 4, "t2.licensing.decisions": -3})
    with services.sessions.begin() as session:
        store_report(session, report=report, source=SourceInfo(sha * 64, "p", "r.pdf", 1), agency_name=agency)


def _expected(url: str) -> list[str]:
    """The stored names (normalised by storage), each behind an apostrophe."""
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = [name for (name,) in conn.execute(select(Agency.name))]
    engine.dispose()
    assert len(stored) >= 5 and all(n.startswith(("=", "+", "-", "@")) for n in stored)
    return sorted("'" + n for n in stored)


@pytest.fixture
def hostile_db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    services = Services.open(make_settings(tmp_path / "d", url))
    for i, name in enumerate(HOSTILE):
        _store(services, name, "abcdef"[i])
    services.close()
    return url


def test_neutral_text() -> None:
    for text in HOSTILE:
        assert neutral_text(text) == "'" + text
    assert neutral_text("威海市文登区科学技术局") == "威海市文登区科学技术局"


def test_csv_agency_names_are_not_formulas(hostile_db: str) -> None:
    services = Services.open(make_settings(Path("/nonexistent"), hostile_db), read_only=True)
    with services.sessions() as session:
        rows = list(csv.reader(io.StringIO(export_bytes(session, "csv").decode("utf-8-sig"))))
    services.close()
    names = sorted(row[0] for row in rows[2:])
    assert names == _expected(hostile_db)
    for row in rows[2:]:
        assert row[export_columns().index("t2.licensing.decisions")] == "-3"  # numbers stay numbers


def test_xlsx_agency_names_are_text_not_formulas(hostile_db: str) -> None:
    services = Services.open(make_settings(Path("/nonexistent"), hostile_db), read_only=True)
    with services.sessions() as session:
        data = export_bytes(session, "xlsx")
    services.close()
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    cells = [row[0] for row in sheet.iter_rows(min_row=3)]
    assert all(c.data_type == "s" for c in cells)
    assert sorted(str(c.value) for c in cells) == _expected(hostile_db)
    decisions = export_columns().index("t2.licensing.decisions")
    assert {row[decisions].value for row in sheet.iter_rows(min_row=3)} == {-3}


def test_headers_are_the_national_labels_over_the_keys() -> None:
    labels, keys = column_labels(), export_columns()
    assert labels[:4] == ["机关名称", "年度", "报告格式", "发布日期"]
    assert labels[keys.index("t3.new.total")] == cell_label("t3.new.total")
    assert labels[keys.index("t3.new.total")].startswith("表三 本年新收")
    assert all(label != key for label, key in zip(labels, keys, strict=True))


def test_cli_export_csv_stdout_has_bom_and_two_header_rows(hostile_db: str, tmp_path: Path) -> None:
    done = nianbao("export", "--format", "csv", "--db", hostile_db, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    raw = done.stdout.encode("utf-8") if isinstance(done.stdout, str) else done.stdout
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(done.stdout.lstrip("\ufeff"))))
    assert rows[0] == column_labels() and rows[1] == export_columns()
    keys_only = nianbao("export", "--header", "keys", "--db", hostile_db, cwd=tmp_path)
    assert keys_only.stdout.lstrip("\ufeff").splitlines()[0] == ",".join(export_columns())


def test_cli_export_infers_xlsx_from_the_file_name(hostile_db: str, tmp_path: Path) -> None:
    done = nianbao("export", "-o", "年报.xlsx", "--db", hostile_db, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = (tmp_path / "年报.xlsx").read_bytes()
    assert data.startswith(b"PK\x03\x04")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == column_labels() and list(rows[1]) == export_columns()
    # A CSV file name gives CSV with a BOM; a contradiction is a usage error in Chinese.
    assert nianbao("export", "-o", "a.csv", "--db", hostile_db, cwd=tmp_path).returncode == 0
    assert (tmp_path / "a.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    clash = nianbao("export", "--format", "csv", "-o", "b.xlsx", "--db", hostile_db, cwd=tmp_path)
    assert clash.returncode == 2 and "xlsx" in clash.stderr
    assert_no_traceback(clash.stderr)
    assert not (tmp_path / "b.xlsx").exists()


def test_header_option_values() -> None:
    assert [h.value for h in Header] == ["both", "labels", "keys"]


def test_region_summary_xlsx_file_names_are_not_formulas(services: Services) -> None:
    """The /summary XLSX lists file names as sent: a name like =HYPERLINK(...) stays text."""
    from datetime import datetime
    from typing import Any

    from bot.core.ingest import IngestOutcome, IngestRequest, ingest
    from bot.core.summary import region_summary
    from tests.reminders.support import TZ, add_agency

    name = "威海市文登区科学技术局"
    add_agency(services, name, region="山东省/威海市/文登区", chat_id=-501, registered_at=datetime(2021, 12, 1, tzinfo=TZ))
    report = make_report(name, 2021, cells={"t3.new.total": 2})

    def parse(data: bytes, filename: str, **_: Any) -> Any:
        return report

    evil = '=HYPERLINK("http://x","y").pdf'
    request = IngestRequest(b"evil-2021", evil, received_at=datetime(2022, 1, 20, tzinfo=TZ))
    assert ingest(services, request, parse=parse).outcome is IngestOutcome.STORED
    result = region_summary(services, "文登区", 2021, now=datetime(2022, 3, 1, 10, tzinfo=TZ))
    book = load_workbook(io.BytesIO(result.xlsx()))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    named = [c for c in cells if "HYPERLINK" in c.value]
    assert named, "the file name is listed"
    assert all(c.data_type == "s" and c.value.startswith("'=") for c in named)
