"""Frames the clause reader (parsing.narrative.matching) does not read by itself, applied to what it
read from one sentence.

A sum closing the sentence's figures of one key ("收到…依申请公开共4件，收到…转办依申请公开1件，共计
收到各类依申请公开5件"): stated as a total and equal to the figures in its unit from the key's first
figure on, it is the key's figure and they are its parts. A request stated from the requester's side ("公众…向区政府提交政府信息公开190件")
is one received: read as if the agency said 收到, only with a requester as the subject. A channel
named as the object of the verb, right before its figure ("我办共发布信息门户网站717条、微博545条…"),
is the figure's channel: read as if named before the verb ("门户网站发布信息717条"). Two different
websites each with a figure in one sentence ("在浙江气象局外网门户…公开20条，浙江气象局政务网公开118条")
give no website figure, unless one of them is the others' sum: which one is "the website" is unknown.
"""

from __future__ import annotations

import re
from dataclasses import replace

from parsing.narrative.candidate import Candidate
from parsing.narrative.channels import OTHER, WEBSITE, WEBSITE_NAME, channel_name, channels, upper_sites
from parsing.narrative.clauses import clauses
from parsing.narrative.matching import sentence_candidates
from parsing.narrative.quantities import quantities
from parsing.narrative.sums import document_series
from parsing.vocabulary import FACT_WORDS, alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import frames as F
from parsing.vocabulary import prose as P

_CHANNEL_KEYS = {f.key for f in FACT_WORDS if f.channels}
_SUMMED_KEYS = {f.key for f in FACT_WORDS if not f.channels and not f.part_of} - {"proactive.total"}
_RECEIVED = "applications.received"
_WEBSITE = "proactive.website"
_TOTAL = "proactive.total"
_COLUMN = re.compile(alternation(P.COLUMN_WORDS))
_FILLERS_RE = re.compile(alternation(P.OBJECT_FILLERS))
_SUBMITTED = re.compile(
    rf"(?P<who>{alternation(F.REQUESTER_WORDS)})[^，,；;。！？]*?"
    rf"(?P<to>{F.SUBMIT_TO})[^，,；;。！？0-9]{{1,15}}?(?P<verb>{alternation(F.SUBMIT_VERBS)})"
)
_RECEIVE_VERB = "收到"
_CHANNEL_AS_OBJECT = re.compile(
    rf"(?P<verb>{alternation(W.PUBLISH_VERBS)})(?P<what>{alternation(W.INFO_OBJECTS)})?"
    rf"(?P<channel>{alternation(W.WEBSITE_WORDS)})"
    rf"(?P<what_after>(?:{alternation(P.OBJECT_FILLERS)})*(?:{alternation(W.INFO_OBJECTS)})?)(?=\s*[0-9０-９])"
)


