"""ingest(): outcomes, the original always kept, one transaction (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

import storage.report_batch
from bot.core.ingest import FailureReason, IngestOutcome, IngestRequest, ingest
from bot.core.replies.ingest import render as ingest_reply
from bot.core.services import Services
from parsing import NoTextLayer, Report, parse_report
from storage.files import relative_path_for, sha256_hex
from storage.models import Agency, CellRow, ReportRow, SourceFile
from storage.reports import ValueChange
from tests.factories import make_report

SEEDS = Path(__file__).resolve().parents[1] / "samples" / "seeds"


def _parser(report: Report) -> Any:
    def parse(data: bytes, filename: str, **_: Any) -> Report:
        return report

    return parse


def _counts(services: Services) -> tuple[int, ...]:
    with services.sessions() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(m)) or 0 for m in (Agency, SourceFile, ReportRow, CellRow)
        )


def _kept(services: Services, data: bytes) -> bool:
    return (services.data_dir / relative_path_for(sha256_hex(data))).read_bytes() == data


def test_seed_report_is_stored_then_duplicate(services: Services) -> None:
    data = (SEEDS / "000_32627ba4512e0993.txt").read_bytes()
    request = IngestRequest(data=data, filename="文登科技局2021.txt", sender_id=7, sender_name="张三", chat_id=-1)
    first = ingest(services, request, parse=parse_report)
    assert first.outcome is IngestOutcome.STORED, ingest_reply(first, html=False)
    assert first.stored is not None and first.stored.agency_name == "威海市文登区科学技术局"
    assert "已入库" in ingest_reply(first, html=False) and "253条" in ingest_reply(first, html=False)
    assert ingest_reply(first, html=True).count("<pre>") == 1  # the bot's HTML version
    second = ingest(services, request, parse=parse_report)
    assert second.outcome is IngestOutcome.DUPLICATE
    assert second.stored is not None and second.stored.report_id == first.stored.report_id
    assert "已经收到过" in ingest_reply(second, html=False)
    with services.sessions() as session:
        source = session.scalars(select(SourceFile)).one()
        assert (source.original_name, source.sender_id, source.sender_name, source.chat_id, source.kind) == (
            "文登科技局2021.txt", 7, "张三", -1, "text"
        )
    assert _kept(services, data)


def test_new_version_lists_changes(services: Services) -> None:
    ingest(services, IngestRequest(data=b"v1", filename="a.pdf"), parse=_parser(make_report()))
    changed = make_report(cells={"t3.new.total": 2, "t3.new.natural_person": 2})
    result = ingest(services, IngestRequest(data=b"v2", filename="a2.pdf"), parse=_parser(changed))
    assert result.outcome is IngestOutcome.NEW_VERSION
    assert result.stored is not None and ValueChange("t3.new.total", 0, 2) in result.stored.changes
    assert "发布后有变动" in ingest_reply(result, html=False)
    assert "本年新收政府信息公开申请数量 / 总计：0 → 2" in ingest_reply(result, html=False)


def test_parse_error_fails_with_its_chinese_message_and_keeps_no_copy(services: Services) -> None:
    def scanned(data: bytes, filename: str, **_: Any) -> Report:
        raise NoTextLayer()

    result = ingest(services, IngestRequest(data=b"%PDF-1.4 scanned", filename="扫描件.pdf"), parse=scanned)
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.PARSE
    assert result.message == NoTextLayer.default_message
    assert NoTextLayer.default_message in ingest_reply(result, html=False)
    assert _counts(services) == (0, 0, 0, 0)
    # A refused file's bytes are not kept (issue 10: uploads open to anyone must not fill the disk).
    assert not (services.data_dir / relative_path_for(sha256_hex(b"%PDF-1.4 scanned"))).exists()


def test_a_crashing_parser_is_a_failure_not_an_exception(services: Services) -> None:
    def crash(data: bytes, filename: str, **_: Any) -> Report:
        raise RuntimeError("bug")

    result = ingest(services, IngestRequest(data=b"x", filename="x.pdf"), parse=crash)
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.INTERNAL
    assert "bug" not in ingest_reply(result, html=False)


def test_no_year_fails(services: Services) -> None:
    result = ingest(services, IngestRequest(data=b"x", filename="x.pdf"), parse=_parser(make_report(year=None)))
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.NO_YEAR
    assert _counts(services) == (0, 0, 0, 0)


def test_report_without_agency_needs_one_and_offers_known_agencies(services: Services) -> None:
    known = make_report(agency="威海市文登区科学技术和工业信息化局", year=2020)
    ingest(services, IngestRequest(data=b"known", filename="k.pdf"), parse=_parser(known))
    before = _counts(services)
    data = (SEEDS / "001_c3166346273e220a.txt").read_bytes()
    result = ingest(services, IngestRequest(data=data, filename="年报.txt"), parse=parse_report)
    assert result.outcome is IngestOutcome.NEEDS_AGENCY
    assert result.partial_agency == "科学技术和工业信息化局"
    assert result.agency_choices == ("威海市文登区科学技术和工业信息化局",)
    assert _counts(services) == before  # nothing stored...
    assert _kept(services, data)  # ...but the file is kept
    # The sender picks the agency: the same request with it is stored.
    chosen = ingest(
        services,
        IngestRequest(data=data, filename="年报.txt", agency="威海市文登区科学技术和工业信息化局"),
        parse=parse_report,
    )
    assert chosen.outcome is IngestOutcome.STORED
    assert chosen.stored is not None and chosen.stored.agency_name == "威海市文登区科学技术和工业信息化局"


def test_agency_override_beats_the_report(services: Services) -> None:
    result = ingest(
        services,
        IngestRequest(data=b"x", filename="x.pdf", agency="威海市环翠区科学技术局"),
        parse=_parser(make_report()),
    )
    assert result.stored is not None and result.stored.agency_name == "威海市环翠区科学技术局"


def test_failure_mid_write_leaves_nothing_partial(services: Services, monkeypatch: pytest.MonkeyPatch) -> None:
    ingest(services, IngestRequest(data=b"v1", filename="a.pdf"), parse=_parser(make_report()))
    before = _counts(services)
    original = storage.report_batch._insert_children

    def insert_then_fail(session: Any, reports: list[tuple[int, Report]], cells: Any) -> None:
        original(session, reports, cells)  # cells written inside the transaction...
        raise OperationalError("INSERT", {}, Exception("disk I/O error"))  # ...then the disk fails

    monkeypatch.setattr(storage.report_batch, "_insert_children", insert_then_fail)
    changed = make_report(agency="威海市环翠区科学技术局", cells={"t3.new.total": 5})
    result = ingest(services, IngestRequest(data=b"v2", filename="b.pdf"), parse=_parser(changed))
    assert result.outcome is IngestOutcome.FAILED and result.reason is FailureReason.STORAGE
    assert "原文件已保留" in ingest_reply(result, html=False)
    assert _counts(services) == before  # no agency, source, report or cell from the failed ingest
    assert _kept(services, b"v2")
    # A failed new version leaves the old one current.
    version = make_report(cells={"t3.new.total": 5})
    failed = ingest(services, IngestRequest(data=b"v3", filename="c.pdf"), parse=_parser(version))
    assert failed.outcome is IngestOutcome.FAILED
    with services.sessions() as session:
        assert session.scalars(select(ReportRow.version).where(ReportRow.is_current.is_(True))).all() == [1]
    monkeypatch.setattr(storage.report_batch, "_insert_children", original)
    retried = ingest(services, IngestRequest(data=b"v3", filename="c.pdf"), parse=_parser(version))
    assert retried.outcome is IngestOutcome.NEW_VERSION


def test_sandboxed_parser_by_default(services: Services) -> None:
    data = (SEEDS / "000_32627ba4512e0993.txt").read_bytes()
    result = ingest(services, IngestRequest(data=data, filename="a.txt"))
    assert result.outcome is IngestOutcome.STORED, ingest_reply(result, html=False)


def test_changes_are_worded_only_in_the_replies() -> None:
    from datetime import date

    from bot.core.replies.ingest import change_line
    from storage.reports import PUBLISHED_ON

    assert change_line(ValueChange(PUBLISHED_ON, date(2022, 1, 1), None)) == "发布日期：2022-01-01 → 空"
    assert change_line(ValueChange("t3.new.total", 0.0, 2.5)).endswith("：0 → 2.5")
