"""Figures read with the sentence before: requests received ("…做好依申请公开工作…。2024年，我局共受理1件")
whose kind it names. (No website figure is read so: a figure's own clause decides its key — GUIDE.md —
and "在网站进行公开。政务动态类信息20条" names no website in the figure's clause.)"""

from __future__ import annotations

import re

from parsing.extract.base import TextBlock
from parsing.model import Fact, Provenance
from parsing.narrative.quantities import NUM
from parsing.numbers import parse_int_token
from parsing.vocabulary import FACTS, alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P

_HAS_COUNT = re.compile(rf"{NUM}(?:条|篇)")
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
