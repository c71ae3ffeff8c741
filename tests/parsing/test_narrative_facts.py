"""Narrative facts across paragraph breaks, channel context, proposals; narrative checks."""

from __future__ import annotations

from parsing.extract.base import Block, TableBlock, TextBlock
from parsing.extract.text import document_from_text
from parsing.model import Fact
from parsing.narrative import extract_facts


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
