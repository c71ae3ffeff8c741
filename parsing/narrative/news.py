"""News of the work on the website ("通过政府网站发布动态信息26条"): one kind of what the site published,
read as the website's figure only when the sentence states it alone.

Beside another figure of what was published that names no channel of its own ("门户网站更新政务动态信息
1841条，信息公开目录信息2875条", "…工作动态62篇，试点领域政务公开内容更新12篇") it is one category of the
site's items, and beside the site's whole figure a part of it: neither is the website's figure.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from parsing.narrative.channels import CHANNEL_WORD
from parsing.narrative.clauses import Clause
from parsing.narrative.objects import fits_object
from parsing.narrative.quantities import quantities
from parsing.vocabulary import FACT_WORDS_BY_KEY, FactWords
from parsing.vocabulary import facts as W
from parsing.vocabulary.outlets import SITE_NEWS_OBJECTS

_WEBSITE = FACT_WORDS_BY_KEY["proactive.website"]
_WITH_NEWS = replace(_WEBSITE, objects=(*_WEBSITE.objects, *SITE_NEWS_OBJECTS))
_PART = re.compile("|".join(W.PART_WORDS))
_ITEM_UNITS = ("条", "篇", "条次", "则")


def site_news(words: FactWords, counted: str, after: str, verb: str, unit: str) -> bool:
    """The website's figure counts news of the work (`SITE_NEWS_OBJECTS`) rather than information."""
    return words.key == _WEBSITE.key and fits_object(_WITH_NEWS, counted, after, verb, unit)


def lone_news(rest: str, later: Sequence[Clause]) -> bool:
    """No figure of items after the news figure (`rest` of its clause, then the `later` clauses of its
    sentence) names neither a channel of its own nor a part (其中) of it."""
    text = "，".join([rest, *(c.text for c in later)])
    start = 0
    for quantity in quantities(text):
        own = text[start : quantity.start]
        start = quantity.end
        if quantity.unit in _ITEM_UNITS and not CHANNEL_WORD.search(own) and not _PART.search(own):
            return False
    return True
