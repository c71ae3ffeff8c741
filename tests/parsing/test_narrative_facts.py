"""Narrative facts across paragraph breaks, channel context, proposals; narrative checks."""

from __future__ import annotations

from parsing.checks import run_checks
from parsing.extract.base import Block, TableBlock, TextBlock
from parsing.extract.text import document_from_text
from parsing.model import Fact
from parsing.narrative import extract_facts
from parsing.report import build_report
from parsing.schema import cell_keys
from parsing.warnings import WarningCode
from parsing.wording import warning_text


def _blocks(*texts: str, page: int | None = None) -> list[TextBlock]:
    return [TextBlock(text=t, index=i, page=page) for i, t in enumerate(texts)]


def _by_key(blocks: list[Block]) -> dict[str, Fact]:
    return {f.key: f for f in extract_facts(blocks)}


# --- sentences broken across paragraphs -------------------------------------------------


def test_fact_split_across_a_page_break_points_at_its_first_paragraph() -> None:
    blocks: list[Block] = [
        TextBlock("一、总体情况", 0, page=1),
        TextBlock("我局高度重视政务公开。本年度共主动公开政", 1, page=1),
        TextBlock("府信息253条，其中通过门户网站公开124条。", 2, page=2),
    ]
    facts = _by_key(blocks)
    total = facts["proactive.total"]
    assert total.value == 253
    assert total.source == "本年度共主动公开政府信息253条，其中通过门户网站公开124条。"
    assert total.provenance is not None
    assert (total.provenance.paragraph, total.provenance.page) == (1, 1)
    assert facts["proactive.website"].value == 124


def test_fact_split_by_a_hard_line_break_in_plain_text() -> None:
    doc = document_from_text("本年度，我局严格按照条例要求做好各项工作，全年未收到政府信息公开\n\n申请。\n")
    facts = _by_key(list(doc.blocks))
    assert facts["applications.received"].value == 0
    assert facts["applications.received"].source.endswith("全年未收到政府信息公开申请。")


def test_a_sentence_after_the_join_points_at_its_own_paragraph() -> None:
    facts = _by_key(list(_blocks("按要求确定文件公开", "属性。全年共制发公文68件。")))
    assert facts["documents.issued"].provenance is not None
    assert facts["documents.issued"].provenance.paragraph == 1


def test_finished_sentences_headings_and_tables_are_not_joined() -> None:
    # Each pair would make a false "主动公开…N条" if it were read as one sentence.
    assert _by_key(list(_blocks("共主动公开情况如下：", "12条建议已办结。"))) == {}
    assert _by_key(list(_blocks("本单位累计主动公开", "（一）政府网站公开12条。"))).keys() == {
        "proactive.website"
    }
    assert "proactive.total" not in _by_key(list(_blocks("（一）共主动公开", "信息12条。")))
    # A short line without punctuation reads as a heading (so a sentence cut this early is missed).
    assert "proactive.total" not in _by_key(list(_blocks("总计主动公开", "12条。")))
    table = TableBlock(rows=(("一、本年新收政府信息公开申请数量", "0"),), index=0)
    blocks: list[Block] = [TextBlock("全年共主动公开政府信息", 0), table, TextBlock("12条。", 1)]
    assert _by_key(blocks) == {}


# --- no website figure from the sentence before ------------------------------------------


def test_no_website_figure_from_the_sentence_before() -> None:
    # GUIDE.md: a figure's own clause decides its key; the sentence before naming the website does not
    facts = _by_key(
        list(
            _blocks("积极主动在网站进行公开。政务动态类信息20条，其中重点领域信息公开15条，其他信息公开5条。")
        )
    )
    assert "proactive.website" not in facts
    facts = _by_key(list(_blocks("积极在网站进行公开。政务动态类信息20条。", "全年在政府网站发布信息35条。")))
    assert facts["proactive.website"].value == 35


# --- proposals.count: 建议 + 提案 handled ----------------------------------------------


def _proposals(*texts: str) -> Fact | None:
    return _by_key(list(_blocks(*texts))).get("proposals.count")


def test_proposals_both_kinds_handled_are_added() -> None:
    for text in (
        "办理人大代表建议3件、政协提案2件。",
        "本年度答复人大代表建议3件，政协委员提案2件。",
        "共承办人大代表建议3件和政协提案2件，办结率100%。",
        "收到人大代表建议3件、政协提案2件，均已按时办结。",
    ):
        fact = _proposals(text)
        assert fact is not None and fact.value == 5, text
        assert fact.source == text
    fact = _proposals("办理人大代表建议3件。办理政协提案2件。")
    assert fact is not None and fact.value == 5
    assert fact.source == "办理人大代表建议3件。办理政协提案2件。"


def test_proposals_one_kind_or_a_stated_total() -> None:
    fact = _proposals("2021年威海市文登区科学技术局共办理政协委员提案2件。")
    assert fact is not None and fact.value == 2
    assert fact.source == "2021年威海市文登区科学技术局共办理政协委员提案2件。"
    fact = _proposals("共办理人大代表建议和政协提案5件，其中建议3件、提案2件。")
    assert fact is not None and fact.value == 5
    fact = _proposals("办理人大代表建议3件，其中重点建议1件。")
    assert fact is not None and fact.value == 3
    fact = _proposals("办理人大代表和政协委员建议4件。")
    assert fact is not None and fact.value == 4


