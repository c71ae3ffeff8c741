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
is neither that channel's nor a total (headings). A channel's figure larger than the total leaves
no total (GUIDE.md 4: plainly outside it), and neither when it is listed as the total's part (GUIDE.md 8:
which one is misread is unknown); the lines listing a stated figure ("…102条，主要包括：") hold no
total; a span from an earlier year ("自2019年以来，累计…") dates its figures to no one year (times).
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
from parsing.narrative.channels import WEBSITE_NAME
from parsing.narrative.clauses import clauses
from parsing.narrative.context import applications_from_context
from parsing.narrative.found import Found
from parsing.narrative.frames import framed_candidates
from parsing.narrative.headings import heading_key, opens_section, under_heading
from parsing.narrative.media import channel_sums
from parsing.narrative.passages import is_item_start, sentences
from parsing.narrative.proposals import proposals
from parsing.narrative.quantities import quantities
from parsing.narrative.sums import all_through
from parsing.narrative.times import dated_by_the_one_before
from parsing.vocabulary import FACT_WORDS_BY_KEY, FACTS, alternation
from parsing.vocabulary import prose as P
from parsing.vocabulary.facts import NEW_MEDIA_WORDS, PART_WORDS, PUBLISHED_UNITS

_LIST_OPENS = ("：", ":")
_MEDIA_NAMED = re.compile(alternation(NEW_MEDIA_WORDS))
_CHANNELS = ("proactive.website", "proactive.new_media")
# A column word and the site words that hold one ("政府信息公开专栏" is a column, not a site of its own).
_COLUMN_NAMES = re.compile(r"(?:政府信息公开|信息公开|政务公开)?(?:专栏|栏目)")
_BREAKDOWN_WORDS = (*PART_WORDS, "包括", "包含")

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


def extract_facts(blocks: Iterable[Block], *, year: int | None = None) -> list[Fact]:
    """The narrative facts in SCHEMA FACTS order (conflicting keys left out)."""
    return list(read_narrative(blocks, year=year).facts)


def read_narrative(blocks: Iterable[Block], *, year: int | None = None) -> NarrativeResult:
    """`blocks` are a document's blocks in order (tables only separate paragraphs) or its paragraphs."""
    found: dict[str, list[Found]] = {}
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
                found.setdefault(candidate.key, []).append(Found(candidate, sentence, whole))
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
    conflicts.extend(_beyond_total(facts, channel_figures))
    conflicts.extend(_part_beyond_whole(facts, channel_figures))
    return NarrativeResult(tuple(facts[key] for key in FACTS if key in facts), tuple(conflicts))


def _states_a_count(text: str) -> bool:
    """ "全年…主动公开政府信息共计102条，主要包括：": a figure of what was published, its parts to follow."""
    return any(q.unit in PUBLISHED_UNITS for q in quantities(text))


def _beyond_total(facts: dict[str, Fact], channel_figures: list[Found]) -> list[FactConflict]:
    """A channel's figure larger than the total: the total is no whole of every channel (GUIDE 4, "…主动
    公开政府信息145条" beside "微信公众号…发布信息910条") — no total; the channel's figure stated as the total's
    part ("…382条,包括…微信公众号2443条") is misread with it (GUIDE 8): none for both."""
    total = facts.get("proactive.total")
    if total is None:
        return []
    larger = [key for key in _CHANNELS if key in facts and facts[key].value > total.value]
    media = facts.get("proactive.new_media")
    if not larger and media is not None and media.source != total.source and _whole_without_media(total):
        del facts["proactive.total"]  # (its own breakdown adds up to it with no new media among the parts)
        return [FactConflict("proactive.total", (total.value, media.value), (total.source, media.source))]
    if not larger:
        return []
    del facts["proactive.total"]
    out = [FactConflict("proactive.total", (total.value, *(facts[k].value for k in larger)), (total.source,))]
    for key in larger:
        if _part_of(key, facts[key], total, channel_figures):
            out.append(FactConflict(key, (total.value, facts[key].value), (total.source, facts[key].source)))
            del facts[key]
    return out


def _whole_without_media(total: Fact) -> bool:
    """The total's own breakdown (其中/包括…) adds up to it and names no new media ("主动公开政府信息2548条，
    其中政务动态信息1388条，概况类信息1062条，信息公开目录信息98条"): a new-media figure given apart is
    outside it — the figure is no total of every channel (GUIDE 4)."""
    raw = (total.provenance.raw if total.provenance else None) or ""
    text = total.source
    at = text.find(raw) if raw else -1
    opened = min((i for w in _BREAKDOWN_WORDS if (i := text.find(w, at)) >= 0), default=-1) if at >= 0 else -1
    if opened < 0:
        return False
    parts = [c.text for c in clauses(text[opened:]) if not c.aside]
    counts = [q for part in parts for q in quantities(part)]
    if any(_MEDIA_NAMED.search(part) for part in parts) or len(counts) < 2:
        return False
    return all(q.unit in PUBLISHED_UNITS for q in counts) and sum(q.value for q in counts) == total.value


def _part_of(key: str, channel: Fact, total: Fact, channel_figures: list[Found]) -> bool:
    """The channel's figure is listed as a part of the total: after it in its sentence's breakdown (其中,
    包括; no semicolon between: "…19条，其中向政府网站推送35条"), or in the 其中 sentence right after it."""
    if any(i.whole == total.source and i.candidate.key == key for i in channel_figures):
        return True
    text = channel.source
    raw = (channel.provenance.raw if channel.provenance else None) or ""
    whole = (total.provenance.raw if total.provenance else None) or ""
    start = text.find(whole) if whole and total.source in text else -1
    end = text.find(raw, start + 1) if start >= 0 and raw and "+" not in raw else -1
    between = text[start:end] if end > start >= 0 else ""
    return any(w in between for w in _BREAKDOWN_WORDS) and not re.search("[；;]", between)


def _part_beyond_whole(facts: dict[str, Fact], channel_figures: list[Found]) -> list[FactConflict]:
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


def _total_of_parts(top: list[Found], channel_figures: list[Found]) -> list[Found]:
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


def _stated_as_total(top: list[Found]) -> list[Found]:
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


def _whole_website(top: list[Found]) -> list[Found]:
    """ "通过政府门户网站发布信息47条，其“工作动态”栏目发布信息43条": a column's figure is a part of the
    website's stated as a whole (never larger than it); two wholes stay a conflict, and so do the portal
    and a 信息公开专栏 named alone ("…门户网站发布政府信息47条，政府信息公开专栏发布信息43条", GUIDE 6)."""
    whole = [item for item in top if not item.candidate.column]
    values = {item.candidate.value for item in whole}
    if len(values) != 1 or not all(item.candidate.value <= min(values) for item in top):
        return top
    # (a 信息公开专栏 standing alone beside the portal is a separate addend, no column of it: GUIDE 6)
    return whole if all(_of_a_site(item) for item in top if item.candidate.column) else top


def _of_a_site(item: Found) -> bool:
    """The column's clause names the site it is a column of ("区政府门户网站…政府信息公开专栏")."""
    text, raw = item.sentence.text, item.candidate.raw
    at = text.find(raw) if "+" not in raw else -1
    if at < 0:
        return True
    clause = re.split("[，,；;。]", text[:at])[-1]
    return bool(WEBSITE_NAME.search(_COLUMN_NAMES.sub("", clause)))


def _decide(
    key: str, items: list[Found], channel_figures: list[Found]
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
        top = channel_sums(top)
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


def _fact(item: Found) -> Fact:
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
