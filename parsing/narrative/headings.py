"""A heading that names one channel ("1.网站信息公开情况", "（二）政务新媒体"): a figure under it that
names no channel of its own has two readings — the heading's channel's (its subject) or the
agency's total — and the reader abstains: it is neither key's figure."""

from __future__ import annotations

from parsing.narrative.candidate import Candidate
from parsing.narrative.channels import CHANNEL_WORD, MEDIA, WEBSITE, channels
from parsing.narrative.passages import Sentence, is_heading, is_item_start
from parsing.narrative.quantities import quantities

_SHORT_ITEM = 24
_KEYS = {frozenset({WEBSITE}): "proactive.website", frozenset({MEDIA}): "proactive.new_media"}


def opens_section(passage: list[Sentence], index: int) -> bool:
    """The sentence is a heading: a passage of its own, or a short numbered item opening one."""
    text = passage[index].text
    if index or quantities(text):
        return False
    if len(passage) == 1 and is_heading(text):
        return True
    return is_item_start(text) and len(text.strip()) <= _SHORT_ITEM


def heading_key(heading: str) -> str | None:
    """The channel key a heading names alone (None for "主动公开情况", "平台建设", several channels)."""
    kinds, _ = channels(heading)
    return _KEYS.get(frozenset(kinds))


def under_heading(candidates: list[Candidate], key: str | None, sentence: str) -> list[Candidate]:
    """A total read in a sentence naming no channel, under a heading naming one, is no figure."""
    if key is None or CHANNEL_WORD.search(sentence):
        return candidates
    return [c for c in candidates if not (c.key == "proactive.total" and c.channel is None)]
