"""Golden tests: every cell, fact and check of every seed text against hand-checked truth."""

from __future__ import annotations

import json

import pytest
from golden import assert_matches_golden, golden_stems, load_golden, report_mismatches, seed_path  # type: ignore[import-not-found]

from parsing.extract.text import extract_text
from parsing.report import build_report
from parsing.warnings import WarningCode


def _parse(stem: str, caption: str | None = None):
    path = seed_path(stem)
    return build_report(extract_text(path.read_bytes()), filename=path.name, caption=caption)


def test_every_seed_has_a_golden_file() -> None:
    assert len(golden_stems()) == 5
    for stem in golden_stems():
        assert seed_path(stem).exists()


@pytest.mark.parametrize("stem", golden_stems())
def test_seed_matches_golden(stem: str) -> None:
    assert_matches_golden(_parse(stem), load_golden(stem))


@pytest.mark.parametrize("stem", golden_stems())
def test_seed_survives_gb18030(stem: str) -> None:
    data = seed_path(stem).read_text(encoding="utf-8").encode("gb18030")
    report = build_report(extract_text(data), filename=f"{stem}.txt")
    assert_matches_golden(report, load_golden(stem))


def test_golden_comparison_catches_a_changed_cell() -> None:
    golden = load_golden("000_32627ba4512e0993")
    golden["cells"]["t2.normative.repealed"] = 3
    problems = report_mismatches(_parse("000_32627ba4512e0993"), golden)
    assert problems == ["cell t2.normative.repealed: got 2, want 3"]


def test_anchor_facts_of_seed_000() -> None:
    report = _parse("000_32627ba4512e0993")
    total = report.fact("proactive.total")
    assert total is not None and total.value == 253
    assert total.source == "我局2021年来，共主动公开政务信息253条。"
    assert total.provenance is not None and total.provenance.paragraph is not None
    # Not figures about something else: 50%, 第107号, phone numbers.
    assert all(f.value not in (50, 107, 264400) for f in report.facts)


def test_seed_001_takes_the_full_agency_name_from_the_caption() -> None:
    report = _parse("001_c3166346273e220a", caption="西秀区科学技术和工业信息化局2022年年报")
    assert report.agency == "西秀区科学技术和工业信息化局"
    assert WarningCode.AGENCY_PARTIAL not in {w.code for w in report.warnings}


def test_seed_002_states_channels_but_no_total() -> None:
    report = _parse("002_7bbd7f4dd634da89")
    assert report.fact("proactive.total") is None
    assert [report.fact(k).value for k in ("proactive.website", "proactive.new_media")] == [125, 98]


def test_seed_004_template_from_headers_and_documents() -> None:
    report = _parse("004_8c18c7b7e1a52a6a")
    assert report.template == "2021"
    assert report.fact("documents.issued").value == 68
    # "其中公开发布 27 件": the published part, not the notice-board channel's 20 (issue 13).
    assert report.fact("documents.published").value == 27
    # "依申请公开 21 件" is about documents, not applications received.
    assert report.fact("applications.received").value == 0


def test_report_json_is_the_schema_shape() -> None:
    data = _parse("000_32627ba4512e0993").to_json_dict()
    text = json.dumps(data, ensure_ascii=False)
    assert json.loads(text)["cells"]["t2.normative.repealed"] == 2
    assert {"agency", "year", "template", "published_on", "cells", "facts", "checks", "warnings"} <= set(data)
    assert data["cell_sources"]["t2.normative.repealed"]["raw"] == "2"
