"""A website named as the means of a sentence's disclosure, clauses before its figure.

"2023年依托合江县人民政府网站，结合政务公开工作要点…，加大主动公开力度，主动公开各类政府信息6750余条",
"以滨江区政府信息公开网站为平台，动态更新…，主动公开本单位政府信息61条": the sentence names one
website as what it published through and no other channel; its figure is the website's even with
clauses between (parsing.narrative.matching reads the clause right before by itself). Two websites
named ("以“中国大连”政府门户网站与…机关门户网站为主要公开途径") or another channel beside one leave the
figure unbound; a figure in words there ("做到…文件发布一条解读一条") is a saying, not a count. A
figure's clause restating the subject ("…，截至2024年12月31日，我镇主动公开政务信息4条") is a statement
of its own: it names no website, so its figure is the total (narrative_corpus/GUIDE.md).
"""

from __future__ import annotations

import re

from parsing.narrative.channels import (
    MEDIA,
    OTHER,
    PRESS,
    TITLES,
    WEBSITE_NAME,
    channels,
    verb_in,
    without_means,
)
from parsing.narrative.clauses import Clause
from parsing.narrative.quantities import Quantity
from parsing.narrative.times import only_dates
from parsing.vocabulary import FACT_WORDS, alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import frames as F
from parsing.vocabulary import prose as P

_MEANS = re.compile(rf"{alternation(F.WEBSITE_MEANS_OPENINGS)}[^，,；;]{{0,30}}?{WEBSITE_NAME.pattern}")
_OTHERS = {MEDIA, OTHER, PRESS}
_DIGIT = re.compile("[0-9０-９]")
_PUBLISH = re.compile(alternation(W.PUBLISH_VERBS))
_ANY_VERB = re.compile(alternation(tuple({v for f in FACT_WORDS if f.key != "proposals.count" for v in f.verbs})))


def means_website(through: list[Clause], counts: list[Quantity]) -> bool:
    """One website, and nothing else, named as the means in the clauses before the figures (the last
    of `through` is theirs), which restates no subject of its own."""
    *earlier, own = through
    if not counts or restates_subject(own, counts):
        return False
    texts = [TITLES.sub("", c.text) for c in earlier if not c.aside]
    if not counts or not all(_DIGIT.search(q.raw) for q in counts):
        return False
    if sum(len(WEBSITE_NAME.findall(t)) for t in texts) != 1 or any(channels(t)[0] & _OTHERS for t in texts):
        return False
    return any(_MEANS.search(t) for t in texts)


def restates_subject(clause: Clause, counts: list[Quantity]) -> bool:
    """The figure's clause names the body itself before its verb ("…，截至…，我镇主动公开政务信息4条"):
    a statement of its own, which no channel of the clauses before reaches."""
    subject = _PUBLISH.split(clause.text[: counts[0].start], maxsplit=1)[0] if counts else ""
    return any(w in subject for w in P.SELF_WORDS)


def named_just_before(earlier: list[Clause]) -> bool:
    """The clause right before a figure (dates between) names a channel and has no verb of its own
    ("我局通过区政府网政务公开政府部门民政局网页,发布信息92条"): the channel is the figure's."""
    for clause in reversed([c for c in earlier if not c.aside]):
        if only_dates(clause.text):
            continue
        return bool(channels(clause.text)[0]) and verb_in(_ANY_VERB, without_means(clause.text)) is None
    return False
