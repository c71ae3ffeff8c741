"""proposals.count: 人大代表建议 + 政协提案 handled this year, added up only when both are stated so."""

from __future__ import annotations

import re

from parsing.extract.base import TextBlock
from parsing.model import Fact, Provenance
from parsing.narrative.quantities import GAP, NUM, quantities
from parsing.numbers import parse_int_token
from parsing.vocabulary import FACTS, alternation
from parsing.vocabulary import cases as C
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P

# proposals.count = 人大代表建议 + 政协提案 handled this year. Counted only after a verb of
# handling ("办理人大代表建议3件、政协提案2件"), or when the sentence says all were handled
# ("收到…建议3件、提案2件，均已办结") or when no handling is stated beside the receiving ("收到人大代表建议
# 和政协委员提案共24件"; not "接到人大提案15件，共办理14件"); the kinds are added up only when both are stated so.
_HANDLED = re.compile(alternation(C.HANDLE_VERBS + C.COMPLETE_VERBS) + "了?")
_RECEIVED = re.compile(alternation(C.PROPOSAL_RECEIVE_VERBS) + "了?")
_ALL_HANDLED = re.compile(
    alternation(C.ALL_HANDLED_WORDS) + alternation(C.ON_TIME_WORDS) + "?" + alternation(C.ALL_HANDLED_VERBS)
)
_OTHER_YEAR = re.compile(alternation(P.OTHER_YEAR_WORDS))
_KIND = r"(?P<kind>建议[和及与、]?提案|提案[和及与、]?建议|建议|提案|(?<!复)议案)"  # ("复议案件" are cases)
_COUNT = rf"{GAP}{{0,4}}?{NUM}{alternation(C.PROPOSAL_UNITS)}"
# (after list items of other kinds, the first proposals item follows their separator)
_FIRST_ITEM = re.compile(rf"(?:\s*(?:以及|[、，,；;和及与]))?(?P<pre>{GAP}{{0,16}}?){_KIND}{_COUNT}")
_NEXT_ITEM = re.compile(rf"\s*(?:以及|[、，,；;和及与])(?P<pre>{GAP}{{0,10}}?){_KIND}{_COUNT}")
# A list item of another kind between the verb and the proposals ("办理领导信箱112件、…、人大代表建议123件").
_OTHER_ITEM = re.compile(
    rf"\s*(?:以及|[、，,和及与])?(?:(?!建议|提案|议案){GAP}){{1,24}}?{NUM}(?:件|条|个|份|次|期)"
)
_MAX_SKIPPED = 8
# "2021年无提案", "未收到人大代表建议和政协提案": none handled, in a clause with no count.
_NONE = re.compile(
    rf"{alternation(W.NONE_WORDS)}(?:{alternation(C.PROPOSAL_RECEIVE_VERBS + C.HANDLE_VERBS)})?{GAP}{{0,10}}?"
    rf"(?:建议[和及与、]?(?:政协)?(?:委员)?提案|提案|(?<!复)议案)(?!{GAP}{{0,6}}?(?:延期|逾期|超期))"
)
_CLAUSE = re.compile(r"[^，,；;。！？!?]+")
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "；", ";", "…")
# "人大建议和政协提案办理共计11件": both kinds named, then the verb and one figure for both.
_BOTH_THEN_HANDLED = re.compile(
    rf"(?:人大)?(?:代表)?建议[和及与、]?(?:政协)?(?:委员)?提案{alternation(C.HANDLE_VERBS)}"
    rf"(?:数量|总数|数)?为?(?:{alternation(P.SUM_WORDS + P.TOTAL_WORDS)})?{NUM}(?:件|个|份)"
)
_DEPUTIES = re.compile(alternation(C.DEPUTY_WORDS))
_MEMBERS = re.compile(alternation(C.MEMBER_WORDS))


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


def _after_other_items(item: re.Pattern[str], sentence: str, pos: int) -> re.Match[str] | None:
    """The next proposals item at `pos`, passing over a few list items of other kinds."""
    for _ in range(_MAX_SKIPPED):
        match = item.match(sentence, pos)
        if match is not None:
            return match
        other = _OTHER_ITEM.match(sentence, pos)
        if other is None:
            return None
        pos = other.end()
    return None


def _proposal_items(sentence: str) -> tuple[dict[str, int], str] | None:
    """The handled figures by kind and the text they were read from, or None."""
    starts = [(m.end(), m.start()) for m in _HANDLED.finditer(sentence)]
    if _ALL_HANDLED.search(sentence) or not starts:
        starts += [(m.end(), m.start()) for m in _RECEIVED.finditer(sentence)]
    for pos, verb_at in sorted(starts):
        first = _after_other_items(_FIRST_ITEM, sentence, pos)
        clause_start = max(sentence.rfind(sep, 0, verb_at) for sep in "，,；;") + 1
        # (a first item in a breakdown, "…共计11件，其中人大建议办理6件", is no first item)
        if first is None or _OTHER_YEAR.search(sentence[clause_start : first.start("kind")]) or "其中" in first["pre"]:
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
                and not any(ch.isdigit() for ch in match.group("pre"))
                and kind not in items
                and "其中" not in match.group("pre")
            ):
                items[kind] = value
            end = match.end()
            match = _after_other_items(_NEXT_ITEM, sentence, end)
        if items:
            return items, sentence[verb_at:end]
    return None


def _none_stated(block: TextBlock, sentence: str) -> Fact | None:
    for clause in _CLAUSE.findall(sentence):
        match = _NONE.search(clause)
        if match is not None and not quantities(clause):
            provenance = Provenance(page=block.page, paragraph=block.index, raw=match.group())
            return Fact("proposals.count", 0, FACTS["proposals.count"][1], sentence, provenance)
    return None


def _both_then_handled(block: TextBlock, sentence: str) -> Fact | None:
    match = _BOTH_THEN_HANDLED.search(sentence)
    value = parse_int_token(match.group("num")) if match is not None else None
    # (never in a breakdown of what was published: "…其中…，人大代表建议、政协提案办理32条")
    if match is None or value is None or re.search(r"其中|" + _OTHER_YEAR.pattern, sentence[: match.start()]):
        return None
    provenance = Provenance(page=block.page, paragraph=block.index, raw=match.group())
    return Fact("proposals.count", value, FACTS["proposals.count"][1], sentence, provenance)


def proposals(block: TextBlock, sentence: str, following: str | None) -> tuple[Fact, str] | None:
    """The figure and what it covers: "both" kinds, one kind ("建议"/"提案"), or "none" (0 stated)."""
    read = _proposal_items(sentence)
    if read is None:
        both = _both_then_handled(block, sentence)
        if both is not None:
            return both, "both"
        none = _none_stated(block, sentence)
        return (none, "none") if none is not None else None
    items, raw = read
    if len(items) == 1 and "both" not in items and not following and not sentence.rstrip().endswith(_SENTENCE_ENDS):
        return None  # the text is cut after one kind: the other kind's figure may follow ("…，人大代表建议5件")
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
    kind = "both" if len(items) > 1 or "both" in items else next(iter(items))
    return Fact("proposals.count", value, FACTS["proposals.count"][1], source, provenance), kind


# "…积极主动在网站进行公开。政务动态类信息20条，其中…": the count sentence names no channel,
# the sentence before names the website alone and gives no count of its own.
