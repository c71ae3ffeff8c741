"""Words that decide what kind of question it is (not which figure: that is the vocabulary).

Pure: regular expressions only. Each cue is masked once read so it never becomes part of an
agency's name.
"""

from __future__ import annotations

import re

from parsing.vocabulary import alternation
from parsing.vocabulary.questions import QUESTION_UNITS

FAILED = re.compile(
    r"勾稽|校验|核验|检查未通过|没通过|未通过|不通过|不一致|对不上|不平衡|不平|有误|错误|有问题|不对|不符"
)
COUNT = re.compile(
    r"(多少|几)(份|篇|个|家)[^，,。]*?(报告|年报)|(报告|年报)(的)?(数量|总数|份数)"
    r"|(多少|几)(个|家)(单位|部门|机构)[^，,。]*?(报送|提交|上报|报了|交了|发布|报告|年报)"
)
YEARS_HELD = re.compile(
    r"哪些年|哪几年|哪一年|哪年|几年的|年份|有哪些报告|哪些报告|什么报告|报告列表|几份报告|多少份报告"
)
# Who has not reported (the reminders' registry), or reported late.
MISSING = re.compile(
    r"(?:没|未|没有|尚未|还没|还没有|未按时|没按时|不按时)(?:有)?(?:报|交|提交|报送|上报|发布|上传)"
    r"|迟报|晚报|(?:逾期|超期)(?:未报|未交|没报|没交|报送|上报|的单位|单位)|超过期限|过了期限|延迟报送|报晚了|交晚了"
    r"|缺报|漏报|还差(?:谁|哪)"
)
LATE = re.compile(r"迟报|晚报|报晚了|交晚了|迟交|晚交|延迟报送|(?:没|未|不)按时(?:报|交|提交|报送)")
# When a report was published, and which version is current.
PUBLISHED = re.compile(
    r"(?:什么时候|何时|哪天|哪一天|几号|几月几[日号]|啥时候|什么时间)(?:发布|公布|公开|发的|出的|报的|交的|上传)"
    r"|(?:发布|公布|印发|成文|落款)(?:的)?(?:时间|日期)|(?:时间|日期)是"
    r"|(?:哪个|哪一个|几个|最新|当前|现在的?|现行)(?:版本)|版本|改过|更新过|修改过|重新(?:发布|上传)"
)
VERSION = re.compile(r"版本|改过|更新过|修改过|重新(?:发布|上传)")
TOP = re.compile(r"(?:排名|排行)?前\s*([0-9]+|[一二两三四五六七八九十]{1,3})\s*(?:名|个|位|家|单位)?")
RANK = re.compile(
    r"最多|最少|最高|最低|最大|最小|排名|排行|排序|倒数|哪个单位|哪些单位|哪个部门|哪个机构|哪家|谁"
)
ASCENDING = re.compile(r"最少|最低|最小|倒数")
SUM = re.compile(
    r"一共|总共|合计|总数|加起来|加在一起|总和|全部|所有|全市|全区|全县|全省|共计|汇总|累计|共有|总计"
)
COMPARE = re.compile(r"对比|比较|相比|变化|增减|增长|增加|减少|下降|上升|同比|比去年|比上年|较上年|较去年")
# "A比B多多少", "相差几件": a difference between two agencies or two items.
DIFFERENCE = re.compile(
    r"多(?:多少|几|了多少|出多少|出几)|少(?:多少|几|了多少)|相差|差(?:多少|几|距)|差值|高多少|低多少|多出"
)
SHARE = re.compile(r"占比|比例|比重|百分比|百分之几|占(?:多少|几成|总数|全部|总)|所占|占了")
EACH = re.compile(r"分别|各自|各是|各有|各多少|每个单位|逐个")
# Between two agencies / items. 和平街道 keeps its 和: names are matched before this splits.
CONJUNCTION = re.compile(r"以及|还有|和|与|及|跟|同|、|比|/")

# Question words around the parts that matter; stripped from the ends of a leftover piece.
# Kept apart because 和/共/总/上/中 begin real names (和平区, 共青团, 总工会, 上海市).
_COMMON_FILLER = (
    r"请问|请|帮我|帮忙|麻烦|查询|查一下|查查|看看|看一下|告诉我|想知道|我想|一下|问一下|问问"
    rf"|(?:多少|几){alternation(QUESTION_UNITS)}?"
    r"|收到|新收|接到|受理|办理|处理|公开了|发布了|一共|总共|分别|各自"
    r"|是|了|的|吗|呢|啊|呀|吧|么|嘛|哈|哦|噢|有|对|比|较|数量|数目|数字|数据|情况|报告|年报|年度|年"
    r"|政府信息公开|信息公开|政务公开|工作|本年度|本年|全部|哪个|哪些|排名|排行|多|少"
)
# Voice input and chat openers: 嗯 那个 我们…, 帮忙看下….
_OPENERS = r"嗯+|呃+|额|唔|喂|那个|这个|就是|我们的?|咱们的?|我|看下|看看|帮忙看下|帮我看下|想问下?|问下|说说|请教一下|你好|您好"
PREFIX = re.compile(rf"^(?:{_COMMON_FILLER}|{_OPENERS}|关于|对于|在|由|对)+")
# 因/被/对/向 begin the rest of the question ("××局因政府信息公开被起诉几件"), never a name's end.
SUFFIX = re.compile(
    rf"(?:{_COMMON_FILLER}|和|与|跟|及|同|共|总|在|中|里|上|单位|部门|机构|因|被|对|向|就|给|把|所|为)+$"
)
SEPARATORS = re.compile(r"[\s,.;:!?，。；：！？\"'“”‘’（）()《》<>【】\[\]~\-—…]+")
AGENCY_END = re.compile(
    r"(局|委|办|院|府|中心|厅|署|会|所|站|队|处|馆|街道|镇|乡|区|县|市|政府|管委会|公司|集团|学校|大学|医院)$"
)
HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
# A piece that is only these is the rest of the question, never an agency.
NOT_A_NAME = re.compile(r"^(?:信息|情况|数据|多少|几|一下|单位|部门|机构|报告|年报|全市|全区|全县|全省)$")


def strip_filler(piece: str) -> str:
    # Until stable: removing one filler can expose another ("的报告").
    while (stripped := SUFFIX.sub("", PREFIX.sub("", piece))) != piece:
        piece = stripped
    return piece


def looks_like_name(piece: str) -> bool:
    if len(piece) < 2 or not HAS_CJK.search(piece) or NOT_A_NAME.match(piece):
        return False
    # A short leftover that names no organisation ("情况", "信息") is not an agency.
    return len(piece) > 3 or bool(AGENCY_END.search(piece))
