"""Statements that there were none ("未收到…申请", "无行政规范性文件出台"): each key's `negative` forms,
"…" a gap inside one clause, read as 0."""

from __future__ import annotations

import re

from parsing.narrative.candidate import Candidate
from parsing.vocabulary import FACT_WORDS
from parsing.vocabulary import cases as C

_KEYS = tuple(f for f in FACT_WORDS if f.key != "proposals.count")
_GAP = r"[^，,。；;！？!?\n0-9０-９]{0,30}?"


def _word(text: str) -> str:
    """`text` as a regex, not where it ends another word ("申请人" holds no 申请)."""
    after = next((a for w, a in C.REQUIRED_NOT_BEFORE.items() if text.endswith(w)), None)
    return re.escape(text) + (f"(?!{re.escape(after)})" if after else "")


_NEGATIVE = {
    f.key: re.compile("|".join(_GAP.join(_word(p) for p in form.split("…")) for form in f.negative))
    for f in _KEYS
    if f.negative
}


def negatives_in(text: str) -> list[Candidate]:
    """The keys `text` states none of (value 0)."""
    out: list[Candidate] = []
    for words in _KEYS:
        pattern = _NEGATIVE.get(words.key)
        match = pattern.search(text) if pattern is not None else None
        if match is None:
            continue
        if any(w in text[match.start() :] for w in words.negative_excluding):
            continue
        out.append(Candidate(words.key, 0, words.unit, None, 1, None, match.group()))
    return out
