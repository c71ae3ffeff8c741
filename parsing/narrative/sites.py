"""A body named as where it published stands for its website: "我镇通过新桥镇人民政府共发布公开信息66条",
"通过广昌县人民政府(http://www.jxgc.gov.cn)主动公开…57条" — a government is no channel, its site is
(the address, when printed, says so). Read as if the site were named ("通过新桥镇人民政府网站共发布…")."""

from __future__ import annotations

import re

from parsing.vocabulary import alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import frames as F

_BODY_AS_SITE = re.compile(
    rf"(?P<means>{alternation(F.BODY_SITE_MEANS)})(?P<body>[^，,；;。、和及与“”\"]{{1,15}}?{alternation(F.BODY_SITE_NAMES)})"
    rf"(?P<address>[（(]?(?:https?://|www\.)[^）)，,；;]*[）)]?)?"
    rf"(?=(?:{alternation(F.BODY_SITE_BETWEEN)})*{alternation(W.PUBLISH_VERBS)})"
)


def body_as_site(sentence: str) -> str | None:
    """The sentence with the body named as the means read as its website, if it names one so."""
    match = _BODY_AS_SITE.search(sentence)
    if match is None:
        return None
    named = match.group("means") + match.group("body") + F.BODY_SITE_AS
    return sentence[: match.start()] + named + sentence[match.end() :]
