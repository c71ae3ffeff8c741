"""Figures stated in the report's prose (SCHEMA "Narrative facts"), each with its sentence.

Patterns are tied to the words around a figure and require its unit (条/件/次/元), so
percentages, dates, phone numbers and document numbers (第107号, 〔2021〕33号) never match.
The first statement of a fact wins. A report that never states a total gets no total:
nothing here adds figures up. Negative statements ("未收到…申请") give 0.

A sentence broken by a page break or a hard line break arrives as two paragraphs; a
paragraph that does not end a sentence is read together with the next one (unless that one
starts a new numbered item), and a fact points at the paragraph where its sentence starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from parsing.extract.base import Block, TableBlock, TextBlock
from parsing.model import Fact, Provenance
from parsing.numbers import CHINESE_NUMERAL_CHARS, parse_int_token
from parsing.vocabulary import FACTS, alternation
from parsing.vocabulary import facts as W

_NUM_CHARS = "0-9０-９" + CHINESE_NUMERAL_CHARS
# A whole number token: not preceded by another digit/numeral (so "12" never yields "2").
NUM = rf"(?<![{_NUM_CHARS}.,，])(?P<num>[0-9０-９][0-9０-９,，]*|[{CHINESE_NUMERAL_CHARS}]+)\s*"
# A gap inside one clause.
GAP = r"[^，,。；;！？!?\n]"
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")


@dataclass(frozen=True)
class _Rule:
    key: str
    pattern: re.Pattern[str]
    negative: bool = False  # a statement that there were none: value 0


def _r(key: str, pattern: str, *, negative: bool = False) -> _Rule:
    return _Rule(key, re.compile(pattern), negative)


_CHANNEL = alternation(W.WEBSITE_WORDS)
_MEDIA = alternation(W.NEW_MEDIA_WORDS)
_NONE = alternation(W.NONE_WORDS)
_TOTAL = alternation(W.TOTAL_WORDS)
_PROACTIVE = alternation(W.PROACTIVE_WORDS)
_RECEIVE = alternation(W.RECEIVE_VERBS)
_ISSUE = alternation(W.ISSUE_VERBS)
_OCCUR = alternation(W.OCCUR_VERBS)
_CASE = alternation(W.CASE_UNITS)

RULES: tuple[_Rule, ...] = (
    # 主动公开 total: "共主动公开…N条" / "主动公开…共N条"; never a channel's own figure.
    _r("proactive.total", rf"{_TOTAL}(?:计)?{GAP}{{0,4}}?{_PROACTIVE}{GAP}{{0,12}}?{NUM}(?:条|篇)"),
    _r("proactive.total", rf"{_PROACTIVE}{GAP}{{0,12}}?{_TOTAL}(?:计)?{GAP}{{0,4}}?{NUM}(?:条|篇)"),
    _r(
        "proactive.website",
        rf"{_CHANNEL}{GAP}{{0,12}}?{alternation(W.PUBLISH_VERBS)}{GAP}{{0,12}}?{NUM}(?:条|篇)",
    ),
    _r(
        "proactive.new_media",
        rf"{_MEDIA}{GAP}{{0,12}}?{alternation(W.PUSH_VERBS)}{GAP}{{0,12}}?{NUM}(?:条|篇)",
    ),
    _r("normative.issued", rf"{_ISSUE}{GAP}{{0,10}}?规范性文件{GAP}{{0,4}}?{NUM}(?:件|份|个)"),
    _r("normative.issued", rf"{_NONE}{_ISSUE}{GAP}{{0,6}}?规范性文件", negative=True),
    _r("documents.issued", rf"{alternation(W.DOCUMENT_VERBS)}公文{GAP}{{0,6}}?{NUM}(?:件|份|个)"),
    _r("documents.issued", rf"发文{GAP}{{0,4}}?{NUM}(?:件|份|个)"),
    _r(
        "applications.received",
        rf"{_RECEIVE}{GAP}{{0,12}}?{alternation(W.APPLICATION_KINDS)}{GAP}{{0,6}}?申请{GAP}{{0,4}}?{NUM}{alternation(W.APPLICATION_UNITS)}",
    ),
    _r("applications.received", rf"{_NONE}{_RECEIVE}[^。；;\n复诉]{{0,20}}?申请", negative=True),
    _r("open_day.count", rf"{NUM}(?:次|场)[^，。；\n]{{0,10}}?开放日"),
    _r("open_day.count", rf"开放日{GAP}{{0,10}}?{NUM}(?:次|场)"),
    _r("fees.collected", rf"收取{GAP}{{0,10}}?处理费{GAP}{{0,6}}?{NUM}元"),
    _r(
        "fees.collected",
        rf"{_NONE}{alternation(W.FEE_VERBS)}[^。；;\n]{{0,12}}?(?:处理费|费用)",
        negative=True,
    ),
    _r("review.count", rf"行政复议{GAP}{{0,6}}?{NUM}{_CASE}"),
    _r("review.count", rf"{_NONE}{_OCCUR}?[^。；;\n]{{0,12}}?行政复议", negative=True),
    _r("suit.count", rf"行政诉讼{GAP}{{0,6}}?{NUM}{_CASE}"),
    _r("suit.count", rf"{_NONE}{_OCCUR}?[^。；;\n]{{0,16}}?行政诉讼", negative=True),
)
_NONE_BEFORE_CHANNEL = re.compile(rf"{_NONE}{GAP}{{0,4}}?{_CHANNEL}")
# A channel word right before "主动公开" makes it that channel's figure, not the total.
_CHANNEL_BEFORE = re.compile(rf"(?:{_CHANNEL}|{_MEDIA}){GAP}{{0,6}}$")


# A paragraph ending like this has finished its sentence.
_ENDS_SENTENCE = re.compile(r"[。！？；：”」』!?;:]\s*$")
# A paragraph starting like this is a new item, never the rest of the previous sentence:
# 一、 （一） (1) 1. 1、 一是 第一章 附件.
_STARTS_ITEM = re.compile(
    r"^\s*(?:[-–—•·◦●○■□▪*]\s*)?(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十0-9０-９]+[）)]"
    r"|[0-9０-９]+(?:[、]|[.．](?![0-9０-９]))|第[一二三四五六七八九十0-9]+[章节部分条]|附件|附表)"
)

_SENTENCE_PUNCT = re.compile(r"[。！？；!?;]")
_ANY_PUNCT = re.compile(r"[。！？；，、：,;:!?]")
_HEADING_END = re.compile(
    r"(?:情况|报告|概述|工作|问题|措施|举措|安排|计划|方向|改进|说明|其他|事项|附件|附表)$"
)
_SHORT_HEADING = 20


@dataclass(frozen=True)
class _Passage:
    """Paragraphs read as one text; `starts[i]` is where `blocks[i]` begins in `text`."""

    text: str
    blocks: tuple[TextBlock, ...]
    starts: tuple[int, ...]

    def block_at(self, offset: int) -> TextBlock:
        at = 0
        for i, start in enumerate(self.starts):
            if start <= offset:
                at = i
        return self.blocks[at]


def _passages(blocks: Iterable[Block]) -> Iterable[_Passage]:
    """Consecutive paragraphs joined while a sentence runs on; a table ends a passage."""
    run: list[TextBlock] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            if run:
                yield _joined(run)
            run = []
            continue
        if run and (
            _ENDS_SENTENCE.search(run[-1].text) or _is_item_start(block.text) or _is_heading(run[-1].text)
        ):
            yield _joined(run)
            run = []
        run.append(block)
    if run:
        yield _joined(run)


def _is_item_start(text: str) -> bool:
    return bool(_STARTS_ITEM.match(text))


def _is_heading(text: str) -> bool:
    """A heading or title line ("（一）主动公开", "政务公开工作创新情况"): never run into the next.

    A numbered line without a full stop, or an unnumbered one without any punctuation that is
    short or ends like a heading. A sentence cut after its first few words is missed (as before).
    """
    text = text.strip()
    if _is_item_start(text):
        return not _SENTENCE_PUNCT.search(text)
    if _ANY_PUNCT.search(text):
        return False
    return len(text) <= _SHORT_HEADING or bool(_HEADING_END.search(text))


def _joined(run: list[TextBlock]) -> _Passage:
    starts: list[int] = []
    parts: list[str] = []
    length = 0
    for block in run:
        text = block.text.strip()
        starts.append(length)
        parts.append(text)
        length += len(text)
    return _Passage("".join(parts), tuple(run), tuple(starts))


# A list marker opening a sentence ("- 信息公开的形式：…", "• …") is layout, not source text.
_BULLET = re.compile(r"^[\s\-–—*•◦·●○▪■□◆◇►▶]+")


def _sentences(text: str) -> Iterable[tuple[int, str]]:
    """(offset, sentence) for each non-blank sentence, without a leading list marker."""
    for match in _SENTENCE.finditer(text):
        raw = match.group()
        lead = _BULLET.match(raw)
        skip = lead.end() if lead else 0
        sentence = raw[skip:].rstrip()
        if sentence:
            yield match.start() + skip, sentence


def extract_facts(blocks: Iterable[Block]) -> list[Fact]:
    """The narrative facts, first statement of each key, in SCHEMA FACTS order.

    `blocks` are a document's blocks in order (tables only separate paragraphs) or just
    its paragraphs. A figure read from the sentence before (`_website_from_context`) is
    used only when the report states no website figure outright.
    """
    found: dict[str, Fact] = {}
    from_context: dict[str, Fact] = {}
    for passage in _passages(blocks):
        sentences = [(passage.block_at(offset), sentence) for offset, sentence in _sentences(passage.text)]
        for i, (block, sentence) in enumerate(sentences):
            for rule in RULES:
                if rule.key in found:
                    continue
                fact = _apply(rule, sentence, block)
                if fact is not None:
                    found[rule.key] = fact
            if "proposals.count" not in found:
                fact = _proposals(block, sentence, sentences[i + 1][1] if i + 1 < len(sentences) else None)
                if fact is not None:
                    found[fact.key] = fact
            if i > 0 and "proactive.website" not in from_context:
                fact = _website_from_context(*sentences[i - 1], sentence)
                if fact is not None:
                    from_context[fact.key] = fact
    for key, fact in from_context.items():
        found.setdefault(key, fact)
    return [found[key] for key in FACTS if key in found]


# proposals.count = 人大代表建议 + 政协提案 handled this year. Counted only after a verb of
# handling ("办理人大代表建议3件、政协提案2件"), or when the sentence says all were handled
# ("收到…建议3件、提案2件，均已办结"); the kinds are added up only when both are stated so.
_HANDLED = re.compile(alternation(W.HANDLE_VERBS) + "了?")
_RECEIVED = re.compile(alternation(W.PROPOSAL_RECEIVE_VERBS) + "了?")
_ALL_HANDLED = re.compile(
    alternation(W.ALL_HANDLED_WORDS) + alternation(W.ON_TIME_WORDS) + "?" + alternation(W.ALL_HANDLED_VERBS)
)
_OTHER_YEAR = re.compile(alternation(W.OTHER_YEAR_WORDS))
_KIND = r"(?P<kind>建议[和及与、]?提案|提案[和及与、]?建议|建议|提案|议案)"
_COUNT = rf"{GAP}{{0,4}}?{NUM}(?:件|条|个|份)"
_FIRST_ITEM = re.compile(rf"(?P<pre>{GAP}{{0,16}}?){_KIND}{_COUNT}")
_NEXT_ITEM = re.compile(rf"\s*(?:以及|[、，,和及与])(?P<pre>{GAP}{{0,10}}?){_KIND}{_COUNT}")
_DEPUTIES = re.compile(alternation(W.DEPUTY_WORDS))
_MEMBERS = re.compile(alternation(W.MEMBER_WORDS))


def _proposal_kind(pre: str, kind: str) -> str | None:
    """ "建议", "提案", "both" (one figure for both), or None (建议 of someone else)."""
    if "建议" in kind and "提案" in kind:
        return "both"
    deputies, members = bool(_DEPUTIES.search(pre)), bool(_MEMBERS.search(pre))
    if kind == "提案":
        return "both" if deputies and "建议" in pre else "提案"
    if deputies and members:
        return "both"
    if members:
        return "提案"
    if kind == "议案" or deputies:
        return "建议"
    return None  # "办理群众意见建议15件" is not a deputy's proposal


def _proposal_items(sentence: str) -> tuple[dict[str, int], str] | None:
    """The handled figures by kind and the text they were read from, or None."""
    starts = [(m.end(), m.start()) for m in _HANDLED.finditer(sentence)]
    if _ALL_HANDLED.search(sentence):
        starts += [(m.end(), m.start()) for m in _RECEIVED.finditer(sentence)]
    for pos, verb_at in sorted(starts):
        first = _FIRST_ITEM.match(sentence, pos)
        clause_start = max(sentence.rfind(sep, 0, verb_at) for sep in "，,；;") + 1
        if first is None or _OTHER_YEAR.search(sentence[clause_start : first.start("kind")]):
            continue
        items: dict[str, int] = {}
        match: re.Match[str] | None = first
        end = pos
        while match is not None:
            kind = _proposal_kind(match.group("pre"), match.group("kind"))
            value = parse_int_token(match.group("num"))
            # A breakdown ("其中…") or a second figure of a kind already read is not added again.
            if (
                kind is not None
                and value is not None
                and kind not in items
                and "其中" not in match.group("pre")
            ):
                items[kind] = value
            end = match.end()
            match = _NEXT_ITEM.match(sentence, end)
        if items:
            return items, sentence[verb_at:end]
    return None


def _proposals(block: TextBlock, sentence: str, following: str | None) -> Fact | None:
    read = _proposal_items(sentence)
    if read is None:
        return None
    items, raw = read
    source = sentence
    if "both" in items:
        value = items["both"]
    else:
        # "办理人大代表建议3件。办理政协提案2件。": the other kind in the very next sentence.
        read_next = _proposal_items(following) if following and len(items) == 1 else None
        other = read_next[0] if read_next is not None else {}
        if following and other and "both" not in other and not set(other) & set(items):
            items = {**items, **other}
            source = sentence + following
        value = sum(items.values())
    provenance = Provenance(page=block.page, paragraph=block.index, raw=raw)
    return Fact("proposals.count", value, FACTS["proposals.count"][1], source, provenance)


# "…积极主动在网站进行公开。政务动态类信息20条，其中…": the count sentence names no channel,
# the sentence before names the website alone and gives no count of its own.
_NAMES_WEBSITE = re.compile(rf"{_CHANNEL}{GAP}{{0,12}}?{alternation(W.PUBLISH_VERBS)}")
_OTHER_CHANNELS = re.compile(rf"{_MEDIA}|{alternation(W.OTHER_CHANNEL_WORDS)}")
_HAS_COUNT = re.compile(rf"{NUM}(?:条|篇)")
_COUNT_OPENS = re.compile(rf"^(?P<what>{GAP}{{0,16}}?信息){GAP}{{0,4}}?{NUM}(?:条|篇)")
_TOTAL_WORD = re.compile(alternation(W.TOTAL_NOUNS))


def _website_from_context(block: TextBlock, previous: str, sentence: str) -> Fact | None:
    """A website count from the sentence before; `block` is where that sentence starts."""
    if not _NAMES_WEBSITE.search(previous) or _NONE_BEFORE_CHANNEL.search(previous):
        return None
    if _OTHER_CHANNELS.search(previous) or _HAS_COUNT.search(previous):
        return None
    match = _COUNT_OPENS.search(sentence)
    if match is None or _TOTAL_WORD.search(match.group("what")):
        return None
    if re.search(_CHANNEL, sentence) or _OTHER_CHANNELS.search(sentence):
        return None
    value = parse_int_token(match.group("num"))
    if value is None:
        return None
    provenance = Provenance(page=block.page, paragraph=block.index, raw=match.group())
    return Fact("proactive.website", value, FACTS["proactive.website"][1], previous + sentence, provenance)


def _apply(rule: _Rule, sentence: str, block: TextBlock) -> Fact | None:
    for match in rule.pattern.finditer(sentence):
        if rule.key == "proactive.total" and _CHANNEL_BEFORE.search(sentence[: match.start()]):
            continue
        if rule.negative:
            value: int | None = 0
        else:
            value = parse_int_token(match.group("num"))
        if value is None:
            continue
        provenance = Provenance(page=block.page, paragraph=block.index, raw=match.group())
        return Fact(rule.key, value, FACTS[rule.key][1], sentence, provenance)
    return None
