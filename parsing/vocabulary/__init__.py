"""The one vocabulary: every word that names a figure, read by every reader.

Schema keys with their labels and units (`keys`), the words printed in tables 2-4 (`tables`),
the prose cue words of each narrative fact (`facts`; those of 建议提案, 复议, 诉讼 and 收费 in
`cases`), how prose qualifies and lists figures (`prose`), the words of questions (`questions`) and of a report's meta, its agency and dates
(`meta`). The table reader, the prose reader, question understanding, the header reader and the
export headers all read these; a second list anywhere else is a bug. Data only, plus `alternation`
to turn a word list into a regex.

Import the parts: `from parsing.vocabulary import facts, keys, meta, prose, questions, tables`, or the
names re-exported below.
"""

from __future__ import annotations

import re

from parsing.vocabulary import facts, keys, meta, prose, questions, tables
from parsing.vocabulary.facts import FACT_WORDS, FACT_WORDS_BY_KEY, FACTS, FactWords
from parsing.vocabulary.keys import AMOUNT_KEYS, AMOUNT_UNIT, TEMPLATE_2019, TEMPLATE_2021

__all__ = [
    "AMOUNT_KEYS",
    "AMOUNT_UNIT",
    "FACTS",
    "FACT_WORDS",
    "FACT_WORDS_BY_KEY",
    "TEMPLATE_2019",
    "TEMPLATE_2021",
    "FactWords",
    "facts",
    "keys",
    "meta",
    "prose",
    "questions",
    "tables",
    "unit_of",
]


def unit_of(key: str, default: str = keys.DEFAULT_UNIT) -> str:
    """Unit of a stored figure by key (cells carry none; facts carry theirs)."""
    if key in AMOUNT_KEYS:
        return AMOUNT_UNIT
    if key in FACTS:
        return FACTS[key][1]
    return default


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of words, longest first (so 万元 is tried before 元)."""
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"
