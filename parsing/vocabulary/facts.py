"""The prose facts (SCHEMA "Narrative facts"): one declarative entry per key with its cue words.

A figure is a number with a unit read in one clause (parsing.narrative.quantities). It is a
candidate for a key when, in that clause:
  - `verbs`: one of them stands before the number (公开, 收到, 制定 …), unless empty;
  - `required`: every group is present (any one word of a group), before or after the number;
  - `channels`: for a channel's figure, one of them names the channel before the verb; a key
    without channels takes no figure that names the website or new media as its channel;
  - `objects`: what was counted, between the verb and the number or right after the number,
    must reduce to one of these once `OBJECT_FILLERS` are removed ("共主动公开政务信息253条"),
    or end a list with 等 ("公开机构设置、工作动态等政府信息106条");
  - `excluding`: a word before the number rules the clause out for this key;
  - `helpful`: each present raises the candidate's score (the best-scored candidates win);
  - `negative`: forms stating there were none, value 0; "…" stands for a gap inside one clause;
  - `part_of`: the key is a part of that key's figure: read only after "其中" in a sentence that
    states the whole before it, when the verb opens the part ("其中公开发布27件", not "通过公示栏
    公开发布20件") and counts nothing but `objects` or nothing named.
  - `bare`: subjects that state the key's figure without a verb when they stand right before
    the number ("依申请公开3次").
`asked_as` are the words a question uses for the same figure (question understanding reads
them, so "网站" means the same in a report and in a question): a key with `asked_as` is
askable, with no other list to touch (bot.core.metrics derives its metric from the entry).
`refines`: the key is one channel of that key's figure — named beside it in a question it is
the figure meant, and that key's answer shows it (by `part_label`) when a report states no
total. `asked_as_part`: with `part_of`, the words that ask for this part beside the whole's
words ("公文…公开发布").
"""

from __future__ import annotations

from dataclasses import dataclass

from parsing.vocabulary import cases as C
from parsing.vocabulary.cases import (
    CASE_BODY_WORDS,
    CASE_EXCLUDING,
    CASE_TIGHT_UNITS,
    CASE_UNITS,
    DEPUTY_WORDS,
    FEE_VERBS,
    FEE_WORDS,
    HANDLE_VERBS,
    LAW_WORDS,
    MEMBER_WORDS,
    OPEN_DAY_WORDS,
    OTHER_SUITS,
    PROPOSAL_KINDS,
    REVIEW_WORDS,
    SUIT_WORDS,
)
from parsing.vocabulary.frames import REVIEW_BEFORE_SUIT, SUIT_AFTER_REVIEW

# --- words shared by several keys -------------------------------------------------------

# Channels of proactive disclosure, named in the clause before the verb.
WEBSITE_WORDS = (
    "网站", "门户网", "信息网", "政务网", "政府网", "政府网站", "门户网站", "政务网站", "外网", "公开网", "公开网站", "信息公开统一平台",
    "官网", "政府在线", "网页", "信息公开平台", "信息公开系统", "政务公开平台", "信息公开专栏", "部门频道", "页面", "首都之窗", "信息公开基础平台", "子站",
)
NEW_MEDIA_WORDS = (
    "微信", "微博", "公众号", "新媒体", "政务号", "头条号", "抖音",
    "快手", "视频号", "南方号", "南方+", "两微", "客户端",
)
# New media by platform: two figures of one platform are one account's (or a conflict), never added;
# a figure of new media as a whole (政务新媒体, 两微) is the whole its platforms' figures are parts of.
# (the most specific first: 今日头条公众号 is 头条's)
MEDIA_PLATFORMS = (
    ("头条",), ("抖音",), ("视频号",), ("快手",), ("微博",), ("南方号", "南方+"), ("客户端",),
    ("微信", "公众号", "公众平台", "订阅号", "服务号"),
)
ALL_MEDIA_WORDS = ("新媒体", "两微")
ANOTHER_WORDS = ("其他", "其它", "另外")  # "其他新媒体平台" is more media, not all of it
# The press: articles placed there are publicity, not disclosure — a figure through the press alone
# is neither a total nor a channel's ("在人民网、新华网等媒体发布信息50条"); 新媒体 is no press.
PRESS_WORDS = ("媒体", "日报", "晚报", "晨报", "商报", "报社", "人民网", "新华网", "新闻网", "学习强国", "电台", "电视台")
NOT_PRESS_BEFORE = ("新", "自")
# Channels that are neither the website nor new media (naming one is no website figure; 查阅室 too).
OTHER_CHANNEL_WORDS = (
    "公开栏", "公示栏", "宣传栏", "公告栏", "报刊", "报纸", "电视", "广播", "发布会", "热线", "电子屏", "显示屏", "查阅室", "查阅点",
)
# Named alone (no website or new-media word beside it), a platform is another channel.
# ("全平台", "各平台", "多平台" name all of them.)
OTHER_PLATFORM_WORDS = ("平台",)
# Words stating there were none.
NONE_WORDS = ("未", "没有", "无", "暂无", "暂未", "尚未", "均未", "并未", "未曾", "不存在", "不涉及")
# "…依申请公开政府信息的数量：无": none stated after the subject, as an item of a list.
NONE_AFTER = ("：无", ":无", "为零", "为无")
# A figure that is part of one stated before ("其中…").
PART_WORDS = ("其中",)

