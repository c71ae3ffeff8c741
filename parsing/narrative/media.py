"""New media's figure from per-platform figures (GUIDE.md: their sum when all share a unit and none is
missing): a whole of new media wins over its platforms, a figure of several platforms over the ones it
covers; two figures of one platform are one account's unless each names its account."""

from __future__ import annotations

import re

from parsing.narrative.candidate import Candidate
from parsing.narrative.channels import ALL_MEDIA, PRESS, account, channels, platform, platforms_named
from parsing.narrative.clauses import clauses
from parsing.narrative.found import Found
from parsing.narrative.passages import Sentence
from parsing.narrative.quantities import quantities
from parsing.vocabulary import alternation
from parsing.vocabulary.facts import PUBLISH_VERBS
from parsing.vocabulary.prose import APPROX_AFTER

_PUBLISH = re.compile(alternation(PUBLISH_VERBS))


def channel_sums(items: list[Found]) -> list[Found]:
    """Per passage: the figures of different channels added up when they share a unit (posts in 篇 beside
    items in 条 count different things: none); a channel stated twice stays a conflict."""
    by_passage: dict[int, list[Found]] = {}
    for item in items:
        by_passage.setdefault(item.sentence.passage, []).append(item)
    out: list[Found] = []
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
        # (a platform's figure whose unit the text lost takes its neighbours' unit: GUIDE 16)
        units = {_printed_unit(item) for item in group if not _unitless(item)}
        if len(units) > 1:
            continue  # "微信公众号推送信息1350篇…、微博账号推送信息792条": no sum across units, no figure
        unit = next((i.candidate.unit for i in group if not _unitless(i)), group[0].candidate.unit)
        first = group[0]
        total = sum(item.candidate.value for item in group)
        raw = "+".join(item.candidate.raw for item in group)
        summed = Candidate(
            key=first.candidate.key,
            value=total,
            unit=unit,
            qualifier=_qualifier(group),
            score=first.candidate.score,
            channel=None,
            raw=raw,
        )
        sentence = first.sentence
        text = "".join(dict.fromkeys(item.sentence.text for item in group))
        out.append(Found(summed, Sentence(text, sentence.block, sentence.passage)))
    return out


def _platform_missing(group: list[Found]) -> bool:
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


def _unitless(item: Found) -> bool:
    """Read from a number printed with no unit ("微信公众号发布信息150，微博发布信息147篇")."""
    return item.candidate.raw.rstrip("".join(APPROX_AFTER)).isdigit()


def _printed_unit(item: Found) -> str:
    """The unit as printed: "127篇次" is read as 篇 but counts times posted, not posts."""
    raw, text = item.candidate.raw, item.sentence.text
    at = text.find(raw) if "+" not in raw else -1
    return item.candidate.unit + ("次" if at >= 0 and text.startswith("次", at + len(raw)) else "")


def _qualifier(group: list[Found]) -> str | None:
    return next((item.candidate.qualifier for item in group if item.candidate.qualifier), None)
