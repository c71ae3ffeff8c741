"""Cue words of the prose facts about 建议提案, 复议, 诉讼, 收费, 开放日, 规范性文件 and 公文 (read by the
declarative table in `facts` and by parsing.narrative.proposals)."""

from __future__ import annotations

# --- 建议提案 ----------------------------------------------------------------------------

HANDLE_VERBS = ("办理", "承办", "办结", "答复", "办复")
ANSWER_VERBS = ("回复", "回应")
PROPOSAL_RECEIVE_VERBS = ("收到", "接到", "承接", "交办")
# "高质量完成人大建议和政协提案共61项": done is handled (proposals only: "完成" is no verb of other keys).
COMPLETE_VERBS = ("完成",)
PROPOSAL_UNITS = ("件", "条", "个", "份", "项")
ALL_HANDLED_WORDS = ("均", "全部", "已全部", "均已", "全部已")
ON_TIME_WORDS = ("按时", "按期", "如期", "在规定时间内", "在规定时限内")
ALL_HANDLED_VERBS = ("办结", "办理完毕", "答复", "办复", "办理")
DEPUTY_WORDS = ("人大", "代表")
MEMBER_WORDS = ("政协", "委员")
PROPOSAL_KINDS = ("建议", "提案", "议案")

# --- 复议 / 诉讼 / 收费 / 开放日 -----------------------------------------------------------

CASE_UNITS = ("件", "起", "宗", "次", "个", "条")
# 条 counts cases only right after the case word ("行政复议0条"), else items ("发布行政复议相关信息12条").
CASE_TIGHT_UNITS = ("条",)
# "依照行政复议法9条": an article of the law, no cases (条 counts cases too: "行政复议0条").
LAW_WORDS = ("复议法", "诉讼法")
REVIEW_WORDS = ("行政复议",)
SUIT_WORDS = ("行政诉讼", "诉讼", "起诉")
OTHER_SUITS = ("公益诉讼", "民事诉讼", "刑事诉讼")
# "行政复议、行政诉讼各0件 / 均为0件": one figure that is each one's.
EACH_WORDS = ("各", "均", "都", "分别")
# The agency deciding cases (受理行政复议申请56件, 作为复议机关…, 审理): the review body's or a court's
# business, not cases against it (a respondent 收到 or 办理 its own).
CASE_BODY_WORDS = ("受理", "审理", "复议机关")
CASE_EXCLUDING = ("纠错", "纠正", "败诉", "维持", "审结", "撤销", "驳回", "其他结果")
FEE_VERBS = ("收取", "收")
FEE_WORDS = ("处理费", "费用")
OPEN_DAY_WORDS = ("开放日",)

# --- 规范性文件 / 公文 --------------------------------------------------------------------

ISSUE_VERBS = ("制定", "制发", "出台", "印发", "新发布", "发布")
NORMATIVE_EXCLUDING = ("废止", "有效", "清理", "解读", "备案", "审核", "审查", "修改", "修订", "失效", "评估", "转发", "现行")
# The files as what is counted, also as a kind of information ("规范性文件类4条", "…类信息2条").
NORMATIVE_ITEMS = ("规范性文件", "规范性文件类", "规范性文件类信息")
# Other kinds in a list item of normative files ("重要政策文件和州直部门规范性文件111件", "部门行政规范性文件
# 58条" in a government's list): the figure is not the body's normative files alone.
NORMATIVE_OTHER_KINDS = ("规章", "法规", "政策", "文件", "部门", "现行")
DOCUMENT_VERBS = ("制发", "印发", "发布", "下发", "发文")
DOCUMENT_WORDS = ("公文", "发文", "正式文件")
# A required word followed by this is part of another word: "印发文件" is 印发 + 文件, no 发文;
# "申请人" is who asked, no request ("未收到申请人不满意评价" states nothing about requests).
REQUIRED_NOT_BEFORE = {"发文": "件", "申请": "人"}
DOCUMENT_UNITS = ("件", "份", "个", "则")
# "制发公文68件，其中公开发布27件，依申请公开21件": the 公文 published (公开属性 主动公开), not
# those disclosed on request, withheld, or posted through one channel.
DOCUMENT_PUBLISH_VERBS = ("公开发布", "主动公开", "对外公开", "主动公开发布", "对外公开发布")
DOCUMENT_OBJECTS = (*DOCUMENT_WORDS, "文件")

# Publishing the files themselves states how many were issued ("公开行政规范性文件3件", "主动公开规范性
# 文件78件"), also in a breakdown of what was published (GUIDE.md clarification 1: "…公开政府信息83条，
# 其中主动公开规范性文件0个" → 0).
NORMATIVE_PUBLISH_VERBS = tuple(f"{v}{w}" for v in ("公开", "公布") for w in ("规范性文件", "行政规范性文件"))
