"""Every sentence of an answer to a question. Plain text; answer.py escapes it for HTML."""

from __future__ import annotations

from parsing.vocabulary import facts

# --- one value ---------------------------------------------------------------------------
VALUE = "{agency} {year}年 {label}：{value}"
VALUE_SUM = "{agency} {year}年 {label}：{value}（报告未列合计，由{n}项相加：{expr}）"
SOURCE_RANGE = "来源：{first} 至 {last}"
# Short names of the figures shown when a report gives parts but no total.
PART_LABELS = facts.PART_LABELS
BLANK = "{agency} {year}年 {label}：报告中该格为空"
SUM_PART_BLANK = "{agency} {year}年 {label}：无法相加，其中{blank}在报告中为空（{parts}）"
NOT_STATED = "{agency} {year}年报告未给出{label}。"
NOT_STATED_PARTS = "报告给出的数字：{parts}，报告未给出合计。"
NOT_IN_TEMPLATE = "该报告采用{template}年格式，其中没有“{label}”这一项。"
SOURCE_FACT = "来源：“{sentence}”"
SOURCE_CELL = "来源：{label}"
# A report read from a scan or photo by OCR.
FROM_OCR = "（该报告由扫描件/照片文字识别，数值请与原件核对）"
FROM_OCR_CONFIDENCE = "（该报告由扫描件/照片文字识别，此数值识别置信度 {confidence:.0%}，请与原件核对）"
SOURCE_PAGE = "（第{page}页）"
LATEST_YEAR_USED = "（未指定年份，按已有的最新报告：{year}年）"
CHECKS_FAILED = "⚠ 该报告有{count}项勾稽关系未通过：{rules}"

# --- several years ----------------------------------------------------------------------
COMPARE_HEAD = "{agency} {label}历年对比："
COMPARE_NO_REPORT = "没有报告"
COMPARE_BLANK = "该格为空"
COMPARE_NOT_STATED = "未给出"
COMPARE_ONLY_HELD = "（可比较的年份为{frm}年和{to}年）"
TREND_RANGE = "最高为{high}年（{hv}），最低为{low}年（{lv}）。"
BASE_ZERO = "上年为0，无法计算百分比"
COMPARE_UP = "{to}年比{frm}年增加{delta}{unit}（{pct}）。"
COMPARE_DOWN = "{to}年比{frm}年减少{delta}{unit}（{pct}）。"
COMPARE_SAME = "{to}年与{frm}年持平。"
COMPARE_NO_CHANGE = "可比较的年份不足两个，无法计算变化。"
COMPARE_ONE_YEAR = "{agency}只有{year}年的报告，无法对比。"
HEADER_YEAR = "年份"
HEADER_VALUE = "数值"

# --- several named agencies ---------------------------------------------------------------
PLACE_AGENCIES = "“{place}”有{n}个单位，分别如下（可点按钮只看其中一个）："
EACH_HEAD = "{year}年 {label}："
SUM_NAMED = "{n}个单位的{label}合计：{value}。"
DIFF_NAMED = "{a}比{b}{more}{delta}。"
MORE = "多"
LESS = "少"
RANK_NAMED_HEAD = "{year}年 {label}排名（{n}个单位有该数字）："
LEFT_OUT_SUM = "未计入（没有该年报告、该项为空或未给出）：{names}。"
LEFT_OUT_EACH = "没有这个数字（没有该年报告、该项为空或未给出）：{names}。"
LEFT_OUT_RANK = "未参加排名（没有该年报告、该项为空或未给出）：{names}。"
NO_NUMBERS_NAMED = "{year}年{names}都没有给出{label}，无法回答。可以换一个年份，或问“…有哪些年份的报告”。"

# --- two items of one report ---------------------------------------------------------------
TWO_ITEMS = "{agency} {year}年：{a} {va}，{b} {vb}。"
TWO_ITEMS_MISSING = "报告没有给出{missing}的数字，无法计算。"
ITEM_DIFF = "{a}比{b}{more}{delta}。"
SHARE = "{a}占{b}的{pct}。"
SHARE_ZERO_BASE = "{b}为0，无法计算占比。"
SHARE_NO_BASE = "不知道“{label}”占什么的比例，请写明，例如：予以公开占办理结果总计的比例。"

