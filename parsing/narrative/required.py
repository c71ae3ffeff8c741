"""A key's required words (FactWords.required) in a clause: present, named by a list item, listed with 等."""

from __future__ import annotations

import re

from parsing.narrative.candidate import Candidate
from parsing.narrative.quantities import quantities
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


# "清理区本级规范性文件0件，保留4件，新制发1件": a clause of the verb and a count alone, after a clause
# of the same member counting what the key requires, counts that thing too (for keys whose
# required word is what is counted).
_CARRIED = {
    f.key: re.compile(rf"^\s*(?:新|另)?(?:{alternation(f.verbs)})了?(?=\s*[0-9０-９])")
    for f in _KEYS
    if f.required_counted
}


def carried_required(text: str, earlier: list[str]) -> list[Candidate]:
    """The candidates of a clause whose verb counts what an earlier clause of its member names."""
    out: list[Candidate] = []
    counts = quantities(text)
    for words in _KEYS:
        pattern = _CARRIED.get(words.key)
        if pattern is None or len(counts) != 1 or pattern.match(text) is None:
            continue
        quantity = counts[0]
        if quantity.unit not in words.units or text[quantity.end :].strip():
            continue
        named = [e for e in earlier if quantities(e) and names_required(words, e)]
        if named:
            out.append(
                Candidate(words.key, quantity.value, quantity.unit, quantity.qualifier, 1, None, quantity.raw)
            )
    return out
