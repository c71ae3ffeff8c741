"""Figures stated in the report's prose (SCHEMA "Narrative facts"), each with its sentence.

Each sentence is cut into clauses, each count read with its unit and qualifiers
(quantities), and every count tried against the vocabulary's description of each key
(matching). Precision before recall: a key stated twice with different values among its
best-scored candidates gives no fact but a `FactConflict`; a report that never states a
total gets no total (nothing adds figures up, except new-media channels each stated once).
Negative statements ("未收到…申请") give 0. 建议提案 (proposals) and requests received read
with the sentence before (context) keep their own readers; proposals stated twice differently are a
conflict too. A figure the sentence's structure does not bind to one key is dropped before the
best are chosen (parsing.narrative.binding: an item of an unresolved list of kinds, a figure its
brackets say holds another year's part); a channel-less figure under a heading naming one channel
is neither that channel's nor a total (headings). A website figure larger than the total it is a
part of leaves neither (a conflict: which one is misread is unknown), and a channel's figure in the
breakdown (其中…) right after a total, larger than it in its unit, leaves no total; a span from an earlier year
("自2019年以来，累计…") dates its figures to no one year (times).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from parsing.extract.base import Block
from parsing.model import Fact, Number, Provenance
from parsing.narrative.binding import bound
from parsing.narrative.candidate import Candidate
from parsing.narrative.channels import ALL_MEDIA, PRESS, account, channels, platform, platforms_named
from parsing.narrative.clauses import clauses
from parsing.narrative.context import applications_from_context
from parsing.narrative.frames import framed_candidates
from parsing.narrative.headings import heading_key, opens_section, under_heading
from parsing.narrative.passages import Sentence, is_item_start, sentences
from parsing.narrative.proposals import proposals
from parsing.narrative.quantities import quantities
from parsing.narrative.sums import all_through
from parsing.narrative.times import dated_by_the_one_before
from parsing.vocabulary import FACT_WORDS_BY_KEY, FACTS, alternation
from parsing.vocabulary import prose as P
from parsing.vocabulary.facts import PART_WORDS, PUBLISH_VERBS, PUBLISHED_UNITS

_PUBLISH = re.compile(alternation(PUBLISH_VERBS))
_LIST_OPENS = ("：", ":")

__all__ = ["FactConflict", "NarrativeIssue", "NarrativeResult", "extract_facts", "read_narrative"]


class NarrativeIssue(StrEnum):
    CONFLICT = "narrative.conflict"  # one key stated with different values


@dataclass(frozen=True)
class FactConflict:
    key: str
    values: tuple[Number, ...]
    sources: tuple[str, ...]
    code: NarrativeIssue = NarrativeIssue.CONFLICT


@dataclass(frozen=True)
class NarrativeResult:
    facts: tuple[Fact, ...]
    conflicts: tuple[FactConflict, ...]


@dataclass(frozen=True)
class _Found:
    candidate: Candidate
    sentence: Sentence
    whole: str | None = None  # the sentence before, when this one opens with 其中 (a breakdown of it)


def extract_facts(blocks: Iterable[Block], *, year: int | None = None) -> list[Fact]:
    """The narrative facts in SCHEMA FACTS order (conflicting keys left out)."""
    return list(read_narrative(blocks, year=year).facts)


def read_narrative(blocks: Iterable[Block], *, year: int | None = None) -> NarrativeResult:
    """`blocks` are a document's blocks in order (tables only separate paragraphs) or its paragraphs."""
    found: dict[str, list[_Found]] = {}
    stated_proposals: list[tuple[Fact, str]] = []
    joined = False  # the sentence before read this one with it
    received: Fact | None = None
    heading: str | None = None  # the channel key the current section's heading names alone
    listing = False  # a total was stated, then "主要包括：": the lines after it list its parts
    for passage in sentences(blocks):
        for i, sentence in enumerate(passage):
            if opens_section(passage, i):
                heading, listing = heading_key(sentence.text), False
            elif i == 0 and listing:  # (the list goes on while its lines are items: "…公开（67条）：…")
                listing = is_item_start(sentence.text) or any(w in sentence.text for w in _LIST_OPENS)
            read = under_heading(
                bound(sentence.text, framed_candidates(sentence.text, year)), heading, sentence.text
            )
            if listing:  # (parts are never a total: "重点领域…（67条）：…领域公开信息52条")
                read = [c for c in read if c.key != "proactive.total"]
            elif sentence.text.rstrip().endswith(_LIST_OPENS) and _states_a_count(sentence.text):
                listing = i + 1 == len(passage)
            read = all_through(sentence.text, read)
            if i and dated_by_the_one_before(passage[i - 1].text, sentence.text, year):
                read = []
            whole = passage[i - 1].text if i and sentence.text.lstrip().startswith(PART_WORDS) else None
            for candidate in _first_total(read):
                found.setdefault(candidate.key, []).append(_Found(candidate, sentence, whole))
            following = passage[i + 1].text if i + 1 < len(passage) else None
            # (not the sentence read with the one before, nor a breakdown: "其中办理人大代表建议3件")
            if not joined and not sentence.text.lstrip().startswith(PART_WORDS):
                proposal = proposals(sentence.block, sentence.text, following)
                joined = proposal is not None and proposal[0].source != sentence.text
                stated_proposals.extend([proposal] if proposal is not None else [])
            else:
                joined = False
            if i > 0 and received is None:
                previous = passage[i - 1]
                received = applications_from_context(previous.block, previous.text, sentence.text)
    facts: dict[str, Fact] = {}
    conflicts: list[FactConflict] = []
    chosen, proposal_conflict = _proposals_decided(stated_proposals)
    facts.update({chosen.key: chosen} if chosen is not None else {})
    conflicts.extend([proposal_conflict] if proposal_conflict is not None else [])
    channel_figures = [
        item
        for key in ("proactive.website", "proactive.new_media")
        for item in found.get(key, [])
        if not item.candidate.partial
    ]
    for key, items in found.items():
        fact, conflict = _decide(key, items, channel_figures)
        if fact is not None:
            facts[key] = fact
        if conflict is not None:
            conflicts.append(conflict)
    if received is not None and "applications.received" not in found:
        facts["applications.received"] = received
    conflicts.extend(_inconsistent(facts))
    conflicts.extend(_part_beyond_whole(facts, channel_figures))
    return NarrativeResult(tuple(facts[key] for key in FACTS if key in facts), tuple(conflicts))


