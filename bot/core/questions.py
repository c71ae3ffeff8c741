"""Chinese text -> a typed Query, or None when the question is not understood.

Pure: no database. The agency is kept as the words the user typed (`agency`); answer.py
resolves it against stored names and aliases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from bot.core.metrics import PHRASES, Metric, qualifier_table, resolve
from parsing.numbers import chinese_to_int, parse_int_token
from parsing.vocabulary import alternation
from parsing.vocabulary.questions import QUESTION_UNITS
from storage.queries import simplify

DEFAULT_TOP = 10
MAX_TOP = 50
MAX_QUESTION_CHARS = 500


class QueryKind(StrEnum):
    VALUE = "value"  # one figure of one agency's report
    COMPARE_YEARS = "compare_years"  # one figure of one agency across years
    RANK = "rank"  # agencies ordered by a figure for a year
    SUM = "sum"  # a figure added up over all reports of a year
    COUNT_REPORTS = "count_reports"  # how many reports a year has
    LIST_FAILED_CHECKS = "list_failed_checks"  # reports whose 勾稽关系 fail
    YEARS_HELD = "years_held"  # which years of an agency are stored


@dataclass(frozen=True)
class Query:
    kind: QueryKind
    text: str  # the question, normalised (simplified, half-width)
    agency: str | None = None  # as typed, e.g. 文登科技局
    years: tuple[int, ...] = ()  # empty: latest (VALUE) / chosen by the answer (COMPARE)
    metric: Metric | None = None
    limit: int = DEFAULT_TOP
    descending: bool = True
    recent: int | None = None  # 近三年 -> 3 (COMPARE_YEARS)
    all_years: bool = False  # 历年 / 每年 (COMPARE_YEARS)


# --- years ----------------------------------------------------------------------------

_YEAR_FULL = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)(?:年度|年)?")
_YEAR_CN = re.compile(r"([〇零○一二三四五六七八九]{4})(?:年度|年)")
_YEAR_SHORT = re.compile(r"(?<![\d前近])(\d{2})(?:年度|年)")
# "比去年" compares with the year before the one asked about; it is not a year of its own.
_YEAR_RELATIVE = re.compile(r"(?<![比较同])(大前年|前年|去年|上一年|上年度|今年)(?!结转)")
_RELATIVE_OFFSET = {"大前年": -3, "前年": -2, "去年": -1, "上一年": -1, "上年度": -1, "今年": 0}
_YEAR_RANGE = re.compile(r"(?<!\d)((?:19|20)\d{2})年?\s*(?:到|至|~|-|—)\s*((?:19|20)\d{2})年?(?!\d)")
_RECENT = re.compile(r"(?:近|最近|过去)([0-9一二两三四五六七八九十]+)年")


@dataclass
class _Text:
    """The question being taken apart: found parts are masked so the rest is the agency."""

    s: str
    mask: list[bool]

    @classmethod
    def of(cls, s: str) -> _Text:
        return cls(s, [False] * len(s))

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.mask[i] = True

    def free(self, start: int, end: int) -> bool:
        return not any(self.mask[start:end])

    def finditer(self, pattern: re.Pattern[str]) -> list[re.Match[str]]:
        return [m for m in pattern.finditer(self.s) if self.free(m.start(), m.end())]

    def rest(self) -> list[str]:
        chunks: list[str] = []
        cur: list[str] = []
        for ch, taken in zip(self.s, self.mask, strict=True):
            if taken:
                chunks.append("".join(cur))
                cur = []
            else:
                cur.append(ch)
        chunks.append("".join(cur))
        return chunks


def _years(t: _Text, now: datetime) -> tuple[list[int], int | None]:
    years: list[int] = []
    for m in t.finditer(_YEAR_RANGE):
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        if b - a <= 20:
            years.extend(range(a, b + 1))
            t.take(m.start(), m.end())
    for m in t.finditer(_YEAR_FULL):
        years.append(int(m.group(1)))
        t.take(m.start(), m.end())
    for m in t.finditer(_YEAR_CN):
        years.append(chinese_to_int(m.group(1)) or 0)
        t.take(m.start(), m.end())
    for m in t.finditer(_YEAR_SHORT):
        two = int(m.group(1))
        century = 2000 if two <= now.year % 100 + 1 else 1900
        years.append(century + two)
        t.take(m.start(), m.end())
    for m in t.finditer(_YEAR_RELATIVE):
        years.append(now.year + _RELATIVE_OFFSET[m.group(1)])
        t.take(m.start(), m.end())
    recent = None
    for m in t.finditer(_RECENT):
        recent = parse_int_token(m.group(1))
        t.take(m.start(), m.end())
    return list(dict.fromkeys(sorted(years))), recent


# --- words that decide the kind of question ---------------------------------------------

_FAILED = re.compile(
    r"勾稽|校验|核验|检查未通过|没通过|未通过|不通过|不一致|对不上|不平衡|不平|有误|错误|有问题|不对|不符"
)
_COUNT = re.compile(
    r"(多少|几)(份|篇|个|家)[^，,。]*?(报告|年报)|(报告|年报)(的)?(数量|总数|份数)"
    r"|(多少|几)(个|家)(单位|部门|机构)[^，,。]*?(报送|提交|上报|报了|交了|发布|报告|年报)"
)
_YEARS_HELD = re.compile(
    r"哪些年|哪几年|哪一年|哪年|几年的|年份|有哪些报告|哪些报告|什么报告|报告列表|几份报告|多少份报告"
)
_TOP = re.compile(r"(?:排名|排行)?前\s*([0-9]+|[一二两三四五六七八九十]{1,3})\s*(?:名|个|位|家|单位)?")
_RANK = re.compile(
    r"最多|最少|最高|最低|最大|最小|排名|排行|排序|倒数|哪个单位|哪些单位|哪个部门|哪个机构|哪家|谁"
)
_ASCENDING = re.compile(r"最少|最低|最小|倒数")
_SUM = re.compile(r"一共|总共|合计|总数|加起来|总和|全部|所有|全市|全区|全县|全省|共计|汇总|累计")
_COMPARE = re.compile(
    r"对比|比较|相比|变化|增减|增长|减少|同比|比去年|比上年|较上年|较去年|趋势|历年|每年|逐年"
)
_ALL_YEARS = re.compile(r"历年|每年|逐年|各年|趋势")
# Question words around the parts that matter; stripped from the ends of the agency words.
# Kept apart because 和/共/总/上/中 begin real names (和平区, 共青团, 总工会, 上海市).
_COMMON_FILLER = (
    r"请问|请|帮我|帮忙|查询|查一下|查查|告诉我|想知道|我想|一下"
    rf"|(?:多少|几){alternation(QUESTION_UNITS)}?"
    r"|收到|新收|接到|受理|办理|处理|公开了|发布了|一共|总共"
    r"|是|了|的|吗|呢|啊|呀|吧|么|有|对|比|较|数量|数目|数字|情况|报告|年报|年度|年"
    r"|政府信息公开|信息公开|政务公开|工作|本年度|本年|全部|哪个|哪些|排名|排行"
)
_PREFIX = re.compile(rf"^(?:{_COMMON_FILLER})+")
_SUFFIX = re.compile(rf"(?:{_COMMON_FILLER}|和|与|跟|及|共|总|在|中|里|上|单位|部门|机构|多|少)+$")
_SEPARATORS = re.compile(r"[\s,.;:!?、，。；：！？\"'“”‘’（）()《》<>【】\[\]~\-—]+")
_AGENCY_END = re.compile(r"(局|委|办|院|府|中心|厅|署|会|所|站|队|处|馆|街道|镇|乡|区|县|市|政府|管委会)$")


def _normalise(text: str) -> str:
    text = simplify(text)[:MAX_QUESTION_CHARS]
    # Spaces mean nothing in Chinese; keep one only where it separates two numbers.
    text = re.sub(r"(?<=\d)\s+(?=\d)", "、", text)
    return re.sub(r"\s+", "", text).strip()


def _metric(t: _Text) -> Metric | None:
    for phrase, defn in PHRASES:
        start = t.s.find(phrase)
        while start >= 0 and not t.free(start, start + len(phrase)):
            start = t.s.find(phrase, start + 1)
        if start < 0:
            continue
        t.take(start, start + len(phrase))
        qualifier = None
        for name, phrases in qualifier_table(defn).items():
            for q in sorted(phrases, key=len, reverse=True):
                pos = t.s.find(q)
                if pos >= 0 and t.free(pos, pos + len(q)):
                    qualifier = name
                    t.take(pos, pos + len(q))
                    break
            if qualifier:
                break
        return resolve(defn, qualifier, phrase)
    return None


def _agency(t: _Text) -> str | None:
    best = ""
    for chunk in t.rest():
        for piece in _SEPARATORS.split(chunk):
            # Strip until stable: removing one filler can expose another ("的报告").
            while (stripped := _SUFFIX.sub("", _PREFIX.sub("", piece))) != piece:
                piece = stripped
            if len(piece) >= 2 and re.search(r"[\u4e00-\u9fff]", piece) and len(piece) > len(best):
                best = piece
    if not best:
        return None
    # A lone leftover word that names no organisation ("情况", "信息") is not an agency.
    if len(best) <= 3 and not _AGENCY_END.search(best):
        return None
    return best


def parse_question(text: str, *, now: datetime | None = None) -> Query | None:
    """Read a question; None when it asks for nothing this bot knows."""
    # The calendar (今年, 去年) is that of `now`'s own zone: callers pass local time (settings.tz).
    now = now or datetime.now(UTC)
    norm = _normalise(text)
    if not norm:
        return None
    t = _Text.of(norm)
    years, recent = _years(t, now)

    top = None
    for m in t.finditer(_TOP):
        top = parse_int_token(m.group(1))
        t.take(m.start(), m.end())
    failed = [m for m in t.finditer(_FAILED)]
    for m in failed:
        t.take(m.start(), m.end())
    is_count = bool(_COUNT.search(norm))
    held_words = t.finditer(_YEARS_HELD)
    is_years_held = bool(held_words)
    for m in held_words:
        t.take(m.start(), m.end())
    metric = None if failed else _metric(t)
    markers = {}
    for name, pattern in (("rank", _RANK), ("sum", _SUM), ("compare", _COMPARE)):
        found = t.finditer(pattern)
        markers[name] = bool(found)
        for m in found:
            t.take(m.start(), m.end())
    ascending = bool(_ASCENDING.search(norm))
    agency = _agency(t)

    if failed:
        return Query(QueryKind.LIST_FAILED_CHECKS, norm, agency=agency, years=tuple(years))
    if metric is None:
        if agency and (is_years_held or is_count):
            return Query(QueryKind.YEARS_HELD, norm, agency=agency)
        if is_count:
            return Query(QueryKind.COUNT_REPORTS, norm, years=tuple(years))
        return None
    if agency is None:
        if markers["rank"] or top is not None:
            limit = max(1, min(top or DEFAULT_TOP, MAX_TOP))
            return Query(
                QueryKind.RANK, norm, years=tuple(years), metric=metric, limit=limit, descending=not ascending
            )
        return Query(QueryKind.SUM, norm, years=tuple(years), metric=metric)
    if len(years) >= 2 or markers["compare"] or recent:
        return Query(
            QueryKind.COMPARE_YEARS,
            norm,
            agency=agency,
            years=tuple(years),
            metric=metric,
            recent=recent,
            all_years=bool(_ALL_YEARS.search(norm)),
        )
    return Query(QueryKind.VALUE, norm, agency=agency, years=tuple(years), metric=metric)


def replace_agency(query: Query, full_name: str) -> str:
    """The question again with the agency written out in full (for the choice buttons)."""
    if query.agency and query.agency in query.text:
        return query.text.replace(query.agency, full_name, 1)
    return f"{full_name}{query.text}"
