"""The date a report was published: a saved page's labelled date ("发布日期:2021-12-23",
"公开日期: | 2015-07-27 16:32 |", "发布日期 2024-01-16" without its colon, a label whose date stands on
the next line; a 发文日期, 成文日期 or
生成日期 only when no publication label is given, a mirror's 更新日期 last), else the closing line
("2025 年 1 月 17 日", full-width digits too), else a submission letter's signature above the
report (the agency's name, then its date), else a bare date beside the title ("2026-01-28 10:06",
"2021-03-2918:26" with the time run into the day, "2024年01月26日来源:于洪区教育局",
"(2024年1月26日)", "• 2024年01月31日", past lines of table rules). Never a date before the year
reported on.
"""

from __future__ import annotations

import re
from datetime import date
from itertools import pairwise

from parsing.header_agency import CN_DIGITS as _CN
from parsing.header_agency import YEAR_DIGITS as _Y
from parsing.header_agency import clean, looks_like_agency, norm
from parsing.numbers import chinese_to_int
from parsing.vocabulary import alternation
from parsing.vocabulary import meta as words

_DATE = re.compile(rf"^(?P<y>{_Y})年(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})月(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})日$")
_LABEL = (
    rf"(?:{alternation(words.PAGE_DATE_LABELS)}"
    rf"|(?:^|[^\u4e00-\u9fff]){alternation(words.PAGE_DATE_BARE_LABELS)})"
)
# A day run into the time after it: "2021-03-2918:26".
_DAY = r"(?P<d>\d{1,2})(?:(?!\d)|(?=[0-2]\d:\d\d))"
_YMD = rf"(?P<y>\d{{4}})\s*[-/.年]\s*(?P<m>\d{{1,2}})\s*[-/.月]\s*{_DAY}"
_VALUE = rf"\s*[:：|\s][\s|:：]*{_YMD}"  # "发文日期: | 2021-01-25 |", "发布日期 2024-01-16 主题词"
# The page's labels, publication first: a 发文日期 or 成文日期 is taken only when no 发布日期 is given,
# a mirror's 更新日期 (its own copy's date) last.
_PAGE_DATES = tuple(
    re.compile(rf"{label}{_VALUE}")
    for label in (
        _LABEL,
        alternation(words.PAGE_DOCUMENT_DATE_LABELS),
        alternation(words.PAGE_UPDATE_LABELS),
    )
)
# A label whose value is on the next line: "• 发布日期:" then "• 2021年03月18日", its colon too
# ("• 发布日期" / "2026-01-26"); a document's own date label so only when no publication label is given.
_LABEL_ALONE = re.compile(rf"{_LABEL}\s*[:：]?\s*$")
_DOCUMENT_LABEL_ALONE = re.compile(rf"{alternation(words.PAGE_DOCUMENT_DATE_LABELS)}\s*[:：]?\s*$")
_DATE_ALONE = re.compile(rf"^[\s•·]*{_YMD}\s*日?\s*$")
_NOT_PUBLISHED = re.compile(alternation(words.NOT_PUBLISHED))
# A bare date beside the title: "2023-01-30", "2024/01/26".
_BARE_DATE = re.compile(rf"(?<!\d)(?P<y>\d{{4}})(?P<sep>[-/])(?P<m>\d{{1,2}})(?P=sep){_DAY}")
# A line under the title that opens with the date: "2024年01月26日来源:于洪区教育局", "2025年01月20日 (点击: ) |".
_DATE_OPENS_LINE = re.compile(
    rf"^[\s|•·]*(?P<y>\d{{4}})年(?P<m>\d{{1,2}})月(?P<d>\d{{1,2}})日"  # "  • 2024年01月31日" too
    rf"(?=$|[\s|(（]|{alternation(words.PAGE_DATE_FOLLOWERS)})"
)
# The page's source line under the title, its date after the source: "来源:某县教育局 2024年01月26日 点击:".
_SOURCE_LINE = re.compile(r"^[^。，,；;]{0,60}$")
_SOURCE_WORD = re.compile(alternation(words.PAGE_DATE_FOLLOWERS))
_DATE_IN_LINE = re.compile(r"(?<!\d)(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日")
# A date in brackets under the title, as a submitted report prints it: "(2024年1月26日)".
_BRACKETS = re.compile(r"^[(（]|[)）]$")
# A line that is only a date and a time: "2026-01-28 10:06", "2025-01-16 10: 31".
_DATE_TIME_LINE = re.compile(
    r"^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:\s+\d{1,2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?)?\s*$"
)


# A line of a saved page's table rules only ("|", "| |||||"), passed over under the title.
_RULES_ONLY = re.compile(r"^[\s|]*$")


def _int(token: str) -> int | None:
    return int(token) if token.isdigit() else chinese_to_int(token)


def _make_date(match: re.Match[str]) -> date | None:
    year, month, day = _int(match.group("y")), _int(match.group("m")), _int(match.group("d"))
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_date(tail: list[str], head: list[str], title_at: int | None, year: int | None) -> date | None:
    """tail: the last blocks, cleaned; head: the first blocks with their spaces kept."""
    signed = _signed_in_head(head)
    for found in (_labelled_date(head), _closing_date(tail), signed, _bare_date(head, title_at)):
        if found is not None and (year is None or found.year >= year):
            return found
    return None


def _closing_date(tail: list[str]) -> date | None:
    for text in reversed(tail):
        match = _DATE.match(text)
        if match:
            return _make_date(match)
    return None


def _signed_in_head(head: list[str]) -> date | None:
    """A submission letter's signature above the report: "…现予公布。" / "应急管理部" / "2024年1月24日"."""
    for above, text in pairwise(head):
        match = _DATE.match(norm(text))
        if match and looks_like_agency(clean(above)):
            return _make_date(match)
    return None


def _labelled_date(head: list[str]) -> date | None:
    for i, text in enumerate(head):
        match = _PAGE_DATES[0].search(text)
        if match:
            return _make_date(match)
        if _LABEL_ALONE.search(text) and i + 1 < len(head):
            match = _DATE_ALONE.match(head[i + 1])
            if match:
                return _make_date(match)
    for pattern in _PAGE_DATES[1:]:
        for text in head:
            match = pattern.search(text)
            if match:
                return _make_date(match)
    for text, below in pairwise(head):
        match = _DATE_ALONE.match(below) if _DOCUMENT_LABEL_ALONE.search(text) else None
        if match:
            return _make_date(match)
    return None


def _bare_date(head: list[str], title_at: int | None) -> date | None:
    """A bare date right under the title (past any line of table rules), or a line of date and time
    just above it."""
    if title_at is None:
        return None
    below = [text for text in head[title_at + 1 : title_at + 6] if not _RULES_ONLY.match(text)]
    for text in below[:2]:
        match = (
            _BARE_DATE.search(text)
            or _DATE_OPENS_LINE.match(text)
            or _DATE.match(_BRACKETS.sub("", norm(text)))
            or (_SOURCE_LINE.match(text) and _SOURCE_WORD.search(text) and _DATE_IN_LINE.search(text))
        )
        if match and not _NOT_PUBLISHED.search(text):
            return _make_date(match)
    for text in reversed(head[max(0, title_at - 2) : title_at]):
        match = _DATE_TIME_LINE.match(text)
        if match:
            return _make_date(match)
    return None