def _states_a_count(text: str) -> bool:
    """ "全年…主动公开政府信息共计102条，主要包括：": a figure of what was published, its parts to follow."""
    return any(q.unit in PUBLISHED_UNITS for q in quantities(text))


def _inconsistent(facts: dict[str, Fact]) -> list[FactConflict]:
    """The website's figure is a part of the total (every other channel adds to it): a website figure
    larger than the total says one of them is misread, which one is unknown — neither is kept."""
    total, website = facts.get("proactive.total"), facts.get("proactive.website")
    if total is None or website is None or website.value <= total.value:
        return []
    del facts["proactive.total"], facts["proactive.website"]
    values, sources = (total.value, website.value), (total.source, website.source)
    return [FactConflict(key, values, sources) for key in ("proactive.total", "proactive.website")]


def _part_beyond_whole(facts: dict[str, Fact], channel_figures: list[_Found]) -> list[FactConflict]:
    """A channel's figure in the breakdown right after the total ("…主动公开各类政府信息70条…。其中,…微信
    公众号上主动公开各类信息115条") larger than it in its unit: the total is no whole of its parts — not
    kept (posts counted in 篇 beside items in 条 may count another thing)."""
    total = facts.get("proactive.total")
    larger = [
        item.candidate.value
        for item in channel_figures
        if total is not None
        and item.whole == total.source
        and item.candidate.unit == total.unit
        and item.candidate.value > total.value
    ]
    if total is None or not larger:
        return []
    del facts["proactive.total"]
    return [FactConflict("proactive.total", (total.value, larger[0]), (total.source,))]


def _proposals_decided(stated: list[tuple[Fact, str]]) -> tuple[Fact | None, FactConflict | None]:
    """Like every key: two different figures of the whole (both kinds, or the one kind stated) are a
    conflict. A figure beats "无提案"; one kind's figure is a part of both kinds' ("建议5件" of 8)."""
    figures = [(fact, kind) for fact, kind in stated if fact.value]
    if not figures:
        return (stated[0][0] if stated else None), None
    wholes = [fact for fact, kind in figures if kind == "both"]
    wholes = wholes or [fact for fact, kind in figures if kind == figures[0][1]]
    values = tuple(dict.fromkeys(fact.value for fact in wholes))
    if len(values) > 1:
        sources = tuple(dict.fromkeys(fact.source for fact in wholes))
        return None, FactConflict("proposals.count", values, sources)
    return wholes[0], None


