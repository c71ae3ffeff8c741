"""A fact's source sentence, kept to a readable length around its figure.

A "sentence" is whatever lies between two full stops, and a report (or a hostile file) may
have none for pages: one fact's source was once 77 MB. The stored source is the sentence when
it is short, else the clauses around the figure, cut at clause marks, at most MAX_SOURCE
characters, with "…" where it was cut.
"""

from __future__ import annotations

import re

MAX_SOURCE = 300
_CLAUSE_END = re.compile(r"[，,；;。！？!?：:]")
ELLIPSIS = "…"


def excerpt(text: str, anchor: str | None, limit: int = MAX_SOURCE) -> str:
    """`text` if it fits in `limit` characters, else the clauses around `anchor` (the figure as printed)."""
    if len(text) <= limit:
        return text
    at = text.find(anchor) if anchor else -1
    if at < 0:
        at, anchor = 0, ""
    end_of_anchor = at + len(anchor or "")
    budget = limit - 2 * len(ELLIPSIS)
    # Whole clauses: back to a clause mark before the figure, on to one after it, within budget.
    start = max(0, end_of_anchor - budget)
    marks_before = [m.end() for m in _CLAUSE_END.finditer(text, start, at)]
    start = marks_before[-1] if marks_before else start
    stop = min(len(text), start + budget)
    marks_after = [m.end() for m in _CLAUSE_END.finditer(text, end_of_anchor, stop)]
    if marks_after:
        stop = marks_after[-1]
    head = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if stop < len(text) else ""
    return f"{head}{text[start:stop]}{tail}"
