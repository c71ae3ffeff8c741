"""The website's news as its figure: "通过政府网站发布动态信息26条", "网站发布动态信息30余条，公众号发布
信息700余条" — one kind of information (parsing.vocabulary.kinds) that stands for what the site
published when nothing after it in the sentence names another kind without a channel of its own
("…网站更新政务动态信息1841条,信息公开目录信息2875条", "网站共发布工作动态215条、通知公告47条":
categories of the site, no figure of it). A part listed after 其中 without a verb of its own
("…959条，其中本单位工作动态信息92条…；公示公告109条") is of the figure, no other kind. The figure is
read as one of the site's columns: a whole of the site stated beside it wins ("发布信息4583条…；…发布
政务动态信息2476条"), and larger than the sentence's total it is no part of it — not read. Conversely a
website figure listed right before kinds ("利用门户网站主动公开政府信息88条、规范性文件2条、…") is one of the
kinds the list counts: no figure of the site.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from parsing.narrative.candidate import Candidate
from parsing.narrative.channels import CHANNEL_WORD, TITLES, channels
from parsing.narrative.clauses import clauses
from parsing.narrative.quantities import quantities
from parsing.vocabulary import alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import kinds as K
from parsing.vocabulary import prose as P

_WEBSITE = "proactive.website"
_NEWS = re.compile(
    rf"(?P<site>{alternation(W.WEBSITE_WORDS)})[^；;。]*?{alternation(W.PUBLISH_VERBS)}"
    rf"(?:[^，,；;。0-9０-９]{{0,30}}?等|{alternation(P.OBJECT_OWNERS)})?(?P<kind>{alternation(K.SITE_NEWS_KINDS)})(?=\s*(?:共|共计|合计)?\s*[0-9０-９])"
)
_REOPENING = re.compile(alternation(K.REOPENING_VERBS))
_VERB = re.compile(alternation(W.PUBLISH_VERBS))


def site_news(sentence: str, out: list[Candidate], read: Callable[[str], list[Candidate]]) -> list[Candidate]:
    """`out` with the website's news figure added, when the sentence states no website figure else."""
    match = _NEWS.search(sentence)
    if match is None or any(c.key == _WEBSITE for c in out) or _other_kind_after(sentence[match.end() :]):
        return out
    general = sentence[: match.start("kind")] + K.SITE_NEWS_AS + sentence[match.end("kind") :]
    figure = quantities(sentence[match.end() :])
    news = [
        dataclasses.replace(c, column=True)
        for c in read(general)
        if c.key == _WEBSITE and figure and c.raw == figure[0].raw
    ]
    totals = [c.value for c in out if c.key == "proactive.total"]
    return out + [c for c in news if all(c.value <= t for t in totals)]


def _other_kind_after(rest: str) -> bool:
    """A figure after the news whose own clause names no channel: another kind of the site's."""
    in_part = False
    for index, clause in enumerate(clauses(rest)):
        text = clause.text
        if any(w in text for w in W.PART_WORDS):
            in_part = True
        elif in_part and _REOPENING.match(text.strip()):
            in_part = False  # ("…，其中…102条；发布法定主动公开内容1条": a kind of its own again)
        counts = [q for q in quantities(text) if q.unit in K.SITE_KIND_UNITS]
        if index == 0:
            counts = counts[1:]  # (the news figure itself)
            text = text[quantities(text)[0].end :] if quantities(text) else text
        if not counts or in_part or clause.aside:
            continue
        if not (CHANNEL_WORD.search(text) or channels(text)[0]):
            return True
    return False


_NEXT_ITEM = re.compile(r"^[、](?P<item>[^，,；;。、0-9０-９]{1,20}?)(?=[0-9０-９])")


def one_of_kinds(sentence: str, out: list[Candidate]) -> list[Candidate]:
    """A website figure listed with kinds right after it ("利用门户网站主动公开政府信息88条、规范性文件2条、
    …"): one of the kinds the list counts, no figure of the site."""
    kept = []
    for c in out:
        at = sentence.find(c.raw) if c.key == _WEBSITE else -1
        following = _NEXT_ITEM.match(sentence[at + len(c.raw) :]) if at >= 0 else None
        if following is None:
            kept.append(c)
            continue
        item = following.group("item")
        # (an item of its own verb or title is another channel's: "、“魅力二街”发布356条")
        if not channels(item)[0] and not _VERB.search(item) and not TITLES.search(item):
            count = quantities(sentence[at + len(c.raw) + following.end() :])
            if count and count[0].unit in K.SITE_KIND_UNITS and count[0].start == 0:
                continue
        kept.append(c)
    return kept