def _first_total(candidates: list[Candidate]) -> list[Candidate]:
    """A sentence states one total: later total figures in it list its breakdown ("共590条，…268条、…")."""
    totals = [c for c in candidates if c.key == "proactive.total"]
    return [c for c in candidates if c.key != "proactive.total" or c is totals[0]]


def _total_of_parts(top: list[_Found], channel_figures: list[_Found]) -> list[_Found]:
    """The figure that is the sum of the others stated with it in its paragraph is their total."""
    for item in top:
        others = [
            o.candidate.value
            for o in top + channel_figures
            if o is not item and o.sentence.passage == item.sentence.passage
        ]
        if others and item.candidate.value == sum(others):
            return [item]
    return []


def _stated_as_total(top: list[_Found]) -> list[_Found]:
    """Of two figures, the one stated as a total ("累计公开信息85条" / "主动公开政府信息47条") and
    not as an addition ("此外，…公开各类政府信息42条"), and no smaller than the others."""
    marked = [
        item
        for item in top
        if item.candidate.totalled and not item.sentence.text.startswith(P.ADDITION_WORDS)
    ]
    if len({item.candidate.value for item in marked}) != 1:
        return []
    # (a figure stated as the total and smaller than another is no total of it: a conflict)
    return marked if all(item.candidate.value <= marked[0].candidate.value for item in top) else []


def _whole_website(top: list[_Found]) -> list[_Found]:
    """ "通过政府门户网站发布政府信息47条，政府信息公开专栏发布信息43条": a column's figure is a part
    of the website's stated as a whole (never larger than it); two wholes stay a conflict."""
    whole = [item for item in top if not item.candidate.column]
    values = {item.candidate.value for item in whole}
    if len(values) != 1 or not all(item.candidate.value <= min(values) for item in top):
        return top
    return whole


def _decide(
    key: str, items: list[_Found], channel_figures: list[_Found]
) -> tuple[Fact | None, FactConflict | None]:
    partial = [item for item in items if item.candidate.partial]
    items = [item for item in items if not item.candidate.partial]
    if FACT_WORDS_BY_KEY[key].sums_channels:
        blocked = {item.sentence.passage for item in partial}
        items = [item for item in items if item.sentence.passage not in blocked]
    if not items:
        return None, None
    if key == "proactive.total":
        # "…1687条。…通过报刊、电视等公开信息331条", "网站13条；…公示栏145条": the figure of
        # notice boards or papers is one channel's when the report states another total or channel.
        web = {item.sentence.passage for item in channel_figures}
        items = [
            item
            for item in items
            if item.candidate.channel is None
            or (item.sentence.passage not in web and all(i.candidate.channel for i in items))
        ]
        # "共发布信息18条，…。微信公众平台发布36条": less than one channel of its paragraph, a
        # figure of what was published (not 公开) is no total.
        items = [
            item
            for item in items
            if "公开" in item.sentence.text
            or not any(
                c.candidate.value > item.candidate.value and c.sentence.passage == item.sentence.passage
                for c in channel_figures
            )
        ]
        if not items:
            return None, None
    best = max(item.candidate.score for item in items)
    top = [item for item in items if item.candidate.score == best]
    if FACT_WORDS_BY_KEY[key].sums_channels:
        top = _channel_sums(top)
        if not top:
            return None, None
    values = list(dict.fromkeys(item.candidate.value for item in top))
    if len(values) > 1 and key == "proactive.total":
        top = _total_of_parts(top, channel_figures) or _stated_as_total(top) or top
        values = list(dict.fromkeys(item.candidate.value for item in top))
    if len(values) > 1 and key == "proactive.website":
        top = _whole_website(top)
        values = list(dict.fromkeys(item.candidate.value for item in top))
    if len(values) > 1:
        sources = tuple(dict.fromkeys(item.sentence.text for item in top))
        return None, FactConflict(key, tuple(values), sources)
    return _fact(top[0]), None


