"""The prose facts (SCHEMA "Narrative facts"): one declarative entry per key with its cue words.

A fact is read from one clause holding a number with one of the key's `units`:
  - `required`: every group must be present in the clause (any one word of a group);
  - `helpful`: each word present raises the candidate's score;
  - `excluding`: a word present before the number rules the clause out for this key;
  - `negative`: forms stating there were none (value 0); "…" stands for a gap inside one clause.
`asked_as` are the words a question uses for the same figure (question understanding reads
them, so "网站" means the same in a report and in a question).
"""

from __future__ import annotations

from dataclasses import dataclass

# --- words shared by several keys -------------------------------------------------------

# Channels of proactive disclosure.
WEBSITE_WORDS = ("网站", "门户网", "信息网", "政务网", "网页")
NEW_MEDIA_WORDS = ("微信", "微博", "公众号", "新媒体", "政务号", "头条号", "抖音", "客户端")
# Channels that are neither the website nor new media (a sentence naming them is not the website's).
OTHER_CHANNEL_WORDS = (
    "公开栏",
    "公示栏",
    "宣传栏",
    "公告栏",
    "报刊",
    "报纸",
    "电视",
    "广播",
    "发布会",
    "热线",
    "等平台",
    "等渠道",
    "等方式",
    "等形式",
    "等途径",
)
# Words stating there were none.
NONE_WORDS = ("未", "没有", "无", "暂无", "暂未", "尚未", "均未", "并未")
# Words making a figure a total.
TOTAL_WORDS = ("共", "累计", "总计", "合计")
TOTAL_NOUNS = ("共", "累计", "总计", "合计", "总数")
# Words pointing at another year than the report's.
OTHER_YEAR_WORDS = ("上年", "去年", "上一年", "往年", "历年", "以往", "结转")
# Qualifiers of a number.
APPROX_WORDS = ("约", "大约", "近", "将近", "超过", "逾", "余", "多")
CHANGE_WORDS = (
    "增加",
    "减少",
    "增长",
    "下降",
    "同比",
    "较上年",
    "比上年",
    "较去年",
    "比去年",
    "环比",
    "持平",
)
PART_WORDS = ("其中",)

# --- 主动公开 -----------------------------------------------------------------------------

PROACTIVE_WORDS = ("主动公开",)
PUBLISH_VERBS = ("公开", "发布", "更新")
PUSH_VERBS = ("公开", "发布", "发送", "推送")

# --- 依申请公开 ---------------------------------------------------------------------------

RECEIVE_VERBS = ("收到", "受理", "接到", "接收")
APPLICATION_KINDS = ("政府信息公开", "依申请公开", "信息公开")
APPLICATION_UNITS = ("件", "个", "条", "次", "份")

# --- 规范性文件 / 公文 --------------------------------------------------------------------

ISSUE_VERBS = ("制定", "制发", "出台", "印发")
DOCUMENT_VERBS = ("制发", "印发", "发布", "下发")

# --- 建议提案 ----------------------------------------------------------------------------

HANDLE_VERBS = ("办理", "承办", "办结", "答复", "办复")
PROPOSAL_RECEIVE_VERBS = ("收到", "接到", "承接", "交办")
ALL_HANDLED_WORDS = ("均", "全部", "已全部", "均已", "全部已")
ON_TIME_WORDS = ("按时", "按期", "如期")
ALL_HANDLED_VERBS = ("办结", "办理完毕", "答复", "办复")
DEPUTY_WORDS = ("人大", "代表")
MEMBER_WORDS = ("政协", "委员")

# --- 复议 / 诉讼 / 收费 -------------------------------------------------------------------

CASE_UNITS = ("件", "起", "宗", "次")
OCCUR_VERBS = ("收到", "发生", "产生", "接到", "涉及")
FEE_VERBS = ("收取", "收")


@dataclass(frozen=True)
class FactWords:
    """One prose fact key: its label, units and cue words (see the module docstring)."""

    key: str
    label: str
    unit: str  # the unit stored with the value
    units: tuple[str, ...]  # units a stated figure may carry
    required: tuple[tuple[str, ...], ...] = ()
    helpful: tuple[str, ...] = ()
    excluding: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    asked_as: tuple[str, ...] = ()


