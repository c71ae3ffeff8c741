"""The words people use in questions for table figures and their qualifiers.

Fact figures are asked with their `FactWords.asked_as` (parsing.vocabulary.facts); the table
metrics below are asked with these phrases. bot.core.metrics turns them into keys.
"""

from __future__ import annotations

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
    "pending": ("尚未审结", "未审结", "还没审结", "没审结", "未结案", "没结案", "在审"),
}
# Table 2 columns of 规章 / 规范性文件: action -> (phrases, 2021 suffix, 2019 suffix, label);
# None = not in that format.
T2_ACTIONS: dict[str, tuple[tuple[str, ...], str | None, str | None, str]] = {
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

# Table metrics (bot.core.metrics ids) -> the phrases that ask for them.
METRIC_PHRASES: dict[str, tuple[str, ...]] = {
    "t3.new": (
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
    "t3.carried_in": ("上年结转", "上年度结转", "结转上年", "上年遗留"),
    "t3.carried_out": ("结转下年度", "结转下年", "下年度继续办理", "继续办理", "结转"),
    "t3.granted": ("予以公开", "同意公开", "全部公开"),
    "t3.partial": ("部分公开", "区分处理"),
    "t3.denied": ("不予公开", "不公开", "拒绝公开"),
    "t3.denied_secret": ("属于国家秘密", "国家秘密"),
    "t3.denied_law": ("法律行政法规禁止", "法律法规禁止"),
    "t3.denied_safety": ("三安全一稳定",),
    "t3.denied_third_party": ("第三方合法权益", "第三方权益", "第三方"),
    "t3.denied_internal": ("内部事务",),
    "t3.denied_process": ("过程性信息", "过程性"),
    "t3.denied_enforcement": ("行政执法案卷", "执法案卷"),
    "t3.denied_query": ("行政查询事项", "查询事项"),
    "t3.unable": ("无法提供", "不能提供"),
    "t3.unable_no_info": ("不掌握",),
    "t3.unable_create": ("另行制作", "没有现成信息"),
    "t3.unable_unclear": ("仍不明确", "内容不明确"),
    "t3.rejected": ("不予处理", "不处理"),
    "t3.rejected_petition": ("信访举报投诉", "信访举报", "信访类"),
    "t3.rejected_repeat": ("重复申请",),
    "t3.rejected_publication": ("公开出版物", "出版物"),
    "t3.rejected_mass": ("大量反复申请", "反复申请"),
    "t3.rejected_confirm": ("重新出具", "确认或重新出具"),
    "t3.other_overdue": ("逾期不补正", "不补正"),
    "t3.other_unpaid": ("逾期未按收费通知", "未缴纳费用", "未缴费"),
    "t3.other": ("其他处理",),
    "t3.handled_total": ("办理结果总计", "办理结果", "办结", "办理完毕", "答复申请", "处理申请", "办理申请"),
    "t4.suit_after_review": ("复议后起诉",),
    "t4.suit_direct": ("未经复议直接起诉", "直接起诉", "未经复议"),
    "t4.review": ("行政复议", "复议"),
    "t4.suit": ("行政诉讼", "诉讼", "起诉", "被告"),
    "t4.corrected": ("被纠正", "纠错", "结果纠正"),
    "t2.rules": ("规章",),
    "t2.normative": ("行政规范性文件", "规范性文件", "规范文件"),
    "t2.licensing": ("行政许可", "许可"),
    "t2.punishment": ("行政处罚", "处罚"),
    "t2.coercion": ("行政强制", "强制"),
    "t2.other_services": ("其他对外管理服务事项", "其他对外管理服务", "对外管理服务"),
    "t2.fees": ("行政事业性收费", "事业性收费", "收费金额", "收费"),
    "t2.procurement": ("政府集中采购", "集中采购", "采购金额", "采购"),
}

# Table 2 columns of the other items: column -> (phrases, label). 2019 format: 上一年项目数量 /
# 本年增减 / 处理决定数量; 政府集中采购: 采购项目数量 / 采购总金额.
T2_ITEM_COLUMNS: dict[str, tuple[tuple[str, ...], str]] = {
    "prev_items": (
        ("上一年项目数量", "上一年项目数", "上年项目数量", "上年项目数", "项目数量", "项目数"),
        "上一年项目数量",
    ),
    "change": (("本年增减", "本年增/减", "本年增或减", "增/减", "增减数", "增减"), "本年增/减"),
    "decisions": (("处理决定数量", "处理决定数", "处理决定", "决定数量", "决定"), "处理决定数量"),
    "items": (("采购项目数量", "采购项目数", "项目数量", "项目数"), "采购项目数量"),
    "amount": (("采购总金额", "收费金额", "总金额", "金额"), "金额"),
}
# Which of those columns each table-2 item has (either format), and the one asked by default.
T2_ITEM_HAS: dict[str, tuple[str, ...]] = {
    "licensing": ("prev_items", "change", "decisions"),
    "punishment": ("prev_items", "change", "decisions"),
    "coercion": ("prev_items", "change", "decisions"),
    "other_services": ("prev_items", "change", "decisions"),
    "fees": ("prev_items", "change", "amount"),
    "procurement": ("items", "amount"),
}
T2_ITEM_DEFAULT: dict[str, str] = {"fees": "amount", "procurement": "amount"}
# Phrases so general that another table-3 figure named beside them is the one meant ("重复申请").
WEAK_PHRASES = frozenset({"申请", "依申请", "申请公开", "依申请公开", "新收", "公开信息", "发布信息"})
# Read only when nothing else names a figure: "多公开了多少条" is 主动公开.
FALLBACK_PHRASES = ("公开", "发布")
# The subject of every report, not a figure: claimed before figures are looked for.
SUBJECT_PHRASES = ("政府信息公开工作", "政府信息公开", "政务信息公开", "信息公开", "政务公开")

# Labels of summed table metrics (several rows or groups in one figure).
SUM_LABELS: dict[str, str] = {
    "t3.denied": "不予公开（八项合计）",
    "t3.unable": "无法提供（三项合计）",
    "t3.rejected": "不予处理（五项合计）",
    "t4.suit": "行政诉讼（直接起诉与复议后起诉合计）",
    "t4.corrected": "复议和诉讼结果被纠正（三项合计）",
}
# Units a question may put after 多少/几.
QUESTION_UNITS = ("条", "件", "个", "次", "份", "项", "家", "名", "万元", "元", "篇")