# --- 主动公开 -----------------------------------------------------------------------------

PUBLISH_VERBS = ("主动公开", "公开", "发布", "公布", "公示", "推送", "更新", "上传", "编发", "发送", "推出", "发文", "新增")
# Keeping a channel up to date is no total of what was published ("更新政府信息23条").
TOTAL_VERBS = tuple(v for v in PUBLISH_VERBS if v not in ("更新", "发文"))
# What a total or a channel's figure counts: information in general, not one kind of it.
INFO_OBJECTS = ("信息", "法定信息", "内容", "工作信息", "政府信息", "政务信息", "政务公开信息", "公开信息", "事项")
MEDIA_OBJECTS = (
    *INFO_OBJECTS, "政务动态", "推文", "博文", "资讯", "稿件", "图文", "文章", "作品", "内容", "消息", "微信", "微博", "视频", "短视频",
    "工作", "政府工作", "动态信息", "转载信息",
)

# --- 依申请公开 ---------------------------------------------------------------------------

RECEIVE_VERBS = ("收到", "受理", "接到", "接收", "新收", "收悉")
APPLICATION_WORDS = ("申请", "依申请", "信息公开")
APPLICATION_UNITS = ("件", "宗", "份", "次", "条", "个", "项", "件次", "起", "例")
# "…，依申请公开3次，行政复议0次": a figure with no verb, the kind of request right before it.
APPLICATION_BARE = ("依申请公开", "依申请公开件", "依申请公开申请", "政府信息公开申请")
# Requests of another kind than for information ("受理行政许可申请120件"), even under a 信息公开 subject,
# unless a request for information is named after them ("涉及行政审批的政府信息公开申请3件"); a bare
# 办件 is no request named (APPLICATION_NAMES), "依申请公开办件" is one.
OTHER_REQUEST_KINDS = ("行政许可", "许可", "行政审批", "审批", "政务服务")
INFO_REQUEST_WORDS = ("信息公开申请", "依申请公开", "申请公开")
APPLICATION_EXCLUDING = (
    "结转", "办结", "答复", "复议", "诉讼", "咨询", "留言", "信件", "来信",
    "建议", "提案", "投诉", "举报", "信访", "热线", "予以公开", "部分公开", "不予公开",
)
# What a received figure counts, when named after the verb or the number: a request ("收到文件12份",
# "受理办件300件" count none).
APPLICATION_NAMES = ("申请", "信息公开", "来件")