FACT_WORDS: tuple[FactWords, ...] = (
    FactWords(
        "proactive.total",
        "主动公开信息总数",
        "条",
        ("条", "篇"),
        required=(PROACTIVE_WORDS,),
        helpful=TOTAL_WORDS,
        excluding=WEBSITE_WORDS + NEW_MEDIA_WORDS,
        asked_as=(
            "主动公开政府信息",
            "主动公开政务信息",
            "主动公开信息",
            "主动公开",
            "公开信息",
            "发布信息",
            "公开政务信息",
        ),
    ),
    FactWords(
        "proactive.website",
        "政府网站主动公开",
        "条",
        ("条", "篇"),
        required=(WEBSITE_WORDS, PUBLISH_VERBS),
        asked_as=("政府网站", "门户网站", "网站发布", "网站公开", "网站上", "网站"),
    ),
    FactWords(
        "proactive.new_media",
        "微信/微博等新媒体公开",
        "条",
        ("条", "篇"),
        required=(NEW_MEDIA_WORDS, PUSH_VERBS),
        asked_as=("政务新媒体", "新媒体", "微信公众号", "公众号", "微信", "微博"),
    ),
    FactWords(
        "normative.issued",
        "本年制发行政规范性文件",
        "件",
        ("件", "份", "个"),
        required=(ISSUE_VERBS, ("规范性文件",)),
        negative=tuple(f"{n}{v}…规范性文件" for n in NONE_WORDS for v in ISSUE_VERBS),
    ),
    FactWords(
        "documents.issued",
        "制发公文",
        "件",
        ("件", "份", "个"),
        required=(DOCUMENT_VERBS, ("公文", "发文")),
        asked_as=("制发公文", "发文数", "发文", "公文"),
    ),
    FactWords(
        "applications.received",
        "收到依申请公开",
        "件",
        APPLICATION_UNITS,
        required=(RECEIVE_VERBS, ("申请",)),
        helpful=APPLICATION_KINDS,
        negative=tuple(f"{n}{v}…申请" for n in NONE_WORDS for v in RECEIVE_VERBS),
    ),
    FactWords(
        "open_day.count",
        "政府开放日活动",
        "次",
        ("次", "场"),
        required=(("开放日",),),
        asked_as=("政府开放日", "开放日"),
    ),
    FactWords(
        "proposals.count",
        "办理人大代表建议和政协提案",
        "件",
        ("件", "条", "个", "份"),
        required=(HANDLE_VERBS, ("建议", "提案", "议案")),
        helpful=DEPUTY_WORDS + MEMBER_WORDS,
        asked_as=("人大代表建议", "政协提案", "建议提案", "建议和提案", "提案", "建议"),
    ),
    FactWords(
        "fees.collected",
        "收取信息处理费",
        "元",
        ("元",),
        required=(FEE_VERBS, ("处理费",)),
        negative=tuple(
            f"{n}{v}…{what}" for n in NONE_WORDS for v in FEE_VERBS for what in ("处理费", "费用")
        ),
        asked_as=("收取信息处理费", "信息处理费", "处理费"),
    ),
    # Added keys (SCHEMA allows additions): prose statements about 复议/诉讼,
    # checked against table 4 like applications.received against table 3.
    FactWords(
        "review.count",
        "行政复议",
        "件",
        CASE_UNITS,
        required=(("行政复议",),),
        negative=tuple(f"{n}…行政复议" for n in NONE_WORDS),
    ),
    FactWords(
        "suit.count",
        "行政诉讼",
        "件",
        CASE_UNITS,
        required=(("行政诉讼",),),
        negative=tuple(f"{n}…行政诉讼" for n in NONE_WORDS),
    ),
)

FACT_WORDS_BY_KEY: dict[str, FactWords] = {f.key: f for f in FACT_WORDS}
# key: (label, default unit), in SCHEMA order.
FACTS: dict[str, tuple[str, str]] = {f.key: (f.label, f.unit) for f in FACT_WORDS}
# Short names of the channels when a total is missing and its parts are shown.
PART_LABELS = {"proactive.website": "网站", "proactive.new_media": "微信等新媒体"}
