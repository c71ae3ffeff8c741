"""Whether a sentence binds a figure to its key unambiguously, judged from the sentence's structure.

A wrong figure is worse than none. An unresolved list: the figure is one item of a list whose
other items count other things and are read for no key ("在…门户网站发布新闻动态73条、教育资讯169条、
…、部门文件等111条") — the items are kinds, none of them the channel's or the agency's figure, and
nothing says which would be. A figure with a verb of its own ("…发布信息51篇，被…采用4篇") or the first
of its member (a whole before its parts, "主动公开政府信息32条，包括…") is no list item.
Parts of a whole of their key: after 其中, a channel's figures are parts of that channel's figure stated
before it ("…新媒体…全年发布信息578条，其中微博183条，微信公众号270条…"), never added to it nor
a second figure of it ("政府门户网站发布各类信息8118篇，…其中…政府信息公开平台发布信息545篇").
A bare list of figures ("…发布信息300条、200条") with no 分别 to distribute them binds none of them.
A whole whose 其中 part is the year's or the agency's own ("…3000余条，其中本年度更新300条") counts
more years or more publishers: no proactive figure of the report.
Another year inside: a figure its brackets say holds another year's part ("申请124宗（含2021年度结转
5宗）") is no figure of the year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from parsing.narrative.candidate import Candidate
from parsing.narrative.clauses import clauses
from parsing.narrative.quantities import Quantity, quantities
from parsing.vocabulary import alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P
from parsing.vocabulary.outlets import OUTSIDE_OUTLET_WORDS

_CHANNEL_KEYS = ("proactive.website", "proactive.new_media")
_PROACTIVE = ("proactive.total", *_CHANNEL_KEYS)
_HOLDS_ANOTHER_YEAR = re.compile(
    rf"\s*[（(](?:含|包含|包括|其中)[^）)]*?{alternation(P.OTHER_YEAR_WORDS)}[^）)]*[）)]"
    # …or the clause right after it, opened so ("申请15件，其中上年结转2件")
    rf"|\s*[，,]\s*(?:含|包含|包括|其中)[：:，,]?[^，,；;。（）()]*?{alternation(P.OTHER_YEAR_WORDS)}[^，,；;。]*"
)
_NOT_AN_ITEM = re.compile(alternation(P.CHANGE_WORDS + P.OTHER_YEAR_WORDS))
_ITEM_UNITS = ("条", "篇", "条次", "则")
# A part of the year or of the agency's own ("其中本年度…", "其中我局…").
_NARROWER = re.compile(
    rf"^(?:{alternation(W.PART_WORDS)})?[：:，,\s]*(?:{alternation(P.THE_YEAR_WORDS + P.SELF_WORDS)})"
    rf"(?:{alternation(P.AFTER_MEANS)})?(?:{alternation(W.PUBLISH_VERBS + W.RECEIVE_VERBS)})"
)
_COUNTED_BY_AGENCY = (*_PROACTIVE, "applications.received")
_LIST_SEPARATORS = " " + "".join(P.ITEM_CONJUNCTIONS)
# After these the figures of a member are a breakdown of the one before them, not a list of peers.
_BREAKDOWN = (*W.PART_WORDS, "包括", "包含", "：", ":", "分别是", "主要有", "主要是", "涉及")
# A figure whose own words hold a verb, or name a channel or a share, states something of its own.
_OWN_STATEMENT = re.compile(
    alternation(
        W.PUBLISH_VERBS
        + W.RECEIVE_VERBS
        + W.WEBSITE_WORDS
        + W.NEW_MEDIA_WORDS
        + W.OTHER_CHANNEL_WORDS
        + W.PRESS_WORDS
        + OUTSIDE_OUTLET_WORDS
        + ("采用", "采纳", "刊发", "刊播", "刊登", "报送", "上报", "处理", "办理", "占")
    )
)


@dataclass(frozen=True)
class _Figure:
    quantity: Quantity
    member: int  # which member of the sentence (semicolons part them)
    index: int  # its order in the member
    part: bool  # after a breakdown word in its member
    own: str  # its own words: since the figure before it in the clause
    read: bool  # read for some key
    clause: int = 0  # which clause of the sentence


def bound(sentence: str, found: list[Candidate]) -> list[Candidate]:
    """The candidates of `sentence` less the figures its structure does not bind (module docstring)."""
    found = [c for c in found if not _holds_another_year(c, sentence)]
    if not found:
        return found
    figures = _figures(sentence, {c.raw for c in found})
    unresolved = _figure_lists(figures)
    found = [c for c in found if not set(c.raw.split("+")) & unresolved]
    wider = _wider_wholes(figures)
    found = [c for c in found if not (c.key in _COUNTED_BY_AGENCY and c.raw in wider)]
    if not any(c.key in _PROACTIVE for c in found):
        return found
    found = _wholes_not_parts(found, figures)
    return [c for c in found if not _list_item(c, figures)]


def _wider_wholes(figures: list[_Figure]) -> set[str]:
    """Wholes wider than the agency's year: a part naming the year ("…共发布信息3000余条，其中本年度
    更新300条") or the agency itself ("区政府门户网站共发布…8000余条，其中我局发布300条", "全县共收到…
    申请150件，其中我局收到15件") says the whole before it counts more years or more agencies."""
    out: set[str] = set()
    for part in figures:
        if part.part and _NARROWER.match(part.own.strip()):
            out.update(f.quantity.raw for f in figures if f.member == part.member and not f.part)
    return out


