"""The printed layout of the national tables 2-4: the headings that group their rows and columns.

Row and column labels themselves are in `keys`; these are the words above and beside them in
the national format (国办公开办函〔2021〕30号, 〔2019〕60号), for sheets laid out like it.
"""

from __future__ import annotations

T2_TITLE = "二、主动公开政府信息情况"
T3_TITLE = "三、收到和处理政府信息公开申请情况"
T4_TITLE = "四、政府信息公开行政复议、行政诉讼情况"

T2_ITEM = "信息内容"

T3_CORNER = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS = "申请人情况"
T3_LEGAL_PERSONS = "法人或其他组织"  # over the columns between 自然人 and 总计
T3_RESULTS = "三、本年度办理结果"
# Rows printed outside the 办理结果 block, with their numbers.
T3_OUTER_PREFIX = {"new": "一、", "carried_in": "二、", "carried_out": "四、"}
# The 办理结果 groups in printed order, with their numbers; a row label "group/item" belongs to group.
T3_GROUP_PREFIX = {
    "予以公开": "（一）",
    "部分公开": "（二）",
    "不予公开": "（三）",
    "无法提供": "（四）",
    "不予处理": "（五）",
    "其他处理": "（六）",
    "办理结果总计": "（七）",
}
T3_PRINTED = {"办理结果总计": "总计"}  # what the national table prints for a row label

T4_REVIEW = "行政复议"
T4_SUIT = "行政诉讼"
T4_SUIT_GROUPS = {"suit_direct": "未经复议直接起诉", "suit_after_review": "复议后起诉"}