def closing_sums(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """Per key: the last figure, stated as a total and equal to the sum of the figures in its unit
    from the key's first figure on ("收到当面申请2件，网上申请3件，合计收到…申请5件"), alone."""
    counts = quantities(sentence)
    for key in _SUMMED_KEYS:
        same = [c for c in out if c.key == key and not c.partial]
        if len(same) < 2 or not same[-1].totalled:
            continue
        first, whole = same[0], same[-1]
        raws = [q.raw for q in counts]
        if first.raw not in raws or whole.raw not in raws:
            continue
        start, end = raws.index(first.raw), len(raws) - 1 - raws[::-1].index(whole.raw)
        listed = [q.value for q in counts[start:end] if q.unit == whole.unit]
        if len(listed) > 1 and sum(listed) == whole.value:
            out = [c for c in out if c.key != key or c is whole]
    return out


def as_received(sentence: str) -> str | None:
    """The sentence with a requester's 向…提交 read as the agency's 收到, if it says so."""
    match = _SUBMITTED.search(sentence)
    if match is None or any(w in sentence[: match.start("to")] for w in P.SELF_WORDS):
        return None
    return sentence[: match.start("to")] + _RECEIVE_VERB + sentence[match.end("verb") :]


def channel_first(sentence: str) -> str | None:
    """The sentence with a website named after the verb, right before its figure or what it counts
    ("主动公开政府网站各类信息47条"), named before it."""
    match = _CHANNEL_AS_OBJECT.search(sentence)
    if match is None:
        return None
    moved = match.group("channel") + match.group("verb") + (match.group("what") or "") + match.group("what_after")
    return sentence[: match.start()] + moved + sentence[match.end() :]


def _site_figures(sentence: str) -> list[tuple[str, float]]:
    """(the website a clause names before its first figure, the figure) for every clause naming a
    website and no other channel; not a column of one ("…政府信息公开专栏发布…" is the website's part),
    nor a part after 其中 of a website's figure stated before it."""
    out: list[tuple[str, float]] = []
    wholes: int | None = None  # the website figures before a 其中, once one was read
    for clause in clauses(sentence):
        counts = [q for q in quantities(clause.text) if q.unit in W.PUBLISHED_UNITS]
        if wholes is None and any(w in clause.text for w in W.PART_WORDS):
            wholes = len(out)
        if clause.aside or not counts or wholes:
            continue
        subject = clause.text[: counts[0].start]
        sites = list(WEBSITE_NAME.finditer(subject))
        if sites and channels(subject)[0] - {OTHER} == {WEBSITE} and not _COLUMN.search(subject):
            out.append((channel_name(subject[: sites[-1].end()]), counts[0].value))
    return out


def two_websites(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """No website figure from a sentence giving two different websites a figure each, none their sum."""
    sites = _site_figures(sentence)
    if len({name for name, _ in sites}) < 2:
        return out
    values = [value for _, value in sites]
    return [
        c
        for c in out
        if c.key != _WEBSITE or c.value * 2 == sum(values)
    ]


def sites_together(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """A total whose parts are the figures of two of the body's websites, adding up to it ("主动公开政府信息
    1712件，其中：在政府信息公开网站公开信息23件，在我局门户网站发布信息1689件"), is one figure for the
    two sites together: the website's, no total (GUIDE 6)."""
    totals = [c for c in out if c.key == _TOTAL]
    sites = _site_figures(sentence)
    if len(totals) != 1 or len({name for name, _ in sites}) < 2 or sum(v for _, v in sites) != totals[0].value:
        return out
    return [c for c in out if c.key not in (_TOTAL, _WEBSITE)] + [replace(totals[0], key=_WEBSITE)]


_OPEN_PLATFORM = re.compile(alternation(P.OPEN_PLATFORM_WORDS))
_PORTAL = re.compile(alternation(P.PORTAL_WORDS))
_PART_WORD = re.compile(alternation(W.PART_WORDS))


def platform_whole(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """ "全县信息公开平台共发布23138条，其中通过政府网站发布2917条": the platform's figure, its parts
    naming the portal, is neither the website's nor a total (GUIDE 5); the portal's part is the website's."""
    part = _PART_WORD.search(sentence)
    if part is None or not _PORTAL.search(_OPEN_PLATFORM.sub("", sentence[part.end() :])):
        return out
    whole = re.split("[，,；;。]", sentence[: part.start()].rstrip("，,：: "))[-1]
    if not _OPEN_PLATFORM.search(whole) or _PORTAL.search(_OPEN_PLATFORM.sub("", whole)):
        return out
    stated = [q.raw for q in quantities(whole)]
    return [c for c in out if not (c.key in (_TOTAL, _WEBSITE) and c.raw in stated)]


def upper_site_figures(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """No website figure of a site above the lowest level the sentence names ("其中在市政府门户网站公开发布
    11条、省政府外事办网站公开发布13条": 13 is an upper level's site's, GUIDE 13)."""
    upper = upper_sites(sentence)
    return [c for c in out if not (upper and c.key == _WEBSITE and _site_at(sentence, c.raw) in upper)]


def _site_at(sentence: str, raw: str) -> tuple[int, int] | None:
    """The span of the site the clause of `raw` names last before it, as an upper site's span if inside one."""
    at = sentence.find(raw) if "+" not in raw else -1
    start = max(sentence.rfind(p, 0, at) for p in "，,；;、") + 1 if at >= 0 else 0
    sites = list(WEBSITE_NAME.finditer(sentence, start, max(at, 0)))
    if not sites:
        return None
    end = sites[-1].end()
    return next((span for span in upper_sites(sentence) if span[0] <= sites[-1].start() and end <= span[1]), None)


_TOTAL_UNITS = next(f.units for f in FACT_WORDS if f.key == _TOTAL)
_PART_OPENING = re.compile(rf"^\s*(?:{alternation(W.PART_WORDS)})?[：:\s]*")
_INFO = re.compile(alternation(W.INFO_OBJECTS))


def proactive_part(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """ "我单位共制作信息30条，其中主动公开信息数24条，依申请公开信息数6条": the 主动公开 part of a whole
    that holds the requested too, or of a whole not stated as 主动公开, is the year's total; the whole is none."""
    parts = [c for c in clauses(sentence) if not c.aside]
    opened = [i for i, c in enumerate(parts) if any(w in c.text for w in W.PART_WORDS)]
    if not opened:
        return out
    found: Candidate | None = None
    requested = False
    for clause in parts[opened[0] :]:
        text = _PART_OPENING.sub("", clause.text)
        counts = quantities(text)
        if not counts:
            continue
        if text.startswith(F.REQUESTED_PART_WORDS):
            requested = True
        counted = _FILLERS_RE.sub("", text[len(F.PROACTIVE_PART_VERB) : counts[0].start]).strip()
        if (
            found is None
            and text.startswith(F.PROACTIVE_PART_VERB)
            and counts[0].unit in _TOTAL_UNITS
            and (not counted or _INFO.fullmatch(counted))
        ):
            q = counts[0]
            found = Candidate(_TOTAL, q.value, q.unit, q.qualifier, 1, None, q.raw, totalled=True)
    # (a whole stated as published or made public, not as 主动公开, holds more than the total too:
    # "共发布各类信息500条，其中主动公开政府信息200条")
    whole = "".join(c.text for c in parts[: opened[0]])
    wider = any(c.key == _TOTAL for c in out) and F.PROACTIVE_PART_VERB not in whole
    if found is None or not (requested or wider):
        return out
    return [c for c in out if c.key != _TOTAL] + [found]


def framed_candidates(sentence: str, year: int | None) -> list[Candidate]:
    """`sentence_candidates`, with the frames above read too."""
    out = sentence_candidates(sentence, year)
    received = as_received(sentence) if all(c.key != _RECEIVED for c in out) else None
    if received is not None:
        out += [c for c in sentence_candidates(received, year) if c.key == _RECEIVED]
    moved = channel_first(sentence) if all(c.key != _WEBSITE for c in out) else None
    if moved is not None:
        out += [c for c in sentence_candidates(moved, year) if c.key == _WEBSITE]
    out = sites_together(sentence, two_websites(sentence, closing_sums(sentence, platform_whole(sentence, out))))
    return document_series(sentence, proactive_part(sentence, upper_site_figures(sentence, out)))
