"""A sentence cut into clauses: the stretches between commas and semicolons.

A figure is read within its clause. Text in brackets ("（其中：网上申请42件…）", "（含…）")
is a clause of its own, marked as an aside: its figures are parts of another, never facts.
A clause with 分别 and several figures distributes them over the items listed before it, in
order, one clause each ("行政复议和行政诉讼案件分别为1件和2件"); when the items and the figures
are not as many, which figure is whose is unknown and the clause keeps no figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from parsing.narrative.quantities import quantities
from parsing.vocabulary import FACT_WORDS, alternation
from parsing.vocabulary import facts as W
from parsing.vocabulary import prose as P

_OPEN = "（("
_CLOSE = "）)"
_CUT = re.compile(r"[，,；;。！？!?]")
_ITEM_CUT = re.compile(f"(?:{alternation(P.ITEM_CONJUNCTIONS)})(?!{alternation(P.NOT_ITEM_CONJUNCTION_AFTER)})")
_ANY_VERB = re.compile(alternation(tuple({v for f in FACT_WORDS for v in f.verbs})))
# 分别 / 各 / 均 right before the figures, their verb or 为 ("各发布", "均为0件"; not "各类信息").
_EACH = re.compile(
    alternation((P.RESPECTIVELY, *P.EACH_ITEM_WORDS))
    + f"(?=(?:{alternation(P.SUM_WORDS)})?(?:为|[0-9０-９]|{_ANY_VERB.pattern}))"  # ("分别累计发布…")
)
_QUOTED = re.compile("|".join(f"{re.escape(o)}[^{re.escape(c)}]*{re.escape(c)}" for o, c in P.TITLE_QUOTES))


@dataclass(frozen=True)
class Clause:
    text: str
    aside: bool = False  # written in brackets
    after_semicolon: bool = False  # a new member of the sentence ("…；行政诉讼案件7宗")
    # a piece of brackets opened by 其中 ("（其中：政府网站6条，微信公众号305条）"): the whole's parts
    breakdown: bool = False


def clauses(sentence: str) -> list[Clause]:
    """The clauses of a sentence in order; an aside follows the clause it interrupts."""
    main: list[str] = []
    asides: list[str] = []
    depth = 0
    for char in sentence:
        if char in _OPEN:
            depth += 1
            asides.append("")
            continue
        if char in _CLOSE and depth:
            depth -= 1
            continue
        if depth:
            asides[-1] += char
        else:
            main.append(char)
    out: list[Clause] = []
    pieces = _CUT.split("".join(main))
    separators = _CUT.findall("".join(main))
    for index, part in enumerate(pieces):
        if part.strip():
            semicolon = index > 0 and separators[index - 1] in "；;"
            spread = distributed(part)
            out.extend(Clause(t, after_semicolon=semicolon and not k) for k, t in enumerate(spread or [part]))
    out.extend(
        Clause(part, aside=True, breakdown=text.strip().startswith(W.PART_WORDS))
        for text in asides
        for part in _CUT.split(text)
        if part.strip()
    )
    return out


def distributed(text: str) -> list[str] | None:
    """ "在门户网站和微信公众号分别发布信息120条、80条" -> one clause per item and its figure; one figure
    after 分别/各/均 is each item's ("网站和微信公众号各发布信息100条"); None when the clause lists no
    items before such a word."""
    marker = _EACH.search(text)
    if marker is None:
        return None
    at, after = marker.start(), text[marker.end() :]
    counts = quantities(after)
    between = " " + "".join(P.ITEM_CONJUNCTIONS)
    if not counts or any(after[a.end : b.start].strip(between) for a, b in pairwise(counts)):
        return None  # not a plain list of figures
    # items cut at conjunctions outside quoted titles ("“河之西”", "《…》")
    masked = _QUOTED.sub(lambda m: "\0" * len(m.group()), text[:at])
    cuts = [0, *(x for m in _ITEM_CUT.finditer(masked) for x in (m.start(), m.end())), at]
    items = [text[cuts[i] : cuts[i + 1]] for i in range(0, len(cuts), 2)]
    if len(counts) == 1 and len(items) > 1:
        counts = counts * len(items)
    elif len(counts) == 1 or marker.group() != P.RESPECTIVELY:
        return None
    if len(items) != len(counts) or not all(item.strip() for item in items):
        return [text[:at]]
    verb = _ANY_VERB.search(items[-1])  # "门户网站、微信公众号发布信息分别为…": the verb is every item's
    shared = items[-1][verb.start() :] if verb is not None and verb.start() else ""
    items[-1] = items[-1][: len(items[-1]) - len(shared)]
    head = after[: counts[0].start]
    return [item + shared + head + count.raw for item, count in zip(items, counts, strict=True)]