@dataclass(frozen=True)
class FactWords:
    """One prose fact key: its label, units and cue words (see the module docstring)."""

    key: str
    label: str
    unit: str  # the unit stored with the value
    units: tuple[str, ...]  # units a stated figure may carry
    tight_units: tuple[str, ...] = ()  # of `units`, taken only right after a required word (fillers between)
    verbs: tuple[str, ...] = ()
    required: tuple[tuple[str, ...], ...] = ()
    channels: tuple[str, ...] = ()
    objects: tuple[str, ...] = ()
    helpful: tuple[str, ...] = ()
    excluding: tuple[str, ...] = ()
    # Phrases in which an excluding word names no other figure ("受理答复…申请28件": received and
    # answered; "依申请公开信件": the requests themselves).
    excluding_except: tuple[str, ...] = ()
    # The required word is what is counted: only fillers and the key's verbs between it and the
    # number ("制定规范性文件4份", not "规范性文件相关信息发布13条").
    required_counted: bool = False
    negative: tuple[str, ...] = ()
    # A word after a negative form's start that makes it about something else
    # ("未收到因依申请公开引起的行政复议" is no statement about applications).
    negative_excluding: tuple[str, ...] = ()
    asked_as: tuple[str, ...] = ()
    # Verbs (of `verbs`) publishing what exists: "截至目前" before them, no year named, states a stock.
    stock_verbs: tuple[str, ...] = ()
    # A figure after "其中" in its sentence is a part of the one before it, not this key's
    # figure (unless a helpful word makes it the more specific statement).
    parts_excluded: bool = False
    # Figures of several channels of this key stated in one paragraph are added up
    # ("微博1807条，微信2973条"): each names a different channel.
    sums_channels: bool = False
    # The key whose figure this one is a part of (see the module docstring).
    part_of: str | None = None
    asked_as_part: tuple[str, ...] = ()
    refines: str | None = None
    part_label: str = ""
    # Subjects that state the figure without a verb, right before it ("依申请公开3次").
    bare: tuple[str, ...] = ()
    # `bare` only as an item of what was published (after a whole or 其中, or right after a publish verb),
    # naming no `item_other_kinds` nor joined to another kind ("规章及规范性文件27件": of both).
    bare_listed: bool = False
    item_other_kinds: tuple[str, ...] = ()
    # With `part_of`: read alone too, counting `alone_objects` after `alone_verbs` ("主动公开文件17件"), or `bare`.
    alone_verbs: tuple[str, ...] = ()
    alone_objects: tuple[str, ...] = ()
    # What is counted, named between the verb and the number, holds one of these (when not empty).
    names: tuple[str, ...] = ()
    # A thing of another kind before the number rules it out, unless one of `own_kind` follows it.
    other_kinds: tuple[str, ...] = ()
    own_kind: tuple[str, ...] = ()


# 件 only with what was counted named ("网站…主动公开信息63件"; "网站公开39件" may be documents).
# Lower levels as the subject ("各村（社区）共公开信息500条", "…和镇（街道）共公开…"): their figures, not
# the agency's own (a government's 各部门 may be the government as a whole: not listed).
SUBORDINATE_WORDS = (
    "各村", "各社区", "村（社区）", "村(社区)", "各乡镇", "各镇", "各街道", "和镇", "及镇", "和乡镇", "及乡镇",
    "下属", "所属单位",
)
# Units of what was published (a count in another unit is of something else: 专栏5个, 访问量120万次).
PUBLISHED_UNITS = ("条", "篇", "条次", "则", "件", "项", "期")
_CHANNEL_UNITS = ("条", "篇", "条次", "则", "件")
# A total is sometimes counted in 件 ("各类政府信息数量66件"); a channel's 件 are mostly documents.
_PROACTIVE_UNITS = (*_CHANNEL_UNITS, "件", "项")
# (被转载: others reposting; "发布转载信息225条" published reposts)
_PROACTIVE_EXCLUDING = ("报送", "上报", "采用", "采纳", "被转载", "解读", "申请", "不予", "免于", "免予")

