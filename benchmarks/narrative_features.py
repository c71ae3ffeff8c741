"""Every candidate the prose reader considers for a report, as (key, value, qualifier) -> named features.

For benchmarks/narrative_train.py. A report's candidates are:
  - what `sentence_candidates` reads in each sentence ("read by the rules"), and whether it survives
    the sentence-level rules after it (binding, headings, all-through, first total: "kept by the rules");
  - what `read_narrative` finally chose for each key ("the rules chose it"), with its conflicts;
  - looser ones: any count in a clause with the key's unit and its cue words (its required words, or
    its verb and channel), which the rules did not read ("loose").
`mentions` walks the sentences as parsing.narrative.read_narrative does (section headings, the
same sentence-level rules in the same order): a change there belongs here too.
Features are named in words and built from the one vocabulary (parsing.vocabulary) and the
`Candidate` flags, so the learned weights table reads as a list of reasons.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from parsing.extract.text import document_from_text
from parsing.narrative import _first_total, read_narrative
from parsing.narrative.binding import bound
from parsing.narrative.candidate import Candidate
from parsing.narrative.clauses import clauses
from parsing.narrative.headings import heading_key, opens_section, under_heading
from parsing.narrative.matching import sentence_candidates
from parsing.narrative.passages import sentences
from parsing.narrative.quantities import Number, quantities
from parsing.narrative.sums import all_through
from parsing.narrative.times import other_year
from parsing.vocabulary import FACT_WORDS, FACTS, FactWords
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P

KEYS = tuple(f.key for f in FACT_WORDS)
_WORDS = {f.key: f for f in FACT_WORDS}
# One model per main key; the rare keys share one (with the key as a feature).
GROUPS = {
    "proactive.total": "proactive.total",
    "proactive.website": "proactive.website",
    "proactive.new_media": "proactive.new_media",
    "applications.received": "applications.received",
    "review.count": "cases",
    "suit.count": "cases",
}


def group_of(key: str) -> str:
    return GROUPS.get(key, "other")


@dataclass
class Mention:
    key: str
    value: Number
    qualifier: str | None
    sentence: str
    before: str  # the clause's text before the number ("" when unknown)
    read: bool = False
    kept: bool = False
    candidate: Candidate | None = None
    heading: bool = False
    position: int = 0


@dataclass
class Option:
    """One (key, value, qualifier) of a report with its features."""

    key: str
    value: Number
    qualifier: str | None
    features: dict[str, float] = field(default_factory=dict)


def _any(words: Iterable[str], text: str) -> bool:
    return any(w in text for w in words)


def _cue(words: FactWords, clause: str) -> bool:
    """The clause names the key the way its vocabulary does (loosely: no order, no exclusion)."""
    if words.required:
        return all(_any(group, clause) for group in words.required)
    if words.verbs and not _any(words.verbs, clause):
        return False
    if words.channels:
        return _any(words.channels, clause)
    return bool(words.verbs)


def _before(sentence: str, raw: str) -> str:
    for clause in clauses(sentence):
        at = clause.text.find(raw)
        if at >= 0:
            return clause.text[:at]
    return ""


def mentions(text: str, year: int | None) -> tuple[list[Mention], dict[str, object]]:
    """Every candidate of one report's prose, and what the rule reader decided."""
    blocks = document_from_text(text).blocks
    result = read_narrative(blocks, year=year)
    out: list[Mention] = []
    heading: str | None = None
    position = 0
    for passage in sentences(blocks):
        for i, sentence in enumerate(passage):
            if opens_section(passage, i):
                heading = heading_key(sentence.text)
            s = sentence.text
            raw = sentence_candidates(s, year)
            kept = _first_total(all_through(s, under_heading(bound(s, raw), heading, s)))
            seen: set[tuple[str, Number]] = set()
            for c in raw + [k for k in kept if k not in raw]:
                position += 1
                seen.add((c.key, c.value))
                out.append(
                    Mention(
                        c.key,
                        c.value,
                        c.qualifier,
                        s,
                        _before(s, c.raw),
                        c in raw,
                        c in kept,
                        c,
                        heading is not None,
                        position,
                    )
                )
            for clause in clauses(s):
                for q in quantities(clause.text):
                    for words in FACT_WORDS:
                        if q.unit not in words.units or (words.key, q.value) in seen:
                            continue
                        if _cue(words, clause.text):
                            position += 1
                            seen.add((words.key, q.value))
                            out.append(
                                Mention(
                                    words.key,
                                    q.value,
                                    q.qualifier,
                                    s,
                                    clause.text[: q.start],
                                    heading=heading is not None,
                                    position=position,
                                )
                            )
    chosen = {f.key: f for f in result.facts}
    conflicts = {c.key: set(c.values) for c in result.conflicts}
    return out, {"chosen": chosen, "conflicts": conflicts}


