"""Paragraphs -> passages -> sentences.

A sentence broken by a page break or a hard line break arrives as two paragraphs; a
paragraph that does not end a sentence is read together with the next one (unless that one
starts a new numbered item or the first is a heading), and a sentence points at the
paragraph where it starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from parsing.extract.base import Block, TableBlock, TextBlock

_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]?")
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
# A list marker opening a sentence ("- 信息公开的形式：…", "• …") is layout, not source text.
_BULLET = re.compile(r"^[\s\-–—*•◦·●○▪■□◆◇►▶]+")


@dataclass(frozen=True)
class Passage:
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


@dataclass(frozen=True)
class Sentence:
    text: str
    block: TextBlock  # where the sentence starts
    passage: int  # index of its passage in the document


def passages(blocks: Iterable[Block]) -> Iterator[Passage]:
    """Consecutive paragraphs joined while a sentence runs on; a table ends a passage."""
    run: list[TextBlock] = []
    for block in blocks:
        if isinstance(block, TableBlock):
            if run:
                yield _joined(run)
            run = []
            continue
        if run and (
            _ENDS_SENTENCE.search(run[-1].text) or is_item_start(block.text) or is_heading(run[-1].text)
        ):
            yield _joined(run)
            run = []
        run.append(block)
    if run:
        yield _joined(run)


def sentences(blocks: Iterable[Block]) -> list[list[Sentence]]:
    """The sentences of each passage, without leading list markers."""
    out: list[list[Sentence]] = []
    for number, passage in enumerate(passages(blocks)):
        found: list[Sentence] = []
        for match in _SENTENCE.finditer(passage.text):
            raw = match.group()
            lead = _BULLET.match(raw)
            skip = lead.end() if lead else 0
            text = raw[skip:].rstrip()
            if text:
                found.append(Sentence(text, passage.block_at(match.start() + skip), number))
        out.append(found)
    return out


def is_item_start(text: str) -> bool:
    return bool(_STARTS_ITEM.match(text))


def is_heading(text: str) -> bool:
    """A heading or title line ("（一）主动公开", "政务公开工作创新情况"): never run into the next.

    A numbered line without a full stop, or an unnumbered one without any punctuation that is
    short or ends like a heading. A sentence cut after its first few words is missed (as before).
    """
    text = text.strip()
    if is_item_start(text):
        return not _SENTENCE_PUNCT.search(text)
    if _ANY_PUNCT.search(text):
        return False
    return len(text) <= _SHORT_HEADING or bool(_HEADING_END.search(text))


def _joined(run: list[TextBlock]) -> Passage:
    starts: list[int] = []
    parts: list[str] = []
    length = 0
    for block in run:
        text = block.text.strip()
        starts.append(length)
        parts.append(text)
        length += len(text)
    return Passage("".join(parts), tuple(run), tuple(starts))