# --- publication and versions -----------------------------------------------------------------
PUBLISHED_ON = "{agency} {year}年报告的发布日期：{date}（报告落款）。"
PUBLISHED_UNKNOWN = "{agency} {year}年报告没有写明发布日期。"
ONE_VERSION = "只有一个版本，{received}收到。"
VERSIONS_HEAD = "共有{count}个版本，当前为第{current}版："
HEADER_VERSION = "版本"
HEADER_PUBLISHED = "发布日期"
HEADER_RECEIVED = "收到日期"
HEADER_STATE = "状态"
CURRENT = "当前"
OLD = "已被替换"

# --- who has not reported ------------------------------------------------------------------------
ALL_REGIONS = "所有登记单位"
MISSING_NONE_EXPECTED = "{region}没有登记应报送的单位（用 /register 或 nianbao agencies import 登记）。"
MISSING_ALL_IN = "{region} {year}年度报告：已到期的{expected}个单位都已报送，没有迟报。"
MISSING_HEAD = "{region} {year}年度报告报送情况（截至{today}）："
MISSING_COUNTS = (
    "应报{expected}家：已报{received}家（其中迟报{late}家），逾期未报{missing}家，截止日未到{pending}家。"
)
OVERDUE_DAYS = "已逾期{days}天"
LATE_HEAD = "迟报（截止日后收到）："
MORE_AGENCIES = "……另有{count}家未列出。"
HEADER_DEADLINE = "截止日"

# --- across agencies ------------------------------------------------------------------------
RANK_HEAD = "{year}年 {label}{order}的前{n}个单位（共{reports}份报告）："
RANK_MOST = "最多"
RANK_LEAST = "最少"
RANK_TOP = "{order}的是{agency}：{value}。"
RANK_LEFT_OUT = "另有{blank}份该项为空、{missing}份未给出，未参加排名。"
HEADER_RANK = "名次"
HEADER_AGENCY = "单位"
SUM_RESULT = "{year}年 {counted}份报告的{label}合计：{value}（共{reports}份报告）。"
SUM_LEFT_OUT = "另有{blank}份该项为空、{missing}份未给出，未计入合计。"
COUNT_RESULT = "{year}年的报告共{count}份。"
COUNT_ALL_HEAD = "已收到的报告份数："
HEADER_COUNT = "份数"
FAILED_HEAD = "{year}年勾稽关系未通过的报告（{count}份，共{reports}份报告）："
FAILED_NONE = "{year}年的{reports}份报告勾稽关系全部通过。"
FAILED_NONE_ONE = "{agency} {year}年报告的勾稽关系全部通过。"
FAILED_NONE_SOME_UNCHECKED = "{year}年的{reports}份报告中没有未通过的勾稽关系，但并非每项都能核对（见下）。"
UNCHECKED_HEAD = "无法核对的规则：{rules}。"
UNCHECKED_RULE = "{rule}（{n}份报告）"
CHECKS_UNKNOWN = "有{count}项勾稽关系无法核对：{rules}"
CHECKS_PASSED_SOME = "{agency} {year}年报告：{passed}项勾稽关系通过，没有未通过的，但不是每项都能核对。"
CHECKS_NONE_STORED = "{agency} {year}年报告没有存下勾稽关系的核对结果。"
HEADER_RULES = "未通过的检查"
YEARS_HELD = "{agency}：已有{years}的报告。"
YEARS_NONE = "{agency}：还没有任何报告。"
MORE_ROWS = "……另有{count}行未显示。"

