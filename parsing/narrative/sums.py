"""Figures added up or closing a list: one per channel named with 分别, a 合计 after a list, the body's own
document series given apart; a sentence's figures that are peers or additions, not totals."""

from __future__ import annotations

import re

from parsing.narrative.candidate import Candidate
from parsing.narrative.channels import MEDIA, WEBSITE, channels
from parsing.narrative.quantities import Quantity, quantities
from parsing.vocabulary import FACT_WORDS, FACT_WORDS_BY_KEY, alternation
from parsing.vocabulary import cases as C
from parsing.vocabulary import prose as P

_KEYS = tuple(f for f in FACT_WORDS if f.key != "proposals.count")
_PART_OF = {f.key: f.part_of for f in _KEYS if f.part_of is not None}
_SUM = re.compile(alternation(P.SUM_WORDS))
_FILLERS = re.compile(alternation(P.OBJECT_FILLERS))
_CHANNEL_KEYS = ("proactive.website", "proactive.new_media")
_NOT_THE_YEARS = re.compile(alternation(P.OTHER_YEAR_WORDS + P.CHANGE_WORDS))
_PROACTIVE = ("proactive.total", *_CHANNEL_KEYS)
_TOTAL_UNITS = next(f.units for f in FACT_WORDS if f.key == "proactive.total")
# The year's part of a running total: "累计…5000条，其中本年度新增500条" (the whole counts since the start).
_CUMULATIVE = re.compile(alternation(P.CUMULATIVE_WORDS))
_ADDED = re.compile(
    rf"{alternation(P.THIS_YEAR_WORDS)}新增[^，,。；;0-9０-９]{{0,12}}?[0-9０-９]+\s*(?:{alternation(P.APPROX_AFTER)})?\s*条"
)


