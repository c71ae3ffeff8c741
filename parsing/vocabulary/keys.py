"""SCHEMA keys with their Chinese labels (../shared/SCHEMA.md): tables 2-4 and the prose facts' units.

Labels are the printed row/column names; they head exports and answers. Keys are stable:
add new ones, never rename.
"""

from __future__ import annotations

TEMPLATE_2019 = "2019"
TEMPLATE_2021 = "2021"
TEMPLATES = (TEMPLATE_2019, TEMPLATE_2021)

# --- units --------------------------------------------------------------------------

AMOUNT_UNIT = "万元"
DEFAULT_UNIT = "件"
# Units printed after a count or an amount (a cell "12件", a question "多少条").
COUNT_UNITS = ("件", "条", "个", "项", "次", "人", "份", "家", "起", "宗", "篇")
MONEY_UNITS = ("万元", "元")

# --- Table 2 ------------------------------------------------------------------------

T2_2021: dict[str, str] = {
    "t2.rules.made": "规章 本年制发件数",
    "t2.rules.repealed": "规章 本年废止件数",
    "t2.rules.in_force": "规章 现行有效件数",
    "t2.normative.made": "行政规范性文件 本年制发件数",
    "t2.normative.repealed": "行政规范性文件 本年废止件数",
    "t2.normative.in_force": "行政规范性文件 现行有效件数",
    "t2.licensing.decisions": "行政许可 本年处理决定数量",
    "t2.punishment.decisions": "行政处罚 本年处理决定数量",
    "t2.coercion.decisions": "行政强制 本年处理决定数量",
    "t2.fees.amount": "行政事业性收费 本年收费金额（万元）",
}

T2_2019: dict[str, str] = {
    "t2.rules.new_made": "规章 本年新制作数量",
    "t2.rules.new_published": "规章 本年新公开数量",
    "t2.rules.total_published": "规章 对外公开总数量",
    "t2.normative.new_made": "规范性文件 本年新制作数量",
    "t2.normative.new_published": "规范性文件 本年新公开数量",
    "t2.normative.total_published": "规范性文件 对外公开总数量",
    "t2.licensing.prev_items": "行政许可 上一年项目数量",
    "t2.licensing.change": "行政许可 本年增/减",
    "t2.licensing.decisions": "行政许可 处理决定数量",
    "t2.other_services.prev_items": "其他对外管理服务事项 上一年项目数量",
    "t2.other_services.change": "其他对外管理服务事项 本年增/减",
    "t2.other_services.decisions": "其他对外管理服务事项 处理决定数量",
    "t2.punishment.prev_items": "行政处罚 上一年项目数量",
    "t2.punishment.change": "行政处罚 本年增/减",
    "t2.punishment.decisions": "行政处罚 处理决定数量",
    "t2.coercion.prev_items": "行政强制 上一年项目数量",
    "t2.coercion.change": "行政强制 本年增/减",
    "t2.coercion.decisions": "行政强制 处理决定数量",
    "t2.fees.prev_items": "行政事业性收费 上一年项目数量",
    "t2.fees.change": "行政事业性收费 本年增/减",
    "t2.procurement.items": "政府集中采购 采购项目数量",
    "t2.procurement.amount": "政府集中采购 采购总金额",
}

# Keys whose values are amounts in 万元 (decimals kept, never rounded).
AMOUNT_KEYS = frozenset({"t2.fees.amount", "t2.procurement.amount"})

# --- Table 3 ------------------------------------------------------------------------

T3_COLUMNS: dict[str, str] = {
    "natural_person": "自然人",
    "commercial": "商业企业",
    "research": "科研机构",
    "social": "社会公益组织",
    "legal": "法律服务机构",
    "other_org": "其他",
    "total": "总计",
}

T3_ROWS_COMMON_HEAD: dict[str, str] = {
    "new": "本年新收政府信息公开申请数量",
    "carried_in": "上年结转政府信息公开申请数量",
    "granted": "予以公开",
    "partial": "部分公开",
    "denied_secret": "不予公开/属于国家秘密",
    "denied_law": "不予公开/其他法律行政法规禁止公开",
    "denied_safety": "不予公开/危及“三安全一稳定”",
    "denied_third_party": "不予公开/保护第三方合法权益",
    "denied_internal": "不予公开/属于三类内部事务信息",
    "denied_process": "不予公开/属于四类过程性信息",
    "denied_enforcement": "不予公开/属于行政执法案卷",
    "denied_query": "不予公开/属于行政查询事项",
    "unable_no_info": "无法提供/本机关不掌握相关政府信息",
    "unable_create": "无法提供/没有现成信息需要另行制作",
    "unable_unclear": "无法提供/补正后申请内容仍不明确",
    "rejected_petition": "不予处理/信访举报投诉类申请",
    "rejected_repeat": "不予处理/重复申请",
    "rejected_publication": "不予处理/要求提供公开出版物",
    "rejected_mass": "不予处理/无正当理由大量反复申请",
    "rejected_confirm": "不予处理/要求行政机关确认或重新出具已获取信息",
}
T3_ROWS_OTHER_2021: dict[str, str] = {
    "other_overdue": "其他处理/申请人无正当理由逾期不补正",
    "other_unpaid": "其他处理/申请人逾期未按收费通知要求缴纳费用",
    "other_other": "其他处理/其他",
}
T3_ROWS_TAIL: dict[str, str] = {
    "other": "其他处理",
    "handled_total": "办理结果总计",
    "carried_out": "结转下年度继续办理",
}

# --- Table 4 ------------------------------------------------------------------------

T4_GROUPS: dict[str, str] = {
    "review": "行政复议",
    "suit_direct": "行政诉讼（未经复议直接起诉）",
    "suit_after_review": "行政诉讼（复议后起诉）",
}
T4_COLUMNS: dict[str, str] = {
    "upheld": "结果维持",
    "corrected": "结果纠正",
    "other": "其他结果",
    "pending": "尚未审结",
    "total": "总计",
}

# The three tables by their printed titles.
TABLE_TITLES: dict[str, str] = {
    "t2": "表二（主动公开政府信息情况）",
    "t3": "表三（收到和处理政府信息公开申请情况）",
    "t4": "表四（政府信息公开行政复议、行政诉讼情况）",
}
