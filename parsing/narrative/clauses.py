"""A sentence cut into clauses: the stretches between commas and semicolons.

A figure is read within its clause. Text in brackets ("（其中：网上申请42件…）", "（含…）")
is a clause of its own, marked as an aside: its figures are parts of another, never facts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsing.vocabulary import facts as W

_OPEN = "（("
_CLOSE = "）)"
_CUT = re.compile(r"[，,；;。！？!?]")


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
            out.append(Clause(part, after_semicolon=semicolon))
    out.extend(
        Clause(part, aside=True, breakdown=text.strip().startswith(W.PART_WORDS))
        for text in asides
        for part in _CUT.split(text)
        if part.strip()
    )
    return out
