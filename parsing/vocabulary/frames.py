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

# "公众通过…途径向区政府提交政府信息公开190件": a request stated from the requester's side is one the
# agency received — only with the requester named as the subject (an agency 提交 reports, not requests).
SUBMIT_VERBS = ("提交", "提出", "递交")
SUBMIT_TO = "向"
REQUESTER_WORDS = ("公众", "群众", "公民", "申请人", "法人", "社会各界", "市民", "居民", "个人")

# "依托合江县人民政府网站，…，主动公开…6750余条", "以政府网站作为主动公开政府信息第一平台，发布…": a
# website introduced so is what the sentence's figure was published through.
WEBSITE_MEANS_OPENINGS = ("依托", "通过", "利用", "借助", "以", "公开至", "发布至", "上传至")

# "共公开信息80条，其中主动公开60条，依申请公开20条": a whole of what was disclosed both ways; its part
# opened by 主动公开 (information in general) is the total, the whole none.
PROACTIVE_PART_VERB = "主动公开"
REQUESTED_PART_WORDS = ("依申请公开", "依申请")