def _mention_features(m: Mention) -> dict[str, float]:
    words = _WORDS[m.key]
    s, before = m.sentence, m.before
    f: dict[str, float] = {}
    c = m.candidate

    def put(name: str, on: bool) -> None:
        if on:
            f[name] = 1.0

    put("read by the rules", m.read)
    put("kept by the rules", m.kept)
    put("read, then dropped by the sentence rules", m.read and not m.kept)
    put("loose: the key's cue words only", c is None)
    if c is not None:
        put("rule score 2 or more", c.score >= 2)
        put("rule score 0 (partial)", c.score == 0)
        put("partial: one kind of thing", c.partial)
        put("after 其中: a part", c.in_part)
        put("stated as a total (共/累计)", c.totalled)
        put("no verb (bare)", c.bare)
        put("a channel's noun", c.noun)
        put("through a column", c.column)
        put("names its channel", c.channel is not None)
        put("unit is the key's own", c.unit == words.unit)
    put("approximate before (约/近/超过)", m.qualifier in P.APPROX_BEFORE)
    put("approximate after (余/多/左右)", m.qualifier is not None and m.qualifier not in P.APPROX_BEFORE)
    put("value is 0", m.value == 0)
    put("value is 1000 or more", m.value >= 1000)
    put("sentence opens with 其中", s.lstrip().startswith(W.PART_WORDS))
    put("其中 before the number", _any(W.PART_WORDS, before))
    put("change word before the number (增加/较上年)", _any(P.CHANGE_WORDS, before))
    put("change word in the sentence", _any(P.CHANGE_WORDS, s))
    put("another year before the number", other_year(before, None))
    put("another-year word in the sentence (上年/截至目前)", _any(P.OTHER_YEAR_WORDS, s))
    put("none word before the number (未/无)", _any(W.NONE_WORDS, before))
    put("helpful word of the key before the number", _any(words.helpful, before))
    put("excluding word of the key before the number", _any(words.excluding, before))
    put("excluding word of the key in the sentence", _any(words.excluding, s))
    put(
        "required words of the key before the number",
        bool(words.required) and all(_any(g, before) for g in words.required),
    )
    put("verb of the key before the number", _any(words.verbs, before))
    put("total word before the number (共/累计/合计)", _any(P.TOTAL_WORDS, before))
    put("sentence opens with an addition (此外/另外)", s.lstrip().startswith(P.ADDITION_WORDS))
    put("分别 in the sentence", P.RESPECTIVELY in s)
    put("since a channel opened (开通以来)", _any(P.SINCE_OPENING, s))
    put("under a heading naming one channel", m.heading)
    put("website named before the number", _any(W.WEBSITE_WORDS, before))
    put("new media named before the number", _any(W.NEW_MEDIA_WORDS, before))
    put("other channel named before the number (公示栏/报刊)", _any(W.OTHER_CHANNEL_WORDS, before))
    put("主动公开 in the sentence", "主动公开" in s)
    put("依申请 in the sentence", "依申请" in s)
    put("subordinate units named (各村/下属)", _any(W.SUBORDINATE_WORDS, before))
    put("several counts in the clause", before.count("，") > 0 or any(ch.isdigit() for ch in before))
    return f


def options(text: str, year: int | None) -> list[Option]:
    """Each (key, value, qualifier) a report offers, with features: its mentions' OR-ed, and the key's."""
    found, decided = mentions(text, year)
    chosen: dict = decided["chosen"]  # type: ignore[assignment]
    conflicts: dict = decided["conflicts"]  # type: ignore[assignment]
    by: dict[tuple[str, Number, str | None], list[Mention]] = {}
    for m in found:
        by.setdefault((m.key, m.value, m.qualifier), []).append(m)
    for key, fact in chosen.items():
        by.setdefault((key, fact.value, fact.qualifier), [])
    out: list[Option] = []
    for (key, value, qualifier), ms in by.items():
        f: dict[str, float] = {"bias": 1.0}
        for m in ms:
            for name, v in _mention_features(m).items():
                f[name] = max(f.get(name, 0.0), v)
        same = [m for m in found if m.key == key]
        read_values = {m.value for m in same if m.read}
        kept_values = {m.value for m in same if m.kept}
        scores = [m.candidate.score for m in same if m.kept and m.candidate is not None]
        mine = [m.candidate.score for m in ms if m.kept and m.candidate is not None]
        fact = chosen.get(key)
        flags = {
            "the rules chose it": fact is not None and fact.value == value and fact.qualifier == qualifier,
            "the rules chose another value": fact is not None and fact.value != value,
            "in the rules' conflict for the key": value in conflicts.get(key, ()),
            "the rules chose it from context or a sum": fact is not None and fact.value == value and not ms,
            "the only value the rules kept for the key": kept_values == {value},
            "one of 2 values kept for the key": len(kept_values) == 2 and value in kept_values,
            "one of 3+ values kept for the key": len(kept_values) > 2 and value in kept_values,
            "one of several values read for the key": len(read_values) > 1 and value in read_values,
            "best rule score of the key": bool(mine) and max(mine) == max(scores),
            "largest value kept for the key": bool(kept_values) and value == max(kept_values),
            "stated in 2+ sentences": len({m.sentence for m in ms}) > 1,
            "first stated for the key": bool(ms)
            and min(m.position for m in ms) == min(m.position for m in same),
        }
        f.update({name: 1.0 if on else 0.0 for name, on in flags.items() if on})
        if group_of(key) == "other":
            f[f"key {key}"] = 1.0
        out.append(Option(key, value, qualifier, f))
    return [o for o in out if o.key in FACTS]
