"""A candidate figure as found in the text: its sentence, and the whole it breaks down."""

from __future__ import annotations

from dataclasses import dataclass

from parsing.narrative.candidate import Candidate
from parsing.narrative.passages import Sentence


@dataclass(frozen=True)
class Found:
    candidate: Candidate
    sentence: Sentence
    whole: str | None = None  # the sentence before, when this one opens with 其中 (a breakdown of it)
