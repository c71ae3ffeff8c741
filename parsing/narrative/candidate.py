"""A candidate fact: one count read for one key in a sentence, before the best are chosen."""

from __future__ import annotations

from dataclasses import dataclass

from parsing.narrative.quantities import Number


@dataclass(frozen=True)
class Candidate:
    key: str
    value: Number
    unit: str
    qualifier: str | None
    score: int
    channel: str | None  # the channel a figure names (for keys that add channels up)
    raw: str
    # A figure of the key's channel that counts one kind of thing only ("推文30篇"): the
    # channels of its paragraph cannot be added up.
    partial: bool = False
    # Read after "其中": a part of a figure of the same key stated before it, if there is one.
    in_part: bool = False
    # Stated as a total ("共…", "累计…").
    totalled: bool = False
    # Read without a verb ("依申请公开7件").
    bare: bool = False
    # Read as a channel's noun with no verb ("…网站信息796条；…微信信息398条"): only in such a list.
    noun: bool = False
    # The website's figure read through one of its columns ("政府信息公开专栏发布信息43条"): a part of
    # the figure the website as a whole is stated with.
    column: bool = False
    # Read through a verb of `FactWords.stock_verbs` ("公开行政规范性文件2件"): what was published up
    # to a time ("截至目前") is a stock, not the year's figure.
    stock: bool = False
    # A `part_of` key's figure stated on its own ("主动公开文件17件"): no whole needed before it.
    alone: bool = False
    # The website's figure of news of the work ("政府网站发布动态信息26条"): one kind of what the site
    # published, its figure only when the sentence states no other (parsing.narrative.news).
    news: bool = False
