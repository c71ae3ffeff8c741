"""Figures read with the sentence before: a website figure whose channel that sentence names, and
requests received ("…做好依申请公开工作…。2024年，我局共受理1件") whose kind it names."""

from __future__ import annotations

import re

from parsing.extract.base import TextBlock
from parsing.model import Fact, Provenance
from parsing.narrative.quantities import GAP, NUM
from parsing.numbers import parse_int_token
from parsing.vocabulary import FACTS, alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P
from parsing.vocabulary.outlets import OUTSIDE_OUTLET_WORDS

_CHANNEL = alternation(W.WEBSITE_WORDS)
_MEDIA = alternation(W.NEW_MEDIA_WORDS + OUTSIDE_OUTLET_WORDS)  # (a county's app is another channel too)
_NONE_BEFORE_CHANNEL = re.compile(rf"{alternation(W.NONE_WORDS)}{GAP}{{0,4}}?{_CHANNEL}")

_NAMES_WEBSITE = re.compile(rf"{_CHANNEL}{GAP}{{0,12}}?{alternation(W.PUBLISH_VERBS)}")
_OTHER_CHANNELS = re.compile(rf"{_MEDIA}|{alternation(W.OTHER_CHANNEL_WORDS + P.CHANNEL_LIST_ENDINGS)}")
_HAS_COUNT = re.compile(rf"{NUM}(?:条|篇)")
_COUNT_OPENS = re.compile(rf"^(?P<what>{GAP}{{0,16}}?信息){GAP}{{0,4}}?{NUM}(?:条|篇)")
# A count sentence that says 主动公开 or names a total is no channel's figure.
_TOTAL_WORD = re.compile(alternation((*P.TOTAL_NOUNS, "主动公开")))


def website_from_context(block: TextBlock, previous: str, sentence: str) -> Fact | None:
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


_RECEIVED_BARE = re.compile(
    rf"(?:{alternation(W.RECEIVE_VERBS)})了?(?:{alternation(P.OBJECT_FILLERS)})*{NUM}(?P<unit>{alternation(W.APPLICATION_UNITS)})"
)
_NAMES_APPLICATIONS = re.compile(r"依申请公开|政府信息公开申请|信息公开申请")
# What else a sentence may count as received (办结/答复 of the same requests are no other kind).
_OTHER_KIND = re.compile(
    alternation((*(w for w in W.APPLICATION_EXCLUDING if w not in ("办结", "答复")), "事项", "业务", "案件"))
)


def applications_from_context(block: TextBlock, previous: str, sentence: str) -> Fact | None:
    """A count of requests received that names nothing counted, after a sentence on 依申请公开."""
    match = _RECEIVED_BARE.search(sentence)
    if match is None or not _NAMES_APPLICATIONS.search(previous) or _HAS_COUNT.search(previous):
        return None
    if _OTHER_KIND.search(sentence) or len(_RECEIVED_BARE.findall(sentence)) > 1:
        return None
    value = parse_int_token(match.group("num"))
    if value is None:
        return None
    provenance = Provenance(page=block.page, paragraph=block.index, raw=match.group())
    key = "applications.received"
    return Fact(key, value, FACTS[key][1], previous + sentence, provenance)