def _channel_sums(items: list[_Found]) -> list[_Found]:
    """Per passage: the figures of different channels added up when they share a unit (posts in 篇 beside
    items in 条 count different things: none); a channel stated twice stays a conflict."""
    by_passage: dict[int, list[_Found]] = {}
    for item in items:
        by_passage.setdefault(item.sentence.passage, []).append(item)
    out: list[_Found] = []
    for group in by_passage.values():
        platforms = [platform(item.candidate.channel) for item in group]
        if ALL_MEDIA in platforms and None not in platforms:
            # "政务新媒体发布500条，其中微信公众号300条，微博200条": the whole, not whole + parts
            group = [item for item, p in zip(group, platforms, strict=True) if p == ALL_MEDIA]
            platforms = [ALL_MEDIA] * len(group)
        # one platform stated twice with one figure ("“××”微信公众号…300条。…公众号共推送300条") is one figure;
        # two accounts of one platform, each named ("“××”微信公众号…，“△△”微信公众号…"), are two
        unique = {(p, item.candidate.value): item for item, p in zip(group, platforms, strict=True)}
        group = list(unique.values())
        accounts = [(p, account(item.candidate.channel)) for (p, _), item in unique.items()]
        platforms = [p for p, _ in accounts]
        shared = [(p, a) for p, a in accounts if platforms.count(p) > 1]
        named_apart = all(a is not None for _, a in shared) and len(set(shared)) == len(shared)
        if ALL_MEDIA not in platforms and None not in platforms and _platform_missing(group):
            continue  # "微信公众号发布信息30条，通过抖音发布短视频": the platforms' sum is unknown, no figure
        if len(group) == 1 or None in platforms or (len(set(platforms)) < len(platforms) and not named_apart):
            out.extend(group)
            continue
        if len({_printed_unit(item) for item in group}) > 1:
            continue  # "微信公众号推送信息1350篇…、微博账号推送信息792条": no sum across units, no figure
        first = group[0]
        total = sum(item.candidate.value for item in group)
        raw = "+".join(item.candidate.raw for item in group)
        summed = Candidate(
            key=first.candidate.key,
            value=total,
            unit=first.candidate.unit,
            qualifier=_qualifier(group),
            score=first.candidate.score,
            channel=None,
            raw=raw,
        )
        sentence = first.sentence
        text = "".join(dict.fromkeys(item.sentence.text for item in group))
        out.append(_Found(summed, Sentence(text, sentence.block, sentence.passage)))
    return out


def _platform_missing(group: list[_Found]) -> bool:
    """A platform the group's sentences say published ("…，通过抖音发布短视频", "抖音发布视频10个")
    with no figure read for it beside the others': new media's figure is no sum of what is given."""
    raws = {raw for item in group for raw in item.candidate.raw.split("+")}
    read = set().union(*(platforms_named(item.candidate.channel or "") for item in group))
    named: set[str] = set()
    for text in dict.fromkeys(item.sentence.text for item in group):
        parts = [c.text for c in clauses(text) if not c.aside]
        last = max((i for i, t in enumerate(parts) if any(raw in t for raw in raws)), default=len(parts))
        for i, clause in enumerate(parts):
            if any(raw in clause for raw in raws):
                read |= platforms_named(clause)
            # (a platform named before the figures with no count may be their subject; the press's
            # 头条 is no platform of the body's)
            elif _PUBLISH.search(clause) and (i > last or quantities(clause)) and PRESS not in channels(clause)[0]:
                named |= platforms_named(clause)
    return bool(named - read)


def _printed_unit(item: _Found) -> str:
    """The unit as printed: "127篇次" is read as 篇 but counts times posted, not posts."""
    raw, text = item.candidate.raw, item.sentence.text
    at = text.find(raw) if "+" not in raw else -1
    return item.candidate.unit + ("次" if at >= 0 and text.startswith("次", at + len(raw)) else "")


def _qualifier(group: list[_Found]) -> str | None:
    return next((item.candidate.qualifier for item in group if item.candidate.qualifier), None)


def _fact(item: _Found) -> Fact:
    c, sentence = item.candidate, item.sentence
    provenance = Provenance(page=sentence.block.page, paragraph=sentence.block.index, raw=c.raw)
    return Fact(
        c.key,
        c.value,
        FACTS[c.key][1] if c.unit == FACTS[c.key][1] else c.unit,
        sentence.text,
        provenance,
        qualifier=c.qualifier,
    )
