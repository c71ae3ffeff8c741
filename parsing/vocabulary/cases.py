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
# The body's own files published, stated alone (GUIDE.md clarifications 2-3): files of the 公开属性
# 主动公开 ("主动公开文件17件", "印发主动公开文件66份") or files whose owner is said ("公开本委文件226件",
# "公开市政府、市政府办公室文件117件", "…以市政府名义印发的文件58件"); files whose owner is unsaid
# ("公开文件38件", "政府文件1624份", "各类文件991件") or through a column (a stock) are no such figure.
DOCUMENT_ALONE_VERBS = ("主动公开", "公开", "对外公开", "发布", "公布")
DOCUMENT_ALONE_OBJECTS = ("文件", "公文")
DOCUMENT_OWN_VERB = "主动公开"  # (the files' 公开属性: "…主动公开文件")
DOCUMENT_OWNER_ENDS = (
    "市政府", "县政府", "区政府", "省政府", "州政府", "镇政府", "乡政府", "人民政府", "政府办", "府办", "办公室", "办公厅",
    "本委", "本局", "本办", "我局", "我委", "我办", "名义印发的", "名义制发的",
)
# The body's own document series given apart in one unit, added up (GUIDE.md clarification 18:
# "主动发布市政府文件9条，市政府办公室文件14条，…行政规范性文件34条" → 23); an owner of at most this many
# characters before its end word (DOCUMENT_OWNER_ENDS), nothing but 文件 after it.
DOCUMENT_SERIES_OWNER_CHARS = 6
DOCUMENT_SERIES_OBJECT = "文件"
# The body's own files as an item of what it published (GUIDE.md clarification 17: "…，其中：部门文件5条").
DOCUMENT_ITEMS = ("部门文件", "部门文件信息")
DOCUMENT_ITEM_OTHER_KINDS = ("政策", "上级", "规范性")
DOCUMENT_PUBLISHED_UNITS = (*DOCUMENT_UNITS, "条", "篇", "项")
# Another kind of file named with them ("各部门发布政策文件263件", "人事任免文件106件"): no own files' figure.
DOCUMENT_OTHER_KINDS = ("政策", "规范性", "部门", "上级", "转发", "解读", "其他", "其它", "人事", "任免", "规章", "征求", "党")

# Publishing the files themselves states how many were issued ("公开行政规范性文件3件", "主动公开规范性
# 文件78件"), also in a breakdown of what was published (GUIDE.md clarification 1: "…公开政府信息83条，
# 其中主动公开规范性文件0个" → 0).
NORMATIVE_PUBLISH_VERBS = tuple(f"{v}{w}" for v in ("公开", "公布") for w in ("规范性文件", "行政规范性文件"))
