"""Issue 13, honesty in the upload reply: a blank cell is never 0件, and 全部通过 only when every
rule could be checked (otherwise the rules that could not be, with why)."""

from __future__ import annotations

from bot.core.ingest import IngestOutcome, IngestResult
from bot.core.replies.ingest import key_figures, render
from parsing.model import Check
from storage.reports import StoreOutcome, StoreResult
from tests.factories import make_report


def _stored(report_checks: list[Check], cells: dict[str, float | None]) -> IngestResult:
    report = make_report(cells=cells, checks=report_checks)  # type: ignore[arg-type]
    stored = StoreResult(
        outcome=StoreOutcome.NEW,
        report_id=1,
        agency_id=1,
        agency_name=report.agency or "",
        year=2021,
        version=1,
    )
    return IngestResult(
        IngestOutcome.STORED, "r.pdf", "0" * 64, report=report, stored=stored, file_kind="pdf"
    )


def test_blank_suit_cell_is_not_zero() -> None:
    figures = dict(key_figures(make_report(cells={"t4.suit_direct.total": None})))
    assert figures["行政诉讼"] != "0件" and "直接起诉表中为空" in figures["行政诉讼"]
    assert dict(key_figures(make_report(cells={"t4.review.total": None})))["行政复议"] == "表中为空"
    assert (
        dict(key_figures(make_report(cells={"t4.suit_direct.total": 2, "t4.suit_after_review.total": 1})))[
            "行政诉讼"
        ]
        == "3件"
    )


def test_all_passed_only_when_every_rule_was_checked() -> None:
    ok = render(_stored([Check("t3.balance", "pass", "0+0 = 0+0")], {}), html=False)
    assert "全部通过" in ok
    some = render(
        _stored(
            [
                Check("t3.balance", "pass", "0+0 = 0+0"),
                Check("t4.sums", "unverifiable", "有空格无法核对：行政复议"),
            ],
            {"t4.review.total": None},
        ),
        html=False,
    )
    assert "全部通过" not in some
    assert "1项无法核对" in some and "表四" in some and "有空格无法核对：行政复议" in some
