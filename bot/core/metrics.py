"""What can be asked: a declarative table from the phrases people use to SCHEMA keys.

A metric names the keys that hold its figure, in priority order, for both templates
(2021 keys first, then 2019 keys, then the narrative fact), so one question works on any
year's report. Table rows and columns are qualifiers: "行政复议被纠正" is the 行政复议 metric
with the 结果纠正 column; "自然人申请" is the 新收申请 metric with the 自然人 column.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsing.schema import AMOUNT_KEYS, FACTS, T3_COLUMNS, T4_COLUMNS, T4_GROUPS, cell_label, t3_rows

# --- qualifiers ----------------------------------------------------------------------

# Table 3 applicant columns (default: 总计).
T3_COLUMN_PHRASES: dict[str, tuple[str, ...]] = {
    "natural_person": ("自然人", "个人", "群众", "公民"),
    "commercial": ("商业企业", "企业"),
    "research": ("科研机构",),
    "social": ("社会公益组织", "公益组织"),
    "legal": ("法律服务机构", "律师"),
    "other_org": ("其他组织", "其他机构"),
}
# Table 4 result columns (default: 总计).
T4_COLUMN_PHRASES: dict[str, tuple[str, ...]] = {
    "upheld": ("结果维持", "维持"),
    "corrected": ("结果纠正", "被纠正", "纠正", "纠错"),
    "other": ("其他结果",),
    "pending": ("尚未审结", "未审结", "未结案", "在审"),
}
# Table 2 columns of 规章 / 规范性文件: (2021 key suffix, 2019 key suffix); None = not in that format.
T2_ACTIONS: dict[str, tuple[tuple[str, ...], str | None, str | None, str]] = {
    # action: (phrases, 2021 suffix, 2019 suffix, label)
    "made": (
        ("本年制发", "制发", "制定", "出台", "印发", "新制作", "发布", "新增"),
        "made",
        "new_made",
        "本年制发件数",
    ),
    "repealed": (("废止", "废除", "清理"), "repealed", None, "本年废止件数"),
    "in_force": (("现行有效", "有效", "现行"), "in_force", None, "现行有效件数"),
    "new_published": (("新公开",), None, "new_published", "本年新公开数量"),
    "total_published": (("对外公开总数", "公开总数"), None, "total_published", "对外公开总数量"),
}


# Table 2 columns of the other items (2019 format: 上一年项目数量 / 本年增减 / 处理决定数量).
T2_ITEM_COLUMNS: dict[str, tuple[tuple[str, ...], str]] = {
    "prev_items": (("上一年项目数量", "上一年项目数", "上年项目数量", "上年项目数", "项目数量", "项目数"), "上一年项目数量"),
    "change": (("本年增减", "本年增/减", "本年增或减", "增/减", "增减数", "增减"), "本年增/减"),
    "decisions": (("处理决定数量", "处理决定数", "处理决定", "决定数量", "决定"), "处理决定数量"),
    "items": (("采购项目数量", "采购项目数", "项目数量", "项目数"), "采购项目数量"),
    "amount": (("采购总金额", "收费金额", "总金额", "金额"), "金额"),
}
# 公文: 制发 (default) or 公开发布 — two different figures of one sentence.
DOC_ACTIONS: dict[str, tuple[str, ...]] = {"published": ("公开发布", "对外公开", "公开")}
DOCUMENTS_PUBLISHED = "documents.published"  # TODO vocabulary: the fact key of 公文公开发布

# A metric found together with the one it details gives way to it ("政府网站主动公开" is the
# website figure; "属于国家秘密不予公开" is that row, not the sum of eight).
REFINES: dict[str, str] = {
    "proactive.website": "proactive.total",
    "proactive.new_media": "proactive.total",
    "t4.suit_direct": "t4.suit",
    "t4.suit_after_review": "t4.suit",
}
# Phrases so general that any other figure named beside them is the one meant ("重复申请").
WEAK_PHRASES = frozenset({"申请", "依申请", "申请公开", "依申请公开", "新收", "公开信息", "发布信息"})
# Read only when nothing else names a figure: "多公开了多少条" is 主动公开.
FALLBACK_PHRASES = ("公开", "发布")


@dataclass(frozen=True)
class MetricDef:
    """One row of the synonym table. `axis` says which qualifier applies."""

    id: str
    phrases: tuple[str, ...]
    label: str = ""
    unit: str = "件"
    keys: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()  # figures shown when the report states no total
    axis: str = ""  # "t3" (row; applicant column), "t3sum", "t4", "t4sum", "t2", "t2item", "doc"
    rows: tuple[str, ...] = ()  # t3 rows / t4 groups / t2 item
    fact: str = ""  # narrative fallback for the default column


@dataclass(frozen=True)
class Metric:
    """A metric resolved with its qualifier: the keys to read and how to label the figure."""

    id: str
    label: str
    unit: str
    keys: tuple[str, ...] = ()  # first key with a number wins
    sum_of: tuple[str, ...] = ()  # or: the explicit sum of these cells (shown with its parts)
    parts: tuple[str, ...] = ()
    phrase: str = ""

    @property
    def all_keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys((*self.sum_of, *self.keys, *self.parts)))


def _fact(key: str, phrases: tuple[str, ...], **kw: object) -> MetricDef:
    label, unit = FACTS[key]
    return MetricDef(id=key, phrases=phrases, label=label, unit=unit, keys=(key,), **kw)  # type: ignore[arg-type]


_DENIED = tuple(r for r in t3_rows("2021") if r.startswith("denied_"))
_UNABLE = tuple(r for r in t3_rows("2021") if r.startswith("unable_"))
_REJECTED = tuple(r for r in t3_rows("2021") if r.startswith("rejected_"))

METRICS: tuple[MetricDef, ...] = (
    # --- narrative facts
    _fact(
        "proactive.total",
        (
            "主动公开政府信息",
            "主动公开政务信息",
            "主动公开信息",
            "主动公开",
            "公开信息",
            "发布信息",
            "公开政务信息",
        ),
        parts=("proactive.website", "proactive.new_media"),
    ),
    _fact("proactive.website", ("政府网站", "门户网站", "网站发布", "网站公开", "网站上", "网站")),
    _fact("proactive.new_media", ("政务新媒体", "新媒体", "微信公众号", "公众号", "微信", "微博")),
    MetricDef(
        "documents.issued",
        ("制发公文", "发文数", "发文", "公文"),
        label="制发公文",
        keys=("documents.issued",),
        axis="doc",
    ),
    _fact("open_day.count", ("政府开放日", "开放日")),
    _fact(
        "proposals.count",
        ("人大代表建议", "政协提案", "建议提案", "建议和提案", "提案", "建议"),
    ),
    _fact("fees.collected", ("收取信息处理费", "信息处理费", "处理费")),
    # --- table 3 rows (column qualifier; default 总计)
    MetricDef(
        "t3.new",
        (
            "本年新收",
            "新收申请",
            "收到申请",
            "接到申请",
            "受理申请",
            "申请数量",
            "申请数",
            "申请量",
            "依申请公开申请",
            "依申请公开",
            "依申请",
            "申请公开",
            "新收",
            "申请",
        ),
        axis="t3",
        rows=("new",),
        fact="applications.received",
    ),
    MetricDef(
        "t3.carried_in", ("上年结转", "上年度结转", "结转上年", "上年遗留"), axis="t3", rows=("carried_in",)
    ),
    MetricDef(
        "t3.carried_out",
        ("结转下年度", "结转下年", "下年度继续办理", "继续办理", "结转"),
        axis="t3",
        rows=("carried_out",),
    ),
    MetricDef("t3.granted", ("予以公开", "同意公开", "全部公开"), axis="t3", rows=("granted",)),
    MetricDef("t3.partial", ("部分公开", "区分处理"), axis="t3", rows=("partial",)),
    MetricDef(
        "t3.denied",
        ("不予公开", "不公开", "拒绝公开"),
        label="不予公开（八项合计）",
        axis="t3sum",
        rows=_DENIED,
    ),
    MetricDef("t3.denied_secret", ("属于国家秘密", "国家秘密"), axis="t3", rows=("denied_secret",)),
    MetricDef("t3.denied_law", ("法律行政法规禁止", "法律法规禁止"), axis="t3", rows=("denied_law",)),
    MetricDef("t3.denied_safety", ("三安全一稳定",), axis="t3", rows=("denied_safety",)),
    MetricDef(
        "t3.denied_third_party",
        ("第三方合法权益", "第三方权益", "第三方"),
        axis="t3",
        rows=("denied_third_party",),
    ),
    MetricDef("t3.denied_internal", ("内部事务",), axis="t3", rows=("denied_internal",)),
    MetricDef("t3.denied_process", ("过程性信息", "过程性"), axis="t3", rows=("denied_process",)),
    MetricDef("t3.denied_enforcement", ("行政执法案卷", "执法案卷"), axis="t3", rows=("denied_enforcement",)),
    MetricDef("t3.denied_query", ("行政查询事项", "查询事项"), axis="t3", rows=("denied_query",)),
    MetricDef(
        "t3.unable", ("无法提供", "不能提供"), label="无法提供（三项合计）", axis="t3sum", rows=_UNABLE
    ),
    MetricDef("t3.unable_no_info", ("不掌握",), axis="t3", rows=("unable_no_info",)),
    MetricDef("t3.unable_create", ("另行制作", "没有现成信息"), axis="t3", rows=("unable_create",)),
    MetricDef("t3.unable_unclear", ("仍不明确", "内容不明确"), axis="t3", rows=("unable_unclear",)),
    MetricDef(
        "t3.rejected", ("不予处理", "不处理"), label="不予处理（五项合计）", axis="t3sum", rows=_REJECTED
    ),
    MetricDef(
        "t3.rejected_petition", ("信访举报投诉", "信访举报", "信访类"), axis="t3", rows=("rejected_petition",)
    ),
    MetricDef("t3.rejected_repeat", ("重复申请",), axis="t3", rows=("rejected_repeat",)),
    MetricDef("t3.rejected_publication", ("公开出版物", "出版物"), axis="t3", rows=("rejected_publication",)),
    MetricDef("t3.rejected_mass", ("大量反复申请", "反复申请"), axis="t3", rows=("rejected_mass",)),
    MetricDef("t3.rejected_confirm", ("重新出具", "确认或重新出具"), axis="t3", rows=("rejected_confirm",)),
    MetricDef("t3.other_overdue", ("逾期不补正", "不补正"), axis="t3", rows=("other_overdue",)),
    MetricDef(
        "t3.other_unpaid", ("逾期未按收费通知", "未缴纳费用", "未缴费"), axis="t3", rows=("other_unpaid",)
    ),
    MetricDef("t3.other", ("其他处理",), axis="t3", rows=("other",)),
    MetricDef(
        "t3.handled_total",
        ("办理结果总计", "办理结果", "办结", "办理完毕", "答复申请", "处理申请", "办理申请"),
        axis="t3",
        rows=("handled_total",),
    ),
    # --- table 4 (column qualifier; default 总计)
    MetricDef("t4.suit_after_review", ("复议后起诉",), axis="t4", rows=("suit_after_review",)),
    MetricDef(
        "t4.suit_direct", ("未经复议直接起诉", "直接起诉", "未经复议"), axis="t4", rows=("suit_direct",)
    ),
    MetricDef("t4.review", ("行政复议", "复议"), axis="t4", rows=("review",), fact="review.count"),
    MetricDef(
        "t4.suit",
        ("行政诉讼", "诉讼", "起诉", "被告"),
        label="行政诉讼（直接起诉与复议后起诉合计）",
        axis="t4sum",
        rows=("suit_direct", "suit_after_review"),
        fact="suit.count",
    ),
    MetricDef(
        "t4.corrected",
        ("被纠正", "纠错", "结果纠正"),
        label="复议和诉讼结果被纠正（三项合计）",
        axis="t4sum",
        rows=tuple(T4_GROUPS),
        keys=("corrected",),
    ),
    # --- table 2 (action qualifier for 规章 / 规范性文件)
    MetricDef("t2.rules", ("规章",), axis="t2", rows=("rules",)),
    MetricDef(
        "t2.normative",
        ("行政规范性文件", "规范性文件", "规范文件"),
        axis="t2",
        rows=("normative",),
        fact="normative.issued",
    ),
    MetricDef("t2.licensing", ("行政许可", "许可"), label="行政许可", axis="t2item", rows=("licensing",)),
    MetricDef("t2.punishment", ("行政处罚", "处罚"), label="行政处罚", axis="t2item", rows=("punishment",)),
    MetricDef("t2.coercion", ("行政强制", "强制"), label="行政强制", axis="t2item", rows=("coercion",)),
    MetricDef(
        "t2.other_services",
        ("其他对外管理服务事项", "其他对外管理服务", "对外管理服务"),
        label="其他对外管理服务事项",
        axis="t2item",
        rows=("other_services",),
    ),
    MetricDef(
        "t2.fees",
        ("行政事业性收费", "事业性收费", "收费金额", "收费"),
        label="行政事业性收费",
        unit="万元",
        axis="t2item",
        rows=("fees",),
    ),
    MetricDef(
        "t2.procurement",
        ("政府集中采购", "集中采购", "采购金额", "采购"),
        label="政府集中采购",
        unit="万元",
        axis="t2item",
        rows=("procurement",),
    ),
)

# Every phrase with its metric, longest first: the longest phrase found in a question wins.
PHRASES: tuple[tuple[str, MetricDef], ...] = tuple(
    sorted(((p, m) for m in METRICS for p in m.phrases), key=lambda pm: -len(pm[0]))
)
BY_ID: dict[str, MetricDef] = {m.id: m for m in METRICS}
# The table-3 rows detailing a summed group (不予公开 = the eight denied_* rows, ...).
for _defn in METRICS:
    if _defn.axis == "t3" and "_" in _defn.rows[0] and _defn.rows[0].split("_")[0] in ("denied", "unable", "rejected", "other"):
        REFINES.setdefault(_defn.id, "t3." + _defn.rows[0].split("_")[0])


def _t3_label(row: str, col: str) -> str:
    label = t3_rows("2021")[row]
    return label if col == "total" else f"{label}（{T3_COLUMNS[col]}）"


def _t4_label(group: str, col: str) -> str:
    label = T4_GROUPS[group]
    return label if col == "total" else f"{label} {T4_COLUMNS[col]}"


def resolve(defn: MetricDef, qualifier: str | None = None, phrase: str = "") -> Metric:
    """The keys of a metric for a qualifier (table column or 规章 action); None = default."""
    if defn.axis == "t3":
        col = qualifier or "total"
        (row,) = defn.rows
        keys = (f"t3.{row}.{col}",) + ((defn.fact,) if defn.fact and col == "total" else ())
        return Metric(defn.id, _t3_label(row, col), "件", keys=keys, phrase=phrase)
    if defn.axis == "t3sum":
        col = qualifier or "total"
        label = defn.label if col == "total" else f"{defn.label}（{T3_COLUMNS[col]}）"
        return Metric(defn.id, label, "件", sum_of=tuple(f"t3.{r}.{col}" for r in defn.rows), phrase=phrase)
    if defn.axis == "t4":
        col = qualifier or "total"
        (group,) = defn.rows
        keys = (f"t4.{group}.{col}",) + ((defn.fact,) if defn.fact and col == "total" else ())
        return Metric(defn.id, _t4_label(group, col), "件", keys=keys, phrase=phrase)
    if defn.axis == "t4sum":
        col = defn.keys[0] if defn.keys else (qualifier or "total")
        label = defn.label if (col == "total" or defn.keys) else f"{defn.label} {T4_COLUMNS[col]}"
        keys = (defn.fact,) if defn.fact and col == "total" else ()
        return Metric(
            defn.id, label, "件", sum_of=tuple(f"t4.{g}.{col}" for g in defn.rows), keys=keys, phrase=phrase
        )
    if defn.axis == "t2":
        (item,) = defn.rows
        action = qualifier or "made"
        _, new, old, col_label = T2_ACTIONS[action]
        keys = tuple(f"t2.{item}.{s}" for s in (new, old) if s)
        if defn.fact and action == "made":
            keys += (defn.fact,)
        name = "规章" if item == "rules" else "行政规范性文件"
        return Metric(f"{defn.id}.{action}", f"{name} {col_label}", "件", keys=keys, phrase=phrase)
    if defn.axis == "t2item":
        (item,) = defn.rows
        column = qualifier or _T2_DEFAULT.get(item, "decisions")
        key = f"t2.{item}.{column}"
        unit = "万元" if key in AMOUNT_KEYS else "件" if column != "change" else "项"
        if column in ("prev_items", "items"):
            unit = "项"
        return Metric(f"{defn.id}.{column}", cell_label(key).removeprefix("表二 "), unit, keys=(key,), phrase=phrase)
    if defn.axis == "doc" and qualifier == "published":
        return Metric(DOCUMENTS_PUBLISHED, "公文公开发布", "件", keys=(DOCUMENTS_PUBLISHED,), phrase=phrase)
    label = defn.label or cell_label(defn.keys[0])
    return Metric(defn.id, label, defn.unit, keys=defn.keys, parts=defn.parts, phrase=phrase)


_T2_DEFAULT = {"fees": "amount", "procurement": "amount"}
# Which columns each table-2 item has (in either format).
_T2_ITEM_HAS: dict[str, tuple[str, ...]] = {
    "licensing": ("prev_items", "change", "decisions"),
    "punishment": ("prev_items", "change", "decisions"),
    "coercion": ("prev_items", "change", "decisions"),
    "other_services": ("prev_items", "change", "decisions"),
    "fees": ("prev_items", "change", "amount"),
    "procurement": ("items", "amount"),
}


def qualifier_table(defn: MetricDef) -> dict[str, tuple[str, ...]]:
    """The qualifier phrases that apply to a metric (empty when it takes none)."""
    if defn.axis in ("t3", "t3sum"):
        return T3_COLUMN_PHRASES
    if defn.axis == "t4" or (defn.axis == "t4sum" and not defn.keys):
        return T4_COLUMN_PHRASES
    if defn.axis == "t2":
        return {action: spec[0] for action, spec in T2_ACTIONS.items()}
    if defn.axis == "t2item":
        return {c: T2_ITEM_COLUMNS[c][0] for c in _T2_ITEM_HAS[defn.rows[0]]}
    if defn.axis == "doc":
        return DOC_ACTIONS
    return {}


def unit_of(key: str, default: str = "件") -> str:
    """Unit of a stored figure by key (cells carry none; facts carry theirs)."""
    if key in ("t2.fees.amount", "t2.procurement.amount"):
        return "万元"
    if key in FACTS:
        return FACTS[key][1]
    return default
