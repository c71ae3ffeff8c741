"""Words printed in tables 2-4 (2019 and 2021 formats), read by the table finder and the table reader.

Each entry maps a SCHEMA key part to the printed words that name it; a label cell names it
when it contains any of the words. Order matters where a tuple of pairs is used: the first
entry that fits wins (most specific first).
"""

from __future__ import annotations

# Labels printed in tables 2-4; a PDF page showing two of them holds (part of) a table.
PAGE_TABLE_LABELS = (
    "信息内容",
    "第二十条第",
    "本年制发件数",
    "处理决定数量",
    "收费金额",
    "申请人情况",
    "法人或其他组织",
    "商业企业",
    "本年新收",
    "上年结转",
    "予以公开",
    "部分公开",
    "不予公开",
    "属于国家秘密",
    "无法提供",
    "不予处理",
    "其他处理",
    "结转下年度",
    "结果维持",
    "结果纠正",
    "尚未审结",
    "未经复议直接起诉",
    "复议后起诉",
)

# --- which table a row belongs to -------------------------------------------------------

# A strong marker switches the reader to that table; weak markers name a new block's table.
T4_STRONG = ("复议后起诉", "未经复议")
T4_BOTH_GROUPS = ("行政复议", "行政诉讼")  # both in one row: table 4
T3_STRONG = ("申请人情况", "勾稽关系", "新收政府信息公开申请", "上年结转政府信息公开申请")
T2_STRONG = ("第二十条",)
T3_WEAK = (
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
    "结转下年",
    "本年度办理结果",
)
T2_WEAK = (
    "规章",
    "规范性文件",
    "行政许可",
    "行政处罚",
    "行政强制",
    "行政事业性收费",
    "政府集中采购",
    "信息内容",
)
T4_WEAK = ("结果维持", "结果纠正", "尚未审结")

# --- which format -----------------------------------------------------------------------

T2_2021_WORDS = ("制发件数", "废止件数", "现行有效", "收费金额")
T2_2019_WORDS = ("新制作", "新公开", "对外公开总", "上一年项目", "增/减", "采购项目", "对外管理服务")
T3_2021_WORDS = ("逾期不补正", "缴纳费用")

# --- table 2 ----------------------------------------------------------------------------

T2_ITEM_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("other_services", ("对外管理服务",)),
    ("normative", ("规范性文件",)),
    ("rules", ("规章",)),
    ("licensing", ("行政许可",)),
    ("punishment", ("行政处罚",)),
    ("coercion", ("行政强制",)),
    ("fees", ("行政事业性收费", "事业性收费")),
    ("procurement", ("政府集中采购", "集中采购")),
)
# Read only when no word above fits and the label is no column heading: 收费 is table 2's only
# fee item, whatever the office typed before it (“行政事业型收费”).
T2_ITEM_LOOSE_WORDS: tuple[tuple[str, str, tuple[str, ...]], ...] = (("fees", "行政事业性收费", ("收费",)),)
T2_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("made", ("制发件数", "本年制发")),
    ("repealed", ("废止",)),
    ("in_force", ("现行有效",)),
    ("amount", ("收费金额", "采购总金额", "总金额")),
    ("new_made", ("新制作",)),
    ("new_published", ("新公开",)),
    ("total_published", ("对外公开总",)),
    ("prev_items", ("上一年项目", "上年项目")),
    ("change", ("增/减", "增减", "增(减)")),
    ("items", ("采购项目",)),
    ("decisions", ("处理决定",)),
)
T2_HEADER_MARK = "信息内容"
# The column headings of each 第二十条 section as the national forms print them, in order; a
# heading cut short ("本年新" for 本年新制作数量 and 本年新公开数量 alike) is read by its place.
T2_FORM_HEADINGS: dict[str, tuple[tuple[tuple[str, str], ...], ...]] = {
    "2019": (
        (
            ("new_made", "本年新制作数量"),
            ("new_published", "本年新公开数量"),
            ("total_published", "对外公开总数量"),
        ),
        (("prev_items", "上一年项目数量"), ("change", "本年增/减"), ("decisions", "处理决定数量")),
        (("prev_items", "上一年项目数量"), ("change", "本年增/减")),
        (("items", "采购项目数量"), ("amount", "采购总金额")),
    ),
    "2021": (
        (("made", "本年制发件数"), ("repealed", "本年废止件数"), ("in_force", "现行有效件数")),
        (("decisions", "本年处理决定数量"),),
        (("amount", "本年收费金额（单位：万元）"),),
    ),
}
T2_CUT_HEADING_MIN = 2  # characters a cut heading keeps at least

# --- table 3 ----------------------------------------------------------------------------

# Applicant column headers, exactly as printed.
T3_HEADER_WORDS: dict[str, str] = {
    "自然人": "natural_person",
    "商业企业": "commercial",
    "科研机构": "research",
    "社会公益组织": "social",
    "法律服务机构": "legal",
    "其他": "other_org",
    "总计": "total",
}
# Words of the header rows (never data rows).
T3_HEADER_MARKS = (
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "法人或其他组织",
    "申请人情况",
    "勾稽",
)
T3_NEW_MARK = "新收"

# Specific row labels, tested on one label cell at a time (most specific first).
T3_ROW_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("new", ("新收",)),
    ("carried_in", ("上年结转",)),
    ("carried_out", ("结转下年", "继续办理")),
    ("granted", ("予以公开",)),
    ("partial", ("部分公开",)),
    ("denied_secret", ("国家秘密",)),
    ("denied_law", ("禁止公开",)),
    ("denied_safety", ("三安全一稳定", "危及")),
    ("denied_third_party", ("第三方",)),
    ("denied_internal", ("内部事务",)),
    ("denied_process", ("过程性",)),
    ("denied_enforcement", ("执法案卷", "行政执法卷", "执法卷")),
    ("denied_query", ("查询",)),
    ("unable_no_info", ("不掌握",)),
    ("unable_create", ("另行制作", "没有现成")),
    ("unable_unclear", ("不明确",)),
    ("rejected_petition", ("信访", "举报投诉")),
    ("rejected_repeat", ("重复申请",)),
    ("rejected_publication", ("出版物",)),
    ("rejected_mass", ("大量反复",)),
    ("rejected_confirm", ("重新出具", "确认或重新", "已获取信息")),
    ("other_overdue", ("逾期不补正",)),
    ("other_unpaid", ("缴纳费用", "收费通知")),
)
# Group labels (三（三）不予公开 …): the rows under them belong to the group.
T3_GROUP_WORDS: tuple[tuple[str, str], ...] = (
    ("denied", "不予公开"),
    ("unable", "无法提供"),
    ("rejected", "不予处理"),
    ("other", "其他处理"),
)
# 三（六）3.其他 and 三（七）总计, as whole label cells.
T3_OTHER_OTHER_PATTERN = r"^(?:\(?\d+\)?[.、]?)?其他$"
T3_TOTAL_PATTERN = r"^(?:[三]?[(（]?[七7][)）]?[、.]?)?(?:办理结果)?总计$"
T3_TOTAL_WORD = "总计"

# --- table 4 ----------------------------------------------------------------------------

T4_COLUMN_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("upheld", ("维持",)),
    ("corrected", ("纠正",)),
    ("pending", ("尚未", "审结")),
    ("other", ("其他",)),
    ("total", ("总计", "合计")),
)
# Words of table 4's header rows.
T4_HEADER_WORDS = ("行政复议", "行政诉讼", "复议后起诉")
