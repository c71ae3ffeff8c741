"""A key's required words (FactWords.required) in a clause: present, named by a list item, listed with 等."""

from __future__ import annotations

import re

from parsing.vocabulary import FACT_WORDS, FactWords, alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P

_KEYS = tuple(f for f in FACT_WORDS if f.key != "proposals.count")
_VERBS = {f.key: re.compile(alternation(f.verbs)) for f in _KEYS if f.verbs}
_FILLERS = re.compile(alternation(P.OBJECT_FILLERS))

# A required word followed by this is part of another word ("印发文件" names no 发文).
REQUIRED = {
    f.key: [
        re.compile(
            "|".join(
                re.escape(w)
                + (f"(?!{re.escape(W.REQUIRED_NOT_BEFORE[w])})" if w in W.REQUIRED_NOT_BEFORE else "")
                for w in sorted(group, key=len, reverse=True)
            )
        )
        for group in f.required
    ]
    for f in _KEYS
}


def names_required(words: FactWords, own: str) -> bool:
    """A later item of a clause, with no verb of its own, that names every required word of the key
    ("发布省政府规章1件、行政规范性文件6件"): it names what it counts, the clause's verb counting it."""
    return bool(words.required) and all(p.search(own) for p in REQUIRED[words.key])


def listed_kind(words: FactWords, before: str) -> bool:
    """The required word is one item of a list closed by 等 before the count: the count is the whole's
    (or, for a key whose required word is what is counted, anything but fillers and verbs follows it)."""
    ends = [m.end() for pattern in REQUIRED[words.key] for m in pattern.finditer(before)]
    if not ends:
        return False
    rest = before[max(ends) :]
    if words.required_counted and _FILLERS.sub("", _VERBS[words.key].sub("", rest)).strip(" ：:"):
        return True
    return P.OBJECT_LIST_END in rest
