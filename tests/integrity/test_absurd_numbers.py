"""Issue 10, item 3: one absurd number never stops a batch.

400- and 5000-digit figures, NaN, 1e30, 0x1F and a count of 3.14159 leave the cell blank with a
warning; storage never raises OverflowError; `nianbao ingest a b c` with the absurd file in the
middle stores all three and prints the summary.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.core.ingest import FailureReason, IngestOutcome, IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from bot.main import main
from parsing import parse_report
from parsing.numbers import CellProblem, chinese_to_int, parse_int_token, read_cell
from parsing.warnings import WarningCode
from parsing.wording import warning_text
from storage.cells import cell_values
from storage.db import make_engine
from storage.models import FactRow, ReportRow
from storage.reports import SourceInfo, StoreOutcome, store_report
from tests.factories import make_report

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
HTML = SAMPLES / "generated" / "000.html"
SEEDS = sorted((SAMPLES / "seeds").glob("*.txt"))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("9" * 400, CellProblem.TOO_LARGE),
        ("9" * 5000, CellProblem.TOO_LARGE),
        ("1" + ",000" * 20, CellProblem.TOO_LARGE),
        ("NaN", CellProblem.NOT_A_FIGURE),
        ("-inf", CellProblem.NOT_A_FIGURE),
        ("1e30", CellProblem.NOT_A_FIGURE),
        ("0x1F", CellProblem.NOT_A_FIGURE),
    ],
)
def test_absurd_cell_is_invalid_with_its_problem(text: str, problem: CellProblem) -> None:
    assert read_cell(text) == ("invalid", None, problem)


def test_ordinary_figures_still_read() -> None:
    assert read_cell("253").value == 253
    assert read_cell("1,234,567").value == 1234567
    assert read_cell("12.5万元").value == 12.5
    assert read_cell("第一类").kind == "text"


def test_prose_numbers_beyond_any_figure_are_not_numbers() -> None:
    assert parse_int_token("9" * 5000) is None
    assert parse_int_token("9" * 400) is None
    assert parse_int_token("253") == 253
    assert chinese_to_int("九" * 5000) is None
    assert chinese_to_int("一亿" * 30) is None
    assert chinese_to_int("二〇二一") == 2021


def _html_with(values: list[str], prose: str | None = None) -> bytes:
    """000.html with its first zero cells replaced by `values` (and the 253 sentence by `prose`)."""
    text = HTML.read_text(encoding="utf-8")
    zeros = list(re.finditer(r"(<td[^>]*>)\s*0\s*(</td>)", text))
    for match, value in reversed(list(zip(zeros, values, strict=False))):
        text = text[: match.start()] + match.group(1) + value + match.group(2) + text[match.end() :]
    if prose is not None:
        text = text.replace("共主动公开政务信息253条", prose)
    return text.encode()


ABSURD = ["9" * 400, "9" * 5000, "NaN", "1e30", "0x1F", "3.14159"]


def test_each_absurd_cell_is_blank_with_a_warning() -> None:
    report = parse_report(_html_with(ABSURD, prose="共主动公开政务信息" + "9" * 5000 + "条"), "x.html")
    blank = [k for k, v in report.cells.items() if v is None]
    assert len(blank) == len(ABSURD)
    codes = {WarningCode.CELL_TOO_LARGE, WarningCode.CELL_NOT_A_FIGURE, WarningCode.CELL_FRACTION}
    warned = [w for w in report.warnings if w.code in codes]
    assert sorted(str(w.data["key"]) for w in warned) == sorted(blank)
    assert [w.code for w in warned].count(WarningCode.CELL_TOO_LARGE) == 2
    assert [w.code for w in warned].count(WarningCode.CELL_NOT_A_FIGURE) == 3
    texts = [warning_text(w) for w in warned]
    assert any("位数多得不可能" in t and "共5000个字符" in t for t in texts)
    assert any("件数不应有小数" in t and "3.14159" in t for t in texts)
    assert report.fact("proactive.total") is None


def _source(sha: str) -> SourceInfo:
    return SourceInfo(sha256=sha * 64, path=f"files/{sha}", original_name="x.pdf", size=1, kind="pdf")


def test_storage_never_overflows(services: Services) -> None:
    """Figures that slip past the parser are stored blank, facts without a storable value skipped."""
    huge = 10**400
    first = make_report(cells={"t3.new.total": huge, "t3.carried_in.total": math.nan}, facts={"proactive.total": huge})
    second = make_report(cells={"t3.new.total": huge * 10, "t3.carried_in.total": math.inf})
    with services.sessions.begin() as session:
        stored = store_report(session, report=first, source=_source("a"), agency_name="某局")
    with services.sessions.begin() as session:
        again = store_report(session, report=second, source=_source("b"), agency_name="某局")
    assert again.outcome is StoreOutcome.NEW_VERSION
    with services.sessions() as session:
        stored_cells = cell_values(session, stored.report_id)
        values = {k: stored_cells[k] for k in ("t3.new.total", "t3.carried_in.total")}
        assert values == {"t3.new.total": None, "t3.carried_in.total": None}
        assert session.scalars(select(FactRow).where(FactRow.report_id == stored.report_id)).all() == []


def test_a_crash_while_storing_fails_that_file_only(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    import bot.core.store_group as core

    def explode(*_args: object, **_kwargs: object) -> None:
        raise OverflowError("int too large to convert to float")

    monkeypatch.setattr(core, "store_reports", explode)
    result = ingest(services, IngestRequest(data=b"a", filename="a.pdf"), parse=lambda *a, **k: make_report())
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.INTERNAL
    assert "内部错误" in ingest_reply(result, html=False)


def test_ingest_batch_with_an_absurd_file_in_the_middle(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NIANBAO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("NIANBAO_DATABASE_URL", db_url)
    absurd = tmp_path / "荒唐.html"
    absurd.write_bytes(_html_with(ABSURD, prose="共主动公开政务信息" + "9" * 5000 + "条"))
    files = [SEEDS[2], absurd, SEEDS[3]]
    code = main(["ingest", *map(str, files)])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.out + captured.err
    assert "共 3 个文件：新入库 3，新版本 0，重复 0，失败 0，待确认单位 0。" in captured.out
    assert "位数多得不可能是报告中的数值" in captured.out  # the absurd file's figures, said in Chinese
    assert code == 0
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            assert len(conn.execute(select(ReportRow.id)).all()) == 3
    finally:
        engine.dispose()
