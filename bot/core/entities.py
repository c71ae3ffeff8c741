"""Agencies named in a question: stored names and aliases first, by longest match; places;
then whatever is left over, for fuzzy matching by the answer side.

Pure: the stored names arrive as a `Lexicon` (built by storage.agency_lookup from the database),
so the parser's tests can hand it a small one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from bot.core import question_cues as cue
from bot.core.question_text import QuestionText
from parsing.names import name_key

MIN_NAME = 3  # shorter stored aliases are too generic to trust inside running text


@dataclass(frozen=True)
class Lexicon:
    """Normalised stored names/aliases -> agency ids; place names (文登区, 文登) -> agency ids there."""

    names: Mapping[str, frozenset[int]] = field(default_factory=dict)
    places: Mapping[str, frozenset[int]] = field(default_factory=dict)

    @cached_property
    def longest(self) -> int:
        # Once per lexicon, not per question: a scan of every stored name (issue 14).
        return max((len(k) for k in self.names), default=0)


@dataclass(frozen=True)
class AgencyRef:
    """One agency as the question names it.

    ids: the stored agencies the words are exactly a name or alias of (several: an alias they
    share) or, with `place`, the agencies of that place. Empty: to be matched fuzzily.
    """

    typed: str
    ids: tuple[int, ...] = ()
    place: bool = False
    start: int = 0


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    ids: frozenset[int]


def find_names(t: QuestionText, lexicon: Lexicon) -> list[_Hit]:
    """Stored names on unclaimed characters, longest first at each position, left to right."""
    hits: list[_Hit] = []
    longest = lexicon.longest
    i, n = 0, len(t.s)
    while i < n:
        hit = None
        for length in range(min(longest, n - i), MIN_NAME - 1, -1):
            if not t.free(i, i + length):
                continue
            ids = lexicon.names.get(name_key(t.s[i : i + length]))
            if ids:
                hit = _Hit(i, i + length, ids)
                break
        if hit is None:
            i += 1
        else:
            hits.append(hit)
            i = hit.end
    return hits


def _split_conjunctions(piece: str) -> list[str]:
    """ "火星科技局和文登科技局" -> two names; "人力资源和社会保障局" stays whole."""
    parts = [p for p in cue.CONJUNCTION.split(piece) if p]
    if len(parts) > 1 and all(cue.AGENCY_END.search(cue.strip_filler(p)) for p in parts):
        return parts
    return [piece]


def _leftover_refs(t: QuestionText, offset: int, text: str, lexicon: Lexicon) -> list[AgencyRef]:
    refs: list[AgencyRef] = []
    for raw in cue.SEPARATORS.split(text):
        for part in _split_conjunctions(raw):
            name = cue.strip_filler(part)
            if not cue.looks_like_name(name) and name_key(name) not in lexicon.places:
                continue
            start = offset + max(0, text.find(name))
            places = lexicon.places.get(name_key(name))
            if places:
                refs.append(AgencyRef(name, tuple(sorted(places)), place=True, start=start))
            else:
                refs.append(AgencyRef(name, start=start))
    return refs


def _glued(gap: str, side: str) -> bool:
    """Unknown words touching a stored name on `side` ("before"/"after"/"between")."""
    if side == "between":
        return bool(cue.strip_filler(cue.SEPARATORS.sub("", cue.CONJUNCTION.sub("", gap))))
    rest = cue.strip_filler(gap)
    if not rest:
        return False
    edge = gap[-1:] if side == "before" else gap[:1]
    return not (cue.SEPARATORS.match(edge) or cue.CONJUNCTION.match(edge))


def read_agencies(t: QuestionText, lexicon: Lexicon, hits: list[_Hit]) -> list[AgencyRef]:
    """The agencies of the unclaimed text. A stored name glued to unknown words (威海 + 文登科技局)
    is not trusted: the whole piece goes to fuzzy matching instead."""
    refs: list[AgencyRef] = []
    for start, piece in t.pieces():
        end = start + len(piece)
        inside = [h for h in hits if start <= h.start and h.end <= end]
        bounds = [start, *(x for h in inside for x in (h.start, h.end)), end]
        gaps = [t.s[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2)]
        sides = ["before", *(["between"] * (len(gaps) - 2)), "after"] if inside else []
        if not inside or any(_glued(g, side) for g, side in zip(gaps, sides, strict=True)):
            refs += _leftover_refs(t, start, piece, lexicon)
            continue
        refs += [AgencyRef(t.s[h.start : h.end], tuple(sorted(h.ids)), start=h.start) for h in inside]
    # Leftover words are an agency when they end like one, or when nothing else named one
    # (then only the longest piece, as typed: 文登科技居).
    named = [r for r in refs if r.ids or cue.AGENCY_END.search(r.typed)]
    if not named:
        fuzzy = [r for r in refs if not r.ids]
        named = [max(fuzzy, key=lambda r: len(r.typed))] if fuzzy else []
    return sorted(named, key=lambda r: r.start)


def claim(t: QuestionText, refs: list[AgencyRef]) -> None:
    for r in refs:
        pos = t.s.find(r.typed, r.start)
        if pos >= 0:
            t.take(pos, pos + len(r.typed))