# --- cannot answer ----------------------------------------------------------------------
NO_REPORT = "没有{agency}{year}年的报告。"
HELD_YEARS = "已有年份：{years}。"
NO_REPORTS_AT_ALL = "还没有{agency}的任何报告。"
NO_YEAR_DATA = "没有{year}年的报告，无法回答。"
NO_DATA = "数据库里还没有任何报告。"
NO_NUMBERS = "{year}年的{reports}份报告都没有给出{label}，无法回答。"
AMBIGUOUS = "“{typed}”可能指以下几个单位，请选择一个："
UNKNOWN_AGENCY = "没有找到单位“{typed}”的报告。"
CLOSE_AGENCIES = "相近的单位：{names}。"
ERROR = "抱歉，查询时出错了，请稍后再试。"
EMPTY = "请输入问题，例如：文登科技局2021年主动公开多少条"
NO_METRIC = "看懂了单位（{who}）{when}，但不知道要查哪一项数字。"
NO_METRIC_EXAMPLE = "年主动公开多少条"
ASK_LIKE = "可以这样问：{example}"
NOT_UNDERSTOOD = "没看懂这个问题，不知道该查哪一项。可以这样问："
EXAMPLES = (
    "文登科技局2021年主动公开多少条",
    "文登区科技局2021年收到多少申请",
    "文登科技局去年行政复议被纠正几件",
    "文登科技局2021和2022主动公开对比",
    "文登科技局2022年比上一年多公开了多少条",
    "平罗科技局和文登科技局2021年主动公开比较",
    "文登科技局2021年予以公开占比",
    "文登科技局2021年报告什么时候发布的",
    "2022年哪些单位没报",
    "2021年哪个单位收到申请最多",
    "2021年一共收到多少申请",
    "有多少份2021年报告",
    "2022年哪些报告勾稽关系不对",
)
TOPICS = (
    "可以问的项目：主动公开（总数、网站、微信等新媒体）、公文、政府开放日、建议提案、信息处理费；"
    "表二 规章和规范性文件（制发、废止、现行有效）、行政许可、行政处罚、行政强制、行政事业性收费；"
    "表三 新收申请、上年结转、予以公开、部分公开、不予公开、无法提供、不予处理、其他处理、结转下年度"
    "（可加“自然人”“商业企业”等申请人类别）；表四 行政复议、行政诉讼（维持、纠正、尚未审结）。"
)
TRUNCATED = "……（内容过长，已截断）"

# 勾稽关系 rules of SCHEMA.md in words.
RULES: dict[str, str] = {
    "t3.balance": "表三 新收+上年结转 ≠ 办理结果总计+结转下年度",
    "t3.rows_sum": "表三 办理结果各项之和 ≠ 总计",
    "t3.cols_sum": "表三 各类申请人之和 ≠ 总计",
    "t3.other_sum": "表三 其他处理三项之和 ≠ 其他处理",
    "t4.sums": "表四 各结果之和 ≠ 总计",
    "t2.in_force": "表二 出现负数",
    "narrative.applications": "正文所述申请数与表三不符",
    "narrative.review": "正文所述行政复议数与表四不符",
    "narrative.suit": "正文所述行政诉讼数与表四不符",
    "narrative.normative": "正文所述规范性文件数与表二不符",
    "cross.carry_over": "跨年 上年结转 ≠ 上一年度报告的结转下年度",
    "cross.in_force": "跨年 表二现行有效 ≠ 上年现行有效+本年制发−本年废止",
}
# The rules by what they check (for rules that could not be checked).
RULES_NAMED: dict[str, str] = {
    "t3.balance": "表三 收支平衡",
    "t3.rows_sum": "表三 办理结果之和",
    "t3.cols_sum": "表三 各类申请人之和",
    "t3.other_sum": "表三 其他处理三项之和",
    "t4.sums": "表四 各结果之和",
    "t2.in_force": "表二 非负",
    "narrative.applications": "正文申请数与表三",
    "narrative.review": "正文行政复议数与表四",
    "narrative.suit": "正文行政诉讼数与表四",
    "narrative.normative": "正文规范性文件数与表二",
    "checks": "勾稽检查",
    "cross.carry_over": "跨年 上年结转",
    "cross.in_force": "跨年 现行有效",
    "cross.jump": "跨年 数字变化",
}
