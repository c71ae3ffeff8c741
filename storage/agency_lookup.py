"""Agencies by the names people type: normalisation, the cached index of stored names and
aliases (with the places they name), and fuzzy lookup. Plain functions taking a Session."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from rapidfuzz import process
from rapidfuzz.distance import LCSseq
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from parsing.names import match_key, name_key
from storage.agencies import parse_agency_name, strip_level
from storage.models import Agency, AgencyAlias

# --- agency lookup -------------------------------------------------------------------


class MatchKind(StrEnum):
    EXACT = "exact"
    ALIAS = "alias"
    FUZZY = "fuzzy"
    NONE = "none"


@dataclass(frozen=True)
class AgencyCandidate:
    agency_id: int
    name: str
    score: float  # 0..100


@dataclass(frozen=True)
class AgencyMatch:
    """`unique` is set when one agency is meant; otherwise `candidates` are the close ones."""

    kind: MatchKind
    unique: AgencyCandidate | None
    candidates: tuple[AgencyCandidate, ...] = ()


# Thresholds on the 0..100 score below, tuned on the test table (tests/answers/).
UNIQUE_SCORE = 85.0  # a subsequence of the name scores >= 88
UNIQUE_GAP = 6.0
TYPO_SCORE = 70.0  # one wrong character in a 5-character alias, nobody else close
TYPO_GAP = 15.0
AMBIGUOUS_SCORE = 65.0
CLOSE_SCORE = 30.0


@dataclass
class _AgencyIndex:
    names: dict[int, str]
    exact: dict[str, set[int]]  # normalised name/alias -> agencies
    strings: list[str] = field(default_factory=list)  # canonical names and aliases
    owners: list[int] = field(default_factory=list)  # agency id of strings[i]
    places: dict[str, set[int]] = field(
        default_factory=dict
    )  # 文登区 / 文登 / 威海市文登区 -> agencies there
    lexicon: tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]] | None = None


_INDEX_CACHE: dict[tuple[object, ...], _AgencyIndex] = {}
_INDEX_LOCK = threading.Lock()


# Two index probes: the index is rebuilt only when agencies or aliases change. Rows are only
# ever added (a rename, storage.agencies.same_agency, adds the old name as an alias), so the
# newest ids tell; count() would scan every agency on every question (12 ms at 20 000 on
# PostgreSQL, issue 14). One Core statement (the ORM path cost twice as much), built once:
# building it for every question cost 5x the query itself (0.3 ms of ~2 ms an answer).
_SIGNATURE = select(func.max(Agency.id), select(func.max(AgencyAlias.id)).scalar_subquery())


def _index_signature(session: Session) -> tuple[object, ...]:
    row = session.connection().execute(_SIGNATURE).one()
    bind = session.get_bind()
    return (str(bind.engine.url), id(bind.engine), *row)


def _agency_index(session: Session) -> _AgencyIndex:
    key = _index_signature(session)
    with _INDEX_LOCK:
        cached = _INDEX_CACHE.get(key)
    if cached is not None:
        return cached
    names: dict[int, str] = {i: n for i, n in session.execute(select(Agency.id, Agency.name))}
    pairs: list[tuple[int, str]] = list(names.items())
    pairs += [(i, a) for i, a in session.execute(select(AgencyAlias.agency_id, AgencyAlias.alias))]
    index = _AgencyIndex(names=names, exact={})
    seen: set[tuple[int, str]] = set()
    for agency_id, text in pairs:
        index.exact.setdefault(name_key(text), set()).add(agency_id)
        canon = match_key(text)
        if canon and (agency_id, canon) not in seen:
            seen.add((agency_id, canon))
            index.strings.append(canon)
            index.owners.append(agency_id)
    for agency_id, name in names.items():
        for place in place_names(name):
            index.places.setdefault(place, set()).add(agency_id)
    with _INDEX_LOCK:
        if len(_INDEX_CACHE) > 8:
            _INDEX_CACHE.clear()
        _INDEX_CACHE[key] = index
    return index


def place_names(name: str) -> list[str]:
    """The ways a person names the place of an agency: 文登区, 文登, 威海市文登区, 威海文登, 威海市, 威海."""
    parsed = parse_agency_name(name)
    out: list[str] = []
    chain = list(parsed.places)
    for i, token in enumerate(chain):
        stem = strip_level(token)
        forms = [token, *([stem] if stem else [])]
        out += forms
        if i > 0:
            parent = chain[i - 1]
            parent_stem = strip_level(parent) or parent
            out += [parent + f for f in forms] + [parent_stem + f for f in forms]
    return [name_key(p) for p in dict.fromkeys(out) if len(p) >= 2]


def agency_lexicon(session: Session) -> tuple[dict[str, frozenset[int]], dict[str, frozenset[int]]]:
    """(stored names and aliases, place names) -> agency ids, normalised; cached with the index."""
    index = _agency_index(session)
    if index.lexicon is None:
        names = {k: frozenset(v) for k, v in index.exact.items()}
        places = {k: frozenset(v) for k, v in index.places.items() if k not in index.exact}
        index.lexicon = (names, places)
    return index.lexicon


def agency_names(session: Session, ids: Sequence[int]) -> dict[int, str]:
    index = _agency_index(session)
    return {i: index.names[i] for i in ids if i in index.names}


def _score(query: str, lcs: float, candidate: str) -> float:
    # Share of the typed characters found in order in the name (abbreviations are
    # subsequences of the full name), with a little weight on covering the name itself
    # so the shorter, closer name wins a tie.
    return 100.0 * (0.8 * lcs / len(query) + 0.2 * lcs / max(len(candidate), 1))


def find_agencies(session: Session, typed: str, *, limit: int = 5) -> AgencyMatch:
    """Agencies for a name as a person typed it: exact name, stored alias, then fuzzy."""
    index = _agency_index(session)
    norm = name_key(typed)
    if not norm or not index.names:
        return AgencyMatch(MatchKind.NONE, None)
    hits = index.exact.get(norm)
    if hits:
        cands = tuple(sorted((AgencyCandidate(i, index.names[i], 100.0) for i in hits), key=lambda c: c.name))
        if len(cands) == 1:
            kind = MatchKind.EXACT if name_key(cands[0].name) == norm else MatchKind.ALIAS
            return AgencyMatch(kind, cands[0], cands)
        return AgencyMatch(MatchKind.ALIAS, None, cands[:limit])

    query = match_key(typed)
    best: dict[int, float] = {}
    cutoff = max(1, len(query) // 3)
    for choice, lcs, pos in process.extract(
        query, index.strings, scorer=LCSseq.similarity, score_cutoff=cutoff, limit=None
    ):
        owner = index.owners[pos]
        score = _score(query, lcs, choice)
        if score > best.get(owner, 0.0):
            best[owner] = score
    ranked = sorted(best.items(), key=lambda item: (-item[1], index.names[item[0]]))
    cands = tuple(AgencyCandidate(i, index.names[i], round(s, 1)) for i, s in ranked[:limit])
    if not cands:
        return AgencyMatch(MatchKind.NONE, None)
    top = cands[0].score
    second = cands[1].score if len(cands) > 1 else 0.0
    if (top >= UNIQUE_SCORE and top - second >= UNIQUE_GAP) or (
        top >= TYPO_SCORE and top - second >= TYPO_GAP
    ):
        return AgencyMatch(MatchKind.FUZZY, cands[0], cands)
    if top >= AMBIGUOUS_SCORE:
        close = tuple(c for c in cands if c.score >= max(AMBIGUOUS_SCORE, top - 15))
        return AgencyMatch(MatchKind.FUZZY, None, close)
    return AgencyMatch(MatchKind.NONE, None, tuple(c for c in cands if c.score >= CLOSE_SCORE))