def test_proposals_not_handled_this_year_are_not_added() -> None:
    fact = _proposals("上年结转人大代表建议1件，今年办理政协提案2件。")
    assert fact is not None and fact.value == 2
    assert _proposals("收到人大代表建议3件、政协提案2件，正在办理中。") is None
    assert _proposals("办理群众意见建议15件。") is None
    assert _proposals("办理了第107号提案答复函。") is None
    # The other kind in a later, unrelated sentence is not added.
    fact = _proposals("办理政协提案2件。我局高度重视。办理人大代表建议3件。")
    assert fact is not None and fact.value == 2


# --- documents.published: a 其中 part of a 公文 sentence (issue 13) -----------------------

SEED_004_DOCUMENTS = "年内共制发公文 68 件，其中公开发布 27 件，依申请公开 21 件，通过公示栏公开发布 20 件。"


def test_documents_published_is_the_part_whose_verb_opens_it() -> None:
    facts = _by_key(list(_blocks(SEED_004_DOCUMENTS)))
    assert (facts["documents.issued"].value, facts["documents.published"].value) == (68, 27)
    assert facts["documents.published"].source == SEED_004_DOCUMENTS
    assert _by_key(list(_blocks("全年制发公文68件，其中：主动公开公文27件。")))["documents.published"].value == 27


def test_documents_published_only_when_sure() -> None:
    unsure = (
        "年内共制发公文68件，其中通过公示栏公开发布20件。",  # one channel's part
        "年内共制发公文68件，其中依申请公开21件。",  # not published
        "年内共制发公文68件，其中公开发布规范性文件2件。",  # another kind of document
        "年内共制发公文68件（其中公开发布27件）。",  # an aside
        "其中公开发布27件，依申请公开21件。",  # no whole stated before it
        "共主动公开信息100条，其中公开发布27件。",  # the whole is no 公文 figure
        "年内共制发公文68件。其中公开发布27件。",  # the whole is in another sentence
    )
    for text in unsure:
        assert "documents.published" not in _by_key(list(_blocks(text))), text
    # "其中公开发布公文27件" is the published part, not a second 制发 figure.
    facts = _by_key(list(_blocks("年内共制发公文68件，其中公开发布公文27件。")))
    assert (facts["documents.issued"].value, facts["documents.published"].value) == (68, 27)


# --- narrative checks apply only to a figure the prose states ---------------------------

_NARRATIVE_RULES = {"narrative.applications", "narrative.review", "narrative.suit"}


def _narrative_checks(facts: list[Fact], **cells: int | None) -> dict[str, tuple[str, str]]:
    all_cells: dict[str, int | float | None] = dict.fromkeys(cell_keys("2021"), 0)
    all_cells.update({key.replace("__", "."): value for key, value in cells.items()})
    checks = run_checks(all_cells, "2021", facts, t3_other_derived=True)
    return {c.rule: (c.status, c.detail) for c in checks if c.rule in _NARRATIVE_RULES}


def test_narrative_checks_are_omitted_when_the_prose_states_nothing() -> None:
    assert _narrative_checks([]) == {}
    checks = run_checks(dict.fromkeys(cell_keys("2021"), 0), "2021", [], t3_other_derived=True)
    assert all(c.status == "pass" for c in checks)  # nothing "无法核对" left over


def test_narrative_checks_compare_a_stated_figure() -> None:
    facts = [
        Fact("applications.received", 0, "件", "本年度未收到申请。"),
        Fact("review.count", 1, "件", "发生行政复议1件。"),
        Fact("suit.count", 0, "件", "未发生行政诉讼。"),
    ]
    got = _narrative_checks(
        facts, t4__review__total=1, t4__suit_direct__total=None, t4__suit_after_review__total=0
    )
    assert got == {
        "narrative.applications": ("pass", "正文 0 = 表中 0"),
        "narrative.review": ("pass", "正文 1 = 表中 1"),
        "narrative.suit": ("unverifiable", "正文 0，表中行政诉讼为空"),
    }
    got = _narrative_checks(facts[1:2], t4__review__total=2)
    assert got == {"narrative.review": ("fail", "正文 1 ≠ 表中 2")}


# --- list markers ------------------------------------------------------------------------


def test_list_markers_are_stripped_from_fact_sources() -> None:
    for marker in ("- ", "-", "◦ ", "• ", "  ● "):
        facts = _by_key(
            list(_blocks(f"{marker}信息公开的形式：通过政府网站公开125条，微信公众号发送信息98条。"))
        )
        assert facts["proactive.website"].source.startswith("信息公开的形式："), marker
        assert facts["proactive.new_media"].value == 98


def test_seed_002_website_source_has_no_list_marker() -> None:
    from golden import seed_path  # type: ignore[import-not-found]

    from parsing.extract.text import extract_text

    path = seed_path("002_7bbd7f4dd634da89")
    facts = _by_key(list(extract_text(path.read_bytes()).blocks))
    assert (
        facts["proactive.website"].source
        == "信息公开的形式：通过政府网站及局门户网站公开125条，微信公众号发送信息98条。"
    )


def test_a_figure_stated_twice_differently_is_a_typed_warning_worded_at_the_edge() -> None:
    doc = document_from_text(
        "威海市文登区科学技术局2021年政府信息公开工作年度报告\n"
        "本年度共收到政府信息公开申请12件。\n全年收到依申请公开申请3件。\n"
    )
    report = build_report(doc, filename="report.txt")
    assert report.fact("applications.received") is None
    (warning,) = [w for w in report.warnings if w.code == WarningCode.NARRATIVE_CONFLICT]
    assert dict(warning.data) == {"key": "applications.received", "values": ("12", "3")}
    assert warning_text(warning) == "正文中“收到依申请公开”前后不一致（12、3），未采用"