def respectively(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """ "通过官方微博“…”、微信公众号“…”分别发布各类信息92条、306条": one figure per channel
    named, added up (for keys that add channels up)."""
    if P.RESPECTIVELY not in sentence:
        return out
    summed: list[Candidate] = []
    for words in _KEYS:
        same = [c for c in out if c.key == words.key and not c.partial]
        if not words.sums_channels or len(same) < 2 or len({c.channel for c in same}) != 1:
            continue
        values = [c.value for c in same]
        first = same[0]
        total = Candidate(
            first.key,
            sum(values),
            first.unit,
            first.qualifier,
            first.score,
            None,
            "+".join(c.raw for c in same),
        )
        out = [c for c in out if c not in same]
        summed.append(total)
    return out + summed


def _closing(text: str, counts: list[Quantity]) -> Quantity | None:
    """The figure of a clause that only states a sum ("合计122件"), if it is one."""
    stripped = text.strip()
    opening = _SUM.match(stripped)
    if len(counts) != 1 or opening is None:
        return None
    count = counts[0]
    # "共计办结774件" states another figure (办结), no sum of the list
    if _FILLERS.sub("", stripped[opening.end() : stripped.find(count.raw)]).strip():
        return None
    return count


# A figure of the member before a sum, what it was read as, and its own text.
Listed = tuple[Quantity, list[Candidate], str]


def closing_sum(text: str, counts: list[Quantity], listed: list[Listed]) -> list[Candidate]:
    """ "…网上申请105件，快递17件，合计122件": the sum closes a list read for a key; it wins — only when
    no item is another key's ("收到行政复议申请1件、行政诉讼2件，共计3件") or ruled out for the key
    ("新收…申请5件，上年结转2件，共计7件": the sum is no figure of the year's requests)."""
    count = _closing(text, counts)
    if count is None:
        return []
    items = [(read, own) for q, read, own in listed if q.unit == count.unit]
    keys = {c.key for read, _ in items for c in read if not c.partial}
    return [
        Candidate(key, count.value, count.unit, count.qualifier, 2, None, count.raw)
        for key in keys
        if key not in ("proactive.total", "proactive.website", "proactive.new_media")
        and key not in _PART_OF
        and all(_of_key(key, read, own) for read, own in items)
    ]


def _of_key(key: str, read: list[Candidate], own: str) -> bool:
    """A list item is the key's figure, or one naming nothing that rules it out ("快递17件")."""
    if read:
        return any(c.key == key for c in read)
    return not (_NOT_THE_YEARS.search(own) or any(w in own for w in FACT_WORDS_BY_KEY[key].excluding))


def no_peer_totals(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """ "此外，…公开各类政府信息42条" adds to a whole; "政府门户网站公开信息990条，政府信息公开目录主动
    公开政府信息69条": after a channel's figure, one not stated as a total is another channel's, a peer;
    one stated as a total with the channel's own figure restates it."""
    if sentence.lstrip().startswith(P.ADDITION_WORDS):
        return [c for c in out if c.key != "proactive.total"]
    # (stated as a total, a channel's figure restated: "…主动公开至…门户网站,共上传政务信息15条,经审核后
    # 发布政务信息共15条" — the one channel's, no whole of the channels)
    return [
        c
        for i, c in enumerate(out)
        if c.key != "proactive.total"
        or (c.totalled and not any(_restated(sentence, o, c) for o in out[:i]))
        or not any(o.key in _CHANNEL_KEYS and not (o.partial or o.in_part) for o in out[:i])
    ]


def _restated(sentence: str, channel: Candidate, total: Candidate) -> bool:
    """The total repeats the channel's figure before it, with no 公开 of its own between them
    ("…网站公开50条，共主动公开信息50条" states the body's total: both)."""
    if channel.key not in _CHANNEL_KEYS or channel.partial or channel.in_part:
        return False
    if (channel.value, channel.unit) != (total.value, total.unit):
        return False
    start = sentence.find(channel.raw)
    end = sentence.find(total.raw, start + len(channel.raw)) if start >= 0 else -1
    return end >= 0 and "公开" not in sentence[start:end]


def new_this_year(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """ "截至年底累计主动公开政府信息5000条，其中本年度新增500条": the year's total is what was added."""
    added = _ADDED.search(sentence)
    cumulative = [c for c in out if c.key == "proactive.total" and c.totalled and _CUMULATIVE.search(sentence)]
    if added is None or not cumulative:
        return out
    count = quantities(added.group())[-1]
    new = Candidate("proactive.total", count.value, count.unit, count.qualifier, 1, None, count.raw, totalled=True)
    return [c for c in out if c.key != "proactive.total"] + [new]


_ALL_THROUGH = re.compile(
    rf"[，,]\s*{alternation(P.ALL_THROUGH_WORDS)}(?:{alternation(P.MEANS_PREPOSITIONS)})(?P<via>[^，,。；;]{{1,30}}?)"
    rf"(?:上)?(?:{alternation(('发布', '公开', '公示', '推送'))})"
)
_THROUGH_KEYS = {WEBSITE: "proactive.website", MEDIA: "proactive.new_media"}


def all_through(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """ "全年累计主动公开政府信息11条,均通过雁峰区人民政府门户网站发布": the total went through one
    channel alone — that channel's figure too."""
    totals = [c for c in out if c.key == "proactive.total" and not c.partial]
    if len(totals) != 1:
        return out
    total = totals[0]
    match = _ALL_THROUGH.match(sentence, sentence.find(total.raw) + len(total.raw))
    kinds = channels(match.group("via"))[0] if match is not None and total.raw in sentence else set()
    key = _THROUGH_KEYS.get(next(iter(kinds))) if len(kinds) == 1 else None
    if key is None or any(c.key == key for c in out):
        return out
    return [*out, Candidate(key, total.value, total.unit, total.qualifier, 1, None, total.raw)]


def closing_total(text: str, counts: list[Quantity], listed: list[Listed]) -> tuple[set[int], list[Candidate]]:
    """ "公开政府信息200条、政策解读30条，共计230条": a sum closes the list before it — its items are
    parts, the first no total unless the sum restates it (the ids to drop); the sum is the total only when every item is a
    figure of information in general (a total's or a channel's) and they add up to it."""
    count = _closing(text, counts)
    items = [(q, read) for q, read, _ in listed if q.unit in _TOTAL_UNITS]
    if count is None or len(items) < 2:
        return set(), []
    # (a total the sum restates is no part: "共公开590条，网站268条、微信322条，合计590条")
    parts = {id(c) for _, read in items for c in read if c.key == "proactive.total" and c.value != count.value}
    whole = all(any(c.key in _PROACTIVE and not c.partial for c in read) for _, read in items)
    if not whole or count.unit not in _TOTAL_UNITS or sum(q.value for q, _ in items) != count.value:
        return parts, []
    total = Candidate("proactive.total", count.value, count.unit, count.qualifier, 1, None, count.raw, totalled=True)
    return parts, [total]


_SERIES_KEY = "documents.published"
_SERIES = (
    rf"(?P<owner>[\u4e00-\u9fff]{{0,{C.DOCUMENT_SERIES_OWNER_CHARS}}}?(?:{alternation(C.DOCUMENT_OWNER_ENDS)}))"
    rf"{C.DOCUMENT_SERIES_OBJECT}(?P<count>[0-9]+)(?P<unit>{alternation(C.DOCUMENT_PUBLISHED_UNITS)})"
)
_FIRST_SERIES = re.compile(f"(?:{alternation(C.DOCUMENT_ALONE_VERBS)}){_SERIES}")
_NEXT_SERIES = re.compile(f"[，,、]{_SERIES}")


def document_series(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """ "主动发布市政府文件13条，市政府办公室文件14条，…": the body's own document series given apart
    in one unit are added up for the files published (GUIDE.md clarification 18); the series end at
    the first item that is no such series (规范性文件, 法规, 政府令 are not added)."""
    for first in _FIRST_SERIES.finditer(sentence):
        series = [first]
        while (following := _NEXT_SERIES.match(sentence, series[-1].end())) is not None:
            series.append(following)
        if len(series) < 2 or len({m.group("unit") for m in series}) != 1:
            continue
        if any(k in m.group("owner") for m in series for k in C.DOCUMENT_OTHER_KINDS):
            continue
        raw = "+".join(m.group("count") + m.group("unit") for m in series)
        total = Candidate(_SERIES_KEY, sum(int(m.group("count")) for m in series), first.group("unit"), None, 1, None, raw)
        return [c for c in out if c.key != _SERIES_KEY] + [total]
    return out