FACT_WORDS: tuple[FactWords, ...] = (
    FactWords(
        "proactive.total",
        "主动公开信息总数",
        "条",
        _PROACTIVE_UNITS,
        verbs=TOTAL_VERBS,
        objects=INFO_OBJECTS,
        excluding=_PROACTIVE_EXCLUDING + PART_WORDS,
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
        _CHANNEL_UNITS,
        verbs=PUBLISH_VERBS,
        channels=WEBSITE_WORDS,
        objects=INFO_OBJECTS,
        excluding=_PROACTIVE_EXCLUDING,
        asked_as=("政府网站", "门户网站", "网站发布", "网站公开", "网站上", "网站"),
        refines="proactive.total",
        part_label="网站",
    ),
    FactWords(
        "proactive.new_media",
        "微信/微博等新媒体公开",
        "条",
        _CHANNEL_UNITS,
        verbs=PUBLISH_VERBS,
        channels=NEW_MEDIA_WORDS,
        objects=MEDIA_OBJECTS,
        excluding=_PROACTIVE_EXCLUDING,
        asked_as=("政务新媒体", "新媒体", "微信公众号", "公众号", "微信", "微博"),
        sums_channels=True,
        refines="proactive.total",
        part_label="微信等新媒体",
    ),
    FactWords(
        "normative.issued",
        "本年制发行政规范性文件",
        "件",
        ("件", "份", "个", "篇", "部", "条"),
        verbs=C.ISSUE_VERBS + C.NORMATIVE_PUBLISH_VERBS,
        required_counted=True,
        stock_verbs=C.NORMATIVE_PUBLISH_VERBS,
        required=(C.NORMATIVE_ITEMS,),
        # GUIDE.md clarification 1: an item of what was published ("…政府信息643条,其中行政规范性文件9条")
        bare=C.NORMATIVE_ITEMS,
        bare_listed=True,
        item_other_kinds=C.NORMATIVE_OTHER_KINDS,
        excluding=C.NORMATIVE_EXCLUDING,
        # "未发布规范性文件", "无行政规范性文件出台"
        negative=tuple(f"{n}{v}…规范性文件" for n in NONE_WORDS for v in C.ISSUE_VERBS)
        + tuple(f"{n}…规范性文件{v}" for n in NONE_WORDS for v in C.ISSUE_VERBS),
        negative_excluding=("解读", "未经"),  # ("未经合法性审核的规范性文件…发布": a rule, no none)
    ),
    FactWords(
        "documents.issued",
        "制发公文",
        "件",
        C.DOCUMENT_UNITS,
        verbs=C.DOCUMENT_VERBS,
        required=(C.DOCUMENT_WORDS,),
        excluding=("规范性文件", "解读"),
        # "制发公文68件，其中公开发布公文27件": the part is documents.published.
        parts_excluded=True,
        asked_as=("制发公文", "发文数", "发文", "公文"),
    ),
    FactWords(
        "applications.received",
        "收到依申请公开",
        "件",
        APPLICATION_UNITS,
        verbs=RECEIVE_VERBS,
        required=(APPLICATION_WORDS,),
        # A figure of new applications beats one that includes those carried over.
        helpful=("新收",),
        bare=APPLICATION_BARE,
        names=APPLICATION_NAMES,
        other_kinds=OTHER_REQUEST_KINDS,
        own_kind=INFO_REQUEST_WORDS,
        parts_excluded=True,
        excluding=APPLICATION_EXCLUDING,
        excluding_except=(
            *(
                f"{v}{a}{m}{w}"
                for v in RECEIVE_VERBS
                for a in ("", "并")
                for m in ("", "按时", "及时", "依法", "规范")
                for w in ("答复", "办结")
            ),
            "申请公开信件",
            "申请信件",
        ),
        negative=(
            *(f"{n}{v}…申请" for n in NONE_WORDS for v in RECEIVE_VERBS),
            *(f"{n}{v}…依申请公开" for n in NONE_WORDS for v in RECEIVE_VERBS),
            "无依申请公开",
            "无网上依申请公开",
            "没有依申请公开",
            "无政府信息公开申请",
            "无依法申请公开",
            "无申请公开",
            "没有申请公开",
            *(f"依申请公开…{n}" for n in NONE_AFTER),
            *(f"{n}发生…依申请" for n in NONE_WORDS),  # "均未发生依申请和不予公开政府信息"
            *(f"{n}申请公开件" for n in NONE_WORDS),  # "年度内未申请公开件"
            *(f"{n}{v}…要求公开" for n in NONE_WORDS for v in RECEIVE_VERBS),
            *(f"{n}{who}…申请" for n in ("无", "没有") for who in ("单位", "个人", "公民", "法人", "群众", "人")),
        ),
        negative_excluding=("复议", "诉讼", "咨询", "留言", "投诉", "举报", "信访", "纠错", "败诉"),
    ),
    FactWords(
        "open_day.count",
        "政府开放日活动",
        "次",
        ("次", "场"),
        required=(OPEN_DAY_WORDS,),
        asked_as=("政府开放日", "开放日"),
    ),
    FactWords(
        "proposals.count",
        "办理人大代表建议和政协提案",
        "件",
        ("件", "条", "个", "份"),
        verbs=HANDLE_VERBS,
        required=(PROPOSAL_KINDS,),
        helpful=DEPUTY_WORDS + MEMBER_WORDS,
        asked_as=("人大代表建议", "政协提案", "建议提案", "建议和提案", "提案", "建议"),
    ),
    FactWords(
        "fees.collected",
        "收取信息处理费",
        "元",
        ("元",),
        verbs=FEE_VERBS,
        required=(("处理费",),),
        negative=(
            *(f"{n}…收取…{what}" for n in NONE_WORDS for what in FEE_WORDS),
            # "没有政府信息公开的收费及减免事项", "未发生…依申请公开相关的收费", "未向申请人收费"
            *(f"{n}…{w}…收费" for n in NONE_WORDS for w in ("信息公开", "依申请公开")),
            *(f"{n}向申请人…收费" for n in NONE_WORDS),
            *(f"不收取…{what}" for what in FEE_WORDS),
            *(f"收费…{n}" for n in NONE_AFTER),  # "依申请公开政府信息不收取任何费用"
        ),
        negative_excluding=("行政事业性",),
        asked_as=("收取信息处理费", "信息处理费", "处理费"),
    ),
    # Added keys (SCHEMA allows additions): prose statements about 复议/诉讼,
    # checked against table 4 like applications.received against table 3.
    FactWords(
        "review.count",
        "行政复议",
        "件",
        CASE_UNITS,
        tight_units=CASE_TIGHT_UNITS,
        required=(REVIEW_WORDS,),
        excluding=CASE_EXCLUDING + PART_WORDS + CASE_BODY_WORDS + LAW_WORDS,
        negative=(*(f"{n}…{w}" for n in NONE_WORDS for w in ("行政复议", *REVIEW_BEFORE_SUIT)), *(f"行政复议…{n}" for n in NONE_AFTER)),
        negative_excluding=CASE_EXCLUDING,
    ),
    FactWords(
        "suit.count",
        "行政诉讼",
        "件",
        CASE_UNITS,
        tight_units=CASE_TIGHT_UNITS,
        required=(SUIT_WORDS,),
        excluding=CASE_EXCLUDING + PART_WORDS + OTHER_SUITS + CASE_BODY_WORDS + LAW_WORDS,
        negative=(
            *(f"{n}…{w}" for n in NONE_WORDS for w in ("行政诉讼", *SUIT_AFTER_REVIEW)),
            *(f"{w}…{n}" for n in NONE_AFTER for w in ("行政诉讼", "提起诉讼")),
        ),
        negative_excluding=CASE_EXCLUDING,
    ),
    # Asked as a qualifier of documents.issued ("公文…公开发布"), not by words of its own.
    FactWords(
        "documents.published",
        "公开发布公文",
        "件",
        C.DOCUMENT_PUBLISHED_UNITS,
        verbs=C.DOCUMENT_PUBLISH_VERBS,
        objects=C.DOCUMENT_OBJECTS,
        part_of="documents.issued",
        # GUIDE.md clarifications 2 and 17: the body's own files published, also as a list item ("部门文件5条")
        alone_verbs=C.DOCUMENT_ALONE_VERBS, alone_objects=C.DOCUMENT_ALONE_OBJECTS,
        bare=C.DOCUMENT_ITEMS, bare_listed=True, item_other_kinds=C.DOCUMENT_ITEM_OTHER_KINDS,
        asked_as_part=("公开发布", "对外公开", "公开"),
    ),
)

FACT_WORDS_BY_KEY: dict[str, FactWords] = {f.key: f for f in FACT_WORDS}
# key: (label, default unit), in SCHEMA order.
FACTS: dict[str, tuple[str, str]] = {f.key: (f.label, f.unit) for f in FACT_WORDS}
# Short names of the channels when a total is missing and its parts are shown.
PART_LABELS = {f.key: f.part_label for f in FACT_WORDS if f.part_label}
