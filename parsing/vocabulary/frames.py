"""Frames prose states a figure in beside the per-key cue words (parsing.vocabulary.facts): a
channel named as the means or the place of the work, as the object of the verb, or in a clause
before the figure; requests stated from the requester's side; sums closing a sentence's figures;
a review and a suit denied together. Read by the prose reader (parsing.narrative.frames) and,
through facts, by every reader of the vocabulary."""

from __future__ import annotations

# "行政复议、诉讼" / "行政复议和起诉": 诉讼 or 起诉 coordinated with 行政复议 is a 行政诉讼.
SUIT_AFTER_REVIEW = tuple(f"{c}{w}" for w in ("诉讼", "提起诉讼", "起诉") for c in "、和及或与")
# "无就政府信息公开提出复议、诉讼和申诉的情况": 复议 coordinated with 诉讼 is a 行政复议.
REVIEW_BEFORE_SUIT = tuple(f"复议{c}{s}" for c in "、和及与" for s in ("行政诉讼", "诉讼", "起诉"))