def _figure_lists(figures: list[_Figure]) -> set[str]:
    """The figures of a bare list of figures ("在门户网站、微信公众号发布信息300条、200条"): with no
    分别 to distribute them (clauses), which figure is whose is unknown — none is bound."""
    out: set[str] = set()
    for before, figure in pairwise(figures):
        if before.clause == figure.clause and figure.own and not figure.own.strip(_LIST_SEPARATORS):
            out.update((before.quantity.raw, figure.quantity.raw))
    return out


def _wholes_not_parts(found: list[Candidate], figures: list[_Figure]) -> list[Candidate]:
    def figure(c: Candidate) -> _Figure | None:
        return next((f for f in figures if f.quantity.raw == c.raw), None)

    wholes = {(c.key, f.member) for c in found if (f := figure(c)) is not None and not f.part}
    return [
        c
        for c in found
        if c.key not in _CHANNEL_KEYS
        or (f := figure(c)) is None
        or not (f.part and (c.key, f.member) in wholes)
    ]


def _holds_another_year(c: Candidate, sentence: str) -> bool:
    at = sentence.find(c.raw) if "+" not in c.raw else -1
    brackets = _HOLDS_ANOTHER_YEAR.match(sentence, at + len(c.raw)) if at >= 0 else None
    return brackets is not None and any(q.value for q in quantities(brackets.group()))


def _figures(sentence: str, raws: set[str]) -> list[_Figure]:
    out: list[_Figure] = []
    member, part, index = 0, False, 0
    for number, clause in enumerate(clauses(sentence)):
        if clause.aside:
            continue
        if clause.after_semicolon:
            member, part, index = member + 1, False, 0
        start = 0
        for q in quantities(clause.text):
            part = part or any(w in clause.text[: q.start] for w in _BREAKDOWN)
            out.append(_Figure(q, member, index, part, clause.text[start : q.start], q.raw in raws, number))
            index, start = index + 1, q.end
        part = part or any(w in clause.text for w in _BREAKDOWN)
    return out


def _list_item(c: Candidate, figures: list[_Figure]) -> bool:
    own = next((f for f in figures if f.quantity.raw == c.raw), None)
    if c.key not in _PROACTIVE or own is None or own.part:
        return False
    if own.index == 0:
        # a first figure is a list's item only when the next one follows it as its peer, a kind and its
        # figure after "、" ("利用门户网站主动公开政府信息88条、规范性文件2条、…"); a whole comes before
        # its parts ("主动公开政府信息32条，包括…")
        return any(
            f.member == own.member and f.clause == own.clause and f.index == 1 and not (f.part or f.read)
            and f.own.startswith("、") and f.quantity.unit in _ITEM_UNITS
            and not _NOT_AN_ITEM.search(f.own) and not _OWN_STATEMENT.search(f.own)
            for f in figures
        )
    if _OWN_STATEMENT.search(own.own):
        return False
    return any(
        f.member == own.member
        and f is not own
        and not (f.part or f.read)
        and f.quantity.unit in _ITEM_UNITS
        and not _NOT_AN_ITEM.search(f.own)
        and not _OWN_STATEMENT.search(f.own)
        for f in figures
    )
